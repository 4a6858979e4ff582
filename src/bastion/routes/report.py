"""The route inventory as a terminal table, JSON, CSV or Markdown; and the role x endpoint matrix."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from bastion.routes.matrix import matrix

FORMATS = ("table", "json", "csv", "markdown")
COLUMNS = ("path", "methods", "handler", "guards", "roles", "verdict", "findings")


def _cells(row: dict[str, Any]) -> list[str]:
    return [
        row["path"], ",".join(row["methods"]), row["handler"],
        ", ".join(g["name"] for g in row["guards"]) or "-", ", ".join(row["roles"]) or "-",
        row["verdict"], ", ".join(row["findings"]) or "-",
    ]


def render(rows: list[dict[str, Any]], format_name: str, *, show_matrix: bool = False) -> str:
    if format_name == "json":
        data: dict[str, Any] = {"routes": rows}
        if show_matrix:
            header, body = matrix(rows)
            data["matrix"] = {"columns": header, "rows": body}
        return json.dumps(data, indent=2) + "\n"
    header, body = (matrix(rows) if show_matrix else (list(COLUMNS), [_cells(r) for r in rows]))
    if format_name == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        return buffer.getvalue()
    if format_name == "markdown":
        escape = lambda text: text.replace("|", "\\|")  # noqa: E731
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(escape(c) for c in line) + " |" for line in body]
        return "\n".join(lines) + "\n"
    return _table(header, body)


def _table(header: list[str], body: list[list[str]]) -> str:
    widths = [min(60, max(len(str(line[i])) for line in [header, *body])) for i in range(len(header))]

    def fmt(line: list[str]) -> str:
        return "  ".join(str(c)[: widths[i]].ljust(widths[i]) for i, c in enumerate(line)).rstrip()

    lines = [fmt(header), "  ".join("-" * w for w in widths)]
    lines += [fmt(line) for line in body]
    if not body:
        lines.append("no routes found")
    return "\n".join(lines) + "\n"
