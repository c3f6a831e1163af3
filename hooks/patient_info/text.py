"""Escaping: text from YAML reaches a page as text, never as Markdown or HTML."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

# The characters Python-Markdown (with the tables extension) honours a backslash before.
_MARKDOWN_SPECIAL = str.maketrans({character: "\\" + character for character in "\\`*_{}[]()#+-.!|"})
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Markdown(Markup):
    """Markdown the renderer built itself; templates print it as it is.

    A Markup subclass so that Jinja's autoescaping, which leaves objects with
    __html__ alone, also leaves our own Markdown (and macro output) alone.
    """


def escape(value: object) -> Markdown:
    """Plain text → Markdown that shows exactly that text, on one line."""
    if hasattr(value, "__html__"):
        return value
    return _escaped(str(value))


# Pages repeat the same names and labels many times over: each text is escaped once per build.
@lru_cache(maxsize=65_536)
def _escaped(text: str) -> Markdown:
    return Markdown(html.escape(" ".join(text.split()), quote=False).translate(_MARKDOWN_SPECIAL))


def escape_inline(value: object) -> str:
    """Plain text → Markdown showing exactly that text, its spaces kept: for the parts of a sentence that
    wording puts together (a leading or trailing space separates it from the next part)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value).replace("\n", " "), quote=False).translate(_MARKDOWN_SPECIAL)


def html_text(value: object) -> Markup:
    """Plain text → HTML text, for values handed to theme templates.

    Most theme templates print values unescaped; a few apply `| e`, which leaves
    Markup alone, so the text is escaped exactly once either way.
    """
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def is_id(value: str) -> bool:
    """Lowercase letters, digits and single hyphens, to the end of the text (no final newline)."""
    return _ID.fullmatch(value) is not None


def anchor(value: str) -> Markdown:
    if not is_id(value):
        raise ValueError(f"not a valid id: {value!r}")
    return Markdown(value)


def css_string(value: object) -> Markup:
    """Plain text → the inside of a CSS string ("..."), safe in a <style> element: every character but
    letters and digits becomes a CSS escape, so no quote, backslash or "</style>" survives."""
    # Six hex digits and a space, which CSS takes as the end of the escape. Spaces are escaped too, because
    # front matter folds runs of spaces into one.
    return Markup("".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x} "
                          for c in " ".join(str(value).split())))
