"""Settings for [tool.bastion.taint]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from typing import Any

KEYS: dict[str, Callable[[Any], Any]] = {}
