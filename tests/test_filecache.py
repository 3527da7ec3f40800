"""Background work (guongsang.filecache.Background): every job done, in order, by workers that give way."""

from __future__ import annotations

import os

from guongsang.filecache import Background


def _niceness(job: int) -> tuple[int, int, int]:
    return job, os.getpid(), os.nice(0)


def test_background_jobs_run_in_order_in_workers_at_the_lowest_priority():
    jobs = list(range(64))
    results = Background(_niceness, jobs).result()
    assert [job for job, _, _ in results] == jobs
    assert os.getpid() not in {pid for _, pid, _ in results}
    assert {niceness for _, _, niceness in results} == {19}
    assert os.nice(0) < 19  # the caller keeps its own priority


def test_a_few_jobs_run_in_the_caller():
    assert Background(_niceness, [1, 2, 3]).result() == [(n, os.getpid(), os.nice(0)) for n in (1, 2, 3)]
