"""The URL contract: where each page lives. Changing a path here breaks links that clinics hold."""

from __future__ import annotations

import posixpath

HOME = "index.md"
GLOSSARY = "glossary.md"
# For editors, outside the patient navigation.
CONTENT_REPORT = "editors/content-report.md"


def topic_page(topic_id: str) -> str:
    return f"{topic_id}/index.md"


def factors_page(topic_id: str) -> str:
    return f"{topic_id}/how-treatment-is-chosen.md"


def treatment_page(topic_id: str, treatment_id: str) -> str:
    return f"{topic_id}/treatments/{treatment_id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A link from one page's source file to another's, as MkDocs resolves and checks it."""
    target, _, anchor = to_page.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link
