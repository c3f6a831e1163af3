"""What the editors' field reference lists (templates/field-reference.md.j2), taken from the JSON Schemas so
that it cannot drift from them."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.schemas import schema

# The content files editors write, in the order the guide explains them.
CONTENT_FILES = (
    ("site", "content/site.yaml"),
    ("glossary", "content/glossary.yaml"),
    ("topic", "content/<topic>/topic.yaml"),
    ("factors", "content/<topic>/factors.yaml"),
    ("statements", "content/<topic>/statements.yaml"),
    ("treatment", "content/<topic>/treatments/<id>.yaml"),
    ("source", "content/<topic>/sources/<id>.yaml"),
)


@dataclass(frozen=True)
class Field:
    path: str
    required: bool
    kind: str
    description: str


def fields(schema_name: str) -> list[Field]:
    """Every field of a content file, depth first, with its dotted path (lists shown as `[]`)."""
    return list(_walk(schema(schema_name), schema_name, prefix=""))


@dataclass(frozen=True)
class ContentFile:
    location: str
    description: str
    fields: list[Field]


def content_files() -> list[ContentFile]:
    return [ContentFile(location, schema(schema_name).get("description", ""), fields(schema_name))
            for schema_name, location in CONTENT_FILES]


def _walk(node: dict, schema_name: str, prefix: str, seen: frozenset[str] = frozenset()):
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        target, home = _resolve(prop, schema_name)
        yield Field(path, name in required, _kind(target, home), prop.get("description") or target.get("description", ""))
        yield from _children(target, home, path, _followed(seen, prop))


def _children(node: dict, schema_name: str, path: str, seen: frozenset[str]):
    if node.get("type") == "object":
        yield from _walk(node, schema_name, f"{path}.", seen)
    elif node.get("type") == "array":
        items, home = _resolve(node.get("items", {}), schema_name)
        if items.get("type") == "object" and node.get("items", {}).get("$ref") not in seen:
            yield from _walk(items, home, f"{path}[].", _followed(seen, node.get("items", {})))
    # A choice of shapes (a statement's conditions): each shape's fields, each shape once per branch,
    # as a condition may hold conditions.
    for option in node.get("oneOf", []):
        if option.get("$ref") not in seen:
            shape, home = _resolve(option, schema_name)
            yield from _walk(shape, home, f"{path}.", _followed(seen, option))


def _followed(seen: frozenset[str], node: dict) -> frozenset[str]:
    return seen | {node["$ref"]} if "$ref" in node else seen


def _resolve(node: dict, schema_name: str) -> tuple[dict, str]:
    """Follow a $ref to its definition (and the schema it lives in), keeping the referring node's own keys."""
    ref = node.get("$ref")
    if not ref:
        return node, schema_name
    file, _, pointer = ref.partition("#")
    home = file.removesuffix(".schema.json") if file else schema_name
    target = schema(home)
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return _resolve({**target, **{k: v for k, v in node.items() if k != "$ref"}}, home)


def _kind(node: dict, schema_name: str) -> str:
    if "enum" in node:
        return "one of: " + ", ".join(str(value) for value in node["enum"])
    kind = node.get("type", "")
    if kind == "array":
        items, _ = _resolve(node.get("items", {}), schema_name)
        return f"list (each: {_kind(items, schema_name)})"
    if node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if node.get("pattern", "").startswith("^[a-z0-9]"):
        return "id"
    if "oneOf" in node:
        return "one of the shapes below"
    return {"string": "text", "object": "fields", "integer": "number"}.get(kind, kind or "any")
