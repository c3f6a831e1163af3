"""Every fact in the seed text appears on the page where a reader would look for it.

Each row names the page, the section (by its h2, or the whole article), phrases
that must all appear there, and links that must be in that section, so a
relation such as "surgery is usually only possible when the cancer started in
the bowel" is checked as text *and* as a link to the factor it depends on.
"""

import pytest

from conftest import TOPIC

OVERVIEW = f"/{TOPIC}/"
FACTORS = f"/{TOPIC}/how-treatment-is-chosen/"


def treatment(tid):
    return f"/{TOPIC}/treatments/{tid}/"


FACTS = [
    # (page, section or None for the whole article, phrases, link targets in that section)
    (OVERVIEW, "The aim of treatment", ["usually aims to control the cancer for as long as possible", "reduce any symptoms"], []),
    (OVERVIEW, "What your treatment depends on", ["Where did the cancer start?", "Which parts of my liver are affected?",
                                                   "Has the cancer spread anywhere else in my body?"],
     ["how-treatment-is-chosen/#primary-cancer", "how-treatment-is-chosen/#liver-areas",
      "how-treatment-is-chosen/#spread-elsewhere"]),
    (treatment("chemotherapy"), None, ["most common treatment for secondary cancer in the liver"], []),
    (treatment("chemotherapy"), "Used together with other treatments",
     ["sometimes given before liver surgery", "can make the operation more successful",
      "may also be given after surgery", "lower the risk of the cancer coming back"], ["surgery/"]),
    (treatment("surgery"), None, ["Only a small number of people"], []),
    (treatment("surgery"), "When it may be used",
     ["usually only possible if the cancer spread to your liver from cancer in the bowel", "neuroendocrine tumour",
      "may also be an option for some other types of cancer",
      "most often used if the cancer is in a few areas of your liver and nowhere else in your body",
      "sometimes possible to cure the cancer"],
     ["how-treatment-is-chosen/#primary-cancer", "how-treatment-is-chosen/#liver-areas",
      "how-treatment-is-chosen/#spread-elsewhere"]),
    (treatment("surgery"), "When it is usually not suitable",
     ["affects many areas of your liver", "may not be able to remove all of the cancer cells",
      "not usually suitable if you have cancer cells in another part of your body", "bones"],
     ["how-treatment-is-chosen/#liver-areas", "how-treatment-is-chosen/#spread-elsewhere"]),
    (treatment("surgery"), "Used together with other treatments", ["before liver surgery", "after surgery"],
     ["chemotherapy/"]),
    (treatment("hormonal-therapy"), None, ["sometimes used"], []),
    (treatment("hormonal-therapy"), "When it may be used", ["usually used when the cancer started in the breast"],
     ["how-treatment-is-chosen/#primary-cancer"]),
    (treatment("targeted-therapy"), None, ["sometimes used to treat secondary cancer in the liver"], []),
    (treatment("targeted-therapy"), "Used together with other treatments",
     ["used together with chemotherapy", "used together with surgery"], ["chemotherapy/", "surgery/"]),
    (treatment("ablation"), None, ["uses heat to destroy cancer cells"], []),
    (treatment("ablation"), "When it may be used",
     ["came from the bowel", "Occasionally it is used when the cancer started somewhere else",
      "already had surgery", "not fit enough to have surgery"],
     ["how-treatment-is-chosen/#primary-cancer", "how-treatment-is-chosen/#previous-surgery",
      "how-treatment-is-chosen/#fitness"]),
    (treatment("embolisation"), None, ["cut off the blood supply to the tumour", "chemotherapy or radiation"], []),
    (treatment("embolisation"), "What it is",
     ["Chemoembolisation", "Embolisation that uses chemotherapy", "Radioembolisation", "Embolisation that uses radiation"], []),
    (treatment("stereotactic-radiotherapy"), None, ["type of radiotherapy", "may sometimes be used"], []),
    (treatment("supportive-care"), None,
     ["help to control your symptoms", "improve your quality of life", "used alongside other treatments"], []),
    (treatment("supportive-care"), "When it may be used",
     ["may not be well enough to have the other treatments", "decide not to have treatment",
      "unlikely to shrink the cancer", "too many side effects"],
     ["how-treatment-is-chosen/#fitness", "how-treatment-is-chosen/#your-choice"]),
]


def section(soup, heading):
    article = soup.select_one("article")
    if heading is None:
        return article
    h2 = next((h for h in article.find_all("h2") if h.get_text(strip=True) == heading), None)
    assert h2 is not None, f"no section '{heading}'"
    wrapper = soup.new_tag("div")
    for sibling in list(h2.find_next_siblings()):
        if sibling.name == "h2":
            break
        wrapper.append(sibling)
    return wrapper


@pytest.mark.parametrize("url, heading, phrases, links", FACTS,
                         ids=[f"{url.strip('/').split('/')[-1]}:{heading or 'page'}" for url, heading, *_ in FACTS])
def test_seed_fact_appears_where_readers_look(real_site, url, heading, phrases, links):
    part = section(real_site.page(url), heading)
    text = " ".join(part.get_text(" ").split())
    for phrase in phrases:
        assert phrase in text, f"'{phrase}' missing from {url} {heading or ''}"
    hrefs = [a["href"] for a in part.find_all("a", href=True)]
    for target in links:
        assert any(href.endswith(target) for href in hrefs), f"no link to {target} in {url} {heading or ''}: {hrefs}"


def test_hedging_words_from_the_seed_are_kept(real_site):
    texts = {tid: " ".join(real_site.page(treatment(tid)).select_one("article").get_text(" ").split())
             for tid in ("surgery", "hormonal-therapy", "ablation", "stereotactic-radiotherapy")}
    assert "usually only possible" in texts["surgery"]
    assert "sometimes possible to cure" in texts["surgery"]
    assert "usually used when the cancer started in the breast" in texts["hormonal-therapy"]
    assert "Occasionally" in texts["ablation"]
    assert "may sometimes be used" in texts["stereotactic-radiotherapy"]


@pytest.mark.parametrize("factor, treatments", [
    ("primary-cancer", {"surgery", "hormonal-therapy", "ablation"}),
    ("liver-areas", {"surgery"}),
    ("spread-elsewhere", {"surgery"}),
    ("fitness", {"ablation", "supportive-care"}),
    ("previous-surgery", {"ablation"}),
    ("your-choice", {"supportive-care"}),
])
def test_each_factor_lists_the_treatments_that_refer_to_it(real_site, factor, treatments):
    soup = real_site.page(FACTORS)
    heading = soup.find(id=factor)
    assert heading is not None and heading.name == "h2"
    part = section(soup, heading.get_text(strip=True))
    linked = {a["href"].rstrip("/").split("/")[-1] for a in part.find_all("a", href=True) if "treatments/" in a["href"]}
    assert linked == treatments
