"""Every address a clinic can link to, listed once.

links.json, the "for clinics" page, the code links, the redirects from old ids
and each page's <head> are all built from this list, so they cannot disagree
about a title or an address. Addresses are relative to site_url.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import paths, titles
from ..model.codes import CODE_SYSTEMS
from ..model.site import Site, Topic, Treatment
from ..model.situations import lead, situations


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
    links = [Link("home", "home", site.settings.name, titles.HOME_SUMMARY, paths.url(paths.HOME))]
    for topic in site.topics:
        links += _topic_links(topic)
    links.append(Link("glossary", "glossary", titles.GLOSSARY_TITLE, titles.GLOSSARY_DESCRIPTION,
                      paths.url(paths.GLOSSARY)))
    links.append(Link("about", "about", titles.ABOUT_TITLE, titles.ABOUT_DESCRIPTION, paths.url(paths.ABOUT)))
    links.append(Link("for-clinics", "for-clinics", titles.FOR_CLINICS_TITLE, titles.FOR_CLINICS_SUMMARY, paths.url(paths.FOR_CLINICS)))
    links.append(Link("link", "infobutton", titles.INFOBUTTON_TITLE, titles.INFOBUTTON_SUMMARY,
                      paths.url(paths.INFOBUTTON)))
    return tuple(links)


def _topic_links(topic: Topic) -> list[Link]:
    codes = tuple(Code("icd10", c) for c in topic.codes.icd10) + tuple(Code("snomed", c) for c in topic.codes.snomed)
    common = {"topic": topic, "codes": codes}
    topic_ids = _ids(topic)
    overview = _page(topic.id, "topic", titles.overview_title(topic), topic.summary,
                     paths.topic_page, topic_ids, **common)
    summary = _page(f"{topic.id}/summary", "summary", titles.summary_title(topic), titles.summary_description(topic),
                    paths.summary_page, topic_ids, **common)
    factors = _page(f"{topic.id}/how-treatment-is-chosen", "factors", titles.FACTORS_TITLE,
                    titles.factors_description(topic), paths.factors_page, topic_ids, **common)
    large_print = _page(f"{topic.id}/summary/large-print", "large-print", titles.large_print_title(topic),
                        titles.large_print_description(topic), paths.large_print_page, topic_ids, **common)
    links = [overview, summary, large_print, *_pdfs(topic, common), factors]
    for factor in topic.factors:
        links.append(Link(f"{topic.id}/factors/{factor.id}", "factor", factor.question, factor.explanation[0],
                          f"{factors.address}#{factor.id}",
                          previous=tuple(f"{factors.address}#{alias}" for alias in factor.aliases), **common))
    for treatment in topic.treatments:
        links.append(_page(f"{topic.id}/treatments/{treatment.id}", "treatment", treatment.name, lead(topic, treatment).text,
                           paths.treatment_page, topic_ids, _ids(treatment), treatment=treatment, **common))
    for situation in situations(topic):
        factor, value = situation.factor, situation.value
        links.append(_page(f"{topic.id}/situations/{factor.id}/{value.id}", "situation", situation.title,
                           situation.summary, paths.situation_page, topic_ids, _ids(factor), _ids(value), **common))
    links.append(_page(f"for-clinics/{topic.id}", "for-clinics", titles.for_clinics_topic_title(topic),
                       titles.for_clinics_topic_description(topic), paths.for_clinics_topic_page, topic_ids, **common))
    links.append(_page(f"embed/{topic.id}", "embed", titles.embed_title(topic), titles.embed_description(topic),
                       paths.embed_card, topic_ids, **common))
    for code in codes:
        system = CODE_SYSTEMS[code.system]
        links.append(Link(f"link/{code.system}/{code.code}", "code-link", f"{topic.title} ({system.name} code {code.code})",
                          topic.summary, paths.url(paths.code_link(code.system, code.code)),
                          topic=topic, codes=(code,), target=overview))
    return links


def _pdfs(topic: Topic, common: dict) -> list[Link]:
    """The printable summaries as PDFs, made from their pages after the site is built (`make build`).
    A file, not a folder: an old topic id has no redirect page to forward it, so they have no old addresses."""
    return [Link(f"{topic.id}/summary.pdf", "pdf", titles.summary_pdf_title(topic), titles.summary_pdf_description(topic),
                 paths.summary_pdf(topic.id), **common),
            Link(f"{topic.id}/summary-large-print.pdf", "pdf", titles.large_print_pdf_title(topic),
                 titles.large_print_pdf_description(topic), paths.large_print_pdf(topic.id), **common)]


def _page(link_id: str, kind: str, title: str, summary: str, page: Callable[..., str], *id_lists: tuple[str, ...],
          **fields) -> Link:
    """A page's link; every other combination of current and old ids is an old address of it."""
    addresses = [paths.url(page(*ids)) for ids in itertools.product(*id_lists)]
    return Link(link_id, kind, title, summary, addresses[0], previous=tuple(addresses[1:]), **fields)


def _ids(item) -> tuple[str, ...]:
    """The current id first, then the old ones."""
    return (item.id, *item.aliases)
