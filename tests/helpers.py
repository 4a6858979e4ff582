"""Small helpers shared by the tests: write a project, run the CLI in-process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import textwrap
from pathlib import Path

from bastion.cli import main

SHARED = next(
    (p for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")) if (p / "schemas").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
JSON_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schemas" / "bastion-report.schema.json"


def write_project(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    code, out, err = run_cli(*args, "--format", "json", "--no-cache", cwd=cwd)
    assert out, err
    return code, json.loads(out)
