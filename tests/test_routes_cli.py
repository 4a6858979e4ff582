"""`bastion routes` output formats and the routes in `bastion check` reports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from tests.helpers import run_cli, write_project

APPS = Path(__file__).parent / "apps"


def _copy(app: str, tmp_path: Path) -> Path:
    target = tmp_path / app
    shutil.copytree(APPS / app, target)
    return target


def test_routes_formats(tmp_path: Path) -> None:
    root = _copy("flask_blog", tmp_path)
    code, out, _ = run_cli("routes", str(root), "--format", "json", "--no-cache")
    rows = json.loads(out)["routes"]
    assert code == 0 and any(r["path"] == "/admin/reports/export" for r in rows)
    _, out, _ = run_cli("routes", str(root), "--format", "csv", "--no-cache")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["path", "methods", "handler", "guards", "roles", "verdict", "findings"] and len(table) == len(rows) + 1
    _, out, _ = run_cli("routes", str(root), "--format", "markdown", "--matrix", "--no-cache")
    assert out.splitlines()[0] == "| endpoint | anonymous | authenticated | admin |"
    assert "| DELETE /admin/users/<int:uid> | - | - | yes |" in out
    _, out, _ = run_cli("routes", str(root), "--no-cache")
    assert "/posts/<int:post_id>/like" in out and "BST301" in out


def test_check_reports_routes_in_json_and_sarif(tmp_path: Path) -> None:
    root = _copy("drf_tasks", tmp_path)
    code, out, _ = run_cli("check", str(root), "--format", "json", "--no-cache", "--select", "BST3")
    report = json.loads(out)
    assert code == 1
    assert any(r["handler"] == "tasks.views.TaskViewSet.create" for r in report["extras"]["routes"])
    assert {f["code"] if "code" in f else f["rule"]["code"] for f in report["findings"]} >= {"BST302"}
    _, out, _ = run_cli("check", str(root), "--format", "sarif", "--no-cache", "--select", "BST3")
    results = json.loads(out)["runs"][0]["results"]
    assert any(r["ruleId"] == "BST302" and "/api/users/" in r["message"]["text"] for r in results)


def test_hostile_files_do_not_break_the_inventory(tmp_path: Path) -> None:
    deep = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    write_project(tmp_path, {
        "app.py": "from flask import Flask\napp = Flask(__name__)\n@app.post('/x')\ndef x(): pass\n",
        "deep.py": deep, "bad.py": b"\xff\xfe def (:\n",
        "cycle.py": "from flask import Blueprint\nbp = Blueprint('b', __name__)\nbp.register_blueprint(bp)\n@bp.get('/y')\ndef y(): pass\n",
    })
    code, out, _ = run_cli("routes", str(tmp_path), "--format", "json", "--no-cache")
    paths = {r["path"] for r in json.loads(out)["routes"]}
    assert code == 0 and {"/x", "/y"} <= paths


def test_routes_settings_from_pyproject(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "pyproject.toml": """
            [tool.bastion.routes]
            public-routes = ["/hooks/*"]
            guards = ["edge_auth"]
            role-guards = { only_ops = ["ops"] }
        """,
        "app.py": """
            from flask import Flask
            from company.security import edge_auth, only_ops
            app = Flask(__name__)
            @app.post("/hooks/github")
            def github(): ...
            @app.post("/orders")
            @edge_auth
            def orders(): ...
            @app.delete("/admin/cache")
            @only_ops
            def flush(): ...
        """})
    _, out, _ = run_cli("routes", str(tmp_path), "--format", "json", "--no-cache")
    rows = {r["path"]: r for r in json.loads(out)["routes"]}
    assert rows["/hooks/github"]["verdict"] == "public (config)" and rows["/hooks/github"]["findings"] == []
    assert rows["/orders"]["access"] == "auth"
    assert (rows["/admin/cache"]["access"], rows["/admin/cache"]["roles"]) == ("role", ["ops"])
    code, _, err = run_cli("routes", str(tmp_path), "--no-cache", "--config", str(tmp_path / "missing.toml"))
    assert code == 2 or err
