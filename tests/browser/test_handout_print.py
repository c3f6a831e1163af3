"""The printable summary, printed by real Chromium: one sheet of A4 or Letter in clear print (12pt and up),
its large-print form at 16pt and up, both readable and leading back online."""

import io
import shutil

import pytest
import zxingcpp
from PIL import Image

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC, build_or_fail, serving
from patient_info.content.check import load_site
from patient_info.pages.handout import MOST_NOTE_LINES, plan_sheet
from patient_info.pages.render import summary_handout
from printing import PAPERS, Block, left_alone, print_to_pdf

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
def test_side_one_opens_with_the_publisher_the_date_and_the_source(printed, paper):
    pdf = printed[SUMMARY, paper]
    lines = [fragment.text.strip() for fragment in pdf.fragments[0]]
    assert lines[0] == "Published by the patient-info project. Last reviewed: 28 November 2026."
    assert lines[1] == TITLE
    assert lines[2].startswith("Adapted from “Treatment overview” by Macmillan Cancer Support.")
    assert "A doctor or nurse has not yet checked this information." in " ".join(" ".join(lines[2:5]).split())


@pytest.mark.parametrize("paper", PAPERS)
def test_please_turn_over_is_at_the_foot_of_the_front_only(printed, paper):
    pdf = printed[SUMMARY, paper]
    assert len(pdf.pages) == 2
    last = pdf.fragments[0][-1]
    assert last.text.strip() == "Please turn over"
    assert last.top > pdf.heights[0] - 12 * 72 / 25.4  # in the bottom margin, under the text
    assert "Please turn over" not in pdf.pages[1]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_summary_on_one_side_does_not_ask_to_turn_over(one_side_site, browser, paper):
    with serving(one_side_site) as served:
        page = browser.new_page()
        try:
            page.goto(served.url("/glimmer-fever/summary/"))
            pdf = print_to_pdf(page, paper)
        finally:
            page.close()
    assert len(pdf.pages) == 1
    assert "Please turn over" not in pdf.text
    assert "My specialist nurse or key worker" in pdf.text


@pytest.mark.parametrize("paper", PAPERS)
def test_the_last_side_has_the_write_in_boxes_and_about_ten_note_lines(printed, served_site, browser, paper):
    back = printed[SUMMARY, paper].pages[-1]
    for label in ("My specialist nurse or key worker", "Phone", "Out of hours"):
        assert label in back
    page = browser.new_page()
    try:
        page.goto(served_site.url(SUMMARY))
        page.emulate_media(media="print")
        boxes = page.eval_on_selector_all(".handout-box", """boxes => boxes.map(box => {
            const style = getComputedStyle(box), label = box.querySelector('.handout-box-label');
            return {border: style.borderTopStyle + ' ' + style.borderBottomStyle + ' ' + style.borderLeftStyle,
                    room: box.getBoundingClientRect().bottom - label.getBoundingClientRect().bottom,
                    fontSize: parseFloat(style.fontSize)};
        })""")
        lines = page.locator(".handout-lines span").count()
    finally:
        page.close()
    assert len(boxes) == 3
    for box in boxes:
        assert box["border"] == "solid solid solid"
        assert box["room"] >= 1.8 * box["fontSize"]  # a line of handwriting under the label
    assert lines == plan_sheet(summary_handout(*_real_topic(), language="en", site_url=overview_url(served_site.site)
                                               .removesuffix(f"{TOPIC}/"))).note_lines
    assert 8 <= lines <= MOST_NOTE_LINES


def _real_topic():
    site = load_site(ROOT / "content")
    return site.topics[0], site


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


# The DOM's blocks of the large-print sheet, in order. Each note line is given a word to print, so that the
# PDF's text shows where the lines fall: their height is fixed, so the words move nothing.
LARGE_PRINT_BLOCKS = """() => {
    document.querySelectorAll('.handout-lines span').forEach(line => { line.textContent = 'NOTELINE'; });
    const sheet = document.querySelector('.handout'), lists = [...sheet.querySelectorAll('ul')];
    return [...sheet.querySelectorAll('h1, h2, p, li, .handout-lines')]
      .filter(el => !el.parentElement.closest('li, p, .handout-lines'))
      .map(el => {
        const list = el.matches('li') ? el.parentElement : null;
        return {kind: el.matches('h1, h2, .handout-list-label') ? 'heading' : list ? 'item' : 'other',
                text: el.innerText, list: list ? lists.indexOf(list) : -1,
                index: list ? [...list.children].indexOf(el) : 0, size: list ? list.children.length : 0};
      }).filter(block => block.text.trim());
}"""


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("site", ["real", "example"])
def test_large_print_leaves_no_heading_or_item_alone_at_a_page_break(served_site, example_site, browser, site, paper):
    with serving(example_site) as example:
        served, topic = (served_site, TOPIC) if site == "real" else (example, "glimmer-fever")
        page = browser.new_page()
        try:
            page.goto(served.url(f"/{topic}/summary/large-print/"))
            unmarked = len(print_to_pdf(page, paper).pages)
            page.emulate_media(media="print")
            blocks = [Block(**block) for block in page.evaluate(LARGE_PRINT_BLOCKS)]
            pdf = print_to_pdf(page, paper)
        finally:
            page.close()
    assert len(pdf.pages) == unmarked  # the words on the note lines moved nothing
    assert any(block.kind == "item" for block in blocks) and any(block.kind == "heading" for block in blocks)
    pages = [pdf.content(number, margin_mm=18) for number in range(len(pdf.pages))]
    assert left_alone(pages, blocks) == []


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
