"""Archive files: source IDs, checksums and ``.meta.json`` sidecars."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

SIDECAR_SUFFIX = ".meta.json"


def source_id_for(path: str) -> str:
    """Stable source ID from the file's archive path."""
    return "src-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (pages, releases, downloads)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sidecar(page: Path) -> tuple[str | None, bool | None]:
    """The ``url`` of a page's ``<name>.meta.json`` sidecar and whether it notes a cut."""
    sidecar = page.with_name(page.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return None, None
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if not isinstance(meta, dict):
        return None, None
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    note = meta.get("note") if isinstance(meta.get("note"), str) else ""
    return url, bool(re.search(r"truncat|cut off", note, re.IGNORECASE)) or bool(meta.get("truncated"))
