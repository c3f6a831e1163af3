"""A content mistake stops the build with file:line, what is wrong and what would be right.

Each case plants one mistake in a copy of the fixture content and asks the judge that `make check` and the
build share (the plan, without MkDocs: milliseconds a case) to name the file and line with a message and a
hint. Two real `mkdocs build --strict` runs prove the build prints the same list, with no traceback and no
site left behind.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import mkdocs_build, plan_for
from patient_info.errors import ContentErrors

TOPIC = "glimmer-fever"
MOONLIGHT = f"{TOPIC}/treatments/moonlight-therapy.yaml"
HUMMING = f"{TOPIC}/treatments/humming.yaml"
STATEMENTS = f"{TOPIC}/statements.yaml"


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str
    old: str | None  # text to replace; None writes `new` as the whole file
    new: str
    marker: str  # the line holding this text is the one the message must name
    says: tuple[str, ...]

    def plant(self, content: Path) -> int:
        target = content / self.file
        text = target.read_text("utf-8") if target.exists() else ""
        if self.old is None:
            text = self.new
        else:
            assert self.old in text, f"fixture no longer contains {self.old!r}"
            text = text.replace(self.old, self.new, 1)
        target.write_text(text, "utf-8")
        return next(n for n, line in enumerate(text.splitlines(), 1) if self.marker in line) if self.marker else 1


MISTAKES = [
    Mistake("yaml syntax error", f"{TOPIC}/topic.yaml", "title: Glimmer fever", "title: [Glimmer fever",
            "summary: A made-up", ("YAML syntax error", "check the indentation")),
    Mistake("tab indentation", f"{TOPIC}/factors.yaml", "    question: What colour", "\tquestion: What colour",
            "\tquestion", ("tab character", "indent with spaces")),
    Mistake("empty file", HUMMING, None, "", "", ("the file is empty",)),
    Mistake("file that is not a mapping", HUMMING, None, "- humming\n- tune\n", "- humming",
            ("should be a set of 'field: value' lines, not a list",)),
    Mistake("missing required field", HUMMING, "name: Humming\n", "", "id: humming",
            ("missing the required field 'name'", "The treatment's name as patients would hear it")),
    Mistake("wrong type", STATEMENTS, "about: [humming]\n", "about: 3\n", "about: 3",
            ("'about' should be a list, not the number 3",)),
    Mistake("unknown field (a typo)", MOONLIGHT, "caveats:", "cavets:", "cavets:",
            ("unknown field 'cavets'", "did you mean 'caveats'?")),
    Mistake("unknown answer id", STATEMENTS, "answers: [silver]", "answers: [silvr]", "[silvr]",
            ("unknown answer 'silvr' for the factor 'glimmer-colour'", "did you mean 'silver'?", "gold, silver")),
    Mistake("unknown factor id", STATEMENTS, "factor: glimmer-colour", "factor: glimmer-color", "glimmer-color",
            ("unknown factor 'glimmer-color'", "did you mean 'glimmer-colour'?")),
    Mistake("unknown treatment id", STATEMENTS, "about: [moonlight-therapy, humming]",
            "about: [moonlight-therapy, hummming]", "hummming",
            ("unknown treatment 'hummming'", "did you mean 'humming'?")),
    Mistake("duplicate id", f"{TOPIC}/factors.yaml", "  - id: bedtime",
            "  - id: glimmer-colour  # repeated\n    question: Again?\n    importance: main\n"
            "    explanation: [Again.]\n    values: [{id: again, label: Again, title: If again}]\n  - id: bedtime",
            "# repeated", ("duplicate factor id 'glimmer-colour'", "factors.yaml:3")),
    Mistake("date that is not a date", f"{TOPIC}/topic.yaml", "last_reviewed: 2026-01-15",
            "last_reviewed: 2026-02-30", "last_reviewed", ("not a real date: '2026-02-30'", "YYYY-MM-DD")),
    # Python reads '20260115' as a date too; the schema wants YYYY-MM-DD, and the fast check must not wave it through.
    Mistake("date without hyphens", f"{TOPIC}/topic.yaml", "last_reviewed: 2026-01-15",
            "last_reviewed: '20260115'", "last_reviewed", ("not a real date: '20260115'", "YYYY-MM-DD")),
    Mistake("field given twice", HUMMING, "name: Humming\n", "name: Humming\nname: Humming again\n",
            "Humming again", ("the field 'name' is given twice (first on line 3)",)),
    Mistake("id that does not match its file", HUMMING, "id: humming", "id: humm", "id: humm",
            ("does not match the file name 'humming.yaml'",)),
    Mistake("treatment file not listed in the topic", f"{TOPIC}/topic.yaml", "  - humming\n", "", "treatments:",
            ("'humming.yaml' is not listed in 'treatments'", "add '- humming'")),
    Mistake("id that is a list", f"{TOPIC}/factors.yaml", "      - id: gold", "      - id: []", "id: []",
            ("'factors' → item 1 → 'values' → item 2 → 'id' should be text, not a list",)),
    Mistake("treatment listed as a list", f"{TOPIC}/topic.yaml", "  - moonlight-therapy\n",
            "  - [moonlight-therapy]\n", "[moonlight-therapy]",
            ("'treatments' → item 1 should be text, not a list",)),
    Mistake("invalid id", HUMMING, "id: humming", "id: Humming Tune", "id: Humming",
            ("'id' 'Humming Tune' is not a valid id", "humming-tune")),
]


def reported(content: Path) -> str:
    """Every mistake the judge finds, as `make check` and the build print them."""
    plan = plan_for(content, judge_text=False)
    return ContentErrors(plan.errors).report() if plan.errors else ""


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_content_mistake_is_named_with_file_line_and_hint(example_copy, mistake):
    line = mistake.plant(example_copy)
    output = reported(example_copy)
    location = f"{example_copy / mistake.file}:{line}"
    report = [l for l in output.splitlines() if location in l]
    assert report, f"no message names {location}:\n{output}"
    for phrase in mistake.says:
        assert any(phrase in l for l in report), f"'{phrase}' not in:\n{output}"


def test_every_mistake_is_reported_in_one_run(example_copy):
    by_name = {m.name: m for m in MISTAKES}
    planted = [by_name[name] for name in ("unknown field (a typo)", "unknown answer id", "unknown treatment id",
                                          "duplicate id", "wrong type", "date that is not a date")]
    for mistake in planted:
        mistake.plant(example_copy)
    output = reported(example_copy)
    assert f"{len(planted)} content mistakes found" in output
    for mistake in planted:
        assert mistake.says[0] in output


def test_a_stray_file_is_reported_rather_than_ignored(example_copy):
    (example_copy / TOPIC / "treatments" / "extra.yml").write_text("id: extra\n")
    assert "extra.yml: this file is not read by the site (rename it to extra.yaml)" in reported(example_copy)


# The build prints the same, stops, and leaves no site -------------------------------------------------------

@pytest.mark.build
def test_the_build_stops_with_the_same_list_and_leaves_no_site(example_copy, tmp_path):
    by_name = {m.name: m for m in MISTAKES}
    for name in ("unknown answer id", "yaml syntax error", "field given twice"):
        by_name[name].plant(example_copy)
    expected = reported(example_copy)
    site_dir = tmp_path / "site"
    result = mkdocs_build(site_dir, example_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert not (site_dir / "index.html").exists(), "a failed build must not leave a site behind"
    assert all(line.strip() in output for line in expected.splitlines()), output
