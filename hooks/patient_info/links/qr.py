"""QR codes made at build time: no image service sees our addresses, and paper needs no image files.

Error correction level M survives a photocopy, a crease or small marks; the
four-module quiet zone is the margin the QR standard asks for. zxing-cpp encodes
the symbol in native code; we draw the SVG from its module matrix ourselves,
one path of dark runs per row, because its own SVG writer is slower and signs
every file. The downloadable files are kept in a disk cache between builds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import zxingcpp
from markupsafe import Markup

from ..model import paths
from .catalogue import Link
from .file_cache import cache_path, write_atomically
from ..workers import worker_pool
from ..text import html_text

ERROR_CORRECTION = "M"
QUIET_ZONE = 4  # modules of light margin on every side
FILE_SCALE = 8  # pixels per module in a downloaded file's width and height
# Part of every cached file's key: change it whenever qr_file's output changes, so old files are not reused.
GENERATOR = "patient-info qr_file 1"
_ENCODER = f"zxing-cpp {version('zxing-cpp')}"
_DARK_RUNS = re.compile(rb"\x00+")
# Fewer missing codes than this are drawn at once: starting a worker process costs about 0.3 s.
BACKGROUND_FROM = 500
_FILE_END = b"</svg>\n"


def qr_inline(url: str, *, css_class: str) -> Markup:
    """An inline SVG QR code that opens `url`, named for screen readers by the address it opens.

    Without a width and height the SVG scales to its box, so CSS sets its printed size.
    """
    label = html_text(f"QR code that opens {url}")
    side, dark = _drawing(url)
    svg = f'<svg viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><path d="{dark}"/></svg>'
    # role="img" makes the SVG's drawing presentational, so only the label is read out.
    return Markup(f'<div class="{html_text(css_class)}" role="img" aria-label="{label}">{svg}</div>')


@dataclass(frozen=True)
class QrFile:
    """A downloadable code, published at `path` (relative to site_url) and kept in the cache at `source`."""

    path: str
    source: Path
    url: str
    title: str


def qr_files(links: tuple[Link, ...], site_url: str, *, cache: Path) -> list[QrFile]:
    """A downloadable SVG QR code for every linkable address, for letters and posters, kept in `cache`.
    Nothing is drawn here: make_missing draws the codes the cache does not hold yet."""
    files = []
    for link in links:
        url = site_url + link.address
        files.append(QrFile(paths.qr_code(link.id), cache_path(cache, (GENERATOR, _ENCODER, url, link.title), ".svg"),
                            url, link.title))
    return files


def make_missing(files: list[QrFile]) -> None:
    for file in files:
        if not is_whole(file.source):
            write_atomically(file.source, qr_file(file.url, file.title))


def is_whole(source: Path) -> bool:
    """Whether a cached code is there and whole. Files are renamed into place once written, but a full disk,
    a copied cache or a hand edit can still leave one empty or cut short: it is drawn again, not published.
    Only the end is read (a 1,000-topic site has 30,000 codes)."""
    try:
        with open(source, "rb") as stream:
            if stream.seek(0, os.SEEK_END) < len(_FILE_END):
                return False
            stream.seek(-len(_FILE_END), os.SEEK_END)
            return stream.read() == _FILE_END
    except OSError:
        return False


def make_missing_in_background(files: list[QrFile]) -> Callable[[], None]:
    """Starts drawing the codes the cache lacks and returns a function that waits until they are written.

    A site's first build draws a code for every address (0.6 ms each; 20 s at 1,000 topics): a worker
    process draws them while the build turns Markdown into pages, which takes longer.
    """
    missing = [file for file in files if not is_whole(file.source)]
    if len(missing) < BACKGROUND_FROM:
        make_missing(missing)
        return lambda: None
    pool = worker_pool(1)
    drawing = pool.submit(make_missing, missing)
    pool.shutdown(wait=False)
    return drawing.result


def qr_file(url: str, title: str) -> bytes:
    """A standalone SVG file, black on white, that names its page and the address it opens."""
    side, dark = _drawing(url)
    pixels = side * FILE_SCALE
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{pixels}" '
            f'viewBox="0 0 {side} {side}" shape-rendering="crispEdges">'
            f'<title>{html_text(f"QR code for {title}")}</title><desc>{html_text(url)}</desc>'
            f'<path fill="#fff" d="M0 0h{side}v{side}H0z"/><path fill="#000" d="{dark}"/>').encode("utf-8") + _FILE_END


def _drawing(url: str) -> tuple[int, str]:
    """The side of the code in modules, quiet zone included, and SVG path data that fills its dark modules.

    Each horizontal run of dark modules is one closed rectangle, so neighbouring
    rows meet without the hairline gaps that stroked lines can leave.
    """
    matrix = _symbol(url).to_image(scale=1, add_quiet_zones=False)
    modules = matrix.shape[0]
    cells = bytes(matrix)  # one byte per module, row after row: 0x00 dark, 0xff light
    runs = []
    for row in range(modules):
        start = row * modules
        for run in _DARK_RUNS.finditer(cells, start, start + modules):
            length = run.end() - run.start()
            runs.append(f"M{run.start() - start + QUIET_ZONE} {row + QUIET_ZONE}h{length}v1h-{length}z")
    return modules + 2 * QUIET_ZONE, "".join(runs)


def _symbol(url: str) -> zxingcpp.Barcode:
    """The QR symbol for `url`: the smallest version that holds it at our error correction level."""
    return zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
