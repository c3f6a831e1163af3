"""The pages look like patient information, measured from Chromium's computed styles at a desktop and a phone
width, in the light and the dark palette: large body text, AAA contrast, strong headings, short lines."""

import pytest

from conftest import TOPIC

PAGES = ["/", f"/{TOPIC}/", f"/{TOPIC}/treatments/surgery/", "/about/", "/glossary/"]
VIEWPORTS = {1280: {"width": 1280, "height": 900}, 375: {"width": 375, "height": 800}}
SMALLEST_BODY_TEXT = {1280: 19, 375: 16}  # px: NHS.UK's 19px on desktop; never below 16px on a phone
SCHEMES = {"light": "default", "dark": "slate"}
AAA = 7  # WCAG 1.4.6, enhanced contrast
LONGEST_LINE = 75  # characters: "about 70" with room for a long word

# The colour a reader sees: the element's text colour over the first opaque background behind it, with every
# translucent layer between them composited in, as the browser paints it.
STYLES = """
element => {
  const parse = value => {
    const parts = value.match(/[\\d.]+/g).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) layers.push(colour);
    if (colour.a === 1) break;
  }
  let background = {r: 255, g: 255, b: 255, a: 1};
  for (const layer of layers.reverse()) background = over(layer, background);
  const text = over(parse(getComputedStyle(element).color), background);
  const luminance = c => {
    const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  const style = getComputedStyle(element);
  return {contrast: (light + 0.05) / (dark + 0.05), size: parseFloat(style.fontSize),
          weight: Number(style.fontWeight)};
}
"""

# Characters per rendered line of a paragraph: its text length over the number of lines it wraps to
# (0 for a paragraph not shown at this width).
LINE_LENGTH = """
element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
  return tops.size ? element.textContent.trim().length / tops.size : 0;
}
"""


@pytest.fixture(scope="module", params=[(width, scheme) for width in VIEWPORTS for scheme in SCHEMES],
                ids=lambda p: f"{p[0]}px-{p[1]}")
def look(request, served_site, browser):
    """Each page's measured styles at one width in one palette."""
    width, scheme = request.param
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    measured = {}
    try:
        for url in PAGES:
            page = context.new_page()
            page.goto(served_site.url(url), wait_until="load")
            assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
            measured[url] = {
                "body": page.eval_on_selector_all("article > p, article li", f"els => els.map({STYLES})"),
                "h1": page.eval_on_selector("article h1", STYLES),
                "h2": page.eval_on_selector_all("article h2", f"els => els.map({STYLES})"),
                "lines": page.eval_on_selector_all("article > p", f"els => els.map({LINE_LENGTH})"),
            }
            page.close()
    finally:
        context.close()
    return width, measured


def test_body_text_is_large(look):
    width, measured = look
    for url, styles in measured.items():
        assert styles["body"], url
        assert min(style["size"] for style in styles["body"]) >= SMALLEST_BODY_TEXT[width], url


def test_body_text_and_headings_have_enhanced_contrast(look):
    _, measured = look
    for url, styles in measured.items():
        for style in [*styles["body"], styles["h1"], *styles["h2"]]:
            assert style["contrast"] >= AAA, (url, style)


def test_the_page_title_is_the_strongest_heading(look):
    _, measured = look
    for url, styles in measured.items():
        h1 = styles["h1"]
        assert h1["weight"] >= 700, url
        for h2 in styles["h2"]:
            assert h2["weight"] >= 700 and h1["size"] > h2["size"], url


def test_lines_are_about_70_characters_at_most(look):
    _, measured = look
    for url, styles in measured.items():
        assert max(styles["lines"]) <= LONGEST_LINE, (url, max(styles["lines"]))


PUBLISHER = "Published by the patient-info project"
SHOWN_IN_FULL = """
element => {
  const style = getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden" && element.getClientRects().length > 0
    && element.scrollWidth <= element.clientWidth + 1;
}
"""


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_publisher_is_named_in_full_at_every_width(served_site, browser, width):
    """In the header where it fits; on a phone, where the header cut it, at the top of the page."""
    context = browser.new_context(viewport=VIEWPORTS[width])
    try:
        page = context.new_page()
        for url in PAGES:
            page.goto(served_site.url(url), wait_until="load")
            shown = [element.inner_text().strip() for element in page.query_selector_all(
                ".site-title__publisher, article .publisher-line") if element.evaluate(SHOWN_IN_FULL)]
            assert shown == [PUBLISHER], (url, width, shown)
    finally:
        context.close()
