"""Print and share on every page for patients: named buttons a keyboard reaches, the browser's own share sheet
or a copied link, hidden on paper, and the page's address as text when JavaScript is off."""

import pytest

from conftest import TOPIC

PATIENT_PAGES = ["/", f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/", f"/{TOPIC}/treatments/surgery/",
                 f"/{TOPIC}/summary/", f"/{TOPIC}/summary/large-print/", "/glossary/",
                 f"/{TOPIC}/situations/liver-areas/many-areas/"]
BUTTONS = {"print": "[data-print-button]", "share": "[data-share-button]"}


def canonical(served_site, path) -> str:
    return served_site.site.page(path).select_one('link[rel="canonical"]')["href"]


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_print_and_share_buttons_are_named_and_hidden_on_paper(served_site, page, path):
    page.goto(served_site.url(path))
    assert page.get_by_role("button", name="Print this page").is_visible()
    assert page.get_by_role("button", name="Share this page").is_visible()
    page.emulate_media(media="print")
    for selector in BUTTONS.values():
        assert not page.locator(selector).is_visible(), selector
    assert not page.locator(".page-actions").is_visible()


def test_pages_for_clinics_and_editors_have_no_share_button(served_site, page):
    for path in ("/for-clinics/", f"/for-clinics/{TOPIC}/", "/editors/content-report/"):
        page.goto(served_site.url(path))
        assert page.locator("[data-share-button]").count() == 0, path


@pytest.mark.parametrize("name, selector", BUTTONS.items())
def test_each_button_is_reached_by_keyboard_with_a_focus_ring(served_site, page, name, selector):
    page.goto(served_site.url(f"/{TOPIC}/treatments/surgery/"))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            break
    else:
        pytest.fail(f"Tab never reached the {name} button")
    outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])"
                            "(getComputedStyle(document.activeElement))")
    assert outline[0] != "none" and outline[1] >= 2


def test_share_opens_the_browsers_share_sheet_with_the_pages_address(served_site, page):
    path = f"/{TOPIC}/treatments/surgery/"
    page.add_init_script("navigator.share = data => { window.shared = data; return Promise.resolve(); };")
    page.goto(served_site.url(path))
    page.get_by_role("button", name="Share this page").focus()
    page.keyboard.press("Enter")
    shared = page.evaluate("window.shared")
    assert shared["url"] == canonical(served_site, path)
    assert shared["title"] == page.title()


def test_without_a_share_sheet_share_copies_the_address_and_says_so(served_site, browser):
    path = f"/{TOPIC}/"
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.add_init_script("delete Navigator.prototype.share;")
        page.goto(served_site.url(path))
        assert page.evaluate("typeof navigator.share") == "undefined"
        page.get_by_role("button", name="Share this page").click()
        page.get_by_role("button", name="Link copied").wait_for(timeout=5000)
        assert page.evaluate("navigator.clipboard.readText()") == canonical(served_site, path)
        assert page.locator("[data-share-status]").inner_text() == f"Link copied: {canonical(served_site, path)}"
    finally:
        context.close()


def test_without_javascript_the_address_shows_as_text_and_no_button_does(served_site, browser):
    path = f"/{TOPIC}/treatments/surgery/"
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url(path))
        for selector in BUTTONS.values():
            assert not page.locator(selector).is_visible(), selector
        address = page.locator("[data-share-address]")
        assert address.is_visible()
        assert canonical(served_site, path) in address.inner_text()
    finally:
        context.close()


def test_with_javascript_the_address_text_gives_way_to_the_share_button(served_site, page):
    page.goto(served_site.url(f"/{TOPIC}/"))
    assert not page.locator("[data-share-address]").is_visible()
