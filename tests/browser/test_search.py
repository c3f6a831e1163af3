"""Search in a real browser (docs/assets/site-search.js): a page loads nothing for it until the reader types; then
the pages whose names have the words (search-names/), and the text of every page with Pagefind on Enter, on the
button, or when no name matches. A treatment is found by its name and by its other names, patients' pages before
the pages for clinics; a result opens from the keyboard; the results are announced; axe finds no fault with them
open at 1280 and 375 px; words the glossary lists for a term find the page about it."""

import re
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from conftest import TOPIC, build_or_fail, node_tool, serving
from test_accessibility_axe import AXE_TAGS

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "375px": {"width": 375, "height": 800}}


@pytest.fixture
def reader(served_site, browser):
    """A tab on the topic's overview, with every address it asked for."""
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.goto(served_site.url(f"/{TOPIC}/"), wait_until="networkidle")
    yield page
    context.close()


def search(page, words: str, *, in_text: bool = False):
    """Type into the search box as a reader would (then Enter, to search the text of every page); the results
    once the status line has spoken."""
    box = page.locator(".site-search__input")
    if not box.is_visible():
        page.get_by_role("button", name="Search").click()
    box.press_sequentially(words, delay=20)
    if in_text:
        box.press("Enter")
    # Pagefind compiles its WebAssembly on the first search of the text: seconds on a busy machine.
    said = "found" if in_text else re.compile("found|in its name|in their names")
    expect(page.locator(".site-search__status")).to_contain_text(said, timeout=60_000)
    return page.locator(".site-search__results li")


def loaded(page, folder: str) -> list[str]:
    """The paths of the files asked for from a folder of the site (pagefind, search-names)."""
    return [urlsplit(url).path for url in page.requested if f"/{folder}/" in url]


def every_result(page) -> list[tuple[str, str, str]]:
    """(title, where, address) of every result, after showing them all."""
    more = page.get_by_role("button", name="Show more results")
    while more.is_visible():
        count = page.locator(".site-search__results li").count()
        more.click()
        expect(page.locator(".site-search__results li")).not_to_have_count(count)
    found = []
    for item in page.locator(".site-search__results li").all():
        where = item.locator(".site-search__topic")
        found.append((item.locator("a").inner_text(), where.inner_text() if where.count() else "",
                      urlsplit(item.locator("a").get_attribute("href")).path))
    return found


def test_a_page_loads_nothing_for_search_until_the_reader_types(reader, served_site):
    reader.locator(".site-search__input").focus()
    reader.keyboard.press("Tab")
    reader.wait_for_timeout(500)
    assert loaded(reader, "pagefind") == [] and loaded(reader, "search-names") == []
    search(reader, "surgery")
    # The first answer: the words file for "su" and the list of the pages shown, and nothing of Pagefind.
    assert loaded(reader, "search-names") == ["/search-names/counts.json", "/search-names/words/su.json",
                                              "/search-names/pages/0.json"]
    assert loaded(reader, "pagefind") == []
    assert all(url.startswith(served_site.base_url) for url in reader.requested)


def test_enter_searches_the_text_loading_only_the_index_the_word_needs(reader, served_site):
    search(reader, "surgery", in_text=True)
    pagefind = loaded(reader, "pagefind")
    assert "/pagefind/pagefind.js" in pagefind
    assert len([path for path in pagefind if path.endswith(".pf_index")]) == 1, pagefind
    shown = reader.locator(".site-search__results li").count()
    assert shown == 5
    assert len([path for path in pagefind if path.endswith(".pf_fragment")]) == shown, pagefind
    assert all(url.startswith(served_site.base_url) for url in reader.requested)


def test_a_treatment_is_found_by_its_name_first_with_its_topic(reader):
    results = search(reader, "surgery")
    assert reader.locator(".site-search__status").inner_text() == "1 page has \u201csurgery\u201d in its name."
    first = results.first
    assert first.locator("a").inner_text() == "Surgery"
    assert first.locator(".site-search__topic").inner_text() == "Secondary cancer in the liver"
    assert urlsplit(first.locator("a").get_attribute("href")).path == f"/{TOPIC}/treatments/surgery/"
    # The text of every page, from the button under the first answer: the same page first.
    reader.get_by_role("button", name="Search the text of every page").click()
    expect(reader.locator(".site-search__status")).to_contain_text("pages found for", timeout=60_000)
    assert reader.locator(".site-search__results").get_attribute("data-answer") == "text"
    first = reader.locator(".site-search__results li").first
    assert first.locator("a").inner_text() == "Surgery"
    assert reader.evaluate("document.activeElement.id") == "site-search-input"


@pytest.mark.parametrize("words", ["cure", "few areas", "surgery"])
def test_a_result_shows_its_title_and_topic_and_no_piece_of_a_statement(reader, words):
    """A piece of the page's text could end before a statement's condition ("Surgery can sometimes cure the
    cancer. This is when the cancer is in a few areas of your"): a result says only where to read."""
    results = search(reader, words, in_text=True)
    assert results.count() > 0
    for item in results.all():
        shown = [" ".join(line.split()) for line in item.inner_text().splitlines() if line.strip()]
        where = item.locator(".site-search__topic")
        assert shown == [item.locator("a").inner_text(), *([where.inner_text()] if where.count() else [])], shown


def test_a_word_no_name_has_searches_the_text_by_itself(reader):
    """"operation" is in the text of the surgery page ("an operation to remove..."), in no page's name."""
    first = search(reader, "operation").first
    assert loaded(reader, "search-names") == ["/search-names/counts.json"]  # no name has a word in "op"
    assert "/pagefind/pagefind.js" in loaded(reader, "pagefind")
    assert first.locator("a").inner_text() == "Surgery"
    assert reader.locator(".site-search__results").get_attribute("data-answer") == "text"
    assert not reader.get_by_role("button", name="Search the text of every page").is_visible()


def test_the_text_is_searched_when_the_names_files_cannot_be_read(reader):
    reader.route("**/search-names/**", lambda route: route.abort())
    first = search(reader, "surgery").first
    assert reader.locator(".site-search__results").get_attribute("data-answer") == "text"  # Pagefind's answer
    assert first.locator("a").inner_text() == "Surgery"


def test_a_name_is_found_from_its_start_in_any_case_and_with_accents(reader):
    assert search(reader, "CHÉMO").first.locator("a").inner_text() == "Chemotherapy"
    assert loaded(reader, "pagefind") == []


def test_a_single_letter_after_a_word_is_left_out(reader):
    assert search(reader, "surgery a").first.locator("a").inner_text() == "Surgery"
    assert loaded(reader, "pagefind") == []


def test_a_single_letter_waits_for_more_or_for_enter(reader):
    reader.locator(".site-search__input").press_sequentially("s", delay=20)
    reader.wait_for_timeout(800)
    assert reader.locator(".site-search__status").inner_text() == ""
    assert loaded(reader, "search-names") == [] and loaded(reader, "pagefind") == []


@pytest.mark.parametrize("other_name", ["chemoembolisation", "Radioembolisation"])
def test_a_treatment_is_found_first_by_its_other_names(reader, other_name):
    first = search(reader, other_name).first.locator("a")
    assert first.inner_text() == "Embolisation"
    assert urlsplit(first.get_attribute("href")).path == f"/{TOPIC}/treatments/embolisation/"


@pytest.mark.parametrize("letter_word", ["metastases", "secondaries"])
def test_a_word_from_a_clinic_letter_finds_the_topic_first(reader, letter_word):
    """content/glossary.yaml lists them as other names of "secondary cancer", which the topic's title uses."""
    first = search(reader, letter_word).first.locator("a")
    assert urlsplit(first.get_attribute("href")).path == f"/{TOPIC}/"


@pytest.mark.parametrize("words, in_text", [("liver", False), ("surgery", True), ("liver", True),
                                            ("chemotherapy", True)])
def test_patients_pages_come_before_the_pages_for_clinics(reader, words, in_text):
    search(reader, words, in_text=in_text)
    found = every_result(reader)
    for_clinics = [where.startswith("For clinics") for _, where, _ in found]
    assert True in for_clinics and False in for_clinics, found
    assert for_clinics == sorted(for_clinics), found  # every patients' page first
    assert not [address for _, _, address in found if address.startswith("/editors/")]


def test_the_results_are_announced_and_a_result_opens_from_the_keyboard(reader):
    search(reader, "ablation")
    status = reader.get_by_role("status").filter(has_text="ablation")
    assert status.inner_text() == "1 page has \u201cablation\u201d in its name."
    reader.keyboard.press("ArrowDown")
    focused = reader.evaluate("document.activeElement.textContent")
    assert focused == "Ablation"
    assert reader.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    reader.keyboard.press("Enter")
    reader.wait_for_url(f"**/{TOPIC}/treatments/ablation/")
    assert reader.locator("h1").inner_text() == "Ablation"


def test_escape_closes_the_results_and_keeps_the_reader_in_the_box(reader):
    search(reader, "ablation")
    reader.keyboard.press("ArrowDown")
    reader.keyboard.press("Escape")
    assert reader.evaluate("document.activeElement.id") == "site-search-input"
    assert not reader.locator(".site-search__results li").first.is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_open_results_have_no_axe_violations(served_site, browser, width):
    axe = node_tool("axe-core/axe.min.js").read_text("utf-8")
    # axe goes in as an inline script, which the page's policy refuses; the other tests here keep the policy.
    context = browser.new_context(viewport=WIDTHS[width], bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(served_site.url(f"/{TOPIC}/treatments/surgery/"), wait_until="load")
        search(page, "liver")
        page.add_script_tag(content=axe)
        problems = []
        # The first answer (names, with the button to search the text), then the text search's results.
        for answer in ("names", "text"):
            if answer == "text":
                page.get_by_role("button", name="Search the text of every page").click()
                expect(page.locator(".site-search__results[data-answer='text'] li").first).to_be_visible(
                    timeout=60_000)
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
            problems += [f"{answer}: {v['id']}: {node['target']} {node['failureSummary']}"
                         for v in result["violations"] for node in v["nodes"]]
        assert problems == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def example_with_forms(tmp_path_factory, browser):
    """The example content, with the words clinic letters use for its condition listed in the glossary."""
    import shutil
    from conftest import EXAMPLE_CONTENT
    content = tmp_path_factory.mktemp("forms") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    glossary = content / "glossary.yaml"
    data = yaml.safe_load(glossary.read_text("utf-8"))
    data["terms"][0]["forms"] = ["glimmer syndrome", "the glimmers"]
    glossary.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    with serving(build_or_fail(content.parent / "site", content)) as served:
        yield served


def test_words_the_glossary_lists_for_a_term_find_the_page_about_it(example_with_forms, browser):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    try:
        page.goto(example_with_forms.url("/glimmer-fever/treatments/humming/"), wait_until="load")
        first = search(page, "syndrome").first.locator("a")
        assert urlsplit(first.get_attribute("href")).path == "/glimmer-fever/"
    finally:
        page.close()
