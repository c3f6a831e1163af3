"""The site's own words come from one catalogue per language: English as written in the code and templates,
a translation as wording/<language>.po. The catalogue translators start from is kept current, and a
translation changes every word of the site's own and its dates, with no change to the code."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import EXAMPLE_CONTENT, ROOT, plan_for
from patient_info import wording as wording_module
from patient_info.wording import HEDGES, Wording, wording

MESSAGES = ROOT / "hooks" / "patient_info" / "wording" / "messages.pot"
KEYWORDS = re.search(r"^WORDING_KEYWORDS := (.*)$", (ROOT / "Makefile").read_text("utf-8"), re.M).group(1).split()


def messages(pot: Path) -> set[str]:
    with pot.open("rb") as stream:
        return {message.id for message in read_po(stream) if message.id}


def test_the_catalogue_lists_every_string_the_code_and_templates_mark(tmp_path):
    extracted = tmp_path / "messages.pot"
    result = subprocess.run([str(Path(sys.executable).with_name("pybabel")), "extract", *KEYWORDS, "-F", "babel.cfg",
                             "--no-location", "--sort-output", "--omit-header", "-o", str(extracted), "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert messages(extracted) == messages(MESSAGES), "run 'make wording' and commit messages.pot"


def test_every_likelihoods_words_are_in_the_catalogue():
    assert {words for words in HEDGES.values() if words} <= messages(MESSAGES)


@pytest.fixture
def pseudo_welsh(tmp_path, monkeypatch):
    """A made-up 'cy' catalogue: every message of messages.pot, marked ⟦ ⟧, so that each one shows where it is used."""
    with MESSAGES.open("rb") as stream:
        catalogue = read_po(stream)
    lines = []
    for message in catalogue:
        if message.id:
            lines += [f"msgid {_po(message.id)}", f"msgstr {_po('⟦' + message.id + '⟧')}", ""]
    po = tmp_path / "cy.po"
    po.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr(wording_module, "catalogue_file", lambda language: po if language == "cy" else Path("none"))
    wording.cache_clear()
    yield
    wording.cache_clear()


def _po(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def test_a_translation_changes_the_sites_words_and_dates(pseudo_welsh):
    words = wording("cy")
    assert words("Glossary") == "⟦Glossary⟧"
    assert words("{topic}: treatment overview", topic="Twymyn") == "⟦Twymyn: treatment overview⟧"
    assert words.date(date(2026, 12, 7)) == "7 Rhagfyr 2026"
    assert words.hedge("usually-only") == "⟦usually only⟧"


def test_a_site_in_another_language_is_built_from_the_same_code(pseudo_welsh, example_copy):
    settings = example_copy / "site.yaml"
    settings.write_text(settings.read_text("utf-8") + "language: cy\n", "utf-8")
    plan = plan_for(example_copy, judge_text=False)
    overview = next(page for page in plan.pages if page.src_uri == "glimmer-fever/index.md")
    assert overview.title == "⟦Glimmer fever: treatment overview⟧"
    assert "⟦The treatment you have depends on:⟧" in overview.markdown
    assert "Ionawr 2026" in overview.markdown  # the review date, in Welsh


def test_a_language_without_its_catalogue_is_a_mistake_at_its_line(example_copy):
    settings = example_copy / "site.yaml"
    text = settings.read_text("utf-8") + "language: fr\n"
    settings.write_text(text, "utf-8")
    errors = plan_for(example_copy).errors
    line = text.splitlines().index("language: fr") + 1
    assert any(e.line == line and "no wording for the language 'fr'" in e.message for e in errors), errors


def test_english_is_the_source_language_and_needs_no_catalogue():
    assert wording("en") == Wording("en")
    assert wording("en")("Glossary") == "Glossary"


# A few words each site-wide page says, marked in its template: in the made-up catalogue each shows marked.
SITE_WIDE_WORDS = {
    "index.md": ["## ⟦Topics⟧", "## ⟦About this information⟧", "⟦It is published by "],
    "about.md": ["## ⟦How it is written⟧", "⟦Next check due: ", "## ⟦What it does not cover⟧", "## ⟦How it is checked⟧"],
    "glossary.md": ["⟦What the medical words on this site mean", 'aria-label="⟦⟦Glossary⟧ from A to Z⟧"'],
    "for-clinics.md": ["## ⟦Setting up a record system⟧ { #setting-up-a-record-system }", "⟦Part of the request⟧",
                       "⟦Copy address⟧", "⟦This page is for clinics and care teams"],
    "for-clinics/glimmer-fever.md": ["## ⟦Review status⟧", "⟦Copy link⟧", "⟦QR code (SVG)⟧", "## ⟦Diagnosis codes⟧"],
    "link/index.md": ["## ⟦Every diagnosis code⟧", "⟦For clinics: "],
}


@pytest.mark.parametrize("src_uri", SITE_WIDE_WORDS)
def test_the_site_wide_pages_and_the_pages_for_clinics_say_their_words_in_the_sites_language(
        pseudo_welsh, example_copy, src_uri):
    settings = example_copy / "site.yaml"
    settings.write_text(settings.read_text("utf-8") + "language: cy\n", "utf-8")
    plan = plan_for(example_copy, judge_text=False)
    page = next(page for page in plan.pages if page.src_uri == src_uri)
    missing = [words for words in SITE_WIDE_WORDS[src_uri] if words not in page.markdown]
    assert not missing, page.markdown
