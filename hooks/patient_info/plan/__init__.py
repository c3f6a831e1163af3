"""The publication plan: every file a build publishes, and the verdict on it, decided in one place.

From the content and the settings, `make_plan` returns every page (its kind, address, title, Markdown
and the statements it shows), every file published beside the pages (links.json, code answers,
forwarding pages, cards, QR codes), the PDFs to print once the pages are built, the menu, and the
verdict: mistakes that stop any build, warnings that stop a strict one (long words the glossary does
not explain, a summary that will not fit its sheet, a vanished address, and the published text's
sentence length and reading level), and notices. `patient-info check` and the MkDocs hooks both ask
for the plan, so that one never passes what the other stops, and `patient-info plan` prints it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import page_kinds
from ..built_pages.readability import Readability
from ..content.check import CheckResult, check_content
from ..content.web_addresses import web_address_problem
from ..content.files import display_path
from ..content.load import load_document
from ..errors import ContentError, fault, guarded, listed_per_file
from ..links.addresses import FILE_NAME as ADDRESSES_FILE, vanished_addresses
from ..links.catalogue import Link, catalogue
from ..links.machine_readable import machine_readable_files
from ..links.qr import QrFile, qr_files
from ..links.redirects import redirect_files
from ..model.site import Site
from ..pages.embed import embed_files
from ..pages.handout import Handout, plan_sheet
from ..pages.render import Inputs, Page, PagesToRender, pages_to_render_later, render_pages, summary_handouts
from ..wording import wording
from .. import workers
from .going_live import going_live_mistakes, missing_help_notice
from .published_text import SourceFiles, TextProblem, readings, text_problems
from .settings import Settings

SITE_URL_EXAMPLE = "https://info.example-clinic.org/"


@dataclass(frozen=True)
class PublishedFile:
    """A file published as it is, at `path` in the site folder: its content, or a file on disk to copy."""

    path: str
    content: str | bytes | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PdfToPrint:
    """A PDF printed from a built page after the build (take_away/pdfs.py)."""

    page: str  # the page's address
    pdf: str  # the PDF's path in the site folder
    title: str
    subject: str
    author: str
    also_at: tuple[str, ...] = ()  # old addresses (a renamed topic's) that get a copy: a file cannot forward


@dataclass(frozen=True)
class Plan:
    settings: Settings
    site: Site | None  # None while there are mistakes
    errors: list[ContentError]  # stop any build
    warnings: list[ContentError] = field(default_factory=list)  # stop a strict build
    notices: list[ContentError] = field(default_factory=list)  # stop nothing
    unexplained: list[ContentError] = field(default_factory=list)  # among the warnings: for the content report
    page_problems: tuple[TextProblem, ...] = ()  # among the warnings: those about one page's text
    pages: tuple[Page, ...] = ()
    files: tuple[PublishedFile, ...] = ()
    qr_codes: tuple[QrFile, ...] = ()  # published from the cache; the build draws those it lacks
    pdfs: tuple[PdfToPrint, ...] = ()
    links: tuple[Link, ...] = ()
    readings: Mapping[str, Readability] = field(default_factory=dict)  # each patient page's text figures
    hand_written: tuple[str, ...] = ()  # the hand-written pages in docs/ (the editors' guide), by source path
    # A large site's build: the topics' own pages, outlined in `pages`, that the build renders while MkDocs works.
    to_render: PagesToRender | None = None

    @property
    def written_after_the_pages(self) -> tuple[str, ...]:
        """What the build writes once the pages are written, from them: the content report's figures, the
        headers file for static hosts (a rule for each top-level folder), and the search's files (pagefind/ and
        search-names/, but in the offline copy, which keeps the theme's own search)."""
        return ("content-report.json", "_headers",
                *(() if self.settings.offline else ("pagefind/", "search-names/")))

    @property
    def language(self) -> str:
        return self.site.settings.language if self.site else "en"

    def menu(self) -> list:
        """The menu, as source paths in MkDocs' nav shape: a page, or {title: [pages]} for a section."""
        words = wording(self.language)
        site_kinds = sorted((k for k in page_kinds.ALL if k.per == "site" and k.menu is not None), key=_menu)
        topic_kinds = sorted((k for k in page_kinds.ALL if k.per != "site" and k.menu is not None), key=_menu)
        before = [k.src_uri() for k in site_kinds if k.menu < _TOPICS_IN_MENU]
        after = [k.src_uri() for k in site_kinds if k.menu >= _TOPICS_IN_MENU]
        topics = []
        for topic in self.site.topics:
            section: list = []
            for kind in topic_kinds:
                pages = [kind.src_uri(*subject) for subject in kind.subjects_in(topic)]
                section += pages if kind.per == "topic" else [{words(_SECTION[kind.per]): pages}]
            topics.append({topic.title: section})
        return before + topics + after


# Where the topics' sections go among the site's own pages in the menu, and what a section of many pages of
# one kind is called there.
_TOPICS_IN_MENU = 50
_SECTION = {"treatment": "Treatments"}


def _menu(kind: page_kinds.PageKind) -> int:
    return kind.menu


def make_plan(settings: Settings, *, judge_text: bool = True, render_later: bool = False) -> Plan:
    """Everything the content decides about a build. With settings.topics (the editors' preview of part of a
    library), the other topics are left out.

    With render_later (a build, which does not judge the text here), a site of PARALLEL_FROM topics or more has
    its topics' own pages outlined, not rendered: `to_render` says what the build renders beside MkDocs.

    With judge_text (`make check`), each page's Markdown is turned into HTML and its text judged here. A
    build leaves that to MkDocs, which turns every page into HTML anyway: it judges that HTML with the same
    functions (`judge_published_text`) before it writes any page."""
    url_error = site_url_mistake(settings.site_url)
    if url_error is not None:
        return Plan(settings, None, [url_error])
    # A fault in judging (an exception no check expected) is a mistake too, naming what was being read: never
    # a traceback, and in the preview never a page that does not answer.
    try:
        result = check_content(settings.content_dir, today=settings.today, overdue_is_error=settings.strict,
                               only_topics=settings.topics)
        if result.errors:
            return Plan(settings, None, listed_per_file(result.errors), notices=result.notices)
        # A site that is not a demonstration publishes no placeholder: any build stops, the preview warns.
        not_ready = going_live_mistakes(settings.content_dir, result.site.settings, settings.site_url)
        if not_ready and not settings.preview:
            return Plan(settings, None, not_ready, notices=result.notices)
        return _plan_site(settings, result, judge_text, not_ready, render_later and not judge_text)
    except Exception as error:  # noqa: BLE001 - see errors.fault
        return Plan(settings, None, [fault(display_path(settings.content_dir), error)])


def _plan_site(settings: Settings, result: CheckResult, judge_text: bool, not_ready: list[ContentError],
               render_later: bool = False) -> Plan:
    site = result.site
    words = wording(site.settings.language)
    inputs = Inputs(site.settings.language, settings.site_url, summary_handouts(site, language=site.settings.language, site_url=settings.site_url),
                    pdfs="preview" if settings.preview else "offline" if settings.offline else "made")
    links = catalogue(site, words)
    later = None
    if render_later and len(site.topics) >= workers.PARALLEL_FROM:
        outlined, later = pages_to_render_later(site, inputs, links)
        pages = tuple(outlined)
    else:
        pages = tuple(render_pages(site, inputs, links))
    codes = tuple(qr_files(links, settings.site_url, cache=settings.cache_dir / "qr"))
    files = tuple(PublishedFile(file.path, file.content) for file in [
        *redirect_files(site, links, settings.site_url, words.language),
        *machine_readable_files(site, links, settings.site_url, words),
        *embed_files(site, links, settings.site_url, words.language, today=settings.today)])
    warnings = [*result.unexplained, *_handouts_too_long(settings.content_dir, inputs.handouts), *not_ready]
    help_notice = missing_help_notice(settings.content_dir, site.settings)
    notices = [*result.notices, *([help_notice] if help_notice else [])]
    shown = f"{display_path(settings.content_dir)}/{ADDRESSES_FILE}"
    warnings += vanished_addresses(settings.content_dir / ADDRESSES_FILE, shown, links)
    plan = Plan(settings, site, [], listed_per_file(warnings), notices, result.unexplained, (), pages,
                files, codes,
                tuple(_pdfs(site, words)), links, hand_written=_hand_written(settings.docs_dir), to_render=later)
    return judge_published_text(plan, readings(pages, site.glossary)) if judge_text else plan


def judge_published_text(plan: Plan, figures: Mapping[str, Readability]) -> Plan:
    """The plan with the published text judged: each patient page's figures, and a warning for each sentence
    too long and each page too hard to read, at the content line that made it."""
    problems = tuple(text_problems(figures, plan.pages, SourceFiles(plan.settings.content_dir)))
    return replace(plan, readings=dict(figures), page_problems=problems,
                   warnings=listed_per_file(plan.warnings + [problem.error for problem in problems]))


def _pdfs(site: Site, words) -> list[PdfToPrint]:
    """Each topic's summaries, printed to PDF from their built pages."""
    author = site.settings.name
    # A PDF's title and subject are its page's: they name the document, not the file.
    return [PdfToPrint(page.address(topic), pdf.src_uri(topic), page.title(words, site, topic),
                       page.description(words, site, topic), author, tuple(pdf.all_src_uris(topic)[1:]))
            for topic in site.topics
            for page, pdf in ((page_kinds.SUMMARY, page_kinds.SUMMARY_PDF),
                              (page_kinds.LARGE_PRINT, page_kinds.LARGE_PRINT_PDF))]


def _hand_written(docs_dir: Path | None) -> tuple[str, ...]:
    """Pages written by hand in docs/ (the theme's overrides are not pages: mkdocs.yml leaves them out)."""
    if docs_dir is None or not docs_dir.is_dir():
        return ()
    return tuple(sorted(str(path.relative_to(docs_dir)) for path in docs_dir.rglob("*.md")
                        if path.relative_to(docs_dir).parts[0] != "overrides"))


def _handouts_too_long(content_dir: Path, handouts: dict[str, Handout]) -> list[ContentError]:
    errors = []
    for topic_id, handout in handouts.items():
        file = Path(content_dir) / topic_id / "topic.yaml"
        errors += guarded(display_path(file), _handout_too_long, file, handout)
    return errors


def _handout_too_long(file: Path, handout: Handout) -> list[ContentError]:
    fit = plan_sheet(handout)
    if fit.fits:
        return []
    document, _ = load_document(file, display_path(file))
    return [document.error(("summary",), fit.overflow_message(), key=True)]


def site_url_mistake(site_url: str) -> ContentError | None:
    """The site's address is written on handouts, encoded in QR codes and used in canonical links: one address
    that means the same in each of them, or a message."""
    problem = web_address_problem(site_url, whole_site=True)
    if problem is None:
        return None
    return ContentError("SITE_URL", None, None, f"the site's web address '{site_url[:200]}' cannot be used: {problem}",
                        f"set SITE_URL, or site_url in mkdocs.yml, to an address such as {SITE_URL_EXAMPLE}")

