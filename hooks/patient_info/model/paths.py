"""Addresses: how a source file's path becomes the address it is published at, and links between them.

Where each kind of page lives is declared with the kind (page_kinds.py); changing a pattern there
breaks links that clinics hold. The rules here restate MkDocs' `use_directory_urls` (a test holds
them to MkDocs' own), so the core can compute every address without MkDocs.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

LINKS_INDEX = "links.json"
LINKS_SCHEMA = "links.schema.json"
# In the content folder: every address the site has published (links/addresses.py).
PUBLISHED_ADDRESSES = "published-addresses.txt"
# mkdocs.yml's site_url when SITE_URL is not set; `patient-info check` assumes the same.
DEFAULT_SITE_URL = "https://patient-info.example.org/"


def code_answer(system: str, code: str) -> str:
    """The JSON a record system reads for a diagnosis code, beside the page that forwards the code."""
    return f"link/{system}/{code}.json"


def qr_code(link_id: str) -> str:
    return f"for-clinics/qr/{link_id}.svg"


def redirect_file(address: str) -> str:
    """The file that answers an old directory address, such as old-topic/ → old-topic/index.html."""
    return f"{address}index.html"


def topic_of(src_uri: str) -> str:
    """The topic a page belongs to: the first folder of its path, or the second for a topic's links for clinics
    and its card. Other pages give a folder that is not a topic ("editors") or ""."""
    parts = src_uri.split("/")
    if parts[0] in ("for-clinics", "embed") and len(parts) >= 2:
        return parts[1].removesuffix(".md")
    return parts[0] if len(parts) > 1 else ""


def url(src_uri: str) -> str:
    """Where a file is published, relative to site_url, with the directory URLs mkdocs.yml turns on. A
    '#anchor' after the file is kept."""
    path, hash_, anchor = src_uri.partition("#")
    if not path.endswith(".md"):
        address = path.removesuffix("index.html")
    else:
        stem = path.removesuffix(".md")
        address = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"
    return f"{address}{hash_}{anchor}"


def absolute_url(site_url: str, address: str) -> str:
    """An address's full web address."""
    return site_url.rstrip("/") + "/" + address


def relative_url(from_address: str, to_address: str) -> str:
    """A link from the page at one address to another, both relative to site_url: works under any host or path."""
    target, _, anchor = to_address.partition("#")
    base = from_address if from_address.endswith("/") else posixpath.dirname(from_address) + "/"
    link = _relpath(target.rstrip("/") or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        link += "/"
    return f"{link}#{anchor}" if anchor else link


def relative(from_page: str, to_page: str) -> str:
    """A link from one page's source file to another's, as MkDocs resolves and checks it."""
    target, _, anchor = to_page.partition("#")
    link = _relpath(target, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


@lru_cache(maxsize=65_536)
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths relative to the site's root, without asking the system for the working
    folder on every call (tens of thousands of links in a large build)."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."
