"""Every topic gets a printable summary built from its own content, with the clinic's details when set."""

import re
import shutil

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC, BuiltSite, build_or_fail, main_text, mkdocs_build
from patient_info.content.check import check_content, load_site
from patient_info.content.revision import content_revision

PAYLOAD = 'Clinic & Co <script>alert("x")</script> **bold** [link](https://evil.example)'


def summary_text(site, topic=TOPIC) -> str:
    text = " ".join(site.page(f"/{topic}/summary/").select_one(".handout").get_text(" ").split())
    # A glossary link ending a sentence must not leave a space before its punctuation ("surgery ?").
    return re.sub(r" ([?.,;:!])", r"\1", text)


def folded(text: str) -> str:
    return " ".join(text.split())


def with_clinic(tmp_path, clinic_yaml: str):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / "site.yaml").write_text((content / "site.yaml").read_text() + clinic_yaml)
    return content


@pytest.mark.parametrize("site_fixture, topic, title", [
    ("real_site", TOPIC, "Secondary cancer in the liver: treatment summary"),
    ("example_site", "glimmer-fever", "Glimmer fever: treatment summary"),
])
@pytest.mark.build
def test_every_topic_gets_a_summary_page_in_the_navigation(request, site_fixture, topic, title):
    site = request.getfixturevalue(site_fixture)
    page = site.page(f"/{topic}/summary/")
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [title]
    assert page.title.get_text().startswith(f"{title} - ")
    overview = f"/{topic}/"
    nav = {site.resolve(overview, a["href"]) for a in site.page(overview).select("nav.md-nav--primary a[href]")}
    assert f"/{topic}/summary/" in nav


def test_summary_says_what_the_content_says_without_retyping_it(real_site):
    topic = load_site(ROOT / "content").topics[0]
    text = summary_text(real_site)
    how_often = [s for s in topic.statements if s.kind == "how-often"]
    assert how_often, "the real topic should say how often some treatments are used"
    expected = [*(s.text for s in topic.statements_of_kind("aim")), *topic.questions,
                *(c.text for c in topic.caveats), *(f.question for f in topic.factors),
                *(t.name for t in topic.treatments), *(s.text for s in how_often)]
    for item in expected:
        assert folded(item) in text
    # Each statement is printed whole, marked with the statement it is.
    by_id = {s.id: s.text for s in topic.statements}
    shown = real_site.page(f"/{TOPIC}/summary/").select(".handout .statement[data-statement]")
    assert shown
    for span in shown:
        assert folded(span.get_text()) == folded(by_id[span["data-statement"]])


def test_summary_prints_the_overview_address_review_dates_and_version_stamp(real_site):
    text = summary_text(real_site)
    canonical = real_site.page(f"/{TOPIC}/").select_one('link[rel="canonical"]')["href"]
    assert f"Full information online: {canonical}" in text
    assert "Last reviewed: 28 November 2026. Next review due: 28 November 2027." in text
    assert f"Version: 2026-11-28-{content_revision(ROOT / 'content' / TOPIC)}" in text
    assert "Published by the patient-info project." in text


def test_summary_uses_the_site_address_it_is_built_for(tmp_path, example_site):
    moved = mkdocs_build(tmp_path / "site", EXAMPLE_CONTENT, site_url="https://info.clinic.example/leaflets/")
    assert moved.returncode == 0, moved.stderr
    sheet = summary_text(BuiltSite(tmp_path / "site", moved.stderr), "glimmer-fever")
    assert "https://info.clinic.example/leaflets/glimmer-fever/" in sheet
    assert "https://info.clinic.example/" not in summary_text(example_site, "glimmer-fever")


@pytest.mark.build
def test_build_without_a_site_address_fails_with_a_one_line_reason(tmp_path):
    result = mkdocs_build(tmp_path / "site", EXAMPLE_CONTENT, site_url="")
    assert result.returncode != 0
    assert "mkdocs.yml has no site_url" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_clinic_details_are_printed_as_plain_text(tmp_path):
    content = with_clinic(tmp_path, f"clinic:\n  name: '{PAYLOAD}'\n  phone: '0100 555'\n  contact: '{PAYLOAD}'\n")
    site = build_or_fail(tmp_path / "site", content)
    sheet = site.page("/glimmer-fever/summary/").select_one(".handout")
    assert sheet.find("script") is None
    assert [a for a in sheet.find_all("a") if "glossary-term" not in a.get("class", [])] == []
    assert folded(sheet.get_text(" ")).count(folded(PAYLOAD)) == 2
    assert "Phone: 0100 555" in main_text(site.page("/glimmer-fever/summary/"))


@pytest.mark.parametrize("clinic_yaml, says", [
    ("clinic:\n  nmae: Riverside\n", ("unknown field 'nmae'", "did you mean 'name'?")),
    ("clinic: {}\n", ("'clinic'", "Leave it out")),
    ("clinic:\n  phone: 5550199\n", ("'phone' should be text, not the number 5550199", "in quotes")),
])
def test_clinic_settings_mistakes_are_reported_with_their_line(tmp_path, clinic_yaml, says):
    result = check_content(with_clinic(tmp_path, clinic_yaml))
    errors = result.errors
    assert result.site is None
    assert len(errors) == 1
    assert errors[0].file.endswith("site.yaml") and errors[0].line is not None
    for words in says:
        assert words in str(errors[0])


def test_content_revision_follows_the_content_not_its_location(tmp_path):
    original = ROOT / "content" / TOPIC
    copy = tmp_path / TOPIC
    shutil.copytree(original, copy)
    assert content_revision(copy) == content_revision(original)
    treatment = copy / "treatments" / "surgery.yaml"
    treatment.write_text(treatment.read_text().replace("name: Surgery", "name: Liver surgery"))
    assert content_revision(copy) != content_revision(original)
    assert len(content_revision(copy)) == 8


def test_content_revision_is_the_same_for_the_same_content_saved_differently(tmp_path):
    original = ROOT / "content" / TOPIC
    copy = tmp_path / TOPIC
    shutil.copytree(original, copy)
    treatment = copy / "treatments" / "surgery.yaml"
    text = treatment.read_text("utf-8")
    treatment.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8") + b"\r\n# a note\r\n")
    assert content_revision(copy) == content_revision(original)
