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
        negated = _negated_use(text, words)
        message = (f"the text says '{words}' only with a negation ('{negated}'): that is another likelihood than "
                   f"'{likelihood}'" if negated else
                   f"the text does not say '{words}', which its likelihood '{likelihood}' stands for")
        errors.append(document.error(path + ("text",), message,
                                     "keep the source's hedging words in the text, or choose the likelihood "
                                     "that matches the source (such as 'not-usually' or 'may-not')"))
    quotes = [quote for quote in list_of(item.get("source"), "quotes") if isinstance(quote, str)]
    if quotes and not any(_says(quote, words) for quote in quotes):
        errors.append(document.error(path + ("likelihood",), f"the likelihood '{likelihood}' is not in the "
                                                             "quoted source words",
                                     "choose the likelihood whose words the source uses"))
    return errors


# A quote must be a clause or more of the source: a word or two is found in almost any text, so would prove nothing.
MIN_QUOTE_WORDS = 4


def _check_source(document: Document, path: tuple, item: dict, source_texts: dict[str, str]) -> list[ContentError]:
    source = item.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("document"), str):
        return []
    name = source["document"]
    if name not in source_texts:
        return [unknown_reference(document, path + ("source", "document"), "source", name, source_texts)]
    errors = []
    for j, quote in enumerate(list_of(source, "quotes")):
        mistake = _quote_mistake(quote, source_texts[name], name) if isinstance(quote, str) else None
        if mistake is not None:
            errors.append(document.error(path + ("source", "quotes", j), *mistake))
    return errors


def _quote_mistake(quote: str, source_text: str, name: str) -> tuple[str, str] | None:
    """(message, hint) when a quote is not whole words of the source, at least MIN_QUOTE_WORDS of them."""
    wanted = comparable(quote)
    if wanted not in source_text:
        return (f"these words are not in the source '{name}'",
                "copy the source's words exactly; only spacing, quote marks and dashes may differ")
    if not _as_whole_words(wanted, source_text):
        return (f"these words are in the source '{name}' only as parts of longer words",
                "start and end the quote where the source's words start and end")
    count = len(_WORD.findall(wanted))
    if count < MIN_QUOTE_WORDS:
        return (f"this quote has {count} {'word' if count == 1 else 'words'}: a quote must be at least "
                f"{MIN_QUOTE_WORDS} words of the source, a clause or more",
                "copy the whole clause or sentence of the source that the statement restates")
    return None


def _as_whole_words(wanted: str, source_text: str) -> bool:
    """Whether `wanted` stands in the source with no letter or digit running on at either end."""
    start = source_text.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        if not (_joins(source_text[start - 1:start], wanted[:1]) or _joins(wanted[-1:], source_text[end:end + 1])):
            return True
        start = source_text.find(wanted, start + 1)
    return False


def _joins(left: str, right: str) -> bool:
    return bool(left and right and left.isalnum() and right.isalnum())


# Likelihoods and negation: "not usually" and "may not" are likelihoods of their own, so "usually" is said only
# where no "not" (nor "never", "cannot", a word ending in "n't") stands just before it, and no "not", "never"
# or "no" just after it ("usually not", "can not", "may never"). "Not" two words before still negates ("is not
# something usually"); across punctuation it does not ("If not, you usually ...").
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_TOKEN = re.compile(r"\w+(?:['-]\w+)*|[^\w\s]")
_NEGATES_NEXT = frozenset({"not", "never", "cannot"})
_NEGATES_PREVIOUS = frozenset({"not", "never", "no"})


def _says(text: str, words: str) -> bool:
    """Whether the text says the likelihood's words, and, for a likelihood that is not itself negative, says
    them without a negation."""
    return any(not _negated(tokens, start, end) for tokens, start, end in _uses(text, words))


def _negated_use(text: str, words: str) -> str:
    """The words as the text negates them ("not usually", "may not"), if it does."""
    for tokens, start, end in _uses(text, words):
        if _negated(tokens, start, end):
            first = (start - 1 if start and _negation(tokens[start - 1]) else
                     start - 2 if start > 1 and tokens[start - 2] in _NEGATES_NEXT else start)
            last = end + 1 if end < len(tokens) and tokens[end] in _NEGATES_PREVIOUS else end
            return " ".join(tokens[first:last])
    joined = {words + "not", words + "'t", words + "n't"}  # "cannot", "can't"
    return next((token for token in _TOKEN.findall(comparable(text).lower()) if token in joined), "")


def _uses(text: str, words: str):
    """(tokens, start, end) for each place the text has the words, in lowercase tokens."""
    tokens = [token.lower() for token in _TOKEN.findall(comparable(text))]
    wanted = words.lower().split()
    for start in range(len(tokens) - len(wanted) + 1):
        if tokens[start:start + len(wanted)] == wanted:
            yield tokens, start, start + len(wanted)


def _negated(tokens: list[str], start: int, end: int) -> bool:
    if any(_negation(word) for word in tokens[start:end]):
        return False  # a negative likelihood ("not usually", "may not") is said as it is written
    just_before = tokens[start - 1] if start >= 1 else ""
    two_before = tokens[start - 2] if start >= 2 and _WORD.fullmatch(just_before) else ""
    just_after = tokens[end] if end < len(tokens) else ""
    return _negation(just_before) or two_before in _NEGATES_NEXT or just_after in _NEGATES_PREVIOUS


def _negation(token: str) -> bool:
    return token in _NEGATES_NEXT or token.endswith("n't")
