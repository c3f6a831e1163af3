"""The one selection rule: wherever a statement is shown, its context comes first on the same page, and no
statement is shown twice; each view chooses and orders, only the rule adds. Pure: no build."""

from types import SimpleNamespace

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info import page_kinds
from patient_info.content.check import load_site
from patient_info.model import selection
from patient_info.model.selection import arrange, context_ids, find_cycle


@pytest.fixture(scope="module")
def topic():
    return load_site(ROOT / "content").topics[0]


def shown(groups) -> list[str]:
    return [s.id for group in groups for s in group.statements]


def in_order(ids: list[str], *expected: str) -> bool:
    """Whether the expected ids are all shown, in this order."""
    positions = [ids.index(i) for i in expected if i in ids]
    return len(positions) == len(expected) and positions == sorted(positions)


def every_view(topic):
    """Every page of the topic that shows statements, with what it shows."""
    for kind in page_kinds.ALL:
        if kind.statements and kind.per != "site":
            for subject in kind.subjects_in(topic):
                yield f"{kind.name} {kind.src_uri(*subject)}", kind.shows(*subject)


@pytest.mark.parametrize("content", [ROOT / "content", EXAMPLE_CONTENT], ids=["real", "example"])
def test_every_view_shows_each_statement_after_its_context_and_once(content):
    topic = load_site(content).topics[0]
    contexts = context_ids(topic.statements)
    for name, groups in every_view(topic):
        ids = shown(groups)
        assert len(ids) == len(set(ids)), f"{name} shows a statement twice"
        for position, statement_id in enumerate(ids):
            missing = [c for c in contexts[statement_id] if c not in ids[:position]]
            assert not missing, f"{name}: {statement_id} is shown without {missing} before it"


def test_a_treatments_how_often_statement_is_the_context_of_everything_said_about_it(topic):
    contexts = context_ids(topic.statements)
    for statement in topic.statements:
        if "surgery" in statement.about and statement.id != "surgery-small-number":
            assert "surgery-small-number" in contexts[statement.id], statement.id


def test_without_a_how_often_statement_what_it_is_introduces_the_treatment(topic):
    contexts = context_ids(topic.statements)
    assert contexts["supportive-care-when"][:1] == ("supportive-care-what-it-is",)
    assert contexts["ablation-bowel"] == ("ablation-what-it-is",)
    assert contexts["hormonal-therapy-breast"] == ()  # nothing introduces it: it stands alone


def test_context_named_in_the_content_follows_the_treatments_introduction(topic):
    assert context_ids(topic.statements)["surgery-other-cancers"] == ("surgery-small-number",
                                                                       "surgery-bowel-or-neuroendocrine")


def test_arrange_adds_context_once_and_points_back_to_what_an_earlier_group_showed(topic):
    many = topic.statement("surgery-many-areas")
    groups = arrange(topic, [("first", [many]), ("second", [many, topic.statement("surgery-cancer-elsewhere")])])
    assert shown(groups[:1]) == ["surgery-small-number", "surgery-many-areas"]
    assert shown(groups[1:]) == ["surgery-cancer-elsewhere"]
    assert groups[1].shown_earlier == (many,)
    assert groups[1].context_earlier == (topic.statement("surgery-small-number"),)


def test_cure_is_never_shown_without_how_rarely_and_where_surgery_is_usually_possible(topic):
    for name, groups in every_view(topic):
        ids = shown(groups)
        if "surgery-can-cure" in ids:
            assert in_order(ids, "surgery-small-number", "surgery-bowel-or-neuroendocrine", "surgery-other-cancers",
                            "surgery-few-areas", "surgery-can-cure"), name


def test_a_view_that_dropped_context_would_be_caught(topic):
    """The check above is not vacuous: a group arranged without the rule shows cure without how rarely."""
    planted = (selection.Group("planted", (topic.statement("surgery-can-cure"),)),)
    ids = shown(planted)
    assert "surgery-small-number" in context_ids(topic.statements)[ids[0]] and "surgery-small-number" not in ids


def test_two_introductions_of_one_treatment_do_not_wait_for_each_other():
    items = [SimpleNamespace(id=f"often-{n}", kind="how-often", about=("x",), context=(), conditions=None)
             for n in range(2)]
    items.append(SimpleNamespace(id="when", kind="when-used", about=("x",), context=(), conditions={"f": 1}))
    assert context_ids(items) == {"often-0": (), "often-1": (), "when": ("often-0", "often-1")}


def test_find_cycle_names_the_statements_that_wait_for_each_other():
    assert find_cycle({"a": ("b",), "b": ("c",), "c": ("a",)}) == ("a", "b", "c", "a")
    assert find_cycle({"a": ("a",)}) == ("a", "a")
    assert find_cycle({"a": ("b",), "b": (), "c": ("a", "b")}) is None


def test_context_ids_work_on_anything_shaped_like_a_statement():
    """The content check follows the same edges on data that may break its schema."""
    items = [SimpleNamespace(id="often", kind="how-often", about=("x",), context=(), conditions=None),
             SimpleNamespace(id="when", kind="when-used", about=("x",), context=(), conditions={"factor": "f"}),
             SimpleNamespace(id="also", kind="when-used", about=("x",), context=("when",), conditions=None)]
    assert context_ids(items) == {"often": (), "when": ("often",), "also": ("often", "when")}


# Situation pages ---------------------------------------------------------------------------------------

def situation(topic, factor_id, value_id):
    factor = topic.factor(factor_id)
    return selection.situation(topic, factor, factor.value(value_id))


def part(groups, name):
    return [s.id for group in groups if group.key[0] == name for s in group.statements]


def treatments_in(groups, name):
    return [group.key[1].id for group in groups if group.key[0] == name and group.statements]


@pytest.mark.parametrize("answer", ["breast", "other"])
def test_where_surgery_is_usually_possible_comes_first_for_readers_it_leaves_out(topic, answer):
    groups = situation(topic, "primary-cancer", answer)
    assert in_order(part(groups, "answer"), "surgery-small-number", "surgery-bowel-or-neuroendocrine",
                    "surgery-other-cancers")


@pytest.mark.parametrize("answer, order", [
    ("bowel", ["surgery", "ablation"]),
    ("neuroendocrine-tumour", ["surgery", "ablation"]),
    ("breast", ["hormonal-therapy", "surgery", "ablation"]),
    ("other", ["surgery", "ablation"]),
])
def test_treatments_follow_the_sources_emphasis_for_the_answer(topic, answer, order):
    assert treatments_in(situation(topic, "primary-cancer", answer), "answer") == order


def test_an_answer_page_shows_its_question_whole_then_what_applies_to_everyone(topic):
    groups = situation(topic, "primary-cancer", "bowel")
    about_question = {s.id for s in selection.factor_statements(topic, topic.factor("primary-cancer"))}
    assert about_question <= set(shown(groups))
    assert "hormonal-therapy-breast" in part(groups, "question")  # for another answer: shown, apart
    assert "chemotherapy-most-common" in part(groups, "everyone")
    assert "surgery-few-areas" not in shown(groups)  # another question's: on that question's pages


def test_chemotherapy_after_surgery_names_liver_surgery_and_comes_after_how_often(topic):
    groups = situation(topic, "previous-surgery", "had-surgery")
    statement = topic.statement("chemotherapy-after-surgery")
    assert "surgery on your liver" in statement.text
    assert in_order(shown(groups), "chemotherapy-most-common", "surgery-small-number", "chemotherapy-after-surgery")


def test_not_well_enough_says_what_supportive_care_does_before_who_has_it(topic):
    groups = situation(topic, "fitness", "not-well-enough")
    assert in_order(part(groups, "answer"), "supportive-care-what-it-is", "supportive-care-when")


def test_every_treatment_is_on_every_answer_page(topic):
    for factor in topic.factors:
        for value in factor.values:
            groups = selection.situation(topic, factor, value)
            named = {t for group in groups for s in group.statements for t in s.about}
            others = {t.id for t in selection.other_treatments(topic, groups)}
            assert named | others == {t.id for t in topic.treatments}, value.id


# The summary and the one-line descriptions ---------------------------------------------------------------

def test_the_summary_shows_every_statement(topic):
    assert sorted(shown(selection.summary(topic))) == sorted(s.id for s in topic.statements)


def test_a_treatments_one_line_description_starts_with_how_often_it_is_used(topic):
    surgery = topic.treatment("surgery")
    assert [s.id for s in selection.description(topic, surgery)] == ["surgery-small-number"]
