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
from pathlib import Path


def cache_path(folder: Path, key: tuple[str, ...], suffix: str) -> Path:
    """Where the file for `key` is kept. `key` must name everything the bytes depend on, including a
    version of the code that makes them."""
    # JSON keeps the parts apart, so ("a b", "c") and ("a", "b c") never share a file.
    return folder / (hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest() + suffix)


def write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
