"""The "for clinics" pages: every link with a working QR code, an HTML snippet and copy buttons that need no JavaScript
to be useful; the site-wide links on /for-clinics/, each topic's on a page of its own."""

import io
import json
from urllib.parse import urljoin

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from patient_info.model.paths import DEFAULT_SITE_URL as SITE_URL  # mkdocs.yml's site_url when SITE_URL is not set

PAGE = "/for-clinics/"
TOPIC_PAGE = "/for-clinics/secondary-liver-cancer/"


def cards(site):
    """(page, card) for every link card on the "for clinics" pages."""
    pages = [url for url in site.urls() if url.startswith(PAGE)]
    return [(url, card) for url in pages for card in site.page(url).select("article .link-card")]


def test_every_link_in_links_json_has_a_card_with_its_plain_link(real_site):
    index = json.loads((real_site.root / "links.json").read_text("utf-8"))["links"]
    shown = {card.select_one(".link-card__url a")["href"]: card for _, card in cards(real_site)}
    # A topic's main links are on /for-clinics/ and on the topic's own page, but never twice on one page.
    for url in {on_page for on_page, _ in cards(real_site)}:
        on_this_page = [card.select_one(".link-card__url a")["href"] for page, card in cards(real_site) if page == url]
        assert len(on_this_page) == len(set(on_this_page)), url
    assert set(shown) == {link["url"] for link in index}
    for link in index:
        card = shown[link["url"]]
        assert card.find(["h3", "h4"]).get_text(strip=True) == link["title"]
        assert card.select_one(".link-card__url a").get_text() == link["url"]


def test_each_topic_has_its_own_page_of_links_listed_on_the_main_page(real_site):
    listed = {real_site.resolve(PAGE, a["href"]) for a in real_site.page(PAGE).select("article a")}
    assert TOPIC_PAGE in listed
    index = json.loads((real_site.root / "links.json").read_text("utf-8"))["links"]
    topic_links = {link["url"] for link in index if link["topic"] == "secondary-liver-cancer"}
    shown = {a["href"] for a in real_site.page(TOPIC_PAGE).select("article .link-card__url a")}
    assert topic_links and shown == topic_links


def test_page_documents_the_url_contract_and_code_links(real_site):
    text = " ".join(real_site.page(PAGE).select_one("article").get_text(" ").split())
    for pattern in ("<topic>/", "<topic>/treatments/<treatment>/", "<topic>/how-treatment-is-chosen/#<factor>",
                    "<topic>/situations/<factor>/<answer>/", "link/icd10/<code>/", "link/snomed/<code>/",
                    "link/icd10/<code>.json", "links.json", "links.schema.json", "embed/<topic>/",
                    "link/?mainSearchCriteria.v.c=<code>&mainSearchCriteria.v.cs=<code system>"):
        assert pattern in text


def test_each_qr_code_opens_its_cards_link(served_site, browser):
    page = browser.new_page(viewport={"width": 600, "height": 600})
    decoded = 0
    try:
        for on_page, card in cards(served_site.site):
            url = card.select_one(".link-card__url a")["href"]
            svg = urljoin(served_site.url(on_page), card.select_one(".link-card__qr a")["href"])
            assert page.goto(svg).status == 200
            image = Image.open(io.BytesIO(page.screenshot()))
            assert [(result.text, result.ec_level) for result in zxingcpp.read_barcodes(image)] == [(url, "M")]
            decoded += 1
    finally:
        page.close()
    assert decoded > 30


def test_without_javascript_copy_buttons_stay_hidden_and_links_and_snippets_remain(served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served_site.url(TOPIC_PAGE))
        assert page.locator("button.copy-button").count() > 60
        assert page.locator("button.copy-button:visible").count() == 0
        surgery = page.locator("#link-secondary-liver-cancer-treatments-surgery")
        assert surgery.locator(".link-card__url a").inner_text() == SITE_URL + "secondary-liver-cancer/treatments/surgery/"
        assert surgery.locator("code").inner_text() == (
            f'<a href="{SITE_URL}secondary-liver-cancer/treatments/surgery/">Surgery</a>')
    finally:
        context.close()


@pytest.mark.parametrize("button, expected", [
    ("Copy link", SITE_URL + "secondary-liver-cancer/treatments/surgery/"),
    ("Copy HTML", f'<a href="{SITE_URL}secondary-liver-cancer/treatments/surgery/">Surgery</a>'),
])
def test_copy_button_puts_the_link_on_the_clipboard_and_says_so(served_site, browser, button, expected):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(served_site.url(TOPIC_PAGE))
        card = page.locator("#link-secondary-liver-cancer-treatments-surgery")
        control = card.get_by_role("button", name=f"{button} for Surgery")
        control.click()
        expect(card.get_by_role("button", name="Copied for Surgery")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text(f"Copied: {expected}")
        assert page.evaluate("navigator.clipboard.readText()") == expected
    finally:
        context.close()


def test_page_starts_with_the_topics_links_before_the_address_patterns(real_site):
    article = str(real_site.page(PAGE).select_one("article"))
    first_link = article.find('href="secondary-liver-cancer/"')  # the topic's own page of links
    # The headings themselves: the list "On this page" at the top names them all first.
    patterns = article.find('<h2 id="how-the-web-addresses-work"')
    assert 0 < first_link < patterns
    assert article.find('<h2 id="terms-of-linking-and-reuse"') > patterns
    assert "You may link to any page of this site" in article and "contact the patient-info project" in article


@pytest.mark.parametrize("url", [PAGE, TOPIC_PAGE + "#a-card-for-your-web-page"])
def test_every_copy_button_copies_its_text_from_the_keyboard(served_site, browser, url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(served_site.url(url), wait_until="load", timeout=15_000)
        buttons = page.locator("button.copy-button")
        if url != PAGE:  # the topic page: its card's iframe code and HTML, and its link
            buttons = page.locator("#link-embed-secondary-liver-cancer button.copy-button")
        assert buttons.count() >= (10 if url == PAGE else 3)  # /for-clinics/: the site's own pages and the infobutton address
        for index in range(buttons.count()):
            button = buttons.nth(index)
            expected = page.locator(f"[id='{button.get_attribute('data-copy-target')}']").text_content()
            button.focus()
            page.keyboard.press("Enter")
            expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text(f"Copied: {expected}")
            assert page.evaluate("navigator.clipboard.readText()") == expected
    finally:
        context.close()


def test_a_topics_page_for_clinics_starts_with_what_a_gp_hands_over(real_site):
    """The patient link, its QR code and the two PDFs come first; the cards and the coding detail after them."""
    article = real_site.page(TOPIC_PAGE).select_one("article")
    order = {id(element): number for number, element in enumerate(article.find_all(True))}
    assert [h2.get_text(strip=True) for h2 in article.find_all("h2")][0] == "To give your patient"
    handover = article.select_one(".handover")
    link = handover.select_one("a.address")
    assert link["href"] == link.get_text() == SITE_URL + "secondary-liver-cancer/"
    qr = handover.select_one("img")
    overview_card = article.select_one("#link-secondary-liver-cancer")
    assert qr["src"] == overview_card.select_one(".link-card__qr img")["src"]  # the overview's QR code
    assert qr["alt"] == f"QR code that opens {SITE_URL}secondary-liver-cancer/"
    pdfs = handover.select("a[href$='.pdf']")
    assert [real_site.resolve(TOPIC_PAGE, a["href"]) for a in pdfs] == [
        "/secondary-liver-cancer/summary.pdf", "/secondary-liver-cancer/summary-large-print.pdf"]
    assert [a.get_text() for a in pdfs] == ["Download the summary (PDF, one sheet)",
                                           "Download the summary in large print (PDF)"]
    codes = article.find("h2", string="Diagnosis codes")
    first_card = article.select_one(".link-card")
    assert order[id(link)] < order[id(qr)] < order[id(pdfs[0])] < order[id(pdfs[1])] < order[id(first_card)]
    assert order[id(pdfs[1])] < order[id(codes)]


def test_the_patient_link_is_copied_from_the_top_of_a_topics_page(served_site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(served_site.url(TOPIC_PAGE))
        page.get_by_role("button", name="Copy the patient link").click()
        # The page's other status region is the search box's, in the header.
        expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text(
            f"Copied: {SITE_URL}secondary-liver-cancer/")
    finally:
        context.close()
