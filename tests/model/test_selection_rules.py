"""The selection rule's tables: each kind's place on a treatment page, what an answer page shows for that answer,
what the "used with" section lists. On the test topic (tests/fixtures/example-content), whose statements only
the tests change; pure, no build. Issue 28's mutation run found these unpinned."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.content.check import load_site
from patient_info.model import selection
from patient_info.model.selection import INTRODUCING_KINDS, KIND_ORDER
from patient_info.model.site import AllOf, AnswerIs, AnyOf


@pytest.fixture(scope="module")
def topic():
    return load_site(EXAMPLE_CONTENT).topics[0]


def ids(statements) -> list[str]:
    return [s.id for s in statements]


@pytest.mark.parametrize("position, kind", list(enumerate(
    ["how-often", "what-it-is", "when-used", "not-suitable", "can-achieve", "used-with"])))
def test_each_kind_has_its_place_on_a_treatment_page(position, kind):
    # How often a treatment is used comes first, so that a rare treatment never reads as likely; what it can
    # achieve comes after when it may not be suitable.
    assert KIND_ORDER.index(kind) == position


def test_a_treatment_is_introduced_by_how_often_it_is_used_or_else_what_it_is():
    assert INTRODUCING_KINDS == ("how-often", "what-it-is")


@pytest.mark.parametrize("treatment, sections", [
    ("humming", [("how-often", ["humming-most-common"]), ("can-achieve", ["humming-gold-or-new-moon"]),
                 ("used-with", ["moonlight-what-it-is", "moonlight-with-humming"])]),
    ("moonlight-therapy", [("what-it-is", ["moonlight-what-it-is"]), ("when-used", ["moonlight-silver-full-moon"]),
                           ("not-suitable", ["moonlight-bedtime"]),
                           ("used-with", ["humming-most-common", "moonlight-with-humming"])]),
])
def test_a_treatment_page_shows_its_sections_in_kind_order_and_used_with_lists_only_joint_statements(
        topic, treatment, sections):
    groups = selection.treatment_page(topic, topic.treatment(treatment))
    assert [(group.key, ids(group.statements)) for group in groups] == sections
    assert all(group.shown_earlier == () for group in groups)  # nothing chosen twice: the used-with view is narrow


@pytest.mark.parametrize("factor, answer, for_answer, about_question", [
    ("glimmer-colour", "silver", ["moonlight-what-it-is", "moonlight-silver-full-moon"],
     ["humming-most-common", "humming-gold-or-new-moon"]),
    ("glimmer-colour", "gold", ["humming-most-common", "humming-gold-or-new-moon"],
     ["moonlight-what-it-is", "moonlight-silver-full-moon"]),
    ("moon-phase", "full", ["moonlight-what-it-is", "moonlight-silver-full-moon"],
     ["humming-most-common", "humming-gold-or-new-moon"]),
    ("moon-phase", "new", ["humming-most-common", "humming-gold-or-new-moon"],
     ["moonlight-what-it-is", "moonlight-silver-full-moon"]),
])
def test_an_answer_page_shows_for_the_answer_only_what_names_it_and_the_rest_of_the_question_after(
        topic, factor, answer, for_answer, about_question):
    factor = topic.factor(factor)
    groups = selection.situation(topic, factor, next(v for v in factor.values if v.id == answer))
    assert [s.id for g in groups if g.key[0] == "answer" for s in g.statements] == for_answer
    assert [s.id for g in groups if g.key[0] == "question" for s in g.statements] == about_question
    everyone = [s.id for g in groups if g.key[0] == "everyone" for s in g.statements]
    assert everyone == ["aim", "moonlight-with-humming"]


@pytest.mark.parametrize("content", [ROOT / "content", EXAMPLE_CONTENT], ids=["real", "example"])
def test_every_answer_section_holds_only_what_names_the_answer_or_is_usually_only_for_others_and_its_context(
        content):
    # A statement whose conditions name other answers ("can sometimes cure" when there are a few areas) must
    # not read, on this answer's page, as applying to this reader.
    topic = load_site(content).topics[0]
    contexts = selection.context_ids(topic.statements)
    for factor in topic.factors:
        for value in factor.values:
            shown = [s for g in selection.situation(topic, factor, value) if g.key[0] == "answer" for s in g.statements]
            chosen = [s for s in shown if s.involves(factor.id, value.id)
                      or (s.likelihood == "usually-only" and s.involves(factor.id))]
            needed = {c for s in chosen for c in contexts[s.id]}
            strays = [s.id for s in shown if s not in chosen and s.id not in needed]
            assert strays == [], f"{factor.id}={value.id} shows {strays} as if for this answer"


def keyed(groups) -> list[tuple]:
    """Each group as (key, statements shown, statements the view chose that an earlier group showed)."""
    def name(part):
        return tuple(name(p) for p in part) if isinstance(part, tuple) else getattr(part, "id", part)
    return [(name(g.key), ids(g.statements), ids(g.shown_earlier)) for g in groups]


def test_the_overview_shows_the_aim_then_each_treatments_introduction_and_when_used_without_how_often(topic):
    assert keyed(selection.overview(topic)) == [
        ("aim", ["aim"], []),
        ("moonlight-therapy", ["moonlight-what-it-is", "moonlight-silver-full-moon"], []),
        ("humming", ["humming-most-common"], []),
    ]


def test_the_summary_shows_the_aim_each_treatments_own_statements_in_kind_order_then_joint_ones(topic):
    assert keyed(selection.summary(topic)) == [
        ("aim", ["aim"], []),
        ("moonlight-therapy", ["moonlight-what-it-is", "moonlight-silver-full-moon", "moonlight-bedtime"], []),
        ("humming", ["humming-most-common", "humming-gold-or-new-moon"], []),
        ("together", ["moonlight-with-humming"], []),
    ]


def test_an_answer_pages_everyone_part_holds_unconditional_statements_each_treatments_own_then_joint(topic):
    factor = topic.factor("bedtime")
    everyone = [g for g in keyed(selection.situation(topic, factor, factor.values[0])) if g[0][0] == "everyone"]
    assert everyone == [(("everyone", None), ["aim"], []),
                        (("everyone", "moonlight-therapy"), [], ["moonlight-what-it-is"]),  # points back to it
                        (("everyone", "humming"), ["humming-most-common"], []),
                        (("everyone", "together"), ["moonlight-with-humming"], [])]


@pytest.mark.parametrize("content", [ROOT / "content", EXAMPLE_CONTENT], ids=["real", "example"])
def test_every_statement_about_a_treatment_is_on_its_page(content):
    # Including a "used with" statement about one treatment only ("supportive care alongside other treatment").
    topic = load_site(content).topics[0]
    for treatment in topic.treatments:
        shown = {s.id for g in selection.treatment_page(topic, treatment) for s in g.statements}
        assert {s.id for s in topic.statements_about(treatment.id)} <= shown, treatment.id


def test_a_usually_only_statement_is_shown_first_to_readers_whose_answer_it_leaves_out(topic):
    # "Moonlight therapy is usually only possible when the glimmer is silver": for a reader with gold glimmer,
    # that is what limits moonlight therapy, so it is in the answer's part, not left for the rest of the question.
    limited = tuple(replace(s, likelihood="usually-only") if s.id == "moonlight-silver-full-moon" else s
                    for s in topic.statements)
    factor = topic.factor("glimmer-colour")
    gold = next(v for v in factor.values if v.id == "gold")
    groups = keyed(selection.situation(replace(topic, statements=limited), factor, gold))
    answer = [g for g in groups if g[0][0] == "answer"]
    assert answer == [(("answer", "humming"), ["humming-most-common", "humming-gold-or-new-moon"], []),
                      (("answer", "moonlight-therapy"), ["moonlight-what-it-is", "moonlight-silver-full-moon"], [])]


def test_a_treatment_without_an_introduction_is_described_by_its_first_statement(topic):
    without = replace(topic, statements=tuple(s for s in topic.statements if s.id != "moonlight-what-it-is"))
    assert ids(selection.description(without, topic.treatment("moonlight-therapy"))) == ["moonlight-silver-full-moon"]


def test_statements_are_put_in_kind_order_with_unknown_kinds_last():
    made = [SimpleNamespace(id=kind, kind=kind) for kind in ("other", "can-achieve", "how-often", "used-with",
                                                              "what-it-is", "not-suitable", "when-used")]
    assert ids(selection._in_kind_order(made)) == [*KIND_ORDER, "other"]


@pytest.mark.parametrize("edges, cycle", [
    ({"a": ("b",), "b": ("c",), "c": ("a",)}, ("a", "b", "c", "a")),
    ({"a": ("b",), "b": ("b",)}, ("b", "b")),
    ({"a": ("b", "c"), "b": ("c",), "c": ()}, None),
    ({"a": ("x",)}, None),
    ({"a": ("b",), "b": (), "c": ("b",)}, None),
])
def test_find_cycle_follows_each_edge_once_and_names_the_circle(edges, cycle):
    assert selection.find_cycle(edges) == cycle


def changed(topic, **changes):
    """The test topic with some statements changed: {statement id: {field: value}}; None drops the statement."""
    return replace(topic, statements=tuple(replace(s, **changes[s.id]) if changes.get(s.id) else s
                                           for s in topic.statements if s.id not in changes or changes[s.id] is not None))


def test_the_overview_adds_when_used_only_to_a_treatment_without_how_often(topic):
    with_when_used = changed(topic, **{"humming-gold-or-new-moon": {"kind": "when-used"}})
    assert keyed(selection.overview(with_when_used))[2] == ("humming", ["humming-most-common"], [])


def test_the_overview_falls_back_to_every_statement_of_a_treatment_nothing_introduces(topic):
    only_limits = changed(topic, **{"moonlight-what-it-is": None, "moonlight-silver-full-moon": None})
    # Its joint statement brings humming's introduction before it, as everywhere.
    assert keyed(selection.overview(only_limits))[1] == (
        "moonlight-therapy", ["moonlight-bedtime", "humming-most-common", "moonlight-with-humming"], [])


def test_a_joint_statement_of_any_kind_is_in_the_used_with_section_of_its_partner(topic):
    joint = changed(topic, **{"moonlight-with-humming": {"kind": "can-achieve"}})
    groups = keyed(selection.treatment_page(joint, topic.treatment("humming")))
    assert groups[-1] == ("used-with", ["moonlight-what-it-is", "moonlight-with-humming"], [])


def test_within_a_treatment_what_limits_it_for_the_answer_comes_first_whatever_the_source_order(topic):
    gold_only = changed(topic, **{
        "moonlight-silver-full-moon": {"likelihood": "usually-only"},
        "moonlight-bedtime": {"conditions": AnswerIs(factor="glimmer-colour", answers=("gold",))}})
    by_id = {s.id: s for s in gold_only.statements}
    order = ("aim", "moonlight-what-it-is", "moonlight-bedtime", "moonlight-silver-full-moon")
    reordered = replace(gold_only, statements=tuple(by_id[i] for i in order)
                        + tuple(s for s in gold_only.statements if s.id not in order))
    factor = topic.factor("glimmer-colour")
    gold = next(v for v in factor.values if v.id == "gold")
    moonlight = [g for g in keyed(selection.situation(reordered, factor, gold)) if g[0] == ("answer", "moonlight-therapy")]
    assert moonlight == [(("answer", "moonlight-therapy"),
                          ["moonlight-what-it-is", "moonlight-silver-full-moon", "moonlight-bedtime"], [])]


# What rules a statement out for a reader's answers (selection.ruled_out_by), on conditions of every shape. --------

def _two_questions():
    """Two questions of two answers each: where (a, b) and when (x, y)."""
    def factor(factor_id, *answers):
        return SimpleNamespace(id=factor_id, values=tuple(SimpleNamespace(id=a) for a in answers))
    factors = {f.id: f for f in (factor("where", "a", "b"), factor("when", "x", "y"))}
    return SimpleNamespace(factor=factors.__getitem__)


def _said(conditions, likelihood="may"):
    return SimpleNamespace(id="s", likelihood=likelihood, conditions=conditions)


@pytest.mark.parametrize("conditions, ruled_out", [
    (None, set()),
    (AnswerIs("where", ()), set()),  # the question in general: no answer rules it out
    (AnswerIs("where", ("a",)), {frozenset({"where=b"})}),
    (AnswerIs("where", ("a", "b")), set()),
    (AllOf((AnswerIs("where", ("a",)), AnswerIs("when", ("x",)))), {frozenset({"where=b"}), frozenset({"when=y"})}),
    # Either side may hold: only both answers against it rule it out.
    (AnyOf((AnswerIs("where", ("a",)), AnswerIs("when", ("x",)))), {frozenset({"where=b", "when=y"})}),
    (AnyOf((AnswerIs("where", ("a",)), AnswerIs("when", ()))), set()),
    (AllOf((AnswerIs("where", ("a",)), AnyOf((AnswerIs("when", ("x",)), AnswerIs("where", ("a",)))))),
     {frozenset({"where=b"}), frozenset({"when=y", "where=b"})}),
])
def test_answers_rule_a_statement_out_as_its_conditions_say(conditions, ruled_out):
    assert set(selection.ruled_out_by(_two_questions(), _said(conditions))) == ruled_out


def test_a_usually_only_statement_is_never_ruled_out():
    said = _said(AnswerIs("where", ("a",)), likelihood="usually-only")
    assert selection.ruled_out_by(_two_questions(), said) == ()


def test_my_situation_leaves_out_a_context_that_exactly_the_readers_answers_rule_out(topic):
    # "Humming can help when the glimmer is gold or the moon is new" is ruled out by silver and full together:
    # named as the context of what applies to silver and full, it is still not shown to a reader who gave both.
    linked = changed(topic, **{"moonlight-silver-full-moon": {"context": ("humming-gold-or-new-moon",)}})
    colour, phase = linked.factor("glimmer-colour"), linked.factor("moon-phase")
    silver, full, gold = (next(v for v in f.values if v.id == i) for f, i in
                          ((colour, "silver"), (phase, "full"), (colour, "gold")))
    assert frozenset({"glimmer-colour=silver", "moon-phase=full"}) in selection.ruled_out_by(
        linked, linked.statement("humming-gold-or-new-moon"))
    shown = ids(s for group in selection.my_situation(linked, [(colour, silver), (phase, full)])
                for s in group.statements)
    assert "moonlight-silver-full-moon" in shown and "humming-gold-or-new-moon" not in shown
    assert "humming-gold-or-new-moon" in ids(s for group in selection.my_situation(linked, [(colour, gold)])
                                              for s in group.statements)
