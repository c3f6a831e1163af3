"""The build lays each printable summary out on one sheet of paper (one side, or front and back), fills what
is left with note lines, and warns when the summary will not fit."""

import dataclasses
import math
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC, BuiltSite, mkdocs_build, one_side_content, serving
from patient_info.content.check import load_site
from patient_info.pages.handout import (LINE, MOST_NOTE_LINES, NOTE_LINE, NOTE_LINES, NOTE_LINES_WITH_STATEMENTS_APART,
                                        PAGE_HEIGHT, PAGE_WIDTH, SPARE, HandoutSection, HandoutStatement,
                                        estimate_height, plan_sheet)
from patient_info.pages.render import summary_handout
from printing import print_to_pdf

SITE_URL = "https://patient-info.example.org/"
LONG_TOPIC = "glimmer-fever"


def handout_of(content_dir: Path, topic_id: str):
    site = load_site(content_dir)
    topic = next(topic for topic in site.topics if topic.id == topic_id)
    return summary_handout(topic, site, language="en", site_url=SITE_URL)


def too_long_content(target: Path) -> Path:
    """The fixture topic with forty more made-up treatments: more than two sides of summary."""
    shutil.copytree(EXAMPLE_CONTENT, target)
    folder = target / LONG_TOPIC
    topic = yaml.safe_load((folder / "topic.yaml").read_text())
    statements = yaml.safe_load((folder / "statements.yaml").read_text())
    source = yaml.safe_load((folder / "sources" / "test-source.yaml").read_text())
    told = "A made-up cure is sometimes used, and its text is long enough to take two lines in its printed column."
    source["text"] += told + "\n"
    for number in range(1, 41):
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


def with_contact(handout, contact: str):
    return dataclasses.replace(handout, words=dataclasses.replace(handout.words, contact=f"Who to contact: {contact}"))


# The estimate, without a build -------------------------------------------------

def test_the_real_topic_is_laid_out_on_one_sheet_with_about_ten_lines_to_write_on():
    sheet = plan_sheet(handout_of(ROOT / "content", TOPIC))
    assert sheet.fits
    assert len(sheet.sides) == 2
    assert 8 <= sheet.note_lines <= MOST_NOTE_LINES


def test_a_summary_with_room_to_write_on_its_one_side_stays_on_one_side(tmp_path):
    sheet = plan_sheet(handout_of(one_side_content(tmp_path / "content"), LONG_TOPIC))
    assert sheet.fits
    assert len(sheet.sides) == 1 and sheet.back_starts_at == ""
    assert sheet.note_lines >= NOTE_LINES_WITH_STATEMENTS_APART


def test_a_short_summary_without_room_to_write_keeps_the_back_for_notes():
    """On one side the fixture topic would leave room for three lines: the boxes and the notes go on the back."""
    sheet = plan_sheet(handout_of(EXAMPLE_CONTENT, LONG_TOPIC))
    assert sheet.fits
    assert sheet.back_starts_at == "write-in"
    assert sheet.note_lines == MOST_NOTE_LINES


def test_the_back_starts_at_a_part_and_note_lines_fill_what_is_left_of_it_up_to_ten():
    sheet = plan_sheet(handout_of(ROOT / "content", TOPIC))
    assert sheet.back_starts_at in ("together", "keep-in-mind", "questions", "write-in", "notes")
    left = PAGE_HEIGHT - sheet.sides[-1]
    assert left >= SPARE
    assert sheet.note_lines == MOST_NOTE_LINES or left < SPARE + NOTE_LINE


def test_a_longer_summary_leaves_fewer_note_lines():
    handout = handout_of(ROOT / "content", TOPIC)
    longer = with_contact(handout, "Call the team. " * 20)
    assert plan_sheet(longer).note_lines < plan_sheet(handout).note_lines


def test_statements_start_on_lines_of_their_own_when_the_sheet_has_room_for_it():
    short = plan_sheet(handout_of(EXAMPLE_CONTENT, LONG_TOPIC))
    assert short.statements_apart


def test_statements_run_on_when_lines_of_their_own_would_leave_too_little_room_to_write():
    """The real topic, every statement on lines of its own, overflows the front: its statements run on."""
    handout = handout_of(ROOT / "content", TOPIC)
    assert estimate_height(handout, statements_apart=True) > estimate_height(handout) + 2 * LINE
    sheet = plan_sheet(handout)
    assert not sheet.statements_apart and sheet.fits


@pytest.mark.parametrize("change", [
    lambda h: dataclasses.replace(h, treatments=h.treatments + (HandoutSection("One more", (HandoutStatement("more", "More text."),)),) * 2),
    lambda h: dataclasses.replace(h, questions=h.questions + ("Another question?",) * 2),
    lambda h: dataclasses.replace(h, clinic_name="A clinic", clinic_phone="0100 000 000"),
    lambda h: with_contact(h, "Call the team. " * 20),
    lambda h: dataclasses.replace(h, aim=h.aim + (HandoutStatement("more", "More words." * 20),)),
    lambda h: dataclasses.replace(h, words=dataclasses.replace(h.words, nurse="A label long enough to take two "
                                                                             "lines in its box " * 2)),
    lambda h: dataclasses.replace(h, words=dataclasses.replace(h.words, publisher="Published by " + "a publisher " * 20)),
], ids=["treatments", "questions", "clinic-name", "clinic-contact", "longer-aim", "longer-box-label",
        "longer-publisher"])
def test_more_content_is_estimated_taller(change):
    handout = handout_of(ROOT / "content", TOPIC)
    assert estimate_height(change(handout)) > estimate_height(handout)


def test_a_web_address_longer_than_a_line_still_counts_every_line():
    handout = handout_of(ROOT / "content", TOPIC)
    long_url = "https://example.org/" + "very-long-folder-name/" * 20
    assert estimate_height(dataclasses.replace(handout, overview_url=long_url)) > estimate_height(handout)


def test_overflow_message_names_the_topic_and_how_far_over_it_is(tmp_path):
    sheet = plan_sheet(handout_of(too_long_content(tmp_path / "content"), LONG_TOPIC))
    assert not sheet.fits
    assert sheet.note_lines == NOTE_LINES
    message = sheet.overflow_message()
    assert f"topic '{LONG_TOPIC}'" in message
    assert "lines (" in message and "mm) too long" in message


# The warning, in a real build --------------------------------------------------

@pytest.mark.build
def test_strict_build_fails_on_a_summary_that_would_not_fit(tmp_path):
    result = mkdocs_build(tmp_path / "site", too_long_content(tmp_path / "content"))
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert f"topic '{LONG_TOPIC}' will not fit on one sheet of paper (two sides): it is about" in warnings[0]


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


def measured_sides(browser, served, topic_id: str) -> list[float]:
    """Each side's height as Chromium lays the sheet out for print, at the printable width, in one column:
    the front up to the part that starts the back, and the back from there."""
    page = browser.new_page(viewport={"width": round(PAGE_WIDTH), "height": 1000})
    try:
        page.goto(served.url(f"/{topic_id}/summary/"))
        page.emulate_media(media="print")
        return page.eval_on_selector(".handout", """sheet => {
            const top = sheet.getBoundingClientRect().top, bottom = sheet.getBoundingClientRect().bottom;
            const back = sheet.querySelector('.handout-part--back');
            if (!back) return [bottom - top];
            const split = back.getBoundingClientRect().top;
            return [split - top, bottom - split];
        }""")
    finally:
        page.close()


def test_estimate_matches_chromium_layout_within_one_line(browser, served_site, example_site, one_side_site,
                                                         long_site, tmp_path):
    long_content, long_built = long_site
    cases = [(served_site, ROOT / "content", TOPIC)]
    with serving(example_site) as example, serving(long_built) as long, serving(one_side_site) as one_side:
        cases += [(example, EXAMPLE_CONTENT, LONG_TOPIC), (long, long_content, LONG_TOPIC),
                  (one_side, one_side_content(tmp_path / "content"), LONG_TOPIC)]
        for served, content, topic_id in cases:
            sheet = plan_sheet(handout_of(content, topic_id))
            estimated = [sheet.sides[0], sum(sheet.sides[1:])] if len(sheet.sides) > 1 else list(sheet.sides)
            measured = measured_sides(browser, served, topic_id)
            assert len(measured) == len(estimated), (content, topic_id)
            for side, (estimate, real) in enumerate(zip(estimated, measured)):
                assert abs(estimate - real) <= LINE, (content, topic_id, side, estimate, real)


def test_a_summary_the_build_warns_about_really_prints_on_more_than_one_sheet(browser, long_site):
    _, long_built = long_site
    assert f"topic '{LONG_TOPIC}' will not fit" in long_built.log
    with serving(long_built) as served:
        page = browser.new_page()
        try:
            page.goto(served.url(f"/{LONG_TOPIC}/summary/"))
            assert len(print_to_pdf(page, "Letter").pages) > 2
        finally:
            page.close()


def test_the_room_left_under_the_note_lines_is_the_room_chromium_leaves(browser, served_site):
    """The note lines stop at ten; the estimate says how many more the last side has room for, and Chromium
    agrees: that many more still fit on the sheet, and two more than that run onto a third page."""
    sheet = plan_sheet(handout_of(ROOT / "content", TOPIC))
    room = math.floor((PAGE_HEIGHT - SPARE - sheet.sides[-1]) / NOTE_LINE)
    page = browser.new_page()
    try:
        page.goto(served_site.url(f"/{TOPIC}/summary/"))
        assert page.locator(".handout-lines span").count() == sheet.note_lines
        assert len(print_to_pdf(page, "Letter").pages) == 2
        add = "(lines, count) => { for (let i = 0; i < count; i++) lines.append(document.createElement('span')); }"
        page.eval_on_selector(".handout-lines", add, room)
        assert len(print_to_pdf(page, "Letter").pages) == 2
        page.eval_on_selector(".handout-lines", add, 2)
        assert len(print_to_pdf(page, "Letter").pages) == 3
    finally:
        page.close()
