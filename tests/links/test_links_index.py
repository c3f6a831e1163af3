"""links.json and the code answers: valid, complete, and every address in them resolves."""

import json
import re

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from conftest import TOPIC

pytestmark = pytest.mark.build  # every test here builds a site

SITE_URL = "https://patient-info.example.org/"


def load(site, path):
    return json.loads((site.root / path).read_text("utf-8"))


def local(url: str) -> str:
    assert url.startswith(SITE_URL), url
    return "/" + url.removeprefix(SITE_URL)


def generated_pages(site, *, editors: bool = False) -> set[str]:
    """Every built page for patients and clinics (and editors, if asked), as a site path; no redirects or 404."""
    found = set()
    for file in site.html_pages():
        if file.name == "404.html" or 'http-equiv="refresh"' in file.read_text("utf-8"):
            continue
        folder = file.parent.relative_to(site.root).as_posix()
        if folder.startswith("editors") and not editors:
            continue
        found.add("/" if folder == "." else f"/{folder}/")
    return found


@pytest.fixture(scope="module", params=["real_site", "example_site"])
def site(request):
    return request.getfixturevalue(request.param)


def test_links_json_validates_against_its_published_schema(site):
    schema = load(site, "links.schema.json")
    Draft202012Validator.check_schema(schema)
    index = load(site, "links.json")
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(index))
    assert errors == []
    assert index["$schema"] == schema["$id"] == SITE_URL + "links.schema.json"


def test_links_json_lists_every_generated_page(site):
    listed = {local(link["url"]) for link in load(site, "links.json")["links"] if "#" not in link["url"]}
    assert generated_pages(site) <= listed
    assert len(generated_pages(site)) > 3


def test_every_url_in_links_json_resolves(site):
    """The PDFs are made after the site is built (make build), at their addresses and their old ones:
    tests/take_away/test_pdfs.py and tests/links/test_aliases.py check those."""
    for link in load(site, "links.json")["links"]:
        page = [] if link["kind"] == "pdf" else [link["url"], *link["previous_urls"]]
        for url in [*page, link["qr_code"], *filter(None, [link.get("answer")])]:
            path, _, anchor = local(url).partition("#")
            assert site.file_for(path).is_file(), f"{link['id']}: {url} does not resolve"
            if anchor:
                assert site.page(path).find(id=anchor) is not None, f"{link['id']}: no element with id {anchor}"


def test_each_page_entry_has_the_pages_own_heading_and_description(site):
    """links.json, the head and the page agree; a page added later (the summary) must agree too."""
    for link in load(site, "links.json")["links"]:
        if "#" in link["url"] or link["kind"] in ("code-link", "pdf"):
            continue
        page = site.page(local(link["url"]))
        if link["kind"] == "embed":  # a card for another site's page: its heading is the topic's, under the host's h1
            assert page.title.get_text().startswith(link["title"] + " - "), link["id"]
        else:
            assert page.h1.get_text(" ", strip=True) == link["title"], link["id"]
        assert page.find("meta", attrs={"name": "description"})["content"] == link["summary"], link["id"]


def test_factor_entries_point_at_their_section(real_site):
    factors = [link for link in load(real_site, "links.json")["links"] if link["kind"] == "factor"]
    assert len(factors) == 6
    for link in factors:
        path, _, anchor = local(link["url"]).partition("#")
        section = real_site.page(path).find(id=anchor)
        assert section.name == "h2" and section.get_text(strip=True) == link["title"]


@pytest.mark.parametrize("system, code", [("icd10", "C78.7"), ("snomed", "94381002")])
def test_code_answer_names_the_topic_with_its_summary_language_and_review(real_site, system, code):
    feed = load(real_site, f"link/{system}/{code}.json")["feed"]
    topic = next(link for link in load(real_site, "links.json")["links"] if link["kind"] == "topic")
    assert feed["lang"] == "en"
    assert {"scheme": "mainSearchCriteria.v.c", "term": code} in feed["category"]
    [entry] = feed["entry"]
    assert entry["title"]["_value"] == "Secondary cancer in the liver"
    assert entry["summary"]["_value"] == topic["summary"]
    assert entry["last_reviewed"] == topic["last_reviewed"] == "2026-11-28"
    alternate = [link for link in entry["link"] if link["rel"] == "alternate"]
    assert [link["href"] for link in alternate] == [SITE_URL + f"{TOPIC}/"]
    summaries = {link["url"] for link in load(real_site, "links.json")["links"] if link["kind"] == "summary"}
    assert {link["href"] for link in entry["link"] if link["rel"] == "related"} == summaries


@pytest.mark.parametrize("system, code", [("icd10", "C78.7"), ("snomed", "94381002")])
def test_code_link_forwards_to_its_topic(real_site, system, code):
    url = f"/link/{system}/{code}/"
    page = real_site.page(url)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = re.fullmatch(r"0; url=(\S+)", refresh).group(1)
    assert real_site.resolve(url, target) == f"/{TOPIC}/"
    assert page.find("link", rel="canonical")["href"] == SITE_URL + f"{TOPIC}/"
    assert page.select_one("main a")["href"] == target
