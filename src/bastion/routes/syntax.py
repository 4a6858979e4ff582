"""AST helpers shared by the framework extractors: names resolved through a file's imports,
constants, decorator and call summaries, and what a function body does (writes, denies access).

Everything returned is JSON-compatible so that it can travel as per-file facts.
"""

from __future__ import annotations

import ast
import contextvars
import re
from bisect import bisect_right
from itertools import compress
from operator import itemgetter
from typing import Any

from bastion.engine.astutil import descendants
from bastion.engine.names import resolve_relative
from bastion.routes.walk import walk

HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "trace")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Words that show a check looks at who the caller is.
_USER_WORDS = frozenset({
    "current_user", "user", "is_authenticated", "is_anonymous", "is_active", "get_current_user",
    "get_jwt_identity", "verify_jwt_in_request", "authorization", "auth", "token", "api_key", "apikey",
    "identity", "principal", "session", "user_id", "username", "request_user", "jwt", "credentials",
})
# Words that show a check is about a role or permission rather than being logged in.
_ROLE_WORDS = frozenset({
    "role", "roles", "admin", "is_admin", "is_staff", "is_superuser", "staff", "superuser", "has_perm",
    "has_perms", "has_role", "has_permission", "permission", "permissions", "perms", "perm", "groups",
    "group", "scope", "scopes", "is_owner", "owner", "owner_id", "author", "author_id", "created_by", "can", "privilege", "privileges", "level", "access_level",
})
_ROLE_PARTS = ("admin", "role", "perm", "staff", "superuser", "scope", "group", "privilege")
_ROLE_PART = re.compile("|".join(_ROLE_PARTS))


_PLAIN_WORDS: set[str] = set()  # words already found free of any role part (the same words recur across functions)


def about_roles(words: set[str]) -> bool:
    """Do these identifiers speak of roles, permissions, groups or scopes (`is_administrator`, `user_roles`)?"""
    if not words.isdisjoint(_ROLE_WORDS):
        return True
    unseen = words - _PLAIN_WORDS
    if not unseen:
        return False
    if _ROLE_PART.search("\n".join(unseen)) is not None:
        return True
    if len(_PLAIN_WORDS) > 100_000:  # bounded memory on huge projects
        _PLAIN_WORDS.clear()
    _PLAIN_WORDS.update(unseen)
    return False


_DENY_EXCEPTIONS = frozenset({
    "Unauthorized", "Forbidden", "PermissionDenied", "NotAuthenticated", "AuthenticationFailed",
    "HTTPUnauthorized", "HTTPForbidden", "AccessDenied", "Unauthenticated", "UnauthorizedError",
    "ForbiddenError", "PermissionError",
})
_DENY_RESPONSES = frozenset({"HttpResponseForbidden", "redirect_to_login", "unauthorized", "HttpResponseNotAllowed"})
_REFUSAL_CALLS = _DENY_RESPONSES | {"redirect", "abort", "HTTPException"}
_REFUSAL_WORDS = frozenset(name.lower() for name in (
    *_REFUSAL_CALLS, *_DENY_EXCEPTIONS, "HTTPException", "APIException", "WebSocketException", "abort"))
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_IMPORTS = (ast.Import, ast.ImportFrom)
_STATUS_KEYWORDS = ("status", "status_code")
_FIRST = itemgetter(0)
_EXEMPTION_WORDS = frozenset({"endpoint", "path", "url_rule", "blueprint"})
_FLAG_ROLES = {"is_admin": "admin", "is_staff": "staff", "is_superuser": "superuser"}
_STATUS = re.compile(r"(?:^|_)(401|403)(?:_|$)")
_WRITE_METHODS = frozenset({
    "commit", "save", "delete", "bulk_create", "bulk_update", "write_text", "write_bytes", "unlink",
    "rmtree", "get_or_create", "update_or_create", "insert_one", "insert_many", "update_one",
    "update_many", "delete_one", "delete_many", "replace_one",
})
_WRITE_CALLS = _WRITE_METHODS | {"create", "update", "add", "remove", "rename", "replace", "execute", "open"}


class Names:
    """Module-level imports and definitions of one file; resolves expressions to dotted names."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.bindings: dict[str, str] = {}
        for node in tree.body:
            self._bind(node, module, is_package)

    def local(self, inner: list[ast.Import | ast.ImportFrom]) -> Names:
        """These names plus the imports written inside a function (an application factory)."""
        if not inner:
            return self
        copy = Names.__new__(Names)
        copy.module, copy.is_package, copy.bindings = self.module, self.is_package, dict(self.bindings)
        for node in inner:
            copy._bind(node, self.module, self.is_package)
        return copy

    def _bind(self, node: ast.stmt, module: str, is_package: bool) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.bindings[alias.asname] = alias.name
                else:
                    head = alias.name.split(".", 1)[0]
                    self.bindings[head] = head
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(module, is_package, node.level, node.module)
            for alias in node.names:
                if alias.name != "*" and base:
                    self.bindings[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.bindings[node.name] = f"{module}.{node.name}"
        elif isinstance(node, (ast.If, ast.Try)):
            for child in [*node.body, *getattr(node, "orelse", []), *[s for h in getattr(node, "handlers", []) for s in h.body]]:
                self._bind(child, module, is_package)

    def qual(self, node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Name):
            return self.bindings.get(node.id, f"{self.module}.{node.id}")
        if isinstance(node, ast.Attribute):
            base = self.qual(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            return self.qual(node.func)
        return None


def last(name: str | None) -> str:
    return (name or "").rsplit(".", 1)[-1]


def const(node: ast.AST | None) -> Any:
    """A literal value (strings, numbers, lists/tuples of them), or None; always JSON data (bytes
    become latin-1 text), since facts are cached as JSON."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bytes):
            return value.decode("latin-1")
        return None if value is Ellipsis or isinstance(value, complex) else value
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        values = [const(e) for e in node.elts]
        return values if all(v is not None for v in values) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == name:
            return item.value
    return None


def argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    found = keyword(call, name)
    if found is not None:
        return found
    if position < len(call.args) and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def strings(node: ast.AST | None) -> list[str]:
    value = const(node)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def decorator_spec(node: ast.expr, names: Names) -> dict[str, Any]:
    """A decorator as data: its resolved name, literal arguments and keyword arguments."""
    call = node if isinstance(node, ast.Call) else None
    target = call.func if call else node
    spec: dict[str, Any] = {"name": names.qual(target) or "", "call": call is not None,
                            "line": node.lineno, "col": node.col_offset}
    if call:
        spec["args"] = [arg_value(a, names) for a in call.args]
        if call.args and isinstance(call.args[0], (ast.Name, ast.Attribute)):
            spec["arg_at"] = [call.args[0].lineno, call.args[0].col_offset]
        spec["kwargs"] = {k.arg: arg_value(k.value, names) for k in call.keywords if k.arg}
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Call):
        spec["receiver"] = decorator_spec(target.value, names)  # Permission(RoleNeed("admin")).require()
    return spec


def arg_value(node: ast.expr, names: Names) -> Any:
    value = const(node)
    if value is not None:
        return value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [arg_value(e, names) for e in node.elts]
    if isinstance(node, ast.Call):
        return {"call": names.qual(node.func) or "", "args": [arg_value(a, names) for a in node.args],
                "kwargs": {k.arg: arg_value(k.value, names) for k in node.keywords if k.arg}}
    if isinstance(node, ast.Lambda):
        return {"lambda": True, "role": about_roles(_identifiers(node.body)), "roles": sorted(_role_constants(node.body))}
    if isinstance(node, ast.Dict):
        return {str(const(k)): arg_value(v, names) for k, v in zip(node.keys, node.values, strict=True)
                if k is not None and const(k) is not None}
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
        return {"op": "&" if isinstance(node.op, ast.BitAnd) else "|",
                "left": arg_value(node.left, names), "right": arg_value(node.right, names)}
    qual = names.qual(node)
    return {"ref": qual} if qual else None


class Body:
    """A function's nodes gathered in one walk; the route facts below are computed from it."""

    __slots__ = ("_kept", "_refuses", "_walked", "bare_calls", "calls", "classes", "function", "words")

    def __init__(self, function: ast.AST) -> None:
        self.function = function
        walked = self._walked = walk(function)
        self.calls: list[ast.Call] = walked.calls  # in walk order: wiring and head calls keep it
        self.bare_calls: list[ast.Call] = walked.bare_calls
        names = list(set(walked.names))
        self.words: set[str] = set(map(str.lower, [*names, *walked.spelled]))
        # Names that start with a capital (maps and compress: no Python-level loop per name).
        self.classes: set[str] = set(compress(names, map(str.isupper, map(_FIRST, names))))
        self._kept: dict[type, list[Any]] | None = None
        self._refuses: bool | None = None

    def _all(self, kind: type) -> list[Any]:
        if self._kept is None:
            self._kept = {}
            for node in self._walked.kept:
                self._kept.setdefault(node.__class__, []).append(node)
        return self._kept.get(kind, [])

    @property
    def compares(self) -> list[ast.Compare]:
        return self._all(ast.Compare)

    @property
    def attributes(self) -> list[ast.Attribute]:
        """Rarely needed (role flags, `request.POST`): picked from the walk when asked for."""
        return [node for node in self._walked.nodes if node.__class__ is ast.Attribute]  # type: ignore[misc]

    @property
    def assigns(self) -> list[ast.Assign]:
        return self._all(ast.Assign)

    @property
    def functions(self) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """Nested definitions, in walk order."""
        return [node for node in self._walked.kept if node.__class__ in _DEFINITIONS and node is not self.function]

    @property
    def imports(self) -> list[ast.Import | ast.ImportFrom]:
        """In walk order: a later import of a name wins."""
        return [node for node in self._walked.kept if node.__class__ in _IMPORTS] if self._walked.imports else []

    def may_refuse(self) -> bool:
        """Could any statement here be a refusal (`denial`, `_client_error`)? Without a sign of
        one (see `_may_refuse`), the statement-by-statement search is skipped."""
        if self._refuses is None:
            self._refuses = self._may_refuse()
        return self._refuses

    def _may_refuse(self) -> bool:
        # Each refusal is named among the words (lowered: `raise PermissionDenied`, `abort(403)`,
        # `HttpResponseForbidden()`, a prepared `HTTPException(...)`), returns a 401/403 status as
        # a tuple's second item, or passes a status keyword: a body with none of these is not
        # searched statement by statement.
        if not self.words.isdisjoint(_REFUSAL_WORDS):
            return True
        status_keyword = False
        for node in self._walked.kept:
            kind = node.__class__
            if kind is ast.Return and node.value.__class__ is ast.Tuple and len(node.value.elts) >= 2 and _status_denies(node.value.elts[1]):
                return True
            if kind is ast.keyword and node.arg in _STATUS_KEYWORDS:
                status_keyword = True
        return status_keyword and any(item.arg in _STATUS_KEYWORDS for call in self.calls for item in call.keywords)


def vocabulary(body: Body) -> dict[str, Any]:
    """Does the body look at the caller, at roles/permissions, and which role names it mentions."""
    words = body.words
    role = about_roles(words)
    # Every role constant sits beside a role-like word of the body: without one there is none.
    roles = sorted(_role_constants_among(body.compares, body.calls, body.attributes)) if role else []
    return {"user": not words.isdisjoint(_USER_WORDS), "role": role, "safe_methods": "safe_methods" in words,
            "classes": sorted(body.classes)[:24], "roles": roles}


# -- what a function body does -------------------------------------------------------------------


def writes(body: Body) -> bool:
    """Does the body change state: database commits/saves/deletes, file writes, file removal?"""
    if body.words.isdisjoint(_WRITE_CALLS):  # each write below calls a method or function so named
        return False
    for node in body.calls:
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in _WRITE_METHODS:
                return True
            if func.attr in {"create", "update", "add"} and _mentions(func.value, {"objects", "session", "db"}):
                return True
            if func.attr in {"remove", "rename", "replace"} and isinstance(func.value, ast.Name) and func.value.id in {"os", "shutil"}:
                return True
            if func.attr == "execute" and node.args and _is_write_sql(node.args[0]):
                return True
        elif isinstance(func, ast.Name) and func.id == "open":
            mode = const(argument(node, 1, "mode"))
            if isinstance(mode, str) and any(c in mode for c in "wax+"):
                return True
    return False


def _is_write_sql(node: ast.AST) -> bool:
    text = const(node)
    return isinstance(text, str) and bool(re.match(r"\s*(insert|update|delete|drop|alter|truncate)\b", text, re.I))


def _mentions(node: ast.AST, words: set[str]) -> bool:
    return any(
        (isinstance(n, ast.Name) and n.id in words) or (isinstance(n, ast.Attribute) and n.attr in words)
        for n in descendants(node)
    )


def _identifiers(node: ast.AST) -> set[str]:
    found: set[str] = set()
    for sub in descendants(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id.lower())
        elif isinstance(sub, ast.Attribute):
            found.add(sub.attr.lower())
        elif isinstance(sub, ast.arg):
            found.add(sub.arg.lower())
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and len(sub.value) < 40:
            found.add(sub.value.lower())
    return found


def _status_denies(node: ast.AST | None) -> bool:
    if node is None:
        return False
    value = const(node)
    if isinstance(value, int):
        return value in (401, 403)
    if isinstance(node, ast.Attribute):
        return bool(_STATUS.search(node.attr))
    if isinstance(node, ast.Name):
        return bool(_STATUS.search(node.id))
    return False


def _login_target(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Constant) and isinstance(n.value, str) and ("login" in n.value.lower() or "signin" in n.value.lower()))
        or (isinstance(n, (ast.Name, ast.Attribute)) and "login" in (n.id if isinstance(n, ast.Name) else n.attr).lower())
        for n in descendants(node)
    )


def denial(node: ast.AST, prepared: frozenset[str] = frozenset()) -> bool:
    """Is this statement a refusal: abort/raise 401/403/PermissionDenied, a 401/403 response,
    or a redirect to a login page? `prepared` names local variables holding such an exception."""
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Name) and node.exc.id in prepared:
        return True
    if isinstance(node, ast.Raise) and node.exc is not None:
        exc = node.exc
        call = exc if isinstance(exc, ast.Call) else None
        name = last(_dotted(call.func if call else exc))
        if name in _DENY_EXCEPTIONS:
            return True
        if call and name in {"HTTPException", "APIException", "WebSocketException", "abort"}:
            return _status_denies(argument(call, 0, "status_code")) or _status_denies(keyword(call, "code"))
        return False
    if isinstance(node, ast.Return) and node.value is not None:
        value = node.value
        if isinstance(value, ast.Tuple) and len(value.elts) >= 2 and _status_denies(value.elts[1]):
            return True
        if isinstance(value, ast.Call):
            name = last(_dotted(value.func))
            if name in _DENY_RESPONSES:
                return True
            if name == "redirect" and _login_target(value):
                return True
            status = keyword(value, "status") or keyword(value, "status_code")
            if _status_denies(status):
                return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        call = node.value
        name = last(_dotted(call.func))
        if name == "abort" and call.args and _status_denies(call.args[0]):
            return True
        if name in _DENY_RESPONSES:
            return True
    return False


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


_PREPARED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("prepared", default=frozenset())


def _prepared_exceptions(body: Body) -> frozenset[str]:
    """`credentials_exception = HTTPException(status_code=401, ...)`, raised later by name."""
    names = set()
    for node in body.assigns:
        if isinstance(node.value, ast.Call) and denial(ast.Raise(exc=node.value)):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(names)


_CREDENTIAL_PARTS = ("token", "key", "auth", "user", "session", "secret", "password", "credential", "signature")


def _client_error(node: ast.AST) -> bool:
    """`raise HTTPException(400, ...)` / `abort(400)`: a refusal with another 4xx status; a guard
    only when its condition is about credentials (FastAPI's `x_token != ...: raise HTTPException(400)`)."""
    call = None
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
        call = node.exc
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        call = node.value
    if call is None or last(_dotted(call.func)) not in {"HTTPException", "abort"}:
        return False
    status = const(argument(call, 0, "status_code"))
    return isinstance(status, int) and 400 <= status < 500 and status != 404


def _about_credentials(condition: ast.AST) -> bool:
    return any(part in word for word in _identifiers(condition) for part in _CREDENTIAL_PARTS)


def _walk_guarded(body: list[ast.stmt], conditions: list[ast.expr], found: list[tuple[list[ast.expr], ast.stmt]]) -> None:
    """Collect each denial with the conditions that lead to it (not into nested defs)."""
    for statement in body:
        if denial(statement, _PREPARED.get()) or (_client_error(statement) and any(_about_credentials(c) for c in conditions)):
            found.append((list(conditions), statement))
        if isinstance(statement, ast.If):
            _walk_guarded(statement.body, [*conditions, statement.test], found)
            _walk_guarded(statement.orelse, [*conditions, statement.test], found)
        elif isinstance(statement, (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith)):
            extra = [statement.iter] if isinstance(statement, (ast.For, ast.AsyncFor)) else []
            _walk_guarded(statement.body, [*conditions, *extra], found)
        elif isinstance(statement, ast.Try):
            _walk_guarded(statement.body, conditions, found)
            for handler in statement.handlers:
                _walk_guarded(handler.body, [*conditions, *([handler.type] if handler.type else [])], found)
        elif isinstance(statement, ast.Match):
            for case in statement.cases:
                _walk_guarded(case.body, [*conditions, statement.subject], found)


def guard_signature(body: Body) -> dict[str, Any] | None:
    """What a function does as an access check: None if it never refuses a caller; otherwise
    whether the refusal depends on a role/permission, and the role names compared against.
    Inner functions count too (a decorator's wrapper)."""
    if not body.may_refuse():
        return None
    function = body.function
    assert isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
    functions = [function, *body.functions]
    found: list[tuple[list[ast.expr], ast.stmt]] = []
    token = _PREPARED.set(_prepared_exceptions(body))
    try:
        for item in functions:
            _walk_guarded(item.body, [], found)
    finally:
        _PREPARED.reset(token)
    if not found:
        return None
    # A decorator factory's own parameters (`needs_role(role)`) name what is required.
    params = {a.arg.lower() for a in (*function.args.args, *function.args.kwonlyargs)} if len(functions) > 2 else set()
    params -= {"f", "func", "fn", "view", "view_func", "function", "request", "args", "kwargs", "self", "wrapped"}
    role = False
    roles: set[str] = set()
    for conditions, _ in found:
        words: set[str] = set()
        for condition in conditions:
            words |= _identifiers(condition)
            roles |= _role_constants(condition)
        if about_roles(words) or (words & params and not words & {"user", "current_user"} - params):
            role = True
    return {"role": role or bool(roles), "roles": sorted(roles)}


def _role_constants(condition: ast.AST) -> set[str]:
    """String constants a role-like attribute is compared with or looked up in."""
    nodes = descendants(condition)
    return _role_constants_among(
        [n for n in nodes if isinstance(n, ast.Compare)],
        [n for n in nodes if isinstance(n, ast.Call)],
        [n for n in nodes if isinstance(n, ast.Attribute)],
    )


def _role_constants_among(compares: list[ast.Compare], calls: list[ast.Call], attributes: list[ast.Attribute]) -> set[str]:
    found: set[str] = set()
    for node in compares:
        sides = [node.left, *node.comparators]
        values = [value for side in sides for value in strings(side)]  # cheap: asked first
        if values and any(about_roles(_identifiers(side)) for side in sides):
            found.update(values)
    for node in calls:
        if isinstance(node.func, ast.Attribute) and node.func.attr.lower() in _ROLE_WORDS:
            for arg in node.args:
                found.update(strings(arg))
    for node in attributes:
        if node.attr in _FLAG_ROLES:
            found.add(_FLAG_ROLES[node.attr])
    return {value for value in found if value and len(value) < 64}


def inline_guard(body: Body) -> dict[str, Any] | None:
    """A check written at the top of a handler (`if not current_user.is_admin: abort(403)`):
    a denial, conditioned on the caller, among the first statements."""
    function = body.function
    assert isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
    if not body.may_refuse():
        return None
    head = function.body[:4]
    found: list[tuple[list[ast.expr], ast.stmt]] = []
    _walk_guarded(head, [], found)
    found = [(c, s) for c, s in found if c and any(_identifiers(x) & _USER_WORDS or about_roles(_identifiers(x)) for x in c)]
    if not found:
        return None
    conditions = [x for c, _ in found for x in c]
    words = set().union(*(_identifiers(x) for x in conditions))
    roles = set().union(*(_role_constants(x) for x in conditions))
    return {"role": about_roles(words) or bool(roles), "roles": sorted(roles)}


def compared_methods(body: Body) -> list[str]:
    """HTTP methods a Django function view tests for (`request.method == "POST"`)."""
    if "method" not in body.words and "post" not in body.words:  # `.method` or `.POST` is among the words
        return []
    found: set[str] = set()
    verbs = {v.upper() for v in HTTP_VERBS}
    for node in body.compares:
        if isinstance(node.left, ast.Attribute) and node.left.attr == "method":
            for side in node.comparators:
                found.update(s.upper() for s in strings(side) if s.upper() in verbs)
    for node in body.attributes:
        if node.attr == "POST" and isinstance(node.value, ast.Name) and node.value.id == "request":
            found.add("POST")
    return sorted(found)


def hook_exemptions(body: Body) -> list[str]:
    """Endpoints or path prefixes a `before_request` hook lets through before checking anything:
    `if request.endpoint in ("auth.login", "static"): return` / `request.path.startswith("/public")`."""
    if body.words.isdisjoint(_EXEMPTION_WORDS):  # each test below looks at one of these
        return []
    function = body.function
    assert isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
    found: list[str] = []
    for statement in function.body:
        if not isinstance(statement, ast.If) or not statement.body or not isinstance(statement.body[0], ast.Return):
            continue
        returned = statement.body[0].value
        if isinstance(returned, ast.Await):
            returned = returned.value
        passes_on = isinstance(returned, ast.Call) and last(_dotted(returned.func)) in {"call_next", "get_response", "app"}
        if returned is not None and not passes_on and not (isinstance(returned, ast.Constant) and returned.value is None):
            continue
        for node in descendants(statement.test):
            if isinstance(node, ast.Compare) and _identifiers(node.left) & _EXEMPTION_WORDS:
                for side in node.comparators:
                    found += strings(side)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith"
                  and _identifiers(node.func.value) & {"path", "endpoint"}):
                found += [f"{s}*" for a in node.args for s in strings(a)]
    return found


def _start(statement: ast.stmt) -> tuple[int, int]:
    """Where a statement's text begins: a decorated definition begins at its first decorator."""
    decorators = getattr(statement, "decorator_list", None)
    if not decorators:
        return statement.lineno, statement.col_offset
    return min([(statement.lineno, statement.col_offset), *((d.lineno, d.col_offset) for d in decorators)])


def head_calls(body: Body, names: Names) -> list[str]:
    """Project functions a handler calls in its first statements (where a check would sit)."""
    function = body.function
    assert isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
    head = function.body[:4]
    # The statements follow the `def` line and each other: no call outside these lines is placed.
    first, last_line = function.lineno, head[-1].end_lineno or head[-1].lineno
    candidates = [call for call in body.bare_calls if first <= call.lineno <= last_line]
    if not candidates:
        return []
    starts = [_start(s) for s in head]
    ends = [(s.end_lineno or s.lineno, s.end_col_offset or 0) for s in head]
    placed: list[tuple[int, ast.Call]] = []
    for call in candidates:  # breadth first over the function: per statement, the order of a walk of it
        at = (call.lineno, call.col_offset)
        number = bisect_right(starts, at) - 1  # the last statement starting at or before the call
        if number >= 0 and at < ends[number]:
            placed.append((number, call))
    found: list[str] = []
    for _, call in sorted(placed, key=_FIRST):
        qual = names.qual(call.func)
        if qual and qual not in found:
            found.append(qual)
    return found[:6]
