"""The Content Security Policy every page carries, and the headers file for static hosts.

Each built page gets a `<meta http-equiv="Content-Security-Policy">` that allows scripts and styles from the
site itself and, inline, only the exact scripts and styles this page was built with (their SHA-256 hashes,
computed here from the finished HTML): the theme's small start-up scripts and the handout's `@page` rule.
So an escaping slip that let markup through would still run no script: no inline script, event attribute or
`javascript:` link the build did not write runs.

- `style-src` lists hashes too, no 'unsafe-inline': the theme writes no style attribute in its markup and sets
  the rest through the CSS object model, which a policy does not govern.
- `img-src` adds `data:`: the theme's CSS draws its icons from data: URLs.
- A `<meta>` policy cannot say who may frame a page (`frame-ancestors`), so that is in the headers file
  (`_headers`, read by Netlify and Cloudflare Pages; the README gives nginx's lines), with
  `X-Content-Type-Options` and `Referrer-Policy`.
- The editors' preview (`make serve`) allows inline scripts: MkDocs' server adds a live-reload script to each
  page it serves, different on every build, which no hash computed at build time can match.
- The offline copy is opened from file://, where 'self' does not match the copy's own files in Chromium, so
  its policy names `file:` beside it. It allows inline scripts too: search from file:// runs in a frame that
  iframe-worker writes with an inline script of its own, made in the browser, which no hash can match. The copy
  is a folder of the same pages, opened from a disk, with no request from anyone else reaching it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

# An inline script is one without src; JSON data blocks (type="application/json", "application/ld+json") are
# not run, so a policy does not govern them and they need no hash.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUN_TYPES = ("", "text/javascript", "module", "application/javascript")
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)

HEADERS_FILE = "_headers"
EMBED_FOLDER = "embed"
REFERRER_POLICY = "same-origin"  # a page's address names a patient's condition: never sent to another site


class NoHead(Exception):
    """A page without <head>: it cannot carry a policy."""


def with_policy(html: str, *, preview: bool = False, offline: bool = False) -> str:
    """The page with its policy as the first thing in <head> after the character set."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html, preview=preview, offline=offline)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise NoHead("a page has no <head>, so it cannot carry its Content Security Policy")
    return html[:anchor.end()] + meta + html[anchor.end():]


def page_policy(html: str, *, preview: bool = False, offline: bool = False) -> str:
    self_ = "'self' file:" if offline else "'self'"
    scripts = "'unsafe-inline'" if preview or offline else " ".join(_hashes(inline_scripts(html)))
    styles = " ".join(_hashes(match.group(1) for match in _STYLE.finditer(html)))
    directives = [
        f"default-src {self_}",
        f"script-src {self_} {scripts}".rstrip(),
        f"style-src {self_} {styles}".rstrip(),
        f"img-src {self_} data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run."""
    found = []
    for match in _INLINE_SCRIPT.finditer(html):
        kind = _SCRIPT_TYPE.search(match.group(1))
        if (kind.group(1).lower() if kind else "") in _RUN_TYPES:
            found.append(match.group(2))
    return found


def _hashes(texts: Iterable[str]) -> list[str]:
    seen = dict.fromkeys(f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
                         for text in texts)
    return list(seen)


def protect_file(path: str, content, **policy):
    """A generated file as it is published: an HTML file (forwarding pages, topic cards) with its policy."""
    return with_policy(content, **policy) if path.endswith(".html") and isinstance(content, str) else content


def write_headers_file(site_dir: Path) -> None:
    entries = [(entry.name, entry.is_dir()) for entry in os.scandir(site_dir)]
    (site_dir / HEADERS_FILE).write_text(headers_file(entries), "utf-8")


def headers_file(top_level: Iterable[tuple[str, bool]]) -> str:
    """`_headers` for a site folder whose top-level entries are `top_level` (name, is a folder).

    Netlify and Cloudflare Pages apply every rule that matches a path and join the values of a header set
    twice, so a rule for /* and another for /embed/* that both set Content-Security-Policy would both hold
    and the stricter would win: each top-level name gets its own rule instead, and only the headers that are
    the same for every page are set for /*.
    """
    rules = [("/*", ["X-Content-Type-Options: nosniff", f"Referrer-Policy: {REFERRER_POLICY}"]),
             ("/", ["Content-Security-Policy: frame-ancestors 'self'"])]
    for name, is_folder in sorted(top_level):
        if name == HEADERS_FILE:
            continue
        ancestors = "*" if name == EMBED_FOLDER else "'self'"  # the topic cards are made for other sites' pages
        rules.append((f"/{name}/*" if is_folder else f"/{name}", [f"Content-Security-Policy: frame-ancestors {ancestors}"]))
    return "".join(f"{path}\n" + "".join(f"  {header}\n" for header in headers) for path, headers in rules)
