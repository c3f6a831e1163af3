"""What one topic's files must agree on with each other, beyond each file's schema.

They read the data defensively (shapes.py): a file that broke its schema is still checked
where its shape allows, so one run reports every mistake.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError
from .files import TopicFiles
from .ids import check_topic_aliases
from .load import Document
from .placeholders import unfilled
from .review import check_review_interval
from .shapes import date_or_none, field_of, has_id, numbered_mappings
from .statement_checks import check_source_ids, check_statements, untold_treatments
from .statement_context import check_context
from .validate import check_unique, unknown_reference


def check_topic(files: TopicFiles) -> list[ContentError]:
    topic = files.topic
    errors = _check_ids_match_names(files)
    values_by_factor = _answers_by_factor(files.factors) if files.factors else None
    if topic:
        errors += _check_treatment_order(topic, files.treatment_ids)
        errors += _check_review_dates(topic)
        errors += check_review_interval(topic)
    if files.statements:
        sources = {d.data["id"]: d for d in files.sources if has_id(d.data)}
        errors += check_statements(files.statements, treatment_ids=files.treatment_ids,
                                   values_by_factor=values_by_factor, sources=sources)
        errors += untold_treatments(files.statements, files.treatments)
        errors += check_context(files.statements)
    errors += check_source_ids(files.sources)
    if files.factors:
        errors += _check_unique_factor_ids(files.factors)
    errors += check_topic_aliases(files.factors, files.treatments)
    for document in files.all_documents:
        errors += unfilled(document)
    return errors


def _check_ids_match_names(files: TopicFiles) -> list[ContentError]:
    """A topic's id is its folder's name and a treatment's its file's: addresses are made from both."""
    errors = []
    topic = files.topic
    if topic and field_of(topic.data, "id", str) not in (None, files.folder.name):
        errors.append(topic.error(("id",), f"the topic id '{topic.data['id']}' does not match its folder "
                                           f"'{files.folder.name}'", "make the id and the folder name the same"))
    for document in files.treatments:
        stem = Path(document.path).stem
        if field_of(document.data, "id", str) not in (None, stem):
            errors.append(document.error(("id",), f"the treatment id '{document.data['id']}' does not match "
                                                  f"the file name '{stem}.yaml'",
                                         "make the id and the file name the same"))
    return errors


def _answers_by_factor(document: Document) -> dict[str, set[str]]:
    """Each factor's id with the ids of its answers, from whatever of factors.yaml could be read."""
    values_by_factor: dict[str, set[str]] = {}
    for _, factor in numbered_mappings(document.data, "factors"):
        if has_id(factor):
            values_by_factor.setdefault(factor["id"], {value["id"] for _, value in numbered_mappings(factor, "values")
                                                       if has_id(value)})
    return values_by_factor


def _check_unique_factor_ids(document: Document) -> list[ContentError]:
    factors = numbered_mappings(document.data, "factors")
    errors = check_unique(((document, ("factors", i, "id"), factor["id"]) for i, factor in factors if has_id(factor)),
                          "factor")
    for i, factor in factors:
        errors += check_unique(((document, ("factors", i, "values", j, "id"), value["id"])
                                for j, value in numbered_mappings(factor, "values") if has_id(value)),
                               f"answer (in factor '{factor.get('id')}')")
    return errors


def _check_treatment_order(topic: Document, available: frozenset[str]) -> list[ContentError]:
    listed = field_of(topic.data, "treatments", list)
    named = [(i, t) for i, t in enumerate(listed or []) if isinstance(t, str)]
    errors = check_unique(((topic, ("treatments", i), t) for i, t in named), "listed treatment")
    errors += [unknown_reference(topic, ("treatments", i), "treatment", t, available)
               for i, t in named if t not in available]
    if listed is not None:
        for treatment_id in sorted(available - {t for _, t in named}):
            errors.append(topic.error(("treatments",), f"the treatment file '{treatment_id}.yaml' is not listed "
                                                       "in 'treatments'",
                                      f"add '- {treatment_id}' to 'treatments' where it should appear", key=True))
    return errors


def _check_review_dates(topic: Document) -> list[ContentError]:
    review = field_of(topic.data, "review", dict) or {}
    last, due = date_or_none(review.get("last_reviewed")), date_or_none(review.get("next_review_due"))
    errors = []
    if last and due and due < last:
        errors.append(topic.error(("review", "next_review_due"), "the next review is due before the last review",
                                  "next_review_due must be on or after last_reviewed"))
    for i, record in numbered_mappings(review, "reviews"):
        when = date_or_none(record.get("date"))
        if last and when and when > last:
            errors.append(topic.error(("review", "reviews", i, "date"), "this review is dated after last_reviewed",
                                      "set last_reviewed to the date of the latest review"))
    return errors
