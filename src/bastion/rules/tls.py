"""TLS set up insecurely beyond requests/httpx: aiohttp and urllib3 without verification, hostname
checks off, protocol versions below TLS 1.2, and the deprecated `ssl.wrap_socket`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules.registry import rule

_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect")
_AIOHTTP_SESSIONS = ("aiohttp.ClientSession()", "aiohttp.client.ClientSession()")
AIOHTTP_CALLS = frozenset(
    {"aiohttp.TCPConnector", "aiohttp.connector.TCPConnector", "aiohttp.request", "aiohttp.client.request"}
    | {f"{session}.{verb}" for session in _AIOHTTP_SESSIONS for verb in _VERBS}
)
_URLLIB3_POOLS = ("PoolManager", "ProxyManager", "HTTPSConnectionPool", "connection_from_url", "proxy_from_url")
URLLIB3_CALLS = frozenset(
    {f"urllib3.{name}" for name in _URLLIB3_POOLS}
    | {f"urllib3.poolmanager.{name}" for name in ("PoolManager", "ProxyManager", "proxy_from_url")}
    | {f"urllib3.connectionpool.{name}" for name in ("HTTPSConnectionPool", "connection_from_url")}
    | {"requests.packages.urllib3.PoolManager", "requests.adapters.PoolManager"}
)


def _verification_off(ctx: Context, call: ast.Call, name: str) -> str | None:
    """The argument that switches verification off, as written, or None."""
    if name in AIOHTTP_CALLS:
        for key in ("ssl", "verify_ssl"):
            value = keyword(call, key)
            if value is not None and ctx.constant(value) is False:
                return f"{key}=False"
        return None
    if name in URLLIB3_CALLS:
        value = keyword(call, "cert_reqs")
        constant = ctx.constant(value) if value is not None else None
        if isinstance(constant, str) and constant.upper() in {"CERT_NONE", "NONE"}:
            return f"cert_reqs={constant!r}"
        return None
    if name == "httplib2.Http":
        value = keyword(call, "disable_ssl_certificate_validation")
        return "disable_ssl_certificate_validation=True" if value is not None and ctx.constant(value) is True else None
    if name == "tornado.httpclient.HTTPRequest":
        value = keyword(call, "validate_cert")
        return "validate_cert=False" if value is not None and ctx.constant(value) is False else None
    return None


@rule(
    "BST410",
    "tls-verify-disabled-client",
    summary="aiohttp, urllib3, httplib2 or tornado client with certificate verification disabled",
    calls=AIOHTTP_CALLS | URLLIB3_CALLS | {"httplib2.Http", "tornado.httpclient.HTTPRequest"},
    attrs=_VERBS,
    severity="high",
    confidence="high",
    cwe=295,
    owasp="A02",
    fixable=True,
)
def tls_verify_disabled_client(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags HTTP clients told not to verify certificates: aiohttp's `ssl=False` or `verify_ssl=False`
    (on `TCPConnector`, `ClientSession` requests and `aiohttp.request`), urllib3 pools with
    `cert_reqs="CERT_NONE"`, httplib2's `disable_ssl_certificate_validation=True` and tornado's
    `validate_cert=False`. (`requests` and `httpx` are covered by `tls-verify-disabled`, and
    `ssl.CERT_NONE` by `tls-unverified-context`.)

    ## Why is this bad?
    Without certificate verification anyone on the network path can impersonate the server, read
    the credentials sent to it and change its responses.

    ## Example
    ```python
    connector = aiohttp.TCPConnector(ssl=False)
    http = urllib3.PoolManager(cert_reqs="CERT_NONE")
    ```

    ## Use instead
    ```python
    connector = aiohttp.TCPConnector(ssl=ssl.create_default_context(cafile=INTERNAL_CA))
    http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
    ```

    ## References
    - https://docs.aiohttp.org/en/stable/client_advanced.html#ssl-control-for-tcp-sockets
    - https://urllib3.readthedocs.io/en/stable/advanced-usage.html#certificate-verification
    - https://cwe.mitre.org/data/definitions/295.html
    """
    name = ctx.call_name(call)
    confidence = None
    if name not in AIOHTTP_CALLS and _unresolved_aiohttp_request(ctx, call):
        name, confidence = f"{ast.unparse(call.func)}", Confidence.MEDIUM
    if name is None:
        return
    spelled = _verification_off(ctx, call, name if confidence is None else "aiohttp.request")
    if spelled is None:
        return
    fix = None
    if spelled.startswith(("ssl=", "verify_ssl=", "validate_cert=", "disable_ssl")):
        key = spelled.split("=", 1)[0]
        item = next(k for k in call.keywords if k.arg == key)
        fix = edits.fix(f"remove {spelled}", edits.remove_keyword(ctx.source, call, item))
    yield ctx.finding(
        call, f"`{name.replace('()', '')}(..., {spelled})` accepts any certificate, so the connection can be intercepted", fix=fix, confidence=confidence
    )


def _unresolved_aiohttp_request(ctx: Context, call: ast.Call) -> bool:
    """`self.session.get(url, ssl=False)` in a file that uses aiohttp: a session we cannot resolve."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in _VERBS or not any(k.arg in {"ssl", "verify_ssl"} for k in call.keywords):
        return False
    return any(target and target.split(".")[0] == "aiohttp" for target in ctx.names.scopes[0].bindings.values())


@rule(
    "BST411",
    "tls-hostname-check-disabled",
    summary="TLS hostname verification switched off (`check_hostname = False`, `assert_hostname=False`)",
    nodes=(ast.Assign, ast.Call),
    calls=URLLIB3_CALLS,
    requires=("check_hostname", "assert_hostname"),
    severity="high",
    confidence="high",
    cwe=297,
    owasp="A02",
)
def tls_hostname_check_disabled(node: ast.Assign | ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `context.check_hostname = False` on an SSL context and urllib3 pools created with
    `assert_hostname=False`.

    ## Why is this bad?
    A certificate only proves identity for the names it lists. Without the hostname check, any valid
    certificate — one an attacker obtained for their own domain — is accepted for every server.

    ## Example
    ```python
    context = ssl.create_default_context()
    context.check_hostname = False
    ```

    ## Use instead
    Keep the check on; connect with the name the certificate was issued for
    (`server_hostname=` when wrapping a socket).

    ## References
    - https://docs.python.org/3/library/ssl.html#ssl.SSLContext.check_hostname
    - https://cwe.mitre.org/data/definitions/297.html
    """
    if isinstance(node, ast.Call):
        value = keyword(node, "assert_hostname")
        if value is not None and ctx.constant(value) is False:
            yield ctx.finding(node, "`assert_hostname=False` accepts certificates issued for any host")
        return
    for target in node.targets:
        if not (isinstance(target, ast.Attribute) and target.attr == "check_hostname" and ctx.constant(node.value) is False):
            continue
        if isinstance(target.value, ast.Name) and target.value.id == "self":
            continue  # a class giving itself a default, not a context being configured
        message = f"`{ctx.source.segment(target)} = False` accepts certificates issued for any host"
        if _opted_in(ctx):
            yield ctx.finding(node, message + " (when the caller asks for it)", severity=Severity.MEDIUM, confidence=Confidence.LOW)
        else:
            yield ctx.finding(node, message)


_OPT_IN = ("insecure", "no_verify", "skip_verify", "verify", "unverified", "allow_invalid")


def _opted_in(ctx: Context) -> bool:
    """Inside `if insecure_skip_verify:` and the like: an explicit, named choice of the caller."""
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.If) and any(word in ctx.source.segment(node.test).lower() for word in _OPT_IN):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
    return False


_OLD_SSL_PROTOCOLS = {
    "ssl.PROTOCOL_SSLv2": "SSL 2.0",
    "ssl.PROTOCOL_SSLv3": "SSL 3.0",
    "ssl.PROTOCOL_TLSv1": "TLS 1.0",
    "ssl.PROTOCOL_TLSv1_1": "TLS 1.1",
}
_OLD_TLS_VERSIONS = {
    "ssl.TLSVersion.SSLv3": "SSL 3.0",
    "ssl.TLSVersion.TLSv1": "TLS 1.0",
    "ssl.TLSVersion.TLSv1_1": "TLS 1.1",
}
_OLD_PYOPENSSL = {
    f"OpenSSL.SSL.{name}": label
    for name, label in (
        ("SSLv2_METHOD", "SSL 2.0"), ("SSLv3_METHOD", "SSL 3.0"), ("TLSv1_METHOD", "TLS 1.0"), ("TLSv1_1_METHOD", "TLS 1.1"),
        ("SSLv23_METHOD", "any version down to SSL 3.0 unless OP_NO_SSLv3 is set"),
    )
}
_OLD_VERSION_NAMES = frozenset(name.rsplit(".", 1)[1] for name in (*_OLD_SSL_PROTOCOLS, *_OLD_TLS_VERSIONS, *_OLD_PYOPENSSL))


def _is_server_side(ctx: Context) -> bool:
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.Call):
            side = keyword(node, "server_side")
            if side is not None and ctx.constant(side) is True:
                return True
        if isinstance(node, ast.stmt):
            return "server" in ctx.source.segment(node).lower()
    return False


@rule(
    "BST412",
    "tls-old-protocol",
    summary="SSL 2/3 or TLS 1.0/1.1 selected as a protocol or minimum version",
    nodes=(ast.Attribute, ast.Name),
    attrs=_OLD_VERSION_NAMES,
    severity="high",
    confidence="high",
    cwe=326,
    owasp="A02",
    fixable=True,
)
def tls_old_protocol(node: ast.Attribute | ast.Name, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `ssl.PROTOCOL_SSLv2`, `PROTOCOL_SSLv3`, `PROTOCOL_TLSv1` and `PROTOCOL_TLSv1_1`,
    `ssl.TLSVersion.SSLv3/TLSv1/TLSv1_1` (as `minimum_version`, for instance) and pyOpenSSL's
    `SSLv2_METHOD`, `SSLv3_METHOD`, `TLSv1_METHOD` and `TLSv1_1_METHOD`, wherever they are used as
    values — arguments, assignments, default parameter values — but not in comparisons.

    ## Why is this bad?
    SSL 2.0 and 3.0 are broken (DROWN, POODLE); TLS 1.0 and 1.1 were deprecated by RFC 8996 and lack
    modern cipher suites. Pinning a context to them, or allowing them as the minimum, lets an
    attacker downgrade connections to attackable protocols.

    ## Example
    ```python
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    context.minimum_version = ssl.TLSVersion.TLSv1
    ```

    ## Use instead
    ```python
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    ```

    ## References
    - https://www.rfc-editor.org/rfc/rfc8996
    - https://docs.python.org/3/library/ssl.html#ssl.SSLContext.minimum_version
    - https://cwe.mitre.org/data/definitions/326.html

    ## Known limitations
    The fix picks `PROTOCOL_TLS_SERVER` where the statement says it is a server
    (`server_side=True`, a name mentioning "server") and `PROTOCOL_TLS_CLIENT` otherwise; the
    client protocol also turns on certificate and hostname checks, which is the point.
    """
    spelled = node.attr if isinstance(node, ast.Attribute) else node.id
    if spelled not in _OLD_VERSION_NAMES:
        return
    if isinstance(ctx.parent, (ast.Compare, ast.Attribute)) or _is_membership_test(ctx) or _in_lookup_table(ctx, node):
        return
    qualified = ctx.qualname(node) or ""
    label = _OLD_SSL_PROTOCOLS.get(qualified) or _OLD_TLS_VERSIONS.get(qualified) or _OLD_PYOPENSSL.get(qualified)
    if label is None:
        return
    fix = None
    if qualified in _OLD_SSL_PROTOCOLS and isinstance(node, ast.Attribute):
        replacement = "PROTOCOL_TLS_SERVER" if _is_server_side(ctx) else "PROTOCOL_TLS_CLIENT"
        fix = edits.fix(f"use {replacement}", edits.replace(ctx.source, node, f"{ctx.source.segment(node.value)}.{replacement}"))
    elif qualified in _OLD_TLS_VERSIONS and isinstance(node, ast.Attribute):
        fix = edits.fix("require TLS 1.2", edits.replace(ctx.source, node, f"{ctx.source.segment(node.value)}.TLSv1_2"))
    if qualified == "OpenSSL.SSL.SSLv23_METHOD":
        yield ctx.finding(node, f"`{ctx.source.segment(node)}` negotiates {label}; prefer TLS_METHOD with a TLS 1.2 minimum", severity=Severity.LOW, confidence=Confidence.MEDIUM)
        return
    yield ctx.finding(node, f"`{ctx.source.segment(node)}` selects {label}, which is broken or deprecated; require TLS 1.2 or later", fix=fix)


def _in_lookup_table(ctx: Context, node: ast.AST) -> bool:
    """An entry of a table translating between protocol constants (`{ssl.PROTOCOL_TLSv1: ...}`,
    `table[ssl.PROTOCOL_SSLv3] = ...`) names versions without selecting one."""
    child: ast.AST = node
    for parent in reversed(ctx.ancestors):
        if isinstance(parent, ast.Dict):
            return True
        if isinstance(parent, ast.Subscript) and parent.slice is child:
            return True
        if isinstance(parent, ast.Assign):
            return any(isinstance(target, ast.Subscript) for target in parent.targets)
        if isinstance(parent, ast.stmt):
            return False
        child = parent
    return False


def _is_membership_test(ctx: Context) -> bool:
    """`version in (ssl.PROTOCOL_TLSv1, ...)` or a `getattr`/`hasattr` probe."""
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.Compare):
            return True
        if isinstance(node, ast.stmt):
            return False
    return False


@rule(
    "BST413",
    "ssl-wrap-socket",
    summary="`ssl.wrap_socket`, deprecated and without certificate or hostname checks by default",
    calls=("ssl.wrap_socket",),
    severity="medium",
    confidence="high",
    cwe=295,
    owasp="A02",
)
def ssl_wrap_socket(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags calls to the module-level `ssl.wrap_socket()`.

    ## Why is this bad?
    It defaults to `cert_reqs=CERT_NONE`, never checks the hostname, and negotiates whatever the
    old `PROTOCOL_TLS` allows. It was deprecated in Python 3.7 and removed in 3.12, so code using it
    is both insecure and broken on current interpreters.

    ## Example
    ```python
    secure = ssl.wrap_socket(sock)
    ```

    ## Use instead
    ```python
    context = ssl.create_default_context()
    secure = context.wrap_socket(sock, server_hostname=host)
    ```

    ## References
    - https://docs.python.org/3.11/library/ssl.html#ssl.wrap_socket
    - https://cwe.mitre.org/data/definitions/295.html
    """
    cert_reqs = argument(call, 4, "cert_reqs")
    checked = cert_reqs is not None and (ctx.qualname(cert_reqs) or "").endswith("CERT_REQUIRED")
    detail = "without a hostname check" if checked else "without verifying the certificate or hostname"
    yield ctx.finding(call, f"`ssl.wrap_socket()` wraps the socket {detail} and was removed in Python 3.12; use `SSLContext.wrap_socket`")
