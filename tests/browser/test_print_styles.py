"""Every page prints well: screen furniture hidden, where the paper came from shown, nothing cut off."""

import re
from collections import Counter

import pytest

from conftest import TOPIC
from printing import missing_words, print_to_pdf, words

PAGES = ["/", f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/", f"/{TOPIC}/treatments/surgery/"]
SCREEN_ONLY = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".site-search",
    "palette toggle": "[data-md-component=palette]",
    "skip link": ".md-skip",
    "footer navigation": ".md-footer__inner",
}


@pytest.mark.parametrize("path", PAGES)
def test_print_hides_everything_that_only_works_on_screen(served_site, page, path):
    page.goto(served_site.url(path))
    on_screen = {name for name, selector in SCREEN_ONLY.items() if page.locator(selector).count()}
    assert {"header", "navigation", "search", "palette toggle"} <= on_screen
    page.emulate_media(media="print")
    shown = [name for name, selector in SCREEN_ONLY.items()
             if any(element.is_visible() for element in page.locator(selector).all())]
    assert shown == []


@pytest.mark.parametrize("path", PAGES)
def test_print_shows_title_web_address_and_review_date_that_the_screen_does_not(served_site, page, path):
    page.goto(served_site.url(path))
    meta = page.locator(".print-meta")
    assert not meta.is_visible()
    page.emulate_media(media="print")
    text = meta.inner_text()
    canonical = served_site.site.page(path).select_one('link[rel="canonical"]')["href"]
    assert canonical in text
    assert page.locator("article h1").inner_text() in text
    if path != "/":
        assert "Last reviewed: " in text


def test_print_writes_out_where_external_links_go_but_not_internal_ones(served_site, page):
    page.goto(served_site.url(f"/{TOPIC}/"))
    page.evaluate("""() => {
        const article = document.querySelector('article');
        article.insertAdjacentHTML('beforeend',
            '<p><a id="outside" href="https://www.example.com/leaflet">a leaflet</a> ' +
            '<a id="inside" href="treatments/surgery/">surgery</a></p>');
    }""")
    after = "id => getComputedStyle(document.getElementById(id), '::after').content"
    assert page.evaluate(after, "outside") == "none"
    page.emulate_media(media="print")
    assert page.evaluate(after, "outside") == '" (https://www.example.com/leaflet)"'
    assert page.evaluate(after, "inside") == "none"


def test_print_keeps_headings_with_their_text_and_statements_and_caveats_whole(served_site, page):
    page.goto(served_site.url(f"/{TOPIC}/treatments/surgery/"))
    page.emulate_media(media="print")
    style = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"
    assert page.evaluate(style, ["article h2", "breakAfter"]) == "avoid"
    assert page.evaluate(style, ["article .caveats li", "breakInside"]) == "avoid"
    page.goto(served_site.url(f"/{TOPIC}/how-treatment-is-chosen/"))
    assert page.evaluate(style, ["article li .statement", "display"]) == "inline"
    assert page.evaluate(style, ["article li", "breakInside"]) == "avoid"  # a statement is never split


@pytest.mark.parametrize("path", [f"/{TOPIC}/treatments/surgery/", f"/{TOPIC}/how-treatment-is-chosen/"])
def test_printed_page_contains_all_of_its_main_text(served_site, page, path):
    page.goto(served_site.url(path))
    page.emulate_media(media="print")
    main = words(page.locator("article").inner_text())
    assert len(main) > 100
    printed = words(print_to_pdf(page, "A4").text)
    assert missing_words(main, printed) == {}


PRINTED_EVERYWHERE = [*PAGES, f"/{TOPIC}/summary/", f"/{TOPIC}/summary/large-print/", "/for-clinics/",
                      f"/for-clinics/{TOPIC}/", "/glossary/"]


@pytest.mark.parametrize("path", PRINTED_EVERYWHERE)
def test_no_button_or_control_prints(served_site, page, path):
    page.goto(served_site.url(path))
    page.emulate_media(media="print")
    # A glossary term is a button on screen (it opens its explanation) and a word of the sentence on paper.
    shown = page.eval_on_selector_all("button, .md-button, input, select, [role=button]:not(.glossary-term)",
                                      "els => els.filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))")
    assert shown == []


# Every absolute address the printed page shows: in its text, and written out after its links.
PRINTED_ADDRESSES_JS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && parent.checkVisibility() && !parent.closest('script, style')) found.push(walker.currentNode.data);
  }
  for (const link of document.querySelectorAll('a')) {
    const after = getComputedStyle(link, '::after').content;
    if (link.checkVisibility() && after !== 'none') found.push(after);
  }
  return found;
}"""


def test_a_topics_links_for_clinics_print_each_address_once(served_site, page):
    page.goto(served_site.url(f"/for-clinics/{TOPIC}/"))
    page.emulate_media(media="print")
    texts = page.evaluate(PRINTED_ADDRESSES_JS)
    addresses = Counter(url for text in texts for url in re.findall(r"https?://[^\s\"'()<>]+", text))
    assert addresses, "no address printed"
    assert {url: n for url, n in addresses.items() if n > 1} == {}


@pytest.mark.parametrize("path", ["/for-clinics/", f"/for-clinics/{TOPIC}/", f"/{TOPIC}/"])
def test_a_link_whose_text_is_its_address_does_not_print_it_again(served_site, page, path):
    page.goto(served_site.url(path))
    page.emulate_media(media="print")
    doubled = page.eval_on_selector_all("a[href^='http']", """links => links
        .filter(a => a.textContent.trim() === a.href && getComputedStyle(a, '::after').content !== 'none')
        .map(a => a.href)""")
    assert doubled == []


def test_cards_for_clinics_are_not_split_across_pages(served_site, page):
    page.goto(served_site.url(f"/for-clinics/{TOPIC}/"))
    page.emulate_media(media="print")
    assert page.eval_on_selector(".link-card", "card => getComputedStyle(card).breakInside") == "avoid"


def test_how_treatment_is_chosen_prints_on_three_sheets_of_a4_or_fewer(served_site, page):
    page.goto(served_site.url(f"/{TOPIC}/how-treatment-is-chosen/"))
    assert len(print_to_pdf(page, "A4").pages) <= 3
