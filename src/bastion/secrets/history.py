"""`bastion secrets --history`: secrets in the lines every commit added (`git log -p`), and whether
each is still in the working tree or was removed since (a removed secret still needs rotating)."""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bastion.secrets import files
from bastion.secrets.analyzer import is_fixture
from bastion.secrets.redact import redact
from bastion.secrets.scanner import Options, scan_text

_COMMIT = "\x00commit "
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


class HistoryError(Exception):
    """git is missing, or the path is not inside a repository."""


@dataclass(frozen=True, slots=True)
class HistoryHit:
    code: str
    kind: str
    redacted: str
    path: str
    line: int
    commit: str
    date: str
    present: bool  # still in the working tree
    commits: int = 1  # how many commits added this same value to this file
    low_confidence: bool = False  # a test fixture, documentation, or a doubtful value

    def to_data(self) -> dict[str, object]:
        return {
            "code": self.code, "kind": self.kind, "value": self.redacted, "path": self.path,
            "line": self.line, "commit": self.commit, "date": self.date,
            "status": "present" if self.present else "removed", "commits": self.commits,
            "confidence": "low" if self.low_confidence else "normal",
        }


@dataclass(slots=True)
class _Block:
    """Consecutive added lines of one hunk."""

    commit: str
    date: str
    path: str
    start: int
    lines: list[str]


def git_log(root: Path) -> Iterator[str]:
    """Lines of `git log -p` over every ref; no shell, no external diff drivers or text conversion."""
    argv = [
        "git", "-C", str(root), "-c", "core.quotepath=off", "log", "--all", "-p", "-U0", "--no-color",
        "--no-ext-diff", "--no-textconv", "--no-renames", "--diff-filter=AMC", "--format=%x00commit %H %aI",
    ]
    try:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    except OSError as error:
        raise HistoryError(f"cannot run git: {error.strerror or error}") from None
    assert process.stdout is not None
    try:
        for raw in process.stdout:
            yield raw.decode("utf-8", errors="replace").rstrip("\n")
    finally:
        process.stdout.close()
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        if process.wait() != 0:
            raise HistoryError(stderr.strip() or "git log failed")


def added_blocks(lines: Iterable[str]) -> Iterator[_Block]:
    commit = date = ""
    path: str | None = None
    block: _Block | None = None
    next_line = 0
    for line in lines:
        if line.startswith(_COMMIT):
            commit, _, date = line[len(_COMMIT) :].partition(" ")
            path = None
        elif line.startswith("diff --git "):
            path = None
        elif line.startswith("+++ ") and block is None:
            target = line[4:].strip().strip('"')
            path = target[2:] if target.startswith("b/") else None
        elif (hunk := _HUNK.match(line)) is not None:
            next_line = int(hunk.group(1))
        elif line.startswith("+") and path is not None:
            if block is None:
                block = _Block(commit, date, path, next_line, [])
            block.lines.append(line[1:])
            next_line += 1
            continue
        elif line.startswith(" "):
            next_line += 1
        if block is not None:
            yield block
            block = None
    if block is not None:
        yield block


def scan_history(
    root: Path, options: Options, lines: Iterable[str] | None = None, exclude: tuple[str, ...] = ()
) -> list[HistoryHit]:
    """One entry per secret value and file, at the oldest commit that added it. `exclude`: globs of
    paths (relative to the repository) not to scan, as in `[tool.bastion.secrets] exclude`."""
    found: dict[tuple[str, str, str], HistoryHit] = {}
    current: dict[str, str | None] = {}
    for block in added_blocks(git_log(root) if lines is None else lines):
        if files.skip_reason(block.path) or any(fnmatch.fnmatch(block.path, glob) or fnmatch.fnmatch(os.path.basename(block.path), glob) for glob in exclude):
            continue
        text = "\n".join(block.lines)
        for hit in scan_text(text, files.kind_of(block.path), options):
            key = (block.path, hit.code, hit.value)
            earlier = found.get(key)
            present = hit.value in (_working_copy(root, block.path, current) or "")
            entry = HistoryHit(
                hit.code, hit.kind, redact(hit.value), block.path, block.start + hit.line - 1,
                block.commit, block.date, present, (earlier.commits + 1) if earlier else 1,
                hit.confidence == "low" or is_fixture(block.path),
            )
            found[key] = entry  # git log lists newest first: the last one seen is the oldest
    return sorted(found.values(), key=lambda h: (h.low_confidence, h.present, h.date, h.path, h.line))


def _working_copy(root: Path, path: str, cache: dict[str, str | None]) -> str | None:
    if path not in cache:
        target = os.path.join(root, path)
        try:
            with open(target, "rb") as handle:
                cache[path] = files.decode(handle.read(8 * 1024 * 1024)) if os.path.isfile(target) else None
        except OSError:
            cache[path] = None
    return cache[path]


def repository_root(path: Path) -> Path:
    try:
        output = subprocess.run(
            ["git", "-C", str(path if path.is_dir() else path.parent), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
        )
    except OSError as error:
        raise HistoryError(f"cannot run git: {error.strerror or error}") from None
    if output.returncode != 0:
        raise HistoryError(f"{path} is not inside a git repository")
    return Path(output.stdout.strip())


def render_text(hits: list[HistoryHit]) -> str:
    if not hits:
        return "No secrets found in the history.\n"
    rows = []
    for hit in hits:
        status = "present" if hit.present else "removed: rotate it"
        doubt = " (low confidence: test, documentation or doubtful value)" if hit.low_confidence else ""
        rows.append(f"{hit.commit[:12]}  {hit.date[:10]}  {hit.path}:{hit.line}  {hit.code}  {hit.kind} {hit.redacted}  [{status}]{doubt}")
    removed = sum(not hit.present for hit in hits)
    rows.append(f"\n{len(hits)} secrets in the history; {removed} removed since (still valid until rotated), {len(hits) - removed} still present.")
    return "\n".join(rows) + "\n"
