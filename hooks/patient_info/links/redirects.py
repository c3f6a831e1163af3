"""Pages at old and code addresses that forward to the live page, without JavaScript.

Each is a small HTML file MkDocs copies as it is: a `<meta http-equiv="refresh">`
with a relative address (so it works on any host, including a local preview),
a canonical link to the live page, and a visible link for browsers that do not
follow the refresh. Built on MkDocs' own files rather than mkdocs-redirects,
which writes its files after the build (out of sight of `mkdocs serve` and of
the clash checks) and gives a relative canonical link.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import page_kinds
from ..model import paths
from .catalogue import Link
from ..model.codes import CODE_SYSTEMS
from ..model.site import Site
from ..templating import environment

# The theme's icon (as pages/embed.py names it for the topic cards), so that a browser opening a forwarding page
# does not ask for /favicon.ico, which the site does not have (a 404 in the browser's console).
FAVICON = "assets/images/favicon.png"


@dataclass(frozen=True)
class StaticFile:
    """A file published as it is, at a path relative to site_url."""

    path: str
    content: str | bytes


def redirect_files(site: Site, links: tuple[Link, ...], site_url: str, language: str) -> list[StaticFile]:
    files = []
    for link in links:
        if link.kind == page_kinds.CODE_LINK.name:
            files.append(_redirect(link.address, link.target, site, site_url, language, code=link.codes[0]))
        for old in link.previous:
            # An old anchor is kept as an extra id on the live page instead; a file (an old PDF address) is
            # answered by a copy of the file (take_away/pdfs.py).
            if "#" not in old and old.endswith("/"):
                files.append(_redirect(old, link, site, site_url, language))
    return files


def _redirect(old: str, target: Link, site: Site, site_url: str, language: str, *, code=None) -> StaticFile:
    """A page that forwards an old address, or a diagnosis `code`'s address, to `target`."""
    html = environment(__package__, "templates", markdown=False, language=language).get_template(
        "redirect.html.j2").render(
        language=language, code=code, system=CODE_SYSTEMS[code.system].name if code else "",
        site_name=site.settings.name, title=target.title, canonical=site_url + target.address,
        href=paths.relative_url(old, target.address), favicon=paths.relative_url(old, FAVICON))
    return StaticFile(paths.redirect_file(old), html)

