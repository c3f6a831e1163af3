"""QR codes: each one decodes to its address at error correction level M, in the smallest version, with a
four-module quiet zone; downloadable files are made once and then reused from the disk cache.

zxing-cpp both encodes and decodes here, so these tests read the modules back out of the SVG we
draw (not the library's own image) and check the symbol's level and version against the QR standard's
capacity table; the browser tests decode Chromium's rendering of the same SVGs.
"""

import re
import xml.etree.ElementTree as ET

import pytest
import zxingcpp

from conftest import mkdocs_build
from patient_info.links import file_cache
from patient_info.model import paths
from patient_info.links import qr
from patient_info.links.catalogue import Link
from patient_info.links.qr import make_missing, qr_file, qr_files, qr_inline

SITE_URL = "https://example.org/"
SVG = "{http://www.w3.org/2000/svg}"
PIXELS_PER_MODULE = 4


def url_of_length(length: int) -> str:
    # Lower-case letters only, so the whole address is one byte-mode segment.
    return SITE_URL + "a" * (length - len(SITE_URL))


def modules(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """The side of the drawn code in modules and its dark modules as (x, y), read from the SVG's runs."""
    side = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])
    dark = set()
    for x, y, length in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg):
        dark.update((int(x) + step, int(y)) for step in range(int(length)))
    return side, dark


def decode(svg: str) -> list[zxingcpp.Barcode]:
    side, dark = modules(svg)
    size = side * PIXELS_PER_MODULE
    pixels = bytearray(b"\xff" * size * size)
    for x, y in dark:
        for row in range(y * PIXELS_PER_MODULE, (y + 1) * PIXELS_PER_MODULE):
            start = row * size + x * PIXELS_PER_MODULE
            pixels[start:start + PIXELS_PER_MODULE] = b"\x00" * PIXELS_PER_MODULE
    return zxingcpp.read_barcodes(memoryview(pixels).cast("B", (size, size)), formats=zxingcpp.BarcodeFormat.QRCode)


def link(title: str = "Surgery", address: str = "liver/treatments/surgery/") -> Link:
    return Link("liver/treatments/surgery", "treatment", title, "What surgery involves.", address)


# Byte-mode capacity at level M (ISO/IEC 18004 table 7): version 3 holds 42 bytes, 4 holds 62, 5 holds 84.
@pytest.mark.parametrize("length, version", [(42, 3), (43, 4), (62, 4), (63, 5), (84, 5)])
def test_downloadable_code_decodes_to_its_address_at_level_m_in_the_smallest_version(length, version):
    url = url_of_length(length)
    svg = qr_file(url, "Surgery").decode()
    [code] = decode(svg)
    assert (code.text, code.ec_level, code.extra["Version"]) == (url, "M", str(version))
    assert modules(svg)[0] == 17 + 4 * version + 2 * 4


def test_code_keeps_a_quiet_zone_of_four_modules():
    side, dark = modules(qr_file(url_of_length(60), "Surgery").decode())
    assert min(x for x, _ in dark) == min(y for _, y in dark) == 4
    assert max(x for x, _ in dark) == max(y for _, y in dark) == side - 5


def test_downloadable_file_is_black_on_white_at_eight_pixels_a_module():
    svg = ET.fromstring(qr_file(SITE_URL, "Surgery"))
    side = int(svg.get("viewBox").split()[2])
    assert svg.get("width") == svg.get("height") == str(side * 8)
    background, drawing = svg.findall(f"{SVG}path")
    assert (background.get("fill"), drawing.get("fill")) == ("#fff", "#000")
    assert background.get("d") == f"M0 0h{side}v{side}H0z"


def test_downloadable_file_names_its_page_and_address_as_text():
    title = 'Tom & Jerry <script>alert("x")</script>'
    url = SITE_URL + "?a=1&b=<2>"
    content = qr_file(url, title)
    assert content.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    assert b"<script" not in content
    svg = ET.fromstring(content)
    assert svg.find(f"{SVG}title").text == f"QR code for {title}"
    assert svg.find(f"{SVG}desc").text == url


def test_inline_code_scales_to_its_box_and_is_named_by_the_address_it_opens():
    url = SITE_URL + "liver/?a=1&b=2"
    html = qr_inline(url, css_class="handout-qr")
    div = ET.fromstring(html)
    assert (div.get("class"), div.get("role")) == ("handout-qr", "img")
    assert div.get("aria-label") == f"QR code that opens {url}"
    svg = div.find("svg")
    assert svg.get("width") is None and svg.get("height") is None
    [code] = decode(html)
    assert (code.text, code.ec_level) == (url, "M")


def test_unchanged_code_is_reused_from_the_cache(tmp_path):
    [first] = qr_files((link(),), SITE_URL, cache=tmp_path)
    make_missing([first])
    first.source.write_bytes(b"<svg>kept</svg>\n")
    [again] = qr_files((link(),), SITE_URL, cache=tmp_path)
    make_missing([again])
    assert again.source == first.source and again.source.read_bytes() == b"<svg>kept</svg>\n"
    assert again.path == paths.qr_code("liver/treatments/surgery")


@pytest.mark.parametrize("damaged", [b"", b"<?xml version", b"<svg></svg>\n"[:-3]])
def test_an_empty_or_cut_short_cached_code_is_drawn_again(tmp_path, damaged):
    [code] = qr_files((link(),), SITE_URL, cache=tmp_path)
    make_missing([code])
    whole = code.source.read_bytes()
    code.source.write_bytes(damaged)
    make_missing([code])
    assert code.source.read_bytes() == whole


@pytest.mark.parametrize("changed, site_url, expected", [
    (link(title="Liver surgery"), SITE_URL, b"QR code for Liver surgery"),
    (link(address="liver/treatments/resection/"), SITE_URL, b"liver/treatments/resection/"),
    (link(), "https://clinic.example.org/", b"https://clinic.example.org/"),
])
def test_changed_title_or_address_makes_a_new_file(tmp_path, changed, site_url, expected):
    [old] = qr_files((link(),), SITE_URL, cache=tmp_path)
    make_missing([old])
    before = old.source.read_bytes()
    [new] = qr_files((changed,), site_url, cache=tmp_path)
    make_missing([new])
    assert new.source != old.source and expected in new.source.read_bytes()
    assert old.source.read_bytes() == before


def test_cache_keeps_only_whole_files(tmp_path, monkeypatch):
    def interrupted(source, target):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(file_cache.os, "replace", interrupted)
        with pytest.raises(OSError):
            file_cache.write_atomically(file_cache.cache_path(tmp_path, ("a",), ".svg"), b"whole")
    assert list(tmp_path.iterdir()) == []
    path = file_cache.cache_path(tmp_path, ("a",), ".svg")
    file_cache.write_atomically(path, b"whole")
    assert list(tmp_path.iterdir()) == [path] and path.read_bytes() == b"whole"


def test_cache_keys_keep_their_parts_apart(tmp_path):
    first = file_cache.cache_path(tmp_path, ("a b", "c"), ".svg")
    assert file_cache.cache_path(tmp_path, ("a", "b c"), ".svg") != first


def test_many_missing_codes_are_drawn_by_a_worker_process_before_the_wait_returns(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "BACKGROUND_FROM", 2)
    codes = qr_files(tuple(link(address=f"liver/treatments/t{n}/") for n in range(3)), SITE_URL, cache=tmp_path)
    wait = qr.make_missing_in_background(codes)
    wait()
    for code in codes:
        assert code.source.read_bytes() == qr_file(code.url, code.title)


@pytest.mark.build
def test_a_cache_folder_that_cannot_be_written_stops_the_build_with_a_message(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    result = mkdocs_build(tmp_path / "site", extra_env={"PATIENT_INFO_CACHE": str(blocked / "cache")})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"the build cannot write QR codes to {blocked / 'cache'}" in result.stderr
    assert "PATIENT_INFO_CACHE" in result.stderr


@pytest.mark.build
def test_a_site_folder_that_cannot_be_written_stops_the_build_with_a_message(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    result = mkdocs_build(blocked / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"the build cannot write the site to {blocked / 'site'}" in result.stderr
