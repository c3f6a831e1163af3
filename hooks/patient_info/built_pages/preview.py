"""The editors' preview (`make serve`): mistakes shown in the browser, draft warnings as banners.

The strict build stops on content mistakes and on warnings. The preview must not: an editor
who saves a mistake should see it in the browser, not a page that never loads, and a draft
that is not ready to publish should still be readable. So in the preview a build with
mistakes makes one page listing them, served at every address, and warnings are shown on
the pages they affect. Nothing here runs in `make build`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ContentError, ContentErrors
from ..model import paths
from .templates import html_template

BANNER_CLASS = "editors-preview"


@dataclass(frozen=True)
class DraftWarning:
    """Something the strict build would stop on, shown in the preview on the pages it affects."""

    text: str  # as the terminal shows it: file:line:column: message (hint)
    topic: str | None  # the topic whose pages show it; None for a file outside any topic: every page
    page: str | None = None  # only this page (its src_uri), when the warning is about one page
    blocking: bool = True  # whether make build stops on it; a notice (a review due soon, help missing) does not


def content_warning(error: ContentError, content_shown: str, *, blocking: bool = True) -> DraftWarning:
    """A warning about a content file, shown on the pages of the topic that file belongs to."""
    relative = os.path.relpath(error.file, content_shown).replace(os.sep, "/")
    folder, _, rest = relative.partition("/")
    return DraftWarning(error.format("warning" if blocking else "note"), folder if rest and folder != ".." else None,
                        blocking=blocking)


def page_warning(text: str, src_uri: str) -> DraftWarning:
    return DraftWarning(text, paths.topic_of(src_uri) or None, src_uri)


def warnings_for(src_uri: str, warnings: list[DraftWarning]) -> list[DraftWarning]:
    """The warnings that the page at src_uri shows, in the order they were found."""
    topic = paths.topic_of(src_uri)
    return [warning for warning in warnings if _shows(warning, src_uri, topic)]


def _shows(warning: DraftWarning, src_uri: str, topic: str) -> bool:
    if warning.page is not None:
        return warning.page == src_uri
    return warning.topic is None or warning.topic == topic


def banner_html(warnings: list[DraftWarning], *, partial_note: str = "") -> str:
    """The editors' banner at the top of a page: what stops this page being published, and any note."""
    if not warnings and not partial_note:
        return ""
    return html_template("preview-banner.html.j2").render(
        warnings=[warning.text for warning in warnings if warning.blocking],
        notes=[warning.text for warning in warnings if not warning.blocking], note=partial_note,
        banner_class=BANNER_CLASS)


def partial_preview_note(shown: tuple[str, ...], total: int) -> str:
    """Said on the home page when `make serve TOPICS=...` builds only some topics."""
    listed = ", ".join(shown)
    return (f"This preview builds {len(shown)} of {total} topics ({listed}). Pages of other topics are not built; "
            "run make serve without TOPICS to preview them all.")


def mistakes_page(errors: list[ContentError], *, reload_after: int) -> str:
    """A whole HTML page listing every content mistake, served at every address while they last.

    reload_after is the live-reload server's clock (milliseconds of time.monotonic) when this build
    started: the page asks the server for a newer build and reloads itself when one is ready.
    """
    listed = ContentErrors(errors)  # in order; a file's mistakes past the first 50 are counted, not listed
    return html_template("preview-mistakes.html.j2").render(
        mistakes=[_mistake(error) for error in listed.errors], count=listed.count, reload_after=reload_after)


def _mistake(error: ContentError) -> dict:
    return {"where": error.where, "message": error.message, "hint": error.hint}
