"""Where the pipeline reads and writes, as a Dagster resource."""

from pathlib import Path

import dagster as dg

from pipeline.release.publish import split_out

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ARCHIVE = REPO_ROOT / "data" / "sample-archive"
DEFAULT_OUT = REPO_ROOT / "outputs"


class ArchiveSettings(dg.ConfigurableResource):
    """The archive folder read, the output folder written, the work folder and the release name.

    In deployments these come from environment variables (HANSARD_ARCHIVE_DIR,
    HANSARD_OUT_DIR, HANSARD_WORK_DIR, HANSARD_RELEASE); `hansard-data build`
    sets them from its options.
    """

    archive_dir: str = str(SAMPLE_ARCHIVE)
    out_dir: str = str(DEFAULT_OUT)
    work_dir: str = ""  # default: <out_dir>/.work (per-batch Parquet stores)
    release: str = ""  # default: the build date

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
        if self.work_dir:
            return Path(self.work_dir).expanduser().resolve()
        if self.out_remote:
            return Path.home() / ".cache" / "hansard-written-answers" / "work"
        return self.out_path / ".work"


class FetchSettings(dg.ConfigurableResource):
    """Fetching from the public Hansard sites: off unless enabled (HANSARD_FETCH_ENABLED=1)."""

    enabled: bool = False
    sites: list[str] = ["historic-hansard", "hansard-web"]
    days_back: int = 7  # each run fetches the last N days (unchanged pages cost a 304 each)
    cache_dir: str = str(Path.home() / ".cache" / "hansard-written-answers")
    seconds_between_requests: float = 1.0
