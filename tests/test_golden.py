"""Every sample has a golden JSON beside the tests, and parsing it gives exactly that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import parsed_sample
from tools.golden import GOLDEN, golden_view

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())


def test_every_sample_has_a_golden_file() -> None:
    missing = [p.name for p in SAMPLES if not (GOLDEN / f"{p.name}.json").is_file()]
    assert not missing, f"no golden file for {missing}: run python tools/golden.py and review"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_matches_its_golden_file(sample: Path) -> None:
    golden = GOLDEN / f"{sample.name}.json"
    if not golden.is_file():
        pytest.fail(f"no golden file for {sample.name}")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    got = golden_view(parsed_sample(sample.name).to_dict())
    for part in expected:
        assert got[part] == expected[part], f"{sample.name}: {part} differs from its golden file"
