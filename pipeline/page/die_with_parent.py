"""Imported first by the watchdog's fork server: the kernel ends it when the build dies.

A fork server left behind by a killed build keeps running (its workers with
it, writing stores), so the server asks the kernel, once at import, for
``SIGKILL`` when its parent dies (``PR_SET_PDEATHSIG``, Linux); each worker
asks the same of the server (:func:`die_with_parent`). Elsewhere it does nothing.
"""

from __future__ import annotations

import os
import signal

PR_SET_PDEATHSIG = 1
BUILD_PID = "HANSARD_BUILD_PID"  # set by the watchdog before it starts the fork server


def die_with_parent(build_pid: int | None = None) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (no-op where there is no prctl).

    A build killed before the request was made sends no signal, so the
    process then checks that the build (``build_pid``) still runs, and ends at once if not.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if build_pid is not None and not process_alive(build_pid):
        os._exit(1)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (someone else's process counts as running; a zombie does not).

    A build killed a moment ago is a zombie until its parent reaps it: it still
    answers ``kill(pid, 0)``, so its state is read too where /proc has it.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def worker_context():
    """The multiprocessing context of the build's workers: a fork server that dies with the build,
    preloaded with the page modules and their reference tables (:mod:`pipeline.page.preload`)."""
    import multiprocessing

    os.environ[BUILD_PID] = str(os.getpid())  # the fork server, started on first use, checks the build still runs
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.page.die_with_parent", "pipeline.page.preload"])
    return context


if os.environ.get(BUILD_PID, "").isdigit():
    die_with_parent(int(os.environ[BUILD_PID]))
