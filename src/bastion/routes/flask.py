"""Flask: routes on apps and blueprints (`route`, `get`/`post`/..., `add_url_rule`, `MethodView`),
nested blueprints, `register_blueprint(url_prefix=...)`, `before_request` hooks and decorators."""

from __future__ import annotations

from bastion.routes import guards, restful
from bastion.routes.index import Index
from bastion.routes.model import Endpoint, Guard, Handler
from bastion.routes.syntax import HTTP_VERBS, last
from bastion.routes.tree import Container, Link, join, placements

_SHORTCUTS = {"get", "post", "put", "patch", "delete"}


def _containers(index: Index) -> dict[str, Container]:
    found = {}
    for name, spec in index.objects.items():
        kind = last(spec.get("call"))
        if kind == "Flask" and spec["call"].startswith("flask"):
            found[name] = Container(name, "app")
        elif kind == "Blueprint" and spec["call"].startswith("flask"):
            prefix = spec.get("kwargs", {}).get("url_prefix")
            found[name] = Container(name, "blueprint", prefix if isinstance(prefix, str) else "")
    found.update(restful.containers(index))
    return found


def endpoints(index: Index) -> list[Endpoint]:
    containers = _containers(index)
    if not containers:
        return []
    links: list[Link] = []
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if owner not in containers:
            continue
        if call["method"] == "register_blueprint" and call["args"] and isinstance(call["args"][0], dict):
            child = index.resolve(call["args"][0].get("ref"))
            prefix = call["kwargs"].get("url_prefix")
            links.append(Link(owner, child, prefix if isinstance(prefix, str) else None))
        elif call["method"] in {"before_request", "before_app_request"} and call["args"]:
            _add_hook(containers[owner], call["args"][0], call["method"], index)
    for name, (_, function) in index.functions.items():
        for spec in function["decorators"]:
            owner, _, method = spec["name"].rpartition(".")
            owner = index.resolve(owner)
            if owner in containers and method in {"before_request", "before_app_request"} and not spec["call"]:
                _add_hook(containers[owner], {"ref": name}, method, index)
    links += restful.links(index, containers)
    places = placements(containers, links)
    result: list[Endpoint] = []
    for name, (path, function) in index.functions.items():
        for spec in function["decorators"]:
            owner, _, method = spec["name"].rpartition(".")
            owner = index.resolve(owner)
            if spec.get("param_owner") and owner not in containers:
                owner = only_app(containers) or owner
            if owner not in containers or not spec["call"] or method not in {"route", *_SHORTCUTS}:
                continue
            rule = (spec.get("args") or [spec.get("kwargs", {}).get("rule")])[0]
            methods = _methods(spec["kwargs"].get("methods")) if method == "route" else [method.upper()]
            applied = function["decorators"][function["decorators"].index(spec) + 1:]
            result += _function_endpoints(index, places, owner, rule, methods, name, path, function, applied)
    for _, call in index.calls:
        owner = index.resolve(call["receiver"])
        if owner in containers and call["method"] == "add_url_rule":
            result += _add_url_rule(index, places, owner, call)
    result += restful.endpoints(index, containers, places)
    return result


def _add_hook(container: Container, target: object, method: str, index: Index) -> None:
    ref = target.get("ref") if isinstance(target, dict) else None
    found = guards.hook(ref, index) if ref else None
    if found:
        (container.app_guards if method == "before_app_request" else container.guards).append(found)


def _methods(value: object) -> list[str]:
    if isinstance(value, list):
        return sorted({str(v).upper() for v in value if isinstance(v, str)}) or ["GET"]
    return ["GET"]


def _decorator_guards(index: Index, specs: list[dict]) -> list[Guard]:
    return [g for g in (guards.decorator(spec, index) for spec in specs) if g]


def _csrf(specs: list[dict], path: str) -> tuple[str, int, int] | None:
    for spec in specs:
        if last(spec["name"]) in {"csrf_exempt", "exempt"} and "csrf" in spec["name"].lower():
            return (path, spec["line"], spec["col"])
    return None


def _function_endpoints(index, places, owner, rule, methods, name, path, function, applied=None) -> list[Endpoint]:
    """`applied`: the decorators below the route decorator, the only ones wrapping what Flask registered
    (a `@login_required` written above `@app.route` protects nothing)."""
    if not isinstance(rule, str):
        return []
    own = _decorator_guards(index, function["decorators"] if applied is None else applied)
    inline = guards.inline(function, index)
    if inline:
        own.append(inline)
    result = []
    for prefix, inherited in places.get(owner, [("", [])]):
        result.append(Endpoint(
            "flask", join(prefix, rule), tuple(methods), Handler(name, path, function["line"], function["col"]),
            tuple([*(g for g in inherited if g.applies_to(join(prefix, rule), name)), *own]), group=owner, writes=function["writes"],
            csrf_exempt=_csrf(function["decorators"], path),
        ))
    return result


def _add_url_rule(index: Index, places, owner: str, call: dict) -> list[Endpoint]:
    args, kwargs = call["args"], call["kwargs"]
    rule = args[0] if args else kwargs.get("rule")
    view = kwargs.get("view_func") or (args[2] if len(args) > 2 else None)
    if not isinstance(view, dict):
        return []
    if "ref" in view:
        found = index.function(view["ref"])
        if found is None:
            return []
        methods = _methods(kwargs.get("methods"))
        return _function_endpoints(index, places, owner, rule, methods, index.resolve(view["ref"]), found[0], found[1])
    target = view.get("call", "")
    if last(target) not in {"as_view", "login_required"}:
        return []
    if last(target) == "login_required":  # add_url_rule("/x", view_func=login_required(View.as_view("x")))
        inner = view.get("args", [None])[0]
        endpoints_ = _add_url_rule(index, places, owner, {**call, "kwargs": {**kwargs, "view_func": inner}, "args": args[:2]})
        extra = guards.decorator({"name": target, "call": False}, index)
        return [_with_guard(e, extra) for e in endpoints_] if extra else endpoints_
    class_name = index.resolve(target.rpartition(".")[0])
    found = index.class_(class_name)
    if found is None or not isinstance(rule, str):
        return []
    path, cls = found
    declared = index.class_attr(class_name, "methods")
    defined = sorted({m.upper() for a in index.ancestors(class_name) if a in index.classes
                      for m in index.classes[a][1]["methods"] if m in HTTP_VERBS})
    methods = _methods(declared) if isinstance(declared, list) else (defined or ["GET"])
    if isinstance(kwargs.get("methods"), list):
        methods = _methods(kwargs["methods"])
    decorators = index.class_attr(class_name, "decorators") or []
    own = [g for g in (guards.value_guard(d, index, "decorator") for d in decorators) if g] if isinstance(decorators, list) else []
    by_method = {m.lower(): {g for g in (guards.decorator(s, index) for s in found_[2]["decorators"]) if g}
                 for m in methods if (found_ := index.class_method(class_name, m.lower()))}
    own += guards.per_method(by_method, methods)
    writes = any(index.class_method(class_name, m.lower()) and index.class_method(class_name, m.lower())[2]["writes"] for m in methods)
    result = []
    for prefix, inherited in places.get(owner, [("", [])]):
        result.append(Endpoint("flask", join(prefix, rule), tuple(methods), Handler(class_name, path, cls["line"], cls["col"]),
                               tuple([*inherited, *own]), group=owner, writes=writes))
    return result


def _with_guard(endpoint: Endpoint, guard: Guard) -> Endpoint:
    from dataclasses import replace

    return replace(endpoint, guards=(*endpoint.guards, guard))


def only_app(containers: dict[str, Container]) -> str | None:
    """The project's single application, for routes declared on an `app` parameter."""
    apps = [name for name, c in containers.items() if c.kind == "app"]
    return apps[0] if len(apps) == 1 else None
