"""MkDocs events for patient-info. Thin on purpose: the work happens in the patient_info package.

Each build loads the content once (on_config), adds the generated pages
(on_files) and builds the navigation from the same model. MkDocs keeps this
module alive across `mkdocs serve` rebuilds, so its state (the current build's
site, its readability figures and unexplained words) is replaced at the start of
every build. Each page's HTML gets glossary links and is measured for the content
report; the theme's markup faults are fixed after rendering.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from patient_info import paths
from patient_info.content import GLOSSARY_FILE, display_path, load_site
from patient_info.content_report import PATIENTS, PLACEHOLDER, PageReport, report_html, report_json, too_long_sentences
from patient_info.errors import ContentError, ContentErrors
from patient_info.glossary_links import link_first_uses
from patient_info.model import Site
from patient_info.page_text import text_blocks
from patient_info.readability import measure
from patient_info.render import render_site
from patient_info.text import html_text
from patient_info.theme_fixes import ThemeMarkupChanged, fix_theme_html
from patient_info.vocabulary import unexplained_words

CONTENT_DIR_VARIABLE = "PATIENT_INFO_CONTENT"
REPORT_FILE = "content-report.json"
log = get_plugin_logger("patient_info")
_site: Site | None = None
# This build's readability figures, filled page by page, and long words the glossary lacks.
_reports: list[PageReport] = []
_unexplained: list[ContentError] = []


# Events ---------------------------------------------------------------------

def on_config(config):
    global _site, _unexplained
    _site = None
    _reports.clear()
    content_dir = _content_dir(config)
    try:
        _site = load_site(content_dir)
    except ContentErrors as errors:
        raise PluginError(errors.report()) from None
    _unexplained = unexplained_words(content_dir, _site.glossary, display_path(content_dir / GLOSSARY_FILE))
    for error in _unexplained:
        log.warning(str(error))
    config.site_name = html_text(_site.settings.name)
    config.extra["patient_info"] = {
        "publisher": _site.settings.publisher,
        "disclaimer": _site.settings.disclaimer,
    }
    config.nav = _navigation(_site)
    return config


def on_files(files: Files, config) -> Files:
    for page in render_site(_site):
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            raise PluginError(f"docs/{page.src_uri} would hide a generated page; remove or rename it")
        inclusion = InclusionLevel.UNDEFINED if page.in_navigation else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    return files


def on_page_content(html, page, config, files):
    # A title taken from the page's h1 is already HTML (entities escaped). Marking it as
    # Markup stops the theme's `| e` from escaping it a second time in labels.
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = Markup(page.title)
    if page.file.src_uri == paths.CONTENT_REPORT:
        page.meta["search"] = {"exclude": True}  # for editors: patients searching should not land here
        return html
    if page.file.src_uri != paths.GLOSSARY:
        glossary_url = files.get_file_from_path(paths.GLOSSARY).url
        html = link_first_uses(html, _site.glossary, get_relative_url(glossary_url, page.url))
    _measure(page, html)
    return html


def on_env(env, config, files):
    # Every page has been measured by now; only the editors' page is still waiting for the figures.
    report = files.get_file_from_path(paths.CONTENT_REPORT).page
    tables = report_html(_reports, _unexplained, lambda url: get_relative_url(url, report.url))
    report.content = report.content.replace(PLACEHOLDER, tables)
    return env


def on_post_build(config):
    Path(config.site_dir, REPORT_FILE).write_text(report_json(_reports, _unexplained), "utf-8")


def on_post_page(output, page, config):
    return _fix_theme(output)


def on_post_template(output_content, template_name, config):
    # Static theme pages such as 404.html; sitemap.xml passes through here too.
    return _fix_theme(output_content) if template_name.endswith(".html") else output_content


def on_serve(server, config, builder):
    # Watch the content folder this build really reads, which PATIENT_INFO_CONTENT may move.
    server.watch(str(_content_dir(config)))
    return server


# Helpers --------------------------------------------------------------------

def _content_dir(config) -> Path:
    """content/ beside mkdocs.yml, or the folder named by PATIENT_INFO_CONTENT (used by tests)."""
    configured = os.environ.get(CONTENT_DIR_VARIABLE)
    base = Path(config.config_file_path).parent
    return (base / configured) if configured else base / "content"


def _fix_theme(html: str) -> str:
    try:
        return fix_theme_html(html)
    except ThemeMarkupChanged as error:
        raise PluginError(str(error)) from None


def _measure(page, html: str) -> None:
    # Pages are for patients unless their front matter names another audience.
    report = PageReport(url=page.url, title=Markup(page.title or "").striptags(),
                        audience=page.meta.get("audience", PATIENTS),
                        readability=measure(text_blocks(html), _site.glossary))
    _reports.append(report)
    for sentence in too_long_sentences(report):
        log.warning(f"{page.file.src_uri}: this sentence has more than 25 words; split it: \"{sentence}\"")


def _navigation(site: Site) -> list:
    # Section titles go into the theme's HTML unescaped; page titles come from each page's escaped h1.
    nav: list = [paths.HOME]
    for topic in site.topics:
        nav.append({html_text(topic.title): [
            paths.topic_page(topic.id),
            paths.factors_page(topic.id),
            {"Treatments": [paths.treatment_page(topic.id, t.id) for t in topic.treatments]},
        ]})
    nav.append(paths.GLOSSARY)
    return nav
