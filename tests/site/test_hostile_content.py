"""Hostile and careless content: `make check` and the strict build agree on every case, and neither crashes.

Each case changes a copy of the fixture content, then runs both `patient-info check` and the
real `mkdocs build --strict`. Both must exit the same way, print no traceback, and, when they
fail, leave no site behind and name the same file and line with a message in plain words.
When they pass, no text from the content may have become an element or an attribute anywhere
in the built site: every built HTML file is parsed and its elements' attributes are checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build

TOPIC = "glimmer-fever"
TOPIC_FILE = f"{TOPIC}/topic.yaml"
HUMMING = f"{TOPIC}/treatments/humming.yaml"
STATEMENTS = f"{TOPIC}/statements.yaml"
ADDRESSES = "published-addresses.txt"
# Attributes a payload would bring: the theme and the hooks write none of them.
PAYLOAD_ATTRIBUTES = ("onclick", "onmouseover", "onerror", "data-payload")
PAYLOAD_ELEMENTS = ("x-payload", "script-payload")


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        target = content / file
        text = target.read_text("utf-8")
        assert old in text, f"{file} no longer contains {old!r}"
        target.write_text(text.replace(old, new, 1), "utf-8")
    return plant


def write(file: str, text: str) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        (content / file).write_text(text, "utf-8")
    return plant


def symlink(file: str, target: str) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        link = content / file
        if link.exists():
            link.unlink()
        link.symlink_to(target)
    return plant


def linked_topic_folder(content: Path) -> None:
    outside = content.parent / "outside-topic"
    (content / TOPIC).rename(outside)
    (content / TOPIC).symlink_to(outside, target_is_directory=True)


def fifo(content: Path) -> None:
    os.mkfifo(content / TOPIC / "sources" / "pipe.yaml")


def named_pipe(file: str) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        (content / file).unlink()
        os.mkfifo(content / file)
    return plant


def folder_in_place_of(file: str) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        (content / file).unlink()
        (content / file).mkdir()
    return plant


SECRET = "root:x:0:0:secret-of-another-file"


def hard_link_to_outside(file: str) -> Callable[[Path], None]:
    """A second name for a file outside the content folder (a stand-in for /etc/passwd, on another file system)."""
    def plant(content: Path) -> None:
        outside = content.parent / "outside.yaml"
        outside.write_text(f"id: humming\nname: {SECRET}\n", "utf-8")
        (content / file).unlink()
        os.link(outside, content / file)
    return plant


def reserved_topic_id(content: Path) -> None:
    replace(TOPIC_FILE, "id: glimmer-fever", "id: overrides")(content)
    (content / TOPIC).rename(content / "overrides")


def rename_humming(*, keep_alias: bool) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        treatments = content / TOPIC / "treatments"
        (treatments / "humming.yaml").rename(treatments / "humm.yaml")
        replace(f"{TOPIC}/treatments/humm.yaml", "id: humming", "id: humm")(content)
        if keep_alias:
            replace(f"{TOPIC}/treatments/humm.yaml", "aliases: [hum]", "aliases: [hum, humming]")(content)
        replace(TOPIC_FILE, "  - humming\n", "  - humm\n")(content)
        statements = content / STATEMENTS
        statements.write_text(re.sub(r"(?<=[\[ ])humming(?=\])", "humm", statements.read_text("utf-8")), "utf-8")
    return plant


def several(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(content: Path) -> None:
        for each in plants:
            each(content)
    return plant


@dataclass(frozen=True)
class Case:
    name: str
    plant: Callable[[Path], None]
    file: str | None = None  # the file both must name; None: both must pass
    marker: str | None = None  # the text on the line both must name; None: the file itself, without a line
    says: tuple[str, ...] = ()
    not_said: tuple[str, ...] = ()  # text that must not be echoed (another file's contents, a huge value)
    env: dict[str, str] = field(default_factory=dict)


TWENTY_SIX_WORDS = " ".join(["Humming"] + ["can"] * 24 + ["help."])

CASES = [
    # Text that must stay text.
    Case("a double quote in the topic title", replace(TOPIC_FILE, "title: Glimmer fever",
                                                      "title: 'Glimmer fever\" onclick=\"alert(1)//'")),
    Case("a double quote in a treatment name", replace(HUMMING, "name: Humming",
                                                       "name: 'Humming \"loudly\" onmouseover=\"x\"'")),
    Case("markup in a question", replace(TOPIC_FILE, "  - Is glimmer fever real?",
                                         "  - 'Is it <x-payload data-payload=1>real</x-payload>? <script-payload>'")),
    Case("markdown in a caveat", replace(TOPIC_FILE, "  - text: Glimmer fever is not real.",
                                         "  - text: '[Glimmer](x) fever is **not** real. "
                                         "<b onclick=x>Bold</b> <a href=\"js:x\">a</a>'")),
    Case("an old id kept in aliases after a rename", rename_humming(keep_alias=True)),
    Case("the same content with CRLF line endings and a byte-order mark",
         lambda content: (content / HUMMING).write_bytes(
             b"\xef\xbb\xbf" + (content / HUMMING).read_bytes().replace(b"\n", b"\r\n"))),
    # Files that must not crash, hang or leak.
    Case("nesting 30,000 deep", write(HUMMING, "id: humming\nname: " + "[" * 30_000 + "]" * 30_000 + "\n"),
         HUMMING, "name:", ("the content is nested too deeply",)),
    Case("a treatment file linked to a system file", symlink(HUMMING, "/etc/passwd"), HUMMING, None,
         ("this file is a link to another file",), not_said=("root:",)),
    Case("a topic folder linked from outside", linked_topic_folder, TOPIC, None,
         ("this is a link to another place",)),
    Case("a factors file linked to /dev/zero", symlink(f"{TOPIC}/factors.yaml", "/dev/zero"),
         f"{TOPIC}/factors.yaml", None, ("this file is a link to another file",)),
    Case("a named pipe among the sources", fifo, f"{TOPIC}/sources/pipe.yaml", None,
         ("this is a named pipe, where a text file is expected",)),
    Case("a named pipe as the list of published addresses", named_pipe(ADDRESSES), ADDRESSES, None,
         ("this is a named pipe",)),
    Case("a folder named like a treatment file", folder_in_place_of(HUMMING), HUMMING, None,
         ("this is a folder, where a file is expected",)),
    Case("a hard link to a file outside", hard_link_to_outside(HUMMING), HUMMING, None,
         ("this file has 1 other name (a hard link)",), not_said=(SECRET,)),
    Case("a line separator pasted in a name", replace(HUMMING, "name: Humming", "name: Hum\u2028  ming"), HUMMING,
         "name: Hum", ("a line separator (U+2028) is in the text",)),
    Case("an escaped right-to-left override", replace(HUMMING, "name: Humming", 'name: "Hum\\u202Eming"'), HUMMING,
         "name:", ("an invisible character (U+202E) is in the text, written as an escape",)),
    Case("the list of published addresses deleted", lambda content: (content / ADDRESSES).unlink(), ADDRESSES, None,
         ("the list of published addresses is missing", "restore it from version control")),
    Case("'usually' where the text says 'not usually'", replace(STATEMENTS, "likelihood: not-usually",
                                                                "likelihood: usually"),
         STATEMENTS, "text: Moonlight therapy is not usually",
         ("the text says 'usually' only with a negation ('not usually')",)),
    Case("a value of 100,000 characters", replace(HUMMING, "name: Humming", "name: " + "x" * 100_000),
         HUMMING, "name:", ("too long: 100,000 characters, where the limit is 200",), not_said=("x" * 100,)),
    # Mistakes that passed silently.
    Case("a reserved folder name as topic id", reserved_topic_id, "overrides/topic.yaml", "id: overrides",
         ("'overrides' cannot be a topic id",)),
    Case("text cut at ' #'", replace(TOPIC_FILE, "  - Is glimmer fever real?", "  - Is glimmer fever in #2 places?"),
         TOPIC_FILE, "#2 places", ("the text stops at ' #'", "quote the text if the # belongs to it")),
    Case("a code with a final newline", replace(TOPIC_FILE, "icd10: [Z99.9]", 'icd10: ["Z99.9\\n"]'),
         TOPIC_FILE, "icd10:", ("is not written the right way", "for example C78.7")),
    Case("an id with a final newline", replace(HUMMING, "id: humming", 'id: "humming\\n"'),
         HUMMING, "id:", ("is not a valid id",)),
    Case("a sentence of 26 words", replace(TOPIC_FILE, "  - text: Glimmer fever is not real.",
                                           f"  - text: {TWENTY_SIX_WORDS}"),
         TOPIC_FILE, "Humming can can", ("this sentence has 26 words, more than 25",)),
    Case("a summary that will not fit one sheet",
         replace(TOPIC_FILE, "  - Is glimmer fever real?\n",
                 "".join(f"  - Is glimmer fever real, and what would my care team say if I asked them question {n}?\n"
                         for n in range(1, 91))),
         TOPIC_FILE, "summary:", ("will not fit on one sheet",)),
    Case("a renamed id without an alias", rename_humming(keep_alias=False), ADDRESSES,
         "/glimmer-fever/treatments/humming/",
         ("the published address /glimmer-fever/treatments/humming/ no longer exists",
          "add 'humming' to the aliases of the treatment")),
    Case("an unclosed quote", replace(HUMMING, "name: Humming", 'name: "Humming'), HUMMING, "name:",
         ("this quote is opened but never closed",)),
    Case("a last review 36 years ahead", replace(TOPIC_FILE, "last_reviewed: 2026-01-15", "last_reviewed: 2062-01-15"),
         TOPIC_FILE, "last_reviewed", ("is in the future",)),
    Case("a right-to-left override in a name", replace(HUMMING, "name: Humming", "name: Hum\u202eming"),
         HUMMING, "name:", ("an invisible character (U+202E)",)),
    Case("'no' where text belongs", replace(f"{TOPIC}/factors.yaml", "label: Silver", "label: no"),
         f"{TOPIC}/factors.yaml", "label: no", ("should be text, not 'false'", "put the text in quotes")),
    Case("a web address with a query", lambda content: None, "SITE_URL", None,
         ("cannot have a query or a fragment",), env={"SITE_URL": "https://clinic.example.org/?a=1"}),
    Case("a web address with a quote", lambda content: None, "SITE_URL", None,
         ("""it contains '"' at character 28, which a web address cannot contain""",),
         env={"SITE_URL": 'https://clinic.example.org/"x'}),
]


def run_check(content: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    if "SITE_URL" not in env:
        environment.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "patient_info.cli", "check", str(content)], capture_output=True,
                          text=True, cwd=ROOT, env=environment, timeout=60)


def located(output: str, where: str) -> list[str]:
    """The lines of output that name `where` ("file: " or "file:line:") as the place of a mistake."""
    return [line for line in output.splitlines() if where in line]


def where_named(content: Path, case: Case) -> str:
    if case.file == "SITE_URL":
        return "SITE_URL: "
    target = content / case.file
    if case.marker is None:
        return f"{target}: "
    lines = re.split("\r\n|\r|\n", target.read_text("utf-8", errors="replace"))  # as an editor counts lines
    line = next(number for number, text in enumerate(lines, 1) if case.marker in text)
    return f"{target}:{line}:"


def markup_from_content(site: Path) -> list[str]:
    """Every element or attribute in the built site that a payload would have made, by parsing each page."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for element in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all(True):
            if element.name in PAYLOAD_ELEMENTS:
                found.append(f"{page}: <{element.name}>")
            found += [f"{page}: <{element.name} {name}>" for name in element.attrs if name in PAYLOAD_ATTRIBUTES]
            if element.name == "a" and element.get("href", "").startswith(("javascript:", "js:")):
                found.append(f"{page}: <a href={element['href']}>")
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_and_strict_build_agree_on_hostile_content(example_copy, tmp_path, case):
    case.plant(example_copy)
    site = tmp_path / "site"
    check = run_check(example_copy, case.env)
    build = mkdocs_build(site, example_copy, extra_env=case.env)
    outputs = {"check": check.stdout + check.stderr, "build": build.stdout + build.stderr}
    for name, output in outputs.items():
        assert "Traceback" not in output, f"{name} printed a traceback:\n{output}"
        for secret in case.not_said:
            assert secret not in output, f"{name} echoed {secret[:20]!r}…"
    if case.file is None:
        assert (check.returncode, build.returncode) == (0, 0), outputs
        assert markup_from_content(site) == []
        return
    assert check.returncode != 0 and build.returncode != 0, outputs
    assert not (site / "index.html").exists(), "a failed build must not leave a site behind"
    where = where_named(example_copy, case)
    for name, output in outputs.items():
        report = located(output, where)
        assert report, f"{name} does not name {where}:\n{output}"
        for phrase in case.says:
            assert any(phrase in line for line in report), f"{name}: '{phrase}' not in:\n{output}"
