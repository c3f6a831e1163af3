"""A topic's content revision: a short hash of its YAML files, so a printed copy can be matched to a version."""

from __future__ import annotations

import hashlib
from pathlib import Path

LENGTH = 8


def content_revision(folder: Path) -> str:
    """The first hex digits of a SHA-256 over the topic's YAML files, by name and content.

    Names are taken relative to the topic folder, so the same content gives the same
    revision wherever it is checked out; renaming, adding or editing a file changes it.
    """
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*.yaml")):
        digest.update(file.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:LENGTH]
