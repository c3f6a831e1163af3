"""Each kind of page the site builds, declared once: its file (and so its address), its template, its title,
its one-line description and who it is for.

The pages (pages/render.py) and the catalogue of links (links/catalogue.py) both read these
records, so a page's heading, its <head>, its links.json entry and its QR code cannot disagree.
To add a kind of page: declare it here, write its template, render it in pages/render.py and
list it in links/catalogue.py (editors' pages excepted). tests/pages/test_page_kinds.py fails
until all four are done.

A page's subject is what it is about (SUBJECTS): nothing for the site's own pages, a topic, a topic
and one of its treatments, or a topic, one of its factors and an answer. `file` takes their ids (old
ids give the old addresses that forward to the page); `title` and `description` take the site and
the subject itself. The templates name the subject's parts as SUBJECTS does.

A PageKind holds functions, so it is not sent to worker processes: send its name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from . import paths, titles
from .audiences import CLINICS, EDITORS, PATIENTS
from .situations import lead


# What a page can be about, and what its templates call each part of it.
SUBJECTS = {"site": (), "topic": ("topic",), "treatment": ("topic", "treatment"),
            "answer": ("topic", "factor", "value")}


@dataclass(frozen=True)
class PageKind:
    name: str  # the catalogue's kind of link, in links.json
    template: str  # in pages/templates/ (the embed card: pages/embed_templates/)
    file: Callable[..., str]  # the page's source file (paths.py), from its subject's ids
    title: Callable[..., str]  # from the site and the subject
    description: Callable[..., str]  # from the site and the subject: <meta name="description">, links.json
    per: str = "site"  # a key of SUBJECTS: one page for the site, or one per topic, treatment or answer
    audience: str = PATIENTS

    def __post_init__(self):
        if self.per not in SUBJECTS:
            raise ValueError(f"PageKind {self.name!r}: per must be one of {', '.join(SUBJECTS)}, not {self.per!r}")

    @property
    def subject_names(self) -> tuple[str, ...]:
        return SUBJECTS[self.per]

    @property
    def linkable(self) -> bool:
        """Pages for editors are built but not offered for linking: no <head> data, no links.json entry."""
        return self.audience != EDITORS

    def src_uri(self, *subject: Any) -> str:
        return self.file(*(item.id for item in subject))

    def all_src_uris(self, *subject: Any) -> list[str]:
        """The page's file first, then every other combination of current and old ids: its old addresses."""
        return [self.file(*ids) for ids in itertools.product(*((item.id, *item.aliases) for item in subject))]

    def subjects(self, site: Any) -> Iterator[tuple]:
        """What each page of this kind on `site` is about."""
        if self.per == "site":
            yield ()
            return
        for topic in site.topics:
            if self.per == "topic":
                yield (topic,)
            elif self.per == "treatment":
                yield from ((topic, treatment) for treatment in topic.treatments)
            elif self.per == "answer":
                yield from ((topic, factor, value) for factor in topic.factors for value in factor.values)


def _site_page(name: str, template: str, file: str, title: str, description: str, audience: str = PATIENTS):
    return PageKind(name, template, lambda: file, lambda site: title, lambda site: description, audience=audience)


# The site's own pages.
HOME = PageKind("home", "home.md.j2", lambda: paths.HOME, lambda site: site.settings.name,
                lambda site: titles.HOME_SUMMARY)
GLOSSARY = _site_page("glossary", "glossary.md.j2", paths.GLOSSARY, titles.GLOSSARY_TITLE,
                      titles.GLOSSARY_DESCRIPTION)
ABOUT = _site_page("about", "about.md.j2", paths.ABOUT, titles.ABOUT_TITLE, titles.ABOUT_DESCRIPTION)
FOR_CLINICS = _site_page("for-clinics", "for-clinics.md.j2", paths.FOR_CLINICS, titles.FOR_CLINICS_TITLE,
                         titles.FOR_CLINICS_SUMMARY, CLINICS)
INFOBUTTON = _site_page("infobutton", "infobutton.md.j2", paths.INFOBUTTON, titles.INFOBUTTON_TITLE,
                        titles.INFOBUTTON_SUMMARY, CLINICS)
CONTENT_REPORT = _site_page("content-report", "content-report.md.j2", paths.CONTENT_REPORT,
                            titles.CONTENT_REPORT_TITLE, titles.CONTENT_REPORT_DESCRIPTION, EDITORS)
FIELD_REFERENCE = _site_page("field-reference", "field-reference.md.j2", paths.FIELD_REFERENCE,
                             titles.FIELD_REFERENCE_TITLE, titles.FIELD_REFERENCE_DESCRIPTION, EDITORS)

# A topic's pages.
OVERVIEW = PageKind("topic", "overview.md.j2", paths.topic_page, lambda site, topic: titles.overview_title(topic),
                    lambda site, topic: topic.summary, per="topic")
FACTORS = PageKind("factors", "factors.md.j2", paths.factors_page, lambda site, topic: titles.FACTORS_TITLE,
                   lambda site, topic: titles.factors_description(topic), per="topic")
SUMMARY = PageKind("summary", "summary.md.j2", paths.summary_page, lambda site, topic: titles.summary_title(topic),
                   lambda site, topic: titles.summary_description(topic), per="topic")
LARGE_PRINT = PageKind("large-print", "summary.md.j2", paths.large_print_page,
                       lambda site, topic: titles.large_print_title(topic),
                       lambda site, topic: titles.large_print_description(topic), per="topic")
FOR_CLINICS_TOPIC = PageKind("for-clinics", "for-clinics-topic.md.j2", paths.for_clinics_topic_page,
                             lambda site, topic: titles.for_clinics_topic_title(topic),
                             lambda site, topic: titles.for_clinics_topic_description(topic), per="topic",
                             audience=CLINICS)
EMBED = PageKind("embed", "embed.html.j2", paths.embed_card, lambda site, topic: titles.embed_title(topic),
                 lambda site, topic: titles.embed_description(topic), per="topic", audience=CLINICS)
STATEMENTS_REPORT = PageKind("statements-report", "statements-report.md.j2", paths.statements_report,
                             lambda site, topic: titles.statements_report_title(topic),
                             lambda site, topic: titles.statements_report_description(topic), per="topic",
                             audience=EDITORS)

# A page for each treatment, and for each answer to each factor.
TREATMENT = PageKind("treatment", "treatment.md.j2", paths.treatment_page,
                     lambda site, topic, treatment: treatment.name,
                     lambda site, topic, treatment: lead(topic, treatment).text, per="treatment")
SITUATION = PageKind("situation", "situation.md.j2", paths.situation_page,
                     lambda site, topic, factor, value: titles.situation_title(factor, value),
                     lambda site, topic, factor, value: titles.situation_description(factor, value), per="answer")

ALL = (HOME, GLOSSARY, ABOUT, FOR_CLINICS, INFOBUTTON, CONTENT_REPORT, FIELD_REFERENCE, OVERVIEW, FACTORS, SUMMARY,
       LARGE_PRINT, FOR_CLINICS_TOPIC, EMBED, STATEMENTS_REPORT, TREATMENT, SITUATION)
