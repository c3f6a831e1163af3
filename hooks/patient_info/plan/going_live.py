"""No placeholder reaches the public: what a site must have before it stops calling itself a demonstration.

`site.yaml`'s `demonstration` is true unless it says otherwise. A demonstration says so on every page and
printed summary, so a fresh copy of the project never passes for a real service. A site that is not a
demonstration is refused by `make check` and `make build` while the address it is built for is an example
(every QR code, printed address and shared link would lead nowhere) or while it gives readers no one to call.
The editors' preview runs at a local address by nature: there these are banners, not a page of mistakes.

Readers' help (contact details, support lines, what to do if unwell) is optional on a demonstration; the
preview names what is missing, and pages meanwhile tell readers to ask their care team.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from ..content.files import SITE_FILE, display_path
from ..content.load import Document, load_document
from ..errors import ContentError
from ..model.paths import DEFAULT_SITE_URL
from ..model.site import SiteSettings

# The project's own example addresses: the default SITE_URL and the one its messages and README suggest.
PROJECT_EXAMPLES = frozenset({urlsplit(DEFAULT_SITE_URL).hostname, "info.example-clinic.org"})
# Names reserved for examples, tests and local networks (RFC 2606, RFC 6761, RFC 6762, ICANN's .internal): no
# reader at home can reach them.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_ENDINGS = ("example", "localhost", "test", "invalid", "local", "internal")
GOING_LIVE_HINT = "see 'Going live' in README.md, or keep 'demonstration: true' until the site is ready"


def placeholder_address(site_url: str) -> str | None:
    """Why the site's address is not one the public can reach (an example or the local machine), or None."""
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    if host in PROJECT_EXAMPLES:
        return "it is this project's example address"
    if any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS):
        return "it is an example domain, kept for examples and never a real site"
    ending = host.rpartition(".")[2]
    if ending in RESERVED_ENDINGS:
        return "it ends in '." + ending + "', a name kept for examples and local machines"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return "it is this computer's own address" if address.is_loopback or address.is_unspecified else None


def going_live_mistakes(content_dir: Path, settings: SiteSettings, site_url: str) -> list[ContentError]:
    """A site that is not a demonstration, built for an example address or with no one for readers to call:
    one mistake for each, at the line that says it is not a demonstration."""
    if settings.demonstration:
        return []
    problems = []
    reason = placeholder_address(site_url)
    if reason is not None:
        problems.append((f"this site is not a demonstration ('demonstration: false'), but the web address it is "
                         f"built for, {site_url[:200]}, cannot be published: {reason}. Every QR code, printed "
                         "address and shared link would lead nowhere",
                         "build with SITE_URL set to the address the site is published at, such as "
                         f"SITE_URL=https://info.your-hospital.org/ make build; {GOING_LIVE_HINT}"))
    if settings.clinic is None or not settings.clinic.phone:
        lacking = "it has no contact details ('clinic')" if settings.clinic is None else \
            "its contact details ('clinic') have no phone number"
        problems.append(("this site is not a demonstration ('demonstration: false'), but it gives readers no one "
                         f"to call: {lacking}",
                         "add a 'clinic' block with the name and the real phone number of the team or publisher "
                         f"readers can call; {GOING_LIVE_HINT}"))
    if not problems:
        return []
    document = _site_file(content_dir)
    return [_at(document, ("demonstration",), message, hint) for message, hint in problems]


def missing_help_notice(content_dir: Path, settings: SiteSettings) -> ContentError | None:
    """What the editors' preview says while readers' help is missing: pages then say only "ask your care
    team"."""
    missing = [name for name, present in (
        ("no contact details with a phone number ('clinic')", settings.clinic is not None and settings.clinic.phone),
        ("no support lines ('support_lines')", settings.support_lines),
        ("nothing on what to do if unwell ('if_unwell')", settings.if_unwell)) if not present]
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return _at(_site_file(content_dir), ("contact",),
               f"readers are given {listed}: each page's 'Who to contact' box and each printed summary tell "
               "them only to ask their care team",
               "add what your service really offers to site.yaml, as 'Who to contact' in README.md shows; never "
               "invent a number")


def _site_file(content_dir: Path) -> Document | None:
    file = Path(content_dir) / SITE_FILE
    document, _ = load_document(file, display_path(file))  # it loaded before: the check passed
    return document


def _at(document: Document | None, path: tuple, message: str, hint: str) -> ContentError:
    if document is None:
        return ContentError(SITE_FILE, None, None, message, hint)
    return document.error(path, message, hint, key=True)
