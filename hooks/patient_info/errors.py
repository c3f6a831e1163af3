"""Content mistakes as data: collected, reported together, never raised one by one."""

from __future__ import annotations

from dataclasses import dataclass


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


class ContentErrors(Exception):
    """Every mistake found in one run; raised only after all of them are collected."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        heading = f"{count} content {'mistake' if count == 1 else 'mistakes'} found:"
        return "\n".join([heading, *(f"  {error}" for error in self.errors)])


def _sort_key(error: ContentError) -> tuple:
    return (error.file, error.line or 0, error.column or 0, error.message)
