"""The printable summary: the text it prints, and how that text lies on one sheet of paper.

The layout is estimated at build time, without a browser, from a line budget: each block's
text is word-wrapped at the printed column width using the advance width of each character
in Arial-metric fonts, and the heights add up against the smaller of A4 and US Letter.
The sheet is printed in parts (title, factors, treatments, ...). When the parts fit one
side, they do; otherwise the back of the sheet starts at the first part that no longer fits
the front, and the front says "Please turn over" at its foot. The note lines fill what is left
of the last side, up to about ten. Each statement starts on a line of its own when the sheet
still fits with them so; otherwise each treatment's statements run on as one paragraph.
The sizes below mirror the print rules in docs/assets/handout.css; the browser tests
compare the estimate with Chromium's real layout, so the two cannot drift apart unseen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# The printable area: A4's width and US Letter's height, less the 12 mm @page margins.
MM = 96 / 25.4  # CSS pixels per millimetre
PT = 96 / 72  # CSS pixels per point
PAGE_WIDTH = (210 - 2 * 12) * MM
PAGE_HEIGHT = (279.4 - 2 * 12) * MM
SIDES = 2  # one sheet: front and back

FONT = 12 * PT  # clear print (RNIB): body text at 12pt or more
LEADING = 1.25
LINE = FONT * LEADING
HEADING = 14 / 12  # headings at 14pt
TITLE = 18 / 12
# Advance widths of Liberation Sans (metric-compatible with Arial), in thousandths of an em, read from
# /usr/share/fonts/truetype/liberation/LiberationSans-{Regular,Bold}.ttf. Other characters count as 0.6em.
_REGULAR = {191: "'", 222: "ijl", 260: "|", 278: " !,./:;I[\\]ft", 333: "()-`r", 334: "{}", 355: '"', 389: "*",
            469: "^", 500: "Jcksvxyz", 556: "#$0123456789?L_abdeghnopqu", 584: "+<=>~", 611: "FTZ",
            667: "&ABEKPSVXY", 722: "CDHNRUw", 778: "GOQ", 833: "Mm", 889: "%", 944: "W", 1015: "@"}
_BOLD = {238: "'", 278: " ,./I\\ijl", 280: "|", 333: "!()-:;[]`ft", 389: "*r{}", 474: '"', 500: "z",
         556: "#$0123456789J_aceksvxy", 584: "+<=>^~", 611: "?FLTZbdghnopqu", 667: "EPSVXY",
         722: "&ABCDHKNRU", 778: "GOQw", 833: "M", 889: "%m", 944: "W", 975: "@"}
ADVANCE = {False: {c: w / 1000 for w, cs in _REGULAR.items() for c in cs},
           True: {c: w / 1000 for w, cs in _BOLD.items() for c in cs}}
OTHER_ADVANCE = 0.6

HALF_WIDTH = (PAGE_WIDTH - 1.5 * FONT) / 2  # two columns with a 1.5em gap
BULLETED_WIDTH = HALF_WIDTH - 1.25 * FONT  # a list item's text, indented 1.25em for its bullet
QR_SIZE = 22 * MM
FOOTER_TEXT_WIDTH = PAGE_WIDTH - QR_SIZE - 1.2 * FONT
NOTE_LINE = 1.8 * FONT  # one ruled line to write on
NOTE_LINES = 2  # the fewest that leave room to write; more fill what is left of the last side
MOST_NOTE_LINES = 10  # enough to write on; room left below them stays blank
# Statements start on lines of their own only if that leaves at least this many note lines: room to write
# comes first, and the statements still read whole when they run on.
NOTE_LINES_WITH_STATEMENTS_APART = 6
# The write-in boxes ("My specialist nurse or key worker", "Phone", "Out of hours"), side by side in columns
# of 2:1:1 with 0.6em between them; each has a bold label and room to write one line under it.
BOX_GAP = 0.6 * FONT
BOX_PADDING = 0.25 * FONT
BOX_BORDER = 1
BOX_WRITING = 1.8 * FONT
BOX_COLUMNS = (2, 1, 1)
# Room kept free at the foot of every side: the tests hold the estimate to within one line of Chromium's layout.
SPARE = LINE
BUDGET = PAGE_HEIGHT - SPARE  # the height each side may be estimated to fill


@dataclass(frozen=True)
class HandoutStatement:
    id: str
    text: str  # whole: the sheet never shortens a statement


@dataclass(frozen=True)
class HandoutSection:
    heading: str  # a treatment's name, or the words for statements about several treatments
    statements: tuple[HandoutStatement, ...]  # as the selection rule arranged them, context first


@dataclass(frozen=True)
class HandoutNote:
    label: str
    text: str


@dataclass(frozen=True)
class HandoutWords:
    """The sheet's own words in the site's language: the template prints them and the estimate measures them."""

    publisher: str  # "Published by ...": at the top of side one, with `dated`
    dated: str  # "Last reviewed: <date>."
    source: str  # "Adapted from ..., by ...": at the top of side one
    review_notice: str  # "" once a clinician has checked the topic
    aim: str
    factors: str
    main_factors: str
    other_factors: str
    treatments: str
    keep_in_mind: str
    questions: str
    nurse: str  # the write-in boxes' labels
    phone: str
    out_of_hours: str
    notes: str
    appointment: str
    online: str
    next_review: str  # "Next review due: <date>."
    version: str
    contact: str
    turn_over: str  # "Please turn over", at the foot of the front when the sheet has a back
    # The demonstration line and the help block's heading: "" when not set.
    demonstration: str = ""  # a demonstration site says so on every sheet, in the footer beside the QR code
    help_heading: str = ""


@dataclass(frozen=True)
class Handout:
    """Everything the summary prints, as plain text; the template escapes it."""

    topic_id: str
    title: str
    words: HandoutWords
    aim: tuple[HandoutStatement, ...]
    main_factors: tuple[str, ...]
    other_factors: tuple[str, ...]
    treatments: tuple[HandoutSection, ...]
    together: tuple[HandoutSection, ...]  # statements that name several treatments, after the treatments
    notes: tuple[HandoutNote, ...]
    questions: tuple[str, ...]
    overview_url: str
    clinic_name: str = ""
    clinic_phone: str = ""  # with its label: "Phone: 0100 555 555"
    # site.yaml's if_unwell and each support line, one plain line each ("Name: 0808 ... (hours). What for."):
    # printed on every sheet when set, never made up.
    help: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """How the summary lies on paper: the estimated height of each side, where the back starts and how
    many note lines fill what is left."""

    topic_id: str
    sides: tuple[float, ...]  # each printed side's estimated height, in CSS pixels
    back_starts_at: str  # the part that starts the back of the sheet; "" when the summary fits one side
    note_lines: int
    statements_apart: bool = True  # each statement starts on a line of its own (else they run on)

    @property
    def fits(self) -> bool:
        return len(self.sides) <= SIDES and all(side <= BUDGET for side in self.sides)

    def overflow_message(self) -> str:
        over = max(self.sides) - BUDGET if len(self.sides) <= SIDES else sum(self.sides[SIDES:])
        return (f"The printable summary of topic '{self.topic_id}' will not fit on one sheet of paper (two sides): "
                f"it is about {math.ceil(over / LINE)} lines ({math.ceil(over / MM)} mm) too long. Shorten its "
                "statements, its caveats or its questions; the summary shows every statement whole and never "
                "shrinks text below 12pt to fit.")


def plan_sheet(handout: Handout) -> Sheet:
    """Lay the summary's parts on the sides of one sheet, each part whole, then give the last side up to
    MOST_NOTE_LINES note lines. Statements start on lines of their own if the sheet still fits so with at
    least NOTE_LINES_WITH_STATEMENTS_APART note lines; otherwise each treatment's statements run on."""
    apart = _laid_out(handout, statements_apart=True)
    if apart.fits and apart.note_lines >= NOTE_LINES_WITH_STATEMENTS_APART:
        return apart
    return _laid_out(handout, statements_apart=False)


def _laid_out(handout: Handout, *, statements_apart: bool) -> Sheet:
    parts = list(_parts(handout, NOTE_LINES, statements_apart=statements_apart))
    sides = _sides(parts)
    if len(sides) == 1 and _room_for_notes(sides[0], front=True) < NOTE_LINES_WITH_STATEMENTS_APART:
        # A short summary that leaves little room to write on its one side: the back is for the reader.
        sides = _sides(parts, back_from="write-in")
    heights = [_side_height(side, front=i == 0) for i, side in enumerate(sides)]
    extra = min(_room_for_notes(sides[-1], front=len(sides) == 1), MOST_NOTE_LINES) - NOTE_LINES \
        if len(sides) <= SIDES else 0
    heights[-1] += extra * NOTE_LINE
    back = sides[1][0][0] if len(sides) > 1 else ""
    return Sheet(handout.topic_id, tuple(heights), back, NOTE_LINES + extra, statements_apart)


def _room_for_notes(side: list[_Part], *, front: bool) -> int:
    """How many note lines the side that ends with the notes would hold in all."""
    return NOTE_LINES + max(0, math.floor((BUDGET - _side_height(side, front=front)) / NOTE_LINE))


def estimate_height(handout: Handout, *, statements_apart: bool = False) -> float:
    """The summary's height laid out as one column with the fewest note lines: how much it has to say."""
    parts = _parts(handout, NOTE_LINES, statements_apart=statements_apart)
    return _height([block for _, blocks in parts for block in blocks])


_Part = tuple[str, list["_Block"]]


def _sides(parts: list[_Part], *, back_from: str = "") -> list[list[_Part]]:
    """Each side takes as many whole parts as fit; the next side starts at a part's heading (or at the part
    named `back_from`, if the front has not ended before it)."""
    sides: list[list[_Part]] = [[]]
    for part in parts:
        if sides[-1] and (_side_height([*sides[-1], part], front=len(sides) == 1) > BUDGET
                          or (part[0] == back_from and len(sides) == 1)):
            sides.append([])
        sides[-1].append(part)
    return sides


def _side_height(parts: list[_Part], *, front: bool) -> float:
    return _height([block for _, blocks in parts for block in blocks], at_top=not front)


@dataclass(frozen=True)
class _Block:
    height: float
    margin_top: float = 0.0
    margin_bottom: float = 0.0


def _height(blocks: list[_Block], *, at_top: bool = False) -> float:
    """Blocks stacked as CSS stacks them: vertical margins between neighbours collapse into the larger one.
    A side's first block starts at the top of the paper: the back's first heading has no margin above it."""
    height, margin = 0.0, 0.0
    for i, block in enumerate(blocks):
        height += (0.0 if at_top and i == 0 else max(margin, block.margin_top)) + block.height
        margin = block.margin_bottom
    return height


_HEADING = _Block(HEADING * FONT * LEADING, margin_top=0.6 * HEADING * FONT, margin_bottom=0.25 * HEADING * FONT)


def _parts(handout: Handout, note_lines: int, *, statements_apart: bool):
    """Each part of the sheet, top to bottom, in the order the template prints them: (its name, its blocks).
    A part is never split between the two sides."""
    words = handout.words
    yield "title", list(_title(handout))
    yield "factors", [_HEADING, _Block(max(_list(words.main_factors, handout.main_factors),
                                           _list(words.other_factors, handout.other_factors)))]
    yield "treatments", [_HEADING, _Block(_sections(handout.treatments, apart=statements_apart))]
    if handout.together:
        yield "together", [_Block(_sections(handout.together, columns=1, apart=statements_apart))]
    if handout.notes:
        yield "keep-in-mind", [_HEADING, *(_paragraph(f"{note.label}: {note.text}") for note in handout.notes)]
    if handout.questions:
        yield "questions", [_HEADING,
                            _Block(_balanced_columns([_lines(q, BULLETED_WIDTH) for q in handout.questions]))]
    yield "write-in", [_write_in(words)]
    yield "notes", [_HEADING, _Block(note_lines * NOTE_LINE),
                    _Block(LINE, margin_top=0.6 * FONT, margin_bottom=0.4 * FONT), *_help(handout), _footer(handout)]


def _help(handout: Handout):
    """What to do if unwell and the support lines, above the footer (summary.md.j2's help block)."""
    if handout.help:
        yield _paragraph(handout.words.help_heading, bold=True)
        yield from (_paragraph(line) for line in handout.help)


def _title(handout: Handout):
    words = handout.words
    # Who publishes it and when: the first line of the sheet, with a rule under it.
    yield _Block(_text(f"{words.publisher} {words.dated}", PAGE_WIDTH) + 0.2 * FONT + 1,
                 margin_bottom=0.4 * FONT)
    if handout.clinic_name or handout.clinic_phone:
        clinic = f"{handout.clinic_name} · {handout.clinic_phone}"
        yield _Block(_text(clinic, PAGE_WIDTH, size=HEADING, bold=True) + 0.3 * HEADING * FONT + 2,
                     margin_bottom=0.4 * HEADING * FONT)
    yield _Block(_text(handout.title, PAGE_WIDTH, size=TITLE, bold=True, leading=1.2),
                 margin_bottom=0.3 * TITLE * FONT)
    yield _paragraph(f"{words.source} {words.review_notice}".strip(), bold=bool(words.review_notice))
    for i, statement in enumerate(handout.aim):
        yield _paragraph((f"{words.aim} " if i == 0 else "") + statement.text)


def _paragraph(text: str, *, bold: bool = False) -> _Block:
    return _Block(_text(text, PAGE_WIDTH, bold=bold), margin_bottom=0.4 * FONT)


def _list(label: str, items: tuple[str, ...]) -> float:
    """A labelled bulleted list in one of two columns."""
    heading = _lines(label, HALF_WIDTH) * LINE + 0.1 * FONT
    return heading + sum(_lines(item, BULLETED_WIDTH) * LINE + 0.15 * FONT for item in items)


def _sections(sections: tuple[HandoutSection, ...], *, columns: int = 2, apart: bool) -> float:
    """Whole sections in balanced columns: how much each says varies too much for rows of two."""
    width = HALF_WIDTH if columns == 2 else PAGE_WIDTH
    heights = [_section_lines(section, width, apart=apart) * LINE + 0.4 * FONT + 1 for section in sections]
    if columns == 1:
        return sum(heights)
    return min(max(sum(heights[:split]), sum(heights[split:])) for split in range(len(heights) + 1))


def _section_lines(section: HandoutSection, width: float, *, apart: bool) -> int:
    texts = [statement.text for statement in section.statements] if apart else \
        [" ".join(statement.text for statement in section.statements)]
    return _lines(section.heading, width, bold=True) + sum(_lines(text, width) for text in texts)


def _write_in(words: HandoutWords) -> _Block:
    """Three boxes side by side, each a bold label over room to write: as tall as the tallest label."""
    inside = PAGE_WIDTH - BOX_GAP * (len(BOX_COLUMNS) - 1)
    widths = [inside * share / sum(BOX_COLUMNS) - 2 * (BOX_PADDING + BOX_BORDER) for share in BOX_COLUMNS]
    labels = (words.nurse, words.phone, words.out_of_hours)
    label_lines = max(_lines(label, width, bold=True) for label, width in zip(labels, widths, strict=True))
    return _Block(label_lines * LINE + BOX_WRITING + 2 * (BOX_PADDING + BOX_BORDER), margin_top=0.8 * FONT)


def _balanced_columns(heights: list[int]) -> float:
    """The height of a two-column list, split between whole items as CSS columns balance it."""
    best = min(max(sum(heights[:split]), sum(heights[split:])) for split in range(len(heights) + 1))
    return best * LINE + math.ceil(len(heights) / 2) * 0.15 * FONT


def _footer(handout: Handout) -> _Block:
    width = FOOTER_TEXT_WIDTH
    words = handout.words
    lines = (_lines(f"{words.online} {handout.overview_url}", width, bold=True)
             + _lines(f"{words.next_review} {words.version}", width) + _lines(words.contact, width)
             + (_lines(words.demonstration, width, bold=True) if words.demonstration else 0))
    paragraphs = 4 if words.demonstration else 3
    return _Block(max(QR_SIZE, lines * LINE + paragraphs * 0.15 * FONT) + 0.4 * FONT + 2, margin_top=0.7 * FONT)


def _text(text: str, width: float, *, size: float = 1.0, bold: bool = False, leading: float = LEADING) -> float:
    return _lines(text, width, size=size, bold=bold) * size * FONT * leading


def _lines(text: str, width: float, *, size: float = 1.0, bold: bool = False) -> int:
    """How many lines `text` takes when word-wrapped at `width`; a word too long for a line breaks anywhere."""
    em = size * FONT
    advance = ADVANCE[bold]
    space = advance[" "] * em
    lines, used = 1, 0.0
    for word in text.split():
        needed = sum(advance.get(c, OTHER_ADVANCE) for c in word) * em
        if used and used + space + needed > width:
            lines, used = lines + 1, 0.0
        elif used:
            used += space
        if needed > width:
            for c in word:
                step = advance.get(c, OTHER_ADVANCE) * em
                if used + step > width:
                    lines, used = lines + 1, 0.0
                used += step
        else:
            used += needed
    return lines


LARGE_PRINT_NOTE_LINES = 6


def large_print_sheet(handout: Handout) -> Sheet:
    """Large print takes as many pages as it needs: no side is planned, and a few note lines close it."""
    return Sheet(handout.topic_id, (), "", LARGE_PRINT_NOTE_LINES)
