"""The content model: immutable, typed, built once per build and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .glossary import Glossary


@dataclass(frozen=True)
class FactorValue:
    id: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Factor:
    id: str
    question: str
    explanation: tuple[str, ...]
    importance: str
    values: tuple[FactorValue, ...]
    aliases: tuple[str, ...] = ()

    def value(self, value_id: str) -> FactorValue:
        return next(value for value in self.values if value.id == value_id)


@dataclass(frozen=True)
class FactorReference:
    factor: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Reason:
    """A situation in which a treatment may (or usually may not) be used."""

    text: str
    factors: tuple[FactorReference, ...]


@dataclass(frozen=True)
class Combination:
    """One treatment used before, after or alongside another."""

    treatment: str
    partner: str
    role: str
    text: str


@dataclass(frozen=True)
class Caveat:
    text: str
    importance: str


@dataclass(frozen=True)
class OtherName:
    name: str
    text: str


@dataclass(frozen=True)
class Treatment:
    id: str
    name: str
    other_names: tuple[OtherName, ...]
    summary: str
    what_it_is: tuple[str, ...]
    how_often: str
    when_used: tuple[Reason, ...]
    not_suitable_when: tuple[Reason, ...]
    caveats: tuple[Caveat, ...]
    questions: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    reference: str
    accessed: date


@dataclass(frozen=True)
class Review:
    last_reviewed: date
    next_review_due: date
    reviewed_by: str
    sources: tuple[Source, ...]

    def days_until_due(self, today: date) -> int:
        return (self.next_review_due - today).days


@dataclass(frozen=True)
class Codes:
    icd10: tuple[str, ...]
    snomed: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    aim: tuple[str, ...]
    codes: Codes
    review: Review
    factors: tuple[Factor, ...]
    treatments: tuple[Treatment, ...]
    combinations: tuple[Combination, ...]
    caveats: tuple[Caveat, ...]
    questions: tuple[str, ...]
    # A short hash of the topic's YAML files, printed on the handout so paper can be matched to a version.
    revision: str
    aliases: tuple[str, ...] = ()

    def treatment(self, treatment_id: str) -> Treatment:
        return next(treatment for treatment in self.treatments if treatment.id == treatment_id)

    def factor(self, factor_id: str) -> Factor:
        return next(factor for factor in self.factors if factor.id == factor_id)

    def combinations_of(self, treatment_id: str) -> tuple[Combination, ...]:
        """Combinations naming this treatment on either side, so links show both ways."""
        return tuple(c for c in self.combinations if treatment_id in (c.treatment, c.partner))

    def reasons_for(self, factor_id: str) -> tuple[tuple[Treatment, str, Reason], ...]:
        """Every (treatment, 'when_used' or 'not_suitable_when', reason) that refers to the factor."""
        found = []
        for treatment in self.treatments:
            for kind in ("when_used", "not_suitable_when"):
                for reason in getattr(treatment, kind):
                    if any(ref.factor == factor_id for ref in reason.factors):
                        found.append((treatment, kind, reason))
        return tuple(found)


@dataclass(frozen=True)
class Clinic:
    """A clinic's own details, printed on the handout of a copy it builds. Each may be empty."""

    name: str = ""
    phone: str = ""
    contact: str = ""


@dataclass(frozen=True)
class SiteSettings:
    name: str
    publisher: str
    contact: str
    disclaimer: str
    clinic: Clinic | None = None


@dataclass(frozen=True)
class Site:
    settings: SiteSettings
    topics: tuple[Topic, ...]
    glossary: Glossary = Glossary()
