"""`patient-info new`: the files of a new topic or treatment, with placeholders to fill in.

Copying a topic and renaming its ids by hand is where ids get missed. The scaffold writes
files that load and name their schema, with every value an editor must supply marked
FILL IN, which `make check` reports by file and line (placeholders.py) until it is replaced.
It never replaces a file that exists.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from importlib.resources import files as package_files
from pathlib import Path
from string import Template

from .files import FACTORS_FILE, SOURCES_DIR, STATEMENTS_FILE, TOPIC_FILE, TREATMENTS_DIR

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # common.schema.json's id
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
FIRST_SOURCE = "main-source"
REVIEW_EVERY_DAYS = 365


class ScaffoldRefused(Exception):
    """Nothing was written: the id is not an id, or a file or folder it would write exists."""


def new_topic(content_dir: Path, topic_id: str, *, today: date) -> list[Path]:
    """A topic folder with topic.yaml, factors.yaml, statements.yaml, sources/ and an empty treatments/."""
    _check_id(topic_id, "topic")
    folder = Path(content_dir) / topic_id
    if folder.exists():
        raise ScaffoldRefused(f"{folder} already exists; nothing was written")
    values = {"topic": topic_id, "today": today.isoformat(),
              "next_review": (today + timedelta(days=REVIEW_EVERY_DAYS)).isoformat()}
    planned = {folder / TOPIC_FILE: "topic.yaml", folder / FACTORS_FILE: "factors.yaml",
               folder / STATEMENTS_FILE: "statements.yaml", folder / SOURCES_DIR / f"{FIRST_SOURCE}.yaml": "source.yaml"}
    (folder / TREATMENTS_DIR).mkdir(parents=True)
    (folder / SOURCES_DIR).mkdir()
    for path, template in planned.items():
        _write_new(path, _fill(template, path, values))
    return [*planned, folder / TREATMENTS_DIR]


def new_treatment(content_dir: Path, topic_id: str, treatment_id: str) -> list[Path]:
    """treatments/<id>.yaml, a statement about it at the end of statements.yaml, and its id in topic.yaml."""
    _check_id(treatment_id, "treatment")
    folder = Path(content_dir) / topic_id
    if not (folder / TOPIC_FILE).is_file():
        raise ScaffoldRefused(f"there is no topic '{topic_id}' ({folder / TOPIC_FILE} is missing); "
                              f"make it first with: patient-info new topic {topic_id}")
    path = folder / TREATMENTS_DIR / f"{treatment_id}.yaml"
    if path.exists():
        raise ScaffoldRefused(f"{path} already exists; nothing was written")
    values = {"treatment": treatment_id, "source": _first_source(folder)}
    topic_text = (folder / TOPIC_FILE).read_text("utf-8")
    listed = _listed(topic_text, treatment_id)
    path.parent.mkdir(exist_ok=True)
    _write_new(path, _fill("treatment.yaml", path, values))
    with open(folder / STATEMENTS_FILE, "a", encoding="utf-8") as statements:
        statements.write(_fill("treatment-statement.yaml", path, values))
    written = [path, folder / STATEMENTS_FILE]
    if listed is not None:
        (folder / TOPIC_FILE).write_text(listed, "utf-8")
        written.append(folder / TOPIC_FILE)
    return written


def _check_id(value: str, what: str) -> None:
    if not _ID.match(value) or len(value) > 60:
        raise ScaffoldRefused(f"'{value}' is not a {what} id: use lowercase letters, digits and single hyphens, "
                              "such as liver-surgery (it becomes part of web addresses)")


def _fill(template: str, path: Path, values: dict[str, str]) -> str:
    schemas = os.path.relpath(SCHEMAS, path.parent).replace(os.sep, "/")
    text = package_files(__package__).joinpath("scaffolds", template).read_text("utf-8")
    return Template(text).substitute(values, schemas=schemas)


def _write_new(path: Path, text: str) -> None:
    with open(path, "x", encoding="utf-8") as new_file:  # "x": fails rather than replace a file
        new_file.write(text)


def _first_source(folder: Path) -> str:
    names = sorted(name for name in os.listdir(folder / SOURCES_DIR) if name.endswith(".yaml")) \
        if (folder / SOURCES_DIR).is_dir() else []
    return names[0].removesuffix(".yaml") if names else FIRST_SOURCE


def _listed(topic_text: str, treatment_id: str) -> str | None:
    """topic.yaml's text with the treatment added to `treatments:`, or None if the list is not written in a
    form this can extend (then make check names the missing entry)."""
    empty = re.search(r"^treatments:[ \t]*\[\s*\][ \t]*$", topic_text, re.MULTILINE)
    if empty:
        return topic_text[:empty.start()] + f"treatments:\n  - {treatment_id}" + topic_text[empty.end():]
    block = re.search(r"^treatments:[ \t]*\n((?:[ \t]+- .*\n)+)", topic_text, re.MULTILINE)
    if block:
        indent = re.match(r"[ \t]+", block.group(1)).group(0)
        return topic_text[:block.end()] + f"{indent}- {treatment_id}\n" + topic_text[block.end():]
    return None
