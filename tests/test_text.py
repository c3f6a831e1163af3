"""Escaping turns any text into Markdown that shows exactly that text."""

import re

import markdown
from bs4 import BeautifulSoup
import pytest

from patient_info.text import Markdown, anchor, css_string, escape


@pytest.mark.parametrize("text", [
    "Tom & Jerry",
    "<script>alert(1)</script>",
    "[a link](https://example.org)",
    "**bold** _it_ `code`",
    "1. not a list",
    "# not a heading",
    "- not a bullet",
    "{: #id .class }",
    "a | table | row",
    "back\\slash",
    "&amp; stays as typed",
])
def test_escaped_text_renders_as_the_same_text(text):
    html = markdown.markdown(escape(text), extensions=["tables", "attr_list", "admonition"])
    paragraph = BeautifulSoup(html, "html.parser")
    assert paragraph.get_text() == text
    assert paragraph.find_all(lambda tag: tag.name != "p") == []


def test_markdown_built_by_the_renderer_is_left_alone():
    assert escape(Markdown("[x](y.md)")) == "[x](y.md)"


def test_anchor_accepts_only_ids():
    assert anchor("primary-cancer") == "primary-cancer"
    with pytest.raises(ValueError):
        anchor("x } onclick")


@pytest.mark.parametrize("text", ['Liver: "summary"', "a</style><script>x()</script>", "back\\slash", "Café  & co"])
def test_css_string_lets_no_quote_backslash_or_tag_through_and_reads_back_as_the_text(text):
    inside = str(css_string(text))
    assert set(inside) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \\")
    unescaped = re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m.group(1), 16)), inside)
    assert unescaped == " ".join(text.split())
