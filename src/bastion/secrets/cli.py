"""`bastion secrets [PATH] [--history] [--format ...]`: only the secret rules; values redacted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SECRET_SELECTORS = ("BST45", "BST46", "BST47", "BST48", "BST49")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("secrets", help="find hardcoded secrets in every text file (values redacted)")
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), help="file or directory (default: .)")
    parser.add_argument("--history", action="store_true", help="scan the lines every git commit added, and say which secrets were removed since")
    parser.add_argument("-f", "--format", default="text", help="text, json, sarif, ... (with --history: text or json)")
    parser.add_argument("-o", "--output-file", type=Path, help="write the report to FILE")
    parser.add_argument("--config", type=Path, help="read settings from this file")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when secrets are found")
    parser.set_defaults(handler=_run, no_progress=True, quiet=False, jobs=None)


def _run(options: argparse.Namespace) -> int:
    from bastion import cli

    options.paths = [options.path]
    paths, config = cli.load_config(options)
    config = config.with_overrides(select=SECRET_SELECTORS, extend_select=(), fail_on=config.fail_on)
    if options.history:
        return _history(options, config)
    from bastion.report import FORMATS

    if options.format not in FORMATS:
        raise cli.UsageError(f"unknown format {options.format!r} (choose from {', '.join(FORMATS)})")
    result = cli._run_scan(paths, config, options)
    report = cli._make_report(result, config)
    cli._write_output(report, options.format, options.output_file)
    return cli.exit_code(result.findings, result.diagnostics, config, options)


def _history(options: argparse.Namespace, config) -> int:
    import json

    from bastion import cli
    from bastion.secrets.analyzer import options_for
    from bastion.secrets.history import HistoryError, render_text, repository_root, scan_history

    if options.format not in {"text", "json"}:
        raise cli.UsageError("--history supports --format text or json")
    scan_options = options_for(config)
    if scan_options is None:
        raise cli.UsageError("every secret rule is disabled by the configuration")
    try:
        root = repository_root(options.path.resolve())
        hits = scan_history(root, scan_options, exclude=tuple(config.section("secrets").get("exclude", ())))
    except HistoryError as error:
        raise cli.UsageError(str(error)) from None
    if options.format == "json":
        text = json.dumps({"secrets": [hit.to_data() for hit in hits]}, indent=2) + "\n"
    else:
        text = render_text(hits)
    if options.output_file:
        options.output_file.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if hits and not options.exit_zero else 0
