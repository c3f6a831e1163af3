"""The loader's limits and the characters it reports, case by case: each limit exactly at its value passes and
one past fails; every invisible and control character is reported, where it stands and written as an escape.
Pure tables on the loader (no build); issue 28's mutation run found these unpinned."""

from __future__ import annotations

import pytest

from patient_info.content import load
from patient_info.content.load import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, parse_document, read_ordinary_file

ZERO_WIDTH_AND_MARKS = [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space, joiners, LRM, RLM
BIDI_EMBEDDINGS = [chr(c) for c in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
BIDI_ISOLATES = [chr(c) for c in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
OTHER_INVISIBLE = ["\u061c", "\u180e", *(chr(c) for c in range(0x2060, 0x2065)), "\U000e0001", "\U000e0041",
                   "\U000e007f"]
INVISIBLE = ZERO_WIDTH_AND_MARKS + BIDI_EMBEDDINGS + BIDI_ISOLATES + OTHER_INVISIBLE
CONTROLS = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]]


def code(character: str) -> str:
    return f"U+{ord(character):04X}"


@pytest.mark.parametrize("character", INVISIBLE, ids=code)
def test_each_invisible_character_is_reported_where_it_stands(character):
    _, errors = parse_document(f"id: x\ntext: Sur{character}gery\n", "t.yaml")
    assert [(e.line, e.column, e.message) for e in errors] == [
        (2, 10, f"an invisible character ({code(character)}) is in the text")]


@pytest.mark.parametrize("character", INVISIBLE, ids=code)
def test_each_invisible_character_written_as_an_escape_is_reported_at_its_value(character):
    escape = f"\\u{ord(character):04x}" if ord(character) <= 0xFFFF else f"\\U{ord(character):08x}"
    document, errors = parse_document(f'id: x\ntext: "Sur{escape}gery"\n', "t.yaml")
    assert document.data["text"] == f"Sur{character}gery"
    assert [(e.line, e.column, e.message) for e in errors] == [
        (2, 7, f"an invisible character ({code(character)}) is in the text, written as an escape")]


@pytest.mark.parametrize("character", CONTROLS, ids=code)
def test_each_control_character_is_reported(character):
    _, errors = parse_document(f'id: x\ntext: "Sur{character}gery"\n', "t.yaml")
    assert any(e.line == 2 and e.message.startswith(f"a control character ({code(character)}) is in the text")
               for e in errors), [e.format() for e in errors]


@pytest.mark.parametrize("character", ["\t", "\n", "\u00e9", "\u00a0", "\u2013", "\u00ad"], ids=code)
def test_visible_characters_tabs_and_line_breaks_are_not_reported(character):
    _, errors = parse_document(f'id: x\ntext: "Sur{character}gery"\n', "t.yaml")
    assert errors == []


def test_a_byte_order_mark_opening_the_file_is_allowed_and_one_inside_is_not():
    assert parse_document("\ufeffid: x\n", "t.yaml")[1] == []
    assert [e.message for e in parse_document("id: x\ntext: a\ufeffb\n", "t.yaml")[1]] == [
        "an invisible character (U+FEFF) is in the text"]


def repeated(count: int) -> str:
    """A file whose one anchored value is repeated `count` times by aliases."""
    return "a: &x v\nb: [" + ", ".join(["*x"] * count) + "]\n"


def test_a_file_repeating_values_exactly_to_the_node_limit_loads_and_one_more_is_refused():
    assert MAX_NODES == 20_000
    document, errors = parse_document(repeated(MAX_NODES), "t.yaml")
    assert errors == [] and len(document.data["b"]) == MAX_NODES
    document, errors = parse_document(repeated(MAX_NODES + 1), "t.yaml")
    assert [(e.line, e.message) for e in errors] == [(1, "the file expands to too much content")]  # the anchor


def nested(levels: int) -> str:
    """A mapping nested `levels` deep below the document's own, by indentation only: no bracket, brace or dash."""
    return "".join(f"{' ' * level}k{level}:\n" for level in range(levels)) + " " * levels + "end: 1\n"


def test_nesting_by_indentation_exactly_to_the_depth_limit_loads_and_one_deeper_is_refused():
    assert MAX_DEPTH == 40
    document, errors = parse_document(nested(MAX_DEPTH - 1), "t.yaml")
    assert errors == [] and document.location(tuple(f"k{level}" for level in range(MAX_DEPTH - 1)) + ("end",))
    document, errors = parse_document(nested(MAX_DEPTH), "t.yaml")
    assert [(e.line, e.message) for e in errors] == [(MAX_DEPTH + 1, "the content is nested too deeply")]


@pytest.mark.parametrize("levels", [MAX_DEPTH, 1_100, 1_500])
def test_the_pre_scan_finds_nesting_by_indentation_alone(levels):
    # 1,000 spaces of indentation or more send a file through the event-by-event pre-scan, which must stop
    # at the first level past the limit, whatever opens the levels.
    mark = load._nested_too_deeply(nested(levels))
    if levels <= 1_000:
        assert mark is None  # below the bound: left to the loader, which reports it itself
    else:
        # Counted in collections: the document's mapping and MAX_DEPTH below it pass; the next opens on this line.
        assert mark is not None and mark.line + 1 == MAX_DEPTH + 2
        _, errors = parse_document(nested(levels), "t.yaml")
        assert [(e.line, e.message) for e in errors] == [(MAX_DEPTH + 2, "the content is nested too deeply")]


def test_the_pre_scan_lets_deep_but_allowed_nesting_through():
    assert load._nested_too_deeply(nested(MAX_DEPTH - 1) + "pad:\n" + " " * 1_001 + "x: 1\n") is None


@pytest.mark.parametrize("size, refused", [(MAX_FILE_BYTES, False), (MAX_FILE_BYTES + 1, True)])
def test_a_file_of_the_size_limit_is_read_and_one_byte_more_is_refused(tmp_path, size, refused):
    assert MAX_FILE_BYTES == 16_000_000
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(size)
    raw, refusal = read_ordinary_file(path, "big.yaml")
    if refused:
        assert raw == b"" and refusal.message == "the file is larger than the limit of 16,000,000 bytes"
        assert refusal.format() == ("big.yaml: the file is larger than the limit of 16,000,000 bytes "
                                    "(split the text, or shorten it)")
    else:
        assert refusal is None and len(raw) == size
