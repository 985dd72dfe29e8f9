"""Types for data work: Parquet typed, JSON Lines with arrays, and one SQLite database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from parscore.pipeline.cli import main
from parscore.pipeline.datasets import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("seed-568-tb-sxd.txt", "statements-ranking-flat.txt", "lead-in-tasks-syt-2023.txt")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("typed")
    paths = [str(ROOT / "samples" / s) for s in SAMPLES]
    assert main(["run", *paths, "--out", str(target), "-q"]) == 0
    return target


def test_parquet_columns_have_their_types(out: Path) -> None:
    notices, tasks = pq.read_schema(out / "notices.parquet"), pq.read_schema(out / "tasks.parquet")
    assert notices.field("issue_date").type == pa.date32()
    assert notices.field("rank").type == pa.int64() and notices.field("valid").type == pa.bool_()
    assert tasks.field("references").type == pa.list_(pa.string())
    assert tasks.field("areas").type == pa.list_(pa.string())
    assert tasks.field("section").type == pa.string()  # "3.1" and "3.10" stay apart
    assert tasks.field("seq").type == pa.int64() and tasks.field("deadline").type == pa.date32()


def test_lists_are_arrays_in_json_lines_and_joined_in_csv(out: Path) -> None:
    rows = [json.loads(line) for line in (out / "tasks.jsonl").read_text("utf-8").splitlines()]
    assert all(isinstance(r["references"], list) and isinstance(r["areas"], list) for r in rows)
    cited = next(r for r in rows if len(r["areas"]) > 1)
    assert "; ".join(cited["areas"]) in (out / "tasks.csv").read_text("utf-8")


def test_the_database_holds_every_table_with_keys_and_indexes(out: Path) -> None:
    con = sqlite3.connect(out / "parscore.sqlite")
    for table in TABLES:
        lines = (out / f"{table}.jsonl").read_text("utf-8").splitlines()
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(lines)
    pk = [r[1] for r in con.execute('PRAGMA table_info("scores")') if r[5]]
    assert pk == ["notice_id", "order"]
    fks = {(f[2], f[3], f[4]) for f in con.execute('PRAGMA foreign_key_list("unit_scores")')}
    assert fks == {("notices", "notice_id", "notice_id"), ("units", "unit_id", "unit_id")}
    [fk] = con.execute('PRAGMA foreign_key_list("unit_years")').fetchall()
    assert (fk[2], fk[3], fk[4]) == ("units", "unit_id", "unit_id")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"idx_unit_scores_unit", "idx_manifest_notice_id"} <= indexes
    row = con.execute('SELECT "references" FROM tasks WHERE "references" != \'[]\'').fetchone()
    assert row is None or isinstance(json.loads(row[0]), list)
    con.close()


def test_the_datapackage_describes_the_parquet_files(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    parquet = {r["path"]: r for r in package["resources"] if r["format"] == "parquet"}
    assert set(parquet) == {f"{t}.parquet" for t in TABLES}
    fields = {f["name"]: f["type"] for f in parquet["notices.parquet"]["schema"]["fields"]}
    assert fields["issue_date"] == "date" and fields["rank"] == "integer"
