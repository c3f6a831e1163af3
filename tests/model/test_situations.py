"""Situation views: for one answer, every statement that names it, whole, with each treatment's general limits
beside it, then what applies to everyone, most common first; no treatment is called unsuitable unless a
statement says so, and every treatment is still reachable."""

import pytest

from conftest import ROOT, TOPIC
from patient_info.content.check import load_site
from patient_info.model.site import LIKELIHOOD_ORDER
from patient_info.model.situations import LIMITING_KINDS, situations

ANSWER = "What it says about this answer"
EVERYONE = "What it says for everyone with secondary cancer in the liver"
OTHERS = "Other treatments in this information"


@pytest.fixture(scope="module")
def topic():
    return load_site(ROOT / "content").topics[0]


def section(page, heading: str):
    h2 = next((h for h in page.select("article h2") if h.get_text(strip=True) == heading), None)
    elements = []
    for element in (h2.find_next_siblings() if h2 else []):
        if element.name == "h2":
            break
        elements.append(element)
    return elements


def statements_in(elements) -> list[str]:
    return [span["data-statement"] for element in elements for span in element.select("[data-statement]")]


def test_every_treatment_is_on_every_situation_page_once(topic):
    for situation in situations(topic):
        ids = ([item.treatment.id for item in situation.for_answer + situation.for_everyone]
               + [t.id for t in situation.other_treatments])
        assert sorted(ids) == sorted(t.id for t in topic.treatments), situation.value.id


def test_every_statement_naming_an_answer_is_on_its_page_with_the_treatments_limits(real_site, topic):
    for situation in situations(topic):
        url = f"/{TOPIC}/situations/{situation.factor.id}/{situation.value.id}/"
        shown = set(statements_in(section(real_site.page(url), ANSWER)))
        for statement in topic.statements:
            if statement.about and statement.involves(situation.factor.id, situation.value.id):
                assert statement.id in shown, (url, statement.id)
                limits = {s.id for s in topic.statements
                          if s.treatment == statement.treatment and s.kind in LIMITING_KINDS}
                assert limits <= shown, (url, statement.id, limits - shown)


@pytest.mark.parametrize("answer", ["liver-areas/a-few-areas", "spread-elsewhere/liver-only"])
def test_cure_is_never_shown_without_where_surgery_is_usually_possible(real_site, answer):
    shown = statements_in(section(real_site.page(f"/{TOPIC}/situations/{answer}/"), ANSWER))
    assert "surgery-can-cure" in shown
    assert {"surgery-bowel-or-neuroendocrine", "surgery-small-number"} <= set(shown)


def test_chemotherapy_after_surgery_is_linked_to_having_had_surgery(real_site):
    shown = statements_in(section(real_site.page(f"/{TOPIC}/situations/previous-surgery/had-surgery/"), ANSWER))
    assert "chemotherapy-after-surgery" in shown and "chemotherapy-most-common" in shown


def test_what_applies_to_everyone_comes_most_common_first(real_site, topic):
    by_id = {s.id: s for s in topic.statements}
    for situation in situations(topic):
        url = f"/{TOPIC}/situations/{situation.factor.id}/{situation.value.id}/"
        shown = [by_id[i] for i in statements_in(section(real_site.page(url), EVERYONE))]
        assert all(s.conditions is None for s in shown), url
        ranks = [LIKELIHOOD_ORDER.index(s.likelihood) for s in shown]
        assert ranks == sorted(ranks), url
    bowel = statements_in(section(real_site.page(f"/{TOPIC}/situations/primary-cancer/bowel/"), EVERYONE))
    assert bowel[0] == "chemotherapy-most-common"


def test_no_page_calls_a_treatment_unsuitable_or_says_no_treatment_is_named(real_site, topic):
    for situation in situations(topic):
        page = real_site.page(f"/{TOPIC}/situations/{situation.factor.id}/{situation.value.id}/")
        headings = [h.get_text(strip=True) for h in page.select("article h2")]
        text = page.select_one("article").get_text(" ")
        assert "not suitable" not in " ".join(headings).lower()
        assert "does not name a treatment" not in text
        assert headings[0] == ANSWER, situation.value.id


def test_surgery_is_not_offered_to_people_not_fit_for_surgery(real_site):
    page = real_site.page(f"/{TOPIC}/situations/fitness/not-fit-for-surgery/")
    answer_links = [a.get_text(strip=True) for element in section(page, ANSWER) for a in element.select("a")]
    assert not any("surgery" == link.lower() for link in answer_links)
    assert "ablation-when" in statements_in(section(page, ANSWER))


def test_every_answer_has_a_situation_page_linked_from_its_factor(real_site, topic):
    url = f"/{TOPIC}/how-treatment-is-chosen/"
    hrefs = {real_site.resolve(url, a["href"]) for a in real_site.page(url).select("article a")}
    for factor in topic.factors:
        for value in factor.values:
            situation = f"/{TOPIC}/situations/{factor.id}/{value.id}/"
            assert situation in hrefs
            assert real_site.page(situation).h1.get_text(strip=True) == f"{factor.question} {value.label}"


@pytest.mark.parametrize("answer", ["primary-cancer/bowel", "primary-cancer/breast", "primary-cancer/neuroendocrine-tumour"])
def test_surgery_is_introduced_by_how_rarely_it_is_used(real_site, answer):
    elements = section(real_site.page(f"/{TOPIC}/situations/{answer}/"), ANSWER)
    headings = [e.get_text(strip=True) for e in elements if e.name == "h3"]
    surgery = next(e for e in elements if e.name == "h3" and e.get_text(strip=True) == "Surgery")
    assert statements_in([surgery.find_next_sibling()])[0] == "surgery-small-number"
    if len(headings) > 1:
        assert headings[-1] == "Surgery", headings  # a small number: after the treatments the source says more of
