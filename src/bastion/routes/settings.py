"""Settings for [tool.bastion.routes]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from typing import Any

KEYS: dict[str, Callable[[Any], Any]] = {}
