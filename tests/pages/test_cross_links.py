"""Cross-links are computed from ids: every internal link works, and relations link both ways."""

import pytest

from conftest import TOPIC

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


@pytest.mark.parametrize("site_name", ["real_site", "example_site"])
def test_every_internal_link_reaches_a_page_and_anchor(request, site_name):
    site = request.getfixturevalue(site_name)
    checked = 0
    for source, target in internal_links(site):
        path, _, anchor = target.partition("#")
        file = site.file_for(path)
        assert file.is_file(), f"{source} links to missing {target}"
        if anchor:
            assert site.page(path).find(id=anchor) is not None, f"{source} links to missing anchor {target}"
        checked += 1
    assert checked > 50


@pytest.mark.parametrize("a, b", [
    ("chemotherapy", "surgery"),
    ("targeted-therapy", "chemotherapy"),
    ("targeted-therapy", "surgery"),
    ("ablation", "surgery"),
])
def test_used_together_links_show_on_both_treatments(real_site, a, b):
    for here, there in ((a, b), (b, a)):
        url = f"/{TOPIC}/treatments/{here}/"
        hrefs = {real_site.resolve(url, link["href"]) for link in real_site.page(url).select("article a[href]")}
        assert f"/{TOPIC}/treatments/{there}/" in hrefs, f"{here} does not link to {there}"


def test_overview_links_every_treatment_and_each_treatment_links_back(real_site):
    overview = f"/{TOPIC}/"
    soup = real_site.page(overview)
    treatment_urls = {real_site.resolve(overview, a["href"]) for a in soup.select("article h3 a[href]")}
    assert len(treatment_urls) == 8
    for url in treatment_urls:
        back = {real_site.resolve(url, a["href"]) for a in real_site.page(url).select("article a[href]")}
        assert overview in back
