"""The bundled CPython release table: consistent with itself and with the PEPs' dates; refreshed copies
preferred when newer and valid; refreshing over real HTTP from a loopback server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from packaging.version import Version

from bastion.interpreter import releases
from bastion.interpreter.releases import BUNDLED, TableError, load_table, parse_table, refresh_from_url

BUNDLED_DATA = json.loads(BUNDLED.read_text("utf-8"))


def test_bundled_table_is_dated_and_covers_27_and_36_to_314() -> None:
    table = load_table(cache_dir=Path("/nonexistent"))
    assert table.origin == "bundled" and table.as_of == date(2025, 6, 11)
    assert {"2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"} <= set(table.branches)
    assert any("2025-06-11" in note for note in BUNDLED_DATA["notes"])


@pytest.mark.parametrize(("minor", "end_of_life"), [
    ("2.7", date(2020, 1, 1)), ("3.6", date(2021, 12, 23)), ("3.7", date(2023, 6, 27)), ("3.8", date(2024, 10, 7)),
    ("3.9", date(2025, 10, 31)), ("3.10", date(2026, 10, 31)), ("3.11", date(2027, 10, 31)), ("3.12", date(2028, 10, 31)),
    ("3.13", date(2029, 10, 31)), ("3.14", date(2030, 10, 31)),
])
def test_end_of_life_dates_follow_the_peps(minor: str, end_of_life: date) -> None:
    assert load_table().branches[minor].end_of_life.value == end_of_life


def test_status_on_the_day_of_the_issue() -> None:
    table, today = load_table(), date(2026, 11, 22)
    status = {minor: branch.status(today) for minor, branch in table.branches.items()}
    assert status["3.9"] == status["3.10"] == "end-of-life"
    assert status["3.11"] == status["3.12"] == status["3.13"] == "security"
    assert status["3.14"] == "bugfix"


def test_every_advisory_is_fixed_no_later_than_its_branchs_latest_release() -> None:
    table = load_table()
    for advisory in table.advisories:
        assert advisory.id.startswith("CVE-") and advisory.summary
        for minor, fix in advisory.fixed.items():
            latest = table.branches[minor].latest
            assert latest is not None and fix <= latest, (advisory.id, minor)
        for minor in advisory.unfixed:
            assert table.branches[minor].is_end_of_life(table.as_of), (advisory.id, minor)


def test_advisories_fixed_after_3_11_7() -> None:
    fixed = {advisory.id: str(fix) for advisory, fix in load_table().fixed_later(Version("3.11.7"))}
    assert fixed["CVE-2023-6597"] == fixed["CVE-2024-0450"] == "3.11.8"
    assert fixed["CVE-2024-4032"] == fixed["CVE-2024-6232"] == fixed["CVE-2024-6923"] == "3.11.10"
    assert fixed["CVE-2024-7592"] == fixed["CVE-2024-8088"] == "3.11.10"
    assert fixed["CVE-2024-9287"] == "3.11.11" and fixed["CVE-2025-0938"] == "3.11.12"
    assert fixed["CVE-2025-4517"] == fixed["CVE-2025-4330"] == fixed["CVE-2025-4138"] == "3.11.13"
    assert fixed["CVE-2024-12718"] == fixed["CVE-2025-4435"] == "3.11.13"
    assert "CVE-2024-12254" not in fixed  # 3.12 and later only
    assert load_table().fixed_later(Version("3.11.13")) == []


def _table_document(as_of: str, latest_311: str = "3.11.14") -> dict:
    document = json.loads(json.dumps(BUNDLED_DATA))
    document["as_of"] = as_of
    document["branches"]["3.11"]["latest"] = latest_311
    return document


def test_a_newer_valid_copy_in_the_cache_is_preferred(tmp_path: Path) -> None:
    (tmp_path / "cpython.json").write_text(json.dumps(_table_document("2026-10-15")))
    table = load_table(cache_dir=tmp_path)
    assert table.as_of == date(2026, 10, 15) and table.branches["3.11"].latest == Version("3.11.14")


@pytest.mark.parametrize("content", ["{not json", json.dumps({"schema": 99}), json.dumps(_table_document("2020-01-01"))])
def test_a_broken_or_older_copy_in_the_cache_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / "cpython.json").write_text(content)
    assert load_table(cache_dir=tmp_path).origin == "bundled"


def test_inconsistent_tables_are_rejected() -> None:
    document = _table_document("2026-01-01", latest_311="3.12.1")
    with pytest.raises(TableError, match=r"not a 3\.11 release"):
        parse_table(document, "test")
    document = _table_document("2026-01-01")
    document["advisories"][0]["fixed"] = {"3.11": "3.10.1"}
    with pytest.raises(TableError, match="does not belong"):
        parse_table(document, "test")


# -- refreshing over HTTP --------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body or b"{}")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.routes = {
        "/new.json": json.dumps(_table_document("2026-11-01")).encode(),
        "/old.json": json.dumps(_table_document("2024-01-01")).encode(),
        "/garbage.json": b"<html>maintenance</html>",
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_refresh_stores_a_newer_table_atomically(server: str, tmp_path: Path) -> None:
    table = refresh_from_url(f"{server}/new.json", cache_dir=tmp_path)
    assert table.as_of == date(2026, 11, 1)
    assert load_table(cache_dir=tmp_path).as_of == date(2026, 11, 1)
    assert [p.name for p in tmp_path.iterdir()] == ["cpython.json"]


@pytest.mark.parametrize(("path", "error"), [("/garbage.json", "not a release table"), ("/missing.json", "Not Found"),
                                             ("/old.json", "older than the bundled")])
def test_a_failed_refresh_keeps_the_previous_table(server: str, tmp_path: Path, path: str, error: str) -> None:
    refresh_from_url(f"{server}/new.json", cache_dir=tmp_path)
    before = (tmp_path / "cpython.json").read_bytes()
    with pytest.raises(TableError, match=error):
        refresh_from_url(f"{server}{path}", cache_dir=tmp_path)
    assert (tmp_path / "cpython.json").read_bytes() == before


def test_refresh_refuses_plain_http_to_other_hosts(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="only https"):
        refresh_from_url("http://example.com/cpython.json", cache_dir=tmp_path)


def test_cache_directory_follows_bastion_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BASTION_CACHE_DIR", str(tmp_path))
    assert releases.cached_path() == tmp_path / "cpython.json"


def test_refresh_url_from_the_environment(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BASTION_CPYTHON_TABLE_URL", f"{server}/new.json")
    assert refresh_from_url(cache_dir=tmp_path).as_of == date(2026, 11, 1)
