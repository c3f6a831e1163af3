"""The loader turns YAML into data with line marks, and answers bad YAML with errors, not exceptions."""

import pytest

from patient_info.content.load import parse_document


def test_values_and_keys_keep_their_line_and_column():
    document, errors = parse_document("id: surgery\nwhen_used:\n  - text: hello\n", "t.yaml")
    assert errors == []
    assert document.location(("when_used", 0, "text")) == (3, 11)
    assert document.location(("when_used",), key=True) == (2, 1)
    assert document.location(("missing", "deeper")) == (1, 1)


def test_dates_stay_text_so_the_schema_can_judge_them():
    document, _ = parse_document("last_reviewed: 2026-11-28\n", "t.yaml")
    assert document.data == {"last_reviewed": "2026-11-28"}


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("a: 1\n\tb: 2\n", "tab character"),
    ("a: [1, 2\n", "YAML syntax error"),
    ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("a: 1\na: 2\n", "given twice"),
    ("? [a, b]\n: 1\n", "a field name must be a plain word"),
    ("a: !!python/object:os.system ls\n", "cannot be read"),
    ("a: &x [1, 2]\nb: " + "[" * 60 + "1" + "]" * 60 + "\n", "nested too deeply"),
])
def test_bad_yaml_gives_a_content_error_with_a_line(text, message):
    document, errors = parse_document(text, "bad.yaml")
    assert any(message in error.message for error in errors), errors
    assert all(error.file == "bad.yaml" and error.line for error in errors)


def test_alias_expansion_is_bounded():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 8)]
    _, errors = parse_document("\n".join(lines) + "\n", "bomb.yaml")
    assert [e.message for e in errors] == ["the file expands to too much content"]


@pytest.mark.parametrize("text", [
    "a: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "a: " + "{a: " * 30_000 + "1" + "}" * 30_000 + "\n",
    "a:\n" + "- " * 30_000 + "x\n",
], ids=["brackets", "braces", "dashes"])
def test_deep_nesting_is_refused_before_the_yaml_composer_recurses(text):
    # Without the pre-scan, libyaml's composer overflows the C stack here and the process ends (exit 139).
    document, errors = parse_document(text, "deep.yaml")
    assert document is None
    assert [(e.message, e.line) for e in errors] == [("the content is nested too deeply", errors[0].line)]
    assert errors[0].line in (1, 2)


def test_an_unclosed_quote_is_reported_where_it_opens():
    _, errors = parse_document('id: surgery\nname: "Surgery\nquestions:\n  - Why?\n', "t.yaml")
    assert [(e.line, e.column, e.message) for e in errors] == [(2, 7, "this quote is opened but never closed")]


@pytest.mark.parametrize("text, expected", [
    # YAML starts a line at each U+2028, U+2029 and NEL; an editor does not, and messages count as editors do.
    ("a: x\u2028b: 1\nc: [\n", [(1, 5, "a line separator (U+2028)"), (3, 1, "YAML syntax error")]),
    ("\ufeffa: x\u2029\u2029b: 1\nc: x y #z\n", [(1, 5, "a paragraph separator (U+2029) is in the text (2 times"),
                                                  (2, 8, "the text stops at ' #'")]),
    ("a: x\r\nb: \"\\u200b\"\r\nc: x\x85  y\r\n", [(2, 4, "an invisible character (U+200B) is in the text, written as"),
                                                 (3, 5, "a next-line character (NEL, U+0085)")]),
    ("a: 1\nb: 2\na: 3\u2028\n", [(3, 1, "the field 'a' is given twice (first on line 1)"),
                                 (3, 5, "a line separator")]),
    ("a: x\x80\n", [(1, 5, "a control character (U+0080) is in the text")]),
    ("a: x\ufffe\n", [(1, 5, "the file contains a character (U+FFFE) that YAML does not allow")]),
], ids=["separator-then-syntax-error", "bom-and-separators-then-comment", "crlf-escape-and-nel", "repeated-field",
        "pasted-c1-control", "refused-by-yaml"])
def test_positions_are_counted_as_an_editor_counts_lines(text, expected):
    _, errors = parse_document(text, "t.yaml")
    found = sorted((error.line, error.column, error.message) for error in errors)
    assert len(found) == len(expected), found
    for (line, column, message), (want_line, want_column, says) in zip(found, expected):
        assert (line, column) == (want_line, want_column) and message.startswith(says), found
