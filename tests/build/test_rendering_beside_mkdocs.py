"""A large site's topic pages are rendered in worker processes while MkDocs works (issue 24), and make exactly the
site that rendering them with the plan makes.

"Large" is PARALLEL_FROM topics (200); these tests lower it to 2, so that three made-up topics
(benchmarks/synthetic.py) take the path a library of hundreds takes."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import patient_info.workers as workers
from patient_info import page_kinds
from conftest import ROOT, SITE_URL, build_or_fail
from patient_info.build import BuildStopped, SiteBuild
from patient_info.pages.render import PagesInBackground
from patient_info.plan import make_plan

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_content  # noqa: E402

TOPICS = 3
# `mkdocs build` with PARALLEL_FROM lowered, as these tests lower it in their own process.
MKDOCS_RENDERING_BESIDE = ("import sys; sys.path.insert(0, 'hooks'); import patient_info.workers as workers; "
                           "workers.PARALLEL_FROM = 2; from mkdocs.__main__ import cli; "
                           "sys.argv[0] = 'mkdocs'; cli()")


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return write_content(tmp_path_factory.mktemp("three-topics") / "content", TOPICS)


@pytest.fixture
def build(content, tmp_path, monkeypatch) -> SiteBuild:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    environ = {"PATIENT_INFO_CONTENT": str(content), "PATIENT_INFO_CACHE": str(tmp_path / "cache")}
    started = SiteBuild.start(environ, project_dir=ROOT, site_url=SITE_URL, strict=True)
    yield started
    started.stop()


def test_a_large_sites_topic_pages_are_rendered_beside_mkdocs_as_the_plan_renders_them(build):
    assert build.rendering is not None, "the plan should leave the topics' pages to render beside MkDocs"
    rendered = make_plan(build.settings, judge_text=False).pages
    handed = {src_uri: content for src_uri, content, _ in build.files()}
    later = [page.src_uri for page in rendered if build.page_source(page.src_uri) is not None]
    site_pages = {kind.src_uri() for kind in page_kinds.ALL if kind.per == "site" and kind.is_page}
    assert later == [page.src_uri for page in rendered if page.src_uri not in site_pages], \
        "every topic's pages (its pages for clinics and editors too) and no other are rendered beside MkDocs"
    assert len(later) > len(site_pages) * TOPICS
    for page in rendered:
        source = build.page_source(page.src_uri)
        assert (source if source is not None else handed[page.src_uri]) == page.markdown, page.src_uri
    # The published text's problems are traced back through each page's statements: the plan gets them whole.
    build.finish_reading()
    assert build.plan.pages == tuple(rendered)
    assert build.rendering is None


def test_pages_rendered_beside_the_preview_server_come_from_clean_processes_the_same(build):
    """`mkdocs serve` runs threads of its own, so the workers are started afresh ("spawn"), not forked: they are
    sent the site and render the same pages."""
    rendered = {page.src_uri: page for page in make_plan(build.settings, judge_text=False).pages}
    build.stop()
    serving = threading.Event()
    server = threading.Thread(target=serving.wait)  # stands for the preview server's threads
    server.start()
    try:
        assert workers._context().get_start_method() == "spawn"
        beside = PagesInBackground(build.plan.to_render)
        try:
            assert all(beside.page(src_uri) == rendered[src_uri] for src_uri in build.plan.to_render.topic_index)
        finally:
            beside.close()
    finally:
        serving.set()
        server.join()


def test_a_fault_in_rendering_beside_mkdocs_stops_the_build_with_a_message_not_a_traceback(build, monkeypatch):
    def fail(src_uri):
        raise KeyError("a fault")
    monkeypatch.setattr(build.rendering, "page", fail)
    with pytest.raises(BuildStopped) as stopped:
        build.page_source("topic-0000/index.md")
    message = str(stopped.value)
    assert "unexpected error in patient-info (KeyError at" in message and "report it" in message
    assert "Traceback" not in message


def test_mkdocs_builds_the_same_site_with_the_topic_pages_rendered_beside_it(content, tmp_path):
    with_plan = build_or_fail(tmp_path / "with-plan", content)
    beside = tmp_path / "beside"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATIENT_INFO_CONTENT": str(content)}
    env.pop("SITE_URL", None)
    env.pop("PATIENT_INFO_PREVIEW", None)
    result = subprocess.run([sys.executable, "-c", MKDOCS_RENDERING_BESIDE, "build", "--strict", "-f",
                             str(ROOT / "mkdocs.yml"), "-d", str(beside)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(with_plan.root) for path in with_plan.root.rglob("*.html"))
    assert len(pages) > 30 * TOPICS
    assert pages == sorted(path.relative_to(beside) for path in beside.rglob("*.html"))
    different = [str(page) for page in pages
                 if (with_plan.root / page).read_bytes() != (beside / page).read_bytes()]
    assert not different, f"{len(different)} pages differ, first {different[:5]}"
    assert (with_plan.root / "content-report.json").read_text() == (beside / "content-report.json").read_text()
