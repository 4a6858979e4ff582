"""`bastion db update`: records from a dump (downloaded, a local zip or a directory) into a fresh
SQLite database, which then replaces the previous one atomically. Any failure keeps the old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bastion.deps.advisories.archive import DEFAULT_LIMITS, ArchiveError, Limits, directory_records, zip_records
from bastion.deps.advisories.database import Writer, now_iso
from bastion.deps.advisories.validation import parsed

DEFAULT_URL = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"
DOWNLOAD_TIMEOUT = 60
MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024


class UpdateError(Exception):
    pass


@dataclass(slots=True)
class BuildReport:
    path: Path
    source: str
    advisories: int = 0
    withdrawn: int = 0
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (entry, reason)
    other_ecosystems: int = 0
    seconds: float = 0.0


def records_from(source: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, bytes]]:
    if source.is_dir():
        return directory_records(source, limits)
    if source.is_file():
        return zip_records(source, limits)
    raise UpdateError(f"--source {source}: no such file or directory")


def build(records: Iterator[tuple[str, bytes]], target: Path, source_label: str,
          on_record: Callable[[], None] | None = None) -> BuildReport:
    """Build a database from records next to `target`, then move it over `target` atomically."""
    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(handle)
    report = BuildReport(target, source_label)
    writer = Writer(Path(temporary))
    try:
        for name, data in records:
            _add_record(writer, report, name, *parsed(data))
            if on_record:
                on_record()
        if report.advisories == 0:
            raise UpdateError(f"{source_label} holds no valid PyPI advisories; keeping the previous database")
        writer.finish({
            "source": source_label, "built_at": now_iso(), "advisories": str(report.advisories),
            "withdrawn": str(report.withdrawn), "invalid": str(len(report.invalid)),
        })
        os.replace(temporary, target)
    except ArchiveError as error:
        writer.abort()
        _remove(temporary)
        raise UpdateError(str(error)) from None
    except BaseException:
        writer.abort()
        _remove(temporary)
        raise
    report.seconds = time.perf_counter() - started
    return report


def _add_record(writer: Writer, report: BuildReport, name: str, record: dict | None, reason: str | None) -> None:
    if record is None:
        report.invalid.append((name, reason or "invalid record"))
        return
    if record.get("withdrawn"):
        report.withdrawn += 1
        return
    if writer.add(record):
        report.advisories += 1
    else:
        report.other_ecosystems += 1


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def check_url(url: str) -> None:
    """HTTPS only, except plain HTTP to this machine (test servers, local mirrors)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost", "::1"}:
        return
    raise UpdateError(f"refusing to download advisories over {parts.scheme or 'an unknown scheme'}: {url} (use https)")


def download(url: str, directory: Path, on_progress: Callable[[int, int | None], None] | None = None) -> Path:
    """Download the dump into a temporary file in `directory`; the caller removes it."""
    check_url(url)
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="osv-download.", suffix=".zip", dir=directory)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "bastion-security"})
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response, os.fdopen(handle, "wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            received = 0
            while chunk := response.read(1 << 16):
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise UpdateError(f"download exceeds {MAX_DOWNLOAD_BYTES} bytes")
                out.write(chunk)
                if on_progress:
                    on_progress(received, total)
        return Path(temporary)
    except OSError as error:
        _remove(temporary)
        raise UpdateError(f"cannot download {url}: {getattr(error, 'reason', None) or error}") from None
    except BaseException:
        _remove(temporary)
        raise
