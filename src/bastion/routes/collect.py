"""The per-file pass of the route analysis: a file's route-relevant facts as plain data.

Nothing here knows a framework's meaning; it records what the project pass needs to resolve
routes across modules: functions (decorators, parameters, what the body does), classes (bases,
attributes, methods), objects built at assignment (`bp = Blueprint(...)`), method calls that wire
things together (`register_blueprint`, `include_router`, `router.register`, ...), `urlpatterns`,
and the Django settings that matter for access control.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import Any

from bastion.engine.astutil import descendants
from bastion.routes import syntax
from bastion.routes.syntax import Names, decorator_spec

# Method calls that register routes, hooks or sub-applications.
WIRING = frozenset({
    "register_blueprint", "add_url_rule", "before_request", "before_app_request", "include_router",
    "add_api_route", "add_api_websocket_route", "add_route", "add_websocket_route", "mount", "register",
    "route", "api_route", "add_middleware", "add_resource", "add_namespace", "get", "post", "put", "patch", "delete", "websocket", "head", "options",
})
_SETTINGS = ("REST_FRAMEWORK", "MIDDLEWARE", "ROOT_URLCONF", "LOGIN_URL")
_FACTORY_STATEMENTS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.Assign})


def collect(tree: ast.Module, module: str, is_package: bool) -> dict[str, Any] | None:
    names = Names(tree, module, is_package)
    facts: dict[str, Any] = {"module": module, "imports": {k: v for k, v in names.bindings.items() if not v.startswith(module + ".")}, "functions": {}, "classes": {}, "objects": {}, "calls": [],
                             "urlpatterns": None, "settings": {}}
    _Collector(names, facts).visit_body(tree.body, module, top=True)
    if not any((facts["functions"], facts["classes"], facts["objects"], facts["calls"], facts["urlpatterns"], facts["settings"])):
        return None
    return facts


class _Collector:
    def __init__(self, names: Names, facts: dict[str, Any]) -> None:
        self.names = names
        self.facts = facts

    def visit_body(self, body: list[ast.stmt], scope: str, *, top: bool, in_class: bool = False) -> None:
        for statement in body:
            self.visit(statement, scope, top=top, in_class=in_class)

    def visit(self, node: ast.stmt, scope: str, *, top: bool, in_class: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = syntax.Body(node)
            outer, self.names = self.names, self.names.local(body.imports)
            try:
                self.function(node, f"{scope}.{node.name}", body)
                if not in_class:
                    self.scan_calls(body.calls)
            finally:
                self.names = outer
            return
        if isinstance(node, ast.ClassDef):
            self.class_(node, f"{scope}.{node.name}")
            return
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self.assignment(node, top=top)
        if isinstance(node, (ast.If, ast.Try, ast.With)) and top:
            for child in [*node.body, *getattr(node, "orelse", []), *getattr(node, "finalbody", [])]:
                self.visit(child, scope, top=top, in_class=in_class)
            return
        if not in_class and node.__class__ is not ast.Import and node.__class__ is not ast.ImportFrom:  # no calls in those
            self.scan_calls([call for call in descendants(node) if call.__class__ is ast.Call])

    # -- definitions ------------------------------------------------------------------------

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, qualname: str, body: syntax.Body | None = None) -> None:
        names = self.names
        body = body or syntax.Body(node)
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        params = []
        for arg, default in [*zip(positional, defaults, strict=True), *zip(args.kwonlyargs, args.kw_defaults, strict=True)]:
            param: dict[str, Any] = {"name": arg.arg}  # "default" and "annotation" are read with .get: None is left out
            if default is not None and (value := syntax.arg_value(default, names)) is not None:
                param["default"] = value
            if arg.annotation is not None and (spec := annotation_spec(arg.annotation, names)) is not None:
                param["annotation"] = spec
            params.append(param)
        entry = {
            "name": node.name, "line": node.lineno, "col": node.col_offset,
            "decorators": [decorator_spec(d, names) for d in node.decorator_list],
            "params": params, "writes": syntax.writes(body),
            "guard": syntax.guard_signature(body), "inline": syntax.inline_guard(body),
            "compared_methods": syntax.compared_methods(body), "vocabulary": syntax.vocabulary(body),
            "exempt": syntax.hook_exemptions(body), "head_calls": syntax.head_calls(body, names),
        }
        self.facts["functions"][qualname] = _without_empty(entry)
        for child in node.body:  # route functions and the app itself inside an application factory
            if child.__class__ not in _FACTORY_STATEMENTS:
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and child.decorator_list:
                self.function(child, f"{self.names.module}.{child.name}")
                params = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
                specs = self.facts["functions"][f"{self.names.module}.{child.name}"]["decorators"]
                for spec, decorator in zip(specs, child.decorator_list, strict=True):
                    if _root_name(decorator) in params:  # def register_routes(app): @app.route(...)
                        spec["param_owner"] = True
            elif isinstance(child, ast.Assign) and isinstance(child.value, ast.Call):
                for target in child.targets:
                    qual = f"{self.names.module}.{target.id}" if isinstance(target, ast.Name) else None
                    if qual and qual not in self.facts["objects"]:
                        spec = syntax.arg_value(child.value, self.names)
                        spec["line"] = child.lineno
                        self.facts["objects"][qual] = spec

    def class_(self, node: ast.ClassDef, qualname: str) -> None:
        names = self.names
        attrs: dict[str, Any] = {}
        methods: list[str] = []
        for item in node.body:
            if isinstance(item, ast.Assign):
                for target in item.targets:
                    if isinstance(target, ast.Name):
                        attrs[target.id] = syntax.arg_value(item.value, names)
            elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.value is not None:
                attrs[item.target.id] = syntax.arg_value(item.value, names)
            elif isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                methods.append(item.name)
                self.function(item, f"{qualname}.{item.name}")
        self.facts["classes"][qualname] = {
            "name": node.name, "line": node.lineno, "col": node.col_offset,
            "bases": [names.qual(b) or "" for b in node.bases],
            "decorators": [decorator_spec(d, names) for d in node.decorator_list],
            "attrs": attrs, "methods": methods,
        }

    def assignment(self, node: ast.Assign | ast.AnnAssign | ast.AugAssign, *, top: bool) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        value = node.value
        if value is None:
            return
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            name = target.id
            if name == "urlpatterns" and top:
                entries = syntax.arg_value(value, self.names)
                if isinstance(value, ast.BinOp):
                    entries = [*_flatten(value.left, self.names), *_flatten(value.right, self.names)]
                if not isinstance(entries, list):
                    entries = [entries]
                previous = self.facts["urlpatterns"] or []
                self.facts["urlpatterns"] = [*previous, *entries] if isinstance(node, ast.AugAssign) else entries
                continue
            if name in _SETTINGS and top:
                self.facts["settings"][name] = syntax.arg_value(value, self.names)
                continue
            qual = f"{self.names.module}.{name}"
            if isinstance(value, ast.Call):
                spec = syntax.arg_value(value, self.names)
                spec["line"] = node.lineno
                self.facts["objects"][qual] = spec
            elif isinstance(value, ast.List) and top and any(isinstance(e, ast.Call) for e in value.elts):
                self.facts["objects"][qual] = {"list": syntax.arg_value(value, self.names)}  # routes = [Route(...)]
            elif isinstance(value, ast.Subscript):
                annotated = annotation_spec(value, self.names)
                if annotated and "annotated" in annotated:
                    self.facts["objects"][qual] = annotated

    # -- wiring calls ---------------------------------------------------------------------------

    def scan_calls(self, calls: Iterable[ast.Call]) -> None:
        for sub in calls:
            if isinstance(sub.func, ast.Attribute) and sub.func.attr in WIRING:
                if isinstance(sub.func.value, ast.Call) and sub.func.attr in {"get", "post", "put", "patch", "delete"}:
                    continue
                receiver = self.names.qual(sub.func.value)
                if receiver is None:
                    continue
                self.facts["calls"].append({
                    "receiver": receiver, "method": sub.func.attr, "line": sub.lineno,
                    "args": [syntax.arg_value(a, self.names) for a in sub.args],
                    "kwargs": {k.arg: syntax.arg_value(k.value, self.names) for k in sub.keywords if k.arg},
                })


# Body facts read with `.get(key, empty)`: most functions are neither handlers nor guards, and
# facts travel from the workers and into the cache, so their empty values are left out.
_OPTIONAL = ("guard", "inline", "compared_methods", "exempt", "head_calls")


def _without_empty(entry: dict[str, Any]) -> dict[str, Any]:
    for key in _OPTIONAL:
        if not entry[key]:
            del entry[key]
    vocabulary = {key: value for key, value in entry.pop("vocabulary").items() if value}
    if vocabulary:
        entry["vocabulary"] = vocabulary
    return entry


def _flatten(node: ast.expr, names: Names) -> list[Any]:
    value = syntax.arg_value(node, names)
    if isinstance(node, ast.BinOp):
        return [*_flatten(node.left, names), *_flatten(node.right, names)]
    return value if isinstance(value, list) else [value]


def annotation_spec(node: ast.expr | None, names: Names) -> dict[str, Any] | None:
    """`Annotated[User, Depends(f)]` -> {"annotated": [...metadata]}; a plain name -> {"ref": ...}."""
    if node is None:
        return None
    if isinstance(node, ast.Subscript) and syntax.last(names.qual(node.value)) == "Annotated":
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return {"annotated": [syntax.arg_value(e, names) for e in elements[1:]]}
    if isinstance(node, (ast.Name, ast.Attribute)):
        qual = names.qual(node)
        return {"ref": qual} if qual else None
    return None


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Call, ast.Attribute)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None
