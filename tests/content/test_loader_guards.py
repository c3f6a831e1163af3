"""The loader's guards, each checked by its whole message and place: a comment that cuts text off, nesting (the
quick count that decides whether a file is read event by event, and the builder's own limit), an empty file, a
file that expands too much, and places after the line breaks only YAML makes. Fast tier: no site is built."""

from __future__ import annotations

import pytest
import yaml

from patient_info.content import load
from patient_info.content.load import MAX_DEPTH, parse_document

TOO_DEEP = "the content is nested too deeply (content files are at most a few levels deep)"
CUT = ("the text stops at ' #': YAML reads the rest of the line as a comment, so readers would not see it (quote the "
       "text if the # belongs to it, for example \"Could it be in #2 places?\")")
AS_A_BREAK = "is in the text: YAML starts a new line there, though most editors show none (delete it; if a new line " \
             "is meant, start one with Enter)"


def messages(text: str) -> list[str]:
    return [error.format() for error in parse_document(text, "t.yaml")[1]]


@pytest.mark.parametrize("text, column", [("a: two words # cut\n", 14), ("a: two words\t# cut\n", 14),
                                          ("a: two words \t # cut\n", 16)], ids=["space", "tab", "spaces-and-tab"])
def test_text_cut_off_by_a_comment_is_one_whole_message_at_the_hash(text, column):
    assert messages(text) == [f"t.yaml:1:{column}: {CUT}"]


def test_a_comment_after_one_word_is_taken_as_a_comment():
    assert messages("a: word # a note\nb: word\t# a note\n") == []


def test_an_empty_file_is_one_whole_message_at_its_start():
    assert messages("") == messages("# only a comment\n") == [
        "t.yaml:1:1: the file is empty (write the fields this file needs, as 'field: value' lines)"]


def test_a_file_that_expands_too_much_is_one_whole_message_with_what_to_remove():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    assert messages("\n".join(lines) + "\n") == [
        "t.yaml:1:13: the file expands to too much content (remove repeated '*alias' references)"]  # a value in a0


@pytest.mark.parametrize("opened", ["[", "- "], ids=["flow", "block"])
def test_lists_nested_to_the_deepest_level_allowed_are_read(opened):
    # The document's own mapping is the first level; `a`'s lists are the others.
    text = ("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) if opened == "[" else
            "a:\n" + "- " * (MAX_DEPTH - 1) + "x") + "\n"
    document, errors = parse_document(text, "t.yaml")
    assert errors == []
    value = document.data["a"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == ["x"]


@pytest.mark.parametrize("text, place", [
    ("a: " + "[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH + "\n", f"1:{3 + MAX_DEPTH + 1}"),  # the builder's limit
    ("a:\n" + "- " * (MAX_DEPTH + 5) + "x\n", f"2:{2 * MAX_DEPTH + 1}"),
    # Past the quick count (1,000 opening brackets), read event by event: a list closed inside another brings the
    # depth back down by one level, not to the document's.
    ("a: [[], " + "[" * 5_000 + "]" * 5_001 + "\n", f"1:{8 + MAX_DEPTH}"),
], ids=["flow-lists", "block-lists", "after-a-closed-inner-list"])
def test_content_nested_one_level_too_deep_is_one_whole_message_at_that_level(text, place):
    assert messages(text) == [f"t.yaml:{place}: {TOO_DEEP}"]


# Nested far deeper than the builder is ever given: the quick count must send these to be read event by event,
# since the C parser's stack would not hold them. Entries written with a tab after '-' or '?' cannot nest (the
# parser stops at such a tab), but they are counted: in these files they are in a comment.
DEEP = 100_000


@pytest.mark.parametrize("text, place", [
    ("? " * DEEP + "x\n", f"1:{2 * MAX_DEPTH + 3}"),
    ("a:\n" + "- " * DEEP + "x\n# " + "-\t" * DEEP + "\n", f"2:{2 * MAX_DEPTH + 1}"),
    ("a:\n" + "- " * DEEP + "x\n# " + "?\t" * DEEP + "\n", f"2:{2 * MAX_DEPTH + 1}"),
], ids=["complex-keys", "dashes-and-tabbed-dashes", "dashes-and-tabbed-question-marks"])
def test_content_nested_far_too_deep_is_found_before_it_is_parsed(text, place):
    assert messages(text) == [f"t.yaml:{place}: {TOO_DEEP}"]


def test_places_after_line_breaks_only_yaml_makes_are_where_an_editor_shows_them():
    # NEL, U+2028 and U+2029 start new lines for YAML but not in an editor: the later message is on line 2.
    assert messages("k: two words # a\x85\u2028\u2029\nj: more words # cut\n") == [
        f"t.yaml:1:17: a next-line character (NEL, U+0085) {AS_A_BREAK}",
        f"t.yaml:1:18: a line separator (U+2028) {AS_A_BREAK}",
        f"t.yaml:1:19: a paragraph separator (U+2029) {AS_A_BREAK}",
        f"t.yaml:1:14: {CUT}", f"t.yaml:2:15: {CUT}"]


def test_a_field_given_twice_after_line_breaks_only_yaml_makes_is_placed_where_an_editor_shows_it():
    assert messages("k: x # \x85\u2028\u2029\na: 1\na: 2\n") == [
        "t.yaml:3:1: the field 'a' is given twice (first on line 2) (keep one of them; a repeated field would "
        "silently replace the first)",
        f"t.yaml:1:8: a next-line character (NEL, U+0085) {AS_A_BREAK}",
        f"t.yaml:1:9: a line separator (U+2028) {AS_A_BREAK}",
        f"t.yaml:1:10: a paragraph separator (U+2029) {AS_A_BREAK}"]


DEEP_TWICE = "a: " + "[" * (MAX_DEPTH - 1) + "[x, []" + "]" * MAX_DEPTH + "\n"


@pytest.mark.parametrize("padding", ["[" * (1_000 - MAX_DEPTH - 1), "- " * 1_000], ids=["brackets", "dashes"])
def test_a_file_within_the_quick_counts_bound_has_each_value_too_deep_reported(padding):
    # Up to 1,000 opening brackets and 1,000 entries (here most of them in a quoted text) the builder reads the
    # file and reports every value one level too deep; past that, the first one is reported, event by event.
    assert (DEEP_TWICE + "b: '" + padding + "'\n").count("[") <= 1_000
    assert messages(DEEP_TWICE + "b: '" + padding + "'\n") == [
        f"t.yaml:1:{3 + MAX_DEPTH + 1}: {TOO_DEEP}", f"t.yaml:1:{3 + MAX_DEPTH + 4}: {TOO_DEEP}"]
    assert messages(DEEP_TWICE + "b: '" + padding + padding[:2] + "'\n") == [
        f"t.yaml:1:{3 + MAX_DEPTH + 4}: {TOO_DEEP}"]


def test_a_mapping_used_as_a_field_name_is_one_message_even_when_it_could_not_be_made():
    # A list as a key inside it cannot be a Python dict's key: the field name is still the one mistake.
    assert messages("? {[a]: b}\n: 1\nc: 2\n") == [
        "t.yaml:1:3: a field name must be a plain word (write the field as 'name: value'; quote names that look like "
        "numbers or dates)"]


class _Parser:
    """Stands for libyaml's parser where it fails in a way no file is known to make it fail."""

    def __init__(self, failure: Exception, line: int = 0, column: int = 0):
        self.failure, self.line, self.column = failure, line, column

    def __call__(self, text: str) -> "_Parser":
        return self

    def get_single_node(self):
        raise self.failure


@pytest.mark.parametrize("failure, place, said", [
    (RecursionError(), "t.yaml:8:4", TOO_DEEP),
    (yaml.YAMLError("no place given"), "t.yaml:1:1",
     "the file is not valid YAML: no place given (check the file's indentation, colons and quotes)"),
])
def test_a_parser_failure_without_a_place_is_still_one_message_with_the_files_other_mistakes(monkeypatch, failure,
                                                                                          place, said):
    monkeypatch.setattr(load, "_Loader", _Parser(failure, line=7, column=3))
    assert messages("a: one\u200b\n") == [
        "t.yaml:1:7: an invisible character (U+200B) is in the text (delete it; it is often pasted in by accident, "
        "and it can change how the text is shown)", f"{place}: {said}"]


def test_a_recursion_before_the_parser_starts_is_placed_at_the_files_start(monkeypatch):
    def too_deep(text):
        raise RecursionError
    monkeypatch.setattr(load, "_nested_too_deeply", too_deep)
    assert messages("a: one\n") == [f"t.yaml:1:1: {TOO_DEEP}"]
