"""Superuser database connections configured outside Python: alembic.ini, .env files, YAML, TOML.

A project analyzer (not a pattern rule): it reads the project's configuration files and reports under
the `db-superuser-connection` rule (BST502) that checks Python code.
"""

from __future__ import annotations

import os
import re

from bastion.engine.analysis import Project, ProjectResult
from bastion.model import Diagnostic, DiagnosticKind, Finding, Location
from bastion.rules.database_privileges import SUPERUSERS, _url_user

CONFIG_SUFFIXES = (".ini", ".cfg", ".conf", ".env", ".toml", ".yaml", ".yml", ".json", ".properties")
CONFIG_NAMES = (".env", "alembic.ini", "docker-compose.yml", "docker-compose.yaml", "compose.yaml", "compose.yml")
MAX_BYTES = 512 * 1024
DB_URL_IN_TEXT = re.compile(
    r"(?:postgres(?:ql)?|mysql|mariadb|mssql|oracle|cockroachdb|redshift)(?:\+\w+)?://[^\s\"'<>]+", re.IGNORECASE
)
# `DB_USER=postgres`, `user: root`, `"username": "sa"` next to database settings.
USER_SETTING = re.compile(
    r"""^\s*["']?(?P<key>(?:[A-Z_]*(?:DB|DATABASE|PG|MYSQL|POSTGRES|SQL)[A-Z_]*_)?(?:USER|USERNAME))["']?\s*[:=]\s*["']?(?P<user>[\w.-]+)["']?\s*,?\s*$""",
    re.IGNORECASE,
)
# Settings that configure the database server itself (its bootstrap superuser), not a client.
SERVER_SIDE_KEYS = frozenset({"POSTGRES_USER", "MYSQL_USER", "MARIADB_USER", "MSSQL_USER"})


def _is_config(path: str) -> bool:
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.startswith(".env") or name.endswith(CONFIG_SUFFIXES)


def _scan(text: str, display: str, info) -> list[Finding]:
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(("#", ";", "//")):
            continue
        user = None
        for match in DB_URL_IN_TEXT.finditer(line):
            candidate = _url_user(match.group(0))
            if candidate and candidate.lower() in SUPERUSERS:
                user, column = candidate, match.start()
                break
        if user is None:
            setting = USER_SETTING.match(line)
            database_key = setting and re.search(r"DB|DATABASE|PG|MYSQL|POSTGRES|SQL", setting.group("key"), re.IGNORECASE)
            client_side = setting and database_key and setting.group("key").upper() not in SERVER_SIDE_KEYS
            if client_side and setting.group("user").lower() in SUPERUSERS:
                user, column = setting.group("user"), setting.start("user")
        if user is not None:
            findings.append(
                Finding(
                    rule=info,
                    message=f"database connection configured as superuser role `{user}`",
                    location=Location(display, number, column),
                    snippet=line.strip()[:120] if "@" not in line else f"... {user} ...",
                )
            )
    return findings


class DatabaseConfigAnalyzer:
    name = "database-config"
    uses_facts = False  # reads the files, not the per-file facts

    def analyze(self, project: Project) -> ProjectResult:
        from bastion.rules import registry

        info = registry.info("BST502")
        result = ProjectResult()
        for item in project.other_files:
            if not _is_config(item.path):
                continue
            try:
                with open(item.path, "rb") as handle:
                    data = handle.read(MAX_BYTES + 1)
            except OSError as error:
                result.diagnostics.append(Diagnostic(item.display, DiagnosticKind.UNREADABLE, str(error.strerror or error)))
                continue
            if len(data) > MAX_BYTES or b"\x00" in data[:4096]:
                continue
            result.findings.extend(_scan(data.decode("utf-8", errors="replace"), item.display, info))
        return result


PROJECT_ANALYZER = DatabaseConfigAnalyzer()
