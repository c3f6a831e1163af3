"""The pipeline's front half, in order: find the content files and load them (files.py), check each topic
on its own (topic_checks.py and the checks it calls), check across topics (ids.py), build the model
(build_model.py). Every mistake is collected; the model is made only when there are none.

A fault in any step (an exception a check did not expect) is one more mistake, naming the file or
folder that step was reading (errors.guarded), so that neither `make check` nor the build ends in a
traceback, and the preview shows it like any other mistake.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from ..errors import ContentError, ContentErrors, fault, guarded
from ..model.glossary import Glossary
from ..model.site import Site, Topic
from ..wording import has_wording
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
    try:
        found = find_site_files(content_dir, shown, errors, only_topics)
    except Exception as error:  # noqa: BLE001 - see errors.fault
        return CheckResult(None, [*errors, fault(shown, error)], notices)
    site_documents = [doc for doc in (found.settings, found.glossary) if doc]
    glossary_shown = shown_in(shown, GLOSSARY_FILE)
    glossary = _glossary(found.glossary, glossary_shown, errors)
    errors += _each_file(site_documents, too_long_sentences)
    if found.settings:
        errors += guarded(found.settings.path, _check_language, found.settings)
        errors += guarded(found.settings.path, site_address_mistakes, found.settings)
    if today and found.glossary:
        errors += guarded(glossary_shown, _review_due, found.glossary, today, overdue_is_error, "the glossary",
                          notices)
    checks = _check_topics(found.topic_folders, _Settings(today, overdue_is_error, glossary, glossary_shown), workers)
    notices += [notice for check in checks for notice in check.notices]
    errors += [error for check in checks for error in check.errors]
    errors += guarded(shown, check_site_ids, [check.document for check in checks if check.document])
    unexplained = [] if glossary is None else [
        *_each_file(site_documents, unexplained_words, glossary, glossary_shown),
        *(word for check in checks for word in check.unexplained)]
    if errors:
        return CheckResult(None, errors, notices, unexplained)
    try:
        settings = build_settings(found.settings.data)
    except Exception as error:  # noqa: BLE001 - see errors.fault
        return CheckResult(None, [fault(found.settings.path, error)], notices, unexplained)
    site = Site(settings=settings, topics=tuple(check.topic for check in checks), glossary=glossary)
    return CheckResult(site, [], notices, unexplained)


def _each_file(documents: list[Document], check, *args) -> list[ContentError]:
    """check([document], *args) for each file on its own, so that a fault names the file it was reading."""
    return [error for document in documents for error in guarded(document.path, check, [document], *args)]


def _check_language(settings: Document) -> list[ContentError]:
    """The site's own words come in the content's language: a language needs its wording catalogue."""
    language = field_of(settings.data, "language", str)
    if language is None or has_wording(language):
        return []
    return [settings.error(("language",), f"there is no wording for the language '{language}': the site's own "
                                          "words (titles, labels, notices, dates) would be missing",
                           f"add hooks/patient_info/wording/{language}.po (a translation of wording/messages.pot), "
                           "or leave 'language' out for English")]


def _glossary(document: Document | None, shown: str, errors: list[ContentError]) -> Glossary | None:
    """The glossary, if glossary.yaml has no mistakes of its own (`errors` holds its loading's): the words of
    every page are checked against it. Its cross-checks run even on a file that broke its schema."""
    if document is None:
        return None
    errors += guarded(shown, check_glossary, document)
    if any(error.file == shown for error in errors):
        return None
    try:
        return build_glossary(document.data)
    except Exception as error:  # noqa: BLE001 - see errors.fault
        errors.append(fault(shown, error))
        return None


def _check_topics(folders: list[tuple[Path, str]], settings: _Settings, workers: int | None) -> list[_TopicCheck]:
    return share_work(partial(_check_share, settings=settings), folders, workers)


def _check_share(folders: list[tuple[Path, str]], settings: _Settings) -> list[_TopicCheck]:
    return [_check_topic_folder(folder, shown, settings) for folder, shown in folders]


def _check_topic_folder(folder: Path, shown: str, settings: _Settings) -> _TopicCheck:
    """Everything that one topic's files decide on their own, with the topic's model if they have no mistakes."""
    with _collector_paused():
        errors: list[ContentError] = []
        notices: list[ContentError] = []
        try:
            files = load_topic_files(folder, shown, errors)
        except Exception as error:  # noqa: BLE001 - see errors.fault
            return _TopicCheck(None, None, [*errors, fault(shown, error)], [], [])
        errors += guarded(shown, check_topic, files)
        errors += _each_file(list(files.documents), too_long_sentences)
        errors += [error for source in files.sources for error in guarded(source.path, source_address_mistakes, source)]
        if settings.today and files.topic:
            topic_id = field_of(files.topic.data, "id", str) or "?"
            errors += guarded(files.topic.path, _review_due, files.topic, settings.today, settings.overdue_is_error,
                              f"topic '{topic_id}'", notices)
        unexplained = ([] if settings.glossary is None else
                       _each_file(list(files.documents), unexplained_words, settings.glossary,
                                  settings.glossary_shown))
        if errors:
            return _TopicCheck(files.topic, None, errors, notices, unexplained)
        try:
            return _TopicCheck(files.topic, build_topic(files), errors, notices, unexplained)
        except Exception as error:  # noqa: BLE001 - see errors.fault
            return _TopicCheck(files.topic, None, [fault(shown, error)], notices, unexplained)


def _review_due(document: Document, today: date, overdue_is_error: bool, what: str,
                notices: list[ContentError]) -> list[ContentError]:
    """An overdue review: a mistake, returned, or (in the preview) a notice. A review due soon: a notice."""
    overdue, due_soon = check_review_due(document, today, what)
    notices += due_soon
    if overdue_is_error:
        return overdue
    notices += overdue
    return []


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
