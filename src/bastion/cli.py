"""Command-line interface: commands and options only; the work happens elsewhere.

Exit codes: 0 nothing at or above `fail-on`; 1 findings at or above it; 2 usage, config or tool error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bastion import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# Commands that live with their analysis: module path -> it exposes `register(subparsers)`, which
# adds its parser(s) and sets `handler` defaults. Imported at start-up, so keep those modules light.
EXTERNAL_COMMANDS = (
    "bastion.routes.cli",
    "bastion.deps.cli",
    "bastion.interpreter.cli",
    "bastion.secrets.cli",
)


class UsageError(Exception):
    pass


def _add_selection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rule selection")
    group.add_argument("--select", type=_csv, help="only these rules (codes, prefixes such as BST2, names or practices)")
    group.add_argument("--extend-select", type=_csv, help="rules to add to the selection")
    group.add_argument("--ignore", type=_csv, help="rules to leave out")
    group.add_argument("--severity", help="minimum severity to report (info, low, medium, high, critical)")
    group.add_argument("--confidence", help="minimum confidence to report (low, medium, high)")


def _csv(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bastion",
        description="Check a Python project against eight secure-development practices.",
    )
    parser.add_argument("--version", action="version", version=f"bastion {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="scan a project and report findings")
    check.add_argument("paths", nargs="*", type=Path, help="files or directories (default: .)")
    check.add_argument("-f", "--format", default=None, help="output format (text, json, sarif, html, junit, ...)")
    check.add_argument("-o", "--output-file", type=Path, help="write the report to FILE instead of standard output")
    check.add_argument(
        "--output",
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write FORMAT to FILE; repeatable",
    )
    _add_selection_options(check)
    files = check.add_argument_group("files")
    files.add_argument("--exclude", type=_csv, help="glob patterns to exclude (replaces the defaults)")
    files.add_argument("--extend-exclude", type=_csv, help="glob patterns to exclude, beside the defaults")
    files.add_argument("--no-gitignore", action="store_true", help="scan files that .gitignore excludes")
    files.add_argument("--max-file-size", type=int, help="skip Python files larger than this many bytes")
    behaviour = check.add_argument_group("behaviour")
    behaviour.add_argument("--config", type=Path, help="read settings from this file instead of searching upward")
    behaviour.add_argument("--isolated", action="store_true", help="ignore configuration files; use defaults and flags only")
    behaviour.add_argument("--fail-on", help="lowest severity that makes the exit code 1 (or 'none')")
    behaviour.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    behaviour.add_argument("--honor-nosec", action="store_true", default=None, help="honour Bandit's '# nosec' comments")
    behaviour.add_argument("--report-unused-suppressions", action="store_true", default=None)
    behaviour.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per CPU)")
    behaviour.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    behaviour.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    behaviour.add_argument("-q", "--quiet", action="store_true", help="text output: findings only, no summary")
    adoption = check.add_argument_group("adoption")
    adoption.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in this baseline")
    adoption.add_argument("--diff-base", metavar="REV", help="report only findings on lines changed since this git revision")
    adoption.add_argument("--fix", action="store_true", help="apply the safe, mechanical fixes rules offer")
    adoption.add_argument("--diff", action="store_true", help="with --fix: print the changes as a diff instead of writing them")
    check.set_defaults(handler=_check)

    baseline = commands.add_parser("baseline", help="record current findings so later runs report only new ones")
    baseline.add_argument("paths", nargs="*", type=Path, help="files or directories (default: .)")
    baseline.add_argument("-o", "--output-file", type=Path, default=None, help="baseline file (default: .bastion-baseline.json at the project root)")
    _add_selection_options(baseline)
    baseline.add_argument("--config", type=Path)
    baseline.add_argument("-j", "--jobs", type=int)
    baseline.add_argument("--no-cache", action="store_true")
    baseline.set_defaults(handler=_baseline, no_progress=False)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    rules.add_argument("--practice", help="only rules of this practice (number or name)")
    rules.add_argument("--write-docs", type=Path, metavar="DIR", help="write DIR/rules.md and one page per rule in DIR/rules/")
    rules.set_defaults(handler=_rules)

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="rule code or name, e.g. BST201 or eval-used")
    explain.set_defaults(handler=_explain)

    for module_name in EXTERNAL_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in {"-h", "--help", "--version"}):
        arguments = ["check", *arguments]
    try:
        options = parser.parse_args(arguments)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_OK
    try:
        return int(options.handler(options) or 0)
    except UsageError as error:
        print(f"bastion: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("bastion: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


# -- check ----------------------------------------------------------------------------------------


def load_config(options: argparse.Namespace):
    from bastion.config import ConfigError
    from bastion.config import load as load_config_file

    paths = options.paths or [Path(".")]
    try:
        if getattr(options, "isolated", False):
            from bastion.config import default_for

            config = default_for(paths)
        else:
            config = load_config_file(paths, getattr(options, "config", None))
        overrides = _config_overrides(options)
        config = config.with_overrides(**overrides)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return paths, config


def _config_overrides(options: argparse.Namespace) -> dict:
    from bastion.config import ConfigError, is_valid_selector
    from bastion.model import Confidence, Severity

    overrides: dict = {}
    for name in ("select", "extend_select", "ignore"):
        value = getattr(options, name, None)
        if value is not None:
            for selector in value:
                if not is_valid_selector(selector):
                    raise ConfigError(f"--{name.replace('_', '-')}: unknown rule, prefix or practice {selector!r}")
            overrides[name] = value
    for name in ("exclude", "extend_exclude"):
        if getattr(options, name, None) is not None:
            overrides[name] = getattr(options, name)
    try:
        if getattr(options, "severity", None):
            overrides["severity"] = Severity.parse(options.severity)
        if getattr(options, "confidence", None):
            overrides["confidence"] = Confidence.parse(options.confidence)
        fail_on = getattr(options, "fail_on", None)
        if fail_on:
            overrides["fail_on"] = None if fail_on.lower() in {"none", "never"} else Severity.parse(fail_on)
    except KeyError as error:
        raise ConfigError(f"unknown level {error.args[0]!r}") from None
    if getattr(options, "no_gitignore", False):
        overrides["respect_gitignore"] = False
    if getattr(options, "max_file_size", None) is not None:
        overrides["max_file_size"] = options.max_file_size
    for name in ("honor_nosec", "report_unused_suppressions"):
        if getattr(options, name, None):
            overrides[name] = True
    return overrides


def _check(options: argparse.Namespace) -> int:
    from bastion.report import FORMATS

    if options.diff and not options.fix:
        raise UsageError("--diff only makes sense with --fix")
    paths, config = load_config(options)
    outputs = _outputs(options, FORMATS)
    result = _run_scan(paths, config, options, warm_up=lambda: _import_formatters(outputs))
    findings = result.findings
    if options.diff_base:
        findings = _changed_only(findings, config.root, options.diff_base)
    baselined = 0
    if options.baseline:
        findings, known = _load_baseline(options.baseline).split(findings, config.root)
        baselined = len(known)
    fixed = 0
    if options.fix:
        findings, fixed, diff = _apply_fixes(findings, write=not options.diff)
        if options.diff:
            sys.stdout.write(diff)
            return EXIT_FINDINGS if diff else EXIT_OK
    report = _make_report(result, config, findings=findings, baselined=baselined, fixed=fixed)
    for format_name, target in outputs:
        _write_output(report, format_name, target, quiet=options.quiet)
    return exit_code(findings, result.diagnostics, config, options)


def _changed_only(findings, root: Path, revision: str):
    from bastion.gitdiff import GitError, changed_lines, only_changed

    try:
        return only_changed(findings, changed_lines(root, revision))
    except GitError as error:
        raise UsageError(f"--diff-base {revision}: {error}") from None


def _load_baseline(path: Path):
    from bastion.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _apply_fixes(findings, *, write: bool):
    from bastion.fix.apply import fix_all

    results = fix_all(findings, write=write)
    fixed_ids = {id(f) for r in results if r.error is None for f in r.fixed}
    for item in results:
        if item.error:
            print(f"bastion: not fixed: {item.path}: {item.error}", file=sys.stderr)
    count = len(fixed_ids)
    files = sum(1 for r in results if r.error is None and r.fixed)
    if write and count:
        print(f"bastion: fixed {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}", file=sys.stderr)
    remaining = [f for f in findings if id(f) not in fixed_ids] if write else findings
    return remaining, count, "".join(r.diff for r in results if r.error is None)


def _baseline(options: argparse.Namespace) -> int:
    from bastion import baseline
    from bastion.baseline import DEFAULT_PATH

    paths, config = load_config(options)
    result = _run_scan(paths, config, options)
    target = options.output_file or (config.root / DEFAULT_PATH)
    try:
        entries = baseline.write(target, result.findings, config.root, __version__)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"bastion: recorded {len(result.findings)} findings ({entries} fingerprints) in {target}", file=sys.stderr)
    return EXIT_OK


def _outputs(options: argparse.Namespace, formats: dict) -> list[tuple[str, Path | None]]:
    primary = options.format or "text"
    outputs: list[tuple[str, Path | None]] = [(primary, options.output_file)]
    for item in options.output:
        name, separator, target = item.partition("=")
        if not separator or not target:
            raise UsageError(f"--output expects FORMAT=FILE, got {item!r}")
        outputs.append((name, Path(target)))
    for name, _ in outputs:
        if name not in formats:
            raise UsageError(f"unknown format {name!r} (choose from {', '.join(formats)})")
    return outputs


def _run_scan(paths: list[Path], config, options: argparse.Namespace, warm_up: Callable[[], None] | None = None):
    from bastion.engine.runner import scan

    progress = None
    if not options.no_progress and sys.stderr.isatty() and not os.environ.get("CI"):
        progress = _progress_factory()
    return scan(
        paths, config, use_cache=not options.no_cache, jobs=getattr(options, "jobs", None), progress=progress, warm_up=warm_up
    )


def _import_formatters(outputs: list[tuple[str, Path | None]]) -> None:
    """Import the formatters the report will need (run while the workers analyse files)."""
    from bastion.report import FORMATS

    for format_name, _ in outputs:
        importlib.import_module(FORMATS[format_name])


def _progress_factory():
    """A rich progress bar on stderr, shown only for large scans."""

    def start(total: int):
        if total < 200:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
            TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True,
        )
        task = progress.add_task("scan", total=total)
        progress.start()

        def advance(count: int) -> None:
            progress.update(task, advance=count)
            if progress.tasks[0].completed >= total:
                progress.stop()

        return advance

    return start


def _make_report(result, config, *, findings=None, baselined: int = 0, fixed: int = 0):
    from bastion.report import Report

    return Report(
        findings=result.findings if findings is None else findings,
        diagnostics=result.diagnostics,
        rules=result.rules,
        root=config.root,
        files_scanned=result.files_scanned,
        duration=result.duration,
        tool_version=__version__,
        suppressed=len(result.suppressed),
        extras=result.extras,
        fail_on=config.fail_on,
        baselined=baselined,
        fixed=fixed,
    )


def _write_output(report, format_name: str, target: Path | None, *, quiet: bool = False) -> None:
    from bastion.engine.cache import write_atomic
    from bastion.report import render

    if target is None and format_name == "text":
        from bastion.report.text import print_report

        print_report(report, quiet=quiet)
        return
    rendered = render(report, format_name)
    if target is None:
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
        return
    try:
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, rendered)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None


def exit_code(findings, diagnostics, config, options: argparse.Namespace | None = None) -> int:
    from bastion.model import DiagnosticKind

    if options is not None and getattr(options, "exit_zero", False):
        return EXIT_OK
    if config.fail_on is not None and any(f.effective_severity >= config.fail_on for f in findings):
        return EXIT_FINDINGS
    if config.report_unused_suppressions and any(d.kind == DiagnosticKind.UNUSED_SUPPRESSION for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK


# -- rules and explain ----------------------------------------------------------------------------


def _rules(options: argparse.Namespace) -> int:
    from bastion import docs
    from bastion.model import Practice
    from bastion.rules import registry

    infos = [entry.info for entry in registry.all_rules()]
    if options.practice:
        try:
            practice = Practice.parse(options.practice)
        except (KeyError, ValueError):
            raise UsageError(f"unknown practice {options.practice!r}") from None
        infos = [info for info in infos if info.practice == practice]
    if options.write_docs:
        written = docs.write_pages(infos, options.write_docs)
        print(f"bastion: wrote {written} rule pages and {options.write_docs / 'rules.md'}", file=sys.stderr)
    elif options.format == "json":
        sys.stdout.write(docs.rules_json(infos))
    elif options.format == "markdown":
        sys.stdout.write(docs.rules_markdown(infos))
    else:
        docs.print_rules_table(infos)
    return EXIT_OK


def _explain(options: argparse.Namespace) -> int:
    from bastion import docs
    from bastion.rules import registry

    found = registry.get(options.rule)
    if found is None:
        raise UsageError(f"unknown rule {options.rule!r}; `bastion rules` lists them")
    docs.print_explanation(found.info)
    return EXIT_OK
