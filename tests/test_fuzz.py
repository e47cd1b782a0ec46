"""Fuzzing the parsers with mutated real pages (seeded, bounded): no crash, every file a row, every page in budget."""

from __future__ import annotations

import random
from pathlib import Path

import polars as pl
import pytest

from conftest import SAMPLE, run_build

FIXTURES = Path(__file__).parent / "fixtures"
RUNS = ["LORD " * 400, "ABCDEFGH" * 500, " " * 4000, "." * 4000, "([" * 1000, ")]" * 1000, "Mr. " * 800, "To ask the Secretary of State for " * 60,
        "asked Her Majesty's Government: " * 60, "1997–98206 " * 300, "\x00\x01\x1f\x7f\u2028", "<p><b>Mr Leigh:</b>" * 50, "&#x00A3;" * 200]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        choice = rng.randrange(5)
        if choice == 0:
            text = text[:at] + rng.choice(RUNS) + text[at:]
        elif choice == 1:
            text = text[:at] + text[at + rng.randint(1, 400) :]
        elif choice == 2:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif choice == 3:
            text = text[: rng.randrange(len(text) + 1)]
        else:
            text = text[:at] + text[max(0, at - 300) : at] + text[at:]
    return text.encode("utf-8", "replace")


def test_mutated_real_pages_never_stop_the_build(tmp_path: Path):
    rng = random.Random(20261201)
    pages = sorted(p for p in SAMPLE.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    pages += sorted((FIXTURES / "archive-xml-layouts").glob("*.xml")) + sorted((FIXTURES / "formats").glob("*.html")) + [FIXTURES / "formats" / "wq-api-questions.json"]
    archive = tmp_path / "archive"
    written = []
    for k in range(90):
        page = pages[k % len(pages)]
        target = archive / f"fuzz-{k % 3}" / f"{k:03d}-{page.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_mutate(page.read_bytes(), rng))
        written.append(target.relative_to(archive).as_posix())
    result = run_build(archive, tmp_path / "out", "fuzz")
    assert result.exit_code == 0, result.output
    sources = pl.read_csv(tmp_path / "out" / "fuzz" / "csv" / "sources.csv", infer_schema=False)
    assert sorted(sources["path"]) == sorted(written)
    assert sources.filter(pl.col("status") != "parsed")["reason"].null_count() == 0
    over_budget = sources.filter(pl.col("reason").str.contains("budget"))
    assert over_budget.height == 0, over_budget.select("path", "reason").to_dicts()


@pytest.mark.e2e
def test_a_page_past_its_time_budget_is_stopped_and_quarantined_and_the_rest_published(tmp_path: Path):
    """A real whole volume read under a budget far too small: stopped, quarantined with the reason, others kept."""
    import shutil

    archive = tmp_path / "archive"
    (archive / "volumes").mkdir(parents=True)
    shutil.copyfile(FIXTURES / "archive-xml-layouts" / "commons_writtenanswers_example.xml", archive / "volumes" / "day.xml")
    # A long volume (debates only, marked synthetic) that takes seconds to read, against a half-second budget.
    big = archive / "volumes" / "S5LV0001P0.xml"
    big.write_text("<!-- SYNTHETIC: never published -->" + "<hansard>" + "<houselords><debates><p>Words of a debate.</p></debates></houselords>" * 400_000 + "</hansard>")
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["build", "--archive", str(archive), "--out", str(tmp_path / "out"), "--release", "r", "--page-budget", "0.5"])
    assert result.exit_code == 0, result.output
    rows = {r["path"]: r for r in pl.read_csv(tmp_path / "out" / "r" / "csv" / "sources.csv", infer_schema=False).to_dicts()}
    assert rows["volumes/S5LV0001P0.xml"]["status"] == "quarantined" and "0.5-second budget" in rows["volumes/S5LV0001P0.xml"]["reason"]
    assert "ran past the 0.5-second budget" in result.output  # named in the build summary
    assert rows["volumes/day.xml"]["status"] == "parsed"
