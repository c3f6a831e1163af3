"""Content mistakes as data: collected, reported together, never raised one by one."""

from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass
from typing import Callable

# One file can make thousands of mistakes (a list pasted 100,000 times): past this many, a file's mistakes are
# counted, not listed, so that the list stays readable in the terminal and in the preview.
LISTED_PER_FILE = 50


@dataclass(frozen=True)
class ContentError:
    file: str
    line: int | None
    column: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.format()

    @property
    def where(self) -> str:
        """`path:line:column`, as far as they are known."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def format(self, severity: str = "") -> str:
        """`path:line:column: [severity: ]message (hint)`, the form editors and CI annotations read."""
        text = f"{self.where}: {severity + ': ' if severity else ''}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class NotListed(ContentError):
    """Stands, last in its file's list, for that file's mistakes past the first LISTED_PER_FILE."""

    count: int = 0


class ContentErrors(Exception):
    """Every mistake found in one run; raised only after all of them are collected."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=_sort_key)
        super().__init__(self.report())

    @property
    def count(self) -> int:
        """How many mistakes there are, listed or not."""
        return sum(error.count if isinstance(error, NotListed) else 1 for error in self.errors)

    def report(self) -> str:
        count = self.count
        heading = f"{count:,} content {'mistake' if count == 1 else 'mistakes'} found:"
        return "\n".join([heading, *(f"  {error}" for error in self.errors)])


def listed_per_file(errors: list[ContentError], limit: int = LISTED_PER_FILE) -> list[ContentError]:
    """The first `limit` mistakes of each file, in line order, and for a file with more, one line saying how
    many more there are."""
    per_file = Counter(error.file for error in errors)
    if max(per_file.values(), default=0) <= limit:
        return errors
    kept, shown = [], Counter()
    for error in sorted(errors, key=_sort_key):
        shown[error.file] += 1
        if shown[error.file] <= limit:
            kept.append(error)
    return kept + [NotListed(file, None, None, f"and {count - limit:,} more in this file, not listed (the first "
                                               f"{limit} are)", "fix these, then check again to see the rest",
                             count - limit)
                   for file, count in per_file.items() if count > limit]


def _sort_key(error: ContentError) -> tuple:
    return (error.file, isinstance(error, NotListed), error.line or 0, error.column or 0, error.message)


def fault(shown: str, error: Exception) -> ContentError:
    """An unexpected error while reading or checking a file, as a mistake that names the file (or folder).

    It says where in patient-info it happened, for a bug report, and echoes nothing of the file: an
    exception's own message may quote the content.
    """
    return ContentError(shown, None, None, "the check stopped here on an unexpected error in patient-info "
                                           f"({type(error).__name__} at {_where(error)})",
                        "this is a fault in patient-info, not a mistake you made: report it with this message; to go "
                        "on, undo the last change here, or look here for anything unusual")


def guarded(shown: str, check: Callable[..., list[ContentError]], *args, **kwargs) -> list[ContentError]:
    """check(...)'s mistakes; if it fails, one mistake naming `shown`, the file or folder it was reading."""
    try:
        return check(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - any fault becomes a message, never a traceback or a hung preview
        return [fault(shown, error)]


def _where(error: Exception) -> str:
    """The last place in patient-info's own code that the error passed through."""
    place = "patient-info"
    for frame in traceback.extract_tb(error.__traceback__):
        name = frame.filename.replace("\\", "/")
        if "/patient_info/" in name:
            place = f"patient_info/{name.rsplit('/patient_info/', 1)[1]} line {frame.lineno}"
    return place
