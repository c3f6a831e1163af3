"""Search in a real browser (Pagefind; docs/assets/site-search.js): a page loads nothing for it until the reader
types; a treatment is found by its name and by its other names, patients' pages before the pages for clinics;
a result opens from the keyboard; the results are announced; axe finds no fault with them open at 1280 and
375 px; words the glossary lists for a term find the page about it."""

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


def search(page, words: str):
    """Type into the search box as a reader would; the results once the status line has spoken."""
    box = page.locator(".site-search__input")
    if not box.is_visible():
        page.get_by_role("button", name="Search").click()
    box.press_sequentially(words, delay=20)
    # Pagefind compiles its WebAssembly on the first search: seconds on a busy machine.
    expect(page.locator(".site-search__status")).to_contain_text("found", timeout=60_000)
    return page.locator(".site-search__results li")


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
    assert [url for url in reader.requested if "/pagefind/" in url] == []
    search(reader, "surgery")
    loaded = [urlsplit(url).path for url in reader.requested if "/pagefind/" in url]
    assert "/pagefind/pagefind.js" in loaded and any(path.endswith(".pf_index") for path in loaded), loaded
    assert all(url.startswith(served_site.base_url) for url in reader.requested)
    # Only the parts of the index the word needs, and the text of the results shown.
    assert len([path for path in loaded if path.endswith(".pf_index")]) == 1, loaded
    shown = reader.locator(".site-search__results li").count()
    assert len([path for path in loaded if path.endswith(".pf_fragment")]) == shown, loaded


def test_a_treatment_is_found_by_its_name_first_with_its_topic(reader):
    results = search(reader, "surgery")
    first = results.first
    assert first.locator("a").inner_text() == "Surgery"
    assert first.locator(".site-search__topic").inner_text() == "Secondary cancer in the liver"
    assert urlsplit(first.locator("a").get_attribute("href")).path == f"/{TOPIC}/treatments/surgery/"
    assert first.locator(".site-search__excerpt mark").first.inner_text().lower().startswith("surgery")


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


@pytest.mark.parametrize("words", ["surgery", "liver", "chemotherapy"])
def test_patients_pages_come_before_the_pages_for_clinics(reader, words):
    search(reader, words)
    found = every_result(reader)
    for_clinics = [where.startswith("For clinics") for _, where, _ in found]
    assert True in for_clinics and False in for_clinics, found
    assert for_clinics == sorted(for_clinics), found  # every patients' page first
    assert not [address for _, _, address in found if address.startswith("/editors/")]


def test_the_results_are_announced_and_a_result_opens_from_the_keyboard(reader):
    search(reader, "ablation")
    status = reader.get_by_role("status").filter(has_text="found")
    assert "found for \u201cablation\u201d" in status.inner_text()
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
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        problems = [f"{v['id']}: {node['target']} {node['failureSummary']}" for v in result["violations"]
                    for node in v["nodes"]]
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
