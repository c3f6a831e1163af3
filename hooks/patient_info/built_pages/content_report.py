"""The content report: each page's reading level, long sentences and unexplained words.

Written as content-report.json for tools and shown on the editors' page for people.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from ..errors import ContentError
from ..sentences import LONG_SENTENCE_WORDS, TOO_LONG_SENTENCE_WORDS
from .readability import Readability
from .templates import html_template

# Patient pages must be at or under these (the NHS reworks content above SMOG 14).
MAX_GRADE = 8
MAX_SMOG = 14
LIMITS = {"flesch_kincaid_grade": MAX_GRADE, "smog_index": MAX_SMOG,
          "long_sentence_words": LONG_SENTENCE_WORDS, "too_long_sentence_words": TOO_LONG_SENTENCE_WORDS}


@dataclass(frozen=True)
class PageReport:
    url: str
    title: str
    audience: str
    readability: Readability | None  # None on pages that are not for patients: they are not measured


def report_json(pages: list[PageReport], unexplained: list[ContentError]) -> str:
    data = {
        "limits": LIMITS,
        "pages": [asdict(page) for page in pages],
        "unexplained_words": [str(error) for error in unexplained],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_html(pages: list[PageReport], unexplained: list[ContentError], href_for) -> str:
    """The report's tables for the editors' page; href_for(url) gives a link to each page."""
    rows = [{"href": href_for(page.url), "title": page.title, "readability": page.readability} for page in pages
            if page.readability is not None]
    return html_template("content-report.html.j2").render(
        pages=rows, unexplained=[str(error) for error in unexplained], limits=LIMITS)


def too_long_sentences(page: PageReport) -> list[str]:
    if page.readability is None:
        return []
    return [sentence.text for sentence in page.readability.long_sentences if sentence.words > TOO_LONG_SENTENCE_WORDS]
