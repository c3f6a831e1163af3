"""The words the site says itself, in the site's language: one catalogue per language.

Every reader-facing string that is not content (titles, labels, notices, the handout's words, the
scripts' few strings, the hedging words a likelihood stands for, dates) is written in English in
the code and templates, marked with `_()` (or `N_()` where it is only named), and looked up here.
English is the source language; a translation is a gettext catalogue, `<language>.po` in this
folder, read with Babel (no compiled files). `messages.pot` lists every string to translate and
is kept current by `make wording` (a test fails when it is not).

Strings take named values in braces: `_("Back to the {topic} treatment overview", topic=...)`.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Callable

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.messages.pofile import read_po

SOURCE_LANGUAGE = "en"
CATALOGUE_FOLDER = "wording"


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; `_()` looks it up where it is shown."""
    return message


# What each likelihood stands for: the words a statement's text must use, and the source's quote too.
# "stated" has none: the source states it without hedging.
HEDGES = {
    "most-common": N_("most common"),
    "usually": N_("usually"),
    "usually-only": N_("usually only"),
    "most-commonly": N_("most commonly"),
    "sometimes": N_("sometimes"),
    "may-sometimes": N_("may sometimes"),
    "may": N_("may"),
    "a-small-number": N_("a small number"),
    "occasionally": N_("occasionally"),
    "can": N_("can"),
    "may-not": N_("may not"),
    "not-usually": N_("not usually"),
    "stated": "",
}


@dataclass(frozen=True)
class Wording:
    """The site's own words in one language."""

    language: str
    messages: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __call__(self, message: str, /, **values: object) -> str:
        """The message in this language, with its {named} values filled in: plain text."""
        return self.translate(message).format(**values) if values else self.translate(message)

    def translate(self, message: str) -> str:
        return self.messages.get(message) or message

    def compose(self, message: str, escape: Callable[[object], str], **values: object) -> str:
        """The message with its own words and its values each passed through `escape` (a value that is
        already markup passes unchanged): for templates, whose values come from content."""
        parts = []
        for literal, name in _parsed(self.translate(message)):
            parts.append(escape(literal))
            if name is not None:
                parts.append(escape(values[name]))
        return "".join(parts)

    def hedge(self, likelihood: str) -> str:
        """The words a likelihood stands for in this language ("" for stated)."""
        words = HEDGES[likelihood]
        return self.translate(words) if words else ""

    def date(self, value: date) -> str:
        """A date as readers write it: 7 December 2026."""
        return _written_date(value, self.language)


# Every page of a topic says the same few messages and dates: each is worked out once (a large site has
# tens of thousands of pages).
@cache
def _parsed(text: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(text))


@cache
def _written_date(value: date, language: str) -> str:
    return _babel_date(value, format="d MMMM y", locale=Locale.parse(language))


def catalogue_file(language: str):
    """Where a language's translations are: wording/<language>.po in the package."""
    return resources.files("patient_info").joinpath(CATALOGUE_FOLDER, f"{language}.po")


def has_wording(language: str) -> bool:
    return language == SOURCE_LANGUAGE or catalogue_file(language).is_file()


@cache
def wording(language: str = SOURCE_LANGUAGE) -> Wording:
    """The wording for a language: English as written, or the translations in `<language>.po`."""
    if language == SOURCE_LANGUAGE:
        return Wording(language)
    catalogue = catalogue_file(language)
    if not catalogue.is_file():
        raise LookupError(f"there is no wording for the language '{language}' (no {CATALOGUE_FOLDER}/{language}.po)")
    with catalogue.open("rb") as stream:
        po = read_po(stream, locale=language)
    return Wording(language, {message.id: message.string for message in po if message.id and message.string
                              and isinstance(message.id, str)})
