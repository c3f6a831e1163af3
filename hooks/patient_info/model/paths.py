"""The URL contract: where each page lives. Changing a path here breaks links that clinics hold."""

from __future__ import annotations

import posixpath

HOME = "index.md"
FOR_CLINICS = "for-clinics.md"
LINKS_INDEX = "links.json"
LINKS_SCHEMA = "links.schema.json"
# Top-level folders the site uses itself, so no topic may have these ids: the generated pages' folders, and
# docs/'s (overrides/ holds the theme's templates and is left out of the site by mkdocs.yml's exclude_docs).
RESERVED_FOLDERS = frozenset({"assets", "search", "link", "for-clinics", "glossary", "about", "editors", "overrides",
                              "embed"})
# The one address record systems send infobutton requests to (HL7 URL-based query in the query string).
INFOBUTTON = "link/index.md"
GLOSSARY = "glossary.md"
ABOUT = "about.md"
# In the content folder: every address the site has published (links/addresses.py).
PUBLISHED_ADDRESSES = "published-addresses.txt"
# mkdocs.yml's site_url when SITE_URL is not set; `patient-info check` assumes the same.
DEFAULT_SITE_URL = "https://patient-info.example.org/"
# For editors, outside the patient navigation.
CONTENT_REPORT = "editors/content-report.md"
FIELD_REFERENCE = "editors/field-reference.md"


def statements_report(topic_id: str) -> str:
    """For editors: a topic's statements beside the source words they restate."""
    return f"editors/statements/{topic_id}.md"


def is_for_editors(src_uri: str) -> bool:
    return src_uri.startswith("editors/")


def topic_page(topic_id: str) -> str:
    return f"{topic_id}/index.md"


def factors_page(topic_id: str) -> str:
    return f"{topic_id}/how-treatment-is-chosen.md"


def treatment_page(topic_id: str, treatment_id: str) -> str:
    return f"{topic_id}/treatments/{treatment_id}.md"


def summary_page(topic_id: str) -> str:
    return f"{topic_id}/summary.md"


def large_print_page(topic_id: str) -> str:
    return f"{topic_id}/summary/large-print.md"


def summary_pdf(topic_id: str) -> str:
    """The printable summary as a PDF, made from its page after the site is built."""
    return f"{topic_id}/summary.pdf"


def large_print_pdf(topic_id: str) -> str:
    return f"{topic_id}/summary-large-print.pdf"


def absolute_url(site_url: str, page: str) -> str:
    """A page's full web address."""
    return site_url.rstrip("/") + "/" + url(page)


def situation_page(topic_id: str, factor_id: str, value_id: str) -> str:
    return f"{topic_id}/situations/{factor_id}/{value_id}.md"


def code_link(system: str, code: str) -> str:
    """A page that forwards a diagnosis code (system 'icd10' or 'snomed') to its topic."""
    return f"link/{system}/{code}/index.html"


def code_answer(system: str, code: str) -> str:
    """The JSON a record system reads for a diagnosis code."""
    return f"link/{system}/{code}.json"


def embed_card(topic_id: str) -> str:
    """A topic's card for other sites to show in an iframe: a page of its own, without the site's menus."""
    return f"embed/{topic_id}/index.html"


def for_clinics_topic_page(topic_id: str) -> str:
    """A topic's links for clinics. A page per topic keeps each one short on a site of many topics."""
    return f"for-clinics/{topic_id}.md"


def topic_of(src_uri: str) -> str:
    """The topic a page belongs to: the first folder of its path, or the second for a topic's links for clinics.
    Other pages give a folder that is not a topic ("editors") or ""."""
    parts = src_uri.split("/")
    if parts[0] == "for-clinics" and len(parts) == 2:
        return parts[1].removesuffix(".md")
    return parts[0] if len(parts) > 1 else ""


def qr_code(link_id: str) -> str:
    return f"for-clinics/qr/{link_id}.svg"


def redirect_file(address: str) -> str:
    """The file that answers an old directory address, such as old-topic/ → old-topic/index.html."""
    return f"{address}index.html"


def url(src_uri: str) -> str:
    """Where a file is published, relative to site_url, with the directory URLs mkdocs.yml turns on."""
    if not src_uri.endswith(".md"):
        return src_uri.removesuffix("index.html")
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


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


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths relative to the site's root, without asking the system for the working
    folder on every call (tens of thousands of links in a large build)."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."
