"""MD5, SHA-1 and other broken hash functions."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules._naming import camel_to_snake, destination_names, is_security_name
from bastion.rules.registry import rule

WEAK_ALGORITHMS = frozenset({"md2", "md4", "md5", "sha", "sha1", "ripemd160", "md5-sha1"})
DIRECT_CONSTRUCTORS = {
    "hashlib.md5": "md5",
    "hashlib.sha1": "sha1",
    "_hashlib.openssl_md5": "md5",
    "_hashlib.openssl_sha1": "sha1",
    "Crypto.Hash.MD5.new": "md5",
    "Crypto.Hash.MD4.new": "md4",
    "Crypto.Hash.MD2.new": "md2",
    "Crypto.Hash.SHA.new": "sha1",
    "Crypto.Hash.SHA1.new": "sha1",
    "Cryptodome.Hash.MD5.new": "md5",
    "Cryptodome.Hash.SHA1.new": "sha1",
    "cryptography.hazmat.primitives.hashes.MD5": "md5",
    "cryptography.hazmat.primitives.hashes.SHA1": "sha1",
}
NAMED_CONSTRUCTORS = frozenset({"hashlib.new", "hmac.new", "hmac.digest"})
_PASSWORD_WORDS = ("password", "passwd", "pwd", "passphrase")


def _algorithm(ctx: Context, call: ast.Call, name: str) -> str | None:
    if name in DIRECT_CONSTRUCTORS:
        return DIRECT_CONSTRUCTORS[name]
    if name == "hashlib.new":
        value = ctx.constant(argument(call, 0, "name"))
    else:  # hmac.new(key, msg, digestmod) / hmac.digest(key, msg, digest)
        value = argument(call, 2, "digestmod" if name == "hmac.new" else "digest")
        resolved = ctx.qualname(value) if value is not None else None
        if resolved in DIRECT_CONSTRUCTORS:
            return DIRECT_CONSTRUCTORS[resolved]
        value = ctx.constant(value)
    if isinstance(value, str) and value.lower() in WEAK_ALGORITHMS:
        return value.lower()
    return None


# HMAC's security does not rest on collision resistance: HMAC-SHA1 is sound, HMAC-MD5 only
# deprecated. Only MD2/MD4 are reported inside HMAC at full strength.
HMAC_SOUND = frozenset({"sha1", "sha"})
HMAC_DEPRECATED = frozenset({"md5"})
# Purposes that need no security property from the hash.
NON_SECURITY_PURPOSE = re.compile(r"(?:^|_)(?:e_?tag|etags|checksum|checksums|crc|cache|cache_key|cachekey|dedup|dedupe)(?:$|_)")
_WORD = re.compile(r"[A-Z]?[a-z]+\d*|[A-Z]+\d*(?![a-z])|\d+")


def _words(name: str) -> set[str]:
    """`HTTPDigestAuth` -> {http, digest, auth}; `_sqlite_md5` -> {sqlite, md5}."""
    return {word.lower() for word in _WORD.findall(name)}


def _enclosing_names(ctx: Context) -> list[str]:
    """Names of the enclosing functions and classes, innermost first."""
    return [node.name for node in reversed(ctx.ancestors) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]


def _chosen_elsewhere(ctx: Context, call: ast.Call, algorithm: str, names: list[str]) -> str | None:
    """Why the algorithm is not this code's security decision, or None: it implements a wrapper
    named after the algorithm (`md5_not_for_security`, SQLite's `MD5()` function, `_lazy_sha1`
    handed to a signer as digest method), a protocol that dictates it (HTTP Digest authentication),
    or a purpose that needs no security (ETags, checksums, cache keys)."""
    enclosing = _enclosing_names(ctx)
    if any(is_security_name(name) for name in [*names, *enclosing[:1]]):
        return None
    aliases = {algorithm, "sha"} if algorithm == "sha1" else {algorithm}
    if enclosing and aliases & _words(enclosing[0]):
        return "named after the algorithm"
    if any({"digest", "auth"} <= _words(name) for name in enclosing):
        return "HTTP Digest authentication"
    if any(NON_SECURITY_PURPOSE.search(camel_to_snake(name)) for name in [*names, *enclosing[:1]]):
        return "no security purpose"
    return None


def _mentions_password(ctx: Context, call: ast.Call) -> bool:
    text = " ".join(ctx.source.segment(arg) for arg in call.args).lower()
    return any(word in text for word in _PASSWORD_WORDS)


@rule(
    "BST403",
    "weak-hash",
    summary="MD5, SHA-1 or another broken hash used without `usedforsecurity=False`",
    calls=DIRECT_CONSTRUCTORS.keys() | NAMED_CONSTRUCTORS,
    severity="medium",
    confidence="medium",
    cwe=328,
    owasp="A02",
    fixable=True,
)
def weak_hash(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags MD5, SHA-1, MD4 and MD2 from `hashlib` (directly or through `hashlib.new("md5")`), `hmac`
    with those digests, PyCryptodome and `cryptography`, unless the call says
    `usedforsecurity=False`. Severity is high where the result is stored as a token, signature, key
    or similar, and low where nothing says it is used for security.

    ## Why is this bad?
    Collisions for MD5 and SHA-1 can be computed cheaply, so they cannot protect integrity
    (signatures, certificate or file verification, tokens). Code that uses them for checksums or cache
    keys should say so with `usedforsecurity=False`, which also keeps it working on FIPS-mode systems.
    Password hashing has its own rule: fast hashes are wrong for passwords whatever the algorithm.

    ## Example
    ```python
    signature = hashlib.md5(secret + payload).hexdigest()
    etag = hashlib.md5(body).hexdigest()
    ```

    ## Use instead
    ```python
    signature = hmac.new(secret, payload, hashlib.sha256).hexdigest()
    etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
    ```

    ## References
    - https://docs.python.org/3/library/hashlib.html#hash-algorithms
    - https://cwe.mitre.org/data/definitions/328.html
    - https://owasp.org/Top10/A02_2021-Cryptographic_Failures/

    ## Known limitations
    Not reported where the algorithm is not this code's security decision: HMAC-SHA1 (HMAC does not
    rely on collision resistance; HMAC-MD5 is reported with low confidence as deprecated), thin
    wrappers named after the algorithm (`md5_not_for_security()`, a database's `MD5()` SQL
    function; their callers choose), HTTP Digest authentication (the server's challenge names the
    algorithm), and values for ETags, checksums or cache keys. Names that speak of security
    (`hash_pin`, `token`) are reported whatever the wrapper is called.
    """
    name = ctx.call_name(call)
    if name is None or (name not in DIRECT_CONSTRUCTORS and name not in NAMED_CONSTRUCTORS):
        return
    algorithm = _algorithm(ctx, call, name)
    if algorithm is None:
        return
    flag = keyword(call, "usedforsecurity")
    if flag is not None and ctx.constant(flag) is False:
        return
    if _mentions_password(ctx, call):
        return  # the password-hashing rule explains the real problem there
    names = destination_names([*ctx.ancestors, call])
    if name.startswith("hmac.") and algorithm in HMAC_SOUND | HMAC_DEPRECATED:
        if algorithm in HMAC_DEPRECATED:
            yield ctx.finding(call, f"HMAC-{algorithm.upper()} still resists forgery, but {algorithm.upper()} is deprecated; use SHA-256",
                              severity=Severity.LOW, confidence=Confidence.LOW)
        return
    if _chosen_elsewhere(ctx, call, algorithm, names):
        return
    security = name.startswith("hmac.") or any(is_security_name(n) for n in names)
    if security:
        where = next((n for n in names if is_security_name(n)), "a message authentication code")
        yield ctx.finding(
            call, f"{algorithm.upper()} is broken, but its result is used for `{where}`", severity=Severity.HIGH, confidence=Confidence.HIGH
        )
        return
    fix = None
    if name.startswith("hashlib.") and flag is None:
        fix = edits.fix("declare usedforsecurity=False", edits.add_keyword(ctx.source, call, "usedforsecurity=False"))
    yield ctx.finding(
        call,
        f"{algorithm.upper()} is broken for security use; if this is only a checksum, say `usedforsecurity=False`",
        severity=Severity.LOW,
        confidence=Confidence.LOW,
        fix=fix,
    )
