"""MkDocs events for patient-info. Thin on purpose: they hand MkDocs what the build layer decides.

`patient_info.build.SiteBuild` (no MkDocs in it) reads the settings once and makes the plan of every
file the site publishes, with its verdict. These events only give its pages and files to MkDocs, set
the menu from it, link glossary terms in the HTML MkDocs makes, and fix the theme's markup. MkDocs keeps
this module alive across `mkdocs serve` rebuilds, so the running build lives in one object that
on_config makes afresh.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
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

from patient_info.build import SITE_QR_ENCODER, BuildStopped, SiteBuild

# Material's offline plugin has each page load iframe-worker (search from file://) from unpkg.com; the copy
# carries its own, installed from npm (package.json), so it needs no network and no other site.
OFFLINE_IFRAME_WORKER = "assets/offline/iframe-worker.js"
# Warnings go through MkDocs' logger so that `--strict` counts them.
log = get_plugin_logger("patient_info")


class _Current:
    """Holds the running build; on_config replaces it, so nothing outlives a `mkdocs serve` rebuild."""

    build: SiteBuild
    wrote_site: bool = False  # whether this build has started writing the site folder
    site_dir: str = ""


_current = _Current()


# Events ---------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("mkdocs.yml has no site_url: canonical links, links.json, printed summaries and QR codes "
                          "need the site's address (set site_url, or the SITE_URL environment variable)")
    _current.wrote_site = False
    try:
        build = SiteBuild.start(os.environ, project_dir=Path(config.config_file_path).parent,
                                site_url=config.site_url, strict=config.strict,
                                reload_after=round(time.monotonic() * 1000))
    except BuildStopped as stopped:
        raise PluginError(str(stopped)) from None
    _current.build = build
    if build.mistakes:
        return _show_mistakes(config)
    for note in build.notes():
        log.info(note)
    _warn_and_stop(build, build.plan.warnings)
    config.site_name = build.site_name
    config.theme["language"] = build.language
    config.extra["patient_info"] = build.theme_settings()
    config.nav = build.menu()
    if build.settings.offline:
        # Runs after the offline plugin's on_config (hooks load after plugins), which added the unpkg.com script.
        config.extra["polyfills"] = [OFFLINE_IFRAME_WORKER]
    return config


def _unless_mistakes(event: Callable) -> Callable:
    """Events that have nothing to do while the preview shows content mistakes in place of the site."""
    def run(*args, **kwargs):
        return (args[0] if args else None) if _current.build.mistakes else event(*args, **kwargs)
    run.__name__, run.__doc__ = event.__name__, event.__doc__
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
    _current.wrote_site, _current.site_dir = True, config.site_dir  # MkDocs has emptied the site folder by now
    build = _current.build
    if build.mistakes:
        # No page is built, so every address answers with the 404 page: the list of mistakes.
        files = Files([file for file in files if not file.is_documentation_page()])
    for src_uri, content, in_menu in build.files():
        _add(files, config, src_uri, content, in_menu=in_menu)
    if build.mistakes:
        return files
    if build.settings.offline:
        _stop_on(lambda: _add(files, config, OFFLINE_IFRAME_WORKER, build.offline_worker, in_menu=False))
    _stop_on(lambda: _add(files, config, SITE_QR_ENCODER, build.qr_encoder, in_menu=False))
    # Like Material's social cards, QR codes are kept in .cache/ beside mkdocs.yml: an unchanged one is not remade.
    _stop_on(build.start_drawing_qr_codes)
    return files


@_unless_mistakes
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = _current.build
    build.start_reading(pages=len(files.documentation_pages()))
    sections = [item for item in nav.items if isinstance(item, Section)]
    # Made once per topic, not per page: a site of 1,000 topics has 28,000 pages.
    _Menus.by_topic = {_topic_of(section): Navigation([item for item in nav.items
                                                       if not isinstance(item, Section) or item is section],
                                                      nav.pages)
                       for section in sections}
    # No list of topics: home lists them, so that no page grows with the library.
    _Menus.site_wide = Navigation([item for item in nav.items if not isinstance(item, Section)], nav.pages)
    return nav


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # The theme writes the whole menu into every page, so a site-wide menu would make each build grow with
    # pages x topics: a topic's pages show that topic's menu, other pages a link to each topic's overview.
    context["nav"] = _Menus.by_topic.get(_topic_of_page(page), _Menus.site_wide)
    context["tab_title"] = _current.build.tab_title(page.file.src_uri, page.title or "")
    head = _current.build.head(page.file.src_uri)
    if head is not None:
        context["page_head"] = head
    return context


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # A large site's topic pages are rendered beside MkDocs (SiteBuild.page_source); the others' Markdown is in
    # their files already (None: MkDocs reads it there).
    if _current.build.mistakes:
        return None
    try:
        return _current.build.page_source(page.file.src_uri)
    except BuildStopped as stopped:
        raise PluginError(str(stopped)) from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A title taken from the page's h1 is HTML with '<' and '&' escaped but not '"', and the theme prints
    # it inside attributes (the footer's aria-label): it is escaped afresh for both, then marked as Markup
    # so that the theme's `| e` does not escape it a second time.
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = Markup.escape(unescape_html(page.title))
    audience = page.meta.get("audience", "patients")
    if audience == "editors":
        page.meta["search"] = {"exclude": True}  # for editors: patients searching should not land here
    # Read while MkDocs goes on with other pages; on_env puts the linked HTML in place.
    _current.build.read(page, page.file.src_uri, page.title or "", html, audience)
    return html


@_unless_mistakes
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    build = _current.build
    env.globals.update(build.theme_globals())  # the theme's templates say the site's words in its language
    if build.settings.preview:
        _reuse_compiled_templates(env, build)
    # MkDocs copies the QR codes from the cache and writes the pages next.
    _stop_on(build.finish_qr_codes)
    linked = build.finish_reading()
    _warn_and_stop(build, build.text_problems())
    for page, html in linked:
        page.content = html
    report = files.get_file_from_path("editors/content-report.md")
    if report is not None:
        report.page.content = build.with_report(report.page.content)
    for file in files.documentation_pages():
        banner = build.banner(file.src_uri)
        if banner and file.page is not None:
            file.page.content = banner + (file.page.content or "")
    # Every page's content is known now: Pagefind indexes it while MkDocs writes the pages.
    _stop_on(lambda: build.start_search_index([(file.src_uri, file.page.url, file.page.title, file.page.content)
                                               for file in files.documentation_pages() if file.page is not None],
                                              Path(config.site_dir)))
    return env


@_unless_mistakes
def on_post_build(*, config: MkDocsConfig) -> None:
    # The content report's JSON, the headers file for static hosts and, in the offline copy, links that open
    # the copy's own files.
    _stop_on(lambda: _current.build.finish_site(Path(config.site_dir)))


def on_build_error(*, error: Exception) -> None:
    # A strict build that fails after writing pages (a warning MkDocs counts, a theme fix that no longer
    # matches) leaves no site folder that looks finished.
    build = getattr(_current, "build", None)
    if build is not None:
        build.stop()
    if _current.wrote_site and build is not None and not build.settings.preview:
        build.remove_written_site(Path(_current.site_dir))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _finish_page(output)


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    # The 404 page would otherwise draw every page of the site in its menu.
    if template_name == "404.html" and not _current.build.mistakes:
        context["nav"] = _Menus.site_wide
    return context


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Static theme pages such as 404.html; sitemap.xml passes through here too.
    return _finish_page(output_content) if template_name.endswith(".html") else output_content


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # Watch the content folder this build really reads, which PATIENT_INFO_CONTENT may move; in a preview of
    # some topics, only theirs and the site-wide files: polling 15,000 files of other topics costs time.
    settings = _current.build.settings
    content = settings.content_dir
    if settings.topics is None:
        server.watch(str(content))
        return server
    server.watch(str(content), recursive=False)
    for topic in settings.topics:
        if (content / topic).is_dir():
            server.watch(str(content / topic))
    return server


# Helpers --------------------------------------------------------------------

class _Menus:
    """The menus drawn on pages: one per topic, and the site-wide one with a link to each topic."""

    by_topic: dict[str, Navigation] = {}
    site_wide: Navigation | None = None


def _show_mistakes(config: MkDocsConfig) -> MkDocsConfig:
    # The theme's 404 page needs the site's settings, which a build with mistakes does not have; on_files
    # puts the list of mistakes at 404.html instead.
    config.theme.static_templates.discard("404.html")
    log.error(_current.build.mistakes_report() + "\nThe browser shows these until they are fixed.")
    return config


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes | Path, *, in_menu: bool) -> None:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"docs/{src_uri} would hide a generated file; remove or rename it")
    # Pages outside the menu (situations, for clinics) are still built, linked and in the sitemap.
    inclusion = InclusionLevel.UNDEFINED if in_menu else InclusionLevel.NOT_IN_NAV
    # A Path is copied from disk when the site is written, so its bytes are never held in memory.
    source = {"abs_src_path": str(content)} if isinstance(content, Path) else {"content": content}
    files.append(File.generated(config, src_uri, **source, inclusion=inclusion))


def _warn_and_stop(build: SiteBuild, warnings: list) -> None:
    """Each warning through MkDocs' logger (so the terminal and CI show them), then a strict build stops."""
    for warning in warnings:
        log.warning(str(warning))
    _stop_on(lambda: build.stop_on_warnings(warnings))


def _stop_on(step: Callable[[], None]) -> None:
    try:
        step()
    except BuildStopped as stopped:
        raise PluginError(str(stopped)) from None


def _topic_of(section: Section) -> str:
    return _topic_of_page(next(_pages_in(section)))


def _topic_of_page(page: Page) -> str:
    return _current.build.topic_of(page.file.src_uri)


def _pages_in(section: Section) -> Iterator[Page]:
    for child in section.children:
        if isinstance(child, Section):
            yield from _pages_in(child)
        elif child.is_page:
            yield child


def _finish_page(html: str) -> str:
    """The theme's markup fixed (each fix must match once) and the page's Content Security Policy added."""
    try:
        return _current.build.finish_page(html)
    except BuildStopped as stopped:
        raise PluginError(str(stopped)) from None


def _reuse_compiled_templates(env: Environment, build: SiteBuild) -> None:
    """Each rebuild makes the theme's Jinja environment afresh, which compiled the theme's templates again on
    every save (0.2 to 0.8 s on this machine); compiled once, they are kept in the cache folder, checked
    against their source each time."""
    folder = build.settings.cache_dir / "templates"
    _stop_on(lambda: build.make_folder(folder))
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))

