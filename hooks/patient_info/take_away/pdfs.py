"""The printable summaries as PDFs at fixed addresses, printed by Chromium from the built pages.

Run after `mkdocs build` (make build does): Debian's Chromium, the browser the tests print with,
prints each summary page at A4 exactly as a reader's browser would, tagged (a structure tree for
screen readers), with a document outline and its language. pypdf then sets the title, author and
subject from the same titles as the pages and links.json.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError, sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from ..plan import PdfToPrint

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PAPER = "A4"  # the paper of the places this information is handed out; Letter prints the same pages
MISSING_CHROMIUM = f"{CHROMIUM} is missing: run 'sudo apt-get install chromium' (make build does this as root)"
_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


class PdfError(Exception):
    """A PDF could not be made; the message says what to do."""


@dataclass(frozen=True)
class PdfJob:
    page: Path  # the built HTML page to print
    pdf: Path  # where the PDF goes, beside the page's folder
    title: str
    subject: str
    author: str
    copies: tuple[Path, ...] = ()  # the same PDF at the old addresses a renamed topic keeps (its aliases)


def pdf_jobs(pdfs: tuple[PdfToPrint, ...], site_dir: Path) -> list[PdfJob]:
    """The plan's PDFs, each with the built page it is printed from, where it goes in `site_dir`, and the old
    addresses (a renamed topic's) that get a copy of it."""
    return [PdfJob(site_dir / pdf.page / "index.html", site_dir / pdf.pdf, pdf.title, pdf.subject, pdf.author,
                   tuple(site_dir / old for old in pdf.also_at)) for pdf in pdfs]


def make_pdfs(jobs: list[PdfJob]) -> None:
    """Print every job with one Chromium."""
    missing = [str(job.page) for job in jobs if not job.page.is_file()]
    if missing:
        raise PdfError(f"build the site first (make build): {', '.join(missing)} not found")
    if not Path(CHROMIUM).exists():
        raise PdfError(MISSING_CHROMIUM)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for job in jobs:
                    _write(job, _print(browser, job))
            finally:
                browser.close()
    except PlaywrightError as error:
        raise PdfError(f"Chromium could not print the summaries: {error.message.splitlines()[0]}") from None


def _write(job: PdfJob, pdf: bytes) -> None:
    """The PDF at its address and at each old one: a static host serves a file where a page would forward."""
    for path in (job.pdf, *job.copies):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)


def _print(browser, job: PdfJob) -> bytes:
    page = browser.new_page()
    try:
        page.goto(job.page.resolve().as_uri())  # make build names the site folder relative to the repository
        printed = page.pdf(format=PAPER, tagged=True, outline=True)
    finally:
        page.close()
    return with_metadata(printed, job, language=_language(job.page))


def with_metadata(pdf: bytes, job: PdfJob, *, language: str) -> bytes:
    """The same PDF, structure tree and all, with the document's title, author, subject and language."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": job.title, "/Author": job.author, "/Subject": job.subject,
                         "/Creator": "patient-info"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _language(page: Path) -> str:
    found = _LANG.search(page.read_text("utf-8"))
    return found.group(1) if found else "en"

