"""The dependency audit as a project pass of `bastion check`: offline, against the local database."""

from __future__ import annotations

import os
from pathlib import Path

from bastion.discovery import in_test_data
from bastion.engine.analysis import Project, ProjectResult
from bastion.model import Diagnostic, DiagnosticKind


def database_path(project: Project) -> Path:
    configured = project.config.section("deps").get("database")
    if configured is None:
        from bastion.user_cache import default_database_path

        return default_database_path()
    return configured if Path(configured).is_absolute() else project.root / configured


class DependencyAnalyzer:
    name = "dependencies"
    uses_facts = False  # reads the files, not the per-file facts

    def cache_token(self, project: Project) -> str:
        path = database_path(project)
        try:
            status = os.stat(path)
        except OSError:
            return f"{path}:missing"
        return f"{path}:{status.st_size}:{status.st_mtime_ns}"

    def analyze(self, project: Project) -> ProjectResult:
        from bastion.deps.manifests import manifest_paths

        scan_tests = project.config.scan_tests
        files = ((f.path, f.display) for f in project.other_files if scan_tests or not in_test_data(f.path, project.root))
        paths = manifest_paths(files, project.explicit_paths)
        if not paths:
            return ProjectResult()
        # Imported only now: most scanned trees have no manifest (nor a cached scan any need of them).
        from bastion.deps.advisories.database import AdvisoryDatabase, DatabaseError
        from bastion.deps.collect import parse_manifests
        from bastion.deps.run import run

        manifests = parse_manifests(paths, project.root)
        result = ProjectResult()
        database = None
        try:
            database = AdvisoryDatabase(database_path(project))
        except DatabaseError as error:
            message = f"dependencies not checked for vulnerabilities: {error}"
            result.diagnostics.append(Diagnostic(paths[0][1], DiagnosticKind.SKIPPED, message, line=1, level="note"))
        settings = project.config.section("deps")
        try:
            outcome = run(
                manifests, database, project.root,
                report_unpinned=settings.get("report-unpinned", True),
                ignored=settings.get("ignore-vulnerabilities", ()),
            )
        finally:
            if database is not None:
                database.close()
        result.findings.extend(outcome.findings)
        result.diagnostics.extend(outcome.diagnostics)
        status = database.status() if database is not None else None
        if status is not None and status.stale:
            message = f"the advisory database is {status.age_days:.0f} days old; run `bastion db update`"
            result.diagnostics.append(Diagnostic(paths[0][1], DiagnosticKind.SKIPPED, message, line=1, level="warning"))
        result.extras["dependencies"] = {
            "database": None if status is None else {
                "source": status.source, "built_at": status.built_at.isoformat(), "advisories": status.advisories,
            },
            "targets": list(outcome.targets),
            "packages": outcome.table(),
        }
        return result


PROJECT_ANALYZER = DependencyAnalyzer()
