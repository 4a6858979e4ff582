"""Containers of routes (apps, blueprints, routers) and how they nest: full prefixes and the
guards every route inside inherits from its ancestors."""

from __future__ import annotations

from dataclasses import dataclass, field

from bastion.routes.model import Guard


@dataclass
class Container:
    name: str
    kind: str  # app, blueprint, router
    prefix: str = ""
    guards: list[Guard] = field(default_factory=list)  # own: router dependencies, before_request hooks
    app_guards: list[Guard] = field(default_factory=list)  # before_app_request: for the whole app


@dataclass
class Link:
    parent: str
    child: str
    prefix: str | None  # None: the child's own prefix
    guards: list[Guard] = field(default_factory=list)
    mounted: bool = False  # a separate application: only the parent's middleware reaches it


def join(*parts: str) -> str:
    path = ""
    for part in parts:
        if not part:
            continue
        if path.endswith("/") and part.startswith("/"):
            part = part[1:]
        elif path and not path.endswith("/") and not part.startswith("/"):
            part = "/" + part
        path += part
    if not path.startswith("/"):
        path = "/" + path
    return path


def placements(containers: dict[str, Container], links: list[Link]) -> dict[str, list[tuple[str, list[Guard]]]]:
    """Each container's (full prefix, inherited guards) for every place it is mounted; containers
    never linked anywhere are roots at their own prefix."""
    children = {link.child for link in links if link.child in containers}
    result: dict[str, list[tuple[str, list[Guard]]]] = {}

    def place(name: str, prefix: str, guards: list[Guard], depth: int, app_guards: list[Guard]) -> None:
        container = containers[name]
        result.setdefault(name, []).append((prefix, [*guards, *container.guards, *app_guards]))
        if depth > 16:
            return
        for link in links:
            if link.parent == name and link.child in containers:
                child = containers[link.child]
                own = child.prefix if link.prefix is None else link.prefix
                passed = [g for g in container.guards if g.source == "middleware"] if link.mounted else container.guards
                place(link.child, join(prefix, own), [*guards, *passed, *link.guards], depth + 1, app_guards)

    for name, container in containers.items():
        if name not in children:
            app_guards = [g for c in containers.values() for g in c.app_guards] if container.kind == "app" else []
            place(name, container.prefix if container.kind != "app" else "", [], 0, app_guards)
    for name, container in containers.items():  # only reachable through a cycle
        if name not in result:
            place(name, container.prefix, [], 16, [])
    return result
