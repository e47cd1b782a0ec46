"""What the fork server prepares once for every batch worker it forks.

A worker is forked per batch; without this each would read the reference
tables again, build the agency automaton and hash the code for the store's
fingerprint, about 0.15 s of CPU per batch (a fifth of the page stage on the
synthetic archive's small batches). Only pure-Python state is built here:
polars is not used before the fork, since its thread pool does not survive one.
"""

from __future__ import annotations

from pipeline.extract import agencies, answering_bodies
from pipeline.page import batches


def prepare() -> None:
    """Build the caches every batch reads (idempotent)."""
    agencies.gazetteer()
    answering_bodies._by_name()
    answering_bodies._offices()
    batches.code_version()


try:
    prepare()
except Exception:  # noqa: BLE001 - a worker builds what it needs itself, and reports what fails there
    pass
