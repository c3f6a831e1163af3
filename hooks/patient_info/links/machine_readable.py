"""JSON for machines: links.json with its schema, and one answer per diagnosis code.

A code answer has the Atom-based JSON shape of an HL7 infobutton knowledge
response (as MedlinePlus Connect returns), so a record system that already
reads those can show our link without scraping HTML.
"""

from __future__ import annotations

import json
from importlib import resources

from .. import page_kinds
from ..model import paths
from ..wording import Wording
from ..wording.labels import review_notice
from .catalogue import Link
from ..model.codes import CODE_SYSTEMS
from ..model.site import Site, Topic
from .redirects import StaticFile


def machine_readable_files(site: Site, links: tuple[Link, ...], site_url: str, words: Wording) -> list[StaticFile]:
    language = words.language
    files = [StaticFile(paths.LINKS_INDEX, _dump(links_index(site, links, site_url, words))),
             StaticFile(paths.LINKS_SCHEMA, _dump(links_schema(site_url)))]
    summaries = {link.topic.id: link for link in links if link.kind == page_kinds.SUMMARY.name}
    for link in links:
        if link.kind == page_kinds.CODE_LINK.name:
            code = link.codes[0]
            answer = code_answer(site, link, summaries.get(link.topic.id), site_url, words)
            files.append(StaticFile(paths.code_answer(code.system, code.code), _dump(answer)))
    return files


def links_index(site: Site, links: tuple[Link, ...], site_url: str, words: Wording) -> dict:
    return {
        "$schema": site_url + paths.LINKS_SCHEMA,
        "site": {"name": site.settings.name, "url": site_url, "language": words.language},
        "links": [_entry(link, site_url, words) for link in links],
    }


def links_schema(site_url: str) -> dict:
    schema = json.loads(resources.files("patient_info").joinpath("schemas", "links.schema.json").read_text("utf-8"))
    return {**schema, "$id": site_url + paths.LINKS_SCHEMA}


def code_answer(site: Site, link: Link, summary: Link | None, site_url: str, words: Wording) -> dict:
    """The answer for one code link: its topic's overview, and the topic's printable summary if it has one."""
    code, topic, language = link.codes[0], link.topic, words.language
    system = CODE_SYSTEMS[code.system]
    reviewed = _timestamp(topic)
    pages = [(link.target, "alternate")] + ([(summary, "related")] if summary else [])
    return {"feed": {
        "lang": language,
        "base": site_url,
        "id": {"_value": site_url + paths.code_answer(code.system, code.code)},
        "title": {"_value": site.settings.name, "type": "text"},
        "subtitle": {"_value": words("Information for {system} code {code}", system=system.name, code=code.code),
                     "type": "text"},
        "updated": {"_value": reviewed},
        "author": {"name": {"_value": site.settings.publisher}},
        "category": [{"scheme": "mainSearchCriteria.v.c", "term": code.code},
                     {"scheme": "mainSearchCriteria.v.cs", "term": system.oid}],
        "entry": [{
            "lang": language,
            "id": {"_value": site_url + link.target.address},
            "title": {"_value": topic.title, "type": "text"},
            "summary": {"_value": topic.summary, "type": "text"},
            "link": [{"href": site_url + page.address, "rel": rel, "type": "text/html", "hreflang": language,
                      "title": page.title} for page, rel in pages],
            "updated": {"_value": reviewed},
            "last_reviewed": topic.review.last_reviewed.isoformat(),
            "next_review_due": topic.review.next_review_due.isoformat(),
            "clinically_reviewed": topic.review.clinically_reviewed,
            "review_notice": review_notice(words, clinically_reviewed=topic.review.clinically_reviewed),
            "reviews": [{"date": record.date.isoformat(), "kind": record.kind, "reviewer": record.reviewer,
                         "role": record.role} for record in topic.review.reviews],
        }],
    }}


def _entry(link: Link, site_url: str, words: Wording) -> dict:
    topic = link.topic
    entry = {
        "id": link.id,
        "kind": link.kind,
        "title": link.title,
        "summary": link.summary,
        "url": site_url + link.address,
        "topic": topic.id if topic else None,
        "last_reviewed": topic.review.last_reviewed.isoformat() if topic else None,
        "next_review_due": topic.review.next_review_due.isoformat() if topic else None,
        "clinically_reviewed": topic.review.clinically_reviewed if topic else None,
        "review_notice": review_notice(words, clinically_reviewed=topic.review.clinically_reviewed) if topic else None,
        "codes": [{"system": code.system, "code": code.code} for code in link.codes],
        "previous_urls": [site_url + old for old in link.previous],
        "qr_code": site_url + paths.qr_code(link.id),
    }
    if link.kind == page_kinds.CODE_LINK.name:
        code = link.codes[0]
        entry["answer"] = site_url + paths.code_answer(code.system, code.code)
        entry["target"] = site_url + link.target.address
    return entry


def _timestamp(topic: Topic) -> str:
    return f"{topic.review.last_reviewed.isoformat()}T00:00:00Z"


def _dump(data: dict) -> str:
    # Compact: Python's JSON writer is five times slower with indentation, and links.json lists every address.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
