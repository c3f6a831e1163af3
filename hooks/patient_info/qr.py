"""QR codes as inline SVG, made at build time: the printed page needs no image file and no outside service."""

from __future__ import annotations

import segno
from markupsafe import Markup

from .text import html_text


def qr_svg(url: str, *, css_class: str) -> Markup:
    """An SVG QR code that opens `url`, named for screen readers by the address it opens.

    Error correction of at least level M (segno raises it when that costs no size)
    survives a photocopy or a crease; the four-module quiet zone is the one the
    standard asks for. Without a width and height the SVG scales
    to its box, so CSS sets its printed size.
    """
    code = segno.make(url, error="m", micro=False)
    label = html_text(f"QR code that opens {url}")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None, title=None)
    # role="img" makes the SVG's drawing presentational, so only the label is read out.
    return Markup(f'<div class="{html_text(css_class)}" role="img" aria-label="{label}">{svg}</div>')
