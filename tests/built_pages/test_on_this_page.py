""""On this page": a long page lists its sections after its opening; a short page and a printed sheet do not."""

from bs4 import BeautifulSoup

from patient_info.built_pages.on_this_page import with_on_this_page

TITLE = '<h1 id="surgery">Surgery</h1>\n'
REVIEW_LINE = ('<p class="review-notice"><strong>Not yet checked by a doctor or nurse.</strong> '
               '<a href="#where-this-information-comes-from">What this means</a></p>\n')


def sections(*titles: str) -> str:
    return "".join(f'<h2 id="s{i}">{title}</h2>\n<p>Text {i}.</p>\n' for i, title in enumerate(titles))


def listed(html: str) -> list[tuple[str, str]]:
    nav = BeautifulSoup(html, "html.parser").select_one("nav.on-this-page")
    return [(a["href"], a.get_text()) for a in nav.select("details ul a")]


def test_a_short_page_is_left_as_it_is():
    html = TITLE + sections("One", "Two")
    assert with_on_this_page(html, label="On this page") == html


def test_a_long_page_lists_its_sections_and_the_contact_box_after_its_introduction():
    html = TITLE + REVIEW_LINE + "<p>The introduction.</p>\n" + sections("One", "Two", "Three")
    result = with_on_this_page(html, label="On this page", also=(("contact-box-title", "Who to contact"),))
    soup = BeautifulSoup(result, "html.parser")
    nav = soup.select_one("nav.on-this-page")
    assert nav["aria-label"] == "On this page" and nav.details.summary.get_text() == "On this page"
    assert nav.details.get("open") is None  # one line until opened
    assert nav.find_previous_sibling("p").get_text() == "The introduction."
    assert nav.find_next_sibling().get("id") == "s0"
    assert listed(result) == [("#s0", "One"), ("#s1", "Two"), ("#s2", "Three"), ("#contact-box-title", "Who to contact")]


def test_a_page_that_opens_with_a_section_lists_them_after_it():
    """A treatment page starts with "How often it is used": its first sentence stays on the first screen."""
    result = with_on_this_page(TITLE + REVIEW_LINE + sections("One", "Two", "Three"), label="On this page")
    nav = BeautifulSoup(result, "html.parser").select_one("nav.on-this-page")
    assert nav.find_previous_sibling("h2")["id"] == "s0" and nav.find_next_sibling()["id"] == "s1"
    assert listed(result)[0] == ("#s0", "One")


def test_headings_are_listed_as_text_and_escaped():
    html = TITLE + sections('Tom &amp; Jerry &lt;script&gt;', "<a href=\"x\">Linked</a> heading", "Three")
    result = with_on_this_page(html, label="On <this> page")
    assert listed(result)[:2] == [("#s0", "Tom & Jerry <script>"), ("#s1", "Linked heading")]
    assert "<script>" not in result and 'aria-label="On &lt;this&gt; page"' in result


def test_a_printed_sheet_gets_no_list():
    html = TITLE + '<div class="handout handout--large">\n' + sections("One", "Two", "Three") + "</div>\n"
    assert with_on_this_page(html, label="On this page") == html
