"""Version files of version managers and platforms: `.python-version` (pyenv, uv, Heroku),
`runtime.txt` (Heroku, Render) and `.tool-versions` (asdf, mise)."""

from __future__ import annotations

from collections.abc import Iterator

from bastion.interpreter.model import Role, Target
from bastion.interpreter.versions import parse_version

_NOT_VERSIONS = ("system", "ref:", "path:")


def python_version_file(display: str, text: str) -> Iterator[Target]:
    """pyenv allows several versions, one per line; `3.11.7/envs/name` selects a virtualenv."""
    for number, line in enumerate(text.splitlines(), 1):
        value = line.split("#", 1)[0].strip()
        if not value or value.startswith(_NOT_VERSIONS):
            continue
        name = value.split("/", 1)[0]
        column = line.find(name)
        yield Target(".python-version", Role.RUNS, display, number, column, name, _request(name),
                     end_column=column + len(name), snippet=line.strip())


def runtime_txt(display: str, text: str) -> Iterator[Target]:
    for number, line in enumerate(text.splitlines(), 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        version = parse_version(value)
        if version is not None:
            column = line.find(value)
            yield Target("runtime.txt", Role.RUNS, display, number, column, value, version,
                         end_column=column + len(value), snippet=value, os="linux")
        return  # the platform reads the first line only


def tool_versions(display: str, text: str) -> Iterator[Target]:
    """`python 3.11.7 3.10.13`: the first version is the default, the others are also installed."""
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if len(words) < 2 or words[0] != "python":
            continue
        offset = 0
        for word in words[1:]:
            offset = line.find(word, offset + 1)
            if word.startswith(_NOT_VERSIONS):
                continue
            yield Target(".tool-versions", Role.RUNS, display, number, offset, word, parse_version(word),
                         end_column=offset + len(word), snippet=line.strip())


def _request(name: str):
    """pyenv names (`3.11.7`, `pypy3.9-7.3.15`) and uv requests (`cpython@3.12`,
    `cpython-3.12.1-linux-x86_64-gnu`)."""
    name = name.replace("@", "-")
    return parse_version(name) or parse_version("-".join(name.split("-")[:2]))
