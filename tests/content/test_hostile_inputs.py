"""Careless and hostile content, judged by the core that `make check`, `make build` and `make serve` share.

Each case changes a copy of the fixture content and runs `patient-info check` in this process (its main(),
which makes the publication plan, as the build's hooks do). It must end, within seconds, in exit code 1 with no
traceback, naming the file (and the line, where one is to blame) with a message and a hint in plain words,
and echo nothing the case says is secret. A few of these run through the real `mkdocs build --strict` too,
in tests/site/test_hostile_content.py, to prove the build prints the same.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from conftest import plan_for
from patient_info import cli, plan as plan_module
from patient_info.content import files as content_files, load, topic_checks
from patient_info.content.load import _not_ordinary
from patient_info.errors import LISTED_PER_FILE

TOPIC = "glimmer-fever"
TOPIC_FILE = f"{TOPIC}/topic.yaml"
HUMMING = f"{TOPIC}/treatments/humming.yaml"
STATEMENTS = f"{TOPIC}/statements.yaml"
FACTORS = f"{TOPIC}/factors.yaml"
ADDRESSES = "published-addresses.txt"
SECONDS = 30  # a case that takes longer has hung: a pipe read, say
SECRET = "root:x:0:0:secret-of-another-file"


def replace(file: str, old: str, new: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        target = content / file
        text = target.read_text("utf-8")
        assert old in text, f"{file} no longer contains {old!r}"
        target.write_text(text.replace(old, new, 1), "utf-8")
    return plant


def append(file: str, text: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        target = content / file
        target.write_text(target.read_text("utf-8") + text, "utf-8")
    return plant


def as_folder(file: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        (content / file).unlink()
        (content / file).mkdir()
        (content / file / "inside.yaml").write_text("id: inside\n", "utf-8")
    return plant


def as_file(folder: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        target = content / folder
        for inside in target.iterdir():
            inside.unlink()
        target.rmdir()
        target.write_text("id: not-a-folder\n", "utf-8")
    return plant


def as_pipe(file: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        (content / file).unlink()
        os.mkfifo(content / file)
    return plant


def hard_linked(file: str) -> Callable:
    """The file replaced by a second name of a file outside the content folder (a hard link to /etc/passwd
    cannot be made across file systems, so a stand-in with a secret in it)."""
    def plant(content: Path, monkeypatch) -> None:
        outside = content.parent / "outside.yaml"
        outside.write_text(f"id: humming\nname: {SECRET}\n", "utf-8")
        (content / file).unlink()
        os.link(outside, content / file)
    return plant


def linked_to_outside(file: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        outside = content.parent / "outside.yaml"
        outside.write_text(f"{SECRET}\n", "utf-8")
        (content / file).unlink()
        (content / file).symlink_to(outside)
    return plant


def removed(file: str) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        (content / file).unlink()
    return plant


def loader_fault(file: str) -> Callable:
    """An exception planted in the loader, for one file: as a fault of patient-info's own would be."""
    def plant(content: Path, monkeypatch) -> None:
        real = load.parse_document

        def parse_document(text, display_path):
            if display_path.endswith(file):
                raise IndexError("planted in the loader")
            return real(text, display_path)
        monkeypatch.setattr(load, "parse_document", parse_document)
    return plant


def check_fault(content: Path, monkeypatch) -> None:
    def check_statements(*args, **kwargs):
        raise KeyError("planted in a check")
    monkeypatch.setattr(topic_checks, "check_statements", check_statements)


def judging_fault(content: Path, monkeypatch) -> None:
    def catalogue(site, words):
        raise ZeroDivisionError("planted in the whole-site judgement")
    monkeypatch.setattr(plan_module, "catalogue", catalogue)


def listing_fault(content: Path, monkeypatch) -> None:
    def load_topic_files(*args):
        raise RuntimeError("planted while finding a topic's files")
    from patient_info.content import check
    monkeypatch.setattr(check, "load_topic_files", load_topic_files)


def many_bad_statements(count: int) -> Callable:
    statement = "  - {{id: extra-{0}, about: [humming], kind: how-often, likelihood: sometimes, text: Humming is " \
                "sometimes used.}}\n"
    return append(STATEMENTS, "".join(statement.format(number) for number in range(count)))


def several(*plants: Callable) -> Callable:
    def plant(content: Path, monkeypatch) -> None:
        for each in plants:
            each(content, monkeypatch)
    return plant


@dataclass(frozen=True)
class Case:
    name: str
    plant: Callable
    file: str  # the file (or folder) the message must name
    marker: str | None  # the text on the line it must name; None: the file itself, without a line
    says: tuple[str, ...]
    not_said: tuple[str, ...] = ()


LS, PS, NEL = "\u2028", "\u2029", "\x85"

CASES = [
    # Item 2: lines as YAML breaks them, named where an editor shows them.
    Case("a line separator pasted in a name", replace(HUMMING, "name: Humming", f"name: Hum{LS}  ming"), HUMMING,
         "name: Hum", ("a line separator (U+2028) is in the text", "though most editors show none")),
    Case("a paragraph separator between two fields", replace(TOPIC_FILE, "title: Glimmer fever\n",
                                                             f"title: Glimmer fever{PS}"),
         TOPIC_FILE, "title: Glimmer", ("a paragraph separator (U+2029) is in the text",)),
    Case("a next-line character (NEL) in a caveat", replace(TOPIC_FILE, "Glimmer fever is not real.",
                                                            f"Glimmer fever is{NEL}  not real."),
         TOPIC_FILE, "Glimmer fever is", ("a next-line character (NEL, U+0085) is in the text",)),
    # YAML counts 30 more lines than an editor here: the comment check once looked past the end of the file.
    Case("line separators in a comment, then text cut by a comment",
         several(replace(TOPIC_FILE, "medical information.\n", f"medical information.{LS * 30}\n"),
                 replace(TOPIC_FILE, "  - Is glimmer fever real?", "  - Is glimmer fever in #2 places?")),
         TOPIC_FILE, "in #2 places", ("the text stops at ' #'",)),
    Case("a line separator before a syntax error, which is named at the editor's line",
         replace(HUMMING, "name: Humming\n", f"name: Humming{LS}{LS}{LS}\nother: [unclosed\n"),
         HUMMING, "aliases: [hum]", ("YAML syntax error",)),
    # Item 2: paths that are not plain files.
    Case("a folder named like a treatment file", as_folder(HUMMING), HUMMING, None,
         ("this is a folder, where a file is expected",)),
    Case("a folder named like topic.yaml", as_folder(TOPIC_FILE), TOPIC_FILE, None,
         ("this is a folder, where a file is expected",)),
    Case("a folder named site.yaml", as_folder("site.yaml"), "site.yaml", None,
         ("this is a folder, where a file is expected",)),
    Case("a file where the treatments folder belongs", as_file(f"{TOPIC}/treatments"), f"{TOPIC}/treatments", None,
         ("this is a file, where a folder is expected",)),
    Case("a named pipe as a treatment file", as_pipe(HUMMING), HUMMING, None, ("this is a named pipe",)),
    Case("a named pipe as the list of published addresses", as_pipe(ADDRESSES), ADDRESSES, None,
         ("this is a named pipe",)),
    Case("a hard link to a file outside", hard_linked(HUMMING), HUMMING, None,
         ("this file has 1 other name (a hard link)",), not_said=(SECRET, "root:")),
    Case("a link to a file outside", linked_to_outside(HUMMING), HUMMING, None,
         ("this file is a link to another file",), not_said=(SECRET,)),
    Case("a folder named like the list of published addresses", as_folder(ADDRESSES), ADDRESSES, None,
         ("this is a folder, where a file is expected",)),
    # Item 2: a fault in patient-info itself is a mistake naming what was being read.
    Case("an exception in the loader", loader_fault("humming.yaml"), HUMMING, None,
         ("unexpected error in patient-info (IndexError at patient_info/content/", "not a mistake you made")),
    Case("an exception in a check", check_fault, TOPIC, None,
         ("unexpected error in patient-info (KeyError at patient_info/content/",)),
    Case("an exception while finding a topic's files", listing_fault, TOPIC, None,
         ("unexpected error in patient-info (RuntimeError at patient_info/content/check.py",)),
    Case("an exception in the whole-site judgement", judging_fault, ".", None,
         ("unexpected error in patient-info (ZeroDivisionError at patient_info/plan/__init__.py",)),
    # Item 3: hedging that knows negation, and quotes that are whole words and at least a clause.
    Case("'usually' said as 'not usually'",
         several(replace(STATEMENTS, "likelihood: not-usually", "likelihood: usually")),
         STATEMENTS, "Moonlight therapy is not usually suitable if",
         ("the text says 'usually' only with a negation ('not usually')", "'not-usually' or 'may-not'")),
    Case("'may' said as 'may not'",
         several(replace(STATEMENTS, "text: Moonlight therapy may be used with humming.",
                         "text: Moonlight therapy may not be used with humming."),
                 replace(f"{TOPIC}/sources/test-source.yaml", "Moonlight therapy may be used with humming.",
                         "Moonlight therapy may be used with humming. Moonlight therapy may not be used with humming."),
                 replace(STATEMENTS, "quotes: [Moonlight therapy may be used with humming.]",
                         "quotes: [Moonlight therapy may not be used with humming.]")),
         STATEMENTS, "text: Moonlight therapy may not be used",
         ("the text says 'may' only with a negation ('may not')",)),
    Case("'can' said as 'cannot'", replace(STATEMENTS, "text: Humming can help when", "text: Humming cannot help when"),
         STATEMENTS, "text: Humming cannot help", ("the text says 'can' only with a negation ('cannot')",)),
    Case("'can' said as 'can't'", replace(STATEMENTS, "text: Humming can help when", "text: Humming can’t help when"),
         STATEMENTS, "text: Humming can’t help", ("the text says 'can' only with a negation ('can't')",)),
    Case("a one-letter quote", replace(STATEMENTS, "quotes: [Moonlight therapy may be used with humming.]",
                                       "quotes: [e]"),
         STATEMENTS, "quotes: [e]", ("these words are in the source 'test-source' only as parts of longer words",)),
    Case("a quote cut inside a word", replace(STATEMENTS, "quotes: [Moonlight therapy may be used with humming.]",
                                              "quotes: [light therapy may be used with hum]"),
         STATEMENTS, "quotes: [light therapy", ("only as parts of longer words",)),
    Case("a quote of two whole words", replace(STATEMENTS, "quotes: [Moonlight therapy may be used with humming.]",
                                               "quotes: [Moonlight therapy may be used with humming., glimmer fever]"),
         STATEMENTS, "glimmer fever]", ("this quote has 2 words: a quote must be at least 4 words of the source",)),
    # Item 6: characters judged in the value YAML makes, escapes included.
    Case("an escaped right-to-left override", replace(HUMMING, "name: Humming", 'name: "Hum\\u202Eming"'), HUMMING,
         "name:", ("an invisible character (U+202E) is in the text, written as an escape",)),
    Case("an escaped C1 control", replace(HUMMING, "name: Humming", 'name: "Hum\\x80ming"'), HUMMING, "name:",
         ("a control character (U+0080) is in the text, written as an escape",)),
    Case("an escaped bell", replace(HUMMING, "name: Humming", 'name: "Hum\\aming"'), HUMMING, "name:",
         ("a control character (U+0007) is in the text, written as an escape",)),
    Case("an escaped line separator", replace(HUMMING, "name: Humming", 'name: "Hum\\Lming"'), HUMMING, "name:",
         ("a line separator (U+2028) is in the text, written as an escape",)),
    Case("an Arabic letter mark", replace(HUMMING, "name: Humming", "name: Hum\u061cming"), HUMMING, "name:",
         ("an invisible character (U+061C)",)),
    Case("Unicode tag characters", replace(HUMMING, "name: Humming", "name: Humming\U000e0041\U000e007f"), HUMMING,
         "name:", ("an invisible character (U+E0041)", "an invisible character (U+E007F)")),
    Case("a pasted C1 control", replace(HUMMING, "name: Humming", "name: Hum\x9bming"), HUMMING, "name:",
         ("a control character (U+009B) is in the text",)),
    Case("a next review due in 9999", replace(TOPIC_FILE, "next_review_due: 2029-01-15", "next_review_due: 9999-12-31"),
         TOPIC_FILE, "next_review_due", ("the next review is due 31 December 9999, more than 3 years after the last "
                                         "review (15 January 2026)", "set next_review_due to 2029-01-15 or earlier")),
    Case("a glossary review due in 9999",
         append("glossary.yaml", "review:\n  last_reviewed: 2026-01-10\n  next_review_due: 9999-12-31\n"),
         "glossary.yaml", "next_review_due", ("more than 3 years after the last review",)),
    Case("a factor whose answers are an empty list",
         replace(FACTORS, "    values:\n      - id: early\n        label: Early in the evening\n"
                          "        title: If you go to bed early in the evening\n      - id: late\n"
                          "        label: Late at night\n        title: If you go to bed late at night\n", "    values: []\n"),
         FACTORS, "values: []", ("'values' needs at least 1 item(s)",)),
    Case("a factor with no answers", replace(FACTORS, "    values:\n      - id: early\n        label: Early in the "
                                                      "evening\n        title: If you go to bed early in the evening\n"
                                                      "      - id: late\n        label: Late at night\n"
                                                      "        title: If you go to bed late at night\n", ""),
         FACTORS, "- id: bedtime", ("is missing the required field 'values'",)),
    Case("the list of published addresses deleted", removed(ADDRESSES), ADDRESSES, None,
         ("the list of published addresses is missing", "restore it from version control",
          "for a new site, run 'make addresses'")),
    Case("the list of published addresses not UTF-8",
         lambda content, monkeypatch: (content / ADDRESSES).write_bytes(b"/\xff\n"), ADDRESSES, None,
         ("the list of published addresses is not UTF-8 text",)),
    Case("300 wrong statements", many_bad_statements(300), STATEMENTS, "id: extra-0,",
         ("'statements' → item 8 is missing the required field 'source'",)),
]


def check(content: Path) -> tuple[int, str]:
    """`patient-info check CONTENT` in this process: its exit code and all it printed. A run that has not ended
    within SECONDS fails the test (the thread is left behind: a hang is the failure being looked for)."""
    printed, outcome = io.StringIO(), {}

    def run() -> None:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            try:
                outcome["code"] = cli.main(["check", str(content)])
            except BaseException as error:  # noqa: BLE001 - reported as the failure below
                outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(SECONDS)
    assert not thread.is_alive(), f"patient-info check did not end within {SECONDS} s"
    assert "error" not in outcome, f"patient-info check raised {outcome['error']!r}"
    return outcome["code"], printed.getvalue()


def editor_line(text: str, marker: str) -> int:
    """The line holding `marker`, counted as an editor counts lines (not at U+2028, U+2029 or NEL)."""
    return next(number for number, line in enumerate(re.split("\r\n|\r|\n", text), 1) if marker in line)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_names_the_file_and_line_in_plain_words(example_copy, monkeypatch, case):
    monkeypatch.delenv("SITE_URL", raising=False)
    case.plant(example_copy, monkeypatch)
    code, output = check(example_copy)
    assert code == 1, output
    assert "Traceback" not in output
    target = example_copy / case.file if case.file != "." else example_copy
    if case.marker is None:
        where = f"{target}: "
    else:
        where = f"{target}:{editor_line(target.read_text('utf-8'), case.marker)}:"
    named = [line for line in output.splitlines() if where in line]
    assert named, f"nothing names {where}:\n{output}"
    for phrase in case.says:
        assert any(phrase in line for line in named), f"'{phrase}' not said at {where}:\n{output}"
    for secret in case.not_said:
        assert secret not in output


def test_a_file_with_thousands_of_mistakes_lists_the_first_ones_in_line_order_and_counts_the_rest(example_copy):
    many_bad_statements(300)(example_copy, None)
    statements = example_copy / STATEMENTS
    code, output = check(example_copy)
    listed = [line for line in output.splitlines() if re.match(rf"\s*{re.escape(str(statements))}:\d", line)]
    assert code == 1 and len(listed) == LISTED_PER_FILE
    lines = [int(line.split(":")[1]) for line in listed]
    assert lines == sorted(lines)
    first_extra = editor_line(statements.read_text("utf-8"), "id: extra-0,")
    assert lines[0] == first_extra and len(set(lines)) > LISTED_PER_FILE // 2, "each message at its own line"
    more = [line for line in output.splitlines() if line.strip().startswith(f"{statements}: and ")]
    assert more == [f"  {statements}: and {300 - LISTED_PER_FILE:,} more in this file, not listed (the first "
                    f"{LISTED_PER_FILE} are) (fix these, then check again to see the rest)"]
    assert output.startswith(f"{300:,} content mistakes found:")


def test_an_unread_list_of_addresses_is_a_warning_so_the_preview_still_builds(example_copy):
    (example_copy / ADDRESSES).unlink()
    verdict = plan_for(example_copy, today=date(2026, 12, 1), judge_text=False)
    assert verdict.errors == [] and verdict.site is not None
    assert [warning.message for warning in verdict.warnings if warning.file.endswith(ADDRESSES)] == [
        "the list of published addresses is missing, so an address that disappears would not be noticed"]


def test_a_fault_in_one_file_leaves_the_other_mistakes_reported(example_copy, monkeypatch):
    loader_fault("humming.yaml")(example_copy, monkeypatch)
    replace(TOPIC_FILE, "title: Glimmer fever", "titel: Glimmer fever")(example_copy, monkeypatch)
    code, output = check(example_copy)
    assert code == 1
    assert "unknown field 'titel'" in output and "IndexError" in output


def test_the_check_reads_the_content_folder_the_build_reads(example_copy, monkeypatch, tmp_path):
    replace(HUMMING, "name: Humming", "nam: Humming")(example_copy, monkeypatch)
    monkeypatch.setenv("PATIENT_INFO_CONTENT", str(example_copy))
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed), contextlib.redirect_stdout(printed):
        assert cli.main(["check"]) == 1
    assert f"{example_copy / HUMMING}:3:1: unknown field 'nam'" in printed.getvalue()


@pytest.mark.parametrize("mode, says", [
    (stat.S_IFCHR | 0o666, "this is a device"),
    (stat.S_IFBLK | 0o660, "this is a device"),
    (stat.S_IFSOCK | 0o777, "this is a socket"),
    (stat.S_IFIFO | 0o644, "this is a named pipe"),
    (stat.S_IFDIR | 0o755, "this is a folder"),
    (stat.S_IFLNK | 0o777, "this file is a link"),
])
def test_what_is_not_a_plain_file_is_refused_before_it_is_opened(mode, says):
    # A device cannot be made without root: its status is made up instead.
    refusal = _not_ordinary(os.stat_result((mode, 0, 0, 1, 0, 0, 0, 0, 0, 0)), "content/x.yaml")
    assert refusal is not None and refusal.message.startswith(says) and refusal.line is None


def test_a_plain_file_with_one_name_is_read(tmp_path):
    file = tmp_path / "a.yaml"
    file.write_text("id: a\n", "utf-8")
    assert content_files.load_document(file, "a.yaml")[1] == []
