"""The printable summary is one link away from every page that tells about treatment, not only in the menu;
the summary links to its large-print form, and back."""

import pytest

from conftest import TOPIC

SUMMARY = f"/{TOPIC}/summary/"
LARGE_PRINT = f"/{TOPIC}/summary/large-print/"


def article_links(site, url) -> dict[str, str]:
    """Each link in the page's own text (not the menu), by where it leads."""
    return {site.resolve(url, a["href"]): a.get_text(" ", strip=True) for a in site.page(url).select("article a[href]")}


def treatment_pages(site) -> list[str]:
    overview = f"/{TOPIC}/"
    return [site.resolve(overview, a["href"]) for a in site.page(overview).select("article h3 a[href]")]


def test_overview_and_every_treatment_page_link_to_the_printable_summary(real_site):
    pages = [f"/{TOPIC}/", *treatment_pages(real_site)]
    assert len(pages) == 9
    for url in pages:
        assert article_links(real_site, url).get(SUMMARY) == "Printable summary", url


def test_summary_and_large_print_link_to_each_other(real_site):
    assert LARGE_PRINT in article_links(real_site, SUMMARY)
    assert SUMMARY in article_links(real_site, LARGE_PRINT)


@pytest.mark.parametrize("url", [SUMMARY, LARGE_PRINT])
def test_a_handouts_running_title_is_a_css_string_of_escapes_only(real_site, url):
    style = real_site.page(url).select_one("head style").get_text()
    title = real_site.page(url).select_one(".handout h1").get_text(" ", strip=True)
    assert "Secondary" in style and title not in style  # its colon and spaces are escaped
    assert "</" not in style and '"' not in style.split('content: "', 1)[1].split('";', 1)[0]
