"""The route inventory's values: guards and endpoints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AUTH, ROLE, PUBLIC = "auth", "role", "public"


@dataclass(frozen=True, slots=True)
class Guard:
    """Something that runs before a handler and can refuse the caller.

    `kind` is "auth" (must be logged in), "role" (a role, permission or scope is required) or
    "public" (explicitly open: DRF `AllowAny`, Django `login_not_required`). `unsafe_only` marks
    guards that let reads through (`IsAuthenticatedOrReadOnly`)."""

    name: str
    kind: str
    roles: tuple[str, ...] = ()
    source: str = "decorator"  # decorator, hook, dependency, mixin, permission, inline, config
    unsafe_only: bool = False
    exempt: tuple[str, ...] = ()  # endpoint names or path globs a hook lets through

    def applies_to(self, path: str, handler: str) -> bool:
        import fnmatch

        short = handler.rsplit(".", 1)[-1]
        for item in self.exempt:
            if item.endswith("*") and (fnmatch.fnmatchcase(path, item) or path.startswith(item[:-1])):
                return False
            if item in (short, path) or item.endswith("." + short):
                return False
        return True

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "roles": list(self.roles), "source": self.source}


@dataclass(frozen=True, slots=True)
class Handler:
    qualname: str
    path: str  # file, as displayed
    line: int
    column: int = 0


@dataclass(frozen=True, slots=True)
class Endpoint:
    framework: str  # flask, fastapi, django, drf
    path: str  # as served, prefixes applied, always starting with "/"
    methods: tuple[str, ...]
    handler: Handler
    guards: tuple[Guard, ...] = ()
    kind: str = "http"  # or "websocket"
    group: str = ""  # blueprint, router or view module: what "siblings" means
    writes: bool = False  # the handler changes state (for GET handlers)
    csrf_exempt: tuple[str, int, int] | None = None  # where the exemption is written
    permissive_default: bool = False  # DRF view relying on a missing/AllowAny default
    view: str = ""  # the class a DRF/Django view belongs to, for per-view findings
    view_line: int = 0
    facts: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def effective_guards(self, method: str | None = None) -> tuple[Guard, ...]:
        guards = self.guards
        if method is not None and method in {"GET", "HEAD", "OPTIONS"}:
            guards = tuple(g for g in guards if not g.unsafe_only)
        return guards

    @property
    def access(self) -> str:
        """The strongest requirement: role, auth, public (explicitly) or none."""
        guards = self.guards
        if not set(self.methods) & {"POST", "PUT", "PATCH", "DELETE"}:
            guards = self.effective_guards("GET")  # IsAuthenticatedOrReadOnly lets reads through
        kinds = {g.kind for g in guards}
        if ROLE in kinds:
            return ROLE
        if AUTH in kinds:
            return AUTH
        if PUBLIC in kinds:
            return PUBLIC
        return "none"

    @property
    def roles(self) -> tuple[str, ...]:
        guards = self.guards
        if not set(self.methods) & {"POST", "PUT", "PATCH", "DELETE"}:
            guards = self.effective_guards("GET")
        return tuple(sorted({role for g in guards for role in g.roles}))
