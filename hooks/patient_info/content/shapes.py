"""Reading parsed YAML that may break its schema.

Cross-file checks run on files that failed their schema too, so that one run reports every
mistake: they read what is there through these, and skip what has the wrong shape (the schema
check has already reported it).
"""

from __future__ import annotations

from datetime import date
from typing import Any


def field_of(data: Any, key: str, kind: type) -> Any:
    """data[key] if data is a mapping and the value is of `kind`, else None."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, kind) else None


def list_of(data: Any, key: str) -> list:
    """data[key] if it is a list, else an empty one."""
    return field_of(data, key, list) or []


def numbered_mappings(data: Any, key: str) -> list[tuple[int, dict]]:
    """(position, item) for each item of the list data[key] that is a mapping: the position places messages."""
    return [(i, item) for i, item in enumerate(list_of(data, key)) if isinstance(item, dict)]


def has_id(data: Any) -> bool:
    return field_of(data, "id", str) is not None


def date_or_none(value: Any) -> date | None:
    """An ISO date, or None for anything that is not one (the schema has reported it)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
