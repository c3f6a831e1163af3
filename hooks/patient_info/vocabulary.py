"""Long words in the content that the glossary does not explain.

A word of three or more syllables that is not on the Dale-Chall list of familiar words
(as textstat has it) is either a glossary term, an everyday word the editors listed in
glossary.yaml, or reported here with the file and line that uses it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Iterator

import textstat

from .errors import ContentError
from .glossary import Glossary
from .load import Document

HARD_WORD_SYLLABLES = 3
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# Ids, enum values and dates are written as lowercase words joined by hyphens: not prose.
_NOT_PROSE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names, numbers and references a reader does not need explained: a clinic's name, its phone, the sources.
_NOT_CHECKED_FIELDS = frozenset({"phone", "reviewed_by", "sources", "codes"})
_NOT_CHECKED_PATHS = frozenset({("clinic", "name")})


def unexplained_words(documents: Iterable[Document], glossary: Glossary, glossary_file: str) -> list[ContentError]:
    """One error per long word per file, at its first use, for words the glossary does not cover.

    The glossary's own definitions are checked too: they must be plain as well.
    """
    return [error for document in documents for error in _check_document(document, glossary, glossary_file)]


def hard_words(text: str, glossary: Glossary) -> list[str]:
    """The long, unfamiliar words in the text that are neither glossary terms nor everyday words."""
    found = []
    for start, end in _uncovered_spans(text, glossary):
        for word in _WORD.findall(text[start:end]):
            if _is_long_and_unfamiliar(word) and not glossary.is_everyday(_bare(word)):
                found.append(word)
    return found


# Content repeats its words across thousands of files; textstat looks each one up in a pronouncing dictionary.
@lru_cache(maxsize=65_536)
def _is_long_and_unfamiliar(word: str) -> bool:
    return textstat.is_difficult_word(word, HARD_WORD_SYLLABLES)


def _check_document(document: Document, glossary: Glossary, glossary_file: str) -> list[ContentError]:
    prose = list(_prose(document.data, ()))
    # Most files have no such word: one search over all their text says so. A NUL between fields keeps a
    # glossary term from running from one field into the next.
    if not hard_words("\0".join(text for _, text in prose), glossary):
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


def _prose(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if path in _NOT_CHECKED_PATHS:
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_CHECKED_FIELDS:
                yield from _prose(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _prose(value, path + (index,))
    elif isinstance(data, str) and not _NOT_PROSE.match(data):
        yield path, data


def _uncovered_spans(text: str, glossary: Glossary) -> Iterator[tuple[int, int]]:
    position = 0
    for match in glossary.find(text):
        yield position, match.start
        position = match.end
    yield position, len(text)


def _bare(word: str) -> str:
    """The word without a possessive ending, in lowercase: "tumour's" → "tumour"."""
    return re.sub(r"['’]s$", "", word.lower())
