"""Work shared between processes comes back complete, in order, and with the errors it raised."""

import os
import time

import pytest

from patient_info.workers import WorkInBackground, share_work


def pause_then_name_process(tasks: list[int]) -> list[tuple[int, int]]:
    time.sleep(0.1)
    return [(task, os.getpid()) for task in tasks]


def fail_outside(main_process: list[int]) -> list[None]:
    if os.getpid() == main_process[0]:
        time.sleep(0.1)
        return [None]
    raise ValueError("a mistake in a worker")


def test_shared_work_is_done_by_two_processes_and_returned_in_order():
    results = share_work(pause_then_name_process, list(range(6)), 2, per_task=1)
    assert [task for task, _ in results] == list(range(6))
    processes = {process for _, process in results}
    assert os.getpid() not in processes and len(processes) == 2


def test_an_error_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="a mistake in a worker"):
        share_work(fail_outside, [os.getpid()] * 4, 2, per_task=1)


def test_one_process_does_all_the_work_itself():
    results = share_work(pause_then_name_process, [0, 1], 1, per_task=1)
    assert results == [(0, os.getpid()), (1, os.getpid())]


def test_items_are_handed_out_in_batches_and_come_back_in_order():
    results = share_work(pause_then_name_process, list(range(10)), 2, per_task=3)
    assert [task for task, _ in results] == list(range(10))


def test_work_in_background_gives_each_run_of_items_when_asked_in_any_order():
    work = WorkInBackground(pause_then_name_process, list(range(7)), 2, per_task=3)
    try:
        assert [task for task, _ in work.results(2)] == [6]
        assert [task for task, _ in work.results(0)] == [0, 1, 2]
        assert [task for task, _ in work.results(1)] == [3, 4, 5]
        assert os.getpid() not in {process for run in range(3) for _, process in work.results(run)}
    finally:
        work.close()


def test_an_error_in_background_work_is_raised_when_its_run_is_asked_for():
    work = WorkInBackground(fail_outside, [os.getpid()] * 2, 1, per_task=1)
    try:
        with pytest.raises(ValueError, match="a mistake in a worker"):
            work.results(1)
    finally:
        work.close()
