"""The spool: a run's rows written as results arrive, copied into the datasets at the end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from parscore.pipeline.cli import main
from parscore.pipeline.datasets import TABLES, result_rows
from parscore.pipeline.sink import parsed
from parscore.pipeline.spool import SPOOL_DIR, RowSpool, lines
from parscore.pipeline.store import ResultStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["seed-568-tb-sxd.txt", "statements-ranking-flat.txt", "lead-in-tasks-syt-2023.txt"]


def run(out: Path, *extra: str) -> None:
    paths = [str(ROOT / "samples" / s) for s in SAMPLES]
    assert main(["run", *paths, "--out", str(out), "-q", *extra]) == 0


def test_spooled_rows_are_the_rows_built_from_the_store(tmp_path: Path) -> None:
    run(tmp_path / "out")
    store = ResultStore(tmp_path / "out")
    spool = RowSpool(tmp_path)
    sha = next(p.stem for p in store.root.glob("*.json") if p.name != "archive.jsonl")
    stored = (store.root / f"{sha}.json").read_bytes()
    spool.add(stored, "elsewhere/notice.txt")
    result = store.get(sha)
    assert result is not None
    other_path = {**result, "source": {**result["source"], "path": "other.txt"}}
    assert spool.take(other_path) is None  # another path: its rows are built again
    same = {**result, "source": {**result["source"], "path": "elsewhere/notice.txt"}}
    expected = {table: lines(rows) for table, rows in result_rows(same).items()}
    assert spool.take(same) == expected
    assert spool.take(same) is None  # taken once
    spool.discard()
    assert not (tmp_path / SPOOL_DIR).exists()


def test_a_run_from_the_spool_and_one_from_the_store_write_the_same_bytes(
    tmp_path: Path,
) -> None:
    run(tmp_path / "out")  # every result spooled as it came
    assert not (tmp_path / "out" / SPOOL_DIR).exists()
    first = {t: (tmp_path / "out" / f"{t}.jsonl").read_bytes() for t in TABLES}
    run(tmp_path / "out")  # every result taken from the store: nothing spooled
    again = {t: (tmp_path / "out" / f"{t}.jsonl").read_bytes() for t in TABLES}
    assert {t: v for t, v in first.items() if t != "manifest"} == {
        t: v for t, v in again.items() if t != "manifest"
    }
    statuses = [json.loads(x)["status"] for x in again["manifest"].decode().splitlines()]
    assert statuses == ["skipped"] * len(SAMPLES)


def test_a_spool_left_by_a_killed_run_goes(tmp_path: Path) -> None:
    (tmp_path / "out" / SPOOL_DIR).mkdir(parents=True)
    (tmp_path / "out" / SPOOL_DIR / "notices.jsonl").write_text("{}\n", encoding="utf-8")
    run(tmp_path / "out")
    assert not (tmp_path / "out" / SPOOL_DIR).exists()


#: JSON values as rows hold them: text with any character (Vietnamese, quotes, control
#: codes, line breaks), numbers past a float's exact integers, lists of them, nothing.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=8,
)
ROWS = st.lists(st.dictionaries(st.text(max_size=8), VALUES, max_size=5), max_size=6)


@given(ROWS)
def test_rows_as_json_lines_are_json_dumps_lines_and_read_back_in_one_parse(
    rows: list[dict[str, Any]],
) -> None:
    written = lines(rows)
    assert written == "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    # as the spool's files are read: bytes, cut at line feeds only (U+0085 stays in its text)
    encoded = [line + b"\n" for line in written.encode("utf-8").split(b"\n")[:-1]]
    assert len(encoded) == len(rows)
    assert parsed(encoded) == [json.loads(line) for line in encoded] == rows
