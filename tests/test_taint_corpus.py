"""The labelled taint corpus (tests/taint_corpus/): its shape, and the detection thresholds of issue 3."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "taint_corpus"

_spec = importlib.util.spec_from_file_location("taint_corpus_score", CORPUS / "score.py")
score = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = score
_spec.loader.exec_module(score)

CASES = score.discover()


def test_structure_every_category_has_both_kinds_and_enough_cases() -> None:
    assert len(CASES) >= 400
    assert {case.category for case in CASES} == set(score.CATEGORIES)
    for category in score.CATEGORIES:
        group = [c for c in CASES if c.category == category]
        assert sum(c.safe for c in group) >= 8, category
        assert sum(not c.safe for c in group) >= 8, category
    safe_share = sum(c.safe for c in CASES) / len(CASES)
    assert 0.40 <= safe_share <= 0.50, safe_share


def test_structure_every_category_spans_frameworks_and_modules() -> None:
    for category in score.CATEGORIES:
        names = [c.path.name for c in CASES if c.category == category]
        frameworks = {name.split("_", 1)[0] for name in names}
        assert {"flask", "fastapi", "crossmodule"} <= frameworks, (category, frameworks)
        assert frameworks & {"django", "drf"}, (category, frameworks)
        crossmodule = [c for c in CASES if c.category == category and c.path.is_dir()]
        assert any(c.safe for c in crossmodule) and any(not c.safe for c in crossmodule), category


def test_structure_annotations_are_consistent() -> None:
    problems = []
    for case in CASES:
        code = score.CATEGORIES[case.category]
        codes = {c for _, _, c in case.expected}
        if case.safe and case.expected:
            problems.append(f"{case.name}: safe case with annotations")
        if not case.safe and not case.expected:
            problems.append(f"{case.name}: vulnerable case without an annotation")
        if codes - {code}:
            problems.append(f"{case.name}: annotation {sorted(codes - {code})} outside its category {code}")
        for file, line, _ in case.expected:
            text = (case.root / file).read_text(encoding="utf-8").splitlines()[line - 1]
            if text.lstrip().startswith("#"):
                problems.append(f"{case.name}:{line}: annotation on a comment line")
    assert not problems, "\n".join(problems)


def test_structure_cases_parse_and_have_no_test_file_names() -> None:
    import ast

    for case in CASES:
        for file in case.files():
            ast.parse(file.read_text(encoding="utf-8"), str(file))
            assert not file.name.startswith("test_") and file.name not in {"tests.py", "conftest.py"}, file
        if case.path.is_dir():
            assert len(case.files()) >= 2, case.name


def test_structure_judging_counts_only_the_annotated_line_and_the_category_code() -> None:
    vulnerable = next(c for c in CASES if not c.safe)
    (file, line, code) = next(iter(vulnerable.expected))
    assert score.judge(vulnerable, {(file, line, code)}).correct
    assert not score.judge(vulnerable, {(file, line + 1, code)}).correct
    safe = next(c for c in CASES if c.safe and c.category == "sql-injection")
    assert score.judge(safe, {("x.py", 1, "BST750")}).correct
    assert not score.judge(safe, {("x.py", 1, "BST550")}).correct


@pytest.fixture(scope="module")
def rows() -> list:
    return score.summarise(score.evaluate(CASES))


def test_taint_engine_meets_the_issue_thresholds(rows: list) -> None:
    table = "\n".join(score.table(rows))
    assert score.mean([r.score for r in rows]) >= 0.9, table
    weak = [r.category for r in rows if r.score < 0.75]
    assert not weak, f"categories below 0.75: {weak}\n{table}"
