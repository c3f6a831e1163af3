"""The addresses the site has published, remembered in a committed list, so that none silently disappears.

Clinics print addresses in letters and save them in patient portals. The list
(content/published-addresses.txt) holds every address a build has published; it
changes only by an explicit command (`make addresses`) and is reviewed like any
content change. An address on the list that the site no longer publishes, as a
page or as a forwarding page from an old id, stops the build and `make check`.
"""

from __future__ import annotations

from pathlib import Path

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
    """One message per published address the site no longer answers, at its line of the list."""
    try:
        text = file.read_text("utf-8")
    except FileNotFoundError:
        return [ContentError(shown, None, None, "the list of published addresses is missing",
                             "run 'make addresses' to make it, and commit it")]
    except (OSError, UnicodeDecodeError) as error:
        return [ContentError(shown, None, None, f"the list of published addresses cannot be read: {error}",
                             "run 'make addresses' to write it again")]
    live = live_addresses(links)
    forwards = {old: link.address for link in links for old in link.previous}
    return [ContentError(shown, number, 1, f"the published address /{address} no longer exists",
                         alias_hint(address))
            for number, address in _listed(text) if not _answers(address, live, forwards)]


def _listed(text: str) -> list[tuple[int, str]]:
    """(line number, address) for each address on the list; comments and blank lines are skipped."""
    return [(number, line.strip().removeprefix("/")) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def alias_hint(address: str) -> str:
    """What keeps an old address working, from the shape of the address (see model/paths.py)."""
    page, _, anchor = address.partition("#")
    parts = page.strip("/").split("/")
    if anchor:
        return f"add '{anchor}' to the aliases of the factor that replaced it, in {parts[0]}/factors.yaml"
    if (len(parts) == 1 and parts[0]) or (len(parts) == 2 and parts[1] in ("summary.pdf", "summary-large-print.pdf")):
        return f"add '{parts[0]}' to the aliases in the topic.yaml of the topic that replaced it"
    if len(parts) == 3 and parts[1] == "treatments":
        return f"add '{parts[2]}' to the aliases of the treatment that replaced it, in {parts[0]}/treatments/"
    if len(parts) == 4 and parts[1] == "situations":
        return (f"add '{parts[2]}' to the aliases of the factor that replaced it, or '{parts[3]}' to the "
                f"aliases of the answer, in {parts[0]}/factors.yaml")
    if parts[0] == "link" and len(parts) == 3:
        return f"add the code {parts[2]} back to the codes of the topic it belongs to"
    return ("bring the page back, or, if it should go, run 'make addresses' and commit the list: "
            "clinics' links to it will break")
