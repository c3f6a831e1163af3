"""Shared helpers: real MkDocs builds of the real site and of fixture content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_CONTENT = FIXTURES / "example-content"
TOPIC = "secondary-liver-cancer"


def mkdocs_build(site_dir: Path, content_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the real mkdocs.yml, optionally on other content."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PATIENT_INFO_CONTENT", None)
    if content_dir is not None:
        env["PATIENT_INFO_CONTENT"] = str(content_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def file_for(self, url: str) -> Path:
        path = url.split("#")[0].strip("/")
        target = self.root / path
        return target / "index.html" if not path.endswith(".html") else target

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.file_for(url).read_text("utf-8"), "html.parser")

    def resolve(self, from_url: str, href: str) -> str:
        """An href on the page at from_url as a site path such as /topic/page/#anchor."""
        return urlsplit(urljoin(f"http://site{from_url}", href))._replace(scheme="", netloc="").geturl()

    def html_pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "assets" not in p.parts)


def build_or_fail(site_dir: Path, content_dir: Path | None = None) -> BuiltSite:
    result = mkdocs_build(site_dir, content_dir)
    assert result.returncode == 0, f"build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    return build_or_fail(tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    return build_or_fail(tmp_path_factory.mktemp("example") / "site", EXAMPLE_CONTENT)


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A writable copy of the example fixture content, for tests that plant mistakes."""
    target = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, target)
    return target


def main_text(soup: BeautifulSoup) -> str:
    """The article's text with whitespace folded, as a reader would see it."""
    return " ".join(soup.select_one("article").get_text(" ").split())
