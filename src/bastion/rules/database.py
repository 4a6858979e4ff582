"""SQL text built from strings at run time and handed to a database API."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal, keyword
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules import _local_flow
from bastion.rules._strings import is_built, literal_text, pieces
from bastion.rules.registry import rule

EXECUTE_METHODS = frozenset({"execute", "executemany", "executescript", "exec_driver_sql", "raw", "mogrify", "fetch", "fetchrow", "fetchval"})
SQL_CONSTRUCTORS = frozenset(
    {
        "sqlalchemy.text",
        "sqlalchemy.sql.text",
        "sqlalchemy.sql.expression.text",
        "django.db.models.expressions.RawSQL",
        "django.db.models.RawSQL",
        "pandas.read_sql",
        "pandas.read_sql_query",
    }
)
# Data statements, where values belong in bound parameters. DDL and session commands (CREATE, DROP,
# SET, PRAGMA, ...) take identifiers, which cannot be bound; they are left to the taint analysis.
SQL_START = re.compile(r"^\s*(?:\(\s*)?(?:SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|MERGE|UPSERT|VALUES)\b", re.IGNORECASE)
SQL_CLAUSE = re.compile(r"\b(?:FROM|WHERE|INTO|VALUES|SET|JOIN|ORDER\s+BY|GROUP\s+BY|LIMIT|TABLE)\b")
# Calls whose result is safe to place into SQL text: quoted identifiers, numbers, placeholders.
SAFE_PIECES = re.compile(
    r"(?:^|\.)(?:quote_name|quote_ident|quote_identifier|quote_name_unless_alias|quote_value|_quote_params_for_last_executed_query|"
    r"qn|quote|int|float|len|str\.join|escape_identifier|Identifier|placeholders?|get_placeholder|sql_flush|db_type)$"
)
_PLACEHOLDERS = {"?", "%s", "%(", ":"}
# A value formatted inside single quotes (`'{}'`, `'%s'`, `'%(name)s'`): the classic injectable SQL
# string literal. (Double quotes delimit identifiers in standard SQL.)
QUOTED_VALUE = re.compile(r"'(?:\{\w*\}|%s|%\([a-z_]\w*\)s)'", re.IGNORECASE)


def is_sql(text: str) -> bool:
    if SQL_START.match(text):
        return True
    return len(SQL_CLAUSE.findall(text)) >= 2 and text.lstrip().startswith("{}")


def _allowlisted(ctx: Context, name: str, before: ast.AST) -> bool:
    """`if name not in (...literal...): raise/return` or `assert name in {...}` earlier in the scope."""
    line = getattr(before, "lineno", 0)
    for node in _local_flow.scope_nodes(ctx):
        if getattr(node, "lineno", line) >= line:
            continue
        test = node.test if isinstance(node, (ast.If, ast.Assert)) else None
        if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], (ast.In, ast.NotIn)):
            continue
        if isinstance(test.left, ast.Name) and test.left.id == name and ctx.constant(test.comparators[0]) is not ...:
            return True
    return False


def _safe_piece(ctx: Context, piece: ast.expr, before: ast.AST, depth: int = 0) -> bool:
    if is_literal(piece) or ctx.constant(piece) is not ...:
        return True
    if isinstance(piece, ast.Call):
        func = piece.func
        spelled = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if SAFE_PIECES.search(ctx.qualname(func) or "") or SAFE_PIECES.search(spelled):
            return True
        if isinstance(func, ast.Attribute) and func.attr == "join":
            return _placeholder_join(ctx, piece)
    if isinstance(piece, ast.BinOp) and isinstance(piece.op, ast.Mult):
        return any(isinstance(side, ast.Constant) and str(side.value).strip(", ") in _PLACEHOLDERS for side in (piece.left, piece.right)) or (
            _safe_piece(ctx, piece.left, before, depth + 1) and _safe_piece(ctx, piece.right, before, depth + 1)
        )
    if isinstance(piece, ast.Subscript) and ctx.constant(piece.value) is not ...:
        return True  # a lookup in a literal table
    if isinstance(piece, ast.Name):
        if _allowlisted(ctx, piece.id, before):
            return True
        if depth < 3:
            values = _local_flow.assigned_values(ctx, piece.id, before)
            if values and all(_safe_piece(ctx, v, before, depth + 1) or (is_built(v) and _all_safe(ctx, v, before, depth + 1)) for v in values):
                return True
            if not values and _numeric_parameter(ctx, piece.id):
                return True
    return isinstance(piece, ast.Attribute) and piece.attr.isupper()  # class or module constants


_NUMBER_TYPES = frozenset({"int", "float", "bool", "decimal.Decimal", "uuid.UUID"})


def _numeric_parameter(ctx: Context, name: str) -> bool:
    """A parameter of the enclosing function annotated as a number (`limit: int`, `page: int | None`,
    `Annotated[int, Query()]`): its text is digits, whatever the caller passed (web frameworks
    convert and validate annotated parameters)."""
    function = ctx.function
    if function is None or isinstance(function, ast.Lambda):
        return False
    arguments = function.args
    for parameter in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
        if parameter.arg == name:
            return parameter.annotation is not None and _number_type(ctx, parameter.annotation)
    return False


def _number_type(ctx: Context, annotation: ast.expr) -> bool:
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):  # int | None
        return all(_number_type(ctx, side) or (isinstance(side, ast.Constant) and side.value is None)
                   for side in (annotation.left, annotation.right))
    if isinstance(annotation, ast.Subscript):  # Optional[int], Annotated[int, ...]
        if ctx.qualname(annotation.value) not in {"typing.Optional", "typing.Annotated", "typing_extensions.Annotated"}:
            return False
        inner = annotation.slice
        return _number_type(ctx, inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner)
    return ctx.qualname(annotation) in _NUMBER_TYPES


def _placeholder_join(ctx: Context, call: ast.Call) -> bool:
    """`", ".join(["%s"] * n)`, `",".join("?" for _ in ids)`: placeholders, not values."""
    if not call.args:
        return False
    joined = call.args[0]
    if isinstance(joined, (ast.GeneratorExp, ast.ListComp)):
        return is_literal(joined.elt) or isinstance(joined.elt, ast.Constant)
    if isinstance(joined, ast.BinOp) and isinstance(joined.op, ast.Mult):
        return any(is_literal(side) for side in (joined.left, joined.right))
    return is_literal(joined)


def _all_safe(ctx: Context, node: ast.expr, before: ast.AST, depth: int = 0) -> bool:
    return all(_safe_piece(ctx, piece, before, depth) for piece in pieces(node))


_MARK = "\x00"
_DIRECTIVE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
_FIELD = re.compile(r"\{[^{}]*\}")
# Text just before a spliced value that puts it where a bound parameter belongs.
VALUE_CONTEXT = re.compile(
    r"(?:[=<>]|\bLIKE|\bILIKE|\bIN\s*\(|\bBETWEEN|\bBETWEEN\s+\S+\s+AND|\bVALUES\s*\(|\bLIMIT|\bOFFSET|\bTHEN|\bELSE|\bWHEN)\s*['(]*$",
    re.IGNORECASE,
)


def _marked_text(node: ast.expr) -> str:
    """The literal text of a built string with one marker per value of `pieces(node)`, in order."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace(_MARK, "")
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value.replace(_MARK, "") if isinstance(v, ast.Constant) else _MARK for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _marked_text(node.left) + _marked_text(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        values = len(pieces(node)) - len(pieces(node.left))
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            return _DIRECTIVE.sub(_MARK, node.left.value.replace("%%", "").replace(_MARK, ""))
        return _marked_text(node.left) + _MARK * values
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        template = node.func.value
        if isinstance(template, ast.Constant) and isinstance(template.value, str):
            return _FIELD.sub(_MARK, template.value.replace("{{", "").replace("}}", "").replace(_MARK, ""))
        return _marked_text(template) + _MARK * (len(node.args) + len(node.keywords))
    return _MARK


def _in_value_position(text: str, index: int) -> bool:
    before = text[:index].replace(_MARK, "x")
    if VALUE_CONTEXT.search(before.rstrip()) or before.endswith("'"):
        return True
    values_at, closed_at = before.upper().rfind("VALUES"), before.rfind(")")
    return values_at > closed_at and before.rstrip().endswith((",", "("))


def _injectable(ctx: Context, node: ast.expr, at: ast.AST, prefix: str = "") -> bool:
    """A value that is not known to be safe is spliced where a bound parameter belongs.

    Identifiers (table and column names after FROM, ORDER BY, ...) cannot be bound; they are left to
    the taint analysis, which knows whether they come from untrusted input."""
    values = pieces(node)
    text = prefix.replace(_MARK, "") + _marked_text(node)
    marks = [i for i, char in enumerate(text) if char == _MARK]
    aligned = len(marks) == len(values)
    for position, piece in enumerate(values):
        if _safe_piece(ctx, piece, at):
            continue
        if not aligned or _in_value_position(text, marks[position]):
            return True
    return False


def _built_sql(ctx: Context, node: ast.expr | None, at: ast.AST) -> tuple[ast.expr, str] | None:
    """The string-building expression that produced this SQL argument, with its literal text."""
    if node is None:
        return None
    if isinstance(node, ast.Name):
        candidates = [v for v in _local_flow.assigned_values(ctx, node.id, at) if is_built(v) or isinstance(v, ast.Constant)]
        # `sql = "SELECT ..."` then `sql += " WHERE x = %s" % y`: the pieces, in order
        text = "".join(literal_text(v) for v in candidates)
        if not any(is_built(v) for v in candidates) or not is_sql(text):
            return None
        prefix = ""
        for value in candidates:
            if is_built(value) and _injectable(ctx, value, at, prefix):
                return value, text
            prefix += literal_text(value)
        return None
    if not is_built(node):
        return None
    text = literal_text(node)
    if not is_sql(text) or not _injectable(ctx, node, at):
        return None
    return node, text


def _describe(ctx: Context, built: ast.expr) -> str:
    if isinstance(built, ast.JoinedStr):
        return "an f-string"
    if isinstance(built, ast.BinOp):
        return "`%` formatting" if isinstance(built.op, ast.Mod) else "concatenation"
    return "`.format()`"


@rule(
    "BST501",
    "sql-built-from-strings",
    summary="SQL text built by formatting or concatenation reaches a database call",
    attrs=EXECUTE_METHODS | {"extra", "text", "RawSQL", "read_sql", "read_sql_query"},
    severity="medium",
    confidence="medium",
    cwe=89,
    owasp="A03",
)
def sql_built_from_strings(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags SQL statements built with f-strings, `%`, `+` or `.format()` from run-time values and passed
    to DB-API `execute`/`executemany`/`executescript`, SQLAlchemy `text()`/`exec_driver_sql`, Django
    `raw()`/`extra()`/`RawSQL`/`cursor.execute`, or `pandas.read_sql`. Only text that really is SQL
    is considered (a SELECT/INSERT/UPDATE/DELETE/WITH/... statement), only values spliced where a
    bound parameter belongs (after `=`, `<`, `LIKE`, `IN (`, `VALUES (`, `LIMIT`, or inside quotes),
    and values that cannot inject are accepted: placeholders joined together, quoted identifiers
    (`quote_name`), numbers, constants, parameters annotated as numbers (`limit: int`, as web
    frameworks convert and validate them), and names checked against a literal allowlist.

    ## Why is this bad?
    A value formatted into SQL text becomes SQL: a quote in it ends the string literal and the rest
    runs as a statement (`' OR 1=1 --`). Bound parameters keep values out of the statement entirely.

    ## Example
    ```python
    cursor.execute(f"SELECT * FROM users WHERE email = '{email}'")
    ```

    ## Use instead
    ```python
    cursor.execute("SELECT * FROM users WHERE email = %s", (email,))
    ```
    Identifiers cannot be bound: pick them from a literal allowlist, or quote them with the driver
    (`psycopg.sql.Identifier`).

    ## References
    - https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html
    - https://docs.djangoproject.com/en/stable/topics/db/sql/
    - https://cwe.mitre.org/data/definitions/89.html

    ## Known limitations
    Identifiers spliced into SQL (table and column names after FROM or ORDER BY) cannot be bound and
    are not reported here; when they come from untrusted input the taint analysis reports them.
    Only the enclosing function is followed. Whether the values can be controlled by an attacker is
    decided by the taint analysis, which reports those flows as BST550 (taking precedence here).
    """
    func = call.func
    spelled = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    name = ctx.call_name(call) or spelled
    if spelled == "extra":
        yield from _django_extra(call, ctx)
        return
    if spelled in {"text", "RawSQL", "read_sql", "read_sql_query"} and name not in SQL_CONSTRUCTORS:
        return
    statement = argument(call, 0, "sql") or argument(call, 0, "statement") or argument(call, 0, "raw_query") or argument(call, 0, "operation")
    found = _built_sql(ctx, statement, call)
    if found is None:
        return
    built, text = found
    confidence = Confidence.HIGH if isinstance(statement, (ast.JoinedStr, ast.BinOp)) or statement is built else Confidence.MEDIUM
    quoted = QUOTED_VALUE.search(text) is not None
    yield ctx.finding(
        call,
        f"SQL built with {_describe(ctx, built)} is passed to `{spelled}`"
        + ("; a value is spliced into a quoted SQL string" if quoted else "")
        + "; bind the values as parameters",
        confidence=confidence,
        severity=Severity.HIGH if quoted else None,
    )


def _django_extra(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    pieces: list[ast.expr] = []
    for key in ("select", "where", "tables", "order_by"):
        value = keyword(call, key)
        if isinstance(value, ast.Dict):
            pieces += [v for v in value.values if v is not None]
        elif isinstance(value, (ast.List, ast.Tuple)):
            pieces += value.elts
        elif value is not None and not is_literal(value):
            pieces.append(value)
    for piece in pieces:
        if is_built(piece) and _injectable(ctx, piece, call):
            yield ctx.finding(call, f"`extra()` receives SQL built with {_describe(ctx, piece)}; use `params=` or the ORM", severity=Severity.MEDIUM)
            return
