"""Adding a topic is adding content: a made-up fixture topic builds into its own pages."""

import shutil

import yaml

from conftest import EXAMPLE_CONTENT, ROOT, build_or_fail, main_text


def test_fixture_topic_builds_into_its_own_pages(example_site):
    overview = example_site.page("/glimmer-fever/")
    assert overview.h1.get_text(strip=True) == "Glimmer fever: treatment overview"
    assert "Moonlight therapy" in main_text(overview)
    humming = example_site.page("/glimmer-fever/treatments/humming/")
    assert "Moonlight therapy may be used together with humming." in main_text(humming)
    factors = example_site.page("/glimmer-fever/how-treatment-is-chosen/")
    assert factors.find(id="glimmer-colour").name == "h2"
    assert "Example health information (test fixture)" in example_site.page("/").title.get_text()


def test_a_topic_folder_added_beside_the_real_one_appears_on_home_and_in_navigation(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(EXAMPLE_CONTENT / "glimmer-fever", content / "glimmer-fever")
    add_glossary_entries(content / "glossary.yaml", EXAMPLE_CONTENT / "glossary.yaml")
    site = build_or_fail(tmp_path / "site", content)
    home = site.page("/")
    topic_links = {site.resolve("/", a["href"]) for a in home.select("article li a[href]")}
    assert {"/glimmer-fever/", "/secondary-liver-cancer/"} <= topic_links
    nav = {site.resolve("/", a["href"]) for a in home.select("nav.md-nav--primary a[href]")}
    assert "/glimmer-fever/treatments/moonlight-therapy/" in nav


def add_glossary_entries(glossary, other):
    """A new topic brings its words into the site's glossary, as an editor adding it would."""
    data, extra = (yaml.safe_load(path.read_text("utf-8")) for path in (glossary, other))
    data["terms"] += extra["terms"]
    data["everyday_words"] += [word for word in extra["everyday_words"] if word not in data["everyday_words"]]
    glossary.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
