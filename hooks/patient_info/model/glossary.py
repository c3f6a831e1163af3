"""The glossary: medical words defined once, and where they appear in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple


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


class TermMatch(NamedTuple):
    """A term's use in a text. A named tuple: pages make tens of thousands of these."""

    start: int
    end: int
    term: GlossaryTerm


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()
    everyday_words: frozenset[str] = frozenset()
    last_reviewed: date | None = None
    next_review_due: date | None = None

    def by_letter(self) -> list[tuple[str, list[GlossaryTerm]]]:
        """The terms in A to Z order, grouped by first letter: the glossary page's jump list and sections."""
        groups: dict[str, list[GlossaryTerm]] = {}
        for term in sorted(self.terms, key=lambda t: t.term.lower()):
            groups.setdefault(term.term[0].upper(), []).append(term)
        return list(groups.items())

    def term(self, term_id: str) -> GlossaryTerm:
        return next(term for term in self.terms if term.id == term_id)

    def find(self, text: str) -> list[TermMatch]:
        """Each use of a term in the text, longest first where terms overlap, left to right."""
        if not self.terms:
            return []
        return [TermMatch(m.start(), m.end(), self._by_spelling[m.group(0).lower()])
                for m in self._pattern.finditer(text)]

    def outside_terms(self, text: str) -> str:
        """The text with each use of a term replaced by a space: what the glossary does not explain."""
        return self._pattern.sub(" ", text) if self.terms else text

    def is_everyday(self, word: str) -> bool:
        word = word.lower()
        return word in self.everyday_words or any(word in plurals(everyday) for everyday in self.everyday_words)

    @cached_property
    def _by_spelling(self) -> dict[str, GlossaryTerm]:
        return {spelling: term for term in self.terms for spelling in term.spellings()}

    @cached_property
    def _pattern(self) -> re.Pattern:
        # Every page's text is searched twice, so the spellings share their common beginnings
        # (a trie): Python's regex engine tries each alternative in turn, and a flat list of
        # 40 spellings took three times as long.
        return re.compile(rf"(?<![\w-]){_alternatives(list(self._by_spelling))}(?![\w-])", re.IGNORECASE)


def _alternatives(spellings: list[str]) -> str:
    """A regex matching any of the spellings, the longest where one begins another
    ("stereotactic radiotherapy" wins over "stereotactic"), words separated by any whitespace."""
    trie: dict = {}
    for spelling in spellings:
        node = trie
        for piece in [r"\s+" if char == " " else re.escape(char) for char in " ".join(spelling.split())]:
            node = node.setdefault(piece, {})
        node[""] = {}  # a spelling ends here

    def branch(node: dict) -> str:
        # The end of a spelling is the last choice, so a longer spelling is tried first.
        choices = [piece + branch(child) for piece, child in node.items() if piece] + [""] * ("" in node)
        return choices[0] if len(choices) == 1 else f"(?:{'|'.join(choices)})"

    return branch(trie)


def plurals(word: str) -> tuple[str, ...]:
    """The regular plurals of a word or of a phrase's last word: therapy → therapies, tumour → tumours."""
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return (word[:-1] + "ies",)
    if word.endswith(("s", "x", "ch", "sh")):
        return (word + "es",)
    return (word + "s",)
