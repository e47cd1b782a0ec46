"""The pipeline's assets: pages (ingest, parse, extract) per archive batch, the tables, the release.

Each asset only wires plain functions of the stages: :mod:`pipeline.page.batches`
(the page stage), :mod:`pipeline.release.assemble` and :mod:`pipeline.release.publish`
(the release stage).
"""

import shutil

import dagster as dg
from tqdm import tqdm

from pipeline.defs.resources import ArchiveSettings, FetchClient
from pipeline.ingest.listing import list_batches
from pipeline.metadata import table_names, table_schema
from pipeline.page.batches import process_batches
from pipeline.release.assemble import assemble_stores
from pipeline.release.parts import TableParts
from pipeline.release.publish import ValidationFailed, publish_release, remote_latest, upload_release
from pipeline.release.published import OutputBusy, ReleaseRefused

GROUP = "written_answers"
# One partition per archive batch (a folder of pages, or a hash bucket of a large one).
archive_batches = dg.DynamicPartitionsDefinition(name="archive_batches")


@dg.asset(
    group_name="fetch",
    description="New written answers downloaded from the public Hansard sites into the archive folder "
    "(off unless the fetch resource is enabled; the archive sensor then picks the new pages up).",
)
def fetched_pages(context: dg.AssetExecutionContext, settings: ArchiveSettings, fetch: FetchClient) -> dg.MaterializeResult:
    from datetime import date, timedelta
    from pipeline.fetch.fetcher import fetch_range
    from pipeline.fetch.sites import SITES

    if not fetch.is_enabled:
        context.log.info("fetching is off (the fetch resource's enabled is false); nothing downloaded")
        return dg.MaterializeResult(metadata={"enabled": False})
    end = date.today()
    start = end - timedelta(days=fetch.days_back)
    stats = fetch_range(start, end, settings.archive_path, [SITES[s]() for s in fetch.sites], fetch.client(), progress=False)
    if stats.failed:
        raise dg.Failure(f"{len(stats.failed)} pages could not be fetched", metadata={"failed": stats.failed[:20]})
    return dg.MaterializeResult(
        metadata={"enabled": True, "start": str(start), "end": str(end), "written": stats.pages_written, "unchanged": stats.pages_unchanged, "downloads": stats.downloads}
    )


@dg.asset(
    group_name=GROUP,
    deps=[fetched_pages],
    partitions_def=archive_batches,
    # A backfill is one run per eight batches, which a run launcher can spread over machines (docs/operations.md).
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=8),
    description="Ingest, parse and extract the pages of each archive batch into its Parquet store; "
    "pages whose sha256 was already processed are not parsed again.",
)
def archive_pages(context: dg.AssetExecutionContext, settings: ArchiveSettings) -> dg.MaterializeResult:
    root, work = settings.archive_path, settings.work_path
    if not root.is_dir():
        raise dg.Failure(f"archive folder {root} does not exist")
    batches = list_batches(root)
    totals = {"pages": 0, "parsed": 0, "reused": 0, "removed": 0}
    worker_peak = 0.0
    seconds: dict[str, float] = {}
    chosen = {key: batches.get(key, []) for key in context.partition_keys}
    # A bar on a terminal once a build takes more than a few seconds (none in logs or tests).
    bar = tqdm(total=sum(len(paths) for paths in chosen.values()), unit="file", desc="reading the archive", delay=3, disable=None, leave=False)
    for stats in process_batches(root, work, chosen, page_budget=settings.page_budget_seconds):
        bar.update(stats.pages)
        context.log.info(f"batch {stats.batch}: {stats.pages} pages, {stats.parsed} parsed, {stats.reused} reused, {stats.removed} removed")
        for name in totals:
            totals[name] += getattr(stats, name)
        worker_peak = max(worker_peak, stats.peak_rss_mb)
        for stage, value in stats.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    bar.close()
    return dg.MaterializeResult(
        metadata={**totals, "batches": len(context.partition_keys), "worker_peak_rss_mb": worker_peak, **{f"seconds_{k}": round(v, 3) for k, v in sorted(seconds.items())}}
    )


@dg.multi_asset(
    group_name=GROUP,
    deps=[archive_pages],
    outs={
        name: dg.AssetOut(
            description=table_schema(name).descriptor.get("description", ""),
            automation_condition=dg.AutomationCondition.eager(),
        )
        for name in table_names()
    },
    description="The published tables, assembled from every batch's store in parts (Parquet files under <work>/assembled, in key order).",
)
def release_tables(context: dg.AssetExecutionContext, settings: ArchiveSettings):
    batches = sorted(list_batches(settings.archive_path))
    # Each run assembles into a folder of its own. Once it has, the folders of earlier runs that have
    # finished go; a run still publishing from its folder keeps it.
    assembled = settings.work_path / "assembled"
    tables = assemble_stores(settings.work_path, batches, assembled / context.run.run_id)
    for earlier in assembled.iterdir():
        run = context.instance.get_run_by_id(earlier.name) if earlier.name != context.run.run_id else None
        if earlier.name != context.run.run_id and (run is None or run.is_finished):
            shutil.rmtree(earlier, ignore_errors=True)
    for name in table_names():
        yield dg.Output(tables[name], name, metadata={"rows": tables[name].rows, "parts": tables[name].part_count})


@dg.asset(
    group_name=GROUP,
    ins={name: dg.AssetIn(key=name) for name in table_names()},
    automation_condition=dg.AutomationCondition.eager(),
    description="The published release: CSV and Parquet data packages, validation report, dictionary, catalogue.",
)
def release(context: dg.AssetExecutionContext, settings: ArchiveSettings, **tables: TableParts) -> dg.MaterializeResult:
    try:
        outcome = publish_release(
            dict(tables), settings.out_path, settings.release_name, replace=settings.replace, allow_shrink=settings.allow_shrink
        )
    except (ReleaseRefused, ValidationFailed, OutputBusy, OSError) as err:
        raise dg.Failure(description=f"{err}; nothing was published, the releases, latest and the catalogue are as they were") from err
    where = str(outcome.folder)
    if settings.out_remote:
        where = f"{settings.out_dir.rstrip('/')}/{outcome.release}"
        try:
            if not outcome.unchanged or remote_latest(settings.out_dir) != outcome.release:
                upload_release(settings.out_path, outcome.release, settings.out_dir)
        except Exception as err:  # the local release stands; say so, and the next build uploads it
            raise dg.Failure(
                description=f"release {outcome.release} was published in {outcome.folder} but its upload to {settings.out_dir} failed "
                f"({type(err).__name__}: {err}); the next build uploads it"
            ) from err
    if outcome.unchanged:
        context.log.info(f"the tables equal release {outcome.release}: nothing new was published")
    return dg.MaterializeResult(
        metadata={
            "release": outcome.release,
            "folder": where,
            "unchanged": outcome.unchanged,
            "replaced": outcome.replaced,
            **{f"rows_{k}": v.rows for k, v in tables.items()},
        }
    )
