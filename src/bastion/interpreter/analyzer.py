"""The interpreter check as a project pass of `bastion check`: targets from the scanned files,
judged against the release table; the table of targets goes to the report's extras."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bastion.engine.analysis import Project, ProjectResult
from bastion.model import Diagnostic, DiagnosticKind

if TYPE_CHECKING:
    from bastion.interpreter.checks import Settings
    from bastion.interpreter.model import Target
    from bastion.interpreter.releases import ReleaseTable


def _day_and_warning(project: Project) -> tuple[date, int]:
    """The day the check is made for, and how many months before end of life it warns."""
    section = project.config.section("interpreter")
    return section.get("as-of") or date.today(), section.get("eol-warning-months", 6)


def settings_for(project: Project) -> Settings:
    from bastion.interpreter.checks import Settings

    today, warning_months = _day_and_warning(project)
    return Settings(today=today, warning_months=warning_months)


def summary(targets: list[Target], table: ReleaseTable, settings: Settings) -> dict:
    """The JSON-compatible table of targets for reports: each with its branch's status and dates."""
    rows = []
    for target in targets:
        row = target.to_json()
        branch = table.branch(target.branch) if target.branch else None
        row["status"] = branch.status(settings.today) if branch else None
        row["end_of_life"] = branch.end_of_life.text if branch else None
        row["latest"] = str(branch.latest) if branch and branch.latest else None
        rows.append(row)
    return {
        "table": {"as_of": table.as_of.isoformat(), "origin": table.origin},
        "evaluated_on": settings.today.isoformat(),
        "targets": rows,
    }


STALE_AFTER_DAYS = 180


def staleness(table: ReleaseTable, today: date) -> str | None:
    """A note when the release table is old enough to miss releases and advisories."""
    age = (today - table.as_of).days
    if age <= STALE_AFTER_DAYS:
        return None
    return (f"the CPython release table is from {table.as_of} ({age} days old): Python releases and advisories "
            "published since are not known; refresh it with `bastion interpreter --update-table`")


class InterpreterAnalyzer:
    name = "interpreter"
    uses_facts = False  # reads the files, not the per-file facts

    def cache_token(self, project: Project) -> str:
        from bastion.user_cache import release_table_path

        today, warning_months = _day_and_warning(project)
        try:
            refreshed = release_table_path().stat().st_mtime_ns
        except OSError:
            refreshed = 0
        return f"{today.isoformat()}:{warning_months}:{refreshed}"

    def analyze(self, project: Project) -> ProjectResult:
        from bastion.discovery import in_test_data
        from bastion.interpreter.files import names_pythons

        files = [(f.path, f.display) for f in project.other_files if names_pythons(f.path)]
        files += [(m.absolute, m.path) for m in project.python_files if names_pythons(m.absolute)]
        if not project.config.scan_tests:
            root = str(project.root)
            files = [(path, display) for path, display in files if not in_test_data(path, root)]
        if not files:
            return ProjectResult()
        # Imported only now: many scanned trees name no Python (nor does a cached scan need them).
        from bastion.interpreter.checks import check
        from bastion.interpreter.releases import TableError, load_table
        from bastion.interpreter.targets import find_targets

        targets, diagnostics = find_targets(files)
        result = ProjectResult(diagnostics=diagnostics)
        if not targets:
            return result
        try:
            table = load_table()
        except TableError as error:
            result.diagnostics.append(Diagnostic("", DiagnosticKind.INTERNAL_ERROR, f"CPython release table: {error}"))
            return result
        settings = settings_for(project)
        stale = staleness(table, settings.today)
        if stale:
            first = min(targets, key=lambda t: (t.path, t.line))  # reports want a file to attach notes to
            result.diagnostics.append(Diagnostic(first.path, DiagnosticKind.SKIPPED, stale, line=first.line, level="note"))
        result.findings.extend(check(targets, table, settings))
        result.extras["interpreters"] = summary(targets, table, settings)
        return result


PROJECT_ANALYZER = InterpreterAnalyzer()
