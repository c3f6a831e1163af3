"""Helpers for the "for clinics" page: ids, snippets and QR file names for each link card."""

from __future__ import annotations

import html
import re

from ..model import paths
from ..links.catalogue import Link


def card_id(link: Link) -> str:
    """A stable anchor per link, so a clinic can point a colleague at one card."""
    return "link-" + re.sub(r"[^a-z0-9]+", "-", link.id.lower()).strip("-")


def html_snippet(url: str, title: str) -> str:
    """The HTML a clinic pastes into its own page: the link with the page's title as its text."""
    return f'<a href="{html.escape(url)}">{html.escape(title)}</a>'


def qr_href(link: Link, page: str) -> str:
    """The link card's QR code, from the page (a source path) the card is on."""
    return paths.relative_url(paths.url(page), paths.qr_code(link.id))


def qr_name(link: Link) -> str:
    return link.id.replace("/", "-") + "-qr.svg"


HELPERS = {"card_id": card_id, "html_snippet": html_snippet, "qr_href": qr_href, "qr_name": qr_name}
