"""Worker processes for work that can run beside the build: checking topics, drawing QR codes, reading pages."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of processes. A forked worker starts at once with everything the build has loaded; when
    other threads run (`mkdocs serve`, another pool), a fork could copy a lock one of them holds, so the
    workers are started as clean processes instead ("spawn", about 0.3 s more to import and load)."""
    alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork" if alone else "spawn"))
