"""The editors' preview pages: the list of mistakes and the banners, made from errors as data."""

from bs4 import BeautifulSoup

from patient_info.built_pages.preview import (banner_html, content_warning, mistakes_page, page_warning,
                                              warnings_for)
from patient_info.errors import ContentError


def test_the_mistakes_page_lists_every_mistake_in_file_order_with_its_place_and_hint_escaped():
    errors = [ContentError("content/b/topic.yaml", 4, 2, "second <b>mistake</b>", "fix <i>it</i>"),
              ContentError("content/a/topic.yaml", 9, None, "first mistake")]
    page = BeautifulSoup(mistakes_page(errors, reload_after=1234), "html.parser")
    items = [item.get_text(" ", strip=True) for item in page.select("main ol li")]
    assert items == ["content/a/topic.yaml:9 first mistake",
                     "content/b/topic.yaml:4:2 second <b>mistake</b> Hint: fix <i>it</i>"]
    assert not page.select("main b, main i")  # shown as typed, never as markup
    assert page.html["lang"] == "en" and page.h1.get_text().endswith("2 content mistakes")
    assert "var builtAfter = 1234;" in page.script.string


def test_a_topic_files_warning_shows_on_that_topics_pages_and_a_pages_warning_on_that_page_only():
    word = content_warning(ContentError("content/liver/treatments/surgery.yaml", 3, 7, "'Quintessential' is "
                                        "not explained in the glossary"), "content")
    site_wide = content_warning(ContentError("content/site.yaml", 2, 1, "'Marvellous' is not explained"), "content")
    sentence = page_warning("liver/summary.md: this sentence has more than 25 words", "liver/summary.md")
    warnings = [word, site_wide, sentence]
    assert warnings_for("liver/treatments/surgery.md", warnings) == [word, site_wide]
    assert warnings_for("liver/summary.md", warnings) == [word, site_wide, sentence]
    assert warnings_for("other/index.md", warnings) == [site_wide]
    assert word.text.startswith("content/liver/treatments/surgery.yaml:3:7: warning: ")


def test_the_banner_is_a_labelled_note_and_escapes_the_warning_text():
    banner = BeautifulSoup(banner_html([page_warning("a <script> in a sentence", "index.md")]), "html.parser")
    note = banner.select_one(".editors-preview")
    assert note["role"] == "note" and "1 thing to fix" in note.get_text()
    assert not banner.select("script")
    assert banner_html([]) == ""


def test_a_notice_is_listed_apart_from_what_stops_the_build():
    """A notice (help for readers missing, a review due soon) does not stop `make build`: the banner says so."""
    blocking = page_warning("liver/summary.md: this sentence has more than 25 words", "index.md")
    notice = content_warning(ContentError("content/site.yaml", 5, 1, "readers are given no support lines"),
                             "content", blocking=False)
    banner = BeautifulSoup(banner_html([blocking, notice]), "html.parser").select_one(".editors-preview")
    text = " ".join(banner.get_text(" ").split())
    assert "1 thing to fix" in text and "Also to know ( make build does not stop on this):" in text
    assert [item.get_text() for item in banner.select("ul")[1].select("li")] == [
        "content/site.yaml:5:1: note: readers are given no support lines"]
    alone = BeautifulSoup(banner_html([notice]), "html.parser").select_one(".editors-preview")
    assert "to fix" not in alone.get_text() and "To know" in alone.get_text()
