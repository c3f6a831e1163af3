"""Worker processes: for work that runs beside the build (drawing QR codes, reading pages) and for
work shared between processes (checking topics, rendering them)."""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of processes, started as `_context` explains."""
    return ProcessPoolExecutor(workers, mp_context=_context())


def share_work(do: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], processes: int,
               per_task: int) -> list[Result]:
    """do(batch) for each run of `per_task` items, the results joined in order, done by this process
    and `processes - 1` others.

    Each process takes the next batch no one has taken yet, so they finish together however fast each
    one runs (a spawned worker starts late, a busy core is slower). This process's own results need no
    copying; the others' are sent back when they run out of batches.
    """
    tasks = [items[start:start + per_task] for start in range(0, len(items), per_task)]
    context = _context()
    next_task = context.Value("i", 0)
    helpers = []
    try:
        for _ in range(processes - 1):
            receiver, sender = context.Pipe(duplex=False)
            helper = context.Process(target=_help, args=(do, tasks, next_task, sender), daemon=True)
            helper.start()
            sender.close()
            helpers.append((helper, receiver))
        results = _take_tasks(do, tasks, next_task)
        for helper, receiver in helpers:
            results.update(_results_of(helper, receiver))
    except BaseException:
        for helper, _ in helpers:  # their results are no longer wanted
            helper.terminate()
        raise
    finally:
        for helper, receiver in helpers:
            helper.join()
            receiver.close()
    return [result for index in range(len(tasks)) for result in results[index]]


def _results_of(helper: multiprocessing.process.BaseProcess, receiver) -> dict:
    try:
        theirs = receiver.recv()
    except EOFError:
        helper.join()  # for its exit code
        raise RuntimeError(f"a worker process stopped (exit code {helper.exitcode})") from None
    if isinstance(theirs, BaseException):
        raise theirs
    return {index: pickle.loads(result) for index, result in theirs.items()}


def _take_tasks(do: Callable[[Sequence[Item]], Any], tasks: list[Sequence[Item]], next_task) -> dict[int, Any]:
    done = {}
    while True:
        with next_task.get_lock():
            index = next_task.value
            next_task.value += 1
        if index >= len(tasks):
            return done
        done[index] = do(tasks[index])


def _help(do: Callable[[Sequence[Item]], list[Result]], tasks: list[Sequence[Item]], next_task, sender) -> None:
    """Each result is pickled as soon as it is made, while the others still work: when the tasks run
    out, only bytes are left to send, and the main process waits for less."""
    try:
        sender.send(_take_tasks(lambda task: pickle.dumps(do(task), pickle.HIGHEST_PROTOCOL), tasks, next_task))
    except BaseException as error:  # noqa: BLE001 - the main process raises it
        sender.send(error)


def _context() -> multiprocessing.context.BaseContext:
    """A forked worker starts at once with everything the build has loaded; when other threads run
    (`mkdocs serve`, another pool), a fork could copy a lock one of them holds, so the workers are
    started as clean processes instead ("spawn", about 0.3 s more to import and load)."""
    alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if alone else "spawn")
