"""The first answer to a search (built_pages/search_names.py): the pages whose names hold a word, filed by the
word's first two letters, patients' pages first; each page listed once, 64 to a file."""

import json

from patient_info.built_pages.search_names import PAGES_PER_FILE, NamedPage, file_key, words, write_names
from patient_info.model.audiences import CLINICS, PATIENTS


def _read(folder, name):
    return json.loads((folder / "search-names" / name).read_text("utf-8"))


def test_a_name_is_compared_in_lower_case_without_accents_or_punctuation():
    assert words("Chemo-embolisation (TACE)") == ["chemo", "embolisation", "tace"]
    assert words("Radiothérapie stéréotaxique") == ["radiotherapie", "stereotaxique"]
    assert words("5_FU, 2 doses") == ["5", "fu", "2", "doses"]
    assert words(" – ") == []


def test_a_word_is_filed_by_its_first_two_letters_and_any_other_letter_by_its_code_point():
    assert file_key("surgery") == "su"
    assert file_key("a") == "a"
    assert file_key("5fu") == "5f"
    assert file_key("ħa") == "_127_a"
    assert file_key("ωμ") == "_3c9__3bc_"


def test_patients_pages_are_numbered_first_and_each_word_names_its_pages(tmp_path):
    pages = [NamedPage("/for-clinics/", "Linking to surgery pages", "", CLINICS),
             NamedPage("/t/treatments/surgery/", "Surgery", "Topic T", PATIENTS),
             NamedPage("/t/treatments/embolisation/", "Embolisation", "Topic T", PATIENTS,
                       also_called=("Chemoembolisation", "Surgery by catheter")),
             NamedPage("/t/treatments/therapy/", "Targeted therapy", "Topic T", PATIENTS)]
    write_names(pages, tmp_path)
    assert _read(tmp_path, "counts.json") == {"patients": 3, "per_file": PAGES_PER_FILE,
                                              "words": ["by", "ca", "ch", "em", "li", "pa", "su", "ta", "th", "to"]}
    assert _read(tmp_path, "pages/0.json") == [
        ["/t/treatments/surgery/", "Surgery", "Topic T", PATIENTS],
        ["/t/treatments/embolisation/", "Embolisation", "Topic T", PATIENTS],
        ["/t/treatments/therapy/", "Targeted therapy", "Topic T", PATIENTS],
        ["/for-clinics/", "Linking to surgery pages", "", CLINICS]]
    surgery = _read(tmp_path, "words/su.json")
    # In a title (first list: pages 0 and 3, written as steps), as another name only (second list: page 1); a
    # plural is filed as the word it comes from.
    assert surgery == {"surgery": [[0, 3], [1]], "surgeries": "surgery"}
    assert _read(tmp_path, "words/th.json") == {"therapy": [[2], []], "therapies": "therapy"}
    assert _read(tmp_path, "words/ch.json") == {"chemoembolisation": [[], [1]], "chemoembolisations": "chemoembolisation"}
    # A word of one or two letters has no plural of its own.
    assert "bys" not in _read(tmp_path, "words/by.json")


def test_a_plural_that_is_a_name_itself_finds_its_own_pages_and_the_singulars(tmp_path):
    write_names([NamedPage("/a/", "Therapy", "", PATIENTS), NamedPage("/b/", "Therapies", "", PATIENTS),
                 NamedPage("/c/", "Other therapies", "", PATIENTS)], tmp_path)
    # "therapies": pages 0, 1 and 2; "therapy": page 0 only; no "therapieses".
    assert _read(tmp_path, "words/th.json") == {"therapies": [[0, 1, 1], []], "therapy": [[0], []]}


def test_the_pages_are_listed_64_to_a_file_and_a_build_leaves_no_old_file(tmp_path):
    old = tmp_path / "search-names" / "words" / "zz.json"
    old.parent.mkdir(parents=True)
    old.write_text("{}")
    pages = [NamedPage(f"/p{number}/", f"Page {number}", "", PATIENTS) for number in range(2 * PAGES_PER_FILE + 1)]
    write_names(pages, tmp_path)
    assert not old.exists()
    files = sorted((tmp_path / "search-names" / "pages").iterdir())
    assert [path.name for path in files] == ["0.json", "1.json", "2.json"]
    assert [len(json.loads(path.read_text("utf-8"))) for path in files] == [PAGES_PER_FILE, PAGES_PER_FILE, 1]
    assert _read(tmp_path, "pages/2.json") == [[f"/p{2 * PAGES_PER_FILE}/", f"Page {2 * PAGES_PER_FILE}", "",
                                                PATIENTS]]
    # Numbers are filed whole: "page" names every page (each one step on), "12" only page 12.
    assert _read(tmp_path, "words/pa.json")["page"] == [[0] + [1] * 2 * PAGES_PER_FILE, []]
    assert _read(tmp_path, "words/12.json")["12"] == [[12], []]


def test_a_title_with_markup_characters_is_written_as_text(tmp_path):
    write_names([NamedPage("/x/", 'Tom & <b>"Jerry"</b>', "A < B", PATIENTS)], tmp_path)
    raw = (tmp_path / "search-names" / "pages" / "0.json").read_text("utf-8")
    assert json.loads(raw) == [["/x/", 'Tom & <b>"Jerry"</b>', "A < B", PATIENTS]]
    # The single letters ("b") are not filed: the search leaves them out.
    assert sorted(_read(tmp_path, "counts.json")["words"]) == ["je", "to"]
