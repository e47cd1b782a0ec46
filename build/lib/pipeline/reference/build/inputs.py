"""The builder's committed inputs: curated rows and per-source fixes, kept as CSV under data/reference/curated/.

- ``agencies.csv``: one curated body a row (name, acronym — empty for none —,
  kind, aliases and names to merge, ``|``-separated; years; Wikidata id;
  aliases to drop);
- ``fixes.csv``: every fix list of the source builders as ``list,key,value``
  rows (a set when ``value`` is empty throughout, else a mapping).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

# The builder is a tool of the checkout: its inputs are committed beside it.
CURATED_DIR = Path(__file__).resolve().parents[3] / "data" / "reference" / "curated"


@cache
def _fixes() -> dict[str, list[tuple[str, str]]]:
    lists: dict[str, list[tuple[str, str]]] = {}
    with (CURATED_DIR / "fixes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lists.setdefault(row["list"], []).append((row["key"], row["value"]))
    return lists


def fix_set(name: str) -> set[str]:
    """A fix list that is a set of names or ids."""
    return {k for k, _ in _fixes()[name]}


def fix_map(name: str, *, none_if_empty: bool = False) -> dict[str, str | None]:
    """A fix list that maps a name or id to a value, in file order (``none_if_empty``: an empty value means drop)."""
    return {k: (None if none_if_empty and v == "" else v) for k, v in _fixes()[name]}


def _split(value: str) -> list[str]:
    return [" ".join(v.split()) for v in value.split("|") if v.strip()]


def _year(value: str) -> int | None:
    return int(value) if value else None


def curated_rows() -> list[dict]:
    """The curated rows, in file order (a later row refines what an earlier one made)."""
    with (CURATED_DIR / "agencies.csv").open(encoding="utf-8", newline="") as handle:
        return [
            dict(
                name=row["name"], acronym=row["acronym"], kind=row["kind"] or None, aliases=_split(row["aliases"]),
                start=_year(row["start_year"]), end=_year(row["end_year"]), match=_split(row["match"]),
                qid=row["wikidata_qid"] or None, drop=_split(row["drop_aliases"]),
            )
            for row in csv.DictReader(handle)
        ]
