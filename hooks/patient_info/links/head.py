"""What each page says about itself in its <head>: Open Graph and schema.org JSON-LD.

The canonical link and the meta description come from the theme (site_url and
the page's front matter); everything here uses the same titles and addresses
as links.json, from the catalogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from .. import page_kinds
from ..model.audiences import CLINICS
from .catalogue import Link
from ..model.codes import CODE_SYSTEMS
from ..model.site import Site, Topic
from ..wording import Wording, wording

# Characters that could end a <script> element or open an HTML comment inside it, or
# that old JavaScript parsers read as line ends; JSON allows them written as \u escapes.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class Head:
    """Plain text values (the theme template escapes them) and the JSON-LD, already safe for <script>."""

    site_name: str
    title: str
    description: str
    url: str
    json_ld: Markup


def page_head(site: Site, link: Link, site_url: str, language: str) -> Head:
    url = site_url + link.address
    return Head(site.settings.name, full_title(wording(language), site, link.title, link.topic), link.summary, url,
                script_json(structured_data(site, link, site_url, language)))


def full_title(words: Wording, site: Site, title: str, topic: Topic | None) -> str:
    """A page's title in the browser tab and in link previews, where it stands without the page around it: the
    page, its topic (unless the title names it already) and who publishes it. "Surgery – Secondary cancer in the
    liver – <publisher>"; the site's own pages "Glossary – <publisher>"."""
    publisher = site.settings.publisher
    if topic is None or topic.title.casefold() in title.casefold():
        return words("{page} – {publisher}", page=title, publisher=publisher)
    return words("{page} – {topic} – {publisher}", page=title, topic=topic.title, publisher=publisher)


def structured_data(site: Site, link: Link, site_url: str, language: str) -> dict:
    url = site_url + link.address
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": link.title,
        "description": link.summary,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site.settings.name, "url": site_url},
        "audience": _audience(link),
    }
    if link.topic is None:
        # A site-wide page is about the whole library: naming each condition would make every such page grow
        # with the number of topics.
        return data
    condition = _condition(link.topic, site_url)
    data["about"] = condition
    data["lastReviewed"] = link.topic.review.last_reviewed.isoformat()
    if link.treatment is not None:
        therapy = {"@type": "MedicalTherapy", "name": link.treatment.name, "description": link.summary,
                   "url": url}
        condition["possibleTreatment"] = therapy
        data["mainEntity"] = therapy
    return data


def script_json(data: dict) -> Markup:
    """JSON that cannot end its <script> element early, whatever text the content holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_UNSAFE.items():
        text = text.replace(character, escaped)
    return Markup(text)


def _audience(link: Link) -> dict:
    if link.kind in _FOR_CLINICIANS:
        return {"@type": "MedicalAudience", "audienceType": "Clinician"}
    return {"@type": "Patient"}


def _condition(topic: Topic, site_url: str) -> dict:
    codes = [(CODE_SYSTEMS["icd10"].name, code) for code in topic.codes.icd10]
    codes += [(CODE_SYSTEMS["snomed"].name, code) for code in topic.codes.snomed]
    return {
        "@type": "MedicalCondition",
        "name": topic.title,
        "url": site_url + page_kinds.OVERVIEW.address(topic),
        "code": [{"@type": "MedicalCode", "codeValue": value, "codingSystem": system} for system, value in codes],
    }


_FOR_CLINICIANS = frozenset(kind.name for kind in page_kinds.ALL if kind.audience == CLINICS)
