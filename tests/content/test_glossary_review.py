"""The glossary explains medical words to patients, so its review dates govern publishing as a topic's do."""

from datetime import date

from patient_info.content.check import check_content

TODAY = date(2026, 12, 1)


def add_review(content, last: str, due: str) -> int:
    """Adds a review record at the end of the glossary; returns the line of next_review_due."""
    glossary = content / "glossary.yaml"
    text = glossary.read_text("utf-8")
    glossary.write_text(text + f"review:\n  last_reviewed: {last}\n  next_review_due: {due}\n", "utf-8")
    return text.count("\n") + 3


def test_an_overdue_glossary_review_stops_the_build_at_its_line(example_copy):
    due_line = add_review(example_copy, "2024-01-10", "2025-01-10")
    result = check_content(example_copy, today=TODAY)
    overdue = [error for error in result.errors if "overdue" in error.message]
    assert result.site is None and len(overdue) == 1
    assert overdue[0].file.endswith("glossary.yaml") and overdue[0].line == due_line
    assert overdue[0].message.startswith("the review of the glossary is overdue: last reviewed 10 January 2024")


def test_an_overdue_glossary_review_is_a_notice_in_the_preview(example_copy):
    add_review(example_copy, "2024-01-10", "2025-01-10")
    result = check_content(example_copy, today=TODAY, overdue_is_error=False)
    assert result.errors == [] and result.site is not None
    assert [notice.message for notice in result.notices if "glossary" in notice.message]


def test_a_glossary_review_due_soon_is_a_notice(example_copy):
    add_review(example_copy, "2026-01-10", "2027-01-10")
    result = check_content(example_copy, today=TODAY)
    assert result.errors == []
    assert any(notice.message.startswith("the review of the glossary is due soon") for notice in result.notices)
