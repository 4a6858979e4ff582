"""Credentials written into code: literals bound to password/secret/token names, compared against
them, or embedded in database URLs. Reported where secret scanners report the value (inside the
quotes), so a finding by both is shown once; the value is never shown in full."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import name_of_target
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules import _local_flow
from bastion.rules._django import django_settings
from bastion.rules._naming import camel_to_snake
from bastion.rules._secrets_in_values import is_secret_name
from bastion.rules._values import Span, hide_secret, is_placeholder, redacted, string_content
from bastion.rules.registry import rule

_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_DB_URL = re.compile(
    r"^(?P<scheme>postgres(?:ql)?|mysql|mariadb|mssql|oracle|mongodb(?:\+srv)?|redis|rediss|amqps?|cockroachdb|"
    r"(?:postgresql|mysql|mssql|oracle)\+\w+)://(?P<user>[^\s:/@]*):(?P<password>[^\s/@]+)@",
    re.IGNORECASE,
)


_PASSWORD_NAME = re.compile(r"(?:^|_)(?:password|passwd|passwort|pwd|passphrase)(?:_|$)")
_PASSWORD_LABEL_WORDS = ("password", "passwd", "pwd", "passphrase")
_FILE_NAME = re.compile(r"^[\w./-]+\.(?:html?|txt|json|ya?ml|j2|jinja2?|xml|csv|md|py|cfg|ini|pem|key|crt|env)$", re.IGNORECASE)
_LABEL_WORDS = ("password", "passwd", "token", "secret", "api_key", "apikey", "credential", "session")
_LABEL = re.compile(r"^_?[a-z]+(?:[_.\-][a-z]+)*[12]?$")


def _is_password_name(name: str) -> bool:
    return bool(_PASSWORD_NAME.search(camel_to_snake(name).strip("_")))


def _looks_random(text: str) -> bool:
    """Keys and tokens are random strings; words, identifiers and keywords (`relationship`,
    `_sa_default`, `COLLATE`) are labels that merely sit under a token-like name."""
    text = text.removeprefix("Bearer ").removeprefix("Token ").removeprefix("Basic ")
    if len(text) < 12 or any(c.isspace() for c in text) or len(set(text)) < 8:
        return False
    classes = [any(c.islower() for c in text), any(c.isupper() for c in text), any(c.isdigit() for c in text)]
    classes.append(any(not c.isalnum() and c not in "_-." for c in text))
    return sum(classes) >= 2


def _credential_value(value: object, name: str) -> str | None:
    """The literal if it looks like a real credential for `name`, else None."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    text = value.strip()
    label = text.rstrip(":*").strip().lower()
    if len(text) < 2 or is_placeholder(text) or label in {name.lower(), name.lower().replace("_", " ")} or is_placeholder(label):
        return None
    if _ENV_NAME.match(text) and "_" in text:
        return None  # the name of an environment variable or setting, not its value
    if len(text.split()) > 2 or text.startswith(("/", "http://", "https://", "{", "%(")) or "{}" in text:
        return None  # a message, a path, a URL or a template
    words = _PASSWORD_LABEL_WORDS if _is_password_name(name) else _LABEL_WORDS
    if _LABEL.match(text) and any(word in text for word in words):
        return None  # a label such as "_password_reset_token", "csrf_token" or "password1", not a value
    if _FILE_NAME.match(text):
        return None  # a template or file name
    if not _is_password_name(name) and not _looks_random(text):
        return None
    return text


def _candidates(node: ast.AST, ctx: Context) -> Iterator[tuple[str, ast.expr]]:
    """(name, literal expression) pairs a node binds or compares."""
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = name_of_target(target)
            if name:
                yield name, node.value
    elif isinstance(node, ast.Call):
        for keyword in node.keywords:
            if keyword.arg == "auth" and isinstance(keyword.value, ast.Tuple) and len(keyword.value.elts) == 2:
                yield "password", keyword.value.elts[1]  # requests/httpx auth=(user, password)
            elif keyword.arg:
                yield keyword.arg, keyword.value
        yield from _positional_passwords(node, ctx)
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                yield key.value, value
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        for argument, default in zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults, strict=True):
            yield argument.arg, default
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
            if default is not None:
                yield argument.arg, default
    elif isinstance(node, ast.Compare) and len(node.comparators) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        left, right = node.left, node.comparators[0]
        for named, other in ((left, right), (right, left)):
            name = name_of_target(named) or (named.id if isinstance(named, ast.Name) else None)
            if name:
                yield name, other


_FRAMEWORK_KEYS = frozenset({"SECRET_KEY", "JWT_SECRET_KEY"})


def _framework_key(ctx: Context, name: str) -> bool:
    """Framework signing keys are judged by the Django and Flask rules, which know their context."""
    if name.upper() not in _FRAMEWORK_KEYS:
        return False
    roots = {target.split(".")[0] for target in ctx.names.scopes[0].bindings.values() if target}
    return bool(roots & {"flask", "quart"}) or django_settings(ctx, ctx.source.tree) is not None


_BASIC_AUTH = frozenset(
    {"requests.auth.HTTPBasicAuth", "requests.auth.HTTPDigestAuth", "requests.auth.HTTPProxyAuth", "httpx.BasicAuth", "httpx.DigestAuth", "aiohttp.BasicAuth"}
)
_LOGIN_METHODS = frozenset({"login", "starttls_login", "auth_plain", "pass_"})


def _positional_passwords(call: ast.Call, ctx: Context) -> Iterator[tuple[str, ast.expr]]:
    """`HTTPBasicAuth(user, "...")`, `smtp.login(user, "...")`, `ftp.login("user", "...")`."""
    if len(call.args) < 2:
        return
    func = call.func
    is_login = isinstance(func, ast.Attribute) and func.attr in _LOGIN_METHODS and len(call.args) == 2
    if is_login or (ctx.call_name(call) or "") in _BASIC_AUTH:
        yield "password", call.args[1]


# Calls that sign or verify with a key, and where the key goes: (position, keyword).
_SIGNING_KEY_ARGUMENTS = {
    "jwt.encode": (1, "key"),
    "jwt.decode": (1, "key"),
    "jose.jwt.encode": (1, "key"),
    "jose.jwt.decode": (1, "key"),
    "hmac.new": (0, "key"),
}
_SIGNING_METHODS = frozenset(name.rsplit(".", 1)[1] for name in _SIGNING_KEY_ARGUMENTS)


def _signing_key(call: ast.Call, ctx: Context) -> ast.Constant | None:
    """The literal a signing call uses as its key: `jwt.encode(claims, "k")`, or a name the scope (or
    the module, for a name that does not itself say secret) bound to a literal."""
    where = _SIGNING_KEY_ARGUMENTS.get(ctx.call_name(call) or "")
    if where is None:
        return None
    position, keyword = where
    value = call.args[position] if len(call.args) > position else next((k.value for k in call.keywords if k.arg == keyword), None)
    if isinstance(value, ast.Name):
        assigned = _local_flow.assigned_values(ctx, value.id, call) if ctx.function is not None else []
        if assigned:
            value = assigned[0] if len(assigned) == 1 else None
        elif not is_secret_name(value.id) and not ctx.names.is_bound_locally(value.id):
            value = ctx.module_constants.get(value.id)  # a secret-named constant is reported where it is set
    return value if isinstance(value, ast.Constant) else None


def _signing_key_finding(call: ast.Call, ctx: Context) -> Finding | None:
    literal = _signing_key(call, ctx)
    text = _credential_value(literal.value, "signing_key") if literal is not None else None
    if literal is None or text is None:
        return None
    in_tests = ctx.is_test_file
    finding = ctx.finding(
        string_content(ctx, literal),
        f"`{ctx.call_name(call)}()` signs with a literal key ({redacted(text)})",
        severity=Severity.LOW if in_tests else None,
        confidence=Confidence.LOW if in_tests else None,
    )
    return hide_secret(finding, ctx, text)


_DSN_PASSWORD = re.compile(r"(?:^|\s)(?:password|pwd)\s*=\s*'?(?P<password>[^\s';]+)", re.IGNORECASE)


@rule(
    "BST419",
    "hardcoded-credential",
    summary="Password, secret, token or API key written as a literal in code",
    nodes=(ast.Assign, ast.AnnAssign, ast.Call, ast.Dict, ast.FunctionDef, ast.AsyncFunctionDef, ast.Compare, ast.Constant),
    severity="high",
    confidence="medium",
    cwe=798,
    owasp="A07",
)
def hardcoded_credential(node: ast.AST, ctx: Context) -> list[Finding] | None:
    """
    ## What it does
    Flags string literals bound to names that hold credentials — `password`, `db_password`,
    `secret`, `client_secret`, `api_key`, `access_token`, `private_key` — in assignments, keyword
    arguments (`connect(password="...")`), dictionary entries, default parameter values and
    comparisons (`if password == "..."`); passwords passed positionally to `HTTPBasicAuth`,
    `auth=(user, "...")` and `.login(user, "...")`; literal signing keys given to `jwt.encode`/
    `jwt.decode` (PyJWT, python-jose) and `hmac.new`, directly or through a variable bound to one;
    database URLs with a literal password (`postgresql://app:...@db/app`) and `password=` in
    connection strings given to `connect`.
    Keys and tokens are reported only when the value looks random, passwords whatever they look like. Placeholders (`""`, `changeme`, `<...>`, `${VAR}`, `xxx`, the
    word `password` itself), names of environment variables, messages and environment lookups are
    not reported; neither are names that describe the secret rather than hold it (`password_hash`,
    `token_url`, `api_key_header`). In test code the severity and confidence are low. The value is
    shown only as a short prefix and its length.

    ## Why is this bad?
    A credential in the code is shared with everyone who can read the repository, its history,
    forks, packages and build logs; it cannot be rotated without a release, and the same value tends
    to be reused across environments.

    ## Example
    ```python
    conn = psycopg2.connect(host="db", user="shop", password="Tr0ub4dor&3")
    ```

    ## Use instead
    ```python
    conn = psycopg2.connect(host="db", user="shop", password=os.environ["DB_PASSWORD"])
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/798.html
    - https://cwe.mitre.org/data/definitions/259.html
    - https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
    """
    # A plain function with early exits, not a generator: it sees most nodes of the file.
    if node.__class__ is ast.Constant:
        value = node.value  # type: ignore[attr-defined]
        if value.__class__ is not str or ("=" not in value and value.find("://", 0, 40) < 0):
            return None
        return list(_database_url(node, ctx))  # type: ignore[arg-type]
    found: list[Finding] = []
    if node.__class__ is ast.Call and node.func.__class__ is ast.Attribute and node.func.attr in _SIGNING_METHODS:  # type: ignore[attr-defined]
        signing = _signing_key_finding(node, ctx)  # type: ignore[arg-type]
        if signing is not None:
            found.append(signing)
    if not _has_literal(node):
        return found or None
    in_tests = ctx.is_test_file
    for name, value in _candidates(node, ctx):
        if not isinstance(value, ast.Constant) or not is_secret_name(name) or _framework_key(ctx, name):
            continue
        if isinstance(node, ast.Compare) and not _is_password_name(name):
            continue  # tokens compared with literals are parser tokens, not credentials
        text = _credential_value(value.value, name)
        if text is None or _DB_URL.match(text):
            continue
        how = "compared with" if isinstance(node, ast.Compare) else "set to"
        finding = ctx.finding(
            string_content(ctx, value),
            f"`{name}` is {how} a literal credential ({redacted(text)})",
            severity=Severity.LOW if in_tests else None,
            confidence=Confidence.LOW if in_tests else None,
        )
        found.append(hide_secret(finding, ctx, text))
    return found


def _has_literal(node: ast.AST) -> bool:
    """Could any candidate of this node be a literal? (A cheap test before naming them.)"""
    # Loops rather than any() for calls: this runs for every call of every file.
    kind = node.__class__
    constant = ast.Constant
    if kind is ast.Assign or kind is ast.AnnAssign:
        return node.value.__class__ is constant  # type: ignore[attr-defined]
    if kind is ast.Call:
        for item in node.args:  # type: ignore[attr-defined]
            if item.__class__ is constant:
                return True
        for keyword in node.keywords:  # type: ignore[attr-defined]
            if keyword.value.__class__ is constant or keyword.value.__class__ is ast.Tuple:
                return True
        return False
    if kind is ast.Dict:
        return any(value.__class__ is constant for value in node.values)  # type: ignore[attr-defined]
    if kind is ast.Compare:
        return node.left.__class__ is constant or any(c.__class__ is constant for c in node.comparators)  # type: ignore[attr-defined]
    return True  # function definitions: their defaults are looked at one by one


def _database_url(node: ast.Constant, ctx: Context) -> Iterator[Finding]:
    if not isinstance(node.value, str):
        return
    if "://" not in node.value[:40]:
        yield from _connection_string(node, ctx)
        return
    match = _DB_URL.match(node.value)
    if match is None:
        return
    password = match.group("password")
    if is_placeholder(password) or password.lower() in {"password", "pass", "pwd"} or password.startswith(("$", "%", "{")):
        return
    location: ast.AST | Span = node
    content = string_content(ctx, node)
    if isinstance(content, Span):
        start = content.col_offset + match.start("password")
        location = Span(node.lineno, start, node.lineno, start + len(password))
    in_tests = ctx.is_test_file
    finding = ctx.finding(
        location,
        f"{match.group('scheme')} URL with a literal password ({redacted(password)}) for user `{match.group('user')}`",
        severity=Severity.LOW if in_tests else None,
        confidence=Confidence.LOW if in_tests else Confidence.HIGH,
    )
    yield hide_secret(finding, ctx, password)


def _connection_string(node: ast.Constant, ctx: Context) -> Iterator[Finding]:
    """libpq/ODBC connection strings given to a connect call: `"dbname=shop user=app password=..."`."""
    value = node.value
    if "=" not in value or not isinstance(ctx.parent, ast.Call):
        return
    name = ctx.call_name(ctx.parent) or ""
    if not name.endswith(("connect", "create_engine", "Connection", "ConnectionPool")):
        return
    match = _DSN_PASSWORD.search(value)
    if match is None:
        return
    password = match.group("password")
    if is_placeholder(password) or password.startswith(("$", "%", "{")):
        return
    content = string_content(ctx, node)
    location: ast.AST | Span = node
    if isinstance(content, Span):
        start = content.col_offset + match.start("password")
        location = Span(node.lineno, start, node.lineno, start + len(password))
    finding = ctx.finding(location, f"connection string with a literal password ({redacted(password)})", confidence=Confidence.HIGH)
    yield hide_secret(finding, ctx, password)
