"""Least privilege for database access: superuser connections and sweeping grants."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import TEST_DIRS, Context
from bastion.engine.names import resolve_relative
from bastion.model import Finding
from bastion.rules.registry import rule

SUPERUSERS = frozenset({"postgres", "root", "sa", "admin", "administrator", "rdsadmin", "mysql", "system", "sys", "dbo", "cloudsqlsuperuser"})
CONNECT_FUNCTIONS = frozenset(
    {
        "psycopg2.connect",
        "psycopg.connect",
        "psycopg.AsyncConnection.connect",
        "psycopg2.pool.SimpleConnectionPool",
        "psycopg2.pool.ThreadedConnectionPool",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
        "mariadb.connect",
        "asyncpg.connect",
        "asyncpg.create_pool",
        "aiomysql.connect",
        "aiomysql.create_pool",
        "pyodbc.connect",
        "pymssql.connect",
        "cx_Oracle.connect",
        "oracledb.connect",
        "sqlalchemy.create_engine",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "sqlalchemy.engine.URL.create",
        "sqlalchemy.URL.create",
        "databases.Database",
        "peewee.PostgresqlDatabase",
        "peewee.MySQLDatabase",
    }
)
USER_KEYWORDS = ("user", "username", "uid", "login")
DB_URL = re.compile(r"^(?:postgres(?:ql)?|mysql|mariadb|mssql|oracle|cockroachdb|redshift)(?:\+\w+)?://", re.IGNORECASE)
DSN_USER = re.compile(r"(?:^|[\s;])(?:user|uid|user id|username)\s*=\s*'?([^\s;']+)", re.IGNORECASE)


def _url_user(text: str) -> str | None:
    if not DB_URL.match(text):
        return None
    try:
        user = urlsplit(text).username
    except ValueError:
        return None
    return unquote(user) if user else None


TEST_FRAMEWORKS = frozenset({"pytest", "unittest", "testcontainers", "pytest_postgresql", "pytest_mysql", "factory"})


def is_test_support(ctx: Context) -> bool:
    """A test file, or a module that imports from a test package (`from ...testing.provision import
    create_db`) or a test framework: it provisions throwaway databases for tests, it is not the
    application's own access."""
    if ctx.is_test_file:
        return True
    for statement in ctx.source.tree.body:
        if isinstance(statement, ast.ImportFrom):
            names = [resolve_relative(ctx.module, ctx.names.is_package, statement.level, statement.module) or ""]
        elif isinstance(statement, ast.Import):
            names = [alias.name for alias in statement.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] in TEST_FRAMEWORKS or TEST_DIRS.intersection(parts[1:]):
                return True
    return False


def _superuser(value: object) -> str | None:
    if isinstance(value, str) and value.lower() in SUPERUSERS:
        return value
    return None


@rule(
    "BST502",
    "db-superuser-connection",
    summary="Application connects to the database as a superuser role",
    nodes=(ast.Call, ast.Dict, ast.Constant),
    calls=CONNECT_FUNCTIONS,
    requires=("user", "uid", "login", "://"),
    severity="medium",
    confidence="medium",
    cwe=250,
    owasp="A04",
)
def db_superuser_connection(node: ast.AST, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags database connections made as a superuser or administrative role (`postgres`, `root`, `sa`,
    `admin`, ...): `connect(user="postgres")`, DSNs with `user=root`, URLs such as
    `postgresql://postgres:...@db/app` (SQLAlchemy, `DATABASE_URL` settings) and Django `DATABASES`
    entries with `"USER": "postgres"`. Configuration files outside Python (`alembic.ini`, `.env`,
    YAML, TOML) are checked too: database URLs and `DB_USER`-style settings that name such a role.

    ## Why is this bad?
    The application then holds every privilege of the server: an SQL injection or a stolen
    configuration reads and changes every database, drops tables, reads server files (`COPY ... FROM
    PROGRAM`, `LOAD_FILE`) and creates new accounts.

    ## Example
    ```python
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "postgres"}}
    ```

    ## Use instead
    Create a role for the application with only the privileges it needs on its own schema, and a
    separate one for migrations.
    ```python
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "shop_app"}}
    ```

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html
    - https://cwe.mitre.org/data/definitions/250.html

    ## Known limitations
    Role names are recognised by convention; a custom role with superuser rights is not. Test files
    are skipped, and so are modules that import from a test package or framework (test database
    provisioning). `POSTGRES_USER`-style settings of a database *server* container are not reported.
    """
    found: list[Finding] = []
    if isinstance(node, ast.Call):
        found += _connection_call(node, ctx)
    elif isinstance(node, ast.Dict):
        if not any(isinstance(k, ast.Constant) and k.value == "ENGINE" for k in node.keys):
            return
        keys = {ctx.constant(k): v for k, v in zip(node.keys, node.values, strict=True) if k is not None}
        if "ENGINE" in keys and "USER" in keys:
            user = _superuser(ctx.constant(keys["USER"]))
            if user:
                found.append(ctx.finding(keys["USER"], f"Django database configured to connect as superuser role `{user}`"))
    elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "://" in node.value[:40]:
        user = _superuser(_url_user(node.value))
        if user and not isinstance(ctx.parent, ast.Call):
            found.append(ctx.finding(node, f"database URL connects as superuser role `{user}`"))
    if found and not is_test_support(ctx):  # asked last: it reads the module's imports
        yield from found


def _connection_call(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    name = ctx.call_name(call)
    if name not in CONNECT_FUNCTIONS:
        return
    for key in USER_KEYWORDS:
        user = _superuser(ctx.constant(keyword(call, key)))
        if user:
            yield ctx.finding(call, f"`{name}` connects as superuser role `{user}`")
            return
    target = ctx.constant(argument(call, 0))
    if isinstance(target, str):
        user = _superuser(_url_user(target))
        if user is None:
            match = DSN_USER.search(target)
            user = _superuser(match.group(1)) if match else None
        if user:
            yield ctx.finding(call, f"`{name}` connects as superuser role `{user}`")


# The string holds SQL statements: it starts with one, or one follows a `;`.
STATEMENT_START = re.compile(r"(?:^|;)\s*(?:GRANT|CREATE|ALTER|EXEC|EXECUTE|DO|BEGIN|--)\b", re.IGNORECASE)
GRANTS = re.compile(
    r"\bGRANT\s+ALL(?:\s+PRIVILEGES)?\s+ON\b|\bWITH\s+GRANT\s+OPTION\b|\b(?:CREATE|ALTER)\s+(?:ROLE|USER)\b[^;]*\bSUPERUSER\b|"
    r"\bGRANT\b[^;]*\bTO\s+PUBLIC\b|\bGRANT\s+SUPER\b|\bGRANT\s+(?:\w+\s*,\s*)*(?:SUPERUSER|DBA|SYSADMIN)\b|\bsp_addsrvrolemember\b",
    re.IGNORECASE,
)


@rule(
    "BST503",
    "sql-excessive-grant",
    summary="SQL that grants all privileges, superuser or grant option",
    nodes=(ast.Constant,),
    requires=("grant", "superuser", "sp_add"),
    severity="medium",
    confidence="high",
    cwe=269,
    owasp="A04",
)
def sql_excessive_grant(node: ast.Constant, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags SQL string literals (in code and in migrations, e.g. Django `RunSQL`, Alembic
    `op.execute`) containing `GRANT ALL`, `WITH GRANT OPTION`, `CREATE/ALTER ROLE ... SUPERUSER`,
    grants to `PUBLIC` or server-level admin roles.

    ## Why is this bad?
    Such grants give an application or user far more than it needs; whatever compromises that role
    (an injection, a leaked password) inherits all of it, and `WITH GRANT OPTION` lets it hand the
    privileges on.

    ## Example
    ```python
    migrations.RunSQL("GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO app")
    ```

    ## Use instead
    ```python
    migrations.RunSQL("GRANT SELECT, INSERT, UPDATE ON orders, customers TO app")
    ```

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html
    - https://www.postgresql.org/docs/current/sql-grant.html
    - https://cwe.mitre.org/data/definitions/269.html

    ## Known limitations
    `.sql` files are not scanned; only string literals in Python files. Test files and test-support
    modules (importing from a test package or framework, such as test database provisioning) are
    skipped.
    """
    text = node.value
    if not isinstance(text, str) or len(text) < 10 or ("GRANT" not in text.upper() and "SUPERUSER" not in text.upper() and "sp_add" not in text):
        return
    if isinstance(ctx.parent, ast.Expr):
        return  # a docstring or a bare string, never executed
    if not STATEMENT_START.search(text):
        return
    match = GRANTS.search(text)
    if match is None or is_test_support(ctx):
        return
    yield ctx.finding(node, f"SQL `{' '.join(match.group(0).split())[:60]}` grants more than an application needs")
