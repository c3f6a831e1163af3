"""`make offline`: a zip of the whole site that works unpacked into a folder and opened from file://,
search included, while the published site keeps its addresses."""

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, TOPIC
from patient_info import page_kinds
from published_files import mkdocs_config, mkdocs_url, published

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


def test_every_page_is_at_the_html_address_mkdocs_gives_it_and_nothing_else_is_written(unpacked):
    """`make offline` builds with Material's offline plugin, which turns use_directory_urls off, so each page is a
    .html file. The core computes no .html address (the hooks find a page by its source path, and MkDocs resolves
    the Markdown links), so MkDocs' own rule is held here to what that build wrote, for every page and file the
    core publishes, listed by the core."""
    config = mkdocs_config(offline=True)
    assert not config.use_directory_urls
    pages, static, _ = published(ROOT / "content")
    addresses = {uri: mkdocs_url(config, uri) for uri in [*pages, *static]}
    assert addresses[page_kinds.HOME.src_uri()] == "index.html"
    assert addresses[f"{TOPIC}/treatments/ablation.md"] == f"{TOPIC}/treatments/ablation.html"
    assert [address for address in addresses.values() if not (unpacked / address).is_file()] == []
    # Besides them, the offline copy has docs/'s own pages.
    docs = ROOT / "docs"
    hand_written = {mkdocs_url(config, page.relative_to(docs).as_posix()) for page in docs.rglob("*.md")
                    if "overrides" not in page.parts}
    written = {page.relative_to(unpacked).as_posix() for page in unpacked.rglob("*.html") if "assets" not in page.parts}
    assert written - set(addresses.values()) - hand_written == set()  # the copy has no 404 page (take_away/offline.py)


# Registered before the page's own scripts, so that a policy violation during start-up is seen too.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event =>
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`));
"""
ADDRESSES = """() => [
  ...[...document.querySelectorAll("a[href], link[href], area[href]")].map(e => e.href),
  ...[...document.querySelectorAll("script[src], img[src], iframe[src], source[src]")].map(e => e.src),
  ...[...document.querySelectorAll("[data-target], [data-answer]")].flatMap(
       e => [e.dataset.target, e.dataset.answer].filter(Boolean).map(a => new URL(a, location.href).href)),
  ...[...document.querySelectorAll('meta[http-equiv="refresh"]')].map(
       e => new URL(e.content.split("url=")[1], location.href).href),
]"""


def test_every_link_of_every_page_opens_a_file_of_the_copy(unpacked, browser):
    """Each page of the zip is opened from file:// (scripts off: the addresses are the ones the pages were
    written with), and every address in it, as Chromium resolves it, is a file of the copy: no folder listing,
    nothing missing. Forwarding pages are followed to where they land."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 30
    broken, followed = {}, set()
    try:
        for html in pages:
            if 'http-equiv="refresh"' in html.read_text("utf-8"):
                # A forwarding page (an old address, a code link) is followed as a browser follows it.
                page.goto(html.as_uri(), timeout=30_000)
                page.wait_for_url(lambda url: url != html.as_uri(), timeout=10_000)
                addresses = [page.url]
            else:
                page.goto(html.as_uri(), timeout=30_000)
                addresses = page.evaluate(ADDRESSES)
            for address in addresses:
                parts = urlsplit(address)
                if parts.scheme != "file":
                    continue
                target = Path(unquote(parts.path))
                if not target.is_file() or not target.is_relative_to(unpacked):
                    broken.setdefault(str(html.relative_to(unpacked)), []).append(address)
                followed.add(target)
    finally:
        context.close()
    assert broken == {}
    assert len(followed) > 80  # pages, assets, QR codes and JSON answers: the walk reached them all


def test_every_page_of_the_copy_keeps_its_policy_from_file(unpacked, browser):
    """The offline copy's pages keep a strict policy (no inline script but the ones hashed, search's frame
    included: test_search_finds_ablation_from_file runs it) and load from file:// without a violation."""
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    failures = {}
    try:
        for html in sorted(unpacked.rglob("*.html")):
            if "refresh" in html.read_text("utf-8")[:2000]:
                continue  # forwarding pages leave at once; their target is opened in its own turn
            policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html.read_text("utf-8"))
            assert policy and "'unsafe-inline'" not in policy.group(1), html
            errors.clear()
            page.goto(html.as_uri(), wait_until="load", timeout=30_000)
            page.wait_for_timeout(100)
            found = page.evaluate("window.__violations") + errors
            if found:
                failures[str(html.relative_to(unpacked))] = found
    finally:
        context.close()
    assert failures == {}


def test_the_infobutton_page_says_it_cannot_answer_record_systems_offline(unpacked, page):
    page.goto((unpacked / "link" / "index.html").as_uri())
    note = page.locator(".offline-note")
    assert "Record systems and patient portals cannot send codes to it" in note.inner_text()
    assert not (unpacked / "404.html").exists() and not (unpacked / "_headers").exists()


def test_the_qr_downloads_and_the_footer_link_open_files(unpacked, page):
    page.goto((unpacked / "for-clinics.html").as_uri())
    qr = page.locator(".link-card__qr a").first.get_attribute("href")
    assert (unpacked / qr).is_file(), qr
    page.goto((unpacked / TOPIC / "index.html").as_uri())
    page.get_by_role("contentinfo").get_by_role("link", name="About this information").click()
    assert page.url == (unpacked / "about.html").as_uri()
