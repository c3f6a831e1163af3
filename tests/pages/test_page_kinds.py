"""Each kind of page is declared once (model/page_kinds.py), and what is built follows the declarations:
every declared page is rendered, nothing undeclared is, and each linkable page has its catalogue entry
with the same title and description as the page itself."""

import json
from datetime import date

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.content.check import load_site
from patient_info.links.catalogue import catalogue
from patient_info.model import page_kinds, paths
from patient_info.model.page_kinds import PageKind
from patient_info.pages.embed import embed_files
from patient_info.pages.render import render_for_clinics, render_site, summary_handouts
from patient_info.text import html_text

SITE_URL = "https://example.org/"
SITES = {"real": ROOT / "content", "example": EXAMPLE_CONTENT}


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request):
    site = load_site(SITES[request.param])
    links = catalogue(site)
    pages = [*render_site(site, summary_handouts(site, site_url=SITE_URL)), *render_for_clinics(site, links, SITE_URL)]
    return site, links, {page.src_uri: page for page in pages}


def declared(site, kinds) -> dict[str, tuple[PageKind, tuple]]:
    """Every page the declarations promise, by its file."""
    return {kind.src_uri(*subject): (kind, subject) for kind in kinds for subject in kind.subjects(site)}


def unbuilt_and_undeclared(site, links, pages, kinds=page_kinds.ALL) -> tuple[set[str], set[str]]:
    """(pages declared but not built, pages built but not declared)."""
    embed_cards = {file.path for file in embed_files(site, links, SITE_URL, "en", today=date(2026, 12, 1))}
    promised, built = set(declared(site, kinds)), set(pages) | embed_cards
    return promised - built, built - promised


def front_matter(markdown: str) -> dict:
    return json.loads(markdown.split("---\n")[1])


def test_every_declared_page_is_rendered_and_nothing_else(built):
    assert unbuilt_and_undeclared(*built) == (set(), set())


def test_each_linkable_page_is_in_the_catalogue_with_its_own_title_and_description(built):
    site, links, pages = built
    by_address = {link.address: link for link in links}
    for src_uri, (kind, subject) in declared(site, page_kinds.ALL).items():
        if not kind.linkable:
            assert paths.url(src_uri) not in by_address, src_uri
            continue
        link = by_address.get(paths.url(src_uri))
        assert link is not None, f"{kind.name} page {src_uri} has no catalogue entry"
        assert (link.kind, link.title, link.summary) == (kind.name, kind.title(site, *subject),
                                                          kind.description(site, *subject))
        if src_uri in pages:
            assert front_matter(pages[src_uri].markdown)["description"] == str(html_text(link.summary)), src_uri


def test_a_declared_kind_that_is_not_rendered_and_a_page_that_is_not_declared_are_named(built):
    site, links, pages = built
    side_effects = PageKind("side-effects", "treatment.md.j2", lambda topic, treatment:
                            f"{topic}/treatments/{treatment}/side-effects.md", lambda site, topic, treatment: "",
                            lambda site, topic, treatment: "", per="treatment")
    unbuilt, undeclared = unbuilt_and_undeclared(site, links, pages, [*page_kinds.ALL, side_effects])
    assert unbuilt == set(declared(site, [side_effects])) and unbuilt and undeclared == set()
    without_glossary = [kind for kind in page_kinds.ALL if kind is not page_kinds.GLOSSARY]
    assert unbuilt_and_undeclared(site, links, pages, without_glossary) == (set(), {paths.GLOSSARY})


def test_a_page_kind_must_say_what_its_pages_are_about():
    with pytest.raises(ValueError, match="per must be one of"):
        PageKind("x", "x.md.j2", lambda: "x.md", lambda site: "", lambda site: "", per="treatments")


def test_old_ids_give_every_combination_of_old_addresses():
    site = load_site(EXAMPLE_CONTENT)
    topic = site.topics[0]
    treatment = next(t for t in topic.treatments if t.aliases)
    uris = page_kinds.TREATMENT.all_src_uris(topic, treatment)
    assert uris[0] == paths.treatment_page(topic.id, treatment.id)
    assert len(uris) == (1 + len(topic.aliases)) * (1 + len(treatment.aliases)) == len(set(uris))
