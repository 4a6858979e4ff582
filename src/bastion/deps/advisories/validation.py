"""Validating OSV records against the OSV JSON schema (bundled copy of osv-schema.json)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("bastion.deps.advisories").joinpath("osv-schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def _without_version_lists(record: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The record with each `affected[].versions` list cut to one item, after checking here that
    every item is a string (all the schema asks of them): half the validation time goes to
    descending into those lists, which hold most of a dump's values."""
    affected = record.get("affected")
    if not isinstance(affected, list):
        return record, None
    slimmed = []
    for index, entry in enumerate(affected):
        versions = entry.get("versions") if isinstance(entry, dict) else None
        if isinstance(versions, list):
            if not all(isinstance(v, str) for v in versions):
                return record, f"affected/{index}/versions: every listed version must be a string"
            entry = {**entry, "versions": versions[:1]}
        slimmed.append(entry)
    return {**record, "affected": slimmed}, None


def problem(record: Any) -> str | None:
    """Why the record is not a valid OSV record (the most relevant schema error), or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    record, reason = _without_version_lists(record)
    if reason is not None:
        return reason
    validator = _validator()
    if validator.is_valid(record):
        if not isinstance(record.get("id"), str):
            return "record has no id"
        return None
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(record))
    where = "/".join(str(p) for p in error.absolute_path) if error is not None else ""
    return f"{where or 'record'}: {error.message[:200]}" if error is not None else "invalid record"


def parsed(data: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """The record in an entry, or why it cannot be used."""
    try:
        record = json.loads(data)
    except (ValueError, RecursionError) as error:
        return None, f"not JSON: {error}"
    reason = problem(record)
    return (None, reason) if reason else (record, None)
