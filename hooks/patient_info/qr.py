"""QR codes made at build time: no image service sees our addresses, and paper needs no image files.

Error correction of at least level M (segno raises it when that costs no size)
survives a photocopy, a crease or small marks; the four-module quiet zone is the
margin the QR standard asks for.
"""

from __future__ import annotations

import io
from functools import lru_cache

import segno
from markupsafe import Markup

from . import paths
from .catalogue import Link
from .redirects import StaticFile
from .text import html_text


def qr_inline(url: str, *, css_class: str) -> Markup:
    """An inline SVG QR code that opens `url`, named for screen readers by the address it opens.

    Without a width and height the SVG scales to its box, so CSS sets its printed size.
    """
    label = html_text(f"QR code that opens {url}")
    svg = _code(url).svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None, title=None)
    # role="img" makes the SVG's drawing presentational, so only the label is read out.
    return Markup(f'<div class="{html_text(css_class)}" role="img" aria-label="{label}">{svg}</div>')


def qr_files(links: tuple[Link, ...], site_url: str) -> list[StaticFile]:
    """A downloadable SVG QR code for every linkable address, for letters and posters."""
    return [StaticFile(paths.qr_code(link.id), qr_file(site_url + link.address, link.title)) for link in links]


def qr_file(url: str, title: str) -> bytes:
    out = io.BytesIO()
    _code(url).save(out, kind="svg", scale=8, border=4, dark="#000", light="#fff", xmldecl=True,
                    title=f"QR code for {title}", desc=url)
    return out.getvalue()


# Choosing the best mask makes one code cost about 13 ms; an address's code never changes, so each is made once
# per process and `mkdocs serve` rebuilds reuse them.
@lru_cache(maxsize=None)
def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)
