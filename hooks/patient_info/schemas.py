"""The JSON Schemas that content files are checked against, and their field descriptions."""

from __future__ import annotations

import json
from copy import deepcopy
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_NAMES = ("common", "site", "topic", "factors", "treatment", "glossary")


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other))) for other in SCHEMA_NAMES
    )
    return Draft202012Validator(schema(name), registry=registry, format_checker=FormatChecker())


@cache
def fast_validator(name: str):
    """A compiled pass/fail check, about 40 times faster than `validator`; it cannot list every error."""
    # fastjsonschema rewrites the $refs of what it is given, so it gets copies of the shared schemas.
    return fastjsonschema.compile(deepcopy(schema(name)), handlers={"https": _schema_by_uri},
                                  formats={"date": _is_date})


def _schema_by_uri(uri: str) -> dict:
    return deepcopy(schema(uri.rsplit("/", 1)[-1].removesuffix(".schema.json")))


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
