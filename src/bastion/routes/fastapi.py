"""FastAPI/Starlette: app and `APIRouter` decorators, `add_api_route`, `include_router(prefix=...,
dependencies=...)`, mounted sub-applications, websockets; `Depends`/`Security` at every level."""

from __future__ import annotations

from dataclasses import replace

from bastion.routes import guards
from bastion.routes.index import Index
from bastion.routes.model import Endpoint, Guard, Handler
from bastion.routes.syntax import last
from bastion.routes.tree import Container, Link, join, placements

_VERBS = {"get", "post", "put", "patch", "delete", "head", "options"}


def _dependency_guards(value: object, index: Index) -> list[Guard]:
    items = value if isinstance(value, list) else []
    return [g for g in (guards.dependency(item, index) for item in items) if g]


def _containers(index: Index) -> dict[str, Container]:
    found = {}
    for name, spec in index.objects.items():
        call = spec.get("call") or ""
        kind = last(call)
        if not call.startswith(("fastapi", "starlette")):
            continue
        kwargs = spec.get("kwargs", {})
        if kind in {"FastAPI", "Starlette"}:
            found[name] = Container(name, "app", guards=_dependency_guards(kwargs.get("dependencies"), index))
        elif kind == "APIRouter":
            prefix = kwargs.get("prefix")
            found[name] = Container(name, "router", prefix if isinstance(prefix, str) else "",
                                    _dependency_guards(kwargs.get("dependencies"), index))
    return found


def endpoints(index: Index) -> list[Endpoint]:
    containers = _containers(index)
    if not containers:
        return []
    links: list[Link] = []
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if owner not in containers or call["method"] not in {"include_router", "mount"}:
            continue
        args, kwargs = call["args"], call["kwargs"]
        if call["method"] == "include_router":
            child = args[0] if args else kwargs.get("router")
            prefix = kwargs.get("prefix")
            if isinstance(child, dict) and child.get("ref"):
                links.append(Link(owner, index.resolve(child["ref"]), _include_prefix(containers, index.resolve(child["ref"]), prefix),
                                  _dependency_guards(kwargs.get("dependencies"), index)))
        else:
            child = args[1] if len(args) > 1 else kwargs.get("app")
            prefix = args[0] if args else kwargs.get("path")
            if isinstance(child, dict) and child.get("ref") and isinstance(prefix, str):
                links.append(Link(owner, index.resolve(child["ref"]), prefix, mounted=True))
    _middleware(index, containers)
    places = placements(containers, links)
    result: list[Endpoint] = []
    for name in containers:
        routes = index.objects[name].get("kwargs", {}).get("routes")
        for prefix, inherited in places.get(name, [("", [])]):
            result += _route_list(index, routes, prefix, inherited, name, 0)
    for name, (path, function) in index.functions.items():
        for spec in function["decorators"]:
            owner, _, method = spec["name"].rpartition(".")
            owner = index.resolve(owner)
            if spec.get("param_owner") and owner not in containers:
                apps = [n for n, c in containers.items() if c.kind == "app"]
                owner = apps[0] if len(apps) == 1 else owner
            if owner in containers and spec["call"] and method in {*_VERBS, "api_route", "websocket", "route"}:
                applied = function["decorators"][function["decorators"].index(spec) + 1:]
                result += _endpoints(index, places, owner, method, spec.get("args", []), spec.get("kwargs", {}), name, path,
                                     {**function, "decorators": applied})
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if owner in containers and call["method"] in {"add_api_route", "add_api_websocket_route", "add_route", "add_websocket_route"}:
            args, kwargs = call["args"], call["kwargs"]
            target = args[1] if len(args) > 1 else kwargs.get("endpoint")
            found = index.function(target.get("ref")) if isinstance(target, dict) and target.get("ref") else None
            if found:
                method = "websocket" if "websocket" in call["method"] else "api_route"
                result += _endpoints(index, places, owner, method, args[:1], kwargs, index.resolve(target["ref"]), *found)
    return result


def _include_prefix(containers: dict[str, Container], child: str, prefix: object) -> str | None:
    own = containers[child].prefix if child in containers else ""
    return join(prefix, own) if isinstance(prefix, str) and prefix else None


def _endpoints(index, places, owner, method, args, kwargs, name, path, function) -> list[Endpoint]:
    rule = args[0] if args else kwargs.get("path")
    if not isinstance(rule, str):
        return []
    if method in _VERBS:
        methods = [method.upper()]
    elif method == "websocket":
        methods = ["WEBSOCKET"]
    else:
        declared = kwargs.get("methods")
        methods = sorted({m.upper() for m in declared if isinstance(m, str)}) if isinstance(declared, list) else ["GET"]
    own = [*_dependency_guards(kwargs.get("dependencies"), index), *guards.parameter_guards(function, index)]
    own += [g for g in (guards.decorator(spec, index) for spec in function["decorators"]) if g]
    inline = guards.inline(function, index)
    if inline:
        own.append(inline)
    return [
        Endpoint("fastapi", join(prefix, rule), tuple(methods), Handler(name, path, function["line"], function["col"]),
                 tuple([*(g for g in inherited if g.applies_to(join(prefix, rule), name)), *own]), kind="websocket" if method == "websocket" else "http", group=owner,
                 writes=function["writes"])
        for prefix, inherited in places.get(owner, [("", [])])
    ]


def _route_list(index: Index, routes: object, prefix: str, inherited: list[Guard], group: str, depth: int) -> list[Endpoint]:
    """Starlette-style `routes=[Route(...), WebSocketRoute(...), Mount(..., routes=[...])]`."""
    if isinstance(routes, dict) and routes.get("ref"):
        routes = (index.object(routes["ref"]) or {}).get("list")
    if not isinstance(routes, list) or depth > 8:
        return []
    result: list[Endpoint] = []
    for entry in routes:
        if not isinstance(entry, dict) or "call" not in entry:
            continue
        kind, args, kwargs = last(entry["call"]), entry.get("args", []), entry.get("kwargs", {})
        path = args[0] if args else kwargs.get("path")
        if not isinstance(path, str):
            continue
        if kind == "Mount":
            inner = kwargs.get("routes") or (args[1] if len(args) > 1 else None)
            result += _route_list(index, inner, join(prefix, path), inherited, group, depth + 1)
            continue
        if kind not in {"Route", "WebSocketRoute", "APIRoute", "APIWebSocketRoute"}:
            continue
        target = args[1] if len(args) > 1 else kwargs.get("endpoint")
        ref = index.resolve(target.get("ref")) if isinstance(target, dict) and target.get("ref") else None
        websocket = "WebSocket" in kind
        found = index.function(ref)
        if found:
            declared = kwargs.get("methods")
            methods = (["WEBSOCKET"] if websocket else
                       sorted({m.upper() for m in declared if isinstance(m, str)}) if isinstance(declared, list) else ["GET"])
            file, function = found
            own = [*guards.parameter_guards(function, index),
                   *(g for g in (guards.decorator(spec, index) for spec in function["decorators"]) if g)]
            result.append(Endpoint("fastapi", join(prefix, path), tuple(methods), Handler(ref, file, function["line"], function["col"]),
                                   tuple([*(g for g in inherited if g.applies_to(join(prefix, path), ref)), *own]),
                                   kind="websocket" if websocket else "http", group=group,
                                   writes=function["writes"]))
        elif ref and index.class_(ref):  # HTTPEndpoint subclasses: the verbs they define
            file, cls = index.class_(ref)
            verbs = sorted({m.upper() for m in cls["methods"] if m in _VERBS})
            result.append(Endpoint("fastapi", join(prefix, path), tuple(verbs or ["GET"]), Handler(ref, file, cls["line"], cls["col"]),
                                   tuple(inherited), group=group))
    return result


def _middleware(index: Index, containers: dict[str, Container]) -> None:
    """`@app.middleware("http")` functions and `app.add_middleware(Class)` whose `dispatch` refuses callers
    guard every route of the app (minus the paths they let through first)."""
    for name, (_, function) in index.functions.items():
        for spec in function["decorators"]:
            owner, _, method = spec["name"].rpartition(".")
            owner = index.resolve(owner)
            if method == "middleware" and owner in containers:
                found = guards.hook(name, index)
                if found:
                    containers[owner].guards.append(replace(found, source="middleware"))
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if call["method"] == "add_middleware" and owner in containers and call["args"] and isinstance(call["args"][0], dict):
            cls = index.resolve(call["args"][0].get("ref"))
            method = index.class_method(cls, "dispatch") or index.class_method(cls, "__call__")
            if method:
                found = guards.hook(f"{method[0]}.{'dispatch' if index.class_method(cls, 'dispatch') else '__call__'}", index)
                if found:
                    containers[owner].guards.append(replace(found, name=last(cls), source="middleware"))
