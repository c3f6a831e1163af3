"""Every web and e-mail address in the content is parsed, not pattern-matched (content/web_addresses.py).

The table runs each case against the judge both `make check` and the build ask (the publication plan), in
milliseconds: one message per field, at its file and line, in plain words. Two real runs at the end prove that
`patient-info check` and `mkdocs build --strict` print the same message and exit the same way, and that the
address that used to publish a javascript: link is stopped by both.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from patient_info.content.web_addresses import email_address_problem, web_address_problem
from patient_info.pages.render import _link_out, _mail_link
from conftest import plan_for
from patient_info.plan import site_url_mistake

SITE = "site.yaml"
SOURCE = "glimmer-fever/sources/test-source.yaml"
SCRIPT_LINK = "https://clinic.example/>)[Feedback](javascript:alert%28document.domain%29//"
CHECK = [str(Path(sys.executable).with_name("patient-info")), "check"]


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    field: str  # 'form', 'email' (site.yaml's feedback) or 'url' (a source)
    value: str
    says: str  # in the message, after "cannot be used: "

    def plant(self, content: Path) -> int:
        """Writes the value (as a YAML double-quoted string, so any character can be given) and returns its line."""
        target = content / self.file
        quoted = '"' + self.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text = target.read_text("utf-8")
        if self.field == "url":
            text = text.replace("url: https://example.org/test-suite", f"url: {quoted}")
        else:
            text += f"feedback:\n  {self.field}: {quoted}\n"
        target.write_text(text, "utf-8")
        return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f"{self.field}:"))


BAD = [
    Case("markdown link breakout to javascript:", SITE, "form", SCRIPT_LINK, "it contains '>' at character 24"),
    Case("javascript: scheme", SITE, "form", "javascript:alert(1)", "it must start with https://"),
    Case("plain http for a form", SITE, "form", "http://clinic.example/feedback", "it must start with https://"),
    Case("data: scheme", SITE, "form", "data:text/html,<b>x</b>", "it contains '<'"),
    Case("scheme without //", SITE, "form", "https:clinic.example/form", "it must start with https://"),
    Case("space", SITE, "form", "https://clinic.example/feed back", "it contains a space at character 28"),
    Case("backslash", SITE, "form", "https://clinic.example\\@evil.example/", "a backslash"),
    Case("user name before the host", SITE, "form", "https://clinic.example@evil.example/", "user name"),
    Case("quote", SITE, "form", 'https://clinic.example/"onmouseover=x', "it contains '\"'"),
    Case("backtick", SITE, "form", "https://clinic.example/`x`", "it contains '`'"),
    Case("non-ASCII letter", SITE, "form", "https://clinic.example/é",
         "'é' (a web address has it percent-encoded: %C3%A9)"),
    Case("broken percent-encoding", SITE, "form", "https://clinic.example/%zz", "'%' that is not followed"),
    Case("no host", SITE, "form", "https:///form", "is not a host name"),
    Case("bad port", SITE, "form", "https://clinic.example:99999/", "cannot be read as a web address"),
    Case("bracket in the path", SITE, "form", "https://clinic.example/a[1]", "'[' or ']' after the host"),
    Case("e-mail with a bcc header", SITE, "email", "x?bcc=spy%40evil.example&a=@clinic.example",
         "the part before the '@' has '?'"),
    Case("e-mail with a subject", SITE, "email", "team@clinic.example?subject=hi", "is not a domain name"),
    Case("two addresses", SITE, "email", "a@clinic.example,b@evil.example", "2 '@' signs"),
    Case("e-mail with angle brackets", SITE, "email", "Team <team@clinic.example>", "it contains a space"),
    Case("e-mail as a mailto: link", SITE, "email", "mailto:team@clinic.example", "the part before the '@' has ':'"),
    Case("e-mail without a domain", SITE, "email", "team@clinic", "is not a domain name"),
    Case("source url ending in a backslash", SOURCE, "url", "https://example.org/test-suite\\", "a backslash"),
    Case("source url with backticks", SOURCE, "url", "https://example.org/`code`", "it contains '`'"),
    Case("source url javascript:", SOURCE, "url", "javascript:alert(1)", "it must start with https:// or http://"),
    Case("source url ftp:", SOURCE, "url", "ftp://example.org/file", "it must start with https:// or http://"),
    Case("source url markdown breakout", SOURCE, "url", SCRIPT_LINK, "it contains '>'"),
]

WHAT = {"form": "the feedback form's address", "email": "the feedback e-mail address",
        "url": "the source's web address"}


def test_a_line_separator_in_an_address_is_one_message_naming_it(example_copy):
    """The loader reports such a character in any value, at its line: the address check does not say it again."""
    line = Case("line separator", SITE, "form", "https://clinic.example/\u2028x", "").plant(example_copy)
    errors = plan_for(example_copy, today=date(2026, 2, 1), judge_text=False).errors
    assert len(errors) == 1 and errors[0].line == line and "U+2028" in errors[0].message, errors


@pytest.mark.parametrize("case", BAD, ids=lambda case: case.name)
def test_a_bad_address_is_one_plain_message_at_its_line(case, example_copy):
    line = case.plant(example_copy)
    verdict = plan_for(example_copy, today=date(2026, 2, 1), judge_text=False)
    assert verdict.site is None
    found = [error for error in verdict.errors if WHAT[case.field] in error.message]
    assert len(found) == 1, verdict.errors  # one message per field
    error = found[0]
    assert error.file.endswith(case.file) and error.line == line, error
    assert error.message.startswith(f"{WHAT[case.field]} cannot be used: ") and case.says in error.message, error
    assert error.hint  # what would be right
    assert len(verdict.errors) == 1, verdict.errors  # the schema does not say it a second time


GOOD_WEB = ["https://clinic.example.org/feedback", "https://clinic.example.org/form?topic=liver&lang=en#top",
            "http://example.org/old-leaflet", "HTTPS://Clinic.Example.org/", "https://clinic.example.org:8443/a%20b",
            "https://[2001:db8::1]/form", "https://clinic.example.org/a(1)/b;c=d/~e"]
GOOD_EMAIL = ["feedback@clinic.example.org", "first.last+liver@nhs.example.uk", "o'brien@clinic.example.org"]


@pytest.mark.parametrize("value", GOOD_WEB)
def test_ordinary_web_addresses_pass(value):
    assert web_address_problem(value) is None


@pytest.mark.parametrize("value", GOOD_EMAIL)
def test_ordinary_e_mail_addresses_pass(value):
    assert email_address_problem(value) is None


@pytest.mark.parametrize("value, says", [
    ("https://patient-info.example.org/?a=1", "cannot have a query or a fragment"),
    ("https://patient-info.example.org/#top", "cannot have a query or a fragment"),
    ("https://patient-info.example.org/\\", "a backslash"),
    ("ftp://patient-info.example.org/", "it must start with https:// or http://"),
    ("https://patient-info.example.org/it's/", "it has a quote (')"),
])
def test_the_site_address_is_held_to_the_same_rules(value, says):
    error = site_url_mistake(value)
    assert error is not None and says in error.message and error.file == "SITE_URL"


def test_valid_addresses_in_the_content_pass(example_copy):
    (example_copy / SITE).write_text((example_copy / SITE).read_text("utf-8")
                                     + "feedback:\n  form: https://clinic.example.org/form?a=1&b=2\n", "utf-8")
    verdict = plan_for(example_copy, today=date(2026, 2, 1), judge_text=False)
    assert verdict.errors == []


def test_pages_write_addresses_as_escaped_html_attributes_never_as_markdown_links():
    assert _link_out("Form [1]", "https://clinic.example.org/a?b=1&c=(2)") == \
        '<a href="https://clinic.example.org/a?b=1&amp;c=(2)">Form \\[1\\]</a>'
    assert _mail_link("o'brien@clinic.example.org") == \
        '<a href="mailto:o&#x27;brien@clinic.example.org">o\'brien@clinic\\.example\\.org</a>'
    # A value the check would refuse never reaches a page, even if a caller forgot the check.
    with pytest.raises(ValueError):
        _link_out("Feedback", SCRIPT_LINK)
    with pytest.raises(ValueError):
        _mail_link("x?bcc=spy%40evil.example&a=@clinic.example")


@pytest.mark.build
@pytest.mark.parametrize("case", [BAD[0], BAD[16], BAD[22]], ids=lambda case: case.name)
def test_check_and_build_stop_with_the_same_message(case, example_copy, tmp_path):
    line = case.plant(example_copy)
    checked = subprocess.run(CHECK + [str(example_copy)], capture_output=True, text=True, timeout=120)
    built = mkdocs_build(tmp_path / "site", example_copy)
    expected = f"{example_copy / case.file}:{line}:"
    for run in (checked, built):
        assert run.returncode == 1, run.stdout + run.stderr
        assert "Traceback" not in run.stderr
        said = [text for text in run.stderr.splitlines() if WHAT[case.field] in text]
        assert len(said) == 1 and expected in said[0] and case.says in said[0], run.stderr
    assert not (tmp_path / "site" / "index.html").exists()
