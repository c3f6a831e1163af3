"""Printing helpers for browser tests: Chromium's PDF output, read back with pypdf."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from pypdf import PdfReader

PAPERS = ["A4", "Letter"]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fragment:
    """A run of text on a printed page: its baseline's distance from the top of the paper and its left edge,
    in points."""

    top: float
    left: float
    text: str


@dataclass(frozen=True)
class PrintedPdf:
    pages: list[str]
    font_sizes: set[float]
    fragments: list[list[Fragment]] = field(default_factory=list)  # each page's, top to bottom, left to right
    heights: list[float] = field(default_factory=list)  # each page's, in points

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def compact(self) -> str:
        """The text without any whitespace, so a web address broken across lines still matches."""
        return "".join(self.text.split())

    def content(self, page: int, margin_mm: float) -> str:
        """A page's text inside its margins (leaving out what the @page margin boxes print), without whitespace."""
        margin = margin_mm * 72 / 25.4
        height = self.heights[page]
        return "".join("".join(f.text.split()) for f in self.fragments[page] if margin <= f.top <= height - margin)


def print_to_pdf(page, paper: str) -> PrintedPdf:
    """Print as Chromium's dialog does when its margins are left at "Default": the page's own @page margins."""
    return read_pdf(page.pdf(format=paper))


def read_pdf(data: bytes) -> PrintedPdf:
    reader = PdfReader(io.BytesIO(data))
    sizes: set[float] = set()
    pages, fragments, heights = [], [], []
    for pdf_page in reader.pages:
        height = float(pdf_page.mediabox.height)
        found: list[Fragment] = []

        def visit(text, cm, tm, font, size):
            # The size a reader sees: the font size scaled by the text and drawing matrices.
            if text.strip():
                sizes.add(round(size * abs(tm[3]) * abs(cm[3]), 2))
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Fragment(round(height - y, 1), round(x, 1), text))
        pages.append(pdf_page.extract_text(visitor_text=visit))
        fragments.append(sorted(found, key=lambda f: (f.top, f.left)))
        heights.append(height)
    return PrintedPdf(pages, sizes, fragments, heights)


# Large print runs over as many pages as it needs, and no page may start with a heading or a list item left
# alone: a heading whose text is on the next page, or a list's last item whose others are on the page before.

@dataclass(frozen=True)
class Block:
    """A block of the printed page, from its DOM: a heading, a list item (with its list and place in it), or
    any other block of text."""

    kind: str  # "heading", "item" or "other"
    text: str
    list: int = -1  # which list an item is in
    index: int = 0  # its place in the list
    size: int = 0  # how many items the list has


def block_pages(pages: list[str], blocks: list[Block]) -> list[int | None]:
    """The page each block starts on, found by its first words in the pages' text (whitespace removed), in
    order; None for a block whose text is not printed."""
    joined, starts = "", []
    for page in pages:
        starts.append(len(joined))
        joined += page
    found, cursor = [], 0
    for block in blocks:
        key = "".join(block.text.split())[:40]
        at = joined.find(key, cursor) if key else -1
        if at < 0:
            found.append(None)
            continue
        found.append(max(number for number, start in enumerate(starts) if start <= at))
        cursor = at + len(key)
    return found


def left_alone(pages: list[str], blocks: list[Block]) -> list[str]:
    """Every heading printed on another page than what follows it, and every list's last item printed at the
    top of a page while the item before it is on an earlier one."""
    on = block_pages(pages, blocks)
    problems = [f"not found in the printed text: {block.text[:60]!r}" for block, page in zip(blocks, on)
                if page is None and block.text.strip()]
    placed = [(block, page) for block, page in zip(blocks, on) if page is not None]
    for (block, page), (after, after_page) in zip(placed, placed[1:]):
        if block.kind == "heading" and after_page != page:
            problems.append(f"heading alone on page {page + 1}: {block.text[:60]!r}")
        if (after.kind == "item" and after.index == after.size - 1 and after.size > 1 and after_page != page
                and block.kind == "item" and block.list == after.list):
            problems.append(f"last item alone at the top of page {after_page + 1}: {after.text[:60]!r}")
    return problems


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def missing_words(expected: list[str], printed: list[str]) -> Counter:
    """Words (with their counts) that are in `expected` but not printed. PDF text comes out in
    painting order, which can differ from reading order, so this compares counts, not order."""
    return Counter(expected) - Counter(printed)
