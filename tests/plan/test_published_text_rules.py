"""The rules of the published-text judge, case by case and without a site: which sentence is too long and which page
too hard (each limit at and one past its value), which content value a sentence is reported at, what the message
and hint say, how one sentence on many pages is named, and the Markdown read as MkDocs reads it (issue 28:
mutation testing found these unpinned)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from patient_info.built_pages.readability import Readability, Sentence
from patient_info.plan import published_text
from patient_info.plan.published_text import (MAX_GRADE, MAX_SMOG, SourceFiles, _cut, _on_pages,
                                              _without_front_matter, page_html, text_problems)
from patient_info.sentences import TOO_LONG_SENTENCE_WORDS

TEMPLATES = "hooks/patient_info/pages/templates"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Files are named as an editor types them, relative to where the command runs: here, the content folder."""
    monkeypatch.chdir(tmp_path)


def content(tmp_path: Path, site: str = "title: A site\n", topic: str = "title: A topic\n") -> Path:
    (tmp_path / "topic").mkdir()
    (tmp_path / "site.yaml").write_text(site, "utf-8")
    (tmp_path / "topic" / "topic.yaml").write_text(topic, "utf-8")
    return tmp_path


def figure(*sentences: Sentence, grade: float = 5.0, smog: float = 8.0) -> Readability:
    return Readability(words=100, sentences=10, flesch_reading_ease=70.0, flesch_kincaid_grade=grade,
                       smog_index=smog, long_sentences=tuple(sentences))


def sentence(words: int, text: str | None = None) -> Sentence:
    return Sentence(text or " ".join(["word"] * (words - 1) + ["end."]), words)


# Which sentences and pages are problems --------------------------------------------------------------------------

@pytest.mark.parametrize("words, reported", [(TOO_LONG_SENTENCE_WORDS, False), (TOO_LONG_SENTENCE_WORDS + 1, True)])
def test_a_sentence_is_too_long_one_word_past_the_limit(tmp_path, words, reported):
    page = SimpleNamespace(src_uri="topic/index.md", title="A topic")
    problems = text_problems({page.src_uri: figure(sentence(words))}, [page], SourceFiles(content(tmp_path)))
    assert [p.error.message for p in problems] == ([
        f"on the page /topic/, this sentence has {words} words, more than {TOO_LONG_SENTENCE_WORDS}: "
        f"\"{sentence(words).text}\""] if reported else [])
    assert [p.pages for p in problems] == ([("topic/index.md",)] if reported else [])


@pytest.mark.parametrize("grade, smog, reported", [
    (MAX_GRADE, MAX_SMOG, False), (MAX_GRADE + 0.1, MAX_SMOG, True), (MAX_GRADE, MAX_SMOG + 0.1, True)])
def test_a_page_is_too_hard_one_step_past_either_limit(tmp_path, grade, smog, reported):
    page = SimpleNamespace(src_uri="topic/index.md", title="A topic")
    problems = text_problems({page.src_uri: figure(grade=grade, smog=smog)}, [page], SourceFiles(content(tmp_path)))
    assert [(p.pages, p.error.message) for p in problems] == ([(
        ("topic/index.md",), f"the page /topic/ (\"A topic\") is too hard to read: grade {grade} (at most {MAX_GRADE}), "
                             f"SMOG {smog} (at most {MAX_SMOG})")] if reported else [])


def test_two_different_sentences_on_a_page_are_two_problems(tmp_path):
    page = SimpleNamespace(src_uri="topic/index.md", title="A topic")
    long = TOO_LONG_SENTENCE_WORDS + 1
    figures = {page.src_uri: figure(sentence(long, "One " * long), sentence(long, "Two " * long))}
    assert len(text_problems(figures, [page], SourceFiles(content(tmp_path)))) == 2


# One sentence on many pages --------------------------------------------------------------------------------------

def on(*pages: str) -> str:
    error = published_text.ContentError("topic/topic.yaml", 2, 8, f"on the page /{pages[0]}/, this sentence is long")
    return _on_pages(error, [f"{page}/index.md" for page in pages]).message


def test_a_sentence_on_one_page_names_that_page():
    assert on("a") == "on the page /a/, this sentence is long"


def test_a_sentence_on_many_pages_names_three_and_counts_the_rest():
    assert on("a", "b") == "on 2 pages (/a/, /b/), this sentence is long"
    assert on("a", "b", "c") == "on 3 pages (/a/, /b/, /c/), this sentence is long"
    assert on("a", "b", "c", "d") == "on 4 pages (/a/, /b/, /c/ and 1 more), this sentence is long"
    assert on("a", "b", "c", "d", "e") == "on 5 pages (/a/, /b/, /c/ and 2 more), this sentence is long"


# Where a sentence is reported ------------------------------------------------------------------------------------

def test_a_sentence_no_value_makes_is_the_templates_and_is_cut_after_200_characters(tmp_path):
    sources = SourceFiles(content(tmp_path))
    for text, shown in (("a" * 200, "a" * 200), ("a" * 201, "a" * 200 + "…")):
        error = sources.sentence_error("topic/index.md", text, 30)
        assert error == published_text.ContentError(
            f"{TEMPLATES} (topic/index.md)", None, None,
            f"on the page /topic/, this sentence has 30 words, more than {TOO_LONG_SENTENCE_WORDS}: \"{shown}\"",
            "the site's own wording makes this sentence: shorten the template's words")
    assert _cut("b" * 201) == "b" * 200 + "…"


@pytest.mark.parametrize("sentence_text", ["A value that holds the whole sentence.", "A value that holds the whole sentence",
                                           "a VALUE that holds  the whole sentence!"])
def test_a_sentence_a_value_holds_whole_is_left_to_the_content_check(tmp_path, sentence_text):
    sources = SourceFiles(content(tmp_path, topic="title: A value that holds the whole sentence\n"))
    assert sources.sentence_error("topic/index.md", sentence_text, 30) is None


@pytest.mark.parametrize("value, reported", [("a b", False), ("abcd", True), ("Abcd efg.", True)])
def test_a_value_of_more_than_three_characters_in_the_sentence_is_where_it_is_reported(tmp_path, value, reported):
    sources = SourceFiles(content(tmp_path, topic=f"title: A topic\nname: {value}\n"))
    error = sources.sentence_error("topic/index.md", f"Read about {value.rstrip('.')} in the words of this site.", 30)
    assert (error.file, error.line, error.column, error.hint) == (
        ("topic/topic.yaml", 2, 7, "this value is part of the sentence, with the site's own words around it: "
                                   "shorten the value") if reported else
        (f"{TEMPLATES} (topic/index.md)", None, None,
         "the site's own wording makes this sentence: shorten the template's words"))


def test_of_the_values_in_a_sentence_the_longest_is_reported_and_the_first_of_equals(tmp_path):
    sources = SourceFiles(content(tmp_path, topic="title: A topic\nfirst: Alpha one\nsecond: Gamma two\n"
                                                   "third: Gamma two three\n"))
    assert sources.sentence_error("topic/index.md", "Alpha one and Gamma two three are here.", 30).line == 4
    assert sources.sentence_error("topic/index.md", "Alpha one and Gamma two are here.", 30).line == 2


def test_each_page_reads_its_own_topics_files_and_the_sites(tmp_path):
    folder = content(tmp_path, site="title: A site\npublisher: The publisher of it\n",
                     topic="title: A topic\nname: The name of the topic\n")
    sources = SourceFiles(folder)
    site_page = sources.sentence_error("index.md", "Made by The publisher of it and the site's words.", 30)
    topic_page = sources.sentence_error("topic/index.md", "Read about The name of the topic and more words.", 30)
    assert (site_page.file, site_page.line) == ("site.yaml", 2)
    assert (topic_page.file, topic_page.line) == ("topic/topic.yaml", 2)


def test_a_page_too_hard_is_reported_at_its_longest_sentences_value(tmp_path):
    sources = SourceFiles(content(tmp_path, topic="title: A topic\nshort: A short value here\n"
                                                   "long: A much longer value that is here\n"))
    hard = figure(sentence(27, "Read A short value here with words."), sentence(30, "A much longer value that is here."),
                  sentence(26, "Other words."), grade=12.0)
    error = sources.level_error("topic/index.md", "A topic", hard)
    assert (error.file, error.line, error.hint) == (
        "topic/topic.yaml", 3, "shorter sentences and shorter words bring it down; this is its longest sentence")
    assert error.message == (f"the page /topic/ (\"A topic\") is too hard to read: grade 12.0 (at most {MAX_GRADE}), "
                             f"SMOG 8.0 (at most {MAX_SMOG})")


def test_a_page_too_hard_without_a_value_to_name_is_reported_at_its_first_file(tmp_path):
    sources = SourceFiles(content(tmp_path))
    for hard in (figure(grade=12.0), figure(sentence(30, "Words of the site only, long."), grade=12.0)):
        error = sources.level_error("topic/index.md", "A topic", hard)
        assert (error.file, error.line, error.column, error.hint) == (
            "topic/topic.yaml", None, None, "shorter sentences and shorter words bring it down")
    alone = SourceFiles(tmp_path, site_files=()).level_error("index.md", "Home", figure(grade=12.0))
    assert (alone.file, alone.line) == (".", None)


# The Markdown, read as MkDocs reads it ---------------------------------------------------------------------------

def test_front_matter_is_left_out_and_only_front_matter():
    assert _without_front_matter("---\ntitle: A\n---\nText\n\n---\n\nMore\n") == "Text\n\n---\n\nMore\n"
    assert _without_front_matter("---\nno end of front matter\n") == "---\nno end of front matter\n"
    assert _without_front_matter("Text\n---\nMore\n") == "Text\n---\nMore\n"


def test_pages_are_converted_with_the_extensions_mkdocs_uses(monkeypatch):
    monkeypatch.setattr(published_text, "_CONVERTER", [])  # made afresh, as on the first page of a run
    html = page_html("---\ntitle: A\n---\n# Heading\n\n!!! note\n    Noted.\n\n| a |\n|---|\n| b |\n\nText\n{: .kept }\n")
    assert '<h1 id="heading">Heading</h1>' in html  # toc, without a permalink
    assert '<div class="admonition note">' in html and "<table>" in html and '<p class="kept">Text</p>' in html
    assert page_html("Again") == "<p>Again</p>"  # the same converter, reset between pages
