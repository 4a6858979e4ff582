"""`assert` used to enforce authorization, which `python -O` removes."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules._naming import camel_to_snake
from bastion.rules.registry import rule

AUTH_WORDS = re.compile(
    r"(?:^|_)(?:is_admin|is_staff|is_superuser|is_authenticated|is_anonymous|is_authorized|authorized|"
    r"authenticated|has_perm|has_perms|has_permission|has_permissions|has_role|has_scope|has_access|"
    r"can_(?:access|edit|view|delete|change|manage|modify|read|write|admin)|is_owner|owned_by|check_permissions?|"
    r"logged_in|is_logged_in|user_is_admin|superuser)(?:$|_)"
)
# Words that mean authorization only next to a user or a request (`user.role == "admin"`).
WEAK_AUTH_WORDS = re.compile(r"(?:^|_)(?:permission|permissions|perm|perms|role|roles|scope|scopes|owner|admin|allowed|is_allowed|privilege|privileges|access_level|is_member)(?:$|_)")
USER_WORDS = re.compile(r"(?:^|_)(?:user|current_user|request_user|account|identity|principal)(?:$|_)")


def _words(test: ast.expr) -> list[str]:
    found: list[str] = []
    for node in ast.walk(test):
        if isinstance(node, ast.Name):
            found.append(node.id)
        elif isinstance(node, ast.Attribute):
            found.append(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 60:
            found.append(node.value)
    return [camel_to_snake(word) for word in found]


def _is_null_check(test: ast.expr) -> bool:
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot)):
        return isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None
    return isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"


def _guards_authorization(test: ast.expr) -> str | None:
    if _is_null_check(test):
        return None
    words = _words(test)
    for word in words:
        match = AUTH_WORDS.search(word)
        if match:
            return match.group(0).strip("_")
    near_user = any(USER_WORDS.search(word) or word == "request" for word in words)
    for word in words:
        match = WEAK_AUTH_WORDS.search(word)
        if match and near_user:
            return match.group(0).strip("_")
    # `assert request.user == document.owner`-style identity comparisons
    identity_check = isinstance(test, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in test.ops)
    if identity_check and any(USER_WORDS.search(word) for word in words):
        return "user"
    return None


@rule(
    "BST225",
    "assert-authorization",
    summary="Authorization enforced with `assert`, which optimised Python removes",
    nodes=(ast.Assert,),
    severity="medium",
    confidence="medium",
    cwe=617,
    owasp="A01",
)
def assert_authorization(node: ast.Assert, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `assert` statements in application code whose condition checks a user, a permission, a role
    or an authentication state (`is_admin`, `has_perm(...)`, `is_authenticated`, `user == owner`).
    Other asserts and test files are never reported.

    ## Why is this bad?
    `python -O` (and `PYTHONOPTIMIZE`) strips every `assert`. Code that relies on one to stop
    unauthorised users lets everybody through as soon as it runs optimised.

    ## Example
    ```python
    assert request.user.has_perm("billing.refund")
    ```

    ## Use instead
    ```python
    if not request.user.has_perm("billing.refund"):
        raise PermissionDenied
    ```

    ## References
    - https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement
    - https://cwe.mitre.org/data/definitions/617.html
    """
    if ctx.is_test_file:
        return
    reason = _guards_authorization(node.test)
    if reason is None:
        return
    yield ctx.finding(node, f"`assert` checks `{reason}`; it is removed under `python -O`, raise an exception instead")
