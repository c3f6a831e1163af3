"""Printing helpers for browser tests: Chromium's PDF output, read back with pypdf."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pypdf import PdfReader

PAPERS = ["A4", "Letter"]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PrintedPdf:
    pages: list[str]
    font_sizes: set[float]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def compact(self) -> str:
        """The text without any whitespace, so a web address broken across lines still matches."""
        return "".join(self.text.split())


def print_to_pdf(page, paper: str) -> PrintedPdf:
    """Print as Chromium's dialog does when its margins are left at "Default": the page's own @page margins."""
    return read_pdf(page.pdf(format=paper))


def read_pdf(data: bytes) -> PrintedPdf:
    reader = PdfReader(io.BytesIO(data))
    sizes: set[float] = set()
    pages = []
    for pdf_page in reader.pages:
        def visit(text, cm, tm, font, size):
            # The size a reader sees: the font size scaled by the text and drawing matrices.
            if text.strip():
                sizes.add(round(size * abs(tm[3]) * abs(cm[3]), 2))
        pages.append(pdf_page.extract_text(visitor_text=visit))
    return PrintedPdf(pages, sizes)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def missing_words(expected: list[str], printed: list[str]) -> Counter:
    """Words (with their counts) that are in `expected` but not printed. PDF text comes out in
    painting order, which can differ from reading order, so this compares counts, not order."""
    return Counter(expected) - Counter(printed)
