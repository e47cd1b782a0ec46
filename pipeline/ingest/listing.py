"""Listing the archive: its batches (the Dagster partitions) and the files in each.

The archive is cut into batches — a folder of pages, or a hash bucket of a
large folder — and each batch is one Dagster dynamic partition.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import polars as pl

from pipeline.ingest.files import SIDECAR_SUFFIX, read_sidecar, sha256_of, source_id_for
from pipeline.metadata import store_schema

# A folder with more pages, or more bytes, than this is split into hash buckets
# (16, or 256 ... as many as keep each bucket under both), so that a batch stays
# small enough to rebuild in seconds and to hold in a worker's memory: a month of
# Written Questions API records is one file of 8,000 questions.
FOLDER_LIMIT = 2000
FOLDER_BYTES = 64 << 20
ROOT_BATCH = "(root)"
FILES_SCHEMA = store_schema("files")


def bucket_digits(folder_size: int, folder_bytes: int = 0) -> int:
    """How many hex digits of a name's hash name its bucket: 0 (the folder is one batch), 1 (16 buckets), 2 ..."""
    digits = 0
    while folder_size > FOLDER_LIMIT * 16**digits or folder_bytes > FOLDER_BYTES * 16**digits:
        digits += 1
    return digits


def batch_of(path: str, folder_size: int, folder_bytes: int = 0) -> str:
    """The batch of an archive path: its folder, or a hash bucket of a large folder."""
    folder = path.rsplit("/", 1)[0] if "/" in path else ROOT_BATCH
    digits = bucket_digits(folder_size, folder_bytes)
    if not digits:
        return folder
    bucket = hashlib.sha1(path.rsplit("/", 1)[-1].encode("utf-8")).hexdigest()[:digits]
    return f"{folder}#{bucket}"


def _bytes_of(root: Path, paths: list[str]) -> int:
    """Bytes of a folder's files (links and entries that cannot be read count nothing)."""
    total = 0
    for path in paths:
        try:
            st = (root / path).lstat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            total += st.st_size
    return total


def list_batches(root: Path) -> dict[str, list[str]]:
    """Every batch of the archive and the entries in it, sorted.

    Every entry gets a place, so that every entry gets a ``sources`` row: files,
    links to folders (not followed), and folders that cannot be listed (their
    pages are not in the build, and the row says why). Names that are not UTF-8
    stay as the system gave them (surrogate escapes); the tables print them
    with their bytes escaped (:func:`display_path`).
    """
    root = root.resolve()
    by_folder: dict[str, list[str]] = {}
    unlisted: list[str] = []

    def cannot_list(err: OSError) -> None:
        if err.filename and Path(err.filename) != root:
            unlisted.append(Path(err.filename).relative_to(root).as_posix())

    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_list):
        dirnames.sort()
        folder = Path(dirpath).relative_to(root).as_posix()
        # A sidecar x.meta.json belongs to page x.<ext> and is not an input of its own.
        stems = {name.split(".", 1)[0] for name in filenames if not name.endswith(SIDECAR_SUFFIX)}
        linked = [name for name in dirnames if (Path(dirpath) / name).is_symlink()]  # walked past, not followed
        for name in [*filenames, *linked]:
            if name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in stems:
                continue
            rel = name if folder == "." else f"{folder}/{name}"
            by_folder.setdefault("" if folder == "." else folder, []).append(rel)
    for rel in unlisted:
        parent = rel.rsplit("/", 1)[0] if "/" in rel else ""
        by_folder.setdefault(parent, []).append(rel)
    batches: dict[str, list[str]] = {}
    for paths in by_folder.values():
        size = _bytes_of(root, paths)
        for path in paths:
            batches.setdefault(display_path(batch_of(path, len(paths), size)), []).append(path)
    return {key: sorted(paths) for key, paths in sorted(batches.items())}


def display_path(path: str) -> str:
    """A path as the tables print it: itself, or with the bytes of a name that is not UTF-8 escaped ("caf\\xe9.txt")."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def raw_path(path: str) -> str | None:
    """The hex of a path's bytes when its name is not UTF-8 (to open it again), else None."""
    return None if display_path(path) == path else os.fsencode(path).hex()


def open_path(path: str, raw: str | None) -> str:
    """The path to open for a files-store row."""
    return os.fsdecode(bytes.fromhex(raw)) if raw else path


_KINDS = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def entry_problem(absolute: Path, st: os.stat_result) -> str | None:
    """Why an archive entry cannot be read as a page, checked before it is opened (a FIFO would hang the build)."""
    if stat.S_ISLNK(st.st_mode):
        return None  # links are quarantined by the parser, which says where they point
    if stat.S_ISDIR(st.st_mode):
        return "folder cannot be listed (permission denied): its pages are not in this build; give the build read and search permission"
    for test, what in _KINDS:
        if test(st.st_mode):
            return f"not a regular file but {what}: not read"
    if not os.access(absolute, os.R_OK):
        return "file cannot be read (permission denied): give the build read permission"
    return None


def fingerprint(root: Path, paths: list[str]) -> str:
    """Cheap change detector for a batch (names, sizes, modification times)."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            st = (root / path).stat()
        except FileNotFoundError:
            continue
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()[:16]


def scan_files(root: Path, paths: list[str], previous: pl.DataFrame | None = None) -> pl.DataFrame:
    """Path, sha256, size, sidecar and any problem of each entry; checksums of unchanged files are reused.

    A checksum is reused only while size, modification time and inode change time
    all stand (a copy that keeps size and mtime, as ``rsync -t`` or ``cp -p`` make,
    changes the change time).
    """
    known: dict[str, tuple[int, int, int, str]] = {}
    if previous is not None:
        known = {p: (b, m, c, s) for p, b, m, c, s in previous.select("path", "bytes", "mtime_ns", "ctime_ns", "sha256").iter_rows()}
    rows = []
    for path in paths:
        shown, raw = display_path(path), raw_path(path)
        absolute = root / path
        try:
            st = absolute.lstat()
        except FileNotFoundError:
            continue  # deleted since it was listed: it is simply not in this batch any more
        except OSError as err:
            rows.append(_row(path, shown, raw, None, None, hashlib.sha256(f"unreadable:{shown}".encode()).hexdigest(), 0, 0, 0, f"entry cannot be read: {err.strerror}"))
            continue
        problem = entry_problem(absolute, st)
        old = known.get(shown)
        if stat.S_ISLNK(st.st_mode):
            # Links are not followed (they may point outside the archive): the link itself is hashed.
            sha = hashlib.sha256(os.fsencode(os.readlink(absolute))).hexdigest()
        elif problem:
            sha = hashlib.sha256(f"{problem}:{shown}".encode()).hexdigest()
        elif old and old[:3] == (st.st_size, st.st_mtime_ns, st.st_ctime_ns):
            sha = old[3]
        else:
            try:
                sha = sha256_of(absolute)
            except OSError as err:
                problem, sha = f"file cannot be read: {err.strerror}", hashlib.sha256(f"unreadable:{shown}".encode()).hexdigest()
        url, may_be_cut, sidecar_sha = read_sidecar(absolute) if not problem else (None, None, None)
        rows.append(_row(path, shown, raw, url, may_be_cut, sha, st.st_size, st.st_mtime_ns, st.st_ctime_ns, problem, sidecar_sha))
    return pl.DataFrame(rows, schema=FILES_SCHEMA)


def _row(path, shown, raw, url, may_be_cut, sha, size, mtime, ctime, problem, sidecar_sha=None) -> dict:
    return {
        "source_id": source_id_for(shown), "path": shown, "raw_path": raw, "url": url, "sha256": sha, "bytes": size,
        "may_be_cut": may_be_cut, "mtime_ns": mtime, "ctime_ns": ctime, "problem": problem, "sidecar_sha256": sidecar_sha,
    }
