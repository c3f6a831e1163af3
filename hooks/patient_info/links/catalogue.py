"""Every address a clinic can link to, listed once, from the page kinds' records.

links.json, the "for clinics" pages, the code links, the forwarding pages from old ids, the
QR codes and each page's <head> are all made from this list, so they cannot disagree about a
title or an address. Addresses are relative to site_url.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import page_kinds
from ..model.codes import Code
from ..model.paths import url
from ..model.site import Site, Topic, Treatment
from ..page_kinds import PageKind
from ..wording import Wording


@dataclass(frozen=True)
class Link:
    id: str
    kind: str  # the page kind's name (page_kinds.py)
    title: str
    summary: str
    address: str
    topic: Topic | None = None
    treatment: Treatment | None = None
    codes: tuple[Code, ...] = ()
    previous: tuple[str, ...] = ()  # old addresses (from aliases) that lead here
    target: Link | None = None  # the page a code link forwards to

    @property
    def page_address(self) -> str:
        """The address of the page this link opens, without any #anchor."""
        return self.address.partition("#")[0]


def catalogue(site: Site, wording: Wording) -> tuple[Link, ...]:
    """Every linkable address: the site's first pages, each topic's, then the site's others (ALL's order)."""
    linkable = [kind for kind in page_kinds.ALL if kind.linkable]
    first = [kind for kind in linkable if kind.per == "site" and kind.menu == 0]
    rest = [kind for kind in linkable if kind.per == "site" and kind not in first]
    links = [_link(kind, site, wording, ()) for kind in first]
    for topic in site.topics:
        links += _topic_links(site, topic, wording, [kind for kind in linkable if kind.per != "site"])
    return tuple(links + [_link(kind, site, wording, ()) for kind in rest])


def _topic_links(site: Site, topic: Topic, wording: Wording, kinds: list[PageKind]) -> list[Link]:
    codes = page_kinds.topic_codes(topic)
    links: list[Link] = []
    overview = None
    for kind in kinds:
        for subject in kind.subjects_in(topic):
            link = _link(kind, site, wording, subject, topic=topic, codes=codes if kind.per != "code" else subject[1:],
                         treatment=subject[1] if kind.per == "treatment" else None,
                         target=overview if kind.per == "code" else None)
            overview = link if kind is page_kinds.OVERVIEW else overview
            links.append(link)
    return links


def _link(kind: PageKind, site: Site, wording: Wording, subject: tuple, **fields) -> Link:
    """A page's link, named by its address; every other combination of current and old ids is an old address.
    A page forwards its old addresses (links/redirects.py); a file cannot forward, so a PDF's old address gets a
    copy of the PDF (take_away/pdfs.py)."""
    address, *previous = [url(src_uri) for src_uri in kind.all_src_uris(*subject)]
    if "#" in address:  # an old anchor is kept on the live page; an old page's anchors follow its forwarding
        previous = [old for old in previous if old.partition("#")[0] == address.partition("#")[0]]
    return Link(link_id(address), kind.name, kind.title(wording, site, *subject),
                kind.description(wording, site, *subject), address,
                previous=tuple(previous), **fields)


def link_id(address: str) -> str:
    """A link's id, from its address: names its QR code and its card on the pages for clinics."""
    return address.replace("/#", "/").rstrip("/") or "home"
