"""conda environment.yml: the pip section (conda packages come from conda channels, not PyPI)."""

from __future__ import annotations

import re

from bastion.deps.files import LineFinder, ManifestError, parse_error, read_text
from bastion.deps.model import Manifest
from bastion.deps.sources.requirements_line import parse_requirement

_PYTHON = re.compile(r"^python\s*[=<>!]=?\s*([0-9][0-9.*]*)")


def parse(path: str, display: str) -> Manifest:
    import yaml

    text = read_text(path, display)
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError) as error:
        raise ManifestError(parse_error(display, f"invalid YAML: {str(error).splitlines()[0]}")) from None
    manifest = Manifest(path, display, "environment.yml")
    entries = data.get("dependencies") if isinstance(data, dict) else None
    lines = LineFinder(text)
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str) and (match := _PYTHON.match(entry.strip())):
            version = match.group(1).rstrip(".*")
            manifest.requires_python = f"=={version}.*" if version.count(".") == 1 else f"=={version}"
        elif isinstance(entry, dict) and isinstance(entry.get("pip"), list):
            lines.find(r"^\s*-\s*pip\s*:")
            for item in entry["pip"]:
                _add_pip(manifest, lines, item)
    return manifest


def _add_pip(manifest: Manifest, lines: LineFinder, item: object) -> None:
    if not isinstance(item, str):
        manifest.diagnostics.append(parse_error(manifest.display, f"pip entry {item!r} is not a string"))
        return
    line = lines.find(re.escape(item))
    text = item.strip()
    if text.startswith("-"):
        option, _, rest = text.partition(" ")
        if option in {"-e", "--editable"}:
            dependency = parse_requirement(rest, manifest.display, line, editable=True)
            if dependency is not None:
                manifest.dependencies.append(dependency)
        return  # -r, index options: nothing to audit here
    dependency = parse_requirement(text, manifest.display, line)
    if dependency is None:
        manifest.diagnostics.append(parse_error(manifest.display, f"cannot parse requirement {text!r}", line or None))
    else:
        manifest.dependencies.append(dependency)
