"""Review governance: content past its review date stops the build; content due soon is flagged.
Topics and the glossary are reviewed alike: both explain medical words and facts to patients."""

from __future__ import annotations

from datetime import date

from ..errors import ContentError
from .load import Document
from .shapes import date_or_none, field_of
from ..wording import wording

DUE_SOON_DAYS = 60
# The longest a review may be planned ahead: a date such as 9999-12-31 would never fall due.
MAX_REVIEW_YEARS = 3


def check_review_due(document: Document, today: date, what: str) -> tuple[list[ContentError], list[ContentError]]:
    """(overdue, due soon) messages for a file with a review record (`what` names it: "topic 'x'", "the glossary"),
    each pointing at its next_review_due line."""
    review = document.data.get("review") if isinstance(document.data, dict) else None
    try:
        last = date.fromisoformat(review["last_reviewed"])
        due = date.fromisoformat(review["next_review_due"])
    except (TypeError, KeyError, ValueError):
        return [], []  # a missing or malformed date is already a schema error
    if last > today:
        return [document.error(("review", "last_reviewed"), f"the last review date {wording().date(last)} is in the future",
                               "write the date the content was really reviewed, today or earlier")], []
    where = ("review", "next_review_due")
    days = (due - today).days
    if days < 0:
        return [document.error(where, f"the review of {what} is overdue: last reviewed {wording().date(last)}, "
                                      f"next review was due {wording().date(due)} ({_days(-days)} ago)",
                               "review the content, then update last_reviewed and next_review_due")], []
    if days <= DUE_SOON_DAYS:
        return [], [document.error(where, f"the review of {what} is due soon: {wording().date(due)} "
                                          f"(in {_days(days)})", "plan the review before that date")]
    return [], []


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def check_review_interval(document: Document) -> list[ContentError]:
    """A next review planned more than MAX_REVIEW_YEARS after the last one, at its next_review_due line."""
    review = field_of(document.data, "review", dict) or {}
    last, due = date_or_none(review.get("last_reviewed")), date_or_none(review.get("next_review_due"))
    if not (last and due):
        return []
    latest = _years_after(last, MAX_REVIEW_YEARS)
    if due <= latest:
        return []
    return [document.error(("review", "next_review_due"), f"the next review is due {wording().date(due)}, more than "
                                                          f"{MAX_REVIEW_YEARS} years after the last review "
                                                          f"({wording().date(last)})",
                           f"set next_review_due to {latest.isoformat()} or earlier: content is reviewed at least "
                           f"every {MAX_REVIEW_YEARS} years")]


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=day.year + years, day=28)
