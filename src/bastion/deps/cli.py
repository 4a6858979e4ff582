"""`bastion deps`, `bastion db update|status` and `bastion sbom`: options only; the work is elsewhere.

Imported at start-up by the main CLI, so everything heavy is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def register(subparsers) -> None:
    deps = subparsers.add_parser("deps", help="audit dependencies against OSV advisories")
    _add_inputs(deps)
    deps.add_argument("-f", "--format", choices=("text", "json"), default="text")
    deps.add_argument("--fix", action="store_true", help="raise vulnerable pins to the smallest safe version")
    deps.add_argument("--dry-run", action="store_true", help="with --fix: print the diff, change nothing")
    deps.add_argument("--outdated", action="store_true", help="also report pins behind their latest release (online: PyPI JSON API)")
    deps.add_argument("--ignore-vuln", action="append", default=[], metavar="ID", help="advisory id or alias to leave out; repeatable")
    deps.set_defaults(handler=_deps)

    db = subparsers.add_parser("db", help="manage the local advisory database")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    update = actions.add_parser("update", help="download OSV's PyPI advisories and rebuild the database")
    update.add_argument("--source", type=Path, metavar="FILE.zip|DIR", help="build from a local dump instead of downloading")
    update.add_argument("--url", default=None, help="download from this URL (default: OSV's PyPI all.zip)")
    update.add_argument("--db", type=Path, help="database file (default: in the user cache directory)")
    update.add_argument("--no-progress", action="store_true")
    update.set_defaults(handler=_db_update)
    status = actions.add_parser("status", help="show the database's source, build time, counts and age")
    status.add_argument("--db", type=Path)
    status.set_defaults(handler=_db_status)

    sbom = subparsers.add_parser("sbom", help="write a CycloneDX 1.6 JSON SBOM with known vulnerabilities")
    _add_inputs(sbom)
    sbom.add_argument("-o", "--output-file", type=Path, help="write to FILE instead of standard output")
    sbom.add_argument("--no-vulnerabilities", action="store_true", help="components only")
    sbom.set_defaults(handler=_sbom)


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="project directories or manifest files (default: .)")
    parser.add_argument("--env", action="store_true", help="audit the running Python environment")
    parser.add_argument("--path", dest="venvs", action="append", type=Path, default=[], metavar="VENV",
                        help="audit the environment at VENV (a virtualenv or site-packages); repeatable")
    parser.add_argument("--service", choices=("local", "osv", "pypi"), default="local",
                        help="where advisories come from (default: the local database)")
    parser.add_argument("--db", type=Path, help="advisory database file (default: in the user cache directory)")
    parser.add_argument("--osv-url", default=None, help="base URL of an OSV-compatible API (default: https://api.osv.dev)")
    parser.add_argument("--pypi-url", default=None, help="base URL of a PyPI-compatible JSON API (default: https://pypi.org)")


def _fail(message: str) -> int:
    print(f"bastion: error: {message}", file=sys.stderr)
    return EXIT_ERROR


# -- shared ---------------------------------------------------------------------------------------


def _manifests(options: argparse.Namespace):
    from bastion.config import ConfigError
    from bastion.config import load as load_config
    from bastion.deps.collect import parse_manifests
    from bastion.deps.manifests import manifest_paths
    from bastion.deps.sources.installed import read_environment, site_packages
    from bastion.discovery import discover

    manifests = []
    paths = list(options.paths)
    if paths or not (options.env or options.venvs):
        paths = paths or [Path(".")]
        for path in paths:
            if not path.exists():
                raise LookupError(f"{path}: no such file or directory")
        try:
            config = load_config(paths, None)
        except ConfigError as error:
            raise LookupError(str(error)) from None
        files = discover(paths, config)
        found = manifest_paths(((f.path, f.display) for f in files.other), paths)
        manifests += parse_manifests(found, _common_root(config.root, [Path(p) for p, _ in found]))
    else:
        config = None
    if options.env:
        manifests.append(read_environment())
    for venv in options.venvs:
        found = site_packages(str(venv))
        if not found:
            raise LookupError(f"--path {venv}: no site-packages directory found")
        manifests.append(read_environment(found, label=str(venv)))
    return manifests, config


def _common_root(root: Path, manifests: list[Path]) -> Path:
    """The project root, widened to hold manifests named explicitly elsewhere."""
    import os

    return Path(os.path.commonpath([str(root.resolve()), *(str(p.parent) for p in manifests)])) if manifests else root


def _service(options: argparse.Namespace, config):
    """The advisory service the options ask for; `None` with a message when it is unavailable."""
    from bastion.deps.advisories.location import cache_directory

    if options.service == "osv":
        from bastion.deps.advisories.osv_api import DEFAULT_URL, OsvService

        return OsvService(options.osv_url or DEFAULT_URL, cache_directory() / "http")
    if options.service == "pypi":
        from bastion.deps.advisories.pypi_api import DEFAULT_URL, PypiService

        return PypiService(options.pypi_url or DEFAULT_URL, cache_directory() / "http")
    from bastion.deps.advisories.database import AdvisoryDatabase

    return AdvisoryDatabase(_database_path(options, config))


def _database_path(options: argparse.Namespace, config=None) -> Path:
    from bastion.deps.advisories.location import default_database_path

    if getattr(options, "db", None):
        return options.db
    configured = config.section("deps").get("database") if config is not None else None
    if configured is not None:
        return configured if configured.is_absolute() else config.root / configured
    return default_database_path()


def _audit(options: argparse.Namespace):
    from bastion.deps.advisories import ServiceError
    from bastion.deps.advisories.database import DatabaseError
    from bastion.deps.run import run

    manifests, config = _manifests(options)
    if not manifests:
        raise LookupError("no requirements, pyproject.toml, lock files or environments found")
    try:
        service = _service(options, config)
    except DatabaseError as error:
        raise LookupError(str(error)) from None
    status = service.status() if hasattr(service, "status") else None
    if status is not None and status.stale:
        print(f"bastion: warning: the advisory database is {status.age_days:.0f} days old; run `bastion db update`", file=sys.stderr)
    settings = config.section("deps") if config is not None else {}
    root = config.root if config is not None else None  # an environment alone: no project to ask
    ignored = (*settings.get("ignore-vulnerabilities", ()), *getattr(options, "ignore_vuln", ()))
    try:
        outcome = run(manifests, service, root, report_unpinned=settings.get("report-unpinned", True), ignored=ignored)
    except ServiceError as error:
        raise LookupError(f"advisory service failed: {error}") from None
    return outcome, service


# -- deps -----------------------------------------------------------------------------------------


def _deps(options: argparse.Namespace) -> int:
    if options.dry_run and not options.fix:
        return _fail("--dry-run only makes sense with --fix")
    try:
        outcome, service = _audit(options)
        outdated = _outdated(options, outcome) if options.outdated else []
    except LookupError as error:
        return _fail(str(error))
    from bastion.deps.report import print_json, print_text

    findings = sorted(outcome.findings + outdated, key=lambda f: f.sort_key())
    if options.fix:
        return _fix(outcome, write=not options.dry_run)
    if options.format == "json":
        print_json(outcome, findings, service.name)
    else:
        print_text(outcome, findings, service)
    from bastion.model import Severity

    vulnerable = any(f.rule.code == "BST601" and f.effective_severity > Severity.INFO for f in findings)
    return EXIT_FINDINGS if vulnerable else EXIT_OK


def _outdated(options: argparse.Namespace, outcome):
    from bastion.deps.advisories import ServiceError
    from bastion.deps.advisories.location import cache_directory
    from bastion.deps.advisories.pypi_api import DEFAULT_URL, PypiService
    from bastion.deps.outdated import outdated_findings

    service = PypiService(options.pypi_url or DEFAULT_URL, cache_directory() / "http")
    try:
        return outdated_findings(outcome, service)
    except ServiceError as error:
        raise LookupError(f"--outdated: {error}") from None


def _fix(outcome, *, write: bool) -> int:
    from bastion.deps import fix

    plan = fix.plan(outcome.results)
    diff, problems = fix.apply(plan, write=write)
    if diff and not write:
        sys.stdout.write(diff)
    for problem in [*problems, *plan.skipped]:
        print(f"bastion: not fixed: {problem}", file=sys.stderr)
    for command in plan.commands:
        print(f"bastion: run: {command}", file=sys.stderr if write else sys.stdout)
    if write and diff:
        changed = sum(len(edits) for edits in plan.edits.values()) - len(problems)
        print(f"bastion: raised {changed} pin{'s' if changed != 1 else ''}", file=sys.stderr)
    remaining = bool(problems or plan.skipped or plan.commands)
    return EXIT_FINDINGS if (remaining or (diff and not write)) else EXIT_OK


# -- db -------------------------------------------------------------------------------------------


def _db_update(options: argparse.Namespace) -> int:
    from bastion.deps.advisories import update

    target = _database_path(options)
    progress = not options.no_progress and sys.stderr.isatty()
    try:
        if options.source is not None:
            report = _build_with_progress(update.records_from(options.source), target, str(options.source), progress)
        else:
            url = options.url or update.DEFAULT_URL
            archive = _download_with_progress(url, target.parent, progress)
            try:
                report = _build_with_progress(update.records_from(archive), target, url, progress)
            finally:
                archive.unlink(missing_ok=True)
    except (update.UpdateError, OSError) as error:
        return _fail(f"db update failed, previous database kept: {error}")
    for name, reason in report.invalid[:20]:
        print(f"bastion: skipped invalid record {name}: {reason}", file=sys.stderr)
    if len(report.invalid) > 20:
        print(f"bastion: ... and {len(report.invalid) - 20} more invalid records", file=sys.stderr)
    print(
        f"bastion: built {report.path} from {report.source}: {report.advisories} advisories, "
        f"{report.withdrawn} withdrawn and {len(report.invalid)} invalid skipped ({report.seconds:.1f}s)",
        file=sys.stderr,
    )
    if options.source is None and options.url is None:
        _refresh_interpreter_table()
    return EXIT_OK


def _refresh_interpreter_table() -> None:
    """Online updates also refresh the interpreter check's CPython release table, when it offers to."""
    import importlib

    try:
        releases = importlib.import_module("bastion.interpreter.releases")
    except ImportError:
        return
    refresh = getattr(releases, "refresh_from_url", None)
    if not callable(refresh):
        return
    try:
        refresh()
        print("bastion: refreshed the CPython release table", file=sys.stderr)
    except Exception as error:  # the release table is optional here; the advisory update succeeded
        print(f"bastion: warning: CPython release table not refreshed: {error}", file=sys.stderr)


def _download_with_progress(url: str, directory: Path, progress: bool) -> Path:
    from bastion.deps.advisories.update import download

    if not progress:
        return download(url, directory)
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    with Progress(TextColumn("downloading advisories"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("download", total=None)
        return download(url, directory, lambda done, total: bar.update(task, completed=done, total=total))


def _build_with_progress(records, target: Path, label: str, progress: bool):
    from bastion.deps.advisories.update import build

    if not progress:
        return build(records, target, label)
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("building the advisory database"), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("build", total=None)
        return build(records, target, label, lambda: bar.advance(task))


def _db_status(options: argparse.Namespace) -> int:
    from bastion.deps.advisories.database import STALE_AFTER_DAYS, AdvisoryDatabase, DatabaseError

    try:
        database = AdvisoryDatabase(_database_path(options))
    except DatabaseError as error:
        return _fail(str(error))
    status = database.status()
    database.close()
    print(f"database:   {status.path}")
    print(f"source:     {status.source}")
    print(f"built:      {status.built_at.isoformat()} ({status.age_days:.1f} days ago)")
    print(f"advisories: {status.advisories} for {status.packages} packages (newest record {status.newest_record or '?'})")
    print(f"skipped:    {status.withdrawn_skipped} withdrawn, {status.invalid_skipped} invalid")
    if status.stale:
        print(f"bastion: warning: the advisory database is older than {STALE_AFTER_DAYS} days; run `bastion db update`", file=sys.stderr)
    return EXIT_OK


# -- sbom -----------------------------------------------------------------------------------------


def _sbom(options: argparse.Namespace) -> int:
    from bastion import __version__
    from bastion.deps import sbom

    try:
        if options.no_vulnerabilities:
            from bastion.deps.run import run

            manifests, config = _manifests(options)
            outcome = run(manifests, None, config.root if config else None, report_unpinned=False)
        else:
            outcome, _ = _audit(options)
    except LookupError as error:
        return _fail(str(error))
    name = (options.paths[0] if options.paths else Path.cwd()).resolve().name or "project"
    document = sbom.build(outcome.results, name, __version__)
    if options.output_file:
        from bastion.engine.cache import write_atomic

        write_atomic(options.output_file, document + "\n")
    else:
        sys.stdout.write(document + "\n")
    return EXIT_OK
