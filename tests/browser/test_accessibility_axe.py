"""axe-core finds no accessibility fault on any built page opened on its own, on a desktop and a phone, light and
dark: the site's pages, the embed cards (made for other sites' iframes, but opened on their own from a copied link
or by a screen reader entering the frame) and the pages that forward old addresses and code links.

Pages come from the build output, so pages added later are checked without touching this file.
"""

import pytest

from conftest import node_tool

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules among those tags whose outcome depends on colours. The dark palette changes colours
# only, so these are the rules run again in it; the rest judge markup that both palettes share.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "375px": {"width": 375, "height": 800}}
# The palette the theme must show for each colour scheme the reader's system asks for.
SCHEMES = {"light": "default", "dark": "slate"}
# The embed card has no theme: its own colours follow the reader's preference (embed.html.j2).
CARD_BACKGROUNDS = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def axe_source():
    return node_tool("axe-core/axe.min.js").read_text("utf-8")


def run_axe(page, axe_source: str, run_only: dict | None = None) -> list[dict]:
    page.add_script_tag(content=axe_source)
    options = {"runOnly": run_only or {"type": "tag", "values": AXE_TAGS}}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


def describe(url: str, violation: dict) -> list[str]:
    """One line per failing element: page, rule, element and what axe says is wrong."""
    return [f"{url}: {violation['id']} ({violation['help']}) at {' '.join(map(str, node['target']))}: "
            f"{node['failureSummary'].splitlines()[-1].strip()}" for node in violation["nodes"]]


def violations_on_every_page(served_site, browser, axe_source, *, viewport, scheme, run_only=None) -> list[str]:
    site = served_site.site
    cards, redirects = site.embed_card_urls(), site.redirect_urls()
    assert cards, "no embed card in the build: the card's own check below would check nothing"
    # axe goes in as an inline script, which each page's Content Security Policy blocks (as it should):
    # this context sets the policy aside; tests/browser/test_content_security_policy.py holds pages to it.
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    problems = []
    try:
        for url in [*site.urls(), *cards, *redirects]:
            page = (open_held if url in redirects else open_page)(context, served_site.url(url))
            # Proves the palette under test is really the one shown. The forwarding pages have one palette only.
            if url in cards:
                assert page.evaluate("getComputedStyle(document.body).backgroundColor") == CARD_BACKGROUNDS[scheme], url
            elif url not in redirects:
                assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], url
            for violation in run_axe(page, axe_source, run_only):
                problems += describe(url, violation)
            page.close()
    finally:
        context.close()
    return problems


def open_page(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    return page


def open_held(context, url: str):
    """A page that forwards at once, held in place as a browser that does not follow refreshes would show it: the
    request for the page it forwards to is answered "204 No Content", which leaves the current page shown."""
    page = context.new_page()
    page.route("**/*", lambda route: route.fulfill(status=204) if route.request.is_navigation_request()
               and route.request.url != url else route.continue_())
    with page.expect_request(lambda request: request.is_navigation_request() and request.url != url,
                             timeout=TIMEOUT_MS):  # it did try to forward
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    assert page.url == url
    return page


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_has_no_axe_violations(served_site, browser, axe_source, viewport):
    problems = violations_on_every_page(served_site, browser, axe_source, viewport=viewport, scheme="light")
    assert not problems, f"{len(problems)} axe violations at {viewport}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_meets_contrast_rules_in_the_dark_palette(served_site, browser, axe_source, viewport):
    problems = violations_on_every_page(served_site, browser, axe_source, viewport=viewport, scheme="dark",
                                        run_only={"type": "rule", "values": COLOUR_RULES})
    assert not problems, f"{len(problems)} axe violations at {viewport}, dark:\n" + "\n".join(problems)


def test_axe_reports_a_planted_fault(served_site, browser, axe_source):
    """The check above can fail: an image without a text alternative is reported with its rule."""
    page = browser.new_page(bypass_csp=True)  # axe goes in as an inline script (see violations_on_every_page)
    try:
        page.goto(served_site.url("/"), wait_until="load")
        page.evaluate("document.querySelector('article').append(Object.assign(new Image(1, 1), {src: 'x.png'}))")
        assert "image-alt" in {violation["id"] for violation in run_axe(page, axe_source)}
    finally:
        page.close()


def test_axe_reports_an_embed_card_without_its_main_landmark(served_site, browser, axe_source):
    """The card is checked as a page of its own, where a document needs a main landmark (in an iframe it does not)."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], bypass_csp=True)
    try:
        page = open_page(context, served_site.url(served_site.site.embed_card_urls()[0]))
        page.evaluate("""() => { const main = document.querySelector('main'), box = document.createElement('div');
                                 box.append(...main.childNodes); main.replaceWith(box); }""")
        assert "landmark-one-main" in {violation["id"] for violation in run_axe(page, axe_source)}
    finally:
        context.close()


# axe's scrollable-region-focusable, as a synchronous check: axe.run never settles in a page with scripts off.
UNREACHABLE_SCROLLING = """() => [...document.querySelectorAll('body *')].filter(element => {
    const style = getComputedStyle(element);
    const scrolls = (element.scrollWidth > element.clientWidth + 1 && /auto|scroll/.test(style.overflowX))
        || (element.scrollHeight > element.clientHeight + 1 && /auto|scroll/.test(style.overflowY));
    return scrolls && element.tabIndex < 0 && !element.querySelector('a[href], button, input, select, textarea, [tabindex]');
}).map(element => element.tagName.toLowerCase() + (element.className ? '.' + element.className : ''))"""


def test_no_region_scrolls_out_of_keyboard_reach_on_a_phone_without_javascript(served_site, browser):
    """The theme's script makes code blocks focusable; before it runs, or without it, a code block that scrolled
    sideways at 375 px was a region no keyboard could reach (the editors' guide's examples). They wrap instead."""
    context = browser.new_context(viewport=VIEWPORTS["375px"], java_script_enabled=False)
    problems = []
    try:
        for url in served_site.site.urls():
            page = context.new_page()
            page.goto(served_site.url(url), wait_until="load")
            problems += [f"{url}: {element}" for element in page.evaluate(UNREACHABLE_SCROLLING)]
            page.close()
    finally:
        context.close()
    assert not problems, "regions that scroll but cannot be reached by keyboard:\n" + "\n".join(problems)
