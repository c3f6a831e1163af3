"""The one selection rule: wherever a statement is shown, its context comes first on the same page, and no
statement is shown twice; each view chooses and orders, only the rule adds. Pure: no build."""

import itertools
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


# "My situation": the answers a reader chose, together ---------------------------------------------------

def answers(topic, **chosen):
    """(factor, value) pairs from question=answer ids (hyphens written as underscores)."""
    return [(topic.factor(f.replace("_", "-")), topic.factor(f.replace("_", "-")).value(v)) for f, v in chosen.items()]


def every_choice(topic):
    """Every way to answer the questions: one answer or none ("I don't know") for each."""
    options = [[None, *((factor, value) for value in factor.values)] for factor in topic.factors]
    return [[answer for answer in combination if answer] for combination in itertools.product(*options)]


def part_of(groups, value_id):
    return [s.id for group in groups if group.key[0] and group.key[0][1].id == value_id for s in group.statements]


def test_my_situation_shows_each_chosen_answer_then_everyone(topic):
    groups = selection.my_situation(topic, answers(topic, primary_cancer="bowel", liver_areas="a-few-areas"))
    parts = list(dict.fromkeys(group.key[0][1].id if group.key[0] else "everyone" for group in groups))
    assert parts == ["bowel", "a-few-areas", "everyone"]
    assert part_of(groups, "bowel") == ["surgery-small-number", "surgery-bowel-or-neuroendocrine",
                                        "ablation-what-it-is", "ablation-bowel"]
    # "Surgery may also be an option if the cancer started somewhere other than the bowel": not for this reader.
    assert part_of(groups, "a-few-areas") == ["surgery-few-areas", "surgery-can-cure"]
    everyone = [s.id for group in groups if group.key[0] is None for s in group.statements]
    assert everyone[0] == "aim" and "chemotherapy-most-common" in everyone
    assert "chemotherapy-after-surgery" in everyone  # after liver surgery, for anyone who has it


@pytest.mark.parametrize("given, never", [
    (dict(liver_areas="many-areas", spread_elsewhere="liver-only"), {"surgery-few-areas", "surgery-can-cure"}),
    (dict(spread_elsewhere="elsewhere"), {"surgery-few-areas", "surgery-can-cure"}),
    (dict(primary_cancer="bowel", fitness="not-fit-for-surgery"), {"ablation-other-places", "surgery-other-cancers"}),
    (dict(primary_cancer="breast", previous_surgery="had-surgery"), {"ablation-bowel"}),
])
def test_my_situation_never_shows_what_another_of_the_answers_rules_out(topic, given, never):
    """Shown under one answer, a statement whose conditions another answer contradicts reads as the reader's own:
    "Surgery can sometimes cure the cancer" to a reader who said "many areas"."""
    ids = set(shown(selection.my_situation(topic, answers(topic, **given))))
    assert ids and not ids & never


def test_what_is_usually_only_possible_for_other_answers_is_never_ruled_out(topic):
    assert selection.ruled_out_by(topic, topic.statement("surgery-bowel-or-neuroendocrine")) == ()
    assert set(selection.ruled_out_by(topic, topic.statement("surgery-other-cancers"))) == {
        frozenset({"primary-cancer=bowel"}), frozenset({"primary-cancer=neuroendocrine-tumour"})}


def test_an_either_or_condition_is_ruled_out_only_when_each_side_is(topic):
    """Ablation "may" be used after surgery or when not fit for it: "not well enough for the main treatments"
    answers the fitness question, but the other side (already had surgery) stays open, so only where the cancer
    started can rule it out."""
    assert set(selection.ruled_out_by(topic, topic.statement("ablation-bowel"))) == {
        frozenset({"primary-cancer=neuroendocrine-tumour"}), frozenset({"primary-cancer=breast"}),
        frozenset({"primary-cancer=other"})}
    assert selection.ruled_out_by(topic, topic.statement("supportive-care-when")) == ()


def test_my_situation_for_one_answer_says_what_its_answer_page_says_first(topic):
    """Per answer it reuses the answer page's first part: what applies to it, with the 'usually only' limits."""
    for factor in topic.factors:
        for value in factor.values:
            page = [s.id for group in selection.situation(topic, factor, value) if group.key[0] == "answer"
                    for s in group.statements]
            mine = [s.id for group in selection.my_situation(topic, [(factor, value)]) if group.key[0]
                    for s in group.statements]
            assert mine == page, value.id


@pytest.mark.parametrize("answer", ["breast", "other"])
def test_my_situation_keeps_what_is_usually_only_possible_for_other_answers(topic, answer):
    groups = selection.my_situation(topic, answers(topic, primary_cancer=answer))
    assert in_order(part_of(groups, answer), "surgery-small-number", "surgery-bowel-or-neuroendocrine",
                    "surgery-other-cancers")


def test_my_situation_without_answers_shows_what_applies_to_everyone(topic):
    groups = selection.my_situation(topic, [])
    assert all(group.key[0] is None for group in groups)
    everyone = {s.id for s in topic.statements if s.conditions is None}
    ids = shown(groups)
    assert everyone <= set(ids)
    contexts = context_ids(topic.statements)
    assert set(ids) - everyone == {"supportive-care-when"}  # the context of supportive-care-alongside
    assert set(ids) - everyone <= {c for i in ids for c in contexts[i]}


def test_my_situation_takes_the_answers_in_the_topics_order_of_questions(topic):
    one = answers(topic, primary_cancer="breast", fitness="not-well-enough")
    assert selection.my_situation(topic, one) == selection.my_situation(topic, one[::-1])


@pytest.mark.parametrize("content", [ROOT / "content", EXAMPLE_CONTENT], ids=["real", "example"])
def test_my_situation_shows_every_statement_involving_a_chosen_answer_after_its_context_once(content):
    """Unless the reader's other answers rule it out (then it is not theirs, and not shown even as context)."""
    topic = load_site(content).topics[0]
    contexts = context_ids(topic.statements)
    for chosen in every_choice(topic):
        given = {selection.answer_name(f, v) for f, v in chosen}
        ruled_out = {s.id for s in topic.statements if any(c <= given for c in selection.ruled_out_by(topic, s))}
        ids = shown(selection.my_situation(topic, chosen))
        assert len(ids) == len(set(ids)), chosen
        assert not ruled_out & set(ids), chosen
        involving = {s.id for s in topic.statements if any(s.involves(f.id, v.id) for f, v in chosen)}
        assert involving - ruled_out <= set(ids), chosen
        for position, statement_id in enumerate(ids):
            assert set(contexts[statement_id]) - ruled_out <= set(ids[:position]), (chosen, statement_id)


@pytest.mark.parametrize("content", [ROOT / "content", EXAMPLE_CONTENT], ids=["real", "example"])
def test_the_parts_laid_out_in_order_give_my_situation_for_every_choice(content):
    """What the situation finder's script does with the parts the build writes into its page: the chosen answers'
    parts and everyone's, each statement kept where it first appears unless the answers rule it out, empty groups
    left out."""
    topic = load_site(content).topics[0]
    parts = selection.my_situation_parts(topic)
    for chosen in every_choice(topic):
        wanted = {(f.id, v.id) for f, v in chosen}
        given = {selection.answer_name(f, v) for f, v in chosen}
        placed, laid_out = set(), []
        for answer, groups in parts:
            if answer is not None and (answer[0].id, answer[1].id) not in wanted:
                continue
            for group in groups:
                ids = [s.id for s in group.statements if s.id not in placed
                       and not any(c <= given for c in selection.ruled_out_by(topic, s))]
                placed |= set(ids)
                if ids:
                    laid_out.append((group.key, ids))
        assert laid_out == [(g.key, [s.id for s in g.statements]) for g in selection.my_situation(topic, chosen)
                            if g.statements], chosen


def test_the_real_topic_has_540_ways_to_answer(topic):
    assert len(every_choice(topic)) == 540
