"""Regenerate the evaluation set under tests/data/deps/eval/ from the 2026 OSV snapshot.

Real packages and real releases: affected versions come from the advisories' own `versions` lists
(old releases), safe ones from their `fixed` events and from releases with no advisory at all. The
pins are spread over nine manifest and lock formats; `pins.json` lists them for the oracle test.

    .venv/bin/python benchmarks/deps/make_eval.py
"""

from __future__ import annotations

import json
import random
import zipfile
from collections import defaultdict
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

SNAPSHOT = Path("/work/shared/osv/pypi-advisories-2026-07-23.zip")
OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "deps" / "eval"
# Real releases with no advisory in the snapshot (checked below), to keep negatives honest.
SAFE = [
    ("six", "1.16.0"), ("attrs", "23.2.0"), ("packaging", "24.0"), ("pluggy", "1.5.0"), ("iniconfig", "2.0.0"),
    ("python-dateutil", "2.9.0.post0"), ("pytz", "2024.1"), ("click", "8.1.7"), ("colorama", "0.4.6"),
    ("markupsafe", "2.1.5"), ("itsdangerous", "2.2.0"), ("typing-extensions", "4.12.2"), ("toml", "0.10.2"),
    ("wrapt", "1.16.0"), ("decorator", "5.1.1"), ("more-itertools", "10.3.0"), ("tomli", "2.0.1"), ("zipp", "3.19.2"),
]
# Well-known old pins (spelled as people write them: mixed case, underscores), and a local version.
FAMOUS = [
    ("Django", "1.11.0"), ("Django", "2.2.0"), ("requests", "2.19.0"), ("urllib3", "1.24.1"), ("Jinja2", "2.10"),
    ("PyYAML", "5.3"), ("Pillow", "6.2.0"), ("Flask", "0.12"), ("cryptography", "2.3"), ("numpy", "1.16.0"),
    ("lxml", "4.6.2"), ("SQLAlchemy", "1.2.0"), ("Werkzeug", "0.15.0"), ("paramiko", "2.4.0"), ("PyJWT", "1.7.0"),
    ("setuptools", "65.5.0"), ("pip", "21.0"), ("tornado", "5.1"), ("aiohttp", "3.7.3"), ("Twisted", "20.3.0"),
    ("torch", "1.13.1+cpu"), ("typing_extensions", "4.12.2"), ("certifi", "2022.9.24"), ("idna", "3.6"),
]
FORMATS = ["requirements", "poetry", "pipenv", "uv", "pdm", "pylock", "pyproject", "setupcfg", "conda"]


def load() -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    affected, fixed = defaultdict(set), defaultdict(set)
    with zipfile.ZipFile(SNAPSHOT) as archive:
        for name in archive.namelist():
            record = json.loads(archive.read(name))
            if record.get("withdrawn"):
                continue
            for entry in record.get("affected") or []:
                package = canonicalize_name(entry["package"]["name"])
                affected[package].update(entry.get("versions") or [])
                for r in entry.get("ranges") or []:
                    if r.get("type") == "ECOSYSTEM":
                        fixed[package].update(e["fixed"] for e in r["events"] if "fixed" in e)
    names = set(affected) | set(fixed)
    return {k: sorted(v) for k, v in affected.items()}, {k: sorted(v) for k, v in fixed.items()}, names


def valid(version: str) -> bool:
    try:
        Version(version)
        return True
    except InvalidVersion:
        return False


def choose() -> list[tuple[str, str]]:
    affected, fixed, names = load()
    rng = random.Random(2026)
    popular = sorted(names, key=lambda n: -len(affected.get(n, ())))[:90]
    pins: list[tuple[str, str]] = []
    for package in popular:
        old = [v for v in affected.get(package, []) if valid(v) and not Version(v).is_prerelease]
        new = [v for v in fixed.get(package, []) if valid(v)]
        if old:
            pins.append((package, rng.choice(old[: max(1, len(old) // 2)])))  # an old release
        if new:
            pins.append((package, max(new, key=Version)))  # the newest fixed release
    pins += [p for p in SAFE if p[0] not in names] + FAMOUS
    rng.shuffle(pins)
    return pins


def write(pins: list[tuple[str, str]]) -> None:
    groups: dict[str, list[tuple[str, str]]] = {f: [] for f in FORMATS}
    for index, pin in enumerate(pins):  # round robin; a lock file names each package once
        for step in range(len(FORMATS)):
            items = groups[FORMATS[(index + step) % len(FORMATS)]]
            if all(canonicalize_name(n) != canonicalize_name(pin[0]) for n, _ in items):
                items.append(pin)
                break
    writers = {
        "requirements": ("requirements.txt", lambda ps: "# pinned application requirements\n" + "".join(f"{n}=={v}\n" for n, v in ps)),
        "poetry": ("poetry.lock", lambda ps: "".join(
            f'[[package]]\nname = "{n}"\nversion = "{v}"\ndescription = ""\noptional = false\npython-versions = "*"\nfiles = []\n\n' for n, v in ps
        ) + '[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "0"\n'),
        "pipenv": ("Pipfile.lock", lambda ps: json.dumps({
            "_meta": {"hash": {"sha256": "0"}, "pipfile-spec": 6, "requires": {"python_version": "3.11"}, "sources": []},
            "default": {n: {"hashes": [], "version": f"=={v}"} for n, v in ps}, "develop": {},
        }, indent=4) + "\n"),
        "uv": ("uv.lock", lambda ps: 'version = 1\nrequires-python = ">=3.10"\n\n[[package]]\nname = "evalapp"\nversion = "0.1.0"\nsource = { editable = "." }\n\n' + "".join(
            f'[[package]]\nname = "{n}"\nversion = "{v}"\nsource = {{ registry = "https://pypi.org/simple" }}\n\n' for n, v in ps
        )),
        "pdm": ("pdm.lock", lambda ps: '[metadata]\ngroups = ["default"]\nlock_version = "4.4"\n\n' + "".join(
            f'[[package]]\nname = "{n}"\nversion = "{v}"\nsummary = ""\ngroups = ["default"]\nfiles = []\n\n' for n, v in ps
        )),
        "pylock": ("pylock.toml", lambda ps: 'lock-version = "1.0"\ncreated-by = "eval"\nrequires-python = ">=3.10"\n\n' + "".join(
            f'[[packages]]\nname = "{n}"\nversion = "{v}"\n\n' for n, v in ps
        )),
        "pyproject": ("pyproject.toml", lambda ps: '[project]\nname = "evalapp"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = [\n' + "".join(
            f'    "{n}=={v}",\n' for n, v in ps
        ) + "]\n"),
        "setupcfg": ("setup.cfg", lambda ps: "[metadata]\nname = evalapp\n\n[options]\npython_requires = >=3.10\ninstall_requires =\n" + "".join(
            f"    {n}=={v}\n" for n, v in ps
        )),
        "conda": ("environment.yml", lambda ps: "name: evalapp\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n" + "".join(
            f"    - {n}=={v}\n" for n, v in ps
        )),
    }
    listing = []
    for kind, items in groups.items():
        filename, render = writers[kind]
        directory = OUT / kind
        directory.mkdir(parents=True, exist_ok=True)
        (directory / filename).write_text(render(items), "utf-8")
        listing += [{"file": f"{kind}/{filename}", "name": n, "version": v} for n, v in items]
    (OUT / "pins.json").write_text(json.dumps(listing, indent=1) + "\n", "utf-8")
    print(f"{len(listing)} pins in {len(groups)} formats")


if __name__ == "__main__":
    write(choose())
