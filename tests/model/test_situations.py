"""Situation views: for one answer, every treatment is shown once, in the group its own YAML puts it in."""

import pytest

from conftest import ROOT, TOPIC, main_text
from patient_info.content.check import load_site
from patient_info.model.situations import situations

MAY_TALK = "Treatments your team may talk to you about"
NOT_SUITABLE = "Treatments that are usually not suitable in this situation"
ALSO = "Other treatments that may also be discussed"


@pytest.fixture(scope="module")
def topic():
    return load_site(ROOT / "content").topics[0]


def section_links(page, heading: str) -> list[str]:
    """The treatment names linked in the section under an h2."""
    h2 = next((h for h in page.select("article h2") if h.get_text(strip=True) == heading), None)
    if h2 is None:
        return []
    names = []
    for element in h2.find_next_siblings():
        if element.name == "h2":
            break
        names += [a.get_text(strip=True) for a in element.select("a[href*='treatments/']")]
    return names


def test_every_treatment_is_in_exactly_one_group_of_every_situation(topic):
    found = situations(topic)
    assert len(found) == sum(len(factor.values) for factor in topic.factors) == 12
    for situation in found:
        groups = [situation.may_talk_about, situation.usually_not_suitable, situation.also_discussed]
        ids = [item.treatment.id for group in groups for item in group]
        assert sorted(ids) == sorted(t.id for t in topic.treatments), situation.title


def test_a_treatment_usually_not_suitable_is_never_one_your_team_may_talk_about(topic):
    checked = 0
    for situation in situations(topic):
        talk = {item.treatment.id for item in situation.may_talk_about}
        for treatment in topic.treatments:
            for reason in treatment.not_suitable_when:
                if any(ref.factor == situation.factor.id and situation.value.id in ref.values for ref in reason.factors):
                    assert treatment.id not in talk
                    checked += 1
    assert checked == 2  # surgery: many areas of the liver; cancer elsewhere in the body


@pytest.mark.parametrize("factor, value, talk, not_suitable", [
    ("primary-cancer", "bowel", ["Surgery", "Ablation"], []),
    ("primary-cancer", "breast", ["Hormonal therapies"], []),
    ("liver-areas", "many-areas", [], ["Surgery"]),
    ("spread-elsewhere", "elsewhere", [], ["Surgery"]),
    ("fitness", "not-well-enough", ["Supportive or palliative therapies"], []),
])
def test_situation_page_groups_treatments_by_their_own_references(real_site, topic, factor, value, talk, not_suitable):
    page = real_site.page(f"/{TOPIC}/situations/{factor}/{value}/")
    assert section_links(page, MAY_TALK) == talk
    assert section_links(page, NOT_SUITABLE) == not_suitable
    also = section_links(page, ALSO)
    assert sorted(talk + not_suitable + also) == sorted(t.name for t in topic.treatments)


def test_situation_page_quotes_the_content_and_says_the_team_decides(real_site, topic):
    page = real_site.page(f"/{TOPIC}/situations/liver-areas/many-areas/")
    text = main_text(page)
    assert page.h1.get_text(strip=True) == "Which parts of my liver are affected? Many areas of the liver"
    surgery = topic.treatment("surgery")
    assert surgery.not_suitable_when[0].text in text
    assert "Your team decides with you" in text and "you will decide together" in text
    for caveat in topic.caveats:
        assert caveat.text in text
    hrefs = {real_site.resolve(f"/{TOPIC}/situations/liver-areas/many-areas/", a["href"]) for a in page.select("article a")}
    assert f"/{TOPIC}/" in hrefs and f"/{TOPIC}/how-treatment-is-chosen/#liver-areas" in hrefs


def test_every_answer_has_a_situation_page_linked_from_its_factor(real_site, topic):
    url = f"/{TOPIC}/how-treatment-is-chosen/"
    hrefs = {real_site.resolve(url, a["href"]) for a in real_site.page(url).select("article a")}
    for factor in topic.factors:
        for value in factor.values:
            situation = f"/{TOPIC}/situations/{factor.id}/{value.id}/"
            assert situation in hrefs
            assert real_site.page(situation).h1.get_text(strip=True) == f"{factor.question} {value.label}"
