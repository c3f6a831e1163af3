"""A strict build that fails leaves no site that looks finished, whatever stopped it and whenever."""

import shutil

from conftest import ROOT, mkdocs_build


def test_a_strict_build_stopped_by_a_warning_mkdocs_counts_leaves_no_site(tmp_path):
    # A hand-written page with a broken link: MkDocs warns while it writes the pages, then stops at the end.
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "hooks").symlink_to(ROOT / "hooks")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the QR encoder the site serves
    (project / "docs" / "editors" / "broken.md").write_text("# Broken\n\nSee [a page](missing.md).\n", "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, ROOT / "content", config=project / "mkdocs.yml")
    assert result.returncode != 0 and "missing.md" in result.stderr
    assert not (site / "index.html").exists() and not any(site.iterdir()), "the site folder looks built"
