"""The HTML report in a real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "vulnerable-shop"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("html") / "report.html"
    code, _, err = run_cli("check", str(EXAMPLE), "--no-cache", "-f", "html", "-o", str(target))
    assert code == 1, err
    return target


def test_report_is_self_contained(report_file: Path) -> None:
    page = report_file.read_text()
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert "Scorecard by practice" in page and "BST401" in page


def test_grades_follow_the_documented_weights() -> None:
    from bastion.model import Confidence, Finding, Location, Severity
    from bastion.report.html import grade, score
    from bastion.rules import registry

    info = registry.info("BST202")
    high = Finding(info, "m", Location("a.py", 1), severity=Severity.HIGH, confidence=Confidence.HIGH)
    low_confidence = Finding(info, "m", Location("a.py", 1), severity=Severity.HIGH, confidence=Confidence.LOW)
    assert score([high]) == 90 and grade(90) == "A"
    assert score([high, high, low_confidence]) == 76 and grade(76) == "C"
    assert score([high] * 20) == 0 and grade(0) == "F"


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Debian's chromium is not installed")
def test_report_in_headless_chromium(report_file: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    assert CHROMIUM, "CI must install Debian's chromium (see .ci/run)"
    errors: list[str] = []
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(report_file.as_uri())
            total = page.locator("article.finding").count()
            assert total > 0
            assert page.locator("#shown").inner_text() == f"{total} of {total} shown"
            assert page.locator(".score").count() == 7

            page.select_option("#filter-severity", "medium")
            medium = page.locator("article.finding[data-severity=medium]").count()
            assert page.locator("article.finding:visible").count() == medium < total
            page.select_option("#filter-severity", "")

            page.fill("#filter-text", "yaml.load")
            assert 0 < page.locator("article.finding:visible").count() < total
            page.fill("#filter-text", "")

            rule = page.locator("#filter-rule option").nth(1).get_attribute("value")
            page.select_option("#filter-rule", rule)
            assert page.locator("article.finding:visible").count() == page.locator(f"article[data-rule={rule}]").count()
            page.select_option("#filter-rule", "")

            page.locator("article.finding details summary").first.click()
            assert page.locator("article.finding details[open]").count() == 1

            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "html-report.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
