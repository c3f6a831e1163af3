"""The pipeline's front half, in order: find the content files and load them (files.py), check each topic
on its own (topic_checks.py and the checks it calls), check across topics (ids.py), build the model
(build_model.py). Every mistake is collected; the model is made only when there are none."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.glossary import Glossary
from ..model.site import Site, Topic
from ..workers import share_work
from .build_model import build_glossary, build_settings, build_topic
from .files import GLOSSARY_FILE, LAYOUT_HINT, display_path, find_site_files, load_topic_files, shown_in
from .glossary_checks import check_glossary
from .ids import check_site_ids
from .load import Document
from .review import check_review_due
from .shapes import field_of
from .topic_checks import check_topic
from .vocabulary import too_long_sentences, unexplained_words
from .web_addresses import site_address_mistakes, source_address_mistakes


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
    processes; by default as workers.share_work decides). With `only_topics` (the editors'
    preview of part of a large library), the other topic folders are neither read nor
    checked, and the site is made of the named topics alone.
    """
    content_dir = Path(content_dir)
    shown = display_path(content_dir)
    if not content_dir.is_dir():
        missing = ContentError(shown, None, None, "the content folder does not exist", LAYOUT_HINT)
        return CheckResult(None, [missing], [])
    with _collector_paused():
        return _check_folder(content_dir, shown, today, overdue_is_error, workers, only_topics)


def _check_folder(content_dir: Path, shown: str, today: date | None, overdue_is_error: bool,
                  workers: int | None, only_topics: tuple[str, ...] | None) -> CheckResult:
    errors: list[ContentError] = []
    notices: list[ContentError] = []
    found = find_site_files(content_dir, shown, errors, only_topics)
    site_documents = [doc for doc in (found.settings, found.glossary) if doc]
    glossary_shown = shown_in(shown, GLOSSARY_FILE)
    glossary = _glossary(found.glossary, glossary_shown, errors)
    errors += too_long_sentences(site_documents)
    if found.settings:
        errors += site_address_mistakes(found.settings)
    if today and found.glossary:
        _review_due(found.glossary, today, overdue_is_error, "the glossary", errors, notices)
    checks = _check_topics(found.topic_folders, _Settings(today, overdue_is_error, glossary, glossary_shown), workers)
    notices += [notice for check in checks for notice in check.notices]
    errors += [error for check in checks for error in check.errors]
    errors += check_site_ids([check.document for check in checks if check.document])
    unexplained = [] if glossary is None else [
        *unexplained_words(site_documents, glossary, glossary_shown),
        *(word for check in checks for word in check.unexplained)]
    if errors:
        return CheckResult(None, errors, notices, unexplained)
    site = Site(settings=build_settings(found.settings.data), topics=tuple(check.topic for check in checks),
                glossary=glossary)
    return CheckResult(site, [], notices, unexplained)


def _glossary(document: Document | None, shown: str, errors: list[ContentError]) -> Glossary | None:
    """The glossary, if glossary.yaml has no mistakes of its own (`errors` holds its loading's): the words of
    every page are checked against it. Its cross-checks run even on a file that broke its schema."""
    if document is None:
        return None
    errors += check_glossary(document)
    return None if any(error.file == shown for error in errors) else build_glossary(document.data)


def _check_topics(folders: list[tuple[Path, str]], settings: _Settings, workers: int | None) -> list[_TopicCheck]:
    return share_work(partial(_check_share, settings=settings), folders, workers)


def _check_share(folders: list[tuple[Path, str]], settings: _Settings) -> list[_TopicCheck]:
    return [_check_topic_folder(folder, shown, settings) for folder, shown in folders]


def _check_topic_folder(folder: Path, shown: str, settings: _Settings) -> _TopicCheck:
    """Everything that one topic's files decide on their own, with the topic's model if they have no mistakes."""
    with _collector_paused():
        errors: list[ContentError] = []
        notices: list[ContentError] = []
        files = load_topic_files(folder, shown, errors)
        errors += check_topic(files)
        errors += too_long_sentences(files.documents)
        errors += [error for source in files.sources for error in source_address_mistakes(source)]
        if settings.today and files.topic:
            topic_id = field_of(files.topic.data, "id", str) or "?"
            _review_due(files.topic, settings.today, settings.overdue_is_error, f"topic '{topic_id}'", errors,
                        notices)
        unexplained = ([] if settings.glossary is None else
                       unexplained_words(files.documents, settings.glossary, settings.glossary_shown))
        return _TopicCheck(files.topic, None if errors else build_topic(files), errors, notices, unexplained)


def _review_due(document: Document, today: date, overdue_is_error: bool, what: str, errors: list[ContentError],
                notices: list[ContentError]) -> None:
    overdue, due_soon = check_review_due(document, today, what)
    (errors if overdue_is_error else notices).extend(overdue)
    notices += due_soon


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
