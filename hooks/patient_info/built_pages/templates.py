"""The HTML templates in templates/, for what is added to built pages: one environment for the folder."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def html_template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader(__package__, "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
