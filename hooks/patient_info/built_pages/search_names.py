"""The first answer to a search: the pages whose names hold the words typed, from small files, without Pagefind.

Pagefind's script and WebAssembly cost a reader about 85 KB before any index, and its list of pages grows with
the library (about 80 KB at 1,000 topics). Most searches are for a name: a treatment, a condition, a word from a
clinic letter. So, as the reader types, docs/assets/site-search.js first looks the words up in these files; the
text of every page is searched by Pagefind only when the reader asks for it, or when no page's name matches.

The files, in the site's `search-names/` folder:

- `words/<key>.json`: for each word (of two letters or more) whose first two letters make <key> (`file_key`), the
  numbers of the pages
  whose title has the word, then of the pages found by it as one of their other names, each list in order and
  written as the steps between numbers (pages 4, 5, 9 as `[4, 1, 4]`), which a common word makes short
  (`{"surgery": [[12], []]}`). A page's name also counts in the plural ("therapies" finds "Therapy"); a plural
  no name has itself is written as the word it comes from (`{"therapies": "therapy"}`);
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
                    if len(word) > 1:  # the search leaves single letters out
                        by_word.setdefault(word, (set(), set()))[place].add(number)
    # A plural finds the pages of the word it comes from: among its own pages where some name has it, else as a
    # pointer to that word. The plural of a plural is not made.
    singular = {plural: word for word in by_word if len(word) > 2 for plural in plurals(word)}
    pointers = {}
    for plural, word in singular.items():
        if plural in by_word:
            for own, more in zip(by_word[plural], by_word[word]):
                own.update(more)
        elif word not in singular:
            pointers[plural] = word
    by_file: dict[str, dict[str, list[list[int]] | str]] = {}
    for word, (in_title, other_name) in sorted(by_word.items()):
        by_file.setdefault(file_key(word), {})[word] = [_steps(in_title), _steps(other_name - in_title)]
    for plural, word in sorted(pointers.items()):
        by_file.setdefault(file_key(plural), {})[plural] = word
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


def _steps(numbers: set[int]) -> list[int]:
    """The numbers in order, each written as its step from the one before."""
    ordered = sorted(numbers)
    return [number - before for number, before in zip(ordered, [0, *ordered])]


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
