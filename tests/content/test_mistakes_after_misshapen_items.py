"""A list item of the wrong shape is reported by the schema check; the cross-file checks that run on the
same file must still place their own messages at the right line, counting every item of the list."""

from patient_info.content.check import check_content

FACTORS = "glimmer-fever/factors.yaml"


def test_a_duplicate_answer_after_a_misshapen_factor_is_named_at_its_own_line(example_copy):
    factors = example_copy / FACTORS
    text = factors.read_text("utf-8").replace("factors:\n", "factors:\n  - just words\n", 1)
    text = text.replace("      - id: gold", "      - id: silver", 1)
    factors.write_text(text, "utf-8")
    repeated_line = text.splitlines().index("      - id: silver", text.splitlines().index("      - id: silver") + 1) + 1
    errors = check_content(example_copy).errors
    duplicate = [error for error in errors if error.message.startswith("duplicate answer")]
    assert [error.line for error in duplicate] == [repeated_line]
    assert any("should be a set of 'field: value' lines" in error.message for error in errors)


def test_a_glossary_that_breaks_its_schema_still_has_its_repeated_terms_named(example_copy):
    glossary = example_copy / "glossary.yaml"
    text = glossary.read_text("utf-8").replace("    basis: source\n", "    basis: source\n    colour: blue\n", 1)
    text = text.replace("terms:\n", "terms:\n  - id: glimmer-fever-again\n    term: glimmer fever\n"
                                     "    definition: The same word twice.\n    basis: source\n", 1)
    glossary.write_text(text, "utf-8")
    messages = [error.message for error in check_content(example_copy).errors if error.file.endswith("glossary.yaml")]
    assert any("unknown field 'colour'" in message for message in messages)
    assert any("'glimmer fever' is already a term or form" in message for message in messages)
