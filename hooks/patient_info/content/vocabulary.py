"""Long words in the content that the glossary does not explain.

A word of three or more syllables that is not on the Dale-Chall list of familiar words
(as textstat has it) is either a glossary term, an everyday word the editors listed in
glossary.yaml, or reported here with the file and line that uses it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import ContentError
from ..model.glossary import Glossary
from .load import Document
from ..sentences import TOO_LONG_SENTENCE_WORDS, split_sentences, word_count
from ..syllables import is_long_and_unfamiliar

HARD_WORD_SYLLABLES = 3
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# Ids, enum values and dates are written as lowercase words joined by hyphens: not prose.
_NOT_PROSE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names, numbers and references a reader does not need explained: a clinic's name, its phone, quotes from a source.
_NOT_CHECKED_FIELDS = frozenset({"phone", "reviewer", "source", "codes", "feedback"})
_NOT_CHECKED_PATHS = frozenset({("clinic", "name")})


def unexplained_words(documents: Iterable[Document], glossary: Glossary, glossary_file: str) -> list[ContentError]:
    """One error per long word per file, at its first use, for words the glossary does not cover.

    The glossary's own definitions are checked too: they must be plain as well.
    """
    return [error for document in documents for error in _check_document(document, glossary, glossary_file)]


def too_long_sentences(documents: Iterable[Document]) -> list[ContentError]:
    """Sentences over TOO_LONG_SENTENCE_WORDS words, at their line: the build stops on the same sentences,
    counted the same way, on the page."""
    return [document.error(path, f"this sentence has {words} words, more than {TOO_LONG_SENTENCE_WORDS}: "
                                 f"\"{_cut(sentence)}\"", "split it into shorter sentences; 20 words or fewer reads best")
            for document in documents for path, text in _prose(document.data, (), [])
            for sentence in split_sentences(" ".join(text.split()))
            if (words := word_count(sentence)) > TOO_LONG_SENTENCE_WORDS]


def _cut(sentence: str) -> str:
    return sentence if len(sentence) <= 200 else sentence[:200] + "…"


def hard_words(text: str, glossary: Glossary) -> list[str]:
    """The long, unfamiliar words in the text that are neither glossary terms nor everyday words."""
    return [word for word in _WORD.findall(glossary.outside_terms(text)) if _is_hard(word, glossary)]


def _is_hard(word: str, glossary: Glossary) -> bool:
    return is_long_and_unfamiliar(word, HARD_WORD_SYLLABLES) and not glossary.is_everyday(_bare(word))


def _check_document(document: Document, glossary: Glossary, glossary_file: str) -> list[ContentError]:
    prose = _prose(document.data, (), [])
    # Most files have no such word: one search over all their text says so, looking at each word once.
    # A NUL between fields keeps a glossary term from running from one field into the next.
    uncovered = glossary.outside_terms("\0".join(text for _, text in prose))
    if not any(_is_hard(word, glossary) for word in set(_WORD.findall(uncovered))):
        return []
    errors, reported = [], set()
    for path, text in prose:
        for word in hard_words(text, glossary):
            if _bare(word) not in reported:
                reported.add(_bare(word))
                errors.append(document.error(path, f"'{word}' is not explained in the glossary",
                                             f"add it to {glossary_file} as a term with a plain definition, "
                                             "or to its everyday_words if every reader knows it"))
    return errors


def _prose(data: Any, path: tuple, found: list[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
    """Each text field of the data with its path, added to `found`. Every value of every file passes here."""
    if path in _NOT_CHECKED_PATHS:
        return found
    kind = type(data)
    if kind is dict:
        for key, value in data.items():
            if key not in _NOT_CHECKED_FIELDS:
                _prose(value, path + (key,), found)
    elif kind is list:
        for index, value in enumerate(data):
            _prose(value, path + (index,), found)
    elif kind is str and not _NOT_PROSE.match(data):
        found.append((path, data))
    return found


def _bare(word: str) -> str:
    """The word without a possessive ending, in lowercase: "tumour's" → "tumour"."""
    return re.sub(r"['’]s$", "", word.lower())
