"""Where each public site keeps its written answers, by sitting day.

- historic Hansard (api.parliament.uk/historic-hansard): a day's written
  answers are listed at ``/historic-hansard/written_answers/<yyyy>/<mon>/<dd>``
  and each section is a page under that path;
- hansard.parliament.uk: a day's written answers of a House are listed at
  ``/<House>/<yyyy-mm-dd>/writtenanswers`` and each answer page is under
  ``/<House>/<yyyy-mm-dd>/debates/``.

The base URL of each is configurable, so tests point them at 127.0.0.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Site:
    """One public site: how to list a day's answers and where to file each page."""

    name: str  # the archive folder it fills, e.g. "historic-hansard"
    base: str

    def day_indexes(self, day: date) -> list[tuple[str, str]]:
        """(index URL, link prefix of the day's answer pages) for a sitting day."""
        raise NotImplementedError

    def archive_path(self, day: date, url: str) -> str:
        """Where a fetched page goes in the archive (relative, '/' separated, no suffix)."""
        slug = re.sub(r"[^A-Za-z0-9-]+", "-", url.rstrip("/").rsplit("/", 1)[-1]).strip("-").lower()[:80] or "page"
        return f"{self.name}/{day:%Y}/{day:%m}/{day:%Y-%m-%d}-{slug}"


@dataclass(frozen=True)
class HistoricHansard(Site):
    name: str = "historic-hansard"
    base: str = "https://api.parliament.uk"

    def day_indexes(self, day: date) -> list[tuple[str, str]]:
        path = f"/historic-hansard/written_answers/{day.year}/{MONTHS[day.month - 1]}/{day.day:02d}"
        return [(urljoin(self.base, path), path + "/")]


@dataclass(frozen=True)
class HansardWeb(Site):
    name: str = "hansard-web"
    base: str = "https://hansard.parliament.uk"

    def day_indexes(self, day: date) -> list[tuple[str, str]]:
        return [
            (urljoin(self.base, f"/{house}/{day:%Y-%m-%d}/writtenanswers"), f"/{house}/{day:%Y-%m-%d}/debates/")
            for house in ("Commons", "Lords")
        ]

    def archive_path(self, day: date, url: str) -> str:
        house = "lords" if "/Lords/" in url else "commons"
        return super().archive_path(day, url).replace(f"{self.name}/", f"{self.name}/{house}/", 1)


SITES = {"historic-hansard": HistoricHansard, "hansard-web": HansardWeb}
