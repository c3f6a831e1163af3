"""The printable summary, printed by real Chromium: one sheet of A4 or Letter in clear print (12pt and up),
its large-print form at 16pt and up, both readable and leading back online."""

import io
import shutil

import pytest
import zxingcpp
from PIL import Image

from conftest import EXAMPLE_CONTENT, TOPIC, build_or_fail, serving
from printing import PAPERS, print_to_pdf

SUMMARY = f"/{TOPIC}/summary/"
LARGE_PRINT = f"/{TOPIC}/summary/large-print/"
TITLE = "Secondary cancer in the liver: treatment summary"
CLINIC = {"name": "Riverside Test Clinic", "phone": "0100 555 0199",
          "contact": "Call the made-up nurse team, Monday to Friday."}


def overview_url(site, topic=TOPIC) -> str:
    """The overview's absolute address as MkDocs publishes it (its canonical link), not as the summary says."""
    return site.page(f"/{topic}/").select_one('link[rel="canonical"]')["href"]


@pytest.fixture(scope="module")
def printed(served_site, browser):
    """The real summary and its large-print form, printed at each paper size."""
    page = browser.new_page()
    try:
        found = {}
        for path in (SUMMARY, LARGE_PRINT):
            page.goto(served_site.url(path))
            found |= {(path, paper): print_to_pdf(page, paper) for paper in PAPERS}
        yield found
    finally:
        page.close()


@pytest.mark.parametrize("paper", PAPERS)
def test_summary_prints_on_one_sheet_with_the_title_repeated_on_the_back(printed, paper):
    pages = printed[SUMMARY, paper].pages
    assert len(pages) <= 2
    assert pages[0].count(TITLE) == 1
    if len(pages) == 2:
        assert pages[1].startswith(TITLE), pages[1][:80]
        assert pages[1].count(TITLE) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_no_printed_text_is_smaller_than_12pt(printed, paper):
    sizes = printed[SUMMARY, paper].font_sizes
    assert sizes, "no text found in the PDF"
    assert min(sizes) >= 12


@pytest.mark.parametrize("paper", PAPERS)
def test_large_print_text_is_16pt_or_more_with_the_title_and_number_on_each_page(printed, paper):
    pdf = printed[LARGE_PRINT, paper]
    assert min(pdf.font_sizes) >= 16
    assert len(pdf.pages) > 1
    title = f"{TITLE} in large print"
    for number, text in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {len(pdf.pages)}" in text
        assert title in " ".join(text.split())


def test_headings_print_at_14pt_or_more(served_site, browser):
    page = browser.new_page()
    try:
        page.goto(served_site.url(SUMMARY))
        page.emulate_media(media="print")
        sizes = page.eval_on_selector_all(".handout :is(h1, h2)", "hs => hs.map(h => parseFloat(getComputedStyle(h).fontSize))")
    finally:
        page.close()
    assert sizes and min(sizes) >= 14 * 96 / 72


@pytest.mark.parametrize("path", [SUMMARY, LARGE_PRINT])
def test_glossary_words_print_without_their_screen_underline(served_site, browser, path):
    page = browser.new_page()
    try:
        page.goto(served_site.url(path))
        terms = page.locator(".handout a.glossary-term")
        assert terms.count() > 0
        decoration = "as => as.map(a => getComputedStyle(a).textDecorationLine)"
        assert set(terms.evaluate_all(decoration)) != {"none"}
        page.emulate_media(media="print")
        assert set(terms.evaluate_all(decoration)) == {"none"}
    finally:
        page.close()


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("path", [SUMMARY, LARGE_PRINT])
def test_printed_summary_names_every_treatment_the_review_date_and_the_full_address(printed, paper, path, real_site):
    text = printed[path, paper].text
    overview = real_site.page(f"/{TOPIC}/")
    treatments = [h3.get_text(" ", strip=True) for h3 in overview.select("article h3")]
    assert len(treatments) == 8
    for name in treatments:
        assert name in text
    review = overview.select_one(".review-dates").get_text(" ", strip=True)
    last_reviewed = review.split("Page last reviewed: ")[1].split(".")[0]
    assert f"Last reviewed: {last_reviewed}" in text
    assert overview_url(real_site) in printed[path, paper].compact()


def test_printed_summary_is_black_on_white(served_site, browser):
    """Readable in black and white: no text in the sheet relies on colour."""
    page = browser.new_page()
    try:
        page.goto(served_site.url(SUMMARY))
        page.emulate_media(media="print")
        colours = page.eval_on_selector_all(
            ".handout, .handout *", "els => [...new Set(els.map(e => getComputedStyle(e).color))]")
    finally:
        page.close()
    assert colours == ["rgb(0, 0, 0)"]


def test_qr_code_decodes_to_the_overview_address(served_site, browser):
    page = browser.new_page(device_scale_factor=2)
    try:
        page.goto(served_site.url(SUMMARY))
        page.emulate_media(media="print")
        png = page.locator(".handout-qr").screenshot()
    finally:
        page.close()
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [(code.text, code.ec_level) for code in codes] == [(overview_url(served_site.site), "M")]


def test_qr_code_is_named_by_the_address_it_opens(real_site):
    qr = real_site.page(SUMMARY).select_one(".handout-qr")
    assert qr["role"] == "img"
    assert qr["aria-label"] == f"QR code that opens {overview_url(real_site)}"


def test_print_media_hides_header_navigation_search_and_the_print_button(served_site, browser):
    page = browser.new_page()
    try:
        page.goto(served_site.url(SUMMARY))
        assert page.locator("[data-print-button]").is_visible()
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".site-search", "[data-print-button]", ".md-footer"):
            assert not page.locator(selector).first.is_visible(), selector
        assert page.locator(".handout h1").is_visible()
    finally:
        page.close()


def test_print_button_is_reached_by_keyboard_shows_a_focus_ring_and_prints_the_summary(served_site, browser):
    page = browser.new_page()
    try:
        page.add_init_script("window.print = () => { window.printed = true; };")
        page.goto(served_site.url(SUMMARY))
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hasAttribute('data-print-button')"):
                break
        else:
            pytest.fail("Tab never reached the print button")
        outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])"
                                "(getComputedStyle(document.activeElement))")
        assert outline[0] != "none" and outline[1] >= 2
        page.keyboard.press("Enter")
        assert page.evaluate("window.printed === true")
    finally:
        page.close()


def test_without_javascript_the_button_is_absent_and_the_page_still_prints_on_one_sheet(served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url(SUMMARY))
        assert not page.locator("[data-print-button]").is_visible()
        assert page.locator(".handout h1").is_visible()
        assert len(print_to_pdf(page, "A4").pages) <= 2
    finally:
        context.close()


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory):
    """The fixture content with clinic settings added to its site.yaml, built and served."""
    content = tmp_path_factory.mktemp("clinic") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    settings = content / "site.yaml"
    lines = "".join(f"  {key}: {value}\n" for key, value in CLINIC.items())
    settings.write_text(settings.read_text() + "clinic:\n" + lines)
    with serving(build_or_fail(content.parent / "site", content)) as served:
        yield served


def test_clinic_name_phone_and_contact_print_on_the_summary(clinic_site, browser):
    page = browser.new_page()
    try:
        page.goto(clinic_site.url("/glimmer-fever/summary/"))
        pdf = print_to_pdf(page, "Letter")
    finally:
        page.close()
    assert len(pdf.pages) <= 2
    for value in CLINIC.values():
        assert value in pdf.text
    assert "Published by the test suite." in pdf.text


def test_without_clinic_settings_the_summary_tells_the_reader_to_ask_their_care_team(example_site, browser):
    with serving(example_site) as served:
        page = browser.new_page()
        try:
            page.goto(served.url("/glimmer-fever/summary/"))
            pdf = print_to_pdf(page, "A4")
        finally:
            page.close()
    assert "Published by the test suite." in pdf.text
    for value in CLINIC.values():
        assert value not in pdf.text
    assert "Who to contact: Ask the made-up team in this test fixture." in pdf.text
