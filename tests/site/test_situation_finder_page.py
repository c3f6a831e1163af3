"""The situation finder as built (/<topic>/situations/): reached from the overview's first screen and the menu,
every answer a link to its page, every statement in the page once for its script, and a breadcrumb on every
answer page leading back. What the script shows is tested in Chromium (tests/browser/test_situation_finder.py)."""

from conftest import ROOT, TOPIC, mkdocs_build, project_copy
from patient_info.content.check import load_site
from patient_info.model import selection

FINDER = f"/{TOPIC}/situations/"


def topic():
    return load_site(ROOT / "content").topics[0]


def test_the_overview_leads_to_the_finder_before_anything_else_it_says(real_site):
    article = real_site.page(f"/{TOPIC}/").select_one("article")
    link = article.select_one(".situation-start a")
    assert link.get_text() == "Find what this information says for your situation"
    assert real_site.resolve(f"/{TOPIC}/", link["href"]) == FINDER
    first_section = article.find("h2")
    assert link in first_section.find_all_previous("a")


def test_the_finder_is_in_the_menu_after_the_overview(real_site):
    links = [real_site.resolve(f"/{TOPIC}/", a["href"]) for a in
             real_site.page(f"/{TOPIC}/").select(".md-nav--primary a.md-nav__link[href]") if "#" not in a["href"]]
    assert links[links.index(f"/{TOPIC}/") + 1] == FINDER


def test_each_question_lists_each_answer_as_a_link_to_its_page_titled_as_a_reader_says_it(real_site):
    page = real_site.page(FINDER)
    for factor in topic().factors:
        heading = page.find("h3", string=factor.question)
        links = heading.find_next_sibling("ul").select("a")
        assert [a.get_text() for a in links] == [value.title for value in factor.values]
        assert [real_site.resolve(FINDER, a["href"]) for a in links] == [
            f"/{TOPIC}/situations/{factor.id}/{value.id}/" for value in factor.values]


def test_every_statement_is_in_the_page_once_hidden_in_the_summarys_order(real_site):
    page = real_site.page(FINDER)
    pool = page.select_one("[data-situation-pool]")
    assert pool.has_attr("hidden") and page.select_one("[data-situation-finder]").has_attr("hidden")
    summary = [s.id for group in selection.summary(topic()) for s in group.statements]
    assert [item["data-statement"] for item in page.select("[data-statement]")] == summary
    assert all(item.has_attr("hidden") for item in pool.select("li"))


def test_each_part_names_the_statements_the_rule_arranged_for_it(real_site):
    page = real_site.page(FINDER)
    parts = {part["data-part"]: part for part in page.select("[data-part]")}
    for answer, groups in selection.my_situation_parts(topic()):
        name = f"{answer[0].id}={answer[1].id}" if answer else "everyone"
        written = [group["data-order"].split() for group in parts[name].select("[data-order]")]
        assert written == [[s.id for s in group.statements] for group in groups if group.statements], name


def test_every_answer_page_has_a_breadcrumb_back_to_the_finder(real_site):
    for factor in topic().factors:
        for value in factor.values:
            url = f"/{TOPIC}/situations/{factor.id}/{value.id}/"
            page = real_site.page(url)
            crumbs = page.select_one('nav[aria-label="Breadcrumb"]')
            assert crumbs is not None and crumbs.find_next("h1").get_text() == value.title, url
            items = crumbs.select("ol > li")
            assert [real_site.resolve(url, a["href"]) for a in crumbs.select("a")] == [f"/{TOPIC}/", FINDER]
            assert items[-1].select_one('[aria-current="page"]').get_text() == value.title
            assert page.title.get_text().startswith(value.title)


def test_the_qr_encoder_is_served_from_the_site_as_npm_installed_it(real_site):
    served = (real_site.root / "assets" / "vendor" / "qrcode-generator.js").read_bytes()
    assert served == (ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js").read_bytes()
    assert b"Licensed under the MIT license" in served
    scripts = [s["src"] for s in real_site.page(FINDER).select("script[src]")]
    assert any(src.endswith("assets/vendor/qrcode-generator.js") for src in scripts)
    assert not any("qrcode" in s["src"] for s in real_site.page(f"/{TOPIC}/").select("script[src]"))


def test_a_build_without_the_qr_encoder_stops_and_says_how_to_install_it(tmp_path):
    """The site serves the encoder from node_modules; without `npm ci` the build says so, with no traceback."""
    config = project_copy(tmp_path / "project", node_modules=False)
    result = mkdocs_build(tmp_path / "site", ROOT / "content", config=config)
    assert result.returncode != 0
    assert "node_modules/qrcode-generator/dist/qrcode.js is missing: run 'make build'" in result.stderr
    assert "Traceback" not in result.stderr
