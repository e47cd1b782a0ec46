"""The page stage's unit of incremental work: one archive batch and its store.

A batch's work (checksums, parsing, extraction) is kept in a small store of Parquet
files under the work folder, tagged by page, so a later run

- does not parse again a page whose sha256 it has already processed,
- replaces the rows of a page that changed,
- drops the rows of a page that is gone,

and the published tables are assembled from every batch's files with lazy
scans, without running extraction again.

Plain functions, no Dagster: the partitioned asset calls :func:`process_batches`
and the release stage reads the stores with :func:`load_store`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.page.die_with_parent import process_alive

from pipeline.formats import parse_file
from pipeline.ingest.listing import open_path, scan_files
from pipeline.metadata import store_schema
from pipeline.metadata.enums import SourceFormat, SourceStatus
from pipeline.page.frames import PAGE_TABLES, page_frames, verdict_row
from pipeline.parsing.records import PageResult

# The packages whose code shapes what a batch's store holds, with the reference
# tables. The release stage, the Dagster wiring, the command line, the fetcher
# and the reference builders do not: changing them re-parses nothing.
STORE_SHAPING = ("ingest", "formats", "parsing", "page", "extract", "metadata")


@cache
def code_version() -> str:
    """Fingerprint of the code and reference data that shape a batch's store.

    A store written by other code is rebuilt rather than trusted.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    shaping = [p for name in STORE_SHAPING for suffix in ("*.py", "*.csv") for p in (package / name).rglob(suffix)] + list((package / "reference").glob("*.csv"))
    for path in sorted(shaping):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def store_dir(work: Path, batch: str) -> Path:
    """Where a batch's Parquet files live: a readable slug and a hash of the batch's name, so that
    names that slug alike ("café" and "cafè", "x y" and "x/y") keep stores of their own."""
    slug = re.sub(r"[^A-Za-z0-9._#-]+", "__", batch)[:80]
    return work / "batches" / f"{slug}-{hashlib.sha256(batch.encode('utf-8', 'backslashreplace')).hexdigest()[:8]}"


@cache
def _empty_page() -> dict[str, pl.DataFrame]:
    return page_frames([])


def _note(watch, what: str) -> None:
    """Tell the watchdog (pipeline.page.watchdog) which page is being worked on, and since when."""
    if watch is not None:
        watch(what)


def parse_pages(
    root: Path, files: pl.DataFrame, timings: dict[str, float] | None = None, *, skip: dict[str, str] | None = None, watch=None, one_by_one: bool = False
) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """Parse the given files (one at a time), then extract from all their records at once.

    ``skip`` maps pages to a quarantine reason found earlier (a page that ran past
    its time budget is not read again); ``one_by_one`` extracts page by page, so the
    watchdog can name the page an extraction hangs on.
    """
    started = time.perf_counter()
    verdicts, parsed = [], []
    skip = skip or {}
    for path, raw, url, size, may_be_cut, problem in files.select("path", "raw_path", "url", "bytes", "may_be_cut", "problem").iter_rows():
        _note(watch, f"parse\0{path}")
        if path in skip or problem:
            result = PageResult(SourceFormat.UNKNOWN, SourceStatus.QUARANTINED, skip.get(path) or problem)
        else:
            try:
                result = parse_file(root / open_path(path, raw), url, size, may_be_cut=may_be_cut)
            except Exception as err:  # a parser bug on one page must not stop the archive
                result = _failed(err, "parsing")
        for record in result.records:
            record.url = record.url or url  # where the page was published, from its sidecar
        verdicts.append(verdict_row(path, result))
        parsed.append((path, result))
    parsed_at = time.perf_counter()
    if one_by_one:
        for path, result in parsed:
            _note(watch, f"extract\0{path}")
            page_frames([(path, result)])
        _note(watch, "store\0")
    else:
        _note(watch, f"extract-batch\0{len(parsed)}")
    try:
        frames = page_frames(parsed)
    except Exception:
        # Find the page the extraction fails on, quarantine it, and keep the others.
        for k, (path, result) in enumerate(parsed):
            if not result.records:
                continue
            try:
                page_frames([(path, result)])
            except Exception as err:
                parsed[k] = (path, _failed(err, "extraction"))
                verdicts[k] = verdict_row(path, parsed[k][1])
        frames = page_frames(parsed)
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + parsed_at - started
        timings["extract"] = timings.get("extract", 0.0) + time.perf_counter() - parsed_at
    _note(watch, "store\0")
    return pl.DataFrame(verdicts, schema=store_schema("verdicts")), frames


def _failed(err: Exception, stage: str) -> PageResult:
    return PageResult(SourceFormat.UNKNOWN, SourceStatus.QUARANTINED, f"{stage} failed on this page ({type(err).__name__}: {err}); please report it with the page")


@dataclass(frozen=True)
class BatchStats:
    """What one batch run did."""

    batch: str
    pages: int
    parsed: int
    reused: int
    removed: int
    seconds: dict[str, float] = field(default_factory=dict)  # ingest, parse, extract, store
    peak_rss_mb: float = 0.0  # the worker process's peak resident memory, when a watched worker did it


STORE_TABLES = ("files", "verdicts", *PAGE_TABLES)


def _read_store(folder: Path, tables: tuple[str, ...] = STORE_TABLES) -> dict[str, pl.DataFrame] | None:
    version = folder / "version"
    if not version.is_file() or version.read_text().strip() != code_version():
        return None  # never written, or written by other code
    try:
        return {name: pl.read_parquet(folder / f"{name}.parquet") for name in tables}
    except (OSError, pl.exceptions.PolarsError):
        return None  # a damaged store is rebuilt, not trusted


def _write_store(folder: Path, tables: dict[str, pl.DataFrame]) -> None:
    """Write the batch's files side by side, then swap the folder in one rename."""
    staging = folder.with_name(folder.name + f".tmp-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for name, frame in tables.items():
        frame.write_parquet(staging / f"{name}.parquet", compression="zstd", statistics=False)
    (staging / "version").write_text(code_version() + "\n")
    if folder.exists():
        retired = folder.with_name(folder.name + f".old-{os.getpid()}")
        folder.rename(retired)
        staging.rename(folder)
        shutil.rmtree(retired)
    else:
        staging.rename(folder)


def process_batch(root: Path, work: Path, batch: str, paths: list[str], *, skip: dict[str, str] | None = None, watch=None, one_by_one: bool = False) -> BatchStats:
    """Bring one batch's store up to date with the archive; parse only new or changed pages."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    folder = store_dir(work, batch)
    manifest = _read_store(folder, ("files",))
    files = scan_files(root, paths, manifest["files"] if manifest else None)
    timings["ingest"] = time.perf_counter() - started
    key = ["path", "sha256", "sidecar_sha256"]  # a page is read again when its bytes or its sidecar change
    if manifest is not None and files.select(key).equals(manifest["files"].select(key)):
        # Nothing new, changed or deleted in this batch: its store stands as it is.
        return BatchStats(batch, files.height, 0, files.height, 0, timings)
    stored = _read_store(folder) if manifest is not None else None
    if stored is not None:
        done = stored["files"].join(stored["verdicts"].select("path"), on="path", how="semi").select(key)
        unchanged = files.join(done, on=key, how="semi", nulls_equal=True)
    else:
        unchanged = files.clear()
    todo = files.join(unchanged.select("path"), on="path", how="anti")
    verdicts, pages = parse_pages(root, todo, timings, skip=skip, watch=watch, one_by_one=one_by_one)
    stored_at = time.perf_counter()
    kept_paths = unchanged["path"]
    kept_ids = unchanged["source_id"]
    removed = 0
    if stored is not None:
        removed = stored["files"].filter(~pl.col("path").is_in(files["path"].implode())).height
        verdicts = pl.concat([stored["verdicts"].filter(pl.col("path").is_in(kept_paths.implode())), verdicts])
        pages = {
            name: pl.concat([stored[name].filter(pl.col("source_id").is_in(kept_ids.implode())), pages[name]], how="vertical")
            for name in PAGE_TABLES
        }
    # Rows in path order whatever the order pages were parsed in: same inputs, same bytes.
    tables = {"files": files.sort("path"), "verdicts": verdicts.sort("path")}
    tables.update({name: frame.sort("source_id", "record" if "record" in frame.columns else "position", maintain_order=True) for name, frame in pages.items()})
    _write_store(folder, tables)
    timings["store"] = time.perf_counter() - stored_at
    return BatchStats(batch, files.height, todo.height, unchanged.height, removed, timings)


def remove_abandoned_stores(work: Path) -> list[Path]:
    """Half-written and retired store folders of builds that were killed (their process is gone).

    Runs of separate partitions may write stores side by side (under ``dagster
    dev``), so only folders whose writing process has gone are removed.
    """
    removed = []
    for folder in sorted((work / "batches").glob("*.*-*")) if (work / "batches").is_dir() else []:
        staged = re.fullmatch(r".+-[0-9a-f]{8}\.(?:tmp|old)-(\d+)", folder.name)  # as _write_store names them
        if folder.is_dir() and staged and not process_alive(int(staged.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def process_batches(root: Path, work: Path, batches: dict[str, list[str]], workers: int | None = None, *, page_budget: float = 0.0):
    """Process many batches; results come back in batch order.

    With a ``page_budget`` (seconds) every batch runs in a worker process under a
    watchdog (:mod:`pipeline.page.watchdog`): a page whose parsing or extraction
    runs past the budget is stopped and quarantined with that reason, and its
    batch is done again without it. Without one, batches run in this process
    (several at once in a process pool when there is more than one core).
    """
    remove_abandoned_stores(work)
    workers = workers or min(len(batches), os.cpu_count() or 1)
    jobs = [(root, work, key, paths) for key, paths in sorted(batches.items())]
    if page_budget > 0:
        from pipeline.page.watchdog import run_watched

        yield from run_watched(jobs, workers, page_budget)
        return
    if workers <= 1 or len(jobs) <= 1:
        yield from (process_batch(*job) for job in jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, safe under Dagster's threads.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(_process_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def _process_one(args: tuple[Path, Path, str, list[str]]) -> BatchStats:
    return process_batch(*args)


def load_store(work: Path, batches: list[str]) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, pl.DataFrame]]:
    """Files, verdicts and page frames of the given batches, read with one lazy scan per table."""
    folders = [store_dir(work, b) for b in batches]
    missing = [b for b, f in zip(batches, folders) if not (f / "files.parquet").is_file()]
    if missing:
        raise FileNotFoundError(f"batches not processed yet: {missing[:5]}")

    def scan(name: str) -> pl.DataFrame:
        if not folders:
            return _empty_page()[name] if name in PAGE_TABLES else pl.DataFrame(schema=store_schema(name))
        return pl.scan_parquet([f / f"{name}.parquet" for f in folders]).collect(engine="in-memory")

    return scan("files"), scan("verdicts"), {name: scan(name) for name in PAGE_TABLES}
