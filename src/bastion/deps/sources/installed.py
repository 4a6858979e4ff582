"""Installed environments, read through package metadata (dist-info), never by importing packages."""

from __future__ import annotations

import glob
import importlib.metadata
import os
import sys

from packaging.utils import canonicalize_name

from bastion.deps.model import Dependency, Manifest


def site_packages(venv: str) -> list[str]:
    """The site-packages directories of a virtual environment (or a site-packages directory itself)."""
    if os.path.basename(os.path.normpath(venv)) == "site-packages":
        return [venv]
    found = glob.glob(os.path.join(venv, "lib", "python*", "site-packages"))
    found += glob.glob(os.path.join(venv, "lib64", "python*", "site-packages"))
    found += glob.glob(os.path.join(venv, "Lib", "site-packages"))
    return sorted({os.path.realpath(p) for p in found})


def read_environment(paths: list[str] | None = None, label: str | None = None) -> Manifest:
    """Every distribution found on `paths` (default: the running interpreter's `sys.path`)."""
    search = paths if paths is not None else [p for p in sys.path if p]
    display = label or (paths[0] if paths else sys.prefix)
    manifest = Manifest(display, display, "environment", is_lock=True)
    seen: set[str] = set()
    for distribution in importlib.metadata.distributions(path=search):
        name = distribution.metadata["Name"] if distribution.metadata else None
        version = distribution.version
        if not name or not version or canonicalize_name(name) in seen:
            continue  # the first on the path is the one Python imports
        seen.add(canonicalize_name(name))
        manifest.dependencies.append(
            Dependency(name, display, 0, specifier=f"=={version}", version=version, locked=True, text=f"{name}=={version}")
        )
    info = sys.version_info
    if paths is None:
        manifest.requires_python = f"=={info.major}.{info.minor}.{info.micro}"
    return manifest
