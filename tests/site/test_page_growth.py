"""No page grows with the library beyond its list of topic titles (issue 24): the site built from made-up topics
(benchmarks/synthetic.py) at two sizes gives the same pages, once each page's list of titles is taken out.

The menu, the 404 page's menu, the JSON-LD of site-wide pages and the pages' bodies once listed every topic;
a page's weight at 1,000 topics is measured by `make bench`."""

import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_or_fail

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_content  # noqa: E402

SIZES = (2, 22)  # the larger past 20 topics, where the home page adds its filter box
PAGES = ["index.html", "glossary/index.html", "for-clinics/index.html", "404.html", "topic-0000/index.html",
         "topic-0000/treatments/treatment-0/index.html", "topic-0000/how-treatment-is-chosen/index.html",
         "for-clinics/topic-0000/index.html"]
# What may differ: the link to the page before in the footer names another topic ("Made-up topic 21").
SLACK_BYTES = 40


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for size in SIZES:
        folder = tmp_path_factory.mktemp(f"topics-{size}")
        built[size] = build_or_fail(folder / "site", write_content(folder / "content", size))
    return built


def without_title_lists(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    for title_list in page.select("article .topic-list, article .a-to-z-nav, article .topic-filter"):
        title_list.decompose()
    return str(page)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_the_same_size_in_a_larger_library_but_for_its_title_list(sites, path):
    small, large = (without_title_lists((sites[size].root / path).read_text("utf-8")) for size in SIZES)
    assert abs(len(large) - len(small)) <= SLACK_BYTES, f"{path}: {len(small)} bytes at {SIZES[0]} topics, " \
                                                        f"{len(large)} at {SIZES[1]}"


def test_home_and_for_clinics_list_every_topic_by_title_and_link_its_page(sites):
    site = sites[SIZES[1]]
    home = site.page("/").select("article .topic-list li a")
    assert [a.get_text() for a in home] == sorted((f"Made-up topic {n}" for n in range(SIZES[1])), key=str.lower)
    assert {site.resolve("/", a["href"]) for a in home} == {f"/topic-{n:04d}/" for n in range(SIZES[1])}
    clinics = site.page("/for-clinics/").select("article .topic-list li a")
    assert {site.resolve("/for-clinics/", a["href"]) for a in clinics} == {
        f"/for-clinics/topic-{n:04d}/" for n in range(SIZES[1])}


def test_the_topic_filter_keeps_the_topics_with_a_word_starting_with_each_word_typed(sites, browser):
    from conftest import serving
    with serving(sites[SIZES[1]]) as served:
        page = browser.new_page()
        try:
            page.goto(served.url("/"), wait_until="load")
            box = page.get_by_label("Find a topic by its name")
            box.fill("topic 2")
            shown = page.locator("article .topic-list li:visible a")
            assert sorted(shown.all_inner_texts()) == ["Made-up topic 2", "Made-up topic 20", "Made-up topic 21"]
            assert page.locator(".topic-filter [role=status]").inner_text() == "3 topics shown."
            box.fill("")
            assert page.locator("article .topic-list li:visible").count() == SIZES[1]
        finally:
            page.close()
