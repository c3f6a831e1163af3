"""A file nested 30,000 deep is refused with a message by check, build and serve; nothing crashes.

libyaml's composer recurses in C once per level, so before the loader's pre-scan such a
file ended check, build and `mkdocs serve` with a segfault (exit 139) and no message.
"""

import os
import subprocess
import sys

from conftest import ROOT, mkdocs_build
from serving import fetch, free_port, wait_for

HUMMING = "glimmer-fever/treatments/humming.yaml"
DEEP = "id: humming\nname: " + "[" * 30_000 + "]" * 30_000 + "\n"
MESSAGE = f"{HUMMING}:2:"
SAYS = "the content is nested too deeply"


def test_check_refuses_deep_nesting_with_a_message(example_copy):
    (example_copy / HUMMING).write_text(DEEP)
    result = subprocess.run([sys.executable, "-m", "patient_info.cli", "check", str(example_copy)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1, result
    assert any(MESSAGE in line and SAYS in line for line in result.stderr.splitlines()), result.stderr


def test_build_refuses_deep_nesting_with_a_message(example_copy, tmp_path):
    (example_copy / HUMMING).write_text(DEEP)
    result = mkdocs_build(tmp_path / "site", example_copy)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert any(MESSAGE in line and SAYS in line for line in result.stderr.splitlines()), result.stderr


def test_serve_reports_deep_nesting_and_stays_up(example_copy, tmp_path):
    port = free_port()
    env = {**os.environ, "PATIENT_INFO_CONTENT": str(example_copy), "NO_MKDOCS_2_WARNING": "1"}
    log_file = tmp_path / "serve.log"
    log = log_file.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/glimmer-fever/"
    treatment = example_copy / HUMMING
    good = treatment.read_text()
    try:
        assert wait_for(lambda: fetch(url), 60), "mkdocs serve did not start:\n" + log_file.read_text()
        treatment.write_text(DEEP)
        assert wait_for(lambda: SAYS in log_file.read_text(), 60), "no message:\n" + log_file.read_text()
        assert server.poll() is None, "the server ended:\n" + log_file.read_text()
        # MkDocs holds requests while the last build failed; once the file is mended, the site is back.
        treatment.write_text(good.replace("name: Humming", "name: Humming mended"))
        assert wait_for(lambda: "Humming mended" in (fetch(url) or ""), 60), "the server did not recover:\n" + \
            log_file.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
