"""The release README (data dictionary), ``catalog.json``, ``index.html`` and ``latest``."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.ingest.files import sha256_of
from pipeline.metadata import PACKAGE, all_schemas, table_names

from pipeline.release.published import LATEST


def release_readme(release: str, created: str, rows: dict[str, int]) -> str:
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
    lines += [f"| {name} | {rows[name]:,} |" for name in table_names()]
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
        citation_text(release, created),
        "",
        "`CITATION.cff` (in each zip) holds the same in the Citation File Format; `LICENCE.md` the licences.",
        "",
    ]
    return "\n".join(lines)


def citation_text(release: str, created: str) -> str:
    """One line to cite a release by: authors, year, title, version, date, URL."""
    meta = PACKAGE
    return (
        f"Hansard Written Answers project ({created[:4]}). *{meta['title']}* (release {release}, {created[:10]}) [data set]. "
        f"{meta['homepage']}. Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
    )


def citation_cff(release: str, created: str) -> str:
    """The release's citation in the Citation File Format (CITATION.cff, read by GitHub, Zenodo and reference managers)."""
    meta = PACKAGE
    return "\n".join(
        [
            "cff-version: 1.2.0",
            'message: "If you use these data, please cite them as below."',
            "type: dataset",
            f'title: "{meta["title"]}"',
            f'version: "{release}"',
            f"date-released: {created[:10]}",
            "authors:",
            '  - name: "Hansard Written Answers project"',
            f'url: "{meta["homepage"]}"',
            "license: CC-BY-4.0",
            f'abstract: "{meta["description"]}"',
            "keywords:",
            *[f'  - "{k}"' for k in meta["keywords"]],
            "",
        ]
    )


def licence_text() -> str:
    """LICENCE.md of a release: which licence covers which part, from the package metadata."""
    lines = ["# Licences", ""]
    for licence in PACKAGE["licenses"]:
        lines += [f"- **{licence['name']}**: {licence['title']}. {licence['path']}"]
    lines += [
        "",
        "Attribution for the Hansard text: Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
        "",
        "## Sources",
        "",
        *[f"- {source['title']}. {source['path']}" for source in PACKAGE["sources"]],
        "",
    ]
    return "\n".join(lines)


def _key_ranges(path: Path, column: str) -> list[tuple[object, object]]:
    """Ranges of a sorted table's first key, one per row group of its Parquet file: what one step of a comparison holds."""
    metadata = pq.ParquetFile(path).metadata
    index = metadata.schema.names.index(column)
    starts = []
    for k in range(metadata.num_row_groups):
        stats = metadata.row_group(k).column(index).statistics
        if stats is None or not stats.has_min_max:
            return [(None, None)]  # no statistics: one range, the whole table
        starts.append(stats.min)
    bounds = sorted(set(starts[1:]))
    return list(zip([None, *bounds], [*bounds, None]))


def _changes(previous: Path, current: Path) -> dict:
    """Rows added, removed and changed per table since the previous release (by primary key).

    Both releases' tables are sorted by key, so they are compared one key range at a time
    (a row group of the new file and the old rows in its range, read by filtered scans).
    """
    changes = {}
    for name, schema in all_schemas().items():
        old_path, new_path = previous / "parquet" / f"{name}.parquet", current / "parquet" / f"{name}.parquet"
        if not old_path.is_file() or not new_path.is_file():
            continue
        key = schema.primary_key
        old_scan, new_scan = pl.scan_parquet(old_path), pl.scan_parquet(new_path)
        same_columns = old_scan.collect_schema().names() == new_scan.collect_schema().names()
        added = removed = changed = 0
        for low, high in _key_ranges(new_path, key[0]):
            within = pl.lit(True)
            if low is not None:
                within &= pl.col(key[0]) >= low
            if high is not None:
                within &= pl.col(key[0]) < high
            old, new = old_scan.filter(within).collect(), new_scan.filter(within).collect()
            added += new.join(old, on=key, how="anti").height
            removed += old.join(new, on=key, how="anti").height
            common_new = new.join(old.select(key), on=key, how="semi").sort(key)
            common_old = old.join(new.select(key), on=key, how="semi").sort(key)
            if common_new.height and same_columns:
                rows_new = common_new.select(pl.struct(pl.all()).hash(seed=0)).to_series()
                rows_old = common_old.select(pl.struct(pl.all()).hash(seed=0)).to_series()
                changed += int((rows_new != rows_old).sum())
        changes[name] = {"added": added, "removed": removed, "changed": changed}
    return changes


def _charts(release_dir: Path) -> dict:
    """What the download page draws: answers per year (empty years too), per department, commitments by status per decade."""
    parquet = release_dir / "parquet"
    questions = pl.read_parquet(parquet / "questions.parquet", columns=["question_id", "sitting_date", "house", "department", "answering_body_id"])
    bodies = pl.read_parquet(parquet / "agencies.parquet", columns=["agency_id", "name"])
    dated = questions.filter(pl.col("sitting_date").is_not_null()).with_columns(pl.col("sitting_date").dt.year().alias("year"))
    per_year = dated.group_by("year").len().sort("year")
    if per_year.height:
        years = pl.DataFrame({"year": list(range(per_year["year"].min(), per_year["year"].max() + 1))}, schema={"year": per_year["year"].dtype})
        per_year = years.join(per_year, on="year", how="left").with_columns(pl.col("len").fill_null(0))
    department = (
        questions.join(bodies, left_on="answering_body_id", right_on="agency_id", how="left")
        .select(pl.coalesce("name", "department", pl.lit("not stated")).alias("department"))
        .group_by("department").len().sort(["len", "department"], descending=[True, False])
    )
    commitments = pl.read_parquet(parquet / "commitments.parquet", columns=["question_id", "status"])
    by_decade = (
        commitments.join(dated.select("question_id", (pl.col("year") // 10 * 10).alias("decade")), on="question_id", how="inner")
        .group_by("decade", "status").len().sort("decade", "status")
    )
    status_all = commitments.group_by("status").len().sort("status")
    return {
        "answers_per_year": [{"year": y, "answers": n} for y, n in per_year.iter_rows()],
        "answers_per_department": [{"department": d, "answers": n} for d, n in department.iter_rows()],
        "commitments_by_status": [{"status": s, "sentences": n} for s, n in status_all.iter_rows()],
        "commitments_by_decade": [{"decade": d, "status": s, "sentences": n} for d, s, n in by_decade.iter_rows()],
        "coverage": {
            "first_sitting": str(dated["sitting_date"].min()) if dated.height else None,
            "last_sitting": str(dated["sitting_date"].max()) if dated.height else None,
            "houses": sorted(questions["house"].drop_nulls().unique().to_list()),
            "questions": questions.height,
        },
    }


def release_entry(name: str, folder: Path, previous: tuple[str, Path] | None) -> dict:
    """The catalogue's entry for release ``name`` written in ``folder``; changes counted against ``previous`` (name, folder)."""
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    descriptor = json.loads((folder / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    files = sorted(folder.glob("*.zip")) + sorted(folder.glob("*.sqlite")) + [folder / name for name in ("README.md", "validation.json")]
    files += [folder / fmt / "datapackage.json" for fmt in ("csv", "parquet")]
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


def _figure(title: str, chart_id: str, width: int, height: float, body: str | None, note: str = "", after: str = "") -> str:
    """A chart's figure: caption, then the SVG drawn to the screen's width (or "No data.")."""
    caption = f"<figcaption>{html.escape(title)}{' — ' + html.escape(note) if note else ''}</figcaption>"
    if body is None:
        return f'<figure id="{chart_id}">{caption}<p>No data.</p></figure>'
    return (
        f'<figure id="{chart_id}">{caption}<svg role="img" aria-label="{html.escape(title)}" width="100%" viewBox="0 0 {width} {height}" '
        f'preserveAspectRatio="xMinYMin meet">{body}</svg>{after}</figure>'
    )


def _bar_chart(title: str, items: list[tuple[str, int]], chart_id: str, note: str = "") -> str:
    """Horizontal bars as inline SVG that scales to the screen (viewBox, width 100%)."""
    if not items:
        return _figure(title, chart_id, 0, 0, None, note)
    width, bar_h, gap, label_w = 600, 16, 3, 250
    top = max(n for _, n in items) or 1
    height = len(items) * (bar_h + gap)
    bars = []
    for i, (label, n) in enumerate(items):
        y = i * (bar_h + gap)
        w = max(1, int((width - label_w - 60) * n / top)) if n else 0
        bars.append(
            f'<g class="bar"><title>{html.escape(label)}: {n:,}</title><text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{html.escape(label if len(label) <= 40 else label[:39] + "…")}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}"></rect>'
            f'<text x="{label_w + w + 4}" y="{y + 12}">{n:,}</text></g>'
        )
    return _figure(title, chart_id, width, height, "".join(bars), note)


def _column_chart(title: str, items: list[tuple[int, int]], chart_id: str, note: str = "") -> str:
    """Answers per year as columns, every year present (empty years show as gaps); a label each decade."""
    if not items:
        return _figure(title, chart_id, 0, 0, None, note)
    width, height, bottom, left = 600, 180, 18, 36
    top = max(n for _, n in items) or 1
    step = (width - left - 16) / len(items)
    parts = [f'<text x="{left - 4}" y="10" text-anchor="end">{top:,}</text><text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>']
    for i, (year, n) in enumerate(items):
        x = left + i * step
        h = (height - bottom - 4) * n / top
        parts.append(f'<rect x="{x:.2f}" y="{height - bottom - h:.2f}" width="{max(step - 1, 0.6):.2f}" height="{h:.2f}"><title>{year}: {n:,}</title></rect>')
        if year % 10 == 0 or len(items) <= 12 or i in (0, len(items) - 1):
            parts.append(f'<text x="{x + step / 2:.2f}" y="{height - 4}" text-anchor="middle">{year}</text>')
    return _figure(title, chart_id, width, height, "".join(parts), note)


STATUS_COLOURS = {"completed": "#2f855a", "in_progress": "#2b6cb0", "planned": "#d69e2e", "under_consideration": "#805ad5", "declined": "#c53030"}


def _stacked_chart(title: str, rows: list[dict], chart_id: str) -> str:
    """Commitments by status per decade: one stacked bar per decade, a legend of the statuses."""
    if not rows:
        return _figure(title, chart_id, 0, 0, None)
    decades: dict[int, dict[str, int]] = {}
    for r in rows:
        decades.setdefault(r["decade"], {})[r["status"]] = r["sentences"]
    width, bar_h, gap, label_w = 600, 16, 3, 70
    top = max(sum(v.values()) for v in decades.values()) or 1
    parts = []
    for i, (decade, counts) in enumerate(sorted(decades.items())):
        y, x = i * (bar_h + gap), label_w
        parts.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{decade}s</text>')
        for status, colour in STATUS_COLOURS.items():
            n = counts.get(status, 0)
            if n:
                w = max(1, int((width - label_w - 60) * n / top))
                parts.append(f'<rect class="segment" x="{x}" y="{y}" width="{w}" height="{bar_h}" style="fill:{colour}"><title>{decade}s {status}: {n:,}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 4}" y="{y + 12}">{sum(counts.values()):,}</text>')
    height = len(decades) * (bar_h + gap)
    legend = "".join(f'<span class="key"><i style="background:{c}"></i>{html.escape(s.replace("_", " "))}</span>' for s, c in STATUS_COLOURS.items())
    return _figure(title, chart_id, width, height, "".join(parts), after=f"<p class='legend'>{legend}</p>")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:62rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;color:#1a202c}"
    "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #cbd5e0;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    ".scroll{overflow-x:auto}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}"
    "rect{fill:#2b6cb0}svg text{font-size:11px;fill:#1a202c}code{font-size:.8em;word-break:break-all}"
    ".cite{background:#f7fafc;border-left:4px solid #2b6cb0;padding:.5rem .8rem}.legend .key{margin-right:.8rem;white-space:nowrap}"
    ".legend i{display:inline-block;width:.8em;height:.8em;margin-right:.25em;vertical-align:-.05em}"
    "code.name{word-break:normal}nav a{margin-right:1rem;display:inline-block;white-space:nowrap}figure{overflow-x:auto}@media (max-width:40rem){body{margin:.5rem auto;font-size:15px}td,th{padding:.2rem .3rem}figure svg{width:520px;max-width:none}}"
)


def render_index(catalog: dict) -> str:
    """The download page: what the data is, how good, how to cite, charts, and every release's files."""
    from pipeline.metadata.accuracy import ACCURACY

    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{html.escape(catalog['title'])} — downloads</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(catalog['title'])}</h1>",
        f"<p>{html.escape(PACKAGE['description'])} Contains Parliamentary information licensed under the Open Parliament Licence v3.0; "
        "the project's own tables are CC BY 4.0. Machine-readable list of releases: <a href='catalog.json'>catalog.json</a>.</p>",
    ]
    if not catalog["releases"]:
        parts.append("<p>No release yet.</p></body></html>\n")
        return "\n".join(parts)
    newest = catalog["releases"][0]
    name = html.escape(newest["name"])
    charts = newest.get("charts") or {}
    coverage = charts.get("coverage") or {}
    links = {
        "Data dictionary (README)": f"{newest['name']}/README.md",
        "Validation report": f"{newest['name']}/validation.json",
        "SQLite database": f"{newest['name']}/hansard-written-answers.sqlite",
        "CSV zip": f"{newest['name']}/hansard-written-answers-{newest['name']}-csv.zip",
        "Parquet zip": f"{newest['name']}/hansard-written-answers-{newest['name']}-parquet.zip",
    }
    parts.append("<nav id='links'>" + "".join(f"<a href='{html.escape(href)}'>{html.escape(text)}</a>" for text, href in links.items()) + "</nav>")
    parts.append(f"<h2>Latest release: {name}</h2>")
    if coverage:
        parts.append(
            f"<p id='coverage'>{coverage.get('questions', 0):,} questions from sittings of {html.escape(str(coverage.get('first_sitting')))} "
            f"to {html.escape(str(coverage.get('last_sitting')))}; houses: {html.escape(', '.join(coverage.get('houses', [])) or 'none')}.</p>"
        )
    parts.append(f"<p class='cite' id='cite'><strong>How to cite.</strong> {citation_html(newest['name'], str(newest.get('created') or ''))}</p>")
    parts.append("<h3>Tables</h3><div class='scroll'><table id='tables'><tr><th>table</th><th>rows</th><th>what a row is</th></tr>")
    schemas = all_schemas()
    for table, rows in newest["row_counts"].items():
        description = schemas[table].descriptor.get("description", "") if table in schemas else ""
        parts.append(f"<tr><td><code class='name'>{html.escape(table).replace('_', '_<wbr>')}</code></td><td>{rows:,}</td><td>{html.escape(description)}</td></tr>")
    parts.append("</table></div>")
    parts.append(
        "<h3>How accurate</h3><p>Measured once on questions labelled by hand, blind, before any rule was tuned on them "
        "(F1: 1.0 is every item found and nothing wrong). Parsing is near exact; extraction of agencies, instruments and commitments is not yet.</p>"
        "<div class='scroll'><table id='accuracy'><tr><th>batch</th><th>questions</th><th>pages</th><th>questions found</th><th>agency F1</th>"
        "<th>instrument F1</th><th>commitment detection F1</th><th>commitment status macro-F1</th></tr>"
    )
    for row in ACCURACY:
        parts.append(
            f"<tr><td>{row['batch']}</td><td>{row['questions']}</td><td>{html.escape(row['pages'])}</td><td>{row['question_recall']:.2f}</td>"
            f"<td>{row['agency_f1']:.2f}</td><td>{row['instrument_f1']:.2f}</td><td>{row['commitment_detection_f1']:.2f}</td><td>{row['commitment_status_macro_f1']:.2f}</td></tr>"
        )
    parts.append("</table></div>")
    parts.append(_column_chart("Answers per year", [(r["year"], r["answers"]) for r in charts.get("answers_per_year", [])], "chart-answers-per-year", "years without answers in the archive show as gaps"))
    departments = charts.get("answers_per_department", [])
    shown = departments[:15]
    others = sum(r["answers"] for r in departments[15:])
    items = [(r["department"], r["answers"]) for r in shown] + ([(f"{len(departments) - 15} others", others)] if others else [])
    parts.append(_bar_chart("Answers per department", items, "chart-departments"))
    parts.append(_stacked_chart("Commitments by status over time", charts.get("commitments_by_decade", []), "chart-commitments-over-time"))
    parts.append(_bar_chart("Commitments by status", [(r["status"], r["sentences"]) for r in charts.get("commitments_by_status", [])], "chart-commitments"))
    parts.append("<h2>Releases</h2>")
    for k, entry in enumerate(catalog["releases"]):
        rel = html.escape(entry["name"])
        parts.append(f"<section class='release' id='release-{rel}'><h3>Release {rel}{' (latest)' if k == 0 else ''}</h3>")
        parts.append(f"<p>Created {html.escape(str(entry['created']))}.</p><div class='scroll'><table><tr><th>file</th><th>size</th><th>sha256</th></tr>")
        for f in entry["files"]:
            parts.append(f"<tr><td><a class='download' href='{html.escape(f['path'])}'>{html.escape(f['path'])}</a></td><td>{_size(f['bytes'])}</td><td><code>{f['sha256']}</code></td></tr>")
        parts.append("</table></div><div class='scroll'><table><tr><th>table</th><th>rows</th><th>added</th><th>removed</th><th>changed</th></tr>")
        changes = entry.get("changes_since_previous") or {}
        for table, rows in entry["row_counts"].items():
            c = changes.get(table)
            cells = (f"<td>{c['added']:,}</td><td>{c['removed']:,}</td><td>{c['changed']:,}</td>" if c else "<td colspan='3'>first release</td>")
            parts.append(f"<tr><td>{html.escape(table)}</td><td>{rows:,}</td>{cells}</tr>")
        parts.append("</table></div></section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def citation_html(release: str, created: str) -> str:
    text = html.escape(citation_text(release, created))
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
