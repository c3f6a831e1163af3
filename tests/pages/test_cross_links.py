"""Cross-links are computed from ids: every internal link works, and relations link both ways."""

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC, plan_for
from patient_info.content.check import load_site

pytestmark = pytest.mark.build  # every test here builds a site


def internal_links(site):
    for file in site.html_pages():
        if file.name != "index.html":
            continue
        folder = file.parent.relative_to(site.root).as_posix()
        url = "/" if folder == "." else f"/{folder}/"
        for a in site.page(url).select("article a[href], nav a[href]"):
            href = a["href"]
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            yield url, site.resolve(url, href)


@pytest.mark.parametrize("site_name, content", [("real_site", ROOT / "content"), ("example_site", EXAMPLE_CONTENT)])
def test_every_internal_link_reaches_a_page_and_anchor(request, site_name, content):
    site = request.getfixturevalue(site_name)
    # The summaries' PDFs are printed after the build (make build): a link to one must name a PDF the plan prints.
    pdfs = {"/" + pdf.pdf for pdf in plan_for(content, judge_text=False).pdfs}
    checked = 0
    for source, target in internal_links(site):
        path, _, anchor = target.partition("#")
        if path.endswith(".pdf"):
            assert path in pdfs, f"{source} links to {target}, which no build prints"
            continue
        file = site.file_for(path)
        assert file.is_file(), f"{source} links to missing {target}"
        if anchor:
            assert site.page(path).find(id=anchor) is not None, f"{source} links to missing anchor {target}"
        checked += 1
    assert checked > 50


def section(page, heading: str) -> list:
    """The elements under an h2 of the article, up to the next h2."""
    h2 = page.select_one("article").find("h2", string=heading)
    assert h2 is not None, f"no section '{heading}'"
    found = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def read_more_links(site, treatment: str) -> set[str]:
    url = f"/{TOPIC}/treatments/{treatment}/"
    return {site.resolve(url, a["href"]) for element in section(site.page(url), "Read more")
            for a in element.select("a[href]")}


@pytest.mark.parametrize("a, b", [
    ("chemotherapy", "surgery"),
    ("targeted-therapy", "chemotherapy"),
    ("targeted-therapy", "surgery"),
])
def test_used_together_links_show_on_both_treatments(real_site, a, b):
    for here, there in ((a, b), (b, a)):
        assert f"/{TOPIC}/treatments/{there}/" in read_more_links(real_site, here), f"{here} does not link to {there}"


def test_each_used_with_statement_shows_on_every_treatment_it_names(real_site):
    topic = load_site(ROOT / "content").topics[0]
    together = [s for s in topic.statements_of_kind("used-with") if len(s.about) > 1]
    assert together, "the real topic should say which treatments are used together"
    for statement in together:
        for here in statement.about:
            url = f"/{TOPIC}/treatments/{here}/"
            items = [li for element in section(real_site.page(url), "Used with other treatments")
                     for li in element.find_all("li")
                     if li.find(class_="statement", attrs={"data-statement": statement.id})]
            assert len(items) == 1, f"{statement.id} is not shown once under 'Used with other treatments' on {here}"
            span = items[0].find(class_="statement", attrs={"data-statement": statement.id})
            assert " ".join(span.get_text().split()) == " ".join(statement.text.split())
            # Where to read more is said once, under the statements: each other treatment named links there.
            others = {f"/{TOPIC}/treatments/{t}/" for t in statement.about if t != here}
            assert others <= read_more_links(real_site, here), f"{statement.id} on {here}: no link to {others}"


def test_overview_links_every_treatment_and_each_treatment_links_back(real_site):
    overview = f"/{TOPIC}/"
    soup = real_site.page(overview)
    treatment_urls = {real_site.resolve(overview, a["href"]) for a in soup.select("article h3 a[href]")}
    assert len(treatment_urls) == 8
    for url in treatment_urls:
        back = {real_site.resolve(url, a["href"]) for a in real_site.page(url).select("article a[href]")}
        assert overview in back
