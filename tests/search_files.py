"""Reading the search index Pagefind wrote into a built site: one record per page found (its fragment file)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

# Pagefind's files are gzip-compressed; a fragment starts with this signature, then its JSON.
FRAGMENT_SIGNATURE = b"pagefind_dcd"


def indexed_pages(site: Path) -> list[dict]:
    """Each page in the index: url, content (its text), meta (title, topic, also_called) and filters."""
    pages = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(FRAGMENT_SIGNATURE), fragment
        pages.append(json.loads(data[len(FRAGMENT_SIGNATURE):]))
    return pages
