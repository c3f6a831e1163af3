"""Load, validate and plan one content folder with the patient_info core alone; print seconds as JSON.

Run as its own process by run.py, so its peak memory is measured apart from the benchmark's.
"""

import json
import sys
import time
from pathlib import Path

import yaml

from datetime import date

from patient_info.content.check import check_content
from patient_info.plan import make_plan
from patient_info.plan.settings import Settings


def plain_parse_seconds(content: Path) -> float:
    """Every content file parsed by libyaml in this one process, with nothing else done: the yardstick that
    load + validate is compared with, so that its budget holds on a faster or slower machine."""
    texts = [path.read_text("utf-8") for path in sorted(content.rglob("*.yaml"))]  # read once: no disk in the timing
    started = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def main(content: Path) -> None:
    plain_parse = plain_parse_seconds(content)
    started = time.perf_counter()
    result = check_content(content)
    checked = time.perf_counter()
    if result.errors:
        sys.exit(f"benchmark content has errors: {result.errors[:3]}")
    # The whole plan, as a build makes it (the text is judged on the HTML MkDocs makes): loading again included,
    # so "render" is the plan's time less load + validate.
    settings = Settings(content_dir=content, site_url="https://patient-info.example.org/",
                        cache_dir=content.parent / "cache", today=date.today())
    plan = make_plan(settings, judge_text=False)
    planned = time.perf_counter()
    print(json.dumps({"load_validate": checked - started, "render": planned - checked - (checked - started),
                      "pages": len(plan.pages), "plain_parse": plain_parse}))


# Large sites are checked in worker processes, which import this file again: only the main process runs.
if __name__ == "__main__":
    main(Path(sys.argv[1]))
