"""The printable summary: the text it prints, and whether that text fits one side of paper.

The fit is estimated at build time, without a browser, from a line budget: each block's
text is word-wrapped at the printed column width using the average glyph width of
Arial-metric fonts, and the heights add up against the smaller of A4 and US Letter.
The sizes below mirror the print rules in docs/assets/handout.css; the browser tests
compare the estimate with Chromium's real layout, so the two cannot drift apart unseen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# The printable area: A4's width and US Letter's height, less the 12 mm @page margins.
MM = 96 / 25.4  # CSS pixels per millimetre
PAGE_WIDTH = (210 - 2 * 12) * MM
PAGE_HEIGHT = (279.4 - 2 * 12) * MM

FONT = 10 * 96 / 72  # 10pt body text, in CSS pixels
LEADING = 1.25
LINE = FONT * LEADING
# Average advance of Liberation Sans / Arial over this kind of text, in ems, measured on the
# seed content (0.448 regular, 0.483 bold) and rounded up so that the estimate errs long.
GLYPH = 0.46
BOLD = 1.08

HALF_WIDTH = (PAGE_WIDTH - 1.5 * FONT) / 2  # two columns with a 1.5em gap
BULLETED_WIDTH = HALF_WIDTH - 1.25 * FONT  # a list item's text, indented 1.25em for its bullet
QR_SIZE = 22 * MM
FOOTER_TEXT_WIDTH = PAGE_WIDTH - QR_SIZE - 1.2 * FONT
NOTE_LINES = 2  # the fewest that leave room to write; the take-away issue lets them fill the sheet


@dataclass(frozen=True)
class HandoutStatement:
    id: str
    text: str  # whole: the sheet never shortens a statement


@dataclass(frozen=True)
class HandoutTreatment:
    name: str
    statements: tuple[HandoutStatement, ...]  # how often and when it is used, in the source's hedging


@dataclass(frozen=True)
class HandoutNote:
    label: str
    text: str


@dataclass(frozen=True)
class Handout:
    """Everything the summary prints, as plain text; the template escapes it."""

    topic_id: str
    title: str
    aim: tuple[HandoutStatement, ...]
    main_factors: tuple[str, ...]
    other_factors: tuple[str, ...]
    treatments: tuple[HandoutTreatment, ...]
    notes: tuple[HandoutNote, ...]
    questions: tuple[str, ...]
    overview_url: str
    last_reviewed: str
    next_review_due: str
    version: str
    publisher: str
    clinic_name: str = ""
    clinic_phone: str = ""
    review_notice: str = ""  # while no clinician has checked the topic
    contact: str = ""  # who to ask: the clinic's line, or the site's "ask your care team"


@dataclass(frozen=True)
class Fit:
    topic_id: str
    height: float  # estimated, in CSS pixels

    @property
    def fits(self) -> bool:
        return self.height <= PAGE_HEIGHT

    def overflow_message(self) -> str:
        over = self.height - PAGE_HEIGHT
        return (f"The printable summary of topic '{self.topic_id}' will not fit on one page: it is about "
                f"{math.ceil(over / LINE)} lines ({math.ceil(over / MM)} mm) too long. Shorten its statements about "
                "how often and when each treatment is used, its caveats or its questions; the summary never "
                "shrinks text below 10pt to fit.")


def estimate_fit(handout: Handout) -> Fit:
    height, margin = 0.0, 0.0
    for block in _blocks(handout):
        # Vertical margins between neighbouring blocks collapse into the larger one, as in CSS.
        height += max(margin, block.margin_top) + block.height
        margin = block.margin_bottom
    return Fit(handout.topic_id, height)


@dataclass(frozen=True)
class _Block:
    height: float
    margin_top: float = 0.0
    margin_bottom: float = 0.0


_HEADING = _Block(1.15 * FONT * LEADING, margin_top=0.5 * 1.15 * FONT, margin_bottom=0.3 * 1.15 * FONT)


def _blocks(handout: Handout):
    """Each block of the sheet, top to bottom, in the order the template prints them."""
    if handout.clinic_name or handout.clinic_phone:
        clinic = f"{handout.clinic_name} · Phone: {handout.clinic_phone}"
        yield _Block(_text(clinic, PAGE_WIDTH, size=1.1, bold=True) + 0.3 * 1.1 * FONT + 2,
                     margin_bottom=0.4 * 1.1 * FONT)
    yield _Block(_text(handout.title, PAGE_WIDTH, size=1.6, bold=True, leading=1.2), margin_bottom=0.3 * 1.6 * FONT)
    for i, statement in enumerate(handout.aim):
        yield _paragraph(("The aim of treatment: " if i == 0 else "") + statement.text)
    yield _HEADING
    yield _Block(max(_list(handout.main_factors), _list(handout.other_factors)))
    yield _HEADING
    yield _Block(_treatments(handout.treatments))
    if handout.notes:
        yield _HEADING
        yield from (_paragraph(f"{note.label}: {note.text}") for note in handout.notes)
    if handout.questions:
        yield _HEADING
        yield _Block(_balanced_columns([_lines(q, BULLETED_WIDTH) for q in handout.questions]))
    yield _HEADING
    yield _Block(NOTE_LINES * 1.8 * FONT)
    yield _Block(LINE, margin_top=0.6 * FONT, margin_bottom=0.4 * FONT)
    yield _footer(handout)


def _paragraph(text: str) -> _Block:
    return _Block(_text(text, PAGE_WIDTH), margin_bottom=0.4 * FONT)


def _list(items: tuple[str, ...]) -> float:
    """A labelled bulleted list in one of two columns."""
    label = LINE + 0.1 * FONT
    return label + sum(_lines(item, BULLETED_WIDTH) * LINE + 0.15 * FONT for item in items)


def _treatments(treatments: tuple[HandoutTreatment, ...]) -> float:
    """Two balanced columns of whole treatments: how much each says varies too much for rows of two."""
    heights = [_treatment_lines(t) * LINE + 0.4 * FONT + 1 for t in treatments]
    return min(max(sum(heights[:split]), sum(heights[split:])) for split in range(len(heights) + 1))


def _treatment_lines(treatment: HandoutTreatment) -> int:
    text = " ".join(statement.text for statement in treatment.statements)
    return _lines(treatment.name, HALF_WIDTH, bold=True) + _lines(text, HALF_WIDTH)


def _balanced_columns(heights: list[int]) -> float:
    """The height of a two-column list, split between whole items as CSS columns balance it."""
    best = min(max(sum(heights[:split]), sum(heights[split:])) for split in range(len(heights) + 1))
    return best * LINE + math.ceil(len(heights) / 2) * 0.15 * FONT


def _footer(handout: Handout) -> _Block:
    width = FOOTER_TEXT_WIDTH
    lines = (_lines(f"Full information online: {handout.overview_url}", width, bold=True)
             + _lines(f"Last reviewed: {handout.last_reviewed}. Next review due: {handout.next_review_due}.", width)
             + _lines(f"Version: {handout.version}. {handout.review_notice}", width, bold=bool(handout.review_notice))
             + _lines(f"Who to contact: {handout.contact}", width)
             + _lines(f"Published by {handout.publisher}.", width))
    paragraphs = 3
    return _Block(max(QR_SIZE, lines * LINE + paragraphs * 0.15 * FONT) + 0.4 * FONT + 2, margin_top=0.7 * FONT)


def _text(text: str, width: float, *, size: float = 1.0, bold: bool = False, leading: float = LEADING) -> float:
    return _lines(text, width, size=size, bold=bold) * size * FONT * leading


def _lines(text: str, width: float, *, size: float = 1.0, bold: bool = False) -> int:
    """How many lines `text` takes when word-wrapped at `width`; a word too long for a line breaks anywhere."""
    glyph = GLYPH * size * FONT * (BOLD if bold else 1)
    capacity = max(1, int(width / glyph))
    lines, used = 1, 0
    for word in text.split():
        needed = len(word) + (1 if used else 0)
        if used and used + needed > capacity:
            lines, used, needed = lines + 1, 0, len(word)
        used += needed
        while used > capacity:
            lines, used = lines + 1, used - capacity
    return lines
