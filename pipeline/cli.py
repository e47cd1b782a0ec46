"""``hansard-data``: build releases through Dagster, and evaluate them against labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Hansard Written Answers: build and evaluate open datasets.")

QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


@app.command()
def build(
    archive: Annotated[Optional[Path], typer.Option(help="Archive folder to read (default: the sample archive).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Output folder for releases (default: outputs/).")] = None,
    release: Annotated[Optional[str], typer.Option(help="Release name (default: today's date).")] = None,
) -> None:
    """Materialise every asset through Dagster in this process and publish a release."""
    import dagster as dg

    from pipeline.defs import defs
    from pipeline.defs.resources import DEFAULT_OUT, SAMPLE_ARCHIVE
    from pipeline.publish import default_release_name

    archive_dir = (archive or SAMPLE_ARCHIVE).resolve()
    if not archive_dir.is_dir():
        typer.echo(f"error: archive folder {archive_dir} does not exist", err=True)
        raise typer.Exit(2)
    out_dir = (out or DEFAULT_OUT).resolve()
    name = release or default_release_name()
    config = {
        **QUIET,
        "resources": {"settings": {"config": {"archive_dir": str(archive_dir), "out_dir": str(out_dir), "release": name}}},
    }
    job = defs.resolve_job_def("build_release")
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(run_config=config, instance=instance, raise_on_error=False)
        failed_checks = [c for c in result.get_asset_check_evaluations() if not c.passed]
        if not result.success:
            for check in failed_checks:
                errors = check.metadata.get("errors")
                typer.echo(f"check failed: {check.asset_key.to_user_string()} {check.check_name}: {errors.value if errors else ''}", err=True)
            for failure in result.get_step_failure_events():
                message = failure.event_specific_data.error.message.strip().splitlines()[0] if failure.event_specific_data and failure.event_specific_data.error else ""
                typer.echo(f"step failed: {failure.step_key}: {message}", err=True)
            typer.echo("build failed: nothing was published", err=True)
            raise typer.Exit(1)
        sources = result.asset_value("sources")
        summary = result.asset_value("release")
    counts = dict(sources.group_by("status").len().iter_rows())
    typer.echo(f"files read:            {sources.height}")
    typer.echo(f"  parsed:              {counts.get('parsed', 0)}")
    typer.echo(f"  not written answers: {counts.get('not_written_answers', 0)}")
    typer.echo(f"  quarantined:         {counts.get('quarantined', 0)}")
    typer.echo(f"questions:             {summary['rows_questions']}")
    typer.echo(f"answer sentences:      {summary['rows_answer_sentences']}")
    typer.echo(f"agency mentions:       {summary['rows_agency_mentions']} ({summary['rows_agencies']} agencies)")
    typer.echo(f"instrument mentions:   {summary['rows_instrument_mentions']} ({summary['rows_instruments']} instruments)")
    typer.echo(f"commitments:           {summary['rows_commitments']}")
    typer.echo(f"release:               {summary['folder']}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Labelled questions (JSON Lines, see shared/gold).")],
    release_dir: Annotated[Path, typer.Argument(help="A release folder (<out>/<release>).")],
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
