"""Fetching zipped volumes of Hansard archive XML into ``archive-volumes/``.

The index page given lists the volumes as links to ``.zip`` (or ``.xml``)
files; each link on the index's own host that is not in the archive yet is
downloaded, streamed to a temporary file with a size cap, and moved into place.
The build reads the zips without unpacking them (:mod:`pipeline.formats.archive_xml_volume`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.fetch.client import BadBody, PoliteClient

MAX_VOLUME_BYTES = 2 * 1024**3


@dataclass
class VolumeFetchStats:
    listed: int = 0
    downloaded: int = 0
    present: int = 0
    failed: list[str] = field(default_factory=list)


def volume_links(index_html: str, index_url: str) -> list[str]:
    """Absolute URLs of the .zip and .xml files the index links to, on its own host, in page order."""
    host = urlsplit(index_url).netloc
    seen: dict[str, None] = {}
    for a in HTMLParser(index_html).css("a[href]"):
        url = urljoin(index_url, (a.attributes.get("href") or "").split("#", 1)[0])
        if urlsplit(url).netloc == host and re.search(r"\.(?:zip|xml)$", urlsplit(url).path, re.IGNORECASE):
            seen.setdefault(url, None)
    return list(seen)


def fetch_volumes(index_url: str, archive: Path, client: PoliteClient, *, max_bytes: int = MAX_VOLUME_BYTES) -> VolumeFetchStats:
    """Download every volume the index lists that the archive does not hold yet."""
    stats = VolumeFetchStats()
    folder = archive / "archive-volumes"
    links = volume_links(client.get(index_url).text, index_url)
    stats.listed = len(links)
    for url in links:
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", unquote(urlsplit(url).path.rsplit("/", 1)[-1]))
        target = folder / name
        if target.is_file():
            stats.present += 1
            continue
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{name}.{os.getpid()}.part")
        try:
            if client.download(url, partial, max_bytes=max_bytes) == 0:
                raise BadBody(f"{url}: empty body")
            os.replace(partial, target)
            stats.downloaded += 1
        except Exception as err:  # one volume failing does not stop the others
            partial.unlink(missing_ok=True)
            stats.failed.append(f"{url}: {type(err).__name__}: {err}")
    return stats
