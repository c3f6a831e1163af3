"""How hard a page is to read: reading ease, grade level and long sentences.

Scores come from textstat on the page's main text. Glossary terms count as easy words: a
reader who meets "chemotherapy" has its definition one link away, so the scores judge the
writing around the terms, not the unavoidable names of treatments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from .glossary import Glossary

LONG_SENTENCE_WORDS = 20  # the NHS content guide's limit: listed in the report
TOO_LONG_SENTENCE_WORDS = 25  # a warning from the build
EASY_WORD = "term"  # stands in for each word of a glossary term when scoring

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z])")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog_index: float
    long_sentences: tuple[Sentence, ...]  # those over LONG_SENTENCE_WORDS words


def measure(blocks: list[str], glossary: Glossary) -> Readability:
    """Scores for text given as blocks (headings, paragraphs, list items, cells), each ending a sentence."""
    found = [Sentence(text, len(_WORD.findall(text))) for block in blocks for text in split_sentences(block)]
    found = [sentence for sentence in found if sentence.words]
    scored = " ".join(_terms_as_easy_words(sentence.text, glossary) for sentence in found)
    return Readability(
        words=sum(sentence.words for sentence in found),
        sentences=len(found),
        flesch_reading_ease=round(textstat.flesch_reading_ease(scored), 1) if found else 0.0,
        flesch_kincaid_grade=round(textstat.flesch_kincaid_grade(scored), 1) if found else 0.0,
        smog_index=round(textstat.smog_index(scored), 1) if found else 0.0,
        long_sentences=tuple(sentence for sentence in found if sentence.words > LONG_SENTENCE_WORDS),
    )


def split_sentences(block: str) -> list[str]:
    """A block's sentences. A block without an end mark (a heading, a list item) is one sentence."""
    if not re.search(r"[.!?]$", block):
        block = block.rstrip(":;,") + "."
    return [sentence for sentence in _SENTENCE_END.split(block) if sentence]


def _terms_as_easy_words(text: str, glossary: Glossary) -> str:
    parts, position = [], 0
    for match in glossary.find(text):
        words = len(text[match.start:match.end].split())
        parts += [text[position:match.start], " ".join([EASY_WORD] * words)]
        position = match.end
    return "".join(parts) + text[position:]
