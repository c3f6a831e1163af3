"""MkDocs events for patient-info. Thin on purpose: the work happens in the patient_info package.

Each build loads the content once (on_config), adds the generated pages
(on_files) and builds the navigation from the same model. MkDocs keeps this
module alive across `mkdocs serve` rebuilds, so the only state, the current
build's site, is replaced at the start of every build.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from patient_info import field_reference, paths
from patient_info.content import check_content
from patient_info.errors import ContentErrors
from patient_info.handout import estimate_fit
from patient_info.model import Site
from patient_info.render import Page, render_site, summary_handout
from patient_info.text import html_text

CONTENT_DIR_VARIABLE = "PATIENT_INFO_CONTENT"
# Set by `make serve`: an overdue review is then reported without stopping the local preview.
PREVIEW_VARIABLE = "PATIENT_INFO_PREVIEW"
# Warnings go through MkDocs' logger so that `--strict` counts them.
log = get_plugin_logger("patient_info")
_site: Site | None = None


# Events ---------------------------------------------------------------------

def on_config(config):
    global _site
    _site = None
    if not config.site_url:
        raise PluginError("site_url is not set in mkdocs.yml: printable summaries need the site's web address "
                          "for their QR code (set it, or build with SITE_URL=https://...)")
    result = check_content(_content_dir(config), today=date.today(), overdue_is_error=not _is_preview())
    for notice in result.notices:
        log.info(notice.format("warning"))
    if result.errors:
        raise PluginError(ContentErrors(result.errors).report())
    _site = result.site
    config.site_name = html_text(_site.settings.name)
    config.extra["patient_info"] = {
        "publisher": _site.settings.publisher,
        "disclaimer": _site.settings.disclaimer,
    }
    config.nav = _navigation(_site)
    return config


def on_pre_build(config):
    for topic in _site.topics:
        fit = estimate_fit(summary_handout(topic, _site, site_url=config.site_url))
        if not fit.fits:
            log.warning(fit.overflow_message())


def on_files(files: Files, config) -> Files:
    pages = [*render_site(_site, site_url=config.site_url),
             Page(field_reference.PAGE, field_reference.render_field_reference())]
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} would hide a generated page; remove or rename it")
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files


def on_page_content(html, page, config, files):
    # A title taken from the page's h1 is already HTML (entities escaped). Marking it as
    # Markup stops the theme's `| e` from escaping it a second time in labels.
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = Markup(page.title)
    return html


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


def _is_preview() -> bool:
    return os.environ.get(PREVIEW_VARIABLE) == "1"


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
    return nav
