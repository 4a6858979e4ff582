"""CVSS base scores: v3.0/v3.1 computed here per the specification; v4.0 through the `cvss` package."""

from __future__ import annotations

import math

from bastion.model import Severity

_V3_WEIGHTS = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "C": {"H": 0.56, "L": 0.22, "N": 0.0},
    "I": {"H": 0.56, "L": 0.22, "N": 0.0},
    "A": {"H": 0.56, "L": 0.22, "N": 0.0},
}
_V3_PRIVILEGES = {"U": {"N": 0.85, "L": 0.62, "H": 0.27}, "C": {"N": 0.85, "L": 0.68, "H": 0.5}}


def _roundup_31(value: float) -> float:
    """CVSS v3.1 Roundup: the smallest number, to one decimal, at least `value` (float-safe)."""
    integer = round(value * 100000)
    if integer % 10000 == 0:
        return integer / 100000.0
    return (math.floor(integer / 10000) + 1) / 10.0


def _roundup_30(value: float) -> float:
    return math.ceil(value * 10) / 10


def v3_base_score(vector: str) -> float | None:
    """The base score of a `CVSS:3.x/AV:../AC:../PR:../UI:../S:../C:../I:../A:..` vector; None if invalid."""
    parts = vector.strip().split("/")
    if not parts or parts[0] not in {"CVSS:3.0", "CVSS:3.1"}:
        return None
    roundup = _roundup_31 if parts[0] == "CVSS:3.1" else _roundup_30
    metrics = dict(part.split(":", 1) for part in parts[1:] if ":" in part)
    try:
        scope = metrics["S"]
        av, ac, ui = (_V3_WEIGHTS[key][metrics[key]] for key in ("AV", "AC", "UI"))
        pr = _V3_PRIVILEGES[scope][metrics["PR"]]
        c, i, a = (_V3_WEIGHTS[key][metrics[key]] for key in ("C", "I", "A"))
    except KeyError:
        return None
    iss = 1 - (1 - c) * (1 - i) * (1 - a)
    if scope == "U":
        impact = 6.42 * iss
    else:
        impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15
    exploitability = 8.22 * av * ac * pr * ui
    if impact <= 0:
        return 0.0
    if scope == "U":
        return roundup(min(impact + exploitability, 10))
    return roundup(min(1.08 * (impact + exploitability), 10))


def v4_base_score(vector: str) -> float | None:
    try:
        from cvss import CVSS4  # optional: the v4 scoring tables are large; the library carries them
    except ImportError:
        return None
    try:
        return float(CVSS4(vector).base_score)
    except Exception:  # the library raises its own error types for malformed vectors
        return None


def base_score(kind: str, vector: str) -> float | None:
    if kind == "CVSS_V3" or vector.startswith("CVSS:3"):
        return v3_base_score(vector)
    if kind == "CVSS_V4" or vector.startswith("CVSS:4"):
        return v4_base_score(vector)
    return None


def severity_for_score(score: float) -> Severity:
    """The CVSS qualitative rating (None 0.0 is reported as info)."""
    if score >= 9.0:
        return Severity.CRITICAL
    if score >= 7.0:
        return Severity.HIGH
    if score >= 4.0:
        return Severity.MEDIUM
    if score > 0.0:
        return Severity.LOW
    return Severity.INFO


_LABELS = {"low": Severity.LOW, "moderate": Severity.MEDIUM, "medium": Severity.MEDIUM, "high": Severity.HIGH, "critical": Severity.CRITICAL}


def severity_for_label(label: object) -> Severity | None:
    """A database's own severity (GitHub's `database_specific.severity`: LOW, MODERATE, HIGH, CRITICAL)."""
    return _LABELS.get(label.strip().lower()) if isinstance(label, str) else None
