"""content/glossary.yaml: its cross-checks beyond the schema, and the Glossary built from it."""

from __future__ import annotations

from datetime import date

from ..errors import ContentError
from ..model.glossary import Glossary, GlossaryTerm
from .load import Document
from .validate import check_unique


def check_glossary(document: Document) -> list[ContentError]:
    """Ids and spellings must each belong to one term, or a word would link to two definitions."""
    terms = [(i, term) for i, term in enumerate(_list(document.data, "terms")) if isinstance(term, dict)]
    errors = check_unique(((document, ("terms", i, "id"), term["id"]) for i, term in terms
                           if isinstance(term.get("id"), str)), "term")
    defined: dict[str, tuple] = {}
    for path, spelling in _spellings(terms):
        if spelling in defined:
            line = (document.location(defined[spelling]) or ("?",))[0]
            errors.append(document.error(path, f"'{spelling}' is already a term or form on line {line}",
                                         "each way of writing a term belongs to one term only"))
        defined.setdefault(spelling, path)
    for i, word in enumerate(_list(document.data, "everyday_words")):
        if isinstance(word, str) and word in defined:
            errors.append(document.error(("everyday_words", i), f"'{word}' is both a glossary term and an everyday word",
                                         "remove it from everyday_words: a term links to its definition"))
    return errors


def build_glossary(data: dict) -> Glossary:
    terms = tuple(GlossaryTerm(id=t["id"], term=t["term"], definition=t["definition"], basis=t["basis"],
                               forms=tuple(t.get("forms", []))) for t in data["terms"])
    review = data.get("review") or {}
    return Glossary(terms=terms, everyday_words=frozenset(data["everyday_words"]),
                    last_reviewed=_date(review.get("last_reviewed")), next_review_due=_date(review.get("next_review_due")))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _spellings(terms: list[tuple[int, dict]]):
    """(path, lowercased text) for every term and form."""
    for i, term in terms:
        if isinstance(term.get("term"), str):
            yield ("terms", i, "term"), term["term"].lower()
        for j, form in enumerate(_list(term, "forms")):
            if isinstance(form, str):
                yield ("terms", i, "forms", j), form.lower()


def _list(data, key: str) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []
