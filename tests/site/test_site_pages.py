"""The real site builds in strict mode and has every page the foundation promises."""

import pytest

from conftest import ROOT, TOPIC, build_or_fail
from patient_info.content.check import load_site
from patient_info.model.site import LIKELIHOOD_WORDS

TREATMENTS = {
    "chemotherapy": "Chemotherapy",
    "surgery": "Surgery",
    "hormonal-therapy": "Hormonal therapies",
    "targeted-therapy": "Targeted therapies",
    "ablation": "Ablation",
    "embolisation": "Embolisation",
    "stereotactic-radiotherapy": "Stereotactic radiotherapy",
    "supportive-care": "Supportive or palliative therapies",
}

PAGES = [
    ("/", "Patient information"),
    (f"/{TOPIC}/", "Secondary cancer in the liver: treatment overview"),
    (f"/{TOPIC}/how-treatment-is-chosen/", "How your treatment is chosen"),
    *((f"/{TOPIC}/treatments/{tid}/", name) for tid, name in TREATMENTS.items()),
    (f"/{TOPIC}/summary/", "Secondary cancer in the liver: treatment summary"),
]


@pytest.mark.parametrize("url, heading", PAGES)
def test_each_promised_url_exists_with_its_heading_and_title(real_site, url, heading):
    page = real_site.page(url)
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [heading]
    expected_title = "Patient information" if url == "/" else f"{heading} - Patient information"
    assert page.title.get_text() == expected_title
    assert page.html["lang"] == "en"


def test_strict_build_logs_no_warnings(real_site):
    assert "WARNING" not in real_site.log


def test_navigation_lists_every_generated_page(real_site):
    # Home's menu links to each topic; a topic's pages show the rest of that topic.
    nav_links = {real_site.resolve(url, a["href"])
                 for url in ("/", f"/{TOPIC}/") for a in real_site.page(url).select("nav.md-nav--primary a[href]")}
    assert {url for url, _ in PAGES} <= nav_links


def test_building_writes_nothing_into_docs(tmp_path):
    def snapshot():
        return {p: p.stat().st_mtime_ns for p in (ROOT / "docs").rglob("*")}
    before = snapshot()
    build_or_fail(tmp_path / "site")
    assert snapshot() == before


def test_pages_load_nothing_from_other_hosts(real_site):
    for file in real_site.html_pages():
        html = file.read_text("utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
            assert marker not in html, f"{file} refers to {marker}"


def test_footer_shows_review_dates_and_disclaimer(real_site):
    footer = real_site.page(f"/{TOPIC}/treatments/surgery/").select_one("footer").get_text(" ")
    assert "Page last reviewed: 28 November 2026" in footer
    assert "Next review due: 28 November 2027" in footer
    assert "team looking after you" in footer


def test_which_things_affect_each_treatment_links_each_likelihood_to_its_statement(real_site):
    url = f"/{TOPIC}/how-treatment-is-chosen/"
    page = real_site.page(url)
    topic = load_site(ROOT / "content").topics[0]
    statements = {s.id: s for s in topic.statements}
    heading = page.select_one("article").find("h2", string="Which things affect each treatment")
    assert heading is not None
    items = heading.find_next("ul").find_all("li", recursive=False)
    assert [li.a.get_text(strip=True) for li in items] == list(TREATMENTS.values())
    checked = 0
    for li, treatment in zip(items, TREATMENTS):
        assert real_site.resolve(url, li.a["href"]) == f"/{TOPIC}/treatments/{treatment}/"
        text = " ".join(li.get_text(" ").split())
        for link in li.select('a[href^="#"]'):
            target = page.find(id=link["href"][1:])
            assert target is not None, f"{link['href']} leads nowhere on the page"
            assert "statement" in target.get("class", []), f"{link['href']} is not a statement"
            statement = statements[target["data-statement"]]
            assert statement.treatment == treatment
            assert link.get_text(strip=True) == (LIKELIHOOD_WORDS[statement.likelihood] or "stated")
            factor = topic.factor(target.find_previous("h2")["id"])
            assert statement.involves(factor.id) and factor.question in text
            checked += 1
    assert checked >= len(TREATMENTS)
