"""The release as one SQLite database: every table with its keys, indexes and a full-text index.

Written with ``sqlite-utils`` (Simon Willison's library for building SQLite
databases, the companion of Datasette): it declares primary and foreign keys,
creates the full-text index in the form Datasette finds on its own (an FTS5
table ``questions_fts`` over ``questions``), and inserts rows in batches. The
columns, types and keys come from :mod:`pipeline.metadata`, like every other
output. Rows are inserted in table order in chunks of :data:`CHUNK_ROWS`, so
memory holds one chunk, and the same tables give the same file bytes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import polars as pl
import sqlite_utils

from pipeline.metadata import all_schemas
from pipeline.release.parts import Tables, as_parts

DATABASE_NAME = "hansard-written-answers.sqlite"
CHUNK_ROWS = 20_000
# Full-text search over what people search for: the question, the answer, the heading.
FULL_TEXT = {"questions": ("heading", "question_text", "answer_text")}
# Columns filtered by the canned queries and by people browsing, beyond the foreign keys.
INDEXED = {"questions": ("sitting_date", "house", "department"), "commitments": ("status",), "instruments": ("kind",)}

_SQL_TYPES = {"string": str, "integer": int, "number": float, "boolean": int, "date": str, "datetime": str, "year": int}


def _as_sqlite(frame: pl.DataFrame) -> pl.DataFrame:
    """Dates as ISO text, booleans as 0/1: what SQLite stores and Datasette shows."""
    return frame.with_columns(
        [pl.col(c).dt.strftime("%Y-%m-%d") for c, t in frame.schema.items() if t == pl.Date]
        + [pl.col(c).cast(pl.Int8) for c, t in frame.schema.items() if t == pl.Boolean]
    )


def _foreign_keys(schema) -> list[tuple[str, str, str]]:
    return [(fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0]) for fk in schema.foreign_keys if len(fk["fields"]) == 1]


def _referenced_first(schemas: dict) -> list[str]:
    """Table names with every table after the tables its foreign keys point at (sqlite-utils checks them)."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order or name in path:
            return
        for _, other, _ in _foreign_keys(schemas[name]):
            if other != name:
                visit(other, (*path, name))
        order.append(name)

    for name in schemas:
        visit(name, ())
    return order


def _indexed_columns(schema, name: str) -> list[str]:
    """The columns given an index of their own: foreign keys and :data:`INDEXED`, but not the column
    that leads the primary key, which the primary key's own index already serves."""
    leading = schema.primary_key[0] if schema.primary_key else None
    return sorted(({c for c, _, _ in _foreign_keys(schema)} | set(INDEXED.get(name, ()))) - {leading})


def write_database(tables: Tables, path: Path) -> Path:
    """Write every table of the release to a new SQLite file at ``path``."""
    tables = as_parts(tables)
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        db = sqlite_utils.Database(connection)
        # 16 KiB pages: a file of long texts written once takes 8% less time to write than at 4 KiB (fewer
        # B-tree pages and overflow chains) and is 3% smaller (docs/performance.md).
        db.execute("PRAGMA page_size = 16384")
        db.execute("PRAGMA journal_mode = OFF")  # a new file written once: no journal needed
        db.execute("PRAGMA synchronous = OFF")  # the publisher syncs the finished file itself
        schemas = all_schemas()
        for name in _referenced_first(schemas):
            schema = schemas[name]
            fields = schema.fields
            columns = {f["name"]: _SQL_TYPES.get(f["type"], str) for f in fields}
            required = {f["name"] for f in fields if f.get("constraints", {}).get("required")}
            foreign = _foreign_keys(schema)
            pk = schema.primary_key
            db[name].create(columns, pk=pk[0] if len(pk) == 1 else tuple(pk), not_null=required, foreign_keys=foreign)
        for name, schema in schemas.items():
            columns = [f["name"] for f in schema.fields]
            # Rows as tuples into a prepared INSERT: sqlite-utils built the tables, keys and
            # indexes; its per-row dicts cost more than the database's own work here.
            insert = f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
            for part in tables[name].frames(columns):
                for chunk in part.iter_slices(CHUNK_ROWS):
                    connection.executemany(insert, _as_sqlite(chunk).iter_rows())
            for column in _indexed_columns(schema, name):
                db[name].create_index([column], find_unique_name=True)
        for name, columns in FULL_TEXT.items():
            db[name].enable_fts(list(columns), fts_version="FTS5", tokenize="porter", create_triggers=False)
        connection.commit()
        # No VACUUM: a file written once, in table order, with no deletes has few free pages (631 of 158,599
        # at 200,000 API records, 1.8% of the file), and rewriting the whole file cost 3.5 s of the
        # release's critical path (docs/performance.md). The bytes stay the same for the same tables.
    finally:
        connection.close()
    return path


class DatabaseWriter:
    """:func:`write_database` in a worker process of its own, beside the CSV and Parquet writing:
    SQLite's inserts, indexes and full-text index are CPU the other core can do."""

    def __init__(self, tables: Tables, path: Path):
        from pipeline.page.die_with_parent import worker_context

        context = worker_context()
        self.path = path
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_write_in_worker, args=(dict(as_parts(tables)), path, sender, os.getpid()))
        self._process.start()
        sender.close()

    def wait(self) -> Path:
        """The finished database; the worker's error, raised again here, if it failed."""
        try:
            failure = self._receiver.recv()
        except BaseException as err:  # interrupted, or the worker died: it must not write on
            if not isinstance(err, EOFError):
                self.stop()
                raise
            self._process.join()
            failure = ("RuntimeError", 0, f"the database writer stopped (exit code {self._process.exitcode}) without a result")
        finally:
            self._receiver.close()
        self._process.join()
        if failure is not None:
            error_type, code, message = failure
            raise OSError(code, message) if error_type == "OSError" else RuntimeError(f"writing the database failed: {message}")
        return self.path

    def stop(self) -> None:
        """End the worker (publishing failed elsewhere)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receiver.close()


def _write_in_worker(tables: dict, path: Path, sender, build_pid: int) -> None:
    from pipeline.page.die_with_parent import die_with_parent

    die_with_parent(build_pid)
    try:
        write_database(tables, path)
        sender.send(None)
    except OSError as err:
        sender.send(("OSError", err.errno or 0, err.strerror or str(err)))
    except Exception as err:  # reported by the parent, which publishes nothing
        sender.send((type(err).__name__, 0, f"{type(err).__name__}: {err}"))
    finally:
        sender.close()
