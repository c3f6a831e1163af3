"""One site build, as the MkDocs hooks drive it: everything they need, made once per build, with no MkDocs in it.

`SiteBuild.start` reads the settings and makes the plan (plan/); the hooks then only hand its pages and files
to MkDocs, set the menu from it, link glossary terms in the HTML MkDocs makes, put the content report in
place and fix the theme's markup. In the editors' preview (make serve) a build with content mistakes is one
page listing them, and warnings are banners on the pages they affect.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from .. import page_kinds
from ..built_pages.content_report import PageReport, report_html, report_json
from ..built_pages.page_reading import PageReader, PageToRead
from ..built_pages.preview import (DraftWarning, banner_html, content_warning, mistakes_page, page_warning,
                                   partial_preview_note, warnings_for)
from ..built_pages.search_index import SearchIndex, SearchIndexError, searchable_pages
from ..built_pages.security_policy import protect_file, with_policy, write_headers_file
from ..built_pages.theme_fixes import ThemeMarkupChanged, fix_theme_html
from ..content.files import display_path
from ..errors import ContentError, ContentErrors, fault
from ..links.catalogue import Link
from ..links.head import Head, full_title, page_head
from ..links.qr import make_missing_in_background
from ..model.audiences import PATIENTS
from ..model.paths import relative_url, topic_of, url
from ..pages.render import PLACEHOLDER, PagesInBackground
from ..plan import Plan, judge_published_text, make_plan
from ..plan.settings import Settings
from ..take_away.offline import finish_offline_copy
from ..templating import html_words
from ..text import html_text
from ..wording import wording

REPORT_FILE = "content-report.json"
# Material's offline plugin has each page load iframe-worker (search from file://) from unpkg.com; the offline
# copy carries its own, installed from npm (package.json), so it needs no network and no other site.
IFRAME_WORKER = Path("node_modules", "iframe-worker", "shim", "index.js")
# The situation finder draws the QR code of an address known only in the browser: the encoder, from npm, is
# served from the site's own assets (docs/overrides/main.html loads it on that page only).
QR_ENCODER = Path("node_modules", "qrcode-generator", "dist", "qrcode.js")
SITE_QR_ENCODER = "assets/vendor/qrcode-generator.js"


class BuildStopped(Exception):
    """The build must stop; the message says why and what to do."""


@dataclass
class SiteBuild:
    """What one build knows. Made afresh for every build (`mkdocs serve` keeps nothing from the last)."""

    settings: Settings
    plan: Plan
    strict: bool
    reload_after: int = 0  # the preview's live-reload clock when this build started (ms of time.monotonic)
    drafts: list[DraftWarning] | None = None  # the preview's banners; None in a strict build, which stops on them
    partial_note: str = ""  # said on the home page when the preview builds only some topics
    wait_for_qr_codes: Callable[[], None] | None = None
    reader: PageReader | None = None
    _pages_by_address: dict[str, Link] = field(default_factory=dict)
    _read: list[tuple[str, str, str]] = field(default_factory=list)  # (source path, title, audience) of each page
    search: SearchIndex | None = None  # Pagefind, indexing the pages while MkDocs writes them (not offline)
    rendering: PagesInBackground | None = None  # a large site's topic pages, rendered while MkDocs works
    _report_rows: list[PageReport] = field(default_factory=list)
    _titles: dict[str, str] = field(default_factory=dict)  # each planned page's title, by source path
    _topics: dict[str, object] = field(default_factory=dict)  # each topic, by id

    @classmethod
    def start(cls, environ: Mapping[str, str], *, project_dir: Path, site_url: str, strict: bool,
              reload_after: int = 0) -> SiteBuild:
        """The settings and the plan. Raises BuildStopped with every mistake (outside the preview), and with
        every warning when the build is strict: before MkDocs writes anything, whatever its log level."""
        settings = Settings.read(environ, project_dir=project_dir, today=date.today(), site_url=site_url)
        build = cls(settings, make_plan(settings, judge_text=False, render_later=True), strict and not settings.preview,
                    reload_after)
        plan = build.plan
        if plan.errors and not settings.preview:
            raise BuildStopped(ContentErrors(plan.errors).report())
        if plan.errors:
            return build
        if plan.to_render is not None:
            build.rendering = PagesInBackground(plan.to_render)
        if settings.preview:
            build._start_drafts()
        if not settings.offline:
            build.search = SearchIndex()
        build._pages_by_address = {link.address: link for link in plan.links if link.kind != page_kinds.CODE_LINK.name
                                   and "#" not in link.address}
        build._titles = {page.src_uri: page.title for page in plan.pages}
        build._topics = {topic.id: topic for topic in plan.site.topics}
        return build

    def stop_on_warnings(self, warnings: list[ContentError]) -> None:
        """Raises BuildStopped when a strict build has warnings: before MkDocs writes anything, whatever its
        log level (`mkdocs build -q` hides the warnings MkDocs would count)."""
        if warnings and self.strict:
            count = len(warnings)
            raise BuildStopped(f"{count} content {'warning' if count == 1 else 'warnings'} above: a strict build "
                               "stops before writing the site (run 'make check' to see them without building)")

    @property
    def mistakes(self) -> list[ContentError]:
        """The content mistakes the preview shows instead of the site (none in a build that goes on)."""
        return self.plan.errors

    def mistakes_report(self) -> str:
        return ContentErrors(self.mistakes).report()

    @staticmethod
    def topic_of(src_uri: str) -> str:
        """The topic a page belongs to ("" for the site's own pages): its menu shows that topic."""
        return topic_of(src_uri)

    def make_folder(self, folder: Path) -> None:
        self._cache_written(lambda: folder.mkdir(parents=True, exist_ok=True))

    @staticmethod
    def remove_written_site(site_dir: Path) -> None:
        """Empties the site folder of a strict build that failed after writing, so that nothing there looks
        like a finished site (MkDocs emptied it when this build started)."""
        for entry in site_dir.iterdir() if site_dir.is_dir() else ():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()

    # What MkDocs is handed ----------------------------------------------------------------------------

    def files(self) -> list[tuple[str, str | bytes | Path, bool]]:
        """Every page and file the plan publishes: (source path, its content or a file to copy, in the menu).
        HTML files published as they are (cards, forwarding pages, the preview's list of mistakes) carry the
        Content Security Policy, as MkDocs' pages do from `finish_page`."""
        if self.mistakes:
            mistakes = mistakes_page(self.mistakes, reload_after=self.reload_after)
            return [("404.html", with_policy(mistakes, preview=True), False)]
        in_menu = set(_pages_in(self.plan.menu()))
        worker = self.offline_worker
        listed = [(page.src_uri, page.markdown, page.src_uri in in_menu) for page in self.plan.pages]
        listed += [(file.path, file.source if file.source is not None else
                    protect_file(file.path, file.content, offline_worker=worker), False)
                   for file in self.plan.files]
        listed += [(code.path, code.source, False) for code in self.plan.qr_codes]
        return listed

    def page_source(self, src_uri: str) -> str | None:
        """A page's Markdown when MkDocs reads it, if the build renders it beside MkDocs (a large site's topic
        pages); None for the others, whose Markdown `files` gave. Waits for the page's run of topics."""
        if self.rendering is None:
            return None
        try:
            page = self.rendering.page(src_uri)
        except Exception as error:  # noqa: BLE001 - a fault in rendering, reported as make_plan reports one
            self.stop()
            raise BuildStopped(ContentErrors([fault(display_path(self.settings.content_dir), error)]).report()) \
                from None
        return None if page is None else page.markdown

    def start_drawing_qr_codes(self) -> None:
        """Draws the QR codes the cache lacks, beside the build; `finish_qr_codes` waits for them."""
        self.wait_for_qr_codes = self._cache_written(lambda: make_missing_in_background(list(self.plan.qr_codes)))

    def finish_qr_codes(self) -> None:
        if self.wait_for_qr_codes is not None:
            self._cache_written(self.wait_for_qr_codes)

    @property
    def offline_worker(self) -> Path | None:
        """In the offline copy, iframe-worker's shim from node_modules (make offline installs it)."""
        if not self.settings.offline:
            return None
        path = self.settings.project_dir / IFRAME_WORKER
        if not path.is_file():
            raise BuildStopped(f"{IFRAME_WORKER} is missing: run 'make offline' (it runs 'npm ci --ignore-scripts')")
        return path

    @property
    def qr_encoder(self) -> Path:
        """The situation finder's QR encoder from node_modules (make serve and make build install it)."""
        path = self.settings.project_dir / QR_ENCODER
        if not path.is_file():
            raise BuildStopped(f"{QR_ENCODER} is missing: run 'make build' (it runs 'npm ci --ignore-scripts')")
        return path

    def finish_page(self, html: str) -> str:
        """A page MkDocs wrote: the theme's markup fixed and its Content Security Policy added."""
        try:
            fixed = fix_theme_html(html, material_search=self.settings.offline)  # Material's search: offline only
        except ThemeMarkupChanged as error:
            raise BuildStopped(str(error)) from None
        return with_policy(fixed, preview=self.settings.preview, offline_worker=self.offline_worker)

    def start_search_index(self, pages: list[tuple[str, str, str, str]], site_dir: Path) -> None:
        """Once every page's content is known: Pagefind indexes the searchable ones, (source path, address, title,
        content HTML) each, while MkDocs writes the pages. The offline copy keeps Material's own search."""
        if self.search is None:
            return
        written = {src_uri: (address, title, content) for src_uri, address, title, content in pages}
        # In the order searchable_pages lists them: the order the first results are shown in.
        for src_uri, searchable in searchable_pages(self.plan.site).items():
            if src_uri in written:
                address, title, content = written[src_uri]
                self.search.add(searchable, url="/" + address, title=title, content=content)
        try:
            self.search.start(site_dir)
        except SearchIndexError as error:
            raise BuildStopped(str(error)) from None

    def finish_site(self, site_dir: Path) -> None:
        """After MkDocs wrote the site: the search index, the content report's JSON, the headers file for static
        hosts, and in the offline copy every link pointed at a file of the copy (take_away/offline.py)."""
        if self.search is not None:
            try:
                self.search.write(site_dir)
            except SearchIndexError as error:
                raise BuildStopped(str(error)) from None
        Path(site_dir, REPORT_FILE).write_text(self.report_json(), "utf-8")
        write_headers_file(site_dir)
        if self.settings.offline:
            finish_offline_copy(site_dir)

    def stop(self) -> None:
        """A build that failed: Pagefind and the rendering run in processes of their own, which must not be left
        behind."""
        if self.search is not None:
            self.search.close()
        if self.rendering is not None:
            self.rendering.close()

    def menu(self) -> list:
        """The menu in MkDocs' nav shape, its section titles escaped (the theme prints them unescaped)."""
        return _escaped_titles(self.plan.menu())

    def theme_settings(self) -> dict:
        """What the theme templates show on every page: header, footer, the demonstration line, the contact box
        (with support lines and what to do if unwell) and the feedback link. Plain text; the templates escape it."""
        settings = self.plan.site.settings
        clinic = asdict(settings.clinic) if settings.clinic else None
        if clinic:
            clinic["tel"] = _dialled(clinic["phone"])
        return {"publisher": settings.publisher, "disclaimer": settings.disclaimer, "contact": settings.contact,
                "clinic": clinic, "feedback": asdict(settings.feedback) if settings.feedback else None,
                "about": page_kinds.ABOUT.address(), "demonstration": settings.demonstration,
                "if_unwell": settings.if_unwell,
                "support_lines": [{**asdict(line), "tel": _dialled(line.phone)} for line in settings.support_lines]}

    def theme_globals(self) -> dict:
        """What the theme's templates (docs/overrides) are given besides `config`: `_("...", name=value)`, the
        site's own words in its language as in our templates, with each value escaped for HTML; and `wording`,
        the same words as plain text, for text that is not HTML (a feedback email's subject)."""
        return {"_": html_words(self.language), "wording": wording(self.language)}

    def tab_title(self, src_uri: str, shown_title: str) -> str:
        """The page's title in the browser tab (plain text): the page, its topic and the publisher, as its link
        preview (og:title) says it. A page made from content has its plan title; others (the editors' guide)
        the title MkDocs found."""
        planned = self._titles.get(src_uri)
        title = planned if planned is not None else Markup(shown_title).striptags()
        topic = self._topics.get(topic_of(src_uri))
        return full_title(wording(self.language), self.plan.site, title, topic)

    @property
    def site_name(self) -> Markup:
        return html_text(self.plan.site.settings.name)

    @property
    def language(self) -> str:
        return self.plan.language

    def head(self, src_uri: str) -> Head | None:
        """A page's Open Graph and JSON-LD, from its catalogue entry (pages for editors have none)."""
        link = self._pages_by_address.get(url(src_uri))
        return None if link is None else page_head(self.plan.site, link, self.settings.site_url, self.language)

    # What is done to the HTML MkDocs makes ----------------------------------------------------------------

    def start_reading(self, pages: int) -> None:
        self.reader = PageReader(self.plan.site.glossary, pages=pages, language=self.language)

    def read(self, key, src_uri: str, title: str, html: str, audience: str) -> None:
        """Reads a page MkDocs made: its text is measured as the plan's (`make check`) is, and on pages for
        patients the first use of each glossary term is linked (the glossary itself excepted). The results
        come back from `finish_reading`, once every page is made."""
        if src_uri == page_kinds.CONTENT_REPORT.src_uri():
            return  # it lists the others' figures, and is filled in once they are all read
        for_patients = audience == PATIENTS
        href = None
        if for_patients and src_uri != page_kinds.GLOSSARY.src_uri():
            href = relative_url(url(src_uri), page_kinds.GLOSSARY.address())
        words = wording(self.language)
        # Patients' pages list the theme's "Who to contact" box too (docs/overrides/partials/contact.html).
        also = (("contact-box-title", words("Who to contact")),) if for_patients else ()
        self.reader.add((key, src_uri), PageToRead(html, href, for_patients, words("On this page"), also))
        self._read.append((src_uri, title, audience))

    def finish_reading(self) -> list[tuple]:
        """(key, linked HTML) for each page read, once the published text is judged: a strict build stops here,
        before MkDocs writes any page, on a sentence too long or a page too hard to read."""
        self._finish_rendering()
        results = self.reader.results() if self.reader else []
        figures = {src_uri: reading.readability for (_, src_uri), reading in results if reading.readability}
        self._report_rows = [PageReport(url=url(src_uri), title=str(Markup(title).striptags()), audience=audience,
                                    readability=figures.get(src_uri)) for src_uri, title, audience in self._read]
        self.plan = judge_published_text(self.plan, figures)
        problems = self.plan.page_problems
        if problems and self.drafts is not None:
            self.drafts += [page_warning(problem.error.format("warning"), page)
                            for problem in problems for page in problem.pages]
        return [(key, reading.html) for (key, _), reading in results]

    def _finish_rendering(self) -> None:
        """The plan's outlined pages replaced by the pages rendered beside MkDocs (their statements are what the
        published text's problems are traced back with). MkDocs has read every page by now."""
        if self.rendering is None:
            return
        rendered = self.rendering.pages()
        self.rendering.close()
        self.rendering = None
        self.plan = replace(self.plan, pages=tuple(rendered.get(page.src_uri, page) for page in self.plan.pages),
                            to_render=None)

    def text_problems(self) -> list[ContentError]:
        return [problem.error for problem in self.plan.page_problems]

    def with_report(self, report_page_html: str) -> str:
        """The editors' content report page, with every page's figures in place of its placeholder."""
        here = page_kinds.CONTENT_REPORT.address()
        tables = report_html(self._reports(), self.plan.unexplained, lambda address: relative_url(here, address))
        return report_page_html.replace(PLACEHOLDER, tables)

    def report_json(self) -> str:
        """The same figures for tools: content-report.json at the top of the site."""
        return report_json(self._reports(), self.plan.unexplained)

    def _reports(self) -> list[PageReport]:
        """Every page MkDocs built, hand-written ones too, with its figures (pages for patients only)."""
        return self._report_rows

    def banner(self, src_uri: str) -> str:
        """The editors' banner for one page in the preview ("" elsewhere)."""
        if self.drafts is None:
            return ""
        note = self.partial_note if src_uri == page_kinds.HOME.src_uri() else ""
        return banner_html(warnings_for(src_uri, self.drafts), partial_note=note)

    def notes(self) -> list[str]:
        """What the terminal should say besides the warnings: notices, and the preview's own notes."""
        said = [notice.format("warning") for notice in self.plan.notices]
        if self.partial_note:
            said.append(self.partial_note)
        count = sum(draft.blocking for draft in self.drafts or ())
        if count:
            said.append(f"Preview: {count} draft {'warning is' if count == 1 else 'warnings are'} shown as banners "
                        "on the pages affected; make build stops on them.")
        return said

    # Helpers ----------------------------------------------------------------------------------------------

    def _start_drafts(self) -> None:
        shown = display_path(self.settings.content_dir)
        self.drafts = [content_warning(warning, shown) for warning in self.plan.warnings]
        self.drafts += [content_warning(notice, shown, blocking=False) for notice in self.plan.notices]
        if self.settings.topics:
            self.partial_note = partial_preview_note(tuple(topic.id for topic in self.plan.site.topics),
                                                     _topic_folder_count(self.settings.content_dir))

    def _cache_written(self, write: Callable):
        """write()'s result; a cache folder the build cannot write stops it with a message, not a traceback."""
        try:
            return write()
        except OSError as error:
            raise BuildStopped(f"the build cannot write QR codes to {self.settings.cache_dir}: "
                               f"{error.strerror or error} (make that folder writable, or set PATIENT_INFO_CACHE "
                               "to one that is)") from None


def _pages_in(menu: list):
    for item in menu:
        if isinstance(item, dict):
            for value in item.values():
                yield from _pages_in(value)
        else:
            yield item


def _escaped_titles(menu: list) -> list:
    return [{str(html_text(title)): _escaped_titles(items) for title, items in item.items()}
            if isinstance(item, dict) else item for item in menu]


def _dialled(phone: str) -> str:
    """A phone number as a tel: link dials it: digits and a leading +, without a UK-style "(0)"."""
    return re.sub(r"[^0-9+]", "", phone.replace("(0)", ""))


def _topic_folder_count(content: Path) -> int:
    return sum(1 for entry in os.scandir(content) if entry.is_dir() and not entry.name.startswith("."))

