"""`bastion routes [PATH] [--format table|json|csv|markdown] [--matrix]`: the route inventory.

Imported at start-up by the main CLI, so everything heavy is imported inside the handler.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROUTE_SELECTORS = ("BST301", "BST302", "BST303", "BST304", "BST305")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("routes", help="list every web endpoint with its guards and roles (Flask, FastAPI, Django, DRF)")
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), help="project directory (default: .)")
    parser.add_argument("-f", "--format", choices=("table", "json", "csv", "markdown"), default="table")
    parser.add_argument("--matrix", action="store_true", help="show the role x endpoint matrix instead of the inventory")
    parser.add_argument("-o", "--output-file", type=Path, help="write to FILE")
    parser.add_argument("--config", type=Path, help="read settings from this file")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.set_defaults(handler=_run, no_progress=True, quiet=False, jobs=None)


def _run(options: argparse.Namespace) -> int:
    from bastion import cli
    from bastion.routes.report import render

    options.paths = [options.path]
    paths, config = cli.load_config(options)
    config = config.with_overrides(select=ROUTE_SELECTORS, extend_select=())
    result = cli._run_scan(paths, config, options)
    text = render(result.extras.get("routes", []), options.format, show_matrix=options.matrix)
    if options.output_file:
        options.output_file.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0
