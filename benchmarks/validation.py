"""Polars-compiled validation against frictionless-py on the same large table.

    python -m benchmarks.validation RELEASE_DIR [--rows N] [--json OUT]

Takes a release's ``answer_sentences`` and ``questions`` tables, repeats them
to N rows (new keys, so the table stays valid), writes them as a CSV package,
and validates that package with both validators: same verdicts, and the time
each takes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import polars as pl
from frictionless import validate

from pipeline.release.publish import write_csv
from pipeline.metadata import table_schema
from pipeline.release.validation import read_csv_package, table_errors


def make_package(release: Path, rows: int, folder: Path) -> None:
    """A two-table CSV package (questions, answer_sentences) of about ``rows`` sentences."""
    questions = pl.read_parquet(release / "parquet" / "questions.parquet")
    sentences = pl.read_parquet(release / "parquet" / "answer_sentences.parquet")
    copies = max(1, rows // max(1, sentences.height))
    # Each copy gets its own question IDs: the copy number replaces the last 6 hex digits.
    def renumber(frame: pl.DataFrame, k: int) -> pl.DataFrame:
        return frame.with_columns(pl.col("question_id").str.slice(0, 12) + pl.lit(f"{k:06x}"))

    big_q = pl.concat([renumber(questions, k) for k in range(copies)])
    big_s = pl.concat([renumber(sentences, k) for k in range(copies)]).with_columns(
        (pl.col("question_id") + "-s" + pl.col("position").cast(pl.String).str.zfill(3)).alias("sentence_id")
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(big_q, folder / "questions.csv")
    write_csv(big_s, folder / "answer_sentences.csv")
    resources = []
    for name in ("questions", "answer_sentences"):
        schema = dict(table_schema(name).descriptor)
        for key in ("name", "title", "description"):
            schema.pop(key, None)
        # sources is not in this package: keep the keys between the two tables only
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in ("questions", "answer_sentences")]
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "schema": schema})
    (folder / "datapackage.json").write_text(json.dumps({"name": "bench", "resources": resources}))


def run(release: Path, rows: int, folder: Path) -> dict:
    make_package(release, rows, folder)
    started = time.perf_counter()
    tables = read_csv_package(folder)
    ours = pl.concat([table_errors(table_schema(n), tables[n], tables) for n in ("questions", "answer_sentences")])
    polars_s = time.perf_counter() - started
    started = time.perf_counter()
    report = validate(str(folder / "datapackage.json"))
    frictionless_s = time.perf_counter() - started
    counted = {name: pl.read_csv(folder / f"{name}.csv", infer_schema=False).height for name in ("questions", "answer_sentences")}
    return {
        "rows": counted,
        "polars_seconds": round(polars_s, 3),
        "frictionless_seconds": round(frictionless_s, 3),
        "speedup": round(frictionless_s / polars_s, 1),
        "polars_valid": ours.height == 0,
        "frictionless_valid": report.valid,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("release", type=Path)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--work", type=Path, default=Path("outputs/.bench/validation"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = run(args.release, args.rows, args.work)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
