"""TLS certificate verification switched off."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding
from bastion.rules.registry import rule

_HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
HTTP_CLIENT_CALLS = frozenset(
    [f"requests.{verb}" for verb in _HTTP_VERBS]
    + [f"requests.api.{verb}" for verb in _HTTP_VERBS]
    + [f"requests.Session().{verb}" for verb in _HTTP_VERBS]
    + [f"requests.session().{verb}" for verb in _HTTP_VERBS]
    + [f"requests.sessions.Session().{verb}" for verb in _HTTP_VERBS]
    + [f"httpx.{verb}" for verb in _HTTP_VERBS]
    + [f"httpx.Client().{verb}" for verb in _HTTP_VERBS]
    + [f"httpx.AsyncClient().{verb}" for verb in _HTTP_VERBS]
    + ["httpx.Client", "httpx.AsyncClient", "httpx.HTTPTransport", "httpx.AsyncHTTPTransport"]
)
SESSION_TYPES = ("requests.Session()", "requests.session()", "requests.sessions.Session()")
UNVERIFIED_CONTEXTS = frozenset({"ssl._create_unverified_context", "ssl._create_stdlib_context"})


@rule(
    "BST401",
    "tls-verify-disabled",
    summary="HTTPS request made with certificate verification disabled (`verify=False`)",
    nodes=(ast.Call, ast.Assign),
    calls=HTTP_CLIENT_CALLS,
    requires=("verify",),
    severity="high",
    confidence="high",
    cwe=295,
    owasp="A02",
    fixable=True,
)
def tls_verify_disabled(node: ast.Call | ast.Assign, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `requests` and `httpx` calls, sessions and clients given `verify=False`, and
    `session.verify = False` on a `requests.Session`.

    ## Why is this bad?
    Without certificate verification, anyone on the network path — public Wi-Fi, a compromised
    router, a malicious proxy — can impersonate the server, read credentials and tokens sent to it
    and alter responses (a machine-in-the-middle attack). TLS without verification gives only the
    appearance of security.

    ## Example
    ```python
    response = requests.get("https://internal.example.com/api", verify=False)
    ```

    ## Use instead
    Keep verification on; for a private certificate authority, point `verify` at its bundle.
    ```python
    response = requests.get("https://internal.example.com/api", verify="/etc/ssl/internal-ca.pem")
    ```

    ## References
    - https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification
    - https://www.python-httpx.org/advanced/ssl/
    - https://cwe.mitre.org/data/definitions/295.html
    """
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if (
                isinstance(target, ast.Attribute)
                and target.attr == "verify"
                and ctx.constant(node.value) is False
                and ctx.qualname(target.value) in SESSION_TYPES
            ):
                yield ctx.finding(node, f"`{ctx.source.segment(target)} = False` disables certificate checks for every request of the session")
        return
    name = ctx.call_name(node)
    if name not in HTTP_CLIENT_CALLS:
        return
    verify = next((k for k in node.keywords if k.arg == "verify"), None)
    if verify is None or ctx.constant(verify.value) is not False:
        return
    yield ctx.finding(
        node,
        f"`{name}(..., verify=False)` accepts any certificate, so the connection can be intercepted",
        fix=edits.fix("remove verify=False", edits.remove_keyword(ctx.source, node, verify)),
    )


@rule(
    "BST402",
    "tls-unverified-context",
    summary="SSL context that does not verify certificates (`_create_unverified_context`, `CERT_NONE`)",
    nodes=(ast.Call, ast.Attribute, ast.Name),
    calls=UNVERIFIED_CONTEXTS,
    attrs=("CERT_NONE",),
    severity="high",
    confidence="high",
    cwe=295,
    owasp="A02",
    fixable=True,
)
def tls_unverified_context(node: ast.Call | ast.Attribute | ast.Name, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `ssl._create_unverified_context()` and `ssl._create_stdlib_context()`, and `ssl.CERT_NONE`
    used as a value (assigned to `verify_mode`, passed as `cert_reqs`), but not when it is only
    compared against.

    ## Why is this bad?
    A context that does not verify the peer certificate lets a network attacker impersonate the
    server and read or change everything sent over the connection.

    ## Example
    ```python
    context = ssl._create_unverified_context()
    urllib.request.urlopen(url, context=context)
    ```

    ## Use instead
    ```python
    context = ssl.create_default_context()
    urllib.request.urlopen(url, context=context)
    ```

    ## References
    - https://docs.python.org/3/library/ssl.html#security-considerations
    - https://peps.python.org/pep-0476/
    - https://cwe.mitre.org/data/definitions/295.html
    """
    if isinstance(node, ast.Call):
        name = ctx.call_name(node)
        if name in UNVERIFIED_CONTEXTS:
            fix = None
            if isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
                fix = edits.fix(
                    "use ssl.create_default_context()",
                    edits.replace(ctx.source, node, f"{ctx.source.segment(node.func.value)}.create_default_context()"),
                )
            yield ctx.finding(node, f"`{name}()` creates a context that accepts any certificate", fix=fix)
        return
    spelled = node.attr if isinstance(node, ast.Attribute) else node.id
    if spelled != "CERT_NONE" or ctx.qualname(node) != "ssl.CERT_NONE":
        return
    if isinstance(ctx.parent, (ast.Attribute, ast.Compare)):
        return
    yield ctx.finding(node, "`ssl.CERT_NONE` turns certificate verification off")
