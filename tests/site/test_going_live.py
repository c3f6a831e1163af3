"""No placeholder reaches the public, in real builds: `make check` and `make build` (strict or not) refuse a site
that is not a demonstration while it is built for an example address, at site.yaml's line; a demonstration says
so on every page and every printed summary; a live site with a real address and a phone number says nothing of
the kind. The rules themselves are tested without MkDocs in tests/plan/test_going_live.py."""

import subprocess
import sys

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TOPIC, build_or_fail, mkdocs_build

REAL_ADDRESS = "https://info.riverside-hospital.org.uk/"
DEMONSTRATION = "This is a demonstration site, not a real service for patients."


def go_live(content, **fields) -> int:
    """Sets demonstration: false (and any other fields) in site.yaml; returns the line it is on."""
    site = content / "site.yaml"
    text = site.read_text("utf-8")
    site.write_text(text + yaml.safe_dump({"demonstration": False, **fields}, sort_keys=False), "utf-8")
    return text.count("\n") + 1


def test_a_live_site_at_the_example_address_is_refused_by_check_and_by_any_build(example_copy, tmp_path):
    line = go_live(example_copy, clinic={"name": "Riverside Test Clinic", "phone": "020 7946 0999"})
    where = f"{example_copy / 'site.yaml'}:{line}:1: this site is not a demonstration"
    check = subprocess.run([sys.executable, "-m", "patient_info.cli", "check", str(example_copy)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert check.returncode == 1 and where in check.stderr and "https://patient-info.example.org/" in check.stderr
    assert "1 content mistake" in check.stderr and "Traceback" not in check.stderr
    for strict in (True, False):
        build = mkdocs_build(tmp_path / f"site-{strict}", example_copy, strict=strict)
        assert build.returncode != 0 and where in build.stderr, build.stderr
        assert "Traceback" not in build.stderr
        assert not (tmp_path / f"site-{strict}" / "index.html").exists()


def test_a_demonstration_says_so_on_every_page_and_every_sheet(real_site):
    for url in real_site.urls():
        lines = real_site.page(url).select(".demonstration-line")
        assert [line.get_text(strip=True) for line in lines] == [DEMONSTRATION], url
    for sheet in (f"/{TOPIC}/summary/", f"/{TOPIC}/summary/large-print/"):
        said = real_site.page(sheet).select(".handout .handout-demonstration")
        assert [line.get_text(strip=True) for line in said] == [
            "From a demonstration site, not a real service for patients."], sheet


def test_a_live_site_with_a_real_address_and_a_phone_number_is_built_without_the_line(example_copy, tmp_path):
    go_live(example_copy, clinic={"name": "Riverside Test Clinic", "phone": "020 7946 0999"})
    site = build_or_fail(tmp_path / "site", example_copy, site_url=REAL_ADDRESS)
    for url in site.urls():
        page = site.page(url)
        assert not page.select(".demonstration-line, .handout-demonstration, .md-banner"), url
    assert REAL_ADDRESS in site.file_for("/glimmer-fever/summary/").read_text("utf-8")


def test_the_preview_builds_a_live_site_at_a_local_address_and_shows_what_is_missing(example_copy, tmp_path):
    """`make serve` runs at a local address: a live site is previewed, with banners saying what would stop its
    build and what readers are not given."""
    go_live(example_copy)
    result = mkdocs_build(tmp_path / "site", example_copy, strict=False, site_url="http://127.0.0.1:8000/",
                          extra_env={"PATIENT_INFO_PREVIEW": "1"})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "glimmer-fever" / "treatments" / "humming" / "index.html").read_text("utf-8")
    banner = " ".join(BeautifulSoup(html, "html.parser").select_one(".editors-preview").get_text(" ").split())
    assert "2 things to fix" in banner and "this site is not a demonstration" in banner
    assert "it is this computer's own address" in banner and "it has no contact details" in banner
    assert "note: readers are given no contact details with a phone number ('clinic')" in banner
