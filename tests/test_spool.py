"""The spool: a run's rows written as results arrive, copied into the datasets at the end."""

from __future__ import annotations

import json
from pathlib import Path

from parscore.pipeline.cli import main
from parscore.pipeline.datasets import TABLES, result_rows
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
