"""Django settings read statically: the equivalent of `manage.py check --deploy` without importing
anything. Split settings are respected: development files are less severe, and settings a shared
base or a star-importing file may get elsewhere are not reported as missing."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import keyword
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules._django import DjangoSettings, django_settings
from bastion.rules._values import hide_secret, is_placeholder, literal_fallback, redacted, string_content
from bastion.rules.registry import rule

_ROLE_SEVERITY = {"development": Severity.LOW, "base": Severity.MEDIUM}


@rule(
    "BST340",
    "django-debug-enabled",
    summary="Django settings with `DEBUG = True`",
    nodes=(ast.Module,),
    severity="high",
    confidence="high",
    cwe=489,
    owasp="A05",
)
def django_debug_enabled(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `DEBUG = True` in a Django settings module (a file named `settings*.py` or inside a
    `settings/` package, or any module that sets `INSTALLED_APPS`, `MIDDLEWARE` or `ROOT_URLCONF`).
    In development settings (`dev.py`, `local.py`, `test_settings.py`, ...) the severity is low; in a
    shared `base.py` it is medium, since production inherits it unless it overrides it.
    Outside development settings it also flags, at medium severity, a `DEBUG` read from the
    environment that is on when the variable is unset (`env.bool("DEBUG", default=True)`,
    `os.environ.get("DEBUG", "True") == "True"`) or that is the raw string
    (`os.environ.get("DEBUG", "False")` — any non-empty string, even "False", is true).
    Django's check: security.W018.

    ## Why is this bad?
    With `DEBUG` on, every error page shows the stack trace, local variables, settings (partially
    masked) and SQL queries to whoever triggered it, and Django keeps every query in memory.

    ## Example
    ```python
    DEBUG = True
    ```

    ## Use instead
    ```python
    DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/settings/#debug
    - https://docs.djangoproject.com/en/stable/howto/deployment/checklist/
    - https://cwe.mitre.org/data/definitions/489.html
    """
    settings = django_settings(ctx, tree)
    if settings is None or "DEBUG" not in settings.values:
        return
    value = settings.values["DEBUG"]
    where = {"development": " (development settings)", "base": " (shared base settings)"}.get(settings.role, "")
    if ctx.constant(value) is True:
        yield ctx.finding(settings.statements["DEBUG"], f"`DEBUG = True`{where} shows stack traces and settings to visitors", severity=_ROLE_SEVERITY.get(settings.role))
        return
    if settings.is_development:
        return
    problem = environment_debug(value)
    if problem is not None:
        yield ctx.finding(settings.statements["DEBUG"], f"`DEBUG` {problem}", severity=Severity.MEDIUM, confidence=Confidence.MEDIUM)


_TYPED_GETTERS = ("env.bool", "config", "env")
_STRING_METHODS = frozenset({"lower", "upper", "strip", "casefold", "title", "capitalize"})


def _getter(value: ast.expr) -> tuple[ast.Call, str] | None:
    if isinstance(value, ast.Call):
        spelled = ast.unparse(value.func)
        if spelled.endswith(("environ.get", "getenv", *_TYPED_GETTERS)) and value.args:
            return value, spelled
    return None


def _default_of(call: ast.Call, spelled: str) -> object:
    default = keyword(call, "default")
    if default is None and spelled.endswith(("environ.get", "getenv")) and len(call.args) > 1:
        default = call.args[1]
    return default.value if isinstance(default, ast.Constant) else ...


def environment_debug(value: ast.expr) -> str | None:
    """What is wrong with a `DEBUG` read from the environment: on by default, or a raw string
    (any non-empty value, even "False", is true)."""
    found = _getter(value)
    if found is not None:
        call, spelled = found
        default = _default_of(call, spelled)
        typed = spelled.endswith("env.bool") or keyword(call, "cast") is not None
        if typed:
            return "is on whenever the variable is unset (`default=True`)" if default is True else None
        if spelled.endswith(("environ.get", "getenv")):
            return "is the raw string from the environment: any non-empty value, even \"False\", switches debug on"
        return None
    if isinstance(value, ast.Compare) and len(value.ops) == 1 and isinstance(value.ops[0], (ast.Eq, ast.In)):
        left = value.left
        methods: list[str] = []
        while isinstance(left, ast.Call) and isinstance(left.func, ast.Attribute) and left.func.attr in _STRING_METHODS:
            methods.append(left.func.attr)
            left = left.func.value
        found = _getter(left)
        comparator = value.comparators[0]
        if found is None:
            return None
        default = _default_of(*found)
        if not isinstance(default, str):
            return None
        for method in reversed(methods):
            default = getattr(default, method)()
        try:
            accepted = ast.literal_eval(comparator)
        except (ValueError, SyntaxError):
            return None
        on = default == accepted if isinstance(value.ops[0], ast.Eq) else default in accepted
        return f"is on whenever the variable is unset (it defaults to {default!r})" if on else None
    return None


@rule(
    "BST341",
    "django-hardcoded-secret-key",
    summary="Django `SECRET_KEY` written in the settings file",
    nodes=(ast.Module,),
    severity="high",
    confidence="high",
    cwe=798,
    owasp="A07",
)
def django_hardcoded_secret_key(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags a literal `SECRET_KEY` in Django settings, and a literal fallback such as
    `os.environ.get("SECRET_KEY", "dev-key")`. Placeholders (empty, `changeme`, `<...>`) are not
    reported; the key itself is never shown in full. Keys in development settings are low severity.
    Django's check: security.W009.

    ## Why is this bad?
    `SECRET_KEY` signs sessions (with the signed-cookie backend, the session itself), password-reset
    tokens, messages and anything using `django.core.signing`. Whoever reads it from the repository can
    forge those — log in as any user, reset any password — and with pickle-based sessions, run code.

    ## Example
    ```python
    SECRET_KEY = "django-insecure-3k#x..."
    ```

    ## Use instead
    ```python
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/settings/#secret-key
    - https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key
    - https://cwe.mitre.org/data/definitions/798.html
    """
    settings = django_settings(ctx, tree)
    value = settings.values.get("SECRET_KEY") if settings else None
    if settings is None or value is None:
        return
    fallback = literal_fallback(value)
    literal = fallback or value
    if not isinstance(literal, ast.Constant) or not isinstance(literal.value, str) or is_placeholder(literal.value):
        return
    key = literal.value
    severity = Severity.LOW if settings.is_development else None
    if fallback is not None:
        message = f"`SECRET_KEY` falls back to a literal key ({redacted(key)}) when the variable is unset"
        finding = ctx.finding(string_content(ctx, fallback), message, severity=severity or Severity.MEDIUM, confidence=Confidence.MEDIUM)
        yield hide_secret(finding, ctx, key)
        return
    note = "the key `startproject` generated" if key.startswith("django-insecure-") else "a literal"
    finding = ctx.finding(string_content(ctx, literal), f"`SECRET_KEY` is {note} ({redacted(key)}), readable by anyone with the code", severity=severity)
    yield hide_secret(finding, ctx, key)


def _strings(ctx: Context, node: ast.expr) -> list[str] | None:
    value = ctx.constant(node)
    if isinstance(value, (list, tuple, set)) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


@rule(
    "BST342",
    "django-allowed-hosts-wildcard",
    summary="Django `ALLOWED_HOSTS` accepts any host (`*`)",
    nodes=(ast.Module,),
    severity="medium",
    confidence="high",
    cwe=644,
    owasp="A05",
)
def django_allowed_hosts_wildcard(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `"*"` in `ALLOWED_HOSTS` in Django settings (low severity in development settings).

    ## Why is this bad?
    Django builds absolute URLs — password-reset and activation links in e-mails, redirects — from the
    request's `Host` header. Accepting any host lets an attacker send a reset mail whose link points at
    their server (host header poisoning) and poison shared caches.

    ## Example
    ```python
    ALLOWED_HOSTS = ["*"]
    ```

    ## Use instead
    ```python
    ALLOWED_HOSTS = ["shop.example.com", ".shop.example.com"]
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts
    - https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation
    - https://cwe.mitre.org/data/definitions/644.html
    """
    settings = django_settings(ctx, tree)
    hosts = _strings(ctx, settings.values["ALLOWED_HOSTS"]) if settings and "ALLOWED_HOSTS" in settings.values else None
    if hosts is None or "*" not in hosts:
        return
    severity = Severity.LOW if settings.is_development else None  # type: ignore[union-attr]
    yield ctx.finding(settings.statements["ALLOWED_HOSTS"], "`ALLOWED_HOSTS` contains `*`, so any Host header is trusted for building links", severity=severity)  # type: ignore[union-attr]


_REQUIRED_MIDDLEWARE = (
    ("django.middleware.csrf.CsrfViewMiddleware", "CSRF protection is off for every view", Severity.HIGH, "W003", "csrf"),
    ("django.middleware.security.SecurityMiddleware", "HSTS, SSL redirect, nosniff and referrer-policy settings have no effect", Severity.MEDIUM, "W001", "security"),
    ("django.middleware.clickjacking.XFrameOptionsMiddleware", "pages can be framed by other sites (clickjacking)", Severity.LOW, "W002", "frame"),
)


@rule(
    "BST343",
    "django-security-middleware-missing",
    summary="Django `MIDDLEWARE` without CSRF, security or clickjacking middleware",
    nodes=(ast.Module,),
    severity="high",
    confidence="medium",
    cwe=352,
    owasp="A05",
)
def django_security_middleware_missing(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags a literal `MIDDLEWARE` list in non-development Django settings that lacks
    `CsrfViewMiddleware` (high), `SecurityMiddleware` (medium) or `XFrameOptionsMiddleware` (low). Lists
    changed elsewhere in the file (`+=`, `.append`, conditional assignments) are not judged.
    Django's checks: security.W001, W002, W003.

    ## Why is this bad?
    Without `CsrfViewMiddleware` any site a logged-in user visits can submit forms as that user.
    Without `SecurityMiddleware` the HSTS, HTTPS-redirect and `nosniff` settings do nothing. Without
    `XFrameOptionsMiddleware` pages can be framed for clickjacking.

    ## Example
    ```python
    MIDDLEWARE = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ]
    ```

    ## Use instead
    ```python
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ]
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/csrf/
    - https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security
    - https://cwe.mitre.org/data/definitions/352.html
    """
    settings = django_settings(ctx, tree)
    if settings is None or settings.is_development:
        return
    name = next((n for n in ("MIDDLEWARE", "MIDDLEWARE_CLASSES") if n in settings.values), None)
    if name is None or name in settings.modified:
        return
    middleware = _strings(ctx, settings.values[name])
    if not middleware:
        return
    lowered = [m.lower() for m in middleware]
    for required, consequence, severity, check, word in _REQUIRED_MIDDLEWARE:
        if not any(word in m for m in lowered):  # a project's own subclass (`shop.middleware.CsrfMiddleware`) counts
            short = required.rsplit(".", 1)[1]
            yield ctx.finding(settings.statements[name], f"`{name}` lacks `{short}`: {consequence} ({check})", severity=severity)


def _explicitly(ctx: Context, settings: DjangoSettings, name: str, bad: object) -> ast.stmt | None:
    if name in settings.values and ctx.constant(settings.values[name]) == bad and isinstance(ctx.constant(settings.values[name]), type(bad)):
        return settings.statements[name]
    return None


def _deploy_ready(ctx: Context, settings: DjangoSettings) -> bool:
    """A complete settings file meant for deployment: missing settings are really missing there."""
    return settings.complete and ctx.constant(settings.values.get("DEBUG")) is not True


_COOKIE_SETTINGS = (
    ("SESSION_COOKIE_SECURE", False, "the session cookie is sent over plain HTTP", "W012"),
    ("CSRF_COOKIE_SECURE", False, "the CSRF cookie is sent over plain HTTP", "W016"),
    ("SESSION_COOKIE_HTTPONLY", False, "scripts can read the session cookie", "W013"),
)


@rule(
    "BST344",
    "django-insecure-cookies",
    summary="Django session or CSRF cookies not marked secure or HttpOnly",
    nodes=(ast.Module,),
    severity="medium",
    confidence="high",
    cwe=614,
    owasp="A05",
)
def django_insecure_cookies(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `SESSION_COOKIE_SECURE = False`, `CSRF_COOKIE_SECURE = False` and
    `SESSION_COOKIE_HTTPONLY = False` in non-development Django settings, and — at low severity and
    confidence — a complete deployment settings file (not development, no `DEBUG = True`, no
    `from .base import *`) that never sets the two `*_SECURE` settings. Django's checks:
    security.W012, W013, W016.

    ## Why is this bad?
    A session cookie sent over plain HTTP can be captured on the network and replayed to take over the
    session; one readable by scripts can be stolen through any XSS.

    ## Example
    ```python
    SESSION_COOKIE_SECURE = False
    ```

    ## Use instead
    ```python
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure
    - https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#https
    - https://cwe.mitre.org/data/definitions/614.html
    """
    settings = django_settings(ctx, tree)
    if settings is None or settings.is_development:
        return
    missing: list[str] = []
    for name, bad, consequence, check in _COOKIE_SETTINGS:
        statement = _explicitly(ctx, settings, name, bad)
        if statement is not None:
            where = " in shared base settings, unless production overrides it" if settings.role == "base" else ""
            yield ctx.finding(statement, f"`{name} = False`{where}: {consequence} ({check})", severity=Severity.LOW if where else None)
        elif name.endswith("_SECURE") and name not in settings.values:
            missing.append(name)
    if missing and settings.anchor is not None and _deploy_ready(ctx, settings):
        names = " and ".join(f"`{n}`" for n in missing)
        yield ctx.finding(settings.anchor, f"{names} not set: cookies default to being sent over plain HTTP", severity=Severity.LOW, confidence=Confidence.LOW)


@rule(
    "BST345",
    "django-https-not-enforced",
    summary="Django settings without HTTPS redirect or HSTS",
    nodes=(ast.Module,),
    severity="low",
    confidence="medium",
    cwe=319,
    owasp="A05",
)
def django_https_not_enforced(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `SECURE_SSL_REDIRECT = False`, `SECURE_HSTS_SECONDS = 0` and
    `SECURE_CONTENT_TYPE_NOSNIFF = False` in non-development Django settings, and a complete
    deployment settings file that sets neither `SECURE_SSL_REDIRECT` nor `SECURE_HSTS_SECONDS`
    (low confidence: a proxy in front of Django may do both). Django's checks: security.W004, W006,
    W008.

    ## Why is this bad?
    Without a redirect and HSTS, users who type the address or follow an `http://` link talk to the
    site in clear text first, where an attacker can intercept them and strip HTTPS.

    ## Example
    ```python
    SECURE_SSL_REDIRECT = False
    ```

    ## Use instead
    ```python
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security
    - https://docs.djangoproject.com/en/stable/ref/settings/#secure-ssl-redirect
    - https://cwe.mitre.org/data/definitions/319.html
    """
    settings = django_settings(ctx, tree)
    if settings is None or settings.is_development:
        return
    for name, bad, consequence in (
        ("SECURE_SSL_REDIRECT", False, "plain-HTTP requests are served instead of redirected (W008)"),
        ("SECURE_HSTS_SECONDS", 0, "browsers are not told to insist on HTTPS (W004)"),
        ("SECURE_CONTENT_TYPE_NOSNIFF", False, "browsers may sniff uploads as HTML or scripts (W006)"),
    ):
        statement = _explicitly(ctx, settings, name, bad)
        if statement is not None:
            where = " in shared base settings, unless production overrides it" if settings.role == "base" else ""
            yield ctx.finding(statement, f"`{name} = {bad}`{where}: {consequence}")
    unset = [n for n in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS") if n not in settings.values]
    if len(unset) == 2 and settings.anchor is not None and _deploy_ready(ctx, settings):
        yield ctx.finding(settings.anchor, "neither `SECURE_SSL_REDIRECT` nor `SECURE_HSTS_SECONDS` is set: HTTPS is not enforced", confidence=Confidence.LOW)


_WEAK_HASHERS = {
    "django.contrib.auth.hashers.MD5PasswordHasher": "salted MD5",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher": "unsalted MD5",
    "django.contrib.auth.hashers.SHA1PasswordHasher": "salted SHA-1",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher": "unsalted SHA-1",
    "django.contrib.auth.hashers.CryptPasswordHasher": "crypt(3)",
}


@rule(
    "BST421",
    "django-weak-password-hasher",
    summary="Django `PASSWORD_HASHERS` that hashes new passwords with MD5, SHA-1 or crypt",
    nodes=(ast.Module,),
    severity="high",
    confidence="high",
    cwe=916,
    owasp="A02",
)
def django_weak_password_hasher(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags Django settings whose `PASSWORD_HASHERS` lists an MD5, SHA-1 or `crypt` hasher first (the
    first one hashes every new or changed password). Weak hashers later in the list only verify
    old hashes and are reported at low severity. Development settings, where fast hashers speed up
    tests, are not reported.

    ## Why is this bad?
    MD5 and SHA-1 are built to be fast: a single GPU tries billions of guesses per second, so a
    leaked table of such hashes gives up most passwords within hours. Django's default (PBKDF2 with
    hundreds of thousands of iterations) or Argon2 make each guess expensive.

    ## Example
    ```python
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ```

    ## Use instead
    ```python
    PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/topics/auth/passwords/
    - https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
    - https://cwe.mitre.org/data/definitions/916.html
    """
    settings = django_settings(ctx, tree)
    if settings is None or settings.is_development or "PASSWORD_HASHERS" not in settings.values:
        return
    hashers = _strings(ctx, settings.values["PASSWORD_HASHERS"])
    if not hashers:
        return
    statement = settings.statements["PASSWORD_HASHERS"]
    first = _WEAK_HASHERS.get(hashers[0])
    if first is not None:
        yield ctx.finding(statement, f"new passwords are hashed with {first} (`{hashers[0].rsplit('.', 1)[1]}`), which is fast to brute-force")
        return
    weak = next((h for h in hashers[1:] if h in _WEAK_HASHERS), None)
    if weak is not None:
        yield ctx.finding(
            statement,
            f"`{weak.rsplit('.', 1)[1]}` still verifies {_WEAK_HASHERS[weak]} hashes; upgrade them and remove it",
            severity=Severity.LOW,
            confidence=Confidence.MEDIUM,
        )
