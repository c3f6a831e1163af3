"""Every topic gets a printable summary built from its own content, with the clinic's details when set."""

import re
import shutil

import pytest

from datetime import date

from conftest import EXAMPLE_CONTENT, ROOT, SITE_URL, TOPIC, BuiltSite, build_or_fail, main_text, mkdocs_build
from patient_info.plan import make_plan
from patient_info.plan.settings import Settings
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
    assert page.title.get_text().startswith(f"{title} – ")  # then who publishes it
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
    assert "Next review due: 28 November 2027." in text
    assert f"Version: 2026-11-28-{content_revision(ROOT / 'content' / TOPIC)}" in text


@pytest.mark.parametrize("path", [f"/{TOPIC}/summary/", f"/{TOPIC}/summary/large-print/"])
def test_the_sheet_opens_with_its_publisher_date_and_source(real_site, path):
    sheet = real_site.page(path).select_one(".handout")
    blocks = [folded(block.get_text(" ")) for block in sheet.select(".handout-masthead, h1, .handout-source")]
    assert blocks[0] == "Published by the patient-info project. Last reviewed: 28 November 2026."
    assert blocks[1].startswith("Secondary cancer in the liver: treatment summary")
    assert blocks[2] == ("Adapted from “Treatment overview” by Macmillan Cancer Support. A doctor or nurse has not "
                         "yet checked this information.")
    first = sheet.select_one(".handout-part")
    assert first["data-part"] == "title" and first.find("p")["class"] == ["handout-masthead"]


WRITE_IN = ["My specialist nurse or key worker", "Phone", "Out of hours"]


@pytest.mark.parametrize("site_fixture, path", [
    ("real_site", f"/{TOPIC}/summary/"), ("real_site", f"/{TOPIC}/summary/large-print/"),
    ("example_site", "/glimmer-fever/summary/")])
def test_every_sheet_has_the_write_in_boxes_labelled(request, site_fixture, path):
    sheet = request.getfixturevalue(site_fixture).page(path).select_one(".handout")
    boxes = sheet.select(".handout-write-in .handout-box")
    assert [folded(box.get_text(" ")) for box in boxes] == WRITE_IN
    assert sheet.select_one(".handout-write-in").find_parent(class_="handout-part")["data-part"] == "write-in"


def turn_over_rule(site, path) -> bool:
    """Whether the page asks for "Please turn over" at the foot of its first printed page (main.html)."""
    styles = " ".join(style.get_text() for style in site.page(path).select("head style"))
    return r'@bottom-right { content: "Please\000020 turn\000020 over"; }' in styles


def test_please_turn_over_is_written_only_for_a_sheet_with_a_back(real_site, one_side_site):
    assert real_site.page(f"/{TOPIC}/summary/").select_one(".handout-part--back") is not None
    assert turn_over_rule(real_site, f"/{TOPIC}/summary/")
    assert not turn_over_rule(real_site, f"/{TOPIC}/summary/large-print/")  # it numbers its pages instead
    assert one_side_site.page("/glimmer-fever/summary/").select_one(".handout-part--back") is None
    assert not turn_over_rule(one_side_site, "/glimmer-fever/summary/")


@pytest.mark.parametrize("path, texts", [
    (f"/{TOPIC}/", ["Download the summary (PDF, one sheet)", "Download the summary in large print (PDF)"]),
    (f"/{TOPIC}/summary/", ["Download this summary (PDF, one sheet)", "Download the summary in large print (PDF)"]),
    (f"/{TOPIC}/summary/large-print/", ["Download the summary (PDF, one sheet)",
                                        "Download the summary in large print (PDF)"]),
])
def test_the_summary_and_the_overview_link_both_pdfs(real_site, path, texts):
    article = real_site.page(path).select_one("article")
    links = {folded(a.get_text()): real_site.resolve(path, a["href"]) for a in article.select("a[href$='.pdf']")}
    assert links == dict(zip(texts, [f"/{TOPIC}/summary.pdf", f"/{TOPIC}/summary-large-print.pdf"], strict=True))


@pytest.mark.parametrize("mode, says", [
    ("preview", "this preview leaves them out"),
    ("offline", "This copy has no PDFs of the summary"),
])
def test_without_the_pdfs_the_pages_say_so_instead_of_linking_to_them(mode, says):
    settings = Settings(content_dir=EXAMPLE_CONTENT, site_url=SITE_URL, cache_dir=ROOT / ".cache" / "patient-info",
                        today=date(2026, 6, 1), preview=mode == "preview", offline=mode == "offline",
                        docs_dir=ROOT / "docs")
    plan = make_plan(settings, judge_text=False)
    for src_uri in ("glimmer-fever/index.md", "glimmer-fever/summary.md", "glimmer-fever/summary/large-print.md"):
        markdown = next(page.markdown for page in plan.pages if page.src_uri == src_uri)
        assert ".pdf" not in markdown and "Download" not in markdown, src_uri
        assert says in markdown, src_uri


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
