"""A strict build that fails leaves no site that looks finished, whatever stopped it and whenever."""

from conftest import ROOT, mkdocs_build, project_copy


def test_a_strict_build_stopped_by_a_warning_mkdocs_counts_leaves_no_site(tmp_path):
    # A hand-written page with a broken link: MkDocs warns while it writes the pages, then stops at the end.
    config = project_copy(tmp_path / "project")
    (config.parent / "docs" / "editors" / "broken.md").write_text("# Broken\n\nSee [a page](missing.md).\n", "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, ROOT / "content", config=config)
    assert result.returncode != 0 and "missing.md" in result.stderr
    assert not (site / "index.html").exists() and not any(site.iterdir()), "the site folder looks built"
