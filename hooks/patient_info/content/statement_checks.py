"""Checks on a topic's statements: their references, their hedging and their quotes from the source.

Each quote must be found in the source file it names, so nothing is published that the source does
not say; each statement's text must carry its likelihood's words, so the hedging is never lost.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

from ..errors import ContentError
from ..model.site import LIKELIHOODS
from ..wording import wording
from .load import Document
from .shapes import has_id, list_of, numbered_mappings
from .validate import check_unique, unknown_reference

# Typing differences that are not differences of wording: curly quotes, dashes and spacing.
_SAME_CHARACTERS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def comparable(text: str) -> str:
    """Text as the quote check compares it: the same words, whatever the quotes, dashes and spacing."""
    return " ".join(text.translate(_SAME_CHARACTERS).split())


def check_statements(statements: Document, *, treatment_ids: frozenset[str],
                     values_by_factor: dict[str, set[str]] | None,
                     sources: dict[str, Document]) -> list[ContentError]:
    items = numbered_mappings(statements.data, "statements")
    errors = check_unique(((statements, ("statements", i, "id"), item["id"])
                           for i, item in items if has_id(item)), "statement")
    source_texts = {source_id: comparable(document.data["text"]) for source_id, document in sources.items()
                    if isinstance(document.data, dict) and isinstance(document.data.get("text"), str)}
    for i, item in items:
        path = ("statements", i)
        errors += _check_about(statements, path, item, treatment_ids)
        if values_by_factor is not None and isinstance(item.get("conditions"), dict):
            errors += _check_condition(statements, path + ("conditions",), item["conditions"], values_by_factor)
        errors += _check_hedging(statements, path, item)
        errors += _check_source(statements, path, item, source_texts)
    return errors


def untold_treatments(statements: Document | None, treatment_documents: Iterable[Document]) -> list[ContentError]:
    """A treatment no statement is about would have an empty page."""
    told = {treatment for item in list_of(getattr(statements, "data", None), "statements") if isinstance(item, dict)
            for treatment in list_of(item, "about") if isinstance(treatment, str)}
    return [document.error(("id",), f"no statement is about the treatment '{document.data['id']}'",
                           f"add a statement with 'about: [{document.data['id']}]' to statements.yaml")
            for document in treatment_documents
            if has_id(document.data)
            and document.data["id"] not in told]


def check_source_ids(sources: Iterable[Document]) -> list[ContentError]:
    errors = []
    for document in sources:
        stem = os.path.splitext(os.path.basename(document.path))[0]
        source_id = document.data.get("id") if isinstance(document.data, dict) else None
        if isinstance(source_id, str) and source_id != stem:
            errors.append(document.error(("id",), f"the source id '{source_id}' does not match the file name "
                                                  f"'{stem}.yaml'", "make the id and the file name the same"))
    return errors


def _check_about(document: Document, path: tuple, item: dict, treatment_ids: frozenset[str]) -> list[ContentError]:
    about = item.get("about")
    if item.get("kind") == "aim":
        if about:
            return [document.error(path + ("about",), "a statement of kind 'aim' is about treatment in general",
                                   "remove 'about', or choose another kind")]
        return []
    if about is None and isinstance(item.get("kind"), str):
        return [document.error(path, f"the statement '{item.get('id')}' does not say which treatment it is about",
                               "add 'about: [<treatment id>]', the main treatment first")]
    return [unknown_reference(document, path + ("about", j), "treatment", treatment, treatment_ids)
            for j, treatment in enumerate(about if isinstance(about, list) else [])
            if isinstance(treatment, str) and treatment not in treatment_ids]


def _check_condition(document: Document, path: tuple, condition: dict,
                     values_by_factor: dict[str, set[str]]) -> list[ContentError]:
    errors = []
    for joined in ("all_of", "any_of"):
        for j, part in enumerate(list_of(condition, joined)):
            if isinstance(part, dict):
                errors += _check_condition(document, path + (joined, j), part, values_by_factor)
    factor = condition.get("factor")
    if not isinstance(factor, str):
        return errors
    if factor not in values_by_factor:
        return errors + [unknown_reference(document, path + ("factor",), "factor", factor, values_by_factor)]
    for j, answer in enumerate(list_of(condition, "answers")):
        if isinstance(answer, str) and answer not in values_by_factor[factor]:
            errors.append(unknown_reference(document, path + ("answers", j), "answer", answer,
                                            values_by_factor[factor], context=f" for the factor '{factor}'"))
    return errors


def _check_hedging(document: Document, path: tuple, item: dict) -> list[ContentError]:
    likelihood = item.get("likelihood")
    words = wording().hedge(likelihood) if likelihood in LIKELIHOODS else None
    text = item.get("text")
    if not words or not isinstance(text, str):
        return []
    errors = []
    if not _says(text, words):
        errors.append(document.error(path + ("text",), f"the text does not say '{words}', which its likelihood "
                                                       f"'{item['likelihood']}' stands for",
                                     "keep the source's hedging words in the text, or choose the likelihood "
                                     "that matches the source"))
    quotes = [quote for quote in list_of(item.get("source"), "quotes") if isinstance(quote, str)]
    if quotes and not any(_says(quote, words) for quote in quotes):
        errors.append(document.error(path + ("likelihood",), f"the likelihood '{item['likelihood']}' is not in the "
                                                             "quoted source words",
                                     "choose the likelihood whose words the source uses"))
    return errors


def _check_source(document: Document, path: tuple, item: dict, source_texts: dict[str, str]) -> list[ContentError]:
    source = item.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("document"), str):
        return []
    name = source["document"]
    if name not in source_texts:
        return [unknown_reference(document, path + ("source", "document"), "source", name, source_texts)]
    return [document.error(path + ("source", "quotes", j), "these words are not in the source "
                                                           f"'{name}'",
                           "copy the source's words exactly; only spacing, quote marks and dashes may differ")
            for j, quote in enumerate(list_of(source, "quotes"))
            if isinstance(quote, str) and comparable(quote) not in source_texts[name]]


def _says(text: str, words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", comparable(text), re.IGNORECASE) is not None
