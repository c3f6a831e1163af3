"""Every page carries a Content Security Policy that its own scripts and styles keep to, and that stops a script
link an escaping slip might let through (built_pages/security_policy.py)."""

from __future__ import annotations

import shutil
import sys

import pytest

from conftest import EXAMPLE_CONTENT, ROOT, TOPIC

sys.path.insert(0, str(ROOT / "tests" / "site"))

# Registered before any of the page's own scripts run, so that a violation during start-up is seen too. Each is
# handed to the test at once, so that one on a forwarding page is not lost when the page forwards.
LISTEN = """
document.addEventListener("securitypolicyviolation", event => window.__reportViolation(
  `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
  `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`));
"""


def _every_html_file(site) -> list[str]:
    """Every HTML file of the build, forwarding pages and topic cards included, found from the build output."""
    return sorted("/" + str(path.relative_to(site.root)).removesuffix("index.html")
                  for path in site.root.rglob("*.html") if "assets" not in path.parts)


@pytest.fixture
def listening(browser):
    """A browser context whose pages report every policy violation into `context.violations`."""
    context = browser.new_context()
    context.violations = []
    context.expose_function("__reportViolation", lambda text: context.violations.append(text))
    context.add_init_script(LISTEN)
    yield context
    context.close()


def test_every_page_has_a_policy_without_inline_script_permission(real_site):
    for path in _every_html_file(real_site):
        policy = real_site.page(path).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert policy is not None, path
        content = policy["content"]
        assert "'unsafe-inline'" not in content and "'unsafe-eval'" not in content, (path, content)
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
            assert directive in content, (path, content)


def test_every_page_names_an_icon_the_site_has(real_site):
    """Otherwise a browser asks for /favicon.ico, which the site does not have: a 404 in the console, which the
    walk below fails on when the page stays long enough for the browser to ask (forwarding pages included)."""
    for path in _every_html_file(real_site):
        icon = real_site.page(path).find("link", rel="icon")
        assert icon is not None and real_site.file_for(real_site.resolve(path, icon["href"])).is_file(), path


def test_no_page_breaks_its_policy(served_site, listening):
    """Each page loads, runs its scripts and draws its styles without one violation or console error."""
    paths = _every_html_file(served_site.site)
    assert len(paths) > 30
    page = listening.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    try:
        for path in paths:
            page.goto(served_site.url(path), wait_until="load", timeout=30_000)
            if 'http-equiv="refresh"' in served_site.site.file_for(path).read_text("utf-8"):
                # A forwarding page: its target is loaded (and checked) before the next page is opened.
                page.wait_for_url(lambda url: url != served_site.url(path), timeout=30_000)
                page.wait_for_load_state("load", timeout=30_000)
            page.wait_for_timeout(150)  # the theme's scripts finish starting up
    finally:
        page.close()
    assert listening.violations == [] and errors == []


@pytest.mark.parametrize("path", ["/about/", f"/{TOPIC}/treatments/surgery/"])
def test_a_javascript_link_written_into_a_page_does_not_run(served_site, listening, path):
    """As if a template wrote the link of issue 25 item 1: the policy blocks it when clicked."""
    page = listening.new_page()
    try:
        page.goto(served_site.url(path), wait_until="load", timeout=30_000)
        page.evaluate("""() => {
            const link = document.createElement("a");
            link.href = "javascript:window.__ran = true";
            link.id = "planted";
            link.textContent = "Feedback";
            document.querySelector("article").append(link);
            const inline = document.createElement("div");
            inline.innerHTML = '<img src="x" onerror="window.__ran = true">';
            document.querySelector("article").append(inline);
        }""")
        page.wait_for_timeout(300)
        assert any(": script-src-attr blocked" in v for v in listening.violations), listening.violations  # onerror
        before = len(listening.violations)
        page.click("#planted", timeout=5_000)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__ran === undefined")
        # Chromium reports a blocked javascript: link as inline script.
        assert any(": script-src-elem blocked inline" in v for v in listening.violations[before:]), listening.violations
    finally:
        page.close()


def test_the_embed_card_may_be_framed_by_any_site_and_other_pages_only_by_this_one(real_site):
    headers = (real_site.root / "_headers").read_text("utf-8")
    rules = dict(block.split("\n", 1) for block in ("\n" + headers).split("\n/")[1:])
    assert "frame-ancestors *" in rules["embed/*"]
    assert "frame-ancestors 'self'" in rules[f"{TOPIC}/*"] and "frame-ancestors 'self'" in rules["about/*"]
    assert "X-Content-Type-Options: nosniff" in rules["*"] and "Referrer-Policy: same-origin" in rules["*"]
    # Netlify and Cloudflare join a header set by two matching rules: no rule but /* is met by every page.
    assert "Content-Security-Policy" not in rules["*"]


def test_the_preview_reloads_itself_under_its_policy(browser, tmp_path):
    """`make serve`: the live-reload script MkDocs' server adds to each page runs (the page reloads itself when a
    file is saved), the list of mistakes comes and goes by itself, and nothing breaks the preview's policy."""
    from test_preview import TREATMENT, preview_server  # tests/site/: the same server `make serve` starts

    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    context = browser.new_context()
    context.violations = []
    context.expose_function("__reportViolation", lambda text: context.violations.append(text))
    context.add_init_script(LISTEN)
    try:
        with preview_server(content, tmp_path / "cache") as base:
            page = context.new_page()
            page.goto(base + TREATMENT, wait_until="load", timeout=30_000)
            assert page.locator("h1").inner_text() == "Humming"
            humming = content / "glimmer-fever" / "treatments" / "humming.yaml"
            humming.write_text(humming.read_text("utf-8").replace("name: Humming", "name: Humming softly"), "utf-8")
            page.locator("h1", has_text="Humming softly").wait_for(timeout=30_000)  # reloaded by itself
            # A mistake: the list of mistakes, under the same policy, and back to the page once it is fixed.
            humming.write_text(humming.read_text("utf-8").replace("name: Humming softly", "name: [Humming"), "utf-8")
            page.locator("h1", has_text="The preview cannot be built").wait_for(timeout=30_000)
            humming.write_text(humming.read_text("utf-8").replace("name: [Humming", "name: Humming again"), "utf-8")
            page.locator("h1", has_text="Humming again").wait_for(timeout=30_000)
    finally:
        context.close()
    assert context.violations == []
