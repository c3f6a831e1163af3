"""Each topic's card for other sites: a small page of its own that a clinic shows in an iframe.

It has none of the site's menus, so it fits a box on another page from 280 px wide. Its
links open in the top window (a reader should not end up browsing inside a clinic's box),
and its colours follow the reader's light or dark preference, as the host page's do.
The card and the HTML a clinic pastes instead of an iframe are both made here from the
catalogue, so they cannot disagree about a title or an address.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import jinja2

from ..links.catalogue import Link
from ..links.redirects import StaticFile
from ..model import page_kinds, paths, titles
from ..model.site import Review, Site
from ..text import format_date

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
    return [StaticFile(paths.embed_card(link.topic.id), embed_card(site, link, pages.get(link.topic.id, {}),
                                                                   site_url, language, today=today))
            for link in links if link.kind == page_kinds.EMBED.name]


def embed_card(site: Site, card: Link, pages: dict[str, Link], site_url: str, language: str, *, today: date) -> str:
    topic = card.topic
    return _environment().get_template(page_kinds.EMBED.template).render(
        language=language, site=site, topic=topic, card=card, canonical=site_url + card.address,
        links=[(pages[kind], paths.relative_url(card.address, pages[kind].address)) for kind in _CARD_PAGES if kind in pages],
        home=paths.relative_url(card.address, paths.url(paths.HOME)), review=_review(topic.review, today),
        favicon=paths.relative_url(card.address, FAVICON))


def iframe_snippet(card: Link, site_url: str) -> str:
    """The HTML a clinic pastes to show the card: always current, as it is read from this site."""
    return _environment().get_template("embed-iframe.html.j2").render(
        url=site_url + card.address, title=titles.embed_iframe_title(card.topic), height=IFRAME_HEIGHT).strip()


def plain_snippet(site: Site, card: Link, topic_links: list[Link], site_url: str) -> str:
    """The card's words and links as plain HTML, for pages that cannot hold an iframe. A copy: it does not
    change when the topic is reviewed, so it names its review date. `topic_links` are the card's topic's links."""
    pages = {link.kind: link for link in topic_links if link.kind in _CARD_PAGES}
    return _environment().get_template("embed-plain.html.j2").render(
        site=site, topic=card.topic, links=[(pages[kind], site_url + pages[kind].address)
                                            for kind in _CARD_PAGES if kind in pages],
        last_reviewed=format_date(card.topic.review.last_reviewed)).strip()


# The pages a card links to, in this order: the overview, then the printable summary.
_CARD_PAGES = (page_kinds.OVERVIEW.name, page_kinds.SUMMARY.name)



def _review(review: Review, today: date) -> dict:
    return {"last": format_date(review.last_reviewed), "next": format_date(review.next_review_due),
            "in_date": review.days_until_due(today) >= 0,
            "notice": "" if review.clinically_reviewed else titles.REVIEW_NOTICE_SHORT}


@cache
def _environment() -> jinja2.Environment:
    # HTML output, so HTML autoescaping; the Markdown templates, with their own escaping, are in templates/.
    env = jinja2.Environment(loader=jinja2.PackageLoader(__package__, "embed_templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["link_text"] = lambda link: titles.CARD_LINK_TEXT[link.kind]
    return env
