"""The dask and Ray engines on real local clusters: the same datasets as the local pool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parscore.pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["seed-568-tb-sxd.txt", "percent-column-sct-2023.txt", "self-and-appraised-stp-2022.html"]


def notices(out: Path) -> list[dict[str, object]]:
    """Given an output folder, return its notices rows sorted by source path."""
    lines = (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    return sorted(rows, key=lambda r: str(r["source_path"]))


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "module"), [("dask", "dask.distributed"), ("ray", "ray")])
def test_engine_matches_local_pool(tmp_path: Path, engine: str, module: str) -> None:
    pytest.importorskip(module)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in INPUTS:
        (inputs / name).write_bytes((ROOT / "samples" / name).read_bytes())
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    args = ["run", str(inputs), "--quiet", "--workers", "2"]
    assert main([*args, "--out", str(tmp_path / "local")]) == 3
    assert main([*args, "--out", str(tmp_path / engine), "--engine", engine]) == 3
    assert notices(tmp_path / engine) == notices(tmp_path / "local")
    manifest = (tmp_path / engine / "manifest.jsonl").read_text(encoding="utf-8")
    assert manifest.count('"status": "ok"') == 3 and '"error_code": "corrupt-file"' in manifest
