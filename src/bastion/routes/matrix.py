"""The role x endpoint matrix: which roles (or plain authentication) open which endpoint."""

from __future__ import annotations

from typing import Any

ANONYMOUS, AUTHENTICATED = "anonymous", "authenticated"


def columns(rows: list[dict[str, Any]]) -> list[str]:
    roles = sorted({role for row in rows for role in row["roles"]})
    return [ANONYMOUS, AUTHENTICATED, *roles]


def cell(row: dict[str, Any], column: str) -> str:
    """"yes" when a caller with only this role (or none) passes every guard, "-" otherwise;
    "?" for role checks whose roles are unknown (a custom test, a permission class)."""
    access = row["access"]
    if access in {"none", "public"}:
        return "yes"
    if column == ANONYMOUS:
        return "-"
    if access == "auth":
        return "yes"
    if column == AUTHENTICATED:
        return "?" if not row["roles"] else "-"
    return "yes" if column in row["roles"] else "-"


def matrix(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    header = columns(rows)
    body = [[f"{'/'.join(r['methods'])} {r['path']}", *(cell(r, c) for c in header)] for r in rows]
    return ["endpoint", *header], body
