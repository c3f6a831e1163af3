"""Reading the built pages beside the build: glossary links, "On this page", text and readability.

MkDocs turns every page's Markdown into HTML before it writes any page, so the
pages can be read while it goes on: a site of many pages sends them in batches
to a worker process and collects the results before the pages are written. A
small site reads each page at once, as starting a process would cost more.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

from ..model.glossary import Glossary
from .on_this_page import with_on_this_page
from .page_html import read_page
from .readability import Readability, measure
from ..workers import worker_pool

# From this many pages a worker process reads them (about 0.6 ms a page, against 0.3 s to start one).
BACKGROUND_FROM_PAGES = 1000
BATCH = 250  # pages sent to the worker at a time


@dataclass(frozen=True)
class PageToRead:
    html: str
    glossary_href: str | None  # where glossary links point; None leaves the page without them
    measured: bool  # whether its readability is measured (pages for patients)
    # A long page's list of its sections (on_this_page.py): its label ("" for none), and the sections the theme
    # adds after the content
    contents_label: str = ""
    contents_also: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PageRead:
    html: str
    readability: Readability | None


def read_pages(pages: list[PageToRead], glossary: Glossary, language: str = "en") -> list[PageRead]:
    results = []
    for page in pages:
        text = read_page(page.html, glossary, page.glossary_href, language=language)
        linked = with_on_this_page(text.html, label=page.contents_label, also=page.contents_also) \
            if page.contents_label else text.html
        results.append(PageRead(linked, measure(text.blocks, glossary) if page.measured else None))
    return results


class PageReader:
    """Takes pages in the order MkDocs makes them, each with a key of the caller's (its MkDocs page);
    results() gives (key, reading) in the same order."""

    def __init__(self, glossary: Glossary, pages: int, language: str = "en"):
        self.glossary = glossary
        self.language = language
        self.pool = worker_pool(1) if pages >= BACKGROUND_FROM_PAGES else None
        self.keys: list = []
        self.waiting: list[PageToRead] = []
        self.batches: list[Future | list[PageRead]] = []

    def add(self, key, page: PageToRead) -> None:
        self.keys.append(key)
        if self.pool is None:
            self.batches.append(read_pages([page], self.glossary, self.language))
            return
        self.waiting.append(page)
        if len(self.waiting) == BATCH:
            self._send()

    def results(self) -> list[tuple]:
        if self.waiting:
            self._send()
        if self.pool is not None:
            self.pool.shutdown(wait=False)
        readings = [page for batch in self.batches for page in (batch.result() if isinstance(batch, Future) else batch)]
        return list(zip(self.keys, readings))

    def _send(self) -> None:
        self.batches.append(self.pool.submit(read_pages, self.waiting, self.glossary, self.language))
        self.waiting = []
