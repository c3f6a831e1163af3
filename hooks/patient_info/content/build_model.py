"""The site's model, made from content files that passed every check, so the data has the shapes the schemas
promise (only the glossary's optional review dates may be absent)."""

from __future__ import annotations

from datetime import date

from ..model.glossary import Glossary, GlossaryTerm
from ..model.site import (AllOf, AnswerIs, AnyOf, Caveat, Clinic, Codes, Condition, Factor, FactorValue, Feedback,
                          OtherName, Review, ReviewRecord, SiteSettings, SourceDocument, SourceQuote, Statement,
                          SupportLine, Topic, Treatment)
from .files import TopicFiles
from .revision import parsed_content, revision_of
from .shapes import date_or_none


def build_settings(data: dict) -> SiteSettings:
    clinic, feedback = data.get("clinic"), data.get("feedback")
    return SiteSettings(name=data["name"], publisher=data["publisher"], contact=data["contact"],
                        disclaimer=data["disclaimer"], reuse=data["reuse"], clinic=Clinic(**clinic) if clinic else None,
                        feedback=Feedback(**feedback) if feedback else None,
                        linking_terms=data.get("linking_terms", ""), linking_contact=data.get("linking_contact", ""),
                        language=data.get("language", "en"),
                        support_lines=tuple(SupportLine(**line) for line in data.get("support_lines", [])),
                        if_unwell=data.get("if_unwell", ""), demonstration=data.get("demonstration", True))


def build_glossary(data: dict) -> Glossary:
    terms = tuple(GlossaryTerm(id=t["id"], term=t["term"], definition=t["definition"], basis=t["basis"],
                               forms=tuple(t.get("forms", []))) for t in data["terms"])
    review = data.get("review") or {}
    return Glossary(terms=terms, everyday_words=frozenset(data["everyday_words"]),
                    last_reviewed=date_or_none(review.get("last_reviewed")),
                    next_review_due=date_or_none(review.get("next_review_due")))


def build_topic(files: TopicFiles) -> Topic:
    data = files.topic.data
    by_id = {d.data["id"]: d.data for d in files.treatments}
    ordered = [by_id[treatment_id] for treatment_id in data["treatments"]]
    review = data["review"]
    return Topic(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        codes=Codes(icd10=tuple(data["codes"]["icd10"]), snomed=tuple(data["codes"]["snomed"])),
        review=Review(
            last_reviewed=date.fromisoformat(review["last_reviewed"]),
            next_review_due=date.fromisoformat(review["next_review_due"]),
            reviews=tuple(ReviewRecord(date=date.fromisoformat(r["date"]), kind=r["kind"], reviewer=r["reviewer"],
                                       role=r["role"]) for r in review["reviews"]),
        ),
        factors=tuple(_build_factor(f) for f in files.factors.data["factors"]),
        treatments=tuple(_build_treatment(t) for t in ordered),
        statements=tuple(_build_statement(s) for s in files.statements.data["statements"]),
        sources=tuple(_build_source(d.data) for d in files.sources),
        caveats=_build_caveats(data.get("caveats", [])),
        questions=tuple(data.get("questions", [])),
        revision=revision_of((document.path[len(files.shown) + 1:], parsed_content(document.data))
                             for document in files.all_documents),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_source(data: dict) -> SourceDocument:
    return SourceDocument(id=data["id"], publisher=data["publisher"], title=data["title"], url=data.get("url", ""),
                          reference=data.get("reference", ""), accessed=date.fromisoformat(data["accessed"]),
                          text=data["text"])


def _build_factor(data: dict) -> Factor:
    return Factor(
        id=data["id"],
        question=data["question"],
        explanation=tuple(data["explanation"]),
        importance=data["importance"],
        values=tuple(FactorValue(v["id"], v["label"], v["title"], tuple(v.get("aliases", [])))
                     for v in data.get("values", [])),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_treatment(data: dict) -> Treatment:
    return Treatment(
        id=data["id"],
        name=data["name"],
        other_names=tuple(OtherName(o["name"], o["text"]) for o in data.get("other_names", [])),
        caveats=_build_caveats(data.get("caveats", [])),
        questions=tuple(data.get("questions", [])),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_statement(data: dict) -> Statement:
    source = data["source"]
    return Statement(id=data["id"], kind=data["kind"], likelihood=data["likelihood"], text=data["text"],
                     source=SourceQuote(source["document"], tuple(source["quotes"])),
                     about=tuple(data.get("about", [])),
                     conditions=_build_condition(data["conditions"]) if "conditions" in data else None,
                     context=tuple(data.get("context", [])))


def _build_condition(data: dict) -> Condition:
    if "all_of" in data:
        return AllOf(tuple(_build_condition(part) for part in data["all_of"]))
    if "any_of" in data:
        return AnyOf(tuple(_build_condition(part) for part in data["any_of"]))
    return AnswerIs(data["factor"], tuple(data.get("answers", [])))


def _build_caveats(items: list[dict]) -> tuple[Caveat, ...]:
    return tuple(Caveat(text=c["text"], importance=c.get("importance", "note")) for c in items)
