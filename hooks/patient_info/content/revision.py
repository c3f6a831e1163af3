"""A topic's content revision: a short hash of its YAML files, so a printed copy can be matched to a version."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from .load import load_document

LENGTH = 8


def content_revision(folder: Path) -> str:
    """The revision of the YAML files in a topic folder, read from disk."""
    return revision_of((file.relative_to(folder).as_posix(), parsed_content(load_document(file, str(file))[0].data))
                       for file in folder.rglob("*.yaml"))


def parsed_content(data: Any) -> bytes:
    """A file's data, not its bytes: the same content gives the same revision whatever its line endings,
    byte-order mark, comments or quoting."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def revision_of(files: Iterable[tuple[str, bytes]]) -> str:
    """The first hex digits of a SHA-256 over a topic's files, by name and content.

    Names are relative to the topic folder, so the same content gives the same revision
    wherever it is checked out; renaming, adding or editing a file changes it.
    """
    digest = hashlib.sha256()
    for name, content in sorted(files, key=lambda file: file[0].split("/")):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(content + b"\0")
    return digest.hexdigest()[:LENGTH]
