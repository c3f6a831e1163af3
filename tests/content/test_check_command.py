"""`make check` (the `patient-info check` command) validates content without building the site."""

import subprocess

from conftest import ROOT

CHECK = [str(ROOT / ".venv" / "bin" / "patient-info"), "check"]


def test_valid_content_passes(example_copy):
    result = subprocess.run(CHECK + [str(example_copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Content is valid: 1 topic." in result.stdout


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
