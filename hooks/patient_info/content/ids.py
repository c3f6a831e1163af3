"""Checks that every web address leads to one place only.

Old ids (aliases) become redirect pages, diagnosis codes become code links and
topic ids become top-level folders; each must name exactly one thing, or a
clinic's link would land somewhere it did not mean.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..page_kinds import reserved_folders
from ..model.codes import CODE_SYSTEMS
from ..errors import ContentError
from .load import Document
from .shapes import field_of, has_id, list_of, numbered_mappings

Entry = tuple[Document, tuple, str]


def check_topic_aliases(factors: Document | None, treatments: Sequence[Document]) -> list[ContentError]:
    """Within one topic: old treatment, factor and answer ids against the live ones and each other."""
    errors = check_aliases(_ids(treatments), _aliases(treatments), "treatment")
    if factors is not None:
        factor_items = numbered_mappings(factors.data, "factors")
        errors += check_aliases(((factors, ("factors", i, "id"), f["id"]) for i, f in factor_items if has_id(f)),
                                _nested_aliases(factors, ("factors",), factor_items), "factor")
        for i, factor in factor_items:
            value_items = numbered_mappings(factor, "values")
            where = ("factors", i, "values")
            errors += check_aliases(((factors, where + (j, "id"), v["id"]) for j, v in value_items if has_id(v)),
                                    _nested_aliases(factors, where, value_items),
                                    f"answer (in factor '{factor.get('id')}')")
    return errors


def check_site_ids(topics: Sequence[Document]) -> list[ContentError]:
    """Across topics: old topic ids, reserved folder names and diagnosis codes."""
    errors = check_aliases(_ids(topics), _aliases(topics), "topic")
    reserved = reserved_folders()
    for document, path, value in [*_ids(topics), *_aliases(topics)]:
        if value in reserved:
            errors.append(document.error(path, f"'{value}' cannot be a topic id: the site uses /{value}/ itself",
                                         "choose another id"))
    for system, details in CODE_SYSTEMS.items():
        errors += _check_codes(topics, system, details.name)
    return errors


def check_aliases(live: Iterable[Entry], aliases: Iterable[Entry], kind: str) -> list[ContentError]:
    """An old id may not be a live id or another old id: its old address would lead to two places."""
    claimed: dict[str, tuple[bool, Document, tuple]] = {}
    for document, path, value in live:
        claimed.setdefault(value, (True, document, path))
    errors = []
    for document, path, alias in aliases:
        if alias not in claimed:
            claimed[alias] = (False, document, path)
            continue
        is_live, other, other_path = claimed[alias]
        what, hint = (("the id", "an old address can lead to one page only: remove the old id, or choose "
                                 "another new id") if is_live else
                      ("already an old id", "each old id forwards to one page only: keep it in one place"))
        errors.append(document.error(path, f"the old id '{alias}' is {what} of {_a(kind)} at {_place(other, other_path)}",
                                     hint))
    return errors


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _check_codes(topics: Sequence[Document], system: str, name: str) -> list[ContentError]:
    claimed: dict[str, tuple[Document, tuple]] = {}
    errors = []
    for document in topics:
        for i, code in enumerate(list_of(field_of(document.data, "codes", dict), system)):
            path = ("codes", system, i)
            if not isinstance(code, str):
                continue
            if code in claimed:
                errors.append(document.error(path, f"the {name} code '{code}' is already claimed by the topic at "
                                                   f"{_place(*claimed[code])}",
                                             "a code links to one topic only: keep it in one of the two topics"))
            else:
                claimed[code] = (document, path)
    return errors


def _ids(documents: Iterable[Document]) -> list[Entry]:
    return [(d, ("id",), d.data["id"]) for d in documents if has_id(d.data)]


def _aliases(documents: Iterable[Document]) -> list[Entry]:
    return [(d, ("aliases", i), alias) for d in documents if isinstance(d.data, dict)
            for i, alias in enumerate(list_of(d.data, "aliases")) if isinstance(alias, str)]


def _nested_aliases(document: Document, where: tuple, items: list[tuple[int, dict]]) -> list[Entry]:
    return [(document, where + (i, "aliases", j), alias) for i, item in items
            for j, alias in enumerate(list_of(item, "aliases")) if isinstance(alias, str)]


def _place(document: Document, path: tuple) -> str:
    return f"{document.path}:{document.line_of(path)}"
