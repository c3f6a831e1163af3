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

from patient_info.links.catalogue import Link
from patient_info.plan import make_plan
from patient_info.plan.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://patient-info.example.org/"
# The variable `make offline` sets, which turns on Material's offline plugin in mkdocs.yml.
OFFLINE_VARIABLE = "PATIENT_INFO_OFFLINE"


def published(content_dir: Path) -> tuple[list[str], list[str], tuple[Link, ...]]:
    """(the Markdown pages, the files published as they are, the link catalogue): what the hooks hand to MkDocs
    in on_files, from the same core functions. The PDFs are left out: Chromium writes them after the build."""
    settings = Settings(content_dir=Path(content_dir), site_url=SITE_URL, cache_dir=ROOT / ".cache" / "patient-info",
                        today=date(2026, 12, 1))
    plan = make_plan(settings, judge_text=False)
    return [page.src_uri for page in plan.pages], [file.path for file in plan.files], plan.links


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
