"""Datasets written as a run goes: rows are appended to part files, then converted in chunks.

Memory stays flat however many notices a run holds: no result is kept after its rows are
appended, and the final CSV, Parquet and JSON Lines are built chunk by chunk.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from parscore.pipeline.datasets import TABLES, columns, for_csv, frame, result_rows
from parscore.pipeline.panel import derive
from parscore.pipeline.sqlite import write_database
from parscore.pipeline.writers import atomic_write, datapackage, write_jsonl

if TYPE_CHECKING:
    import pandas as pd

#: The database of every table, beside the files.
DATABASE = "parscore.sqlite"
#: Rows converted at a time when the part files become the final tables.
CHUNK_ROWS = 1000
PARTS_DIR = ".parts"
Row = dict[str, Any]


class DatasetSink:
    """Collects rows of every table on disk, then writes the datasets into OUT."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.parts = out / PARTS_DIR
        shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True)
        self.files: dict[str, IO[str]] = {
            t: (self.parts / f"{t}.jsonl").open("w", encoding="utf-8") for t in TABLES
        }

    def add(self, result: dict[str, Any]) -> None:
        """Given one parse result, append its rows to the part files."""
        for table, rows in result_rows(result).items():
            self.append(table, rows)

    def append(self, table: str, rows: list[Row]) -> None:
        """Given a table and rows, append them to its part file."""
        fh = self.files[table]
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

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
        for table in TABLES:
            convert(self.parts / f"{table}.jsonl", self.out, table, bom=bom)
        rows_of = lambda table: read_chunks(self.parts / f"{table}.jsonl")  # noqa: E731
        atomic_write(self.out / DATABASE, lambda p: write_database(p, rows_of))
        text = json.dumps(datapackage(list(TABLES)), ensure_ascii=False, indent=2)
        atomic_write(self.out / "datapackage.json", lambda p: p.write_text(text, encoding="utf-8"))
        shutil.rmtree(self.parts, ignore_errors=True)


def read_chunks(part: Path, size: int = CHUNK_ROWS) -> Iterator[list[Row]]:
    """Given a part file, yield its rows in lists of at most `size` (at least one list)."""
    chunk: list[Row] = []
    with part.open(encoding="utf-8") as fh:
        for line in fh:
            chunk.append(json.loads(line))
            if len(chunk) >= size:
                yield chunk
                chunk = []
    yield chunk


def convert(part: Path, out: Path, table: str, *, bom: bool) -> None:
    """Given a table's part file, write OUT/table.{csv,parquet,jsonl} chunk by chunk."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The system allocator hands memory back between chunks; Arrow's default pool keeps it,
    # and the run's peak memory would then grow with the number of notices.
    pa.set_memory_pool(pa.system_memory_pool())

    def write(csv_path: Path, pq_path: Path, jsonl_path: Path) -> None:
        writer = None
        with csv_path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as csv:
            for i, rows in enumerate(read_chunks(part)):
                df = frame(table, rows)
                for_csv(table, df).to_csv(csv, index=False, header=i == 0)
                arrow = to_arrow(table, df)
                writer = writer or pq.ParquetWriter(pq_path, arrow.schema)
                writer.write_table(arrow)
                write_jsonl(df, jsonl_path, append=i > 0)
        if writer is not None:
            writer.close()

    atomic_triple(out, table, write)


def to_arrow(table: str, df: pd.DataFrame) -> Any:
    """Given a table's frame, return it as an Arrow table of the schema's types: dates as
    dates, lists as lists of strings, integers as integers."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    cols = columns(table)
    # object dates, not the frame's text dtype: pandas' metadata then says "date", and a reader
    # does not cast the dates back to text
    dates = {n: df[n].astype(object).map(iso_date) for n, kind, _ in cols if kind == "date"}
    schema = pa.schema([(name, types[kind]) for name, kind, _ in cols])
    return pa.Table.from_pandas(df.assign(**dates), schema=schema, preserve_index=False)


def iso_date(value: Any) -> date | None:
    """Given an ISO date string (or nothing), return the date (None when not one)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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
