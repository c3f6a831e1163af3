"""Worker processes: for work that runs beside the build (drawing QR codes, reading pages) and for
work shared between processes (checking topics, rendering them)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
# Topics are checked and rendered on every core from this many on: below it, starting the processes
# costs more than it saves.
PARALLEL_FROM = 200
PER_TASK = 20  # processes take this many topics at a time, so that they finish together


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of processes, started as `_context` explains."""
    return ProcessPoolExecutor(workers, mp_context=_context())


def share_work(do: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], processes: int | None = None,
               per_task: int | None = None) -> list[Result]:
    """do(batch) for each run of `per_task` items (PER_TASK by default), the results joined in order, done
    by `processes` worker processes: by default one per core from PARALLEL_FROM items on, else this
    process alone.

    `map` with a chunksize hands each worker the next run of items no one has taken yet, so they
    finish together however fast each one runs. `do` and the items reach each worker once, when it
    starts, and the tasks name items by position: pickling a partial holding the site with every task
    would cost more than the work.
    """
    if processes is None:
        processes = (os.cpu_count() or 1) if len(items) >= PARALLEL_FROM else 1
    if processes <= 1 or len(items) < 2:
        return do(items)
    with ProcessPoolExecutor(processes, mp_context=_context(), initializer=_receive, initargs=(do, items)) as pool:
        return [result for results in pool.map(_do_one, range(len(items)), chunksize=per_task or PER_TASK)
                for result in results]


class WorkInBackground:
    """do(batch) for each run of `per_task` items, started at once in `processes` worker processes while the caller
    goes on; `results(run)` waits for one run's results (runs are numbered from 0, in the items' order)."""

    def __init__(self, do: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], processes: int,
                 per_task: int = PER_TASK):
        self.per_task = per_task
        self._pool = ProcessPoolExecutor(processes, mp_context=_context(), initializer=_receive, initargs=(do, items))
        self._runs = [self._pool.submit(_do_run, start, start + per_task) for start in range(0, len(items), per_task)]

    def results(self, run: int) -> list[Result]:
        return self._runs[run].result()

    def close(self) -> None:
        """Stops the work not yet started and lets the processes end (results already made are kept)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


# What a worker process was given when it started: share_work's `do` and items.
_received: dict[str, Any] = {}


def _receive(do: Callable, items: Sequence) -> None:
    _received.update(do=do, items=items)


def _do_one(index: int) -> list:
    return _received["do"](_received["items"][index:index + 1])


def _do_run(start: int, end: int) -> list:
    return _received["do"](_received["items"][start:end])


def _context() -> multiprocessing.context.BaseContext:
    """A forked worker starts at once with everything the build has loaded; when other threads run
    (`mkdocs serve`, another pool), a fork could copy a lock one of them holds, so the workers are
    started as clean processes instead ("spawn", about 0.3 s more to import and load)."""
    alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if alone else "spawn")
