"""Fixes to the theme's markup that its template blocks cannot reach.

mkdocs-material writes these elements outside any overridable block, so the built HTML is
corrected instead. Each fix must match exactly once per page: if a theme upgrade changes the
markup, the build stops and names the fix to review, rather than shipping the old fault quietly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkupFix:
    why: str
    old: str
    new: str


FIXES = (
    # The Nu Html Checker rejects autocomplete on checkboxes. The theme added it so that a
    # browser does not restore an open menu or search after "back"; accessibility.js
    # closes both on every page show instead.
    MarkupFix("autocomplete is not allowed on the menu checkbox",
              '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
              '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    MarkupFix("autocomplete is not allowed on the search checkbox",
              '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
              '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
)

# Material's search is built into the offline copy only (the published site searches with Pagefind).
MATERIAL_SEARCH_FIXES = (
    # A dialog needs an accessible name (axe: aria-dialog-name).
    MarkupFix("the search dialog has no accessible name",
              '<div class="md-search" data-md-component="search" role="dialog">',
              '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
)


class ThemeMarkupChanged(Exception):
    """The theme's markup no longer matches a fix: review the fix against the new theme."""


def fix_theme_html(html: str, *, material_search: bool = False) -> str:
    """The page with every fix made; `material_search` when the page has Material's search dialog."""
    for fix in FIXES + (MATERIAL_SEARCH_FIXES if material_search else ()):
        count = html.count(fix.old)
        if count != 1:
            raise ThemeMarkupChanged(f"the theme fix '{fix.why}' matched {count} times instead of once; "
                                     "the theme's markup has changed: update hooks/patient_info/theme_fixes.py")
        html = html.replace(fix.old, fix.new)
    return html
