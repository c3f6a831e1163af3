"""Every built page, in a real browser at desktop and 375 px: structure, skip link, keyboard, privacy.

Each page is opened once per viewport; what the browser shows is recorded in an audit, and
each test below checks one promise against every page's audit.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "375px": {"width": 375, "height": 800}}
MAX_TAB_STOPS = 400

# The visible controls a keyboard user must be able to reach. Zero-size controls (the theme's
# visually hidden palette radio) draw their focus on a neighbour and are checked as they are met.
# A group of radio buttons is one tab stop, its checked button (or its first): the arrow keys move
# within the group (tests/browser/test_situation_finder.py answers its questions that way).
CONTROLS_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const tabStop = el => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === el.name && r.form === el.form);
    return el === (group.find(r => r.checked) || group[0]);
  };
  const controls = [...document.querySelectorAll(selector)].filter(el => {
    const box = el.getBoundingClientRect();
    return el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && box.width > 0 && box.height > 0
      && el.checkVisibility({visibilityProperty: true}) && tabStop(el);
  });
  controls.forEach((el, i) => el.dataset.auditControl = i);
  return controls.map(el => el.outerHTML.slice(0, 120));
}"""

# Where the focused element is, and the area in which its focus indicator must show.
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const own = el.getBoundingClientRect();
  const box = own.width > 0 && own.height > 0 ? own : el.parentElement.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    control: el.dataset.auditControl ?? null,
    html: el.outerHTML.slice(0, 120),
    inMain: !!el.closest('main, article'),
    onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    uncovered: !!hit && (el.contains(hit) || hit.contains(el) || el.parentElement.contains(hit)),
    clip: {x: Math.max(box.left - 6, 0), y: Math.max(box.top - 6, 0),
           width: Math.min(box.width + 12, innerWidth), height: Math.min(box.height + 12, innerHeight)},
  };
}"""

HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.checkVisibility() || h.closest('article'))
  .map(h => ({level: +h.tagName[1], text: h.textContent.trim()}))"""


@dataclass
class Audit:
    url: str
    viewport: str
    lang: str = ""
    headings: list = field(default_factory=list)
    first_focus: dict | None = None
    after_skip: dict | None = None
    controls: list = field(default_factory=list)
    stops: list = field(default_factory=list)  # (focused element, focus indicator visible)
    requests: list = field(default_factory=list)


def audit_page(context, base_url: str, url: str, viewport: str) -> Audit:
    page = context.new_page()
    audit = Audit(url, viewport)
    page.on("request", lambda request: audit.requests.append(request.url))
    try:
        page.goto(base_url + url, wait_until="networkidle")
        audit.lang = page.get_attribute("html", "lang") or ""
        audit.headings = page.evaluate(HEADINGS_JS)
        audit.controls = page.evaluate(CONTROLS_JS)
        audit.stops = walk_with_tab(page)
        page.reload(wait_until="load")
        page.keyboard.press("Tab")
        audit.first_focus = page.evaluate("() => ({skip: document.activeElement.matches('a.md-skip'),"
                                          " text: document.activeElement.textContent.trim()})")
        page.keyboard.press("Enter")
        audit.after_skip = page.evaluate(FOCUSED_JS)
    finally:
        page.close()
    return audit


def walk_with_tab(page) -> list[tuple[dict, bool]]:
    """Tab through the whole page; at each stop, compare its area focused and unfocused."""
    stops, first = [], None
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or focused["html"] == first:
            break
        first = first or focused["html"]
        clip = focused["clip"]
        with_focus = page.screenshot(clip=clip)
        page.evaluate("() => { window.__auditFocused = document.activeElement; document.activeElement.blur(); }")
        without_focus = page.screenshot(clip=clip)
        page.evaluate("() => window.__auditFocused.focus()")
        stops.append((focused, with_focus != without_focus))
    return stops


@pytest.fixture(scope="module")
def audits(served_site, browser) -> list[Audit]:
    found = []
    for viewport, size in VIEWPORTS.items():
        # Reduced motion, so a focus ring is drawn at once rather than part-way through a fade.
        context = browser.new_context(viewport=size, reduced_motion="reduce")
        try:
            found += [audit_page(context, served_site.base_url, url, viewport) for url in served_site.site.urls()]
        finally:
            context.close()
    return found


def where(audit: Audit) -> str:
    return f"{audit.url} at {audit.viewport}"


def test_every_page_declares_its_language(audits):
    assert [where(a) for a in audits if a.lang != "en"] == []


def test_every_page_has_exactly_one_h1(audits):
    wrong = [f"{where(a)}: {[h['text'] for h in a.headings if h['level'] == 1]}" for a in audits
             if sum(h["level"] == 1 for h in a.headings) != 1]
    assert wrong == []


def test_no_page_skips_a_heading_level(audits):
    skipped = []
    for audit in audits:
        levels = [h["level"] for h in audit.headings]
        for (before, after), heading in zip(zip(levels, levels[1:]), audit.headings[1:]):
            if after > before + 1:
                skipped.append(f"{where(audit)}: h{before} then h{after} '{heading['text']}'")
    assert skipped == []


def test_skip_link_is_the_first_focusable_element(audits):
    assert [where(a) for a in audits if not a.first_focus["skip"]] == []


def test_skip_link_moves_focus_to_the_main_content(audits):
    assert [where(a) for a in audits if not (a.after_skip and a.after_skip["inMain"])] == []


def test_every_visible_control_is_reached_by_tab(audits):
    missed = []
    for audit in audits:
        reached = {stop["control"] for stop, _ in audit.stops}
        missed += [f"{where(audit)}: {html}" for i, html in enumerate(audit.controls) if str(i) not in reached]
    assert missed == []


def test_every_tab_stop_is_on_screen_and_shows_a_focus_indicator(audits):
    problems = []
    for audit in audits:
        assert len(audit.stops) > 3, f"{where(audit)}: Tab reached only {len(audit.stops)} elements"
        for stop, indicator_shows in audit.stops:
            if not (stop["onScreen"] and stop["uncovered"]):
                problems.append(f"{where(audit)}: focus is off screen or hidden: {stop['html']}")
            elif not indicator_shows:
                problems.append(f"{where(audit)}: no visible focus indicator: {stop['html']}")
    assert problems == []


def test_pages_request_nothing_from_other_hosts(audits, served_site):
    own = urlsplit(served_site.base_url).netloc
    foreign = [f"{where(a)}: {url}" for a in audits for url in a.requests
               if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert foreign == []
