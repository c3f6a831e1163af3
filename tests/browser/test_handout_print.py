"""The printable summary, printed by real Chromium: one side of A4 or Letter, readable, leading back online."""

import io
import shutil

import pytest
import zxingcpp
from PIL import Image

from conftest import EXAMPLE_CONTENT, TOPIC, build_or_fail, serving
from printing import PAPERS, print_to_pdf

SUMMARY = f"/{TOPIC}/summary/"
CLINIC = {"name": "Riverside Test Clinic", "phone": "0100 555 0199",
          "contact": "Call the made-up nurse team, Monday to Friday."}


def overview_url(site, topic=TOPIC) -> str:
    """The overview's absolute address as MkDocs publishes it (its canonical link), not as the summary says."""
    return site.page(f"/{topic}/").select_one('link[rel="canonical"]')["href"]


@pytest.fixture(scope="module")
def printed(served_site, browser):
    """The real summary printed at each paper size."""
    page = browser.new_page()
    try:
        page.goto(served_site.url(SUMMARY))
        yield {paper: print_to_pdf(page, paper) for paper in PAPERS}
    finally:
        page.close()


@pytest.mark.parametrize("paper", PAPERS)
def test_summary_prints_on_exactly_one_page(printed, paper):
    assert len(printed[paper].pages) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_no_printed_text_is_smaller_than_10pt(printed, paper):
    assert printed[paper].font_sizes, "no text found in the PDF"
    assert min(printed[paper].font_sizes) >= 10


@pytest.mark.parametrize("paper", PAPERS)
def test_printed_summary_names_every_treatment_the_review_date_and_the_full_address(printed, paper, real_site):
    text = printed[paper].text
    overview = real_site.page(f"/{TOPIC}/")
    treatments = [h3.get_text(" ", strip=True) for h3 in overview.select("article h3")]
    assert len(treatments) == 8
    for name in treatments:
        assert name in text
    review = overview.select_one(".review-dates").get_text(" ", strip=True)
    last_reviewed = review.split("Page last reviewed: ")[1].split(".")[0]
    assert f"Last reviewed: {last_reviewed}" in text
    assert overview_url(real_site) in printed[paper].compact()


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
        for selector in (".md-header", ".md-sidebar--primary", ".md-search", "[data-print-button]", ".md-footer"):
            assert not page.locator(selector).first.is_visible(), selector
        assert page.locator(".handout h1").is_visible()
    finally:
        page.close()


def test_print_button_is_reached_by_keyboard_shows_a_focus_ring_and_prints(served_site, browser):
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


def test_without_javascript_the_button_is_absent_and_the_page_still_prints_on_one_page(served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url(SUMMARY))
        assert not page.locator("[data-print-button]").is_visible()
        assert page.locator(".handout h1").is_visible()
        assert len(print_to_pdf(page, "A4").pages) == 1
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
    assert len(pdf.pages) == 1
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
