"""The PDFs `make build` makes: printed by Chromium from the built summaries, at their fixed addresses, with
title, author, language and tags; and a one-line reason when they cannot be made."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import ROOT, TOPIC, build_or_fail, plan_for, serving
from patient_info.content.check import load_site
from patient_info.take_away import pdfs
from patient_info.take_away.pdfs import PdfError, PdfJob, make_pdfs, pdf_jobs, with_metadata
from printing import print_to_pdf, read_pdf

SITE_URL = "https://patient-info.example.org/"


# Without a browser -------------------------------------------------------------

def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_metadata_sets_title_author_subject_and_language():
    job = PdfJob(Path("page.html"), Path("out.pdf"), "A title: with a colon", "What it is.", "Patient information")
    reader = PdfReader(io.BytesIO(with_metadata(blank_pdf(), job, language="en-GB")))
    assert reader.metadata.title == "A title: with a colon"
    assert reader.metadata.author == "Patient information"
    assert reader.metadata.subject == "What it is."
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_each_topic_gets_a_summary_and_a_large_print_pdf_beside_its_pages(tmp_path):
    jobs = pdf_jobs(plan_for(ROOT / "content", judge_text=False).pdfs, tmp_path)
    assert [str(job.pdf.relative_to(tmp_path)) for job in jobs] == [f"{TOPIC}/summary.pdf",
                                                                   f"{TOPIC}/summary-large-print.pdf"]
    assert [str(job.page.relative_to(tmp_path)) for job in jobs] == [f"{TOPIC}/summary/index.html",
                                                                    f"{TOPIC}/summary/large-print/index.html"]


def test_an_unbuilt_site_stops_with_one_line_saying_to_build_it(tmp_path):
    with pytest.raises(PdfError, match=r"^build the site first \(make build\): .*/summary/index\.html, .* not found$"):
        make_pdfs(pdf_jobs(plan_for(ROOT / "content", judge_text=False).pdfs, tmp_path))


def test_without_chromium_the_reason_is_one_line_with_the_command_to_run(tmp_path, monkeypatch):
    jobs = pdf_jobs(plan_for(ROOT / "content", judge_text=False).pdfs, tmp_path)
    for job in jobs:
        job.page.parent.mkdir(parents=True, exist_ok=True)
        job.page.write_text("<html lang=en></html>")
    monkeypatch.setattr(pdfs, "CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(PdfError) as error:
        make_pdfs(jobs)
    assert "\n" not in str(error.value) and "apt-get install chromium" in str(error.value)


# After a real build, as make build makes them ----------------------------------

@pytest.fixture(scope="module")
def built_with_pdfs(tmp_path_factory):
    site = build_or_fail(tmp_path_factory.mktemp("pdfs") / "site")
    # As make build runs it: the site folder named relative to the working folder.
    made = subprocess.run([sys.executable, "-m", "patient_info.cli", "pdfs", site.root.name,
                           "--content", str(ROOT / "content")], cwd=site.root.parent, capture_output=True, text=True,
                          timeout=300)
    assert made.returncode == 0, made.stderr
    return site


def pdf_links(site) -> list[dict]:
    return [link for link in json.loads((site.root / "links.json").read_text("utf-8"))["links"]
            if link["kind"] == "pdf"]


@pytest.mark.build
def test_links_json_lists_both_pdfs_and_each_is_where_it_says(built_with_pdfs):
    links = pdf_links(built_with_pdfs)
    assert [link["url"] for link in links] == [f"{SITE_URL}{TOPIC}/summary.pdf",
                                               f"{SITE_URL}{TOPIC}/summary-large-print.pdf"]
    for link in links:
        path = built_with_pdfs.root / link["url"].removeprefix(SITE_URL)
        assert path.read_bytes().startswith(b"%PDF-")


@pytest.mark.build
def test_the_topics_page_for_clinics_lists_both_pdfs(built_with_pdfs):
    page = built_with_pdfs.page(f"/for-clinics/{TOPIC}/")
    hrefs = {a["href"] for a in page.select(".link-card__url a")}
    assert {f"{SITE_URL}{TOPIC}/summary.pdf", f"{SITE_URL}{TOPIC}/summary-large-print.pdf"} <= hrefs


@pytest.mark.build
@pytest.mark.parametrize("pdf, page", [("summary.pdf", "summary/"), ("summary-large-print.pdf", "summary/large-print/")])
def test_each_pdf_has_title_language_author_tags_and_the_pages_text(built_with_pdfs, pdf, page):
    reader = PdfReader(built_with_pdfs.root / TOPIC / pdf)
    built = built_with_pdfs.page(f"/{TOPIC}/{page}")
    assert reader.metadata.title == built.select_one(".handout h1").get_text(" ", strip=True)
    assert reader.metadata.author == "Patient information"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged: a structure tree for screen readers
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())  # selectable text
    for name in load_site(ROOT / "content").topics[0].treatments:
        assert name.name in text
    assert "Last reviewed: 28 November 2026" in text


@pytest.mark.build
@pytest.mark.parametrize("pdf, page", [("summary.pdf", "summary/"), ("summary-large-print.pdf", "summary/large-print/")])
def test_each_pdf_has_as_many_pages_as_the_page_prints_on_a4(built_with_pdfs, browser, pdf, page):
    made = read_pdf((built_with_pdfs.root / TOPIC / pdf).read_bytes())
    with serving(built_with_pdfs) as served:
        tab = browser.new_page()
        try:
            tab.goto(served.url(f"/{TOPIC}/{page}"))
            printed = print_to_pdf(tab, "A4")
        finally:
            tab.close()
    assert len(made.pages) == len(printed.pages)
    assert min(made.font_sizes) >= (12 if pdf == "summary.pdf" else 16)


@pytest.mark.build
@pytest.mark.parametrize("pdf", ["summary.pdf", "summary-large-print.pdf"])
def test_each_pdf_holds_every_statement_whole_and_opens_with_its_source_and_review_status(built_with_pdfs, pdf):
    """What a patient keeps: the PDF's own text, not the page it was printed from. Every statement of the topic is
    there whole (its words in order, whatever the line breaks), and side one names the source and says whether a
    doctor or nurse has checked it."""
    made = read_pdf((built_with_pdfs.root / TOPIC / pdf).read_bytes())
    topic = load_site(ROOT / "content").topics[0]
    whole = made.compact()
    missing = [s.id for s in topic.statements if "".join(s.text.split()) not in whole]
    assert missing == []
    first = "".join(made.pages[0].split())
    for source in topic.sources:
        assert "".join(source.publisher.split()) in first
    if not topic.review.clinically_reviewed:
        assert "Adoctorornursehasnotyetcheckedthisinformation" in first
