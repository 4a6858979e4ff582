"""Intra-procedural taint flow: one abstract interpretation per function, producing its summary.

Each function is run once over its statements with an environment of abstract values (see
`values.py`). Branches are analysed separately and merged; conditions that fold to constants prune
dead branches; guards (membership in literal collections, safe `re.fullmatch`, `isdigit()`,
`realpath(...).startswith(...)`, URL allowlists) clean the guarded variable in the branch they
protect. Calls to project code become symbolic `c:N` labels that the project pass resolves.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from bastion.engine.names import BUILTIN_NAMES, resolve_relative
from bastion.taint import spec
from bastion.taint.calls import dump_calls, evaluate_call, is_response_class
from bastion.taint.patterns import cleared_by
from bastion.taint.settings import TaintOptions
from bastion.taint.values import (
    CLEAN,
    EMPTY,
    NOCONST,
    Env,
    Taint,
    Val,
    clear,
    const,
    dump,
    join,
    merge,
    plain,
    target_key,
    union,
    with_taint,
)

ROUTE_METHODS = frozenset({"route", "get", "post", "put", "delete", "patch", "head", "options", "api_route", "websocket", "view"})
SUBPROCESS = frozenset({"subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_output", "subprocess.check_call"})
OS_EXEC = frozenset({"os.execv", "os.execve", "os.execvpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.posix_spawn", "os.posix_spawnp"})
URL_CHECKS = frozenset({"django.utils.http.url_has_allowed_host_and_scheme", "django.utils.http.is_safe_url"})
# Predicates that hold only for values from a fixed, known set (a configured language code).
MEMBERSHIP_CHECKS = frozenset({
    "django.utils.translation.check_for_language", "django.utils.translation.trans_real.check_for_language",
})
PATH_NORMALISERS = frozenset({"os.path.realpath", "os.path.abspath", "os.path.normpath", "pathlib.Path.resolve"})
VALIDATING_METHODS = {"isdigit": spec.ALL, "isnumeric": spec.ALL, "isdecimal": spec.ALL, "isalnum": spec.ALL,
                      "isalpha": spec.ALL, "isidentifier": spec.ALL}
NEWLINE_KINDS = frozenset({"log", "header"})
INJECTION_KINDS = frozenset({"sql", "command", "xss", "ldap", "xpath", "header", "log", "template"})
MAX_CONST_LEN = 10_000
XSS = frozenset({"xss"})
MIDDLEWARE_METHODS = frozenset({"__call__", "process_request", "process_view", "process_response", "process_exception", "dispatch"})
REDIRECT = frozenset({"redirect"})
MAX_REFINED_OPERANDS = 8  # longer `and`/`or` chains refine only the branch where all operands agree
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "dispatch_request"})
FLASK_VIEWS = frozenset({"flask.views.MethodView", "flask.views.View"})
NORETURN = frozenset({
    "flask.abort", "werkzeug.exceptions.abort", "quart.abort", "sys.exit", "os._exit", "exit", "quit",
    "bottle.abort", "aiohttp.web.HTTPBadRequest", "django.core.exceptions.PermissionDenied",
})
# Method names a call `x.m(...)` needs to be a guard (see guarded): validators, regular-expression
# matches, prefix checks, and the last parts of the guarding functions' dotted names.
GUARD_METHODS = frozenset({
    *VALIDATING_METHODS, "fullmatch", "match", "search", "startswith", "is_relative_to",
    *(name.rsplit(".", 1)[-1] for name in URL_CHECKS | MEMBERSHIP_CHECKS),
})
# Last parts of the dotted NORETURN names: `x.m()` can only be one of those if `m` is one of these.
NORETURN_LAST = frozenset(name.rsplit(".", 1)[-1] for name in NORETURN if "." in name)
MAX_LOOP_PASSES = 2
_GUARD_OPERATORS = frozenset({ast.In, ast.NotIn, ast.Eq, ast.NotEq, ast.Is, ast.IsNot})  # comparisons that can guard
_DEF_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
MAX_NESTED_REPEATS = 3


class FileFlow:
    """Summaries of every function of one file."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool, path: str, text: str, options: TaintOptions) -> None:
        self.tree = tree
        self.module = module
        self.is_package = is_package
        self.path = path
        self.text = text
        self._lines: list[str] | None = None  # split only when a sink needs its snippet
        self.options = options
        self.imports: dict[str, str] = {}
        self.consts: dict[str, Any] = {}
        self.defined: dict[str, str] = {}  # module-level def/class name -> qualname
        self.classes: dict[str, dict[str, Any]] = {}  # class qualname -> {"bases": [...], "fields": {...}, "enum": bool}
        self.sources: list[list[Any]] = []
        self._source_ids: dict[tuple, int] = {}
        self.calls: list[dict[str, Any]] = []
        self.functions: list[dict[str, Any]] = []
        self.frameworks: set[str] = set()
        self.django = False  # Django or DRF imported (set once the imports are known)
        self.aiohttp = False
        self.dependencies: set[str] = set()  # names of functions used as FastAPI dependencies
        self.routes: list[list[Any]] = []  # Django URL patterns: [view, {kwarg: kinds its converter makes safe}]
        self.globals: dict[str, str] = {}  # module-level name -> qualified name of its value
        self.attr_quals: dict[str, dict[str, str]] = {}  # class name -> self attribute -> qualified name
        self.sax_external = False
        self.module_env: Env = {}  # what functions see of the module's variables
        self.module_roots: frozenset[str] = frozenset()  # dotted_roots(module_env)
        self.named_values: dict[str, Val] = {}  # qualified name -> its value, for names that are no source
        self._noreturn: dict[str, bool] = {}  # memo of noreturn()
        # Methods that can be a sink on a receiver of unknown kind and name (see calls._sinks), and
        # the memo of calls._is_ordinary: both depend on the options only, so files share them.
        self.sink_methods, self.ordinary = _per_options(options)

    # -- module facts --------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        self._collect_module()
        self.django = bool(self.frameworks & {"django", "rest_framework"})
        self.aiohttp = "aiohttp" in self.frameworks
        module_fn = FunctionFlow(self, None, self.module + ".<module>", None, {}, ())
        module_fn.run_body(self.tree.body)
        self.functions.append(module_fn.summary())
        module_env = {name: value for name, value in (module_fn.env or {}).items() if value.kind or value.const is not NOCONST or value.items}
        self.module_env, self.module_roots = module_env, dotted_roots(module_env)
        self._walk_defs(self.tree.body, self.module, None, module_env)
        return {
            "functions": self.functions, "sources": self.sources, "calls": dump_calls(self.calls),
            "aliases": {f"{self.module}.{name}": qual for name, qual in self.imports.items()},
            "classes": {qual: info["bases"] for qual, info in self.classes.items()},
            "routes": self.routes,
        }

    def _collect_module(self) -> None:
        text = self.text
        self.sax_external = "external-general-entities" in text or "feature_external_ges" in text
        class_defs: list[ast.ClassDef] = []
        # `self.x = ...` assignments under each class, in the order a walk of the class body
        # visits them; their values are named only at the end, once imports and globals are known.
        self_stores: dict[int, list[ast.Assign]] = {}
        # FastAPI markers, by name (identifiers are NFKC-normalised, so non-ASCII text may spell them otherwise)
        self._may_depend = "Depends" in text or "Security" in text or not text.isascii()
        self._scan_statements(self.tree.body, (), class_defs, self_stores)
        if "django" in self.frameworks and "path(" in text:
            for stmt in self.tree.body:
                if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr)):
                    for node in ast.walk(stmt):
                        if isinstance(node, ast.Call) and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant):
                            self._django_route(node)
        self._module_names()
        for node in class_defs:
            self._class_attributes(node, self_stores[id(node)])

    def _scan_statements(self, body: list[ast.stmt], owners: tuple[list[ast.Assign], ...],
                         class_defs: list[ast.ClassDef], self_stores: dict[int, list[ast.Assign]]) -> None:
        """Imports, classes, FastAPI dependencies and `self.x = ...` stores, in every nested body (a
        statement's own bodies are visited last field first, as the walk this replaced did)."""
        for node in body:
            step, nested = _SCAN_STEPS.get(node.__class__, _LEAF_STEP)
            if step is _LEAF:
                continue
            if step is _ASSIGN:
                if owners and len(node.targets) == 1:
                    target = node.targets[0]
                    if target.__class__ is ast.Attribute and target.value.__class__ is ast.Name and target.value.id == "self":
                        for stores in owners:
                            stores.append(node)
                continue
            if step is _CLASS:
                class_defs.append(node)
                stores: list[ast.Assign] = []
                self_stores[id(node)] = stores
                self._scan_statements(node.body, (*owners, stores), class_defs, self_stores)
                continue
            if step is _FUNCTION:
                if self._may_depend and (node.args.defaults or node.args.kw_defaults):
                    self._dependencies(node)
            elif step is _IMPORT:
                self._import(node)
            elif step is _IMPORT_FROM:
                self._import_from(node)
                continue
            for name in nested:
                self._scan_statements(getattr(node, name), owners, class_defs, self_stores)

    def _import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.imports[alias.asname] = alias.name
            else:
                head = alias.name.split(".", 1)[0]
                self.imports.setdefault(head, head)
            self.frameworks.add(alias.name.split(".", 1)[0])

    def _import_from(self, node: ast.ImportFrom) -> None:
        base = resolve_relative(self.module, self.is_package, node.level, node.module)
        if base:
            self.frameworks.add(base.split(".", 1)[0])
        for alias in node.names:
            if alias.name != "*" and base:
                self.imports[alias.asname or alias.name] = f"{base}.{alias.name}"

    def _module_names(self) -> None:
        """Module-level definitions, constants assigned once, and what other globals name."""
        assigned: dict[str, int] = {}
        for stmt in self.tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.defined[stmt.name] = f"{self.module}.{stmt.name}"
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) else []
            for target in targets:
                if isinstance(target, ast.Name):
                    assigned[target.id] = assigned.get(target.id, 0) + 1
                    continue
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        assigned[name.id] = assigned.get(name.id, 0) + 1
        for stmt in self.tree.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                if len(targets) == 1 and isinstance(targets[0], ast.Name) and assigned.get(targets[0].id) == 1:
                    value = fold(stmt.value, self.consts)
                    if value is NOCONST and isinstance(stmt.value, ast.Call) and self.qual(stmt.value.func) == "re.compile":
                        pattern = fold(stmt.value.args[0], self.consts) if stmt.value.args else NOCONST
                        if isinstance(pattern, str):
                            value = _CompiledPattern(pattern)
                    if value is not NOCONST:
                        self.consts[targets[0].id] = value
                    elif (qual := self.qual(stmt.value)) is not None:
                        self.globals[targets[0].id] = qual

    def _dependencies(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """FastAPI dependencies (`Depends(f)`): `f`'s parameters are request parameters too."""
        for default in (*node.args.defaults, *node.args.kw_defaults):
            if isinstance(default, ast.Call) and default.args and isinstance(default.func, (ast.Name, ast.Attribute)):
                marker = default.func.id if isinstance(default.func, ast.Name) else default.func.attr
                if marker in {"Depends", "Security"} and isinstance(default.args[0], ast.Name):
                    self.dependencies.add(default.args[0].id)

    def _class_attributes(self, node: ast.ClassDef, self_stores: list[ast.Assign]) -> None:
        """Qualified names of what class-level names and `self.x = ...` assignments hold."""
        types = self.attr_quals.setdefault(node.name, {})
        for inner in node.body:
            name = inner.targets[0] if isinstance(inner, ast.Assign) and len(inner.targets) == 1 else None
            if isinstance(name, ast.Name) and (qual := self.qual(inner.value)) is not None:
                types[name.id] = qual
        for inner in self_stores:
            if (qual := self.qual(inner.value)) is not None:
                types[inner.targets[0].attr] = qual  # type: ignore[attr-defined]

    def _django_route(self, call: ast.Call) -> None:
        route = call.args[0].value
        qual = self.qual(call.func)
        if qual not in spec.DJANGO_ROUTES or not isinstance(route, str):
            return
        view = self.qual(call.args[1])
        if view is None:
            return
        view = view.removesuffix(".as_view()")
        params: dict[str, list[str]] = {}
        if qual.endswith(".path"):
            for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
                params[name] = sorted(spec.DJANGO_CONVERTERS.get(converter or "str", frozenset()))
        else:
            for name, pattern in re.findall(r"\(\?P<(\w+)>((?:[^()\\]|\\.)*)\)", route):
                params[name] = sorted(cleared_by(pattern, "fullmatch"))
        self.routes.append([view, params])

    def _walk_defs(self, body: list[ast.stmt], scope: str, cls: str | None, closure: Env) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.analyse_function(stmt, f"{scope}.{stmt.name}", cls, closure)
            elif isinstance(stmt, ast.ClassDef):
                qual = f"{scope}.{stmt.name}"
                bases = [b for b in (self.qual(base) for base in stmt.bases) if b]
                fields = {
                    s.target.id: s.annotation for s in stmt.body
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                }
                enum = any(b.startswith("enum.") for b in bases)
                self.classes[qual] = {"bases": bases, "fields": fields, "enum": enum}
                self._walk_defs(stmt.body, qual, qual, closure)
            elif isinstance(stmt, (ast.If, ast.Try, ast.With)):
                for part in ("body", "orelse", "finalbody"):
                    self._walk_defs(getattr(stmt, part, []) or [], scope, cls, closure)

    def analyse_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, qual: str, cls: str | None, closure: Env) -> None:
        flow = FunctionFlow(self, node, qual, cls, closure, node.decorator_list)
        flow.run_body(node.body)
        self.functions.append(flow.summary())
        for inner in flow.nested:
            self.analyse_function(inner[0], inner[1], cls, inner[2])

    # -- helpers used by functions ---------------------------------------------------------

    def qual(self, node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Name):
            if node.id in self.imports:
                return self.imports[node.id]
            if node.id in self.defined:
                return self.defined[node.id]
            if node.id in self.globals:
                return self.globals[node.id]
            return node.id if node.id in BUILTIN_NAMES else None
        if isinstance(node, ast.Attribute):
            base = self.qual(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            base = self.qual(node.func)
            return f"{base}()" if base else None
        return None

    def noreturn(self, name: ast.Name) -> bool:
        """Does calling this name never return (`abort`, `sys.exit` imported by name)? Memoised: a
        name's qualified name is the same throughout the file."""
        found = self._noreturn.get(name.id)
        if found is None:
            found = self._noreturn[name.id] = self.qual(name) in NORETURN
        return found

    def source(self, node: ast.AST, description: str, low: bool = False, kwarg: tuple[str, str] | None = None) -> Taint:
        key = (node.lineno, node.col_offset, description)
        index = self._source_ids.get(key)
        if index is None:
            index = len(self.sources)
            self._source_ids[key] = index
            self.sources.append([node.lineno, node.col_offset, description, "low" if low else "high", *(kwarg or ())])
        return {f"s:{index}": EMPTY}

    def snippet(self, line: int) -> str:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines[line - 1].strip()[:200] if 0 < line <= len(self._lines) else ""


_PER_OPTIONS: dict[int, tuple[TaintOptions, frozenset[str], dict[str, bool]]] = {}


def _per_options(options: TaintOptions) -> tuple[frozenset[str], dict[str, bool]]:
    found = _PER_OPTIONS.get(id(options))
    if found is None or found[0] is not options:
        if len(_PER_OPTIONS) > 16:  # options of earlier configurations
            _PER_OPTIONS.clear()
        sink_methods = frozenset(spec.TYPED_METHOD_SINKS) | frozenset(options.method_sinks) | spec.LOG_METHODS
        found = _PER_OPTIONS[id(options)] = (options, sink_methods, {})
    return found[1], found[2]


class _CompiledPattern:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern


_FOLD_OPS = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.Mod: lambda a, b: a % b, ast.FloorDiv: lambda a, b: a // b, ast.Div: lambda a, b: a / b,
    ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b, ast.Is: lambda a, b: a is b,
    ast.IsNot: lambda a, b: a is not b, ast.BitAnd: lambda a, b: a & b, ast.BitOr: lambda a, b: a | b,
}


def fold_op(op: ast.AST, a: Any, b: Any) -> Any:
    function = _FOLD_OPS.get(type(op))
    if function is None or a is NOCONST or b is NOCONST:
        return NOCONST
    try:
        sequences = isinstance(a, (str, bytes, list, tuple)) or isinstance(b, (str, bytes, list, tuple))
        size = (len(a) if hasattr(a, "__len__") else 1) * (len(b) if hasattr(b, "__len__") else 1)
        if isinstance(op, ast.Mult) and sequences and size > MAX_CONST_LEN:
            return NOCONST
        result = function(a, b)
    except Exception:
        return NOCONST
    if hasattr(result, "__len__") and len(result) > MAX_CONST_LEN:
        return NOCONST
    return result


def fold(node: ast.AST | None, consts: dict[str, Any]) -> Any:
    """The constant value of a module-level expression, or NOCONST."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id, NOCONST)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        values = [fold(e, consts) for e in node.elts]
        if any(v is NOCONST for v in values):
            return NOCONST
        try:
            return frozenset(values) if isinstance(node, ast.Set) else tuple(values)
        except TypeError:
            return NOCONST
    if isinstance(node, ast.Dict):
        keys = [fold(k, consts) for k in node.keys]
        values = [fold(v, consts) for v in node.values]
        if any(v is NOCONST for v in keys + values):
            return NOCONST
        try:
            return dict(zip(keys, values, strict=True))
        except TypeError:
            return NOCONST
    if isinstance(node, ast.BinOp):
        return fold_op(node.op, fold(node.left, consts), fold(node.right, consts))
    if isinstance(node, ast.UnaryOp):
        value = fold(node.operand, consts)
        if value is NOCONST:
            return NOCONST
        try:
            return {ast.Not: lambda v: not v, ast.USub: lambda v: -v, ast.UAdd: lambda v: +v}.get(type(node.op), lambda v: NOCONST)(value)
        except Exception:
            return NOCONST
    if isinstance(node, ast.BoolOp):
        values = [fold(v, consts) for v in node.values]
        if any(v is NOCONST for v in values):
            return NOCONST
        result = values[0]
        for value in values[1:]:
            result = (result and value) if isinstance(node.op, ast.And) else (result or value)
        return result
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return fold_op(node.ops[0], fold(node.left, consts), fold(node.comparators[0], consts))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in COLLECTIONS and len(node.args) == 1 and not node.keywords:
        value = fold(node.args[0], consts)
        try:
            return NOCONST if value is NOCONST else COLLECTIONS[node.func.id](value)
        except TypeError:
            return NOCONST
    return NOCONST


COLLECTIONS = {"frozenset": frozenset, "set": frozenset, "tuple": tuple, "list": tuple}


class FunctionFlow:
    """The abstract interpretation of one function body."""

    def __init__(self, file: FileFlow, node: ast.AST | None, qual: str, cls: str | None, closure: Env, decorators: Any) -> None:
        self.file = file
        self.node = node
        self.qual = qual
        self.cls = cls
        self.ret: Taint = {}
        self.attrs: Taint = {}
        self.fields: dict[str, Taint] = {}  # self attribute -> what was stored in it
        self.sinks: list[dict[str, Any]] = []
        self.nested: list[tuple[Any, str, Env]] = []
        self.params: list[str] = []
        self.kwarg: str | None = None
        self._class_attrs: dict[str, str] | None = None  # attr_quals of the class, once looked up
        self.made_calls = False  # calls into project code: callers may bind our parameters through them
        self.recorded: dict[tuple[Any, ...], int] = {}  # (id of a call node, *its candidates) -> its record
        self.route = self._route_kind(decorators) if decorators else None
        is_def = node.__class__ in _DEF_NODES
        if self.route is None and is_def and cls is None and node.name in file.dependencies:  # type: ignore[union-attr]
            self.route = ("fastapi", None)
        method_view = is_def and cls and node.name in HTTP_METHODS  # type: ignore[union-attr]
        if self.route is None and method_view and any(base in FLASK_VIEWS for base in file.classes.get(cls, {}).get("bases", ())):
            self.route = ("flask", None)
        self.env: Env | None = dict(closure)
        # First parts of the dotted keys (`self.x`) any environment of this function may hold: a
        # name assigned outside this set has no `name.attr` entries to forget.
        self.dotted_roots: set[str] = set(file.module_roots if closure is file.module_env else dotted_roots(closure))
        self.loop_exits: list[list[Env]] = []
        self.loop_continues: list[list[Env]] = []
        self.current_node: ast.AST = node or ast.Pass(lineno=1, col_offset=0)
        if is_def:
            self._bind_params(node)  # type: ignore[arg-type]

    # -- entry points ---------------------------------------------------------------------

    def _route_kind(self, decorators: Any) -> tuple[str, str | None] | None:
        for decorator in decorators:
            call = decorator if isinstance(decorator, ast.Call) else None
            func = call.func if call else decorator
            if not isinstance(func, ast.Attribute) or func.attr not in ROUTE_METHODS:
                continue
            path = call.args[0].value if call and call.args and isinstance(call.args[0], ast.Constant) else None
            if call and call.args and not isinstance(path, str):
                continue
            if func.attr != "route" and path is None and call and not any(k.arg == "path" for k in call.keywords):
                continue
            frameworks = self.file.frameworks
            if frameworks & {"fastapi", "starlette"}:
                return ("fastapi", path)
            if "aiohttp" in frameworks:
                return ("aiohttp", path)
            return ("flask", path)
        return None

    def _bind_params(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        args = node.args
        positional = [*args.posonlyargs, *args.args] if args.posonlyargs else args.args
        defaults: dict[str, ast.expr] | None = None  # by parameter name, for routes and views only
        every = positional
        if args.vararg or args.kwonlyargs or args.kwarg:
            every = [*positional, *([args.vararg] if args.vararg else []), *args.kwonlyargs, *([args.kwarg] if args.kwarg else [])]
        self.params = [a.arg for a in every]
        self.kwarg = args.kwarg.arg if args.kwarg else None
        file = self.file
        django_view = file.django
        # `request` (unannotated) is the request object in routes, Django code, middleware, aiohttp
        request_named = bool(self.route or django_view or node.name in MIDDLEWARE_METHODS or file.aiohttp)
        # In a Django view (`def v(request, ...)`) the other parameters may be URL keyword arguments.
        url_params = django_view and next((a.arg for a in positional if a.arg not in {"self", "cls"}), None) in {"request", "req"}
        route = self.route
        env = self.env
        assert env is not None
        for index, arg in enumerate(every):
            name = arg.arg
            annotation = file.qual(arg.annotation) if arg.annotation is not None else None
            if annotation in spec.REQUEST_TYPES or (request_named and name in {"request", "req"} and arg.annotation is None):
                value = Val({}, kind="request")
            elif annotation is not None and is_response_class(annotation):
                value = Val({}, kind="response")
            elif route is not None:
                defaults = _parameter_defaults(args, positional) if defaults is None else defaults
                value = self._route_param(arg, defaults.get(name), index)
            elif url_params and index > 0 and name not in {"self", "cls", "request", "req"}:
                defaults = _parameter_defaults(args, positional) if defaults is None else defaults
                default = defaults.get(name)
                constant_default = isinstance(default, ast.Constant) and default.value is not None
                value = Val({f"p:{name}": EMPTY})
                if not constant_default and (arg.annotation is None or not self._safe_annotation(arg.annotation)):
                    # A URL keyword argument if a route says so (checked by the project pass).
                    value = Val(union(value.taint, file.source(arg, f"URL parameter '{name}'", kwarg=(self.qual, name))))
            else:
                value = Val({f"p:{name}": EMPTY})
            env[name] = value
        if self.cls and self.params and self.params[0] == "self":
            if django_view:
                env["self.request"] = Val({}, kind="request")
                self.dotted_roots.add("self")
            else:
                env.pop("self.request", None)

    def _route_param(self, arg: ast.arg, default: ast.expr | None, index: int) -> Val:
        framework, path = self.route or ("flask", None)
        name = arg.arg
        if name in {"self", "cls"}:
            return Val({f"p:{name}": EMPTY})
        if isinstance(default, ast.Call):
            marker = (self.file.qual(default.func) or "").rsplit(".", 1)[-1]
            if marker in {"Depends", "Security"}:
                if default.args and (dependency := self.file.qual(default.args[0])) is not None:
                    from bastion.taint.calls import record_call

                    return record_call(self, default, [dependency], [], {}, None)
                return CLEAN
            if marker in spec.PARAM_MARKERS:
                for keyword in default.keywords:
                    if keyword.arg in {"regex", "pattern"}:
                        kinds = cleared_by(fold(keyword.value, self.file.consts), "pydantic")
                        if kinds:
                            return Val(clear(self.file.source(arg, f"request parameter '{name}'"), kinds))
        if arg.annotation is not None:
            if self._safe_annotation(arg.annotation):
                return CLEAN
            model = self.file.qual(arg.annotation)
            if model in self.file.classes:
                return Val(self.file.source(arg, f"request body '{name}'"), kind=f"model:{model}")
        if framework == "flask" and path:
            match = re.search(r"<(?:(\w+)(?:\([^)]*\))?:)?" + re.escape(name) + r">", path)
            if match and match.group(1) in spec.SAFE_CONVERTERS:
                return CLEAN
        return Val(self.file.source(arg, f"{'route' if framework != 'fastapi' else 'request'} parameter '{name}'"))

    def _safe_annotation(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self._safe_annotation(node.left) and self._safe_annotation(node.right)
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if isinstance(node, ast.Subscript):
            head = (self.file.qual(node.value) or "").rsplit(".", 1)[-1]
            inner = node.slice
            if head == "Literal":
                return True
            if head == "Annotated" and isinstance(inner, ast.Tuple) and inner.elts:
                if self._safe_annotation(inner.elts[0]):
                    return True
                return any(self._constrained(meta) for meta in inner.elts[1:])
            if head in {"Optional", "list", "List", "set", "Set", "tuple", "Tuple", "Sequence", "Union", "frozenset"}:
                parts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
                return all(self._safe_annotation(p) or (isinstance(p, ast.Constant) and p.value is Ellipsis) for p in parts)
            return False
        if isinstance(node, ast.Call):
            return self._constrained(node)
        qual = self.file.qual(node)
        if qual is None:
            return False
        if qual in spec.SAFE_TYPES or qual.rsplit(".", 1)[-1] in {"UUID", "PositiveInt", "NonNegativeInt", "StrictInt", "StrictBool", "UUID4"}:
            return True
        info = self.file.classes.get(qual)
        return bool(info and info["enum"])

    def _constrained(self, call: ast.AST) -> bool:
        if not isinstance(call, ast.Call):
            return False
        name = (self.file.qual(call.func) or "").rsplit(".", 1)[-1]
        if name in {"conint", "confloat", "condecimal", "conbytes"}:
            return True
        if name in {"constr", "Field", "StringConstraints", "Query", "Path", "Body", "Form", "Header", "Cookie"}:
            return any(
                k.arg in {"regex", "pattern"} and cleared_by(fold(k.value, self.file.consts), "pydantic") >= INJECTION_KINDS
                for k in call.keywords
            )
        return False

    # -- summary -------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """The function's facts; parameters only matter when something refers to them."""
        out: dict[str, Any] = {"q": self.qual}
        if self.ret:
            out["r"] = dump(self.ret)
        if self.attrs:
            out["a"] = dump(self.attrs)
            out["af"] = {name: dump(taint) for name, taint in self.fields.items() if taint}
        if self.sinks:
            out["s"] = self.sinks
        returns = getattr(self.node, "returns", None)
        if returns is not None and (rtype := self.file.qual(returns)) is not None:
            out["rt"] = rtype
        if len(out) > 1 or self.cls or self.made_calls:
            out["p"] = self.params
            if self.cls:
                out["cls"] = self.cls
            if self.kwarg:
                out["kw"] = self.kwarg
        return out

    # -- statements ----------------------------------------------------------------------

    def run_body(self, body: list[ast.stmt]) -> None:
        self.env = self.block(body, self.env)

    def block(self, body: list[ast.stmt], env: Env | None) -> Env | None:
        handlers = _STATEMENT_HANDLERS
        for stmt in body:  # each statement dispatched here (no call of a `stmt` method per statement)
            if env is None:
                return None
            self.current_node = stmt
            method = handlers.get(stmt.__class__)
            if method is not None:
                env = method(self, stmt, env)
        return env

    def s_Expr(self, node: ast.Expr, env: Env) -> Env | None:
        self.expr(node.value, env)
        call = node.value
        if call.__class__ is ast.Call:
            func = call.func  # type: ignore[attr-defined]
            if func.__class__ is ast.Name:
                if self.file.noreturn(func):
                    return None
            elif (func.__class__ is not ast.Attribute or func.attr in NORETURN_LAST) and self.file.qual(func) in NORETURN:
                return None
        return env

    def s_Assign(self, node: ast.Assign, env: Env) -> Env:
        value = self.expr(node.value, env)
        kind = node.value.__class__
        # (a call `x.m(...)` can be a guard only for some method names: see guarded)
        if (kind is ast.Compare or (kind is ast.Call and (node.value.func.__class__ is not ast.Attribute or node.value.func.attr in GUARD_METHODS))) and self.guarded(node.value, env):  # type: ignore[attr-defined]
            value = Val({}, kind="guard", node=node.value)
        for target in node.targets:
            self.assign(target, value, env, node.value)
        return env

    def s_AnnAssign(self, node: ast.AnnAssign, env: Env) -> Env:
        if node.value is not None:
            self.assign(node.target, self.expr(node.value, env), env, node.value)
        return env

    def s_AugAssign(self, node: ast.AugAssign, env: Env) -> Env:
        old = self.expr(node.target, env)
        new = self.expr(node.value, env)
        value = Val(union(old.flat(), new.flat()), fold_op(node.op, old.const, new.const))
        if old.items is not None and old.seq and new.items is not None and new.seq and isinstance(node.op, ast.Add):
            value = Val(union(old.taint, new.taint), items={i: v for i, v in enumerate([*old.items.values(), *new.items.values()])}, seq=True)
        self.assign(node.target, value, env, None)
        return env

    def s_Return(self, node: ast.Return, env: Env) -> None:
        if node.value is not None:
            value = self.expr(node.value, env)
            self.ret = union(self.ret, value.flat())
            if self.route and self.route[0] == "flask" and value.kind is None and not isinstance(node.value, (ast.Dict, ast.List, ast.Tuple)):
                self.sink("xss", value.flat(), node, "the response body")
            elif self.route and self.route[0] == "flask" and isinstance(node.value, ast.Tuple) and node.value.elts:
                first = self.expr(node.value.elts[0], env)
                if first.kind is None and not isinstance(node.value.elts[0], (ast.Dict, ast.List)):
                    self.sink("xss", first.flat(), node, "the response body")
        return None

    def s_Raise(self, node: ast.Raise, env: Env) -> None:
        if node.exc is not None:
            self.expr(node.exc, env)
        return None

    def s_Break(self, node: ast.stmt, env: Env) -> None:
        if self.loop_exits:
            self.loop_exits[-1].append(env)
        return None

    def s_Continue(self, node: ast.stmt, env: Env) -> None:
        if self.loop_continues:
            self.loop_continues[-1].append(env)
        return None

    def s_Delete(self, node: ast.Delete, env: Env) -> Env:
        for target in node.targets:
            key = target_key(target)
            if key:
                env.pop(key, None)
        return env

    def s_If(self, node: ast.If, env: Env) -> Env | None:
        if _quietly_evaluated(node.test):
            test = self.condition(node.test, env)
        elif _evaluated_whole(node.test):
            # What `condition` would evaluate is the whole test: evaluated once, its sinks kept
            # unless the test folds (a quiet check and a second evaluation recorded each call twice).
            sinks = len(self.sinks)
            test = _truth(self.test_value(node.test, env))
            if test is not NOCONST:
                del self.sinks[sinks:]
        else:
            test = self.condition(node.test, env)
            if test is NOCONST:  # evaluated again for its calls and sinks
                self.expr(node.test, env)
        if test is not NOCONST:
            return self.block(node.body if test else node.orelse, env)
        true_env, false_env = self.refine(node.test, env)
        return merge(self.block(node.body, dict(true_env)), self.block(node.orelse, dict(false_env)))

    def s_While(self, node: ast.While, env: Env) -> Env | None:
        test = self.condition(node.test, env)
        if test is not NOCONST and not test:
            return self.block(node.orelse, env)
        return self.loop(node, env, None, infinite=test is not NOCONST and bool(test))

    def s_For(self, node: ast.For, env: Env) -> Env | None:
        iterable = self.expr(node.iter, env)
        return self.loop(node, env, element_of(iterable), infinite=False)

    s_AsyncFor = s_For

    def loop(self, node: ast.For | ast.While, env: Env, element: Val | None, infinite: bool) -> Env | None:
        self.loop_exits.append([])
        self.loop_continues.append([])
        current: Env | None = env
        out: Env | None = None if infinite else env
        passes = MAX_LOOP_PASSES if len(self.loop_exits) <= MAX_NESTED_REPEATS else 1  # no 2**depth blow-up
        for _ in range(passes):
            if current is None:
                break
            body_env = dict(current)
            if element is not None and isinstance(node, (ast.For, ast.AsyncFor)):
                self.assign(node.target, element, body_env, None)
            after = self.block(node.body, body_env)
            for continued in self.loop_continues[-1]:
                after = merge(after, continued)
            current = merge(current, after)
            if not infinite:
                out = merge(out, after)
        exits = self.loop_exits.pop()
        self.loop_continues.pop()
        if node.orelse and out is not None:
            out = self.block(node.orelse, dict(out))
        for exit_env in exits:
            out = merge(out, exit_env)
        return out

    def s_With(self, node: ast.With, env: Env) -> Env | None:
        for item in node.items:
            value = self.expr(item.context_expr, env)
            if item.optional_vars is not None:
                self.assign(item.optional_vars, value, env, None)
        return self.block(node.body, env)

    s_AsyncWith = s_With

    def s_Try(self, node: ast.Try, env: Env) -> Env | None:
        before = dict(env)
        after = self.block(node.body, env)
        handler_start = merge(before, after) or before
        out = self.block(node.orelse, after) if after is not None else None
        for handler in node.handlers:
            henv = dict(handler_start)
            if handler.name:
                henv[handler.name] = CLEAN
            out = merge(out, self.block(handler.body, henv))
        if node.finalbody:
            if out is None:
                self.block(node.finalbody, dict(handler_start))
                return None
            out = self.block(node.finalbody, out)
        return out

    s_TryStar = s_Try

    def s_Match(self, node: ast.Match, env: Env) -> Env | None:
        subject = self.expr(node.subject, env)
        out: Env | None = None
        fallthrough = True
        for case in node.cases:
            pattern = case.pattern
            if isinstance(pattern, ast.MatchValue) and subject.const is not NOCONST:
                value = fold(pattern.value, self.file.consts)
                if value is not NOCONST and value != subject.const:
                    continue
                if value is not NOCONST and case.guard is None:
                    return merge(out, self.block(case.body, dict(env))) if out is not None else self.block(case.body, dict(env))
            case_env = dict(env)
            if isinstance(pattern, ast.MatchAs) and pattern.name:
                case_env[pattern.name] = subject
            elif isinstance(pattern, ast.MatchValue) and isinstance(node.subject, ast.Name):
                case_env[node.subject.id] = with_taint(subject, {})
            for capture in ast.walk(pattern):
                if isinstance(capture, ast.MatchAs) and capture.name and capture is not pattern:
                    case_env[capture.name] = plain(subject.flat())
            out = merge(out, self.block(case.body, case_env))
            if isinstance(pattern, ast.MatchAs) and pattern.pattern is None and case.guard is None:
                fallthrough = False
        return merge(out, env) if fallthrough else out

    def s_FunctionDef(self, node: ast.FunctionDef, env: Env) -> Env:
        if self.node is not None:
            self.nested.append((node, f"{self.qual}.{node.name}", dict(env)))
            env[node.name] = Val({}, qual=f"{self.qual}.{node.name}")
        return env

    s_AsyncFunctionDef = s_FunctionDef

    def s_ClassDef(self, node: ast.ClassDef, env: Env) -> Env:
        return env

    def s_Assert(self, node: ast.Assert, env: Env) -> Env:
        true_env, _ = self.refine(node.test, env)
        return true_env

    # -- assignment -----------------------------------------------------------------------

    def assign(self, target: ast.expr, value: Val, env: Env, source: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
            if target.id in self.dotted_roots:
                prefix = target.id + "."
                for key in [k for k in env if k.startswith(prefix)]:
                    del env[key]
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = any(isinstance(e, ast.Starred) for e in target.elts)
            for index, element in enumerate(target.elts):
                if isinstance(element, ast.Starred):
                    self.assign(element.value, Val(value.flat()), env, None)
                elif value.items is not None and value.seq and not starred and index in value.items:
                    self.assign(element, value.items[index], env, None)
                else:
                    self.assign(element, plain(value.flat()), env, None)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value, env)
            if isinstance(target.value, ast.Name) and target.value.id == "self" and self.cls:
                self.attrs = union(self.attrs, value.flat())
                self.fields[target.attr] = union(self.fields.get(target.attr, {}), value.flat())
            key = target_key(target)
            if key:
                env[key] = value
                self.dotted_roots.add(key.split(".", 1)[0])
        elif isinstance(target, ast.Subscript):
            self.store_item(target, value, env)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, value, env, source)

    def store_item(self, target: ast.Subscript, value: Val, env: Env) -> None:
        base = self.expr(target.value, env)
        index = self.expr(target.slice, env)
        qual = base.qual or ""
        if base.kind == "session" or qual in {"flask.session", "quart.session"}:
            self.sink("trust", union(value.flat(), index.flat()), target, "the session")
        elif base.kind in {"headers", "response"}:
            self.sink("header", value.flat(), target, "a response header")
        key = target_key(target.value)
        if key is None:
            return
        self.dotted_roots.add(key.split(".", 1)[0])
        current = env.get(key, base)
        if index.const is not NOCONST and not isinstance(target.slice, ast.Slice):
            items = dict(current.items or {}) if (current.items is not None or current.const is NOCONST) else {}
            try:
                items[index.const] = value
            except TypeError:
                env[key] = with_taint(current, union(current.flat(), value.flat()))
                return
            env[key] = Val(union(current.taint, index.taint), items=items, seq=current.seq, kind=current.kind, qual=current.qual)
        else:
            env[key] = Val(union(current.flat(), value.flat(), index.flat()), kind=current.kind, qual=current.qual)

    # -- conditions -----------------------------------------------------------------------

    def condition(self, node: ast.expr, env: Env) -> Any:
        return _truth(self.expr_quiet(node, env))

    def test_value(self, node: ast.expr, env: Env) -> Any:
        """`expr_quiet(node)` for a test it evaluates whole (see `_evaluated_whole`), with the sinks
        of the evaluation kept."""
        kind = node.__class__
        if kind is ast.BoolOp:
            return _fold_boolop(node, [self.test_value(v, env) for v in node.values])  # type: ignore[attr-defined]
        if kind is ast.UnaryOp:
            value = self.test_value(node.operand, env)  # type: ignore[attr-defined]
            return NOCONST if value is NOCONST else not value
        return self.expr(node, env).const

    def expr_quiet(self, node: ast.expr, env: Env) -> Any:
        kind = node.__class__
        if kind is ast.Name or kind is ast.Constant:  # nothing to drop: no sink comes of these
            return self.expr(node, env).const
        if kind is ast.BoolOp:
            return _fold_boolop(node, [self.expr_quiet(v, env) for v in node.values])  # type: ignore[attr-defined]
        if kind is ast.UnaryOp:
            if node.op.__class__ is not ast.Not:  # type: ignore[attr-defined]
                return NOCONST
            value = self.expr_quiet(node.operand, env)  # type: ignore[attr-defined]
            return NOCONST if value is NOCONST else not value
        if kind in _WHOLE_TESTS:
            sinks = len(self.sinks)
            value = self.expr(node, env).const
            del self.sinks[sinks:]
            return value
        return NOCONST

    def refine(self, test: ast.expr, env: Env) -> tuple[Env, Env]:
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            true_env, false_env = self.refine(test.operand, env)
            return false_env, true_env
        if isinstance(test, ast.BoolOp):
            # `a and b` is false when `a` is, or when `a` holds and `b` does not (dually for `or`).
            is_and = isinstance(test.op, ast.And)
            current, exits = env, []
            for value in test.values:
                true_env, false_env = self.refine(value, current)
                exits.append(false_env if is_and else true_env)
                current = true_env if is_and else false_env
            other: Env = env
            if len(exits) <= MAX_REFINED_OPERANDS:
                other = exits[0]
                for exit_env in exits[1:]:
                    other = merge(other, exit_env) or env
            return (current, other) if is_and else (other, current)
        if isinstance(test, ast.NamedExpr):
            return self.refine(test.value, env)
        cleaned = self.guarded(test, env)
        if not cleaned:
            return self.truthiness(test, env)
        positive, names = cleaned
        changed = dict(env)
        for name, kinds in names:
            if name in changed:
                changed[name] = with_taint(changed[name], clear(changed[name].flat(), kinds)) if kinds != spec.ALL else Val({}, changed[name].const)
        return (changed, env) if positive else (env, changed)

    def truthiness(self, test: ast.expr, env: Env) -> tuple[Env, Env]:
        """`if value:` is false only for an empty string, None, zero or an empty container, which
        carry nothing to any sink."""
        key = target_key(test)
        if key is None or key not in env or not env[key].flat():
            return env, env
        falsy = dict(env)
        falsy[key] = with_taint(env[key], {})  # keeps its kind, so a merge with the truthy side does too
        return env, falsy

    def guarded(self, test: ast.expr, env: Env) -> tuple[bool, list[tuple[str, frozenset[str]]]] | None:
        """(True if the guard holds in the true branch, [(variable, kinds it clears)])."""
        if isinstance(test, ast.Name) and (stored := env.get(test.id)) is not None and stored.kind == "guard":
            return self.guarded(stored.node, env)
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op, right = test.ops[0], test.comparators[0]
            if op.__class__ not in _GUARD_OPERATORS:
                return None
            names = self.guard_names(test.left, env)
            if isinstance(op, (ast.In, ast.NotIn)):
                collection = self.expr_quiet(right, env)
                if collection is NOCONST and isinstance(right, ast.Name):
                    value = env.get(right.id)
                    collection = value.const if value is not None else NOCONST
                if collection is NOCONST or not isinstance(collection, (tuple, list, frozenset, set, dict, str)):
                    return None
                if isinstance(collection, str):
                    return None
                return isinstance(op, ast.In), [(n, spec.ALL) for n in names]
            if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
                other = self.expr_quiet(right, env)
                if other is NOCONST:
                    names, other = self.guard_names(right, env), self.expr_quiet(test.left, env)
                if other is NOCONST or other is None:
                    return None
                return isinstance(op, (ast.Eq, ast.Is)), [(n, spec.ALL) for n in names]
            return None
        if not isinstance(test, ast.Call):
            return None
        if test.func.__class__ is ast.Attribute and test.func.attr not in GUARD_METHODS:  # type: ignore[attr-defined]
            return None  # `x.m(...)` is a guard only for these method names (a dotted name ends with one)
        qual = self.file.qual(test.func)
        if qual == "isinstance" and len(test.args) == 2:
            kinds = [self.file.qual(t) for t in (test.args[1].elts if isinstance(test.args[1], ast.Tuple) else [test.args[1]])]
            if kinds and all(k in {"int", "float", "bool", "uuid.UUID", "decimal.Decimal"} for k in kinds):
                return True, [(n, spec.ALL) for n in self.guard_names(test.args[0], env)]
            return None
        if qual in MEMBERSHIP_CHECKS and test.args:
            return True, [(n, spec.ALL) for n in self.guard_names(test.args[0], env)]
        if qual in URL_CHECKS and (test.args or test.keywords):
            arg = test.args[0] if test.args else next((k.value for k in test.keywords if k.arg == "url"), test.keywords[0].value)
            return True, [(n, frozenset({"redirect", "ssrf"})) for n in self.guard_names(arg, env)]
        if qual and qual.rsplit(".", 1)[-1] in {"fullmatch", "match", "search"} and len(test.args) >= 2 and qual.startswith("re."):
            pattern = self.expr_quiet(test.args[0], env)
            kinds = cleared_by(pattern, qual.rsplit(".", 1)[-1]) if isinstance(pattern, str) else EMPTY
            if kinds:
                return True, [(n, kinds) for n in self.guard_names(test.args[1], env)]
            return None
        if isinstance(test.func, ast.Attribute):
            method = test.func.attr
            receiver = test.func.value
            if method in VALIDATING_METHODS and not test.args:
                return True, [(n, VALIDATING_METHODS[method]) for n in self.guard_names(receiver, env)]
            if method in {"fullmatch", "match", "search"} and test.args and isinstance(receiver, ast.Name):
                compiled = self.file.consts.get(receiver.id)
                kinds = cleared_by(compiled.pattern, method) if isinstance(compiled, _CompiledPattern) else EMPTY
                if kinds:
                    return True, [(n, kinds) for n in self.guard_names(test.args[0], env)]
            if method in {"startswith", "is_relative_to"} and test.args:
                value = self.expr(receiver, env)
                if value.kind == "path-normal":
                    return True, [(n, frozenset({"path"})) for n in self.guard_names(receiver, env)]
                if value.kind == "urlparse" or (method == "startswith" and self._is_url_prefix(test.args[0], env)):
                    return True, [(n, frozenset({"redirect", "ssrf"})) for n in self.guard_names(receiver, env)]
        return None

    def _is_url_prefix(self, node: ast.expr, env: Env) -> bool:
        value = self.expr_quiet(node, env)
        prefixes = value if isinstance(value, tuple) else (value,)
        return all(isinstance(p, str) and re.match(r"^https?://[^/]+/", p) for p in prefixes) and bool(prefixes)

    def guard_names(self, node: ast.expr, env: Env) -> list[str]:
        """The variables a guard on `node` speaks about: the variable and what it is a view of."""
        names: list[str] = []
        key = target_key(node)
        if key:
            names.append(key)
            value = env.get(key)
            if value is not None and value.origin:
                names.append(value.origin)
        if isinstance(node, ast.Attribute):
            base = target_key(node.value)
            value = env.get(base) if base else None
            if value is not None and value.kind == "urlparse" and value.origin:
                names.append(value.origin)
            elif isinstance(node.value, ast.Call) and node.value.args and (self.file.qual(node.value.func) or "").endswith(("urlparse", "urlsplit")):
                inner_node = node.value.args[0]
                if isinstance(inner_node, ast.Call) and (self.file.qual(inner_node.func) or "").endswith("urljoin") and len(inner_node.args) == 2:
                    inner_node = inner_node.args[1]
                inner = target_key(inner_node)
                if inner:
                    names.append(inner)
        if isinstance(node, ast.Call) and node.args:
            qual = self.file.qual(node.func) or ""
            if qual in {"str.lower", "str.strip"} or (isinstance(node.func, ast.Attribute) and node.func.attr in {"lower", "strip", "upper"}):
                names.extend(self.guard_names(node.func.value, env) if isinstance(node.func, ast.Attribute) else [])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"lower", "strip", "upper", "casefold"}:
            names.extend(self.guard_names(node.func.value, env))
        return names

    # -- sinks ----------------------------------------------------------------------------

    def sink(self, kind: str, taint: Taint, node: ast.AST, name: object) -> None:
        live = {label: cleared for label, cleared in taint.items() if kind not in cleared}
        if not live:
            return
        if kind not in self.file.options.kinds:
            return
        self.sinks.append({
            "k": kind, "t": dump(live), "l": node.lineno, "c": node.col_offset,
            "el": getattr(node, "end_lineno", None), "ec": getattr(node, "end_col_offset", None),
            "n": str(name), "x": self.file.snippet(node.lineno),
        })

    # -- expressions ----------------------------------------------------------------------

    def expr(self, node: ast.expr | None, env: Env) -> Val:
        if node is None:
            return CLEAN
        kind = node.__class__
        if kind is ast.Name:  # the commonest cases, a local variable and a literal, without a dispatch
            value = env.get(node.id)  # type: ignore[attr-defined]
            return value if value is not None else self.e_Name(node, env)  # type: ignore[arg-type]
        if kind is ast.Constant:
            return Val({}, node.value)  # type: ignore[attr-defined]
        if kind is ast.Call:
            return evaluate_call(self, node, env)  # type: ignore[arg-type]
        if kind is ast.Attribute:
            return self.e_Attribute(node, env)  # type: ignore[arg-type]
        method = _EXPRESSION_HANDLERS.get(kind)
        if method is None:
            return CLEAN
        return method(self, node, env)

    def e_Constant(self, node: ast.Constant, env: Env) -> Val:
        return Val({}, node.value)

    def e_Name(self, node: ast.Name, env: Env) -> Val:
        value = env.get(node.id)
        if value is not None:
            return value
        if node.id in self.file.consts and not isinstance(self.file.consts[node.id], _CompiledPattern):
            return const(self.file.consts[node.id])
        qual = self.file.qual(node)
        if qual is None:
            return CLEAN
        return self.named(qual, node)

    def named(self, qual: str, node: ast.AST) -> Val:
        cached = self.file.named_values.get(qual)
        if cached is not None:
            return cached
        value = self._named(qual, node)
        if not value.taint:  # not a source: the same value wherever the name is used in the file
            self.file.named_values[qual] = value
        return value

    def _named(self, qual: str, node: ast.AST) -> Val:
        if qual in spec.REQUEST_GLOBALS or qual in self.file.options.request_globals:
            return Val({}, kind="request", qual=qual)
        if qual in self.file.options.sources:
            return Val(self.file.source(node, qual), qual=qual)
        if (
            qual in spec.LOW_SOURCES
            and self.file.options.low
            and (self.file.options.environment or qual not in spec.ENVIRONMENT_SOURCES)
            and qual not in {"os.getenv", "os.environ.get", "input", "raw_input", "sys.stdin.read", "sys.stdin.readline"}
        ):
            return Val(self.file.source(node, spec.LOW_SOURCES[qual], low=True), qual=qual, kind="environ" if qual == "os.environ" else None)
        if qual in {"flask.session", "quart.session"}:
            return Val({}, kind="session", qual=qual)
        return Val({}, qual=qual)

    def e_Attribute(self, node: ast.Attribute, env: Env) -> Val:
        inner = node.value
        if inner.__class__ is ast.Name:
            # `name.attr` is stored only under a name in dotted_roots: the key is built for those only
            if inner.id in self.dotted_roots and (key := f"{inner.id}.{node.attr}") in env:  # type: ignore[attr-defined]
                return env[key]
        elif (key := target_key(node)) and key in env:  # type: ignore[assignment]
            return env[key]
        base = self.expr(inner, env)
        if node.attr in spec.NUMERIC_ATTRIBUTES:
            return CLEAN
        kind = base.kind
        if kind == "request":
            if node.attr in spec.REQUEST_ATTRS:
                text = ast.unparse(node) if len(ast.unparse(node.value)) < 60 else node.attr
                taint = self.file.source(node, text)
                if node.attr in spec.SAME_ORIGIN:
                    taint = clear(taint, REDIRECT)
                if node.attr in {"META", "environ"}:
                    return Val(taint, kind="wsgi-environ")
                return Val(taint, kind="json" if node.attr in {"json", "data"} else None)
            if node.attr in {"session"}:
                return Val({}, kind="session")
            if node.attr in {"request"}:
                return base
            return Val({}, qual=f"{base.qual}.{node.attr}" if base.qual else None, kind="request-part")
        if kind == "request-part":
            return CLEAN
        if inner.__class__ is ast.Name and inner.id == "self" and self.cls and "p:self" in base.taint:  # type: ignore[attr-defined]
            # Field-sensitive: the project pass binds `self.<attr>` to that attribute of the receiver.
            field = {f"p:self.{node.attr}": base.taint["p:self"]}
            if self._class_attrs is None:
                self._class_attrs = self.file.attr_quals.get(self.cls.rsplit(".", 1)[-1], {})
            return Val(field, qual=self._class_attrs.get(node.attr))
        if kind is not None:
            if kind.startswith("model:"):
                fields = self.file.classes.get(kind[6:], {}).get("fields", {})
                annotation = fields.get(node.attr)
                if annotation is not None and self._safe_annotation(annotation):
                    return CLEAN
                return Val(base.flat())
            if kind == "path-obj" and node.attr in {"name", "stem", "suffix", "suffixes"}:
                return Val(clear(base.flat(), frozenset({"path"})))
            if kind == "urlparse":
                return Val(base.flat(), origin=base.origin, kind="urlpart")
            if kind == "response" and node.attr == "headers":
                return Val({}, kind="headers")
        qual = f"{base.qual}.{node.attr}" if base.qual else None
        if qual is not None and not base.flat():
            return self.named(qual, node)
        if base.items is not None and not base.seq and node.attr in base.items:
            return base.items[node.attr]
        return Val(base.flat(), qual=qual)

    def e_JoinedStr(self, node: ast.JoinedStr, env: Env) -> Val:
        parts = [self.expr(v, env) for v in node.values]
        if all(p.const is not NOCONST for p in parts):
            try:
                return const("".join(str(p.const) for p in parts))
            except Exception:
                return CLEAN
        kinds = prefix_clears(parts[0].const) if isinstance(node.values[0], ast.Constant) else EMPTY
        return plain(clear(ordered_taint(parts), kinds) if kinds else ordered_taint(parts))

    def e_FormattedValue(self, node: ast.FormattedValue, env: Env) -> Val:
        value = self.expr(node.value, env)
        if node.conversion == ord("r"):
            return Val(clear(value.flat(), NEWLINE_KINDS))
        return value

    def e_BinOp(self, node: ast.BinOp, env: Env) -> Val:
        if isinstance(node.op, ast.Add) and isinstance(node.left, ast.BinOp) and _has_url_separator(operands := _added(node)):
            parts = [self.expr(operand, env) for operand in operands]
            if all(isinstance(part.const, str) for part in parts):
                return const("".join(part.const for part in parts))
            kinds = prefix_clears(parts[0].const) if isinstance(parts[0].const, str) else EMPTY
            return plain(clear(ordered_taint(parts), kinds) if kinds else ordered_taint(parts))
        left, right = self.expr(node.left, env), self.expr(node.right, env)
        folded = fold_op(node.op, left.const, right.const)
        if folded is not NOCONST:
            return const(folded)
        kind = "path-obj" if isinstance(node.op, ast.Div) and (left.kind == "path-obj" or (left.qual or "").startswith("pathlib.")) else None
        if isinstance(node.op, ast.Add) and left.items is not None and left.seq and right.items is not None and right.seq:
            merged = [*left.items.values(), *right.items.values()]
            return Val(union(left.taint, right.taint), items=dict(enumerate(merged)), seq=True)
        if "markup" in {left.kind, right.kind} and isinstance(node.op, (ast.Add, ast.Mod)):
            return Val(union(left.flat() if left.kind == "markup" else clear(left.flat(), XSS), right.flat() if right.kind == "markup" else clear(right.flat(), XSS)), kind="markup")
        if isinstance(node.op, ast.Mod) and left.const is not NOCONST and isinstance(left.const, str) and "%d" in left.const and "%s" not in left.const:
            return CLEAN
        if isinstance(node.op, (ast.Add, ast.Mod)) and isinstance(left.const, str):
            kinds = prefix_clears(left.const.split("%", 1)[0] if isinstance(node.op, ast.Mod) else left.const)
            if kinds:
                return Val(clear(right.flat(), kinds), kind=kind)
            if isinstance(node.op, ast.Mod) and ("?" in left.const or "#" in left.const) and (parts := percent_parts(left.const, right)):
                return plain(ordered_taint(parts))
        return Val(union(left.flat(), right.flat()), kind=kind)

    def e_BoolOp(self, node: ast.BoolOp, env: Env) -> Val:
        values = [self.expr(v, env) for v in node.values]
        out: Val | None = None
        is_and = isinstance(node.op, ast.And)
        for value in values:
            if value.const is not NOCONST:
                truthy = bool(value.const) if not isinstance(value.const, _CompiledPattern) else True
                if truthy is not is_and:
                    return join(out, value) if out is not None and out.const is NOCONST else value
                if is_and:
                    continue
                continue
            out = join(out, value)
        return out if out is not None else values[-1]

    def e_UnaryOp(self, node: ast.UnaryOp, env: Env) -> Val:
        value = self.expr(node.operand, env)
        if value.const is not NOCONST:
            try:
                return const({ast.Not: lambda v: not v, ast.USub: lambda v: -v, ast.UAdd: lambda v: +v, ast.Invert: lambda v: ~v}[type(node.op)](value.const))
            except Exception:
                return CLEAN
        return CLEAN if isinstance(node.op, ast.Not) else plain(value.flat())

    def e_Compare(self, node: ast.Compare, env: Env) -> Val:
        left = self.expr(node.left, env)
        values = [self.expr(c, env) for c in node.comparators]
        if len(values) == 1:
            folded = fold_op(node.ops[0], left.const, values[0].const)
            if folded is not NOCONST:
                return const(folded)
        return CLEAN

    def e_IfExp(self, node: ast.IfExp, env: Env) -> Val:
        test = self.condition(node.test, env)
        if test is not NOCONST:
            return self.expr(node.body if test else node.orelse, env)
        true_env, false_env = self.refine(node.test, env)
        return join(self.expr(node.body, true_env), self.expr(node.orelse, false_env))

    def e_NamedExpr(self, node: ast.NamedExpr, env: Env) -> Val:
        value = self.expr(node.value, env)
        self.assign(node.target, value, env, node.value)
        return value

    def e_Await(self, node: ast.Await, env: Env) -> Val:
        return self.expr(node.value, env)

    def e_Yield(self, node: ast.Yield, env: Env) -> Val:
        if node.value is not None:
            self.ret = union(self.ret, self.expr(node.value, env).flat())
        return CLEAN

    e_YieldFrom = e_Yield

    def e_Starred(self, node: ast.Starred, env: Env) -> Val:
        return self.expr(node.value, env)

    def e_Tuple(self, node: ast.Tuple | ast.List | ast.Set, env: Env) -> Val:
        expr = self.expr
        values = [expr(e, env) for e in node.elts]
        consts = [v.const for v in values]
        known = NOCONST not in consts  # (`in` compares by identity first, and NOCONST equals only itself)
        if node.__class__ is ast.Set or any(e.__class__ is ast.Starred for e in node.elts):
            return Val(union(*(v.flat() for v in values)), fold(node, {}) if known else NOCONST)
        value = Val({}, items=dict(enumerate(values)), seq=True)
        if known:
            value.const = tuple(consts) if node.__class__ is ast.Tuple else list(consts)
        return value

    e_List = e_Tuple
    e_Set = e_Tuple

    def e_Dict(self, node: ast.Dict, env: Env) -> Val:
        items: dict[Any, Val] = {}
        extra: list[Taint] = []
        for key, value_node in zip(node.keys, node.values, strict=False):
            value = self.expr(value_node, env)
            if key is None:
                if value.items is not None and not value.seq:
                    items.update(value.items)
                extra.append(value.taint if value.items is not None else value.flat())
                continue
            k = self.expr(key, env)
            if k.const is NOCONST:
                extra.append(union(k.flat(), value.flat()))
                continue
            try:
                items[k.const] = value
            except TypeError:
                extra.append(value.flat())
        result = Val(union(*extra), items=items)
        if not extra and all(v.const is not NOCONST for v in items.values()):
            result.const = {k: v.const for k, v in items.items()}
        return result

    def e_Subscript(self, node: ast.Subscript, env: Env) -> Val:
        base = self.expr(node.value, env)
        if isinstance(node.slice, ast.Slice):
            for part in (node.slice.lower, node.slice.upper, node.slice.step):
                self.expr(part, env)
            if base.const is not NOCONST:
                try:
                    lower, upper, step = (self.expr(p, env).const if p else None for p in (node.slice.lower, node.slice.upper, node.slice.step))
                    return const(base.const[slice(lower, upper, step)])
                except Exception:
                    return CLEAN
            if base.items is not None and base.seq:
                return Val(base.flat(), kind=base.kind)
            return Val(base.flat(), kind=base.kind)
        index = self.expr(node.slice, env)
        if base.qual == "os.environ" and spec.is_cgi_request_variable(index.const):
            return Val(self.file.source(node, f"os.environ[{index.const!r}]"))
        if base.kind == "wsgi-environ" and spec.is_server_set(index.const):
            return CLEAN
        if base.const is not NOCONST and index.const is not NOCONST:
            try:
                return const(base.const[index.const])
            except Exception:
                return CLEAN
        if base.items is not None and index.const is not NOCONST:
            key = index.const
            if base.seq and isinstance(key, int) and key < 0:
                key = len(base.items) + key
            try:
                if key in base.items:
                    return base.items[key]
            except TypeError:
                pass
            if not base.seq and not base.taint:
                return CLEAN
        if base.kind == "environ":
            return Val(base.flat())
        qual = f"{base.qual}[]" if base.qual and not base.flat() else None
        return Val(base.flat(), qual=qual, kind="json" if base.kind == "json" else None)

    def e_Lambda(self, node: ast.Lambda, env: Env) -> Val:
        return Val({}, kind="lambda", node=(node, dict(env)))

    def e_ListComp(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp, env: Env) -> Val:
        inner = self.comprehension(node.generators, env)
        return plain(self.expr(node.elt, inner).flat())

    e_SetComp = e_ListComp
    e_GeneratorExp = e_ListComp

    def e_DictComp(self, node: ast.DictComp, env: Env) -> Val:
        inner = self.comprehension(node.generators, env)
        return plain(union(self.expr(node.key, inner).flat(), self.expr(node.value, inner).flat()))

    def comprehension(self, generators: list[ast.comprehension], env: Env) -> Env:
        inner = dict(env)
        for generator in generators:
            self.assign(generator.target, element_of(self.expr(generator.iter, inner)), inner, None)
            for condition in generator.ifs:
                self.expr(condition, inner)
                inner, _ = self.refine(condition, inner)
        return inner

    # -- calls ----------------------------------------------------------------------------

    def e_Call(self, node: ast.Call, env: Env) -> Val:
        return evaluate_call(self, node, env)


_FIXED_ORIGIN = re.compile(r"^https?://[^/?#\\]+[/?#]")


def prefix_clears(prefix: Any) -> frozenset[str]:
    """Kinds a constant string prefix protects: a fixed scheme and host keeps a URL on that host (no
    SSRF, no open redirect); a local path (`/x`, not `//x`) keeps a redirect on the site."""
    if not isinstance(prefix, str) or not prefix:
        return EMPTY
    if _FIXED_ORIGIN.match(prefix):
        return frozenset({"ssrf", "redirect"})
    if prefix.startswith("/") and not prefix.startswith(("//", "/\\")) and len(prefix) > 1:
        return frozenset({"redirect"})
    return EMPTY


URL_TAIL = frozenset({"ssrf", "redirect"})
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[a-zA-Z%]")


def ordered_taint(parts: list[Val]) -> Taint:
    """The taint of the concatenation of `parts`, in order. What follows a literal `?` or `#` is
    the URL's query or fragment: it cannot change the scheme or host, which the text before it
    decides (`f"{self.url}?{request.META['QUERY_STRING']}"`). That text keeps its own taint, so a
    target chosen by the attacker is still reported through it."""
    taints: list[Taint] = []
    tail = False
    for part in parts:
        taint = part.flat()
        if taint:
            taints.append(clear(taint, URL_TAIL) if tail else taint)
        elif isinstance(part.const, str) and ("?" in part.const or "#" in part.const):
            tail = True
    return union(*taints)


def _handlers(prefix: str) -> dict[type, Any]:
    """Node type -> FunctionFlow method, from the `s_Name`/`e_Name` naming (looked up once, not per node)."""
    return {
        getattr(ast, name[2:]): getattr(FunctionFlow, name)
        for name in dir(FunctionFlow)
        if name.startswith(prefix) and isinstance(getattr(ast, name[2:], None), type)
    }


_STATEMENT_HANDLERS = _handlers("s_")
_EXPRESSION_HANDLERS = _handlers("e_")


def percent_parts(template: str, args: Val) -> list[Val] | None:
    """`template % args` as its literal pieces and arguments, in order; None when the arguments
    cannot be matched to the fields (a mapping, or an unknown tuple)."""
    pieces = _PERCENT_FIELD.split(template)
    fields = [f for f in _PERCENT_FIELD.findall(template) if f != "%%"]
    if "%%" in template or "%(" in template:
        return None
    if args.items is not None and args.seq:
        values = [args.items.get(index) for index in range(len(args.items))]
    elif len(fields) == 1 and args.items is None:
        values = [args]
    else:
        return None
    if len(values) != len(fields) or any(v is None for v in values):
        return None
    parts: list[Val] = [const(pieces[0])]
    for value, piece in zip(values, pieces[1:], strict=True):
        parts.extend((value, const(piece)))  # type: ignore[arg-type]
    return parts


_BODY_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
# Node type -> its fields holding statements (or handlers, match cases).
_NESTED_BODIES: dict[type, tuple[str, ...]] = {
    cls: fields
    for cls in vars(ast).values()
    if isinstance(cls, type) and issubclass(cls, (ast.stmt, ast.excepthandler, ast.match_case))
    and (fields := tuple(f for f in _BODY_FIELDS if f in cls._fields))
}


def element_of(iterable: Val) -> Val:
    if iterable.items is not None and iterable.seq and iterable.items:
        out: Val | None = None
        for item in iterable.items.values():
            out = join(out, item)
        return join(out, plain(iterable.taint)) if iterable.taint else out or CLEAN
    if iterable.const is not NOCONST and isinstance(iterable.const, (tuple, list, frozenset, str)):
        return CLEAN
    return plain(iterable.flat())


def _added(node: ast.BinOp, limit: int = 12) -> list[ast.expr]:
    """The operands of `a + b + c`, left to right; [] for longer chains (each level of a long
    chain would flatten it again)."""
    operands: list[ast.expr] = []
    current: ast.expr = node
    while isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
        if len(operands) >= limit:
            return []
        operands.append(current.right)
        current = current.left
    operands.append(current)
    return operands[::-1]


# What the module scan does with each kind of statement (anything else holds no statement).
_LEAF, _ASSIGN, _CLASS, _FUNCTION, _IMPORT, _IMPORT_FROM, _NESTED = "leaf", "assign", "class", "function", "import", "from", "nested"
# (step, the nested bodies it visits: last field first)
_SCAN_STEPS: dict[type, tuple[str, tuple[str, ...]]] = {
    cls: (step, tuple(reversed(_NESTED_BODIES.get(cls, ()))))
    for cls, step in {
        **{cls: _NESTED for cls in _NESTED_BODIES},
        ast.Assign: _ASSIGN, ast.ClassDef: _CLASS, ast.FunctionDef: _FUNCTION, ast.AsyncFunctionDef: _FUNCTION,
        ast.Import: _IMPORT, ast.ImportFrom: _IMPORT_FROM,
    }.items()
}
_LEAF_STEP = (_LEAF, ())


def _quietly_evaluated(test: ast.expr) -> bool:
    """Did `condition()` already evaluate all of `test` (see `expr_quiet`) with nothing to record?
    True for comparisons, `not`, `and`/`or` of names, attributes and constants: evaluating them again
    would change nothing (a source met again is the same source)."""
    kind = test.__class__
    if kind is ast.Compare:  # (loops, not all() over generators: this runs for every if-test)
        if not _plain(test.left):  # type: ignore[attr-defined]
            return False
        for comparator in test.comparators:  # type: ignore[attr-defined]  # noqa: SIM110
            if not _plain(comparator):
                return False
        return True
    if kind is ast.BoolOp:
        for value in test.values:  # type: ignore[attr-defined]  # noqa: SIM110
            if not _quietly_evaluated(value):
                return False
        return True
    if kind is ast.UnaryOp:
        return test.op.__class__ is ast.Not and _quietly_evaluated(test.operand)  # type: ignore[attr-defined]
    return _plain(test)


# Tests that `expr_quiet` evaluates in full (through `expr`), not skipping them as calls and the like.
_WHOLE_TESTS = frozenset({
    ast.Constant, ast.Name, ast.BinOp, ast.Compare, ast.Subscript, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Attribute,
})


def _evaluated_whole(test: ast.expr) -> bool:
    """Does `expr_quiet(test)` evaluate every part of `test` (`and`/`or`, `not`, and the kinds above)?"""
    kind = test.__class__
    if kind is ast.BoolOp:
        return all(_evaluated_whole(value) for value in test.values)  # type: ignore[attr-defined]
    if kind is ast.UnaryOp:
        return test.op.__class__ is ast.Not and _evaluated_whole(test.operand)  # type: ignore[attr-defined]
    return kind in _WHOLE_TESTS


def _fold_boolop(node: ast.BoolOp, values: list[Any]) -> Any:
    """The value of `a and b ...` / `a or b ...` from its operands' folded values (NOCONST: unknown)."""
    is_and = node.op.__class__ is ast.And
    for value in values:
        if value is not NOCONST and bool(value) is not is_and:
            return value
    return NOCONST if any(v is NOCONST for v in values) else values[-1]


def _truth(value: Any) -> Any:
    """The truth of a folded test; NOCONST when it did not fold (or has no truth value)."""
    if value is NOCONST:
        return NOCONST
    try:
        return bool(value)
    except Exception:
        return NOCONST


def _plain(node: ast.expr) -> bool:
    """A name, a constant, or an attribute chain on a name."""
    while node.__class__ is ast.Attribute:
        node = node.value  # type: ignore[attr-defined]
    return node.__class__ is ast.Name or node.__class__ is ast.Constant


def _parameter_defaults(args: ast.arguments, positional: list[ast.arg]) -> dict[str, ast.expr]:
    defaults: dict[str, ast.expr] = {}
    for arg, default in zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=False):
        defaults[arg.arg] = default
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=False):
        if default is not None:
            defaults[arg.arg] = default
    return defaults


def dotted_roots(env: Env) -> frozenset[str]:
    return frozenset(key.split(".", 1)[0] for key in env if "." in key)


def _has_url_separator(operands: list[ast.expr]) -> bool:
    return any(isinstance(o, ast.Constant) and isinstance(o.value, str) and ("?" in o.value or "#" in o.value) for o in operands)
