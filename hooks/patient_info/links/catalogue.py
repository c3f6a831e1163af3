"""Every address a clinic can link to, listed once.

links.json, the "for clinics" page, the code links, the redirects from old ids
and each page's <head> are all built from this list, so they cannot disagree
about a title or an address. Addresses are relative to site_url.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import page_kinds, paths, titles
from ..model.codes import CODE_SYSTEMS
from ..model.page_kinds import PageKind
from ..model.site import Site, Topic, Treatment


@dataclass(frozen=True)
class Code:
    system: str  # a key of CODE_SYSTEMS
    code: str


@dataclass(frozen=True)
class Link:
    id: str
    kind: str  # home, topic, summary, large-print, pdf, factors, factor, treatment, situation, code-link, glossary,
    # about, for-clinics (the site's page for clinics, and each topic's), embed (a topic's card for other sites'
    # pages), infobutton (the address record systems send codes to)
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


def uncatalogued(src_uris: Iterable[str], links: Iterable[Link]) -> list[str]:
    """Built pages that no link describes: a new kind of page needs its entry in `catalogue`, or the
    page would go out without its <head> data, its links.json entry and its QR code."""
    listed = {link.address for link in links}
    # Pages for editors are built but not offered for linking: no <head> data, no links.json entry, no QR code.
    return [uri for uri in src_uris if not paths.is_for_editors(uri) and paths.url(uri) not in listed]


def catalogue(site: Site) -> tuple[Link, ...]:
    """Every linkable address."""
    links = [_page(page_kinds.HOME, site)]
    for topic in site.topics:
        links += _topic_links(site, topic)
    links += [_page(kind, site) for kind in (page_kinds.GLOSSARY, page_kinds.ABOUT, page_kinds.FOR_CLINICS,
                                             page_kinds.INFOBUTTON)]
    return tuple(links)


def _topic_links(site: Site, topic: Topic) -> list[Link]:
    codes = tuple(Code("icd10", c) for c in topic.codes.icd10) + tuple(Code("snomed", c) for c in topic.codes.snomed)
    common = {"topic": topic, "codes": codes}
    overview = _page(page_kinds.OVERVIEW, site, topic, **common)
    factors = _page(page_kinds.FACTORS, site, topic, **common)
    links = [overview, _page(page_kinds.SUMMARY, site, topic, **common),
             _page(page_kinds.LARGE_PRINT, site, topic, **common), *_pdfs(topic, common), factors]
    for factor in topic.factors:
        links.append(Link(f"{topic.id}/factors/{factor.id}", "factor", factor.question, factor.explanation[0],
                          f"{factors.address}#{factor.id}",
                          previous=tuple(f"{factors.address}#{alias}" for alias in factor.aliases), **common))
    links += [_page(page_kinds.TREATMENT, site, topic, treatment, treatment=treatment, **common)
              for treatment in topic.treatments]
    links += [_page(page_kinds.SITUATION, site, topic, factor, value, **common)
              for factor in topic.factors for value in factor.values]
    links.append(_page(page_kinds.FOR_CLINICS_TOPIC, site, topic, **common))
    links.append(_page(page_kinds.EMBED, site, topic, **common))
    for code in codes:
        system = CODE_SYSTEMS[code.system]
        links.append(Link(f"link/{code.system}/{code.code}", "code-link",
                          titles.code_link_title(topic, system.name, code.code), topic.summary, paths.url(paths.code_link(code.system, code.code)),
                          topic=topic, codes=(code,), target=overview))
    return links


def _pdfs(topic: Topic, common: dict) -> list[Link]:
    """The printable summaries as PDFs, made from their pages after the site is built (`make build`).
    A file cannot forward to another, so an old topic id's PDF addresses get a copy of the PDF
    (take_away/pdfs.py writes it there)."""
    return [Link(f"{topic.id}/summary.pdf", "pdf", titles.summary_pdf_title(topic), titles.summary_pdf_description(topic),
                 paths.summary_pdf(topic.id), previous=tuple(paths.summary_pdf(old) for old in topic.aliases),
                 **common),
            Link(f"{topic.id}/summary-large-print.pdf", "pdf", titles.large_print_pdf_title(topic),
                 titles.large_print_pdf_description(topic), paths.large_print_pdf(topic.id),
                 previous=tuple(paths.large_print_pdf(old) for old in topic.aliases), **common)]


def _page(kind: PageKind, site: Site, *subject, **fields) -> Link:
    """A page's link, named by its address; every other combination of current and old ids is an old address."""
    address, *previous = [paths.url(src_uri) for src_uri in kind.all_src_uris(*subject)]
    return Link(address.rstrip("/") or "home", kind.name, kind.title(site, *subject), kind.description(site, *subject),
                address, previous=tuple(previous), **fields)
