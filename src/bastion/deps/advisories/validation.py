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


def problem(record: Any) -> str | None:
    """Why the record is not a valid OSV record (the most relevant schema error), or None."""
    validator = _validator()
    if validator.is_valid(record):
        if not isinstance(record.get("id"), str):
            return "record has no id"
        return None
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(record))
    where = "/".join(str(p) for p in error.absolute_path) if error is not None else ""
    return f"{where or 'record'}: {error.message[:200]}" if error is not None else "invalid record"
