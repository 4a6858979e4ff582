"""Baselines: record today's findings so that only new ones are reported from now on.

A baseline maps each finding's fingerprint (rule, file relative to the project root, enclosing
scope, normalised code line) to how many times it occurs. Fingerprints survive line moves and
unrelated edits; counting them means a second, identical finding in the same place is still new.
The file is sorted, stable JSON, one entry per fingerprint, so that it merges cleanly.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bastion.engine.cache import write_atomic
from bastion.model import Finding

FORMAT_VERSION = 1
DEFAULT_PATH = ".bastion-baseline.json"


class BaselineError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Baseline:
    counts: Counter[str]

    def split(self, findings: list[Finding], root: Path) -> tuple[list[Finding], list[Finding]]:
        """(new, known): the first N findings with a fingerprint the baseline holds N times are known."""
        remaining = Counter(self.counts)
        new, known = [], []
        for finding in sorted(findings, key=Finding.sort_key):
            key = finding.fingerprint_at(root)
            if remaining[key] > 0:
                remaining[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known


def _relative(path: str, root: Path) -> str:
    relative = os.path.relpath(os.path.abspath(path), root)
    return path if relative.startswith("..") else Path(relative).as_posix()


def to_data(findings: list[Finding], root: Path, tool_version: str) -> dict:
    entries: dict[str, dict] = {}
    for finding in findings:
        key = finding.fingerprint_at(root)
        entry = entries.setdefault(
            key,
            {"fingerprint": key, "code": finding.rule.code, "path": _relative(finding.location.path, root), "count": 0, "message": finding.message},
        )
        entry["count"] += 1
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    return {"bastion_baseline": FORMAT_VERSION, "tool_version": tool_version, "findings": ordered}


def write(path: Path, findings: list[Finding], root: Path, tool_version: str) -> int:
    data = to_data(findings, root, tool_version)
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return len(data["findings"])


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found (create it with `bastion baseline -o {path}`)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a readable baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("bastion_baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a Bastion baseline (format {FORMAT_VERSION})")
    counts: Counter[str] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) or not isinstance(entry.get("count", 1), int):
            raise BaselineError(f"{path}: malformed entry {entry!r}")
        counts[entry["fingerprint"]] += entry.get("count", 1)
    return Baseline(counts)
