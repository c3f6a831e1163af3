"""The content model: immutable, typed, built once per build and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date

from .glossary import Glossary


@dataclass(frozen=True)
class FactorValue:
    id: str
    label: str  # the answer, as the factor's question would be answered: "The bowel"
    title: str  # the answer's page title, as the reader would say it: "If the cancer started in the bowel"
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
class AnswerIs:
    """A condition on one factor: any of its listed answers, or the factor in general when none are listed."""

    factor: str
    answers: tuple[str, ...] = ()

    def mentions(self, factor_id: str, answer_id: str | None = None) -> bool:
        """Whether it names this answer of the factor (any answer, when answer_id is None)."""
        return self.factor == factor_id and (answer_id is None or not self.answers or answer_id in self.answers)


@dataclass(frozen=True)
class _Joined:
    parts: tuple[Condition, ...]

    def mentions(self, factor_id: str, answer_id: str | None = None) -> bool:
        return any(part.mentions(factor_id, answer_id) for part in self.parts)


@dataclass(frozen=True)
class AllOf(_Joined):
    """Conditions that must all hold together."""


@dataclass(frozen=True)
class AnyOf(_Joined):
    """Conditions of which at least one must hold."""


Condition = AnswerIs | AllOf | AnyOf


@dataclass(frozen=True)
class SourceQuote:
    document: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """One thing the source says about treatment, in words that are complete in themselves.

    Pages choose and order statements; they always show `text` whole, because its conditions and
    its hedging word are part of it.
    """

    id: str
    kind: str
    likelihood: str
    text: str
    source: SourceQuote
    about: tuple[str, ...] = ()  # treatment ids, the main one first
    conditions: Condition | None = None  # None: it applies to everyone with the condition
    # Ids of the statements without which this one would mislead, shown before it wherever it is shown
    # (model/selection.py adds each treatment's introduction on top of these).
    context: tuple[str, ...] = ()

    @property
    def treatment(self) -> str | None:
        """The treatment the statement is mainly about."""
        return self.about[0] if self.about else None

    def involves(self, factor_id: str, answer_id: str | None = None) -> bool:
        """Whether its conditions name this answer of the factor (or, without an answer, the factor)."""
        return self.conditions is not None and self.conditions.mentions(factor_id, answer_id)


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
    caveats: tuple[Caveat, ...]
    questions: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    """A published text the topic is adapted from, kept word for word."""

    id: str
    publisher: str
    title: str
    url: str
    reference: str
    accessed: date
    text: str


@dataclass(frozen=True)
class ReviewRecord:
    """One review of a topic: when, what kind, and who did it."""

    date: date
    kind: str  # "editorial" (editors, against the source) or "clinical" (a doctor, nurse or other clinician)
    reviewer: str  # a person's name, or a team's when a team did it
    role: str


@dataclass(frozen=True)
class Review:
    last_reviewed: date
    next_review_due: date
    reviews: tuple[ReviewRecord, ...]

    def days_until_due(self, today: date) -> int:
        return (self.next_review_due - today).days

    @property
    def clinical(self) -> tuple[ReviewRecord, ...]:
        return tuple(record for record in self.reviews if record.kind == "clinical")

    @property
    def clinically_reviewed(self) -> bool:
        """Whether a clinician has checked the content: until then every page of the topic says so."""
        return bool(self.clinical)


@dataclass(frozen=True)
class Codes:
    icd10: tuple[str, ...]
    snomed: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    codes: Codes
    review: Review
    factors: tuple[Factor, ...]
    treatments: tuple[Treatment, ...]
    statements: tuple[Statement, ...]
    sources: tuple[SourceDocument, ...]
    caveats: tuple[Caveat, ...]
    questions: tuple[str, ...]
    # A short hash of the topic's YAML files, printed on the handout so paper can be matched to a version.
    revision: str
    aliases: tuple[str, ...] = ()

    def treatment(self, treatment_id: str) -> Treatment:
        return next(treatment for treatment in self.treatments if treatment.id == treatment_id)

    def factor(self, factor_id: str) -> Factor:
        return next(factor for factor in self.factors if factor.id == factor_id)

    def statements_about(self, treatment_id: str, *kinds: str) -> tuple[Statement, ...]:
        """Statements naming the treatment (as main subject or partner), of the given kinds or all."""
        return tuple(s for s in self.statements
                     if treatment_id in s.about and (not kinds or s.kind in kinds))

    def statement(self, statement_id: str) -> Statement:
        return next(s for s in self.statements if s.id == statement_id)

    def source(self, source_id: str) -> SourceDocument:
        return next(source for source in self.sources if source.id == source_id)

    def statements_of_kind(self, kind: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.kind == kind)

    @cached_property
    def contexts(self) -> dict[str, tuple[Statement, ...]]:
        """Each statement's context, by id, as the selection rule follows it: worked out once per topic, not once
        per page (each of a topic's thirty pages arranges its statements by it)."""
        from .selection import context_ids  # the rule is the selection's; the topic keeps its answer
        by_id = {s.id: s for s in self.statements}
        return {statement_id: tuple(by_id[i] for i in ids)
                for statement_id, ids in context_ids(self.statements).items()}


@dataclass(frozen=True)
class Clinic:
    """Who readers can contact (a clinic, or the publisher): shown on every patient page and the handout.
    Each may be empty."""

    name: str = ""
    phone: str = ""
    hours: str = ""
    contact: str = ""


@dataclass(frozen=True)
class SupportLine:
    """A phone line readers can call besides their care team (a cancer support line, say): never made up."""

    name: str
    phone: str
    what_for: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Feedback:
    """Where readers say whether a page helped: an email address or a form's address (one of the two)."""

    email: str = ""
    form: str = ""


@dataclass(frozen=True)
class SiteSettings:
    name: str
    publisher: str  # a name, as in "Published by <publisher>."
    contact: str  # what to do with questions when no contact details (clinic) are set
    disclaimer: str
    reuse: str = ""
    clinic: Clinic | None = None
    feedback: Feedback | None = None
    linking_terms: str = ""  # on what terms clinics may link, embed and reuse; shown on the page for clinics
    linking_contact: str = ""  # who clinics contact about linking
    language: str = "en"  # the language of the content and of the site's own words (wording/)
    support_lines: tuple[SupportLine, ...] = ()
    if_unwell: str = ""  # what to do if you feel unwell, as the publisher's service really offers it
    # A demonstration says so on every page and sheet; a site that is not one must not publish a placeholder
    # (plan/going_live.py). True unless site.yaml says otherwise, so a fresh copy never passes for a real service.
    demonstration: bool = True


@dataclass(frozen=True)
class Site:
    settings: SiteSettings
    topics: tuple[Topic, ...]
    glossary: Glossary = Glossary()


# The source's own hedging, as a closed list, in the source's emphasis: most used first. Pages that list
# several treatments' statements follow this order. The words each stands for are in the wording catalogue.
LIKELIHOODS = ("most-common", "usually", "usually-only", "most-commonly", "sometimes", "may-sometimes", "may",
               "a-small-number", "occasionally", "can", "may-not", "not-usually", "stated")
