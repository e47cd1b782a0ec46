"""The output folder as readers see it, changed by one atomic switch only.

An output folder ``out`` looks like this::

    out/catalog.json -> .site/catalog.json
    out/index.html   -> .site/index.html
    out/latest       -> .site/latest
    out/<release>    -> .site/<release>
    out/.site        -> .sites/<version>         the switch
    out/.sites/<version>/                        catalogue, page, latest, and
        <release>    -> ../../.data/<folder>     one link per published release
    out/.data/<folder>/                          a release's files, never changed once written
    out/.lock                                    held by the build writing here

Publishing writes a release into ``.data`` and a whole new site version into
``.sites``, syncs every file and folder, then replaces the ``.site`` link with
one rename(2). A reader, a crash or a kill sees the site before or the site
after, never a mixture: the catalogue, ``latest``, the page and every release
folder change together. What a failed publish leaves behind is not referenced
by the site and is removed by the next build (``collect_garbage``).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import secrets
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LATEST = "latest"
CATALOG = "catalog.json"
INDEX = "index.html"
FRONT = (CATALOG, INDEX, LATEST)
SITE, SITES, DATA, LOCK = ".site", ".sites", ".data", ".lock"
STAGING_PREFIX = ".staging-"
LEGACY_SUFFIX = ".legacy"  # releases published before this layout, moved into .data

# A release name is one path segment people can type: letters, digits, '.', '_', '-',
# starting with a letter or digit (so never hidden, never '..').
RELEASE_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}")
RESERVED_NAMES = frozenset(FRONT) | {"csv", "parquet", "work"}


class ReleaseRefused(ValueError):
    """The release cannot be published as asked; nothing was changed."""


class OutputBusy(RuntimeError):
    """Another build holds the output folder."""


def check_release_name(name: str) -> str:
    """``name`` if it can name a release, else :class:`ReleaseRefused` saying why."""
    if not RELEASE_NAME.fullmatch(name):
        raise ReleaseRefused(
            f"release name {name!r} is not allowed: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    if name.lower() in RESERVED_NAMES or name.endswith(".tmp"):
        raise ReleaseRefused(f"release name {name!r} is reserved")
    return name


_held: dict[Path, list] = {}  # output folder -> [open lock file, depth]; the lock is re-entrant in a process


@contextmanager
def hold_output(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for the block; :class:`OutputBusy` at once if another process holds it."""
    out.mkdir(parents=True, exist_ok=True)
    key = out.resolve()
    if key in _held:
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    handle = (key / LOCK).open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        if err.errno in (errno.EAGAIN, errno.EACCES):
            raise OutputBusy(f"another build (process {holder}) is writing to {out}; wait for it to finish") from None
        raise
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    _held[key] = [handle, 1]
    try:
        yield
    finally:
        del _held[key]
        handle.close()  # closing releases the flock


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder`` (files first, then their folders)."""
    for root, dirs, files in os.walk(folder):
        for name in files:
            _fsync_path(Path(root) / name)
    for root, dirs, files in os.walk(folder, topdown=False):
        _fsync_path(Path(root))


def site_folder(out: Path) -> Path | None:
    """The site version readers see now, or None before the first publish."""
    link = out / SITE
    return (out / os.readlink(link)) if link.is_symlink() else None


def published_releases(out: Path) -> dict[str, Path]:
    """Release name -> its data folder, in the order of the current catalogue (oldest first).

    Folders published before this layout (real release folders at the top of
    ``out``, or ones already moved into ``.data``) count as published until
    the first switch takes them over.
    """
    site = site_folder(out)
    if site is None:
        found = {p.name: p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and (p / "validation.json").is_file()} if out.is_dir() else {}
        data = out / DATA
        if data.is_dir():
            found |= {p.name.removesuffix(LEGACY_SUFFIX): p for p in data.iterdir() if p.name.endswith(LEGACY_SUFFIX)}
        return dict(sorted(found.items()))
    catalog = json.loads((site / CATALOG).read_text(encoding="utf-8"))
    names = [entry["name"] for entry in reversed(catalog["releases"])]
    return {name: (site / name).resolve() for name in names}


def current_catalog(out: Path) -> dict | None:
    """The catalogue readers see now (None before the first publish)."""
    path = out / CATALOG
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def staging_folder(out: Path, release: str) -> Path:
    """A fresh folder in ``.data`` to write a release into before it is published."""
    folder = out / DATA / f"{STAGING_PREFIX}{release}-{os.getpid()}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target`` in one rename (whatever was there before)."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    tmp = path.with_name(f".{path.name}.link-{os.getpid()}.tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, path)


def switch(out: Path, releases: dict[str, Path], front: dict[str, str]) -> Path:
    """Make ``releases`` (name -> data folder in ``.data``) and ``front`` (catalog.json, index.html, latest) what readers see.

    Everything is written and synced first; the switch itself is one rename.
    Returns the new site version's folder.
    """
    version = out / SITES / f"{secrets.token_hex(6)}"
    version.mkdir(parents=True)
    for name, text in front.items():
        (version / name).write_text(text, encoding="utf-8")
    for name, data in releases.items():
        os.symlink(os.path.relpath(data, version), version / name)
    sync_tree(version)
    _fsync_path(out / SITES)
    # Links at the top of ``out`` name the site, not a version: made once, they never
    # change, and until the switch a new release's link leads nowhere.
    first = not (out / SITE).is_symlink()
    if first:
        # An output folder of the old layout: nothing leads through .site yet, so it is made
        # first and each old file is then swapped for its link, one rename each.
        _replace_with_link(out / SITE, f"{SITES}/{version.name}")
    for name in [*FRONT, *releases]:
        _replace_with_link(out / name, f"{SITE}/{name}")
    _fsync_path(out)
    if not first:
        _replace_with_link(out / SITE, f"{SITES}/{version.name}")
        _fsync_path(out)
    return version


def collect_garbage(out: Path) -> list[str]:
    """Remove what no reader can reach: old site versions, unpublished or retired data, dangling links.

    Called with the output lock held, so no other build is writing here.
    """
    removed: list[str] = []
    site = site_folder(out)
    if site is None:
        return removed
    releases = published_releases(out)
    live = {p.resolve() for p in releases.values()}
    for top in sorted(out.iterdir()):
        name = top.name
        if top.is_symlink() and not name.startswith(".") and name not in releases and name not in FRONT:
            top.unlink()  # a release's link whose publish never switched
            removed.append(name)
        elif name.startswith((".staging-", ".retired-")) and top.is_dir():
            shutil.rmtree(top, ignore_errors=True)  # left by builds of the old layout
            removed.append(name)
        elif name.startswith(".") and name.endswith(".tmp") and (top.is_symlink() or top.is_file()):
            top.unlink()
            removed.append(name)
    for version in sorted((out / SITES).iterdir()):
        if version.resolve() != site.resolve():
            shutil.rmtree(version, ignore_errors=True)
            removed.append(f"{SITES}/{version.name}")
    for data in sorted((out / DATA).iterdir()) if (out / DATA).is_dir() else []:
        if data.resolve() not in live:
            shutil.rmtree(data, ignore_errors=True)
            removed.append(f"{DATA}/{data.name}")
    return removed


def adopt_legacy(out: Path, releases: dict[str, Path]) -> dict[str, Path]:
    """Move release folders of the layout before this one into ``.data``, ready for the first switch.

    Until that switch the moved releases are missing from the top of ``out``
    (a one-time gap, once per output folder); a build killed in between finds
    them in ``.data`` by their suffix and publishes them with the next switch.
    """
    (out / DATA).mkdir(exist_ok=True)
    adopted = {}
    for name, folder in releases.items():
        if folder.parent == out:
            target = out / DATA / f"{name}{LEGACY_SUFFIX}"
            folder.rename(target)
            folder = target
        adopted[name] = folder
    return adopted


def free_bytes(out: Path) -> int:
    """Bytes free on the file system holding ``out``."""
    return shutil.disk_usage(out).free
