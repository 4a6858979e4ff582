"""OpenMetrics / Prometheus text exposition: findings by practice, severity and rule, for dashboards."""

from __future__ import annotations

from collections import Counter

from bastion.report import Report


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def render(report: Report) -> str:
    counts = Counter(
        (f.rule.practice.slug, f.effective_severity.label, f.rule.code, f.rule.name) for f in report.findings
    )
    lines = [
        "# TYPE bastion_findings gauge",
        "# HELP bastion_findings Open findings by practice, severity and rule.",
    ]
    for (practice, severity, code, name), number in sorted(counts.items()):
        lines.append(
            f'bastion_findings{{practice="{_label(practice)}",severity="{severity}",rule="{code}",rule_name="{_label(name)}"}} {number}'
        )
    by_kind = Counter(str(d.kind) for d in report.diagnostics)
    lines += ["# TYPE bastion_diagnostics gauge", "# HELP bastion_diagnostics Files that could not be fully analysed, by reason."]
    lines += [f'bastion_diagnostics{{kind="{_label(kind)}"}} {number}' for kind, number in sorted(by_kind.items())]
    lines += [
        "# TYPE bastion_findings_suppressed gauge",
        "# HELP bastion_findings_suppressed Findings silenced by inline suppressions.",
        f"bastion_findings_suppressed {report.suppressed}",
        "# TYPE bastion_files_scanned gauge",
        "# HELP bastion_files_scanned Python files scanned.",
        f"bastion_files_scanned {report.files_scanned}",
        "# TYPE bastion_scan_duration_seconds gauge",
        "# UNIT bastion_scan_duration_seconds seconds",
        "# HELP bastion_scan_duration_seconds Wall time of the scan.",
        f"bastion_scan_duration_seconds {report.duration:.3f}",
        "# TYPE bastion info",
        "# HELP bastion The Bastion version that produced these metrics.",
        f'bastion_info{{version="{_label(report.tool_version)}"}} 1',
        "# EOF",
    ]
    return "\n".join(lines) + "\n"
