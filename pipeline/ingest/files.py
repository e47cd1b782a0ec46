"""Archive files: source IDs, checksums and ``.meta.json`` sidecars."""

from __future__ import annotations

import hashlib
import json
import re
import stat
from pathlib import Path

SIDECAR_SUFFIX = ".meta.json"


def source_id_for(path: str) -> str:
    """Stable source ID from the file's archive path as the tables print it."""
    return "src-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (pages, releases, downloads)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


MAX_SIDECAR_BYTES = 64 * 1024


def read_sidecar(page: Path) -> tuple[str | None, bool | None, str | None]:
    """The ``url`` of a page's ``<name>.meta.json`` sidecar, whether it notes a cut, and the sidecar's sha256.

    A sidecar is read only when it is a regular file of at most 64 kB (a link is
    not followed: it could point outside the archive); nesting too deep to read
    counts as no sidecar. Its sha256 keys the page's store rows with the page's
    own, so an edited sidecar re-reads its page.
    """
    sidecar = page.with_name(page.stem + SIDECAR_SUFFIX)
    try:
        st = sidecar.lstat()
    except OSError:
        return None, None, None
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_SIDECAR_BYTES:
        return None, None, None
    try:
        data = sidecar.read_bytes()
        meta = json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None, None, hashlib.sha256(b"unreadable sidecar").hexdigest()
    digest = hashlib.sha256(data).hexdigest()
    if not isinstance(meta, dict):
        return None, None, digest
    url = meta.get("url") if isinstance(meta.get("url"), str) and len(meta["url"]) <= 2048 else None
    note = meta.get("note") if isinstance(meta.get("note"), str) else ""
    return url, bool(re.search(r"truncat|cut off", note[:2000], re.IGNORECASE)) or bool(meta.get("truncated")), digest
