"""Helpers for the "for clinics" page: ids, snippets and QR file names for each link card."""

from __future__ import annotations

import html
import re
from functools import partial
from urllib.parse import urlencode

from .. import page_kinds
from ..model import paths
from ..links.catalogue import Link
from ..model.codes import CODE_SYSTEMS
from .embed import iframe_snippet, plain_snippet


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


def infobutton_request(site_url: str, code: str, oid: str, response: str = "text/html") -> str:
    """A ready-made HL7 infobutton request (URL-based query) for one code, as a record system would send it."""
    query = {"mainSearchCriteria.v.c": code, "mainSearchCriteria.v.cs": oid, "knowledgeResponseType": response}
    return f"{site_url}{page_kinds.INFOBUTTON.address()}?{urlencode(query, safe='/')}"


def code_examples(site_url: str, links: tuple[Link, ...]) -> list[tuple[Link, str]]:
    """Each code link with its infobutton request, in the catalogue's order."""
    return [(link, infobutton_request(site_url, link.codes[0].code, CODE_SYSTEMS[link.codes[0].system].oid))
            for link in links if link.kind == page_kinds.CODE_LINK.name]


def helpers(language: str) -> dict:
    """What the pages for clinics call, for a site in `language`."""
    return {"card_id": card_id, "html_snippet": html_snippet, "qr_href": qr_href, "qr_name": qr_name,
            "infobutton_request": infobutton_request, "code_examples": code_examples,
            "iframe_snippet": partial(iframe_snippet, language=language),
            "plain_snippet": partial(plain_snippet, language=language), "code_systems": CODE_SYSTEMS}
