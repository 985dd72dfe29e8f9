"""Datasets: every table in three formats, equal content, a valid Frictionless package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from parscore.pipeline.cli import main
from parscore.pipeline.datasets import TABLES, columns

ROOT = Path(__file__).resolve().parent.parent
SEED = ["seed-568-tb-sxd.txt", "seed-568-tb-sxd.html"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run parscore over the seed twins once for the module."""
    target = tmp_path_factory.mktemp("out")
    assert (
        main(["run", *(str(ROOT / "samples" / s) for s in SEED), "--out", str(target), "--quiet"])
        == 0
    )
    return target


@pytest.mark.parametrize("table", TABLES)
def test_formats_agree(out: Path, table: str) -> None:
    csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
    parquet = pd.read_parquet(out / f"{table}.parquet")
    jsonl = (
        pd.read_json(out / f"{table}.jsonl", lines=True, dtype=False)
        if (out / f"{table}.jsonl").stat().st_size
        else pd.DataFrame()
    )
    names = [c[0] for c in columns(table)]
    assert list(csv.columns) == names and list(parquet.columns) == names
    assert len(csv) == len(parquet) == len(jsonl)


def test_seed_rows(out: Path) -> None:
    notices = pd.read_parquet(out / "notices.parquet")
    assert len(notices) == 2
    assert set(notices["number"]) == {"568/TB-SXD"}
    assert notices["valid"].all()
    scores = pd.read_parquet(out / "scores.parquet")
    assert len(scores) == 14
    assert scores["pct_of_max"].round(2).tolist()[:2] == [78.9, 71.43]
    tasks = pd.read_parquet(out / "tasks.parquet")
    assert len(tasks) == 24


def test_no_portal_chrome_in_any_table(out: Path) -> None:
    for table in TABLES:
        text = (out / f"{table}.csv").read_text(encoding="utf-8")
        for chrome in (
            "Lượt xem",
            "Bản in",
            "Quay lại",
            "Tin đã đưa",
            "Go To",
            "Xem theo ngày",
            "Liên kết web",
        ):
            assert chrome not in text, f"{chrome!r} reached {table}"


def test_datapackage_validates_with_frictionless(out: Path) -> None:
    assert (out / "datapackage.json").is_file()
    from frictionless import validate

    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_bom_option(tmp_path: Path) -> None:
    assert (
        main(["run", str(ROOT / "samples" / SEED[0]), "--out", str(tmp_path), "--quiet", "--bom"])
        == 0
    )
    assert (tmp_path / "notices.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_output_file_is_readable_by_others(tmp_path: Path) -> None:
    import os
    import stat

    mask = os.umask(0o022)  # the usual one; restored below
    try:
        seed = str(ROOT / "samples" / SEED[0])
        assert main(["run", seed, "--out", str(tmp_path), "--quiet"]) == 0
        assert main(["report", str(tmp_path)]) == 0
    finally:
        os.umask(mask)
    files = {p.name: p.stat().st_mode for p in tmp_path.iterdir() if p.is_file()}
    assert {"datapackage.json", "report.html", "notices.csv"} <= set(files)
    assert {name for name, mode in files.items() if not mode & stat.S_IROTH} == set()
