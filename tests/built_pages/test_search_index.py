"""What the search finds (built_pages/search_index.py): patients' and clinics' pages, never editors'; a page's
other names from its treatment and the glossary; the copy of each page Pagefind reads."""

import yaml

from conftest import ROOT, TOPIC
from patient_info.built_pages.search_index import Searchable, other_names, search_record, searchable_pages
from patient_info.content.check import load_site
from patient_info import page_kinds as kinds
from patient_info.model.audiences import CLINICS, PATIENTS


def test_editors_pages_summaries_and_pages_for_one_answer_are_never_searchable(tmp_path):
    site = load_site(ROOT / "content")
    found = searchable_pages(site)
    assert not [page for page in found if page.startswith("editors/")]
    assert f"{TOPIC}/summary.md" not in found and f"{TOPIC}/summary/large-print.md" not in found
    assert not [page for page in found if "/situations/" in page]
    assert found[f"{TOPIC}/treatments/surgery.md"] == Searchable(PATIENTS, "Secondary cancer in the liver")
    assert {page for page, searchable in found.items() if searchable.audience == CLINICS} == {
        kinds.FOR_CLINICS.src_uri(), kinds.INFOBUTTON.src_uri(), f"for-clinics/{TOPIC}.md"}


def test_a_treatment_is_also_found_by_its_other_names():
    site = load_site(ROOT / "content")
    embolisation = searchable_pages(site)[f"{TOPIC}/treatments/embolisation.md"]
    assert embolisation.also_called == ("Chemoembolisation", "Radioembolisation")


def test_a_title_is_also_found_by_the_other_forms_of_the_glossary_terms_it_uses(example_copy):
    # As an editor would list the words clinic letters use for a term.
    glossary = example_copy / "glossary.yaml"
    data = yaml.safe_load(glossary.read_text("utf-8"))
    data["terms"][0]["forms"] = ["glimmer syndrome", "the glimmers"]
    glossary.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    site = load_site(example_copy)
    assert other_names("Glimmer fever: treatment overview", site) == ("glimmer syndrome", "the glimmers")
    # Nothing the title already says, in the singular or the plural.
    assert other_names("Glimmer syndromes and glimmer fever", site) == ("the glimmers",)
    assert other_names("Humming", site, also=["Soft humming"]) == ("Soft humming",)


def test_the_copy_pagefind_reads_escapes_the_topic_and_other_names_and_marks_pages_for_clinics():
    record = search_record(Searchable(CLINICS, 'Tom & <b>"x"</b>', ("<i>y</i>",)), title="Links",
                           content="<h1>Links</h1>")
    assert 'data-pagefind-meta="topic:Tom &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt;"' in record
    assert 'data-pagefind-meta="also_called">&lt;i&gt;y&lt;/i&gt;</p>' in record
    assert '<main data-pagefind-body data-pagefind-filter="audience:clinics">' in record
    assert "data-pagefind-filter" not in search_record(Searchable(PATIENTS), title="Home", content="<h1>Home</h1>")
