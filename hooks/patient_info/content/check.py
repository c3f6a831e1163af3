"""The pipeline's front half: find the content files, load them, validate them, build the model."""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from ..errors import ContentError, ContentErrors
from .ids import check_site_ids, check_topic_aliases
from ..model import paths
from ..model.glossary import Glossary
from .glossary_checks import build_glossary, check_glossary
from .load import Document, load_document
from .placeholders import unfilled
from ..model.site import (AllOf, AnswerIs, AnyOf, Caveat, Clinic, Codes, Condition, Factor, FactorValue, Feedback,
                          OtherName, Review, ReviewRecord, Site, SiteSettings, SourceDocument, SourceQuote, Statement,
                          Topic, Treatment)
from .review import check_review_due
from .statement_checks import check_source_ids, check_statements, untold_treatments
from .revision import parsed_content, revision_of
from .validate import check_schema, check_unique, unknown_reference
from .vocabulary import too_long_sentences, unexplained_words
from ..workers import share_work

SITE_FILE = "site.yaml"
GLOSSARY_FILE = "glossary.yaml"
TOPIC_FILE = "topic.yaml"
FACTORS_FILE = "factors.yaml"
TREATMENTS_DIR = "treatments"
STATEMENTS_FILE = "statements.yaml"
SOURCES_DIR = "sources"
LAYOUT_HINT = ("a content folder holds site.yaml, glossary.yaml and one folder per topic with topic.yaml, factors.yaml, "
               "statements.yaml, treatments/<id>.yaml and sources/<id>.yaml")
# Topics are checked in worker processes from this many on: below it, starting them costs more than it saves.
PARALLEL_FROM_TOPICS = 200
TOPICS_PER_TASK = 20  # processes take this many topics at a time, so that they finish together


@dataclass(frozen=True)
class TopicFiles:
    """A topic's parsed files. Files that failed their schema are kept, so references are still checked."""

    folder: Path
    shown: str  # the folder as error messages name it
    topic: Document | None
    factors: Document | None
    treatments: tuple[Document, ...]
    treatment_ids: frozenset[str]
    statements: Document | None
    sources: tuple[Document, ...]

    @property
    def documents(self) -> tuple[Document, ...]:
        """The files written in the site's own words (the sources are other people's)."""
        return tuple(doc for doc in (self.topic, self.factors, self.statements, *self.treatments) if doc is not None)

    @property
    def all_documents(self) -> tuple[Document, ...]:
        return self.documents + self.sources


@dataclass(frozen=True)
class CheckResult:
    """The site's model (None if there are errors), every mistake, and notices that do not stop a build.

    `unexplained` lists long words the glossary does not explain: the build warns of them.
    """

    site: Site | None
    errors: list[ContentError]
    notices: list[ContentError]
    unexplained: list[ContentError] = field(default_factory=list)


@dataclass(frozen=True)
class _Settings:
    """What checking one topic needs besides its folder; sent to worker processes."""

    today: date | None
    overdue_is_error: bool
    glossary: Glossary | None  # None if glossary.yaml has mistakes: its words cannot be checked then
    glossary_shown: str


@dataclass(frozen=True)
class _TopicCheck:
    """One topic folder, checked on its own."""

    document: Document | None  # topic.yaml, for the checks across topics
    topic: Topic | None  # None if the folder has mistakes
    errors: list[ContentError]
    notices: list[ContentError]
    unexplained: list[ContentError]


def load_site(content_dir: Path) -> Site:
    """The site's model, or ContentErrors listing every mistake. Review dates are not checked against today."""
    result = check_content(content_dir)
    if result.errors:
        raise ContentErrors(result.errors)
    return result.site


def check_content(content_dir: Path, *, today: date | None = None, overdue_is_error: bool = True,
                  workers: int | None = None, only_topics: tuple[str, ...] | None = None) -> CheckResult:
    """Load and check all content. With `today`, review dates are checked against it too.

    Topics are independent, so a large site checks them on every core (`workers`: how many
    processes; by default one per core from PARALLEL_FROM_TOPICS topics on, else none).
    With `only_topics` (the editors' preview of part of a large library), the other topic
    folders are neither read nor checked, and the site is made of the named topics alone.
    """
    content_dir = Path(content_dir)
    shown = display_path(content_dir)
    if not content_dir.is_dir():
        missing = ContentError(shown, None, None, "the content folder does not exist", LAYOUT_HINT)
        return CheckResult(None, [missing], [])
    with _collector_paused():
        return _check_folder(content_dir, shown, today, overdue_is_error, workers, only_topics)


def _check_folder(content_dir: Path, shown: str, today: date | None, overdue_is_error: bool,
                  workers: int | None, only_topics: tuple[str, ...] | None = None) -> CheckResult:
    errors: list[ContentError] = []
    settings_doc = _load(content_dir / SITE_FILE, _shown_in(shown, SITE_FILE), "site", errors)
    glossary_shown = _shown_in(shown, GLOSSARY_FILE)
    glossary_doc = _load(content_dir / GLOSSARY_FILE, glossary_shown, "glossary", errors)
    if glossary_doc:
        errors.extend(check_glossary(glossary_doc))
    errors.extend(too_long_sentences([doc for doc in (settings_doc, glossary_doc) if doc]))
    glossary = build_glossary(glossary_doc.data) if glossary_doc and not errors else None
    folders = []
    for name in _listing(content_dir, shown, errors):
        entry = content_dir / name
        if entry.is_symlink() and not name.startswith("."):
            errors.append(_link_refused(_shown_in(shown, name)))
        elif entry.is_dir() and not name.startswith("."):
            folders.append((entry, _shown_in(shown, name)))
        elif name not in (SITE_FILE, GLOSSARY_FILE, paths.PUBLISHED_ADDRESSES):
            _check_stray_file(entry, _shown_in(shown, name), errors)
    if only_topics is not None:
        folders = _named_topics(folders, only_topics, shown, errors)
    if not folders:
        errors.append(ContentError(shown, None, None, "there are no topics", LAYOUT_HINT))
    checks = _check_topics(folders, _Settings(today, overdue_is_error, glossary, glossary_shown), workers)
    notices = [notice for check in checks for notice in check.notices]
    errors += [error for check in checks for error in check.errors]
    errors += check_site_ids([check.document for check in checks if check.document])
    unexplained = [] if glossary is None else [
        *unexplained_words([doc for doc in (settings_doc, glossary_doc) if doc], glossary, glossary_shown),
        *(word for check in checks for word in check.unexplained)]
    if errors:
        return CheckResult(None, errors, notices, unexplained)
    site = Site(settings=_build_settings(settings_doc.data), topics=tuple(check.topic for check in checks),
                glossary=glossary)
    return CheckResult(site, [], notices, unexplained)


def _named_topics(folders: list[tuple[Path, str]], names: tuple[str, ...], shown: str,
                  errors: list[ContentError]) -> list[tuple[Path, str]]:
    by_name = {folder.name: (folder, folder_shown) for folder, folder_shown in folders}
    for name in names:
        if name not in by_name:
            errors.append(ContentError(shown, None, None, f"there is no topic folder '{name}' to preview",
                                       "TOPICS takes topic folder names separated by commas, such as "
                                       f"{', '.join(sorted(by_name)[:3]) or 'secondary-liver-cancer'}"))
    return [by_name[name] for name in sorted(set(names)) if name in by_name]


def _check_topics(folders: list[tuple[Path, str]], settings: _Settings, workers: int | None) -> list[_TopicCheck]:
    if workers is None:
        workers = (os.cpu_count() or 1) if len(folders) >= PARALLEL_FROM_TOPICS else 1
    if workers <= 1 or len(folders) < 2:
        return _check_share(folders, settings)
    return share_work(partial(_check_share, settings=settings), folders, workers, TOPICS_PER_TASK)


def _check_share(folders: list[tuple[Path, str]], settings: _Settings) -> list[_TopicCheck]:
    return [_check_topic_folder(folder, shown, settings) for folder, shown in folders]


def _check_topic_folder(folder: Path, shown: str, settings: _Settings) -> _TopicCheck:
    """Everything that one topic's files decide on their own, with the topic's model if they have no mistakes."""
    with _collector_paused():
        errors: list[ContentError] = []
        notices: list[ContentError] = []
        files = _load_topic_files(folder, shown, errors)
        errors += _check_topic(files)
        errors += too_long_sentences(files.documents)
        if settings.today and files.topic:
            overdue, due_soon = check_review_due(files.topic, settings.today)
            (errors if settings.overdue_is_error else notices).extend(overdue)
            notices += due_soon
        unexplained = ([] if settings.glossary is None else
                       unexplained_words(files.documents, settings.glossary, settings.glossary_shown))
        return _TopicCheck(files.topic, None if errors else _build_topic(files), errors, notices, unexplained)


@contextmanager
def _collector_paused():
    """Loading makes millions of small objects and no reference cycles: the garbage collector's
    passes over them took a third of the time (1.7 s of 4.2 s for 1,000 topics).

    Afterwards they are frozen, out of the collector's sight: they live for the whole build, and
    looking at them all once more when it restarted took 0.1 s. The last build's are unfrozen
    first, so that a long `mkdocs serve` can still free them.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def _load(file: str | Path, shown: str, schema_name: str, errors: list[ContentError]) -> Document | None:
    """The parsed file (even if it breaks its schema), adding every mistake in it to `errors`."""
    document, load_errors = load_document(file, shown)
    if document is None and not os.path.lexists(file):
        errors.append(ContentError(shown, None, None, f"the file {os.path.basename(file)} is missing",
                                   LAYOUT_HINT))
        return None
    errors.extend(load_errors)
    if document is not None:
        errors.extend(check_schema(document, schema_name))
    return document


def _load_topic_files(folder: Path, shown: str, errors: list[ContentError]) -> TopicFiles:
    # Plain strings and os.listdir: pathlib's objects for 10,000 files cost 0.08 s.
    where = str(folder)
    topic = _load(os.path.join(where, TOPIC_FILE), _shown_in(shown, TOPIC_FILE), "topic", errors)
    factors = _load(os.path.join(where, FACTORS_FILE), _shown_in(shown, FACTORS_FILE), "factors", errors)
    treatment_dir = os.path.join(where, TREATMENTS_DIR)
    shown_treatments = _shown_in(shown, TREATMENTS_DIR)
    in_treatment_dir = _listing(treatment_dir, shown_treatments, errors)
    treatment_files = [name for name in in_treatment_dir if name.endswith(".yaml")]
    if not treatment_files:
        errors.append(ContentError(shown_treatments, None, None, "the topic has no treatment files",
                                   "add treatments/<id>.yaml, one file per treatment"))
    treatments = tuple(doc for name in treatment_files
                       if (doc := _load(os.path.join(treatment_dir, name), _shown_in(shown_treatments, name),
                                        "treatment", errors)))
    statements = _load(os.path.join(where, STATEMENTS_FILE), _shown_in(shown, STATEMENTS_FILE), "statements", errors)
    source_dir = os.path.join(where, SOURCES_DIR)
    shown_sources = _shown_in(shown, SOURCES_DIR)
    in_source_dir = _listing(source_dir, shown_sources, errors)
    if not any(name.endswith(".yaml") for name in in_source_dir):
        errors.append(ContentError(shown_sources, None, None, "the topic has no source files",
                                   "add sources/<id>.yaml with the text the topic is adapted from"))
    sources = tuple(doc for name in in_source_dir if name.endswith(".yaml")
                    if (doc := _load(os.path.join(source_dir, name), _shown_in(shown_sources, name), "source", errors)))
    for name in _listing(where, shown, errors):
        if name not in (TOPIC_FILE, FACTORS_FILE, TREATMENTS_DIR, STATEMENTS_FILE, SOURCES_DIR):
            _check_stray_file(folder / name, _shown_in(shown, name), errors)
    for directory, shown_directory, names in ((treatment_dir, shown_treatments, in_treatment_dir),
                                              (source_dir, shown_sources, in_source_dir)):
        for name in names:
            if os.path.splitext(name)[1] != ".yaml":
                _check_stray_file(Path(directory, name), _shown_in(shown_directory, name), errors)
    return TopicFiles(folder, shown, topic, factors, treatments,
                      frozenset(os.path.splitext(name)[0] for name in treatment_files), statements, sources)


def _listing(folder: str | Path, shown: str, errors: list[ContentError]) -> list[str]:
    """The names in a folder of content, in order; none, with a message, for a folder that is a link or cannot
    be read. A missing folder is left to the checks that say what it should hold."""
    if os.path.islink(folder):
        errors.append(_link_refused(shown))
        return []
    if not os.path.isdir(folder):
        return []
    try:
        return sorted(os.listdir(folder))
    except OSError as error:
        errors.append(ContentError(shown, None, None, f"the folder cannot be read: {error.strerror}",
                                   "check that you may read this folder"))
        return []


def _link_refused(shown: str) -> ContentError:
    return ContentError(shown, None, None, "this is a link to another place, which the site does not follow",
                        "put the folder or file itself in the content folder")


def _check_stray_file(entry: Path, shown: str, errors: list[ContentError]) -> None:
    """Files the site would not read are errors, so content is never silently left out."""
    if entry.name.startswith(".") or entry.suffix == ".md":
        return
    hint = f"rename it to {entry.stem}.yaml" if entry.suffix == ".yml" else LAYOUT_HINT
    errors.append(ContentError(shown, None, None, "this file is not read by the site", hint))


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
    if files.statements:
        sources = {d.data["id"]: d for d in files.sources if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)}
        errors += check_statements(files.statements, treatment_ids=files.treatment_ids,
                                   values_by_factor=values_by_factor, sources=sources)
        errors += untold_treatments(files.statements, files.treatments)
    errors += check_source_ids(files.sources)
    if files.factors:
        errors += check_unique(_factor_ids(files.factors), "factor")
        for i, factor in enumerate(_items(files.factors.data, "factors")):
            errors += check_unique(_value_ids(files.factors, i, factor), f"answer (in factor '{factor.get('id')}')")
    errors += check_topic_aliases(files.factors, files.treatments)
    for document in files.all_documents:
        errors += unfilled(document)
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
        for treatment_id in sorted(available - {t for t in listed if isinstance(t, str)}):
            errors.append(topic.error(("treatments",), f"the treatment file '{treatment_id}.yaml' is not listed "
                                                       "in 'treatments'",
                                      f"add '- {treatment_id}' to 'treatments' where it should appear", key=True))
    return errors


def _check_review_dates(topic: Document) -> list[ContentError]:
    review = _get(topic.data, "review", dict) or {}
    last, due = _date(review.get("last_reviewed")), _date(review.get("next_review_due"))
    errors = []
    if last and due and due < last:
        errors.append(topic.error(("review", "next_review_due"), "the next review is due before the last review",
                                  "next_review_due must be on or after last_reviewed"))
    for i, record in enumerate(_items(review, "reviews")):
        when = _date(record.get("date"))
        if last and when and when > last:
            errors.append(topic.error(("review", "reviews", i, "date"), "this review is dated after last_reviewed",
                                      "set last_reviewed to the date of the latest review"))
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
    clinic, feedback = data.get("clinic"), data.get("feedback")
    return SiteSettings(name=data["name"], publisher=data["publisher"], contact=data["contact"],
                        disclaimer=data["disclaimer"], reuse=data["reuse"], clinic=Clinic(**clinic) if clinic else None,
                        feedback=Feedback(**feedback) if feedback else None,
                        linking_terms=data.get("linking_terms", ""), linking_contact=data.get("linking_contact", ""))


def _build_topic(files: TopicFiles) -> Topic:
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
        values=tuple(FactorValue(v["id"], v["label"], tuple(v.get("aliases", []))) for v in data.get("values", [])),
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
                     conditions=_build_condition(data["conditions"]) if "conditions" in data else None)


def _build_condition(data: dict) -> Condition:
    if "all_of" in data:
        return AllOf(tuple(_build_condition(part) for part in data["all_of"]))
    if "any_of" in data:
        return AnyOf(tuple(_build_condition(part) for part in data["any_of"]))
    return AnswerIs(data["factor"], tuple(data.get("answers", [])))


def _build_caveats(items: list[dict]) -> tuple[Caveat, ...]:
    return tuple(Caveat(text=c["text"], importance=c.get("importance", "note")) for c in items)


def _shown_in(folder: str, name: str) -> str:
    """A file's name in messages, from its folder's: cheaper than display_path for every file."""
    return name if folder == "." else f"{folder}/{name}"


def display_path(path: Path) -> str:
    """Paths as an editor would type them: relative to where the command runs, when inside it."""
    absolute = path.resolve()
    try:
        return os.path.relpath(absolute, Path.cwd()) if absolute.is_relative_to(Path.cwd()) else str(absolute)
    except ValueError:
        return str(absolute)

