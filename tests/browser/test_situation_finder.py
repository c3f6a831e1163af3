"""The situation finder (/<topic>/situations/) in Chromium, at 1280 px and at 375 px on a touch screen: a reader
chooses answers and sees, whole and with its context, what model/selection.py's my_situation chooses, for every
choice of the real topic; the answers are in the address, its QR code and its printed sheet; the sheet prints on
one sheet of paper; nothing is asked of another host; keyboard, screen reader and axe; and without JavaScript the
answer links and answer pages work.
"""

import io
import itertools
import subprocess

import pytest
import zxingcpp
from PIL import Image

from conftest import ROOT, TOPIC, node_tool, serving
from patient_info.content.check import load_site
from patient_info.model.selection import context_ids, my_situation, ruled_out_by
from printing import PAPERS, missing_words, print_to_pdf, words
from test_accessibility_axe import AXE_TAGS, COLOUR_RULES, describe, run_axe

FINDER = f"/{TOPIC}/situations/"
TITLE = "Secondary cancer in the liver: your situation"
WIDTHS = {"1280": {"viewport": {"width": 1280, "height": 900}},
          "375-touch": {"viewport": {"width": 375, "height": 800}, "has_touch": True, "is_mobile": True,
                        "device_scale_factor": 2}}
BOWEL_AND_FEW_AREAS = {"primary-cancer": "bowel", "liver-areas": "a-few-areas"}
TIMEOUT_MS = 15_000

# Sets the form to each choice as a reader would leave it and reads what the page then shows: each shown group as
# [part, treatment, statement ids], every shown statement in page order, the address's fragment and the address
# the page prints. Radios are set here and the form told of the change; the tests below click and type too.
SHOW_EVERY_CHOICE_JS = """choices => choices.map(choice => {
  const form = document.querySelector('[data-situation-form]');
  for (const fieldset of form.querySelectorAll('fieldset[data-question]')) {
    fieldset.querySelector(`input[value="${choice[fieldset.dataset.question] || ''}"]`).checked = true;
  }
  form.dispatchEvent(new Event('change', {bubbles: true}));
  const shown = element => element.checkVisibility();
  const groups = [];
  for (const part of document.querySelectorAll('[data-part]')) {
    for (const group of part.querySelectorAll('[data-order]')) {
      if (shown(group)) {
        groups.push([part.dataset.part, group.dataset.group,
                     [...group.querySelectorAll('[data-statement]')].filter(shown).map(s => s.dataset.statement)]);
      }
    }
  }
  return {groups, order: [...document.querySelectorAll('[data-statement]')].filter(shown).map(s => s.dataset.statement),
          pointers: [...document.querySelectorAll('[data-more]')].filter(shown).map(p => [
            p.closest('[data-part]').dataset.part, p.closest('[data-group]').dataset.group,
            p.querySelector('[data-more-link]').getAttribute('href')]),
          hash: location.hash, printed: document.querySelector('[data-situation-url]').textContent};
})"""


@pytest.fixture(scope="module")
def topic():
    return load_site(ROOT / "content").topics[0]


def every_choice(topic) -> list[dict[str, str]]:
    """Every way to answer the questions, "I don't know" included: one answer or none for each."""
    options = [[None, *(value.id for value in factor.values)] for factor in topic.factors]
    return [{factor.id: value for factor, value in zip(topic.factors, combination) if value}
            for combination in itertools.product(*options)]


def expected(topic, choice: dict[str, str]) -> list[list]:
    """What the Python view shows for a choice, in the shape the page is read in."""
    chosen = [(topic.factor(f), topic.factor(f).value(v)) for f, v in choice.items()]
    return [[f"{g.key[0][0].id}={g.key[0][1].id}" if g.key[0] else "everyone", _group_name(g.key[1]),
             [s.id for s in g.statements]] for g in my_situation(topic, chosen) if g.statements]


def _group_name(treatment) -> str:
    """As the page names a group: a treatment's id, "together" for statements naming several, "" for the aim."""
    return treatment if isinstance(treatment, str) else treatment.id if treatment else ""


def fragment(choice: dict[str, str]) -> str:
    return "#" + "&".join(f"{f}={v}" for f, v in choice.items()) if choice else ""


def published(served_site) -> str:
    """The finder's published address, from its canonical link."""
    return served_site.site.page(FINDER).select_one('link[rel="canonical"]')["href"]


def open_finder(browser, served_site, width="1280", address_fragment="", **options):
    context = browser.new_context(**WIDTHS[width], **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(served_site.url(FINDER + address_fragment), wait_until="load")
    return context, page


@pytest.fixture
def finder(browser, served_site):
    context, page = open_finder(browser, served_site)
    yield page
    context.close()


def test_the_built_site_lists_the_finder_among_the_pages_every_browser_check_opens(served_site):
    """test_accessibility_axe.py and the page audits open every page found in the build output."""
    assert FINDER in served_site.site.urls()


# What is shown: the selection rule's choice, for every choice of the real topic ------------------------------

def test_the_script_shows_what_my_situation_chooses_for_every_choice_of_the_real_topic(finder, served_site, topic):
    choices = every_choice(topic)
    assert len(choices) == 540
    results = finder.evaluate(SHOW_EVERY_CHOICE_JS, choices)
    contexts = context_ids(topic.statements)
    limits = {t.id: [s.id for s in topic.statements_about(t.id, "when-used", "not-suitable")] for t in topic.treatments}
    address = published(served_site)
    for choice, result in zip(choices, results):
        assert result["groups"] == expected(topic, choice), choice
        order = result["order"]
        assert len(order) == len(set(order)), f"{choice}: a statement shown twice"
        given = {f"{factor}={answer}" for factor, answer in choice.items()}
        ruled_out = {s.id for s in topic.statements if any(c <= given for c in ruled_out_by(topic, s))}
        assert not ruled_out & set(order), f"{choice}: shows what the answers rule out"
        for position, statement_id in enumerate(order):
            # A context the reader's answers rule out is not theirs: the rule leaves it out.
            missing = [c for c in contexts[statement_id] if c not in order[:position] and c not in ruled_out]
            assert not missing, f"{choice}: {statement_id} shown without {missing} before it"
        assert result["hash"] == fragment(choice)
        assert result["printed"] == address + fragment(choice)
        # A treatment under everyone's part links its page when the sheet leaves out when it is used or whom it
        # does not suit, so that what it is does not read as offered to the reader.
        pointed = [[part, group, f"../treatments/{group}/"] for part, group, _ in result["groups"]
                   if part == "everyone" and group not in ("", "together")
                   and set(limits[group]) - set(order)]
        assert result["pointers"] == pointed, choice


def test_a_planted_fault_in_the_page_would_be_caught(finder, topic):
    """The comparison above can fail: a page whose parts name a statement too late shows it without its context."""
    finder.evaluate("""() => {
      const group = document.querySelector('[data-part="primary-cancer=bowel"] [data-order]');
      group.dataset.order = group.dataset.order.split(' ').reverse().join(' ');
    }""")
    choice = {"primary-cancer": "bowel"}
    result = finder.evaluate(SHOW_EVERY_CHOICE_JS, [choice])[0]
    assert result["groups"] != expected(topic, choice)


@pytest.mark.parametrize("width", WIDTHS)
def test_each_statement_is_shown_whole_with_the_answers_stated_first(browser, served_site, topic, width):
    choice = {"primary-cancer": "breast", "liver-areas": "many-areas", "fitness": "not-well-enough"}
    context, page = open_finder(browser, served_site, width, fragment(choice))
    try:
        statements = {s.id: " ".join(s.text.split()) for s in topic.statements}
        shown = page.eval_on_selector_all("[data-statement]", "spans => spans.filter(s => s.checkVisibility())"
                                          ".map(s => [s.dataset.statement, s.innerText])")
        assert shown and all(" ".join(text.split()) == statements[i] for i, text in shown)
        answers = page.locator(".my-situation-answers").inner_text()
        for factor in topic.factors:
            label = factor.value(choice[factor.id]).label if factor.id in choice else "Not answered"
            assert f"{factor.question}" in answers and label in answers, factor.id
        headings = page.eval_on_selector_all(".my-situation-part h3", "hs => hs.filter(h => h.checkVisibility())"
                                             ".map(h => h.textContent)")
        assert headings == [topic.factor(f).value(v).title for f, v in choice.items()] + [
            "What it says for everyone with secondary cancer in the liver"]
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        context.close()


# The answers in the address, its QR code and "Share this page" -------------------------------------------

def test_an_address_with_answers_opens_with_them_chosen(browser, served_site, topic):
    context, page = open_finder(browser, served_site, "1280", fragment(BOWEL_AND_FEW_AREAS))
    try:
        assert page.locator("#situation-primary-cancer--bowel").is_checked()
        assert page.locator("#situation-liver-areas--a-few-areas").is_checked()
        assert page.locator("#situation-fitness").is_checked()  # not in the address: "I don't know"
        shown = page.eval_on_selector_all("[data-part]", "ps => ps.filter(p => p.checkVisibility())"
                                          ".map(p => p.dataset.part)")
        assert shown == ["primary-cancer=bowel", "liver-areas=a-few-areas", "everyone"]
    finally:
        context.close()


def test_an_unknown_answer_in_the_address_is_left_unanswered(browser, served_site):
    context, page = open_finder(browser, served_site, "1280", "#primary-cancer=lung&liver-areas=many-areas")
    try:
        assert page.locator("#situation-primary-cancer").is_checked()
        assert page.locator("#situation-liver-areas--many-areas").is_checked()
        assert page.evaluate("location.hash") == "#liver-areas=many-areas"
    finally:
        context.close()


def test_a_place_on_the_page_leaves_the_answers_in_the_address(browser, served_site):
    context, page = open_finder(browser, served_site, "1280", fragment(BOWEL_AND_FEW_AREAS))
    try:
        page.locator(".md-nav--secondary").get_by_role("link", name="Each answer on its own page").click()
        page.wait_for_function("location.hash.startsWith('#primary-cancer')")
        assert page.evaluate("location.hash") == fragment(BOWEL_AND_FEW_AREAS)
        assert page.locator("#situation-primary-cancer--bowel").is_checked()
    finally:
        context.close()


def test_old_ids_in_the_address_are_understood(browser, example_site):
    """The test topic's question 'glimmer-colour' was once 'glimmer-hue' (aliases in factors.yaml)."""
    with serving(example_site) as served:
        context = browser.new_context(**WIDTHS["1280"])
        try:
            page = context.new_page()
            page.goto(served.url("/glimmer-fever/situations/#glimmer-hue=silver"), wait_until="load")
            assert page.locator("#situation-glimmer-colour--silver").is_checked()
            assert page.evaluate("location.hash") == "#glimmer-colour=silver"
        finally:
            context.close()


def qr_text(page) -> str:
    """What a phone reads from the QR code on the screen."""
    image = Image.open(io.BytesIO(page.locator(".my-situation-qr").screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, "no QR code could be read"
    return found[0].text


@pytest.mark.parametrize("width", WIDTHS)
def test_choosing_by_tap_or_click_puts_the_answers_in_the_address_the_qr_code_and_share(browser, served_site,
                                                                                        width):
    context, page = open_finder(browser, served_site, width)
    try:
        page.add_init_script("navigator.share = data => { window.shared = data; return Promise.resolve(); };")
        page.reload(wait_until="load")
        address = published(served_site)
        assert qr_text(page) == address
        for label in ("The bowel", "A few areas of the liver"):
            target = page.locator("[data-situation-form] label", has_text=label)
            target.tap() if width == "375-touch" else target.click()
        with_answers = address + fragment(BOWEL_AND_FEW_AREAS)
        assert page.evaluate("location.hash") == fragment(BOWEL_AND_FEW_AREAS)
        assert page.locator("[data-situation-url]").inner_text() == with_answers
        assert qr_text(page) == with_answers
        assert page.locator(".my-situation-qr").get_attribute("aria-label") == f"QR code that opens {with_answers}"
        share = page.get_by_role("button", name="Share this page")
        share.tap() if width == "375-touch" else share.click()
        assert page.evaluate("window.shared.url") == with_answers
    finally:
        context.close()


# Keyboard and screen readers ---------------------------------------------------------------------------------

def test_the_questions_are_groups_a_keyboard_answers_and_a_screen_reader_hears(finder):
    groups = finder.eval_on_selector_all("fieldset[data-question]", "fs => fs.map(f => [f.querySelector('legend')"
                                         ".textContent, [...f.querySelectorAll('input')].map(i => i.labels[0]"
                                         ".textContent)])")
    assert groups[0] == ["Where did the cancer start?", ["I don't know, or none of these", "The bowel",
                                                          "A neuroendocrine tumour", "The breast", "Somewhere else"]]
    finder.locator("#situation-primary-cancer").focus()
    finder.keyboard.press("ArrowDown")  # the next answer in the group
    finder.keyboard.press("Tab")  # the next question
    finder.keyboard.press("ArrowDown")
    assert finder.evaluate("location.hash") == fragment(BOWEL_AND_FEW_AREAS)
    status = finder.locator("[data-situation-status]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "Now showing what this information says for: The bowel; A few areas of the liver."
    for _ in range(5):  # the four other questions, then the button
        finder.keyboard.press("Tab")
    assert finder.evaluate("document.activeElement.textContent") == "Show what it says for my answers"
    finder.keyboard.press("Enter")
    assert finder.evaluate("document.activeElement.id") == "situation-finder-results"
    finder.locator("#situation-primary-cancer").focus()
    finder.keyboard.press("Space")
    assert status.inner_text() == "Now showing what this information says for: A few areas of the liver."


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_wrong_with_answers_chosen(browser, served_site, width):
    axe = node_tool("axe-core/axe.min.js").read_text("utf-8")
    problems = []
    for scheme, rules in (("light", None), ("dark", {"type": "rule", "values": COLOUR_RULES})):
        choice = {"primary-cancer": "other", "liver-areas": "a-few-areas", "fitness": "not-fit-for-surgery"}
        # axe goes in as an inline script, which the page's policy refuses.
        context, page = open_finder(browser, served_site, width, fragment(choice), color_scheme=scheme,
                                    bypass_csp=True)
        try:
            problems += [line for v in run_axe(page, axe, rules or {"type": "tag", "values": AXE_TAGS})
                         for line in describe(f"{FINDER} ({scheme})", v)]
        finally:
            context.close()
    assert problems == []


# Privacy: nothing from another host, nothing fetched at all while choosing -------------------------------

def test_nothing_is_asked_of_another_host_and_choosing_fetches_nothing_new(browser, served_site):
    """The page loads from its own host only; choosing answers then loads nothing new (the browser may ask again
    for the page's icon when the address changes) and fetches no data."""
    context = browser.new_context(**WIDTHS["1280"])
    requests = []
    context.on("request", lambda request: requests.append((request.url, request.resource_type)))
    try:
        page = context.new_page()
        page.goto(served_site.url(FINDER + fragment(BOWEL_AND_FEW_AREAS)), wait_until="networkidle")
        assert requests and all(url.startswith(served_site.base_url + "/") for url, _ in requests), requests
        assert (served_site.url("/assets/vendor/qrcode-generator.js"), "script") in requests
        loaded = list(requests)
        for label in ("The breast", "Many areas of the liver", "Already had surgery"):
            page.locator("[data-situation-form] label", has_text=label).click()
        page.wait_for_timeout(500)
        assert page.evaluate("location.hash") == "#primary-cancer=breast&liver-areas=many-areas&previous-surgery=had-surgery"
        after = requests[len(loaded):]
        assert not [request for request in after if request not in loaded or request[1] in ("fetch", "xhr")], after
    finally:
        context.close()


# Without JavaScript -------------------------------------------------------------------------------------------

def test_without_javascript_each_answer_leads_to_its_page_and_its_breadcrumb_back(browser, served_site, topic):
    context = browser.new_context(java_script_enabled=False, **WIDTHS["375-touch"])
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(served_site.url(FINDER), wait_until="load")
        assert not page.locator("[data-situation-form]").is_visible()
        links = page.locator("article").get_by_role("link")
        for factor in topic.factors:
            for value in factor.values:
                assert links.filter(has_text=value.title).first.is_visible(), value.title
        page.get_by_role("link", name="If the cancer started in the bowel").tap()
        page.wait_for_url(served_site.url(f"/{TOPIC}/situations/primary-cancer/bowel/"))
        assert page.locator("h1").inner_text() == "If the cancer started in the bowel"
        crumbs = page.get_by_role("navigation", name="Breadcrumb")
        assert crumbs.locator("li").all_inner_texts() == ["Secondary cancer in the liver", "Your situation",
                                                          "If the cancer started in the bowel"]
        assert crumbs.locator("[aria-current=page]").inner_text() == "If the cancer started in the bowel"
        crumbs.get_by_role("link", name="Your situation").tap()
        page.wait_for_url(served_site.url(FINDER))
    finally:
        context.close()


# On paper ----------------------------------------------------------------------------------------------------

def heaviest_choices(topic, count: int) -> list[dict[str, str]]:
    """The choices that print the most: most groups (each with a heading), then the most words."""
    def weight(choice):
        chosen = [(topic.factor(f), topic.factor(f).value(v)) for f, v in choice.items()]
        groups = [g for g in my_situation(topic, chosen) if g.statements]
        return len(groups) + len(choice), sum(len(s.text) for g in groups for s in g.statements)
    return sorted(every_choice(topic), key=weight, reverse=True)[:count]


@pytest.fixture(scope="module")
def printed(served_site, browser, topic):
    """The sheet for the three heaviest choices and one light one, printed on A4 and Letter."""
    choices = [*heaviest_choices(topic, 3), BOWEL_AND_FEW_AREAS]
    context = browser.new_context(**WIDTHS["1280"])
    try:
        page = context.new_page()
        found = []
        for choice in choices:
            page.goto(served_site.url(FINDER + fragment(choice)), wait_until="load")
            page.reload(wait_until="load")  # a new fragment alone would not reload the page
            shown = page.eval_on_selector_all("[data-statement]", "ss => ss.filter(s => s.checkVisibility())"
                                              ".map(s => s.innerText)")
            found += [(choice, paper, shown, print_to_pdf(page, paper)) for paper in PAPERS]
        yield found
    finally:
        context.close()


def test_the_sheet_has_boxes_to_write_the_team_in(printed):
    for choice, paper, _, pdf in printed:
        for label in ("My specialist nurse or key worker", "Phone", "Out of hours"):
            assert label in pdf.text, (choice, paper, label)


def test_the_sheet_prints_on_one_sheet_with_the_title_repeated_on_the_back(printed):
    for choice, paper, _, pdf in printed:
        assert len(pdf.pages) <= 2, (choice, paper, len(pdf.pages))
        assert pdf.pages[0].count(TITLE) == 1
        if len(pdf.pages) == 2:
            assert pdf.pages[1].startswith(TITLE), pdf.pages[1][:80]


def test_the_sheet_prints_every_statement_shown_at_12pt_or_more_and_the_address_with_the_answers(printed,
                                                                                                  served_site):
    address = published(served_site)
    for choice, paper, shown, pdf in printed:
        assert min(pdf.font_sizes) >= 12, (choice, paper)
        assert not missing_words(words(" ".join(shown)), words(pdf.text)), (choice, paper)
        assert (address + fragment(choice)) in pdf.compact(), (choice, paper)
        assert "Choose your answers" not in pdf.text and "Each answer on its own page" not in pdf.text


def test_no_statement_is_cut_by_the_end_of_a_printed_page(printed):
    for choice, paper, shown, pdf in printed:
        sides = ["".join(page.split()) for page in pdf.pages]
        cut = [text for text in shown if not any("".join(text.split()) in side for side in sides)]
        assert cut == [], (choice, paper)


def test_the_printed_qr_code_opens_the_address_with_the_answers(served_site, browser, topic, tmp_path):
    """Read from the printed sheet at 150 dots an inch, as a phone's camera would read the paper."""
    choice = heaviest_choices(topic, 1)[0]  # the longest address: the largest code
    context, page = open_finder(browser, served_site, "1280", fragment(choice))
    try:
        (tmp_path / "sheet.pdf").write_bytes(page.pdf(format="A4"))
    finally:
        context.close()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "sheet.pdf"), str(tmp_path / "side")],
                   check=True, timeout=60)
    found = [code.text for side in sorted(tmp_path.glob("side*.png"))
             for code in zxingcpp.read_barcodes(Image.open(side))]
    assert found == [published(served_site) + fragment(choice)]
