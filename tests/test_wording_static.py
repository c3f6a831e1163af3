"""Every word a reader sees in a template goes through the wording catalogue, so that a translation
(wording/<language>.po) changes it with no change to the templates. Read from the templates themselves, without
a build: each template is lexed and parsed with Jinja, and a word written outside `_("...")`, `wording("...")`
(and `N_()` in Python) fails here with its file and line.

What is read:
- the text between the template's tags (Jinja's template data), after taking out what is not words for readers:
  HTML tags (but not the words of the attributes readers hear or see: alt, title, aria-label, placeholder,
  aria-description), HTML comments, <script> and <style> elements, HTML entities, and Markdown attribute lists
  and heading ids (`{: .review-dates }`, `{ #treatments }`);
- the strings written inside `{{ ... }}` and `{% ... %}`: a string of words (two words with a space between them)
  outside `_()`/`wording()`/`code()`, or a single word given as a link's text (`link("...", ...)`), is prose that
  should have been marked.

Left in English on purpose: the pages for the team that writes the content (the content report, the field
reference, the statements report, the preview's banner and its list of mistakes). They are for editors, not
readers, and are listed in EDITORS_TEMPLATES. `code("...")` holds names from our own schemas and addresses
(`mainSearchCriteria.v.c`), which are the same in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "patient_info"
OVERRIDES = ROOT / "docs" / "overrides"

# The editors' pages: English only, for the team that writes content (see the module's docstring and README).
EDITORS_TEMPLATES = {
    "built_pages/templates/content-report.html.j2",
    "built_pages/templates/preview-banner.html.j2",
    "built_pages/templates/preview-mistakes.html.j2",
    "pages/templates/content-report.md.j2",
    "pages/templates/field-reference.md.j2",
    "pages/templates/statements-report.md.j2",
}
# The calls whose strings are the site's words (looked up in the catalogue) or code (the same in every language).
WORDING_CALLS = {"_", "wording", "N_"}
CODE_CALLS = {"code"}
# Helpers whose first argument (or `text=`) is the text of a link readers see.
LINK_TEXT_CALLS = {"link", "link_out", "here", "file_link", "link_to"}
# A link's text that is a file's name, not words (links.json).
FILE_NAME = re.compile(r"^[\w.-]+\.[a-z]{2,4}$")
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-description", "aria-roledescription")

EXPRESSION = "\x00"  # stands for what Jinja prints or runs, between two pieces of template data
LETTERS = re.compile(r"[^\W\d_]{2,}")
PROSE = re.compile(r"[^\W\d_]{2,}[ ,;:]+[^\W\d_]{2,}")


def reader_facing_templates() -> list[Path]:
    templates = sorted(PACKAGE.rglob("*.j2")) + sorted(OVERRIDES.rglob("*.html"))
    return [path for path in templates if _name(path) not in EDITORS_TEMPLATES]


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE if path.is_relative_to(PACKAGE) else ROOT))


ENVIRONMENT = jinja2.Environment()


def template_text(source: str) -> str:
    """The template's data with every tag, expression and comment replaced by EXPRESSION, its lines kept."""
    parts, line = [], 1
    for lineno, kind, value in ENVIRONMENT.lex(source):
        if lineno > line:  # the newlines inside comments, tags and expressions (and any their `-` took away)
            parts.append("\n" * (lineno - line))
            line = lineno
        if kind == "data":
            parts.append(value)
            line += value.count("\n")
        elif not parts or parts[-1] != EXPRESSION:
            parts.append(EXPRESSION)
    return "".join(parts)


def _blank(match: re.Match) -> str:
    """What was taken out, as spaces and its newlines, so that line numbers stay."""
    return re.sub(r"[^\n]", " ", match.group(0))


def words_outside_the_catalogue(source: str) -> list[tuple[int, str]]:
    """(line, text) for every piece of template data that has words in it."""
    text = template_text(source)
    for pattern in (r"<!--.*?-->", r"<script\b.*?</script>", r"<style\b.*?</style>", r"&#?\w+;"):
        text = re.sub(pattern, _blank, text, flags=re.S | re.I)
    found = []
    for tag in re.finditer(r"<[^>]*>", text, flags=re.S):
        for attribute in re.finditer(r"\b(%s)=\"([^\"]*)\"" % "|".join(READ_ATTRIBUTES), tag.group(0)):
            if LETTERS.search(attribute.group(2)):
                shown = attribute.group(0).replace(EXPRESSION, "{{…}}")
                found.append((text.count("\n", 0, tag.start()) + 1, shown))
    text = re.sub(r"<[^>]*>", _blank, text, flags=re.S)
    # Markdown attribute lists and heading ids: `{: .class }`, `{ #id }`, an id made of an expression and text.
    text = re.sub(r"\{:?\s*[#.][^{}\n]*\}", _blank, text)
    for number, line in enumerate(text.splitlines(), start=1):
        if LETTERS.search(line):
            found.append((number, line.replace(EXPRESSION, "{{…}}").strip()))
    return found


def strings_outside_the_catalogue(source: str) -> list[tuple[int, str]]:
    """(line, string) for prose written as a string inside an expression, not marked for the catalogue."""
    found: list[tuple[int, str]] = []
    _walk(ENVIRONMENT.parse(source), found)
    return sorted(set(found))


def _walk(node: nodes.Node, found: list, *, marked: bool = False) -> None:
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        marked = marked or node.node.name in WORDING_CALLS | CODE_CALLS
        if not marked and node.node.name in LINK_TEXT_CALLS:
            texts = node.args[:1] + [kwarg.value for kwarg in node.kwargs if kwarg.key == "text"]
            if node.node.name == "link_to":
                texts = [kwarg.value for kwarg in node.kwargs if kwarg.key == "text"]
            for text in texts:
                if (isinstance(text, nodes.Const) and isinstance(text.value, str) and LETTERS.search(text.value)
                        and not FILE_NAME.match(text.value)):
                    found.append((text.lineno, text.value))
    if isinstance(node, nodes.Const) and isinstance(node.value, str) and not marked and PROSE.search(node.value):
        found.append((node.lineno, node.value))
    for child in node.iter_child_nodes():
        _walk(child, found, marked=marked)


@pytest.mark.parametrize("template", reader_facing_templates(), ids=_name)
def test_a_reader_facing_template_says_its_words_through_the_catalogue(template):
    source = template.read_text("utf-8")
    literal = words_outside_the_catalogue(source) + strings_outside_the_catalogue(source)
    assert not literal, (f"{_name(template)} has words outside _(\"...\")/wording(\"...\"), so a translation cannot "
                         "change them: " + "; ".join(f"line {line}: {text!r}" for line, text in literal))


def test_the_editors_templates_it_leaves_in_english_exist():
    templates = {_name(path) for path in sorted(PACKAGE.rglob("*.j2"))}
    assert EDITORS_TEMPLATES <= templates


@pytest.mark.parametrize("template, literal", [
    ('<p>Print this page</p>', "Print this page"),
    ('## Topics\n', "## Topics"),
    ('<nav aria-label="{{ label }} from A to Z"></nav>', 'aria-label="{{…}} from A to Z"'),
    ('<img alt="QR code" src="x.svg">', 'alt="QR code"'),
    ('{{ link("how to set up a record system", target) }}', "how to set up a record system"),
    ('{{ link("Glossary", target) }}', "Glossary"),
    ('{% set subject = "Feedback: about " ~ title %}', "Feedback: about "),
])
def test_the_check_finds_words_written_outside_the_catalogue(template, literal):
    found = words_outside_the_catalogue(template) + strings_outside_the_catalogue(template)
    assert [text for _line, text in found] == [literal]


@pytest.mark.parametrize("template", [
    '<p>{{ _("Print this page") }}</p>',
    '## {{ _("Topics") }} { #topics }\n',
    '## {{ letter }} { #letter-{{ letter|lower }} }\n',
    '{: .review-dates }\n',
    '<nav aria-label="{{ wording("{list} from A to Z", list=label)|h }}"></nav>',
    '<div class="link-card" id="{{ id }}" data-copy-target="x-url"></div>',
    '{{ link(_("linking to this information"), target) }} {{ link("links.json", index) }}',
    '| {{ code("link/?mainSearchCriteria.v.c=<code>&mainSearchCriteria.v.cs=<code system>") }} |',
    '<script>var words = "not read here";</script>&nbsp;<!-- a comment for us -->',
    '{# a comment for us #}',
])
def test_the_check_lets_marked_words_code_and_ids_pass(template):
    assert words_outside_the_catalogue(template) + strings_outside_the_catalogue(template) == []
