"""Every file the core has MkDocs publish, listed by the core itself, and where MkDocs' own rules put each one.

The core (model/paths.py) states MkDocs' address rules so that it never imports MkDocs; these helpers let the
tests hold the two to each other, for the published site (directory URLs) and for `make offline`'s copy.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from patient_info.content.check import load_site
from patient_info.links.catalogue import Link, catalogue
from patient_info.links.machine_readable import machine_readable_files
from patient_info.links.redirects import redirect_files
from patient_info.pages.embed import embed_files
from patient_info.pages.render import render_for_clinics, render_site, summary_handouts

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://patient-info.example.org/"
LANGUAGE = "en"
# The variable `make offline` sets, which turns on Material's offline plugin in mkdocs.yml.
OFFLINE_VARIABLE = "PATIENT_INFO_OFFLINE"


def published(content_dir: Path) -> tuple[list[str], list[str], tuple[Link, ...]]:
    """(the Markdown pages, the files published as they are, the link catalogue): what the hooks hand to MkDocs
    in on_files, from the same core functions. The PDFs are left out: Chromium writes them after the build."""
    site = load_site(content_dir)
    links = catalogue(site)
    pages = [*render_site(site, summary_handouts(site, site_url=SITE_URL)), *render_for_clinics(site, links, SITE_URL)]
    static = [*redirect_files(site, links, SITE_URL, LANGUAGE), *machine_readable_files(site, links, SITE_URL, LANGUAGE),
              *embed_files(site, links, SITE_URL, LANGUAGE, today=date(2026, 12, 1))]
    return [page.src_uri for page in pages], [file.path for file in static], links


def mkdocs_config(*, offline: bool) -> MkDocsConfig:
    """The real mkdocs.yml, with its plugins' configuration applied as a build would: for the offline copy,
    Material's offline plugin turns directory URLs off."""
    with _environment(OFFLINE_VARIABLE, "true" if offline else None):
        config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins["material/offline"].on_config(config)
    return config


def mkdocs_file(config: MkDocsConfig, src_uri: str) -> File:
    """The File that File.generated(config, src_uri, ...) makes in the hooks' on_files (outside an event, where
    File.generated cannot be called, as that method makes it)."""
    return File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)


def mkdocs_url(config: MkDocsConfig, src_uri: str) -> str:
    """Where MkDocs publishes the file, relative to site_url. A page's address is its Page.url: its File.url,
    except that the home page's "./" is "" (mkdocs/structure/pages.py)."""
    file = mkdocs_file(config, src_uri)
    return Page(None, file, config).url if file.is_documentation_page() else file.url


@contextmanager
def _environment(name: str, value: str | None):
    before = os.environ.pop(name, None)
    if value is not None:
        os.environ[name] = value
    try:
        yield
    finally:
        os.environ.pop(name, None)
        if before is not None:
            os.environ[name] = before
