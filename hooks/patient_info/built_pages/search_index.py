"""The site's search index, made by Pagefind from the built pages.

Pagefind splits the index into small files, so a reader's browser loads nothing until they search and then
only the parts of the index their words need (docs/assets/site-search.js). Which pages are found, with what
other names and under which topic is decided here, from the model:

- patients' pages and the pages for clinics are found, never editors' pages; the printable summaries and the
  pages for one answer repeat what the overview and treatment pages say, so they are left out and do not
  crowd the results (each costs the reader a few bytes of index whether or not it is found);
- the pages for clinics carry the filter "audience: clinics", so the search can list patients' pages first;
- a page whose title names a glossary term, or a treatment with other names, is also found by those other
  names (the `also_called` metadata: searched, never shown), so words from a clinic letter find the page.

Pagefind reads a copy of each page made for it (search_record): the published page is left as it is.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import paths
from .preview import BANNER_CLASS
from ..model.audiences import CLINICS, PATIENTS
from ..model.glossary import plurals
from ..model.site import Site, Topic
from ..text import html_text

# The folder of the published site that holds the index and Pagefind's script.
FOLDER = "pagefind"
# What site-search.js loads; Pagefind also writes ready-made interfaces, which this site does not use.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js",
           "wasm.unknown.pagefind")

# Said on every page of a topic, so it would be every result's excerpt: the review notice; and, in the
# preview, the editors' banners.
_NOT_SEARCHED = (".review-notice", f".{BANNER_CLASS}")


class SearchIndexError(Exception):
    """Pagefind could not be started or could not index a page: the message says what to do."""


@dataclass(frozen=True)
class Searchable:
    """What the index knows of a page besides its text."""

    audience: str
    topic: str = ""  # the topic's title, shown under the page's title in the results
    also_called: tuple[str, ...] = ()  # other names the page is found by


def searchable_pages(site: Site) -> dict[str, Searchable]:
    """Every page the search finds, by source path. Pages not listed are never in the index."""
    pages = {page: Searchable(PATIENTS) for page in (paths.HOME, paths.GLOSSARY, paths.ABOUT)}
    pages |= {page: Searchable(CLINICS) for page in (paths.FOR_CLINICS, paths.INFOBUTTON)}
    for topic in site.topics:
        pages |= _topic_pages(topic, site)
    return pages


def _topic_pages(topic: Topic, site: Site) -> dict[str, Searchable]:
    title = topic.title
    pages = {
        paths.topic_page(topic.id): Searchable(PATIENTS, title, other_names(title, site)),
        paths.factors_page(topic.id): Searchable(PATIENTS, title),
        paths.for_clinics_topic_page(topic.id): Searchable(CLINICS, title),
    }
    for treatment in topic.treatments:
        named = [other.name for other in treatment.other_names]
        pages[paths.treatment_page(topic.id, treatment.id)] = Searchable(
            PATIENTS, title, other_names(treatment.name, site, also=named))
    return pages


def other_names(title: str, site: Site, *, also: Iterable[str] = ()) -> tuple[str, ...]:
    """The other names of what a title names: `also`, then each glossary term the title uses, under its other
    forms (content/glossary.yaml: `forms`), leaving out what the title already says, plurals included (the
    search finds "therapies" from "therapy" by itself)."""
    said = title.lower()
    names = list(also)
    for match in site.glossary.find(title):
        names += [match.term.term, *match.term.forms]
    return tuple(dict.fromkeys(name for name in names
                               if not any(written in said for written in (name.lower(), *plurals(name.lower())))))


def search_record(page: Searchable, *, title: str, content: str) -> str:
    """The HTML Pagefind reads for one page: its title and content (HTML, already escaped), the topic it is
    shown under, its other names and its audience."""
    topic = f'<p data-pagefind-ignore data-pagefind-meta="topic:{html_text(page.topic)}"></p>' if page.topic else ""
    also = (f'<p data-pagefind-ignore data-pagefind-meta="also_called">{html_text(", ".join(page.also_called))}</p>'
            if page.also_called else "")
    audience = ' data-pagefind-filter="audience:clinics"' if page.audience == CLINICS else ""
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>'
            f'<main data-pagefind-body{audience}>{topic}{also}{content}</main></body></html>')


class SearchIndex:
    """Pagefind, indexing the pages it is given while the build goes on, in a process of its own.

    `add` hands a page over and returns at once; `write` waits for every page and writes the index. Pagefind's
    Python API is asynchronous: its event loop runs in a thread beside the build.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._pending: list = []
        # Pagefind starts while MkDocs builds the pages (0.2 s): only `write` waits.
        self._opened = asyncio.run_coroutine_threadsafe(self._open(), self._loop)

    def add(self, page: Searchable, *, url: str, title: str, content: str) -> None:
        """Index one page, published at `url` (from the site's root, starting with "/")."""
        record = search_record(page, title=title, content=content)
        self._pending.append(asyncio.run_coroutine_threadsafe(self._add(record, url), self._loop))

    def write(self, site_dir: Path) -> int:
        """Write the index into the site's pagefind/ folder; the number of pages indexed."""
        try:
            index = self._opened.result(timeout=60)
            for added in self._pending:
                added.result(timeout=600)
            folder = site_dir / FOLDER
            self._wait(index.write_files(output_path=str(folder.resolve())))
            for name in _UNUSED:
                (folder / name).unlink(missing_ok=True)
            return len(self._pending)
        except SearchIndexError:
            raise
        except Exception as error:
            raise SearchIndexError(f"Pagefind could not write the search index: {error}") from None
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind without writing (a build that failed); write() calls it too."""
        if self._loop.is_running():
            try:
                # PagefindIndex closes its service only on leaving its context, which writes the files again.
                self._wait(self._opened.result(timeout=60)._service.close(), timeout=60)
            except Exception:
                pass  # Pagefind never started, or has stopped already: nothing is left to save
        self._stop()

    async def _add(self, record: str, url: str) -> None:
        index = await asyncio.wrap_future(self._opened)
        await index.add_html_file(content=record, url=url)

    async def _open(self):
        try:
            from pagefind.index import IndexConfig, PagefindIndex
        except ImportError:
            raise SearchIndexError("the pagefind package is missing: run 'make build' or 'make serve', which "
                                   "install it from pyproject.toml") from None
        index = PagefindIndex(IndexConfig(force_language="en", exclude_selectors=list(_NOT_SEARCHED)))
        try:
            return await index.__aenter__()
        except FileNotFoundError:
            raise SearchIndexError("Pagefind's program is missing (the pagefind-bin package): run 'make build' or "
                                   "'make serve', which install it from pyproject.toml") from None

    def _wait(self, coroutine, timeout: float = 600):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=timeout)

    def _stop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
