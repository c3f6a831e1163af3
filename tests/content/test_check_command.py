"""`make check` (the `patient-info check` command) validates content without building the site."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from patient_info.content import check as check_module, files as files_module

CHECK = [str(Path(sys.executable).with_name("patient-info")), "check"]


def test_valid_content_passes(example_copy):
    result = subprocess.run(CHECK + [str(example_copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Content is valid: 1 topic, " in result.stdout


def test_a_planted_mistake_is_reported_as_path_line_column(example_copy):
    statements = example_copy / "glimmer-fever" / "statements.yaml"
    statements.write_text(statements.read_text().replace("likelihood: most-common", "likelihood: mostly"))
    line = next(n for n, text in enumerate(statements.read_text().splitlines(), 1) if "likelihood: mostly" in text)
    result = subprocess.run(CHECK + [str(example_copy)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{statements}:{line}:17: 'statements' → item 2 → 'likelihood' is 'mostly', which is not an allowed value" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_make_check_runs_on_the_real_content():
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Content is valid" in result.stdout


def test_a_folder_that_cannot_be_read_is_a_message_not_a_traceback(example_copy, monkeypatch):
    # Tests may run as root, for whom no folder is unreadable: the refusal is planted where the check lists it.
    treatments = str(example_copy / "glimmer-fever" / "treatments")
    real_listdir = files_module.os.listdir

    def refuse(folder):
        if str(folder) == treatments:
            raise PermissionError(13, "Permission denied")
        return real_listdir(folder)

    monkeypatch.setattr(files_module.os, "listdir", refuse)
    result = check_module.check_content(example_copy)
    assert any(error.file.endswith("glimmer-fever/treatments") and error.message ==
               "the folder cannot be read: Permission denied" for error in result.errors), result.errors


def test_hints_offer_only_valid_ids(example_copy):
    factors = example_copy / "glimmer-fever" / "factors.yaml"
    factors.write_text(factors.read_text().replace("id: gold", "id: Gold"))
    statements = example_copy / "glimmer-fever" / "statements.yaml"
    statements.write_text(statements.read_text().replace("answers: [silver]", "answers: [gold]"))
    hints = [error.hint for error in check_module.check_content(example_copy).errors if "'gold'" in error.message]
    assert hints and all("Gold" not in hint for hint in hints), hints


def test_make_check_reads_the_folder_patient_info_content_names_as_make_build_does(example_copy):
    treatment = example_copy / "glimmer-fever" / "treatments" / "humming.yaml"
    treatment.write_text(treatment.read_text("utf-8").replace("name: Humming", "nam: Humming"), "utf-8")
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PATIENT_INFO_CONTENT": str(example_copy)}, timeout=120)
    assert result.returncode != 0
    assert f"{treatment}:3:1: unknown field 'nam'" in result.stderr
