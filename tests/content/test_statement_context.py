"""A statement stands on its own or names what it needs: the content check reports, at the statement's line, a
text that leans on a sentence before it, an 'also' without its context, a context naming an unknown statement
or itself, and contexts that go round in a circle."""

import pytest

from patient_info.content.check import check_content

STATEMENTS = "glimmer-fever/statements.yaml"
MOONLIGHT_WHEN = "text: Moonlight therapy is sometimes used when the glimmer is silver and the moon is full."


def plant(content, old: str, new: str) -> tuple[str, list]:
    path = content / STATEMENTS
    text = path.read_text("utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    return text, check_content(content).errors


def line_of(text: str, marker: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if marker in row)


@pytest.mark.parametrize("opening", ["It", "This", "They", "These", "Also", "Its", "Others"])
def test_a_statement_that_opens_by_leaning_on_a_sentence_before_it_is_reported(example_copy, opening):
    text, errors = plant(example_copy, MOONLIGHT_WHEN, f"text: {opening} is sometimes used when the glimmer is "
                                                       "silver and the moon is full.")
    line = line_of(text, f"text: {opening} is sometimes")
    found = [e for e in errors if e.file.endswith(STATEMENTS) and e.line == line]
    assert found and f"starts with '{opening}'" in found[0].message and "context" in found[0].hint, \
        [e.format() for e in errors]


def test_a_pronoun_later_in_the_statement_is_its_own_business(example_copy):
    _, errors = plant(example_copy, MOONLIGHT_WHEN, "text: Moonlight therapy is sometimes used. It needs the "
                                                     "glimmer to be silver and the moon to be full.")
    assert not [e for e in errors if "leans on" in e.message]


def test_also_without_a_context_is_reported_and_with_one_is_accepted(example_copy):
    text, errors = plant(example_copy, MOONLIGHT_WHEN, "text: Moonlight therapy is also sometimes used when the "
                                                       "glimmer is silver and the moon is full.")
    line = line_of(text, "is also sometimes used")
    assert any(e.line == line and "says 'also'" in e.message for e in errors), [e.format() for e in errors]
    _, errors = plant(example_copy, "    text: Moonlight therapy is also", "    context: [moonlight-what-it-is]\n"
                                                                          "    text: Moonlight therapy is also")
    assert not [e for e in errors if "also" in e.message]


@pytest.mark.parametrize("named, says", [
    ("moonlight-what-is-it", "unknown statement 'moonlight-what-is-it'"),
    ("moonlight-silver-full-moon", "names itself as its context"),
], ids=["unknown", "itself"])
def test_a_context_that_names_no_other_statement_is_reported_at_its_line(example_copy, named, says):
    text, errors = plant(example_copy, "    " + MOONLIGHT_WHEN, f"    context: [{named}]\n    " + MOONLIGHT_WHEN)
    line = line_of(text, f"context: [{named}]")
    assert any(e.line == line and says in e.message for e in errors), [e.format() for e in errors]


def test_contexts_that_go_round_in_a_circle_are_reported_once_at_a_context_line(example_copy):
    # what-it-is introduces moonlight therapy, so it comes before everything said about it: naming a statement
    # about moonlight therapy as its context closes a circle.
    text, errors = plant(example_copy, "  - id: moonlight-what-it-is\n    about: [moonlight-therapy]\n",
                         "  - id: moonlight-what-it-is\n    about: [moonlight-therapy]\n"
                         "    context: [moonlight-silver-full-moon]\n")
    circles = [e for e in errors if "each need the other shown first" in e.message]
    assert len(circles) == 1 and circles[0].line == line_of(text, "context: [moonlight-silver-full-moon]")
    assert "moonlight-what-it-is → moonlight-silver-full-moon → moonlight-what-it-is" in circles[0].message


def test_the_real_and_example_statements_stand_on_their_own(example_copy):
    from conftest import ROOT
    assert not [e for e in check_content(ROOT / "content").errors]
    assert not [e for e in check_content(example_copy).errors]
