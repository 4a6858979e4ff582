"""Python version spellings found in project files, turned into one value.

`3.11.7`, `3.11`, `python-3.11.7` (runtime.txt), `py311` (tox), `3.12.0rc1`, `3.13t` (free-threaded)
all become a `PythonVersion`; PyPy and other implementations are recognised and kept apart, since
CPython's support dates do not apply to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version


@dataclass(frozen=True, slots=True)
class PythonVersion:
    major: int
    minor: int | None  # None: only the major version is fixed ("3", "python3")
    micro: int | None = None  # None: any patch release of the minor version
    pre: str = ""  # "rc1", "b2", "a3"
    implementation: str = "cpython"

    @property
    def branch(self) -> str | None:
        return None if self.minor is None else f"{self.major}.{self.minor}"

    @property
    def exact(self) -> Version | None:
        """The exact release, when a patch level is given."""
        if self.minor is None or self.micro is None:
            return None
        return Version(f"{self.major}.{self.minor}.{self.micro}{self.pre}")

    @property
    def is_cpython(self) -> bool:
        return self.implementation == "cpython"

    def __str__(self) -> str:
        text = str(self.major)
        if self.minor is not None:
            text += f".{self.minor}"
            if self.micro is not None:
                text += f".{self.micro}{self.pre}"
        return text if self.is_cpython else f"{self.implementation} {text}"


_DOTTED = re.compile(
    r"""^(?:(?P<impl>pypy|graalpy|jython|ironpython|cpython|python|py|stackless)[-_]?)?v?
        (?P<major>[23])(?:\.(?P<minor>\d{1,2})(?:\.(?P<micro>\d{1,3}))?)?
        (?P<pre>(?:a|b|rc)\d+|-?(?:alpha|beta|rc|dev)(?:\.?\d+)?)?
        t?$""",
    re.VERBOSE | re.IGNORECASE,
)
_UNDOTTED = re.compile(r"^(?P<impl>py|pypy|python|cp)(?P<major>[23])(?P<minor>\d{1,2})?$", re.IGNORECASE)
_IMPLEMENTATION_ALIASES = {"python": "cpython", "py": "cpython", "cp": "cpython", "": "cpython"}


def parse_version(text: str) -> PythonVersion | None:
    """A Python version as projects spell it, or None when `text` names none."""
    text = text.strip().strip("\"'")
    match = _DOTTED.match(text)
    if match:
        micro = match["micro"]
        return PythonVersion(
            major=int(match["major"]),
            minor=None if match["minor"] is None else int(match["minor"]),
            micro=None if micro is None else int(micro),
            pre=_pre(match["pre"]) if micro is not None else "",
            implementation=_implementation(match["impl"]),
        )
    match = _UNDOTTED.match(text)
    if match:
        minor = match["minor"]
        return PythonVersion(int(match["major"]), None if minor is None else int(minor),
                             implementation=_implementation(match["impl"]))
    return None


def _implementation(prefix: str | None) -> str:
    prefix = (prefix or "").lower()
    return _IMPLEMENTATION_ALIASES.get(prefix, prefix)


def _pre(text: str | None) -> str:
    if not text:
        return ""
    text = text.lstrip("-").replace(".", "").lower()
    if text.startswith("dev"):
        return "a0"
    try:
        return str(Version(f"0{text}")).removeprefix("0")
    except InvalidVersion:
        return ""
