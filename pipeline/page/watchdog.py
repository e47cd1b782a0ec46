"""A per-page time budget: a page that parses or extracts for too long is stopped, not waited for.

A regular expression that backtracks badly runs in C and cannot be
interrupted from inside its process, so each batch runs in a worker process
that tells the parent which page it is on and since when (a few shared bytes).
The parent kills a worker whose page has run past the budget, quarantines that
page with the reason, and runs the batch again without it. Extraction runs
over a whole batch at once; when that runs past the budget for all its pages,
the batch is run again page by page, so the page can be named. Workers die
with the build (:mod:`pipeline.page.die_with_parent`): a killed build leaves
none writing stores.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import multiprocessing.connection
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.page.die_with_parent import die_with_parent, worker_context

SLOT = 2048  # bytes of the shared "what am I doing" slot of each worker


@dataclass
class _Job:
    root: Path
    work: Path
    batch: str
    paths: list[str]
    skip: dict[str, str] = field(default_factory=dict)
    one_by_one: bool = False
    build_pid: int = field(default_factory=os.getpid)


def _work(job: _Job, slot, started, sender) -> None:
    die_with_parent(job.build_pid)
    from pipeline.page.batches import process_batch

    def watch(what: str) -> None:
        encoded = what.encode("utf-8", "backslashreplace")[: SLOT - 1]
        with slot.get_lock():
            slot.raw = encoded + b"\0" * (SLOT - len(encoded))
            started.value = time.monotonic()

    import dataclasses
    import resource

    try:
        stats = process_batch(job.root, job.work, job.batch, job.paths, skip=job.skip, watch=watch, one_by_one=job.one_by_one)
        stats = dataclasses.replace(stats, peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    except Exception as err:  # the parent says which batch failed and why, instead of waiting on a closed pipe
        sender.send(WorkerFailed(f"{type(err).__name__}: {err}"))
    else:
        sender.send(stats)  # a pipe of its own: a worker killed mid-send cannot block the others
    sender.close()


@dataclass(frozen=True)
class WorkerFailed:
    """What a batch worker sends instead of its stats when the batch raised."""

    error: str


_MAIN_MODULE = threading.Lock()  # two builds starting workers from two threads must not interleave the hiding


@contextlib.contextmanager
def _main_module_not_imported() -> Iterator[None]:
    """Start a worker without importing the parent's ``__main__`` in it.

    multiprocessing prepares a forkserver or spawn child by importing the main
    module of the parent (its path or its module name). A worker needs none of
    it (its target and arguments live in this package), and under ``dagster
    dev``, a run launcher, a code server or any script the main module is
    heavy: Dagster's command line cost each batch's worker about a second of
    import before it read a page. Hiding the main module's name and path while
    the process starts makes the preparation skip that import.
    """
    with _MAIN_MODULE:
        main = sys.modules["__main__"]
        saved = {key: main.__dict__[key] for key in ("__file__", "__spec__") if key in main.__dict__}
        if "__file__" in saved:
            del main.__file__
        if "__spec__" in saved:
            main.__spec__ = None
        try:
            yield
        finally:
            for key, value in saved.items():
                setattr(main, key, value)


def run_watched(jobs: list[tuple[Path, Path, str, list[str]]], workers: int, budget: float) -> Iterator[object]:
    """Process batches in watched worker processes; yields each batch's stats in batch order.

    However it ends (an error, the caller closing the generator), no worker is left running.
    """
    context = worker_context()
    order = [job[2] for job in jobs]
    # The largest batches start first (by pages, a stable sort keeps batch order among equals): a large
    # batch started last runs alone while the other workers wait (25 API months in 15 batches over two
    # workers: 14 months' time in batch order, 13 largest first). Results still come back in batch order.
    pending = sorted((_Job(*job) for job in jobs), key=lambda job: -len(job.paths))
    done: dict[str, object] = {}
    running: dict[str, tuple] = {}
    emitted = 0
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                job = pending.pop(0)
                slot, started = context.Array("c", SLOT), context.Value("d", time.monotonic())
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_work, args=(job, slot, started, sender), daemon=True)
                with _main_module_not_imported():
                    process.start()
                sender.close()
                running[job.batch] = (process, job, slot, started, receiver)
            multiprocessing.connection.wait([r[4] for r in running.values()], timeout=0.1)
            for batch, (process, job, slot, started, receiver) in list(running.items()):
                if receiver.poll():
                    # Readable means a result or a closed pipe: a worker that ended without a result
                    # (an exception, the kernel's OOM killer) is an error now, never a wait that spins.
                    try:
                        result = receiver.recv()
                    except EOFError:
                        result = None
                    process.join()
                    receiver.close()
                    del running[batch]
                    if isinstance(result, WorkerFailed):
                        raise RuntimeError(f"batch {batch} failed: {result.error}")
                    if result is None:
                        raise RuntimeError(f"the worker for batch {batch} stopped (exit code {process.exitcode}) without a result")
                    done[batch] = result
                    continue
                what = slot.raw.split(b"\0", 2)
                stage, page = what[0].decode(), what[1].decode("utf-8", "replace") if len(what) > 1 else ""
                allowed = budget * max(1, int(page)) if stage == "extract-batch" and page.isdigit() else budget
                if stage in ("parse", "extract", "extract-batch") and time.monotonic() - started.value > allowed:
                    process.kill()
                    process.join()
                    receiver.close()
                    del running[batch]
                    if stage == "extract-batch":
                        job.one_by_one = True  # find the page it hangs on
                    else:
                        job.skip[page] = f"{'parsing' if stage == 'parse' else 'extraction'} ran past the {budget:g}-second budget for one page: stopped; please report the page"
                    pending.insert(0, job)
            while emitted < len(order) and order[emitted] in done:
                yield done.pop(order[emitted])
                emitted += 1
    finally:
        for process, *_rest, receiver in running.values():
            process.kill()
            process.join()
            receiver.close()
