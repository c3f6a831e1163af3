"""A topic's page starts with its own words: on a phone (375 px) and at 200% zoom (1280 x 800 at zoom 2, that is
640 x 400 CSS px) the page's first sentence shows on the first screen, under its title and the one-line review
notice, which is shown (never hidden or folded away) and links to what it means. A demonstration says so there
too. Measured in Chromium, with the page's scripts running as a reader's browser runs them."""

import pytest

from conftest import TOPIC

SCREENS = {
    "375px": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "200% zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}
PAGES = [f"/{TOPIC}/treatments/surgery/", f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/"]

# The first sentence of the page's own content: the first paragraph or list item after the title that is not
# the review line, the demonstration line, the editors' banner or the list of sections.
FIRST_SENTENCE = """
() => {
  const article = document.querySelector("article");
  const title = article.querySelector("h1");
  const skip = ".review-notice, .on-this-page, .editors-preview, .page-actions, .print-meta, .publisher-line";
  const candidates = [...article.querySelectorAll("p, li")].filter(element =>
    (title.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) && !element.closest(skip)
    && element.textContent.trim());
  const first = candidates[0];
  const box = first.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(first).lineHeight);
  return {text: first.textContent.trim().slice(0, 60), top: box.top, line};
}
"""


@pytest.fixture(scope="module", params=list(SCREENS), ids=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(**SCREENS[request.param], reduced_motion="reduce")
    yield request.param, context
    context.close()


@pytest.fixture
def opened(served_site, screen, path):
    """The page at `path` on the screen: (screen's name, tab, screen height), the tab closed after the test."""
    name, context = screen
    page = context.new_page()
    page.goto(served_site.url(path), wait_until="load", timeout=15_000)
    yield name, page, page.viewport_size["height"]
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_first_sentence_of_the_page_shows_on_the_first_screen(opened, path):
    name, page, height = opened
    first = page.evaluate(FIRST_SENTENCE)
    # Its whole first line is on the screen, not only its top edge.
    assert first["top"] >= 0 and first["top"] + first["line"] <= height, (name, path, first, height)


@pytest.mark.parametrize("path", PAGES)
def test_the_review_notice_and_the_demonstration_line_are_shown_on_the_first_screen(opened, path):
    name, page, height = opened
    for selector in ("article .review-notice", ".demonstration-line"):
        element = page.locator(selector)
        assert element.count() == 1 and element.is_visible(), (name, path, selector)
        box = element.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (name, path, selector, box)
    line = page.locator("article .review-notice")
    assert line.inner_text().startswith("Not yet checked by a doctor or nurse.")
    # Its link goes to what it means, on the same page, and that section says the notice whole.
    line.get_by_role("link", name="What this means").click()
    page.wait_for_function("location.hash === '#where-this-information-comes-from'", timeout=5_000)
    section = page.locator("#where-this-information-comes-from")
    assert section.is_visible() and section.bounding_box()["y"] < height
