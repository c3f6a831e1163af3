"""Editors get schema help in their editor, and the field reference says what the schemas say."""

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.pages.field_reference import CONTENT_FILES, fields
from patient_info.content.schemas import SCHEMA_NAMES, schema

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
CONTENT_FILES_ON_DISK = sorted((ROOT / "content").rglob("*.yaml")) + sorted(EXAMPLE_CONTENT.rglob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: true and false are booleans, and dates stay text (YAML 1.2
    has no timestamps), as the site's own loader reads them."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def schema_from_file(path: Path) -> Draft202012Validator:
    """A validator built from the schema file itself, as an editor would load it."""
    registry = Registry().with_resources(
        (schema(name)["$id"], Resource.from_contents(schema(name))) for name in SCHEMA_NAMES)
    return Draft202012Validator(json.loads(path.read_text("utf-8")), registry=registry, format_checker=FormatChecker())


@pytest.mark.parametrize("content_file", CONTENT_FILES_ON_DISK, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_content_file_names_its_schema_and_validates_against_it(content_file):
    first_line = content_file.read_text("utf-8").splitlines()[0]
    match = MODELINE.match(first_line)
    assert match, f"{content_file} does not start with a yaml-language-server modeline"
    schema_file = (content_file.parent / match.group(1)).resolve()
    assert schema_file.is_file(), f"{content_file} names a missing schema {schema_file}"
    data = yaml.load(content_file.read_text("utf-8"), Loader=EditorLoader)
    errors = [e.message for e in schema_from_file(schema_file).iter_errors(data)]
    assert errors == []


def all_properties(node, path=""):
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{path}.{name}", prop
        for key, value in node.items():
            yield from all_properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from all_properties(item, path)


@pytest.mark.parametrize("schema_name", SCHEMA_NAMES)
def test_every_schema_field_has_a_description(schema_name):
    undocumented = [path for path, prop in all_properties(schema(schema_name)) if not prop.get("description")]
    assert undocumented == []


def test_field_reference_page_lists_every_field_with_its_schema_description(real_site):
    page = real_site.page("/editors/field-reference/")
    rows = {}
    for row in page.select("table tbody tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all("td")]
        rows.setdefault(cells[0], []).append(cells[3])
    for schema_name, _ in CONTENT_FILES:
        for field in fields(schema_name):
            assert field.path in rows, f"{schema_name}: {field.path} missing from the field reference"
            assert " ".join(field.description.split()) in rows[field.path]
    top_level = {name for name, _ in CONTENT_FILES for name in schema(name)["properties"]}
    assert top_level <= set(rows)


def test_editors_pages_are_kept_out_of_the_patient_navigation(real_site):
    nav = real_site.page("/").select("nav.md-nav--primary a[href]")
    assert not [a for a in nav if "editors" in a["href"]]
    assert real_site.page("/editors/").h1.get_text(strip=True) == "Guide for editors"
