"""The build estimates whether each printable summary fits one page, and warns when it does not."""

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC, BuiltSite, mkdocs_build, serving
from patient_info.content.check import load_site
from patient_info.pages.handout import LINE, PAGE_HEIGHT, PAGE_WIDTH, HandoutStatement, HandoutTreatment, estimate_fit
from patient_info.pages.render import summary_handout
from printing import print_to_pdf

SITE_URL = "https://patient-info.example.org/"
LONG_TOPIC = "glimmer-fever"


def handout_of(content_dir: Path, topic_id: str):
    site = load_site(content_dir)
    topic = next(topic for topic in site.topics if topic.id == topic_id)
    return summary_handout(topic, site, site_url=SITE_URL)


def too_long_content(target: Path) -> Path:
    """The fixture topic with sixteen more made-up treatments: more than one page of summary."""
    shutil.copytree(EXAMPLE_CONTENT, target)
    folder = target / LONG_TOPIC
    topic = yaml.safe_load((folder / "topic.yaml").read_text())
    statements = yaml.safe_load((folder / "statements.yaml").read_text())
    source = yaml.safe_load((folder / "sources" / "test-source.yaml").read_text())
    told = "A made-up cure is sometimes used, and its text is long enough to take two lines in its printed column."
    source["text"] += told + "\n"
    for number in range(1, 17):
        treatment_id = f"extra-cure-{number}"
        (folder / "treatments" / f"{treatment_id}.yaml").write_text(yaml.safe_dump({
            "id": treatment_id, "name": f"Extra cure {number}"}))
        topic["treatments"].append(treatment_id)
        statements["statements"].append({
            "id": f"{treatment_id}-sometimes", "about": [treatment_id], "kind": "how-often", "likelihood": "sometimes",
            "text": f"Extra cure {number} is sometimes used. Its text is long enough to take two lines in its "
                    "printed column.",
            "source": {"document": "test-source", "quotes": [told]}})
    (folder / "topic.yaml").write_text(yaml.safe_dump(topic, sort_keys=False))
    (folder / "statements.yaml").write_text(yaml.safe_dump(statements, sort_keys=False))
    (folder / "sources" / "test-source.yaml").write_text(yaml.safe_dump(source, sort_keys=False))
    return target


# The estimate, without a build -------------------------------------------------

def test_the_real_topic_is_estimated_to_fit_with_room_to_spare():
    fit = estimate_fit(handout_of(ROOT / "content", TOPIC))
    assert fit.fits
    assert PAGE_HEIGHT - fit.height > 2 * LINE, "less than two lines left for a clinic's details"


@pytest.mark.parametrize("change", [
    lambda h: dataclasses.replace(h, treatments=h.treatments + (HandoutTreatment("One more", (HandoutStatement("more", "More text."),)),) * 2),
    lambda h: dataclasses.replace(h, questions=h.questions + ("Another question?",) * 2),
    lambda h: dataclasses.replace(h, clinic_name="A clinic", clinic_phone="0100 000 000"),
    lambda h: dataclasses.replace(h, contact="Call the team. " * 10),
    lambda h: dataclasses.replace(h, aim=h.aim + (HandoutStatement("more", "More words." * 20),)),
], ids=["treatments", "questions", "clinic-name", "clinic-contact", "longer-aim"])
def test_more_content_is_estimated_taller(change):
    handout = handout_of(ROOT / "content", TOPIC)
    assert estimate_fit(change(handout)).height > estimate_fit(handout).height


def test_a_web_address_longer_than_a_line_still_counts_every_line():
    handout = handout_of(ROOT / "content", TOPIC)
    long_url = "https://example.org/" + "very-long-folder-name/" * 20
    assert estimate_fit(dataclasses.replace(handout, overview_url=long_url)).height > estimate_fit(handout).height


def test_overflow_message_names_the_topic_and_how_far_over_it_is(tmp_path):
    fit = estimate_fit(handout_of(too_long_content(tmp_path / "content"), LONG_TOPIC))
    assert not fit.fits
    message = fit.overflow_message()
    assert f"topic '{LONG_TOPIC}'" in message
    assert "lines (" in message and "mm) too long" in message


# The warning, in a real build --------------------------------------------------

@pytest.mark.build
def test_strict_build_fails_on_a_summary_that_would_not_fit(tmp_path):
    result = mkdocs_build(tmp_path / "site", too_long_content(tmp_path / "content"))
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert f"topic '{LONG_TOPIC}' will not fit on one page: it is about" in warnings[0]


def test_summaries_that_fit_build_without_a_warning(real_site, example_site):
    for site in (real_site, example_site):
        assert "WARNING" not in site.log


# The estimate against Chromium's real layout ----------------------------------

@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> tuple[Path, BuiltSite]:
    folder = tmp_path_factory.mktemp("long")
    content = too_long_content(folder / "content")
    result = mkdocs_build(folder / "site", content, strict=False)
    assert result.returncode == 0, result.stderr
    return content, BuiltSite(folder / "site", result.stderr)


def measured_height(browser, served, topic_id: str) -> float:
    """The sheet's height as Chromium lays it out for print, at the printable width."""
    page = browser.new_page(viewport={"width": round(PAGE_WIDTH), "height": 1000})
    try:
        page.goto(served.url(f"/{topic_id}/summary/"))
        page.emulate_media(media="print")
        return page.eval_on_selector(".handout", "e => e.getBoundingClientRect().height")
    finally:
        page.close()


def test_estimate_matches_chromium_layout_within_one_line(browser, served_site, example_site, long_site):
    long_content, long_built = long_site
    cases = [(served_site, ROOT / "content", TOPIC)]
    with serving(example_site) as example, serving(long_built) as long:
        cases += [(example, EXAMPLE_CONTENT, LONG_TOPIC), (long, long_content, LONG_TOPIC)]
        for served, content, topic_id in cases:
            estimate = estimate_fit(handout_of(content, topic_id)).height
            assert abs(estimate - measured_height(browser, served, topic_id)) <= LINE, (content, topic_id)


def test_a_summary_the_build_warns_about_really_prints_on_two_pages(browser, long_site):
    _, long_built = long_site
    assert f"topic '{LONG_TOPIC}' will not fit" in long_built.log
    with serving(long_built) as served:
        page = browser.new_page()
        try:
            page.goto(served.url(f"/{LONG_TOPIC}/summary/"))
            assert len(print_to_pdf(page, "Letter").pages) == 2
        finally:
            page.close()
