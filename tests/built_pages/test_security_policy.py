"""The policy each page carries, computed from the page itself (built_pages/security_policy.py)."""

import base64
import hashlib

import pytest

from patient_info.built_pages.security_policy import (ShimChanged, headers_file, offline_worker_script, page_policy,
                                                      with_policy)

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>
<script type="application/ld+json">{"@type": "MedicalWebPage"}</script><script src="assets/x.js"></script>
<style>@page { margin: 1cm }</style></head><body><script>go()</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_inline_script_and_style_is_allowed_by_its_hash_and_nothing_else_inline():
    policy = page_policy(PAGE)
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha('var a = 1;')} {sha('go()')};" in policy
    assert f"style-src 'self' {sha('@page { margin: 1cm }')};" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and sha('{"@type": "MedicalWebPage"}') not in policy  # data, not script
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
        assert directive in policy


def test_the_policy_comes_first_after_the_character_set():
    html = with_policy(PAGE)
    assert html.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') < html.index("<script>")


def test_the_preview_allows_inline_scripts_for_the_servers_live_reload():
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';" in page_policy(PAGE, preview=True)


# The shape of iframe-worker 1.0.4's shim (package-lock.json), cut down; the offline copy's search test runs the real one.
SHIM = ('function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return s.map(e=>{let t=1})}'
        'var o=class{constructor(e){this.w.document.write(`<html><body><script>postMessage=${c};importScripts=${d};'
        'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:"${e}",error}))})'
        '<\\/script><script src=${e}?${+Date.now()}><\\/script></body></html>`)}}')


def test_the_offline_copy_hashes_the_frame_script_iframe_worker_writes():
    script = offline_worker_script(SHIM, "../assets/javascripts/workers/search.js")
    assert script == ('postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
                      'importScripts=function d(...s){return s.map(e=>{let t=1})};'
                      'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",'
                      '{filename:"../assets/javascripts/workers/search.js",error}))})')
    with pytest.raises(ShimChanged):
        offline_worker_script("new Worker(url)", "search.js")


def test_headers_let_any_site_frame_the_topic_cards_and_only_this_site_frame_the_rest():
    text = headers_file([("embed", True), ("about", True), ("index.html", False)])
    assert text == ("/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: same-origin\n"
                    "/\n  Content-Security-Policy: frame-ancestors 'self'\n"
                    "/about/*\n  Content-Security-Policy: frame-ancestors 'self'\n"
                    "/embed/*\n  Content-Security-Policy: frame-ancestors *\n"
                    "/index.html\n  Content-Security-Policy: frame-ancestors 'self'\n")
