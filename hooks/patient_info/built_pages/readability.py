"""How hard a page is to read: reading ease, grade level and long sentences.

Scores are textstat's, on the page's main text. Glossary terms count as easy words: a
reader who meets "chemotherapy" has its definition one link away, so the scores judge the
writing around the terms, not the unavoidable names of treatments.

textstat's own score functions look up every word's syllables again for each score and
each page (1 ms a page; 30 s of a 1,000-topic build). Here textstat counts the sentences,
the text is split into words and each distinct word's syllables are counted once per build
(as textstat does both, see syllables.py), the three published formulas are applied to those
counts, and a test holds the results to textstat's.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import textstat

from ..model.glossary import Glossary
from ..sentences import LONG_SENTENCE_WORDS, split_sentences, word_count
from ..syllables import syllable_count, words as words_of

EASY_WORD = "term"  # stands in for each word of a glossary term when scoring



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
    found = [(text, words) for block in blocks for text in split_sentences(block)
             if (words := word_count(text))]
    # Every sentence ends with . ! or ?, so no term runs from one sentence into the next: one search does.
    figures = scores(_terms_as_easy_words(" ".join(text for text, _ in found), glossary))
    return Readability(
        words=sum(words for _, words in found),
        sentences=len(found),
        flesch_reading_ease=round(figures.flesch_reading_ease, 1),
        flesch_kincaid_grade=round(figures.flesch_kincaid_grade, 1),
        smog_index=round(figures.smog_index, 1),
        long_sentences=tuple(Sentence(text, words) for text, words in found if words > LONG_SENTENCE_WORDS),
    )


@dataclass(frozen=True)
class Scores:
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog_index: float


def scores(text: str) -> Scores:
    """textstat's Flesch reading ease, Flesch-Kincaid grade and SMOG index of the text, unrounded."""
    words = words_of(text)
    sentences = textstat.sentence_count(text)
    if not words or not sentences:
        return Scores(0.0, 0.0, 0.0)
    # A page uses each word many times: count syllables per distinct word.
    uses = Counter(map(str.lower, words))
    syllables = polysyllables = 0
    for word, times in uses.items():
        count = syllable_count(word)
        syllables += count * times
        polysyllables += times if count >= 3 else 0
    words_per_sentence = len(words) / sentences
    syllables_per_word = syllables / len(words)
    if not syllables_per_word:
        return Scores(0.0, 0.0, 1.043 * math.sqrt(30 * polysyllables / sentences) + 3.1291)
    return Scores(
        flesch_reading_ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        flesch_kincaid_grade=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        smog_index=1.043 * math.sqrt(30 * polysyllables / sentences) + 3.1291,
    )


def _terms_as_easy_words(text: str, glossary: Glossary) -> str:
    parts, position = [], 0
    for match in glossary.find(text):
        words = len(text[match.start:match.end].split())
        parts += [text[position:match.start], " ".join([EASY_WORD] * words)]
        position = match.end
    return "".join(parts) + text[position:]
