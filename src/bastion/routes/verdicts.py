"""Judging the inventory: which endpoints are public, guarded or exposed, and the findings."""

from __future__ import annotations

import re
from collections import defaultdict

from bastion.model import Finding, Location
from bastion.routes import rules
from bastion.routes.guards import matches_public
from bastion.routes.model import AUTH, PUBLIC, ROLE, Endpoint
from bastion.routes.syntax import UNSAFE

# Endpoints public by their purpose: signing in and out, signing up, liveness probes, static files.
_NATURALLY_PUBLIC = frozenset({
    "login", "logout", "signin", "signout", "signup", "register", "registration", "health", "healthz",
    "healthcheck", "ping", "readiness", "liveness", "readyz", "livez", "static", "favicon", "robots",
})
_HOME = frozenset({"index", "home", "homepage", "landing", "about", "root"})
_PASSWORD_RECOVERY = frozenset({"reset", "forgot", "recover", "lost"})
_ACCOUNT_LINKS = frozenset({"activate", "confirm", "verify", "verification"})
_TOKEN = frozenset({"token", "jwt", "oauth", "callback", "authorize"})
_SENSITIVE = frozenset({"admin", "export", "users", "settings", "billing", "delete"})
# A visitor's own display preferences (Django's `set_language`): kept in a cookie or the session,
# chosen before signing in; public when the handler writes nothing else.
_PREFERENCES = frozenset({"language", "lang", "setlang", "locale", "i18n", "timezone", "tz", "theme"})
_WORD = re.compile(r"[a-z]+")


def words(endpoint: Endpoint) -> set[str]:
    text = endpoint.path.lower() + " " + endpoint.handler.qualname.rsplit(".", 1)[-1].lower()
    text = re.sub(r"<[^>]*>|\{[^}]*\}", " ", text)
    return set(_WORD.findall(text.replace("_", " ")))


def naturally_public(endpoint: Endpoint) -> bool:
    found = words(endpoint)
    if found & _NATURALLY_PUBLIC:
        return True
    if not state_changing(endpoint) and (endpoint.path == "/" or endpoint.handler.qualname.rsplit(".", 1)[-1] in _HOME):
        return True
    if "admin" in found:
        return False
    if found & {"password", "passwd", "pwd", "account", "accounts", "auth"} and found & _PASSWORD_RECOVERY:
        return True
    if found & {"email", "account"} and found & _ACCOUNT_LINKS:
        return True
    if found & _PREFERENCES and not endpoint.writes:
        return True
    return bool(found & _TOKEN) and not endpoint.writes


def sensitive(endpoint: Endpoint, extra: tuple[str, ...] = ()) -> bool:
    found = words(endpoint)
    if "me" in found or "profile" in found:
        return False
    return bool(found & (_SENSITIVE | set(extra)))


def declared_public(endpoint: Endpoint, patterns: tuple[str, ...]) -> bool:
    return matches_public(endpoint.path, endpoint.handler.qualname, patterns)


def state_changing(endpoint: Endpoint) -> bool:
    return bool(set(endpoint.methods) & UNSAFE) or endpoint.writes


def verdict(endpoint: Endpoint, public_patterns: tuple[str, ...]) -> str:
    if declared_public(endpoint, public_patterns):
        return "public (config)"
    access = endpoint.access
    if access == ROLE:
        return "role"
    if access == AUTH:
        return "authenticated"
    if access == PUBLIC:
        return "public (explicit)"
    if endpoint.permissive_default:
        return "open (permissive default)"
    if endpoint.guards:
        return "public (reads)"  # guards that only check writes
    if naturally_public(endpoint):
        return "public (by purpose)"
    return "unguarded"


def _guarded_for(endpoint: Endpoint, methods: set[str]) -> bool:
    kinds = {g.kind for g in endpoint.guards if not (g.unsafe_only and not methods & UNSAFE)}
    return bool(kinds & {AUTH, ROLE, PUBLIC})


def judge(endpoints: list[Endpoint], options) -> dict[int, list[tuple]]:
    """Findings per endpoint position: [(rule, message, location)]."""
    public = tuple(options.get("public-routes", ()))
    extra_words = tuple(w.lower() for w in options.get("sensitive-words", ()))
    found: dict[int, list[tuple]] = defaultdict(list)
    exempt = {i for i, e in enumerate(endpoints) if declared_public(e, public) or naturally_public(e)}
    drf_views_reported: set[str] = set()
    for i, endpoint in enumerate(endpoints):
        label = f"{'/'.join(endpoint.methods)} {endpoint.path} (handler `{endpoint.handler.qualname}`)"
        location = Location(endpoint.handler.path, endpoint.handler.line, endpoint.handler.column)
        unsafe = set(endpoint.methods) & UNSAFE
        if endpoint.csrf_exempt and unsafe and i not in exempt:
            path, line, column = endpoint.csrf_exempt
            found[i].append((rules.CSRF_EXEMPT_STATE_CHANGE, f"{label} changes state but is exempt from CSRF protection",
                             Location(path, line, column)))
        if i in exempt or endpoint.access == PUBLIC:
            continue
        if endpoint.permissive_default and endpoint.access == "none":
            if endpoint.view not in drf_views_reported:
                drf_views_reported.add(endpoint.view)
                found[i].append((rules.PERMISSIVE_DEFAULT, f"{label}: DRF view `{endpoint.view}` sets no permission_classes "
                                 "and DEFAULT_PERMISSION_CLASSES is missing or AllowAny, so anyone may call it",
                                 Location(endpoint.handler.path, endpoint.view_line or endpoint.handler.line, 0)))
            continue
        if (unsafe or endpoint.writes) and not _guarded_for(endpoint, unsafe or {"GET"}):
            what = "changes state" if unsafe else "writes data on GET"
            found[i].append((rules.UNGUARDED_STATE_CHANGE, f"{label} {what} but no guard (login, permission, dependency) runs before it", location))
            continue
        if sensitive(endpoint, extra_words) and endpoint.access != ROLE:
            state = "requires only a logged-in user" if endpoint.access == AUTH else "has no authentication"
            found[i].append((rules.MISSING_ROLE_CHECK, f"{label} is sensitive but {state} and checks no role or permission", location))
            continue
    _siblings(endpoints, exempt, found)
    return found


def _siblings(endpoints: list[Endpoint], exempt: set[int], found: dict[int, list[tuple]]) -> None:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, endpoint in enumerate(endpoints):
        if i not in exempt and endpoint.access != PUBLIC and not endpoint.permissive_default:
            groups[endpoint.group].append(i)
    for members in groups.values():
        for i in members:
            endpoint = endpoints[i]
            if endpoint.guards or found.get(i):
                continue
            # Compared with siblings of the same nature: public list pages beside guarded forms are normal.
            others = [j for j in members if endpoints[j].handler != endpoint.handler
                      and state_changing(endpoints[j]) == state_changing(endpoint)]
            guarded = [j for j in others if endpoints[j].guards]
            if len(guarded) >= 2 and len(guarded) * 4 >= len(others) * 3:
                label = f"{'/'.join(endpoint.methods)} {endpoint.path} (handler `{endpoint.handler.qualname}`)"
                found[i].append((rules.UNGUARDED_SIBLING, f"{label} has no guard while {len(guarded)} of its {len(others)} "
                                 f"siblings in `{endpoint.group}` are guarded",
                                 Location(endpoint.handler.path, endpoint.handler.line, endpoint.handler.column)))


def findings(endpoints: list[Endpoint], judged: dict[int, list[tuple]]) -> list[Finding]:
    """One finding per rule and location; endpoints sharing a handler are named together."""
    merged: dict[tuple, tuple] = {}
    for i in sorted(judged):
        for info, message, location in judged[i]:
            key = (info.code, location)
            if key in merged:
                previous = merged[key]
                merged[key] = (info, previous[1] + "; also " + message, location)
            else:
                merged[key] = (info, message, location)
    return [Finding(rule=info, message=message, location=location, context=message.split(" (handler")[0])
            for info, message, location in merged.values()]
