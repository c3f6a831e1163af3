"""Review dates govern publishing: overdue content stops the build, content due soon is flagged."""

import re
import subprocess
import sys
from pathlib import Path
from datetime import date, timedelta

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, ROOT, build_or_fail, mkdocs_build

pytestmark = pytest.mark.build  # every test here builds a site

TOPIC_FILE = "glimmer-fever/topic.yaml"
# The pages name the source a topic's statements quote, from the topic's sources/ folder.
SOURCE = yaml.safe_load((EXAMPLE_CONTENT / "glimmer-fever" / "sources" / "test-source.yaml").read_text("utf-8"))


def set_review_dates(content, last: date, due: date):
    topic = content / TOPIC_FILE
    text = topic.read_text("utf-8")
    text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {last.isoformat()}", text)
    text = re.sub(r"next_review_due: \S+", f"next_review_due: {due.isoformat()}", text)
    text = re.sub(r"- date: \S+", f"- date: {last.isoformat()}", text)  # the one review is the latest
    topic.write_text(text, "utf-8")


def test_an_overdue_review_fails_the_strict_build_and_shows_its_dates(example_copy, tmp_path):
    set_review_dates(example_copy, date(2019, 3, 1), date(2020, 3, 1))
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = next(line for line in result.stderr.splitlines() if "overdue" in line)
    assert f"{example_copy / TOPIC_FILE}:" in message
    assert "last reviewed 1 March 2019" in message and "next review was due 1 March 2020" in message


def test_a_local_preview_reports_an_overdue_review_without_stopping(example_copy, tmp_path):
    set_review_dates(example_copy, date(2019, 3, 1), date(2020, 3, 1))
    site = build_or_fail(tmp_path / "site", example_copy, extra_env={"PATIENT_INFO_PREVIEW": "1"})
    assert "overdue" in site.log
    assert (site.root / "glimmer-fever" / "index.html").is_file()


def test_a_review_due_within_60_days_is_flagged_but_does_not_fail(example_copy, tmp_path):
    today = date.today()
    set_review_dates(example_copy, today - timedelta(days=300), today + timedelta(days=30))
    site = build_or_fail(tmp_path / "site", example_copy)
    assert "review of topic 'glimmer-fever' is due soon" in site.log
    check = subprocess.run([str(Path(sys.executable).with_name("patient-info")), "check", str(example_copy)],
                           capture_output=True, text=True)
    assert check.returncode == 0
    assert "warning: the review of topic 'glimmer-fever' is due soon" in check.stderr


def test_a_review_due_later_is_not_flagged(example_site):
    assert "due soon" not in example_site.log and "overdue" not in example_site.log


def test_next_review_before_last_review_is_a_content_error(example_copy, tmp_path):
    set_review_dates(example_copy, date(2026, 5, 1), date(2026, 4, 1))
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0
    assert "the next review is due before the last review" in result.stderr


def test_a_review_dated_after_last_reviewed_is_a_content_error(example_copy):
    topic = example_copy / TOPIC_FILE
    topic.write_text(topic.read_text("utf-8").replace("- date: 2026-01-15", "- date: 2026-02-01"), "utf-8")
    result = subprocess.run([str(Path(sys.executable).with_name("patient-info")), "check", str(example_copy)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "topic.yaml:18:" in result.stdout + result.stderr
    assert "this review is dated after last_reviewed" in result.stdout + result.stderr


def test_pages_show_review_dates_reviewer_and_sources(example_site):
    for url in ("/glimmer-fever/", "/glimmer-fever/treatments/humming/", "/glimmer-fever/how-treatment-is-chosen/"):
        article = example_site.page(url).select_one("article")
        text = " ".join(article.get_text(" ").split())
        assert "Page last reviewed: 15 January 2026. Next review due: 15 January 2029." in text
        assert "How it was checked: 15 January 2026: checked against its source. Reviewer: The test suite, Made-up checkers." in text
        heading = article.find("h2", string="Where this information comes from")
        source = heading.find_next("p")
        assert source.a["href"] == SOURCE["url"]
        assert " ".join(source.get_text(" ").split()) == (
            f"This information is adapted from {SOURCE['title']} , by {SOURCE['publisher']}. "
            "It was read on 15 January 2026. It is written again here in plain words.")
