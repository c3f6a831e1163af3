"""A clinic's links land on the right page: followed from a clinic's web page by an HTTP client and by Chromium.

The site is the real content plus the fixture topic, whose old ids (aliases) give
old addresses to follow. The clinic page is served from another port, as another
site would be.
"""

import json
import shutil
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import EXAMPLE_CONTENT, FIXTURES, ROOT, add_glossary_entries, build_or_fail
from serving import serve

pytestmark = pytest.mark.build  # every test here builds a site

SITE_URL = "https://patient-info.example.org/"
CLINIC_PAGE = FIXTURES / "clinic-page.html"


@pytest.fixture(scope="module")
def linking_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("linking") / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(EXAMPLE_CONTENT / "glimmer-fever", content / "glimmer-fever")
    add_glossary_entries(content / "glossary.yaml", EXAMPLE_CONTENT / "glossary.yaml")
    site = build_or_fail(content.parent / "site", content)
    with serve(site.root) as base_url:
        yield site, base_url


@pytest.fixture(scope="module")
def clinic(linking_site, tmp_path_factory):
    """The clinic page, its links pointed at the served site, on a server of its own."""
    _, base_url = linking_site
    folder = tmp_path_factory.mktemp("clinic")
    (folder / "index.html").write_text(CLINIC_PAGE.read_text("utf-8").replace(SITE_URL, base_url + "/"), "utf-8")
    with serve(folder) as clinic_url:
        yield clinic_url + "/"


def clinic_links():
    soup = BeautifulSoup(CLINIC_PAGE.read_text("utf-8"), "html.parser")
    return [a for a in soup.select("a[data-kind]")]


LINKS = clinic_links()
IDS = [f"{a['data-kind']}:{urlsplit(a['href']).path}" for a in LINKS]


def follow(url: str, hops: int = 5):
    """Fetch like a browser without JavaScript would: HTTP redirects, then any meta refresh."""
    for _ in range(hops):
        with urllib.request.urlopen(url, timeout=10) as response:  # follows HTTP redirects
            status, final = response.status, response.geturl()
            soup = BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            return status, final, soup
        url = urljoin(final, refresh["content"].split("url=", 1)[1])
    raise AssertionError(f"more than {hops} redirects from {url}")


@pytest.mark.parametrize("link", LINKS, ids=IDS)
def test_http_client_follows_each_clinic_link_to_its_page(linking_site, link):
    _, base_url = linking_site
    href = link["href"].replace(SITE_URL, base_url + "/")
    status, final, page = follow(href)
    assert status == 200
    assert urlsplit(final).path == link.get("data-expect-path-without-javascript", link["data-expect-path"])
    assert [h1.get_text(" ", strip=True) for h1 in page.find_all("h1")] == [
        link.get("data-expect-h1-without-javascript", link["data-expect-h1"])]
    if link.get("data-expect-id"):
        assert page.find(id=link["data-expect-id"]) is not None


@pytest.mark.parametrize("index, link", list(enumerate(LINKS)), ids=IDS)
def test_browser_follows_each_clinic_link_from_the_clinic_page(clinic, browser, index, link):
    page = browser.new_page()
    try:
        page.goto(clinic)
        page.locator("a[data-kind]").nth(index).click()
        expect(page.locator("h1")).to_have_text(link["data-expect-h1"])  # waits through any meta refresh
        assert urlsplit(page.url).path == link["data-expect-path"]
        if link.get("data-expect-id"):
            target = page.locator(f"[id='{link['data-expect-id']}']")
            assert target.count() == 1
            top = target.evaluate("element => element.getBoundingClientRect().top")
            assert 0 <= top < page.viewport_size["height"], "the browser did not scroll to the anchor"
    finally:
        page.close()


def test_clinic_page_has_a_link_of_every_kind_in_links_json(linking_site):
    site, _ = linking_site
    kinds = {link["kind"] for link in json.loads((site.root / "links.json").read_text("utf-8"))["links"]}
    assert "pdf" in kinds
    kinds.remove("pdf")  # made after the site is built; tests/take_away/test_pdfs.py follows those links
    embedded = BeautifulSoup(CLINIC_PAGE.read_text("utf-8"), "html.parser").select("iframe[data-kind]")
    in_fixture = {a["data-kind"] for a in [*LINKS, *embedded]}
    missing = kinds - in_fixture
    assert not missing, f"add a link of kind {sorted(missing)} to {CLINIC_PAGE.relative_to(ROOT)}"
    assert {"old-address", "old-anchor"} <= in_fixture
