"""Deployment platforms and environments that name the Python they run: AWS Lambda (SAM and
CloudFormation templates, the Serverless Framework), Google App Engine (`app.yaml`) and conda
environment files."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bastion.interpreter.model import Role, Target
from bastion.interpreter.sources import yamlnodes as y
from bastion.interpreter.versions import parse_version

_RUNTIME = re.compile(r"^python(?P<major>[23])\.?(?P<minor>\d{1,2})$")
_CONDA_PYTHON = re.compile(r"^python\s*(?:={1,2})\s*(?P<version>\d+\.\d+(?:\.\d+)?)(?:\.\*)?(?:=\S+)?$")


def _runtime_target(source: str, display: str, lines: Sequence[str], node) -> Target | None:
    text = y.scalar_text(node)
    match = _RUNTIME.match(text.strip()) if text else None
    if match is None:
        return None
    line, column = y.position(node)
    version = parse_version(f"{match['major']}.{match['minor']}")
    snippet = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return Target(source, Role.RUNS, display, line, column, text, version, end_column=column + len(text),
                  snippet=snippet, os="linux")


def _runtimes(source: str, display: str, lines: Sequence[str], nodes) -> Iterator[Target]:
    for node in nodes:
        target = _runtime_target(source, display, lines, node)
        if target is not None:
            yield target


def aws_template(display: str, text: str) -> Iterator[Target]:
    """SAM / CloudFormation: `Runtime` of functions and layers, and `Globals.Function.Runtime`."""
    root = y.compose(text)
    lines = text.splitlines()
    nodes = [y.get(y.get(y.get(root, "Globals"), "Function"), "Runtime")]
    for _name, resource in y.items(y.get(root, "Resources")):
        properties = y.get(resource, "Properties")
        nodes.append(y.get(properties, "Runtime"))
        nodes += y.elements(y.get(properties, "CompatibleRuntimes"))
    yield from _runtimes("Lambda runtime", display, lines, nodes)


def serverless(display: str, text: str) -> Iterator[Target]:
    root = y.compose(text)
    lines = text.splitlines()
    nodes = [y.get(y.get(root, "provider"), "runtime")]
    nodes += [y.get(function, "runtime") for _name, function in y.items(y.get(root, "functions"))]
    yield from _runtimes("Serverless runtime", display, lines, nodes)


def app_engine(display: str, text: str) -> Iterator[Target]:
    root = y.compose(text)
    yield from _runtimes("App Engine runtime", display, text.splitlines(), [y.get(root, "runtime")])


def conda_environment(display: str, text: str) -> Iterator[Target]:
    """`- python=3.8` (any 3.8.x), `- python==3.11.7`; ranges are left to the dependency audit."""
    root = y.compose(text)
    lines = text.splitlines()
    for node in y.elements(y.get(root, "dependencies")):
        written = y.scalar_text(node)
        match = _CONDA_PYTHON.match(written.strip()) if written else None
        if match is None:
            continue
        line, column = y.position(node)
        version = parse_version(match["version"])
        yield Target("conda environment", Role.RUNS, display, line, column, written, version,
                     end_column=column + len(written), snippet=lines[line - 1].strip() if line <= len(lines) else "")
