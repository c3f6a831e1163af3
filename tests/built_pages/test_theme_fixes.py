"""Fixes to the theme's markup apply to every page, and a theme change that defeats one stops the build."""

import pytest

from patient_info.built_pages.theme_fixes import FIXES, MATERIAL_SEARCH_FIXES, ThemeMarkupChanged, fix_theme_html


def test_every_built_page_carries_every_theme_fix(real_site):
    for file in real_site.html_pages():
        html = file.read_text("utf-8")
        if 'http-equiv="refresh"' in html or file.relative_to(real_site.root).parts[0] == "embed":
            continue  # redirect pages and embed cards are our own small HTML, without the theme
        for fix in FIXES:
            assert fix.new in html and fix.old not in html, f"{file}: {fix.why}"


@pytest.mark.parametrize("fix", FIXES, ids=[fix.why for fix in FIXES])
def test_markup_the_fix_no_longer_matches_is_an_error_naming_the_fix(fix):
    page = "".join(other.old for other in FIXES if other is not fix)
    with pytest.raises(ThemeMarkupChanged, match=fix.why):
        fix_theme_html(page)


def test_the_search_dialog_fix_applies_only_where_materials_search_is_built():
    page = "".join(fix.old for fix in FIXES)
    assert fix_theme_html(page) == "".join(fix.new for fix in FIXES)  # the published site: Pagefind's search
    with pytest.raises(ThemeMarkupChanged, match=MATERIAL_SEARCH_FIXES[0].why):
        fix_theme_html(page, material_search=True)  # the offline copy must have Material's dialog
