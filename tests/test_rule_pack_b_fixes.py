"""The mechanical fixes of rule pack B produce the intended, still-valid code."""

from __future__ import annotations

import ast

import pytest

from bastion.config import Config
from bastion.engine.runner import check_text
from bastion.fix.apply import apply_edits


def fixed(source: str, code: str) -> str:
    findings = [f for f in check_text(source, path="app.py", config=Config(select=(code,))) if f.fix]
    assert findings, f"{code} offered no fix"
    edits = [edit for finding in findings for edit in finding.fix.edits]
    result = apply_edits(source, edits)
    ast.parse(result)
    return result


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        (
            "BST418",
            'from flask import make_response\nr = make_response("ok")\nr.set_cookie("session_id", sid)\n',
            'r.set_cookie("session_id", sid, secure=True, httponly=True, samesite="Lax")',
        ),
        (
            "BST418",
            'from flask import make_response\nr = make_response("ok")\nr.set_cookie("sid", sid, httponly=True)\n',
            'r.set_cookie("sid", sid, httponly=True, secure=True, samesite="Lax")',
        ),
        ("BST412", "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n", "ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)"),
        (
            "BST412",
            "import ssl\ndef serve(sock):\n    server_ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv3)\n",
            "ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
        ),
        ("BST412", "import ssl\nctx.minimum_version = ssl.TLSVersion.TLSv1\n", "ssl.TLSVersion.TLSv1_2"),
        (
            "BST414",
            "import paramiko\nc = paramiko.SSHClient()\nc.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n",
            "paramiko.RejectPolicy()",
        ),
        ("BST410", "import aiohttp\nconn = aiohttp.TCPConnector(limit=5, ssl=False)\n", "aiohttp.TCPConnector(limit=5)"),
    ],
)
def test_fix(code: str, before: str, after: str) -> None:
    assert after in fixed(before, code)


@pytest.mark.parametrize(
    ("code", "source"),
    [
        ("BST419", 'import psycopg2\nconn = psycopg2.connect(host="db", password="Sup3rS3cretValue")\n'),
        ("BST419", 'import sqlalchemy\ne = sqlalchemy.create_engine("postgresql://app:Sup3rS3cretValue@db/app")\n'),
        ("BST341", 'INSTALLED_APPS = []\nSECRET_KEY = "Sup3rS3cretValue-0123456789"\n'),
        ("BST347", 'from flask import Flask\napp = Flask(__name__)\napp.secret_key = "Sup3rS3cretValue"\n'),
    ],
)
def test_secrets_are_masked(code: str, source: str) -> None:
    (finding,) = check_text(source, path="app.py", config=Config(select=(code,)))
    assert "Sup3rS3cretValue" not in finding.snippet + finding.message
    assert ("redacted", "true") in finding.properties
