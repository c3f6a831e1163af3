"""Each topic's card for other sites: a small page of its own that a clinic shows in an iframe.

It has none of the site's menus, so it fits a box on another page from 280 px wide. Its
links open in the top window (a reader should not end up browsing inside a clinic's box),
and its colours follow the reader's light or dark preference, as the host page's do.
The card and the HTML a clinic pastes instead of an iframe are both made here from the
catalogue, so they cannot disagree about a title or an address.
"""

from __future__ import annotations

from datetime import date

from .. import page_kinds
from ..links.catalogue import Link
from ..links.redirects import StaticFile
from ..model import paths
from ..model.site import Review, Site
from ..templating import environment
from ..wording import N_, Wording, labels, wording as wording_for

# Tall enough for the card at 280 px wide, the narrowest box it promises to fit; wider boxes leave space below.
IFRAME_HEIGHT = 520
# The theme's icon, named so that browsers do not ask for /favicon.ico, which the site does not have.
FAVICON = "assets/images/favicon.png"


def embed_files(site: Site, links: tuple[Link, ...], site_url: str, language: str, *, today: date) -> list[StaticFile]:
    """One card per topic, at its catalogue address."""
    # Grouped once: searching every link for each topic's pages would take seconds at 1,000 topics.
    pages: dict[str, dict[str, Link]] = {}
    for link in links:
        if link.kind in _CARD_PAGES:
            pages.setdefault(link.topic.id, {})[link.kind] = link
    return [StaticFile(page_kinds.EMBED.src_uri(link.topic), embed_card(site, link, pages.get(link.topic.id, {}),
                                                                         site_url, language, today=today))
            for link in links if link.kind == page_kinds.EMBED.name]


def embed_card(site: Site, card: Link, pages: dict[str, Link], site_url: str, language: str, *, today: date) -> str:
    topic = card.topic
    return _environment(language).get_template(page_kinds.EMBED.template).render(
        language=language, site=site, topic=topic, card=card, canonical=site_url + card.address,
        links=[(pages[kind], paths.relative_url(card.address, pages[kind].address)) for kind in _CARD_PAGES
               if kind in pages],
        home=paths.relative_url(card.address, page_kinds.HOME.address()),
        review=_review(topic.review, today, wording_for(language)), favicon=paths.relative_url(card.address, FAVICON))


def iframe_snippet(card: Link, site_url: str, language: str) -> str:
    """The HTML a clinic pastes to show the card: always current, as it is read from this site."""
    words = wording_for(language)
    return _environment(language).get_template("embed-iframe.html.j2").render(
        url=site_url + card.address, title=words("{topic}: patient information", topic=card.topic.title),
        height=IFRAME_HEIGHT).strip()


def plain_snippet(site: Site, card: Link, topic_links: list[Link], site_url: str, language: str) -> str:
    """The card's words and links as plain HTML, for pages that cannot hold an iframe. A copy: it does not
    change when the topic is reviewed, so it names its review date and the review status the card has.
    `topic_links` are the card's topic's links."""
    pages = {link.kind: link for link in topic_links if link.kind in _CARD_PAGES}
    words = wording_for(language)
    review = card.topic.review
    return _environment(language).get_template("embed-plain.html.j2").render(
        site=site, topic=card.topic, links=[(pages[kind], site_url + pages[kind].address)
                                            for kind in _CARD_PAGES if kind in pages],
        notice="" if review.clinically_reviewed else words(labels.REVIEW_NOTICE),
        last_reviewed=words.date(review.last_reviewed)).strip()


# The pages a card links to, in this order: the overview, then the printable summary.
_CARD_PAGES = (page_kinds.OVERVIEW.name, page_kinds.SUMMARY.name)



def _review(review: Review, today: date, words: Wording) -> dict:
    return {"last": words.date(review.last_reviewed), "next": words.date(review.next_review_due),
            "in_date": review.days_until_due(today) >= 0,
            "notice": "" if review.clinically_reviewed else words(labels.REVIEW_NOTICE)}


# The words of each of the card's links, by the kind of page it opens.
_LINK_TEXT = {page_kinds.OVERVIEW.name: N_("Read about the treatments"),
              page_kinds.SUMMARY.name: N_("Print a summary (one sheet of paper)")}


def _environment(language: str):
    # HTML output, so HTML autoescaping; the Markdown templates, with their own escaping, are in templates/.
    env = environment(__package__, "embed_templates", markdown=False, language=language)
    words = wording_for(language)
    env.globals["link_text"] = lambda link: words(_LINK_TEXT[link.kind])
    return env
