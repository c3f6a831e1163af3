"""Every kind of page and file the site publishes for readers, each declared once, as one record.

A record says where the page is published (its source file's pattern, from its subject's ids), its
title and one-line description in the site's language, its template, which statements it shows
(a view of the one selection rule, model/selection.py), who it is for, its place in the menu, and
whether clinics may link to it. Everything else loops over these records: the plan of what a build
publishes (plan/), the rendering of pages (pages/render.py), the catalogue of links and what is made
from it (links/: links.json, QR codes, <head>, forwarding pages), the menu, the folders no topic may
be named after, the hints for a vanished address, and the editors' field reference.

To add a kind of page: add its record here and to ALL, write its template in pages/templates/, and
test it. tests/test_page_kinds.py holds every record to what the build writes.

A page's subject is what it is about (SUBJECTS): nothing for the site's own pages, a topic, a topic
and one of its treatments, factors (a section of the factors page) or a factor's answers, or a topic
and one of its diagnosis codes. A record holds functions, so it is not sent to worker processes:
send its name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .model.audiences import CLINICS, EDITORS, PATIENTS
from .model.codes import CODE_SYSTEMS, Code
from .model.paths import url
from .model import selection
from .model.selection import Group
from .model.site import Site, Topic
from .wording import N_

# What a page can be about, and what its patterns and templates call each part of it.
SUBJECTS = {"site": (), "topic": ("topic",), "treatment": ("topic", "treatment"), "factor": ("topic", "factor"),
            "answer": ("topic", "factor", "value"), "code": ("topic", "code")}
# Folders of the site that are not pages of ours: the theme's files, its search, and docs/'s own folders.
THEME_FOLDERS = frozenset({"assets", "search", "overrides", "pagefind", "search-names"})

Title = Callable[..., str]  # (wording, site, *subject) -> text
_PLACEHOLDER = {"value": "answer", "system": "code system"}


@dataclass(frozen=True)
class PageKind:
    name: str  # the catalogue's kind of link, in links.json
    file: str  # the source file, a pattern of the subject's ids: "{topic}/treatments/{treatment}.md"
    title: Title
    description: Title
    template: str | None = None  # in pages/templates/ (or pages/embed_templates/ for .html); None: made otherwise
    per: str = "site"  # a key of SUBJECTS
    audience: str = PATIENTS
    menu: int | None = None  # its place in the menu: site pages in this order, a topic's pages within its section
    linkable: bool = True  # offered to clinics: catalogue, links.json, <head>, QR code
    statements: Callable[..., tuple[Group, ...]] | None = None  # the view of the selection rule it shows
    label: str = ""  # what a page of this kind is, for the address tables of clinics' and editors' pages
    # Found by the site's search (built_pages/search_index.py). Editors' pages never are; pages that repeat what
    # another page says (the printable summaries, the pages for one answer) are left out so as not to crowd it.
    searchable: bool = True

    def __post_init__(self):
        if self.per not in SUBJECTS:
            raise ValueError(f"PageKind {self.name!r}: per must be one of {', '.join(SUBJECTS)}, not {self.per!r}")
        if self.audience == EDITORS and self.searchable:
            object.__setattr__(self, "searchable", False)  # patients searching never land on a page for editors

    @property
    def subject_names(self) -> tuple[str, ...]:
        return SUBJECTS[self.per]

    @property
    def is_page(self) -> bool:
        """A page MkDocs builds from Markdown (the others are files published as they are, or anchors)."""
        return self.file.split("#")[0].endswith(".md")

    @property
    def top_folder(self) -> str | None:
        """The site folder the kind's files live in when it is fixed (not a topic's id)."""
        first = self.file.split("/")[0]
        return None if "{" in first or "/" not in self.file else first

    def src_uri(self, *subject: Any) -> str:
        return self.file.format(**_ids(self.subject_names, subject))

    def address(self, *subject: Any) -> str:
        return url(self.src_uri(*subject))

    def all_src_uris(self, *subject: Any) -> list[str]:
        """The page's file first, then every other combination of current and old ids: its old addresses."""
        choices = [_choices(name, part) for name, part in zip(self.subject_names, subject, strict=True)]
        found = [self.file.format(**{name: value for part in ids for name, value in part})
                 for ids in itertools.product(*choices)]
        return list(dict.fromkeys(found))  # a pattern without an id (a code's address) has no old addresses

    @property
    def address_pattern(self) -> str:
        """The published address with its subject's ids as <placeholders>: "<topic>/treatments/<treatment>/"."""
        return re.sub(r"\{(\w+)\}", lambda found: f"<{_PLACEHOLDER.get(found.group(1), found.group(1))}>",
                      url(self.file))

    def subjects(self, site: Site) -> Iterator[tuple]:
        """What each page of this kind on `site` is about."""
        if self.per == "site":
            yield ()
            return
        for topic in site.topics:
            yield from self.subjects_in(topic)

    def subjects_in(self, topic: Topic) -> Iterator[tuple]:
        """What each page of this kind in one topic is about (nothing, for the site's own pages)."""
        if self.per == "topic":
            yield (topic,)
        elif self.per == "treatment":
            yield from ((topic, treatment) for treatment in topic.treatments)
        elif self.per == "factor":
            yield from ((topic, factor) for factor in topic.factors)
        elif self.per == "answer":
            yield from ((topic, factor, value) for factor in topic.factors for value in factor.values)
        elif self.per == "code":
            yield from ((topic, code) for code in topic_codes(topic))

    def shows(self, *subject: Any) -> tuple[Group, ...]:
        """The statements a page of this kind shows, grouped as the view chooses and arranged by the rule."""
        return self.statements(*subject) if self.statements else ()


def topic_codes(topic: Topic) -> tuple[Code, ...]:
    return (*(Code("icd10", c) for c in topic.codes.icd10), *(Code("snomed", c) for c in topic.codes.snomed))


def _ids(names: tuple[str, ...], subject: tuple) -> dict[str, str]:
    """The current ids that name a subject in a pattern (the first of `_choices`, made directly: every link on
    every page asks)."""
    ids = {}
    for name, part in zip(names, subject, strict=True):
        if name == "code":
            ids["system"], ids["code"] = part.system, part.code
        else:
            ids[name] = part.id
    return ids


def _choices(name: str, part: Any) -> list[tuple[tuple[str, str], ...]]:
    """The ids a subject's part can be named by in a pattern: its id, then its old ids."""
    if name == "code":
        return [(("system", part.system), ("code", part.code))]
    return [((name, id_),) for id_ in (part.id, *part.aliases)]


def _fixed(text: str) -> Title:
    return lambda w, site, *subject: w(text)


# The site's own pages ------------------------------------------------------------------------------------
HOME = PageKind("home", "index.md", lambda w, site: site.settings.name,
                _fixed(N_("Clear information about conditions and their treatments, to read before or after you "
                          "talk to your care team.")), template="home.md.j2", menu=0,
                          label=N_("The home page"))
GLOSSARY = PageKind("glossary", "glossary.md", _fixed(N_("Glossary")),
                    _fixed(N_("What the medical words on this site mean, in plain words.")),
                    template="glossary.md.j2", menu=90,
                    label=N_("The glossary (each word at #<term>)"))
ABOUT = PageKind("about", "about.md", _fixed(N_("About this information")),
                 _fixed(N_("Who publishes this information, how it is written and checked, and who to contact.")),
                 template="about.md.j2", menu=91,
                 label=N_("Who publishes this information and how it is checked"))
FOR_CLINICS = PageKind("for-clinics", "for-clinics.md", _fixed(N_("Linking to this information")),
                       _fixed(N_("Web addresses that keep working, links by diagnosis code, QR codes and a "
                                 "machine-readable list, for clinics that link to this information.")),
                       template="for-clinics.md.j2", audience=CLINICS,
                       label=N_("Linking to this information, for clinics"))
INFOBUTTON = PageKind("infobutton", "link/index.md", _fixed(N_("Information by diagnosis code")),
                      _fixed(N_("The address record systems and patient portals send diagnosis codes to (HL7 "
                                "infobutton requests): it opens the topic for the code.")),
                      template="infobutton.md.j2", audience=CLINICS,
                      label=N_("Where record systems send infobutton requests"))
CONTENT_REPORT = PageKind("content-report", "editors/content-report.md", _fixed(N_("Content report")),
                          _fixed(N_("How easy each page is to read.")), template="content-report.md.j2",
                          audience=EDITORS, linkable=False,
                          label=N_("How easy each page is to read, for editors"))
FIELD_REFERENCE = PageKind("field-reference", "editors/field-reference.md", _fixed(N_("Field reference")),
                           _fixed(N_("Every field of every content file, from the JSON Schemas.")),
                           template="field-reference.md.j2", audience=EDITORS, linkable=False,
                           label=N_("Every field of every content file, for editors"))

# A topic's pages -------------------------------------------------------------------------------------------
OVERVIEW = PageKind("topic", "{topic}/index.md", lambda w, site, topic: w("{topic}: treatment overview",
                                                                        topic=topic.title),
                    lambda w, site, topic: topic.summary, template="overview.md.j2", per="topic", menu=1,
                    statements=selection.overview,
                    label=N_("A topic's treatment overview"))
FACTORS = PageKind("factors", "{topic}/how-treatment-is-chosen.md", _fixed(N_("How your treatment is chosen")),
                   lambda w, site, topic: w("What decides the treatment for {topic}.", topic=topic.title.lower()),
                   template="factors.md.j2", per="topic", menu=3, statements=selection.factor_page,
                   label=N_("How treatment is chosen"))
SUMMARY = PageKind("summary", "{topic}/summary.md",
                   lambda w, site, topic: w("{topic}: treatment summary", topic=topic.title),
                   lambda w, site, topic: w("A printable summary of {topic} and its treatments, on one sheet of "
                                            "paper.", topic=topic.title.lower()),
                   template="summary.md.j2", per="topic", menu=5, statements=selection.summary,
                   label=N_("A topic's printable summary"), searchable=False)
LARGE_PRINT = PageKind("large-print", "{topic}/summary/large-print.md",
                       lambda w, site, topic: w("{topic}: treatment summary in large print", topic=topic.title),
                       lambda w, site, topic: w("The printable summary of {topic} in large print, for people who "
                                                "find small print hard to read.", topic=topic.title.lower()),
                       template="summary.md.j2", per="topic", statements=selection.summary,
                       label=N_("The summary in large print"), searchable=False)
# The summaries as PDFs, printed from their pages after the site is built (take_away/pdfs.py).
SUMMARY_PDF = PageKind("pdf", "{topic}/summary.pdf",
                       lambda w, site, topic: w("{topic}: treatment summary (PDF)", topic=topic.title),
                       lambda w, site, topic: w("The printable summary of {topic} as a PDF, to attach to a letter or "
                                                "a message.", topic=topic.title.lower()), per="topic",
                                                label=N_("The summary as a PDF"))
LARGE_PRINT_PDF = PageKind("pdf", "{topic}/summary-large-print.pdf",
                           lambda w, site, topic: w("{topic}: treatment summary in large print (PDF)",
                                                    topic=topic.title),
                           lambda w, site, topic: w("The large-print summary of {topic} as a PDF, to attach to a "
                                                    "letter or a message.", topic=topic.title.lower()), per="topic",
                                                    label=N_("The large-print summary as a PDF"))
FOR_CLINICS_TOPIC = PageKind("for-clinics", "for-clinics/{topic}.md",
                             lambda w, site, topic: w("Links for {topic}", topic=topic.title.lower()),
                             lambda w, site, topic: w("Web addresses for {topic} that keep working, with QR codes "
                                                      "and HTML to paste.", topic=topic.title.lower()),
                             template="for-clinics-topic.md.j2", per="topic", audience=CLINICS,
                             label=N_("A topic's links for clinics"))
EMBED = PageKind("embed", "embed/{topic}/index.html",
                 lambda w, site, topic: w("Card for your web page: {topic}", topic=topic.title.lower()),
                 lambda w, site, topic: w("A small card about {topic} to show on your own web page, always up to "
                                          "date.", topic=topic.title.lower()),
                 template="embed.html.j2", per="topic", audience=CLINICS,
                 label=N_("A topic's card for your web page"))
STATEMENTS_REPORT = PageKind("statements-report", "editors/statements/{topic}.md",
                             lambda w, site, topic: w("Statements and their source: {topic}", topic=topic.title),
                             lambda w, site, topic: w("Each statement about {topic} beside the source words it "
                                                      "restates.", topic=topic.title.lower()),
                             template="statements-report.md.j2", per="topic", audience=EDITORS, linkable=False,
                             label=N_("A topic's statements beside their source, for editors"))

# A page for each treatment and each answer; a section of the factors page for each factor ------------------
TREATMENT = PageKind("treatment", "{topic}/treatments/{treatment}.md", lambda w, site, topic, treatment: treatment.name,
                     lambda w, site, topic, treatment: " ".join(s.text for s in selection.description(topic,
                                                                                                      treatment)),
                     template="treatment.md.j2", per="treatment", menu=4, statements=selection.treatment_page,
                     label=N_("One treatment"))
SITUATION = PageKind("situation", "{topic}/situations/{factor}/{value}.md",
                     lambda w, site, topic, factor, value: value.title,
                     lambda w, site, topic, factor, value: w("What this information says about treatment if your "
                                                             "answer to '{question}' is '{answer}'.",
                                                             question=factor.question, answer=value.label),
                     template="situation.md.j2", per="answer", statements=selection.situation,
                     label=N_("What the information says for one answer to one question"),
                     searchable=False)
# The questions that decide treatment, each answer a link to its page; with JavaScript, what the information says
# for the answers a reader chooses (selection.my_situation), carried in the address after "#" so that a nurse can
# print or send it. Every statement is in the page once, hidden, in the summary's order (its view below) until the
# script shows it. It is the index of the answers' folder: an answer page's address, cut short, leads back here.
SITUATION_FINDER = PageKind("situation-finder", "{topic}/situations/index.md",
                            lambda w, site, topic: w("{topic}: your situation", topic=topic.title),
                            lambda w, site, topic: w("Choose your answers to the questions that decide treatment for "
                                                     "{topic}, and see what this information says for you.",
                                                     topic=topic.title.lower()),
                            template="situation-finder.md.j2", per="topic", menu=2, statements=selection.summary,
                            label=N_("The questions that decide treatment, and what the information says for your "
                                     "answers"),
                            # Its hidden statements would repeat the summary in the results; the menu and the
                            # overview lead to it.
                            searchable=False)
FACTOR = PageKind("factor", "{topic}/how-treatment-is-chosen.md#{factor}",
                  lambda w, site, topic, factor: factor.question,
                  lambda w, site, topic, factor: factor.explanation[0], per="factor",
                  label=N_("One thing that decides treatment (a section of a page)"))
# A diagnosis code's address: a page that forwards to the topic, and its JSON answer (links/).
CODE_LINK = PageKind("code-link", "link/{system}/{code}/index.html",
                     lambda w, site, topic, code: w("{topic} ({system} code {code})", topic=topic.title,
                                                    system=CODE_SYSTEMS[code.system].name, code=code.code),
                     lambda w, site, topic, code: topic.summary, per="code",
                     label=N_("A topic found by a diagnosis code"))

# In the order the catalogue lists them.
ALL = (HOME, OVERVIEW, SUMMARY, LARGE_PRINT, SUMMARY_PDF, LARGE_PRINT_PDF, FACTORS, FACTOR, TREATMENT,
       SITUATION_FINDER, SITUATION, FOR_CLINICS_TOPIC, EMBED, CODE_LINK, GLOSSARY, ABOUT, FOR_CLINICS, INFOBUTTON,
       CONTENT_REPORT, FIELD_REFERENCE, STATEMENTS_REPORT)


def reserved_folders() -> frozenset[str]:
    """Top-level folders the site uses itself, so that no topic may take one as its id."""
    return THEME_FOLDERS | {kind.top_folder for kind in ALL if kind.top_folder} | {
        url(kind.file).strip("/") for kind in ALL if kind.per == "site" and url(kind.file).strip("/")}

