"""The datasets' files written without a pandas frame are the bytes the frame wrote.

The reference here is the way the sink wrote them before (pipeline/encode.py): a frame of the
schema's dtypes, ``to_csv``, ``to_dict`` records as JSON Lines, ``Table.from_pandas`` into a
Parquet writer, chunk by chunk. Rows are generated per column type, odd values included
(quotes, line breaks, -0.0, large numbers, a number in a text column, a NaN).
"""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore.pipeline import encode, sink
from parscore.pipeline.datasets import LIST_SEPARATOR, TABLES, columns, frame
from parscore.pipeline.sqlite import add_table

Row = dict[str, Any]
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "seed-568-tb-sxd.txt"
TEXT = st.text(alphabet=st.sampled_from('aá Đ,;"\n\r\t\'x9.-ư'), max_size=8)
PLAIN = {
    "string": st.none() | TEXT,
    "date": st.none() | st.sampled_from(["2024-03-26", "2023-12-31", "26/03/2024", ""]),
    "integer": st.none() | st.integers(-(10**6), 10**6),
    "number": st.none()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | st.sampled_from([-0.0, 12.23, 1e-05, 1e16, 0.1 + 0.2]),
    "boolean": st.none() | st.booleans(),
    "list": st.none() | st.lists(TEXT, max_size=3),
}
#: Values the frame converts in its own way: the chunk then goes through the frame.
ODD = {
    "string": st.integers(0, 9) | st.booleans(),
    "date": st.integers(2020, 2024),
    "integer": st.just(2**60),
    "number": st.sampled_from([math.nan, math.inf, -math.inf]) | st.booleans(),
    "boolean": st.integers(0, 1),
    "list": st.none(),
}


def rows_of(table: str, odd: bool) -> st.SearchStrategy[list[Row]]:
    """Given a table, return a strategy of its rows (odd: some values of another type)."""
    kinds = {name: kind for name, kind, _ in columns(table)}
    value = {n: PLAIN[k] | ODD[k] if odd else PLAIN[k] for n, k in kinds.items()}
    return st.lists(st.fixed_dictionaries(value), max_size=6)


def joined_list(value: Any) -> Any:
    """Given a list cell (or nothing), return it as the CSV held it: items joined by "; "."""
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else value


def by_frame(table: str, part: Path, size: int) -> list[bytes]:
    """Given a table's part file, write its three files as the frame did, `size` rows at a
    time; return their bytes."""
    paths = [part.with_name(f"ref.{ext}") for ext in ("csv", "parquet", "jsonl")]
    lists = [n for n, k, _ in columns(table) if k == "list"]
    writer = None
    with paths[0].open("w", encoding="utf-8", newline="") as csv, paths[2].open("w") as jsonl:
        for i, rows in enumerate(sink.read_chunks(part, size)):
            df = frame(table, rows)
            joined = {c: df[c].map(joined_list) for c in lists}
            df.assign(**joined).to_csv(csv, index=False, header=i == 0)
            records = df.astype(object).where(df.notna(), None).to_dict(orient="records")
            jsonl.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            dates = {
                n: df[n].astype(object).map(encode.iso_date)
                for n, k, _ in columns(table)
                if k == "date"
            }
            schema = pa.schema(encode.arrow_fields(table))
            arrow = pa.Table.from_pandas(df.assign(**dates), schema=schema, preserve_index=False)
            writer = writer or pq.ParquetWriter(paths[1], arrow.schema)
            writer.write_table(arrow)
    assert writer is not None
    writer.close()
    return [p.read_bytes() for p in paths]


def by_sink(table: str, part: Path, size: int) -> list[bytes]:
    """Given a table's part file, write its three files through the sink, `size` rows at a
    time; return their bytes."""
    sink.convert(part, part.parent, table, bom=False, chunk_rows=size)
    return [part.with_name(f"{table}.{ext}").read_bytes() for ext in ("csv", "parquet", "jsonl")]


def same_files(table: str, rows: Sequence[Row], size: int = sink.CHUNK_ROWS) -> None:
    """Given a table's rows, assert the sink writes the frame's bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part.jsonl"
        part.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        assert outcome(by_sink, table, part, size) == outcome(by_frame, table, part, size)


def outcome(write: Any, table: str, part: Path, size: int) -> Any:
    """Given a writer and its arguments, return the bytes it writes, or the kind of error it
    raises (a value the frame cannot convert fails both ways alike)."""
    try:
        return write(table, part, size)
    except (TypeError, ValueError) as err:
        return type(err).__name__


@pytest.mark.parametrize("table", ["notices", "tasks", "scores", "unit_scores"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_files_are_the_frames_bytes(table: str, data: st.DataObject) -> None:
    rows = data.draw(rows_of(table, odd=False))
    same_files(table, rows)


@pytest.mark.parametrize("table", ["notices", "tasks"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_odd_values_go_through_the_frame(table: str, data: st.DataObject) -> None:
    rows = data.draw(rows_of(table, odd=True))
    same_files(table, rows)


def test_chunks_of_a_long_table_are_the_frames_chunks() -> None:
    rows = [{"notice_id": f"n{k}", "kind": "x", "seq": k, "text": f"a, {k}"} for k in range(7)]
    same_files("findings", rows, size=3)
    same_files("findings", rows[:6], size=3)  # a last chunk of no rows


def test_a_text_column_holding_a_number_is_converted_as_the_frame_does() -> None:
    rows: list[Row] = [{"notice_id": 5, "kind": None, "seq": 1, "text": "x"}, {"notice_id": None}]
    assert encode.records("findings", rows)[0]["notice_id"] == "5.0"  # the frame's float step
    same_files("findings", rows)


def test_records_keep_the_schema_order_and_types() -> None:
    row = {"seq": 2, "text": "t", "notice_id": "n", "extra": 1}
    assert encode.records("findings", [row]) == [
        {"notice_id": "n", "kind": None, "seq": 2, "text": "t"}
    ]
    assert encode.records("scores", [{"max": 15, "score": 12.5}])[0]["max"] == 15.0


@pytest.mark.parametrize("table", TABLES)
def test_parquet_schema_is_the_one_pandas_gives(table: str) -> None:
    df = frame(table, []).astype({n: object for n, k, _ in columns(table) if k == "date"})
    schema = pa.schema(encode.arrow_fields(table))
    theirs = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
    assert encode.arrow_schema(table).equals(theirs.schema, check_metadata=True)
    assert encode.arrow_schema(table).metadata == theirs.schema.metadata


def test_a_run_never_imports_pandas(tmp_path: Path) -> None:
    part = tmp_path / "part.jsonl"
    part.write_text('{"notice_id": "n", "seq": 1}\n' * 3, encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from parscore.pipeline.cli import main; "
        "from parscore.pipeline.sink import convert; "
        f"main(['run', {str(SAMPLE)!r}, '--out', {str(tmp_path / 'out')!r}, '-q']); "
        f"convert(Path({str(part)!r}), Path({str(tmp_path)!r}), 'findings', bom=False, "
        "chunk_rows=3); "  # a last chunk of no rows
        "print('pandas' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
    assert (tmp_path / "out" / "notices.parquet").is_file()
    assert (tmp_path / "findings.parquet").is_file()


def test_an_infinite_number_is_written_as_the_frame_wrote_it() -> None:
    rows: list[Row] = [{"notice_id": "n", "order": 1, "max": math.inf, "score": -math.inf}]
    same_files("scores", rows)
    assert encode.records("scores", rows)[0]["max"] == math.inf


def test_a_chunk_is_typed_and_read_by_arrow_a_few_rows_at_a_time_with_the_frames_bytes() -> None:
    # More rows than are typed at once and more JSON than Arrow's reader takes at once: the
    # pieces make the frame's files, dates included.
    long = "Sở Nội vụ đạt kết quả tốt, " * 60
    many = max(sink.TYPED_AT_ONCE, encode.ARROW_ROWS) * 2 + 7
    findings = [{"notice_id": f"n{k}", "kind": "x", "seq": k, "text": long} for k in range(many)]
    assert len(encode.jsonl(findings).encode()) > 2 * encode.ARROW_BYTES
    same_files("findings", findings)
    notices = [
        {"notice_id": f"n{k}", "issue_date": f"2023-0{1 + k % 9}-1{k % 10}", "title": long}
        for k in range(many)
    ]
    same_files("notices", notices)


def test_an_odd_value_after_the_first_rows_typed_sends_the_whole_chunk_through_the_frame(
    tmp_path: Path,
) -> None:
    rows: list[Row] = [
        {"notice_id": f"n{k}", "kind": "x", "seq": k, "text": f"t {k}"}
        for k in range(sink.TYPED_AT_ONCE + 50)
    ]
    rows[sink.TYPED_AT_ONCE + 20]["notice_id"] = 7  # a number in a text column
    same_files("findings", rows)
    part = tmp_path / "part.jsonl"
    part.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with sqlite3.connect(tmp_path / "db.sqlite") as con:
        add_table(con, "findings")
        [typed, last] = list(sink.typed_chunks(part, "findings", size=len(rows), database=con))
        inserted = con.execute("SELECT count(*) FROM findings").fetchone()[0]
    con.close()
    assert last == [] and inserted == len(rows)  # every row in the database, once
    assert typed == encode.frame_records("findings", rows)
    assert isinstance(typed[sink.TYPED_AT_ONCE + 20]["notice_id"], str)
