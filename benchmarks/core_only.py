"""Load, validate and render one content folder with the patient_info core alone; print seconds as JSON.

Run as its own process by run.py, so its peak memory is measured apart from the benchmark's.
"""

import json
import sys
import time
from pathlib import Path

from patient_info.content.check import check_content
from patient_info.pages.render import render_site, summary_handouts


def main(content: Path) -> None:
    started = time.perf_counter()
    result = check_content(content)
    checked = time.perf_counter()
    if result.errors:
        sys.exit(f"benchmark content has errors: {result.errors[:3]}")
    pages = render_site(result.site, summary_handouts(result.site, site_url="https://patient-info.example.org/"))
    rendered = time.perf_counter()
    print(json.dumps({"load_validate": checked - started, "render": rendered - checked, "pages": len(pages)}))


# Large sites are checked in worker processes, which import this file again: only the main process runs.
if __name__ == "__main__":
    main(Path(sys.argv[1]))
