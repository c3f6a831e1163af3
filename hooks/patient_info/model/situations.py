"""Situation views: what the content says about each treatment for one answer to one factor.

A treatment is sorted by the references its own YAML makes to that answer, and
every treatment lands in exactly one group, so none is hidden:

- "may talk to you about": a `when_used` reason names the answer, and no
  `not_suitable_when` reason does;
- "usually not suitable": a `not_suitable_when` reason names the answer (shown
  with that reason's own words, and any `when_used` reason that also names it);
- "may also be discussed": the content does not link the treatment to this answer.
  Reasons that name the factor without any answer are kept with it, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass

from .site import Factor, FactorValue, Reason, Topic, Treatment


@dataclass(frozen=True)
class TreatmentInSituation:
    treatment: Treatment
    when_used: tuple[Reason, ...]
    not_suitable_when: tuple[Reason, ...]


@dataclass(frozen=True)
class Situation:
    topic: Topic
    factor: Factor
    value: FactorValue
    may_talk_about: tuple[TreatmentInSituation, ...]
    usually_not_suitable: tuple[TreatmentInSituation, ...]
    also_discussed: tuple[TreatmentInSituation, ...]

    @property
    def title(self) -> str:
        """The page's h1: the factor's question and this answer, both in the content's own words."""
        return f"{self.factor.question} {self.value.label}"

    @property
    def summary(self) -> str:
        return (f"Treatments your team may talk to you about if your answer to '{self.factor.question}' "
                f"is '{self.value.label}'.")


def situations(topic: Topic) -> tuple[Situation, ...]:
    return tuple(situation(topic, factor, value) for factor in topic.factors for value in factor.values)


def situation(topic: Topic, factor: Factor, value: FactorValue) -> Situation:
    groups: dict[str, list[TreatmentInSituation]] = {"talk": [], "not_suitable": [], "also": []}
    for treatment in topic.treatments:
        named = TreatmentInSituation(treatment, _naming(treatment.when_used, factor.id, value.id),
                                     _naming(treatment.not_suitable_when, factor.id, value.id))
        if named.not_suitable_when:
            groups["not_suitable"].append(named)
        elif named.when_used:
            groups["talk"].append(named)
        else:
            general = TreatmentInSituation(treatment, _naming(treatment.when_used, factor.id, None),
                                           _naming(treatment.not_suitable_when, factor.id, None))
            groups["also"].append(general)
    return Situation(topic, factor, value, tuple(groups["talk"]), tuple(groups["not_suitable"]),
                     tuple(groups["also"]))


def _naming(reasons: tuple[Reason, ...], factor_id: str, value_id: str | None) -> tuple[Reason, ...]:
    """Reasons naming this answer of the factor; with value_id None, those naming the factor but no answer."""
    return tuple(reason for reason in reasons
                 if any(ref.factor == factor_id and (value_id in ref.values if value_id else not ref.values)
                        for ref in reason.factors))
