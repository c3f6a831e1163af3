"""The first answer to a search: the pages whose names hold the words typed, from small files, without Pagefind.

Pagefind's script and WebAssembly cost a reader about 85 KB before any index, and its list of pages grows with
the library (about 80 KB at 1,000 topics). Most searches are for a name: a treatment, a condition, a word from a
clinic letter. So, as the reader types, docs/assets/site-search.js first looks the words up in these files; the
text of every page is searched by Pagefind only when the reader asks for it, or when no page's name matches.

The files, in the site's `search-names/` folder:

- `words/<key>.json`: for each word whose first two letters make <key> (`file_key`), the numbers of the pages
  whose title has the word, then of the pages found by it as one of their other names
  (`{"surgery": [[12], []]}`). A page's name also counts in the plural ("therapies" finds "Therapy");
- `pages/<n>.json`: pages n × PAGES_PER_FILE onwards, each `[address, title, topic, audience]`;
- `counts.json`: how many pages are patients' pages (the first ones), PAGES_PER_FILE, and the keys of the words
  files there are (so a word no name has costs no request).

Page numbers are the order results are shown in: patients' pages before the pages for clinics, then in the
order the searchable pages are listed (the site's page kinds, then its topics). A search for one word loads one
words file and the pages files of the results it shows: a few KB, whatever the size of the library.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..model.audiences import PATIENTS
from ..model.glossary import plurals

FOLDER = "search-names"
PAGES_PER_FILE = 64  # a file of 64 pages is about 2 KB compressed: the first results need one or two


@dataclass(frozen=True)
class NamedPage:
    """A searchable page as the first answer shows it: its address, title and topic, and what it is found by."""

    address: str  # from the site's root, starting with "/"
    title: str  # text, not HTML
    topic: str
    audience: str
    also_called: tuple[str, ...] = ()


def words(text: str) -> list[str]:
    """The words of a name as the search compares them: lower case, accents and punctuation left out.
    site-search.js splits what the reader types the same way."""
    plain = "".join(character for character in unicodedata.normalize("NFKD", text.lower())
                    if not unicodedata.combining(character))
    return [word for word in re.split(r"[\W_]+", plain) if word]


def file_key(word: str) -> str:
    """The words file a word is in: its first two letters, each kept if it is a-z or 0-9, else written as
    `_<code point in hex>_` (site-search.js makes the same key)."""
    return "".join(letter if re.fullmatch(r"[a-z0-9]", letter) else f"_{ord(letter):x}_" for letter in word[:2])


def write_names(pages: list[NamedPage], site_dir: Path) -> None:
    """Write the names files for `pages` (in the order they are listed) into the site's search-names/ folder."""
    ordered = sorted(pages, key=lambda page: page.audience != PATIENTS)  # stable: keeps the listed order
    by_word: dict[str, tuple[set[int], set[int]]] = {}
    for number, page in enumerate(ordered):
        for place, names in enumerate(([page.title], page.also_called)):
            for name in names:
                for word in words(name):
                    for form in (word, *(plurals(word) if len(word) > 2 else ())):
                        by_word.setdefault(form, (set(), set()))[place].add(number)
    by_file: dict[str, dict[str, list[list[int]]]] = {}
    for word, (in_title, other_name) in sorted(by_word.items()):
        by_file.setdefault(file_key(word), {})[word] = [sorted(in_title), sorted(other_name - in_title)]
    folder = site_dir / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "words").mkdir(parents=True)
    (folder / "pages").mkdir()
    for key, found in by_file.items():
        _write_json(folder / "words" / f"{key}.json", found)
    _write_json(folder / "counts.json", {"patients": sum(page.audience == PATIENTS for page in ordered),
                                         "per_file": PAGES_PER_FILE, "words": sorted(by_file)})
    for start in range(0, len(ordered), PAGES_PER_FILE):
        _write_json(folder / "pages" / f"{start // PAGES_PER_FILE}.json",
                    [[page.address, page.title, page.topic, page.audience]
                     for page in ordered[start:start + PAGES_PER_FILE]])


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
