"""The glossary: one definition per term, a page with an anchor each, first uses linked, gaps reported."""

import json

import pytest
from bs4 import BeautifulSoup, NavigableString

from conftest import ROOT, mkdocs_build
from patient_info.content.check import load_site
from patient_info.model.glossary import Glossary, GlossaryTerm
from patient_info.built_pages.page_html import NO_LINK_TAGS, SKIPPED_TAGS, read_page

GLOSSARY = load_site(ROOT / "content").glossary
# The terms the issue names; each must be defined (in any of its forms).
ISSUE_TERMS = ["chemotherapy", "chemoembolisation", "radioembolisation", "ablation", "stereotactic radiotherapy",
               "neuroendocrine tumour", "palliative", "targeted therapy", "hormonal therapy", "primary cancer",
               "secondary cancer"]
NOT_LINKED_PAGES = {"/glossary/", "/editors/content-report/", "/404.html"}


@pytest.mark.parametrize("words", ISSUE_TERMS)
def test_terms_the_pages_use_are_defined(words):
    assert [(m.start, m.end) for m in GLOSSARY.find(words)] == [(0, len(words))]


def test_glossary_page_has_a_heading_and_anchor_per_term(real_site):
    page = real_site.page("/glossary/")
    for term in GLOSSARY.terms:
        heading = page.find(id=term.id)
        assert heading is not None and heading.name == "h3", term.id
        assert heading.get_text(strip=True) == term.term
        assert heading.find_next_sibling("p").get_text(strip=True) == term.definition


def test_glossary_is_in_the_patient_navigation(real_site):
    nav = real_site.page("/").select("nav.md-nav--primary a[href]")
    assert "/glossary/" in {real_site.resolve("/", a["href"]) for a in nav}


def linkable_strings(article):
    """Text in reading order, with whether it sits in a glossary link or may hold one."""
    for text in article.find_all(string=True):
        if not isinstance(text, NavigableString) or not text.strip():
            continue
        if text.find_parent(class_="print-meta"):
            continue  # the page's title and address, printed on paper only
        link = text.find_parent("a", class_="glossary-term")
        blocked = any(parent.name in NO_LINK_TAGS | SKIPPED_TAGS for parent in text.parents)
        yield text, link, blocked


def patient_pages(site) -> set[str]:
    """Pages for patients, as the content report records them; editors' and clinicians' pages get no links."""
    report = json.loads((site.root / "content-report.json").read_text("utf-8"))
    audience = {page["url"]: page["audience"] for page in report["pages"]}
    return {url for url in site.urls() if audience.get(url.lstrip("/"), "patients") == "patients"}


def test_first_use_of_each_term_on_every_page_links_to_its_definition(real_site):
    glossary_ids = {tag["id"] for tag in real_site.page("/glossary/").select("h3[id]")}
    problems = []
    for url in patient_pages(real_site) - NOT_LINKED_PAGES:
        article = real_site.page(url).select_one("article")
        # A page's own subject, named in its h1 (the surgery page's "surgery"), is not sent to the glossary.
        h1 = article.find("h1")
        linked = {match.term.id for match in GLOSSARY.find(h1.get_text(" ") if h1 else "")}
        seen = set()
        for text, link, blocked in linkable_strings(article):
            if link is not None:
                target = real_site.resolve(url, link["href"])
                term_id = target.partition("#")[2]
                if not target.startswith("/glossary/#") or term_id not in glossary_ids:
                    problems.append(f"{url}: glossary link to {target}")
                if term_id in seen or term_id in linked:
                    problems.append(f"{url}: '{text}' is linked but is not the first use")
                linked.add(term_id)
            elif not blocked:
                for match in GLOSSARY.find(str(text)):
                    if match.term.id not in linked:
                        problems.append(f"{url}: first use of '{match.term.term}' is not linked: '{text.strip()}'")
                    seen.add(match.term.id)
    assert problems == []


TERM = GlossaryTerm("ablation", "Ablation", 'Heat <b>"kills"</b> & more.', "source")


def link_first_uses(html: str, glossary: Glossary, href: str) -> str:
    return read_page(html, glossary, href).html


def test_linking_keeps_the_html_as_it_was_apart_from_the_links():
    html = '<p>Tom &amp; Jerry &#39;x&#39; <!-- note --><br/>no terms here</p>\n<table><tr><td>a</td></tr></table>'
    assert link_first_uses(html, Glossary((TERM,)), "../glossary/") == html


def test_only_the_first_linkable_use_is_linked_and_headings_and_links_are_left_alone():
    html = "<h2>Ablation</h2><p><a href='x'>ablation</a> then ablation and Ablation.</p>"
    linked = BeautifulSoup(link_first_uses(html, Glossary((TERM,)), "../glossary/"), "html.parser")
    links = linked.select("a.glossary-term")
    assert [(a.get_text(), a["href"]) for a in links] == [("ablation", "../glossary/#ablation")]
    assert links[0].previous_sibling == " then "
    assert linked.h2.get_text() == "Ablation" and linked.h2.a is None


def test_each_linked_terms_definition_is_in_the_page_escaped_with_a_link_to_the_glossary():
    linked = BeautifulSoup(link_first_uses("<p>ablation and ablation</p>", Glossary((TERM,)), "g/"), "html.parser")
    [template] = linked.find_all("template")
    assert template["id"] == "glossary-definition-ablation" and template.has_attr("data-search-exclude")
    assert template.get_text() == 'Ablation: Heat <b>"kills"</b> & more. “Ablation” in the glossary'
    assert linked.find("b") is None
    assert template.a["href"] == "g/#ablation"
    assert not linked.select_one("a.glossary-term").has_attr("title")  # no 10 px tooltip: the page explains it


def test_a_page_without_glossary_links_gets_no_definitions():
    assert "<template" not in link_first_uses("<p>Nothing to explain.</p>", Glossary((TERM,)), "g/")
    assert "<template" not in read_page("<p>ablation</p>", Glossary((TERM,)), None).html


def test_every_linked_term_has_its_definition_in_its_page_once(real_site):
    definitions = {term.id: term for term in GLOSSARY.terms}
    for url in patient_pages(real_site) - NOT_LINKED_PAGES:
        article = real_site.page(url).select_one("article")
        linked = [link["href"].partition("#")[2] for link in article.select("a.glossary-term")]
        templates = article.select("template[id^='glossary-definition-']")
        assert [t["id"].removeprefix("glossary-definition-") for t in templates] == linked, url
        for template in templates:
            term = definitions[template["id"].removeprefix("glossary-definition-")]
            assert template.get_text().startswith(f"{term.term}: {term.definition} "), url
            assert real_site.resolve(url, template.a["href"]) == f"/glossary/#{term.id}", url


def test_search_leaves_the_definitions_out(real_site):
    """A page found for "chemotherapy" should be one about it, not every page that links the word."""
    definitions = [template for url in real_site.urls()
                   for template in real_site.page(url).select("template[id^=glossary-definition]")]
    assert definitions
    assert all(template.get("data-pagefind-ignore") == "all" for template in definitions)


@pytest.mark.build
def test_a_long_word_missing_from_the_glossary_is_reported_with_file_and_line(example_copy, tmp_path):
    statements = example_copy / "glimmer-fever" / "statements.yaml"
    text = statements.read_text("utf-8").replace("text: Humming is the most common treatment for glimmer fever.",
                                                 "text: Humming is like cryotherapy. It is the most common treatment "
                                                 "for glimmer fever.")
    statements.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "cryotherapy" in row)
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0
    assert f"{statements}:{line}:11: 'cryotherapy' is not explained in the glossary" in result.stderr


@pytest.mark.build
def test_a_term_written_twice_in_the_glossary_is_a_content_error_with_its_line(example_copy, tmp_path):
    glossary = example_copy / "glossary.yaml"
    text = glossary.read_text("utf-8").replace("  - id: moonlight-therapy\n    term: Moonlight therapy",
                                               "  - id: moonlight-therapy\n    term: Glimmer fever")
    glossary.write_text(text, "utf-8")
    line = [n for n, row in enumerate(text.splitlines(), 1) if "term: Glimmer fever" in row]
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{glossary}:{line[1]}:11: 'glimmer fever' is already a term or form on line {line[0]}" in result.stderr


@pytest.mark.build
def test_a_schema_mistake_in_the_glossary_names_file_line_and_the_allowed_values(example_copy, tmp_path):
    glossary = example_copy / "glossary.yaml"
    text = glossary.read_text("utf-8").replace("basis: source", "basis: sauce", 1)
    glossary.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "basis: sauce" in row)
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{glossary}:{line}:12: 'terms' → item 1 → 'basis' is 'sauce', which is not an allowed value " \
           "(did you mean 'source'? allowed values: source, dictionary)" in result.stderr
