"""Text from YAML is shown as text everywhere it lands: body, <title>, meta, navigation, search."""

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import EXAMPLE_CONTENT, build_or_fail

pytestmark = pytest.mark.build  # every test here builds a site

PAYLOAD = 'Tom & Jerry <script>alert("x")</script> [click](https://evil.example) **bold** <b>b</b> {: #hijack } !!! note'
TEXT_FIELDS = {"name", "title", "summary", "question", "label", "text", "contact", "disclaimer", "publisher",
               "reference", "definition"}
TEXT_LISTS = {"explanation", "questions"}


def inject(value, key=None):
    """Every free-text field of a content file, replaced by the payload.

    A statement's text and quote become the payload too. So the content check still passes, the statement
    claims no hedging ('stated') and the source's full text holds the payload, so the quote is found in it.
    """
    if isinstance(value, dict) and "statements" in value:
        return {**value, "statements": [{**inject(item), "likelihood": "stated",
                                         "source": {**item["source"], "quotes": [PAYLOAD]}}
                                        for item in value["statements"]]}
    if isinstance(value, dict) and "publisher" in value and isinstance(value.get("text"), str):
        return {**inject({k: v for k, v in value.items() if k != "text"}), "text": PAYLOAD + "\n" + value["text"]}
    if isinstance(value, dict):
        return {k: inject(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in TEXT_LISTS:
            return [PAYLOAD for _ in value]
        return [inject(item) for item in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return PAYLOAD
    return value


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("injected") / "content"
    for source in EXAMPLE_CONTENT.rglob("*.yaml"):
        target = content / source.relative_to(EXAMPLE_CONTENT)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = inject(yaml.safe_load(source.read_text("utf-8")))
        target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    # Not strict: the payload rightly draws plain-language warnings (long sentences, unexplained
    # words); what this test checks is that none of it reaches the HTML as markup.
    return build_or_fail(content.parent / "site", content, strict=False)


def pages(site):
    return [(file, file.read_text("utf-8")) for file in site.html_pages()]


def test_no_markup_or_link_from_content_reaches_the_html(injected_site):
    for file, html in pages(injected_site):
        soup = BeautifulSoup(html, "html.parser")
        # JSON-LD holds the payload as data (test_json_ld_holds_the_payload_as_data checks it stays inside).
        assert not [s for s in soup.find_all("script")
                    if "alert" in (s.string or "") and s.get("type") != "application/ld+json"], file
        assert not soup.find_all("a", href=re.compile("evil.example")), file
        assert not [b for b in soup.find_all(["b", "strong"]) if b.get_text() in ("b", "bold")], file
        assert soup.find(id="hijack") is None, file


def test_payload_is_shown_as_text_in_headings_and_body(injected_site):
    page = injected_site.page("/glimmer-fever/treatments/humming/")
    assert page.h1.get_text() == PAYLOAD
    article = " ".join(page.select_one("article").get_text(" ").split())
    assert article.count(PAYLOAD) >= 3


def test_title_element_holds_the_payload_as_text(injected_site):
    html = injected_site.file_for("/glimmer-fever/treatments/humming/").read_text("utf-8")
    raw_title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in raw_title
    assert injected_site.page("/glimmer-fever/treatments/humming/").title.get_text().startswith(PAYLOAD)


def test_meta_description_and_navigation_hold_the_payload_as_text(injected_site):
    page = injected_site.page("/glimmer-fever/treatments/humming/")
    assert page.find("meta", attrs={"name": "description"})["content"] == PAYLOAD
    nav_labels = [" ".join(a.get_text(" ").split()) for a in page.select("nav.md-nav--primary a")]
    assert PAYLOAD in nav_labels
    footer_labels = [a.get("aria-label", "") for a in page.select("footer a")]
    assert all("&amp;" not in label for label in footer_labels)


def test_search_index_holds_the_payload_as_text(injected_site):
    # Pagefind keeps each page's text as text (site-search.js shows titles and topics with textContent): the
    # payload arrives once, as typed, never decoded twice into markup.
    from search_files import indexed_pages
    humming = next(page for page in indexed_pages(injected_site.root)
                   if page["url"] == "/glimmer-fever/treatments/humming/")
    assert humming["meta"]["title"] == " ".join(PAYLOAD.split())
    assert humming["meta"]["topic"] == " ".join(PAYLOAD.split())
    assert " ".join(PAYLOAD.split()) in humming["content"]
    assert "&lt;" not in humming["content"] and "&amp;" not in humming["meta"]["title"]


def strings(data):
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            yield from strings(item)
    elif isinstance(data, str):
        yield data


def test_json_ld_holds_the_payload_as_data(injected_site):
    checked = 0
    for file, html in pages(injected_site):
        soup = BeautifulSoup(html, "html.parser")
        blocks = soup.find_all("script", type="application/ld+json")
        for block in blocks:
            raw = block.string
            assert "<" not in raw and ">" not in raw, f"{file}: a raw < or > could end the script element"
            data = json.loads(raw)
            checked += PAYLOAD in set(strings(data))
        redirect = soup.find("meta", attrs={"http-equiv": "refresh"}) is not None
        editors = "editors" in file.relative_to(injected_site.root).parts
        embed = file.relative_to(injected_site.root).parts[0] == "embed"  # a card for iframes: no JSON-LD
        assert len(blocks) == (0 if redirect or editors or embed or file.name == "404.html" else 1), file
    assert checked >= 5


def test_open_graph_holds_the_payload_as_text(injected_site):
    page = injected_site.page("/glimmer-fever/treatments/humming/")
    assert page.find("meta", attrs={"property": "og:description"})["content"] == PAYLOAD
    # The title is shared with its topic and publisher after it: "<payload> – Glimmer fever – the test suite".
    assert page.find("meta", attrs={"property": "og:title"})["content"].startswith(f"{PAYLOAD} – ")


def test_json_files_and_qr_codes_hold_the_payload_as_text(injected_site):
    index = json.loads((injected_site.root / "links.json").read_text("utf-8"))
    humming = next(link for link in index["links"] if link["id"] == "glimmer-fever/treatments/humming")
    assert humming["title"] == PAYLOAD
    answer = json.loads((injected_site.root / "link" / "icd10" / "Z99.9.json").read_text("utf-8"))
    assert answer["feed"]["entry"][0]["summary"]["_value"] == PAYLOAD
    svg = (injected_site.root / "for-clinics" / "qr" / "glimmer-fever" / "treatments" / "humming.svg").read_text()
    assert "<script" not in svg and "&lt;script&gt;" in svg


def test_for_clinics_snippet_is_html_escaped_once(injected_site):
    page = injected_site.page("/for-clinics/glimmer-fever/")
    snippet = page.find(id="link-glimmer-fever-treatments-humming-html").get_text()
    pasted = BeautifulSoup(snippet, "html.parser").a
    assert pasted.get_text() == PAYLOAD and pasted["href"].endswith("/glimmer-fever/treatments/humming/")
