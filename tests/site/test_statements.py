"""A statement is shown whole wherever it appears, and the content check holds each one to its source.

The walker reads every page for patients and clinics: each element marked with a statement's id must
hold that statement's whole text, and a page that shows any one sentence of a statement must show the
whole statement (so a view that prints part of one without its marker is caught too). Pages for editors
are left out: the content report quotes single long sentences on purpose.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC
from patient_info.content.check import check_content, load_site
from patient_info.model.selection import context_ids



def folded(text: str) -> str:
    return " ".join(text.split())


def statement_faults(html: str, statements: dict[str, str]) -> list[str]:
    """What is wrong with how one page shows the statements (id → text): cut, changed or partly printed."""
    soup = BeautifulSoup(html, "html.parser")
    faults = []
    for marked in soup.select("[data-statement]"):
        expected = statements.get(marked["data-statement"])
        shown = folded(marked.get_text())
        if expected is None:
            faults.append(f"unknown statement {marked['data-statement']}")
        elif shown != folded(expected):
            faults.append(f"{marked['data-statement']} shown as {shown!r}")
    for hidden in soup.select("script, style, [data-statement]"):
        hidden.decompose()
    page_text = folded(soup.get_text())  # outside the marked statements
    for statement_id, text in statements.items():
        for sentence in re.split(r"(?<=[.?!])\s+", folded(text)):
            if sentence in page_text and folded(text) not in page_text:
                faults.append(f"{statement_id} partly printed: {sentence!r}")
    return faults


def context_faults(html: str, contexts: dict[str, tuple[str, ...]]) -> list[str]:
    """What is wrong with the order of one page's statements: one shown before its context, or shown twice."""
    order = [marked["data-statement"] for marked in BeautifulSoup(html, "html.parser").select("[data-statement]")]
    faults = [f"{statement_id} shown twice" for statement_id in sorted(set(order)) if order.count(statement_id) > 1]
    for position, statement_id in enumerate(order):
        missing = [c for c in contexts.get(statement_id, ()) if c not in order[:position]]
        if missing:
            faults.append(f"{statement_id} shown without {', '.join(missing)} before it")
    return faults


def hidden_faults(html: str) -> list[str]:
    """Statements a reader cannot see in the HTML as it is. Only the situation finder has them: every statement
    once, hidden, in its pool (data-situation-pool), in an order that keeps the rules above, for its script to
    place and show (tests/browser/test_situation_finder.py holds what it shows to the same rules). Anywhere else
    a hidden statement is one the page claims to show and does not."""
    return [f"{marked['data-statement']} hidden outside a pool a script shows statements from"
            for marked in BeautifulSoup(html, "html.parser").select("[data-statement]")
            if (marked.has_attr("hidden") or marked.find_parent(attrs={"hidden": True}))
            and not marked.find_parent(attrs={"data-situation-pool": True})]


def site_faults(site, content_dir: Path) -> list[str]:
    topics = load_site(content_dir).topics
    statements = {s.id: s.text for topic in topics for s in topic.statements}
    contexts = {i: c for topic in topics for i, c in context_ids(topic.statements).items()}
    return [f"{page.relative_to(site.root)}: {fault}" for page in site.html_pages() if "editors" not in page.parts
            for html in [page.read_text("utf-8")]
            for fault in [*statement_faults(html, statements), *context_faults(html, contexts), *hidden_faults(html)]]


def test_every_page_of_the_real_site_shows_each_statement_whole_once_after_its_context(real_site):
    assert site_faults(real_site, ROOT / "content") == []


def test_every_page_of_the_test_topic_shows_each_statement_whole_once_after_its_context(example_site):
    assert site_faults(example_site, EXAMPLE_CONTENT) == []


CONTEXTS = {"cure": ("rare",), "rare": ()}


@pytest.mark.parametrize("html, fault", [
    ('<p><span data-statement="cure">Surgery can sometimes cure it.</span></p>', "cure shown without rare"),
    ('<p><span data-statement="cure">Cure.</span> <span data-statement="rare">Rare.</span></p>',
     "cure shown without rare"),
    ('<p><span data-statement="rare">Rare.</span></p><p><span data-statement="rare">Rare.</span></p>',
     "rare shown twice"),
], ids=["context-dropped", "context-after", "shown-twice"])
def test_the_walker_catches_a_statement_without_its_context_or_shown_twice(html, fault):
    assert any(fault in found for found in context_faults(html, CONTEXTS))


@pytest.mark.parametrize("html, faults", [
    ('<ul hidden><li><span data-statement="rare">Rare.</span></li></ul>', 1),
    ('<p><span data-statement="rare" hidden>Rare.</span></p>', 1),
    ('<ul data-situation-pool hidden><li hidden><span data-statement="rare">Rare.</span></li></ul>', 0),
    ('<p><span data-statement="rare">Rare.</span></p>', 0),
], ids=["hidden-list", "hidden-statement", "in-a-pool", "shown"])
def test_the_walker_allows_hidden_statements_only_in_a_scripts_pool(html, faults):
    assert len(hidden_faults(html)) == faults


def test_the_walker_accepts_context_first_and_each_statement_once():
    html = '<p><span data-statement="rare">Rare.</span></p><ul><li><span data-statement="cure">Cure.</span></li></ul>'
    assert context_faults(html, CONTEXTS) == []


@pytest.mark.parametrize("html", [
    '<p><span data-statement="s">Surgery can sometimes cure the cancer.</span></p>',
    '<p>Surgery can sometimes cure the cancer.</p>',
    '<p><span data-statement="s">Surgery can sometimes cure the cancer. This is when</span></p>',
    '<p><span data-statement="s">Surgery can sometimes cure the cancer. This is when the cancer is in a few '
    'areas of your liver.</span> This is when the cancer is in a few areas of your liver.</p>'
    '<p>Surgery can sometimes cure the cancer.</p>',
], ids=["sentence-dropped-inside-marker", "condition-dropped-without-marker", "cut-mid-sentence",
        "whole-once-cut-again"])
def test_the_walker_catches_a_statement_shown_in_part(html):
    statements = {"s": "Surgery can sometimes cure the cancer. This is when the cancer is in a few areas of your liver."}
    assert statement_faults(html, statements)


def test_the_walker_accepts_a_whole_statement_with_glossary_links():
    html = ('<li><span data-statement="s">Surgery can sometimes cure the <a href="/glossary/#c">cancer</a>. '
            'This is when it is in a few areas.</span></li>')
    assert statement_faults(html, {"s": "Surgery can sometimes cure the cancer. This is when it is in a few areas."}) == []


def test_links_json_and_page_descriptions_use_whole_statements(real_site):
    import json
    statements = {folded(s.text) for s in load_site(ROOT / "content").topics[0].statements}
    links = json.loads((real_site.root / "links.json").read_text("utf-8"))["links"]
    treatment_links = [link for link in links if link["kind"] == "treatment"]
    assert treatment_links and all(folded(link["summary"]) in statements for link in treatment_links)
    for link in treatment_links:
        soup = real_site.page("/" + link["id"] + "/")
        assert folded(soup.find("meta", attrs={"name": "description"})["content"]) in statements


# Situation pages of the test topic: moonlight therapy's statement needs silver AND a full moon;
# humming's needs gold OR a new moon.
ANSWER_SECTION = "What this information says for people in this situation"


def answer_section_statements(site, url: str) -> set[str]:
    soup = site.page(url)
    h2 = next((h for h in soup.select("article h2") if h.get_text(strip=True) == ANSWER_SECTION), None)
    found = set()
    for element in (h2.find_next_siblings() if h2 else []):
        if element.name == "h2":
            break
        found |= {span["data-statement"] for span in element.select("[data-statement]")}
    return found


@pytest.mark.parametrize("factor, answer, shown, not_shown", [
    ("glimmer-colour", "silver", {"moonlight-silver-full-moon"}, {"humming-gold-or-new-moon"}),
    ("moon-phase", "full", {"moonlight-silver-full-moon"}, {"humming-gold-or-new-moon"}),
    ("glimmer-colour", "gold", {"humming-gold-or-new-moon"}, {"moonlight-silver-full-moon"}),
    ("moon-phase", "new", {"humming-gold-or-new-moon"}, {"moonlight-silver-full-moon"}),
])
def test_a_joint_statement_is_shown_whole_on_each_answer_it_involves_and_nowhere_else(example_site, factor, answer,
                                                                                        shown, not_shown):
    found = answer_section_statements(example_site, f"/glimmer-fever/situations/{factor}/{answer}/")
    assert shown <= found
    assert not (not_shown & found)


def test_a_treatment_shown_for_an_answer_brings_its_introduction(example_site):
    found = answer_section_statements(example_site, "/glimmer-fever/situations/glimmer-colour/silver/")
    assert "moonlight-what-it-is" in found  # what moonlight therapy is, before when it is sometimes used


# The content check: every statement held to its source, its hedging and the factors that exist.
STATEMENTS = "glimmer-fever/statements.yaml"


@pytest.mark.parametrize("old, new, marker, says", [
    ("quotes: [Moonlight therapy may be used with humming.]", "quotes: [Moonlight therapy is always used with humming.]",
     "always used", "not in the source"),
    ("likelihood: most-common", "likelihood: mostly", "likelihood: mostly", "not an allowed value"),
    ("likelihood: not-usually", "likelihood: usually-only", "text: Moonlight therapy is not usually", "does not say 'usually only'"),
    ("        - factor: moon-phase\n          answers: [full]", "        - factor: moon-size\n          answers: [full]",
     "moon-size", "unknown factor 'moon-size'"),
    ("          answers: [full]", "          answers: [half]", "[half]", "unknown answer 'half'"),
    ("about: [humming]\n    kind: how-often", "about: [singing]\n    kind: how-often", "[singing]",
     "unknown treatment 'singing'"),
], ids=["quote-not-in-source", "unknown-likelihood", "hedging-word-missing", "unknown-factor", "unknown-answer",
        "unknown-treatment"])
def test_content_check_reports_a_statement_mistake_at_its_line(example_copy, old, new, marker, says):
    path = example_copy / STATEMENTS
    text = path.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if marker in row)
    errors = check_content(example_copy).errors
    assert any(e.line == line and e.file.endswith(STATEMENTS) and says in e.message for e in errors), \
        [e.format() for e in errors]


def test_a_treatment_no_statement_is_about_is_reported(example_copy):
    path = example_copy / STATEMENTS
    text = path.read_text("utf-8").replace("about: [humming]\n", "about: [moonlight-therapy]\n")
    text = text.replace("about: [moonlight-therapy, humming]", "about: [moonlight-therapy]")
    path.write_text(text, "utf-8")
    errors = check_content(example_copy).errors
    assert any("no statement is about the treatment 'humming'" in e.message and e.file.endswith("humming.yaml")
               and e.line == 2 for e in errors), [e.format() for e in errors]


def test_the_real_topic_names_its_source_and_says_it_is_adapted(real_site):
    text = folded(real_site.page(f"/{TOPIC}/").get_text(" "))
    assert "adapted from Treatment overview , by Macmillan Cancer Support" in text
    link = real_site.page(f"/{TOPIC}/").find("a", string="Treatment overview")
    assert link["href"] == ("https://www.macmillan.org.uk/information-and-support/liver-cancer-secondary/treating/"
                            "treatment-decisions/understanding-your-diagnosis/treatment-overview.html")


def test_a_page_does_not_send_its_own_subject_to_the_glossary(real_site):
    for treatment in load_site(ROOT / "content").topics[0].treatments:
        page = real_site.page(f"/{TOPIC}/treatments/{treatment.id}/")
        linked = {a["href"].split("#")[-1] for a in page.select("article a.glossary-term")}
        assert treatment.id not in linked, treatment.id


def test_editors_see_each_statement_beside_its_source_words(real_site):
    topic = load_site(ROOT / "content").topics[0]
    page = real_site.page(f"/editors/statements/{TOPIC}/")
    for statement in topic.statements:
        heading = page.find(id=statement.id)
        assert heading is not None and heading.name == "h2", statement.id
        block = folded(heading.find_next_sibling("ul").get_text())
        assert folded(statement.text) in block
        assert all(folded(quote) in block for quote in statement.source.quotes), statement.id


@pytest.mark.parametrize("old, new", [
    ("likelihood: most-common", "likelihood: []"),
    ("about: [humming]\n    kind: how-often", "about: [[]]\n    kind: how-often"),
    ("kind: how-often", "kind: {a: b}"),
    ("    source:\n      document: test-source\n      quotes: [Humming is the most common treatment for glimmer fever.]",
     "    source: [test-source]"),
], ids=["likelihood-list", "about-nested-list", "kind-mapping", "source-list"])
def test_a_statement_of_the_wrong_shape_is_reported_not_a_crash(example_copy, old, new):
    path = example_copy / STATEMENTS
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    errors = check_content(example_copy).errors
    assert errors and all(e.line for e in errors if e.file.endswith(STATEMENTS)), [e.format() for e in errors]


def test_patients_searching_never_land_on_a_page_for_editors(real_site):
    from search_files import indexed_pages
    urls = [page["url"] for page in indexed_pages(real_site.root)]
    assert f"/{TOPIC}/treatments/surgery/" in urls
    assert not [url for url in urls if url.startswith("/editors/")]


EVERYONE_SECTION = "What it says for everyone with"


def test_a_treatment_introduced_for_everyone_points_to_when_it_is_used_if_the_page_does_not_say(real_site):
    """A treatment under "everyone" by what it is alone ("Ablation uses heat...") would read as offered to the
    reader: where the page leaves out when it is used or whom it does not suit, the section links its page."""
    topic = next(t for t in load_site(ROOT / "content").topics if t.id == TOPIC)
    answers = sorted(path.parent for path in (real_site.root / TOPIC / "situations").glob("*/*/index.html"))
    pointed = 0
    for folder in answers:
        url = "/" + folder.relative_to(real_site.root).as_posix() + "/"
        soup = real_site.page(url)
        on_page = {span["data-statement"] for span in soup.select("article [data-statement]")}
        h2 = next(h for h in soup.select("article h2") if h.get_text(strip=True).startswith(EVERYONE_SECTION))
        treatment, told = None, {}
        for element in h2.find_next_siblings():
            if element.name == "h2":
                break
            if element.name == "h3" and element.a:
                treatment = next(t for t in topic.treatments if element.get_text(strip=True) == t.name)
                told[treatment] = False
            elif treatment and element.name == "p" and element.get_text().startswith("More on when"):
                assert element.a["href"].endswith(f"treatments/{treatment.id}/"), url
                told[treatment] = True
        for treatment, pointer in told.items():
            elsewhere = {s.id for s in topic.statements_about(treatment.id, "when-used", "not-suitable")} - on_page
            assert pointer == bool(elsewhere), (url, treatment.id, elsewhere)
            pointed += pointer
    assert pointed >= len(answers)  # surgery's limits are on other answers' pages for every answer here
