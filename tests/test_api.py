"""The library: one import name, `parscore`, and its three calls."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import parscore

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed-568-tb-sxd.txt"


def test_parse_takes_a_str_and_gives_the_json_of_the_cli() -> None:
    notice = parscore.parse(str(SEED))
    cli = subprocess.run(
        [sys.executable, "-m", "parscore", "parse", str(SEED), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert notice.to_dict() == json.loads(cli.stdout)
    assert notice.notice.metadata.number == "568/TB-SXD"


def test_run_and_read(tmp_path: Path) -> None:
    report = parscore.run(
        [SEED, ROOT / "samples" / "statements-ranking-flat.txt"], out=tmp_path / "out", workers=1
    )
    assert len(report.notices) == 2 and report.failures == 0
    tables = parscore.read(tmp_path / "out")
    assert set(tables) >= {"notices", "scores", "unit_scores", "tasks", "manifest"}
    assert isinstance(tables["notices"], pd.DataFrame) and len(tables["notices"]) == 2


def test_errors_are_typed() -> None:
    with pytest.raises(parscore.UsageError):
        parscore.parse(ROOT / "no-such-file.pdf")
    with pytest.raises(parscore.UsageError):
        parscore.read(ROOT / "samples")


def test_python_m_parscore_is_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "parscore", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert proc.stdout.strip() == f"parscore {parscore.__version__}"


@pytest.mark.slow
def test_the_wheel_installs_one_top_level_package(tmp_path: Path) -> None:
    source = tmp_path / "src"  # a copy without the checkout's build leftovers
    skip = shutil.ignore_patterns(".venv", "build", ".git", "output", "*.egg-info", ".*cache")
    shutil.copytree(ROOT, source, symlinks=True, ignore=skip)
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        str(tmp_path),
        str(source),
    ]
    subprocess.run(command, check=True, timeout=300, capture_output=True)
    [wheel] = tmp_path.glob("parscore-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} - {
        n.split("/")[0] for n in names if n.endswith("dist-info/RECORD")
    } == {"parscore"}
    assert "parscore/pipeline/data/schema.toml" in names
    assert "parscore/normalizers/data/units.toml" in names
    assert "parscore/extractors/html.py" in names
