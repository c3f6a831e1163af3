"""The one way templates are made: a Jinja environment per template folder and output, with the site's wording.

Two outputs, each escaped by default:
- Markdown pages: every value is escaped so that it shows exactly as typed (text.escape); helpers that
  build Markdown themselves return `Markdown`, which passes unchanged.
- HTML files (cards, forwarding pages, the editors' preview): HTML autoescaping.
Templates say the site's own words through `_("...", name=value)`: the words are looked up in the
site's language (wording/), and the values escaped like any other.
"""

from __future__ import annotations

import html
from functools import cache, lru_cache

import jinja2
from markupsafe import Markup

from .text import Markdown, escape, escape_inline
from .wording import Wording, wording as wording_for


@cache
def environment(package: str, folder: str, *, markdown: bool, language: str = "en") -> jinja2.Environment:
    """The environment for one folder of templates, made once per process."""
    options = dict(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=True,
                   undefined=jinja2.StrictUndefined)
    env = jinja2.Environment(loader=jinja2.PackageLoader(package, folder),
                             **({"finalize": escape} if markdown else {}), **options)
    words = wording_for(language)
    env.globals["_"] = _markdown_words(words) if markdown else _html_words(words)
    env.globals["wording"] = words
    env.filters["date"] = words.date
    return env


def html_words(language: str = "en"):
    """`_("...", name=value)` for HTML written elsewhere (the theme's templates): the site's words, each value
    escaped, as Markup."""
    return _html_words(wording_for(language))


def _markdown_words(words: Wording):
    # Every page of a topic says the same messages with the same values: each is put together once. The key
    # names each value's type, because a value that is already Markdown passes unescaped and a str equal to it
    # does not.
    @lru_cache(maxsize=65_536)
    def composed(message: str, values: tuple[tuple[str, type, object], ...]) -> Markdown:
        return Markdown(words.compose(message, _markdown_part, **{name: value for name, _, value in values}))

    def say(message: str, /, **values: object) -> Markdown:
        try:
            return composed(message, tuple((name, type(value), value) for name, value in values.items()))
        except TypeError:  # a value that cannot be a key (none of the templates' values today)
            return Markdown(words.compose(message, _markdown_part, **values))
    return say


def _html_words(words: Wording):
    def say(message: str, /, **values: object) -> Markup:
        return Markup(words.compose(message, _html_part, **values))
    return say


def _markdown_part(value: object) -> str:
    """A part of a message: the message's own words keep their spaces; a value is escaped as usual."""
    return escape_inline(value)


def _html_part(value: object) -> str:
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value), quote=True)
