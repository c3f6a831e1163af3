"""The glossary: medical words defined once, and where they appear in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    basis: str  # "source": defined by the topic's source text; "dictionary": a general meaning
    forms: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Every way the term is written in text: the term, its listed forms and their plurals."""
        found = []
        for written in (self.term, *self.forms):
            found += [written, *plurals(written)]
        return tuple(dict.fromkeys(spelling.lower() for spelling in found))


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: GlossaryTerm


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()
    everyday_words: frozenset[str] = frozenset()

    def term(self, term_id: str) -> GlossaryTerm:
        return next(term for term in self.terms if term.id == term_id)

    def find(self, text: str) -> list[TermMatch]:
        """Each use of a term in the text, longest first where terms overlap, left to right."""
        if not self.terms:
            return []
        return [TermMatch(m.start(), m.end(), self._by_spelling[m.group(0).lower()])
                for m in self._pattern.finditer(text)]

    def is_everyday(self, word: str) -> bool:
        word = word.lower()
        return word in self.everyday_words or any(word in plurals(everyday) for everyday in self.everyday_words)

    @cached_property
    def _by_spelling(self) -> dict[str, GlossaryTerm]:
        return {spelling: term for term in self.terms for spelling in term.spellings()}

    @cached_property
    def _pattern(self) -> re.Pattern:
        # Longest spellings first, so "stereotactic radiotherapy" wins over "radiotherapy".
        spellings = sorted(self._by_spelling, key=len, reverse=True)
        words = "|".join(r"\s+".join(map(re.escape, spelling.split())) for spelling in spellings)
        return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def plurals(word: str) -> tuple[str, ...]:
    """The regular plurals of a word or of a phrase's last word: therapy → therapies, tumour → tumours."""
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)
