"""The statement checks, case by case: each likelihood's words, said whole, in the text and in the quoted source
words; quotes found as the source writes them. Pure tables on the check itself (no build), so that a rule
switched off or loosened fails here in `make test-fast` (issue 28: mutation testing found these unpinned)."""

from __future__ import annotations

import json

import pytest

from patient_info.content.check import check_content
from patient_info.content.load import parse_document
from patient_info.content.statement_checks import (MIN_QUOTE_WORDS, check_source_ids, check_statements,
                                                     comparable, untold_treatments)
from patient_info.model.site import LIKELIHOODS
from patient_info.wording import HEDGES

SOURCE_ID = "the-source"
HEDGED = [likelihood for likelihood in LIKELIHOODS if HEDGES[likelihood]]

# Each likelihood's words inside a longer word: found as letters, but not said.
INSIDE_A_WORD = {
    "most-common": "Almost common for everyone.",
    "usually": "It is unusually given.",
    "usually-only": "It is unusually only given.",
    "most-commonly": "It is almost commonly given.",
    "sometimes": "It is sometimesish given.",
    "may-sometimes": "To our dismay sometimes given.",
    "may": "To our dismay it is given.",
    "a-small-number": "Treat a smallish number of people.",
    "occasionally": "It is unoccasionally given.",
    "can": "It treats cancer in people.",
    "may-not": "To our dismay not given.",
    "not-usually": "It is not unusually given.",
}


def statement(text: str, likelihood: str, quote: str, *, about: str = "surgery") -> str:
    return json.dumps({"statements": [{
        "id": "the-statement", "kind": "when-used", "about": [about], "likelihood": likelihood, "text": text,
        "source": {"document": SOURCE_ID, "quotes": [quote]}}]})


def mistakes(statements_yaml: str, source_text: str) -> list[str]:
    document, errors = parse_document(statements_yaml, "topic/statements.yaml")
    source, source_errors = parse_document(json.dumps({"id": SOURCE_ID, "text": source_text}), "topic/src.yaml")
    assert errors == source_errors == []
    return [error.message for error in check_statements(document, treatment_ids=frozenset({"surgery"}),
                                                        values_by_factor=None, sources={SOURCE_ID: source})]


def said(likelihood: str) -> str:
    return f"Surgery is {HEDGES[likelihood]} given to people here."


def test_every_likelihood_but_stated_has_words_and_every_phrase_is_tabled():
    assert [likelihood for likelihood in LIKELIHOODS if not HEDGES[likelihood]] == ["stated"]
    assert set(INSIDE_A_WORD) == set(HEDGED)


@pytest.mark.parametrize("likelihood", HEDGED)
def test_a_statement_that_says_its_likelihood_as_its_quote_does_passes(likelihood):
    assert mistakes(statement(said(likelihood), likelihood, said(likelihood)), said(likelihood)) == []


@pytest.mark.parametrize("likelihood", HEDGED)
def test_likelihood_words_inside_a_longer_word_are_not_said_in_the_text(likelihood):
    found = mistakes(statement(INSIDE_A_WORD[likelihood], likelihood, said(likelihood)), said(likelihood))
    assert found == [f"the text does not say '{HEDGES[likelihood]}', which its likelihood '{likelihood}' stands for"]


@pytest.mark.parametrize("likelihood", HEDGED)
def test_likelihood_words_inside_a_longer_word_are_not_said_in_the_quote(likelihood):
    source = INSIDE_A_WORD[likelihood]
    found = mistakes(statement(said(likelihood), likelihood, source), source)
    assert found == [f"the likelihood '{likelihood}' is not in the quoted source words"]


@pytest.mark.parametrize("likelihood", HEDGED)
def test_a_quote_without_the_likelihoods_words_is_a_mistake_at_the_likelihood(likelihood):
    source = "Surgery is given to people here."
    document, _ = parse_document(statement(said(likelihood), likelihood, source), "topic/statements.yaml")
    src, _ = parse_document(json.dumps({"id": SOURCE_ID, "text": source}), "topic/src.yaml")
    errors = check_statements(document, treatment_ids=frozenset({"surgery"}), values_by_factor=None,
                              sources={SOURCE_ID: src})
    assert [(e.message, e.line, e.column) for e in errors] == [
        (f"the likelihood '{likelihood}' is not in the quoted source words", *document.location(
            ("statements", 0, "likelihood")))]


@pytest.mark.parametrize("likelihood, text, negation", [
    ("usually", "Surgery is not usually given.", "not usually"),
    ("usually", "Surgery is usually not given.", "usually not"),
    ("usually", "Surgery is never usually given.", "never usually"),
    ("usually", "Surgery isn't usually given.", "isn't usually"),
    ("usually", "Surgery is not something usually given.", "not something usually"),
    ("may", "Surgery may not be given.", "may not"),
    ("may", "Surgery may never be given.", "may never"),
    ("can", "Surgery cannot be given.", "cannot"),
    ("can", "Surgery can't be given.", "can't"),
    ("can", "Surgery can no longer be given.", "can no"),
    ("sometimes", "Surgery is not sometimes given.", "not sometimes"),
    ("usually", "Not something usually given to people.", "not something usually"),
    ("usually", "Not usually given to people here.", "not usually"),
    ("usually", "Surgery usually no longer given, or never", "usually no"),
    ("usually", "It is given, but not usually", "not usually"),
    ("may", "Surgery mayn't be given.", "mayn't"),
], ids=lambda value: value if " " not in value else None)
def test_a_likelihood_said_only_with_a_negation_is_another_likelihood(likelihood, text, negation):
    found = mistakes(statement(text, likelihood, said(likelihood)), said(likelihood))
    assert found == [f"the text says '{HEDGES[likelihood]}' only with a negation ('{negation}'): that is another "
                     f"likelihood than '{likelihood}'"]


@pytest.mark.parametrize("likelihood, text", [
    ("not-usually", "Surgery is not usually given."),
    ("may-not", "Surgery may not be given."),
    ("usually", "If not, surgery is usually given."),  # across punctuation, "not" negates nothing here
    ("usually", "Surgery is not given, but usually offered."),
    ("may", "Not all people here may have surgery."),  # "not" four words before negates nothing
    ("usually", "If not, usually surgery is given."),  # nor does "not" two tokens before, across a comma
    ("usually", "Usually surgery is given, or not"),  # the first word has no word before it (not the last one)
])
def test_a_likelihood_said_as_it_is_written_passes(likelihood, text):
    assert mistakes(statement(text, likelihood, said(likelihood)), said(likelihood)) == []


SOURCE = "It is usually given \u2013 after \u201ctalks\u201d with the team\u2019s doctors\u00a0here."


@pytest.mark.parametrize("quote", [
    SOURCE,
    "It is usually given - after \"talks\" with the team's doctors here.",
    "It is usually given \u2014 after \u201ctalks\u201d with the team\u2018s doctors here.",
    "It is   usually\ngiven - after \"talks\" with the team's doctors here.",
], ids=["as-written", "straight", "em-dash-left-single", "spacing"])
def test_a_quote_differing_only_in_dashes_quote_marks_and_spacing_is_found(quote):
    assert mistakes(statement(said("usually"), "usually", quote), SOURCE) == []


@pytest.mark.parametrize("quote", [
    "It is Usually given - after \"talks\" with the team's doctors here.",
    "it is usually given - after \"talks\" with the team's doctors here.",
    "It is usually given after \"talks\" with the team's doctors here.",
    "It is usually given - after talks with the team's doctors here.",
], ids=["capital-inside", "lowercase-start", "dash-dropped", "quotes-dropped"])
def test_a_quote_is_matched_letter_for_letter_case_included(quote):
    assert mistakes(statement(said("usually"), "usually", quote), SOURCE) == [
        f"these words are not in the source '{SOURCE_ID}'"]


@pytest.mark.parametrize("typed, compared", [
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"),
    ("a\u00a0b", "a b"), ("a \n\t b", "a b"), (" a ", "a"),
])
def test_comparable_text_folds_each_typing_difference(typed, compared):
    assert comparable(typed) == compared


def test_a_quote_of_the_minimum_words_passes_and_one_fewer_fails():
    source = "Surgery is usually given to people with few areas of cancer."
    at_minimum = " ".join(source.split()[:MIN_QUOTE_WORDS])
    one_fewer = " ".join(source.split()[:MIN_QUOTE_WORDS - 1])
    assert MIN_QUOTE_WORDS == 4
    assert mistakes(statement(said("usually"), "usually", at_minimum), source) == []
    assert mistakes(statement(said("usually"), "usually", one_fewer), source) == [
        f"this quote has 3 words: a quote must be at least {MIN_QUOTE_WORDS} words of the source, a clause or more"]


@pytest.mark.parametrize("quote", ["urgery is usually given", "Surgery is usually give", "is usually given to peopl"])
def test_a_quote_that_cuts_a_source_word_is_a_mistake(quote):
    source = "Surgery is usually given to people."
    assert mistakes(statement(said("usually"), "usually", quote), source) == [
        f"these words are in the source '{SOURCE_ID}' only as parts of longer words"]


@pytest.mark.parametrize("source", ["Presurgery is usually given. Surgery is usually given to people.",
                                    "Surgery is usually given. Surgery is usually givens",
                                    "XSurgery is usually given. Surgery is usually given. Surgery is usually givenX"])
def test_a_quote_found_whole_anywhere_in_the_source_passes(source):
    assert mistakes(statement(said("usually"), "usually", "Surgery is usually given"), source) == []


@pytest.mark.parametrize("file, source_id, wrong", [
    ("topic/sources/the-source.yaml", "the-source", False),
    ("topic/sources/the-source.yaml", "another-source", True),
    ("topic/sources/the-source.yaml", "the-source.yaml", True),
    ("topic/sources/the-source.yml", "the-source", False),
])
def test_a_source_whose_id_is_not_its_file_name_is_a_mistake_at_its_id(file, source_id, wrong):
    document, _ = parse_document(f"title: A source\nid: {source_id}\ntext: Some words.\n", file)
    errors = check_source_ids([document])
    stem = file.rsplit("/", 1)[1].rsplit(".", 1)[0]
    assert [e.format() for e in errors] == ([f"{file}:2:5: the source id '{source_id}' does not match the file name "
                                             f"'{stem}.yaml' (make the id and the file name the same)"]
                                            if wrong else [])


def test_the_content_check_reports_a_source_renamed_without_its_id(example_copy):
    sources = example_copy / "glimmer-fever" / "sources"
    (sources / "test-source.yaml").rename(sources / "renamed-source.yaml")
    errors = check_content(example_copy).errors
    assert any(e.file.endswith("sources/renamed-source.yaml") and e.line == 3 and e.message ==
               "the source id 'test-source' does not match the file name 'renamed-source.yaml'"
               for e in errors), [e.format() for e in errors]


def test_a_treatment_no_statement_is_about_is_reported_at_its_id_with_the_fix():
    treatment, _ = parse_document("name: Humming\nid: humming\n", "topic/treatments/humming.yaml")
    for statements in (None, parse_document("statements: []\n", "topic/statements.yaml")[0]):
        assert [e.format() for e in untold_treatments(statements, [treatment])] == [
            "topic/treatments/humming.yaml:2:5: no statement is about the treatment 'humming' "
            "(add a statement with 'about: [humming]' to statements.yaml)"]


def test_a_source_file_that_is_not_a_mapping_is_left_to_the_schema_check():
    document, _ = parse_document("- id: the-source\n", "topic/sources/other.yaml")
    assert check_source_ids([document]) == []


@pytest.mark.parametrize("joined", ["all_of", "any_of"])
def test_an_unknown_factor_inside_a_joined_condition_is_reported_at_its_factor_line(joined):
    document, _ = parse_document(json.dumps({"statements": [{
        "id": "s", "kind": "when-used", "about": ["surgery"], "likelihood": "stated", "text": "Surgery.",
        "conditions": {joined: [{"factor": "spread", "answers": ["liver"]}, {"factor": "moon", "answers": ["x"]}]}}]},
        indent=1), "topic/statements.yaml")
    errors = check_statements(document, treatment_ids=frozenset({"surgery"}),
                              values_by_factor={"spread": {"liver"}}, sources={})
    where = document.location(("statements", 0, "conditions", joined, 1, "factor"))
    assert [(e.line, e.column) for e in errors if "unknown factor 'moon'" in e.message] == [where]


def test_a_quote_starting_with_a_one_letter_word_inside_a_longer_word_is_a_mistake():
    source = "XA small number of people usually have it."
    assert mistakes(statement(said("usually"), "usually", "A small number of people usually"), source) == [
        f"these words are in the source '{SOURCE_ID}' only as parts of longer words"]


def test_a_quote_ending_with_a_one_letter_word_inside_a_longer_word_is_a_mistake():
    source = "Surgery is usually given to people at home."
    assert mistakes(statement(said("usually"), "usually", "Surgery is usually given to people a"), source) == [
        f"these words are in the source '{SOURCE_ID}' only as parts of longer words"]


def test_a_one_word_quote_is_counted_as_one_word():
    assert mistakes(statement("Surgery.", "stated", "Surgery"), "Surgery is usually given.") == [
        f"this quote has 1 word: a quote must be at least {MIN_QUOTE_WORDS} words of the source, a clause or more"]


# Each mistake in one statement, checked whole: file, line and column, what is wrong, and what would be right.
def located(items: list[dict], sources: dict | None = None) -> tuple[object, list[tuple]]:
    document, errors = parse_document(json.dumps({"statements": items}, indent=1), "topic/statements.yaml")
    assert errors == []
    if sources is None:
        source, _ = parse_document(json.dumps({"id": SOURCE_ID, "text": said("usually")}), "topic/src.yaml")
        sources = {SOURCE_ID: source}
    found = check_statements(document, treatment_ids=frozenset({"surgery"}), values_by_factor=None, sources=sources)
    return document, [(e.file, e.line, e.column, e.message, e.hint) for e in found]


def item(**fields) -> dict:
    return {"id": "the-statement", "kind": "when-used", "about": ["surgery"], "likelihood": "usually",
            "text": said("usually"), **fields}


def at(document, *path) -> tuple:
    return ("topic/statements.yaml", *document.location(("statements", *path)))


QUOTED = {"document": SOURCE_ID, "quotes": [said("usually")]}


@pytest.mark.parametrize("fields, path, message, hint", [
    ({"text": "Surgery is given."}, (0, "text"),
     "the text does not say 'usually', which its likelihood 'usually' stands for",
     "keep the source's hedging words in the text, or choose the likelihood that matches the source "
     "(such as 'not-usually' or 'may-not')"),
    ({"source": {"document": SOURCE_ID, "quotes": ["Surgery is usually given"]}, "likelihood": "sometimes",
      "text": "Surgery is sometimes given."}, (0, "likelihood"),
     "the likelihood 'sometimes' is not in the quoted source words", "choose the likelihood whose words the source uses"),
    ({"source": {"document": SOURCE_ID, "quotes": ["Surgery is usually offered to"]}}, (0, "source", "quotes", 0),
     f"these words are not in the source '{SOURCE_ID}'",
     "copy the source's words exactly; only spacing, quote marks and dashes may differ"),
    ({"source": {"document": SOURCE_ID, "quotes": ["urgery is usually given"]}}, (0, "source", "quotes", 0),
     f"these words are in the source '{SOURCE_ID}' only as parts of longer words",
     "start and end the quote where the source's words start and end"),
    ({"source": {"document": SOURCE_ID, "quotes": ["usually given"]}}, (0, "source", "quotes", 0),
     f"this quote has 2 words: a quote must be at least {MIN_QUOTE_WORDS} words of the source, a clause or more",
     "copy the whole clause or sentence of the source that the statement restates"),
    ({"source": {"document": "other-source", "quotes": [said("usually")]}}, (0, "source", "document"),
     "unknown source 'other-source'", f"did you mean '{SOURCE_ID}'? valid source ids: {SOURCE_ID}"),
    ({"kind": "aim"}, (0, "about"),
     "a statement of kind 'aim' is about treatment in general", "remove 'about', or choose another kind"),
], ids=["hedging-in-text", "hedging-in-quote", "quote-not-in-source", "quote-cuts-words", "quote-too-short",
        "unknown-source", "aim-about-a-treatment"])
def test_each_statement_mistake_is_placed_and_says_what_would_be_right(fields, path, message, hint):
    document, found = located([item(source=QUOTED) | fields])
    assert found == [(*at(document, *path), message, hint)]


def test_a_statement_naming_no_treatment_is_a_mistake_at_the_statement_naming_it():
    fields = item()
    del fields["about"]
    document, found = located([fields])
    assert found == [(*at(document, 0), "the statement 'the-statement' does not say which treatment it is about",
                      "add 'about: [<treatment id>]', the main treatment first")]


def test_a_repeated_statement_id_is_reported_at_the_second_naming_the_first():
    document, found = located([item(), item(text="Surgery is usually given here."), item(id="another")])
    first = document.location(("statements", 0, "id"))[0]
    assert found == [(*at(document, 1, "id"),
                      f"duplicate statement id 'the-statement', already used at topic/statements.yaml:{first}",
                      "give each statement its own id")]


def test_a_source_without_text_is_an_unknown_source_and_never_an_exception():
    not_text, _ = parse_document(json.dumps({"id": SOURCE_ID, "text": 5}), "topic/src.yaml")
    not_a_mapping, _ = parse_document(json.dumps([SOURCE_ID]), "topic/other.yaml")
    for source in (not_text, not_a_mapping):
        document, found = located([item(source=QUOTED)], sources={SOURCE_ID: source})
        assert [message for *_, message, _ in found] == [f"unknown source '{SOURCE_ID}'"]


@pytest.mark.parametrize("fields", [{"likelihood": "mostly"}, {"text": None}, {"text": 5},
                                    {"source": {"document": SOURCE_ID, "quotes": [5, said("usually")]}}],
                         ids=["unknown-likelihood", "no-text", "text-not-words", "quote-not-words"])
def test_a_misshapen_statement_is_left_to_the_schema_check_without_an_exception(fields):
    assert located([item(source=QUOTED) | fields])[1] == []
