"""The PyPI JSON API as an advisory service (`/pypi/<name>/<version>/json` `vulnerabilities`) and
as the source of latest releases for `--outdated` (`/pypi/<name>/json`)."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bastion.deps.advisories import Package, ServiceError
from bastion.deps.advisories.http import JsonCache, NotFound, request_json
from bastion.deps.model import Advisory

DEFAULT_URL = "https://pypi.org"
TTL = 3600


class PypiService:
    name = "pypi"

    def __init__(self, base_url: str = DEFAULT_URL, cache_dir: Path | None = None, workers: int = 8) -> None:
        self.base_url = base_url.rstrip("/")
        self.cache = JsonCache(cache_dir / "pypi" if cache_dir else None, TTL)
        self.workers = workers
        self.missing: list[Package] = []  # releases PyPI does not know

    def _get(self, path: str) -> dict | None:
        url = f"{self.base_url}{path}"
        cached = self.cache.get(url)
        if cached is not None:
            return cached or None
        try:
            data = request_json(url)
        except NotFound:
            data = {}
        self.cache.put(url, data)
        return data if isinstance(data, dict) and data else None

    def _vulnerabilities(self, package: Package) -> list[Advisory]:
        name, version = package
        data = self._get(f"/pypi/{name}/{version}/json")
        if data is None:
            self.missing.append(package)
            return []
        advisories = []
        for item in data.get("vulnerabilities") or []:
            if not isinstance(item, dict) or item.get("withdrawn") or not isinstance(item.get("id"), str):
                continue
            advisories.append(Advisory(
                item["id"], tuple(a for a in item.get("aliases") or [] if isinstance(a, str)),
                str(item.get("summary") or ""), str(item.get("details") or ""),
                fixed=tuple(str(v) for v in item.get("fixed_in") or []),
                references=(item["link"],) if isinstance(item.get("link"), str) else (),
            ))
        return advisories

    def lookup(self, packages: Sequence[Package]) -> dict[Package, list[Advisory]]:
        with ThreadPoolExecutor(self.workers) as pool:
            return dict(zip(packages, pool.map(self._vulnerabilities, packages), strict=True))

    def latest(self, names: Sequence[str]) -> dict[str, str | None]:
        """The latest release of each package, as PyPI's project page names it (None: unknown)."""

        def one(name: str) -> str | None:
            try:
                data = self._get(f"/pypi/{name}/json")
            except ServiceError:
                return None
            version = (data or {}).get("info", {}).get("version")
            return version if isinstance(version, str) else None

        with ThreadPoolExecutor(self.workers) as pool:
            return dict(zip(names, pool.map(one, names), strict=True))
