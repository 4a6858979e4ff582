"""The CPython release table: branches with their support dates, and security advisories.

The table is data (`data/cpython.json`, dated by its `as_of`); this module is its model, the loader
that prefers a refreshed copy in the cache directory over the bundled one, and the refresh itself.
"""

from __future__ import annotations

import calendar
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

BUNDLED = Path(__file__).with_name("data") / "cpython.json"
DEFAULT_URL = "https://raw.githubusercontent.com/bastion-security/bastion/main/src/bastion/interpreter/data/cpython.json"
URL_ENV = "BASTION_CPYTHON_TABLE_URL"
MAX_TABLE_BYTES = 4 * 1024 * 1024
SCHEMA = 1


class TableError(ValueError):
    """The release table is missing, malformed or inconsistent."""


@dataclass(frozen=True, slots=True)
class Day:
    """A date as the PEPs give it: a day, or only a month (then it means the month's last day)."""

    text: str
    value: date

    @classmethod
    def parse(cls, text: str) -> Day:
        parts = text.split("-")
        try:
            if len(parts) == 2:
                year, month = int(parts[0]), int(parts[1])
                return cls(text, date(year, month, calendar.monthrange(year, month)[1]))
            return cls(text, date.fromisoformat(text))
        except (ValueError, IndexError):
            raise TableError(f"bad date {text!r}") from None

    @property
    def label(self) -> str:
        """'2024-10-07', or 'October 2025' for a month."""
        if self.text.count("-") == 1:
            return f"{calendar.month_name[self.value.month]} {self.value.year}"
        return self.text


@dataclass(frozen=True, slots=True)
class Branch:
    """A minor version of CPython ("3.11") and its life cycle."""

    minor: str
    pep: int | None
    first_release: Day | None
    end_of_bugfix: Day | None
    end_of_life: Day
    latest: Version | None
    latest_date: Day | None

    @property
    def key(self) -> tuple[int, int]:
        return minor_key(self.minor)

    def status(self, today: date) -> str:
        """'prerelease', 'bugfix', 'security' or 'end-of-life' on `today`."""
        if self.end_of_life.value < today:
            return "end-of-life"
        if self.first_release is not None and today < self.first_release.value:
            return "prerelease"
        if self.end_of_bugfix is not None and self.end_of_bugfix.value < today:
            return "security"
        return "bugfix"

    def is_end_of_life(self, today: date) -> bool:
        return self.end_of_life.value < today


@dataclass(frozen=True, slots=True)
class Advisory:
    """A CPython security advisory: the first patch release of each affected branch that fixes it."""

    id: str
    component: str
    summary: str
    fixed: Mapping[str, Version]
    unfixed: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()

    def fixed_after(self, version: Version) -> Version | None:
        """The release fixing this flaw in `version`'s branch when `version` is older than it."""
        fix = self.fixed.get(f"{version.major}.{version.minor}")
        return fix if fix is not None and version < fix else None


@dataclass(frozen=True, slots=True)
class ReleaseTable:
    as_of: date
    branches: Mapping[str, Branch]
    advisories: tuple[Advisory, ...]
    origin: str  # "bundled" or the path of the refreshed copy

    def branch(self, minor: str) -> Branch | None:
        return self.branches.get(minor)

    @property
    def newest(self) -> Branch:
        return max(self.branches.values(), key=lambda branch: branch.key)

    def fixed_later(self, version: Version) -> list[tuple[Advisory, Version]]:
        """Advisories fixed in a later patch release of `version`'s branch, by fixing release."""
        found = [(advisory, fix) for advisory in self.advisories if (fix := advisory.fixed_after(version))]
        return sorted(found, key=lambda pair: (pair[1], pair[0].id))

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "origin": self.origin, "advisories": len(self.advisories)}


def minor_key(minor: str) -> tuple[int, int]:
    major, _, rest = minor.partition(".")
    return int(major), int(rest or 0)


# -- loading ---------------------------------------------------------------------------------------


def parse_table(data: Any, origin: str) -> ReleaseTable:
    """Validate and convert the JSON document; raises TableError on anything unexpected."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise TableError(f"{origin}: not a CPython release table of schema {SCHEMA}")
    try:
        as_of = date.fromisoformat(data["as_of"])
        branches = {minor: _branch(minor, entry) for minor, entry in data["branches"].items()}
        advisories = tuple(_advisory(entry, branches) for entry in data["advisories"])
    except TableError as error:
        raise TableError(f"{origin}: {error}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise TableError(f"{origin}: malformed table ({type(error).__name__}: {error})") from None
    if not branches:
        raise TableError(f"{origin}: no branches")
    return ReleaseTable(as_of, branches, advisories, origin)


def _day(value: Any) -> Day | None:
    return None if value is None else Day.parse(str(value))


def _version(value: Any) -> Version | None:
    if value is None:
        return None
    try:
        return Version(str(value))
    except InvalidVersion:
        raise TableError(f"bad version {value!r}") from None


def _branch(minor: str, entry: Mapping[str, Any]) -> Branch:
    minor_key(minor)  # validates "X.Y"
    latest = _version(entry.get("latest"))
    if latest is not None and f"{latest.major}.{latest.minor}" != minor:
        raise TableError(f"branch {minor}: latest release {latest} is not a {minor} release")
    end_of_life = _day(entry["end_of_life"])
    if end_of_life is None:
        raise TableError(f"branch {minor}: end_of_life is required")
    return Branch(
        minor=minor,
        pep=entry.get("pep"),
        first_release=_day(entry.get("first_release")),
        end_of_bugfix=_day(entry.get("end_of_bugfix")),
        end_of_life=end_of_life,
        latest=latest,
        latest_date=_day(entry.get("latest_date")),
    )


def _advisory(entry: Mapping[str, Any], branches: Mapping[str, Branch]) -> Advisory:
    fixed: dict[str, Version] = {}
    for minor, release in entry["fixed"].items():
        version = _version(release)
        if minor not in branches or version is None or f"{version.major}.{version.minor}" != minor:
            raise TableError(f"{entry['id']}: fix {release!r} does not belong to branch {minor!r}")
        fixed[minor] = version
    return Advisory(
        id=str(entry["id"]),
        component=str(entry.get("component", "")),
        summary=str(entry["summary"]),
        fixed=fixed,
        unfixed=tuple(str(minor) for minor in entry.get("unfixed", ())),
        platforms=tuple(str(name) for name in entry.get("platforms", ())),
    )


def cached_path(cache_dir: Path | None = None) -> Path:
    from bastion.user_cache import release_table_path

    return release_table_path(cache_dir)


def load_table(cache_dir: Path | None = None) -> ReleaseTable:
    """The refreshed copy in the cache directory when it is valid and newer, else the bundled table."""
    bundled = _load_bundled()
    path = cached_path(cache_dir)
    try:
        refreshed = _load_file(path)
    except (OSError, TableError):
        return bundled
    return refreshed if refreshed.as_of >= bundled.as_of else bundled


@cache
def _load_bundled() -> ReleaseTable:
    return parse_table(json.loads(BUNDLED.read_text("utf-8")), "bundled")


def _load_file(path: Path) -> ReleaseTable:
    with open(path, "rb") as handle:
        payload = handle.read(MAX_TABLE_BYTES + 1)
    if len(payload) > MAX_TABLE_BYTES:
        raise TableError(f"{path}: larger than {MAX_TABLE_BYTES} bytes")
    try:
        data = json.loads(payload)
    except ValueError as error:
        raise TableError(f"{path}: not JSON ({error})") from None
    return parse_table(data, str(path))


# -- refreshing ------------------------------------------------------------------------------------


def default_url() -> str:
    """Where refreshed tables come from: BASTION_CPYTHON_TABLE_URL, or the project's published copy."""
    return os.environ.get(URL_ENV) or DEFAULT_URL


def refresh_from_url(url: str | None = None, cache_dir: Path | None = None, timeout: float = 30) -> ReleaseTable:
    """Download a newer release table and store it atomically in the cache directory.

    Only https URLs (or http to this machine, for tests) are accepted. The download is validated as
    a whole before it replaces anything; on any failure the previous copy stays and TableError is
    raised. A table older than the bundled one is refused.
    """
    import urllib.error
    import urllib.request

    from bastion.deps.advisories import ServiceError

    url = url or default_url()
    from bastion.deps.advisories.http import check_url

    try:
        check_url(url)
    except ServiceError as error:
        raise TableError(str(error)) from None
    request = urllib.request.Request(url, headers={"User-Agent": "bastion-security", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read(MAX_TABLE_BYTES + 1)
    except (urllib.error.URLError, OSError) as error:
        raise TableError(f"{url}: {getattr(error, 'reason', None) or error}") from None
    if len(payload) > MAX_TABLE_BYTES:
        raise TableError(f"{url}: larger than {MAX_TABLE_BYTES} bytes")
    try:
        table = parse_table(json.loads(payload), url)
    except ValueError as error:
        raise TableError(f"{url}: not a release table ({error})") from None
    if table.as_of < _load_bundled().as_of:
        raise TableError(f"{url}: table of {table.as_of} is older than the bundled one ({_load_bundled().as_of})")
    path = cached_path(cache_dir)
    _write_atomically(path, payload)
    return parse_table(json.loads(payload), str(path))


def _write_atomically(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cpython-", suffix=".json")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
