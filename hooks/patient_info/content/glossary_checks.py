"""content/glossary.yaml: its cross-checks beyond the schema."""

from __future__ import annotations

from ..errors import ContentError
from .load import Document
from .review import check_review_interval
from .shapes import has_id, list_of, numbered_mappings
from .validate import check_unique


def check_glossary(document: Document) -> list[ContentError]:
    """Ids and spellings must each belong to one term, or a word would link to two definitions."""
    terms = numbered_mappings(document.data, "terms")
    errors = check_unique(((document, ("terms", i, "id"), term["id"]) for i, term in terms
                           if has_id(term)), "term")
    defined: dict[str, tuple] = {}
    for path, spelling in _spellings(terms):
        if spelling in defined:
            errors.append(document.error(path, f"'{spelling}' is already a term or form on line "
                                               f"{document.line_of(defined[spelling])}",
                                         "each way of writing a term belongs to one term only"))
        defined.setdefault(spelling, path)
    for i, word in enumerate(list_of(document.data, "everyday_words")):
        if isinstance(word, str) and word in defined:
            errors.append(document.error(("everyday_words", i), f"'{word}' is both a glossary term and an everyday word",
                                         "remove it from everyday_words: a term links to its definition"))
    return errors + check_review_interval(document)


def _spellings(terms: list[tuple[int, dict]]):
    """(path, lowercased text) for every term and form."""
    for i, term in terms:
        if isinstance(term.get("term"), str):
            yield ("terms", i, "term"), term["term"].lower()
        for j, form in enumerate(list_of(term, "forms")):
            if isinstance(form, str):
                yield ("terms", i, "forms", j), form.lower()
