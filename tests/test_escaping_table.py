"""Escaping, character by character: every character Markdown would act on is shown as itself, its backslash
kept, and no value starts a new line. Pure tables on patient_info.text (no build); issue 28's mutation run
found these unpinned."""

import markdown
import pytest
from bs4 import BeautifulSoup

from patient_info.text import anchor, css_string, escape, escape_inline, html_text

MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
EXTENSIONS = ["tables", "attr_list", "admonition"]


def rendered(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize("character", MARKDOWN_SPECIAL)
@pytest.mark.parametrize("escaper", [escape, escape_inline], ids=["escape", "escape_inline"])
def test_each_markdown_character_gets_a_backslash(escaper, character):
    assert str(escaper(f"a{character}b")) == f"a\\{character}b"


@pytest.mark.parametrize("character, entity", [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")])
@pytest.mark.parametrize("escaper", [escape, escape_inline], ids=["escape", "escape_inline"])
def test_each_html_character_becomes_an_entity(escaper, character, entity):
    assert str(escaper(f"a{character}b")) == f"a{entity}b"


@pytest.mark.parametrize("text", [
    "**loud**", "__loud__", "`code`", "[link](https://example.org)", "![image](x.png)", "a | b\n--- | ---",
    "# heading", "+ item", "- item", "1. item", "{: .class }", "Heading\n===", "Heading\n---", "a  \nb",
])
def test_text_with_markdown_renders_as_one_paragraph_of_the_same_text(text):
    page = rendered(escape(text))
    assert [tag.name for tag in page.find_all(True)] == ["p"]
    assert page.get_text() == " ".join(text.split())


@pytest.mark.parametrize("text", ["one\ntwo", "one\r\ntwo", "one\n\ntwo", "one\n===", "one\n    indented code"])
@pytest.mark.parametrize("escaper", [escape, escape_inline, html_text], ids=["escape", "escape_inline", "html_text"])
def test_no_escaped_value_keeps_a_line_break(escaper, text):
    assert "\n" not in str(escaper(text))


def test_escape_inline_keeps_the_spaces_around_a_part_of_a_sentence():
    assert escape_inline(" and *more* ") == " and \\*more\\* "


@pytest.mark.parametrize("character, entity", [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                                               ("'", "&#x27;")])
def test_html_text_escapes_every_character_that_could_end_an_attribute_or_open_a_tag(character, entity):
    assert str(html_text(f"a{character}b")) == f"a{entity}b"


@pytest.mark.parametrize("text", ['He said "maybe".', "the team's doctors", "one\ntwo"])
@pytest.mark.parametrize("escaper", [escape, escape_inline], ids=["escape", "escape_inline"])
def test_quote_marks_stay_as_typed_and_a_line_break_becomes_one_space(escaper, text):
    # Markdown shows quote marks as they are; an entity would reach the page's plain-text uses as "&quot;".
    assert str(escaper(text)) == text.replace("\n", " ").replace(".", "\\.")


def test_anchor_names_the_value_it_refuses():
    with pytest.raises(ValueError, match=r"^not a valid id: 'x \} onclick'$"):
        anchor("x } onclick")


def test_css_string_keeps_ascii_letters_and_digits_and_escapes_the_rest():
    assert str(css_string("Liver 2é")) == "Liver\\000020 2\\0000e9 "
