"""Load, validate and render one content folder with the patient_info core alone; print seconds as JSON.

Run as its own process by run.py, so its peak memory is measured apart from the benchmark's.
"""

import json
import sys
import time
from pathlib import Path

import yaml

from patient_info.content.check import check_content
from patient_info.pages.render import render_site, summary_handouts


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
    pages = render_site(result.site, summary_handouts(result.site, site_url="https://patient-info.example.org/"))
    rendered = time.perf_counter()
    print(json.dumps({"load_validate": checked - started, "render": rendered - checked, "pages": len(pages),
                      "plain_parse": plain_parse}))


# Large sites are checked in worker processes, which import this file again: only the main process runs.
if __name__ == "__main__":
    main(Path(sys.argv[1]))
