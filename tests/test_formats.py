"""Every output format renders the same scan and validates against its schema or parser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from helpers import run_cli

from bastion.report import FORMATS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "vulnerable-shop"
GITLAB_SCHEMA = Path(__file__).parent / "data" / "schemas" / "gitlab-sast-report.schema.json"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    directory = tmp_path_factory.mktemp("formats")
    write = [f"--output={name}={directory / name}" for name in FORMATS if name != "text"]
    code, text, err = run_cli("check", str(EXAMPLE), "--no-cache", "-q", *write)
    assert code == 1, err
    rendered = {name: (directory / name).read_text(encoding="utf-8") for name in FORMATS if name != "text"}
    rendered["text"] = text
    return rendered


def test_every_declared_format_renders(outputs: dict[str, str]) -> None:
    assert set(outputs) == set(FORMATS)
    assert all(outputs.values())


def test_junit_is_well_formed_and_counts_agree(outputs: dict[str, str]) -> None:
    root = ET.fromstring(outputs["junit"])
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert int(root.get("tests")) == len(cases) > 0
    assert int(root.get("failures")) == len(root.findall("./testsuite/testcase/failure"))
    assert all(case.get("classname", "").startswith("bastion.") for case in cases)


def test_gitlab_sast_report_validates(outputs: dict[str, str]) -> None:
    report = json.loads(outputs["gitlab"])
    jsonschema.validate(report, json.loads(GITLAB_SCHEMA.read_text()))
    ids = [v["id"] for v in report["vulnerabilities"]]
    assert len(ids) == len(set(ids)) > 0
    assert any(i["type"] == "cwe" for v in report["vulnerabilities"] for i in v["identifiers"])


def test_github_annotations_are_escaped_workflow_commands(outputs: dict[str, str]) -> None:
    lines = outputs["github"].splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    for line in lines:
        properties, _, message = line[2:].partition("::")
        assert "\n" not in message and "file=" in properties and "line=" in properties


def test_github_escaping() -> None:
    from bastion.report.github import _escape_data, _escape_property

    assert _escape_data("50%\nnext") == "50%25%0Anext"
    assert _escape_property("a,b:c") == "a%2Cb%3Ac"


def test_markdown_summarises_for_a_pull_request(outputs: dict[str, str]) -> None:
    text = outputs["markdown"]
    assert text.startswith("## Bastion: ")
    assert "| practice | findings |" in text and ("`BST202` shell-command" in text or "`BST251` command-injection" in text)


def test_openmetrics_parses_with_prometheus_client(outputs: dict[str, str]) -> None:
    from prometheus_client.openmetrics.parser import text_string_to_metric_families

    families = {family.name: family for family in text_string_to_metric_families(outputs["openmetrics"])}
    findings = families["bastion_findings"]
    total = sum(sample.value for sample in findings.samples)
    assert total == len(json.loads(outputs["json"])["findings"])
    assert {s.labels["practice"] for s in findings.samples} >= {"secure-coding"}
    assert families["bastion_files_scanned"].samples[0].value > 0
