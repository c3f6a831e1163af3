"""What the loader says about a file it cannot read, whole: file, line and column, what is wrong and what would be
right, for each kind of mistake and each kind of line break (issue 28: mutation testing found the loader's
messages checked only in part, so that a place, a hint or the tab rule could change unnoticed)."""

from __future__ import annotations

import os
import socket

import pytest

from patient_info.content import load
from patient_info.content.load import MAX_DEPTH, load_document, parse_document, read_ordinary_file

TAB = "a tab character is used for indentation (indent with spaces, not tabs)"
SYNTAX_HINT = "(check the indentation, colons and quotes on this line and the one before)"
NOT_ALLOWED = "that YAML does not allow (delete it; it is often pasted in by accident)"


@pytest.mark.parametrize("text, expected", [
    ("title: x\nitems:\n\t- a\n", f"t.yaml:3:1: {TAB}"),
    ("title: x\nitems:\n  \t- a\n", f"t.yaml:3:3: {TAB}"),
    ("a:\n  b: 1\n\tc: 2\n", f"t.yaml:3:1: {TAB}"),
    ("a:\n  b:\n  \tc: 2\n", f"t.yaml:3:3: {TAB}"),
    ("k: v\n  \ta:\n", f"t.yaml:2:5: {TAB}"),  # the parser stops after the tab: its line's indent tells
    ("k: v\n'q\n\t'q\n", f"t.yaml:3:3: {TAB}"),
    ("\n  \ta:\n", f"t.yaml:2:3: {TAB}"),  # the file's first line is empty: the line before the tab starts at 0
    ("items:\n-\ta\n", f"t.yaml:2:2: {TAB}"),  # after a list's dash: the parser stops on the tab itself
    ("items:\n  -\ta\n", f"t.yaml:2:4: {TAB}"),
    ("title: x\ritems:\r\t- a\r", f"t.yaml:3:1: {TAB}"),
    ("title: x\r\nitems:\r\n\t- a\r\n", f"t.yaml:3:1: {TAB}"),
    ('title: "abc\nb: c\n',
     "t.yaml:1:8: this quote is opened but never closed (end the text with the same quote mark it starts with)"),
    ("a: 1\n---\nb: 2\n",
     "t.yaml:2:1: the file holds more than one YAML document (remove the '---' line; each file holds one document)"),
    ("a: [1, 2\nb: 3\n", f"t.yaml:2:2: YAML syntax error: did not find expected ',' or ']' {SYNTAX_HINT}"),
    ("a: b: c\n", f"t.yaml:1:5: YAML syntax error: mapping values are not allowed in this context {SYNTAX_HINT}"),
    ("a: x\ufffe\n", f"t.yaml:1:5: the file contains a character (U+FFFE) {NOT_ALLOWED}"),
    ("\ufffe: x\n", f"t.yaml:1:1: the file contains a character (U+FFFE) {NOT_ALLOWED}"),
    ("a: b\nc: \uffff\n", f"t.yaml:2:4: the file contains a character (U+FFFF) {NOT_ALLOWED}"),
], ids=["tab-first", "tab-after-spaces", "tab-in-a-mapping", "tab-deeper", "tab-before-a-key",
        "tab-before-a-quote", "tab-after-an-empty-first-line", "tab-after-a-dash", "tab-after-an-indented-dash", "tab-after-cr", "tab-after-crlf",
        "unclosed-quote", "two-documents", "unclosed-list", "colon-in-a-value", "not-allowed", "not-allowed-first",
        "not-allowed-line-2"])
def test_each_unreadable_file_is_one_message_at_its_place_with_what_would_be_right(text, expected):
    document, errors = parse_document(text, "t.yaml")
    assert document is None
    assert [error.format() for error in errors] == [expected]


@pytest.mark.parametrize("text", ["a: x\tb: c\n", "a: 1\nb: x\ty: z\n"], ids=["line-1", "line-2"])
def test_a_tab_inside_a_value_is_not_called_indentation(text):
    _, errors = parse_document(text, "t.yaml")
    assert len(errors) == 1 and errors[0].message.startswith("YAML syntax error"), [e.format() for e in errors]


def test_a_link_is_refused_with_what_to_do_instead(tmp_path):
    (tmp_path / "real.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    document, errors = load_document(tmp_path / "link.yaml", "topic/link.yaml")
    assert document is None
    assert [error.format() for error in errors] == [
        "topic/link.yaml: this file is a link to another file, which the site does not follow "
        "(put the content itself in this file)"]


@pytest.mark.parametrize("text, expected", [
    ('a: "x\\u2028y"\n', "t.yaml:1:4: a line separator (U+2028) is in the text, written as an escape (delete it; pages "
                         "show text as paragraphs and list items, not as lines)"),
    ("a: x\x01y\n", "t.yaml:1:5: a control character (U+0001) is in the text (delete it; readers would see nothing, or "
                    "a box, in its place)"),
    ('a: "x\\x01"\n', "t.yaml:1:4: a control character (U+0001) is in the text, written as an escape (delete it; "
                      "readers would see nothing, or a box, in its place)"),
    ('a: "x\\u200b"\n', "t.yaml:1:4: an invisible character (U+200B) is in the text, written as an escape (delete it; it "
                        "is often pasted in by accident, and it can change how the text is shown)"),
    ('a: "x\u2028y"\n', "t.yaml:1:6: a line separator (U+2028) is in the text: YAML starts a new line there, though "
                         "most editors show none (delete it; if a new line is meant, start one with Enter)"),
    ("a: x\ufffe\nb: y\ufffe\n", f"t.yaml:1:5: the file contains a character (U+FFFE) {NOT_ALLOWED}"),  # the first
    ("a: x\u200by\n", "t.yaml:1:5: an invisible character (U+200B) is in the text (delete it; it is often pasted in by "
                      "accident, and it can change how the text is shown)"),
    # One value named twice (an anchor and its alias) is one mistake: one message, where it is written.
    ('a: &x "\\u200b"\nb: *x\n', "t.yaml:1:4: an invisible character (U+200B) is in the text, written as an escape "
                                 "(delete it; it is often pasted in by accident, and it can change how the text is "
                                 "shown)"),
    ("a: 1\na: 2\n", "t.yaml:2:1: the field 'a' is given twice (first on line 1) (keep one of them; a repeated field "
                     "would silently replace the first)"),
], ids=["escaped-line-separator", "line-separator", "not-allowed-twice", "control", "escaped-control", "escaped-invisible", "invisible", "alias", "twice"])
def test_each_character_and_field_mistake_is_one_whole_message(text, expected):
    _, errors = parse_document(text, "t.yaml")
    assert [error.format() for error in errors] == [expected]


def test_a_place_the_file_lacks_is_given_as_its_nearest_parents():
    document, _ = parse_document("id: s\nwhen_used:\n  - text: hello\n", "t.yaml")
    assert document.location(("when_used", 0, "missing", "deeper")) == document.location(("when_used", 0)) == (3, 5)
    assert document.location(("when_used", 0, "missing")) == (3, 5)


def test_a_value_at_the_deepest_level_allowed_has_its_own_place():
    text = "".join("  " * level + "k:\n" for level in range(MAX_DEPTH - 1)) + "  " * (MAX_DEPTH - 1) + "k: v\n"
    document, errors = parse_document(text, "t.yaml")
    assert errors == []
    assert document.location(("k",) * MAX_DEPTH) == (MAX_DEPTH, 2 * (MAX_DEPTH - 1) + 4)


def test_a_mistake_reported_without_a_hint_has_none():
    document, _ = parse_document("a: b\n", "t.yaml")
    assert document.error(("a",), "a message").format() == "t.yaml:1:4: a message"


def test_a_file_that_is_not_utf_8_is_placed_at_its_first_unreadable_byte(tmp_path):
    (tmp_path / "x.yaml").write_bytes(b"a: b\nc: d\xff\n")
    assert [error.format() for error in load_document(tmp_path / "x.yaml", "topic/x.yaml")[1]] == [
        "topic/x.yaml:2:5: the file is not UTF-8 text (invalid start byte) (save the file with UTF-8 encoding)"]


def test_a_named_pipe_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "pipe.yaml")

    def never(*args, **kwargs):
        raise AssertionError("opened")

    monkeypatch.setattr(load.os, "open", never)
    raw, refusal = read_ordinary_file(tmp_path / "pipe.yaml", "topic/pipe.yaml")
    assert raw == b"" and refusal is not None and refusal.message.startswith("this is a named pipe")


def test_a_file_changed_into_a_link_after_it_was_looked_at_is_still_not_followed(tmp_path, monkeypatch):
    # Between the look (lstat) and the opening, the file is swapped for a link: opening it must not follow it.
    (tmp_path / "secret.yaml").write_text("secret: x\n", "utf-8")
    (tmp_path / "plain.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    real_lstat = os.lstat
    monkeypatch.setattr(load.os, "lstat", lambda file: real_lstat(tmp_path / "plain.yaml"))
    raw, refusal = read_ordinary_file(tmp_path / "link.yaml", "topic/link.yaml")
    assert raw == b"" and refusal is not None and refusal.format() == (
        "topic/link.yaml: this file is a link to another file, which the site does not follow "
        "(put the content itself in this file)")


REFUSED = "where a text file is expected; the site does not read it (content files are text files saved in the content folder)"
HARD_LINK = ("(a hard link), so it may be a file from outside the content folder; the site does not read it (save the "
             "content as a file of its own: copy it to a new file, then replace this one)")


def refusal_of(file) -> str:
    raw, refusal = read_ordinary_file(file, "topic/x.yaml")
    assert raw == b"" and refusal is not None
    return refusal.format()


def test_each_file_the_site_does_not_read_is_named_with_what_to_do(tmp_path):
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "socket"))
        assert refusal_of(tmp_path / "socket") == f"topic/x.yaml: this is a socket, {REFUSED}"
    assert refusal_of(tmp_path / "folder") == (
        "topic/x.yaml: this is a folder, where a file is expected (a content file is a text file; move the folder's "
        "files where they belong and remove it)")
    assert refusal_of(tmp_path / "pipe") == f"topic/x.yaml: this is a named pipe, {REFUSED}"
    assert refusal_of("/dev/null") == f"topic/x.yaml: this is a device, {REFUSED}"
    assert refusal_of(tmp_path / "missing") == (
        "topic/x.yaml: the file cannot be read: No such file or directory (check that the file exists and that you "
        "may read it)")


def test_a_file_with_other_names_is_refused_saying_how_many(tmp_path):
    (tmp_path / "file").write_text("a: b\n", "utf-8")
    os.link(tmp_path / "file", tmp_path / "second")
    assert refusal_of(tmp_path / "file") == f"topic/x.yaml: this file has 1 other name {HARD_LINK}"
    os.link(tmp_path / "file", tmp_path / "third")
    assert refusal_of(tmp_path / "file") == f"topic/x.yaml: this file has 2 other names {HARD_LINK}"


def test_places_in_a_file_that_expands_too_much_are_looked_up_in_bounded_work():
    # Places are recorded lazily, on the first look-up, within the same limit on repeated values as the data.
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    document, errors = parse_document("\n".join(lines) + "\n", "bomb.yaml")
    assert [error.message for error in errors] == ["the file expands to too much content"]
    assert document.location(("a7", 9, 9, 9)) == (1, 1)


def test_a_long_file_with_an_anchor_keeps_the_place_of_every_value():
    # Only values made by repeating others count towards the limit: a long list with one anchor is not cut short.
    items = 20_005
    document, errors = parse_document("a: &first x\nb:\n" + "- y\n" * items, "long.yaml")
    assert errors == []
    assert document.location(("b", items - 1)) == (items + 2, 3)


def test_a_file_changed_into_a_folder_after_it_was_looked_at_is_refused_once_opened(tmp_path, monkeypatch):
    # The look (lstat) sees a plain file; what is opened is a folder: the check on the opened file refuses it.
    (tmp_path / "plain.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "folder").mkdir()
    real_lstat = os.lstat
    monkeypatch.setattr(load.os, "lstat", lambda file: real_lstat(tmp_path / "plain.yaml"))
    assert refusal_of(tmp_path / "folder") == (
        "topic/x.yaml: this is a folder, where a file is expected (a content file is a text file; move the folder's "
        "files where they belong and remove it)")


def test_a_file_that_fails_while_it_is_read_is_one_message_with_what_to_check(tmp_path, monkeypatch):
    (tmp_path / "plain.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "folder").mkdir()
    real_lstat, real_fstat = os.lstat, os.fstat
    monkeypatch.setattr(load.os, "lstat", lambda file: real_lstat(tmp_path / "plain.yaml"))
    plain = os.open(tmp_path / "plain.yaml", os.O_RDONLY)  # the check on the opened file is made to see it too
    try:
        with monkeypatch.context() as patched:  # undone before the descriptor is closed
            patched.setattr(load.os, "fstat", lambda descriptor: real_fstat(plain))
            refused = refusal_of(tmp_path / "folder")
    finally:
        os.close(plain)
    assert refused == ("topic/x.yaml: the file cannot be read: Is a directory (check that the file exists and that you "
                       "may read it)")


TAGS = "(remove YAML tags such as '!!python/...'; write plain text, numbers or lists)"


@pytest.mark.parametrize("text, expected", [
    ("a: !!python/object:os.system ls\n", "t.yaml:1:4: this value cannot be read: could not determine a constructor "
                                          f"for the tag 'tag:yaml.org,2002:python/object:os.system' {TAGS}"),
    # PyYAML's constructors raise other errors than YAML's on a value their tag does not fit: never a traceback.
    ("a: !!int x\n", f"t.yaml:1:4: this value cannot be read: it does not fit its tag '!!int' {TAGS}"),
    ("a: !!float x\n", f"t.yaml:1:4: this value cannot be read: it does not fit its tag '!!float' {TAGS}"),
    ("a: !!bool x\n", f"t.yaml:1:4: this value cannot be read: it does not fit its tag '!!bool' {TAGS}"),
    ("a: !!timestamp x\n", f"t.yaml:1:4: this value cannot be read: it does not fit its tag '!!timestamp' {TAGS}"),
], ids=["python-object", "int", "float", "bool", "timestamp"])
def test_a_tagged_value_that_cannot_be_made_is_one_message_never_a_traceback(text, expected):
    document, errors = parse_document(text, "t.yaml")
    assert [error.format() for error in errors] == [expected] and document.data == {"a": None}


def test_every_field_after_a_bad_or_repeated_name_is_still_read_and_checked():
    document, errors = parse_document("? [a, b]\n: 1\n1: x\nb: 1\nb: 2\nc: 3\nc: 4\nd: 5\n", "t.yaml")
    plain = "a field name must be a plain word (write the field as 'name: value'; quote names that look like numbers " \
            "or dates)"
    twice = "(keep one of them; a repeated field would silently replace the first)"
    assert [error.format() for error in errors] == [
        f"t.yaml:1:3: {plain}", f"t.yaml:3:1: {plain}", f"t.yaml:5:1: the field 'b' is given twice (first on line 4) "
        f"{twice}", f"t.yaml:7:1: the field 'c' is given twice (first on line 6) {twice}"]
    assert document.data == {"b": 1, "c": 3, "d": 5}


def test_each_value_repeated_up_to_the_node_limit_has_a_place_the_anchors():
    document, errors = parse_document("a: &x v\nb: [" + ", ".join(["*x"] * load.MAX_NODES) + "]\n", "t.yaml")
    assert errors == []
    assert document.location(("b", load.MAX_NODES - 1)) == document.location(("a",)) == (1, 4)


def test_content_nested_past_what_is_read_event_by_event_is_one_whole_message_at_the_first_level_too_deep():
    _, errors = parse_document("a: " + "[" * 5_000 + "]" * 5_000 + "\n", "t.yaml")
    assert [error.format() for error in errors] == [
        f"t.yaml:1:{3 + MAX_DEPTH + 1}: the content is nested too deeply (content files are at most a few levels deep)"]
