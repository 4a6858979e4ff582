"""The context-aware generic detector: a literal value assigned to a secret-like name.

One set of line patterns covers the assignment syntaxes of Python, .env, INI/CFG, TOML, YAML, JSON,
shell, Dockerfile `ENV`/`ARG` and Terraform. The name decides whether the value is meant to be
secret; the value decides whether it is a real one (not a placeholder, reference, hash, UUID or
public material, and, for keys and tokens, random enough).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bastion.secrets import placeholders
from bastion.secrets.entropy import character_classes, looks_random

# Kinds of file, by assignment syntax.
QUOTED_ONLY = frozenset({"python", "json", "toml", "terraform", "notebook", "code", "text", "docs"})  # bare words are code

# Words that make a name secret-like when they end it (after splitting on _ - . and camelCase).
_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "pass", "passphrase", "passcode", "pw"})
_SECRET_WORDS = frozenset(
    {"secret", "token", "apikey", "credential", "credentials", "creds", "auth", "authorization",
     "bearer", "privatekey", "accesskey", "secretkey", "clientsecret", "sessionkey", "masterkey",
     "keybase"}  # Rails' secret_key_base
)
# `key` alone is too common (dict keys, cache keys); it counts after one of these.
_KEY_QUALIFIERS = frozenset(
    {"api", "secret", "private", "access", "signing", "encryption", "encrypt", "master", "auth",
     "client", "app", "application", "service", "account", "subscription",
     "hmac", "jwt", "session", "aes", "crypto", "cipher", "shared", "consumer", "webhook", "storage",
     "admin", "root", "sas", "write", "deploy", "ingest", "server"}
)
# Any of these anywhere in the name: it describes a secret (or stands in for one) rather than
# holding it. Everything else is judged by the last word: `password_min_length` ends in `length`.
_NEGATING_WORDS = frozenset(
    {"public", "pub", "publishable", "hash", "hashed", "hasher", "hashers", "digest", "mock", "fake",
     "dummy", "example", "sample", "placeholder", "template", "format", "pattern", "regex", "regexp",
     "field", "fields", "label", "prompt", "hint", "type", "kind", "validator", "validators", "policy",
     "widget", "input", "param", "env", "var", "tokenizer", "fingerprint"}
)
# Dotted or camelCase names are split into lower-case words.
_WORD_SPLIT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

# NAME <op> VALUE, where NAME may be quoted, and VALUE is quoted or bare.
# The name is possessive: the characters it stops at can never begin what follows it, so a
# shorter name never matches where the longest failed (and trying each one cost most of the time).
_ASSIGNMENT = re.compile(
    r"""(?P<name>[A-Za-z_][\w.-]{0,80}+)["']?\]?
        (?:\s*:\s*[A-Za-z_][\w\[\], .|]*?(?=\s*=))?    # a Python type annotation
        \s*(?P<op>:=|==|=>|=|:)\s*
        (?:[rbuRBU]{0,2}(?P<quote>["'`])(?P<quoted>(?:\\.|(?!(?P=quote)).){1,512}?)(?P=quote)
          |(?P<bare>(?:[^\s"'`#;,{}\[\]()<>]|(?<=\S)\#){1,512}))   # `#` starts a comment only after a space
    """,
    re.VERBOSE,
)
_DOCKER_ENV = re.compile(r"^\s*(?:ENV|ARG)\s+(?P<name>[A-Za-z_]\w*)\s+(?P<quote>[\"']?)(?P<bare>[^\s\"'=]+)(?P=quote)\s*$")
_TERRAFORM_VARIABLE = re.compile(r"^\s*variable\s+\"(?P<name>[^\"]+)\"")
_YAML_NAME = re.compile(r"^\s*-?\s*(?:name|key)\s*:\s*[\"']?(?P<name>[A-Za-z_][\w.-]*)")
_AUTH_HEADER = re.compile(
    r"(?i:authorization)[\"']?\s*[:=]\s*[\"']?(?:Bearer|Token|Basic)\s+(?P<secret>[A-Za-z0-9._~+/=-]{16,})"
)
# `curl -u user:password`, `wget --user=... --password=...` style credentials on a command line.
_CLI_USER = re.compile(r"(?:\s-u\s*|--user[=\s])[\"']?(?P<user>[^\s:\"'$]+):(?P<secret>[^\s\"']+?)[\"']?(?=\s|$)")
# `os.environ.setdefault("API_KEY", "…")`, `getenv("DB_PASSWORD", "…")`: a literal fallback.
# (`g(?<!\w.)et` is `\bget`, written so that every alternative starts with a letter: the engine then
# skips to positions holding one of those letters instead of trying each position.)
_NAME_VALUE_PAIR = re.compile(
    r"(?:getenv|environ\.get|setdefault|g(?<!\w.)et|e(?<!\w.)nv|c(?<!\w.)onfig|d(?<!\w.)efine)\(\s*(?P<q1>[\"'])(?P<name>[A-Za-z_][\w.-]{0,80})(?P=q1)\s*,\s*[rbuRBU]?"
    r"(?P<q2>[\"'])(?P<value>(?:\\.|(?!(?P=q2)).){1,512}?)(?P=q2)"
)
# `machine api.example.com login ci password …` in .netrc
_NETRC_PASSWORD = re.compile(r"\bpassword\s+(?P<value>\S+)")
# `<password>…</password>` in XML configuration (Maven settings, .NET config, NuGet).
_XML_ELEMENT = re.compile(r"<(?P<name>[A-Za-z_][\w.:-]{0,60})>(?P<value>[^<>\s]{1,512})</(?P=name)>")
# `Server=…;Password=…;` connection strings and `?password=…&` query strings, even inside quotes.
_PARAMETER_SEPARATORS = (";", "?", "&")
# In files of unknown syntax a bare value counts only in `NAME=value` lines (Makefiles, AWS
# credentials files, direnv): the name starts the line.
_LEADING_ASSIGNMENT = re.compile(r"\s*(?:export\s+)?$")
# A cheap test that a line may hold a secret-like name at all.
PREFILTER = re.compile(r"(?i)pass|pwd|pw\b|secret|token|key|auth|cred|bearer|\s-u\s|--user\b")
# The same words for `str.find` over lower-cased text, and what must follow one of them for the
# line to be worth parsing: the rest of a name, an optional closing quote, and an assignment.
# `pwd` needs no search of its own: wherever it is followed so, its `pw` is too (the `d` is part of
# the rest of the name). `bearer`, ` -u ` and `--user` make a line worth parsing whatever follows.
NAME_WORDS = ("pass", "pw", "secret", "token", "key", "auth", "cred")
FOLLOW = re.compile(r"[a-z0-9_.-]*[\"'\]]{0,2}\s*(?::=|==|=>|=|:|>|,\s*[rbu]?[\"'])")
# (Whitespace is taken possessively: `\s*` then `\s+\S` backtracked through every split of a long
# run of spaces at the end of a file, a time quadratic in its length. Only whether it matches counts.)
FOLLOW_DOCKER = re.compile(r"[a-z0-9_.-]*[\"'\]]{0,2}(?:\s*+(?::=|==|=>|=|:)|\s++\S)")


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    value: str
    column: int  # of the value, within the line
    strength: str  # "password" or "secret"


def words(name: str) -> list[str]:
    """`dbPassword`, `DB_PASSWORD`, `db.password` -> ['db', 'password']."""
    return [word.lower() for word in _WORD_SPLIT.findall(name)]


def name_strength(name: str) -> str | None:
    """'password' or 'secret' when the name says its value is a credential, otherwise None."""
    parts = words(name)
    if not parts:
        return None
    if _NEGATING_WORDS.intersection(parts):
        return None
    last = parts[-1]
    joined_tail = "".join(parts[-2:])
    if last in _PASSWORD_WORDS or last.endswith(("password", "passwd", "passphrase")):
        return "password"  # also run-together names: PGPASSWORD, adminpassword
    if last in _SECRET_WORDS or joined_tail in _SECRET_WORDS or last.endswith(("secret", "token", "apikey")):
        return "secret"
    if last == "key" and len(parts) >= 2 and parts[-2] in _KEY_QUALIFIERS:
        return "secret"
    if last in {"salt", "pepper"} and len(parts) >= 2 and parts[-2] in {"secret", "hmac", "signing"}:
        return "secret"
    return None


def is_real_value(value: str, name: str, strength: str, threshold: float) -> bool:
    """A literal that is a credential: not a stand-in, and, for keys and tokens, random enough."""
    if len(value) < (4 if strength == "password" else 8) or len(value) > 512:
        return False
    if any(ch.isspace() for ch in value) or placeholders.not_a_secret(value, name):
        return False
    if "://" in value or value.startswith("http") or value.endswith((".pem", ".key", ".json", ".txt", ".crt")):
        return False
    if value.startswith(("/", "./", "~/")) and all(part.isalnum() and (part.isalpha() or part.isdigit() or part.islower()) for part in _SEGMENTS.split(value.strip("/.~")) if part):
        return False  # a file path: its parts are words, not random characters
    if _NUMBER_OR_PATH.fullmatch(value):
        return False  # a number, or a dotted path such as a module or settings name
    if value.lower() in name.lower():
        return False  # `api_key = "api-key"`
    if strength == "password":
        return True
    if _is_wordlike(value):
        return False  # `0002_alter_permission`, `LicenseRef-scancode-x-1.0`: names, not keys
    has_digit = any(ch.isdigit() for ch in value)
    if not has_digit and character_classes(value) < 3:
        return False  # words and identifiers (`_auth_user_id`, `sessionKeyName`), not generated keys
    return looks_random(value, threshold)


_NUMBER_OR_PATH = re.compile(r"[\d.,:+-]+|[A-Za-z_]+(?:\.[A-Za-z_]\w*)+")
_SEGMENTS = re.compile(r"[_.\-/]+")


def _is_wordlike(value: str) -> bool:
    """Three or more separated parts, each all letters or all digits: an identifier, a file or
    migration name. Generated keys mix letters and digits within their parts."""
    parts = [part for part in _SEGMENTS.split(value) if part]
    return len(parts) >= 3 and all(part.isalpha() or part.isdigit() for part in parts)


def _unescape(value: str) -> str:
    return value.replace('\\"', '"').replace("\\'", "'")


def candidates(line: str, kind: str, hint: str | None = None) -> Iterator[Candidate]:
    """Secret-like assignments on one line. `hint` names the block a `default =`/`value:` belongs to
    (a Terraform variable, a Kubernetes env entry)."""
    bare_allowed = kind not in QUOTED_ONLY
    if kind == "netrc":
        for match in _NETRC_PASSWORD.finditer(line):
            yield Candidate("password", match.group("value"), match.start("value"), "password")
        return
    docker = _DOCKER_ENV.match(line) if kind == "dockerfile" else None
    if docker:
        strength = name_strength(docker.group("name"))
        if strength:
            yield Candidate(docker.group("name"), docker.group("bare"), docker.start("bare"), strength)
        return
    position = 0
    while (match := _ASSIGNMENT.search(line, position)) is not None:
        # Not past the value: a string such as `"Server=…;Password=…"` holds assignments of its own.
        position = match.end("op")
        name = match.group("name")
        if kind == "python" and (match.group("op") == "=>" or (match.group("op") == ":" and line[match.start("name") - 1 : match.start("name")] not in "\"'")):
            continue  # `name: "Type"` is an annotation; only a quoted key (`{"password": …}`) maps to a value
        strength = name_strength(name)
        if strength is None and hint and name.lower() in {"default", "value"}:
            strength = name_strength(hint)
            name = hint
        if strength is None:
            continue
        position = match.end()
        if match.group("quoted") is not None:
            value, column = _unescape(match.group("quoted")), match.start("quoted")
            if match.group("quote") == "`" or (kind == "python" and line[match.start("quote") - 1 : match.start("quote")] in "fF" and "{" in value):
                continue  # template literal or f-string: built at run time
        elif match.group("bare") and (
            bare_allowed
            or line[match.start("name") - 1 : match.start("name")] in _PARAMETER_SEPARATORS
            or (kind == "text" and _LEADING_ASSIGNMENT.match(line[: match.start("name")]))
        ):
            value, column = match.group("bare"), match.start("bare")
            if line[match.start("name") - 1 : match.start("name")] in ("?", "&"):
                value = value.split("&")[0]  # the next query parameter
        else:
            continue
        yield Candidate(name, value, column, strength)
    for pair in _NAME_VALUE_PAIR.finditer(line):
        strength = name_strength(pair.group("name"))
        if strength:
            yield Candidate(pair.group("name"), _unescape(pair.group("value")), pair.start("value"), strength)
    if kind != "python" and "</" in line:
        for element in _XML_ELEMENT.finditer(line):
            strength = name_strength(element.group("name"))
            if strength:
                yield Candidate(element.group("name"), element.group("value"), element.start("value"), strength)
    header = _AUTH_HEADER.search(line)
    if header:
        yield Candidate("Authorization", header.group("secret"), header.start("secret"), "secret")
    if kind != "python" and "-u" in line:  # both of the pattern's options hold `-u`
        command = _CLI_USER.search(line)
        if command:
            yield Candidate("--user", command.group("secret"), command.start("secret"), "password")


def block_hint(line: str, kind: str, previous: str | None) -> str | None:
    """The name a following `default =` (Terraform) or `value:` (YAML env lists) belongs to."""
    if kind == "terraform":
        match = _TERRAFORM_VARIABLE.match(line)
        return match.group("name") if match else previous
    if kind == "yaml":
        match = _YAML_NAME.match(line)
        if match:
            return match.group("name")
    return previous if kind == "terraform" else None
