"""A large site's pages are rendered and read partly in worker processes, with the same results as all at once."""

import shutil

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.built_pages import page_reading
from patient_info import workers
from patient_info.content.check import load_site
from patient_info.built_pages.page_reading import PageReader, PageToRead
from patient_info.links.catalogue import catalogue
from patient_info.pages.render import Inputs, render_pages, summary_handouts
from patient_info.wording import wording

GLOSSARY = load_site(ROOT / "content").glossary
PAGES = [
    PageToRead("<h1>Your treatment</h1><p>You may have chemotherapy. Surgery may follow.</p>", "../glossary/", True),
    PageToRead("<p>Ablation uses heat. Ablation is not surgery.</p>", "../../glossary/", True),
    PageToRead("<p>Links for clinics: chemotherapy.</p>", None, False),
]
SITE_URL = "https://example.org/"


def test_worker_process_reads_pages_as_they_are_read_at_once(monkeypatch):
    at_once = PageReader(GLOSSARY, pages=len(PAGES))
    monkeypatch.setattr(page_reading, "BACKGROUND_FROM_PAGES", 2)
    monkeypatch.setattr(page_reading, "BATCH", 2)
    in_worker = PageReader(GLOSSARY, pages=len(PAGES))
    assert at_once.pool is None and in_worker.pool is not None
    for number, page in enumerate(PAGES):
        at_once.add(number, page)
        in_worker.add(number, page)
    keyed = in_worker.results()
    assert keyed == at_once.results() and [number for number, _ in keyed] == [0, 1, 2]
    results = [reading for _, reading in keyed]
    assert 'href="../glossary/#chemotherapy"' in results[0].html
    assert results[0].readability.sentences == 3 and results[2].readability is None


def rendered(site):
    inputs = Inputs("en", SITE_URL, summary_handouts(site, language="en", site_url=SITE_URL))
    return render_pages(site, inputs, catalogue(site, wording("en")))


def test_a_large_site_renders_its_topics_in_worker_processes_with_the_same_pages(monkeypatch, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    shutil.copytree(ROOT / "content" / "secondary-liver-cancer", content / "secondary-liver-cancer")
    site = load_site(content)
    at_once = rendered(site)
    # Worker processes from two topics on, one topic per task: each worker renders one.
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "PER_TASK", 1)
    shared = rendered(site)
    assert shared == at_once and len(at_once) > 20
