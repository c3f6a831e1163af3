"""Glossary terms on a phone and by keyboard: tapping a term shows its explanation in place, at the size of the text
around it, without leaving the page or asking the server for anything; Enter or Space opens it, Escape closes it and
gives the focus back; screen readers hear a button that is expanded or collapsed. Without JavaScript the term is a
link to the glossary."""

from urllib.parse import urlsplit

import pytest

from conftest import ROOT, TOPIC
from patient_info.content.check import load_site
from printing import print_to_pdf
from test_accessibility_axe import axe_source, describe, run_axe  # noqa: F401 - axe_source is a fixture

SURGERY = f"/{TOPIC}/treatments/surgery/"
TERM = "neuroendocrine tumour"
GLOSSARY = {term.id: term for term in load_site(ROOT / "content").glossary.terms}
DEVICES = {
    "1280": {"viewport": {"width": 1280, "height": 900}},
    "375-touch": {"viewport": {"width": 375, "height": 800}, "has_touch": True, "is_mobile": True},
}
TIMEOUT_MS = 15_000


class Opened:
    """A page in its own browser context, loaded and settled, with every request it makes from then on."""

    def __init__(self, browser, url: str, **options):
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url, wait_until="networkidle", timeout=TIMEOUT_MS)
        self.requests = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def term(self, name: str = TERM, **state):
        return self.page.get_by_role("button", name=name, exact=True, **state)

    def definition(self, term):
        return self.page.locator(f"[id='{term.get_attribute('aria-controls')}']")


@pytest.fixture
def opened(browser):
    pages = []

    def open_page(url, **options):
        pages.append(Opened(browser, url, **options))
        return pages[-1]
    yield open_page
    for page in pages:
        page.context.close()


def activate(page, term, device: str) -> None:
    term.tap() if device == "375-touch" else term.click()


@pytest.mark.parametrize("device", DEVICES)
def test_tapping_a_term_shows_its_definition_in_place_at_body_size(served_site, opened, device):
    visit = opened(served_site.url(SURGERY), **DEVICES[device])
    assert visit.term(expanded=False).is_visible()
    term = visit.term()
    definition = visit.definition(term)
    assert definition.is_hidden()
    activate(visit.page, term, device)
    assert visit.term(expanded=True).is_visible()
    assert definition.is_visible()
    expected = GLOSSARY["neuroendocrine-tumour"]
    assert " ".join(definition.inner_text().split()) == (f"{expected.term}: {expected.definition} "
                                                         f"“{expected.term}” in the glossary")
    assert urlsplit(visit.page.url).path == SURGERY  # still on the page
    sizes = definition.evaluate("d => [getComputedStyle(d).fontSize, getComputedStyle(d.closest('li, p')).fontSize]")
    assert sizes[0] == sizes[1] and float(sizes[0].removesuffix("px")) >= 16
    # It shows under the sentence with the term, inside the page's width.
    box, term_box = definition.bounding_box(), term.bounding_box()
    assert box["y"] >= term_box["y"] + term_box["height"] - 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= DEVICES[device]["viewport"]["width"]
    activate(visit.page, term, device)
    assert definition.is_hidden() and visit.term(expanded=False).is_visible()
    assert visit.requests == []  # the definition came from the page itself
    assert visit.errors == []


def test_enter_and_space_open_a_term_and_escape_closes_it_and_gives_back_the_focus(served_site, opened):
    visit = opened(served_site.url(SURGERY), **DEVICES["1280"])
    page = visit.page
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == TERM:
            break
    else:
        pytest.fail("Tab never reached the term")
    term = visit.term()
    definition = visit.definition(term)
    page.keyboard.press("Enter")
    assert definition.is_visible() and term.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    assert definition.is_hidden() and term.get_attribute("aria-expanded") == "false"
    scrolled = page.evaluate("scrollY")
    page.keyboard.press(" ")
    assert definition.is_visible() and page.evaluate("scrollY") == scrolled  # Space opens; the page stays put
    page.keyboard.press("Escape")
    assert definition.is_hidden() and term.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == term.get_attribute("aria-controls")
    # From the glossary link inside the definition, Escape closes it and returns to the term.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "“Neuroendocrine tumour” in the glossary"
    page.keyboard.press("Escape")
    assert definition.is_hidden()
    assert page.evaluate("document.activeElement.textContent") == TERM
    assert visit.requests == [] and visit.errors == []


def test_every_term_on_a_page_is_a_button_that_controls_its_own_definition(served_site, opened):
    visit = opened(served_site.url(f"/{TOPIC}/"), **DEVICES["375-touch"])
    terms = visit.page.locator("article a.glossary-term")
    assert terms.count() >= 5
    for index in range(terms.count()):
        term = terms.nth(index)
        assert term.get_attribute("role") == "button" and term.get_attribute("aria-expanded") == "false"
        term_id = urlsplit(term.get_attribute("href")).fragment
        definition = visit.definition(term)
        assert definition.count() == 1 and definition.is_hidden()
        assert definition.text_content().startswith(f"{GLOSSARY[term_id].term}: {GLOSSARY[term_id].definition}")
    assert visit.errors == []


def test_without_javascript_a_term_is_a_link_to_the_glossary(served_site, opened):
    visit = opened(served_site.url(SURGERY), java_script_enabled=False, **DEVICES["375-touch"])
    link = visit.page.get_by_role("link", name=TERM, exact=True)
    assert link.get_attribute("aria-expanded") is None
    assert visit.page.locator(".glossary-definition").count() == 0  # the definitions stay in their templates
    link.tap()
    visit.page.wait_for_url("**/glossary/#neuroendocrine-tumour", timeout=TIMEOUT_MS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("url", [SURGERY, f"/{TOPIC}/summary/"])
def test_open_definitions_pass_axe(served_site, opened, axe_source, device, scheme, url):
    visit = opened(served_site.url(url), bypass_csp=True, color_scheme=scheme, **DEVICES[device])
    terms = visit.page.locator("article a.glossary-term")
    assert terms.count() >= 2
    for index in range(terms.count()):
        activate(visit.page, terms.nth(index), device)
    assert visit.page.locator(".glossary-definition:not([hidden])").count() == terms.count()
    assert [line for violation in run_axe(visit.page, axe_source) for line in describe(url, violation)] == []


def test_a_definition_opened_on_the_summary_is_left_off_the_printed_sheet(served_site, opened):
    visit = opened(served_site.url(f"/{TOPIC}/summary/"), **DEVICES["1280"])
    term = visit.page.locator(".handout a.glossary-term").first
    term.click()
    definition = visit.definition(term)
    assert definition.is_visible()
    pdf = print_to_pdf(visit.page, "Letter")
    assert len(pdf.pages) == 2
    assert "in the glossary" not in pdf.text
    visit.page.emulate_media(media="print")
    assert definition.is_hidden()
