"""Placeholders that `patient-info new` wrote and an editor has not yet replaced."""

from __future__ import annotations

from ..errors import ContentError
from .load import Document, editor_lines

MARKER = "FILL IN"


def unfilled(document: Document) -> list[ContentError]:
    """One mistake per line that still holds the marker, at the marker (comments included: they mark values
    that must fit a pattern, such as a code)."""
    if MARKER not in document.text:
        return []
    errors = []
    for number, line in enumerate(editor_lines(document.text), start=1):
        column = line.find(MARKER)
        if column >= 0:
            what = line[column + len(MARKER):].strip().lstrip(":").strip().rstrip("\"'")
            errors.append(ContentError(document.path, number, column + 1, f"still a placeholder: {what}",
                                       "write the real value here, and remove the words FILL IN"))
    return errors
