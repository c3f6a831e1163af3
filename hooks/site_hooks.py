"""MkDocs events for patient-info. Thin on purpose: the work happens in the patient_info package.

Each build loads the content once (on_config), adds the generated pages
(on_files) and builds the navigation from the same model. MkDocs keeps this
module alive across `mkdocs serve` rebuilds, so everything a build learns lives
in one Build object that on_config makes afresh. Each page's HTML gets glossary
links and is measured for the content report; the theme's markup faults are
fixed after rendering.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from html import unescape as unescape_html
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from patient_info.content.files import display_path
from patient_info.built_pages.content_report import PageReport, report_html, report_json, too_long_sentences
from patient_info.built_pages.page_reading import PageReader, PageToRead
from patient_info.built_pages.preview import (DraftWarning, banner_html, content_warning, mistakes_page, page_warning,
                                              partial_preview_note, warnings_for)
from patient_info.built_pages.readability import Readability
from patient_info.built_pages.search_index import SearchIndex, Searchable, SearchIndexError, searchable_pages
from patient_info.built_pages.theme_fixes import ThemeMarkupChanged, fix_theme_html
from patient_info.errors import ContentError, ContentErrors
from patient_info.links.catalogue import Link, uncatalogued
from patient_info.links.head import page_head
from patient_info.links.machine_readable import machine_readable_files
from patient_info.links.qr import make_missing_in_background, qr_files
from patient_info.links.redirects import redirect_files
from patient_info.model import paths
from patient_info.model.audiences import PATIENTS
from patient_info.model.site import Site
from patient_info.pages.embed import embed_files
from patient_info.pages.handout import Handout
from patient_info.pages.render import PLACEHOLDER, Page as RenderedPage, render_for_clinics, render_site
from patient_info.text import html_text
from patient_info.whole_site import judge

CONTENT_DIR_VARIABLE = "PATIENT_INFO_CONTENT"
# Where files kept between builds go (QR codes); .cache/ beside mkdocs.yml unless set. CI can keep it between runs.
CACHE_DIR_VARIABLE = "PATIENT_INFO_CACHE"
# Set by `make serve`: content mistakes are shown in the browser and warnings as banners on the pages,
# instead of stopping the build (see "Editors' preview" below).
PREVIEW_VARIABLE = "PATIENT_INFO_PREVIEW"
# Set by `make serve TOPICS=a,b`: the preview builds only these topics, so a save costs the same (about half a CPU
# second) in a library of 1,000 topics as of 10. Read only in the preview: `make build` always builds every topic.
TOPICS_VARIABLE = "PATIENT_INFO_TOPICS"
# Set by `make offline` (true): Material's offline plugin builds a copy that works from file://.
OFFLINE_VARIABLE = "PATIENT_INFO_OFFLINE"
# That plugin has each page load iframe-worker (search from file://) from unpkg.com; the copy carries its own,
# installed from npm (package.json), so it needs no network and no other site.
IFRAME_WORKER = Path("node_modules", "iframe-worker", "shim", "index.js")
OFFLINE_IFRAME_WORKER = "assets/offline/iframe-worker.js"
REPORT_FILE = "content-report.json"
# Warnings go through MkDocs' logger so that `--strict` counts them.
log = get_plugin_logger("patient_info")


@dataclass
class Build:
    """What one build knows, filled in event by event."""

    site: Site
    unexplained: list[ContentError]  # long words the glossary lacks
    handouts: dict[str, Handout]  # each topic's printable summary, by topic id: checked for fit, then rendered
    links: tuple[Link, ...]  # every linkable address (links/catalogue.py)
    pages: dict[str, Link] = field(default_factory=dict)  # linkable pages by address, for each page's <head>
    topic_navs: dict[str, Navigation] = field(default_factory=dict)  # the menu on each topic's pages, by topic id
    site_wide_nav: Navigation | None = None  # the menu of pages outside the topics: one link per topic
    reader: PageReader | None = None  # reads each built page: glossary links, text, readability
    reports: list[PageReport] = field(default_factory=list)  # readability figures, filled page by page
    wait_for_qr_codes: Callable[[], None] | None = None  # returns once the QR codes new to the cache are written
    drafts: list[DraftWarning] | None = None  # the preview's banners; None in `make build`, which stops on them
    partial_note: str = ""  # said on the home page when the preview builds only some topics
    search: SearchIndex | None = None  # Pagefind, indexing the pages while they are written (not offline)
    searchable: dict[str, Searchable] = field(default_factory=dict)  # the pages it finds, by source path


class _Current:
    """Holds the running build; on_config replaces it, so nothing outlives a `mkdocs serve` rebuild."""

    build: Build
    mistakes: list[ContentError]  # the preview's content mistakes: while there are any, they are the whole site
    reload_after: int  # the live-reload clock when this build started (milliseconds of time.monotonic)


_current = _Current()


# Events ---------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("mkdocs.yml has no site_url: canonical links, links.json, printed summaries and QR codes "
                          "need the site's address (set site_url, or the SITE_URL environment variable)")
    _current.mistakes, _current.reload_after = [], round(time.monotonic() * 1000)
    # The same judgement as `make check`: what stops one stops the other, named at the same line.
    verdict = judge(_content_dir(config), site_url=config.site_url, today=date.today(),
                    overdue_is_error=not _is_preview(), only_topics=_previewed_topics())
    for notice in verdict.notices:
        log.info(notice.format("warning"))
    if verdict.errors and _is_preview():
        return _show_mistakes(verdict.errors, config)
    if verdict.errors:
        raise PluginError(ContentErrors(verdict.errors).report())
    site = verdict.site
    _current.build = Build(site, verdict.unexplained, verdict.handouts, verdict.links)
    if not _is_offline():
        _current.build.search, _current.build.searchable = SearchIndex(), searchable_pages(site)
    if _is_preview():
        _start_drafts(_current.build, verdict.warnings + verdict.notices, config)
    for warning in verdict.warnings:
        log.warning(str(warning))
    if verdict.warnings and config.strict:
        # Strict mode would stop only after writing every page: a site folder that looks built but is not.
        count = len(verdict.warnings)
        raise PluginError(f"{count} content {'warning' if count == 1 else 'warnings'} above: a strict build stops "
                          "before writing the site (run 'make check' to see them without building)")
    config.site_name = html_text(site.settings.name)
    config.extra["patient_info"] = _theme_settings(site)
    config.nav = _navigation(site)
    if _is_offline():
        # Runs after the offline plugin's on_config (hooks load after plugins), which added the unpkg.com script.
        config.extra["polyfills"] = [OFFLINE_IFRAME_WORKER]
    return config


def _unless_mistakes(event: Callable) -> Callable:
    """Events that have nothing to do while the preview shows content mistakes in place of the site."""
    @functools.wraps(event)
    def run(*args, **kwargs):
        return (args[0] if args else None) if _current.mistakes else event(*args, **kwargs)
    return run


@_unless_mistakes
def on_pre_build(*, config: MkDocsConfig) -> None:
    # MkDocs writes the site folder after every page is made, and a folder it cannot write ends in a traceback.
    site_dir = Path(config.site_dir)
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=site_dir):
            pass
    except OSError as error:
        raise PluginError(f"the build cannot write the site to {site_dir}: {error.strerror or error} (make that "
                          "folder writable, or build into another one with 'mkdocs build -d FOLDER')") from None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if _current.mistakes:
        # No page is built, so every address answers with the 404 page: the list of mistakes.
        kept = Files([file for file in files if not file.is_documentation_page()])
        _add(kept, config, "404.html", mistakes_page(_current.mistakes, reload_after=_current.reload_after),
             in_nav=False)
        return kept
    build = _current.build
    in_nav = set(_nav_pages(config.nav))
    pages = render_site(build.site, build.handouts)
    for page in pages:
        _add(files, config, page.src_uri, page.markdown, in_nav=page.src_uri in in_nav)
    links = build.links
    for_clinics = render_for_clinics(build.site, links, config.site_url)
    missing = uncatalogued([page.src_uri for page in [*pages, *for_clinics]], links)
    if missing:
        raise PluginError(f"no entry in the link catalogue (links/catalogue.py) for {', '.join(missing)}")
    _add_linking_files(build, links, for_clinics, files, config)
    if _is_offline():
        _add(files, config, OFFLINE_IFRAME_WORKER, _iframe_worker(config), in_nav=False)
    return files


@_unless_mistakes
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = _current.build
    build.reader = PageReader(build.site.glossary, pages=len(files.documentation_pages()))
    sections = [item for item in nav.items if isinstance(item, Section)]
    # Made once per topic, not per page: a site of 1,000 topics has 26,000 pages.
    build.topic_navs = {_topic_of(section): Navigation([item for item in nav.items
                                                        if not isinstance(item, Section) or item is section],
                                                       nav.pages)
                        for section in sections}
    # No list of topics: home lists them, so that no page grows with the library.
    build.site_wide_nav = Navigation([item for item in nav.items if not isinstance(item, Section)], nav.pages)
    return nav


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    build = _current.build
    context["nav"] = _navigation_for(build, page)
    link = build.pages.get(paths.url(page.file.src_uri))  # the published address, also in the offline copy
    if link is not None:
        context["page_head"] = page_head(build.site, link, config.site_url, _language(config))
    return context


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A title taken from the page's h1 is HTML with '<' and '&' escaped but not '"', and the theme prints
    # it inside attributes (the footer's aria-label): it is escaped afresh for both, then marked as Markup
    # so that the theme's `| e` does not escape it a second time.
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = html_text(unescape_html(page.title))
    if paths.is_for_editors(page.file.src_uri):
        page.meta["search"] = {"exclude": True}  # for editors: patients searching should not land here
    if page.file.src_uri == paths.CONTENT_REPORT:
        return html
    # Readers of the patient pages get glossary links; editors' and clinicians' pages are left as written.
    # Only patients' pages are measured: the others are lists of addresses and instructions, not prose.
    for_patients = page.meta.get("audience", PATIENTS) == PATIENTS
    glossary_href = None
    if page.file.src_uri != paths.GLOSSARY and for_patients:
        glossary_href = get_relative_url(files.get_file_from_path(paths.GLOSSARY).url, page.url)
    # Read while MkDocs goes on with other pages; on_env puts the linked HTML in place.
    _current.build.reader.add(page, PageToRead(html, glossary_href, for_patients))
    return html


@_unless_mistakes
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    build = _current.build
    if build.drafts is not None:
        _reuse_compiled_templates(env, config)
    # MkDocs copies the QR codes from the cache and writes the pages next.
    _cache_written(build.wait_for_qr_codes, config)
    for page, reading in build.reader.results():
        page.content = reading.html
        _report(build, page, reading.readability)
    # Every page has been measured by now; only the editors' page is still waiting for the figures.
    report = files.get_file_from_path(paths.CONTENT_REPORT).page
    tables = report_html(build.reports, build.unexplained, lambda url: get_relative_url(url, report.url))
    report.content = report.content.replace(PLACEHOLDER, tables)
    if build.drafts is not None:
        _show_banners(build, files)
    if build.search is not None:
        # Every page's content is known now: Pagefind indexes it while MkDocs writes the pages.
        _start_search_index(build, files, config)
    return env


@_unless_mistakes
def on_post_build(*, config: MkDocsConfig) -> None:
    build = _current.build
    Path(config.site_dir, REPORT_FILE).write_text(report_json(build.reports, build.unexplained), "utf-8")
    if build.search is not None:
        _write_search_index(build.search, config)


def on_build_error(*, error: Exception) -> None:
    build = getattr(_current, "build", None)
    if build is not None and build.search is not None:
        build.search.close()  # Pagefind runs in a process of its own, which a failed build must not leave behind


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix_theme(output)


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    # The 404 page would otherwise draw every page of the site in its menu.
    if template_name == "404.html" and not _current.mistakes:
        context["nav"] = _current.build.site_wide_nav
    return context


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Static theme pages such as 404.html; sitemap.xml passes through here too.
    return _fix_theme(output_content) if template_name.endswith(".html") else output_content


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # Watch the content folder this build really reads, which PATIENT_INFO_CONTENT may move.
    content = _content_dir(config)
    topics = _previewed_topics()
    if topics is None:
        server.watch(str(content))
        return server
    # Only the previewed topics and the site-wide files: polling 15,000 files of other topics costs time on each save.
    server.watch(str(content), recursive=False)
    for topic in topics:
        if (content / topic).is_dir():
            server.watch(str(content / topic))
    return server


# Helpers --------------------------------------------------------------------

def _content_dir(config: MkDocsConfig) -> Path:
    """content/ beside mkdocs.yml, or the folder named by PATIENT_INFO_CONTENT (used by tests)."""
    configured = os.environ.get(CONTENT_DIR_VARIABLE)
    base = Path(config.config_file_path).parent
    return (base / configured) if configured else base / "content"


def _cache_dir(config: MkDocsConfig) -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else Path(config.config_file_path).parent / ".cache" / "patient-info"


def _cache_written(write: Callable, config: MkDocsConfig):
    """write()'s result; a cache folder the build cannot write stops it with a message instead of a traceback."""
    try:
        return write()
    except OSError as error:
        raise PluginError(f"the build cannot write QR codes to {_cache_dir(config)}: {error.strerror or error} "
                          f"(make that folder writable, or set {CACHE_DIR_VARIABLE} to one that is)") from None


def _is_preview() -> bool:
    return os.environ.get(PREVIEW_VARIABLE) == "1"


def _is_offline() -> bool:
    return os.environ.get(OFFLINE_VARIABLE) == "true"


def _iframe_worker(config: MkDocsConfig) -> Path:
    path = Path(config.config_file_path).parent / IFRAME_WORKER
    if not path.is_file():
        raise PluginError(f"{IFRAME_WORKER} is missing: run 'make offline' (it runs 'npm ci --ignore-scripts')")
    return path


def _add_linking_files(build: Build, links: tuple[Link, ...], for_clinics: list[RenderedPage], files: Files,
                       config: MkDocsConfig) -> None:
    """The "for clinics" page, redirects, code links, JSON, embed cards and QR codes: all from one catalogue of links,
    made from the same model as the pages."""
    build.pages = {link.address: link for link in links if link.kind != "code-link" and "#" not in link.address}
    for page in for_clinics:
        _add(files, config, page.src_uri, page.markdown, in_nav=False)
    language = _language(config)
    for static in [*redirect_files(build.site, links, config.site_url, language),
                   *machine_readable_files(build.site, links, config.site_url, language),
                   *embed_files(build.site, links, config.site_url, language, today=date.today())]:
        _add(files, config, static.path, static.content, in_nav=False)
    # Like Material's social cards, QR codes are kept in .cache/ beside mkdocs.yml: an unchanged one is not remade.
    codes = qr_files(links, config.site_url, cache=_cache_dir(config) / "qr")
    for code in codes:
        _add(files, config, code.path, code.source, in_nav=False)
    build.wait_for_qr_codes = _cache_written(lambda: make_missing_in_background(codes), config)


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes | Path, *, in_nav: bool) -> None:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"docs/{src_uri} would hide a generated file; remove or rename it")
    # Pages outside the navigation (situations, for clinics) are still built, linked and in the sitemap.
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    # A Path is copied from disk when the site is written, so its bytes are never held in memory.
    source = {"abs_src_path": str(content)} if isinstance(content, Path) else {"content": content}
    files.append(File.generated(config, src_uri, **source, inclusion=inclusion))


def _nav_pages(nav: list) -> Iterator[str]:
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                yield from _nav_pages(value if isinstance(value, list) else [value])
        else:
            yield item


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _navigation_for(build: Build, page: Page) -> Navigation:
    """The navigation drawn on one page: Home and the page's own topic, or a link to each topic.

    The theme writes the whole navigation into every page, so a site-wide menu
    would make each build grow with pages x topics, and a site of many topics
    would send a phone thousands of links on every page. A topic's pages show
    that topic (as do its links for clinics); other pages link to each topic's overview.
    """
    return build.topic_navs.get(paths.topic_of(page.file.src_uri), build.site_wide_nav)


def _topic_of(section: Section) -> str:
    first = next(page for page in _pages_in(section))
    return paths.topic_of(first.file.src_uri)


def _pages_in(section: Section) -> Iterator[Page]:
    for child in section.children:
        if isinstance(child, Section):
            yield from _pages_in(child)
        elif child.is_page:
            yield child


def _start_search_index(build: Build, files: Files, config: MkDocsConfig) -> None:
    for file in files.documentation_pages():
        searchable = build.searchable.get(file.src_uri)
        if searchable is not None and file.page is not None:
            build.search.add(searchable, url="/" + file.page.url, title=file.page.title, content=file.page.content)
    try:
        build.search.start(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def _write_search_index(search: SearchIndex, config: MkDocsConfig) -> None:
    try:
        search.write(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def _fix_theme(html: str) -> str:
    try:
        # Material's own search is built into the offline copy only.
        return fix_theme_html(html, material_search=_is_offline())
    except ThemeMarkupChanged as error:
        raise PluginError(str(error)) from None


# Editors' preview (`make serve`) ----------------------------------------------
# MkDocs' server waits for a good build before it answers any request, so a build that stops
# leaves the browser loading for ever. In the preview, content mistakes become one page served
# at every address (MkDocs serves 404.html for any page it does not have), and what the strict
# build would stop on becomes a banner on the pages it affects. `make build` is unchanged.

def _previewed_topics() -> tuple[str, ...] | None:
    named = os.environ.get(TOPICS_VARIABLE, "") if _is_preview() else ""
    topics = tuple(name.strip() for name in named.split(",") if name.strip())
    return topics or None


def _show_mistakes(errors: list[ContentError], config: MkDocsConfig) -> MkDocsConfig:
    _current.mistakes = errors
    # The theme's 404 page needs the site's settings, which a build with mistakes does not have; on_files
    # puts the list of mistakes at 404.html instead.
    config.theme.static_templates.discard("404.html")
    log.error(ContentErrors(errors).report() + "\nThe browser shows these until they are fixed.")
    return config


def _start_drafts(build: Build, warnings: list[ContentError], config: MkDocsConfig) -> None:
    content_shown = display_path(_content_dir(config))
    build.drafts = [content_warning(warning, content_shown) for warning in warnings]
    topics = _previewed_topics()
    if topics:
        build.partial_note = partial_preview_note(tuple(topic.id for topic in build.site.topics),
                                                  _topic_folder_count(_content_dir(config)))
        log.info(build.partial_note)


def _reuse_compiled_templates(env: Environment, config: MkDocsConfig) -> None:
    """Each rebuild makes the theme's Jinja environment afresh, which compiled the theme's templates again on
    every save (0.2 to 0.8 s on this machine); compiled once, they are kept in the cache folder, checked
    against their source each time."""
    folder = _cache_dir(config) / "templates"
    _cache_written(lambda: folder.mkdir(parents=True, exist_ok=True), config)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _draft(build: Build, warning: DraftWarning) -> None:
    if build.drafts is not None:
        build.drafts.append(warning)


def _show_banners(build: Build, files: Files) -> None:
    for file in files.documentation_pages():
        note = build.partial_note if file.src_uri == paths.HOME else ""
        banner = banner_html(warnings_for(file.src_uri, build.drafts), partial_note=note)
        if banner and file.page is not None:
            file.page.content = banner + (file.page.content or "")
    if build.drafts:
        count = len(build.drafts)
        log.info(f"Preview: {count} draft {'warning is' if count == 1 else 'warnings are'} shown as banners on "
                 "the pages affected; make build stops on them.")


def _topic_folder_count(content: Path) -> int:
    return sum(1 for entry in os.scandir(content) if entry.is_dir() and not entry.name.startswith("."))


def _report(build: Build, page: Page, readability: Readability | None) -> None:
    # Pages are for patients unless their front matter names another audience.
    report = PageReport(url=page.url, title=Markup(page.title or "").striptags(),
                        audience=page.meta.get("audience", PATIENTS), readability=readability)
    build.reports.append(report)
    for sentence in too_long_sentences(report):
        message = f"{page.file.src_uri}: this sentence has more than 25 words; split it: \"{sentence}\""
        log.warning(message)
        _draft(build, page_warning(message, page.file.src_uri))


def _theme_settings(site: Site) -> dict:
    """What the theme templates show on every page: header, footer, the contact box and the feedback link.
    Plain text; the templates escape it."""
    settings = site.settings
    clinic = asdict(settings.clinic) if settings.clinic else None
    if clinic:
        clinic["tel"] = _dialled(clinic["phone"])
    return {
        "publisher": settings.publisher,
        "disclaimer": settings.disclaimer,
        "contact": settings.contact,
        "clinic": clinic,
        "feedback": asdict(settings.feedback) if settings.feedback else None,
        "about": paths.url(paths.ABOUT),
    }


def _dialled(phone: str) -> str:
    """A phone number as a tel: link dials it: digits and a leading +, without a UK-style "(0)"."""
    return re.sub(r"[^0-9+]", "", phone.replace("(0)", ""))


def _navigation(site: Site) -> list:
    # Section titles go into the theme's HTML unescaped; page titles come from each page's escaped h1.
    nav: list = [paths.HOME]
    for topic in site.topics:
        nav.append({html_text(topic.title): [
            paths.topic_page(topic.id),
            paths.factors_page(topic.id),
            {"Treatments": [paths.treatment_page(topic.id, t.id) for t in topic.treatments]},
            paths.summary_page(topic.id),
        ]})
    nav.append(paths.GLOSSARY)
    nav.append(paths.ABOUT)
    return nav
