"""No stage of the pipeline imports a later one: the layers contract in pyproject.toml, run by import-linter."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint(package_parent: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH comes before the editable install's path, so the copy under test is the one analysed.
    return subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          env={**os.environ, "PYTHONPATH": str(package_parent)}, cwd=package_parent,
                          capture_output=True, text=True)


def test_no_stage_imports_a_later_one():
    result = lint(ROOT / "hooks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_forward_import_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "hooks" / "patient_info", tmp_path / "patient_info")
    planted = tmp_path / "patient_info" / "model" / "paths.py"
    planted.write_text(planted.read_text("utf-8") + "\nfrom ..pages import render  # noqa: E402, F401\n", "utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "patient_info.model.paths -> patient_info.pages.render" in result.stdout


def test_the_mkdocs_hooks_import_only_the_build_layer():
    """hooks/site_hooks.py adapts MkDocs' events to patient_info.build and nothing else of the core, so that
    moving to another engine means rewriting one thin file."""
    import ast
    tree = ast.parse((ROOT / "hooks" / "site_hooks.py").read_text("utf-8"))
    core = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("patient_info")}
    core |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
             if alias.name.startswith("patient_info")}
    assert core == {"patient_info.build"}


def test_an_import_of_mkdocs_in_the_core_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "hooks" / "patient_info", tmp_path / "patient_info")
    planted = tmp_path / "patient_info" / "plan" / "settings.py"
    planted.write_text(planted.read_text("utf-8") + "\nimport mkdocs  # noqa: E402, F401\n", "utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "The core knows nothing of MkDocs or its theme BROKEN" in result.stdout
