"""The infobutton address /link/ in Chromium: a record system's HL7 infobutton request lands on the page or JSON
for its code; anything else, however malformed, gets the no-match page, with no script error and nothing of
the request shown as markup. Without JavaScript the page lists every code link."""

import json
from urllib.parse import quote, urlsplit

import pytest

from conftest import ROOT
from patient_info.content.check import load_site
from patient_info.links.catalogue import catalogue
from patient_info.model import paths
from patient_info.wording import wording

ICD10, ICD10_CM, SNOMED = "2.16.840.1.113883.6.3", "2.16.840.1.113883.6.90", "2.16.840.1.113883.6.96"
OVERVIEW = "/secondary-liver-cancer/"
TIMEOUT_MS = 15_000


def request(*criteria: tuple[str, str], **more: str) -> str:
    """/link/ with the given (code, code system) pairs as .v.c/.v.cs, .v.c1/.v.cs1 and so on."""
    parts = []
    for number, (code, system) in enumerate(criteria):
        suffix = str(number) if number else ""
        parts += [f"mainSearchCriteria.v.c{suffix}={quote(code)}", f"mainSearchCriteria.v.cs{suffix}={quote(system)}"]
    parts += [f"{name}={quote(value)}" for name, value in more.items()]
    return "/link/?" + "&".join(parts)


class Visit:
    """One page opened in Chromium, with every script error and console error met on the way."""

    def __init__(self, browser, url: str, **context_options):
        self.context = browser.new_context(**context_options)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(f"script error: {error}"))
        # Only the resolver's own messages: a JSON answer shown by the browser asks for /favicon.ico itself.
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" and "/link/?" in (message.location or {}).get("url", "") else None)
        self.page.goto(url, wait_until="load", timeout=TIMEOUT_MS)

    def settled(self) -> str:
        """The page's path once any forwarding is over."""
        self.page.wait_for_load_state("load", timeout=TIMEOUT_MS)
        self.page.wait_for_function("() => document.readyState === 'complete'", timeout=TIMEOUT_MS)
        return urlsplit(self.page.url).path

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(url, **options):
        opened.append(Visit(browser, url, **options))
        return opened[-1]
    yield open_page
    for page in opened:
        page.close()


@pytest.mark.parametrize("query", [
    request(("C78.7", ICD10_CM)) + "&mainSearchCriteria.v.dn=" + quote("Secondary malignant neoplasm of liver"),
    request(("C78.7", ICD10), knowledgeResponseType="text/html"),
    request(("C787", ICD10_CM)),
    request(("c78.7", ICD10_CM)),
    request((" c787 ", ICD10)),
    request(("94381002", SNOMED)),
    request(("Z99.9", ICD10_CM), ("94381002", SNOMED)),  # the first code is unknown: the second is tried
    request(("C78.7", f"urn:oid:{ICD10}")),  # the code system as a URN, as some record systems send it
    request(("94381002", f"URN:OID:{SNOMED}")),
], ids=["with-dot-and-name", "icd10-html", "without-dot", "lowercase", "spaces", "snomed", "second-criterion",
        "icd10-urn-oid", "snomed-urn-oid"])
def test_infobutton_request_opens_the_topic_page(served_site, visit, query):
    page = visit(served_site.url(query))
    page.page.wait_for_url(f"**{OVERVIEW}", timeout=TIMEOUT_MS)
    assert page.settled() == OVERVIEW
    assert page.page.locator("h1").inner_text() == "Secondary cancer in the liver: treatment overview"
    assert page.errors == []


@pytest.mark.parametrize("query, answer", [
    (request(("C78.7", ICD10_CM), knowledgeResponseType="application/json"), "/link/icd10/C78.7.json"),
    (request(("94381002", SNOMED), knowledgeResponseType="application/json"), "/link/snomed/94381002.json"),
    (request(("C78.70", ICD10_CM), knowledgeResponseType="application/json"), "/link/icd10/C78.7.json"),
])
def test_infobutton_request_for_json_gets_the_codes_json_answer(served_site, visit, query, answer):
    page = visit(served_site.url(query))
    page.page.wait_for_url(f"**{answer}", timeout=TIMEOUT_MS)
    feed = json.loads(page.page.locator("body").inner_text())["feed"]
    assert feed["entry"][0]["id"]["_value"].endswith(OVERVIEW)
    assert page.errors == []


def test_icd10_code_no_topic_lists_matches_through_its_category_and_says_so(served_site, visit):
    page = visit(served_site.url(request(("C78.70", ICD10_CM))))
    answer = page.page.locator("#infobutton-answer")
    answer.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert answer.inner_text() == ("No topic lists the code C78.70. It comes under C78.7, which this topic covers: "
                                   "Secondary cancer in the liver")
    assert page.page.locator("#infobutton-fallback").is_hidden()
    answer.get_by_role("link", name="Secondary cancer in the liver").click()
    page.page.wait_for_url(f"**{OVERVIEW}", timeout=TIMEOUT_MS)
    assert page.errors == []


HOSTILE = '"><script>window.__hacked = 1</script><img src=x onerror="window.__hacked = 2">'
NO_MATCH = [
    ("unknown-code", request(("Z99.9", ICD10_CM))),
    ("unknown-system", request(("C78.7", "1.2.3.4"))),
    ("code-of-another-system", request(("94381002", ICD10))),
    ("empty-values", "/link/?mainSearchCriteria.v.c=&mainSearchCriteria.v.cs="),
    ("hostile-code", request((HOSTILE, ICD10_CM))),
    ("hostile-system", request(("C78.7", HOSTILE))),
    ("hostile-names", "/link/?" + quote(HOSTILE) + "=" + quote(HOSTILE) + "&__proto__=1&constructor=2"),
    ("object-keys-as-system", request(("C78.7", "__proto__")) + "&mainSearchCriteria.v.cs1=constructor"),
    ("very-long", request(("C78.7" * 4000, ICD10_CM)) + "&knowledgeResponseType=" + "x" * 20000),
    ("broken-escapes", "/link/?mainSearchCriteria.v.c=%E0%A4%A&mainSearchCriteria.v.cs=%&%%%=%"),
    ("category-only-partly", request(("C7", ICD10_CM))),
]


@pytest.mark.parametrize("query", [query for _, query in NO_MATCH], ids=[name for name, _ in NO_MATCH])
def test_request_without_a_match_shows_the_no_match_page_safely(served_site, visit, query):
    page = visit(served_site.url(query))
    answer = page.page.locator("#infobutton-answer")
    answer.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert urlsplit(page.page.url).path == "/link/"
    assert answer.inner_text().startswith("There is no page on this site for the code")
    assert page.page.get_by_role("link", name="Secondary cancer in the liver").first.is_visible()
    assert page.page.evaluate("window.__hacked") is None
    assert "__hacked" not in page.page.content()
    assert page.errors == []


@pytest.mark.parametrize("query, says", [
    (request(("C22.0", ICD10)), "There is no page on this site for the code C22.0."),  # primary liver cancer
    (request(("c22.0", ICD10_CM), ("Z99.9", ICD10_CM)), "There is no page on this site for the code C22.0."),
    (request((HOSTILE, ICD10_CM)), "There is no page on this site for the code your system sent."),
    ("/link/?mainSearchCriteria.v.c=&mainSearchCriteria.v.cs=", "There is no page on this site for the code your system sent."),
], ids=["primary-liver-cancer", "two-unknown-codes", "not-a-code", "empty"])
def test_a_code_with_no_page_is_told_so_plainly_and_the_topics_are_all_topics(served_site, visit, query, says):
    page = visit(served_site.url(query))
    answer = page.page.locator("#infobutton-answer")
    answer.wait_for(state="visible", timeout=TIMEOUT_MS)
    paragraphs = answer.locator("p").all_inner_texts()
    assert paragraphs == [says, "The list below has all the topics on this site. None of them is about this code. "
                                "Your care team can tell you more about your own care."]
    assert answer.get_by_role("link").count() == 0  # nothing offered as a match
    heading = page.page.get_by_role("heading", name="All topics")
    assert heading.is_visible()
    listed = heading.locator("xpath=following-sibling::ul[1]").get_by_role("link").all_inner_texts()
    assert listed == ["Secondary cancer in the liver"]
    text = " ".join(page.page.locator("article").inner_text().split()).lower()
    for word in ("suggest", "match", "similar", "related"):
        assert word not in text, word
    assert page.errors == []


def test_empty_request_shows_the_topics_and_every_code(served_site, visit):
    page = visit(served_site.url("/link/"))
    assert page.settled() == "/link/"
    assert page.page.locator("#infobutton-answer").is_hidden()
    assert page.page.locator("#infobutton-fallback").inner_text().startswith(
        "If a record system sent you here, this site has no information")
    assert page.page.get_by_role("link", name="ICD-10 C78.7").is_visible()
    assert page.errors == []


def _code_links() -> list:
    site = load_site(ROOT / "content")
    return [link for link in catalogue(site, wording(site.settings.language)) if link.kind == "code-link"]


def test_without_javascript_the_page_lists_every_code_link(served_site, visit):
    page = visit(served_site.url(request(("C78.7", ICD10_CM))), java_script_enabled=False)
    assert page.settled() == "/link/"
    shown = {urlsplit(href).path for href in page.page.locator("a[data-code]").evaluate_all(
        "links => links.map(link => link.href)")}
    expected = {"/" + link.address for link in _code_links()}
    assert expected and shown == expected


def test_every_address_the_resolver_can_forward_to_exists(served_site):
    """Computed from the catalogue: each code link's page and JSON, as the resolver's table names them."""
    site = served_site.site
    table = {(a["data-system"], a["data-code"]): a for a in site.page("/link/").select("a[data-code]")}
    links = _code_links()
    assert set(table) == {(link.codes[0].system, link.codes[0].code) for link in links}
    for link in links:
        code = link.codes[0]
        row = table[(code.system, code.code)]
        assert site.resolve("/link/", row["data-target"]) == "/" + link.target.address
        assert site.resolve("/link/", row["data-answer"]) == "/" + paths.code_answer(code.system, code.code)
        for target in (row["data-target"], row["data-answer"], row["href"]):
            assert site.file_for(site.resolve("/link/", target)).is_file(), target
