"""Property: whatever text the content holds, the built site has the same elements and attributes.

Every text field the pages show (titles, names, questions, labels, caveats, explanations, the
site's own lines) is set to one random string of markup-like characters, the real site is built,
and each built HTML file is parsed: its elements and their attribute names must be exactly those
of the same site built with plain text. A string that became an element or an attribute anywhere,
in the hooks' templates or the theme's, would change them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import EXAMPLE_CONTENT, mkdocs_build

# Letters without vowels (no word here needs the glossary) and every character that means something in
# HTML, Markdown, YAML, JSON or a URL.
CHARACTERS = "xzk <>\"'&=/;:()[]{}!*_`|\\-.#@~^+%$?,\u00a0é"
PLAIN = "xzk"
# The fields shown on pages, by file: each value found there (or each item of a list) is replaced.
TEXT_FIELDS = {"title", "summary", "name", "question", "label", "text", "explanation", "questions", "publisher",
               "contact", "disclaimer"}
FILES = ["site.yaml", "glimmer-fever/topic.yaml", "glimmer-fever/factors.yaml", "glimmer-fever/treatments/*.yaml"]

texts = st.text(alphabet=CHARACTERS, min_size=1, max_size=24).filter(lambda text: text.strip())


def filled(data, text: str):
    """The data with every text field's value, or each item of it, replaced by `text`."""
    if isinstance(data, list):
        return [filled(item, text) for item in data]
    if not isinstance(data, dict):
        return data
    return {key: (_replaced(value, text) if key in TEXT_FIELDS else filled(value, text)) for key, value in data.items()}


def _replaced(value, text: str):
    if isinstance(value, list):
        return [text if isinstance(item, str) else filled(item, text) for item in value]
    return text if isinstance(value, str) else filled(value, text)


def content_with(text: str, folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    for pattern in FILES:
        for file in content.glob(pattern):
            data = yaml.safe_load(file.read_text("utf-8"))
            file.write_text(yaml.safe_dump(filled(data, text), allow_unicode=True, sort_keys=False), "utf-8")
    return content


# The content report lists the long sentences and hard pages it finds, so its lists grow with what the text
# says, not with its markup (its escaping is held by the hostile-content table, which checks every page).
VARIES_WITH_THE_TEXT = "editors/content-report/index.html"


def shape(site: Path) -> Counter:
    """Each page's elements with their attribute names, counted."""
    found = Counter()
    for page in site.rglob("*.html"):
        where = str(page.relative_to(site))
        if where == VARIES_WITH_THE_TEXT:
            continue
        for element in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all(True):
            found[(where, element.name, tuple(sorted(element.attrs)))] += 1
    return found


def built_shape(text: str) -> Counter:
    with tempfile.TemporaryDirectory() as folder:
        content = content_with(text, Path(folder))
        # Not strict: the glossary's and readability's warnings are not what this test is about.
        result = mkdocs_build(Path(folder) / "site", content, strict=False)
        assert result.returncode == 0, f"{text!r}:\n{result.stderr}"
        return shape(Path(folder) / "site")


@pytest.fixture(scope="module")
def plain_shape() -> Counter:
    return built_shape(PLAIN)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example(text='x" onclick="k')  # broke out of the theme's footer aria-label before the title was escaped for it
@example(text="<k>x</k> *x* [x](k)")
def test_random_text_in_every_field_adds_no_element_or_attribute(plain_shape, text):
    added = built_shape(text) - plain_shape
    assert not added, f"{text!r} added {sorted(added)[:5]}"
