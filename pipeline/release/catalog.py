"""The release README (data dictionary), ``catalog.json``, ``index.html`` and ``latest``."""

from __future__ import annotations

import html
import json
from pathlib import Path

import polars as pl

from pipeline.ingest.files import sha256_of
from pipeline.metadata import PACKAGE, all_schemas, table_names

from pipeline.release.published import LATEST


def release_readme(release: str, created: str, tables: dict[str, pl.DataFrame]) -> str:
    """The data dictionary of a release, generated from the schemas."""
    meta = PACKAGE
    lines = [
        f"# {meta['title']} — release {release}",
        "",
        meta["description"],
        "",
        f"Built {created}. Contains Parliamentary information licensed under the Open Parliament Licence v3.0; "
        "the project's own tables and extractions are CC BY 4.0.",
        "",
        "## Files",
        "",
        "- `csv/` — the tables as CSV (UTF-8, header row, comma, RFC 4180 quoting) with `datapackage.json`",
        "- `parquet/` — the same tables as Parquet with `datapackage.json`",
        f"- `{'hansard-written-answers'}-{release}-csv.zip`, `…-parquet.zip` — each package zipped whole",
        "- `validation.json` — the validation report that allowed publication",
        "",
        "## Row counts",
        "",
        "| table | rows |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {tables[name].height:,} |" for name in table_names()]
    lines += ["", "## Data dictionary", ""]
    for name, schema in all_schemas().items():
        d = schema.descriptor
        lines += [f"### {name}", "", d.get("description", ""), ""]
        keys = f"Primary key: {', '.join(schema.primary_key)}."
        for fk in schema.foreign_keys:
            keys += f" {', '.join(fk['fields'])} → {fk['reference']['resource']}.{', '.join(fk['reference']['fields'])}."
        lines += [keys, "", "| column | type | required | meaning | example |", "|---|---|---|---|---|"]
        for f in schema.fields:
            c = f.get("constraints", {})
            meaning = f.get("description", "")
            if "enum" in c:
                meaning += " One of: " + ", ".join(f"`{v}`" for v in c["enum"]) + "."
            example = str(f.get("example", "")).replace("|", "\\|")
            lines.append(f"| `{f['name']}` | {f['type']} | {'yes' if c.get('required') else 'no'} | {meaning} | {example} |")
        lines.append("")
    lines += [
        "## Loading",
        "",
        "polars: `pl.read_parquet('parquet/questions.parquet')`",
        "",
        "pandas: `pd.read_parquet('parquet/questions.parquet')` or `pd.read_csv('csv/questions.csv', keep_default_na=False, na_values=[''])`",
        "",
        "R: `arrow::read_parquet('parquet/questions.parquet')` or `readr::read_csv('csv/questions.csv')`",
        "",
        "DuckDB: `SELECT * FROM 'parquet/questions.parquet'`",
        "",
        "frictionless: `frictionless validate csv/datapackage.json`",
        "",
        "## How to cite",
        "",
        f"Hansard Written Answers project ({created[:4]}). *{meta['title']}*, release {release}. "
        "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
        "",
    ]
    return "\n".join(lines)


def _changes(previous: Path, current: Path) -> dict:
    """Rows added, removed and changed per table since the previous release (by primary key)."""
    changes = {}
    for name, schema in all_schemas().items():
        old_path, new_path = previous / "parquet" / f"{name}.parquet", current / "parquet" / f"{name}.parquet"
        if not old_path.is_file() or not new_path.is_file():
            continue
        old, new = pl.read_parquet(old_path), pl.read_parquet(new_path)
        key = schema.primary_key
        added = new.join(old, on=key, how="anti").height
        removed = old.join(new, on=key, how="anti").height
        common_new = new.join(old.select(key), on=key, how="semi").sort(key)
        common_old = old.join(new.select(key), on=key, how="semi").sort(key)
        changed = 0
        if common_new.height and common_new.columns == common_old.columns:
            rows_new = common_new.select(pl.struct(pl.all()).hash(seed=0)).to_series()
            rows_old = common_old.select(pl.struct(pl.all()).hash(seed=0)).to_series()
            changed = int((rows_new != rows_old).sum())
        changes[name] = {"added": added, "removed": removed, "changed": changed}
    return changes


def _charts(release_dir: Path) -> dict:
    questions = pl.read_parquet(release_dir / "parquet" / "questions.parquet", columns=["sitting_date"])
    per_year = (
        questions.filter(pl.col("sitting_date").is_not_null())
        .group_by(pl.col("sitting_date").dt.year().alias("year"))
        .len()
        .sort("year")
    )
    commitments = pl.read_parquet(release_dir / "parquet" / "commitments.parquet", columns=["status"])
    by_status = commitments.group_by("status").len().sort("status")
    return {
        "answers_per_year": [{"year": y, "answers": n} for y, n in per_year.iter_rows()],
        "commitments_by_status": [{"status": s, "sentences": n} for s, n in by_status.iter_rows()],
    }


def release_entry(name: str, folder: Path, previous: tuple[str, Path] | None) -> dict:
    """The catalogue's entry for release ``name`` written in ``folder``; changes counted against ``previous`` (name, folder)."""
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    descriptor = json.loads((folder / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    files = sorted(folder.glob("*.zip")) + [folder / fmt / "datapackage.json" for fmt in ("csv", "parquet")]
    return {
        "name": name,
        "created": descriptor.get("created"),
        "row_counts": {t: v["rows"] for t, v in report["tables"].items()},
        "files": [{"path": f"{name}/{p.relative_to(folder).as_posix()}", "bytes": p.stat().st_size, "sha256": sha256_of(p)} for p in files],
        "changes_since_previous": _changes(previous[1], folder) if previous else None,
        "previous": previous[0] if previous else None,
        "charts": _charts(folder),
    }


def catalog_of(entries: list[dict]) -> dict:
    """The catalogue over release entries, newest first."""
    return {"title": PACKAGE["title"], "latest": entries[0]["name"] if entries else None, "releases": entries}


def front_files(catalog: dict) -> dict[str, str]:
    """What readers find at the top of the output folder: the catalogue, the page and ``latest``."""
    return {
        "catalog.json": json.dumps(catalog, indent=2) + "\n",
        "index.html": render_index(catalog),
        LATEST: (catalog["latest"] or "") + "\n",
    }


def _bar_chart(title: str, items: list[tuple[str, int]], chart_id: str) -> str:
    if not items:
        return f'<figure id="{chart_id}"><figcaption>{html.escape(title)}</figcaption><p>No data.</p></figure>'
    width, bar_h, gap = 560, 18, 4
    top = max(n for _, n in items) or 1
    height = len(items) * (bar_h + gap)
    bars = []
    for i, (label, n) in enumerate(items):
        y = i * (bar_h + gap)
        w = max(1, int((width - 210) * n / top))
        bars.append(
            f'<g class="bar"><text x="0" y="{y + 13}">{html.escape(label)}</text>'
            f'<rect x="150" y="{y}" width="{w}" height="{bar_h}"></rect>'
            f'<text x="{154 + w}" y="{y + 13}">{n:,}</text></g>'
        )
    return (
        f'<figure id="{chart_id}"><figcaption>{html.escape(title)}</figcaption>'
        f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        + "".join(bars)
        + "</svg></figure>"
    )


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


def render_index(catalog: dict) -> str:
    """The download page: every release, its files, what changed, and two charts."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{html.escape(catalog['title'])} — downloads</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}"
        "rect{fill:#2b6cb0}svg text{font-size:12px}code{font-size:.85em;word-break:break-all}</style></head><body>",
        f"<h1>{html.escape(catalog['title'])}</h1>",
        "<p>UK Parliament written answers as open tables. Contains Parliamentary information licensed under the "
        "Open Parliament Licence v3.0. Machine-readable list: <a href='catalog.json'>catalog.json</a>.</p>",
    ]
    for k, entry in enumerate(catalog["releases"]):
        name = html.escape(entry["name"])
        parts.append(f"<section class='release' id='release-{name}'><h2>Release {name}{' (latest)' if k == 0 else ''}</h2>")
        parts.append(f"<p>Created {html.escape(str(entry['created']))}.</p><h3>Downloads</h3><table><tr><th>file</th><th>size</th><th>sha256</th></tr>")
        for f in entry["files"]:
            parts.append(f"<tr><td><a class='download' href='{html.escape(f['path'])}'>{html.escape(f['path'])}</a></td><td>{_size(f['bytes'])}</td><td><code>{f['sha256']}</code></td></tr>")
        parts.append("</table><h3>Rows</h3><table><tr><th>table</th><th>rows</th><th>added</th><th>removed</th><th>changed</th></tr>")
        changes = entry.get("changes_since_previous") or {}
        for table, rows in entry["row_counts"].items():
            c = changes.get(table)
            cells = (f"<td>{c['added']:,}</td><td>{c['removed']:,}</td><td>{c['changed']:,}</td>" if c else "<td colspan='3'>first release</td>")
            parts.append(f"<tr><td>{html.escape(table)}</td><td>{rows:,}</td>{cells}</tr>")
        parts.append("</table>")
        if k == 0:
            charts = entry["charts"]
            parts.append(_bar_chart("Answers per year", [(str(r["year"]), r["answers"]) for r in charts["answers_per_year"]], "chart-answers-per-year"))
            parts.append(_bar_chart("Commitments by status", [(r["status"], r["sentences"]) for r in charts["commitments_by_status"]], "chart-commitments"))
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
