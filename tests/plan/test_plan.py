"""The plan lists every file the build publishes, and the build publishes exactly what the plan lists:
`patient-info plan` names the same addresses as a real `mkdocs build` writes."""

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, plan_for

# What the build writes that is not the content's: the theme's own files and MkDocs' indexes, and the files of
# the search index (the plan names their folder).
THEME_FILES = ("assets/", "search/", "pagefind/", "search-names/", "404.html", "sitemap.xml", "sitemap.xml.gz")


def planned(content_dir, *extra: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "patient_info.cli", "plan", str(content_dir), "--json", *extra],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def written(site) -> set[str]:
    """Every file the build wrote, as a published path, leaving out the theme's own."""
    return {str(path.relative_to(site.root)) for path in site.root.rglob("*") if path.is_file()
            and not str(path.relative_to(site.root)).startswith(THEME_FILES)}


def as_files(entries: list[dict]) -> set[str]:
    """The plan's entries as the files a static host serves: a page's address is its folder's index.html."""
    files = set()
    for entry in entries:
        address = entry["address"]
        if address.startswith(THEME_FILES):
            continue
        files.add(address + "index.html" if address.endswith("/") or address == "" else address)
    return files


@pytest.mark.parametrize("site_fixture, content", [("real_site", ROOT / "content"), ("example_site", EXAMPLE_CONTENT)])
def test_the_plan_lists_exactly_what_the_build_writes(request, site_fixture, content):
    site = request.getfixturevalue(site_fixture)
    entries = [entry for entry in planned(content) if entry["kind"] != "pdf"]  # printed after the build
    assert as_files(entries) == written(site)


def test_the_plan_names_each_page_with_its_kind_title_and_statements():
    entries = {entry["address"]: entry for entry in planned(ROOT / "content")}
    surgery = entries["secondary-liver-cancer/treatments/surgery/"]
    assert surgery["kind"] == "treatment" and surgery["title"] == "Surgery"
    assert surgery["statements"][0] == "surgery-small-number"
    assert entries["secondary-liver-cancer/summary.pdf"]["kind"] == "pdf"


def test_the_plan_in_words_lists_address_kind_and_title():
    result = subprocess.run([sys.executable, "-m", "patient_info.cli", "plan", str(ROOT / "content")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    assert "/secondary-liver-cancer/treatments/surgery/\ttreatment\tSurgery" in result.stdout.splitlines()


def test_a_plan_with_mistakes_names_them_and_lists_nothing(example_copy):
    (example_copy / "glimmer-fever" / "topic.yaml").write_text("id: [\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "patient_info.cli", "plan", str(example_copy)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1 and "topic.yaml:" in result.stderr and result.stdout == ""


def test_the_plan_is_made_without_mkdocs():
    """The core plans the site alone: nothing MkDocs or its theme provides is imported to make it."""
    code = ("import sys; from conftest import plan_for, ROOT; plan_for(ROOT / 'content'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT / "tests",
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
