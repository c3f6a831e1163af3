"""The JSON Schemas that content files are checked against, and their field descriptions."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_NAMES = ("common", "site", "topic", "factors", "treatment", "statements", "source", "glossary")


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("patient_info").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other))) for other in SCHEMA_NAMES
    )
    return Draft202012Validator(schema(name), registry=registry, format_checker=FormatChecker())


@cache
def fast_validator(name: str) -> jsonschema_rs.Draft202012Validator:
    """A pass/fail check in native code, about 50 times faster than `validator`; it cannot list every error.

    It checks formats more strictly than `validator` (dates as YYYY-MM-DD, web addresses), so where the two
    disagree the content goes to `validator`, which decides.
    """
    registry = jsonschema_rs.Registry([(schema(other)["$id"], schema(other)) for other in SCHEMA_NAMES])
    return jsonschema_rs.Draft202012Validator(schema(name), registry=registry, validate_formats=True)
