"""Every page says what it is: canonical URL, description, Open Graph and schema.org JSON-LD; sitemap.xml lists it."""

import json
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_CONTENT, TOPIC, build_or_fail, mkdocs_build
from patient_info.links.head import script_json
from test_links_index import SITE_URL, generated_pages, load


def heads(site):
    """Every page the theme draws. Embed cards are left out: they are our own small HTML for other sites'
    iframes, not pages to share (tests/browser/test_embed_card.py checks them)."""
    for path in sorted(generated_pages(site)):
        if not path.startswith("/embed/"):
            yield path, site.page(path)


def json_ld(page) -> dict:
    [block] = page.find_all("script", type="application/ld+json")
    return json.loads(block.string)


def test_canonical_and_open_graph_url_are_absolute_and_agree_with_links_json(real_site):
    urls = {link["url"] for link in load(real_site, "links.json")["links"]}
    for path, page in heads(real_site):
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == SITE_URL + path.lstrip("/"), path
        assert page.find("meta", attrs={"property": "og:url"})["content"] == canonical
        assert json_ld(page)["url"] == canonical
        assert canonical in urls


def test_description_and_open_graph_text_come_from_the_one_line_summary(real_site):
    for path, page in heads(real_site):
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert description and page.find("meta", attrs={"property": "og:description"})["content"] == description
        # The page's title, with its topic and publisher when shared (tests/site/test_titles.py).
        assert page.find("meta", attrs={"property": "og:title"})["content"] == page.title.string, path


def test_json_ld_describes_a_medical_web_page_about_the_condition(real_site):
    for path, page in heads(real_site):
        data = json_ld(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage", path
        # Site-wide pages name no condition: listing every topic would grow them with the library.
        assert ("about" in data) == bool(path.startswith(f"/{TOPIC}/") or path.startswith(f"/for-clinics/{TOPIC}/")), path
        conditions = [data["about"]] if "about" in data else []
        for condition in conditions:
            assert condition["@type"] == "MedicalCondition"
            codes = {(code["@type"], code["codingSystem"], code["codeValue"]) for code in condition["code"]}
            assert codes == {("MedicalCode", "ICD-10", "C78.7"), ("MedicalCode", "SNOMED CT", "94381002")}
        if path.startswith(f"/{TOPIC}/"):
            assert data["lastReviewed"] == "2026-11-28" and data["audience"] == {"@type": "Patient"}, path


def test_treatment_pages_describe_the_treatment(real_site):
    page = real_site.page(f"/{TOPIC}/treatments/ablation/")
    therapy = json_ld(page)["mainEntity"]
    assert therapy["@type"] == "MedicalTherapy"
    assert therapy["name"] == "Ablation" and therapy["description"] == "Ablation uses heat to destroy cancer cells."
    assert json_ld(page)["about"]["possibleTreatment"] == therapy


def test_sitemap_lists_every_page(real_site):
    tree = ElementTree.parse(real_site.root / "sitemap.xml")
    listed = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    # Embed cards are parts of other sites' pages, not pages to find: they stay out of the sitemap.
    pages = {path for path in generated_pages(real_site, editors=True) if not path.startswith("/embed/")}
    assert listed == {SITE_URL + path.lstrip("/") for path in pages}
    assert SITE_URL + f"{TOPIC}/situations/primary-cancer/bowel/" in listed
    assert SITE_URL + "for-clinics/" in listed


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- <script>", "a\u2028b\u2029c", "]]>&amp;"])
def test_json_ld_cannot_end_its_script_element(text):
    serialized = str(script_json({"name": text}))
    assert not set("<>&\u2028\u2029") & set(serialized)
    html = f'<head><script type="application/ld+json">{serialized}</script><title>t</title></head>'
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script")) == 1
    assert json.loads(soup.script.string) == {"name": text}
    assert soup.title.string == "t"


@pytest.mark.build
def test_site_url_under_a_path_is_used_for_every_absolute_address(tmp_path):
    base = "https://clinic.example.org/patient-info/"
    site = build_or_fail(tmp_path / "site", EXAMPLE_CONTENT, site_url=base)
    page = site.page("/glimmer-fever/treatments/humming/")
    assert page.find("link", rel="canonical")["href"] == base + "glimmer-fever/treatments/humming/"
    assert json_ld(page)["url"] == base + "glimmer-fever/treatments/humming/"
    assert all(link["url"].startswith(base) for link in load(site, "links.json")["links"])
    # Redirects stay relative, so they work wherever the site is served from.
    old = site.page("/glimmer-fever/treatments/hum/")
    href = old.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=")[1]
    assert site.resolve("/glimmer-fever/treatments/hum/", href) == "/glimmer-fever/treatments/humming/"
    assert old.find("link", rel="canonical")["href"] == base + "glimmer-fever/treatments/humming/"


@pytest.mark.build
def test_build_without_site_url_fails_with_one_line(tmp_path):
    result = mkdocs_build(tmp_path / "site", EXAMPLE_CONTENT, site_url="")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml has no site_url" in result.stderr
