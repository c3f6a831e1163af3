""""On this page" for phones: a short list of a long page's sections, near its top.

On a wide screen the theme shows the page's sections beside the text; on a phone it hides them in the
menu, and the overview is seven phone screens long. Long pages (three sections or more) get a list of
their sections (h2) after the page's opening: its introduction (the words between the title and the first
section), or, on a page that has none and starts with a section (a treatment's "How often it is used"),
that first section. So the title, the review line and the page's first sentence come first on a phone's
first screen, at 200% zoom too (tests/browser/test_first_screen.py). It is a disclosure (`details`): one
line until opened, it works by keyboard and without JavaScript. patient-look.css shows it below the width
at which the theme's own list appears.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .templates import html_template

LONG_PAGE = 3  # sections (h2) from which a page gets the list
_SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
# What may stand between the title and the first section of a page without an introduction: the review line.
_OPENING = re.compile(r'\s*<h1[^>]*>.*?</h1>\s*(<p class="review-notice">.*?</p>\s*)?', re.S)
# A printable summary lays out its own sections on paper (pages/templates/summary.md.j2): it gets no list.
_SHEET = re.compile(r'<div class="handout[ "]')


def with_on_this_page(page_html: str, *, label: str, also: tuple[tuple[str, str], ...] = ()) -> str:
    """The page's HTML with the list before its first section, when it has LONG_PAGE sections or more.
    `also`: (id, title) of sections the theme adds after the content (who to contact), listed last."""
    if _SHEET.search(page_html):
        return page_html
    sections = [(anchor, _text(inner)) for anchor, inner in _SECTION.findall(page_html)]
    if len(sections) < LONG_PAGE:
        return page_html
    at = _after_opening(page_html)
    nav = html_template("on-this-page.html.j2").render(label=label, sections=[*sections, *also])
    return page_html[:at] + nav + page_html[at:]


def _after_opening(page_html: str) -> int:
    """Where the list goes: before the first section, or before the second when nothing but the title and the
    review line stands before the first."""
    first, second = list(_SECTION.finditer(page_html))[:2]
    opening = _OPENING.match(page_html)
    no_introduction = opening is not None and opening.end() == first.start()
    return second.start() if no_introduction else first.start()


def _text(inner_html: str) -> str:
    """A heading's text as readers see it (its links and marks dropped)."""
    return " ".join(Markup(inner_html).striptags().split())
