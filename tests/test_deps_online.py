"""The online services over real HTTP, against loopback servers speaking the OSV and PyPI protocols
and serving the 2026 snapshot; the dump download of `bastion db update` too."""

from __future__ import annotations

import json

import pytest
from deps_helpers import EVAL, database_2026, oracle_2026
from deps_oracle import SNAPSHOT_2024
from deps_servers import LoopbackServer, Snapshot

from bastion.cli import main
from bastion.deps.advisories import ServiceError
from bastion.deps.advisories.database import AdvisoryDatabase
from bastion.deps.advisories.osv_api import OsvService
from bastion.deps.advisories.pypi_api import PypiService
from bastion.deps.audit import merge_aliases
from bastion.deps.matching import parse_version

PACKAGES = [("django", "2.2.0"), ("urllib3", "1.24.1"), ("jinja2", "2.10"), ("six", "1.16.0"), ("pyyaml", "5.3")]


@pytest.fixture(scope="module")
def server():
    with LoopbackServer(Snapshot(oracle=oracle_2026())) as running:
        yield running


def _flaws(found):
    return {key: {frozenset(v.ids): v.fix for v in merge_aliases(advisories, parse_version(key[1]))} for key, advisories in found.items()}


def test_osv_service_equals_the_local_database(server, tmp_path):
    service = OsvService(server.url, cache_dir=tmp_path)
    online = service.lookup(PACKAGES)
    database = AdvisoryDatabase(database_2026())
    try:
        local = database.lookup(PACKAGES)
    finally:
        database.close()
    assert _flaws(online) == _flaws({k: local.get(k, []) for k in PACKAGES})
    assert online[("six", "1.16.0")] == []
    assert any(r.startswith("POST /v1/querybatch") for r in server.snapshot.requests)
    assert any(r.startswith("GET /v1/vulns/") for r in server.snapshot.requests)


def test_osv_querybatch_pages_are_followed(server, tmp_path, monkeypatch):
    monkeypatch.setattr(server.snapshot, "page_size", 3)
    paged = OsvService(server.url, cache_dir=tmp_path).lookup([("django", "2.2.0")])[("django", "2.2.0")]
    assert len(paged) == len(oracle_2026().records("django", "2.2.0")) > 3


def test_osv_records_are_cached(server, tmp_path):
    OsvService(server.url, cache_dir=tmp_path).lookup(PACKAGES[:1])
    before = len(server.snapshot.requests)
    again = OsvService(server.url, cache_dir=tmp_path).lookup(PACKAGES[:1])
    assert len(server.snapshot.requests) == before  # answered from the disk cache
    assert again[PACKAGES[0]]


def test_pypi_service_reports_ids_aliases_and_fixes(server, tmp_path):
    found = PypiService(server.url, cache_dir=tmp_path).lookup(PACKAGES)
    oracle = oracle_2026()
    for name, version in PACKAGES:
        assert {a.id for a in found[(name, version)]} == {r["id"] for r in oracle.records(name, version)}
    flaws = _flaws(found)[("urllib3", "1.24.1")]
    assert flaws == oracle.audit("urllib3", "1.24.1")


def test_services_refuse_plain_http_off_this_machine():
    with pytest.raises(ServiceError):
        OsvService("http://example.com").lookup([("django", "2.2.0")])


def test_unreachable_service_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BASTION_CACHE_DIR", str(tmp_path))
    code = main(["deps", str(EVAL / "requirements" / "requirements.txt"), "--service", "osv", "--osv-url", "http://127.0.0.1:9"])
    assert code == 2
    assert "advisory service failed" in capsys.readouterr().err


@pytest.mark.parametrize("service", ["osv", "pypi"])
def test_deps_command_with_an_online_service(server, tmp_path, capsys, monkeypatch, service):
    monkeypatch.setenv("BASTION_CACHE_DIR", str(tmp_path))
    url_option = "--osv-url" if service == "osv" else "--pypi-url"
    code = main(["deps", str(EVAL / "pyproject" / "pyproject.toml"), "--service", service, url_option, server.url, "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["service"] == service
    vulnerable = {(row["name"], row["version"]) for row in data["dependencies"] if row["status"] == "vulnerable"}
    expected = {(row["name"], row["version"]) for row in data["dependencies"] if oracle_2026().records(row["name"], row["version"])}
    assert vulnerable == expected and vulnerable


def test_outdated_pins_from_the_pypi_json_api(server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BASTION_CACHE_DIR", str(tmp_path))
    (tmp_path / "requirements.txt").write_text("requests==2.19.0\nflask==3.1.1\nunknown-package==1.0\n")
    code = main(["deps", str(tmp_path / "requirements.txt"), "--db", str(database_2026()), "--outdated", "--pypi-url", server.url, "-f", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    outdated = [f for f in findings if f["code"] == "BST605"]
    assert code == 1
    assert [(f["location"]["line"], f["message"]) for f in outdated] == [
        (1, "requests 2.19.0 is behind the latest release, 2.32.4."),
    ]


def test_db_update_downloads_the_dump(server, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(server.snapshot, "path", SNAPSHOT_2024)  # the smaller dump: same layout, faster
    target = tmp_path / "db.sqlite3"
    code = main(["db", "update", "--url", f"{server.url}/PyPI/all.zip", "--db", str(target), "--no-progress"])
    assert code == 0, capsys.readouterr().err
    database = AdvisoryDatabase(target)
    status = database.status()
    database.close()
    assert status.source.endswith("/PyPI/all.zip") and status.advisories > 2500 and status.withdrawn_skipped == 10
    assert not [p for p in tmp_path.iterdir() if p.name != "db.sqlite3"]  # the download is removed


def test_db_update_refuses_plain_http_off_this_machine(tmp_path, capsys):
    code = main(["db", "update", "--url", "http://example.com/all.zip", "--db", str(tmp_path / "db.sqlite3")])
    assert code == 2
    assert "https" in capsys.readouterr().err
