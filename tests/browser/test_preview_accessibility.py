"""The editors' preview pages pass axe-core too: the list of mistakes and a page with an editors' banner.

The accessibility tests of the built site never see them, as `make build` makes neither.
"""

import shutil

import pytest

from conftest import EXAMPLE_CONTENT, mkdocs_build
from serving import serve
from test_accessibility_axe import VIEWPORTS, axe_source, describe, run_axe  # noqa: F401 (axe_source: a fixture)

PREVIEW = {"PATIENT_INFO_PREVIEW": "1"}


@pytest.fixture(scope="module")
def preview_sites(tmp_path_factory):
    """Two preview builds of the example content: one with a YAML mistake, one with an unexplained word."""
    folder = tmp_path_factory.mktemp("preview-pages")
    sites = {}
    for name, file, old, new in (
            ("mistakes", "humming.yaml", "name: Humming", "name: [Humming"),
            ("banner", "moonlight-therapy.yaml", "name: Moonlight therapy", "name: Quintessential moonlight therapy")):
        content = folder / f"{name}-content"
        shutil.copytree(EXAMPLE_CONTENT, content)
        treatment = content / "glimmer-fever" / "treatments" / file
        treatment.write_text(treatment.read_text("utf-8").replace(old, new), "utf-8")
        result = mkdocs_build(folder / name, content, strict=False, extra_env=PREVIEW)
        assert result.returncode == 0, result.stderr
        sites[name] = folder / name
    return sites


def _violations(browser, axe_source: str, site, path: str, *, viewport: str, scheme: str) -> list[str]:
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    try:
        with serve(site) as base:
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            return [line for violation in run_axe(page, axe_source) for line in describe(path, violation)]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_list_of_mistakes_has_no_axe_violations(browser, axe_source, preview_sites, viewport, scheme):
    assert "content mistake" in (preview_sites["mistakes"] / "404.html").read_text("utf-8")
    problems = _violations(browser, axe_source, preview_sites["mistakes"], "/404.html", viewport=viewport, scheme=scheme)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_page_with_the_editors_banner_has_no_axe_violations(browser, axe_source, preview_sites, viewport):
    path = "/glimmer-fever/treatments/moonlight-therapy/"
    assert "editors-preview" in (preview_sites["banner"] / path.strip("/") / "index.html").read_text("utf-8")
    problems = _violations(browser, axe_source, preview_sites["banner"], path, viewport=viewport, scheme="light")
    assert not problems, "\n".join(problems)
