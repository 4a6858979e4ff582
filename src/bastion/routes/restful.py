"""Flask-RESTful and Flask-RESTX: `Api(app_or_blueprint, prefix=...)`, `Namespace`s, and `Resource`
classes added with `api.add_resource(Resource, "/path", ...)` or `@ns.route("/path")`."""

from __future__ import annotations

from bastion.routes import guards
from bastion.routes.index import Index
from bastion.routes.model import Endpoint, Guard, Handler
from bastion.routes.syntax import HTTP_VERBS, last
from bastion.routes.tree import Container, Link, join

_ROOTS = ("flask_restful", "flask_restx", "flask_restplus")


def containers(index: Index) -> dict[str, Container]:
    found: dict[str, Container] = {}
    for name, spec in index.objects.items():
        call = spec.get("call") or ""
        kwargs = spec.get("kwargs", {})
        if call.startswith(_ROOTS) and last(call) == "Api":
            found[name] = Container(name, "blueprint", kwargs.get("prefix") if isinstance(kwargs.get("prefix"), str) else "")
        elif (call.startswith(_ROOTS) and last(call) == "Namespace") or last(call) == "namespace":
            args = spec.get("args", [])
            path = kwargs.get("path") or (f"/{args[0]}" if args and isinstance(args[0], str) else "")
            found[name] = Container(name, "blueprint", path if isinstance(path, str) else "")
    return found


def links(index: Index, known: dict[str, Container]) -> list[Link]:
    found: list[Link] = []
    for name, spec in index.objects.items():
        call = spec.get("call") or ""
        args = spec.get("args", [])
        if call.startswith(_ROOTS) and last(call) == "Api" and args and isinstance(args[0], dict):
            parent = index.resolve(args[0].get("ref"))
            if parent in known:
                found.append(Link(parent, name, None))
        elif last(call) == "namespace" and index.resolve(call.rpartition(".")[0]) in known:
            found.append(Link(index.resolve(call.rpartition(".")[0]), name, None))
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if call["method"] == "add_namespace" and owner in known and call["args"] and isinstance(call["args"][0], dict):
            path = call["kwargs"].get("path")
            found.append(Link(owner, index.resolve(call["args"][0].get("ref")), path if isinstance(path, str) else None))
    return found


def endpoints(index: Index, known: dict[str, Container], places) -> list[Endpoint]:
    result: list[Endpoint] = []
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if call["method"] == "add_resource" and owner in known and call["args"] and isinstance(call["args"][0], dict):
            paths = [p for p in call["args"][1:] if isinstance(p, str)]
            result += _resource(index, places, owner, index.resolve(call["args"][0].get("ref")), paths)
    for name, (_, cls) in index.classes.items():
        for spec in cls["decorators"]:
            owner, _, method = spec["name"].rpartition(".")
            owner = index.resolve(owner)
            if owner in known and method == "route" and spec["call"]:
                result += _resource(index, places, owner, name, [p for p in spec.get("args", []) if isinstance(p, str)])
    return result


def _resource(index: Index, places, owner: str, name: str, paths: list[str]) -> list[Endpoint]:
    found = index.class_(name)
    if found is None:
        return []
    file, cls = found
    methods = sorted({m.upper() for a in index.ancestors(name) if a in index.classes
                      for m in index.classes[a][1]["methods"] if m in HTTP_VERBS}) or ["GET"]
    own: list[Guard] = []
    for attr in ("decorators", "method_decorators"):
        own += [g for g in (guards.value_guard(d, index, "decorator") for d in _class_decorators(index.class_attr(name, attr), methods)) if g]
    verbs = [index.functions.get(f"{a}.{m.lower()}") for a in index.ancestors(name) if a in index.classes
             for m in methods if m.lower() in index.classes[a][1]["methods"]]
    by_method = {m.lower(): {g for g in (guards.decorator(s, index) for s in found_[2]["decorators"]) if g}
                 for m in methods if (found_ := index.class_method(name, m.lower()))}
    own += guards.per_method(by_method, methods)
    writes = any(v and v[1]["writes"] for v in verbs)
    return [
        Endpoint("flask", join(prefix, path), tuple(methods), Handler(name, file, cls["line"], cls["col"]),
                 tuple([*inherited, *own]), group=owner, writes=writes)
        for path in paths for prefix, inherited in places.get(owner, [("", [])])
    ]


def _class_decorators(value: object, methods: list[str]) -> list:
    """`decorators = [...]`, or `method_decorators = {"get": [...], ...}` when it covers every method."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "ref" not in value and "call" not in value:
        per_method = [value.get(m.lower()) for m in methods]
        if all(isinstance(items, list) for items in per_method):
            common = [d for d in per_method[0] if all(d in items for items in per_method[1:])]
            return common
    return []
