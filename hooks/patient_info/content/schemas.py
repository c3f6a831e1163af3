"""The JSON Schemas that content files are checked against, and their field descriptions."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

SCHEMA_NAMES = ("common", "site", "topic", "factors", "treatment", "statements", "source", "glossary")


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("patient_info").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def _whole_text_pattern(checker, pattern: str, instance, subschema):
    """JSON Schema's `pattern`, with a final `$` meaning the end of the text.

    Python's `$` also matches before a final newline, so "C78.7\n" passed as an ICD-10 code (and made a folder
    with a newline in its name). jsonschema-rs, like JavaScript, already reads `$` as the end.
    """
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance[:60]!r} does not match {pattern!r}")


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern)


_Validator = validators.extend(Draft202012Validator, {"pattern": _whole_text_pattern})


@cache
def validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other))) for other in SCHEMA_NAMES
    )
    return _Validator(schema(name), registry=registry, format_checker=FormatChecker())


@cache
def fast_validator(name: str) -> jsonschema_rs.Draft202012Validator:
    """A pass/fail check in native code, about 50 times faster than `validator`; it cannot list every error.

    It checks formats more strictly than `validator` (dates as YYYY-MM-DD, web addresses), so where the two
    disagree the content goes to `validator`, which decides.
    """
    registry = jsonschema_rs.Registry([(schema(other)["$id"], schema(other)) for other in SCHEMA_NAMES])
    return jsonschema_rs.Draft202012Validator(schema(name), registry=registry, validate_formats=True)
