"""`mkdocs serve` rebuilds when a content file changes, so editors see their edit."""

import os
import subprocess
import sys

from conftest import ROOT
from serving import fetch, free_port, wait_for


def test_serve_rebuilds_when_a_content_file_changes(example_copy, tmp_path):
    port = free_port()
    env = {**os.environ, "PATIENT_INFO_CONTENT": str(example_copy), "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/glimmer-fever/treatments/humming/"
    try:
        assert wait_for(lambda: fetch(url), 60), "mkdocs serve did not start:\n" + (tmp_path / "serve.log").read_text()
        statements = example_copy / "glimmer-fever" / "statements.yaml"
        old = "    text: Humming is the most common treatment for glimmer fever."
        assert old in statements.read_text()
        statements.write_text(statements.read_text().replace(old, old + " It is a brand new tune."))
        assert wait_for(lambda: "brand new tune" in (fetch(url) or ""), 60), "the page was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
