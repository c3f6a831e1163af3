"""The offline copy (`make offline`): every link in every page opens a file of the copy.

Material's offline plugin builds pages at `<page>.html` instead of `<page>/`, and MkDocs rewrites the links
it resolves itself (Markdown links between pages). Links written as HTML for the published site's folder
addresses do not pass through MkDocs: the footer's "About this information" (`../about/`), the forwarding
pages of code links and old addresses, the topic card, the infobutton page's table and the QR downloads on
the pages for clinics. Opened from file://, a folder address shows a folder listing, or nothing.

So after the build every relative address in every page is resolved as the published site resolves it (from
the page's folder address) and written again as the copy's file: `<folder>/index.html` or `<page>.html`.
An address that opens no file in the copy is left as it is, and the test that walks the copy's links names it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

# The attributes our templates and the theme write addresses in; the infobutton script reads data-target and
# data-answer. A forwarding page's <meta http-equiv="refresh" content="0; url=…"> too.
_ADDRESS = re.compile(r'(\s(?:href|src|data-target|data-answer)=")([^"]*)(")')
_REFRESH = re.compile(r'(<meta http-equiv="refresh" content="0; url=)([^"]*)(")')
_INFOBUTTON = "link/index.html"
_INFOBUTTON_HEADING = re.compile(r"(<h1\b[^>]*>.*?</h1>)", re.S)
OFFLINE_NOTE = ('<p class="offline-note"><strong>This is the offline copy.</strong> Record systems and patient '
                "portals cannot send codes to it: that works only on the published website. The links below "
                "open the information for each code in this copy.</p>")
NOT_OFFLINE = ("404.html", "_headers")  # answered by a web server only; a folder on a USB stick has none


def finish_offline_copy(site_dir: Path) -> None:
    """Rewrites every page's addresses to the copy's files and says, on the infobutton page, what cannot work."""
    for name in NOT_OFFLINE:
        (site_dir / name).unlink(missing_ok=True)
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
    for page in sorted(name for name in files if name.endswith(".html")):
        path = site_dir / page
        html = offline_links(path.read_text("utf-8"), page, files)
        if page == _INFOBUTTON:
            html = _INFOBUTTON_HEADING.sub(lambda match: match.group(1) + OFFLINE_NOTE, html, count=1)
        path.write_text(html, "utf-8")


def offline_links(html: str, page: str, files: set[str]) -> str:
    """`html` of the copy's file `page`, each address that opens no file in the copy pointed at the file the
    published site would have opened there. `files`: every file of the copy, as paths from its root."""
    def rewrite(match: re.Match) -> str:
        return match.group(1) + offline_address(match.group(2), page, files) + match.group(3)
    return _REFRESH.sub(rewrite, _ADDRESS.sub(rewrite, html))


def offline_address(address: str, page: str, files: set[str]) -> str:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith(("#", "/")) or not address:
        return address
    here = posixpath.dirname(page)
    target = _copy_file(_joined(here, parts.path), files)
    if target is None:  # written for the published site, where this page is the folder <page>/
        target = _copy_file(_joined(_folder_address(page), parts.path), files)
    if target is None:
        return address
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return posixpath.relpath(target, here or ".") + suffix


def _copy_file(path: str, files: set[str]) -> str | None:
    """The copy's file for an address: the file itself, the folder's index.html, or the page's .html file."""
    path = path.strip("/")
    for candidate in (path, f"{path}/index.html" if path else "index.html", f"{path}.html"):
        if candidate in files:
            return candidate
    return None


def _joined(folder: str, address_path: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder or ".", address_path))
    return "" if joined == "." else joined


def _folder_address(page: str) -> str:
    """The folder a page of the copy stands for on the published site: about.html → about/."""
    if posixpath.basename(page) == "index.html":
        return posixpath.dirname(page)
    return page.removesuffix(".html")

