"""Which statements each page shows, and in what order. Pages choose and order statements; they never cut one.

A statement that names an answer may read as wider than the source meant when it stands alone
("surgery can sometimes cure the cancer"), so wherever a treatment is shown for an answer, the
statements that limit it in general (how often it is used, when it is used, when it may not be
suitable) are shown beside it, whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from .site import LIKELIHOOD_ORDER, Factor, FactorValue, Statement, Topic, Treatment

LIMITING_KINDS = ("how-often", "when-used", "not-suitable")
# Statements with no conditions that are true for everyone with the condition. What a treatment is
# ("ablation uses heat") is left out: listed for everyone, it would read as "this is for you".
FOR_EVERYONE_KINDS = ("how-often", "can-achieve", "used-with")
# The order of a treatment page's sections, and of a treatment's statements wherever several are shown.
KIND_ORDER = ("what-it-is", "how-often", "when-used", "not-suitable", "can-achieve", "used-with")


@dataclass(frozen=True)
class TreatmentStatements:
    """A treatment on a page built from statements: how often it is used (said first, so that a rare
    treatment never reads as likely), what is said for the page's subject, and its other limits."""

    treatment: Treatment
    statements: tuple[Statement, ...]
    limits: tuple[Statement, ...] = ()
    how_often: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Situation:
    topic: Topic
    factor: Factor
    value: FactorValue
    for_answer: tuple[TreatmentStatements, ...]
    for_everyone: tuple[TreatmentStatements, ...]
    other_treatments: tuple[Treatment, ...]


def situations(topic: Topic) -> tuple[Situation, ...]:
    return tuple(situation(topic, factor, value) for factor in topic.factors for value in factor.values)


def situation(topic: Topic, factor: Factor, value: FactorValue) -> Situation:
    for_answer = tuple(_with_limits(topic, treatment, named)
                       for treatment in topic.treatments
                       if (named := _main_statements(topic, treatment, lambda s: s.involves(factor.id, value.id))))
    # How often each treatment is used overall orders them, where the source says; otherwise what it says here.
    for_answer = tuple(sorted(for_answer, key=lambda item: _rank(item.how_often or item.statements)))
    shown = {item.treatment.id for item in for_answer}
    for_everyone = tuple(TreatmentStatements(treatment, general)
                         for treatment in topic.treatments
                         if treatment.id not in shown and (general := everyone_statements(topic, treatment)))
    for_everyone = tuple(sorted(for_everyone, key=lambda item: _rank(item.statements)))
    shown |= {item.treatment.id for item in for_everyone}
    others = tuple(treatment for treatment in topic.treatments if treatment.id not in shown)
    return Situation(topic, factor, value, for_answer, for_everyone, others)


def everyone_statements(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    """What is said of the treatment for everyone: no conditions, and about no other treatment."""
    return _main_statements(topic, treatment, lambda s: s.conditions is None and s.kind in FOR_EVERYONE_KINDS
                            and len(s.about) == 1)


def factor_statements(topic: Topic, factor: Factor) -> tuple[Statement, ...]:
    """Every statement whose conditions name the factor, in the source's order."""
    return tuple(s for s in topic.statements if s.about and s.involves(factor.id))


def treatment_sections(topic: Topic, treatment: Treatment) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
    """A treatment page's statements by kind, in KIND_ORDER; used-with statements from either side."""
    sections = []
    for kind in KIND_ORDER:
        found = (topic.statements_about(treatment.id, kind) if kind == "used-with"
                 else tuple(s for s in topic.statements_about(treatment.id, kind) if s.treatment == treatment.id))
        if found:
            sections.append((kind, found))
    return tuple(sections)


def brief(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    """A treatment in a few statements: what it is and how often it is used. When the source gives no
    'how often', when it is used instead, so that no treatment reads as offered to everyone."""
    found = _main_statements(topic, treatment, lambda s: s.kind in ("what-it-is", "how-often"))
    if not any(s.kind == "how-often" for s in found):
        found += _main_statements(topic, treatment, lambda s: s.kind == "when-used")
    return found


def when_it_is_used(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    """How often and when a treatment is used, for the printed summary; what it is, if the source says no more.
    When it may not be suitable is left to the treatment's page: one sheet has no room for it."""
    found = _main_statements(topic, treatment, lambda s: s.kind in ("how-often", "when-used"))
    return found or _main_statements(topic, treatment, lambda s: s.kind == "what-it-is")


def lead(topic: Topic, treatment: Treatment) -> Statement:
    """The statement that describes the treatment in one line (page descriptions, links.json)."""
    return (brief(topic, treatment) or topic.statements_about(treatment.id))[0]


def _with_limits(topic: Topic, treatment: Treatment, named: tuple[Statement, ...]) -> TreatmentStatements:
    how_often = _main_statements(topic, treatment, lambda s: s.kind == "how-often" and s.conditions is None
                                 and s not in named)
    limits = _main_statements(topic, treatment, lambda s: s.kind in LIMITING_KINDS and s not in named + how_often)
    return TreatmentStatements(treatment, named, limits, how_often)


def _main_statements(topic: Topic, treatment: Treatment, wanted) -> tuple[Statement, ...]:
    found = [s for s in topic.statements if s.treatment == treatment.id and wanted(s)]
    return tuple(sorted(found, key=lambda s: KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else len(KIND_ORDER)))


def _rank(statements: tuple[Statement, ...]) -> int:
    return min(LIKELIHOOD_ORDER.index(s.likelihood) for s in statements)
