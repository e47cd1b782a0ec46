"""Where the pipeline reads and writes, as a Dagster resource."""


from pathlib import Path

import dagster as dg

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ARCHIVE = REPO_ROOT / "data" / "sample-archive"
DEFAULT_OUT = REPO_ROOT / "outputs"


class ArchiveSettings(dg.ConfigurableResource):
    """The archive folder read, the output folder written, and the release name.

    Set through environment variables in deployments (HANSARD_ARCHIVE_DIR,
    HANSARD_OUT_DIR, HANSARD_RELEASE) or run config.
    """

    archive_dir: str = str(SAMPLE_ARCHIVE)
    out_dir: str = str(DEFAULT_OUT)
    release: str = ""

    @property
    def archive_path(self) -> Path:
        return Path(self.archive_dir).expanduser().resolve()

    @property
    def out_path(self) -> Path:
        return Path(self.out_dir).expanduser().resolve()
