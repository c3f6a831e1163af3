"""The editors' preview (`make serve`): mistakes in the browser, warnings as banners, part of a library."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_CONTENT, ROOT, add_glossary_entries, build_or_fail, main_text, mkdocs_build
from serving import fetch_page, free_port

TREATMENT = "/glimmer-fever/treatments/humming/"
REQUEST_SECONDS = 5  # no request may take longer: a page that hangs fails the test


@contextmanager
def preview_server(content: Path, cache: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`make serve` on a free loopback port, on the given content, stopped when the block ends."""
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "PATIENT_INFO_CONTENT": str(content), "PATIENT_INFO_CACHE": str(cache), **(extra_env or {})}
    server = subprocess.Popen(["make", "-s", "serve", f"SERVE_ADDR={address}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        base = f"http://{address}"
        assert _poll(base + TREATMENT, lambda answer: answer and answer[0] == 200, seconds=60), \
            "make serve did not serve the site within 60 s"
        time.sleep(1)  # MkDocs starts watching the files as it starts serving
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the mkdocs it started, no other process
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


def _poll(url: str, accept, *, seconds: float):
    """The first answer `accept` takes within `seconds`, timing every request."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        answer = fetch_page(url, timeout=REQUEST_SECONDS)
        assert time.monotonic() - started < REQUEST_SECONDS
        if accept(answer):
            return answer
        time.sleep(0.1)
    return None


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, target)
    return target


def test_a_saved_mistake_is_shown_in_the_browser_within_3_s_and_the_fix_replaces_it(content, tmp_path):
    treatment = content / "glimmer-fever" / "treatments" / "humming.yaml"
    original = treatment.read_text("utf-8")
    with preview_server(content, tmp_path / "cache") as base:
        treatment.write_text(original + "questions: [unclosed\n", "utf-8")
        answer = _poll(base + TREATMENT, lambda answer: answer and "content mistake" in answer[1], seconds=3)
        assert answer, "the mistake was not shown within 3 s"
        assert f"{treatment}:7:" in answer[1]
        assert "YAML syntax error" in answer[1] and "Hint:" in answer[1]
        assert "/livereload/" in answer[1]  # the page reloads itself once the file is fixed
        # Every address answers with the mistakes, at once.
        home = _poll(base + "/", lambda answer: answer is not None, seconds=REQUEST_SECONDS)
        assert "content mistake" in home[1]

        treatment.write_text(original.replace("name: Humming", "name: Gentle humming"), "utf-8")
        fixed = _poll(base + TREATMENT, lambda answer: answer and answer[0] == 200 and "Gentle humming" in answer[1],
                      seconds=20)
        assert fixed, "the fixed content was not served"
        assert "content mistake" not in fixed[1]


def test_an_unexplained_word_is_a_banner_in_the_preview_and_stops_the_strict_build(content, tmp_path):
    treatment = content / "glimmer-fever" / "treatments" / "humming.yaml"
    draft = treatment.read_text("utf-8").replace("name: Humming", "name: Quintessential humming")
    with preview_server(content, tmp_path / "cache") as base:
        treatment.write_text(draft, "utf-8")
        answer = _poll(base + TREATMENT, lambda answer: answer and "Quintessential humming" in answer[1], seconds=20)
        assert answer and answer[0] == 200, "the draft page was not served"
        banner = BeautifulSoup(answer[1], "html.parser").select_one("article .editors-preview").get_text(" ")
        assert f"{treatment}:3:7" in banner and "'Quintessential' is not explained" in banner
        assert "Quintessential" not in fetch_page(base + "/glossary/")[1]  # only the pages it affects

    strict = mkdocs_build(tmp_path / "strict-site", content)
    assert strict.returncode != 0 and "'Quintessential' is not explained" in strict.stderr
    lenient = build_or_fail(tmp_path / "lenient-site", content, strict=False)
    assert "editors-preview" not in lenient.file_for(TREATMENT).read_text("utf-8")  # never outside the preview


# Loaded by the preview's Python at start-up (sitecustomize on PYTHONPATH): a file holding a marker makes the loader
# or a check raise, as a fault in patient-info's own code would.
PLANTED_FAULTS = """
from patient_info.content import load, topic_checks

_parse_document, _check_statements = load.parse_document, topic_checks.check_statements


def parse_document(text, display_path):
    if "PLANTED-LOADER-FAULT" in text:
        raise IndexError("planted in the loader")
    return _parse_document(text, display_path)


def check_statements(statements, **kwargs):
    if "PLANTED-CHECK-FAULT" in statements.text:
        raise KeyError("planted in a check")
    return _check_statements(statements, **kwargs)


load.parse_document, topic_checks.check_statements = parse_document, check_statements
"""


def test_a_fault_in_the_loader_or_a_check_is_shown_in_the_preview_within_seconds(content, tmp_path):
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "sitecustomize.py").write_text(PLANTED_FAULTS, "utf-8")
    python_path = os.pathsep.join(filter(None, [str(planted), os.environ.get("PYTHONPATH")]))
    treatment = content / "glimmer-fever" / "treatments" / "humming.yaml"
    statements = content / "glimmer-fever" / "statements.yaml"
    original, original_statements = treatment.read_text("utf-8"), statements.read_text("utf-8")
    with preview_server(content, tmp_path / "cache", {"PYTHONPATH": python_path}) as base:
        treatment.write_text(original + "# PLANTED-LOADER-FAULT\n", "utf-8")
        answer = _poll(base + TREATMENT, lambda answer: answer and "IndexError" in answer[1], seconds=5)
        assert answer, "the fault in the loader was not shown within 5 s"
        mistakes = BeautifulSoup(answer[1], "html.parser").select("li")
        assert [item.select_one(".where").get_text() for item in mistakes] == [str(treatment)]
        assert "unexpected error in patient-info (IndexError at patient_info/content/load.py" in mistakes[0].get_text()

        treatment.write_text(original, "utf-8")
        statements.write_text(original_statements + "# PLANTED-CHECK-FAULT\n", "utf-8")
        answer = _poll(base + "/", lambda answer: answer and "KeyError" in answer[1], seconds=5)
        assert answer, "the fault in a check was not shown within 5 s"
        mistakes = BeautifulSoup(answer[1], "html.parser").select("li")
        assert [item.select_one(".where").get_text() for item in mistakes] == [str(content / "glimmer-fever")]

        statements.write_text(original_statements, "utf-8")
        fixed = _poll(base + TREATMENT, lambda answer: answer and answer[0] == 200 and "Humming" in answer[1],
                      seconds=20)
        assert fixed and "content mistake" not in fixed[1], "the site did not come back once the fault was gone"


@pytest.fixture(scope="module")
def two_topics(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("two-topics")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(EXAMPLE_CONTENT / "glimmer-fever", folder / "content" / "glimmer-fever")
    add_glossary_entries(folder / "content" / "glossary.yaml", EXAMPLE_CONTENT / "glossary.yaml")
    return folder / "content"


def test_previewing_named_topics_builds_them_alone_with_home_and_clinic_pages_to_match(two_topics, tmp_path):
    site = build_or_fail(tmp_path / "site", two_topics, strict=False,
                         extra_env={"PATIENT_INFO_PREVIEW": "1", "PATIENT_INFO_TOPICS": "glimmer-fever"})
    assert site.file_for("/glimmer-fever/treatments/humming/").is_file()
    assert not site.file_for("/secondary-liver-cancer/").exists()
    home = site.page("/")
    linked = {site.resolve("/", a["href"]) for a in home.select("article a[href]")}
    assert "/glimmer-fever/" in linked and not [href for href in linked if "secondary-liver-cancer" in href]
    assert "builds 1 of 2 topics (glimmer-fever)" in main_text(home)
    clinics = {site.resolve("/for-clinics/", a["href"]) for a in site.page("/for-clinics/").select("article a[href]")}
    assert not [href for href in clinics if "secondary-liver-cancer" in href]


def test_a_previewed_topic_without_a_folder_is_named_as_a_mistake(two_topics, tmp_path):
    result = mkdocs_build(tmp_path / "site", two_topics, strict=False,
                          extra_env={"PATIENT_INFO_PREVIEW": "1", "PATIENT_INFO_TOPICS": "glimer-fever"})
    page = (tmp_path / "site" / "404.html").read_text("utf-8")
    assert "there is no topic folder &#39;glimer-fever&#39; to preview" in page
    assert "glimmer-fever" in page  # the hint names folders that exist
    assert result.returncode == 0  # the preview answers with the mistakes instead of stopping
