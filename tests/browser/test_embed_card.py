"""The embed card in an iframe on a clinic's page (tests/fixtures/clinic-page.html), served from another port as
another site would be: axe finds nothing on the host page or inside the card at 320 and 1280 px in both
palettes, its links open in the top window, and it fits from 280 px without scrolling."""

import pytest

from conftest import FIXTURES, ROOT
from patient_info.content.check import load_site
from patient_info.links.catalogue import catalogue
from patient_info.wording import wording
from patient_info.wording import wording
from patient_info.pages.embed import IFRAME_HEIGHT, iframe_snippet
from serving import serve
from test_accessibility_axe import AXE_TAGS, axe_source, describe  # noqa: F401 (axe_source is a fixture)

SITE_URL = "https://patient-info.example.org/"
CARD = "/embed/secondary-liver-cancer/"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def clinic(served_site, tmp_path_factory):
    """The clinic page with its links and iframe pointed at the served site, on a server of its own."""
    folder = tmp_path_factory.mktemp("clinic")
    html = (FIXTURES / "clinic-page.html").read_text("utf-8").replace(SITE_URL, served_site.base_url + "/")
    # Shown at once, so that the card is there when the page has loaded.
    (folder / "index.html").write_text(html.replace(' loading="lazy"', ""), "utf-8")
    with serve(folder) as clinic_url:
        yield clinic_url + "/"


def open_clinic(browser, clinic, *, width: int, scheme: str = "light"):
    # axe goes into the card as an inline script, which its Content Security Policy blocks: set aside here
    # (tests/browser/test_content_security_policy.py holds every page, the card included, to its policy).
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(clinic, wait_until="load", timeout=TIMEOUT_MS)
    card = page.frame_locator("iframe[data-kind=embed]")
    card.locator("h1").wait_for(timeout=TIMEOUT_MS)
    return context, page


def card_frame(page):
    return next(frame for frame in page.frames if frame.url.endswith(CARD))


def axe_with_the_card(page, axe_source, run_only=None) -> list[dict]:
    """axe run from the host page, with axe in the card too, so that the card's document is checked as well."""
    for frame in (page.main_frame, card_frame(page)):
        frame.add_script_tag(content=axe_source)
        # The card comes from another origin (another port), which axe does not talk to unless told.
        frame.evaluate("axe.configure({allowedOrigins: ['<unsafe_all_origins>']})")
    options = {"runOnly": run_only or {"type": "tag", "values": AXE_TAGS}, "iframes": True}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_nothing_on_the_clinic_page_or_inside_the_card(browser, clinic, axe_source, width, scheme):
    context, page = open_clinic(browser, clinic, width=width, scheme=scheme)
    try:
        problems = [line for violation in axe_with_the_card(page, axe_source) for line in describe(CARD, violation)]
        assert problems == []
    finally:
        context.close()


def test_axe_run_from_the_host_reports_a_fault_planted_inside_the_card(browser, clinic, axe_source):
    context, page = open_clinic(browser, clinic, width=1280)
    try:
        card_frame(page).evaluate("document.querySelector('main').append(Object.assign(new Image(1, 1), "
                                  "{src: 'x.png'}))")
        violations = axe_with_the_card(page, axe_source)
        image_alt = [node for v in violations if v["id"] == "image-alt" for node in v["nodes"]]
        assert image_alt and image_alt[0]["target"][0].startswith("iframe")
    finally:
        context.close()


@pytest.mark.parametrize("link, path", [("Read about the treatments", "/secondary-liver-cancer/"),
                                        ("Print a summary (one sheet of paper)", "/secondary-liver-cancer/summary/"),
                                        ("Patient information", "/")])
def test_card_links_open_in_the_top_window(browser, clinic, served_site, link, path):
    context, page = open_clinic(browser, clinic, width=1280)
    try:
        page.frame_locator("iframe[data-kind=embed]").get_by_role("link", name=link).click()
        page.wait_for_url(served_site.url(path), timeout=TIMEOUT_MS)
        assert page.locator("iframe").count() == 0  # the top window left the clinic page
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_card_follows_the_readers_colour_preference(browser, clinic, scheme):
    context, page = open_clinic(browser, clinic, width=1280, scheme=scheme)
    try:
        background = card_frame(page).evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}[scheme]
    finally:
        context.close()


@pytest.mark.parametrize("width", [280, 320, 600])
def test_card_fits_its_iframe_from_280_px_without_scrolling(browser, served_site, width):
    context = browser.new_context(viewport={"width": width, "height": IFRAME_HEIGHT})
    try:
        page = context.new_page()
        page.goto(served_site.url(CARD), wait_until="load", timeout=TIMEOUT_MS)
        size = page.evaluate("({width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight})")
        assert size["width"] <= width and size["height"] <= IFRAME_HEIGHT, size
    finally:
        context.close()


def test_clinic_page_holds_the_iframe_code_the_topic_page_offers(served_site):
    """The fixture's iframe is what a clinic copies from /for-clinics/<topic>/, so the tests above test that."""
    site = load_site(ROOT / "content")
    card = next(link for link in catalogue(site, wording(site.settings.language)) if link.kind == "embed")
    offered = served_site.site.page("/for-clinics/secondary-liver-cancer/").select_one(
        "#link-embed-secondary-liver-cancer-iframe").get_text()
    assert offered == iframe_snippet(card, SITE_URL, site.settings.language)
    assert offered.replace(' loading="lazy"', "").replace(' data-kind="embed"', "") in \
        (FIXTURES / "clinic-page.html").read_text("utf-8").replace(' data-kind="embed"', "").replace(' loading="lazy"', "")
