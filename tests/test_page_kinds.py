"""Each kind of page is one record (page_kinds.py), and the plan publishes exactly what the records promise:
every declared page and file, nothing undeclared, each linkable one in the catalogue with the page's own title
and description. A new kind needs its record and its template, and nothing else."""

import json
from dataclasses import replace

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, plan_for
from patient_info import page_kinds
from patient_info.model import paths
from patient_info.page_kinds import PageKind
from patient_info.text import html_text
from patient_info.wording import wording

SITES = {"real": ROOT / "content", "example": EXAMPLE_CONTENT}


@pytest.fixture(scope="module", params=sorted(SITES))
def plan(request):
    return plan_for(SITES[request.param])


def declared(site, kinds) -> dict[str, tuple[PageKind, tuple]]:
    """Every page and file the records promise, by its path (anchors are sections of a page, not files)."""
    return {kind.src_uri(*subject): (kind, subject) for kind in kinds for subject in kind.subjects(site)
            if "#" not in kind.file}


def published(plan) -> set[str]:
    return ({page.src_uri for page in plan.pages} | {file.path for file in plan.files}
            | {pdf.pdf for pdf in plan.pdfs})


def front_matter(markdown: str) -> dict:
    return json.loads(markdown.split("---\n")[1])


def test_every_declared_page_and_file_is_published(plan):
    missing = set(declared(plan.site, page_kinds.ALL)) - published(plan)
    assert missing == set()


def test_every_page_published_is_declared(plan):
    assert {page.src_uri for page in plan.pages} <= set(declared(plan.site, page_kinds.ALL))


def test_each_linkable_page_is_in_the_catalogue_with_its_own_title_and_description(plan):
    site, words = plan.site, wording("en")
    by_address = {link.address: link for link in plan.links}
    pages = {page.src_uri: page for page in plan.pages}
    for kind in page_kinds.ALL:
        for subject in kind.subjects(site):
            address = kind.address(*subject)
            if not kind.linkable:
                assert address not in by_address, address
                continue
            link = by_address.get(address)
            assert link is not None, f"{kind.name} page {address} has no catalogue entry"
            assert (link.kind, link.title, link.summary) == (kind.name, kind.title(words, site, *subject),
                                                              kind.description(words, site, *subject))
            page = pages.get(kind.src_uri(*subject))
            if page is not None:
                assert front_matter(page.markdown)["description"] == str(html_text(link.summary)), address


def test_a_new_kind_needs_only_its_record_and_its_template(monkeypatch):
    """A page per treatment about its side effects (made up for the test), declared and nothing more: it is
    rendered with its template, catalogued (links.json, QR code, <head>), its folder reserved, its old addresses
    forwarded."""
    side_effects = PageKind("side-effects", "{topic}/treatments/{treatment}/side-effects.md",
                            lambda w, site, topic, treatment: f"{treatment.name}: side effects",
                            lambda w, site, topic, treatment: "Made up for a test.",
                            template="treatment.md.j2", per="treatment")
    monkeypatch.setattr(page_kinds, "ALL", (*page_kinds.ALL, side_effects))
    plan = plan_for(EXAMPLE_CONTENT)
    topic = plan.site.topics[0]
    expected = {f"glimmer-fever/treatments/{t.id}/side-effects.md" for t in topic.treatments}
    assert expected <= {page.src_uri for page in plan.pages}
    links = {link.address: link for link in plan.links if link.kind == "side-effects"}
    assert {paths.url(uri) for uri in expected} == set(links)
    assert {f"for-clinics/qr/{link.id}.svg" for link in links.values()} <= {code.path for code in plan.qr_codes}
    index = json.loads(next(file.content for file in plan.files if file.path == "links.json"))
    assert {entry["kind"] for entry in index["links"]} >= {"side-effects"}
    renamed = [link for link in links.values() if link.previous]
    assert renamed and all(old.startswith(("sparkle-fever/", "glimmer-fever/")) for link in renamed
                           for old in link.previous)


def test_a_page_kind_must_say_what_its_pages_are_about():
    with pytest.raises(ValueError, match="per must be one of"):
        PageKind("x", "x.md", lambda w, site: "", lambda w, site: "", per="treatments")


def test_old_ids_give_every_combination_of_old_addresses():
    plan = plan_for(EXAMPLE_CONTENT)
    topic = plan.site.topics[0]
    treatment = next(t for t in topic.treatments if t.aliases)
    uris = page_kinds.TREATMENT.all_src_uris(topic, treatment)
    assert uris[0] == f"{topic.id}/treatments/{treatment.id}.md"
    assert len(uris) == (1 + len(topic.aliases)) * (1 + len(treatment.aliases)) == len(set(uris))


def test_the_menu_is_made_from_the_records():
    plan = plan_for(ROOT / "content")
    topic = plan.site.topics[0]
    menu = plan.menu()
    assert menu[0] == page_kinds.HOME.src_uri() and menu[-2:] == [page_kinds.GLOSSARY.src_uri(),
                                                                   page_kinds.ABOUT.src_uri()]
    section = menu[1][topic.title]
    assert section[:2] == [page_kinds.OVERVIEW.src_uri(topic), page_kinds.SITUATION_FINDER.src_uri(topic)]
    treatments = next(item for item in section if isinstance(item, dict))["Treatments"]
    assert treatments == [page_kinds.TREATMENT.src_uri(topic, t) for t in topic.treatments]
