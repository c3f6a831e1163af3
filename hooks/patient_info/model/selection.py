"""Which statements a page shows, in what order: one rule for every view.

Views choose statements and put them in groups (a treatment's section, a question's section, ...).
Only `arrange` adds to what they chose: before each statement it puts the statements without which
it would mislead (its context), on the same page and earlier, and it never shows a statement twice.

A statement's context is
- the introduction of every treatment it is about: how often the treatment is used, or, where the
  source does not say, what it is ("A small number of people ... have surgery" comes before anything
  else said about surgery, so that surgery never reads as the likely route);
- the statements its `context` names in the content ("Surgery may also be an option ..." after
  "Surgery is usually only possible ...").
The content check rejects a context that names an unknown statement or goes round in a circle, so
`arrange` can follow contexts to the end.

Where several treatments are listed for one question or answer, they follow the source's emphasis
(`by_emphasis`): what it says most often first, "occasionally" after "may", and a treatment the
source calls "usually only" possible for other answers after what it allows for this one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Protocol

from .site import LIKELIHOODS, AllOf, AnswerIs, Factor, FactorValue, Statement, Topic, Treatment

# A treatment page's sections, one per kind, in this order: how often it is used comes first, so that a rare
# treatment never reads as likely; what it can achieve comes after when it may not be suitable.
KIND_ORDER = ("how-often", "what-it-is", "when-used", "not-suitable", "can-achieve", "used-with")
# Kinds whose statements introduce a treatment: how often it is used, or else what it is.
INTRODUCING_KINDS = ("how-often", "what-it-is")


class _StatementLike(Protocol):
    id: str
    kind: str
    about: tuple[str, ...]
    context: tuple[str, ...]
    conditions: object


@dataclass(frozen=True)
class Group:
    """One part of a page: its key (what the view calls it: a treatment, a question, a kind, ...), the
    statements it shows in order, context first, and those the view chose that the page already showed."""

    key: Hashable
    statements: tuple[Statement, ...]
    shown_earlier: tuple[Statement, ...] = ()
    context_earlier: tuple[Statement, ...] = ()  # context of this group's statements, shown in an earlier group


def introduction(statements: Iterable[_StatementLike], treatment_id: str) -> tuple:
    """What introduces a treatment wherever it is mentioned: how often it is used (for everyone), or, where
    the source does not say, what it is."""
    own = [s for s in statements if s.about and s.about[0] == treatment_id and s.conditions is None]
    for kind in INTRODUCING_KINDS:
        found = tuple(s for s in own if s.kind == kind)
        if found:
            return found
    return ()


def context_ids(statements: Iterable[_StatementLike]) -> dict[str, tuple[str, ...]]:
    """Each statement's context, by id: the introductions of the treatments it is about, then the
    statements its `context` names. Works on anything shaped like a Statement, so the content check
    follows exactly the edges that `arrange` follows."""
    statements = list(statements)
    # Each treatment's introduction from its own unconditional statements only: one pass, not one per mention.
    own: dict[str, list] = {}
    for s in statements:
        if s.about and s.conditions is None:
            own.setdefault(s.about[0], []).append(s)
    intros = {treatment: tuple(s.id for s in introduction(own.get(treatment, ()), treatment))
              for s in statements for treatment in s.about}
    found = {}
    for s in statements:
        # A treatment's introductions do not wait for each other (two "how often" statements stand side by side).
        automatic = [intro for treatment in s.about if s.id not in intros[treatment] for intro in intros[treatment]]
        found[s.id] = tuple(dict.fromkeys([*automatic, *s.context]))
    return found


def find_cycle(edges: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """A path of ids that comes back to its start (the first one found), or None."""
    state: dict[str, int] = {}  # 1: being followed, 2: done

    def follow(node: str, path: tuple[str, ...]) -> tuple[str, ...] | None:
        state[node] = 1
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + (nxt,) if nxt in path else (node, nxt)
            if nxt not in state and (cycle := follow(nxt, path + (nxt,))):
                return cycle
        state[node] = 2
        return None

    for start in edges:
        if start not in state and (cycle := follow(start, (start,))):
            return cycle
    return None


def arrange(topic: Topic, groups: Iterable[tuple[Hashable, Iterable[Statement]]]) -> tuple[Group, ...]:
    """The page's groups with each statement's context before it and no statement twice. Empty groups
    are left out, unless they name statements shown earlier (the view may point back to them)."""
    contexts = topic.contexts
    shown: set[str] = set()
    arranged = []
    for key, chosen in groups:
        before = set(shown)
        items: list[Statement] = []
        earlier: list[Statement] = []
        for statement in chosen:
            if statement.id in shown:
                if statement not in earlier:
                    earlier.append(statement)
                continue
            _add(statement, contexts, shown, items)
        if items or earlier:
            context_earlier = {c.id: c for s in items for c in contexts[s.id] if c.id in before}
            arranged.append(Group(key, tuple(items), tuple(earlier), tuple(context_earlier.values())))
    return tuple(arranged)


def _add(statement: Statement, contexts: dict[str, tuple[Statement, ...]], shown: set[str],
         items: list[Statement]) -> None:
    shown.add(statement.id)  # first, so that a context that leads back here ends
    for needed in contexts[statement.id]:
        if needed.id not in shown:
            _add(needed, contexts, shown, items)
    items.append(statement)


# The views: what each kind of page chooses. ------------------------------------------------------------

def overview(topic: Topic) -> tuple[Group, ...]:
    """The aim, then each treatment in a few statements: its introduction, and when it is used when the source
    gives no 'how often' (so no treatment reads as offered to everyone)."""
    return arrange(topic, [("aim", topic.statements_of_kind("aim")),
                           *((treatment, brief(topic, treatment)) for treatment in topic.treatments)])


def brief(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    found = _own(topic, treatment, lambda s: s.kind in INTRODUCING_KINDS and s.conditions is None)
    if not any(s.kind == "how-often" for s in found):
        found += _own(topic, treatment, lambda s: s.kind == "when-used")
    return found or _own(topic, treatment, lambda s: True)


def description(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    """A treatment in one line, for page descriptions, links.json and JSON-LD: its introduction with its
    context, or its first statement if nothing introduces it."""
    first = introduction(topic.statements, treatment.id) or topic.statements_about(treatment.id)[:1]
    return tuple(s for group in arrange(topic, [(treatment, first)]) for s in group.statements)


def treatment_page(topic: Topic, treatment: Treatment) -> tuple[Group, ...]:
    """Every statement about a treatment, by kind (KIND_ORDER); statements with a partner treatment last."""
    return arrange(topic, [(kind, _own(topic, treatment, lambda s, kind=kind: s.kind == kind))
                           for kind in KIND_ORDER if kind != "used-with"]
                   + [("used-with", tuple(s for s in topic.statements_about(treatment.id)
                                          if s.kind == "used-with" or len(s.about) > 1))])


def factor_page(topic: Topic) -> tuple[Group, ...]:
    """Each question with every statement that depends on it, treatment by treatment in the source's
    emphasis; a statement that depends on several questions is shown under the first (the others point
    back to it)."""
    return arrange(topic, [((factor, treatment), statements) for factor in topic.factors
                           for treatment, statements in by_emphasis(topic, factor_statements(topic, factor),
                                                                    factor=factor)])


def factor_statements(topic: Topic, factor: Factor) -> tuple[Statement, ...]:
    """Every statement whose conditions name the factor, in the source's order."""
    return tuple(s for s in topic.statements if s.about and s.involves(factor.id))


def situation(topic: Topic, factor: Factor, value: FactorValue) -> tuple[Group, ...]:
    """For one answer: what applies when this answer is given (with what the source says is usually only
    possible for other answers), then the rest of what the source says about the question, then what
    applies to everyone, each treatment's own statements under it and those naming several treatments last (so
    that each treatment's part starts with its own introduction). Keys: ("answer" | "question" | "everyone",
    a treatment, None for the aim, or "together")."""
    for_answer = _for_answer(topic, factor, value)
    rest = tuple(s for s in factor_statements(topic, factor) if s not in for_answer)
    return arrange(topic, [
        *((("answer", t), said) for t, said in by_emphasis(topic, for_answer, factor=factor, value=value)),
        *((("question", t), said) for t, said in by_emphasis(topic, rest, factor=factor)),
        *((("everyone", t), said) for t, said in _for_everyone(topic)),
    ])


Answer = tuple[Factor, FactorValue]


def my_situation(topic: Topic, chosen: Iterable[Answer]) -> tuple[Group, ...]:
    """For the answers a reader chose (at most one per question; taken in the topic's order of questions,
    whatever order they come in): for each, what applies when it is given, with what the source says is usually
    only possible for other answers (as on its own answer page), then what applies to everyone. A statement whose
    conditions another of the reader's answers rules out is not theirs, and is left out, even as context ("Surgery
    can sometimes cure ... a few areas" is not shown to a reader who said "many areas"); `ruled_out_by` says when.
    Keys: (answer, treatment); answer is None for what applies to everyone, treatment None for the aim.

    It is the parts of `my_situation_parts` laid out in order, those of the chosen answers and everyone's, each
    statement kept where it first appears and never when ruled out: what the situation finder's script does."""
    wanted = {answer_name(factor, value) for factor, value in chosen}
    placed: set[str] = set()
    groups = []
    for answer, part in my_situation_parts(topic):
        if answer is not None and answer_name(*answer) not in wanted:
            continue
        for group in part:
            items = tuple(s for s in group.statements if s.id not in placed
                          and not any(combination <= wanted for combination in ruled_out_by(topic, s)))
            placed.update(s.id for s in items)
            if items:
                groups.append(Group(group.key, items))
    return tuple(groups)


def answer_name(factor: Factor, value: FactorValue) -> str:
    """How an answer is named in the situation finder's address and page: "<factor>=<answer>"."""
    return f"{factor.id}={value.id}"


def ruled_out_by(topic: Topic, statement: Statement) -> tuple[frozenset[str], ...]:
    """The sets of answers (by `answer_name`) any one of which, all given, rules the statement out: its conditions
    need another answer to a question the reader answered. A "usually only" statement is never ruled out: for
    the other answers it says what is usually not possible, which is theirs to know."""
    if statement.conditions is None or statement.likelihood == "usually-only":
        return ()
    return tuple(dict.fromkeys(_ruling_out(topic, statement.conditions)))


def _ruling_out(topic: Topic, condition) -> list[frozenset[str]]:
    if isinstance(condition, AnswerIs):
        if not condition.answers:
            return []
        factor = topic.factor(condition.factor)
        return [frozenset({answer_name(factor, v)}) for v in factor.values if v.id not in condition.answers]
    found = [_ruling_out(topic, part) for part in condition.parts]
    if isinstance(condition, AllOf):  # one part ruled out rules it out
        return [combination for part in found for combination in part]
    # AnyOf: ruled out only when every part is
    return [frozenset().union(*picked) for picked in itertools.product(*found)] if all(found) else []


def my_situation_parts(topic: Topic) -> tuple[tuple[Answer | None, tuple[Group, ...]], ...]:
    """Every part `my_situation` may show, each arranged on its own: one for each answer to each question, in
    the topic's order, then the one for everyone (answer None).

    Laid out in this order, those of the chosen answers and everyone's, each statement kept only where it first
    appears and empty groups left out, they give what `my_situation` gives for those answers: a statement's
    context is in its own part before it, or already shown, unless the reader's answers rule it out. So a page can
    hold every statement once and show any reader's situation by placing statements where the build put their
    ids and leaving out those the build marked as ruled out by the answers given (`ruled_out_by`), choosing
    nothing itself (the situation finder's script; its tests prove it for every choice)."""
    return tuple((answer, arrange(topic, part)) for answer, part in _my_situation_parts(topic))


def _my_situation_parts(topic: Topic) -> list[tuple[Answer | None, list[tuple[tuple, tuple[Statement, ...]]]]]:
    """Each answer's part, then everyone's: (answer, [(key, statements)]), before the rule arranges them."""
    parts: list = []
    for factor in topic.factors:
        for value in factor.values:
            said = by_emphasis(topic, _for_answer(topic, factor, value), factor=factor, value=value)
            parts.append(((factor, value), [(((factor, value), t), statements) for t, statements in said]))
    parts.append((None, [((None, t), statements) for t, statements in _for_everyone(topic)]))
    return parts


def _for_answer(topic: Topic, factor: Factor, value: FactorValue) -> tuple[Statement, ...]:
    """What applies when this answer is given, and what the source says is usually only possible for other
    answers to its question."""
    return tuple(s for s in factor_statements(topic, factor)
                 if s.involves(factor.id, value.id) or _only_for_others(s, factor))


def _for_everyone(topic: Topic) -> list[tuple[Treatment | str | None, tuple[Statement, ...]]]:
    """What applies to everyone: the aim (under None), each treatment's own statements without conditions, then
    those naming several treatments (under "together"), so each treatment's part starts with its introduction."""
    everyone = tuple(s for s in topic.statements if s.conditions is None and len(s.about) == 1)
    together = tuple(s for s in topic.statements if s.conditions is None and len(s.about) > 1)
    return [(None, topic.statements_of_kind("aim")),
            *((t, _in_kind_order(said)) for t, said in _by_treatment(topic, everyone)),
            ("together", together)]


def summary(topic: Topic) -> tuple[Group, ...]:
    """Every statement of the topic: the aim, each treatment's own statements, then those naming two or more
    treatments (so that each treatment's part starts with its own introduction)."""
    single = tuple(s for s in topic.statements if len(s.about) == 1)
    joint = tuple(s for s in topic.statements if len(s.about) > 1)
    return arrange(topic, [("aim", topic.statements_of_kind("aim")),
                           *((t, _in_kind_order(said)) for t, said in _by_treatment(topic, single)),
                           ("together", joint)])


def limits_of(topic: Topic, treatment: Treatment) -> tuple[Statement, ...]:
    """What the source says of when a treatment is used and whom it does not suit: without them on the page, what
    the treatment is reads as offered to the reader, so pages that leave any out link the treatment's page."""
    return topic.statements_about(treatment.id, "when-used", "not-suitable")


def other_treatments(topic: Topic, groups: tuple[Group, ...]) -> tuple[Treatment, ...]:
    """The topic's treatments that none of the groups' statements is about: still named, so none is left out."""
    named = {t for group in groups for s in group.statements + group.shown_earlier for t in s.about}
    return tuple(t for t in topic.treatments if t.id not in named)


def by_emphasis(topic: Topic, statements: Iterable[Statement], *, factor: Factor,
                value: FactorValue | None = None) -> list[tuple[Treatment, tuple[Statement, ...]]]:
    """The statements grouped by their main treatment, treatments in the source's emphasis for this question
    (and answer): the strongest likelihood said here first, the topic's order between equals. Within a
    treatment, the statements that limit it for this answer come first."""
    grouped = _by_treatment(topic, statements)

    def rank(item: tuple[int, tuple[Treatment, tuple[Statement, ...]]]) -> tuple[int, int]:
        position, (_, said) = item
        return min(_strength(s, factor, value) for s in said), position

    ordered = [item for _, item in sorted(enumerate(grouped), key=rank)]
    if value is None:
        return ordered
    return [(t, tuple(sorted(said, key=lambda s: not _only_for_others(s, factor)))) for t, said in ordered]


def _strength(statement: Statement, factor: Factor, value: FactorValue | None) -> int:
    """A statement's place in the source's emphasis, for readers who gave `value` (if any): "usually only"
    said of other answers reads, for this one, as "not usually"."""
    if value is not None and _only_for_others(statement, factor) and not statement.involves(factor.id, value.id):
        return LIKELIHOODS.index("not-usually")
    return LIKELIHOODS.index(statement.likelihood)


def _only_for_others(statement: Statement, factor: Factor) -> bool:
    """A 'usually only' statement about some answers of the factor: for the others, what is usually not possible."""
    return statement.likelihood == "usually-only" and statement.involves(factor.id)


def _by_treatment(topic: Topic, statements: Iterable[Statement]) -> list[tuple[Treatment, tuple[Statement, ...]]]:
    """The statements by main treatment, treatments in the topic's order."""
    statements = tuple(statements)
    return [(t, said) for t in topic.treatments if (said := tuple(s for s in statements if s.treatment == t.id))]


def _own(topic: Topic, treatment: Treatment, wanted: Callable[[Statement], bool]) -> tuple[Statement, ...]:
    """The statements mainly about the treatment that `wanted` accepts, in KIND_ORDER, then the source's order."""
    return _in_kind_order(s for s in topic.statements if s.treatment == treatment.id and wanted(s))


def _in_kind_order(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(sorted(statements, key=lambda s: KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER
                        else len(KIND_ORDER)))
