"""Adding a topic is adding content: a made-up fixture topic builds into its own pages."""

import shutil

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, add_glossary_entries, build_or_fail, main_text


def test_fixture_topic_builds_into_its_own_pages(example_site):
    overview = example_site.page("/glimmer-fever/")
    assert overview.h1.get_text(strip=True) == "Glimmer fever: treatment overview"
    assert "Moonlight therapy" in main_text(overview)
    humming = example_site.page("/glimmer-fever/treatments/humming/")
    assert "Moonlight therapy may be used with humming." in main_text(humming)
    factors = example_site.page("/glimmer-fever/how-treatment-is-chosen/")
    assert factors.find(id="glimmer-colour").name == "h2"
    assert "Example health information (test fixture)" in example_site.page("/").title.get_text()


@pytest.fixture(scope="module")
def two_topic_site(tmp_path_factory):
    """The real content with the fixture topic's folder added beside it."""
    folder = tmp_path_factory.mktemp("two-topics")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(EXAMPLE_CONTENT / "glimmer-fever", folder / "content" / "glimmer-fever")
    add_glossary_entries(folder / "content" / "glossary.yaml", EXAMPLE_CONTENT / "glossary.yaml")
    return build_or_fail(folder / "site", folder / "content")


def test_a_topic_folder_added_beside_the_real_one_appears_on_home_and_in_navigation(two_topic_site):
    site = two_topic_site
    home = site.page("/")
    topic_links = {site.resolve("/", a["href"]) for a in home.select("article a[href]")}
    assert {"/glimmer-fever/", "/secondary-liver-cancer/"} <= topic_links
    nav = {site.resolve("/", a["href"]) for a in home.select("nav.md-nav--primary a[href]")}
    assert {"/glimmer-fever/", "/secondary-liver-cancer/"} <= nav


def test_a_topic_page_shows_its_own_topic_in_the_navigation_and_home_one_link_per_topic(two_topic_site):
    site = two_topic_site
    url = "/glimmer-fever/treatments/humming/"
    nav = {site.resolve(url, a["href"]) for a in site.page(url).select("nav.md-nav--primary a[href]")}
    assert "/glimmer-fever/treatments/moonlight-therapy/" in nav and "/" in nav
    assert not [href for href in nav if href.startswith("/secondary-liver-cancer/")]
    situation = "/secondary-liver-cancer/situations/primary-cancer/bowel/"
    nav = {site.resolve(situation, a["href"]) for a in site.page(situation).select("nav.md-nav--primary a[href]")}
    assert "/secondary-liver-cancer/treatments/surgery/" in nav
    assert not [href for href in nav if href.startswith("/glimmer-fever/")]
    # Home links to each topic's overview and leaves the topic's own pages to its menu, so the menu
    # stays short on a site of many topics.
    home = {site.resolve("/", a["href"]) for a in site.page("/").select("nav.md-nav--primary a[href]")}
    assert not [href for href in home if href.startswith("/glimmer-fever/") and href != "/glimmer-fever/"]
