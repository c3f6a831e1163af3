"""The real site builds in strict mode and has every page the foundation promises."""

import pytest

from conftest import ROOT, TOPIC, build_or_fail
from patient_info.content.check import load_site

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
    # The tab names the page, its topic unless the heading does, and the publisher (tests/site/test_titles.py).
    topic = "" if url == "/" or "Secondary cancer in the liver" in heading else " – Secondary cancer in the liver"
    assert page.title.get_text() == f"{heading}{topic} – the patient-info project"
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


def test_footer_shows_the_disclaimer_and_review_dates_only_where_the_page_does_not(real_site):
    """A page for patients says its review dates once, at the end of its text; pages for clinics in the footer."""
    footer = real_site.page(f"/{TOPIC}/treatments/surgery/").select_one("footer").get_text(" ")
    assert "team looking after you" in footer and "Page last reviewed" not in footer
    article = real_site.page(f"/{TOPIC}/treatments/surgery/").select_one("article").get_text(" ")
    assert "Page last reviewed: 28 November 2026. Next review due: 28 November 2027." in " ".join(article.split())
    clinics = real_site.page(f"/for-clinics/{TOPIC}/").select_one("footer").get_text(" ")
    assert "Page last reviewed: 28 November 2026" in clinics and "Next review due: 28 November 2027" in clinics


def test_which_things_affect_each_treatment_links_each_treatment_once_and_the_questions_it_depends_on(real_site):
    url = f"/{TOPIC}/how-treatment-is-chosen/"
    page = real_site.page(url)
    topic = load_site(ROOT / "content").topics[0]
    heading = page.select_one("article").find("h2", string="Which things affect each treatment")
    assert heading is not None
    items = heading.find_next("ul").find_all("li", recursive=False)
    assert [li.a.get_text(strip=True) for li in items] == list(TREATMENTS.values())
    for li, treatment in zip(items, TREATMENTS):
        assert real_site.resolve(url, li.a["href"]) == f"/{TOPIC}/treatments/{treatment}/"
        sections = [link["href"].split("#")[-1] for link in li.select("a")[1:]]
        depends = [f.id for f in topic.factors
                   if any(s.treatment == treatment and s.involves(f.id) for s in topic.statements)]
        assert sections == depends, treatment
        # No link's whole text is a hedge word: each names a treatment or a question.
        assert all(len(link.get_text(strip=True).split()) > 1 or link.get_text(strip=True) in TREATMENTS.values()
                   for link in li.select("a"))
