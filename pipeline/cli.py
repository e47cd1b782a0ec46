"""``hansard-data``: build releases through Dagster, and evaluate them against labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: option names and words, not type tags
    pretty_exceptions_enable=False,
    help="Hansard Written Answers: build, search and evaluate open datasets of UK Parliament written answers.",
)

@app.command()
def build(
    archive: Annotated[Path, typer.Option(metavar="FOLDER", help="Archive folder to read (default: the checkout's sample archive).")] = Path("data/sample-archive"),
    out: Annotated[str, typer.Option(metavar="FOLDER_OR_URL", help="Where releases go: a folder or an fsspec URL (file://, s3://...).")] = "outputs",
    release: Annotated[Optional[str], typer.Option(metavar="NAME", help="Release name: letters, digits, '.', '_', '-' (default: the build date, with .2, .3 ... if taken).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace the release named by --release if it exists (one atomic switch); without it an existing name is refused.")] = False,
    allow_shrink: Annotated[bool, typer.Option("--allow-shrink", help="Publish even a release with no questions, or with more than 10% fewer questions than the latest.")] = False,
    work: Annotated[Optional[Path], typer.Option(metavar="FOLDER", help="Work folder for the per-batch stores (default: <out>/.work).")] = None,
    page_budget: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds a page may take to parse or extract before it is stopped and quarantined (0: no limit, batches read in this process).")] = 30.0,
) -> None:
    """Read an archive folder and publish a validated release of the tables."""
    from pipeline.defs.runner import run_build
    from pipeline.release.publish import split_out
    from pipeline.release.published import ReleaseRefused, check_release_name

    archive_dir = archive.resolve()
    if not archive_dir.is_dir():
        typer.echo(f"error: archive folder {archive_dir} does not exist (give one with --archive)", err=True)
        raise typer.Exit(2)
    protocol, out_path = split_out(out)
    if protocol is not None:
        import fsspec

        try:
            fsspec.get_filesystem_class(protocol)
        except (ImportError, ValueError) as err:
            typer.echo(f"error: --out {out}: {err}", err=True)
            raise typer.Exit(2)
    if release is not None:
        try:
            check_release_name(release)
        except ReleaseRefused as err:
            typer.echo(f"error: --release: {err}", err=True)
            raise typer.Exit(2)
    target = out if protocol is not None else str(Path(out_path).resolve())
    if sys.stderr.isatty():
        typer.echo(f"building {archive_dir} into {target}: reading the archive, then validating and publishing (Ctrl-C stops; nothing is published until the end)", err=True)
    outcome = run_build(archive_dir, target, release, work.resolve() if work else None, page_budget=page_budget, replace=replace, allow_shrink=allow_shrink)
    if not outcome.success:
        for message in outcome.failures:
            typer.echo(message, err=True)
        if not any(" was published in " in message for message in outcome.failures):
            typer.echo("build failed: nothing was published; the releases, latest and the catalogue are as they were", err=True)
        else:
            typer.echo("build failed after publishing (see above)", err=True)
        raise typer.Exit(1)
    sources, summary, pages = outcome.sources, outcome.summary, outcome.pages
    counts = dict(sources.group_by("status").len().iter_rows())
    typer.echo(f"files read:            {sources.height}")
    typer.echo(f"  parsed:              {counts.get('parsed', 0)}")
    typer.echo(f"  not written answers: {counts.get('not_written_answers', 0)}")
    typer.echo(f"  quarantined:         {counts.get('quarantined', 0)}")
    typer.echo(f"pages parsed this run: {pages.get('parsed', 0)} (reused from earlier runs: {pages.get('reused', 0)}, removed: {pages.get('removed', 0)}, batches: {pages.get('batches', 0)})")
    typer.echo(f"questions:             {summary['rows_questions']}")
    typer.echo(f"answer sentences:      {summary['rows_answer_sentences']}")
    typer.echo(f"agency mentions:       {summary['rows_agency_mentions']} ({summary['rows_agencies']} agencies)")
    typer.echo(f"instrument mentions:   {summary['rows_instrument_mentions']} ({summary['rows_instruments']} instruments)")
    typer.echo(f"commitments:           {summary['rows_commitments']}")
    typer.echo(f"answer fragments:      {summary['rows_answer_fragments']} (text outside any question, kept)")
    if summary.get("unchanged"):
        typer.echo(f"release:               unchanged: the tables equal release {summary['release']}, so nothing new was published")
    else:
        typer.echo(f"release:               {summary['folder']}{' (replaced)' if summary.get('replaced') else ''}")
    _list_files(sources)


SHOWN = 20
COVERAGE_FLOOR = 0.98


def _list_files(sources) -> None:
    """Every quarantined file with its reason, and every parsed page publishing under 98% of its words (20 each, then a count)."""
    import polars as pl

    quarantined = sources.filter(pl.col("status") == "quarantined").sort("path")
    low = (
        sources.filter(pl.col("status") == "parsed", pl.col("text_words") > 0)
        .with_columns((pl.col("published_words") / pl.col("text_words")).alias("share"))
        .filter(pl.col("share") < COVERAGE_FLOOR)
        .sort("share", "path")
    )
    for title, rows, line in (
        ("quarantined files", quarantined, lambda r: f"  {r['path']}: {r['reason']}"),
        (f"pages publishing under {COVERAGE_FLOOR:.0%} of their words", low, lambda r: f"  {r['path']}: {r['share']:.1%} ({r['published_words']} of {r['text_words']} words)"),
    ):
        if rows.height:
            typer.echo(f"{title}: {rows.height}")
            for row in rows.head(SHOWN).iter_rows(named=True):
                typer.echo(line(row))
            if rows.height > SHOWN:
                typer.echo(f"  ... and {rows.height - SHOWN} more (see sources.csv)")


FETCH_SOURCES = ("hansard-sites", "wq-api", "archive-volumes")


@app.command()
def fetch(
    start: Annotated[str, typer.Option(metavar="DATE", help="First day, YYYY-MM-DD (a sitting day, or a day answers were given).")],
    end: Annotated[Optional[str], typer.Option(metavar="DATE", help="Last day, YYYY-MM-DD (default: the first).")] = None,
    source: Annotated[str, typer.Option(metavar="SOURCE", help="What to fetch: hansard-sites (historic Hansard and hansard.parliament.uk pages), wq-api (the Written Questions API), archive-volumes (zipped volumes of archive XML listed on --volumes-index).")] = "hansard-sites",
    archive: Annotated[Path, typer.Option(metavar="FOLDER", help="Archive folder to write into.")] = Path("archive"),
    site: Annotated[list[str], typer.Option(metavar="SITE", help="With hansard-sites: which site (historic-hansard, hansard-web; repeat for both).")] = ["historic-hansard", "hansard-web"],
    volumes_index: Annotated[Optional[str], typer.Option(metavar="URL", help="With archive-volumes: the page that lists the volume zips.")] = None,
    cache_dir: Annotated[Path, typer.Option(metavar="FOLDER", help="HTTP cache folder (re-runs ask the server whether a page changed).")] = Path.home() / ".cache" / "hansard-written-answers",
    rate: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds to wait between requests.")] = 1.0,
    timeout: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds before a request times out.")] = 30.0,
    base_url: Annotated[list[str], typer.Option(metavar="NAME=URL", help="Another address for a source, as NAME=URL (historic-hansard, hansard-web, wq-api): for mirrors and tests.")] = [],
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
) -> None:
    """Download written answers for a date range into the archive folder (then `build` reads them)."""
    import logging
    from datetime import date

    from pipeline.fetch.client import PoliteClient, Unreachable

    said = logging.StreamHandler()
    said.setFormatter(logging.Formatter("%(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[said])  # each retry the client makes is said
    logging.getLogger("urllib3").setLevel(logging.ERROR)  # its own retry lines repeat ours
    try:
        first = date.fromisoformat(start)
        last = date.fromisoformat(end) if end else first
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    if last < first:
        typer.echo("error: --end is before --start", err=True)
        raise typer.Exit(2)
    if source not in FETCH_SOURCES:
        typer.echo(f"error: unknown --source {source!r}; choose from {', '.join(FETCH_SOURCES)}", err=True)
        raise typer.Exit(2)
    bases = dict(b.split("=", 1) for b in base_url if "=" in b)
    client = PoliteClient(cache_dir=cache_dir, min_interval=rate, timeout=timeout)
    try:
        if source == "wq-api":
            from pipeline.fetch.wq_api import API_BASE, fetch_api_range

            stats = fetch_api_range(first, last, archive, client, base=bases.get("wq-api", API_BASE), progress=progress)
            typer.echo(f"days: {stats.days}  skipped (already fetched): {stats.days_skipped}  questions: {stats.questions}  detail records: {stats.details}  files written: {stats.files_written}")
            failed = stats.failed
        elif source == "archive-volumes":
            from pipeline.fetch.volumes import fetch_volumes

            if not volumes_index:
                typer.echo("error: --source archive-volumes needs --volumes-index URL (the page listing the volume zips)", err=True)
                raise typer.Exit(2)
            stats = fetch_volumes(volumes_index, archive, client)
            typer.echo(f"volumes listed: {stats.listed}  downloaded: {stats.downloaded}  already there: {stats.present}")
            failed = stats.failed
        else:
            from pipeline.fetch.fetcher import fetch_range
            from pipeline.fetch.sites import SITES

            unknown = [s for s in site if s not in SITES]
            if unknown:
                typer.echo(f"error: unknown site(s) {unknown}; choose from {sorted(SITES)}", err=True)
                raise typer.Exit(2)
            sites = [SITES[s](base=bases[s]) if s in bases else SITES[s]() for s in site]
            stats = fetch_range(first, last, archive, sites, client, progress=progress)
            typer.echo(f"days: {stats.days}  pages written: {stats.pages_written}  unchanged: {stats.pages_unchanged}  downloads: {stats.downloads}")
            for url in stats.disallowed:
                typer.echo(f"skipped (robots.txt): {url}", err=True)
            failed = stats.failed
    except Unreachable as err:
        typer.echo(f"error: {err}; check the network (nothing more was fetched)", err=True)
        raise typer.Exit(1)
    for failure in failed:
        typer.echo(f"failed: {failure}", err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def serve(
    release_dir: Annotated[Optional[Path], typer.Argument(metavar="RELEASE_FOLDER", help="A release folder (default: the latest release under --out).", show_default=False)] = None,
    out: Annotated[Path, typer.Option(metavar="FOLDER", help="The output folder whose latest release is served when no release folder is given.")] = Path("outputs"),
    port: Annotated[int, typer.Option(metavar="PORT", help="Port on 127.0.0.1 to serve on.")] = 8001,
) -> None:
    """Search and browse a release in Datasette on http://127.0.0.1:PORT (Ctrl-C stops it)."""
    import os

    from pipeline.release.database import DATABASE_NAME
    from pipeline.release.datasette import DATASETTE_METADATA

    if release_dir is None:
        latest = out / "latest"
        if not latest.is_file():
            typer.echo(f"error: no release in {out} (build one with `hansard-data build`, or give a release folder)", err=True)
            raise typer.Exit(2)
        release_dir = out / latest.read_text(encoding="utf-8").strip()
    database = release_dir / DATABASE_NAME
    if not database.is_file():
        typer.echo(f"error: {release_dir} has no {DATABASE_NAME} (releases built before the database was added have none)", err=True)
        raise typer.Exit(2)
    typer.echo(f"serving {database} on http://127.0.0.1:{port}/ (Ctrl-C stops it)")
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(database), "--metadata", str(release_dir / DATASETTE_METADATA),
               "--host", "127.0.0.1", "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
    # Datasette takes this process's place, so a stop signal (Ctrl-C, SIGTERM from a service
    # manager or a test) reaches the server itself and leaves nothing running.
    sys.stdout.flush()
    os.execv(sys.executable, command)


@app.command()
def schemas(
    folder: Annotated[Path, typer.Option(metavar="FOLDER", help="Folder to write the Table Schemas into.")] = Path("schemas"),
) -> None:
    """Write the Table Schemas and package metadata generated from pipeline/metadata (the repository's schemas/)."""
    from pipeline.metadata.schemas import write_table_schemas

    for path in write_table_schemas(folder):
        typer.echo(str(path))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD_JSONL", help="Labelled questions (JSON Lines, see shared/gold).")],
    release_dir: Annotated[Path, typer.Argument(metavar="RELEASE_FOLDER", help="A release folder (<out>/<release>).")],
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List the errors after the figures.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of a release against labelled questions."""
    from pipeline.evaluation import evaluate_release, format_report

    if not gold.is_file():
        typer.echo(f"error: gold file {gold} not found", err=True)
        raise typer.Exit(2)
    if not (release_dir / "parquet").is_dir():
        typer.echo(f"error: {release_dir} is not a release folder (no parquet/ inside)", err=True)
        raise typer.Exit(2)
    report = evaluate_release(gold, release_dir)
    if as_json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        typer.echo(format_report(report, with_errors=errors))


if __name__ == "__main__":
    app()
