"""Shared fixtures: paths to samples, and each sample parsed once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from parscore.pipeline.process import Result, process_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@cache
def parsed_sample(name: str) -> Result:
    """Given a sample's file name, return its parse result (computed once per session)."""
    return process_file(SAMPLES / name)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
