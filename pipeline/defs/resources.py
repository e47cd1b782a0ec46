"""Dagster resources: where the pipeline reads and writes, the fetch client, the tables' IO manager."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import dagster as dg
from upath import UPath

from pipeline.release.parts import TableParts
from pipeline.release.publish import split_out


class ArchiveSettings(dg.ConfigurableResource):
    """The archive folder read, the output folder written, the work folder and the release name.

    Under ``dagster dev`` and in deployments the folders come from
    ``HANSARD_ARCHIVE_DIR`` and ``HANSARD_OUT_DIR`` (:func:`pipeline.defs.build_defs`
    reads them as ``EnvVar`` at run time); ``hansard-data build`` passes them
    from its options.
    """

    archive_dir: str
    out_dir: str
    work_dir: str = ""  # default: HANSARD_WORK_DIR if set when the run starts, else <out_dir>/.work
    release: str = ""  # default: HANSARD_RELEASE if set when the run starts, else the build date (suffixed if taken)
    replace: bool = False  # an existing release of the name given is replaced (one atomic switch) instead of refused
    allow_shrink: bool = False  # publish even with no questions, or more than 10% fewer than the latest release
    # A page whose parsing or extraction runs longer is stopped and quarantined (0: no watchdog, batches in process).
    page_budget_seconds: float = 30.0

    @property
    def release_name(self) -> str | None:
        """The release name, or None for the default (the build date)."""
        return self.release or os.environ.get("HANSARD_RELEASE") or None

    @property
    def archive_path(self) -> Path:
        return Path(self.archive_dir).expanduser().resolve()

    @property
    def out_remote(self) -> bool:
        """The output is an fsspec URL of object storage (s3://, gs://, memory:// ...)."""
        return split_out(self.out_dir)[0] is not None

    @property
    def out_path(self) -> Path:
        """Local folder releases are written to (a mirror in the work folder when the output is remote)."""
        if self.out_remote:
            return self.work_path / "published"
        return Path(split_out(self.out_dir)[1]).expanduser().resolve()

    @property
    def work_path(self) -> Path:
        if chosen := self.work_dir or os.environ.get("HANSARD_WORK_DIR"):
            return Path(chosen).expanduser().resolve()
        if self.out_remote:  # one work folder per remote output, so two buckets never share a mirror
            key = hashlib.sha256(self.out_dir.encode()).hexdigest()[:12]
            return Path.home() / ".cache" / "hansard-written-answers" / "work" / key
        return self.out_path / ".work"


class FetchClient(dg.ConfigurableResource):
    """Fetching from the public Hansard sites: off unless enabled (run config, or HANSARD_FETCH_ENABLED=1 when the run starts)."""

    enabled: bool = False
    sites: list[str] = ["historic-hansard", "hansard-web"]
    days_back: int = 7  # each run fetches the last N days (unchanged pages cost a 304 each)
    cache_dir: str = str(Path.home() / ".cache" / "hansard-written-answers")
    seconds_between_requests: float = 1.0

    @property
    def is_enabled(self) -> bool:
        return self.enabled or os.environ.get("HANSARD_FETCH_ENABLED", "") in ("1", "true", "yes")

    def client(self):
        """The polite HTTP client these settings describe."""
        from pipeline.fetch.client import PoliteClient

        return PoliteClient(cache_dir=Path(self.cache_dir), min_interval=self.seconds_between_requests)


class _TablePartsIndex(dg.UPathIOManager):
    extension = ".json"

    def dump_to_path(self, context: dg.OutputContext, obj: TableParts, path: UPath) -> None:
        if obj.frame is not None:
            raise TypeError(f"table {obj.name} is held in memory; only tables in parts on disk pass between runs")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"name": obj.name, "paths": list(obj.paths)}, indent=1) + "\n", encoding="utf-8")

    def load_from_path(self, context: dg.InputContext, path: UPath) -> TableParts:
        index = json.loads(path.read_text(encoding="utf-8"))
        missing = [p for p in index["paths"] if not Path(p).is_file()]
        if missing:
            raise dg.Failure(f"the parts of table {index['name']} from an earlier run are gone ({missing[0]}); materialise release_tables again")
        return TableParts(index["name"], tuple(index["paths"]))


class TablesIOManager(dg.ConfigurableIOManagerFactory):
    """The tables between assets: each is Parquet parts under ``<work>/assembled``; what passes is where they are (a JSON index under ``<work>/tables``)."""

    settings: ArchiveSettings

    def create_io_manager(self, context: dg.InitResourceContext) -> _TablePartsIndex:
        return _TablePartsIndex(base_path=UPath(self.settings.work_path / "tables"))
