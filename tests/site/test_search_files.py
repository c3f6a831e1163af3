"""The build writes the search's files into the site: Pagefind's index (built_pages/search_index.py) and the names
files of the first answer (built_pages/search_names.py): the files a search loads, every page it should find and
no other, and none of Material's search."""

import json
from itertools import accumulate

from conftest import TOPIC
from search_files import indexed_pages

SEARCH_FILES = ["pagefind/pagefind.js", "pagefind/wasm.en.pagefind", "pagefind/pagefind-entry.json"]


def test_the_search_files_are_built_and_materials_search_is_not(real_site):
    for name in SEARCH_FILES:
        assert (real_site.root / name).is_file(), name
    assert list((real_site.root / "pagefind").glob("pagefind.en_*.pf_meta"))
    assert list((real_site.root / "pagefind" / "index").glob("*.pf_index"))
    # The ready-made interfaces Pagefind also writes are not used, nor is Material's index.
    assert not list((real_site.root / "pagefind").glob("pagefind-*ui*"))
    assert not (real_site.root / "search").exists()
    assert "search_index.json" not in (real_site.root / "index.html").read_text("utf-8")


def test_the_index_holds_patients_and_clinics_pages_and_no_other(real_site):
    pages = {page["url"]: page for page in indexed_pages(real_site.root)}
    treatments = {f"/{TOPIC}/treatments/{path.name}/" for path in (real_site.root / TOPIC / "treatments").iterdir()
                  if (path / "index.html").is_file()}
    patients = {"/", "/glossary/", "/about/", f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/", *treatments}
    clinics = {"/for-clinics/", "/link/", f"/for-clinics/{TOPIC}/"}
    assert set(pages) == patients | clinics
    assert {url for url, page in pages.items() if page["filters"].get("audience") == ["clinics"]} == clinics
    for url in treatments | {f"/{TOPIC}/"}:
        assert pages[url]["meta"]["topic"] == "Secondary cancer in the liver", url
    assert pages[f"/{TOPIC}/treatments/surgery/"]["meta"]["title"] == "Surgery"


def test_the_review_notice_on_every_page_is_not_what_the_search_finds(real_site):
    surgery = next(page for page in indexed_pages(real_site.root) if page["url"] == f"/{TOPIC}/treatments/surgery/")
    assert "Not yet checked by a doctor or nurse" not in surgery["content"]
    assert surgery["content"].startswith("Surgery.")


def test_the_names_files_list_the_pages_pagefind_indexes_patients_first_each_once(real_site):
    folder = real_site.root / "search-names"
    counts = json.loads((folder / "counts.json").read_text("utf-8"))
    named = [page for path in sorted((folder / "pages").iterdir(), key=lambda path: int(path.stem))
             for page in json.loads(path.read_text("utf-8"))]
    indexed = {page["url"]: page for page in indexed_pages(real_site.root)}
    assert sorted(address for address, *_ in named) == sorted(indexed)
    assert [audience for *_, audience in named] == ["patients"] * counts["patients"] + \
        ["clinics"] * (len(named) - counts["patients"])
    for address, title, topic, _ in named:
        assert title == indexed[address]["meta"]["title"], address
        assert topic == indexed[address]["meta"].get("topic", ""), address
    assert counts["words"] == sorted(path.stem for path in (folder / "words").iterdir())
    # Each word's pages are written as steps from one number to the next.
    in_title, _ = json.loads((folder / "words" / "th.json").read_text("utf-8"))["therapies"]
    assert [named[number][0] for number in accumulate(in_title)] == [
        f"/{TOPIC}/treatments/{treatment}/" for treatment in ("hormonal-therapy", "targeted-therapy", "supportive-care")]
