"""The pipeline's front half: find the content files, load them, validate them, build the model."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import ContentError, ContentErrors
from .ids import check_site_ids, check_topic_aliases
from .glossary_checks import build_glossary, check_glossary
from .load import Document, load_document
from .model import (Caveat, Clinic, Codes, Combination, Factor, FactorReference, FactorValue, OtherName, Reason,
                    Review, Site, SiteSettings, Source, Topic, Treatment)
from .review import check_review_due
from .revision import content_revision
from .validate import check_schema, check_unique, unknown_reference

SITE_FILE = "site.yaml"
GLOSSARY_FILE = "glossary.yaml"
TOPIC_FILE = "topic.yaml"
FACTORS_FILE = "factors.yaml"
TREATMENTS_DIR = "treatments"
LAYOUT_HINT = ("a content folder holds site.yaml, glossary.yaml and one folder per topic with topic.yaml, factors.yaml "
               "and treatments/<id>.yaml")


@dataclass(frozen=True)
class TopicFiles:
    """A topic's parsed files. Files that failed their schema are kept, so references are still checked."""

    folder: Path
    topic: Document | None
    factors: Document | None
    treatments: tuple[Document, ...]
    treatment_ids: frozenset[str]


@dataclass(frozen=True)
class CheckResult:
    """The site's model (None if there are errors), every mistake, and notices that do not stop a build."""

    site: Site | None
    errors: list[ContentError]
    notices: list[ContentError]


def load_site(content_dir: Path) -> Site:
    """The site's model, or ContentErrors listing every mistake. Review dates are not checked against today."""
    result = check_content(content_dir)
    if result.errors:
        raise ContentErrors(result.errors)
    return result.site


def check_content(content_dir: Path, *, today: date | None = None, overdue_is_error: bool = True) -> CheckResult:
    """Load and check all content. With `today`, review dates are checked against it too."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        missing = ContentError(display_path(content_dir), None, None, "the content folder does not exist", LAYOUT_HINT)
        return CheckResult(None, [missing], [])
    errors: list[ContentError] = []
    notices: list[ContentError] = []
    settings_doc = _load(content_dir / SITE_FILE, "site", errors)
    glossary_doc = _load(content_dir / GLOSSARY_FILE, "glossary", errors)
    if glossary_doc:
        errors.extend(check_glossary(glossary_doc))
    topic_files = []
    for entry in sorted(content_dir.iterdir()):
        if entry.is_dir() and not entry.name.startswith("."):
            topic_files.append(_load_topic_files(entry, errors))
        elif entry.name not in (SITE_FILE, GLOSSARY_FILE):
            _check_stray_file(entry, errors)
    if not topic_files:
        errors.append(ContentError(display_path(content_dir), None, None, "there are no topics", LAYOUT_HINT))
    for files in topic_files:
        errors.extend(_check_topic(files))
        if today and files.topic:
            overdue, due_soon = check_review_due(files.topic, today)
            (errors if overdue_is_error else notices).extend(overdue)
            notices.extend(due_soon)
    errors.extend(check_site_ids([files.topic for files in topic_files if files.topic]))
    if errors:
        return CheckResult(None, errors, notices)
    topics = tuple(_build_topic(files) for files in topic_files)
    site = Site(settings=_build_settings(settings_doc.data), topics=topics, glossary=build_glossary(glossary_doc.data))
    return CheckResult(site, [], notices)


def _load(file: Path, schema_name: str, errors: list[ContentError]) -> Document | None:
    """The parsed file (even if it breaks its schema), adding every mistake in it to `errors`."""
    if not file.is_file():
        errors.append(ContentError(display_path(file), None, None, f"the file {file.name} is missing", LAYOUT_HINT))
        return None
    document, load_errors = load_document(file, display_path(file))
    errors.extend(load_errors)
    if document is not None:
        errors.extend(check_schema(document, schema_name))
    return document


def _load_topic_files(folder: Path, errors: list[ContentError]) -> TopicFiles:
    topic = _load(folder / TOPIC_FILE, "topic", errors)
    factors = _load(folder / FACTORS_FILE, "factors", errors)
    treatment_dir = folder / TREATMENTS_DIR
    treatment_files = sorted(treatment_dir.glob("*.yaml")) if treatment_dir.is_dir() else []
    if not treatment_files:
        errors.append(ContentError(display_path(treatment_dir), None, None, "the topic has no treatment files",
                                   "add treatments/<id>.yaml, one file per treatment"))
    treatments = tuple(doc for file in treatment_files if (doc := _load(file, "treatment", errors)))
    for entry in sorted(folder.iterdir()):
        if entry.name not in (TOPIC_FILE, FACTORS_FILE, TREATMENTS_DIR):
            _check_stray_file(entry, errors)
    if treatment_dir.is_dir():
        for entry in sorted(treatment_dir.iterdir()):
            if entry.suffix != ".yaml":
                _check_stray_file(entry, errors)
    return TopicFiles(folder, topic, factors, treatments, frozenset(file.stem for file in treatment_files))


def _check_stray_file(entry: Path, errors: list[ContentError]) -> None:
    """Files the site would not read are errors, so content is never silently left out."""
    if entry.name.startswith(".") or entry.suffix == ".md":
        return
    hint = f"rename it to {entry.stem}.yaml" if entry.suffix == ".yml" else LAYOUT_HINT
    errors.append(ContentError(display_path(entry), None, None, "this file is not read by the site", hint))


# Cross-file checks. They read the data defensively: a file that broke its schema
# is still checked where its shape allows, so one run reports every mistake.

def _check_topic(files: TopicFiles) -> list[ContentError]:
    errors = []
    topic = files.topic
    if topic and _get(topic.data, "id", str) not in (None, files.folder.name):
        errors.append(topic.error(("id",), f"the topic id '{topic.data['id']}' does not match its folder "
                                           f"'{files.folder.name}'", "make the id and the folder name the same"))
    for document in files.treatments:
        stem = Path(document.path).stem
        if _get(document.data, "id", str) not in (None, stem):
            errors.append(document.error(("id",), f"the treatment id '{document.data['id']}' does not match "
                                                  f"the file name '{stem}.yaml'",
                                         "make the id and the file name the same"))
    values_by_factor = _check_factors(files.factors) if files.factors else None
    if topic:
        errors += _check_treatment_order(topic, files.treatment_ids)
        errors += _check_review_dates(topic)
    for document in files.treatments:
        errors += _check_treatment_references(document, values_by_factor, files.treatment_ids)
    if files.factors:
        errors += check_unique(_factor_ids(files.factors), "factor")
        for i, factor in enumerate(_items(files.factors.data, "factors")):
            errors += check_unique(_value_ids(files.factors, i, factor), f"answer (in factor '{factor.get('id')}')")
    errors += check_topic_aliases(files.factors, files.treatments)
    return errors


def _check_factors(document: Document) -> dict[str, set[str]]:
    """Each factor's id with the ids of its answers, from whatever of factors.yaml could be read."""
    values_by_factor: dict[str, set[str]] = {}
    for factor in _items(document.data, "factors"):
        if isinstance(factor.get("id"), str):
            values_by_factor.setdefault(factor["id"], {value["id"] for value in _items(factor, "values")
                                                       if isinstance(value.get("id"), str)})
    return values_by_factor


def _factor_ids(document: Document):
    for i, factor in enumerate(_items(document.data, "factors")):
        if isinstance(factor.get("id"), str):
            yield document, ("factors", i, "id"), factor["id"]


def _value_ids(document: Document, index: int, factor: dict):
    for j, value in enumerate(_items(factor, "values")):
        if isinstance(value.get("id"), str):
            yield document, ("factors", index, "values", j, "id"), value["id"]


def _check_treatment_order(topic: Document, available: frozenset[str]) -> list[ContentError]:
    listed = _get(topic.data, "treatments", list) or []
    errors = check_unique(((topic, ("treatments", i), t) for i, t in enumerate(listed) if isinstance(t, str)),
                          "listed treatment")
    for i, treatment_id in enumerate(listed):
        if isinstance(treatment_id, str) and treatment_id not in available:
            errors.append(unknown_reference(topic, ("treatments", i), "treatment", treatment_id, available))
    if _get(topic.data, "treatments", list) is not None:
        for treatment_id in sorted(available - set(listed)):
            errors.append(topic.error(("treatments",), f"the treatment file '{treatment_id}.yaml' is not listed "
                                                       "in 'treatments'",
                                      f"add '- {treatment_id}' to 'treatments' where it should appear", key=True))
    return errors


def _check_review_dates(topic: Document) -> list[ContentError]:
    review = _get(topic.data, "review", dict) or {}
    last, due = _date(review.get("last_reviewed")), _date(review.get("next_review_due"))
    if last and due and due < last:
        return [topic.error(("review", "next_review_due"), "the next review is due before the last review",
                            "next_review_due must be on or after last_reviewed")]
    return []


def _check_treatment_references(document: Document, values_by_factor: dict[str, set[str]] | None,
                                treatment_ids: frozenset[str]) -> list[ContentError]:
    errors = []
    own_id = Path(document.path).stem
    if values_by_factor is not None:
        for kind in ("when_used", "not_suitable_when"):
            for i, reason in enumerate(_items(document.data, kind)):
                for factor_id, value_ids in (_get(reason, "factors", dict) or {}).items():
                    path = (kind, i, "factors", factor_id)
                    if factor_id not in values_by_factor:
                        errors.append(unknown_reference(document, path, "factor", factor_id, values_by_factor))
                        continue
                    for j, value_id in enumerate(value_ids if isinstance(value_ids, list) else []):
                        if isinstance(value_id, str) and value_id not in values_by_factor[factor_id]:
                            errors.append(unknown_reference(document, path + (j,), "answer", value_id,
                                                            values_by_factor[factor_id],
                                                            context=f" for the factor '{factor_id}'"))
    for i, combination in enumerate(_items(document.data, "used_with")):
        partner = combination.get("treatment")
        if not isinstance(partner, str):
            continue
        if partner == own_id:
            errors.append(document.error(("used_with", i, "treatment"), "a treatment cannot be used with itself",
                                         "name another treatment's id"))
        elif partner not in treatment_ids:
            errors.append(unknown_reference(document, ("used_with", i, "treatment"), "treatment", partner,
                                            treatment_ids - {own_id}))
    return errors


def _get(data, key: str, kind: type):
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, kind) else None


def _items(data, key: str) -> list[dict]:
    return [item for item in (_get(data, key, list) or []) if isinstance(item, dict)]


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _build_settings(data: dict) -> SiteSettings:
    clinic = data.get("clinic")
    return SiteSettings(name=data["name"], publisher=data["publisher"], contact=data["contact"],
                        disclaimer=data["disclaimer"], clinic=Clinic(**clinic) if clinic else None)


def _build_topic(files: TopicFiles) -> Topic:
    data = files.topic.data
    by_id = {d.data["id"]: d.data for d in files.treatments}
    ordered = [by_id[treatment_id] for treatment_id in data["treatments"]]
    review = data["review"]
    return Topic(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        aim=tuple(data["aim"]),
        codes=Codes(icd10=tuple(data["codes"]["icd10"]), snomed=tuple(data["codes"]["snomed"])),
        review=Review(
            last_reviewed=date.fromisoformat(review["last_reviewed"]),
            next_review_due=date.fromisoformat(review["next_review_due"]),
            reviewed_by=review["reviewed_by"],
            sources=tuple(_build_source(source) for source in review["sources"]),
        ),
        factors=tuple(_build_factor(f) for f in files.factors.data["factors"]),
        treatments=tuple(_build_treatment(t) for t in ordered),
        combinations=tuple(
            Combination(treatment=t["id"], partner=c["treatment"], role=c["role"], text=c["text"])
            for t in ordered for c in t.get("used_with", [])
        ),
        caveats=_build_caveats(data.get("caveats", [])),
        questions=tuple(data.get("questions", [])),
        revision=content_revision(files.folder),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_source(data: dict) -> Source:
    return Source(title=data["title"], publisher=data.get("publisher", ""), url=data.get("url", ""),
                  reference=data.get("reference", ""), accessed=date.fromisoformat(data["accessed"]))


def _build_factor(data: dict) -> Factor:
    return Factor(
        id=data["id"],
        question=data["question"],
        explanation=tuple(data["explanation"]),
        importance=data["importance"],
        values=tuple(FactorValue(v["id"], v["label"], tuple(v.get("aliases", []))) for v in data.get("values", [])),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_treatment(data: dict) -> Treatment:
    return Treatment(
        id=data["id"],
        name=data["name"],
        other_names=tuple(OtherName(o["name"], o["text"]) for o in data.get("other_names", [])),
        summary=data["summary"],
        what_it_is=tuple(data["what_it_is"]),
        how_often=data["how_often"],
        when_used=_build_reasons(data.get("when_used", [])),
        not_suitable_when=_build_reasons(data.get("not_suitable_when", [])),
        caveats=_build_caveats(data.get("caveats", [])),
        questions=tuple(data.get("questions", [])),
        aliases=tuple(data.get("aliases", [])),
    )


def _build_reasons(items: list[dict]) -> tuple[Reason, ...]:
    return tuple(
        Reason(text=item["text"],
               factors=tuple(FactorReference(f, tuple(values)) for f, values in item["factors"].items()))
        for item in items
    )


def _build_caveats(items: list[dict]) -> tuple[Caveat, ...]:
    return tuple(Caveat(text=c["text"], importance=c.get("importance", "note")) for c in items)


def display_path(path: Path) -> str:
    """Paths as an editor would type them: relative to where the command runs, when inside it."""
    absolute = path.resolve()
    try:
        return os.path.relpath(absolute, Path.cwd()) if absolute.is_relative_to(Path.cwd()) else str(absolute)
    except ValueError:
        return str(absolute)

