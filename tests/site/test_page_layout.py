"""The markup behind a page made for patients: who publishes it in the header, the light/dark switch after
search, one notice box at most and only at the top, a home page listing the topics by title, an overview that starts with
what people come for, light cross-links, and a glossary with its review date and an A to Z."""

import yaml

from conftest import ROOT, TOPIC, main_text

SETTINGS = yaml.safe_load((ROOT / "content" / "site.yaml").read_text("utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text("utf-8"))


def test_every_header_names_the_site_and_its_publisher_with_the_palette_switch_after_search(real_site):
    for url in real_site.urls():
        header = real_site.page(url).select_one("header.md-header nav")
        title = header.select_one(".site-title")
        assert title.select_one(".site-title__name").get_text(strip=True) == SETTINGS["name"], url
        assert title.select_one(".site-title__publisher").get_text(strip=True) == (
            f"Published by {SETTINGS['publisher']}"), url
        order = [("search" if "site-search" in element.get("class", []) else "palette") for element in header.find_all(True)
                 if "site-search" in element.get("class", []) or element.get("data-md-component") == "palette"]
        assert order == ["search", "palette"], url


def test_a_page_has_at_most_one_notice_box_and_only_before_its_first_section(real_site):
    for url in real_site.urls():
        article = real_site.page(url).select_one("article")
        boxes = article.select(".admonition")
        assert len(boxes) <= 1, url
        if boxes:
            first_section = article.find("h2")
            assert first_section is None or boxes[0] in first_section.find_all_previous(class_="admonition"), url


def test_the_home_page_says_who_publishes_it_and_lists_each_topic_by_its_title(real_site):
    home = real_site.page("/")
    assert f"published by {SETTINGS['publisher']}" in main_text(home)
    topics = home.select("article .topic-list li a")
    assert [a.get_text(strip=True) for a in topics] == ["Secondary cancer in the liver"]
    assert real_site.resolve("/", topics[0]["href"]) == f"/{TOPIC}/"


def test_the_overview_starts_with_how_treatment_is_chosen_the_treatments_and_the_summary(real_site):
    url = f"/{TOPIC}/"
    article = real_site.page(url).select_one("article")
    start = article.select_one(".start-links")
    assert start.find_previous("h2") is None, "the links come before the first section"
    targets = [real_site.resolve(url, a["href"]) for a in start.select("a")]
    assert targets == [f"/{TOPIC}/how-treatment-is-chosen/", f"/{TOPIC}/#treatments", f"/{TOPIC}/summary/",
                       f"/{TOPIC}/summary.pdf", f"/{TOPIC}/summary-large-print.pdf"]
    assert article.find(id="treatments").name == "h2"


def test_statements_are_not_followed_by_a_see_also_line_each(real_site):
    """Where to read more is said once per page, not under every statement (34 such lines made the pages hard
    to read); each link names a page, never a hedging word alone."""
    for url in real_site.urls():
        page = real_site.page(url)
        assert not page.select("article .statement-links"), url
        for link in page.select("article a"):
            assert link.get_text(strip=True).lower() not in {"may", "sometimes", "usually", "can", "stated"}, url


def test_the_glossary_has_its_review_date_and_an_a_to_z_that_reaches_every_letter(real_site):
    page = real_site.page("/glossary/")
    letters = sorted({term["term"][0].upper() for term in GLOSSARY["terms"]})
    jump = page.select("article .a-to-z a")
    assert [a.get_text(strip=True) for a in jump] == letters
    for a in jump:
        section = page.find(id=a["href"].lstrip("#"))
        assert section is not None and section.name == "h2"
        assert all(term.get_text(strip=True).upper().startswith(section.get_text(strip=True))
                   for term in section.find_next_siblings("h3", limit=1))
    review = " ".join(page.select_one("article .review-dates").get_text(" ").split())
    assert review.startswith("Page last reviewed: 1 December 2026.")
