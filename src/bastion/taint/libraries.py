"""Names the flow treats as libraries (modelled, never linked to project code) and shell programs."""

from __future__ import annotations

import sys

from bastion.engine.names import BUILTIN_NAMES

# Top-level packages that are libraries, not project code: their calls are modelled, not linked.
KNOWN_LIBRARIES = frozenset(sys.stdlib_module_names) | BUILTIN_NAMES | frozenset({
    "flask", "werkzeug", "django", "rest_framework", "fastapi", "starlette", "aiohttp", "requests", "httpx",
    "urllib3", "sqlalchemy", "jinja2", "markupsafe", "bleach", "lxml", "ldap", "ldap3", "yaml", "pymongo",
    "pydantic", "psycopg2", "psycopg", "pymysql", "MySQLdb", "mako", "defusedxml", "jsonpickle", "dill",
    "numpy", "pandas", "torch", "motor", "redis", "boto3", "celery", "structlog", "loguru", "pytest",
    "quart", "bottle", "tornado", "sanic", "mongoengine", "nh3", "typing_extensions", "attr", "attrs",
    "asyncpg", "aiosqlite", "aiomysql", "aiopg", "databases", "aiofiles", "aiohttp_session", "cloudpickle",
    "flask_pymongo", "elasticsearch", "paramiko", "fabric", "jwt", "cryptography", "bs4", "xmltodict",
})
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash", "cmd", "cmd.exe", "powershell", "pwsh"})
