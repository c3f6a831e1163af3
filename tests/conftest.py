"""Shared helpers: real MkDocs builds of the real site and of fixture content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from patient_info.plan import Plan, make_plan
from patient_info.plan.settings import Settings
from serving import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://patient-info.example.org/"
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_CONTENT = FIXTURES / "example-content"
TOPIC = "secondary-liver-cancer"


def plan_for(content_dir: Path, *, site_url: str = SITE_URL, today: date | None = None,
             judge_text: bool = True, preview: bool = False) -> Plan:
    """The publication plan for a content folder, as `make check` makes it: no MkDocs, a few milliseconds."""
    settings = Settings(content_dir=Path(content_dir), site_url=site_url, cache_dir=ROOT / ".cache" / "patient-info",
                        today=today or date.today(), preview=preview, docs_dir=ROOT / "docs")
    return make_plan(settings, judge_text=judge_text)


def project_copy(folder: Path, *, node_modules: bool = True) -> Path:
    """A copy of the project a test may change: mkdocs.yml and docs/ copied, hooks/ (and node_modules/, which
    holds the QR encoder the site serves, unless `node_modules` is False) linked. Its mkdocs.yml."""
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder)
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "hooks").symlink_to(ROOT / "hooks")
    if node_modules:
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder / "mkdocs.yml"


def mkdocs_build(site_dir: Path, content_dir: Path | None = None, *, strict: bool = True,
                 site_url: str | None = None, extra_env: dict[str, str] | None = None,
                 extra_args: list[str] | None = None, config: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the real mkdocs.yml, optionally on other content, leniently, or at another address."""
    _refuse_unmarked("builds a site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PATIENT_INFO_CONTENT", None)
    env.pop("SITE_URL", None)
    env.pop("PATIENT_INFO_PREVIEW", None)
    env.update(extra_env or {})
    if content_dir is not None:
        env["PATIENT_INFO_CONTENT"] = str(content_dir)
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
         "-f", str(config or ROOT / "mkdocs.yml"), "-d", str(site_dir), *(extra_args or [])],
        capture_output=True, text=True, env=env, cwd=config.parent if config else ROOT, timeout=300,
    )


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def file_for(self, url: str) -> Path:
        path = url.split("#")[0].strip("/")
        target = self.root / path
        return target if target.is_file() else target / "index.html"

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.file_for(url).read_text("utf-8"), "html.parser")

    def resolve(self, from_url: str, href: str) -> str:
        """An href on the page at from_url as a site path such as /topic/page/#anchor."""
        return urlsplit(urljoin(f"http://site{from_url}", href))._replace(scheme="", netloc="").geturl()

    def html_pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "assets" not in p.parts)

    def urls(self) -> list[str]:
        """The site path of every built page with the theme, found in the build output, never listed by hand.

        Redirect pages (old addresses, code links) are left out: they are a few lines of our own HTML that
        forward at once, and the linking tests check them. So are the embed cards: they are made to sit in
        another site's page, without menus or a skip link, and tests/browser/test_embed_card.py checks them there.
        Both are listed below, and axe checks them as pages of their own too (test_accessibility_axe.py).
        """
        return [self._url(p) for p in self.html_pages() if not self._is_redirect(p) and not self._is_embed_card(p)]

    def embed_card_urls(self) -> list[str]:
        """The embed cards (embed/<topic>/), found in the build output."""
        return [self._url(p) for p in self.html_pages() if self._is_embed_card(p)]

    def redirect_urls(self) -> list[str]:
        """The pages that forward at once (old addresses, code links), found in the build output."""
        return [self._url(p) for p in self.html_pages() if self._is_redirect(p)]

    def _url(self, path: Path) -> str:
        return "/" + str(path.relative_to(self.root)).removesuffix("index.html")

    def _is_redirect(self, path: Path) -> bool:
        return 'http-equiv="refresh"' in path.read_text("utf-8")

    def _is_embed_card(self, path: Path) -> bool:
        return path.relative_to(self.root).parts[0] == "embed"


def build_or_fail(site_dir: Path, content_dir: Path | None = None, *, strict: bool = True, site_url: str | None = None,
                  extra_env: dict[str, str] | None = None) -> BuiltSite:
    result = mkdocs_build(site_dir, content_dir, strict=strict, site_url=site_url, extra_env=extra_env)
    assert result.returncode == 0, f"build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


def add_glossary_entries(glossary, other):
    """A new topic brings its words into the site's glossary, as an editor adding it would."""
    data, extra = (yaml.safe_load(path.read_text("utf-8")) for path in (glossary, other))
    data["terms"] += extra["terms"]
    data["everyday_words"] += [word for word in extra["everyday_words"] if word not in data["everyday_words"]]
    glossary.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    return build_or_fail(tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    return build_or_fail(tmp_path_factory.mktemp("example") / "site", EXAMPLE_CONTENT)


@pytest.fixture(scope="session")
def one_side_site(tmp_path_factory) -> BuiltSite:
    """The example content whose summary fits one side of the sheet (one_side_content), built."""
    folder = tmp_path_factory.mktemp("one-side")
    return build_or_fail(folder / "site", one_side_content(folder / "content"))


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A writable copy of the example fixture content, for tests that plant mistakes."""
    target = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, target)
    return target


def one_side_content(target: Path) -> Path:
    """The example content with its topic's caveats and questions left out: a summary with room to write on one
    side of the sheet."""
    shutil.copytree(EXAMPLE_CONTENT, target)
    path = target / "glimmer-fever" / "topic.yaml"
    topic = yaml.safe_load(path.read_text("utf-8"))
    del topic["caveats"], topic["questions"]
    path.write_text(yaml.safe_dump(topic, sort_keys=False, allow_unicode=True), "utf-8")
    return target


def main_text(soup: BeautifulSoup) -> str:
    """The article's text with whitespace folded, as a reader would see it on screen.

    Left out: the title and address printed on paper only, the publisher's line and the list "On this page"
    shown on phones only (where the header has no room for the one and the theme shows no list of sections),
    and elements hidden until a script shows them.
    """
    article = BeautifulSoup(str(soup.select_one("article")), "html.parser")
    for hidden in article.select(".print-meta, .publisher-line, .on-this-page, [hidden]"):
        hidden.decompose()
    return " ".join(article.get_text(" ").split())


# Browser set-up, shared by every browser test: one built site served on loopback,
# one Debian Chromium driven by Playwright.

@dataclass(frozen=True)
class ServedSite:
    site: BuiltSite
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path


@contextmanager
def serving(site: BuiltSite) -> Iterator[ServedSite]:
    """A built site on http://127.0.0.1:<free port> until the block ends."""
    with serve(site.root) as base_url:
        yield ServedSite(site, base_url)


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site on http://127.0.0.1:<free port>, stopped when the session ends."""
    with serving(real_site) as served:
        yield served


NODE_MODULES = ROOT / "node_modules"


def node_tool(relative: str) -> Path:
    """A test tool installed from package-lock.json by `make test`; missing, the run fails with the fix."""
    _refuse_unmarked("uses a tool make test installs")
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run 'make test' (it runs 'npm ci --ignore-scripts')")
    return path


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium. Missing, it fails the run with the fix, never skips."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test' (installs it as root) or 'sudo apt-get install chromium'")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A new tab in the shared browser, closed after the test."""
    page = browser.new_page()
    yield page
    page.close()


# Markers, so that `make test-fast` (-m "not browser and not build") leaves out what is slow, set by what a
# test does, never by its folder: a test that builds no site runs in the quick loop wherever it lives.
# `browser`: the test or one of its fixtures uses the `browser` fixture (Chromium through Playwright).
# `build`: the test, one of its fixtures, or a helper of the tests' own that either calls, names a helper
# below that builds or serves a site or needs make test's tools, or starts MkDocs in a subprocess; or a
# parameter names a site fixture the test asks for with request.getfixturevalue. Tests that run a make
# target say so with @pytest.mark.build. mkdocs_build and node_tool fail any test the scan missed
# (_refuse_unmarked), so a build cannot hide in the quick loop.
_BROWSER_FIXTURES = {"browser"}
# Asked for by name too: request.getfixturevalue(...).
_BUILD_FIXTURES = {"real_site", "example_site", "served_site", "one_side_site"}
_BUILD_HELPERS = {"mkdocs_build", "build_or_fail", "serving", "node_tool"}
# Commands that start MkDocs: [sys.executable, "-m", "mkdocs", ...] and ["make", "serve", ...] (make check does not).
_STARTS_MKDOCS = ({"mkdocs"}, {"make", "serve"}, {"make", "build"}, {"make", "offline"})
TESTS = ROOT / "tests"


def _codes(code):
    """A function's code and the code of the lambdas, comprehensions and inner functions inside it."""
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            yield from _codes(const)


def _builds(function, seen: set) -> bool:
    """Whether a test or fixture function, or a helper of the tests' own it calls, builds or serves a site."""
    function = getattr(function, "__wrapped__", function)
    code = getattr(function, "__code__", None)
    if code is None or code in seen or not Path(code.co_filename).is_relative_to(TESTS):
        return False
    seen.add(code)
    names = {name for part in _codes(code) for name in part.co_names}
    constants = {const for part in _codes(code) for const in part.co_consts if isinstance(const, str)}
    if names & _BUILD_HELPERS or any(command <= constants for command in _STARTS_MKDOCS):
        return True
    known = function.__globals__
    return any(_builds(known[name], seen) for name in names if callable(known.get(name)))


def _item_builds(item) -> bool:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and _BUILD_FIXTURES & {v for v in callspec.params.values() if isinstance(v, str)}:
        return True
    fixtures = getattr(item, "_fixtureinfo", None)
    functions = [getattr(item, "function", None)]
    if fixtures is not None:
        functions += [definition.func for definitions in fixtures.name2fixturedefs.values()
                      for definition in definitions]
    seen: set = set()
    return any(_builds(function, seen) for function in functions if function is not None)


def pytest_collection_modifyitems(items):
    for item in items:
        if set(getattr(item, "fixturenames", ())) & _BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if _item_builds(item):
            item.add_marker(pytest.mark.build)


_running: list = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def _refuse_unmarked(what: str) -> None:
    """Fails a test that builds a site (or needs make test's tools) but was left in the quick loop."""
    if _running and not any(_running[-1].get_closest_marker(mark) for mark in ("build", "browser")):
        pytest.fail(f"{_running[-1].nodeid} {what} but is not marked build: the scan in tests/conftest.py "
                    f"missed it; add @pytest.mark.build", pytrace=False)
