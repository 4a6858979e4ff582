"""Loopback HTTP servers speaking the OSV API, the PyPI JSON API and OSV's dump download, serving a
snapshot; matching is the oracle's (as a real service would do its own). For tests and benchmarks."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deps_oracle import SNAPSHOT_2026, Oracle
from packaging.utils import canonicalize_name

LATEST = {"requests": "2.32.4", "django": "5.2.4", "urllib3": "2.5.0", "flask": "3.1.1", "jinja2": "3.1.6"}


class Snapshot:
    def __init__(self, snapshot: Path = SNAPSHOT_2026, oracle: Oracle | None = None) -> None:
        self.path = snapshot
        self.oracle = oracle or Oracle(snapshot)
        self.by_id = {record["id"]: record for items in self.oracle.by_name.values() for record, _ in items}
        self.requests: list[str] = []
        self.page_size: int | None = None  # querybatch pages of this many ids, like osv.dev's


def _handler(snapshot: Snapshot):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, value, status: int = 200) -> None:
            self._send(status, json.dumps(value).encode())

        def do_GET(self) -> None:
            snapshot.requests.append(f"GET {self.path}")
            if self.path == "/PyPI/all.zip":
                self._send(200, snapshot.path.read_bytes(), "application/zip")
            elif match := re.fullmatch(r"/v1/vulns/([^/]+)", self.path):
                record = snapshot.by_id.get(match.group(1))
                self._json(record if record else {"code": 5, "message": "Bug not found."}, 200 if record else 404)
            elif match := re.fullmatch(r"/pypi/([^/]+)/([^/]+)/json", self.path):
                self._pypi_release(match.group(1), match.group(2))
            elif match := re.fullmatch(r"/pypi/([^/]+)/json", self.path):
                name = canonicalize_name(match.group(1))
                if name in LATEST:
                    self._json({"info": {"name": name, "version": LATEST[name]}, "releases": {}})
                else:
                    self._json({"message": "Not Found"}, 404)
            else:
                self._json({"message": "Not Found"}, 404)

        def _pypi_release(self, name: str, version: str) -> None:
            vulnerabilities = []
            for record in snapshot.oracle.records(name, version):
                fixes = sorted({
                    e["fixed"] for a in record["affected"] if canonicalize_name(a["package"]["name"]) == canonicalize_name(name)
                    for r in a.get("ranges") or [] if r["type"] == "ECOSYSTEM" for e in r["events"] if "fixed" in e
                })
                vulnerabilities.append({
                    "aliases": record.get("aliases") or [], "details": record.get("details", ""), "summary": record.get("summary"),
                    "fixed_in": fixes, "id": record["id"], "link": f"https://osv.dev/vulnerability/{record['id']}",
                    "source": "osv", "withdrawn": None,
                })
            self._json({"info": {"name": name, "version": version}, "urls": [], "vulnerabilities": vulnerabilities})

        def do_POST(self) -> None:
            snapshot.requests.append(f"POST {self.path}")
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/v1/querybatch":
                results = []
                for query in body.get("queries", []):
                    records = snapshot.oracle.records(query["package"]["name"], query["version"])
                    start = int(query.get("page_token") or 0)
                    size = snapshot.page_size or len(records)
                    page = records[start : start + size]
                    result = {"vulns": [{"id": r["id"], "modified": r["modified"]} for r in page]} if page else {}
                    if start + size < len(records):
                        result["next_page_token"] = str(start + size)
                    results.append(result)
                self._json({"results": results})
            elif self.path == "/v1/query":  # pip-audit's endpoint: full records
                records = snapshot.oracle.records(body["package"]["name"], body["version"])
                self._json({"vulns": records} if records else {})
            else:
                self._json({"message": "Not Found"}, 404)

    return Handler


class LoopbackServer:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(snapshot))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
