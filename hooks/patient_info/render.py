"""Model → Markdown pages. Each page is one template; escaping is on by default."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2
import yaml

from . import paths
from .content_report import EDITORS, PLACEHOLDER
from .model import Site, Topic, Treatment
from .text import Markdown, anchor, escape, format_date, html_text

HOW_OFTEN = {
    "most-common": "The most common treatment",
    "sometimes": "Sometimes used",
    "small-number": "Used for a small number of people",
    "may-be-used": "May be used in some situations",
    "not-stated": "",
}
CAVEAT_TITLES = {"important": ("warning", "Important"), "note": ("note", "Good to know")}


@dataclass(frozen=True)
class Page:
    src_uri: str
    markdown: str
    in_navigation: bool = True


def render_site(site: Site) -> list[Page]:
    pages = [_render(paths.HOME, "home.md.j2", site=site, meta={"description": site.settings.name})]
    for topic in site.topics:
        pages += render_topic(topic, site)
    pages.append(_render(paths.GLOSSARY, "glossary.md.j2", glossary=site.glossary,
                         meta={"description": "What the medical words on this site mean, in plain words."}))
    pages.append(_render(paths.CONTENT_REPORT, "content-report.md.j2", placeholder=Markdown(PLACEHOLDER),
                         meta={"description": "How easy each page is to read.", "audience": EDITORS},
                         in_navigation=False))
    return pages


def render_topic(topic: Topic, site: Site) -> list[Page]:
    review = _review_meta(topic)
    pages = [
        _render(paths.topic_page(topic.id), "overview.md.j2", topic=topic, site=site,
                meta={"description": topic.summary, **review}),
        _render(paths.factors_page(topic.id), "factors.md.j2", topic=topic, site=site,
                meta={"description": f"What decides the treatment for {topic.title.lower()}.", **review}),
    ]
    for treatment in topic.treatments:
        pages.append(_render(paths.treatment_page(topic.id, treatment.id), "treatment.md.j2",
                             topic=topic, treatment=treatment, site=site,
                             meta={"description": treatment.summary, **review}))
    return pages


def _render(src_uri: str, template: str, *, meta: dict, in_navigation: bool = True, **context) -> Page:
    body = _environment().get_template(template).render(page=src_uri, **context)
    return Page(src_uri, _front_matter(meta) + body, in_navigation)


def _front_matter(meta: dict) -> str:
    # The theme prints these values into HTML unescaped, so they are escaped here once.
    escaped = {key: str(html_text(value)) for key, value in meta.items()}
    return "---\n" + yaml.safe_dump(escaped, allow_unicode=True, sort_keys=False) + "---\n\n"


def _review_meta(topic: Topic) -> dict:
    return {
        "last_reviewed": format_date(topic.review.last_reviewed),
        "next_review_due": format_date(topic.review.next_review_due),
    }


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        finalize=escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
    )
    env.globals.update(link=_link, table_cell=_table_cell, paths=paths, HOW_OFTEN=HOW_OFTEN, CAVEAT_TITLES=CAVEAT_TITLES)
    env.filters.update(anchor=anchor, date=format_date, h=lambda value: Markdown(html_text(value)))
    return env


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, text: str, target: str) -> Markdown:
    return Markdown(f"[{escape(text)}]({paths.relative(context['page'], target)})")


def _table_cell(topic: Topic, treatment: Treatment, factor_id: str) -> str:
    """What one factor means for one treatment, in words, for the treatments-against-factors table."""
    factor = topic.factor(factor_id)
    parts = []
    for kind, label in (("when_used", "May be used"), ("not_suitable_when", "Usually not suitable")):
        labels = [factor.value(value_id).label
                  for reason in getattr(treatment, kind)
                  for ref in reason.factors if ref.factor == factor_id
                  for value_id in ref.values]
        mentioned = any(ref.factor == factor_id for reason in getattr(treatment, kind) for ref in reason.factors)
        if mentioned:
            parts.append(f"{label}: {', '.join(labels)}" if labels else label)
    return "; ".join(parts) or "Not mentioned"
