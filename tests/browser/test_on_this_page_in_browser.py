""""On this page" on phones: long pages list their sections near the top at 375 px (the theme hides its own
list there) and not at 1280 px (the theme shows its own beside the text). One line until opened; it opens by
keyboard and by touch without JavaScript, its links lead to the sections, and axe finds nothing wrong in it."""

import pytest

from conftest import TOPIC
from test_accessibility_axe import AXE_TAGS, axe_source, describe  # noqa: F401 (axe_source: a fixture)

LONG_PAGES = [f"/{TOPIC}/", f"/{TOPIC}/treatments/surgery/", f"/{TOPIC}/how-treatment-is-chosen/", "/about/",
              "/glossary/"]
PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def sections_of(site, path: str) -> list[tuple[str, str]]:
    """The page's sections (h2 in its text), then "Who to contact": what the list should name, in order."""
    article = site.page(path).select_one("article")
    found = [("#" + h2["id"], " ".join(h2.get_text(" ").split())) for h2 in article.select("h2[id]")
             if not h2.find_parent(class_="contact-box")]
    return found + [("#contact-box-title", "Who to contact")]


def test_long_pages_list_their_sections_and_short_ones_do_not(real_site):
    for path in LONG_PAGES:
        nav = real_site.page(path).select_one("article nav.on-this-page")
        assert nav is not None and nav["aria-label"] == "On this page", path
        listed = [(a["href"], a.get_text(strip=True)) for a in nav.select("a")]
        assert listed == sections_of(real_site, path), path
    # The editors' content report is filled in after every page is read: it has no list.
    for path in [url for url in real_site.urls() if url != "/editors/content-report/"]:
        page = real_site.page(path)
        count = len([h2 for h2 in page.select("article h2[id]") if not h2.find_parent(class_="contact-box")])
        has_list = page.select_one("nav.on-this-page") is not None
        assert has_list == (count >= 3 and page.select_one(".handout") is None), path


@pytest.mark.parametrize("path", LONG_PAGES)
def test_it_shows_on_a_phone_and_not_on_a_desktop(served_site, browser, path):
    for options, shown in ((PHONE, True), (DESKTOP, False)):
        context = browser.new_context(**options)
        try:
            page = context.new_page()
            page.goto(served_site.url(path), wait_until="load", timeout=15_000)
            assert page.locator("nav.on-this-page").is_visible() is shown, (path, options)
            if shown:
                # Near the top: within the first two screens, after the page's first sentence.
                assert page.locator("nav.on-this-page").bounding_box()["y"] < 2 * page.viewport_size["height"]
        finally:
            context.close()


def test_it_opens_by_keyboard_without_javascript_and_its_links_lead_to_the_sections(served_site, browser):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url(f"/{TOPIC}/treatments/surgery/"), wait_until="load", timeout=15_000)
        summary = page.locator("nav.on-this-page summary")
        links = page.locator("nav.on-this-page a")
        assert not links.first.is_visible()  # one line until opened
        summary.focus()
        page.keyboard.press("Enter")
        assert links.first.is_visible() and links.count() >= 8
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == links.first.get_attribute("href")
        target = links.nth(2).get_attribute("href")
        links.nth(2).click()
        page.wait_for_function(f"location.hash === '{target}'", timeout=5_000)
        box = page.locator(target).bounding_box()
        assert 0 <= box["y"] < page.viewport_size["height"]
    finally:
        context.close()


def test_it_opens_by_touch(served_site, browser):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(served_site.url(f"/{TOPIC}/"), wait_until="load", timeout=15_000)
        page.locator("nav.on-this-page summary").tap()
        assert page.locator("nav.on-this-page a").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("opened", [False, True], ids=["closed", "open"])
def test_axe_finds_nothing_wrong_in_it(served_site, browser, axe_source, opened):
    context = browser.new_context(**PHONE, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(served_site.url(f"/{TOPIC}/"), wait_until="load", timeout=15_000)
        if opened:
            page.locator("nav.on-this-page summary").click()
        page.add_script_tag(content=axe_source)
        violations = page.evaluate("options => axe.run('nav.on-this-page', options)",
                                   {"runOnly": {"type": "tag", "values": AXE_TAGS}})["violations"]
        assert not [line for violation in violations for line in describe("on this page", violation)]
    finally:
        context.close()
