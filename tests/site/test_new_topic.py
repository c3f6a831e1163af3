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


def test_a_topic_folder_added_beside_the_real_one_appears_on_home_and_in_its_own_navigation(two_topic_site):
    site = two_topic_site
    home = site.page("/")
    topic_links = {site.resolve("/", a["href"]) for a in home.select("article a[href]")}
    assert {"/glimmer-fever/", "/secondary-liver-cancer/"} <= topic_links
    for topic in ("glimmer-fever", "secondary-liver-cancer"):
        nav = {site.resolve(f"/{topic}/", a["href"]) for a in site.page(f"/{topic}/").select("nav.md-nav--primary a[href]")}
        assert f"/{topic}/" in nav and f"/{topic}/how-treatment-is-chosen/" in nav, topic


def test_a_topic_page_shows_its_own_topic_in_the_navigation_and_home_none(two_topic_site):
    site = two_topic_site
    url = "/glimmer-fever/treatments/humming/"
    nav = {site.resolve(url, a["href"]) for a in site.page(url).select("nav.md-nav--primary a[href]")}
    assert "/glimmer-fever/treatments/moonlight-therapy/" in nav and "/" in nav
    assert not [href for href in nav if href.startswith("/secondary-liver-cancer/")]
    situation = "/secondary-liver-cancer/situations/primary-cancer/bowel/"
    nav = {site.resolve(situation, a["href"]) for a in site.page(situation).select("nav.md-nav--primary a[href]")}
    assert "/secondary-liver-cancer/treatments/surgery/" in nav
    assert not [href for href in nav if href.startswith("/glimmer-fever/")]
    # Home's menu lists no topic (its page lists them all), so that no page grows with the library.
    home = {site.resolve("/", a["href"]) for a in site.page("/").select("nav.md-nav--primary a[href]")}
    assert not [href for href in home if href.startswith(("/glimmer-fever/", "/secondary-liver-cancer/"))]
