"""QR codes for letters and posters, made at build time (no outside service sees our addresses)."""

from __future__ import annotations

import io

import segno

from . import paths
from .catalogue import Link
from .redirects import StaticFile


def qr_files(links: tuple[Link, ...], site_url: str) -> list[StaticFile]:
    return [StaticFile(paths.qr_code(link.id), qr_svg(site_url + link.address, link.title)) for link in links]


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code of the url. Error correction M survives small marks and folds on paper;
    the 4-module quiet zone is the margin the QR standard asks for."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out, kind="svg", scale=8, border=4, dark="#000", light="#fff", xmldecl=True,
        title=f"QR code for {title}", desc=url)
    return out.getvalue()
