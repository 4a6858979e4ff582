"""Provider detectors as data: a pattern with a `secret` group, the literal keywords that must occur
for the pattern to be worth running, and an optional validator (checksum, structure).

A validator returns True (the value has the provider's structure and a valid checksum: high
confidence), False (it cannot be that credential: no finding) or None (the shape matches but the
format has nothing more to check, or the checksum fails: medium confidence).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import string
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

Validator = Callable[[str], bool | None]

# Characters that continue a base64 or token run: a match touching one of these is a slice of a
# longer blob (an image, a hash list), not a credential of its own.
_B = r"(?<![A-Za-z0-9+/_-])"
_E = r"(?![A-Za-z0-9+/_-])"


class LazyPattern:
    """A regular expression compiled the first time it is used. A scan needs the patterns of the
    few detectors whose keywords occur; compiling every one took half of the scanner's import time,
    which is paid before the worker processes start."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)


@dataclass(frozen=True, slots=True)
class Detector:
    code: str  # the rule it reports
    kind: str  # what the value is, for messages: "GitHub personal access token"
    pattern: LazyPattern  # has a `secret` group
    keywords: tuple[str, ...]  # at least one must occur in the text (case-sensitive), cheap prefilter
    validate: Validator | None = None
    severity: str | None = None  # None: the rule's own; "low" for test-mode keys
    anchor: str = ""  # a regular expression instead of keywords, for formats without a fixed prefix
    filler: bool = False  # runs of one character belong to the format (`AAAA…`): not a placeholder sign

    def anchor_pattern(self) -> str:
        return self.anchor or "|".join(re.escape(keyword) for keyword in self.keywords)


# -- validators -----------------------------------------------------------------------------------

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE62_LOWER_FIRST = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base62(number: int, alphabet: str = _BASE62, width: int = 6) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, 62)
        digits = alphabet[remainder] + digits
    return digits.rjust(width, alphabet[0])


def crc32_token_checksum(token: str) -> bool | None:
    """GitHub (and npm) tokens end in six base62 characters: the CRC32 of the random part before
    them. True when it matches; None when it does not (a mistyped or made-up token)."""
    body = token.rpartition("_")[2]
    payload, checksum = body[:-6], body[-6:]
    crc = zlib.crc32(payload.encode())
    for alphabet in (_BASE62, _BASE62_LOWER_FIRST):
        if base62(crc, alphabet) == checksum:
            return True
    return None


def _b64json(part: str) -> object:
    padded = part + "=" * (-len(part) % 4)
    try:
        return json.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


def jwt_structure(token: str) -> bool | None:
    """Header and payload must be base64url JSON objects and the header must name an algorithm."""
    parts = token.split(".")
    if len(parts) != 3:
        return False
    header, payload = _b64json(parts[0]), _b64json(parts[1])
    if not isinstance(header, dict) or "alg" not in header or not isinstance(payload, dict):
        return False
    return bool(parts[2])  # unsigned (alg none, empty signature): nothing to forge with it


def private_key_body(block: str) -> bool | None:
    """A PEM/OpenSSH block whose body is real base64, not `...` or a few characters of prose."""
    lines = [line.strip().strip("\\n\",'") for line in re.split(r"\\n|\n", block)]
    body = "".join(line for line in lines if line and not line.startswith("-----") and ":" not in line)
    body = body.replace("\\", "")
    return len(body) >= 40 and re.fullmatch(r"[A-Za-z0-9+/=\s]+", body) is not None


def base64_private_key(value: str) -> bool | None:
    """Base64 of a PEM private key (Kubernetes Secret `data:`, CI variables): decode and check."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return "PRIVATE KEY-----" in decoded and private_key_body(decoded) is True


def azure_account_key(value: str) -> bool | None:
    try:
        return len(base64.b64decode(value, validate=True)) == 64 or None
    except binascii.Error:
        return False


_PREFIX = re.compile(r"^(?:[a-z]+[_-])+")


def _not_all_lower_hex(value: str) -> bool | None:
    """Random base62 bodies mix cases and digits; a body of one case only is prose or a name."""
    body = _PREFIX.sub("", value)  # without `sk_live_`, `glpat-`, `xoxb-`: the random part
    has_digit = any(ch.isdigit() for ch in body)
    has_upper = any(ch.isupper() for ch in body)
    has_lower = any(ch.islower() for ch in body)
    return None if has_digit + has_upper + has_lower >= 2 else False


# -- the table ------------------------------------------------------------------------------------


def _re(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


DETECTORS: tuple[Detector, ...] = (
    Detector(
        "BST450",
        "AWS access key id",
        # Access key ids only: AIDA/AROA/... prefixes name users and roles, they grant nothing.
        _re(_B + r"(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})" + r"(?![A-Za-z0-9])"),
        ("AKIA", "ASIA", "ABIA", "ACCA"),
    ),
    Detector(
        "BST451",
        "GitHub token",
        _re(_B + r"(?P<secret>gh[pousr]_[A-Za-z0-9]{36})" + _E),
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        crc32_token_checksum,
    ),
    Detector(
        "BST451",
        "GitHub fine-grained personal access token",
        _re(_B + r"(?P<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})" + _E),
        ("github_pat_",),
    ),
    Detector(
        "BST452",
        "GitLab token",
        _re(
            _B
            + r"(?P<secret>(?:glpat|glptt|gldt|glrt|glsoat|glffct|glcbt|gloas|glimt|glagent)-[A-Za-z0-9_-]{20,64})"
            + _E
        ),
        ("glpat-", "glptt-", "gldt-", "glrt-", "glsoat-", "glffct-", "glcbt-", "gloas-", "glimt-", "glagent-"),
        _not_all_lower_hex,
    ),
    Detector(
        "BST452",
        "GitLab runner registration token",
        _re(_B + r"(?P<secret>GR1348941[A-Za-z0-9_-]{20})" + _E),
        ("GR1348941",),
    ),
    Detector(
        "BST453",
        "Slack token",
        _re(_B + r"(?P<secret>xox(?:[abposr]|e\.xox[bp])-\d{6,}-[0-9A-Za-z-]{8,})" + _E),
        ("xox",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST453",
        "Slack webhook URL",
        _re(
            r"(?P<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,}/[AB][A-Z0-9]{6,}/[A-Za-z0-9]{20,})"
        ),
        ("hooks.slack.com",),
    ),
    Detector(
        "BST454",
        "Stripe live secret key",
        _re(_B + r"(?P<secret>(?:sk|rk)_live_[0-9A-Za-z]{24,247})" + _E),
        ("sk_live_", "rk_live_"),
        _not_all_lower_hex,
    ),
    Detector(
        "BST454",
        "Stripe test secret key",
        _re(_B + r"(?P<secret>(?:sk|rk)_test_[0-9A-Za-z]{24,247})" + _E),
        ("sk_test_", "rk_test_"),
        _not_all_lower_hex,
        severity="low",
    ),
    Detector(
        "BST455",
        "Google API key",
        _re(_B + r"(?P<secret>AIza[0-9A-Za-z_-]{35})" + _E),
        ("AIza",),
    ),
    Detector(
        "BST457",
        "Azure storage account key",
        _re(r"AccountKey\s*=\s*(?P<secret>[A-Za-z0-9+/]{86}==)"),
        ("AccountKey",),
        azure_account_key,
    ),
    Detector(
        "BST457",
        "Azure shared access signature",
        _re(r"[?&;]?\bsv=\d{4}-\d\d-\d\d[^\s\"'<>]*?[&;]sig=(?P<secret>[A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})"),
        ("sig=",),
    ),
    Detector(
        "BST458",
        "Twilio API key",
        _re(_B + r"(?P<secret>SK[0-9a-f]{32})" + r"(?![A-Za-z0-9])"),
        ("SK",),
    ),
    Detector(
        "BST459",
        "SendGrid API key",
        _re(_B + r"(?P<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})" + _E),
        ("SG.",),
    ),
    Detector(
        "BST460",
        "OpenAI API key",
        _re(_B + r"(?P<secret>sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})" + _E),
        ("T3BlbkFJ",),
    ),
    Detector(
        "BST460",
        "OpenAI project API key",
        _re(_B + r"(?P<secret>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,200})" + _E),
        ("sk-proj-", "sk-svcacct-", "sk-admin-"),
        _not_all_lower_hex,
    ),
    Detector(
        "BST461",
        "Anthropic API key",
        _re(_B + r"(?P<secret>sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,120})" + _E),
        ("sk-ant-",),
    ),
    Detector(
        "BST462",
        "PyPI upload token",
        _re(_B + r"(?P<secret>pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})" + _E),
        ("pypi-AgE",),
    ),
    Detector(
        "BST463",
        "npm access token",
        _re(_B + r"(?P<secret>npm_[A-Za-z0-9]{36})" + _E),
        ("npm_",),
        crc32_token_checksum,
    ),
    Detector(
        "BST464",
        "JSON Web Token",
        _re(_B + r"(?P<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})" + _E),
        ("eyJ",),
        jwt_structure,
    ),
    Detector(
        "BST465",
        "Hugging Face access token",
        _re(_B + r"(?P<secret>hf_[A-Za-z]{34})" + _E),
        ("hf_",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST466",
        "Telegram bot token",
        _re(r"(?<![0-9A-Za-z])(?P<secret>\d{8,10}:AA[0-9A-Za-z_-]{33})" + _E),
        (":AA",),
    ),
    Detector(
        "BST453",
        "Slack app-level token",
        _re(_B + r"(?P<secret>xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{60,70})" + _E),
        ("xapp-",),
    ),
    Detector(
        "BST454",
        "Stripe webhook signing secret",
        _re(_B + r"(?P<secret>whsec_[A-Za-z0-9+/]{32,64})" + _E),
        ("whsec_",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST467",
        "Google OAuth client secret",
        _re(_B + r"(?P<secret>GOCSPX-[A-Za-z0-9_-]{28})" + _E),
        ("GOCSPX-",),
    ),
    Detector(
        "BST467",
        "Google OAuth access token",
        _re(r"(?<![A-Za-z0-9_.-])(?P<secret>ya29\.[A-Za-z0-9_-]{50,})" + _E),
        ("ya29.",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST468",
        "Azure AD client secret",
        _re(r"(?<![A-Za-z0-9_~.-])(?P<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])"),
        ("Q~",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST469",
        "Shopify access token",
        _re(_B + r"(?P<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + _E),
        ("shpat_", "shpca_", "shppa_", "shpss_"),
    ),
    Detector(
        "BST470",
        "Mailgun API key",
        _re(_B + r"(?P<secret>key-[0-9a-f]{32})" + _E),
        ("key-",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST471",
        "Square access token",
        _re(_B + r"(?P<secret>(?:sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[A-Za-z0-9_-]{60}))" + _E),
        ("sq0atp-", "sq0csp-", "EAAA"),
        _not_all_lower_hex,
    ),
    Detector(
        "BST472",
        "DigitalOcean token",
        _re(_B + r"(?P<secret>do[opr]_v1_[a-f0-9]{64})" + _E),
        ("dop_v1_", "doo_v1_", "dor_v1_"),
    ),
    Detector(
        "BST473",
        "Discord webhook URL",
        _re(r"(?P<secret>https://(?:canary\.|ptb\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68})"),
        ("discord.com/api/webhooks", "discordapp.com/api/webhooks"),
    ),
    Detector(
        "BST473",
        "Discord bot token",
        _re(_B + r"(?P<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})" + _E),
        (),
        _not_all_lower_hex,
        anchor=r"[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.",
    ),
    Detector(
        "BST474",
        "Databricks access token",
        _re(_B + r"(?P<secret>dapi[a-f0-9]{32}(?:-\d)?)" + _E),
        ("dapi",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST475",
        "HashiCorp Vault token",
        _re(_B + r"(?P<secret>hv[sbr]\.[A-Za-z0-9_-]{90,250})" + _E),
        ("hvs.", "hvb.", "hvr."),
    ),
    Detector(
        "BST476",
        "Sentry auth token",
        _re(_B + r"(?P<secret>(?:sntrys_eyJ[A-Za-z0-9_=+/-]{60,}|sntryu_[a-f0-9]{64}))" + _E),
        ("sntrys_", "sntryu_"),
    ),
    Detector(
        "BST477",
        "age secret key",
        _re(r"(?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})"),
        ("AGE-SECRET-KEY-1",),
    ),
    Detector(
        "BST478",
        "Postman API key",
        _re(_B + r"(?P<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + _E),
        ("PMAK-",),
    ),
    Detector(
        "BST479",
        "New Relic API key",
        _re(_B + r"(?P<secret>NR(?:AK|AA|II|JS)-[A-Z0-9]{27})" + _E),
        ("NRAK-", "NRAA-", "NRII-", "NRJS-"),
    ),
    Detector(
        "BST480",
        "Linear API key",
        _re(_B + r"(?P<secret>lin_api_[A-Za-z0-9]{40})" + _E),
        ("lin_api_",),
    ),
    Detector(
        "BST481",
        "Grafana token",
        _re(_B + r"(?P<secret>(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}))" + _E),
        ("glc_", "glsa_"),
        _not_all_lower_hex,
    ),
    Detector(
        "BST491",
        "base64-encoded private key",
        _re(_B + r"(?P<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{100,}={0,2})" + _E),
        ("LS0tLS1CRUdJTi",),
        base64_private_key,
    ),
    Detector(
        "BST455",
        "Firebase Cloud Messaging server key",
        _re(_B + r"(?P<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})" + _E),
        (":APA91b",),
    ),
    Detector(
        "BST483",
        "Mailchimp API key",
        _re(r"(?<![0-9A-Za-z])(?P<secret>[0-9a-f]{32}-us\d{1,2})(?![0-9A-Za-z])"),
        ("-us",),
        _not_all_lower_hex,
    ),
    Detector(
        "BST484",
        "X (Twitter) bearer token",
        _re(_B + r"(?P<secret>A{20,22}[A-Za-z0-9%]{30,130})" + _E),
        ("AAAAAAAAAAAAAAAAAAAA",),
        _not_all_lower_hex,
        filler=True,
    ),
    Detector(
        "BST482",
        "Atlassian API token",
        _re(_B + r"(?P<secret>ATATT3[A-Za-z0-9_=-]{180,200})" + _E),
        ("ATATT3",),
    ),
)

# Multi-line or context-anchored detectors, run over the text rather than over single tokens.
PRIVATE_KEY = Detector(
    "BST491",
    "private key",
    _re(
        r"(?P<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
        r"(?:\\n|\\r|[^-]){40,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)"
    ),
    ("PRIVATE KEY",),
    private_key_body,
)
CREDENTIAL_URL = Detector(
    "BST492",
    "credential URL",
    _re(
        r"(?P<url>\b[a-zA-Z][a-zA-Z0-9+.-]{1,30}://(?P<user>[^\s:/@'\"<>{}$]{0,64}):"
        r"(?P<secret>[^\s:/@'\"<>{}]{3,128})@[A-Za-z0-9_.\[\]-]+)"
    ),
    ("://",),
)


@dataclass(frozen=True, slots=True)
class NamedDetector:
    """A provider credential recognised by the name it is assigned to and the value's shape (an AWS
    secret access key has no prefix of its own; it is 40 base64 characters under an AWS name)."""

    code: str
    kind: str
    name_words: tuple[frozenset[str], ...]  # the name must contain a word from each set
    value: LazyPattern


NAMED_DETECTORS: tuple[NamedDetector, ...] = (
    NamedDetector(
        "BST450", "AWS secret access key", (frozenset({"aws"}), frozenset({"secret", "sk"})), _re(r"[A-Za-z0-9/+]{40}")
    ),
    NamedDetector(
        "BST458", "Twilio auth token", (frozenset({"twilio"}), frozenset({"auth", "token"})), _re(r"[0-9a-f]{32}")
    ),
)

# Characters a provider token is made of: the detectors run on the lines of runs of them (at least
# MIN_TOKEN_RUN long) that hold an anchor.
TOKEN_CHARACTERS = string.ascii_letters + string.digits + "_+/=.:%~-"
MIN_TOKEN_RUN = 20


def literal_alternation(words: Iterable[str]) -> str:
    """A pattern that finds any of `words`, their common prefixes factored out (`A(?:KIA|SIA)`): the
    regular expression engine tries alternatives one by one, so a position where none can start
    then costs one test per distinct first character rather than one per word. A word that extends
    a shorter one is left out: wherever it occurs, the shorter one does."""
    tree: dict[str, dict] = {}
    for word in words:
        tree_node = tree
        for character in word:
            tree_node = tree_node.setdefault(character, {})
        tree_node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        if not node:
            return "(?!)"  # no words: never matches
        branches = [re.escape(character) + pattern(child) for character, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(tree)


# Keyword detectors are found through one alternation of their literal keywords; the few detectors
# anchored on a shape instead are tried only on runs holding two dots (their tokens have three parts).
TOKEN_ANCHOR = re.compile(literal_alternation(keyword for detector in DETECTORS if not detector.anchor for keyword in detector.keywords))
ANCHORS = {detector: LazyPattern(detector.anchor_pattern()) for detector in DETECTORS}
SHAPE_DETECTORS = tuple(detector for detector in DETECTORS if detector.anchor)
