"""Model → Markdown pages, one template per kind of page (page_kinds.py); escaping is on by default.

Every kind with a Markdown template is rendered by one loop over the records. A page's context is
the same for every kind (its site, its subject, the statements its kind shows, the site's wording)
plus, for a few kinds, what only they need (EXTRA below).
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial

import jinja2

from . import field_reference, for_clinics, situation_finder
from .. import page_kinds
from ..links.catalogue import Link
from ..content.web_addresses import email_address_problem, web_address_problem
from ..links.qr import qr_inline
from ..model import paths
from ..model.audiences import PATIENTS
from ..model.codes import CODE_SYSTEMS
from ..model.glossary import Glossary
from ..model import selection
from ..model.selection import Group
from ..model.site import AllOf, AnswerIs, Condition, Factor, Site, Statement, Topic
from ..page_kinds import PageKind
from ..templating import environment
from ..text import Markdown, anchor, css_string, escape, html_text
from ..wording import Wording, labels, wording as wording_for
from ..workers import WorkInBackground, share_work
from .handout import (Handout, HandoutNote, HandoutSection, HandoutStatement, HandoutWords, large_print_sheet,
                      plan_sheet)

# The editors' page is written before the other pages are measured; the build fills this in.
PLACEHOLDER = '<div class="content-report-placeholder"></div>'


@dataclass(frozen=True)
class Page:
    kind: str  # its kind's name
    src_uri: str
    title: str
    description: str
    markdown: str
    statements: tuple[str, ...]  # the ids of the statements it shows, in order
    audience: str


@dataclass(frozen=True)
class Inputs:
    """What rendering needs besides the site: sent to worker processes, so plain data only."""

    language: str
    site_url: str
    handouts: Mapping[str, Handout]  # each topic's printable summary, by topic id
    # Whether the summaries' PDFs are beside the pages: "made" (make build prints them), or "preview" and
    # "offline", which have none (the pages say so instead of linking to them).
    pdfs: str = "made"


def render_pages(site: Site, inputs: Inputs, links: tuple[Link, ...]) -> list[Page]:
    """Every Markdown page of the site, in the order the site lists them (_in_order): each topic's pages rendered on
    every core (a large site has tens of thousands), the site's own pages, which list the whole catalogue, here."""
    catalogue = _Catalogue.of(site, links)
    rendered = share_work(partial(_render_topics, site=site, inputs=inputs, catalogue=catalogue.for_topics()),
                          site.topics)
    by_path = {page.src_uri: page for page in rendered}
    return [by_path[kind.src_uri(*subject)] if kind.per != "site" else _site_page(kind, site, inputs, catalogue)
            for kind, subject in _in_order(site)]


@dataclass(frozen=True)
class PagesToRender:
    """The topics' own pages of a large site, left for the build to render while MkDocs works: what rendering
    them needs (plain data, for worker processes), and the topic each page is in, by its position."""

    site: Site
    inputs: Inputs
    catalogue: _Catalogue  # each topic's links, for its page for clinics
    topic_index: Mapping[str, int]  # each page's topic, as its position in site.topics, by source path


def pages_to_render_later(site: Site, inputs: Inputs, links: tuple[Link, ...]) -> tuple[list[Page], PagesToRender]:
    """The pages of `render_pages`, in its order, but the topics' own pages only outlined (their title,
    description and audience, no Markdown or statements): `PagesInBackground` renders them while MkDocs works."""
    catalogue = _Catalogue.of(site, links)
    position = {topic.id: index for index, topic in enumerate(site.topics)}
    pages, topic_index = [], {}
    for kind, subject in _in_order(site):
        if kind.per == "site":
            pages.append(_site_page(kind, site, inputs, catalogue))
        else:
            pages.append(outline_page(kind, site, inputs, *subject))
            topic_index[pages[-1].src_uri] = position[subject[0].id]
    return pages, PagesToRender(site, inputs, catalogue.for_topics(), topic_index)


class PagesInBackground:
    """The pages of PagesToRender, rendered in worker processes, a run of topics at a time, from the moment this
    is made: `page(src_uri)` waits for its run. MkDocs asks for the pages in the order they are rendered, so
    it seldom waits, and rendering runs on the core MkDocs leaves idle."""

    def __init__(self, todo: PagesToRender, processes: int | None = None):
        self._todo = todo
        self._work = WorkInBackground(partial(_render_topics, site=todo.site, inputs=todo.inputs,
                                              catalogue=todo.catalogue),
                                      todo.site.topics, processes or os.cpu_count() or 1)
        self._made: dict[str, Page] = {}

    def page(self, src_uri: str) -> Page | None:
        """The page rendered (None for a page rendered with the plan). Raises what rendering raised."""
        index = self._todo.topic_index.get(src_uri)
        if index is None:
            return None
        if src_uri not in self._made:
            self._made.update((page.src_uri, page) for page in self._work.results(index // self._work.per_task))
        return self._made[src_uri]

    def pages(self) -> dict[str, Page]:
        """Every page rendered, by source path (waits for the last)."""
        for src_uri in self._todo.topic_index:
            self.page(src_uri)
        return self._made

    def close(self) -> None:
        self._work.close()


# A topic's page for clinics is listed with the site's pages for clinics, after every topic's own pages.
_LISTED_WITH_THE_SITE = (page_kinds.FOR_CLINICS_TOPIC,)


def _in_order(site: Site) -> Iterator[tuple[PageKind, tuple]]:
    """Every Markdown page's kind and subject, in the order the site lists them: each topic's own pages, topic by
    topic, then the site's pages and the pages for clinics."""
    first = [kind for kind in _markdown_kinds() if kind.per != "site" and kind not in _LISTED_WITH_THE_SITE]
    for topic in site.topics:
        for kind in first:
            for subject in kind.subjects_in(topic):
                yield kind, subject
    for kind in _markdown_kinds():
        if kind not in first:
            yield from ((kind, subject) for subject in kind.subjects(site))


def _site_page(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue) -> Page:
    """One of the site's own pages (home, glossary, the pages for clinics), which may list the whole catalogue."""
    return render_page(kind, site, inputs, **_extra(kind, site, inputs, catalogue, ()))


def _markdown_kinds() -> list[PageKind]:
    return [kind for kind in page_kinds.ALL if kind.template and kind.is_page]


def _render_topics(topics: tuple[Topic, ...], site: Site, inputs: Inputs, catalogue: _Catalogue) -> list[Page]:
    """A share of the topics' pages (all but the site's own), in a worker process."""
    kinds = [kind for kind in _markdown_kinds() if kind.per != "site"]
    return [render_page(kind, site, inputs, *subject, **_extra(kind, site, inputs, catalogue, subject))
            for topic in topics for kind in kinds for subject in kind.subjects_in(topic)]


def outline_page(kind: PageKind, site: Site, inputs: Inputs, *subject) -> Page:
    """A page of `kind` about `subject` without its Markdown or statements: what the menu, the catalogue and the
    tab titles need."""
    words = wording_for(inputs.language)
    return Page(kind.name, kind.src_uri(*subject), kind.title(words, site, *subject),
                kind.description(words, site, *subject), "", (), kind.audience)


def render_page(kind: PageKind, site: Site, inputs: Inputs, *subject, meta: dict | None = None, **context) -> Page:
    """A page of `kind` about `subject` (nothing, a topic, a topic and a treatment, ...): its title and
    description from the record, its statements from the record's view of the selection rule."""
    words = wording_for(inputs.language)
    outline = outline_page(kind, site, inputs, *subject)
    groups = kind.shows(*subject)
    named = dict(zip(kind.subject_names, subject, strict=True))
    body = _environment(inputs.language).get_template(kind.template).render(
        page=outline.src_uri, site=site, title=outline.title, description=outline.description, groups=groups,
        pdfs=inputs.pdfs, **named, **context)
    topic = named.get("topic")
    audience = {} if kind.audience == PATIENTS else {"audience": kind.audience}
    front = {"description": outline.description, **(_review_meta(topic, words) if topic else {}), **(meta or {}),
             **audience}
    shown = tuple(s.id for group in groups for s in group.statements)
    return replace(outline, markdown=_front_matter(front) + body, statements=shown)


# What a few kinds need besides the common context ----------------------------------------------------------

@dataclass(frozen=True)
class _Catalogue:
    """The catalogue of links, and each topic's links, grouped once: the pages for clinics list them (grouped
    afresh for each topic's page, they cost 4 ms a page at 1,000 topics)."""

    links: tuple[Link, ...] = ()
    by_topic: Mapping[str, list[Link]] = field(default_factory=dict)

    def for_topics(self) -> _Catalogue:
        """Each topic's links only: what the topics' own pages need, sent to the worker processes."""
        return _Catalogue((), self.by_topic)

    @classmethod
    def of(cls, site: Site, links: tuple[Link, ...]) -> _Catalogue:
        by_topic: dict[str, list[Link]] = {topic.id: [] for topic in site.topics}
        for link in links:
            if link.topic is not None:
                by_topic[link.topic.id].append(link)
        return cls(links, by_topic)


def _summary(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue, topic: Topic) -> dict:
    """The handout on one sheet of paper (or in large print, on as many pages as it needs), which leads back
    to the overview by its address and a QR code."""
    handout = inputs.handouts[topic.id]
    large = kind is page_kinds.LARGE_PRINT
    title = kind.title(wording_for(inputs.language), site, topic)
    sheet = large_print_sheet(handout) if large else plan_sheet(handout)
    # MkDocs finds no h1 inside the sheet. The print title is printed at the top of each page after the first,
    # and "Please turn over" at the foot of the front of a sheet that has a back (see main.html), each as the
    # inside of a CSS string.
    turn_over = {"turn_over": css_string(handout.words.turn_over)} if sheet.back_starts_at else {}
    return {"handout": handout, "sheet": sheet,
            "large_print": large, "qr_code": qr_inline(handout.overview_url, css_class="handout-qr"),
            "meta": {"title": title, "handout": "large-print" if large else "true", "print_title": css_string(title),
                     **turn_over}}


def _glossary(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue) -> dict:
    glossary = site.glossary
    dates = {} if glossary.last_reviewed is None else {
        "last_reviewed": wording_for(inputs.language).date(glossary.last_reviewed),
        "next_review_due": wording_for(inputs.language).date(glossary.next_review_due)}
    return {"glossary": glossary, "meta": dates}


def _for_clinics(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue, *subject) -> dict:
    topic_links = catalogue.by_topic[subject[0].id] if subject else []
    return {"links": catalogue.links, "by_topic": catalogue.by_topic, "topic_links": topic_links,
            "site_url": inputs.site_url, "meta": {"copy_buttons": "yes"}, **for_clinics.helpers(inputs.language)}


def _infobutton(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue) -> dict:
    """The address record systems send codes to: a page listing every code link, which its script reads as
    the table of codes, so the table and links.json come from the same catalogue."""
    here = kind.address()
    return {"links": catalogue.links, "systems": CODE_SYSTEMS, "relative": lambda address: paths.relative_url(here, address),
            "answer_address": lambda code: paths.code_answer(code.system, code.code), "meta": {"infobutton": "yes"}}


EXTRA: dict[PageKind, Callable[..., dict]] = {
    page_kinds.SUMMARY: _summary,
    page_kinds.LARGE_PRINT: _summary,
    page_kinds.GLOSSARY: _glossary,
    page_kinds.FOR_CLINICS: _for_clinics,
    page_kinds.FOR_CLINICS_TOPIC: _for_clinics,
    page_kinds.INFOBUTTON: _infobutton,
    page_kinds.SITUATION_FINDER: situation_finder.context,
    # Its breadcrumb comes before its h1, where MkDocs looks for the title.
    page_kinds.SITUATION: lambda kind, site, inputs, catalogue, *subject: {
        "meta": {"title": kind.title(wording_for(inputs.language), site, *subject)}},
    page_kinds.CONTENT_REPORT: lambda kind, site, inputs, catalogue: {"placeholder": Markdown(PLACEHOLDER)},
    page_kinds.FIELD_REFERENCE: lambda kind, site, inputs, catalogue: {
        "content_files": field_reference.content_files()},
}


def _extra(kind: PageKind, site: Site, inputs: Inputs, catalogue: _Catalogue, subject: tuple) -> dict:
    extra = EXTRA.get(kind)
    return extra(kind, site, inputs, catalogue, *subject) if extra else {}


# The printable summary's content ----------------------------------------------------------------------------

def summary_handouts(site: Site, *, language: str, site_url: str) -> dict[str, Handout]:
    """Each topic's handout, by topic id: made once, checked for fit and rendered.
    `site_url` is the published address, written out and encoded on printed handouts."""
    return {topic.id: summary_handout(topic, site, language=language, site_url=site_url) for topic in site.topics}


def summary_handout(topic: Topic, site: Site, *, language: str, site_url: str) -> Handout:
    """What the printable summary says: every statement of the topic, whole, arranged by the selection rule."""
    w = wording_for(language)
    clinic = site.settings.clinic
    groups = page_kinds.SUMMARY.shows(topic)
    treatments = tuple(HandoutSection(group.key.name, _handout_statements(group)) for group in groups
                       if group.key not in ("aim", "together"))
    together = tuple(HandoutSection(w("Treatments used together"), _handout_statements(group))
                     for group in groups if group.key == "together")
    aim = tuple(s for group in groups if group.key == "aim" for s in _handout_statements(group))
    return Handout(
        topic_id=topic.id,
        title=page_kinds.SUMMARY.title(w, site, topic),
        words=_handout_words(topic, site, w),
        aim=aim,
        main_factors=tuple(f.question for f in topic.factors if f.importance == "main"),
        other_factors=tuple(f.question for f in topic.factors if f.importance != "main"),
        treatments=treatments,
        together=together,
        notes=tuple(HandoutNote(w(labels.CAVEAT[c.importance]), c.text) for c in topic.caveats),
        questions=topic.questions,
        overview_url=paths.absolute_url(site_url, page_kinds.OVERVIEW.address(topic)),
        clinic_name=clinic.name if clinic else "",
        clinic_phone=w("Phone: {phone}", phone=clinic.phone) if clinic and clinic.phone else "",
        help=help_lines(site, w),
    )


def help_lines(site: Site, w: Wording) -> tuple[str, ...]:
    """site.yaml's help for readers, one plain line each, for the printed sheet: what to do if unwell, then each
    support line. Nothing when none is set: the sheet then says only to ask the care team."""
    settings = site.settings
    lines = [settings.if_unwell] if settings.if_unwell else []
    for line in settings.support_lines:
        said = w("{name}: {phone} ({hours}).", name=line.name, phone=line.phone, hours=line.hours) if line.hours \
            else w("{name}: {phone}.", name=line.name, phone=line.phone)
        lines.append(f"{said} {line.what_for}" if line.what_for else said)
    return tuple(lines)


def _handout_statements(group: Group) -> tuple[HandoutStatement, ...]:
    return tuple(HandoutStatement(s.id, s.text) for s in group.statements)


def _handout_words(topic: Topic, site: Site, w: Wording) -> HandoutWords:
    clinic = site.settings.clinic
    return HandoutWords(
        publisher=w("Published by {publisher}.", publisher=site.settings.publisher),
        dated=w("Last reviewed: {date}.", date=w.date(topic.review.last_reviewed)),
        source=source_line(topic, w),
        review_notice="" if topic.review.clinically_reviewed else w(labels.REVIEW_NOTICE),
        aim=w("The aim of treatment:"),
        factors=w("What decides your treatment"),
        main_factors=w("The main things:"),
        other_factors=w("Some treatments also depend on:"),
        treatments=w("Treatments"),
        keep_in_mind=w("Things to keep in mind"),
        questions=w("Questions you may want to ask your team"),
        nurse=w("My specialist nurse or key worker"),
        phone=w("Phone"),
        out_of_hours=w("Out of hours"),
        notes=w("Your notes"),
        appointment=w("Next appointment:"),
        online=w("Full information online:"),
        next_review=w("Next review due: {date}.", date=w.date(topic.review.next_review_due)),
        version=w("Version: {version}.", version=content_version(topic)),
        contact=w("Who to contact: {contact}", contact=clinic.contact if clinic and clinic.contact
                  else site.settings.contact),
        turn_over=w("Please turn over"),
        demonstration=w("From a demonstration site, not a real service for patients.")
        if site.settings.demonstration else "",
        help_heading=w("Help and support"),
    )


def source_line(topic: Topic, w: Wording) -> str:
    """Where the topic comes from, in one sentence: for the top of the printed summary and cards."""
    return " ".join(w("Adapted from “{title}” by {publisher}.", title=source.title, publisher=source.publisher)
                    for source in topic.sources)


def content_version(topic: Topic) -> str:
    """The version printed on the handout and named in feedback: last review date and the content's hash."""
    return f"{topic.review.last_reviewed.isoformat()}-{topic.revision}"


# Helpers the templates use -----------------------------------------------------------------------------------

def _front_matter(meta: dict) -> str:
    # The theme prints these values into HTML unescaped, so they are escaped here once.
    # Written as JSON, which YAML reads too: PyYAML's writer took 0.5 ms a page.
    escaped = {key: str(html_text(value)) for key, value in meta.items()}
    return "---\n" + json.dumps(escaped, ensure_ascii=False) + "\n---\n\n"


def _review_meta(topic: Topic, w: Wording) -> dict:
    return {
        "last_reviewed": w.date(topic.review.last_reviewed),
        "next_review_due": w.date(topic.review.next_review_due),
        "version": content_version(topic),  # named in feedback, so a report can be matched to the text it is about
    }


def _environment(language: str) -> jinja2.Environment:
    env = environment(__package__, "templates", markdown=True, language=language)
    env.globals.update(kinds=page_kinds, paths=paths, labels=labels, link=_link, link_out=_link_out,
                       file_link=_file_link,
                       mail_link=_mail_link, here=_here, statement=_statement, statement_list=_statement_list, conditions_text=_conditions_text,
                       source_line=lambda topic: source_line(topic, wording_for(language)),
                       related=related, link_to=_link_to,
                       groups_about=_groups_about, in_part=_in_part, shown_in=_shown_in, earlier_on_page=_earlier_on_page,
                       treatment_name=lambda topic, s: topic.treatment(s.treatment).name, affecting=_affecting,
                       other_treatments=selection.other_treatments,
                       other_questions=_other_questions, when_used_elsewhere=_when_used_elsewhere)
    env.globals["code"] = lambda text: Markdown(f"`{text}`")  # for names from our own schemas, not from content
    env.filters.update(anchor=anchor, h=lambda value: Markdown(html_text(value)))
    return env


def _mail_link(address: str) -> Markdown:
    """A mailto: link, as HTML: an address is never spliced into Markdown link syntax, which reads '>', ')' and
    '[' in it as the end of the link and the start of another."""
    return _html_link(f"mailto:{_checked(address, email_address_problem(address))}", address)


@jinja2.pass_context
def _file_link(context: jinja2.runtime.Context, text: str, address: str) -> Markdown:
    """A link to a file the site publishes that is not a page (a PDF), as HTML: MkDocs checks Markdown links
    against its pages, and the PDFs are printed after it has built them."""
    return _html_link(paths.relative_url(paths.url(context["page"]), address), text)


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


@jinja2.pass_context
def _link_to(context: jinja2.runtime.Context, kind: PageKind, *subject, text: str | None = None) -> Markdown:
    """A link to the page of `kind` about `subject`, with the page's own title unless `text` is given."""
    shown = text if text is not None else kind.title(context["wording"], context["site"], *subject)
    return _link(context, shown, kind.src_uri(*subject))


def _other_questions(topic: Topic, groups: tuple[Group, ...], factor: Factor) -> list[Factor]:
    """The other questions that the treatments shown for an answer depend on: where to read on."""
    shown = {group.key[1].id for group in groups if group.key[0] == "answer" and group.statements}
    return [f for f in topic.factors if f != factor
            and any(s.treatment in shown and s.involves(f.id) for s in topic.statements)]


def _when_used_elsewhere(topic: Topic, groups: tuple[Group, ...], treatment: Treatment) -> bool:
    """Whether the source says when a treatment is used, or who it does not suit, in statements this page does
    not show: a treatment introduced on its own (what it is) must not read as offered to the reader."""
    shown = {s.id for group in groups for s in group.statements + group.shown_earlier}
    return any(s.id not in shown for s in selection.limits_of(topic, treatment))


def _in_part(groups: tuple[Group, ...], part: str) -> list[Group]:
    """An answer page's groups with statements in one of its parts ("answer", "question", "everyone")."""
    return [group for group in groups if group.key[0] == part and group.statements]


def _groups_about(groups: tuple[Group, ...], factor: Factor) -> list[Group]:
    """The factors page's groups for one question (their keys are (factor, treatment))."""
    return [group for group in groups if group.key[0] == factor]


def _shown_in(groups: tuple[Group, ...], statement: Statement) -> Group:
    return next(group for group in groups if statement in group.statements)


def _earlier_on_page(groups: tuple[Group, ...], group: Group) -> list[tuple[str, Statement]]:
    """What a group of the factors page points back to, once per earlier section and treatment: statements it
    chose that an earlier section showed ("shown"), and context of its statements shown earlier ("context")."""
    found, seen = [], set()
    for reason, statements in (("shown", group.shown_earlier), ("context", group.context_earlier)):
        for statement in statements:
            key = (reason, _shown_in(groups, statement).key, statement.treatment)
            if key not in seen:
                seen.add(key)
                found.append((reason, statement))
    return found


def _affecting(topic: Topic, treatment) -> list[Factor]:
    """The questions the treatment's statements depend on."""
    return [factor for factor in topic.factors
            if any(s.treatment == treatment.id and s.involves(factor.id) for s in topic.statements)]


def _here(text: str, fragment: str) -> Markdown:
    """A link to a place on the same page."""
    return Markdown(f"[{escape(text)}](#{anchor(fragment)})")


def _statement(statement: Statement | HandoutStatement, *, anchor_id: str = "") -> Markdown:
    """A statement's whole text, marked so that tests can hold every page to showing it whole."""
    where = f' id="{anchor(anchor_id)}"' if anchor_id else ""
    return Markdown(f'<span class="statement" data-statement="{anchor(statement.id)}"{where}>'
                    f"{escape(statement.text)}</span>")


def _statement_list(statements: tuple[Statement, ...], anchors: bool = False) -> Markdown:
    """A list of statements, each whole, as the selection rule arranged them (context first), and the blank line
    that ends it. `anchors`: each item can be linked to, at #said-<id>. (Python, not a macro: every page of a
    large site has several.)"""
    items = "".join(f"- {_statement(item, anchor_id=f'said-{item.id}' if anchors else '')}\n" for item in statements)
    return Markdown(items + "\n")


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


def related(topic: Topic, groups: tuple[Group, ...], *, treatment=None) -> tuple[list, list[Factor]]:
    """Where to read more after a page's statements: the other treatments they name, and the questions they
    depend on, each once."""
    said = [s for group in groups for s in group.statements]
    treatments = [t for t in topic.treatments if t is not treatment and any(t.id in s.about for s in said)]
    factors = [f for f in topic.factors if any(s.involves(f.id) for s in said)]
    return treatments, factors
