"""A published table as it passes between the release steps: Parquet parts on disk, in key order.

The assembled tables of a whole archive do not fit in memory, so the release
steps (validation, the CSV and Parquet packages, the SQLite file, the
catalogue) read each table one part at a time. A table's parts are sorted by
its primary key and cover disjoint, ordered ranges of it, so the parts read in
order are the table in order, and a key's rows are all in one part.

A table held in memory (a test's, or a small build's) is one part: every step
takes both alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.metadata import table_schema


@dataclass(frozen=True)
class TableParts:
    """One table: its schema's name and the Parquet files of its parts, in key order (or one frame in memory)."""

    name: str
    paths: tuple[str, ...] = ()
    frame: pl.DataFrame | None = None

    @classmethod
    def of_frame(cls, name: str, frame: pl.DataFrame) -> TableParts:
        """A table held in memory, as one part."""
        return cls(name, frame=frame)

    def frames(self, columns: list[str] | None = None) -> Iterator[pl.DataFrame]:
        """The parts in order, each read whole (``columns``: only those)."""
        if self.frame is not None:
            yield self.frame if columns is None else self.frame.select(columns)
            return
        if not self.paths:
            empty = table_schema(self.name).empty()
            yield empty if columns is None else empty.select(columns)
            return
        for path in self.paths:
            yield pl.read_parquet(path, columns=columns)

    def scan(self) -> pl.LazyFrame:
        """All parts as one lazy frame, in order."""
        if self.frame is not None:
            return self.frame.lazy()
        if not self.paths:
            return table_schema(self.name).empty().lazy()
        return pl.scan_parquet(list(self.paths))

    def read(self) -> pl.DataFrame:
        """The whole table in memory (for small tables: agencies, members ...)."""
        if self.frame is not None:
            return self.frame
        return pl.concat(list(self.frames())) if len(self.paths) > 1 else next(self.frames())

    @property
    def rows(self) -> int:
        if self.frame is not None:
            return self.frame.height
        return sum(pq.ParquetFile(path).metadata.num_rows for path in self.paths)

    def estimated_size(self) -> int:
        """Bytes the table takes in memory (for parts: the uncompressed size their files record)."""
        if self.frame is not None:
            return self.frame.estimated_size()
        return sum(
            meta.row_group(k).total_byte_size for meta in (pq.ParquetFile(path).metadata for path in self.paths) for k in range(meta.num_row_groups)
        )

    @property
    def part_count(self) -> int:
        return 1 if self.frame is not None else max(1, len(self.paths))

    def present(self, columns: list[str], values: pl.DataFrame) -> pl.DataFrame:
        """Which rows of ``values`` (named ``columns``) occur in this table's ``columns``: read by a
        filtered scan, so only the matching keys are ever held (parts outside the values' range are
        skipped by their statistics)."""
        first = columns[0]
        wanted = pl.col(first).is_between(pl.lit(values[first].min()), pl.lit(values[first].max())) & pl.col(first).is_in(values[first].unique().implode())
        return self.scan().select(columns).filter(wanted).unique().collect()


Tables = Mapping[str, "TableParts | pl.DataFrame"]


def as_parts(tables: Tables) -> dict[str, TableParts]:
    """Every table as :class:`TableParts` (frames held in memory become one part)."""
    return {name: t if isinstance(t, TableParts) else TableParts.of_frame(name, t) for name, t in tables.items()}


def write_part(frame: pl.DataFrame, path: Path) -> str:
    """One part of a table, fast to write and read back (the published files are written from these)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(path, compression="lz4", statistics=True)
    return str(path)
