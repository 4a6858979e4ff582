"""The OSV API as an advisory service: `querybatch` for ids, then each advisory's full record."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bastion.deps.advisories import Package
from bastion.deps.advisories.http import JsonCache, request_json
from bastion.deps.advisories.records import advisory_for_package
from bastion.deps.model import Advisory

DEFAULT_URL = "https://api.osv.dev"
BATCH = 1000
QUERY_TTL = 3600  # query answers change as advisories are published; records are cached by `modified`


class OsvService:
    name = "osv"

    def __init__(self, base_url: str = DEFAULT_URL, cache_dir: Path | None = None, workers: int = 8) -> None:
        self.base_url = base_url.rstrip("/")
        self.queries = JsonCache(cache_dir / "osv-queries" if cache_dir else None, QUERY_TTL)
        self.records = JsonCache(cache_dir / "osv-records" if cache_dir else None, None)
        self.workers = workers

    def _query(self, packages: Sequence[Package]) -> dict[Package, list[tuple[str, str]]]:
        """(id, modified) of the advisories the service lists for each package, following page tokens."""
        found: dict[Package, list[tuple[str, str]]] = {}
        pending = []
        for package in packages:
            cached = self.queries.get(f"{self.base_url}|{package[0]}|{package[1]}")
            if cached is not None:
                found[package] = [tuple(item) for item in cached]
            else:
                found[package] = []
                pending.append((package, None))
        while pending:
            chunk, pending = pending[:BATCH], pending[BATCH:]
            queries = [
                {"package": {"name": name, "ecosystem": "PyPI"}, "version": version, **({"page_token": token} if token else {})}
                for (name, version), token in chunk
            ]
            answer = request_json(f"{self.base_url}/v1/querybatch", {"queries": queries})
            results = answer.get("results", []) if isinstance(answer, dict) else []
            for (package, _), result in zip(chunk, results, strict=False):
                result = result if isinstance(result, dict) else {}
                for vuln in result.get("vulns") or []:
                    if isinstance(vuln, dict) and isinstance(vuln.get("id"), str):
                        found[package].append((vuln["id"], str(vuln.get("modified", ""))))
                if result.get("next_page_token"):
                    pending.append((package, result["next_page_token"]))
        for package in packages:
            self.queries.put(f"{self.base_url}|{package[0]}|{package[1]}", found[package])
        return found

    def _record(self, identifier: tuple[str, str]) -> dict | None:
        key = f"{identifier[0]}@{identifier[1]}"
        record = self.records.get(key)
        if record is None:
            record = request_json(f"{self.base_url}/v1/vulns/{identifier[0]}")
            self.records.put(key, record)
        return record if isinstance(record, dict) else None

    def lookup(self, packages: Sequence[Package]) -> dict[Package, list[Advisory]]:
        listed = self._query(packages)
        identifiers = sorted({item for items in listed.values() for item in items})
        with ThreadPoolExecutor(self.workers) as pool:
            records = dict(zip(identifiers, pool.map(self._record, identifiers), strict=True))
        result = {}
        for package, items in listed.items():
            chosen = [records[item] for item in items if records.get(item) and not records[item].get("withdrawn")]
            result[package] = [advisory_for_package(record, package[0]) for record in chosen]
        return result
