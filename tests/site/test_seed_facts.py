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
    (["usually aims to control the cancer for as long as possible", "reduce any symptoms"], "usually", None,
     None, [OVERVIEW, SUMMARY]),
    (["most common treatment"], "most-common", None, "chemotherapy",
     [treatment("chemotherapy"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel")]),
    (["Sometimes you have chemotherapy before surgery", "more successful"], "sometimes", None, "chemotherapy",
     [treatment("chemotherapy"), treatment("surgery")]),
    (["chemotherapy after surgery", "risk of the cancer coming back"], "may",
     ("previous-surgery", {"had-surgery"}), "chemotherapy",
     [treatment("chemotherapy"), treatment("surgery"), situation("previous-surgery", "had-surgery"), FACTORS]),
    (["operation to remove the cancer from your liver"], "stated", None, "surgery", [treatment("surgery"), OVERVIEW]),
    (["A small number of people"], "a-small-number", None, "surgery",
     [treatment("surgery"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel")]),
    (["usually only possible", "bowel", "neuroendocrine tumour"], "usually-only",
     ("primary-cancer", {"bowel", "neuroendocrine-tumour"}), "surgery",
     [treatment("surgery"), SUMMARY, FACTORS, situation("primary-cancer", "bowel"),
      situation("liver-areas", "a-few-areas"), situation("spread-elsewhere", "liver-only")]),
    (["may also be an option"], "may", ("primary-cancer", {"breast", "other"}), "surgery",
     [treatment("surgery"), SUMMARY, situation("primary-cancer", "breast")]),
    (["most commonly used", "a few areas of your liver", "nowhere else in your body"], "most-commonly",
     FEW_AREAS_ONLY, "surgery", [treatment("surgery"), SUMMARY, situation("liver-areas", "a-few-areas"),
                                 situation("primary-cancer", "bowel")]),
    (["sometimes cure the cancer", "a few areas of your liver", "nowhere else in your body"], "sometimes",
     FEW_AREAS_ONLY, "surgery", [treatment("surgery"), situation("liver-areas", "a-few-areas"),
                                 situation("spread-elsewhere", "liver-only")]),
    (["many areas of your liver", "may not be able to remove all of the cancer cells"], "may-not",
     ("liver-areas", {"many-areas"}), "surgery", [treatment("surgery"), situation("liver-areas", "many-areas")]),
    (["not usually suitable", "another part of your body", "bones"], "not-usually",
     ("spread-elsewhere", {"elsewhere"}), "surgery",
     [treatment("surgery"), situation("spread-elsewhere", "elsewhere")]),
    (["Hormonal therapies are sometimes used", "usually when the cancer started in the breast"], "sometimes",
     ("primary-cancer", {"breast"}), "hormonal-therapy",
     [treatment("hormonal-therapy"), OVERVIEW, SUMMARY, FACTORS, situation("primary-cancer", "breast")]),
    (["Targeted therapies are sometimes used"], "sometimes", None, "targeted-therapy",
     [treatment("targeted-therapy"), OVERVIEW, SUMMARY]),
    (["may be used with other treatments", "chemotherapy and surgery"], "may", None, "targeted-therapy",
     [treatment("targeted-therapy"), treatment("chemotherapy"), treatment("surgery")]),
    (["uses heat to destroy cancer cells"], "stated", None, "ablation", [treatment("ablation"), OVERVIEW]),
    # The seed joins these: from the bowel (occasionally elsewhere) AND (already had surgery OR not fit for it).
    (["from the bowel", "occasionally", "already had surgery", "not fit enough to have surgery"], "may",
     ("all", ("primary-cancer", {"bowel", "neuroendocrine-tumour", "breast", "other"}),
      ("any", ("previous-surgery", {"had-surgery"}), ("fitness", {"not-fit-for-surgery"}))), "ablation",
     [treatment("ablation"), OVERVIEW, SUMMARY, situation("primary-cancer", "bowel"),
      situation("fitness", "not-fit-for-surgery"), situation("previous-surgery", "had-surgery")]),
    (["cut off the blood supply to the tumour", "chemoembolisation", "radioembolisation"], "stated", None,
     "embolisation", [treatment("embolisation"), OVERVIEW, SUMMARY]),
    (["type of radiotherapy", "may sometimes be used"], "may-sometimes", None, "stereotactic-radiotherapy",
     [treatment("stereotactic-radiotherapy"), OVERVIEW, SUMMARY]),
    (["can help to control your symptoms", "improve your quality of life"], "can", None, "supportive-care",
     [treatment("supportive-care"), OVERVIEW]),
    (["not be well enough", "decide not to have treatment", "unlikely to shrink the cancer", "too many side effects"],
     "may", ("any", ("fitness", {"not-well-enough"}), ("your-choice", {"no-treatment"})), "supportive-care",
     [treatment("supportive-care"), SUMMARY, situation("fitness", "not-well-enough"),
      situation("your-choice", "no-treatment")]),
    (["used alongside other treatments"], "may", None, "supportive-care",
     [treatment("supportive-care"), situation("primary-cancer", "bowel")]),
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
    ("primary-cancer", {"surgery", "hormonal-therapy", "ablation"}),
    ("liver-areas", {"surgery"}),
    ("spread-elsewhere", {"surgery"}),
    ("fitness", {"ablation", "supportive-care"}),
    ("previous-surgery", {"ablation", "chemotherapy", "surgery"}),
    ("your-choice", {"supportive-care"}),
])
def test_each_factor_section_links_the_treatments_its_statements_are_about(real_site, factor, treatments):
    soup = real_site.page(FACTORS)
    heading = soup.find(id=factor)
    assert heading is not None and heading.name == "h2"
    linked = set()
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        linked |= {a["href"].rstrip("/").split("/")[-1] for a in element.find_all("a", href=True)
                   if "treatments/" in a["href"]}
    assert linked == treatments
