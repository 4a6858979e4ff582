"""The values every stage passes along: rules, findings, locations, traces, fixes, diagnostics.

Everything here is a frozen dataclass or an enum, so values can cross process boundaries,
be cached, compared and hashed without surprises.
"""

from __future__ import annotations

import enum
import hashlib
import os
import re
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Confidence(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Confidence:
        return cls[text.strip().upper()]


class Practice(enum.IntEnum):
    """The eight practices; a rule code's first digit is its practice."""

    INTERPRETER = 1
    SECURE_CODING = 2
    ACCESS_CONTROL = 3
    DATA_PROTECTION = 4
    DATABASE = 5
    DEPENDENCIES = 6
    LOGGING = 7
    EDUCATION = 8

    @property
    def title(self) -> str:
        return _PRACTICE_TITLES[self]

    @property
    def slug(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, text: str) -> Practice:
        text = text.strip()
        if text.isdigit():
            return cls(int(text))
        return cls[text.upper().replace("-", "_")]


_PRACTICE_TITLES = {
    Practice.INTERPRETER: "Keep the interpreter up to date",
    Practice.SECURE_CODING: "Secure coding",
    Practice.ACCESS_CONTROL: "Role-based access control",
    Practice.DATA_PROTECTION: "Protect sensitive data",
    Practice.DATABASE: "Secure database access",
    Practice.DEPENDENCIES: "Keep dependencies updated",
    Practice.LOGGING: "Logging and monitoring",
    Practice.EDUCATION: "Educate developers",
}

OWASP_2021 = {
    "A01": "A01:2021-Broken Access Control",
    "A02": "A02:2021-Cryptographic Failures",
    "A03": "A03:2021-Injection",
    "A04": "A04:2021-Insecure Design",
    "A05": "A05:2021-Security Misconfiguration",
    "A06": "A06:2021-Vulnerable and Outdated Components",
    "A07": "A07:2021-Identification and Authentication Failures",
    "A08": "A08:2021-Software and Data Integrity Failures",
    "A09": "A09:2021-Security Logging and Monitoring Failures",
    "A10": "A10:2021-Server-Side Request Forgery",
}

RULE_CODE = re.compile(r"^BST[1-8]\d\d$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Docs:
    """A rule's documentation, in the fixed shape every rule follows."""

    what: str
    why: str
    example: str = ""
    instead: str = ""
    references: tuple[str, ...] = ()
    limitations: str = ""


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    name: str
    summary: str
    severity: Severity
    confidence: Confidence
    cwe: int | None = None
    owasp: str | None = None  # "A03" style key into OWASP_2021
    docs: Docs = field(default_factory=lambda: Docs(what="", why=""))
    fixable: bool = False
    default_enabled: bool = True

    def __post_init__(self) -> None:
        if not RULE_CODE.match(self.code):
            raise ValueError(f"bad rule code {self.code!r}")
        if not RULE_NAME.match(self.name):
            raise ValueError(f"bad rule name {self.name!r}")
        if self.owasp is not None and self.owasp not in OWASP_2021:
            raise ValueError(f"{self.code}: unknown OWASP category {self.owasp!r}")

    @property
    def practice(self) -> Practice:
        return Practice(int(self.code[3]))

    @property
    def owasp_title(self) -> str | None:
        return OWASP_2021.get(self.owasp) if self.owasp else None

    @property
    def help_uri(self) -> str:
        return f"https://bastion.dev/rules/{self.code}"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A span in a file; lines are 1-based, columns 0-based (like `ast`), end exclusive."""

    path: str
    line: int
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One hop of a data flow: where the value was and what happened to it there."""

    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two positions (line 1-based, column 0-based, character offsets)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    rule: RuleInfo
    message: str
    location: Location
    snippet: str = ""
    severity: Severity | None = None  # None: the rule's own
    confidence: Confidence | None = None
    trace: tuple[TraceStep, ...] = ()
    fix: Fix | None = None
    context: str = ""  # enclosing function or class, for fingerprints
    properties: tuple[tuple[str, str], ...] = ()  # extra key/values for reports

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def effective_severity(self) -> Severity:
        return self.severity if self.severity is not None else self.rule.severity

    @property
    def effective_confidence(self) -> Confidence:
        return self.confidence if self.confidence is not None else self.rule.confidence

    @property
    def fingerprint(self) -> str:
        return self.fingerprint_at(None)

    def fingerprint_at(self, root: str | os.PathLike[str] | None) -> str:
        """Stable across line moves and unrelated edits: rule, file (relative to the project root, so
        the working directory does not matter), enclosing scope and the normalised code line."""
        path = self.location.path
        if root is not None:
            absolute = os.path.abspath(path)
            relative = os.path.relpath(absolute, root)
            path = absolute if relative.startswith("..") else relative.replace(os.sep, "/")
        normalised = " ".join(self.snippet.split())
        key = "\x1f".join((self.rule.code, path, self.context, normalised))
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule.code, self.message)


class DiagnosticKind(enum.StrEnum):
    UNREADABLE = "unreadable"
    DECODE_ERROR = "decode-error"
    SYNTAX_ERROR = "syntax-error"
    TOO_DEEP = "too-deep"
    TOO_LARGE = "too-large"
    BINARY = "binary"
    BROKEN_SYMLINK = "broken-symlink"
    SYMLINK_LOOP = "symlink-loop"
    UNUSED_SUPPRESSION = "unused-suppression"
    CONFIG = "config"
    INTERNAL_ERROR = "internal-error"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something that stopped Bastion from analysing a file (or part of one) fully."""

    path: str
    kind: DiagnosticKind
    message: str
    line: int | None = None
    level: str = "warning"  # "error", "warning" or "note", as SARIF notifications
