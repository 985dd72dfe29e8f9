"""Every table in one SQLite file, ``OUT/parscore.sqlite``: keys, foreign keys and indexes on
the join columns, so ``datasette`` and ``sqlite-utils`` open it as it is (stdlib sqlite3).

Types: TEXT, INTEGER, REAL; booleans are INTEGER 0/1, dates ISO TEXT, lists JSON arrays.
Column names are quoted everywhere, so the DESIGN.md names (``order``, ``index``, ``max``,
``self``, ``where``) need no renaming.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from parscore.pipeline.datasets import TABLES, columns, foreign_keys, schema
from parscore.pipeline.spool import to_json

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
#: Columns other tables join on, indexed where they are not the first key column.
JOIN_COLUMNS = ("notice_id", "unit", "unit_id", "source_path")
Row = dict[str, Any]


def q(name: str) -> str:
    """Given an identifier, return it quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def create_table(table: str) -> str:
    """Given a table name, return its CREATE TABLE statement."""
    cols = [f"{q(n)} {SQL_TYPES.get(kind, 'TEXT')}" for n, kind, _ in columns(table)]
    key = schema()[table]["primary_key"]
    if key:
        cols.append(f"PRIMARY KEY ({', '.join(map(q, key))})")
    cols.extend(
        f"FOREIGN KEY ({q(col)}) REFERENCES {q(other)} ({q(ref)})"
        for col, other, ref in foreign_keys(table)
    )
    return f"CREATE TABLE {q(table)} ({', '.join(cols)})"


def create_indexes(table: str) -> Iterator[str]:
    """Given a table name, yield CREATE INDEX statements for its join columns."""
    key = schema()[table]["primary_key"]
    names = [n for n, _, _ in columns(table)]
    for col in JOIN_COLUMNS:
        if col in names and (not key or key[0] != col):
            yield f"CREATE INDEX {q(f'idx_{table}_{col}')} ON {q(table)} ({q(col)})"


def cell(value: Any) -> Any:
    """Given a row value, return it as SQLite stores it."""
    if isinstance(value, list):
        return to_json(value)
    if isinstance(value, bool):
        return int(value)
    return value


def write_database(path: Path, rows_of: Any) -> None:
    """Given a path and a function giving each table's rows (in chunks), write the database."""
    with database(path) as con:
        for table in TABLES:
            add_table(con, table)
            insert_rows(con, table, rows_of(table))


@contextlib.contextmanager
def database(path: Path) -> Iterator[sqlite3.Connection]:
    """Given a path, open a new database there; commit what was written when the block ends
    (without an error), close it either way."""
    con = sqlite3.connect(path)
    try:
        yield con
        con.commit()
    finally:
        con.close()


def add_table(con: sqlite3.Connection, table: str) -> None:
    """Given a connection and a table name, create the table and its indexes (no rows yet)."""
    con.execute(create_table(table))
    for statement in create_indexes(table):
        con.execute(statement)


def insert_rows(con: sqlite3.Connection, table: str, chunks: Iterable[list[Row]]) -> None:
    """Given a connection, a table and its rows in chunks, insert them."""
    names = [n for n, _, _ in columns(table)]
    sql = f"INSERT INTO {q(table)} VALUES ({', '.join('?' * len(names))})"
    for chunk in chunks:
        con.executemany(sql, ([cell(row.get(n)) for n in names] for row in chunk))
