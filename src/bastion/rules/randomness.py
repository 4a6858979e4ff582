"""The `random` module used to make security values (tokens, passwords, keys, nonces, ids)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding
from bastion.rules._naming import destination_names, is_security_name
from bastion.rules.registry import rule

_GENERATORS = ("random", "randint", "randrange", "choice", "choices", "sample", "getrandbits", "randbytes", "uniform", "shuffle", "triangular")
PREDICTABLE_CALLS = frozenset(
    [f"random.{name}" for name in _GENERATORS]
    + [f"random.Random().{name}" for name in _GENERATORS]
    + [f"numpy.random.{name}" for name in ("rand", "randint", "choice", "bytes", "random")]
)
# Mechanical replacements that keep the call's meaning: function -> (secrets function, note).
SECRETS_EQUIVALENT = {"choice": "choice", "getrandbits": "randbits", "randbytes": "token_bytes"}


def _fix(ctx: Context, call: ast.Call, function: str):
    replacement = SECRETS_EQUIVALENT.get(function)
    if replacement is None or not isinstance(call.func, ast.Attribute) or ctx.call_name(call) != f"random.{function}":
        return None
    if not isinstance(call.func.value, ast.Name) or call.func.value.id != "random":
        return None
    return edits.fix(
        f"use secrets.{replacement}",
        edits.replace(ctx.source, call.func, f"secrets.{replacement}"),
        edits.ensure_import(ctx.source, "secrets"),
    )


@rule(
    "BST404",
    "insecure-random",
    summary="`random` used to generate a token, password, key, nonce or other secret value",
    calls=PREDICTABLE_CALLS,
    severity="high",
    confidence="medium",
    cwe=338,
    owasp="A02",
    fixable=True,
)
def insecure_random(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags values from the `random` module (and `numpy.random`) that become security values: stored
    under or passed as a name such as `token`, `password`, `api_key`, `nonce`, `salt`, `otp`,
    `session_id` or `reset_code`, or returned from a function named like one. Other uses of `random`
    (simulations, sampling, jitter, games, tests) are not reported.

    ## Why is this bad?
    `random` is a Mersenne Twister: after observing 624 outputs an attacker can predict every future
    one and recover past ones, so tokens, password-reset codes and keys made with it can be guessed.

    ## Example
    ```python
    reset_token = "".join(random.choice(string.ascii_letters) for _ in range(32))
    ```

    ## Use instead
    ```python
    reset_token = secrets.token_urlsafe(32)
    ```

    ## References
    - https://docs.python.org/3/library/random.html (the warning at the top)
    - https://docs.python.org/3/library/secrets.html
    - https://cwe.mitre.org/data/definitions/338.html
    """
    name = ctx.call_name(call)
    if name not in PREDICTABLE_CALLS:
        return
    names = destination_names([*ctx.ancestors, call])
    target = next((n for n in names if is_security_name(n)), None)
    if target is None:
        return
    function = name.rsplit(".", 1)[1]
    yield ctx.finding(
        call,
        f"`{name}` is predictable, but its output becomes `{target}`; use the `secrets` module",
        fix=_fix(ctx, call, function),
    )
