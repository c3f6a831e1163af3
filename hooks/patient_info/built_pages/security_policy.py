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
  its policy names `file:` beside it. Search from file:// runs in a frame that iframe-worker (the copy's
  assets/offline/iframe-worker.js) writes with an inline script of its own, made in the browser from two of the
  shim's functions and the page's search worker address: that script is put together here the same way, and
  its hash added to the page's policy (offline_worker_script).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

# An inline script is one without src; JSON data blocks (type="application/json", "application/ld+json") are
# not run, so a policy does not govern them and they need no hash.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUN_TYPES = ("", "text/javascript", "module", "application/javascript")
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
# The page's search worker, as the theme's configuration names it; the offline copy's shim starts it in a frame.
_SEARCH_WORKER = re.compile(r'<script id="__config" type="application/json">[^<]*?"search": ("[^"]*")')
_FRAME_SCRIPT = re.compile(r"document\.write\(`<html><body><script>(.*?)<\\/script>", re.S)

HEADERS_FILE = "_headers"
EMBED_FOLDER = "embed"
REFERRER_POLICY = "same-origin"  # a page's address names a patient's condition: never sent to another site


class NoHead(Exception):
    """A page without <head>: it cannot carry a policy."""


def with_policy(html: str, *, preview: bool = False, offline_worker: Path | None = None) -> str:
    """The page with its policy as the first thing in <head> after the character set. `offline_worker`: in the
    offline copy, iframe-worker's shim, whose frame script the policy must allow."""
    policy = page_policy(html, preview=preview, offline_worker=offline_worker)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise NoHead("a page has no <head>, so it cannot carry its Content Security Policy")
    return html[:anchor.end()] + meta + html[anchor.end():]


def page_policy(html: str, *, preview: bool = False, offline_worker: Path | None = None) -> str:
    self_ = "'self' file:" if offline_worker else "'self'"
    inline = inline_scripts(html)
    if offline_worker and _SEARCH_WORKER.search(html):
        inline.append(offline_worker_script(_shim(offline_worker), json.loads(_SEARCH_WORKER.search(html).group(1))))
    scripts = "'unsafe-inline'" if preview else " ".join(_hashes(inline))
    styles = " ".join(_hashes(match.group(1) for match in _STYLE.finditer(html)))
    directives = [
        f"default-src {self_}",
        # Pagefind, the site's search, runs its index reader as WebAssembly, which a policy allows only by name.
        f"script-src {self_} 'wasm-unsafe-eval' {scripts}".rstrip(),
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


class ShimChanged(Exception):
    """iframe-worker's shim no longer writes its frame the way offline_worker_script reads it."""


def offline_worker_script(shim: str, worker: str) -> str:
    """The inline script iframe-worker's shim (1.0.4, pinned by package-lock.json) writes into its frame for the
    search worker at `worker`: `postMessage=${c};importScripts=${d};…{filename:"${e}",…}`, where c and d are
    two of the shim's functions (as their source text) and e the worker's address as the page gives it."""
    written = _FRAME_SCRIPT.search(shim)
    if written is None:
        raise ShimChanged("iframe-worker's shim no longer writes its frame with document.write: review "
                          "built_pages/security_policy.py offline_worker_script against the new version")
    return re.sub(r"\$\{(\w+)\}", lambda name: _function_source(shim, name.group(1)) or worker, written.group(1))


def _function_source(shim: str, name: str) -> str | None:
    start = shim.find(f"function {name}(")
    if start < 0:
        return None
    depth = 0
    for end in range(shim.index("{", start), len(shim)):
        depth += {"{": 1, "}": -1}.get(shim[end], 0)
        if depth == 0:
            return shim[start:end + 1]
    raise ShimChanged(f"iframe-worker's shim: the function {name} does not end")


@cache
def _shim(path: Path) -> str:
    return path.read_text("utf-8")


def _hashes(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(_hash(text) for text in texts))


# Every page carries the theme's same few start-up scripts and styles: each is hashed once per build.
@lru_cache(maxsize=1024)
def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


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
        path = f"/{name}/*" if is_folder else f"/{name}"
        rules.append((path, [f"Content-Security-Policy: frame-ancestors {ancestors}"]))
    return "".join(f"{path}\n" + "".join(f"  {header}\n" for header in headers) for path, headers in rules)
