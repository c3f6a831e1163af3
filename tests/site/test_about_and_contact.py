"""Readers can see who publishes the information, how it is made, whom to contact and how to say a page was
unclear: the about page, the "Who to contact" box, the footer and the feedback link."""

import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, FIXTURES, ROOT, TOPIC, build_or_fail, main_text

SETTINGS = yaml.safe_load((ROOT / "content" / "site.yaml").read_text("utf-8"))
WITH_CONTACT = FIXTURES / "site-with-contact.yaml"
TEST_SETTINGS = yaml.safe_load(WITH_CONTACT.read_text("utf-8"))
# Pages written for other audiences than patients, and pages with a contact line of their own (the handout).
# /link/ answers record systems' requests (audience: clinics); a printed handout carries its own contact line.
NOT_FOR_PATIENTS = ("/editors/", "/for-clinics/", "/404.html", "/link/")


def patient_pages(site) -> list[str]:
    return [url for url in site.urls() if not url.startswith(NOT_FOR_PATIENTS) and not url.endswith(("/summary/", "/summary/large-print/"))]


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory):
    """The example content built with the test settings file: contact details and a feedback address set."""
    content = tmp_path_factory.mktemp("contact") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    shutil.copy(WITH_CONTACT, content / "site.yaml")
    return build_or_fail(content.parent / "site", content)


def test_every_page_links_to_the_about_page_from_its_footer(real_site):
    for url in real_site.urls():
        footer = real_site.page(url).select_one("footer .md-copyright")
        links = [real_site.resolve(url, a["href"]) for a in footer.select("a[href]")]
        assert "/about/" in links, url
        assert f"Published by {SETTINGS['publisher']}." in text_of(footer), url


def test_the_about_page_names_the_publisher_each_topic_source_and_its_review_status(real_site):
    about = real_site.page("/about/")
    assert about.h1.get_text(strip=True) == "About this information"
    text = main_text(about)
    assert f"published by {SETTINGS['publisher']}" in text
    sources = list((ROOT / "content" / TOPIC / "sources").glob("*.yaml"))
    assert sources
    for path in sources:
        source = yaml.safe_load(path.read_text("utf-8"))
        assert f"{source['title']} , by {source['publisher']}" in text
        assert about.select_one(f'article a[href="{source["url"]}"]') is not None
    assert "A doctor or nurse has not yet checked this topic." in text
    assert SETTINGS["reuse"] in text and SETTINGS["disclaimer"] in text


def test_each_topic_page_links_to_the_about_page_from_where_its_information_comes_from(real_site):
    for url in (f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/", f"/{TOPIC}/treatments/surgery/"):
        heading = real_site.page(url).find("h2", string="Where this information comes from")
        section_links = [real_site.resolve(url, a["href"]) for a in heading.find_all_next("a", href=True)
                         if a.find_parent("article")]
        assert "/about/" in section_links, url


def test_without_contact_details_every_patient_page_says_to_ask_the_care_team(real_site):
    pages = patient_pages(real_site)
    assert "/" in pages and "/about/" in pages and f"/{TOPIC}/" in pages
    for url in pages:
        box = real_site.page(url).select_one("article .contact-box")
        assert box is not None, url
        assert text_of(box) == f"Who to contact {SETTINGS['contact']}", url
        assert not box.select("a[href^='tel:']"), url
    sheet = real_site.page(f"/{TOPIC}/summary/").select_one(".handout")
    assert f"Who to contact: {SETTINGS['contact']}" in text_of(sheet)


def test_pages_for_clinics_and_editors_have_no_contact_box(real_site):
    for url in ("/for-clinics/", "/editors/content-report/"):
        assert real_site.page(url).select_one(".contact-box") is None, url


def test_with_contact_details_every_patient_page_and_the_handout_show_them(contact_site):
    """What to do if unwell first, then the team, then each support line: every number a link that dials it."""
    clinic, day, night = TEST_SETTINGS["clinic"], *TEST_SETTINGS["support_lines"]
    for url in patient_pages(contact_site):
        box = contact_site.page(url).select_one("article .contact-box")
        assert box is not None, url
        assert text_of(box) == (f"Who to contact {TEST_SETTINGS['if_unwell']} {clinic['name']} "
                                f"Phone: {clinic['phone']} ({clinic['hours']}) {clinic['contact']} Support lines: "
                                f"{day['name']} : {day['phone']} ({day['hours']}). {day['what_for']} "
                                f"{night['name']} : {night['phone']}"), url
        assert [a["href"] for a in box.select("a[href^='tel:']")] == ["tel:02079460999", "tel:08081570999",
                                                                     "tel:02079460888"], url
    for sheet_url in ("/glimmer-fever/summary/", "/glimmer-fever/summary/large-print/"):
        sheet = text_of(contact_site.page(sheet_url).select_one(".handout"))
        assert f"Who to contact: {clinic['contact']}" in sheet
        assert (f"Help and support {TEST_SETTINGS['if_unwell']} {day['name']}: {day['phone']} ({day['hours']}). "
                f"{day['what_for']} {night['name']}: {night['phone']}.") in sheet, sheet_url


def test_without_help_set_nothing_is_invented_on_pages_or_sheets(real_site):
    """The repository's own content sets no number: no page or sheet shows one, nor a help block."""
    assert not {"clinic", "support_lines", "if_unwell"} & SETTINGS.keys()
    for url in real_site.urls():
        page = real_site.page(url)
        assert not page.select("a[href^='tel:']") and not page.select(".handout-help"), url
        assert "Support lines" not in page.get_text(), url


def test_without_a_feedback_address_there_is_no_feedback_link(real_site):
    for url in real_site.urls():
        page = real_site.page(url)
        assert page.select_one(".feedback") is None and not page.select("a[href^='mailto:']"), url


def test_the_feedback_link_names_the_page_its_address_and_the_content_version(contact_site):
    pages = patient_pages(contact_site)
    for url in pages:
        page = contact_site.page(url)
        link = page.select_one("article .feedback a[href^='mailto:']")
        assert link is not None, url
        target = urlsplit(link["href"])
        assert target.path == TEST_SETTINGS["feedback"]["email"]
        subject = parse_qs(target.query)["subject"][0]
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical in subject and page.h1.get_text(" ", strip=True) in subject, url
    treatment = contact_site.page("/glimmer-fever/treatments/humming/")
    subject = parse_qs(urlsplit(treatment.select_one(".feedback a")["href"]).query)["subject"][0]
    handout_version = text_of(contact_site.page("/glimmer-fever/summary/")).split("Version: ")[1].split(".")[0]
    assert subject.endswith(f", version {handout_version}")
