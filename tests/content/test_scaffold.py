"""`patient-info new`: a new topic and treatment are written with placeholders that stop the check until filled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, build_or_fail, main_text
from patient_info.cli import main
from patient_info.content.check import check_content

TOPIC, TREATMENT = "star-fever", "star-gazing"


@pytest.fixture
def scaffolded(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    assert main(["new", "topic", TOPIC, "--content", str(content)]) == 0
    assert main(["new", "treatment", TOPIC, TREATMENT, "--content", str(content)]) == 0
    return content


def test_every_placeholder_of_a_new_topic_and_treatment_is_a_mistake_at_its_line(scaffolded):
    folder = scaffolded / TOPIC
    errors = check_content(scaffolded).errors
    placeholders = {(error.file, error.line) for error in errors if error.message.startswith("still a placeholder")}
    marked = {(str(path), number) for path in folder.rglob("*.yaml")
              for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if "FILL IN" in line}
    assert placeholders == marked and len(marked) >= 20
    assert all(str(folder) in error.file for error in errors)  # the example topic beside it is untouched
    for path in folder.rglob("*.yaml"):
        assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=")
        assert yaml.safe_load(path.read_text("utf-8"))  # every file loads


def test_the_new_treatment_is_listed_in_the_topic_and_has_a_statement_about_it(scaffolded):
    topic = yaml.safe_load((scaffolded / TOPIC / "topic.yaml").read_text("utf-8"))
    assert topic["treatments"] == [TREATMENT]
    statements = yaml.safe_load((scaffolded / TOPIC / "statements.yaml").read_text("utf-8"))["statements"]
    assert [s["about"] for s in statements if "about" in s] == [[TREATMENT]]


def test_new_never_overwrites_a_file(scaffolded, capsys):
    treatment = scaffolded / TOPIC / "treatments" / f"{TREATMENT}.yaml"
    treatment.write_text(treatment.read_text("utf-8").replace("FILL IN: the name of the treatment", "Star gazing"))
    before = {path: path.read_text("utf-8") for path in (scaffolded / TOPIC).rglob("*.yaml")}
    assert main(["new", "treatment", TOPIC, TREATMENT, "--content", str(scaffolded)]) == 1
    assert main(["new", "topic", TOPIC, "--content", str(scaffolded)]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert {path: path.read_text("utf-8") for path in (scaffolded / TOPIC).rglob("*.yaml")} == before


def test_an_id_that_is_not_an_id_is_refused(tmp_path, capsys):
    assert main(["new", "topic", "Star_Fever", "--content", str(tmp_path)]) == 1
    assert "is not a topic id" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.build
def test_a_filled_topic_passes_the_check_and_builds(scaffolded, tmp_path):
    _fill(scaffolded / TOPIC)
    result = check_content(scaffolded)
    assert result.errors == [] and result.unexplained == []
    site = build_or_fail(tmp_path / "site", scaffolded)
    assert "Star gazing means looking at the stars." in main_text(site.page(f"/{TOPIC}/treatments/{TREATMENT}/"))


def _fill(folder: Path) -> None:
    """An editor's work: every placeholder replaced (made-up test data, not medical information)."""
    aim, gazing = "Treatment for star fever aims to stop the shine.", "Star gazing means looking at the stars."
    _edit(folder / "topic.yaml", title="Star fever", summary="These pages are about star fever.",
          codes={"icd10": ["Z99.8"], "snomed": ["999999998"]}, caveats=[{"text": "Star fever is made up."}],
          questions=["Is star fever real?"], review_by="the test suite")
    _edit(folder / "factors.yaml", factors=[{"id": "star-colour", "question": "What colour is the star?",
                                             "importance": "main", "explanation": ["The colour decides."],
                                             "values": [{"id": "white", "label": "White", "title": "If the star is white"}]}])
    _edit(folder / "sources" / "main-source.yaml", publisher="The test suite", title="Star fever, made up",
          text=f"{aim}\n{gazing}\n")
    statements = yaml.safe_load((folder / "statements.yaml").read_text("utf-8"))["statements"]
    for statement, text in zip(statements, (aim, gazing)):
        statement["text"], statement["source"]["quotes"] = text, [text]
    _edit(folder / "statements.yaml", statements=statements)
    _edit(folder / "treatments" / f"{TREATMENT}.yaml", name="Star gazing")


def _edit(path: Path, review_by: str | None = None, **values) -> None:
    modeline, _, text = path.read_text("utf-8").partition("\n")
    data = yaml.safe_load(text)
    data.update(values)
    if review_by:
        data["review"]["reviews"][0].update(reviewer=review_by, role="Test suite")
    path.write_text(modeline + "\n" + yaml.safe_dump(data, sort_keys=False), "utf-8")
