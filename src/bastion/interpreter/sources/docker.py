"""Container images: `FROM` lines of Dockerfiles (with `ARG` defaults substituted) and `image:` of
Compose files. The Python version is read from the tag of the `python` image (official, or under
a registry or namespace: `cimg/python`, `public.ecr.aws/lambda/python`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bastion.interpreter.model import Role, Target
from bastion.interpreter.sources import yamlnodes
from bastion.interpreter.versions import PythonVersion, parse_version

PYTHON_REPOSITORIES = {"python": "cpython", "pypy": "pypy"}
_VARIABLE = re.compile(r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?::?[-+](?P<default>[^}]*))?\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))")
UNRESOLVED = "\x00"
_TAG_VERSION = re.compile(r"^\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?$")


@dataclass(frozen=True, slots=True)
class ImageTag:
    reference: str
    repository: str
    tag: str | None
    digest: str | None

    @property
    def is_python(self) -> bool:
        return self.repository in PYTHON_REPOSITORIES

    def version(self) -> PythonVersion | None:
        """The version a tag names: `3.11.7-slim-bookworm` -> 3.11.7, `3-slim` -> 3; None for `latest`."""
        if self.tag is None:
            return None
        head = self.tag.split("-", 1)[0]
        version = parse_version(head) if _TAG_VERSION.match(head) else None
        if version is None:
            return None
        if self.repository == "pypy":
            return PythonVersion(version.major, version.minor, None, "", "pypy")
        return version

    @property
    def floating(self) -> bool:
        """True when the reference names no version at all: the tag moves to every new minor release."""
        return self.digest is None and self.version() is None and _is_variant(self.tag)


_VARIANT = re.compile(r"^(latest|slim|alpine[\d.]*|bookworm|bullseye|buster|trixie|stretch|jessie|"
                      r"slim-\w+|windowsservercore(-\w+)?|nanoserver(-\w+)?)$")


def _is_variant(tag: str | None) -> bool:
    return tag is None or bool(_VARIANT.match(tag))


def parse_image(reference: str) -> ImageTag:
    name, _, digest = reference.partition("@")
    _, _, last = name.rpartition("/")
    repository, _, tag = last.partition(":")
    return ImageTag(reference, repository.lower(), tag or None, digest or None)


def substitute(text: str, variables: Mapping[str, str | None]) -> str:
    """Expand `$NAME`, `${NAME}` and `${NAME:-default}`; an unknown name leaves UNRESOLVED behind."""

    def value(match: re.Match[str]) -> str:
        name = match["braced"] or match["bare"]
        found = variables.get(name)
        if found:
            return found
        return match["default"] if match["default"] is not None else UNRESOLVED

    return _VARIABLE.sub(value, text)


def image_target(source: str, role: Role, display: str, line: int, column: int, written: str,
                 resolved: str, snippet: str) -> Target | None:
    """A target for an image reference when it is a Python image; None for other images."""
    if UNRESOLVED in resolved:
        image = parse_image(resolved.replace(UNRESOLVED, ""))
        if not image.is_python:
            return None
        return Target(f"{source} (unresolved variable)", role, display, line, column, written,
                      end_column=column + len(written), snippet=snippet)
    image = parse_image(resolved)
    if not image.is_python:
        return None
    windows = image.tag is not None and ("windowsservercore" in image.tag or "nanoserver" in image.tag)
    return Target(source, role, display, line, column, resolved, image.version(),
                  end_column=column + len(written), floating=image.floating, snippet=snippet,
                  os="windows" if windows else "linux")


# -- Dockerfile ------------------------------------------------------------------------------------


def _instructions(text: str) -> Iterator[tuple[int, str, str]]:
    """(first line number, physical first line, logical instruction) with continuations joined."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        start, first = index + 1, lines[index]
        logical = first
        while logical.rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            following = lines[index]
            if following.lstrip().startswith("#"):
                continue
            logical = logical.rstrip()[:-1] + " " + following.strip()
        index += 1
        stripped = logical.strip()
        if stripped and not stripped.startswith("#"):
            yield start, first, stripped


def dockerfile(display: str, text: str) -> Iterator[Target]:
    global_args: dict[str, str | None] = {}
    stages: set[str] = set()
    seen_from = False
    for number, first, instruction in _instructions(text):
        keyword, _, rest = instruction.partition(" ")
        keyword = keyword.upper()
        if keyword == "ARG" and not seen_from:
            for declaration in rest.split():
                name, has_default, default = declaration.partition("=")
                global_args[name] = default.strip("\"'") if has_default else None
        elif keyword == "FROM":
            seen_from = True
            words = [word for word in rest.split() if not word.startswith("--")]
            if not words:
                continue
            written = words[0]
            if len(words) >= 3 and words[1].lower() == "as":
                stages.add(words[2].lower())
            if written.lower() in stages and not (len(words) >= 3 and words[2].lower() == written.lower()):
                continue  # a previous build stage, not an image
            column = first.find(written)
            target = image_target("Dockerfile FROM", Role.RUNS, display, number, max(column, 0), written,
                                  substitute(written, global_args), first.strip())
            if target is not None:
                yield target


# -- Compose ---------------------------------------------------------------------------------------


def compose_file(display: str, text: str) -> Iterator[Target]:
    root = yamlnodes.compose(text)
    lines = text.splitlines()
    for _name, service in yamlnodes.items(yamlnodes.get(root, "services")):
        node = yamlnodes.get(service, "image")
        written = yamlnodes.scalar_text(node)
        if not written:
            continue
        line, column = yamlnodes.position(node)
        snippet = lines[line - 1].strip() if line <= len(lines) else ""
        resolved = substitute(written, {})
        target = image_target("Compose image", Role.RUNS, display, line, column, written, resolved, snippet)
        if target is not None:
            yield target
