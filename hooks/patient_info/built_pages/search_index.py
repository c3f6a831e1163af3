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

Pagefind reads a copy of each page made for it (search_record): the published page is left as it is. The hooks
hand each page over as MkDocs writes it, and Pagefind's program indexes the copies once the site is built.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import page_kinds
from .preview import BANNER_CLASS
from .search_names import NamedPage, write_names
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

# Said on every page of a topic, so every page would be found for its words: the review notice; and, in the
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
    """Every page the search finds, by source path (the page kinds marked searchable). Pages not listed are never
    in the index. A topic's pages are shown under its title; a page is also found by the other names of what
    its title names, and a treatment's page by the treatment's other names."""
    pages = {}
    for kind in page_kinds.ALL:
        if kind.searchable and kind.is_page:
            for subject in kind.subjects(site):
                named = dict(zip(kind.subject_names, subject))
                topic, treatment = named.get("topic"), named.get("treatment")
                title = treatment.name if treatment else topic.title if kind is page_kinds.OVERVIEW else ""
                also = [other.name for other in treatment.other_names] if treatment else []
                pages[kind.src_uri(*subject)] = Searchable(kind.audience, topic.title if topic else "",
                                                           other_names(title, site, also=also) if title else ())
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
    """Pagefind's program, run on the copy of each page made for it (search_record), beside the build.

    `add` writes a page's copy into a folder of its own (a few KB; a millisecond); `start` runs Pagefind on that
    folder in the background, once every page's content is known and while MkDocs still writes the pages;
    `write` waits for it and tidies the index folder. Pagefind's Python API was tried first: its service reads
    one answer every 0.1 s, which made 11,000 pages take over 18 minutes.
    """

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="patient-info-search-"))
        self._pages: list[NamedPage] = []
        self._running: subprocess.Popen | None = None
        self._output: Path | None = None

    def add(self, page: Searchable, *, url: str, title: str, content: str) -> None:
        """Index one page, published at `url` (from the site's root, starting with "/")."""
        copy = self._folder / url.strip("/") / "index.html"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(search_record(page, title=title, content=content), "utf-8")
        self._pages.append(NamedPage(url, html.unescape(title), page.topic, page.audience, page.also_called))

    def start(self, site_dir: Path) -> None:
        """Start indexing every page added, into the site's pagefind/ folder, and write the names files
        (search_names.py) while Pagefind works."""
        self._output = (site_dir / FOLDER).resolve()
        excluded = [argument for selector in _NOT_SEARCHED for argument in ("--exclude-selectors", selector)]
        self._running = subprocess.Popen(
            [str(_program()), "--site", str(self._folder), "--output-path", str(self._output),
             "--force-language", "en", "--silent", *excluded],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        write_names(self._pages, site_dir)

    def write(self, site_dir: Path) -> int:
        """Wait for the index (starting it if need be); the number of pages indexed."""
        try:
            if self._running is None:
                self.start(site_dir)
            said, _ = self._running.communicate(timeout=1800)
            if self._running.returncode != 0:
                raise SearchIndexError("Pagefind could not write the search index: " +
                                       " ".join(said.strip().splitlines()[-5:]))
            for name in _UNUSED:
                (self._output / name).unlink(missing_ok=True)
            return len(self._pages)
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind if it still runs (a build that failed) and remove the pages' copies: a process of its own
        removes them once the build has gone on (11,000 folders took the build 3 s at 1,000 topics)."""
        if self._running is not None and self._running.poll() is None:
            self._running.kill()
            self._running.wait()
        if self._folder.exists():
            subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                              str(self._folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)


def _program() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind's program is missing (the pagefind-bin package): run 'make build' or "
                               "'make serve', which install it from pyproject.toml") from None
    return Path(get_executable())
