"""Settings for [tool.bastion.routes]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from typing import Any


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError("expected a string or a list of strings")


def _role_guards(value: Any) -> dict[str, tuple[str, ...]]:
    """`{"admin_only" = ["admin"]}` or a list of names (roles unknown)."""
    if isinstance(value, dict):
        return {str(name): _strings(roles) if roles else () for name, roles in value.items()}
    return {name: () for name in _strings(value)}


KEYS: dict[str, Callable[[Any], Any]] = {
    # Paths (globs such as "/webhooks/*") or handler names ("app.views.webhook", "*.health") that are public.
    "public-routes": _strings,
    # Extra decorator/dependency names (last component or dotted) that require a logged-in user.
    "guards": _strings,
    # Extra names that require a role or permission, optionally with the roles they require.
    "role-guards": _role_guards,
    # Extra words that make an endpoint sensitive (admin, export, users, settings, billing, delete built in).
    "sensitive-words": _strings,
}
