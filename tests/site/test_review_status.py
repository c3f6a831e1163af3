"""Readers and clinics are told whether a clinician has checked a topic: the real content records no clinical
review, so every page of its topic, its handout and its links for clinics say so; a topic that records one
does not."""

import json
import shutil

import pytest

from conftest import EXAMPLE_CONTENT, TOPIC, build_or_fail, main_text
from patient_info.wording.labels import REVIEW_LINE, REVIEW_NOTICE as REVIEW_NOTICE_SHORT, REVIEW_NOTICE_MORE

REVIEW_NOTICE = f"{REVIEW_NOTICE_SHORT} {REVIEW_NOTICE_MORE}"

CLINICAL_REVIEW = """    - date: 2026-01-15
      kind: clinical
      reviewer: Dr Made-up Name
      role: Made-up doctor
"""


def topic_pages(site, topic: str) -> list[str]:
    """Every built page of the topic, found in the build output."""
    return [url for url in site.urls() if url.startswith(f"/{topic}/")]


def code_answers(site) -> list[dict]:
    return [json.loads(path.read_text("utf-8")) for path in sorted((site.root / "link").rglob("*.json"))]


@pytest.fixture(scope="module")
def reviewed_site(tmp_path_factory):
    """The example content with a clinical review recorded for its topic."""
    content = tmp_path_factory.mktemp("reviewed") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    topic = content / "glimmer-fever" / "topic.yaml"
    topic.write_text(topic.read_text("utf-8").replace("  reviews:\n", "  reviews:\n" + CLINICAL_REVIEW), "utf-8")
    return build_or_fail(content.parent / "site", content)


def test_every_page_of_a_topic_without_a_clinical_review_shows_the_notice(real_site):
    pages = topic_pages(real_site, TOPIC)
    assert len(pages) > 10
    for url in pages:
        assert REVIEW_NOTICE_SHORT in main_text(real_site.page(url)), url


def test_the_notice_is_one_line_under_the_title_and_its_detail_is_said_once_at_the_end(real_site):
    """At the top, one line that links to what it means; the whole notice, what was checked and when, once, in
    "Where this information comes from"; the footer does not say the review dates again."""
    for url in [url for url in topic_pages(real_site, TOPIC) if "/summary/" not in url]:
        article = real_site.page(url).select_one("article")
        line = article.h1.find_next_sibling()
        assert "review-notice" in line["class"] and not line.find_parent(["details"]), url
        assert " ".join(line.get_text(" ").split()) == f"{REVIEW_LINE} What this means", url
        assert line.a["href"] == "#where-this-information-comes-from", url
        section = article.find(id="where-this-information-comes-from")
        assert section.name == "h2" and section.get_text(strip=True) == "Where this information comes from", url
        after = " ".join(" ".join(tag.get_text(" ") for tag in section.find_next_siblings()).split())
        assert f"{REVIEW_NOTICE_SHORT} {REVIEW_NOTICE_MORE}" in after, url
        assert "28 November 2026: checked against its source." in after, url
        assert "Those words are checked against the source, word for word." in after, url
        assert main_text(real_site.page(url)).count(REVIEW_NOTICE_SHORT) == 1, url
        assert article.select(".review-notice") == [line] and len(article.select(".review-dates")) == 1, url
        assert real_site.page(url).select_one("footer .footer-review") is None, url


def test_the_handout_shows_the_notice_on_the_sheet(real_site):
    sheet = real_site.page(f"/{TOPIC}/summary/").select_one(".handout")
    assert REVIEW_NOTICE_SHORT in " ".join(sheet.get_text(" ").split())


def test_links_json_and_code_answers_carry_the_review_status(real_site):
    links = json.loads((real_site.root / "links.json").read_text("utf-8"))["links"]
    for entry in links:
        if entry["topic"] == TOPIC:
            assert entry["clinically_reviewed"] is False and entry["review_notice"] == REVIEW_NOTICE, entry["id"]
        else:
            assert entry["clinically_reviewed"] is None and entry["review_notice"] is None, entry["id"]
    answers = code_answers(real_site)
    assert answers
    for answer in answers:
        entry = answer["feed"]["entry"][0]
        assert entry["clinically_reviewed"] is False and entry["review_notice"] == REVIEW_NOTICE
        assert [review["kind"] for review in entry["reviews"]] == ["editorial"]


def test_the_pages_for_clinics_show_the_review_status(real_site):
    # /for-clinics/ lists the topics by title only (it must stay small in a large library); each topic's own
    # page for clinics, which it links, gives the topic's review status.
    listed = real_site.page("/for-clinics/").select("article .topic-list a")
    assert [real_site.resolve("/for-clinics/", a["href"]) for a in listed] == [f"/for-clinics/{TOPIC}/"]
    assert REVIEW_NOTICE in main_text(real_site.page(f"/for-clinics/{TOPIC}/"))


def test_a_topic_with_a_clinical_review_shows_no_notice_and_names_the_reviewer(reviewed_site):
    pages = topic_pages(reviewed_site, "glimmer-fever")
    assert pages
    for url in pages:
        page = reviewed_site.page(url)
        assert REVIEW_NOTICE_SHORT not in main_text(page) and not page.select(".review-notice"), url
    overview = main_text(reviewed_site.page("/glimmer-fever/"))
    assert "15 January 2026: checked by a doctor or nurse. Reviewer: Dr Made-up Name, Made-up doctor." in overview
    links = json.loads((reviewed_site.root / "links.json").read_text("utf-8"))["links"]
    topic_entries = [entry for entry in links if entry["topic"] == "glimmer-fever"]
    assert topic_entries and all(entry["clinically_reviewed"] is True and entry["review_notice"] is None
                                 for entry in topic_entries)
    for answer in code_answers(reviewed_site):
        assert answer["feed"]["entry"][0]["clinically_reviewed"] is True
    assert "Checked by a clinician on 15 January 2026: Dr Made-up Name (Made-up doctor)." in main_text(
        reviewed_site.page("/for-clinics/glimmer-fever/"))


def test_the_embedded_card_says_no_doctor_or_nurse_has_checked_the_topic(real_site):
    card = real_site.page(f"/embed/{TOPIC}/").select_one(".review")
    assert REVIEW_NOTICE_SHORT in " ".join(card.get_text(" ").split())
    assert "Up to date" not in card.get_text()
