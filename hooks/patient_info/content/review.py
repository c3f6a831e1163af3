"""Review governance: content past its review date stops the build; content due soon is flagged.
Topics and the glossary are reviewed alike: both explain medical words and facts to patients."""

from __future__ import annotations

from datetime import date

from ..errors import ContentError
from .load import Document
from ..wording import wording

DUE_SOON_DAYS = 60


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
