"""Protocols that send credentials and data in clear text: Telnet, FTP, plain HTTP, SNMP v1/v2c."""

from __future__ import annotations

import ast
import ipaddress
from collections.abc import Iterator
from urllib.parse import urlsplit

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules._values import hide_secret
from bastion.rules.registry import rule
from bastion.rules.tls_verify import HTTP_CLIENT_CALLS

CLEARTEXT_CLIENTS = {
    "telnetlib.Telnet": "Telnet",
    "telnetlib3.open_connection": "Telnet",
    "ftplib.FTP": "FTP",
}
# Mail clients are fine when they upgrade the connection before logging in.
MAIL_CLIENTS = {
    "smtplib.SMTP": ("SMTP", ("login",), "starttls", "SMTP_SSL or starttls()"),
    "imaplib.IMAP4": ("IMAP", ("login", "authenticate"), "starttls", "IMAP4_SSL or starttls()"),
    "poplib.POP3": ("POP3", ("user", "pass_", "apop", "rpop"), "stls", "POP3_SSL or stls()"),
}


def _logs_in_without_tls(ctx: Context, logins: tuple[str, ...], upgrade: str) -> bool:
    """Whether the enclosing function (or module) logs in and never upgrades the connection."""
    scope = ctx.function if ctx.function is not None else ctx.source.tree
    called = {
        node.func.attr for node in ast.walk(scope) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    return bool(called & set(logins)) and upgrade not in called


@rule(
    "BST415",
    "cleartext-protocol",
    summary="Telnet, FTP, or mail login without TLS: credentials and data travel unencrypted",
    calls=CLEARTEXT_CLIENTS.keys() | MAIL_CLIENTS.keys(),
    severity="medium",
    confidence="high",
    cwe=319,
    owasp="A02",
)
def cleartext_protocol(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags connections made with `telnetlib.Telnet` (and `telnetlib3`) and `ftplib.FTP`, and
    `smtplib.SMTP`, `imaplib.IMAP4` and `poplib.POP3` clients that log in (in the same function)
    without first calling `starttls()`/`stls()`. `FTP_TLS`, `SMTP_SSL`, `IMAP4_SSL` and `POP3_SSL` are
    not reported.

    ## Why is this bad?
    Telnet and FTP send the login password and every byte of the session unencrypted; anyone on the
    network path can read and change them. `telnetlib` was also removed from the standard library
    in Python 3.13.

    ## Example
    ```python
    ftp = ftplib.FTP("files.example.com")
    ftp.login(user, password)
    ```

    ## Use instead
    ```python
    ftp = ftplib.FTP_TLS("files.example.com")
    ftp.login(user, password)
    ftp.prot_p()  # encrypt the data channel too
    ```
    For remote shells, SSH (paramiko, asyncssh).

    ## References
    - https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS
    - https://peps.python.org/pep-0594/#telnetlib
    - https://cwe.mitre.org/data/definitions/319.html
    """
    name = ctx.call_name(call)
    if name in MAIL_CLIENTS:
        protocol, logins, upgrade, instead = MAIL_CLIENTS[name]
        if _logs_in_without_tls(ctx, logins, upgrade):
            yield ctx.finding(call, f"`{name}` logs in over plain {protocol}, so the password crosses the network unencrypted; use {instead}")
        return
    protocol = CLEARTEXT_CLIENTS.get(name or "")
    if protocol is None:
        return
    instead = "FTP_TLS or SFTP" if protocol == "FTP" else "SSH"
    yield ctx.finding(call, f"`{name}` speaks {protocol}, which sends passwords and data unencrypted; use {instead}")


_URL_FIRST = frozenset(
    {"urllib.request.urlopen", "urllib.request.Request", "urllib.request.urlretrieve", "aiohttp.request", "urllib3.request"}
    | {f"aiohttp.ClientSession().{verb}" for verb in ("get", "post", "put", "patch", "delete", "head", "options", "ws_connect")}
)
_URL_SECOND_SUFFIXES = (".request", ".stream")
_BASE_URL_CLIENTS = frozenset({"httpx.Client", "httpx.AsyncClient"})
HTTP_URL_CALLS = (HTTP_CLIENT_CALLS | _URL_FIRST | {"urllib3.PoolManager().request", "aiohttp.request"}) - {
    "httpx.HTTPTransport", "httpx.AsyncHTTPTransport",
}
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".test", ".example", ".invalid", ".lan", ".home.arpa", ".svc", ".cluster.local")


def _url_argument(call: ast.Call, name: str) -> ast.expr | None:
    if name in _BASE_URL_CLIENTS:
        return keyword(call, "base_url")
    if name.endswith(_URL_SECOND_SUFFIXES):
        return argument(call, 1, "url")
    return argument(call, 0, "url")


def _literal_prefix(ctx: Context, node: ast.expr) -> str | None:
    value = ctx.constant(node)
    if isinstance(value, str):
        return value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _literal_prefix(ctx, node.left)
    return None


def is_remote_host(host: str) -> bool:
    """True for a public host name or address; False for local, private and single-label hosts
    and reserved test names, which plain HTTP is normal for."""
    host = host.strip("[]").lower().rstrip(".")
    if not host or ("." not in host and ":" not in host):
        return False  # localhost, a container or service name
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return not host.endswith(_LOCAL_SUFFIXES)
    return address.is_global


@rule(
    "BST416",
    "cleartext-http-url",
    summary="Request sent over plain `http://` to a non-local host",
    calls=HTTP_URL_CALLS | _BASE_URL_CLIENTS,
    severity="medium",
    confidence="medium",
    cwe=319,
    owasp="A02",
)
def cleartext_http_url(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags HTTP client calls (`requests`, `httpx`, `urllib.request`, `aiohttp`, `urllib3`) whose URL is
    a literal (or begins with one) using `http://` to a public host. Local and private addresses,
    single-label service names (`http://api:8000`), `.local`/`.internal`/`.test` names and test
    files are not reported.

    ## Why is this bad?
    Plain HTTP has no confidentiality or integrity: credentials, cookies, API keys and personal data in
    the request or response can be read by anyone on the path, and the response can be replaced
    (a downloaded script, a price, a redirect).

    ## Example
    ```python
    response = requests.post("http://api.partner.com/v1/orders", json=order, headers=auth)
    ```

    ## Use instead
    ```python
    response = requests.post("https://api.partner.com/v1/orders", json=order, headers=auth)
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/319.html
    - https://owasp.org/Top10/A02_2021-Cryptographic_Failures/

    ## Known limitations
    URLs built from configuration or variables are not followed.
    """
    name = ctx.call_name(call)
    if name is None or ctx.is_test_file:
        return
    url = _url_argument(call, name)
    prefix = _literal_prefix(ctx, url) if url is not None else None
    if not prefix or not prefix.lower().startswith("http://"):
        return
    try:
        host = urlsplit(prefix).hostname or ""
    except ValueError:
        return
    if "{" in host or not is_remote_host(host):
        return
    yield ctx.finding(url, f"`{host}` is contacted over plain HTTP, so the traffic can be read and altered; use https://")


def _snmp_kind(name: str) -> str | None:
    if not name.startswith("pysnmp."):
        return None
    last = name.rsplit(".", 1)[-1]
    return last if last in {"CommunityData", "UsmUserData"} else None


_NO_AUTH = ("usmNoAuthProtocol",)
_NO_PRIV = ("usmNoPrivProtocol",)
_WEAK_AUTH = ("usmHMACMD5AuthProtocol",)
_WEAK_PRIV = ("usmDESPrivProtocol", "usm3DESEDEPrivProtocol")


@rule(
    "BST417",
    "snmp-insecure",
    summary="SNMP v1/v2c community strings, or SNMPv3 without encryption",
    calls=("pysnmp.*",),
    severity="medium",
    confidence="high",
    cwe=319,
    owasp="A02",
)
def snmp_insecure(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags pysnmp's `CommunityData` (SNMP v1 and v2c) and `UsmUserData` (SNMPv3) without a privacy
    (encryption) key, or with no authentication, DES or MD5.

    ## Why is this bad?
    SNMP v1 and v2c authenticate with a community string sent in clear text with every packet;
    anyone who sees one request can read — or, with a write community, reconfigure — the device.
    SNMPv3 without privacy sends everything unencrypted; DES and MD5 are broken.

    ## Example
    ```python
    auth = CommunityData("public", mpModel=0)
    user = UsmUserData("monitor", "authkey1234")
    ```

    ## Use instead
    ```python
    user = UsmUserData(
        "monitor", auth_key, priv_key,
        authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol,
    )
    ```

    ## References
    - https://www.rfc-editor.org/rfc/rfc3414
    - https://cwe.mitre.org/data/definitions/319.html
    """
    kind = _snmp_kind(ctx.call_name(call) or "")
    if kind == "CommunityData":
        model = ctx.constant(argument(call, 2, "mpModel"))
        version = "v1" if model == 0 else "v2c"
        finding = ctx.finding(call, f"SNMP {version} sends the community string in clear text; use SNMPv3 with authentication and privacy")
        community = ctx.constant(argument(call, 1, "communityName") or argument(call, 0, "communityIndex"))
        yield hide_secret(finding, ctx, community) if isinstance(community, str) and community not in {"public"} else finding
        return
    if kind != "UsmUserData":
        return
    auth_key, priv_key = argument(call, 1, "authKey"), argument(call, 2, "privKey")
    auth_protocol = (ctx.qualname(keyword(call, "authProtocol")) or "").rsplit(".", 1)[-1]
    priv_protocol = (ctx.qualname(keyword(call, "privProtocol")) or "").rsplit(".", 1)[-1]
    if auth_key is None or auth_protocol in _NO_AUTH:
        yield ctx.finding(call, "SNMPv3 user without authentication or encryption (noAuthNoPriv)", severity=Severity.HIGH)
    elif priv_key is None or priv_protocol in _NO_PRIV:
        yield ctx.finding(call, "SNMPv3 user without a privacy key: messages are authenticated but sent in clear text (authNoPriv)")
    elif auth_protocol in _WEAK_AUTH or priv_protocol in _WEAK_PRIV:
        weak = priv_protocol if priv_protocol in _WEAK_PRIV else auth_protocol
        yield ctx.finding(call, f"SNMPv3 user with the broken `{weak}`; use SHA-2 and AES", confidence=Confidence.MEDIUM)
