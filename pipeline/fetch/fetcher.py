"""Fetch a date range of written answers into the archive folder.

Resumable: a page already in the archive whose cached response revalidates
as unchanged is neither downloaded nor written again, so an interrupted run
picks up where it stopped. Every page gets a ``.meta.json`` sidecar with its
URL, as the parsers expect.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import requests
from tqdm import tqdm

from pipeline.fetch.client import FETCH_ERRORS, BadBody, Disallowed, FetchResult, PoliteClient
from pipeline.fetch.html import html_to_text, links
from pipeline.fetch.sites import Site

LICENCE = "Open Parliament Licence v3.0"
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass
class FetchStats:
    """What a fetch did."""

    days: int = 0
    pages_written: int = 0
    pages_unchanged: int = 0
    downloads: int = 0  # responses that came over the network (not 304 / cache)
    disallowed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def fetch_range(start: date, end: date, archive: Path, sites: list[Site], client: PoliteClient, *, progress: bool = True) -> FetchStats:
    """Fetch every sitting day from ``start`` to ``end`` (inclusive) of each site into ``archive``."""
    stats = FetchStats()
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    bar = tqdm(total=len(days) * len(sites), unit="day", disable=not progress, desc="fetch")
    for day in days:
        stats.days += 1
        for site in sites:
            for index_url, prefix in site.day_indexes(day):
                _fetch_day(site, day, index_url, prefix, archive, client, stats)
            bar.update(1)
    bar.close()
    return stats


def _get(client: PoliteClient, url: str, stats: FetchStats):
    try:
        result = client.get(url)
    except Disallowed as err:
        stats.disallowed.append(str(err))
        return None
    except requests.HTTPError as err:
        if err.response is not None and err.response.status_code == 404:
            return None  # no sitting that day, or no such page
        stats.failed.append(f"{url}: {err}")
        return None
    except FETCH_ERRORS as err:
        stats.failed.append(f"{url}: {type(err).__name__}: {err}")
        return None
    if not result.from_cache:
        stats.downloads += 1
    return result


def page_text(result: FetchResult) -> str:
    """The text of a fetched answer page, or :class:`BadBody` saying why it is not one."""
    media_type = result.content_type.split(";", 1)[0].strip().lower()
    if media_type not in HTML_MEDIA_TYPES:
        raise BadBody(f"{result.url}: not an HTML page (Content-Type {media_type or 'missing'})")
    if "\x00" in result.text[:4096]:
        raise BadBody(f"{result.url}: binary content labelled {media_type}")
    text = html_to_text(result.text)
    if not text.strip():
        raise BadBody(f"{result.url}: no text in the page")
    return text


def _unique_target(archive: Path, site: Site, day: date, url: str, claimed: dict[Path, str]) -> Path:
    """The page's file in the archive; a second URL that would take the same name gets the URL's hash in its name."""
    target = archive / f"{site.archive_path(day, url)}.txt"
    sidecar = target.with_name(target.stem + ".meta.json")
    owner = claimed.get(target)
    if owner is None and sidecar.is_file():
        try:
            owner = json.loads(sidecar.read_text(encoding="utf-8")).get("url")
        except (OSError, ValueError):
            owner = None
    if owner is not None and owner != url:
        target = target.with_name(f"{target.stem}-{hashlib.sha256(url.encode()).hexdigest()[:8]}.txt")
    claimed[target] = url
    return target


def _fetch_day(site: Site, day: date, index_url: str, prefix: str, archive: Path, client: PoliteClient, stats: FetchStats) -> None:
    index = _get(client, index_url, stats)
    if index is None:
        return
    claimed: dict[Path, str] = {}
    for url in links(index.text, index.url, prefix):
        page = _get(client, url, stats)
        if page is None:
            continue
        target = _unique_target(archive, site, day, page.url, claimed)
        if page.from_cache and target.is_file():
            stats.pages_unchanged += 1
            continue
        try:
            text = page_text(page)
        except BadBody as err:
            stats.failed.append(str(err))
            continue
        sidecar = {"url": page.url, "licence": LICENCE, "note": "fetched by hansard-data fetch"}
        if page.url != url:
            sidecar["linked_as"] = url  # the address the index gave, before redirects
        _write_atomic(target, text)
        _write_atomic(target.with_name(target.stem + ".meta.json"), json.dumps(sidecar, indent=1))
        stats.pages_written += 1
