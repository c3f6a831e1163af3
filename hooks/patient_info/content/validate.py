"""Checks content against its schemas and its cross-references, returning every mistake found."""

from __future__ import annotations

import difflib
from typing import Any, Iterable

from jsonschema import ValidationError

from ..text import is_id

from ..errors import ContentError
from .load import Document
from .schemas import fast_validator, validator

_TYPE_NAMES = {
    "string": "text", "array": "a list", "object": "a set of 'field: value' lines",
    "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty",
}


def check_schema(document: Document, schema_name: str) -> list[ContentError]:
    if is_valid_fast(document.data, schema_name):
        return []
    errors = list(validator(schema_name).iter_errors(document.data))
    misspelt = {(tuple(e.absolute_path), name) for e in errors for name in _misspelt_fields(e)}
    # A misspelt field is one mistake: report the unknown name, not also the "missing" field it was meant to be.
    return [_schema_error(document, error) for error in errors
            if not (error.validator == "required" and (tuple(error.absolute_path), _missing(error)) in misspelt)]


def is_valid_fast(data: Any, schema_name: str) -> bool:
    """The common case, valid content, decided by the compiled schema; any doubt goes to the full validator."""
    try:
        return fast_validator(schema_name).is_valid(data)
    except Exception:  # noqa: BLE001 - data it cannot take (a number too large, say) only means "ask the full validator"
        return False


def _missing(error: ValidationError) -> str:
    return error.message.split("'")[1]


def _misspelt_fields(error: ValidationError) -> list[str]:
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    allowed = list(error.schema.get("properties", {}))
    unknown = [key for key in error.instance if key not in allowed]
    return [match for key in unknown for match in difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)]


def _schema_error(document: Document, error: ValidationError) -> ContentError:
    path = tuple(error.absolute_path)
    field = _field_name(path)
    kind = error.validator
    if kind == "required":
        missing = _missing(error)
        hint = _describe(error.schema.get("properties", {}).get(missing))
        return document.error(path, f"{field or 'the file'} is missing the required field '{missing}'",
                              f"add '{missing}:'" + (f" — {hint}" if hint else ""))
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = [key for key in error.instance if key not in allowed]
        name = unknown[0] if unknown else "?"
        return document.error(path + (name,), f"unknown field '{name}'" + (f" in {field}" if field else ""),
                              _closest_hint(name, allowed, "allowed fields"), key=True)
    if kind == "type":
        expected = _TYPE_NAMES.get(error.validator_value, error.validator_value)
        return document.error(path, f"{field or 'the file'} should be {expected}, not {_describe_value(error.instance)}",
                              _quote_hint(error.instance, expected) or _describe(error.schema)
                              or f"write {expected} here")
    if kind == "maxLength":
        return document.error(path, f"{field} is too long: {len(error.instance):,} characters, where the limit is "
                                    f"{error.validator_value:,}", "shorten it, or split it into shorter items")
    if kind == "enum":
        options = [str(option) for option in error.validator_value]
        return document.error(path, f"{field} is {_shown(error.instance)}, which is not an allowed value",
                              _closest_hint(str(error.instance), options, "allowed values"))
    if kind == "anyOf" and all(set(option) == {"required"} for option in error.validator_value):
        options = [name for option in error.validator_value for name in option["required"]]
        return document.error(path, f"{field} needs one of the fields {' or '.join(repr(o) for o in options)}",
                              _describe(error.schema) or f"add '{options[0]}:'")
    if kind == "format" and error.validator_value == "date":
        return document.error(path, f"{field} is not a real date: {_shown(error.instance)}",
                              "write the date as YYYY-MM-DD, for example 2026-11-28")
    if kind == "pattern" and "a-z0-9" in error.validator_value:
        return document.error(path, f"{field} {_shown(error.instance)} is not a valid id",
                              f"use lowercase letters, digits and hyphens, for example '{_suggest_id(error.instance)}'")
    if kind in ("minLength", "pattern") and error.validator_value in (1, "\\S"):
        return document.error(path, f"{field} is empty", _describe(error.schema) or "write some text here")
    if kind == "minItems":
        return document.error(path, f"{field} needs at least {error.validator_value} item(s)",
                              _describe(error.schema) or "add an item starting with '- '")
    if kind == "pattern":
        return document.error(path, f"{field} {_shown(error.instance)} is not written the right way",
                              _describe(error.schema) or "check how this value should be written")
    return document.error(path, f"{field or 'the file'} is not allowed here: {_shown(error.instance)}",
                          _describe(error.schema))


def _shown(value: Any) -> str:
    """A value as a message quotes it: in quotes, with line breaks shown, and cut short when long."""
    text = str(value)
    shown = text[:60].replace("\n", "\\n")
    return f"'{shown}…' ({len(text):,} characters)" if len(text) > 60 else f"'{shown}'"


def _quote_hint(value: Any, expected: str) -> str:
    """Where YAML read text as something else: yes, no, on and off are true or false; 5550199 is a number."""
    if expected != "text" or not isinstance(value, (bool, int, float)) or value is None:
        return ""
    return "put the text in quotes, for example 'no', so that YAML does not read it as true, false or a number"


def _field_name(path: tuple) -> str:
    parts = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"item {part + 1}")
        else:
            parts.append(f"'{part}'")
    return " → ".join(parts)


def _describe(subschema: dict | None) -> str:
    return (subschema or {}).get("description", "")


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {_shown(value)[1:-1]}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is None:
        return "empty"
    return _shown(value)


def _suggest_id(value: Any) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in str(value).lower()).split()
    return "-".join(words) or "my-id"


def _closest_hint(value: str, options: Iterable[str], what: str) -> str:
    options = list(options)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    listed = f"{what}: {', '.join(options)}"
    return f"did you mean '{close[0]}'? {listed}" if close else listed


def unknown_reference(document: Document, path: tuple, kind: str, value: str, valid: Iterable[str],
                      *, context: str = "") -> ContentError:
    # Only valid ids are offered: an id that breaks the pattern is reported where it is defined.
    valid = sorted(v for v in valid if isinstance(v, str) and is_id(v))
    return document.error(path, f"unknown {kind} {_shown(value)}{context}", _closest_hint(value, valid, f"valid {kind} ids"))


def check_unique(documents_and_paths: Iterable[tuple[Document, tuple, str]], kind: str) -> list[ContentError]:
    """One error per repeated id, naming where it was first defined."""
    seen: dict[str, tuple[Document, tuple]] = {}
    errors = []
    for document, path, value in documents_and_paths:
        if value in seen:
            first_doc, first_path = seen[value]
            errors.append(document.error(path, f"duplicate {kind} id '{value}', already used at "
                                               f"{first_doc.path}:{first_doc.line_of(first_path)}",
                                         f"give each {kind} its own id"))
        else:
            seen[value] = (document, path)
    return errors
