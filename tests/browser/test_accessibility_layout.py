"""Every built page reflows at 320 px and at 200% zoom, keeps its content without JavaScript,
and the theme's keyboard behaviour meets WCAG (no character-key shortcuts, menu and search by
keyboard, reduced motion honoured)."""

import pytest

from conftest import TOPIC, main_text

# Elements wider than the window, other than those inside a box that scrolls or clips on purpose
# (a focusable table region, the header's shortened title).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
  const wide = [...document.body.querySelectorAll('*')].filter(el => el.checkVisibility({visibilityProperty: true})
      && el.getBoundingClientRect().right > width + 1 && !clipped(el));
  return {scrollWidth: document.documentElement.scrollWidth, width,
          wide: wide.map(el => el.outerHTML.slice(0, 100))};
}"""

# Text in the main content that is cut off inside its own box.
CLIPPED_TEXT_JS = """() => [...document.querySelectorAll('article p, article li, article h1, article h2, article h3,'
    + ' article td, article th')]
  .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
  .map(el => el.textContent.trim().slice(0, 60))"""


def reflow_problems(served_site, browser, **context_options) -> list[str]:
    context = browser.new_context(**context_options)
    problems = []
    try:
        for url in served_site.site.urls():
            page = context.new_page()
            page.goto(served_site.url(url), wait_until="load")
            found = page.evaluate(OVERFLOW_JS)
            if found["scrollWidth"] > found["width"] or found["wide"]:
                problems.append(f"{url}: page is {found['scrollWidth']} px wide for {found['width']} px: {found['wide']}")
            problems += [f"{url}: text cut off: {text}" for text in page.evaluate(CLIPPED_TEXT_JS)]
            page.close()
    finally:
        context.close()
    return problems


def test_no_page_scrolls_sideways_at_320px(served_site, browser):
    assert reflow_problems(served_site, browser, viewport={"width": 320, "height": 640}) == []


def test_text_is_whole_and_on_screen_at_200_percent_zoom(served_site, browser):
    # Browser zoom halves the layout width and doubles the pixels: 1280 x 800 at 200%.
    problems = reflow_problems(served_site, browser, viewport={"width": 640, "height": 400}, device_scale_factor=2)
    assert problems == []


def test_core_content_is_present_and_visible_without_javascript(served_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    missing = []
    try:
        for url in served_site.site.urls():
            built = served_site.site.page(url)
            page = context.new_page()
            page.goto(served_site.url(url), wait_until="load")
            shown = "".join(page.inner_text("article").split())
            if shown != "".join(main_text(built).split()):
                missing.append(f"{url}: the article shows different text without JavaScript")
            links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.getAttribute('href'))")
            if links != [a["href"] for a in built.select("article a[href]")]:
                missing.append(f"{url}: the article's links differ without JavaScript")
            if not page.locator("h1").is_visible():
                missing.append(f"{url}: the heading is hidden without JavaScript")
            page.close()
    finally:
        context.close()
    assert missing == []


@pytest.fixture
def overview(served_site, browser):
    """The overview page: it has previous and next pages, so every theme shortcut would do something."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page.goto(served_site.url(f"/{TOPIC}/"), wait_until="load")
    yield page
    page.close()


@pytest.mark.parametrize("key", ["s", "f", "/", "p", "n", ",", "."])
def test_typing_a_character_in_the_page_body_does_nothing(overview, key):
    url = overview.url
    overview.keyboard.press(key)
    overview.wait_for_timeout(300)  # give a theme handler time to act, were there one
    assert overview.url == url
    assert overview.evaluate("document.activeElement === document.body")
    assert not overview.is_checked("#__search")


def test_characters_still_type_into_the_search_box(overview):
    overview.click(".site-search__input")
    overview.keyboard.type("sn/")
    assert overview.input_value(".site-search__input") == "sn/"


@pytest.mark.parametrize("name", ["Menu", "Search"])
def test_menu_and_search_open_from_the_keyboard_on_a_phone(served_site, browser, name):
    page = browser.new_page(viewport={"width": 375, "height": 800}, reduced_motion="reduce")
    try:
        page.goto(served_site.url(f"/{TOPIC}/"), wait_until="load")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('aria-label')") == name:
                break
        else:
            pytest.fail(f"Tab never reached the {name} button")
        page.keyboard.press("Enter")
        assert page.get_attribute(f"button[aria-label='{name}']", "aria-expanded") == "true"
        if name == "Menu":
            assert page.is_checked("#__drawer")
            assert page.locator(".md-sidebar--primary a[href]").first.is_visible()
        else:
            page.wait_for_function("document.activeElement.matches('.site-search__input')")
            assert page.locator(".site-search__input").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize("motion, expected", [("reduce", "0s"), ("no-preference", "0.125s")])
def test_animations_stop_when_the_reader_asks_for_reduced_motion(served_site, browser, motion, expected):
    page = browser.new_page(reduced_motion=motion)
    try:
        page.goto(served_site.url(f"/{TOPIC}/"), wait_until="load")
        # The theme fades link colours over 125 ms; with reduced motion nothing moves or fades.
        assert page.eval_on_selector("article a", "a => getComputedStyle(a).transitionDuration") == expected
    finally:
        page.close()
