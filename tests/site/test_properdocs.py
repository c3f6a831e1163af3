"""The site builds the same on ProperDocs, the maintained continuation of MkDocs 1.6 (see README, "Building with
ProperDocs").

ProperDocs reads mkdocs.yml (named with -f), runs `hooks:` and the mkdocs.* imports of our hooks and of
mkdocs-material (it answers them with its own modules), and finds Material's theme and plugins by their mkdocs.*
entry points. This test installs it from PyPI into a virtual environment of its own, inside the project
(.venv-properdocs/, made once and again when pyproject.toml changes), builds the real site with both
`mkdocs build --strict` and `properdocs build --strict`, and compares the two folders file by file.

What may differ, and nothing else:
- the generator tag Material writes into each page's <head> (<meta name="generator" content="mkdocs-1.6.1, …">
  against "mkdocs-ProperDocs 1.6.7, …"): it names the program that built the page;
- the sitemap's <lastmod> dates (sitemap.xml, and inside sitemap.xml.gz): the day each build ran, which differs
  when the two builds fall either side of midnight.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.build

VENV = ROOT / ".venv-properdocs"
STAMP = VENV / "pyproject.sha256"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def _properdocs() -> Path:
    """ProperDocs with this project installed, as pyproject.toml's 'properdocs' extra pins it."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    program = VENV / "bin" / "properdocs"
    if program.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return program
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True, timeout=300)
    installed = subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e",
                                f"{ROOT}[properdocs]"], capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stderr[-3000:]
    STAMP.write_text(wanted)
    return program


def _comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        data = gzip.decompress(data)
    if path.suffix == ".html":
        data = GENERATOR.sub(b"<meta name=generator>", data)
    if path.name.startswith("sitemap.xml"):
        data = LASTMOD.sub(b"<lastmod/>", data)
    return data


def _files(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    program = _properdocs()
    by_mkdocs = mkdocs_build(tmp_path / "mkdocs")
    assert by_mkdocs.returncode == 0, by_mkdocs.stderr
    env = {key: value for key, value in os.environ.items()
           if key not in ("PATIENT_INFO_CONTENT", "SITE_URL", "PATIENT_INFO_PREVIEW")}
    by_properdocs = subprocess.run([str(program), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                                    "-d", str(tmp_path / "properdocs")], capture_output=True, text=True, cwd=ROOT,
                                   env={**env, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert by_properdocs.returncode == 0, by_properdocs.stderr
    assert "Traceback" not in by_properdocs.stderr
    mkdocs_files, properdocs_files = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    assert len(mkdocs_files) > 100
    differing = [name for name in mkdocs_files
                 if _comparable(mkdocs_files[name]) != _comparable(properdocs_files[name])]
    assert differing == []
    # The one difference allowed in pages is there: the comparison did not pass by reading nothing.
    page = (tmp_path / "properdocs" / "index.html").read_bytes()
    assert b'content="mkdocs-ProperDocs 1.6.7' in page
