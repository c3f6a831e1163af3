"""The addresses the site has published, remembered in a committed list, so that none silently disappears.

Clinics print addresses in letters and save them in patient portals. The list
(content/published-addresses.txt) holds every address a build has published; it
changes only by an explicit command (`make addresses`) and is reviewed like any
content change. An address on the list that the site no longer publishes, as a
page or as a forwarding page from an old id, stops the build and `make check`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import page_kinds
from ..content.load import editor_lines, read_ordinary_file
from ..errors import ContentError
from ..model import paths
from .catalogue import Link

FILE_NAME = paths.PUBLISHED_ADDRESSES
_HEADER = """\
# Every address this site has published, relative to its web address ("/" is the home page).
# Clinics link to these: an address that disappears stops the build, naming the alias to add.
# Update this list with `make addresses` when pages are added, and review it like any content change.
"""


def live_addresses(links: tuple[Link, ...]) -> set[str]:
    """Every address the site answers: its pages and anchors, and the old addresses kept by aliases."""
    return {address for link in links for address in (link.address, *link.previous)}


def _answers(address: str, live: set[str], forwards: dict[str, str]) -> bool:
    """Whether the site answers an address. An anchor on an old page (a renamed topic's factors) still
    leads to its factor when the old page forwards to a page that has that anchor."""
    if address in live:
        return True
    page, _, anchor = address.partition("#")
    return bool(anchor) and page in forwards and f"{forwards[page]}#{anchor}" in live


def write_published(file: Path, links: tuple[Link, ...]) -> None:
    file.write_text(_HEADER + "".join(f"/{address}\n" for address in sorted(live_addresses(links))), "utf-8")


def vanished_addresses(file: Path, shown: str, links: tuple[Link, ...]) -> list[ContentError]:
    """One message per published address the site no longer answers, at its line of the list.

    Without the list, no vanished address could be noticed: a list deleted by mistake would let every
    renamed page break clinics' links in silence. So a missing or unreadable list is a message too, which
    stops `make check` and the strict build like a vanished address (and is a banner in the preview).
    A new site makes its first list with `make addresses`.
    """
    if not os.path.lexists(file):
        return [ContentError(shown, None, None, "the list of published addresses is missing, so an address that "
                             "disappears would not be noticed",
                             "if it was deleted, restore it from version control (git checkout -- "
                             f"{shown}): a list made now would not hold addresses already gone; for a new site, "
                             "run 'make addresses' to make the first one, and commit it")]
    raw, refusal = read_ordinary_file(file, shown)
    if refusal is not None:
        return [refusal]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [ContentError(shown, None, None, "the list of published addresses is not UTF-8 text",
                             "restore it from version control, or run 'make addresses' to write it again")]
    live = live_addresses(links)
    forwards = {old: link.address for link in links for old in link.previous}
    return [ContentError(shown, number, 1, f"the published address /{address} no longer exists",
                         alias_hint(address))
            for number, address in _listed(text) if not _answers(address, live, forwards)]


def _listed(text: str) -> list[tuple[int, str]]:
    """(line number, address) for each address on the list; comments and blank lines are skipped."""
    return [(number, line.strip().removeprefix("/")) for number, line in enumerate(editor_lines(text), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def alias_hint(address: str) -> str:
    """What keeps an old address working: an alias for the part of it that was renamed, found from the page
    kinds' address patterns."""
    for kind in page_kinds.ALL:
        found = _pattern(kind).fullmatch(address)
        if found:
            ids = found.groupdict()
            return "; or ".join(_ALIAS_HINTS[name].format(**ids) for name in reversed(ids) if name in _ALIAS_HINTS)
    return ("bring the page back, or, if it should go, run 'make addresses' and commit the list: "
            "clinics' links to it will break")


# Where the alias goes for each part of an address that can be renamed.
_ALIAS_HINTS = {
    "topic": "add '{topic}' to the aliases in the topic.yaml of the topic that replaced it",
    "treatment": "add '{treatment}' to the aliases of the treatment that replaced it, in {topic}/treatments/",
    "factor": "add '{factor}' to the aliases of the factor that replaced it, in {topic}/factors.yaml",
    "value": "add '{value}' to the aliases of the answer that replaced it, in {topic}/factors.yaml",
    "code": "add the code {code} back to the codes of the topic it belongs to",
}


def _pattern(kind: page_kinds.PageKind) -> re.Pattern:
    """The kind's published address as a pattern, with a named group for each id."""
    shape = paths.url(kind.file)
    parts = re.split(r"\{(\w+)\}", shape)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/#]+)"
                              for i, part in enumerate(parts)))
