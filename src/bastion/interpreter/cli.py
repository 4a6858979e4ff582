"""`bastion interpreter`: which Pythons a project targets or runs, judged against the release table.

Imported at start-up by the main CLI, so everything heavy is imported inside the handler.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "interpreter",
        aliases=["python"],
        help="check the Python versions a project targets or runs against CPython end-of-life dates and CVEs",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="project directories or files (default: . unless --env/--python)")
    parser.add_argument("--env", action="store_true", help="also check the interpreter running Bastion")
    parser.add_argument("--python", dest="pythons", action="append", default=[], metavar="PATH",
                        help="also check this interpreter (run with -c to ask its version, nothing imported); repeatable")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="judge support status on this day instead of today")
    parser.add_argument("--eol-warning-months", type=int, metavar="N", help="warn N months before end of life (default 6)")
    parser.add_argument("--table", action="store_true", help="print the CPython release table and exit")
    parser.add_argument("--update-table", nargs="?", const="", metavar="URL",
                        help="download a newer release table into the cache directory and exit")
    parser.set_defaults(handler=_run)


def _fail(message: str) -> int:
    print(f"bastion: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _run(options: argparse.Namespace) -> int:
    from bastion.interpreter.releases import TableError, load_table

    if options.update_table is not None:
        return _update(options.update_table)
    try:
        table = load_table()
    except TableError as error:
        return _fail(str(error))
    try:
        settings, paths = _settings(options)
    except LookupError as error:
        return _fail(str(error))
    if options.table:
        _print_table(table, settings, options.format)
        return EXIT_OK
    try:
        targets, diagnostics = _targets(options, paths)
    except LookupError as error:
        return _fail(str(error))
    from bastion.interpreter.analyzer import staleness, summary
    from bastion.interpreter.checks import check
    from bastion.model import Diagnostic, DiagnosticKind

    stale = staleness(table, settings.today)
    if stale:
        diagnostics.append(Diagnostic("", DiagnosticKind.SKIPPED, stale, level="note"))

    findings = sorted(check(targets, table, settings), key=lambda f: f.sort_key())
    data = summary(targets, table, settings)
    if options.format == "json":
        _print_json(data, findings, diagnostics)
    else:
        _print_text(data, findings, diagnostics)
    return EXIT_FINDINGS if findings else EXIT_OK


def _settings(options: argparse.Namespace):
    from datetime import date

    from bastion.config import ConfigError
    from bastion.config import load as load_config
    from bastion.interpreter.checks import Settings

    paths = list(options.paths) or ([] if (options.env or options.pythons) else [Path(".")])
    for path in paths:
        if not path.exists():
            raise LookupError(f"{path}: no such file or directory")
    section = {}
    if paths:
        try:
            section = load_config(paths).section("interpreter")
        except ConfigError as error:
            raise LookupError(str(error)) from None
    today = section.get("as-of") or date.today()
    if options.as_of:
        try:
            today = date.fromisoformat(options.as_of)
        except ValueError:
            raise LookupError(f"--as-of {options.as_of!r}: expected YYYY-MM-DD") from None
    months = options.eol_warning_months if options.eol_warning_months is not None else section.get("eol-warning-months", 6)
    if not 0 <= months <= 60:
        raise LookupError("--eol-warning-months: expected 0 to 60")
    return Settings(today=today, warning_months=months), paths


def _targets(options: argparse.Namespace, paths: list[Path]):
    from bastion.interpreter import running
    from bastion.interpreter.model import SourceError
    from bastion.interpreter.targets import find_targets, project_files, reader_for

    files: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            files += project_files(path)
        elif reader_for(str(path.resolve())) is not None:
            files.append((str(path.resolve()), str(path)))
        else:
            raise LookupError(f"{path}: not a file that names Python versions")
    targets, diagnostics = find_targets(files)
    if options.env:
        targets.append(running.current())
    for executable in options.pythons:
        try:
            targets.append(running.probe(executable))
        except SourceError as error:
            raise LookupError(str(error)) from None
    if not targets and not diagnostics:
        raise LookupError("found no Python versions (requires-python, .python-version, Dockerfile, CI, tox, ...)")
    return targets, diagnostics


# -- output ----------------------------------------------------------------------------------------


def _print_text(data: dict, findings, diagnostics) -> None:
    table = data["table"]
    print(f"Python versions (release table of {table['as_of']}, {table['origin']}; evaluated on {data['evaluated_on']})")
    rows = data["targets"]
    if rows:
        where = [f"{r['path']}:{r['line']}" if not r["path"].startswith("<") else r["path"] for r in rows]
        width = min(max(len(w) for w in where), 60)
        for place, row in zip(where, rows, strict=True):
            version = row["version"] or row["specifier"] or ("floating" if row["floating"] else "?")
            status = row["status"] or ""
            if status and row["end_of_life"]:
                status += f" (end of life {row['end_of_life']})"
            print(f"  {place:<{width}}  {row['role']:<8}  {version:<12}  {status}")
    if findings:
        print()
        for finding in findings:
            loc = finding.location
            place = loc.path if loc.path.startswith("<") else f"{loc.path}:{loc.line}:{loc.column + 1}"
            print(f"{place}: {finding.code} [{finding.effective_severity.label}] {finding.message}")
    for diagnostic in diagnostics:
        print(f"bastion: {diagnostic.path + ': ' if diagnostic.path else ''}{diagnostic.message}", file=sys.stderr)
    print(f"\n{len(findings)} finding{'s' if len(findings) != 1 else ''}")


def _print_json(data: dict, findings, diagnostics) -> None:
    import json

    from bastion.report.json_format import finding_data
    from bastion.serialize import diagnostic_to_data

    document = {
        **data,
        "findings": [finding_data(f) for f in findings],
        "diagnostics": [diagnostic_to_data(d) for d in diagnostics],
    }
    print(json.dumps(document, indent=2))


def _print_table(table, settings, format_name: str) -> None:
    from bastion.interpreter.releases import minor_key

    branches = sorted(table.branches.values(), key=lambda b: minor_key(b.minor))
    if format_name == "json":
        import json

        rows = [{
            "branch": b.minor, "status": b.status(settings.today),
            "first_release": b.first_release.text if b.first_release else None,
            "end_of_bugfix": b.end_of_bugfix.text if b.end_of_bugfix else None,
            "end_of_life": b.end_of_life.text, "latest": str(b.latest) if b.latest else None,
        } for b in branches]
        print(json.dumps({"as_of": table.as_of.isoformat(), "origin": table.origin, "branches": rows,
                          "advisories": len(table.advisories)}, indent=2))
        return
    print(f"CPython release table of {table.as_of} ({table.origin}); status on {settings.today}")
    print(f"  {'branch':<7} {'status':<12} {'first release':<14} {'end of bugfix':<14} {'end of life':<12} latest")
    for b in branches:
        print(f"  {b.minor:<7} {b.status(settings.today):<12} {b.first_release.text if b.first_release else '':<14} "
              f"{b.end_of_bugfix.text if b.end_of_bugfix else '':<14} {b.end_of_life.text:<12} {b.latest or '-'}")
    print(f"  {len(table.advisories)} security advisories; releases and advisories after {table.as_of} are not included")


def _update(url: str) -> int:
    from bastion.interpreter.releases import TableError, refresh_from_url

    try:
        table = refresh_from_url(url or None)
    except TableError as error:
        return _fail(f"release table not updated, previous one kept: {error}")
    print(f"bastion: CPython release table of {table.as_of} stored at {table.origin}", file=sys.stderr)
    return EXIT_OK
