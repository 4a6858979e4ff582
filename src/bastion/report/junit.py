"""JUnit XML: one test case per rule and file, failing with one entry per finding; diagnostics as errors.

CI systems (GitLab, Jenkins, Azure) show these as test results, grouped by practice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from bastion.model import Finding
from bastion.report import Report


def render(report: Report) -> str:
    suites = ET.Element("testsuites", name="bastion", tests="0", failures="0", errors="0", time=f"{report.duration:.3f}")
    grouped: dict[str, dict[tuple[str, str], list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        grouped[finding.rule.practice.slug][(finding.rule.code, finding.location.path)].append(finding)
    total_tests = total_failures = 0
    for practice, cases in sorted(grouped.items()):
        suite = ET.SubElement(suites, "testsuite", name=f"bastion.{practice}", tests=str(len(cases)), failures=str(len(cases)), errors="0")
        for (code, path), findings in sorted(cases.items()):
            rule = findings[0].rule
            case = ET.SubElement(suite, "testcase", classname=f"bastion.{practice}.{code}", name=f"{code} {rule.name}: {path}", file=path)
            lines = "\n".join(f"{f.location.path}:{f.location.line}:{f.location.column + 1}: {f.message}" for f in findings)
            failure = ET.SubElement(
                case, "failure", message=f"{len(findings)} finding(s) of {code} {rule.name}", type=findings[0].effective_severity.label
            )
            failure.text = f"{lines}\n\n{rule.summary}\nSee: bastion explain {code}"
        total_tests += len(cases)
        total_failures += len(cases)
    if report.diagnostics:
        suite = ET.SubElement(suites, "testsuite", name="bastion.diagnostics", tests=str(len(report.diagnostics)), failures="0", errors=str(len(report.diagnostics)))
        for diagnostic in report.diagnostics:
            case = ET.SubElement(suite, "testcase", classname="bastion.diagnostics", name=f"{diagnostic.kind}: {diagnostic.path}", file=diagnostic.path)
            error = ET.SubElement(case, "error", message=diagnostic.message, type=str(diagnostic.kind))
            error.text = f"{diagnostic.path}:{diagnostic.line or ''} {diagnostic.message}"
        total_tests += len(report.diagnostics)
    if total_tests == 0:
        suite = ET.SubElement(suites, "testsuite", name="bastion", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", classname="bastion", name=f"no findings in {report.files_scanned} files")
        total_tests = 1
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", str(len(report.diagnostics)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
