"""Values that look like secrets but are not: placeholders, documented examples, references to the
environment, public material, hashes, UUIDs and commit ids."""

from __future__ import annotations

import itertools
import re

# Published in provider documentation; scanners everywhere treat them as examples.
DOCUMENTED_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "rk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    }
)

# Whole values (compared case-insensitively, separators ignored) that only stand in for a secret.
_WORDS = frozenset(
    {
        "changeme", "changethis", "changeit", "password", "passwd", "pass", "pwd", "secret", "secrets",
        "token", "apikey", "key", "example", "sample", "dummy", "fake", "placeholder", "redacted",
        "removed", "hidden", "masked", "none", "null", "nil", "undefined", "empty", "todo", "tbd",
        "fixme", "default", "test", "testing", "notset", "unset", "unknown", "secretkey", "accesskey",
        "secretpassword", "mypassword", "yourpassword", "mysecret", "yoursecret", "mytoken",
        "yourtoken", "myapikey", "yourapikey", "supersecret", "notasecret", "notreal", "xxx",
        "true", "false", "yes", "no", "on", "off", "required", "optional", "string", "str", "value",
        "foo", "bar", "baz", "foobar", "qux", "abc", "abc123", "xyz",
    }
)
_MARKERS = re.compile(
    r"your[_\-. ]?|example|placeholder|changeme|change[_\-. ]?me|change[_\-. ]?this|replace[_\-. ]?(me|with|this)"
    r"|insert[_\-. ]|dummy|redacted|not[_\-. ]?a[_\-. ]?real|notreal|fake[_\-. ]|do[_\-. ]?not[_\-. ]?use"
    r"|xxxx|\*\*\*|\.\.\.|…|todo|fixme|sample[_\-. ]|(?:my|some)[_\-. ]?(secret|password|token|api[_\-. ]?key)",
    re.IGNORECASE,
)
# References to a value kept elsewhere: environment, templates, secret stores, encrypted values.
_REFERENCE = re.compile(
    r"""^\$\{?[A-Za-z_][\w.:-]*(?::?[-?=][^}]*)?\}?$   # $VAR, ${VAR}, ${VAR:-default}
    |^\$\(.*\)$                                     # $(command)
    |^@{1,2}[A-Za-z_]\w*@{1,2}$                      # @PASSWORD@ (autoconf, build-time substitution)
    |\{\{.*\}\}|\{%.*%\}|\$\{\{.*\}\}               # jinja / GitHub Actions templates
    |^(?:%(?:\(\w+\))?[sdr]|\{\w*\}|[^A-Za-z0-9%{}])+$   # format placeholders: %s, %(pw)s, {}:{}
    |^<[^<>]+>$|^\[[^\[\]]+\]$|^\{[^{}]*\}$        # <your-key>, [token], {token}
    |^!(?:vault|env|ref|sub|getatt|secret)\b       # YAML tags
    |^ENC\[|^vault:|^arn:aws:|^sm://|^projects/[^/]+/secrets/|^op://|^keyvault:|^awskms:|^gcpkms:
    |os\.environ|os\.getenv|getenv\(|process\.env|env\(|settings\.|config\(|secrets\.|var\.
    |^(?:file|env|secret|vault)::?""",
    re.IGNORECASE | re.VERBOSE,
)
_TYPE_NAME = re.compile(r"(?i)(?:string|str|text|int|integer|number|bool|boolean|any|object|bytes|char|varchar|secret|password)\??!?")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # DB_PASSWORD: the name of a variable
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HEX_DIGEST = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$", re.IGNORECASE)
_PREFIXED_DIGEST = re.compile(r"^(?:sha\d+|md5|blake2b?)[:=-]", re.IGNORECASE)
_PASSWORD_HASH = re.compile(r"^(?:\$(?:2[abxy]?|argon2(?:id|i|d)?|[1356]|pbkdf2[\w-]*|scrypt)\$|pbkdf2_sha\d+\$|bcrypt\$|argon2\$)")
_HASH_NAMES = re.compile(r"hash|digest|checksum|sha\d*|md5|crc|etag|integrity|fingerprint|commit|revision|\brev\b|sri", re.IGNORECASE)
_PUBLIC = re.compile(
    r"-----BEGIN (?:[A-Z]+ )?(?:PUBLIC KEY|CERTIFICATE|CERTIFICATE REQUEST|X509 CRL)-----"
    r"|^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA"
    r"|^pk_(?:live|test)_|^pub-",
)


# Passwords that documentation uses for its examples: Oracle's `scott`/`tiger` demo schema, the
# jokes and keyboard walks every tutorial reuses. In code they are still weak, guessable
# credentials; in a docstring, a comment or a README they only show the syntax.
DEMO_PASSWORDS = frozenset(
    {
        "tiger", "hunter2", "letmein", "swordfish", "opensesame", "qwerty", "passw0rd", "p@ssw0rd",
        "p@ssword", "pa55word", "pa$$word", "s3cret", "s3cr3t", "topsecret", "password1", "password123",
        "pass123", "pass1234", "secret123", "test123", "admin", "admin123", "root", "guest", "demo",
        "welcome", "mysecretpassword", "pgpass", "tiger123", "scott",
    }
)
# Regular-expression syntax no generated key or typed password contains: `(?:`, `(?P<`, `[^"]`,
# character ranges such as `[A-Za-z0-9_]`, and escapes such as `\d+`.
_REGEX_SYNTAX = re.compile(r"\(\?[:=!<P]|\[\^|\[[^\]]*[A-Za-z0-9]-[A-Za-z0-9][^\]]*\][*+?{]?|\\[dwsSDWbB][*+?{]")


# Users that documentation puts in its example URLs (`scott:tiger^5HHH@mssql2017` shows escaping).
DEMO_USERS = frozenset({"scott", "user", "username", "myuser", "someuser", "foo", "alice", "bob", "jdoe", "john", "jane"})


def is_demo_user(user: str) -> bool:
    return user.lower() in DEMO_USERS


def is_demo_password(value: str) -> bool:
    """A password written only to show the syntax of an example (`scott:tiger`)."""
    return value.lower() in DEMO_PASSWORDS or is_placeholder(value)


def is_pattern(value: str) -> bool:
    """A regular expression or a fragment of one (`(?:"[^"]+"|[A-Za-z0-9_]+?)`), not a value."""
    return len(_REGEX_SYNTAX.findall(value)) >= 2 or value.startswith(("^(?", "(?:", "(?P<"))


def is_documented_example(value: str) -> bool:
    return value in DOCUMENTED_EXAMPLES or value.endswith("EXAMPLE") or "EXAMPLEKEY" in value


def _has_sequence(value: str, length: int = 6) -> bool:
    """A run like `123456`, `abcdef` or `zzzzzz`: typed by a person, not generated."""
    run_up = run_same = 1
    for previous, current in itertools.pairwise(value):
        run_up = run_up + 1 if ord(current) == ord(previous) + 1 else 1
        run_same = run_same + 1 if current == previous else 1
        if run_up >= length or run_same >= max(4, length - 1):
            return True
    return False


def _has_marker(value: str) -> bool:
    """`your_token_here`, `<YOUR-KEY>`, `TODO`: a marker written by a person, in one case or set
    off by separators. Mixed case inside a long random value (`…vZtODo…`) is chance."""
    for match in _MARKERS.finditer(value):
        text = match.group()
        before = value[match.start() - 1 : match.start()]
        after = value[match.end() : match.end() + 1]
        delimited = not before.isalnum() and not after.isalnum()
        if delimited or text == text.lower() or text == text.upper():
            return True
    return False


def is_template(value: str) -> bool:
    """A reference (`${USER}`, `{{ user }}`) or an obvious stand-in (`<your-user>`)."""
    return bool(_REFERENCE.search(value) or _has_marker(value))


def is_placeholder(value: str) -> bool:
    """A stand-in for a secret rather than the secret itself."""
    stripped = value.strip()
    if not stripped:
        return True
    normalised = re.sub(r"[\s_.\-]", "", stripped).lower()
    if normalised in _WORDS or is_documented_example(stripped):
        return True
    if _REFERENCE.search(stripped) or _has_marker(stripped):
        return True
    if _ENV_NAME.match(stripped) or _TYPE_NAME.fullmatch(stripped):
        return True
    if len(set(stripped)) <= 2:
        return True
    lowered = stripped.lower()
    if len(stripped) < 16 and ("1234" in lowered or "abcd" in lowered):
        return True  # `key_1234`, `abcd-efgh`: typed examples (long random values contain these by chance)
    return _has_sequence(stripped)


def is_public(value: str) -> bool:
    """Public keys, certificates and publishable keys."""
    return bool(_PUBLIC.search(value))


def is_uuid(value: str) -> bool:
    return bool(_UUID.match(value))


def is_hash(value: str, name: str = "") -> bool:
    """A digest or password hash: hex of a digest length next to a hash-like name, `sha256:...`,
    SRI integrity strings, or a crypt-style password hash."""
    if _PREFIXED_DIGEST.match(value) or _PASSWORD_HASH.match(value):
        return True
    return bool(_HEX_DIGEST.match(value) and _HASH_NAMES.search(name))


def is_commit_id(value: str, name: str = "") -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{40}", value) and re.search(r"commit|sha|rev|ref|head", name, re.IGNORECASE))


def not_a_secret(value: str, name: str = "") -> bool:
    """Any reason above to leave the value alone."""
    return (
        is_placeholder(value)
        or is_pattern(value)
        or is_public(value)
        or is_uuid(value)
        or is_hash(value, name)
        or is_commit_id(value, name)
    )
