"""Password handling: fast hashes, weak work factors, plaintext storage, and timing-unsafe comparison."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules import _local_flow
from bastion.rules._naming import camel_to_snake
from bastion.rules.registry import rule

FAST_HASHES = frozenset(
    f"hashlib.{name}"
    for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s", "new")
)
PASSWORD_HASH_HELPERS = frozenset({"werkzeug.security.generate_password_hash", "werkzeug.generate_password_hash"})
PASSWORD_NAME = re.compile(r"(?:^|_)(?:password|passwd|passwort|passphrase|pwd|pw)(?:$|_|s$)")
NOT_PASSWORD = re.compile(r"(?:^|_)(?:hash|hashed|digest|length|len|min|max|policy|reset|field|label|url|path|file|prompt|regex|pattern|hint|help|expires|expiry|age|changed|confirm_url)(?:$|_)")
SALT_NAME = re.compile(r"(?:^|_)(?:salt|pepper)(?:$|_|s$)")
# OWASP Password Storage Cheat Sheet (2023+): PBKDF2 iteration minimums per PRF
PBKDF2_MINIMUM = {"sha1": 1_300_000, "sha256": 600_000, "sha512": 210_000}
BCRYPT_MINIMUM = 12
REQUEST_DATA = re.compile(r"\brequest\.(?:form|POST|json|data|args|values|GET|get_json|body)\b|\bcleaned_data\b|\bform\.\w+\.data\b")


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in {"get", "pop", "getlist"} and node.args and isinstance(node.args[0], ast.Constant):
            return str(node.args[0].value)
        if node.func.attr in {"encode", "strip", "lower"}:
            return _name_of(node.func.value)
    return None


def is_password_name(name: str | None) -> bool:
    if not name:
        return False
    snake = camel_to_snake(name)
    return bool(PASSWORD_NAME.search(snake)) and not NOT_PASSWORD.search(snake)


def _password_operand(node: ast.expr) -> ast.expr | None:
    """The password-named value inside a hash input (`password.encode()`, `salt + password`, ...)."""
    for inner in ast.walk(node):
        if isinstance(inner, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and is_password_name(_name_of(inner)):
            return inner
    return None


def _salted(node: ast.expr) -> bool:
    return any(SALT_NAME.search(camel_to_snake(_name_of(inner) or "")) for inner in ast.walk(node))


def _hash_input(ctx: Context, call: ast.Call) -> ast.expr | None:
    if ctx.call_name(call) == "hashlib.new":
        return argument(call, 1, "data")
    return argument(call, 0, "data") or argument(call, 0, "string")


@rule(
    "BST229",
    "password-fast-hash",
    summary="Password hashed with a fast general-purpose hash",
    nodes=(ast.Call, ast.Assign),
    calls=FAST_HASHES | PASSWORD_HASH_HELPERS,
    attrs={"update", "CryptContext"},
    requires=("passw", "pw", "passphrase", "cryptcontext"),
    severity="high",
    confidence="medium",
    cwe=916,
    owasp="A02",
)
def password_fast_hash(node: ast.Call | ast.Assign, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `hashlib` hashes (MD5, SHA-1, SHA-2, SHA-3, BLAKE2) computed over a value named like a
    password (`password`, `passwd`, `pwd`, `passphrase`, `form["password"]`), directly or through
    `.update()` on a hash object; Werkzeug's `generate_password_hash(..., method="md5"/"sha1"/"plain")`;
    passlib `CryptContext` schemes such as `md5_crypt` or `plaintext`; and Django `PASSWORD_HASHERS`
    whose first (default) hasher is MD5, SHA-1, unsalted or `crypt`.

    ## Why is this bad?
    General-purpose hashes are built to be fast: a GPU tries billions of candidates a second, so a
    leaked table of such hashes is cracked in hours, salted or not (unsalted ones at once, with
    precomputed tables). Passwords need a slow, memory-hard function with a per-password salt.

    ## Example
    ```python
    user.password_hash = hashlib.sha256(password.encode()).hexdigest()
    ```

    ## Use instead
    ```python
    from argon2 import PasswordHasher
    user.password_hash = PasswordHasher().hash(password)
    ```
    (or `bcrypt.hashpw(password, bcrypt.gensalt(12))`, or your framework's password hasher).

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
    - https://pypi.org/project/argon2-cffi/
    - https://cwe.mitre.org/data/definitions/916.html

    ## Known limitations
    Passwords held in variables with unrelated names are not recognised; hashing a password to derive
    a cache key or a fingerprint is reported too. The implementation of a hasher class named after
    its algorithm (`MD5PasswordHasher`) is not reported: the choice to use it is, in
    `PASSWORD_HASHERS`.
    """
    if isinstance(node, ast.Assign):
        yield from _django_hashers(node, ctx)
        return
    call = node
    name = ctx.call_name(call)
    if name in PASSWORD_HASH_HELPERS or (isinstance(call.func, ast.Attribute) and call.func.attr == "CryptContext") or name == "passlib.context.CryptContext":
        yield from _weak_scheme(call, ctx, name or "CryptContext")
        return
    if name in FAST_HASHES:
        data = _hash_input(ctx, call)
    elif isinstance(call.func, ast.Attribute) and call.func.attr == "update" and len(call.args) == 1:
        receiver = call.func.value
        if isinstance(receiver, ast.Name):
            bound = _local_flow.bound_call(ctx, receiver.id, call)
            if bound is None or ctx.call_name(bound) not in FAST_HASHES:
                return
            name = ctx.call_name(bound)
        elif not (isinstance(receiver, ast.Call) and ctx.call_name(receiver) in FAST_HASHES):
            return
        else:
            name = ctx.call_name(receiver)
        data = call.args[0]
    else:
        return
    if data is None:
        return
    password = _password_operand(data)
    if password is None or _named_scheme(ctx, name or ""):
        return
    salt = "salted but fast" if _salted(data) else "unsalted and fast"
    yield ctx.finding(call, f"`{name}` over `{ctx.source.segment(password)[:40]}` is {salt}; use argon2 or bcrypt for passwords")


_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+\d*|[A-Z]+\d*(?![a-z])|\d+")


def _named_scheme(ctx: Context, name: str) -> bool:
    """Inside a password hasher class named after its algorithm (Django's `MD5PasswordHasher`):
    an opt-in legacy scheme, chosen (and reported) where `PASSWORD_HASHERS` puts it first."""
    algorithm = name.rsplit(".", 1)[-1].lower()
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.ClassDef):
            words = {word.lower() for word in _CLASS_WORDS.findall(node.name)}
            return "hasher" in words and (algorithm in words or (algorithm == "sha1" and "sha" in words))
    return False


WEAK_WERKZEUG_METHODS = re.compile(r"^(?:plain|md5|sha1|sha224|sha256|sha384|sha512)$")
WEAK_PASSLIB_SCHEMES = frozenset(
    {"plaintext", "md5_crypt", "des_crypt", "bsdi_crypt", "bigcrypt", "crypt16", "ldap_md5", "ldap_sha1", "ldap_plaintext",
     "hex_md5", "hex_sha1", "hex_sha256", "hex_sha512", "apr_md5_crypt", "mysql323", "mysql41", "postgres_md5", "oracle10",
     "lmhash", "nthash", "msdcc", "msdcc2", "sun_md5_crypt", "unix_disabled", "roundup_plaintext"}
)
WEAK_DJANGO_HASHERS = re.compile(r"\.(?:MD5|UnsaltedMD5|UnsaltedSHA1|SHA1|Crypt)PasswordHasher$")


def _weak_scheme(call: ast.Call, ctx: Context, name: str) -> Iterator[Finding]:
    if name in PASSWORD_HASH_HELPERS:
        method = ctx.constant(argument(call, 1, "method"))
        if isinstance(method, str) and WEAK_WERKZEUG_METHODS.match(method.split(":")[0]):
            yield ctx.finding(call, f"`generate_password_hash(method={method!r})` stores passwords with a fast hash or in clear")
        return
    schemes = ctx.constant(keyword(call, "schemes"))
    if isinstance(schemes, (list, tuple)) and schemes and str(schemes[0]) in WEAK_PASSLIB_SCHEMES:
        yield ctx.finding(call, f"passlib's default scheme `{schemes[0]}` is fast or reversible; use argon2 or bcrypt")


def _django_hashers(node: ast.Assign, ctx: Context) -> Iterator[Finding]:
    if not any(isinstance(t, ast.Name) and t.id == "PASSWORD_HASHERS" for t in node.targets):
        return
    hashers = ctx.constant(node.value)
    if isinstance(hashers, (list, tuple)) and hashers and isinstance(hashers[0], str) and WEAK_DJANGO_HASHERS.search(hashers[0]):
        yield ctx.finding(node, f"Django hashes new passwords with `{hashers[0].rsplit('.', 1)[-1]}`; put Argon2 or PBKDF2 first")


def _prf_name(ctx: Context, node: ast.expr | None) -> str | None:
    value = ctx.constant(node)
    if isinstance(value, str):
        return value.lower().replace("-", "")
    if isinstance(node, ast.Call):
        node = node.func
    qualname = ctx.qualname(node) if node is not None else None
    if qualname:
        return qualname.rsplit(".", 1)[-1].lower()
    return None


@rule(
    "BST230",
    "pbkdf2-low-iterations",
    summary="PBKDF2 with fewer iterations than OWASP recommends",
    calls={
        "hashlib.pbkdf2_hmac",
        "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC",
        "Crypto.Protocol.KDF.PBKDF2",
        "Cryptodome.Protocol.KDF.PBKDF2",
    },
    severity="medium",
    confidence="high",
    cwe=916,
    owasp="A02",
)
def pbkdf2_low_iterations(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags PBKDF2 (`hashlib.pbkdf2_hmac`, cryptography's `PBKDF2HMAC`, PyCryptodome's `PBKDF2`) with a
    literal iteration count below OWASP's guidance: 1,300,000 for HMAC-SHA1, 600,000 for
    HMAC-SHA256 and 210,000 for HMAC-SHA512.

    ## Why is this bad?
    The iteration count is what makes each guess expensive. Counts chosen years ago (1,000; 10,000;
    100,000) let a leaked hash table be cracked many times faster than intended.

    ## Example
    ```python
    key = hashlib.pbkdf2_hmac("sha256", password, salt, 100_000)
    ```

    ## Use instead
    ```python
    key = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
    ```
    Prefer Argon2id (argon2-cffi) for new designs. Existing hashes need re-hashing at the next login,
    so the count cannot simply be changed in place.

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
    - https://cwe.mitre.org/data/definitions/916.html
    """
    name = ctx.call_name(call) or ""
    if name == "hashlib.pbkdf2_hmac":
        prf, iterations = _prf_name(ctx, argument(call, 0, "hash_name")), argument(call, 3, "iterations")
    elif name.endswith("PBKDF2HMAC"):
        prf, iterations = _prf_name(ctx, argument(call, 0, "algorithm")), argument(call, 3, "iterations")
    else:
        prf = _prf_name(ctx, keyword(call, "hmac_hash_module")) or "sha1"
        iterations = argument(call, 3, "count")
        if iterations is None:
            yield ctx.finding(call, "PyCryptodome `PBKDF2` defaults to 1,000 iterations")
            return
    count = ctx.constant(iterations)
    if not isinstance(count, int) or prf is None:
        return
    prf = prf.replace("sha_", "sha")
    minimum = PBKDF2_MINIMUM.get(prf, PBKDF2_MINIMUM["sha256"] if prf.startswith("sha") else None)
    if minimum is None or count >= minimum:
        return
    yield ctx.finding(call, f"PBKDF2-HMAC-{prf.upper()} with {count:,} iterations; OWASP recommends at least {minimum:,}")


@rule(
    "BST231",
    "bcrypt-low-cost",
    summary="bcrypt with a cost factor below 12",
    calls={"bcrypt.gensalt", "passlib.hash.bcrypt.using", "passlib.hash.bcrypt_sha256.using"},
    severity="medium",
    confidence="high",
    cwe=916,
    owasp="A02",
)
def bcrypt_low_cost(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `bcrypt.gensalt(rounds)` and passlib's `bcrypt.using(rounds=...)` with a literal cost below 12.

    ## Why is this bad?
    Each step of bcrypt's cost factor doubles the work per guess. Costs below 12 are cheap enough on
    current hardware that leaked hashes of common passwords fall quickly.

    ## Example
    ```python
    salt = bcrypt.gensalt(rounds=10)
    ```

    ## Use instead
    ```python
    salt = bcrypt.gensalt(rounds=12)
    ```

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#bcrypt
    - https://cwe.mitre.org/data/definitions/916.html
    """
    name = ctx.call_name(call) or ""
    rounds = argument(call, 0 if name == "bcrypt.gensalt" else None, "rounds")
    cost = ctx.constant(rounds)
    if not isinstance(cost, int) or isinstance(cost, bool) or cost >= BCRYPT_MINIMUM:
        return
    yield ctx.finding(call, f"bcrypt cost {cost} is below {BCRYPT_MINIMUM}; each step halves an attacker's work")


STORED_OWNER = re.compile(r"(?:^|_)(?:user|users|account|member|customer|admin|profile|record|row|db|stored|existing|entry|owner|person|obj|instance|u)(?:$|_)")
CONFIRMATION = re.compile(r"(?:^|_)(?:confirm|confirmation|again|repeat|retype|verify|check|2|two|old|new|current)(?:$|_)|\d$")
# Classes that receive a submitted password to check or forward it, not to store it.
NOT_MODELS = ("Form", "Serializer", "Schema", "Validator", "Request", "Client", "Session", "Connection", "Auth",
              "Login", "Credentials", "Credential", "Backend", "Context", "Hasher", "Params", "Payload", "Command")
HASHING_SETTERS = frozenset({"set_password", "create_user", "create_superuser", "make_password", "hash", "hashpw", "generate_password_hash", "encrypt"})


STORED_NAME = re.compile(r"^(?:stored|db|saved|existing|real|actual|correct|expected|valid)_(?:password|passwd|pwd|pw)$")


def _stored_password(node: ast.expr) -> bool:
    """`user.password`, `row["password"]`, `stored_password`: a password held on a stored record."""
    if isinstance(node, ast.Name):
        return bool(STORED_NAME.match(camel_to_snake(node.id)))
    if isinstance(node, ast.Attribute) and is_password_name(node.attr):
        owner = _name_of(node.value)
        return owner is not None and bool(STORED_OWNER.search(camel_to_snake(owner)))
    if isinstance(node, ast.Subscript) and is_password_name(_name_of(node)):
        owner = _name_of(node.value)
        return owner is not None and bool(STORED_OWNER.search(camel_to_snake(owner)))
    return False


def _submitted_password(ctx: Context, node: ast.expr) -> bool:
    text = ctx.source.segment(node)
    name = _name_of(node)
    if name and CONFIRMATION.search(camel_to_snake(name)):
        return False
    return bool(REQUEST_DATA.search(text)) or (is_password_name(name) and not _stored_password(node))


@rule(
    "BST232",
    "plaintext-password",
    requires=("passw", "passphrase", "pw"),  # every finding needs a password-named value (PASSWORD_NAME)
    summary="Password stored or compared in plaintext",
    nodes=(ast.Compare, ast.Assign, ast.Call),
    severity="high",
    confidence="medium",
    cwe=256,
    owasp="A02",
)
def plaintext_password(node: ast.AST, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags a stored password compared with `==`/`!=` to a submitted one (`user.password ==
    form_password`), and a submitted password (`request.form["password"]`, `cleaned_data[...]`)
    assigned to a record's password attribute or passed as `password=` to a model constructor or
    `objects.create(...)`.

    ## Why is this bad?
    Comparing stored and submitted passwords directly means the stored value is the password itself:
    anyone who reads the database (a backup, an injection, an insider) has every user's password, and
    the passwords they reuse elsewhere.

    ## Example
    ```python
    if user.password == request.form["password"]:
        login_user(user)
    ```

    ## Use instead
    ```python
    if PasswordHasher().verify(user.password_hash, request.form["password"]):
        login_user(user)
    ```

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
    - https://cwe.mitre.org/data/definitions/256.html
    """
    if ctx.is_test_file:
        return
    if isinstance(node, ast.Compare):
        if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            return
        left, right = node.left, node.comparators[0]
        for stored, submitted in ((left, right), (right, left)):
            if _stored_password(stored) and not isinstance(submitted, ast.Constant) and _submitted_password(ctx, submitted):
                yield ctx.finding(node, f"`{ctx.source.segment(stored)}` is compared in plaintext; store and verify a password hash")
                return
    elif isinstance(node, ast.Assign):
        submitted = any(_stored_password(t) for t in node.targets) and REQUEST_DATA.search(ctx.source.segment(node.value))
        hashed = isinstance(node.value, ast.Call) and (_name_of(node.value.func) or "") in HASHING_SETTERS
        if submitted and not hashed:
            yield ctx.finding(node, "submitted password stored as is; store a password hash")
    elif isinstance(node, ast.Call):
        spelled = _name_of(node.func) or ""
        is_model = spelled[:1].isupper() and not spelled.endswith(NOT_MODELS)
        if spelled in HASHING_SETTERS or not (is_model or spelled in {"create", "update", "get_or_create", "update_or_create", "insert"}):
            return
        for item in node.keywords:
            if item.arg and is_password_name(item.arg) and REQUEST_DATA.search(ctx.source.segment(item.value)):
                if isinstance(item.value, ast.Call) and (_name_of(item.value.func) or "") in HASHING_SETTERS:
                    continue
                yield ctx.finding(node, f"submitted password saved as `{item.arg}=` in plaintext; store a password hash")
                return


# Values whose comparison is a verification by their name alone.
SECRET_WORDS = re.compile(
    r"(?:^|_)(?:signature|signatures|sig|hmac|mac|secret|api_key|apikey|otp|totp|hotp|"
    r"password_hash|pw_hash|hashed_password|auth_code|verification_code|reset_code|access_key|expected_token)(?:$|_|s$)"
)
# Token words count only when the other side comes from a request (a header, a cookie, a form field).
TOKEN_WORDS = re.compile(r"(?:^|_)(?:token|csrf|csrf_token|xsrf|api_token|auth_token|access_token|bearer|webhook_secret)(?:$|_|s$)")
NOT_SECRET = re.compile(
    r"(?:^|_)(?:type|types|name|names|kind|count|len|length|url|format|id|ids|prefix|param|field|key_name|expires|expiry|"
    r"ttl|status|method|scheme|version|enabled|required|identity|wildcard|c|idx|index|pos|position|start|end|session_key|"
    r"reason|message|msg|error|label|text|description|help)(?:$|_)"
)
REQUEST_SIDE = re.compile(r"\b(?:request|headers|META|cookies|COOKIES|form|args|GET|POST|params|query_params|environ)\b")
CONFIGURED_SECRET = re.compile(r"_(?:token|secret|key)$")
CONFIGURED = re.compile(r"\b(?:settings|config|environ|getenv)\b")
_DIGEST_CALLS = frozenset({"hexdigest", "digest"})


def _is_mac(ctx: Context, node: ast.expr, at: ast.AST) -> bool:
    """`hmac.new(...).hexdigest()` or `mac.digest()` where `mac = hmac.new(...)`: a MAC, not a checksum."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _DIGEST_CALLS):
        return False
    receiver = node.func.value
    if isinstance(receiver, ast.Name):
        bound = _local_flow.bound_call(ctx, receiver.id, at)
        receiver = bound if bound is not None else receiver
    name = ctx.call_name(receiver) if isinstance(receiver, ast.Call) else None
    return bool(name and name.startswith(("hmac.", "cryptography.hazmat.primitives.hmac")))


def _secret_operand(ctx: Context, node: ast.expr, other: ast.expr) -> str | None:
    if _is_mac(ctx, node, other):
        return ctx.source.segment(node)[:40]
    name = _name_of(node)
    if name is None:
        return None
    snake = camel_to_snake(name)
    if NOT_SECRET.search(snake):
        return None
    if SECRET_WORDS.search(snake):
        return ctx.source.segment(node)[:40]
    # A token compared with a received value, or a received token compared with a configured one.
    # (`API_TOKEN`, `settings.WEBHOOK_TOKEN`; not `TOKEN_DATA`-style token kinds of a lexer)
    configured = (name.isupper() or bool(CONFIGURED.search(ctx.source.segment(node)))) and bool(CONFIGURED_SECRET.search(snake))
    received = REQUEST_SIDE.search(ctx.source.segment(other))
    if TOKEN_WORDS.search(snake) and (received or configured):
        return ctx.source.segment(node)[:40]
    return None


def _constant_like(ctx: Context, node: ast.expr) -> bool:
    """Literals and constants that are not secrets themselves (None, numbers, short strings)."""
    if isinstance(node, ast.Constant):
        return True
    value = ctx.constant(node)
    if value is not ... and not (isinstance(value, (str, bytes)) and len(value) >= 8):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"len", "type", "bool", "int", "isinstance"}


def _compare_digest_fix(ctx: Context, node: ast.Compare):
    left, right = ctx.source.segment(node.left), ctx.source.segment(node.comparators[0])
    negate = "not " if isinstance(node.ops[0], ast.NotEq) else ""
    return edits.fix(
        "compare in constant time with hmac.compare_digest",
        edits.replace(ctx.source, node, f"{negate}hmac.compare_digest({left}, {right})"),
        edits.ensure_import(ctx.source, "hmac"),
    )


@rule(
    "BST233",
    "timing-unsafe-compare",
    summary="Secret, token or MAC compared with `==` instead of `hmac.compare_digest`",
    nodes=(ast.Compare,),
    severity="medium",
    confidence="medium",
    cwe=208,
    owasp="A02",
    fixable=True,
)
def timing_unsafe_compare(node: ast.Compare, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `==` and `!=` between two run-time values when one of them is a signature, HMAC, digest,
    API key, OTP or secret (by name, or the `.hexdigest()`/`.digest()` of an `hmac` object), or a token
    compared with a value taken from the request or with a configured one. Comparisons with
    literals, `None` and lengths are not reported. The fix uses `hmac.compare_digest`.

    ## Why is this bad?
    `==` on strings stops at the first differing character, so the time it takes reveals how much of
    a guess is right. Measured over many requests, that lets an attacker forge a MAC or guess a token
    one character at a time.

    ## Example
    ```python
    if request.headers["X-Signature"] == expected_signature:
        ...
    ```

    ## Use instead
    ```python
    if hmac.compare_digest(request.headers["X-Signature"], expected_signature):
        ...
    ```

    ## References
    - https://docs.python.org/3/library/hmac.html#hmac.compare_digest
    - https://cwe.mitre.org/data/definitions/208.html

    ## Known limitations
    `hmac.compare_digest` needs two `str` (ASCII) or two bytes-like values; the fix assumes both
    sides already are.
    """
    if ctx.is_test_file or len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        return
    left, right = node.left, node.comparators[0]
    if _constant_like(ctx, left) or _constant_like(ctx, right):
        return
    secret = _secret_operand(ctx, left, right) or _secret_operand(ctx, right, left)
    if secret is None:
        return
    if REQUEST_SIDE.search(ctx.source.segment(left)) and REQUEST_SIDE.search(ctx.source.segment(right)):
        return  # two received values: bookkeeping, not a verification
    if isinstance(ctx.parent, ast.Assert) or (ctx.function is not None and getattr(ctx.function, "name", "") in {"__eq__", "__ne__"}):
        return
    severity = Severity.MEDIUM if any("sig" in (_name_of(n) or "").lower() or "mac" in (_name_of(n) or "").lower() for n in (left, right)) else Severity.LOW
    yield ctx.finding(
        node,
        f"`{secret}` compared with `{'==' if isinstance(node.ops[0], ast.Eq) else '!='}`; the time taken leaks how much matches",
        severity=severity,
        confidence=Confidence.MEDIUM,
        fix=_compare_digest_fix(ctx, node),
    )
