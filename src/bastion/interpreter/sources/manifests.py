"""Package metadata: `pyproject.toml` (PEP 621 and Poetry), `setup.cfg`, `setup.py` (read as a syntax
tree, never run) and `Pipfile`."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from bastion.interpreter.model import Role, SourceError, Target
from bastion.interpreter.sources.text import find_string, ini_values, toml_key_line
from bastion.interpreter.versions import parse_version

CLASSIFIER_PREFIX = "Programming Language :: Python :: "


def load_toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise SourceError(f"not valid TOML: {error}") from None


def classifier_version(classifier: str) -> str | None:
    """'3.8' for 'Programming Language :: Python :: 3.8'; None for ':: 3', ':: 3 :: Only' and others."""
    if not classifier.startswith(CLASSIFIER_PREFIX):
        return None
    rest = classifier[len(CLASSIFIER_PREFIX):].strip()
    return rest if rest.count(".") == 1 and rest.replace(".", "").isdigit() else None


def _value_target(source: str, role: Role, display: str, lines: Sequence[str], index: int | None,
                  value: str, specifier: str | None = None) -> Target:
    line = lines[index] if index is not None else ""
    column = max(line.find(value), 0)
    version = parse_version(value) if specifier is None else None
    return Target(source, role, display, (index or 0) + 1, column, value, version, specifier,
                  end_column=column + len(value) if value in line else None, snippet=line.strip())


def _classifiers(display: str, lines: Sequence[str], classifiers: Any, start: int | None) -> Iterator[Target]:
    if not isinstance(classifiers, list):
        return
    for classifier in classifiers:
        version = classifier_version(classifier) if isinstance(classifier, str) else None
        if version is None:
            continue
        where = find_string(lines, classifier, start or 0)
        index, column = where if where else (start or 0, 0)
        snippet = lines[index].strip() if index < len(lines) else ""
        yield Target("classifier", Role.DECLARES, display, index + 1, column, classifier, parse_version(version),
                     end_column=column + len(classifier), snippet=snippet)


def pyproject(display: str, text: str) -> Iterator[Target]:
    data = load_toml(text)
    lines = text.splitlines()
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    requires = project.get("requires-python")
    if isinstance(requires, str):
        index = toml_key_line(lines, "project", "requires-python")
        yield _value_target("requires-python", Role.REQUIRES, display, lines, index, requires, requires.strip())
    yield from _classifiers(display, lines, project.get("classifiers"), toml_key_line(lines, "project", "classifiers"))
    poetry = data.get("tool", {}).get("poetry") if isinstance(data.get("tool"), dict) else None
    if isinstance(poetry, dict):
        yield from _poetry(display, lines, poetry)


def _poetry(display: str, lines: Sequence[str], poetry: dict[str, Any]) -> Iterator[Target]:
    from bastion.deps.sources.poetry_constraints import to_pep440

    dependencies = poetry.get("dependencies")
    python = dependencies.get("python") if isinstance(dependencies, dict) else None
    if isinstance(python, str):
        try:
            specifier = to_pep440(python)
        except ValueError:
            specifier = None
        if specifier is not None:
            index = toml_key_line(lines, "tool.poetry.dependencies", "python")
            yield _value_target("Poetry python", Role.REQUIRES, display, lines, index, python, specifier)
    yield from _classifiers(display, lines, poetry.get("classifiers"), toml_key_line(lines, "tool.poetry", "classifiers"))


def setup_cfg(display: str, text: str) -> Iterator[Target]:
    lines = text.splitlines()
    for value in ini_values(lines):
        if value.section == "options" and value.key == "python_requires" and value.items:
            number, column, spec = value.items[0]
            yield Target("python_requires", Role.REQUIRES, display, number, column, spec, specifier=spec,
                         end_column=column + len(spec), snippet=lines[number - 1].strip())
        elif value.section == "metadata" and value.key == "classifiers":
            for number, column, classifier in value.items:
                version = classifier_version(classifier)
                if version is not None:
                    yield Target("classifier", Role.DECLARES, display, number, column, classifier,
                                 parse_version(version), end_column=column + len(classifier), snippet=classifier)


def setup_py(display: str, text: str) -> Iterator[Target]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise SourceError(f"cannot parse: {error}") from None
    lines = text.splitlines()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _callee(node.func) == "setup"):
            continue
        for keyword in node.keywords:
            if keyword.arg == "python_requires" and _string(keyword.value) is not None:
                yield _node_target("python_requires", Role.REQUIRES, display, lines, keyword.value, specifier=True)
            elif keyword.arg == "classifiers" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                for element in keyword.value.elts:
                    classifier = _string(element)
                    version = classifier_version(classifier) if classifier else None
                    if version is not None:
                        target = _node_target("classifier", Role.DECLARES, display, lines, element)
                        yield replace(target, version=parse_version(version))


def _callee(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _node_target(source: str, role: Role, display: str, lines: Sequence[str], node: ast.expr,
                 specifier: bool = False) -> Target:
    value = _string(node) or ""
    line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
    end = node.end_col_offset if node.end_lineno == node.lineno else None
    return Target(source, role, display, node.lineno, node.col_offset, value,
                  None if specifier else parse_version(value), value.strip() if specifier else None,
                  end_column=end, snippet=line.strip())


def pipfile(display: str, text: str) -> Iterator[Target]:
    data = load_toml(text)
    requires = data.get("requires")
    if not isinstance(requires, dict):
        return
    lines = text.splitlines()
    for key in ("python_full_version", "python_version"):
        value = requires.get(key)
        if isinstance(value, str):
            index = toml_key_line(lines, "requires", key)
            yield _value_target(f"Pipfile {key}", Role.RUNS, display, lines, index, value)
            return  # the full version, when given, is the more precise of the two
