"""Small HTTP client for the online advisory services: JSON over HTTPS, a disk cache, timeouts."""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from bastion.deps.advisories import ServiceError

TIMEOUT = 30
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class NotFound(ServiceError):
    pass


def check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK):
        return
    raise ServiceError(f"refusing to use {url}: only https (or http to this machine) is allowed")


def request_json(url: str, body: Any = None) -> Any:
    check_url(url)
    data = None if body is None else json.dumps(body).encode()
    headers = {"User-Agent": "bastion-security", "Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            payload = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise NotFound(f"{url}: not found") from None
        raise ServiceError(f"{url}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        raise ServiceError(f"{url}: {getattr(error, 'reason', None) or error}") from None
    if len(payload) > MAX_RESPONSE_BYTES:
        raise ServiceError(f"{url}: response too large")
    try:
        return json.loads(payload)
    except ValueError:
        raise ServiceError(f"{url}: response is not JSON") from None


class JsonCache:
    """JSON values on disk under a key, each valid for `ttl` seconds (None: forever)."""

    def __init__(self, directory: Path | None, ttl: float | None) -> None:
        self.directory = directory
        self.ttl = ttl

    def _path(self, key: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / (hashlib.sha256(key.encode()).hexdigest() + ".json")

    def get(self, key: str) -> Any:
        path = self._path(key)
        if path is None:
            return None
        try:
            if self.ttl is not None and time.time() - path.stat().st_mtime > self.ttl:
                return None
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(value), "utf-8")
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
