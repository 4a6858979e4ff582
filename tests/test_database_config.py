"""Superuser database roles in configuration files outside Python (BST502's project analyzer)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_json, write_project


def test_superuser_roles_in_config_files_are_reported(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "alembic.ini": "[alembic]\nsqlalchemy.url = postgresql://postgres:s3cret@db/app\n# sqlalchemy.url = mysql://root@db/app\n",
            ".env": "DATABASE_URL=mysql+pymysql://root:pw@localhost/app\nDB_USER=postgres\nPOSTGRES_USER=postgres\n",
            "config.yaml": "database:\n  url: postgresql://app_user:pw@db/app\n  db_user: shop\n",
            "app.py": "print('hello')\n",
        },
    )
    _, report = run_json("check", str(tmp_path), "--isolated", "--select", "BST502")
    found = sorted((f["location"]["path"].rsplit("/", 1)[-1], f["location"]["line"]) for f in report["findings"])
    assert found == [(".env", 1), (".env", 2), ("alembic.ini", 2)]
    assert all("s3cret" not in f["snippet"] and "pw@" not in f["snippet"] for f in report["findings"])
