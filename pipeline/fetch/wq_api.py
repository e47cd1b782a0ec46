"""Fetching the UK Parliament Written Questions API into the archive folder.

For each day of the range, the questions answered that day and those whose
answer was corrected that day (``answeredWhenFrom/To``, ``correctedWhenFrom/To``,
paged with ``take``/``skip``), then the detail record of every question whose
list text is clipped. Written in the layout :mod:`pipeline.formats.wq_api_json`
reads, one pair of files a day::

    wq-api/<yyyy>/questions-<yyyy-mm-dd>.json   the list results, as returned
    wq-api/<yyyy>/details-<yyyy-mm-dd>.json     detail records of clipped questions

Resumable: a day whose files are there is not fetched again unless it is within
``refresh_days`` of today (answers are corrected for a while after they are
given). The client is the polite one of :mod:`pipeline.fetch.client`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from tqdm import tqdm

from pipeline.fetch.client import FETCH_ERRORS, PoliteClient
from pipeline.formats.wq_api_json import CLIP_LENGTH

API_BASE = "https://questions-statements-api.parliament.uk"
PAGE_SIZE = 100
MAX_PAGES = 200  # 20,000 questions a day: far above any real day; a server that never ends its list stops here


@dataclass
class ApiFetchStats:
    """What an API fetch did."""

    days: int = 0
    days_skipped: int = 0
    questions: int = 0
    details: int = 0
    files_written: int = 0
    failed: list[str] = field(default_factory=list)


def _write_json(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _clipped(value: dict) -> bool:
    answer = value.get("answerText") or ""
    return len(answer) >= CLIP_LENGTH and answer.rstrip().endswith(("...", "…"))


def _list(client: PoliteClient, base: str, when: str, day: date) -> list[dict]:
    """Every list result for one day and one kind of date (answered, corrected)."""
    results: list[dict] = []
    for page in range(MAX_PAGES):
        query = {f"{when}WhenFrom": day.isoformat(), f"{when}WhenTo": day.isoformat(), "take": PAGE_SIZE, "skip": page * PAGE_SIZE, "expandMember": "false"}
        data = json.loads(client.get(f"{base}/api/writtenquestions/questions?{urlencode(query)}").text)
        if not isinstance(data, dict):
            raise ValueError("the API answered with something other than a JSON object")
        batch = data.get("results") or []
        results += batch
        if not batch or len(results) >= int(data.get("totalResults") or 0):
            break
    return results


def _day(client: PoliteClient, base: str, day: date) -> tuple[list[dict], list[dict]]:
    """One day's list results (answers and corrections) and the detail records of clipped answers."""
    by_id: dict[int, dict] = {}
    for when in ("answered", "corrected"):
        for item in _list(client, base, when, day):
            value = item.get("value") if isinstance(item, dict) else None
            if isinstance(value, dict) and isinstance(value.get("id"), int):
                by_id[value["id"]] = item  # a correction replaces the answer listed before it
    items = [by_id[k] for k in sorted(by_id)]
    details = []
    for item in items:
        if _clipped(item["value"]):
            detail = json.loads(client.get(f"{base}/api/writtenquestions/questions/{item['value']['id']}?expandMember=false").text)
            if isinstance(detail, dict) and isinstance(detail.get("value"), dict):
                details.append(detail)
    return items, details


def fetch_api_range(start: date, end: date, archive: Path, client: PoliteClient, *, base: str = API_BASE, refresh_days: int = 14, progress: bool = True, today: date | None = None) -> ApiFetchStats:
    """Fetch every day from ``start`` to ``end`` (inclusive) into ``archive/wq-api/``."""
    stats = ApiFetchStats()
    today = today or date.today()
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    for day in tqdm(days, unit="day", disable=not progress, desc="wq-api"):
        stats.days += 1
        folder = archive / "wq-api" / f"{day:%Y}"
        listed, detailed = folder / f"questions-{day.isoformat()}.json", folder / f"details-{day.isoformat()}.json"
        if listed.is_file() and detailed.is_file() and (today - day).days > refresh_days:
            stats.days_skipped += 1
            continue
        try:
            items, details = _day(client, base, day)
        except FETCH_ERRORS as err:  # the day is not written, so the next run fetches it again
            stats.failed.append(f"{day}: {type(err).__name__}: {err}")
            continue
        _write_json(listed, items)
        _write_json(detailed, details)
        stats.questions += len(items)
        stats.details += len(details)
        stats.files_written += 2
    return stats
