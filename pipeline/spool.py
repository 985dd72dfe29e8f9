"""The dataset rows of a run's results, written as each result comes in.

The datasets are rebuilt from the store after every run, in the archive's order
(``pipeline.archive``), so a result's rows cannot go to the part files when it arrives. The
spool writes them in arrival order while the workers read the next files, and the datasets
stage copies each result's bytes into the part files instead of building its rows again. The
rows are built from the result as the store gives it back (its JSON read again) under its
source path, so the copied bytes are the ones the rows built from the store would give.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

Row = dict[str, Any]
SPOOL_DIR = ".spool"
#: A value as one line of JSON (UTF-8 text, not ASCII-escaped): json.dumps's output, from one
#: encoder made once (json.dumps makes one a call, a tenth of the cost of a dataset row).
to_json = json.JSONEncoder(ensure_ascii=False).encode


def lines(rows: Iterable[Row]) -> str:
    """Given rows, return them as JSON Lines (UTF-8 text, not ASCII-escaped)."""
    text = "\n".join(map(to_json, rows))
    return text + "\n" if text else ""


def key(result: Row) -> tuple[str, str]:
    """Given a result, return what names it in the spool: its sha256 and source path."""
    return result["source"]["sha256"], result["source"]["path"]


class RowSpool:
    """Each result's rows of every table, one file a table, and where each result's are."""

    def __init__(self, out: Path) -> None:
        self.folder = out / SPOOL_DIR
        self.files: dict[str, IO[bytes]] = {}
        self.spans: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}

    def add(self, stored: bytes, path: str) -> None:
        """Given a result as the store keeps it (its JSON) and its source path, spool its rows."""
        from parscore.pipeline.datasets import result_rows

        result = json.loads(stored)
        result = {**result, "source": {**result["source"], "path": path}}
        spans = {}
        for table, rows in result_rows(result).items():
            data = lines(rows).encode("utf-8")
            fh = self.file(table)
            spans[table] = (fh.tell(), len(data))
            fh.write(data)
        self.spans[key(result)] = spans

    def file(self, table: str) -> IO[bytes]:
        """Given a table, return its spool file (the folder made on first use)."""
        if table not in self.files:
            if not self.files:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder.mkdir(parents=True)
            self.files[table] = (self.folder / f"{table}.jsonl").open("w+b")
        return self.files[table]

    def take(self, result: Row) -> dict[str, str] | None:
        """Given a result about to be added to the datasets, return its spooled rows by table
        (JSON Lines), or None when it was not spooled."""
        return self.take_key(key(result))

    def take_key(self, named: tuple[str, str]) -> dict[str, str] | None:
        """Given a result's sha256 and source path, return its spooled rows by table (JSON
        Lines), or None when it was not spooled."""
        spans = self.spans.pop(named, None)
        if spans is None:
            return None
        taken = {}
        for table, (start, size) in spans.items():
            fh = self.files[table]
            fh.seek(start)
            taken[table] = fh.read(size).decode("utf-8")
        return taken

    def discard(self) -> None:
        """Close and remove the spool (and one a killed run left)."""
        for fh in self.files.values():
            with contextlib.suppress(OSError):  # a full disk fails the last flush too
                fh.close()
        self.files, self.spans = {}, {}
        shutil.rmtree(self.folder, ignore_errors=True)
