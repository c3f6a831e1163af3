"""The site's hooks, each event timed: how much of a build is our hooks' own work.

The benchmark builds with a copy of mkdocs.yml that names this file instead of
hooks/site_hooks.py. Each event handler runs unchanged; the seconds spent in each
are written as JSON to the file named by PATIENT_INFO_HOOK_TIMINGS when MkDocs shuts down.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

import site_hooks  # noqa: E402

_seconds: dict[str, float] = {}


def _timed(name: str):
    handler = getattr(site_hooks, name)

    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            _seconds[name] = _seconds.get(name, 0.0) + time.perf_counter() - started
    return run


for _name in [name for name in dir(site_hooks) if name.startswith("on_") and name != "on_shutdown"]:
    globals()[_name] = _timed(_name)


def on_shutdown():
    Path(os.environ["PATIENT_INFO_HOOK_TIMINGS"]).write_text(json.dumps(_seconds), "utf-8")
