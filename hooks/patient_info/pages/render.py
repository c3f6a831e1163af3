"""Model → Markdown pages. Each kind of page (model/page_kinds.py) is one template; escaping is on by default."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, partial

import jinja2

from . import field_reference, for_clinics
from ..content.web_addresses import email_address_problem, web_address_problem
from ..model import page_kinds, paths, titles
from ..model.codes import CODE_SYSTEMS
from ..model.audiences import PATIENTS
from ..model.page_kinds import PageKind
from .handout import Handout, HandoutNote, HandoutStatement, HandoutTreatment, large_print_sheet, plan_sheet
from ..model.glossary import Glossary
from ..model.site import LIKELIHOOD_WORDS, AllOf, AnswerIs, Condition, Factor, Site, Statement, Topic, Treatment
from ..links.qr import qr_inline
from ..model.situations import brief, factor_statements, situations, treatment_sections, when_it_is_used
from ..text import Markdown, anchor, css_string, escape, format_date, html_text
from ..workers import share_work

# The editors' page is written before the other pages are measured; the build fills this in.
PLACEHOLDER = '<div class="content-report-placeholder"></div>'


@dataclass(frozen=True)
class Page:
    src_uri: str
    markdown: str


def render_site(site: Site, handouts: Mapping[str, Handout]) -> list[Page]:
    """Every page but the ones for clinics (render_for_clinics); `handouts` holds each topic's printable
    summary, by topic id (see summary_handouts)."""
    pages = [_render_page(page_kinds.HOME, site)]
    pages += share_work(partial(_render_topics, site=site, handouts=handouts), site.topics)
    pages.append(_render_page(page_kinds.GLOSSARY, site, glossary=site.glossary,
                              meta=_glossary_review_meta(site.glossary)))
    pages.append(_render_page(page_kinds.ABOUT, site))
    pages.append(_render_page(page_kinds.CONTENT_REPORT, site, placeholder=Markdown(PLACEHOLDER)))
    pages.append(_render_page(page_kinds.FIELD_REFERENCE, site, content_files=field_reference.content_files()))
    return pages


def _render_topics(topics: tuple[Topic, ...], site: Site, handouts: Mapping[str, Handout]) -> list[Page]:
    return [page for topic in topics for page in render_topic(topic, site, handout=handouts[topic.id])]


def render_topic(topic: Topic, site: Site, *, handout: Handout) -> list[Page]:
    review = _review_meta(topic)
    pages = [_render_page(page_kinds.OVERVIEW, site, topic, meta=review),
             _render_page(page_kinds.FACTORS, site, topic, meta=review)]
    pages += [_render_page(page_kinds.TREATMENT, site, topic, treatment, meta=review) for treatment in topic.treatments]
    pages += [_render_page(page_kinds.SITUATION, site, topic, situation.factor, situation.value, situation=situation,
                           meta=review) for situation in situations(topic)]
    pages.append(render_summary(topic, site, handout))
    pages.append(render_large_print(topic, site, handout))
    pages.append(_render_page(page_kinds.STATEMENTS_REPORT, site, topic))
    return pages


def render_summary(topic: Topic, site: Site, handout: Handout) -> Page:
    """The handout on one sheet of paper, which leads back to the overview by its address and a QR code."""
    return _render_handout(page_kinds.SUMMARY, topic, site, handout, sheet=plan_sheet(handout), large_print=False)


def render_large_print(topic: Topic, site: Site, handout: Handout) -> Page:
    """The same handout in large print, on as many pages as it needs, each with its title and number."""
    return _render_handout(page_kinds.LARGE_PRINT, topic, site, handout, sheet=large_print_sheet(handout),
                           large_print=True)


def _render_handout(kind: PageKind, topic: Topic, site: Site, handout: Handout, *, sheet, large_print: bool) -> Page:
    title = kind.title(site, topic)
    return _render_page(kind, site, topic, handout=handout, sheet=sheet, large_print=large_print,
                        qr_code=qr_inline(handout.overview_url, css_class="handout-qr"),
                        # MkDocs finds no h1 inside the sheet. The print title is printed at the top of each
                        # page after the first (see main.html), as the inside of a CSS string.
                        meta={"title": title, "handout": "large-print" if large_print else "true",
                              "print_title": css_string(title), **_review_meta(topic)})


def summary_handouts(site: Site, *, site_url: str) -> dict[str, Handout]:
    """Each topic's handout, by topic id: made once, checked for fit and rendered.
    `site_url` is the published address, written out and encoded on printed handouts."""
    return {topic.id: summary_handout(topic, site, site_url=site_url) for topic in site.topics}


def summary_handout(topic: Topic, site: Site, *, site_url: str) -> Handout:
    """What the printable summary says, taken from the content without re-typing any of it."""
    clinic = site.settings.clinic
    return Handout(
        topic_id=topic.id,
        title=titles.summary_title(topic),
        aim=tuple(_handout_statement(s) for s in topic.statements_of_kind("aim")),
        main_factors=tuple(f.question for f in topic.factors if f.importance == "main"),
        other_factors=tuple(f.question for f in topic.factors if f.importance != "main"),
        treatments=tuple(HandoutTreatment(t.name, tuple(_handout_statement(s) for s in when_it_is_used(topic, t)))
                         for t in topic.treatments),
        notes=tuple(HandoutNote(titles.CAVEAT_TITLES[c.importance], c.text) for c in topic.caveats),
        questions=topic.questions,
        overview_url=paths.absolute_url(site_url, paths.topic_page(topic.id)),
        last_reviewed=format_date(topic.review.last_reviewed),
        next_review_due=format_date(topic.review.next_review_due),
        version=content_version(topic),
        publisher=site.settings.publisher,
        clinic_name=clinic.name if clinic else "",
        clinic_phone=clinic.phone if clinic else "",
        review_notice=titles.REVIEW_NOTICE_SHORT if not topic.review.clinically_reviewed else "",
        contact=clinic.contact if clinic and clinic.contact else site.settings.contact,
    )


def _handout_statement(statement: Statement) -> HandoutStatement:
    return HandoutStatement(statement.id, statement.text)


def render_for_clinics(site: Site, links: tuple, site_url: str) -> list[Page]:
    """The pages listing every link, one per topic after the first; rendered after the others, once the
    catalogue of links is known."""
    by_topic: dict[str, list] = {topic.id: [] for topic in site.topics}
    for link in links:
        if link.topic is not None:
            by_topic[link.topic.id].append(link)
    pages = [_render_page(page_kinds.FOR_CLINICS, site, links=links, by_topic=by_topic, site_url=site_url,
                          meta={"copy_buttons": "yes"}, **for_clinics.HELPERS)]
    pages.append(render_infobutton(site, links))
    for topic in site.topics:
        pages.append(_render_page(page_kinds.FOR_CLINICS_TOPIC, site, topic, topic_links=by_topic[topic.id],
                                  site_url=site_url, meta={"copy_buttons": "yes"}, **for_clinics.HELPERS))
    return pages


def render_infobutton(site: Site, links: tuple) -> Page:
    """The address record systems send codes to: a page listing every code link, which its script reads as
    the table of codes, so the table and links.json come from the same catalogue."""
    here = paths.url(paths.INFOBUTTON)
    return _render_page(page_kinds.INFOBUTTON, site, links=links, systems=CODE_SYSTEMS,
                        relative=lambda address: paths.relative_url(here, address),
                        answer_address=lambda code: paths.code_answer(code.system, code.code),
                        meta={"infobutton": "yes"})


def _render_page(kind: PageKind, site: Site, *subject, meta: dict | None = None, **context) -> Page:
    """A page of `kind` about `subject` (nothing, a topic, a topic and a treatment, ...), its title and
    description taken from the kind, as the catalogue takes them."""
    src_uri = kind.src_uri(*subject)
    description = kind.description(site, *subject)
    named = dict(zip(kind.subject_names, subject, strict=True))
    body = _environment().get_template(kind.template).render(
        page=src_uri, site=site, title=kind.title(site, *subject), description=description, **named, **context)
    audience = {} if kind.audience == PATIENTS else {"audience": kind.audience}
    return Page(src_uri, _front_matter({"description": description, **(meta or {}), **audience}) + body)


def _front_matter(meta: dict) -> str:
    # The theme prints these values into HTML unescaped, so they are escaped here once.
    # Written as JSON, which YAML reads too: PyYAML's writer took 0.5 ms a page.
    escaped = {key: str(html_text(value)) for key, value in meta.items()}
    return "---\n" + json.dumps(escaped, ensure_ascii=False) + "\n---\n\n"


def _review_meta(topic: Topic) -> dict:
    return {
        "last_reviewed": format_date(topic.review.last_reviewed),
        "next_review_due": format_date(topic.review.next_review_due),
        "version": content_version(topic),  # named in feedback, so a report can be matched to the text it is about
    }


def _glossary_review_meta(glossary: Glossary) -> dict:
    if glossary.last_reviewed is None:
        return {}
    return {"last_reviewed": format_date(glossary.last_reviewed),
            "next_review_due": format_date(glossary.next_review_due)}


def content_version(topic: Topic) -> str:
    """The version printed on the handout and named in feedback: last review date and the content's hash."""
    return f"{topic.review.last_reviewed.isoformat()}-{topic.revision}"


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
    env.globals.update(titles=titles, link=_link, link_out=_link_out, mail_link=_mail_link, here=_here, paths=paths,
                       statement=_statement, related_pages=_related_pages,
                       statement_sections=treatment_sections, factor_statements=factor_statements, brief=brief,
                       affecting=_affecting, likelihood_label=_likelihood_label,
                       conditions_text=_conditions_text)
    env.globals["code"] = lambda text: Markdown(f"`{text}`")  # for names from our own schemas, not from content
    env.filters.update(anchor=anchor, date=format_date, h=lambda value: Markdown(html_text(value)))
    return env


def _mail_link(address: str) -> Markdown:
    """A mailto: link, as HTML: an address is never spliced into Markdown link syntax, which reads '>', ')' and
    '[' in it as the end of the link and the start of another."""
    return _html_link(f"mailto:{_checked(address, email_address_problem(address))}", address)


def _link_out(text: str, url: str) -> Markdown:
    """A link to another site, as HTML (see _mail_link)."""
    return _html_link(_checked(url, web_address_problem(url)), text)


def _html_link(href: str, text: str) -> Markdown:
    return Markdown(f'<a href="{html.escape(href, quote=True)}">{escape(text)}</a>')


def _checked(address: str, problem: str | None) -> str:
    """The content check refuses these addresses with a message; a page is never written with one."""
    if problem is not None:
        raise ValueError(f"an address the content check should have refused reached a page: {problem}")
    return address


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, text: str, target: str) -> Markdown:
    return Markdown(f"[{escape(text)}]({paths.relative(context['page'], target)})")


def _here(text: str, fragment: str) -> Markdown:
    """A link to a place on the same page."""
    return Markdown(f"[{escape(text)}](#{anchor(fragment)})")


def _statement(statement: Statement | HandoutStatement, *, anchor_id: str = "") -> Markdown:
    """A statement's whole text, marked so that tests can hold every page to showing it whole."""
    where = f' id="{anchor(anchor_id)}"' if anchor_id else ""
    return Markdown(f'<span class="statement" data-statement="{anchor(statement.id)}"{where}>'
                    f"{escape(statement.text)}</span>")


def _related_pages(topic: Topic, statement: Statement, *, treatment: Treatment | None = None,
                   factor: Factor | None = None) -> list[tuple[str, str]]:
    """Where to read more: the other treatments a statement names, then the factors it depends on."""
    treatments = [(topic.treatment(t).name, paths.treatment_page(topic.id, t))
                  for t in statement.about if treatment is None or t != treatment.id]
    factors = [(f.question, f"{paths.factors_page(topic.id)}#{f.id}") for f in topic.factors
               if statement.involves(f.id) and (factor is None or f.id != factor.id)]
    return treatments + factors


def _affecting(topic: Topic, treatment: Treatment) -> list[tuple[Factor, tuple[Statement, ...]]]:
    """Each factor with the treatment's statements that depend on it."""
    found = [(factor, tuple(s for s in factor_statements(topic, factor) if s.treatment == treatment.id))
             for factor in topic.factors]
    return [(factor, said) for factor, said in found if said]


def _conditions_text(topic: Topic, condition: Condition | None) -> str:
    """A statement's conditions in words, for editors: 'all of (…; …)', 'any of (…; …)'."""
    if condition is None:
        return "none: it applies to everyone"
    if isinstance(condition, AnswerIs):
        factor = topic.factor(condition.factor)
        answers = " or ".join(factor.value(answer).label for answer in condition.answers) or "any answer"
        return f"{factor.question} {answers}"
    joined = "all of" if isinstance(condition, AllOf) else "any of"
    return f"{joined} ({'; '.join(_conditions_text(topic, part) for part in condition.parts)})"


def _likelihood_label(statement: Statement) -> str:
    return LIKELIHOOD_WORDS[statement.likelihood] or "stated"
