"""Checks that each statement stands on its own, or names what it needs.

Pages choose statements for their reader (a situation page, the printed summary, a card on a
clinic's site), so a statement may be shown without the sentence that came before it in the source.
Its text must therefore not lean on a sentence before it: it may not open with a word that refers
back ("It", "This", "They", "Also", ...). Where it cannot carry all it needs ("Surgery may also be an
option ..." adds to where surgery is usually possible), its `context` names the statements to show
before it; a statement that says "also" must name one. Pages follow `context` to its end
(model/selection.py), so it may not name an unknown statement or go round in a circle.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from ..errors import ContentError
from ..model.selection import context_ids, find_cycle
from .load import Document
from .shapes import field_of, has_id, list_of, numbered_mappings
from .validate import unknown_reference

# Words that refer back to something said before: a statement opening with one leans on a sentence that a
# page may not show. (The second sentence of a statement may use them: the first is always shown with it.)
LEANING_OPENERS = frozenset({"it", "its", "it's", "this", "that", "these", "those", "they", "them", "their",
                             "he", "she", "his", "her", "also", "others", "another", "such", "both", "however",
                             "but", "and", "so", "then", "there", "here"})
_FIRST_WORD = re.compile(r"[A-Za-z’']+")
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def check_context(statements: Document) -> list[ContentError]:
    items = [(i, item) for i, item in numbered_mappings(statements.data, "statements") if has_id(item)]
    ids = {item["id"] for _, item in items}
    errors = []
    for i, item in items:
        errors += _check_opening(statements, ("statements", i), item)
        errors += _check_named(statements, ("statements", i), item, ids)
    return errors + _check_cycles(statements, items, ids)


def _check_opening(document: Document, path: tuple, item: dict) -> list[ContentError]:
    text = field_of(item, "text", str)
    first = _FIRST_WORD.match(text.lstrip()) if text else None
    if first is None or first.group().lower().replace("’", "'") not in LEANING_OPENERS:
        return []
    return [document.error(path + ("text",), f"the statement starts with '{first.group()}', which leans on a "
                                             "sentence before it: pages may show it without that sentence",
                           "name what it is about instead, for example 'Surgery ...' rather than 'It ...'; if it "
                           "needs another statement before it, list that statement's id in 'context'")]


def _check_named(document: Document, path: tuple, item: dict, ids: set[str]) -> list[ContentError]:
    named = list_of(item, "context")
    errors = [unknown_reference(document, path + ("context", j), "statement", name, ids)
              for j, name in enumerate(named) if isinstance(name, str) and name not in ids]
    errors += [document.error(path + ("context", j), f"the statement '{item['id']}' names itself as its context",
                              "list the other statements it needs before it")
               for j, name in enumerate(named) if name == item["id"]]
    text = field_of(item, "text", str)
    if text and _ALSO.search(text) and not named:
        errors.append(document.error(path + ("text",), "the statement says 'also', but does not say what it adds to",
                                     "list the statement it adds to in 'context' (context: [<statement id>]), so "
                                     "pages show that one first"))
    return errors


def _check_cycles(document: Document, items: list[tuple[int, dict]], ids: set[str]) -> list[ContentError]:
    """Contexts, with each treatment's introduction, must end: a circle is reported once, at the first
    `context` entry on it."""
    shaped = [SimpleNamespace(id=item["id"], kind=field_of(item, "kind", str) or "",
                              about=tuple(t for t in list_of(item, "about") if isinstance(t, str)),
                              context=tuple(c for c in list_of(item, "context") if isinstance(c, str) and c in ids),
                              conditions=item.get("conditions"))
              for _, item in items]
    cycle = find_cycle(context_ids(shaped))
    if cycle is None:
        return []
    by_id = {item["id"]: (i, item) for i, item in items}
    at = ("statements", by_id[cycle[0]][0], "id")
    for here, after in zip(cycle, cycle[1:]):
        i, item = by_id[here]
        named = list_of(item, "context")
        if after in named:
            at = ("statements", i, "context", named.index(after))
            break
    return [document.error(at, "these statements each need the other shown first, so no page can show them: "
                               + " → ".join(cycle),
                           "remove one of these from 'context' (a treatment's 'how often' statement comes first "
                           "without being named)")]

