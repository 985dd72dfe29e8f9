"""The output folder is an archive that grows, and its datasets do not depend on how a run ran.

The notice tables (and datapackage.json) are rebuilt from the store after every run in a
stable order, so they are byte-identical whatever the workers and after a rerun; the
manifest is the archive's log (its `seconds` and statuses say what each run did).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from parscore.pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TABLES = (
    "notices", "scores", "unit_scores", "tasks", "findings", "validation", "units", "unit_years",
)
FIRST = ("seed-568-tb-sxd.txt", "statements-ranking-flat.txt", "lead-in-tasks-syt-2023.txt")
SECOND = ("statements-news-subject.html", "percent-column-sct-2023.txt")


def folder(tmp_path: Path, name: str, files: tuple[str, ...]) -> Path:
    """Given names of samples, return a new folder holding copies of them."""
    target = tmp_path / name
    target.mkdir()
    for f in files:
        shutil.copy(SAMPLES / f, target / f)
    return target


def run(*args: str) -> None:
    """Given run arguments, run parscore and check it succeeded."""
    assert main(["run", *args, "-q"]) == 0


def dataset_bytes(out: Path) -> dict[str, bytes]:
    """Given an output folder, return the bytes of every notice table and the datapackage."""
    files = [out / f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet", "jsonl")]
    found = {p.name: p.read_bytes() for p in [*files, out / "datapackage.json"]}
    con = sqlite3.connect(out / "parscore.sqlite")  # its tables but the manifest, the run log
    for table in TABLES:
        found[f"sqlite:{table}"] = repr(con.execute(f'SELECT * FROM "{table}"').fetchall()).encode()
    con.close()
    return found


def sources(out: Path, table: str = "notices") -> list[str]:
    """Given an output folder, return the file names of its notices (or manifest rows)."""
    rows = [
        json.loads(r) for r in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return [Path(r["source_path"]).name for r in rows]


def test_two_runs_into_one_out_keep_the_notices_of_both(tmp_path: Path) -> None:
    a, b, out = folder(tmp_path, "a", FIRST), folder(tmp_path, "b", SECOND), tmp_path / "out"
    run(str(a), "--out", str(out))
    run(str(b), "--out", str(out))
    assert sorted(sources(out)) == sorted(FIRST + SECOND)
    assert sorted(sources(out, "manifest")) == sorted(FIRST + SECOND)
    before = dataset_bytes(out)
    run(str(a), "--out", str(out))  # rerunning the first changes no byte
    assert dataset_bytes(out) == before


def test_workers_do_not_change_a_byte(tmp_path: Path) -> None:
    a = folder(tmp_path, "a", FIRST + SECOND)
    run(str(a), "--out", str(tmp_path / "one"), "--workers", "1")
    run(str(a), "--out", str(tmp_path / "two"), "--workers", "2")
    assert dataset_bytes(tmp_path / "one") == dataset_bytes(tmp_path / "two")


def test_a_rerun_after_a_partial_run_gives_the_same_bytes(tmp_path: Path) -> None:
    whole = folder(tmp_path, "full", FIRST + SECOND)
    part = tmp_path / "half"
    shutil.copytree(whole, part)
    for name in SECOND:  # as if the run had been killed before these
        (part / name).unlink()
    run(str(whole), "--out", str(tmp_path / "clean"))
    run(str(part), "--out", str(tmp_path / "killed"))
    for name in SECOND:
        shutil.copy(whole / name, part / name)
    run(str(part), "--out", str(tmp_path / "killed"))
    clean, rerun = dataset_bytes(tmp_path / "clean"), dataset_bytes(tmp_path / "killed")
    # the tables name their source paths: the folders' names are as long, to compare bytes
    assert {k: v.replace(b"/half/", b"/full/") for k, v in rerun.items()} == clean


def test_a_changed_file_replaces_its_old_version(tmp_path: Path) -> None:
    a, out = folder(tmp_path, "a", FIRST), tmp_path / "out"
    run(str(a), "--out", str(out))
    seed = a / "seed-568-tb-sxd.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("72,32", "73,32"), encoding="utf-8")
    run(str(a), "--out", str(out))
    rows = [json.loads(r) for r in (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    [notice] = [r for r in rows if r["source_path"].endswith("seed-568-tb-sxd.txt")]
    assert notice["headline_score"] == 73.32
    assert len(rows) == len(FIRST)


@pytest.mark.parametrize("flag", ["--replace"])
def test_replace_starts_the_archive_over(tmp_path: Path, flag: str) -> None:
    a, b, out = folder(tmp_path, "a", FIRST), folder(tmp_path, "b", SECOND), tmp_path / "out"
    run(str(a), "--out", str(out))
    run(str(b), "--out", str(out), flag)
    assert sorted(sources(out)) == sorted(SECOND)
    assert sorted(sources(out, "manifest")) == sorted(SECOND)


def test_fresh_parses_again_but_keeps_the_archive(tmp_path: Path) -> None:
    a, b, out = folder(tmp_path, "a", FIRST), folder(tmp_path, "b", SECOND), tmp_path / "out"
    run(str(a), "--out", str(out))
    run(str(b), "--out", str(out), "--fresh")
    assert sorted(sources(out)) == sorted(FIRST + SECOND)
    manifest = [json.loads(r) for r in (out / "manifest.jsonl").read_text().splitlines()]
    assert {r["status"] for r in manifest} == {"ok"}
