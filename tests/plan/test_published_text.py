"""`make check` judges the text the build will publish, so that check and strict build agree: a sentence the
site's own words compose from a value (a title, a question, a name) is reported at that value's file and line.
Pure: the plan is made as `make check` makes it, without MkDocs; a few real builds prove the build stops on the
same sentences, before it writes anything, at any log level."""

import pytest

from conftest import EXAMPLE_CONTENT, mkdocs_build, plan_for

TOPIC = "glimmer-fever"
LONG = " ".join(["very"] * 19)  # with the words around it, a value with these makes a sentence of over 25 words


def plant(content, file: str, old: str, new: str) -> int:
    """Replaces `old` with `new` in one file; the line `new` starts on."""
    path = content / file
    text = path.read_text("utf-8")
    assert old in text, (file, old)
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    return next(n for n, row in enumerate(text.splitlines(), 1) if new.splitlines()[0] in row)


# (name, file, old text, new text): each value is short enough for the content check on its own.
COMPOSED = [
    ("topic title", f"{TOPIC}/topic.yaml", "title: Glimmer fever", f"title: Glimmer fever that is {LONG} long"),
    ("source title", f"{TOPIC}/sources/test-source.yaml", "title: Glimmer fever, made up",
     f"title: Glimmer fever, made up and {LONG} long"),
    ("source publisher", f"{TOPIC}/sources/test-source.yaml", "publisher: The test suite",
     f"publisher: The test suite {LONG}"),
    ("factor question", f"{TOPIC}/factors.yaml", "question: What colour is the glimmer?",
     f"question: What {LONG} colour is the glimmer?"),
    ("answer label", f"{TOPIC}/factors.yaml", "label: Silver", f"label: Silver and {LONG} shiny"),
    ("site publisher", "site.yaml", "publisher: the test suite", f"publisher: the test suite {LONG}"),
    # "Reviewer: <reviewer>, <role>.": each may be 25 words alone, not 25 together.
    ("reviewer", f"{TOPIC}/topic.yaml", "reviewer: The test suite", f"reviewer: The test suite {LONG} too long"),
    ("reviewer's role", f"{TOPIC}/topic.yaml", "role: Made-up checkers", f"role: Made-up checkers {LONG} too long"),
    ("treatment name", f"{TOPIC}/treatments/humming.yaml", "name: Humming", f"name: Humming {LONG} loudly"),
]


def long_sentence_warnings(plan, file: str) -> list:
    return [w for w in plan.warnings if w.file.endswith(file) and "more than 25" in w.message]


@pytest.mark.parametrize("name, file, old, new", COMPOSED, ids=[case[0] for case in COMPOSED])
def test_a_sentence_composed_from_a_value_is_reported_at_the_values_line(example_copy, name, file, old, new):
    line = plant(example_copy, file, old, new)
    warnings = long_sentence_warnings(plan_for(example_copy), file)
    assert warnings, f"make check passes a {name} that makes a sentence of over 25 words"
    assert {w.line for w in warnings} == {line}, [w.format() for w in warnings]
    assert all("shorten the value" in w.hint for w in warnings)


def test_the_same_composed_sentence_on_many_pages_is_one_message_naming_them(example_copy):
    plant(example_copy, f"{TOPIC}/topic.yaml", "title: Glimmer fever", f"title: Glimmer fever that is {LONG} long")
    warnings = long_sentence_warnings(plan_for(example_copy), "topic.yaml")
    sentences = [w.message.split(": ", 1)[1] for w in warnings]
    assert len(sentences) == len(set(sentences)), "one message per sentence"
    assert any(" pages (/" in w.message for w in warnings)


def test_a_sentence_written_whole_in_one_value_is_reported_once_by_the_content_check(example_copy):
    line = plant(example_copy, f"{TOPIC}/topic.yaml", "  - text: Glimmer fever is not real.",
                 f"  - text: Glimmer fever is not real and this caveat goes on for {LONG} {LONG} words.")
    errors = [e for e in plan_for(example_copy).errors + plan_for(example_copy).warnings
              if e.file.endswith("topic.yaml") and e.line == line]
    assert len(errors) == 1 and "words" in errors[0].message, [e.format() for e in errors]


def test_the_real_and_example_content_publish_no_sentence_too_long_and_no_page_too_hard():
    from conftest import ROOT
    for content in (ROOT / "content", EXAMPLE_CONTENT):
        plan = plan_for(content)
        assert plan.warnings == [], [w.format() for w in plan.warnings]
        assert plan.readings and all(r.flesch_kincaid_grade <= 8 and r.smog_index <= 14
                                     for r in plan.readings.values())


# The build stops on the same sentences -----------------------------------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("quiet", [False, True], ids=["loud", "quiet"])
def test_the_strict_build_stops_on_a_composed_sentence_before_writing_at_any_log_level(example_copy, tmp_path,
                                                                                        quiet):
    name, file, old, new = COMPOSED[0]
    line = plant(example_copy, file, old, new)
    site = tmp_path / "site"
    result = mkdocs_build(site, example_copy, extra_args=["-q"] if quiet else [])
    assert result.returncode != 0, "a strict build published a sentence make check refuses"
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists(), "a failed build must not leave a site that looks finished"
    if not quiet:
        assert f"{example_copy / file}:{line}" in result.stderr and "more than 25" in result.stderr


@pytest.mark.build
def test_check_and_build_agree_on_a_treatment_name(example_copy, tmp_path):
    name, file, old, new = COMPOSED[-1]
    line = plant(example_copy, file, old, new)
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode != 0 and f"{file}:{line}" in result.stderr
