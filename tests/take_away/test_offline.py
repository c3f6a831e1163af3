"""`make offline`: a zip of the whole site that works unpacked into a folder and opened from file://,
search included, while the published site keeps its addresses."""

import subprocess
import zipfile

import pytest

from conftest import ROOT, TOPIC

pytestmark = pytest.mark.build  # runs make offline, which builds the site


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    """The zip `make offline` makes, unpacked as someone would from a USB stick."""
    out = tmp_path_factory.mktemp("offline")
    made = subprocess.run(["make", "--no-print-directory", "offline", f"OFFLINE_DIR={out}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(out / "patient-info-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "patient-info"


@pytest.fixture
def page(browser):
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()


def test_the_offline_copy_loads_nothing_from_any_other_host(unpacked, page):
    page.goto((unpacked / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_a_treatment_page_is_reached_by_clicking_from_index_html(unpacked, page):
    page.goto((unpacked / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="Secondary cancer in the liver").first.click()
    page.locator("article h3 a", has_text="Ablation").click()
    assert page.url == (unpacked / TOPIC / "treatments" / "ablation.html").as_uri()
    assert page.locator("h1").inner_text() == "Ablation"


def test_search_finds_ablation_from_file(unpacked, page):
    page.goto((unpacked / TOPIC / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("ablation", delay=30)  # typed, as a reader would
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    found = results.evaluate_all("links => links.map(a => a.href)")
    assert (unpacked / TOPIC / "treatments" / "ablation.html").as_uri() in found, found


def test_the_offline_copy_searches_with_materials_search_not_pagefind(unpacked):
    # Pagefind fetches its index, which a page opened from file:// may not do.
    page = (unpacked / "index.html").read_text("utf-8")
    assert 'data-md-component="search"' in page and "data-site-search" not in page
    assert (unpacked / "search" / "search_index.json").is_file() and not (unpacked / "pagefind").exists()


def test_the_published_site_keeps_its_folder_addresses(real_site):
    assert (real_site.root / TOPIC / "treatments" / "ablation" / "index.html").is_file()
    assert not (real_site.root / TOPIC / "treatments" / "ablation.html").exists()
    assert "iframe-worker" not in (real_site.root / "index.html").read_text("utf-8")
