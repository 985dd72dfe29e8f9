"""Datasets written as a run goes: rows are appended to part files, then converted in chunks.

Memory stays flat however many notices a run holds: no result is kept after its rows are
appended, and the final CSV, Parquet and JSON Lines are built chunk by chunk.
"""

from __future__ import annotations

import contextlib
import csv
import json
import shutil
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from parscore.pipeline import encode
from parscore.pipeline.datasets import TABLES, columns, result_rows
from parscore.pipeline.panel import derive
from parscore.pipeline.spool import RowSpool, key, lines
from parscore.pipeline.sqlite import add_table, database, insert_rows
from parscore.pipeline.writers import atomic_write, datapackage

#: The database of every table, beside the files.
DATABASE = "parscore.sqlite"
#: Rows converted at a time when the part files become the final tables.
CHUNK_ROWS = 1000
#: Rows of a chunk parsed and typed at a time (`typed_chunks`).
TYPED_AT_ONCE = 100
PARTS_DIR = ".parts"
Row = dict[str, Any]


class DatasetSink:
    """Collects rows of every table on disk, then writes the datasets into OUT."""

    def __init__(self, out: Path, spool: RowSpool | None = None) -> None:
        self.out = out
        self.spool = spool
        self.parts = out / PARTS_DIR
        shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True)
        self.files: dict[str, IO[str]] = {
            t: (self.parts / f"{t}.jsonl").open("w", encoding="utf-8") for t in TABLES
        }

    def add(self, result: dict[str, Any]) -> None:
        """Given one parse result, append its rows to the part files (the spooled ones when
        the run spooled them)."""
        if self.add_spooled(*key(result)):
            return
        for table, rows in result_rows(result).items():
            self.append(table, rows)

    def add_spooled(self, sha256: str, path: str) -> bool:
        """Given a result's sha256 and source path, append its spooled rows to the part files;
        return whether the spool held them (else the caller adds the stored result)."""
        spooled = self.spool.take_key((sha256, path)) if self.spool is not None else None
        if spooled is None:
            return False
        for table, text in spooled.items():
            self.files[table].write(text)
        return True

    def append(self, table: str, rows: list[Row]) -> None:
        """Given a table and rows, append them to its part file."""
        self.files[table].write(lines(rows))

    def abort(self) -> None:
        """Drop the part files of a run that did not finish (interrupted, or the disk full)."""
        for fh in self.files.values():
            with contextlib.suppress(OSError):  # a full disk fails the last flush too
                fh.close()
        shutil.rmtree(self.parts, ignore_errors=True)

    def finish(self, *, bom: bool = False) -> None:
        """Write every table as CSV, Parquet and JSON Lines, plus datapackage.json."""
        for fh in self.files.values():
            fh.close()
        derive(self.parts)  # units, unit_years: across the archive (pipeline/panel.py)
        atomic_write(self.out / DATABASE, lambda path: self.write_tables(path, bom=bom))
        text = json.dumps(datapackage(list(TABLES)), ensure_ascii=False, indent=2)
        atomic_write(self.out / "datapackage.json", lambda p: p.write_text(text, encoding="utf-8"))
        shutil.rmtree(self.parts, ignore_errors=True)

    def write_tables(self, path: Path, *, bom: bool) -> None:
        """Given the database's (temporary) path, write every table's files and its rows
        in the database, reading each part file once."""
        with database(path) as con:
            for table in TABLES:
                add_table(con, table)
                convert(self.parts / f"{table}.jsonl", self.out, table, bom=bom, database=con)


def read_chunks(part: Path, size: int = CHUNK_ROWS) -> Iterator[list[Row]]:
    """Given a part file, yield its rows in lists of at most `size` (at least one list, and
    one after the last full list: the same lists whatever the file). The generator keeps no
    hold on a list it gave: its rows go as soon as the caller is done with them."""
    with part.open(encoding="utf-8") as fh:
        while True:
            given = [[json.loads(line) for line in islice(fh, size)]]
            full = len(given[0]) >= size
            yield given.pop()
            if not full:
                return


def parsed(lines: list[bytes]) -> list[Row]:
    """Given JSON lines, return their rows (one parse of them all: a parse a line cost a
    third more)."""
    return json.loads(b"[" + b",".join(lines) + b"]") if lines else []


def typed_chunks(
    part: Path, table: str, size: int = CHUNK_ROWS, database: Any = None
) -> Iterator[list[Row]]:
    """Given a table's part file, yield the records of each of its chunks (`read_chunks`'
    lists, each inserted into the open database too). A chunk's rows are parsed a few at a
    time, each few let go once typed: a thousand wide rows (notices) held as parsed objects
    were the run's peak memory. A chunk with a value only the frame converts goes through
    the frame whole, as before."""
    with part.open("rb") as fh:
        while True:
            lines = list(islice(fh, size))
            typed: list[Row] = []
            untyped = False
            for start in range(0, len(lines), TYPED_AT_ONCE):
                rows = parsed(lines[start : start + TYPED_AT_ONCE])
                if database is not None:
                    insert_rows(database, table, [rows])
                if not untyped:
                    try:
                        typed += encode.strict_records(table, rows)
                    except encode.Untyped:
                        untyped = True
            if untyped:
                typed = encode.frame_records(table, [json.loads(line) for line in lines])
            full = len(lines) >= size
            del lines
            given = [typed]
            del typed
            yield given.pop()
            if not full:
                return


def convert(
    part: Path,
    out: Path,
    table: str,
    *,
    bom: bool,
    database: Any = None,
    chunk_rows: int = CHUNK_ROWS,
) -> None:
    """Given a table's part file, write OUT/table.{csv,parquet,jsonl} chunk by chunk, each
    chunk's rows inserted into the open database too (one reading of the part file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The system allocator hands memory back between chunks; Arrow's default pool keeps it,
    # and the run's peak memory would then grow with the number of notices.
    pa.set_memory_pool(pa.system_memory_pool())
    dated = encode.dated(table)

    def write(csv_path: Path, pq_path: Path, jsonl_path: Path) -> None:
        with (
            csv_path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as csv_fh,
            jsonl_path.open("w", encoding="utf-8") as jsonl_fh,
            pq.ParquetWriter(pq_path, encode.arrow_schema(table)) as parquet,
        ):
            rows = csv.writer(csv_fh, lineterminator="\n")
            rows.writerow([name for name, _, _ in columns(table)])
            # Each form is made, written and let go before the next: a chunk of wide rows
            # (a thousand notices) held in every form at once was the run's peak memory.
            for typed in typed_chunks(part, table, chunk_rows, database):
                rows.writerows(encode.csv_rows(typed))
                lines = encode.jsonl(typed)
                jsonl_fh.write(lines)
                data = None if dated else lines.encode("utf-8")
                del lines
                parquet.write_table(encode.arrow(table, typed, data))

    atomic_triple(out, table, write)


def atomic_triple(out: Path, table: str, write: Any) -> None:
    """Given a writer of three paths, write table.csv/.parquet/.jsonl atomically."""
    targets = [out / f"{table}.{ext}" for ext in ("csv", "parquet", "jsonl")]
    temps = [t.with_name(f".{t.name}.tmp") for t in targets]
    try:
        write(*temps)
        for tmp, target in zip(temps, targets, strict=True):
            tmp.replace(target)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
