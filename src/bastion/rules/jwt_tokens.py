"""JSON Web Tokens decoded without checking their signature, or made with the `none` algorithm."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import keyword
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

DECODE_CALLS = frozenset({"jwt.decode", "jwt.api_jwt.decode", "jwt.PyJWT().decode", "jose.jwt.decode", "jwt.decode_complete"})
ENCODE_CALLS = frozenset({"jwt.encode", "jwt.api_jwt.encode", "jose.jwt.encode"})
_NONE_NAMES = frozenset({"none", "None", "NONE"})


def _verification_off(ctx: Context, call: ast.Call) -> str | None:
    verify = keyword(call, "verify")
    if verify is not None and ctx.constant(verify) is False:
        return "verify=False"
    options = ctx.constant(keyword(call, "options"))
    if isinstance(options, dict) and options.get("verify_signature") is False:
        return 'options={"verify_signature": False}'
    algorithms = ctx.constant(keyword(call, "algorithms"))
    if isinstance(algorithms, (list, tuple, set)) and any(a in _NONE_NAMES for a in algorithms if isinstance(a, str)):
        return 'algorithms=["none"]'
    return None


@rule(
    "BST420",
    "jwt-signature-unverified",
    summary="JWT decoded without verifying its signature, or signed with the `none` algorithm",
    calls=DECODE_CALLS | ENCODE_CALLS,
    severity="high",
    confidence="high",
    cwe=347,
    owasp="A02",
)
def jwt_signature_unverified(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags PyJWT and python-jose `jwt.decode(...)` with `verify=False`,
    `options={"verify_signature": False}` or `"none"` among the accepted `algorithms`, and
    `jwt.encode(..., algorithm="none")`. Test files are skipped.

    ## Why is this bad?
    A token whose signature is not checked is just JSON the client wrote: anyone can set `sub`,
    `role` or `exp` to whatever they like and be accepted as any user. Accepting `none` lets an
    attacker strip the signature entirely.

    ## Example
    ```python
    claims = jwt.decode(token, options={"verify_signature": False})
    user = User.objects.get(pk=claims["sub"])
    ```

    ## Use instead
    ```python
    claims = jwt.decode(token, public_key, algorithms=["RS256"], audience="shop-api")
    ```

    ## References
    - https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation
    - https://cwe.mitre.org/data/definitions/347.html
    - https://auth0.com/blog/critical-vulnerabilities-in-json-web-token-libraries/

    ## Known limitations
    Reading claims without verification is legitimate to choose a key (`kid`) before verifying; such
    code should verify afterwards, and may suppress the finding with a comment explaining so.
    """
    if ctx.is_test_file:
        return
    name = ctx.call_name(call) or ""
    if name in ENCODE_CALLS:
        algorithm = ctx.constant(keyword(call, "algorithm"))
        if isinstance(algorithm, str) and algorithm in _NONE_NAMES:
            yield ctx.finding(call, '`algorithm="none"` produces unsigned tokens that anyone can forge')
        return
    spelled = _verification_off(ctx, call)
    if spelled is not None:
        yield ctx.finding(call, f"`{name}(..., {spelled})` accepts tokens with forged or missing signatures")
