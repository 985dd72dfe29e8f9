"""A chunk of a table's rows → its CSV rows, JSON Lines and Arrow table, without a pandas frame.

The files were written through a frame (``datasets.frame``: the schema's dtypes, then
``to_csv``, ``to_dict`` and ``Table.from_pandas``), which cost more than the writing itself.
``records`` gives each value the type the frame's column gave it (a number a float, an
integer an int, a missing value None), so every file stays byte-identical; a chunk holding a
value the frame would convert in a way of its own (a number in a text column, a boolean or a
NaN in a number column, an integer past 2**53) goes through the frame, as before.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from importlib.metadata import version
from typing import Any

from parscore.pipeline.datasets import LIST_SEPARATOR, columns, frame
from parscore.pipeline.spool import lines

Row = dict[str, Any]
#: Integers a float64 holds exactly: past them the frame's float step would round.
EXACT_INT = 2**53
EPOCH = date(1970, 1, 1)


class Untyped(ValueError):
    """A value the frame would convert in a way of its own."""


def text(value: Any) -> str | None:
    """Given a text value (or nothing), return it as the frame's text column holds it."""
    if value is None or isinstance(value, str):
        return value
    raise Untyped(value)


def integer(value: Any) -> int | None:
    """Given an integer value (or nothing), return it as the frame's Int64 column holds it."""
    if value is None or (type(value) is int and -EXACT_INT <= value <= EXACT_INT):
        return value
    raise Untyped(value)


def number(value: Any) -> float | None:
    """Given a number (or nothing), return it as the frame's Float64 column holds it."""
    if value is None:
        return None
    if type(value) is float and not math.isnan(value):
        return value
    if type(value) is int and -EXACT_INT <= value <= EXACT_INT:
        return float(value)
    raise Untyped(value)


def boolean(value: Any) -> bool | None:
    """Given a boolean (or nothing), return it as the frame's boolean column holds it."""
    if value is None or type(value) is bool:
        return value
    raise Untyped(value)


def listing(value: Any) -> list[Any] | None:
    """Given a list (or nothing), return it as the frame's object column holds it."""
    if value is None or type(value) is list:
        return value
    raise Untyped(value)


CONVERT: dict[str, Callable[[Any], Any]] = {
    "string": text,
    "date": text,
    "integer": integer,
    "number": number,
    "boolean": boolean,
    "list": listing,
}


@cache
def converters(table: str) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Given a table name, return (column, converter) pairs in the schema's order."""
    return tuple((name, CONVERT[kind]) for name, kind, _ in columns(table))


def records(table: str, rows: Sequence[Row]) -> list[Row]:
    """Given a table and a chunk of its rows, return them as the frame's records: the
    schema's columns in order, each value of its column's type, missing values None."""
    try:
        return strict_records(table, rows)
    except Untyped:
        return frame_records(table, rows)


def strict_records(table: str, rows: Iterable[Row]) -> list[Row]:
    """Given a table and rows, return their records as `records` does; raise Untyped for a
    value only the frame converts."""
    convert = converters(table)
    return [{name: to(row.get(name)) for name, to in convert} for row in rows]


def frame_records(table: str, rows: Sequence[Row]) -> list[Row]:
    """Given a table and a chunk of its rows, return the records of their pandas frame."""
    df = frame(table, rows)
    found: list[Row] = df.astype(object).where(df.notna(), None).to_dict(orient="records")
    return found


def csv_cell(value: Any) -> Any:
    """Given a record's value, return it as pandas' to_csv writes it (lists joined)."""
    if value is None:
        return ""
    if type(value) is float:
        return repr(value)
    if type(value) is list:
        return LIST_SEPARATOR.join(value)
    return value


def csv_rows(chunk: Iterable[Row]) -> Iterable[list[Any]]:
    """Given records, yield the CSV fields of each."""
    for record in chunk:
        yield [csv_cell(v) for v in record.values()]


def jsonl(chunk: Iterable[Row]) -> str:
    """Given records, return their JSON Lines (UTF-8 text, nulls as null)."""
    return lines(chunk)


#: What pandas' metadata in a Parquet file says of each column type: the logical type (from
#: the Arrow type) and the dtype a frame of the schema gives the column (datasets.frame).
PANDAS_TYPES = {
    "string": ("unicode", "string"),
    "date": ("date", "object"),
    "integer": ("int64", "Int64"),
    "number": ("float64", "Float64"),
    "boolean": ("bool", "boolean"),
    "list": ("list[unicode]", "object"),
}


@cache
def arrow_schema(table: str) -> Any:
    """Given a table name, return its Arrow schema with the metadata that
    ``Table.from_pandas`` gives a frame of the schema's dtypes (pandas readers restore the
    dtypes from it), written here so that a run never imports pandas."""
    import pyarrow as pa

    return pa.schema(arrow_fields(table), metadata={b"pandas": pandas_metadata(table)})


def pandas_metadata(table: str) -> bytes:
    """Given a table name, return the JSON of pandas' metadata for its Parquet file, as
    pyarrow writes it (``pyarrow.pandas_compat.construct_metadata``, no index)."""
    import pyarrow as pa

    described = [
        {
            "name": name,
            "field_name": name,
            "pandas_type": PANDAS_TYPES[kind][0],
            "numpy_type": PANDAS_TYPES[kind][1],
            "metadata": None,
        }
        for name, kind, _ in columns(table)
    ]
    return json.dumps(
        {
            "index_columns": [],
            "column_indexes": [],
            "columns": described,
            "attributes": {},
            "creator": {"library": "pyarrow", "version": pa.__version__},
            "pandas_version": version("pandas"),
        }
    ).encode("utf8")


def arrow_fields(table: str) -> list[tuple[str, Any]]:
    """Given a table name, return its (column, Arrow type) fields: dates as dates, lists as
    lists of strings, integers as integers."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return [(name, types[kind]) for name, kind, _ in columns(table)]


@cache
def dated(table: str) -> tuple[str, ...]:
    """Given a table name, return its date columns."""
    return tuple(name for name, kind, _ in columns(table) if kind == "date")


def arrow(table: str, chunk: Sequence[Row], data: bytes | None = None) -> Any:
    """Given a table, records and (for a table without dates) their JSON Lines as UTF-8,
    return the records as an Arrow table of the table's schema, read by Arrow's JSON reader:
    ``pyarrow.array`` would import pandas (a second or so) to ask whether a list is a pandas
    object. Dates go to the reader as days since 1970, the reader's form of a date. The
    reader takes a few rows at a time (its working memory grows with what it reads at once,
    several times the text); the pieces make one table, the same values."""
    import pyarrow as pa

    schema = arrow_schema(table)
    if not chunk:
        return pa.Table.from_batches([], schema=schema)  # schema.empty_table() imports pandas
    try:
        pieces = [read_json(piece, schema) for piece in json_pieces(table, chunk, data)]
    except pa.ArrowInvalid:  # what JSON cannot say (an infinite number): value by value
        return arrow_of_values(table, chunk)
    return pa.concat_tables(pieces).combine_chunks()


#: Bytes of JSON Lines, or rows, Arrow's JSON reader is given at a time.
ARROW_BYTES, ARROW_ROWS = 1 << 18, 250


def json_pieces(table: str, chunk: Sequence[Row], data: bytes | None) -> Iterator[bytes]:
    """Given a table, records and their JSON Lines (None: made here, dates as days), yield
    the JSON Lines a few whole lines at a time."""
    if data is None:
        dates = dated(table)
        for start in range(0, len(chunk), ARROW_ROWS):
            rows = chunk[start : start + ARROW_ROWS]
            yield jsonl({**r, **{d: days(r[d]) for d in dates}} for r in rows).encode("utf-8")
        return
    start = 0
    while start < len(data):
        cut = data.find(b"\n", start + ARROW_BYTES)
        end = len(data) if cut < 0 else cut + 1
        yield data[start:end]
        start = end


def read_json(data: bytes, schema: Any) -> Any:
    """Given JSON Lines and an Arrow schema, return the Arrow table Arrow's reader makes."""
    import pyarrow.json as pj

    return pj.read_json(
        io.BytesIO(data),
        read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
        parse_options=pj.ParseOptions(explicit_schema=schema),
    )


def arrow_of_values(table: str, chunk: Sequence[Row]) -> Any:
    """Given a table and records, return them as an Arrow table of its schema, column by
    column from the Python values."""
    import pyarrow as pa

    schema = arrow_schema(table)
    arrays = [
        pa.array(
            [iso_date(r[name]) for r in chunk] if kind == "date" else [r[name] for r in chunk],
            type=schema.field(name).type,
        )
        for name, kind, _ in columns(table)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def days(value: Any) -> int | None:
    """Given an ISO date string (or nothing), return its days since 1970-01-01 (None when
    not a date)."""
    found = iso_date(value)
    return (found - EPOCH).days if found is not None else None


def iso_date(value: Any) -> date | None:
    """Given an ISO date string (or nothing), return the date (None when not one)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
