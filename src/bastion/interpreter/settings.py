"""Settings for [tool.bastion.interpreter]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from datetime import date
from typing import Any


def _months(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 60:
        return value
    raise ValueError("expected a whole number of months from 0 to 60")


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError("expected a date such as 2026-01-31")


KEYS: dict[str, Callable[[Any], Any]] = {
    "eol-warning-months": _months,  # BST103: report end of life this many months ahead (default 6)
    "as-of": _date,  # judge support status on this day instead of today (reproducible reports)
}
