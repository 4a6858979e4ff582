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


def _example_report():
    from bastion import cli
    from bastion.config import default_for
    from bastion.engine.runner import scan

    paths = [Path(__file__).parent.parent / "examples" / "vulnerable-shop"]
    config = default_for(paths)
    result = scan(paths, config, use_cache=False, jobs=1)
    return cli._make_report(result, config, findings=result.findings, baselined=0, fixed=0)


def test_plain_text_is_what_rich_prints_without_colour() -> None:
    """The plain writer (no `rich` import) must print exactly what the rich console prints uncoloured."""
    import io

    from bastion.report import text

    report = _example_report()
    plain, drawn = io.StringIO(), io.StringIO()
    for writer in (text.PlainWriter(plain), text.RichWriter(drawn, color=False)):
        text._render(report, writer)
        text._summary(report, writer)
    assert plain.getvalue() == drawn.getvalue()
    assert "Findings by practice and severity\n practice " in plain.getvalue()


def test_text_report_never_passes_control_characters_through(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_bytes(b'x = input()\nif x:\n\teval(x)\t# \x1b[2J\x07 clear\n')
    code, out, _ = run_cli("check", str(tmp_path), "--no-cache")
    assert code == 1 and "BST250" in out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[2J\\x07 clear" in out
    assert "    > 3 |       eval(x) #" in out  # tabs expanded to columns of 8, as rich expands them
