"""Pull-request mode: which lines changed since a git revision (`--diff-base REV`)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from bastion.model import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def changed_lines(root: Path, revision: str) -> dict[str, set[int] | None]:
    """Absolute path -> changed line numbers in the working tree; None means the whole file is new."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    merge_base = _git(top, "merge-base", revision, "HEAD").strip() if revision != "HEAD" else "HEAD"
    changes: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in _git(top, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", merge_base, "--").splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else os.path.join(top, name[2:] if name.startswith("b/") else name)
            if current is not None:
                changes.setdefault(current, set())
        elif current is not None and (match := _HUNK.match(line)):
            start, length = int(match.group(1)), int(match.group(2) or 1)
            lines = changes[current]
            if lines is not None:
                lines.update(range(start, start + length))
    for name in _git(top, "ls-files", "--others", "--exclude-standard").splitlines():
        changes[os.path.join(top, name)] = None
    return changes


def only_changed(findings: list[Finding], changes: dict[str, set[int] | None]) -> list[Finding]:
    kept = []
    for finding in findings:
        lines = changes.get(os.path.abspath(finding.location.path), set())
        if lines is None:
            kept.append(finding)
            continue
        span = range(finding.location.line, (finding.location.end_line or finding.location.line) + 1)
        if any(number in lines for number in span):
            kept.append(finding)
    return kept
