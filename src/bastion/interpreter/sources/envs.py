"""Test environments: tox (`tox.ini`, `setup.cfg [tox:tox]`, `tox.toml`, `pyproject.toml [tool.tox]`)
and nox (`noxfile.py`, read as a syntax tree, never run)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence

from bastion.interpreter.model import Role, SourceError, Target
from bastion.interpreter.sources.manifests import load_toml
from bastion.interpreter.sources.text import find_string, ini_values, toml_key_line
from bastion.interpreter.versions import PythonVersion, parse_version

_BRACES = re.compile(r"\{([^{}]*)\}")
_RANGE = re.compile(r"^(\d+)-(\d+)$")
MAX_EXPANSION = 512


def expand(env: str) -> list[str]:
    """tox's generative names: `py{38,39}-django{32,42}` and ranges such as `py3{8-11}`."""
    match = _BRACES.search(env)
    if match is None:
        return [env]
    choices: list[str] = []
    for part in match.group(1).split(","):
        span = _RANGE.match(part.strip())
        if span and int(span.group(2)) - int(span.group(1)) < 64:
            choices += [str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
        else:
            choices.append(part.strip())
    names: list[str] = []
    for choice in choices:
        names += expand(env[: match.start()] + choice + env[match.end():])
        if len(names) > MAX_EXPANSION:
            break
    return names[:MAX_EXPANSION]


def env_python(name: str) -> PythonVersion | None:
    """The Python a tox environment name selects: its `py38`, `py3.8`, `3.8` or `pypy3` factor."""
    for factor in name.split("-"):
        version = parse_version(factor) if factor[:1] in "p3" or factor[:1].isdigit() else None
        if version is not None:
            return version
    return None


def _split_top_level(text: str) -> Iterator[tuple[int, str]]:
    """Comma-separated names, commas inside braces kept, with each name's offset."""
    depth, start = 0, 0
    for index, char in enumerate(text + ","):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            piece = text[start:index]
            if piece.strip():
                yield start + len(piece) - len(piece.lstrip()), piece.strip()
            start = index + 1


def _env_targets(display: str, number: int, column: int, token: str, snippet: str) -> Iterator[Target]:
    seen: set[PythonVersion] = set()
    for name in expand(token):
        version = env_python(name)
        if version is not None and version not in seen:
            seen.add(version)
            yield Target("tox env", Role.TESTS, display, number, column, token, version,
                         end_column=column + len(token), snippet=snippet)


def tox_ini(display: str, text: str, section: str = "tox", line_offset: int = 0) -> Iterator[Target]:
    lines = text.splitlines()
    for value in ini_values(lines):
        if value.section == section and value.key in ("envlist", "env_list"):
            for number, column, line_text in value.items:
                for offset, token in _split_top_level(line_text.split("#", 1)[0]):
                    yield from _env_targets(display, number + line_offset, column + offset, token, line_text)
        elif value.section.startswith("testenv") and value.key == "basepython" and value.items:
            number, column, spec = value.items[0]
            version = parse_version(spec.removeprefix("python"))
            if version is not None:
                yield Target("tox basepython", Role.TESTS, display, number + line_offset, column, spec, version,
                             end_column=column + len(spec), snippet=lines[number - 1].strip())


def tox_toml(display: str, text: str, table: str = "") -> Iterator[Target]:
    """tox 4's TOML configuration: `env_list = ["3.13", "py312", "lint"]` at the top of `tox.toml` or in
    `[tool.tox]`; or `legacy_tox_ini`, an INI document in a string."""
    data = load_toml(text)
    if table:
        for part in table.split("."):
            data = data.get(part) if isinstance(data, dict) else None
    if not isinstance(data, dict):
        return
    lines = text.splitlines()
    legacy = data.get("legacy_tox_ini")
    if isinstance(legacy, str):
        index = toml_key_line(lines, table, "legacy_tox_ini") or 0
        opens_alone = index < len(lines) and lines[index].rstrip().endswith(('"""', "'''"))
        yield from tox_ini(display, legacy, line_offset=index + 1 if opens_alone else index)
    envs = data.get("env_list")
    if isinstance(envs, list):
        start = toml_key_line(lines, table, "env_list") or 0
        for name in envs:
            if not isinstance(name, str):
                continue
            where = find_string(lines, name, start)
            index, column = where if where else (start, 0)
            yield from _env_targets(display, index + 1, column, name, lines[index].strip() if lines else "")


# -- nox -------------------------------------------------------------------------------------------


def noxfile(display: str, text: str) -> Iterator[Target]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise SourceError(f"cannot parse: {error}") from None
    lines = text.splitlines()
    constants = _module_constants(tree)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call) and _name(decorator.func) == "session"):
                continue
            for keyword in decorator.keywords:
                if keyword.arg in ("python", "py"):
                    for string in _strings(keyword.value, constants):
                        yield _nox_target(display, lines, string)


def _nox_target(display: str, lines: Sequence[str], node: ast.Constant) -> Target:
    line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
    end = node.end_col_offset if node.end_lineno == node.lineno else None
    return Target("nox session", Role.TESTS, display, node.lineno, node.col_offset, node.value,
                  parse_version(node.value), end_column=end, snippet=line.strip())


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    constants: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            constants[statement.targets[0].id] = statement.value
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
            constants[statement.target.id] = statement.value
    return constants


def _strings(node: ast.expr, constants: dict[str, ast.expr], depth: int = 0) -> Iterator[ast.Constant]:
    if depth > 4:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        for element in node.elts:
            yield from _strings(element, constants, depth + 1)
    elif isinstance(node, ast.Name) and node.id in constants:
        yield from _strings(constants[node.id], constants, depth + 1)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _strings(node.left, constants, depth + 1)
        yield from _strings(node.right, constants, depth + 1)
