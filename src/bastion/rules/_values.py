"""Questions rules in the data-protection and logging packs ask about values: is this expression a
constant (following simple local assignments), is a string a placeholder, how to show a secret."""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from bastion.engine.astutil import argument, is_literal, keyword
from bastion.engine.context import Context
from bastion.model import Finding

_PLACEHOLDER_WORDS = frozenset(
    {
        "", "changeme", "change_me", "changethis", "password", "passwd", "secret", "token", "apikey",
        "api_key", "key", "xxx", "xxxx", "xxxxx", "todo", "fixme", "none", "null", "test", "testing",
        "example", "dummy", "fake", "placeholder", "redacted", "notsecret", "notasecret", "secretkey",
        "secret_key", "default", "foo", "bar", "baz", "string", "str", "value", "required", "***",
    }
)
_PLACEHOLDER_PATTERN = re.compile(
    r"^(?:<[^<>]*>|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%\([^)]*\)s|\{\{[^}]*\}\}|\{[a-z_]*\}|[x*.\-_#]+|"
    r".*(?:change[_\- ]?me|your[_\- ]|example|placeholder|dummy|replace[_\- ]?me|insert[_\- ]).*)$",
    re.IGNORECASE,
)


def is_placeholder(value: str) -> bool:
    """A value that only stands in for a secret: empty, a word like `changeme`, `<...>`, `${VAR}`."""
    text = value.strip().rstrip("?!")  # "string?" in a schema is a type, not a value
    if text.lower() in _PLACEHOLDER_WORDS:
        return True
    if not any(c.isalnum() and c.lower() != "x" for c in text):
        return True  # masked: "****", ":xxxx", "•••"
    return bool(_PLACEHOLDER_PATTERN.match(text))


def redacted(value: str) -> str:
    """A secret as it may be shown: a short prefix and the length, never the whole value."""
    prefix = value[:4] if len(value) >= 12 else value[:2] if len(value) >= 6 else ""
    return f"{prefix}…({len(value)} chars)"


def _function_assignments(ctx: Context, name: str) -> list[ast.expr] | None:
    """Every value assigned to a local `name` in the enclosing function, or None if it is also bound
    another way (parameter, loop target, augmented assignment, ...)."""
    function = ctx.function
    if function is None or isinstance(function, ast.Lambda):
        return None
    arguments = function.args
    if any(a.arg == name for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)):
        return None
    values: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    values.append(node.value)
                elif any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target)):
                    return None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            if node.value is None:
                continue
            values.append(node.value)
        elif isinstance(node, (ast.AugAssign, ast.For, ast.AsyncFor, ast.comprehension, ast.withitem, ast.NamedExpr)):
            target = getattr(node, "target", None) or getattr(node, "optional_vars", None)
            if target is not None and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target)):
                return None
    return values


def constant_source(ctx: Context, node: ast.expr | None) -> ast.expr | None:
    """The literal expression a value comes from — itself, a module constant, or every local
    assignment of a name in the enclosing function being the same kind of literal — else None."""
    if node is None:
        return None
    if _is_constant_bytes(node):
        return node
    if not isinstance(node, ast.Name):
        return None
    if ctx.function is not None:
        values = _function_assignments(ctx, node.id)
        if values is None:
            return None
        if values:
            return values[0] if all(_is_constant_bytes(v) for v in values) else None
    bound = ctx.module_constants.get(node.id)
    if bound is not None and _is_constant_bytes(bound):
        return bound
    return None


def _is_constant_bytes(node: ast.expr) -> bool:
    """`b"..."`, `"..."`, `b"\\x00" * 16`, `bytes(16)`, `bytearray(16)`, `bytes.fromhex("...")`."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (bytes, str))
    if isinstance(node, ast.BinOp):
        return is_literal(node) and (_is_constant_bytes(node.left) or _is_constant_bytes(node.right))
    if isinstance(node, ast.Call):
        func = node.func
        spelled = func.id if isinstance(func, ast.Name) else f"{getattr(func.value, 'id', '')}.{func.attr}" if isinstance(func, ast.Attribute) else ""
        if spelled in {"bytes", "bytearray", "bytes.fromhex", "bytearray.fromhex", "binascii.unhexlify", "unhexlify"}:
            return bool(node.args) and all(is_literal(a) for a in node.args) and not node.keywords
        if isinstance(func, ast.Attribute) and func.attr == "encode":
            return isinstance(func.value, ast.Constant) and isinstance(func.value.value, str)
    return False


class Span:
    """A location-bearing stand-in for part of a node, for `ctx.finding`."""

    def __init__(self, lineno: int, col_offset: int, end_lineno: int, end_col_offset: int) -> None:
        self.lineno, self.col_offset, self.end_lineno, self.end_col_offset = lineno, col_offset, end_lineno, end_col_offset


_STRING_PREFIX = re.compile(r"^[rRbBuU]{0,2}('''|\"\"\"|'|\")")


def string_content(ctx: Context, node: ast.Constant) -> ast.AST | Span:
    """The span of a one-line string literal's characters inside its quotes (where secret scanners
    report a value, so both reports of one value fall on the same location), else the node."""
    if node.lineno != node.end_lineno or node.end_col_offset is None:
        return node
    match = _STRING_PREFIX.match(ctx.source.segment(node))
    if match is None:
        return node
    quote = len(match.group(1))
    return Span(node.lineno, node.col_offset + match.end(), node.lineno, node.end_col_offset - quote)


_ENV_GETTERS = ("environ.get", "getenv", "env", "config", "env.str", "environ.setdefault")


def literal_fallback(value: ast.expr) -> ast.Constant | None:
    """`os.environ.get("SECRET_KEY", "literal")`, `env("SECRET_KEY", default="literal")`, ..."""
    if not isinstance(value, ast.Call):
        return None
    spelled = ast.unparse(value.func)
    if not spelled.endswith(_ENV_GETTERS):
        return None
    default = keyword(value, "default")
    if default is None and spelled.endswith(("environ.get", "getenv", "environ.setdefault")):
        default = argument(value, 1)
    if isinstance(default, ast.Constant) and isinstance(default.value, str):
        return default
    return None


def hide_secret(finding: Finding, ctx: Context, value: str) -> Finding:
    """The finding with the secret masked in its snippet, marked so reports never show the file's
    own line instead."""
    line = ctx.source.line(finding.location.line)
    shown = line.replace(value, redacted(value)) if value else line
    return replace(finding, snippet=shown.strip()[:240], properties=(*finding.properties, ("redacted", "true")))
