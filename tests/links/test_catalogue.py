"""Every page the build makes has its entry in the link catalogue, so none goes out without <head> data."""

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.content.check import load_site
from patient_info.links.catalogue import catalogue, uncatalogued
from patient_info.pages.render import render_for_clinics, render_site, summary_handouts

SITE_URL = "https://example.org/"


def built_pages(content) -> tuple[list[str], tuple]:
    site = load_site(content)
    links = catalogue(site)
    pages = [*render_site(site, summary_handouts(site, site_url=SITE_URL)), *render_for_clinics(site, links, SITE_URL)]
    return [page.src_uri for page in pages], links


def test_every_page_of_the_real_and_example_sites_is_catalogued():
    for content in (ROOT / "content", EXAMPLE_CONTENT):
        src_uris, links = built_pages(content)
        assert uncatalogued(src_uris, links) == []


def test_a_page_kind_without_a_catalogue_entry_is_named():
    src_uris, links = built_pages(EXAMPLE_CONTENT)
    planted = "glimmer-fever/side-effects.md"
    assert uncatalogued([*src_uris, planted], links) == [planted]
