"""Settings for [tool.bastion.secrets]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from typing import Any

KEYS: dict[str, Callable[[Any], Any]] = {}
