"""Writing a release: CSV and Parquet data packages, report, dictionary, catalogue.

A release is checked (validation, name, shrink, free space), written whole
into a staging folder and synced; only then does one switch
(:mod:`pipeline.release.published`) show it, the catalogue, ``latest`` and
the page together. A crash, a kill, a full disk or a failed check therefore
leaves readers what they had before.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.release import catalog, published
from pipeline.release.published import ReleaseRefused, check_release_name
from pipeline.ingest.files import sha256_of
from pipeline.metadata import PACKAGE, all_schemas, table_names
from pipeline.release.database import DATABASE_NAME, DatabaseWriter
from pipeline.release.datasette import DATASETTE_METADATA, datasette_metadata
from pipeline.release.parts import TableParts, Tables, as_parts
from pipeline.release.validation import validate_release

PACKAGE_PREFIX = "hansard-written-answers"
# Zip entries carry the build time (SOURCE_DATE_EPOCH when set); zip cannot store a time before 1980.
_ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)


class ValidationFailed(RuntimeError):
    """Validation found errors: the release was not published."""

    def __init__(self, report: dict):
        self.report = report
        failing = [name for name, t in report["tables"].items() if not t["valid"]]
        super().__init__(f"validation failed for tables {failing}; nothing was published")


ROW_GROUP_ROWS = 256_000
# zstd level 6: at 200,000 API records 3.3 s instead of 4.5 s at level 9 on the release's critical
# path, for Parquet files 3.5% larger (58 MB against 56 MB; docs/performance.md).
PARQUET_ZSTD_LEVEL = 6


def write_csv(table: TableParts | pl.DataFrame, path: Path) -> None:
    """UTF-8, header, comma, RFC 4180 quoting, '\\n' line ends, empty cell for null; written part by part."""
    parts = table.frames() if isinstance(table, TableParts) else [table]
    with path.open("wb") as sink:
        for k, frame in enumerate(parts):
            frame.write_csv(sink, include_header=k == 0, line_terminator="\n", quote_style="necessary", null_value="", date_format="%Y-%m-%d")


def write_parquet(table: TableParts | pl.DataFrame, path: Path) -> None:
    """zstd, statistics, row groups of at most 256,000 rows; written part by part (pyarrow's writer appends row groups)."""
    parts = table.frames() if isinstance(table, TableParts) else [table]
    writer, schema = None, None
    try:
        for frame in parts:
            arrow = frame.to_arrow()
            schema = arrow.schema if schema is None else schema
            if not arrow.num_rows:
                continue  # an empty row group has no statistics, which the catalogue's comparison reads
            if writer is None:
                writer = pq.ParquetWriter(path, schema, compression="zstd", compression_level=PARQUET_ZSTD_LEVEL, write_statistics=True)
            writer.write_table(arrow, row_group_size=ROW_GROUP_ROWS)
        if writer is None and schema is not None:  # an empty table: its columns, no rows
            writer = pq.ParquetWriter(path, schema, compression="zstd", compression_level=PARQUET_ZSTD_LEVEL, write_statistics=True)
    finally:
        if writer is not None:
            writer.close()


def _package(release: str, created: str, fmt: str, directory: Path) -> dict:
    meta = PACKAGE
    resources = []
    for name, schema in all_schemas().items():
        path = directory / f"{name}.{fmt}"
        resource = {
            "name": name,
            "title": schema.descriptor.get("title", name),
            "description": schema.descriptor.get("description", ""),
            "path": path.name,
            "type": "table",
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
            "schema": {k: v for k, v in schema.descriptor.items() if k not in ("name", "title", "description")},
        }
        size, digest = path.stat().st_size, f"sha256:{sha256_of(path)}"
        if fmt == "csv":
            resource["bytes"], resource["hash"] = size, digest
        else:
            # frictionless-py reads Parquet through pyarrow and cannot measure the
            # file's bytes, so the standard "bytes"/"hash" would fail `frictionless
            # validate`; the same figures are kept under a property of our own.
            resource["fileChecksum"] = {"bytes": size, "hash": digest}
            # It also reads through pandas, which turns a null integer into NaN.
            resource["schema"]["missingValues"] = ["", "NaN", "nan"]
        if fmt == "csv":
            resource["encoding"] = "utf-8"
            resource["dialect"] = {"csv": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True}}
        resources.append(resource)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "version": release,
        "created": created,
        "keywords": meta["keywords"],
        "homepage": meta["homepage"],
        "licenses": meta["licenses"],
        "sources": meta["sources"],
        "contributors": meta["contributors"],
        "resources": resources,
    }


def _zip_folder(folder: Path, target: Path, inner: str, when: datetime) -> None:
    """Zip a package deterministically; Parquet files, compressed already, are stored as they are.

    CSV is deflated at level 2: at 100,000 pages it takes 2.4 s instead of 7.6 s
    at the default level 6, for a zip 17% larger (98 MB against 84 MB).
    """
    stamp = max(when, _ZIP_EPOCH).timetuple()[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(f"{inner}/{path.name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if path.suffix == ".parquet" else zipfile.ZIP_DEFLATED
            # ZipFile.open(info, "w") takes the level from the entry (a public name from Python 3.13)
            setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 2)
            info.external_attr = 0o644 << 16
            with path.open("rb") as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, 1 << 20)


def split_out(out: str) -> tuple[str | None, str]:
    """(protocol, path) of an output location; protocol None for a local folder."""
    from fsspec.core import split_protocol

    protocol, path = split_protocol(out)
    return (None if protocol in (None, "file", "local") else protocol), path


def upload_release(local_out: Path, release: str, url: str) -> None:
    """Copy the releases published under ``local_out`` that an fsspec URL (object storage) lacks, then the front.

    ``release`` is always copied; any other published release whose files never
    reached the remote (an upload that failed before) goes too. The releases'
    own prefixes are written first and ``catalog.json``, ``index.html`` and
    ``latest`` last, so a reader who follows ``latest`` never meets a
    half-uploaded release.
    """
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    root = root.rstrip("/")
    for name in published.published_releases(local_out):
        if name != release and fs.exists(f"{root}/{name}/validation.json"):
            continue
        folder = local_out / name
        fs.makedirs(f"{root}/{name}", exist_ok=True)
        # validation.json last: its presence says the release's files are all there
        for path in sorted(folder.rglob("*"), key=lambda p: (p.name == "validation.json" and p.parent == folder, str(p))):
            if path.is_file():
                fs.put_file(str(path), f"{root}/{name}/{path.relative_to(folder).as_posix()}")
    for name in published.FRONT:
        fs.put_file(str(local_out / name), f"{root}/{name}")


def remote_latest(url: str) -> str | None:
    """The release ``latest`` names at an fsspec URL, or None when there is none yet."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    try:
        return fs.cat_file(f"{root.rstrip('/')}/latest").decode("utf-8").strip() or None
    except FileNotFoundError:
        return None


def build_time() -> datetime:
    """When this build happened: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def default_release_name(now: datetime | None = None) -> str:
    """Sortable default release name: the build date."""
    return (now or build_time()).strftime("%Y-%m-%d")


@dataclass
class Published:
    """What publishing did, for the command line and the asset's metadata to report truthfully."""

    release: str
    folder: Path  # <out>/<release>, as readers reach it
    unchanged: bool = False  # the tables equal the latest release's: nothing new was published
    replaced: bool = False
    cleaned: list[str] = field(default_factory=list)  # leftovers of earlier builds removed


# Room a release needs while it is written: CSV about the size of the tables in
# memory, Parquet a third, both zipped again, and a margin for the catalogue.
SPACE_FACTOR, SPACE_MARGIN = 3.0, 32 << 20


def _table_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every table file of a release (its data, not its timestamps)."""
    return {
        f"{fmt}/{path.name}": sha256_of(path)
        for fmt in ("csv", "parquet")
        for path in sorted((folder / fmt).glob(f"*.{fmt}"))
    }


def _question_rows(folder: Path) -> int:
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    return int(report["tables"]["questions"]["rows"])


def _choose_name(release: str | None, existing: dict[str, Path], replace: bool, when: datetime) -> str:
    if release is None:
        base = check_release_name(default_release_name(when))
        name, k = base, 2
        while name in existing:  # a release is never changed in place: the day's second gets a suffix
            name, k = f"{base}.{k}", k + 1
        return name
    name = check_release_name(release)
    if name in existing and not replace:
        raise ReleaseRefused(f"release {name!r} exists already; give another --release, or --replace to replace it")
    return name


def _check_shrink(report: dict, latest: tuple[str, Path] | None, allow_shrink: bool, shrink_limit: float) -> None:
    rows = int(report["tables"]["questions"]["rows"])
    if allow_shrink:
        return
    if rows == 0:
        raise ReleaseRefused("the build found no questions; an empty release is not published (--allow-shrink to publish it anyway)")
    if latest is not None:
        before = _question_rows(latest[1])
        if rows < before * (1 - shrink_limit):
            raise ReleaseRefused(
                f"the build has {rows:,} questions, {before - rows:,} fewer than release {latest[0]} ({before:,}), "
                f"more than {shrink_limit:.0%} fewer; not published (--allow-shrink to publish it anyway)"
            )


def _check_space(tables: dict[str, TableParts], out: Path) -> None:
    needed = int(SPACE_FACTOR * sum(table.estimated_size() for table in tables.values())) + SPACE_MARGIN
    free = published.free_bytes(out)
    if free < needed:
        raise ReleaseRefused(f"not enough free space in {out}: {free >> 20:,} MB free, about {needed >> 20:,} MB needed")


def _write_release(
    tables: dict[str, TableParts], folder: Path, release: str, created_at: str, report: dict, when: datetime, database: DatabaseWriter
) -> None:
    """The release's files in ``folder``; ``database`` (writing meanwhile) is stopped if anything else fails."""
    try:
        documents = _documents(release, created_at, report)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt in ("csv", "parquet"):
            package = folder / fmt
            package.mkdir(parents=True)
            for name in table_names():
                (write_csv if fmt == "csv" else write_parquet)(tables[name], package / f"{name}.{fmt}")
            descriptor = _package(release, created_at, fmt, package)
            (package / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            for name, text in documents.items():
                (package / name).write_text(text, encoding="utf-8")
            _zip_folder(package, folder / f"{PACKAGE_PREFIX}-{release}-{fmt}.zip", f"{PACKAGE_PREFIX}-{release}-{fmt}", when)
    except BaseException:
        database.stop()
        raise
    database.wait()
    documents[DATASETTE_METADATA] = json.dumps(datasette_metadata(release), indent=2, ensure_ascii=False) + "\n"
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")


def _documents(release: str, created_at: str, report: dict) -> dict[str, str]:
    """What travels with the data, at the top of the release and inside both zips."""
    return {
        "README.md": catalog.release_readme(release, created_at, {name: t["rows"] for name, t in report["tables"].items()}),
        "validation.json": json.dumps(report, indent=2) + "\n",
        "LICENCE.md": catalog.licence_text(),
        "CITATION.cff": catalog.citation_cff(release, created_at),
    }


def publish_release(
    tables: Tables,
    out: Path,
    release: str | None = None,
    *,
    replace: bool = False,
    allow_shrink: bool = False,
    shrink_limit: float = 0.10,
    created: datetime | None = None,
) -> Published:
    """Validate ``tables`` and publish them under ``out`` as ``release`` (None: the build date, suffixed if taken).

    Nothing readers see changes unless every check passed and every file was
    written and synced; then one switch (:mod:`pipeline.release.published`)
    shows the release, the catalogue, ``latest`` and the page together.
    Raises :class:`ValidationFailed` or :class:`ReleaseRefused` (publishing
    nothing); returns ``unchanged`` when the tables equal the latest release's.
    """
    when = created or build_time()
    tables = as_parts(tables)
    with published.hold_output(out):
        existing = published.published_releases(out)
        name = _choose_name(release, existing, replace, when)
        previous = [(n, f) for n, f in existing.items() if n != name]
        latest = previous[-1] if previous else None
        cleaned = published.collect_garbage(out)
        _check_space(tables, out)
        created_at = when.replace(microsecond=0).isoformat().replace("+00:00", "Z")
        staging = published.staging_folder(out, name)
        try:
            # The SQLite file, the release's longest step, is written by the other core from the start,
            # while the tables are validated and the CSV and Parquet files written; stopped if they fail.
            database = DatabaseWriter(tables, staging / DATABASE_NAME)
            try:
                report = validate_release(tables)
                if not report["valid"]:
                    raise ValidationFailed(report)
                _check_shrink(report, latest, allow_shrink, shrink_limit)
            except BaseException:
                database.stop()
                raise
            _write_release(tables, staging, name, created_at, report, when, database)
            current = existing.get(name) if replace else None
            newest = existing.get(next(reversed(existing))) if existing else None
            if newest is not None and _table_hashes(staging) == _table_hashes(newest):
                shutil.rmtree(staging)
                newest_name = next(reversed(existing))
                return Published(newest_name, out / newest_name, unchanged=True, cleaned=cleaned)
            published.sync_tree(staging)
            final = staging.with_name(f"{name}.{os.urandom(4).hex()}")
            staging.rename(final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        try:
            entries_by_name = _catalog_entries(out, existing)
            entries_by_name.pop(name, None)
            entry = catalog.release_entry(name, final, latest)
            entries = [entry, *reversed(list(entries_by_name.values()))]
            releases = dict(existing)
            if published.site_folder(out) is None:
                # every release of the old layout moves into .data, the one replaced too
                # (its data is collected after the switch)
                releases = published.adopt_legacy(out, releases)
            releases = {n: f for n, f in releases.items() if n != name}
            releases[name] = final
            published.switch(out, releases, catalog.front_files(catalog.catalog_of(entries)))
        except BaseException:
            if published.site_folder(out) is None or published.published_releases(out).get(name) != final.resolve():
                shutil.rmtree(final, ignore_errors=True)
            raise
        try:
            cleaned += published.collect_garbage(out)
        except OSError:
            pass  # leftovers are removed by the next build; the release is published
        return Published(name, out / name, replaced=current is not None, cleaned=cleaned)


def _catalog_entries(out: Path, existing: dict[str, Path]) -> dict[str, dict]:
    """The catalogue's entries of the releases published now, oldest first (computed for releases of the old layout)."""
    shown = published.current_catalog(out) if published.site_folder(out) is not None else None
    if shown is not None:
        by_name = {entry["name"]: entry for entry in shown["releases"]}
        return {n: by_name[n] for n in existing if n in by_name}
    entries, previous = {}, None
    for n, folder in existing.items():
        entries[n] = catalog.release_entry(n, folder, previous)
        previous = (n, folder)
    return entries
