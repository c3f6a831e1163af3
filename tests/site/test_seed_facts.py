"""Every fact in the seed text is on the site, whole, with its own hedging word and its own conditions.

The table below is written from the seed, not from the content: each row is one fact, with words that
must appear in the statement that restates it, the hedging word the seed uses, and the answers it
depends on (as the seed joins them). The content's statement is found by the words, then held to the
row's hedging and conditions, and to being on the pages where a reader would look for it.
"""

import pytest

from conftest import ROOT, TOPIC
from patient_info.content.check import load_site
from patient_info.model.site import AllOf, AnswerIs, AnyOf

OVERVIEW = f"/{TOPIC}/"
FACTORS = f"/{TOPIC}/how-treatment-is-chosen/"
SUMMARY = f"/{TOPIC}/summary/"


def treatment(tid):
    return f"/{TOPIC}/treatments/{tid}/"


def situation(factor, answer):
    return f"/{TOPIC}/situations/{factor}/{answer}/"


# Conditions, written as the seed joins them: ("all", ...), ("any", ...) or (factor, {answers}).
FEW_AREAS_ONLY = ("all", ("liver-areas", {"a-few-areas"}), ("spread-elsewhere", {"liver-only"}))
FACTS = [
    # (words the statement uses, hedging likelihood, conditions or None, treatment, pages that must show it whole)
    # "usually" covers both aims, as in the seed: one sentence, not an unhedged second one.
    (["usually aims to control the cancer for as long as possible and reduce any symptoms"], "usually", None,
     None, [OVERVIEW, SUMMARY]),
    (["most common treatment"], "most-common", None, "chemotherapy",
     [treatment("chemotherapy"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel")]),
    (["Sometimes you have chemotherapy before surgery on your liver", "more successful"], "sometimes", None,
     "chemotherapy", [treatment("chemotherapy"), treatment("surgery"), SUMMARY]),
    # In the seed, "after surgery" follows "before liver surgery": the statement says which surgery, and, like
    # chemotherapy before it, it is said to everyone (on every answer page), not only to who already had surgery.
    (["chemotherapy after surgery on your liver", "risk of the cancer coming back"], "may", None, "chemotherapy",
     [treatment("chemotherapy"), treatment("surgery"), situation("previous-surgery", "had-surgery"),
      situation("liver-areas", "a-few-areas"), SUMMARY]),
    (["operation to remove the cancer from your liver"], "stated", None, "surgery",
     [treatment("surgery"), OVERVIEW, SUMMARY]),
    (["A small number of people"], "a-small-number", None, "surgery",
     [treatment("surgery"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel")]),
    (["usually only possible", "bowel", "neuroendocrine tumour"], "usually-only",
     ("primary-cancer", {"bowel", "neuroendocrine-tumour"}), "surgery",
     [treatment("surgery"), SUMMARY, FACTORS, situation("primary-cancer", "bowel"),
      situation("liver-areas", "a-few-areas"), situation("spread-elsewhere", "liver-only")]),
    (["may also be an option"], "may", ("primary-cancer", {"breast", "other"}), "surgery",
     [treatment("surgery"), SUMMARY, situation("primary-cancer", "breast"), situation("primary-cancer", "other")]),
    (["most commonly used", "a few areas of your liver", "nowhere else in your body"], "most-commonly",
     FEW_AREAS_ONLY, "surgery", [treatment("surgery"), SUMMARY, situation("liver-areas", "a-few-areas"),
                                 situation("spread-elsewhere", "liver-only")]),
    (["sometimes cure the cancer", "a few areas of your liver", "nowhere else in your body"], "sometimes",
     FEW_AREAS_ONLY, "surgery", [treatment("surgery"), SUMMARY, situation("liver-areas", "a-few-areas"),
                                 situation("spread-elsewhere", "liver-only")]),
    (["many areas of your liver", "may not be able to remove all of the cancer cells"], "may-not",
     ("liver-areas", {"many-areas"}), "surgery", [treatment("surgery"), SUMMARY,
                                                  situation("liver-areas", "many-areas")]),
    (["not usually suitable", "another part of your body", "bones"], "not-usually",
     ("spread-elsewhere", {"elsewhere"}), "surgery",
     [treatment("surgery"), SUMMARY, situation("spread-elsewhere", "elsewhere")]),
    (["Hormonal therapies are sometimes used", "usually when the cancer started in the breast"], "sometimes",
     ("primary-cancer", {"breast"}), "hormonal-therapy",
     [treatment("hormonal-therapy"), OVERVIEW, SUMMARY, FACTORS, situation("primary-cancer", "breast")]),
    (["Targeted therapies are sometimes used"], "sometimes", None, "targeted-therapy",
     [treatment("targeted-therapy"), OVERVIEW, SUMMARY]),
    (["may be used with other treatments", "chemotherapy and surgery"], "may", None, "targeted-therapy",
     [treatment("targeted-therapy"), treatment("chemotherapy"), treatment("surgery"), SUMMARY]),
    (["uses heat to destroy cancer cells"], "stated", None, "ablation", [treatment("ablation"), OVERVIEW, SUMMARY]),
    # The seed joins these: from the bowel (may), occasionally from other places, AND (already had surgery OR not
    # fit enough for surgery). One sentence, two statements: each keeps its own hedging and the whole condition.
    (["may be used if the cancer started in the bowel", "already had surgery", "not fit enough for surgery"], "may",
     ("all", ("primary-cancer", {"bowel"}),
      ("any", ("previous-surgery", {"had-surgery"}), ("fitness", {"not-fit-for-surgery"}))), "ablation",
     [treatment("ablation"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel"),
      situation("fitness", "not-fit-for-surgery"), situation("previous-surgery", "had-surgery")]),
    (["may occasionally be used if the cancer started outside the bowel", "already had surgery",
      "not fit enough for surgery"], "occasionally",
     ("all", ("primary-cancer", {"neuroendocrine-tumour", "breast", "other"}),
      ("any", ("previous-surgery", {"had-surgery"}), ("fitness", {"not-fit-for-surgery"}))), "ablation",
     [treatment("ablation"), OVERVIEW, SUMMARY, situation("primary-cancer", "breast"),
      situation("primary-cancer", "neuroendocrine-tumour"), situation("fitness", "not-fit-for-surgery"),
      situation("previous-surgery", "had-surgery")]),
    (["cut off the blood supply to the tumour", "chemoembolisation", "radioembolisation"], "stated", None,
     "embolisation", [treatment("embolisation"), OVERVIEW, SUMMARY]),
    (["type of radiotherapy", "may sometimes be used"], "may-sometimes", None, "stereotactic-radiotherapy",
     [treatment("stereotactic-radiotherapy"), OVERVIEW, SUMMARY]),
    (["can help to control your symptoms", "improve your quality of life"], "can", None, "supportive-care",
     [treatment("supportive-care"), OVERVIEW, SUMMARY, situation("fitness", "not-well-enough"),
      situation("your-choice", "no-treatment")]),
    (["not be well enough", "decide not to have treatment", "unlikely to shrink the cancer", "too many side effects"],
     "may", ("any", ("fitness", {"not-well-enough"}), ("your-choice", {"no-treatment"})), "supportive-care",
     [treatment("supportive-care"), SUMMARY, situation("fitness", "not-well-enough"),
      situation("your-choice", "no-treatment")]),
    (["used alongside other treatments"], "may", None, "supportive-care",
     [treatment("supportive-care"), SUMMARY, situation("primary-cancer", "bowel")]),
]


@pytest.fixture(scope="module")
def topic():
    return load_site(ROOT / "content").topics[0]


def as_tuple(condition):
    """The model's condition in the table's shape."""
    if condition is None:
        return None
    if isinstance(condition, AnswerIs):
        return (condition.factor, set(condition.answers))
    joined = "all" if isinstance(condition, AllOf) else "any"
    assert isinstance(condition, (AllOf, AnyOf))
    return (joined, *(as_tuple(part) for part in condition.parts))


def statement_for(topic, words):
    found = [s for s in topic.statements if all(w.lower() in s.text.lower() for w in words)]
    assert len(found) == 1, f"expected one statement saying {words}, found {[s.id for s in found]}"
    return found[0]


def shown_statements(soup):
    return {span["data-statement"]: " ".join(span.get_text().split())
            for span in soup.select("article [data-statement], .handout [data-statement]")}


@pytest.mark.parametrize("words, likelihood, conditions, about, pages", FACTS, ids=[row[0][0] for row in FACTS])
def test_seed_fact_keeps_its_hedging_and_conditions(topic, words, likelihood, conditions, about, pages):
    statement = statement_for(topic, words)
    assert statement.likelihood == likelihood
    assert as_tuple(statement.conditions) == conditions
    assert statement.treatment == about


@pytest.mark.parametrize("words, likelihood, conditions, about, pages", FACTS, ids=[row[0][0] for row in FACTS])
def test_seed_fact_is_shown_whole_where_readers_look(real_site, topic, words, likelihood, conditions, about, pages):
    statement = statement_for(topic, words)
    for url in pages:
        shown = shown_statements(real_site.page(url))
        assert statement.id in shown, f"{statement.id} is not on {url}"
        assert shown[statement.id] == " ".join(statement.text.split()), f"{statement.id} is cut on {url}"


def test_every_statement_is_a_seed_fact(topic):
    """Nothing beyond the table: a statement the seed does not make has no row here."""
    matched = {statement_for(topic, words).id for words, *_ in FACTS}
    assert matched == {s.id for s in topic.statements}


@pytest.mark.parametrize("factor, treatments", [
    ("primary-cancer", ["Surgery", "Hormonal therapies", "Ablation"]),
    ("liver-areas", ["Surgery"]),
    ("spread-elsewhere", ["Surgery"]),
    ("fitness", ["Ablation", "Supportive or palliative therapies"]),
    ("previous-surgery", ["Ablation"]),
    ("your-choice", ["Supportive or palliative therapies"]),
])
def test_each_factor_section_names_the_treatments_whose_statements_depend_on_it(real_site, factor, treatments):
    """Strongest emphasis first: surgery is 'usually only' possible for some, hormonal therapy 'sometimes' used,
    ablation 'may' be used or 'occasionally'."""
    soup = real_site.page(FACTORS)
    heading = soup.find(id=factor)
    assert heading is not None and heading.name == "h2"
    named = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        if element.name == "h3":
            named.append(element.get_text(strip=True))
    assert named == treatments

def test_the_printed_summary_shows_every_statement_of_the_topic(real_site, topic):
    for url in (SUMMARY, SUMMARY + "large-print/"):
        shown = shown_statements(real_site.page(url))
        assert set(shown) == {s.id for s in topic.statements}, url


def test_the_summary_names_its_source_and_review_status_at_the_top_of_side_one(real_site):
    sheet = real_site.page(SUMMARY).select_one(".handout")
    first_part = " ".join(sheet.select_one('[data-part="title"]').get_text(" ").split())
    assert "Adapted from “Treatment overview” by Macmillan Cancer Support." in first_part
    assert "A doctor or nurse has not yet checked this information." in first_part


def test_the_card_clinics_paste_carries_the_review_status(real_site):
    page = real_site.page(f"/for-clinics/{TOPIC}/")
    snippet = page.select_one('[id$="-html"]:not(a)')
    pasted = next(code.get_text() for code in page.select("pre code") if "patient-info-card" in code.get_text())
    assert "A doctor or nurse has not yet checked this information." in pasted
    assert "Last reviewed" in pasted and snippet is not None


def test_the_had_surgery_page_says_chemotherapy_after_surgery_means_liver_surgery(real_site):
    text = " ".join(real_site.page(situation("previous-surgery", "had-surgery")).select_one("article").get_text(" ")
                    .split())
    assert "chemotherapy after surgery on your liver" in text
    assert "chemotherapy after surgery." not in text.lower()
