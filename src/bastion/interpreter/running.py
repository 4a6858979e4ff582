"""Live interpreters: the one running Bastion (`--env`) or one the user names (`--python PATH`),
asked for its version in a subprocess. Its `site` is not loaded and no project code is imported."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys

from bastion.interpreter.model import Role, SourceError, Target
from bastion.interpreter.versions import PythonVersion

# Valid for Python 2.6 and later: the interpreter may be an old one.
_QUERY = (
    "import sys, platform; v = sys.version_info; "
    "print('%d %d %d %s %d %s %s' % (v[0], v[1], v[2], v[3], v[4], platform.python_implementation(), sys.platform)); "
    "print(sys.executable)"
)
_PRE = {"alpha": "a", "beta": "b", "candidate": "rc"}
_OS_NAMES = {"linux": "linux", "linux2": "linux", "win32": "windows", "cygwin": "windows", "darwin": "macos"}
TIMEOUT = 20


def current() -> Target:
    info = sys.version_info
    return _target(sys.executable or "python", info.major, info.minor, info.micro, info.releaselevel,
                   info.serial, platform.python_implementation(), sys.platform)


def probe(executable: str) -> Target:
    """Run `executable -E -s -S -c ...` and read its version; SourceError when that fails."""
    path = shutil.which(executable) or executable
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise SourceError(f"{executable}: not an executable file")
    try:
        completed = subprocess.run([path, "-E", "-s", "-S", "-c", _QUERY], capture_output=True, text=True,
                                   timeout=TIMEOUT, stdin=subprocess.DEVNULL, env=_clean_environment())
    except (OSError, subprocess.SubprocessError) as error:
        raise SourceError(f"{executable}: could not be run ({error})") from None
    first, _, rest = completed.stdout.partition("\n")
    words = first.split()
    if completed.returncode != 0 or len(words) != 7 or not all(w.isdigit() for w in (*words[:3], words[4])):
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SourceError(f"{executable}: did not report a Python version ({detail[0][:200]})")
    major, minor, micro, level, serial, implementation, system = words
    actual = rest.strip() or os.path.abspath(path)  # a shim (pyenv, asdf) names the one it runs
    return _target(actual, int(major), int(minor), int(micro), level, int(serial), implementation, system)


def _clean_environment() -> dict[str, str]:
    """Nothing that could make the interpreter import or run something else (PYTHONSTARTUP, ...)."""
    keep = ("PATH", "HOME", "SYSTEMROOT", "LANG", "LC_ALL")
    return {name: os.environ[name] for name in keep if name in os.environ}


def _target(executable: str, major: int, minor: int, micro: int, level: str, serial: int, implementation: str,
            system: str) -> Target:
    pre = f"{_PRE[level]}{serial}" if level in _PRE else ""
    name = implementation.lower()
    version = PythonVersion(major, minor, micro, pre, "cpython" if name == "cpython" else name)
    shown = f"{implementation} {major}.{minor}.{micro}{pre}"
    return Target("interpreter", Role.RUNS, f"<python {executable}>", 1, 0, shown, version,
                  snippet=f"{shown} at {executable}", os=_OS_NAMES.get(system, system))
