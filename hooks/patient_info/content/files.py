"""Finding a content folder's files and loading each one against its schema.

Every file the site would not read is reported, so content is never silently left out;
files that break their schema are still returned, so the later checks can report
their other mistakes in the same run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, fault
from ..model import paths
from .load import Document, load_document
from .validate import check_schema

SITE_FILE = "site.yaml"
GLOSSARY_FILE = "glossary.yaml"
TOPIC_FILE = "topic.yaml"
FACTORS_FILE = "factors.yaml"
TREATMENTS_DIR = "treatments"
STATEMENTS_FILE = "statements.yaml"
SOURCES_DIR = "sources"
LAYOUT_HINT = ("a content folder holds site.yaml, glossary.yaml and one folder per topic with topic.yaml, factors.yaml, "
               "statements.yaml, treatments/<id>.yaml and sources/<id>.yaml")


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
class SiteFiles:
    """The content folder's own files and its topic folders, not yet read."""

    settings: Document | None
    glossary: Document | None
    topic_folders: list[tuple[Path, str]]  # (folder, as messages name it)


def find_site_files(content_dir: Path, shown: str, errors: list[ContentError],
                    only_topics: tuple[str, ...] | None = None) -> SiteFiles:
    """site.yaml, glossary.yaml and the topic folders (only those named, for a preview of part of a library)."""
    settings = load_checked(content_dir / SITE_FILE, shown_in(shown, SITE_FILE), "site", errors)
    glossary = load_checked(content_dir / GLOSSARY_FILE, shown_in(shown, GLOSSARY_FILE), "glossary", errors)
    folders = []
    for name in _listing(content_dir, shown, errors):
        entry = content_dir / name
        if name in (SITE_FILE, GLOSSARY_FILE, paths.PUBLISHED_ADDRESSES):
            continue  # read as files, which says what is wrong if one is a folder
        if entry.is_symlink() and not name.startswith("."):
            errors.append(_link_refused(shown_in(shown, name)))
        elif entry.is_dir() and not name.startswith("."):
            folders.append((entry, shown_in(shown, name)))
        else:
            _check_stray_file(entry, shown_in(shown, name), errors)
    if only_topics is not None:
        folders = _named_topics(folders, only_topics, shown, errors)
    if not folders:
        errors.append(ContentError(shown, None, None, "there are no topics", LAYOUT_HINT))
    return SiteFiles(settings, glossary, folders)


def load_topic_files(folder: Path, shown: str, errors: list[ContentError]) -> TopicFiles:
    # Plain strings and os.listdir: pathlib's objects for 10,000 files cost 0.08 s.
    where = str(folder)
    topic = load_checked(os.path.join(where, TOPIC_FILE), shown_in(shown, TOPIC_FILE), "topic", errors)
    factors = load_checked(os.path.join(where, FACTORS_FILE), shown_in(shown, FACTORS_FILE), "factors", errors)
    treatment_dir = os.path.join(where, TREATMENTS_DIR)
    shown_treatments = shown_in(shown, TREATMENTS_DIR)
    in_treatment_dir = _listing(treatment_dir, shown_treatments, errors)
    treatment_files = [name for name in in_treatment_dir if name.endswith(".yaml")]
    if not treatment_files:
        errors.append(ContentError(shown_treatments, None, None, "the topic has no treatment files",
                                   "add treatments/<id>.yaml, one file per treatment"))
    treatments = tuple(doc for name in treatment_files
                       if (doc := load_checked(os.path.join(treatment_dir, name), shown_in(shown_treatments, name),
                                               "treatment", errors)))
    statements = load_checked(os.path.join(where, STATEMENTS_FILE), shown_in(shown, STATEMENTS_FILE), "statements",
                              errors)
    source_dir = os.path.join(where, SOURCES_DIR)
    shown_sources = shown_in(shown, SOURCES_DIR)
    in_source_dir = _listing(source_dir, shown_sources, errors)
    if not any(name.endswith(".yaml") for name in in_source_dir):
        errors.append(ContentError(shown_sources, None, None, "the topic has no source files",
                                   "add sources/<id>.yaml with the text the topic is adapted from"))
    sources = tuple(doc for name in in_source_dir if name.endswith(".yaml")
                    if (doc := load_checked(os.path.join(source_dir, name), shown_in(shown_sources, name), "source",
                                            errors)))
    for name in _listing(where, shown, errors):
        if name not in (TOPIC_FILE, FACTORS_FILE, TREATMENTS_DIR, STATEMENTS_FILE, SOURCES_DIR):
            _check_stray_file(folder / name, shown_in(shown, name), errors)
    for directory, shown_directory, names in ((treatment_dir, shown_treatments, in_treatment_dir),
                                              (source_dir, shown_sources, in_source_dir)):
        for name in names:
            if os.path.splitext(name)[1] != ".yaml":
                _check_stray_file(Path(directory, name), shown_in(shown_directory, name), errors)
    return TopicFiles(folder, shown, topic, factors, treatments,
                      frozenset(os.path.splitext(name)[0] for name in treatment_files), statements, sources)


def load_checked(file: str | Path, shown: str, schema_name: str, errors: list[ContentError]) -> Document | None:
    """The parsed file (even if it breaks its schema), adding every mistake in it to `errors`; any fault in
    reading it is one more mistake, naming the file."""
    try:
        document, load_errors = load_document(file, shown)
        if document is None and not os.path.lexists(file):
            errors.append(ContentError(shown, None, None, f"the file {os.path.basename(file)} is missing",
                                       LAYOUT_HINT))
            return None
        errors.extend(load_errors)
        if document is not None:
            errors.extend(check_schema(document, schema_name))
        return document
    except Exception as error:  # noqa: BLE001 - see errors.fault
        errors.append(fault(shown, error))
        return None


def shown_in(folder: str, name: str) -> str:
    """A file's name in messages, from its folder's: cheaper than display_path for every file."""
    return name if folder == "." else f"{folder}/{name}"


def display_path(path: Path) -> str:
    """Paths as an editor would type them: relative to where the command runs, when inside it."""
    absolute = path.resolve()
    try:
        return os.path.relpath(absolute, Path.cwd()) if absolute.is_relative_to(Path.cwd()) else str(absolute)
    except ValueError:
        return str(absolute)


def _named_topics(folders: list[tuple[Path, str]], names: tuple[str, ...], shown: str,
                  errors: list[ContentError]) -> list[tuple[Path, str]]:
    by_name = {folder.name: (folder, folder_shown) for folder, folder_shown in folders}
    for name in names:
        if name not in by_name:
            errors.append(ContentError(shown, None, None, f"there is no topic folder '{name}' to preview",
                                       "TOPICS takes topic folder names separated by commas, such as "
                                       f"{', '.join(sorted(by_name)[:3]) or 'secondary-liver-cancer'}"))
    return [by_name[name] for name in sorted(set(names)) if name in by_name]


def _listing(folder: str | Path, shown: str, errors: list[ContentError]) -> list[str]:
    """The names in a folder of content, in order; none, with a message, for a folder that is a link or cannot
    be read. A missing folder is left to the checks that say what it should hold."""
    if os.path.islink(folder):
        errors.append(_link_refused(shown))
        return []
    if not os.path.isdir(folder):
        if os.path.lexists(folder):
            errors.append(ContentError(shown, None, None, "this is a file, where a folder is expected",
                                       LAYOUT_HINT))
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
