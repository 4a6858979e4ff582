"""The per-file cache: results keyed by content hash, tool version, effective config and rule set.

Entries are JSON (never pickle: a cache directory inside a scanned repository is untrusted input),
written atomically. Any unreadable or malformed entry is simply a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

CACHE_VERSION = "1"
STALE_AFTER_DAYS = 30  # entries neither read nor written for this long are removed
_PRUNE_EVERY_SECONDS = 24 * 3600
_GITIGNORE = "# Created by bastion: the cache never belongs in version control.\n*\n"


def default_directory(root: Path) -> Path:
    return root / ".bastion_cache"


class Cache:
    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self.salt = salt
        self._entries = directory / f"v{CACHE_VERSION}"
        self._ready = False

    def key(self, *parts: str) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.salt.encode())
        for part in parts:
            digest.update(b"\x1f")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self._entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                value = json.load(handle)
        except (OSError, ValueError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: not stale
        return value

    def put(self, key: str, value: Any) -> bool:
        """Store an entry; False when it could not be (not plain JSON, or a read-only directory)."""
        try:
            text = json.dumps(value, separators=(",", ":"))
        except (TypeError, ValueError):
            return False  # not plain JSON data (an analyzer kept bytes, say): that entry is simply not cached
        try:
            self._prepare()
            target = self._path(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text, durable=False)
        except OSError:
            return False  # a read-only checkout still scans, just without a cache
        return True

    def _prepare(self) -> None:
        if self._ready:
            return
        self._entries.mkdir(parents=True, exist_ok=True)
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, _GITIGNORE)
        self._ready = True
        self.prune()

    def prune(self, now: float | None = None) -> int:
        """Remove entries unused for STALE_AFTER_DAYS (scans of other file sets, old versions of
        files), at most once a day; returns how many were removed."""
        now = time.time() if now is None else now
        marker = self._entries / ".pruned"
        try:
            if now - marker.stat().st_mtime < _PRUNE_EVERY_SECONDS:
                return 0
        except OSError:
            pass
        removed = 0
        cutoff = now - STALE_AFTER_DAYS * 24 * 3600
        with contextlib.suppress(OSError):
            marker.touch()
            os.utime(marker, (now, now))
            for bucket in os.scandir(self._entries):
                if not bucket.is_dir(follow_symlinks=False):
                    continue
                for entry in os.scandir(bucket.path):
                    if entry.name.endswith(".json") and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed += 1
        return removed


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path, text: str, encoding: str = "utf-8", *, durable: bool = True) -> None:
    """Write a file so that readers see the old content or the new, never a torn one."""
    path = Path(path)
    import tempfile

    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
