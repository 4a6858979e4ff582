"""Which decorators, dependencies, mixins, permission classes and hooks are guards, and what they require.

Library guards are known by name; project-defined ones are recognised by what their body does
(see `syntax.guard_signature`: a refusal, 401/403/PermissionDenied or a redirect to a login page,
under a condition on the caller), whatever they are called.
"""

from __future__ import annotations

import fnmatch
from dataclasses import replace
from typing import Any

from bastion.routes.index import Index
from bastion.routes.model import AUTH, PUBLIC, ROLE, Guard
from bastion.routes.syntax import last

# Library decorators by their last name; the value is the kind.
LIBRARY_DECORATORS = {
    "login_required": AUTH, "fresh_login_required": AUTH, "auth_required": AUTH, "auth_token_required": AUTH,
    "http_auth_required": AUTH, "jwt_required": AUTH, "token_required": AUTH, "requires_auth": AUTH,
    "verify_jwt_in_request": AUTH, "fresh_jwt_required": AUTH, "auth_accepted": AUTH,
    "roles_required": ROLE, "roles_accepted": ROLE, "permissions_required": ROLE, "permissions_accepted": ROLE,
    "permission_required": ROLE, "user_passes_test": ROLE, "staff_member_required": ROLE,
    "superuser_required": ROLE, "staff_required": ROLE, "admin_required": ROLE, "has_role": ROLE,
    "require": ROLE, "requires": ROLE, "login_not_required": PUBLIC,
}
_ROLE_KWARGS = frozenset({"perm", "perms", "role", "roles", "permission", "permissions", "scopes", "group", "groups"})
_IMPLIED_ROLES = {"staff_member_required": ("staff",), "superuser_required": ("superuser",),
                  "staff_required": ("staff",), "admin_required": ("admin",)}
_LIBRARY_ROOTS = ("flask_login", "flask_security", "flask_user", "django", "flask_jwt_extended", "flask_praetorian",
                  "flask_principal", "flask_httpauth", "flask_simplelogin", "rest_framework", "fastapi_users",
                  "flask_jwt", "flask_oidc", "authlib", "braces")

SCHEMES = frozenset({"OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "HTTPBearer", "HTTPBasic", "HTTPDigest",
                     "APIKeyHeader", "APIKeyCookie", "APIKeyQuery", "OpenIdConnect", "OAuth2"})

PERMISSION_CLASSES = {
    "AllowAny": (PUBLIC, (), False), "IsAuthenticated": (AUTH, (), False),
    "IsAdminUser": (ROLE, ("admin",), False), "IsAuthenticatedOrReadOnly": (AUTH, (), True),
    "DjangoModelPermissions": (ROLE, ("model-permissions",), False),
    "DjangoModelPermissionsOrAnonReadOnly": (ROLE, ("model-permissions",), True),
    "DjangoObjectPermissions": (ROLE, ("object-permissions",), False),
    "TokenHasScope": (ROLE, ("scopes",), False), "TokenHasReadWriteScope": (ROLE, ("scopes",), False),
    "TokenHasResourceScope": (ROLE, ("scopes",), False), "IsAdminOrReadOnly": (ROLE, ("admin",), True),
}
MIXINS = {
    "LoginRequiredMixin": AUTH, "PermissionRequiredMixin": ROLE, "UserPassesTestMixin": ROLE,
    "StaffuserRequiredMixin": ROLE, "SuperuserRequiredMixin": ROLE, "GroupRequiredMixin": ROLE,
    "StaffRequiredMixin": ROLE, "SuperuserRequired": ROLE, "AdminRequiredMixin": ROLE,
}


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings_in(item)]
    if isinstance(value, dict) and "call" in value:  # RoleNeed("admin")
        return [s for item in value.get("args", []) for s in _strings_in(item)]
    return []


def _configured(name: str, index: Index) -> Guard | None:
    options = index.options
    short = last(name)
    for configured in options.get("guards", ()):
        if configured in (name, short):
            return Guard(short, AUTH, source="config")
    for configured, roles in options.get("role-guards", {}).items():
        if configured in (name, short):
            return Guard(short, ROLE, tuple(roles), source="config")
    return None


def _is_library(name: str) -> bool:
    return name.split(".", 1)[0] in _LIBRARY_ROOTS


def decorator(spec: dict[str, Any], index: Index, *, source: str = "decorator") -> Guard | None:
    """A decorator (or a decorator factory call) as a guard, or None."""
    name = spec.get("name") or spec.get("call") or ""
    args = [*spec.get("args", []), *(v for k, v in spec.get("kwargs", {}).items() if k in _ROLE_KWARGS)]
    configured = _configured(name, index)
    if configured:
        return configured
    short = last(name)
    if short == "method_decorator":  # Django: method_decorator(login_required, name="dispatch")
        inner = spec.get("args", [None])[0] if spec.get("args") else None
        inners = inner if isinstance(inner, list) else [inner]
        found = [g for g in (value_guard(i, index, source) for i in inners) if g]
        return strongest(found)
    resolved = index.resolve(name)
    entry = index.functions.get(resolved)
    if entry is not None:
        signature = entry[1].get("guard")
        if signature is not None:
            roles = tuple(dict.fromkeys([*signature["roles"], *_strings_in(args)]))
            return Guard(short, ROLE if signature["role"] or (roles and spec.get("call")) else AUTH, roles, source)
        if short not in LIBRARY_DECORATORS:
            return None
        # A project's own `login_required` that delegates (`user_passes_test(...)`, as Django's
        # does when Django itself is scanned) is still the guard its name says it is.
    alias = index.objects.get(resolved)
    if alias is not None and "call" in alias and not spec.get("call"):
        return decorator(alias, index, source=source)  # admin_required = roles_required("admin")
    receiver = spec.get("receiver") or _receiver_object(name, index)
    if short in {"require", "requires"} and receiver is not None:  # flask-principal Permission(...).require()
        if last(receiver.get("name") or receiver.get("call")) == "Permission":
            return Guard(f"{last(name.rsplit('.', 1)[0])}.require", ROLE, tuple(_strings_in(receiver.get("args", []))), source)
        return None
    if short == "login_required" and receiver is not None:  # flask-httpauth HTTPBasicAuth().login_required
        roles = tuple(_strings_in(spec.get("kwargs", {}).get("role")))
        return Guard(name.rsplit(".", 2)[-2] + ".login_required", ROLE if roles else AUTH, roles, source)
    if short == "requires" and resolved.startswith("starlette"):  # @requires("authenticated") / ("admin")
        scopes = [s for s in _strings_in(spec.get("args", [])[:1]) if s != "authenticated"]
        return Guard(short, ROLE if scopes else AUTH, tuple(scopes), source)
    kind = LIBRARY_DECORATORS.get(short)
    test = (spec.get("args") or [None])[0]
    if short == "user_passes_test" and isinstance(test, dict) and test.get("lambda"):
        return Guard(short, ROLE if test["role"] else AUTH, tuple(test["roles"]), source)
    if kind and (_is_library(resolved) or short not in {"require", "requires", "admin_required", "token_required"}):
        roles = tuple(_strings_in(args)) if kind == ROLE else ()
        return Guard(short, kind, roles or _IMPLIED_ROLES.get(short, ()), source)
    return None


def _receiver_object(name: str, index: Index) -> dict | None:
    owner = name.rpartition(".")[0]
    found = index.object(owner) if owner else None
    return {"call": found.get("call"), "args": found.get("args", [])} if found and "call" in found else None


def value_guard(value: Any, index: Index, source: str) -> Guard | None:
    if isinstance(value, dict) and "ref" in value:
        return decorator({"name": value["ref"]}, index, source=source)
    if isinstance(value, dict) and "call" in value:
        return decorator({"name": value["call"], "call": True, "args": value.get("args", []),
                          "kwargs": value.get("kwargs", {})}, index, source=source)
    return None


def strongest(guards: list[Guard]) -> Guard | None:
    order = {ROLE: 3, AUTH: 2, PUBLIC: 1}
    return max(guards, key=lambda g: order[g.kind]) if guards else None


def hook(function_name: str, index: Index) -> Guard | None:
    """A `before_request` hook that refuses callers."""
    configured = _configured(function_name, index)
    if configured:
        return replace(configured, source="hook")
    entry = index.function(function_name)
    if entry is None or entry[1].get("guard") is None:
        return None
    signature = entry[1]["guard"]
    return Guard(last(function_name), ROLE if signature["role"] else AUTH, tuple(signature["roles"]), "hook",
                 exempt=tuple(entry[1].get("exempt", ())))


def inline(function: dict, index: Index | None = None) -> Guard | None:
    """A check at the top of the handler, written there or in a project function it calls first
    (`post = get_post(id)` that aborts 403 for another author's post)."""
    found = function.get("inline")
    if found:
        return Guard("inline check", ROLE if found["role"] else AUTH, tuple(found["roles"]), "inline")
    for callee in function.get("head_calls", []) if index is not None else []:
        entry = index.function(callee)
        signature = entry[1].get("guard") if entry else None
        if signature and entry[1].get("vocabulary", {}).get("user"):
            return Guard(last(callee), ROLE if signature["role"] else AUTH, tuple(signature["roles"]), "inline")
    return None


# -- FastAPI dependencies ---------------------------------------------------------------------


def dependency(value: Any, index: Index, seen: frozenset[str] = frozenset()) -> Guard | None:
    """`Depends(x)` / `Security(x, scopes=[...])` (as argument data) as a guard, or None."""
    if not isinstance(value, dict) or "call" not in value:
        return None
    kind = last(value["call"])
    if kind not in {"Depends", "Security"}:
        return None
    target = value.get("args", [None])[0] if value.get("args") else value.get("kwargs", {}).get("dependency")
    scopes = tuple(_strings_in(value.get("kwargs", {}).get("scopes")))
    found = _dependency_target(target, index, seen)
    if scopes:
        name = found.name if found else _target_name(target)
        return Guard(name, ROLE, tuple(dict.fromkeys([*(found.roles if found else ()), *scopes])), "dependency")
    return found


def _target_name(target: Any) -> str:
    if isinstance(target, dict):
        return last(target.get("ref") or target.get("call") or "")
    return "dependency"


def _dependency_target(target: Any, index: Index, seen: frozenset[str]) -> Guard | None:
    if not isinstance(target, dict):
        return None
    name = target.get("ref") or target.get("call")
    if not name:
        return None
    resolved = index.resolve(name)
    if resolved in seen:
        return None
    seen = seen | {resolved}
    configured = _configured(resolved, index)
    if configured:
        return configured
    call_args = _strings_in(target.get("args", [])) if "call" in target else []
    obj = index.objects.get(resolved)
    if obj is not None and "call" in obj:
        if last(obj["call"]) in SCHEMES:
            auto_error = obj.get("kwargs", {}).get("auto_error", True)
            return Guard(last(resolved), AUTH, (), "dependency") if auto_error is not False else None
        return _dependency_target({"call": obj["call"], "args": obj.get("args", []), "kwargs": obj.get("kwargs", {})}, index, seen)  # checker = RoleChecker([...])
    if last(resolved) in SCHEMES:
        return Guard(last(resolved), AUTH, (), "dependency")
    if last(resolved) == "current_user" and resolved not in index.functions:  # fastapi-users
        superuser = (target.get("kwargs") or {}).get("superuser") is True
        return Guard("current_user", ROLE if superuser else AUTH, ("superuser",) if superuser else (), "dependency")
    function = index.functions.get(resolved)
    if function is None and resolved in index.classes:  # a class instance whose __call__ checks
        method = index.class_method(resolved, "__call__")
        function = (method[1], method[2]) if method else None
        call_args = _strings_in([*target.get("args", []), *target.get("kwargs", {}).values()])
    if function is None:
        return None
    facts = function[1]
    own = facts.get("guard")
    inner = strongest([g for g in (_param_guard(p, index, seen) for p in facts["params"]) if g])
    if own is None and inner is None:
        return None
    roles = tuple(dict.fromkeys([*(own["roles"] if own else ()), *call_args, *(inner.roles if inner else ())]))
    role = bool(own and own["role"]) or (inner is not None and inner.kind == ROLE) or bool(call_args and own)
    if any(_is_scopes_param(p) for p in facts["params"]):
        role = True
    return Guard(last(resolved), ROLE if role else AUTH, roles, "dependency")


def _is_scopes_param(param: dict) -> bool:
    annotation = param.get("annotation") or {}
    return last(annotation.get("ref")) == "SecurityScopes"


def _param_guard(param: dict, index: Index, seen: frozenset[str]) -> Guard | None:
    found = dependency(param.get("default"), index, seen)
    if found:
        return found
    annotation = param.get("annotation") or {}
    metadata = annotation.get("annotated")
    if metadata is None and annotation.get("ref"):
        alias = index.object(annotation["ref"])  # CurrentUser = Annotated[User, Depends(...)]
        metadata = alias.get("annotated") if alias else None
    for item in metadata or []:
        found = dependency(item, index, seen)
        if found:
            return found
    return None


def parameter_guards(function: dict, index: Index) -> list[Guard]:
    return [g for g in (_param_guard(p, index, frozenset()) for p in function["params"]) if g]


# -- Django and DRF ---------------------------------------------------------------------------


def permission_class(value: Any, index: Index) -> Guard | None:
    """A DRF permission class reference (or `A & B`, `A | B`) as a guard."""
    if isinstance(value, dict) and "op" in value:
        left, right = permission_class(value["left"], index), permission_class(value["right"], index)
        both = [g for g in (left, right) if g]
        if value["op"] == "&":
            return strongest(both)
        if len(both) < 2:
            return None
        order = {ROLE: 3, AUTH: 2, PUBLIC: 1}
        return min(both, key=lambda g: order[g.kind])
    name = value.get("ref") if isinstance(value, dict) else None
    if not name:
        return None
    configured = _configured(name, index)
    if configured:
        return configured
    resolved = index.resolve(name)
    short = last(resolved)
    if resolved not in index.classes and short in PERMISSION_CLASSES:
        kind, roles, unsafe_only = PERMISSION_CLASSES[short]
        return Guard(short, kind, roles, "permission", unsafe_only)
    if resolved not in index.classes:
        return None
    role, user, roles, reads_open = False, False, [], False
    for method in ("has_permission", "has_object_permission"):
        found = index.class_method(resolved, method)
        if found:
            vocabulary = found[2].get("vocabulary", {})
            role |= vocabulary.get("role", False)
            user |= vocabulary.get("user", False)
            roles += vocabulary.get("roles", [])
            reads_open |= vocabulary.get("safe_methods", False)
    for ancestor in index.ancestors(resolved)[1:]:
        if ancestor not in index.classes and last(ancestor) in PERMISSION_CLASSES:
            inherited = PERMISSION_CLASSES[last(ancestor)]
            role |= inherited[0] == ROLE
            user |= inherited[0] == AUTH
    if not (role or user):
        return Guard(short, AUTH, (), "permission")  # a custom permission class checks something
    return Guard(short, ROLE if role else AUTH, tuple(dict.fromkeys(roles)), "permission", reads_open)


def mixins(class_name: str, index: Index) -> list[Guard]:
    """Django access mixins (and project mixins built on them) among a view's bases."""
    found: list[Guard] = []
    for ancestor in index.ancestors(class_name)[1:]:
        configured = _configured(ancestor, index)
        if configured:
            found.append(replace(configured, source="mixin"))
            continue
        short = last(ancestor)
        kind = MIXINS.get(short)
        if kind is None or ancestor in index.classes:
            continue
        roles: tuple[str, ...] = ()
        if short == "PermissionRequiredMixin":
            roles = tuple(_strings_in(index.class_attr(class_name, "permission_required")))
        elif short == "UserPassesTestMixin":
            test = index.class_method(class_name, "test_func")
            vocabulary = test[2].get("vocabulary", {}) if test else {}
            if test and not vocabulary.get("role"):
                kind = AUTH
            roles = tuple(vocabulary.get("roles", []))
        elif short == "GroupRequiredMixin":
            roles = tuple(_strings_in(index.class_attr(class_name, "group_required")))
        found.append(Guard(short, kind, roles, "mixin"))
    return found


def matches_public(path: str, handler: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        if fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(handler, pattern) or fnmatch.fnmatchcase(last(handler), pattern):
            return True
    return False


def per_method(per_method: dict[str, set[Guard]], methods: list[str]) -> list[Guard]:
    """Guards on every method of the view, or on every unsafe one (then reads stay open)."""
    verbs = [m.lower() for m in methods]
    everywhere = [per_method.get(v, set()) for v in verbs]
    common = set.intersection(*everywhere) if everywhere else set()
    unsafe = [per_method.get(v, set()) for v in verbs if v.upper() in {"POST", "PUT", "PATCH", "DELETE"}]
    writes_only = (set.intersection(*unsafe) - common) if unsafe else set()
    return sorted(common, key=lambda g: g.name) + [replace(g, unsafe_only=True) for g in sorted(writes_only, key=lambda g: g.name)]
