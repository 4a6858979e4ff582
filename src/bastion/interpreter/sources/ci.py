"""Continuous integration: GitHub Actions workflows (`actions/setup-python` and friends, matrices,
job containers) and GitLab CI (`image:` with variables and `parallel: matrix`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bastion.interpreter.model import Role, Target
from bastion.interpreter.sources import yamlnodes as y
from bastion.interpreter.sources.docker import UNRESOLVED, image_target, substitute
from bastion.interpreter.versions import PythonVersion, parse_version

SETUP_ACTIONS = ("actions/setup-python", "astral-sh/setup-uv", "conda-incubator/setup-miniconda", "mamba-org/setup-micromamba")
_MATRIX_EXPRESSION = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")
_ANY_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def _snippet(lines: Sequence[str], line: int) -> str:
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _setup_version(text: str) -> PythonVersion | None:
    """setup-python's spellings: `3.12`, `3.13.0-rc.2`, `3.x`, `pypy3.10`, `pypy-3.9`, `3.13t`."""
    text = text.strip()
    if text.endswith(".x") and text[:-2].isdigit():
        return PythonVersion(int(text[:-2]), None)
    return parse_version(text.replace("-rc.", "rc").replace("-beta.", "b").replace("-alpha.", "a"))


# -- GitHub Actions --------------------------------------------------------------------------------


def _matrix_values(matrix, key: str) -> list:
    """The scalar nodes a matrix gives `key`: its list, and `include` entries that set it."""
    values = [node for node in y.elements(y.get(matrix, key)) if y.is_scalar(node)]
    single = y.get(matrix, key)
    if y.is_scalar(single) and not _ANY_EXPRESSION.search(single.value):
        values.append(single)
    for entry in y.elements(y.get(matrix, "include")):
        node = y.get(entry, key)
        if y.is_scalar(node):
            values.append(node)
    return values


def _expanded(node, matrix) -> list[tuple[str, object]]:
    """The texts a value takes, each with the node where it is written; matrix references expanded."""
    text = y.scalar_text(node)
    if text is None:
        return []
    reference = _MATRIX_EXPRESSION.search(text)
    if reference is None:
        return [] if _ANY_EXPRESSION.search(text) else [(text, node)]
    found = []
    for value in _matrix_values(matrix, reference.group(1)):
        replaced = text[: reference.start()] + value.value + text[reference.end():]
        if not _ANY_EXPRESSION.search(replaced):
            found.append((replaced, value))
    return found


def github_workflow(display: str, text: str) -> Iterator[Target]:
    root = y.compose(text)
    lines = text.splitlines()
    for _name, job in y.items(y.get(root, "jobs")):
        matrix = y.get(y.get(job, "strategy"), "matrix")
        for step in y.elements(y.get(job, "steps")):
            uses = y.scalar_text(y.get(step, "uses")) or ""
            if not uses.startswith(SETUP_ACTIONS):
                continue
            yield from _setup_targets(display, lines, y.get(y.get(step, "with"), "python-version"), matrix)
        container = y.get(job, "container")
        image = container if y.is_scalar(container) else y.get(container, "image")
        for reference, where in _expanded(image, matrix):
            line, column = y.position(where)
            target = image_target("GitHub Actions container", Role.TESTS, display, line, column,
                                  y.scalar_text(where) or reference, reference, _snippet(lines, line))
            if target is not None:
                yield target


def _setup_targets(display: str, lines: Sequence[str], node, matrix) -> Iterator[Target]:
    for value, where in _expanded(node, matrix):
        line, column = y.position(where)
        block = y.is_scalar(where) and where.style in ("|", ">")
        for offset, part in enumerate(value.splitlines() or [value]):
            part = part.strip()
            version = _setup_version(part)
            if version is None:
                continue
            number = line + offset + (1 if block else 0)
            snippet = _snippet(lines, number)
            start = max(lines[number - 1].find(part), 0) if 0 < number <= len(lines) else column
            yield Target("GitHub Actions python-version", Role.TESTS, display, number, start if block else column,
                         part, version, end_column=(start if block else column) + len(part), snippet=snippet)


# -- GitLab CI -------------------------------------------------------------------------------------

_GITLAB_KEYWORDS = frozenset({"stages", "variables", "workflow", "include", "cache", "services",
                              "before_script", "after_script", "pages"})


def _variables(node) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name, value in y.items(node):
        found[name] = y.scalar_text(value) if y.is_scalar(value) else y.scalar_text(y.get(value, "value"))
    return found


def _matrix_entries(job) -> list[dict[str, list]]:
    entries = []
    for entry in y.elements(y.get(y.get(job, "parallel"), "matrix")):
        values: dict[str, list] = {}
        for name, node in y.items(entry):
            values[name] = [node] if y.is_scalar(node) else [n for n in y.elements(node) if y.is_scalar(n)]
        entries.append(values)
    return entries


def gitlab_ci(display: str, text: str) -> Iterator[Target]:
    root = y.compose(text)
    lines = text.splitlines()
    global_variables = _variables(y.get(root, "variables"))
    jobs = [("image", root), *((name, job) for name, job in y.items(root) if name not in _GITLAB_KEYWORDS)]
    for name, job in jobs:
        node = y.get(job, "image")
        image = node if y.is_scalar(node) else y.get(node, "name")
        written = y.scalar_text(image)
        if not written:
            continue
        variables = {**global_variables, **_variables(y.get(job, "variables"))}
        yield from _gitlab_images(display, lines, image, written, variables, _matrix_entries(job) if name != "image" else [])


def _gitlab_images(display, lines, image, written, variables, matrix) -> Iterator[Target]:
    line, column = y.position(image)
    expanded: list[tuple[str, object]] = []
    for entry in matrix:
        names = [name for name in entry if f"${name}" in written or f"${{{name}}}" in written]
        for name in names[:1]:
            for value in entry[name]:
                expanded.append((substitute(written, {**variables, name: value.value}), value))
    if not expanded:
        expanded.append((substitute(written, variables), image))
    for reference, where in expanded:
        at_line, at_column = (line, column) if where is image else y.position(where)
        shown = written if where is image else y.scalar_text(where) or written
        if where is not image and UNRESOLVED in reference:
            continue
        target = image_target("GitLab CI image", Role.TESTS, display, at_line, at_column, shown, reference,
                              _snippet(lines, at_line))
        if target is not None:
            yield target
