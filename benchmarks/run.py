"""`make bench`: build synthetic archives of N pages and report the figures.

    python -m benchmarks.run [--sizes 1000,10000] [--json outputs/.bench/results.json]

For each N: wall time, pages per second, peak resident memory, time per
stage (ingest, parse, extract, assemble, validate, publish), output sizes;
then the incremental case (1% new pages) against the full build, and the
validator comparison. Each build runs in its own process through
`hansard-data build`'s code path (Dagster in process), so its peak memory
is its own.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from datetime import date

from benchmarks.scale import generate, generate_api

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "outputs" / ".bench"

_ONE_BUILD = """
import json, resource, sys, time
from pathlib import Path
from pipeline.defs.runner import run_build
started = time.perf_counter()
outcome = run_build(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
wall = time.perf_counter() - started
main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the fork server, once reaped
worker_mb = float((outcome.pages or {}).get("worker_peak_rss_mb", 0.0))  # each batch worker reports its own
print(json.dumps({"success": outcome.success, "wall_seconds": wall, "peak_rss_mb": round(max(main_kb / 1024, children_kb / 1024, worker_mb), 1),
                  "main_peak_rss_mb": round(main_kb / 1024, 1), "worker_peak_rss_mb": worker_mb, "fork_server_peak_rss_mb": round(children_kb / 1024, 1),
                  "pages": outcome.pages, "steps": outcome.steps, "failures": outcome.failures[:5]}))
"""


def build(archive: Path, out: Path, release: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _ONE_BUILD, str(archive), str(out), release], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 2)


def bench_size(n: int, incremental_run: bool = True) -> dict:
    archive = BENCH / f"archive-{n}"
    if not (archive / "SYNTHETIC.md").is_file():
        shutil.rmtree(archive, ignore_errors=True)
        generate(n, archive)
    out = BENCH / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    full = build(archive, str(out), "full")
    release = out / "full"
    if not incremental_run:
        return {"pages": n, "full": {**full, "pages_per_second": round(n / full["wall_seconds"], 1)}, "incremental": None,
                "output_mb": {"csv": _size_mb(release / "csv"), "parquet": _size_mb(release / "parquet"), "work_store": _size_mb(out / ".work")}}
    # 1% new pages, then the incremental run against the stores the full build left
    extra = BENCH / f"extra-{n}"
    shutil.rmtree(extra, ignore_errors=True)
    # Nightly arrivals are new sitting days: they land in new folders (new batches).
    generate(max(1, n // 100), extra, seed=11, first_day=date(2030, 1, 1), days=3000)
    added = []
    for page in sorted(extra.rglob("*")):
        if page.is_file() and page.name != "SYNTHETIC.md":
            target = archive / page.relative_to(extra)
            target.parent.mkdir(parents=True, exist_ok=True)
            target = target.with_name("new-" + target.name)
            shutil.copyfile(page, target)
            added.append(target)
    incremental = build(archive, str(out), "incremental")
    for page in added:  # leave the archive as generated for the next run
        page.unlink()
    release = out / "full"
    return {
        "pages": n,
        "full": {**full, "pages_per_second": round(n / full["wall_seconds"], 1)},
        "incremental": {**incremental, "new_pages": len([p for p in added if p.suffix in (".txt", ".xml")]),
                        "share_of_full": round(incremental["wall_seconds"] / full["wall_seconds"], 3)},
        "output_mb": {"csv": _size_mb(release / "csv"), "parquet": _size_mb(release / "parquet"), "work_store": _size_mb(out / ".work")},
    }


def bench_api(records: int) -> dict:
    """A build of ``records`` synthetic Written Questions API records (month-sized files), then an unchanged rebuild."""
    archive = BENCH / f"api-{records}"
    if not (archive / "SYNTHETIC.md").is_file():
        shutil.rmtree(archive, ignore_errors=True)
        generate_api(records, archive)
    out = BENCH / f"out-api-{records}"
    shutil.rmtree(out, ignore_errors=True)
    full = build(archive, str(out), "full")
    return {"records": records, "full": {**full, "records_per_second": round(records / full["wall_seconds"], 1)},
            "input_mb": _size_mb(archive), "output_mb": {"csv": _size_mb(out / "full" / "csv"), "parquet": _size_mb(out / "full" / "parquet")}}


def machine() -> dict:
    import os

    return {"python": platform.python_version(), "cpu_count": os.cpu_count(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--json", type=Path, default=BENCH / "results.json")
    parser.add_argument("--validation-rows", type=int, default=200_000)
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental run (1% new pages)")
    parser.add_argument("--no-validation", action="store_true", help="skip the validators' comparison")
    parser.add_argument("--api-records", type=int, default=0, help="also build this many synthetic Written Questions API records")
    args = parser.parse_args()
    results = {"machine": machine(), "runs": []}
    for n in [int(s) for s in args.sizes.split(",") if s]:
        started = time.perf_counter()
        figures = bench_size(n, not args.no_incremental)
        results["runs"].append(figures)
        full, inc = figures["full"], figures["incremental"] or {"new_pages": 0, "wall_seconds": 0.0, "share_of_full": 0.0}
        print(f"N={n:>7}: full {full['wall_seconds']:.1f} s ({full['pages_per_second']:.0f} pages/s, peak {full['peak_rss_mb']:.0f} MB: "
              f"build {full['main_peak_rss_mb']:.0f}, largest worker {full['worker_peak_rss_mb']:.0f}, fork server {full['fork_server_peak_rss_mb']:.0f}); "
              f"incremental +{inc['new_pages']} pages {inc['wall_seconds']:.1f} s ({inc['share_of_full']:.1%} of full); "
              f"stages {json.dumps(full['steps'])}; outputs {figures['output_mb']} [{time.perf_counter() - started:.0f} s with generation]", flush=True)
    if args.api_records:
        started = time.perf_counter()
        figures = bench_api(args.api_records)
        results["api"] = figures
        full = figures["full"]
        print(f"API records={args.api_records}: full {full['wall_seconds']:.1f} s ({full['records_per_second']:.0f} records/s, peak {full['peak_rss_mb']:.0f} MB: "
              f"build {full['main_peak_rss_mb']:.0f}, largest worker {full['worker_peak_rss_mb']:.0f}); stages {json.dumps(full['steps'])}; "
              f"input {figures['input_mb']} MB, outputs {figures['output_mb']} [{time.perf_counter() - started:.0f} s with generation]", flush=True)
    if not args.sizes or args.no_validation:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
        return
    largest = BENCH / f"out-{max(int(s) for s in args.sizes.split(','))}" / "full"
    from benchmarks.validation import run as validation_run

    results["validation"] = validation_run(largest, args.validation_rows, BENCH / "validation")
    print(f"validation of {sum(results['validation']['rows'].values())} rows: polars {results['validation']['polars_seconds']} s, "
          f"frictionless {results['validation']['frictionless_seconds']} s ({results['validation']['speedup']}x), same verdict: "
          f"{results['validation']['polars_valid'] == results['validation']['frictionless_valid']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
