"""Files kept on disk between builds, named by a hash of everything that decides their bytes.

A file is made once and then found by name, so an unchanged input costs a
lookup. Nothing is ever overwritten in place: a new file is written beside its
final name and renamed into place, so two builds at once never read half a file.
Old files are never removed; deleting the whole folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CachedFile:
    """A file published as it is, at a path relative to site_url, copied from `source` on disk."""

    path: str
    source: Path


def cached(folder: Path, key: tuple[str, ...], suffix: str, make: Callable[[], bytes]) -> Path:
    """The file in `folder` holding make()'s bytes for `key`; make() runs only when that file is missing.

    `key` must name everything the bytes depend on, including a version of the code that makes them.
    """
    # JSON keeps the parts apart, so ("a b", "c") and ("a", "b c") never share a file.
    name = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest() + suffix
    path = folder / name
    if not path.is_file():
        _write_atomically(path, make())
    return path


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
