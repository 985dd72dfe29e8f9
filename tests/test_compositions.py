"""Composed documents (tests/compositions/*.txt, *.html) against the values a careful reader takes.

Each text has a JSON file beside it written the way the real documents' ``expected.json``
is: ``units`` (unit, score, rank as an integer, "k/n" or "last", grade), ``components``
(label, max, self or appraised), ``headline_score`` and ``rank`` of the subject. Units match
on their words without tones (the expected words among the row's); numbers exactly as Decimals.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parscore.pipeline.process import process_file

HERE = Path(__file__).resolve().parent / "compositions"
SOURCES = {p.stem: p for p in HERE.iterdir() if p.suffix in (".txt", ".html")}
STEMS = sorted(SOURCES)


def fold(text: object) -> str:
    """Given a text, return it lower-cased without tones (đ as d)."""
    raw = unicodedata.normalize("NFD", str(text or "").lower().replace("đ", "d"))
    return " ".join("".join(c for c in raw if not unicodedata.combining(c)).split())


def same(a: object, b: object) -> bool:
    """Given two numbers (or None), return whether they are equal as Decimals."""
    return a is not None and b is not None and Decimal(str(a)) == Decimal(str(b))


def rank_of(row: dict[str, Any]) -> object:
    """Given a unit row, return its rank as expected files write it."""
    if row["rank"] is None:
        return None
    if row["rank_of"] is None:
        return row["rank"]
    return "last" if row["rank"] == row["rank_of"] else f"{row['rank']}/{row['rank_of']}"


def unit_row(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """Given the unit rows and an expected unit, return its one row."""
    words = set(fold(name).split())
    [row] = [r for r in rows if words <= set(fold(r["unit"]).split())]
    return row


def rank_matches(expected: object, row: dict[str, Any]) -> bool:
    """Given an expected rank and a row, return whether the row states it ("last" = k of k)."""
    if expected == "last":
        return row["rank"] is not None and row["rank"] == row["rank_of"]
    got = rank_of(row)
    return got == expected or (got == "last" and expected == f"{row['rank']}/{row['rank_of']}")


@pytest.mark.parametrize("stem", STEMS)
def test_composition_units(stem: str) -> None:
    expected = json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))
    got = process_file(SOURCES[stem]).to_dict()
    year = expected.get("assessment_year")  # an earlier year's rank ("(năm 2022 xếp thứ 2/15)")
    rows = [  # the PAR Index's rows of the notice's year
        r
        for r in got["unit_scores"]
        if r["index"] == "par" and r["year"] in (None, year or r["year"])
    ]
    assert len(rows) == len(expected["units"])
    for unit in expected["units"]:
        row = unit_row(rows, unit["unit"])
        assert same(unit["score"], row["score"]) or same(unit["score"], row["percent"]), unit
        if unit.get("rank") is not None:
            assert rank_matches(unit["rank"], row), (unit, row)
        assert fold(unit.get("grade")) == fold(row["grade"]), (unit, row)


@pytest.mark.parametrize("stem", STEMS)
def test_composition_components_and_headline(stem: str) -> None:
    expected = json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))
    got = process_file(SOURCES[stem]).to_dict()
    for comp in expected.get("components", []):
        words = set(fold(comp["label"]).split())
        [row] = [r for r in got["scores"] if words <= set(fold(r["label"]).split())]
        assert same(comp["max"], row["max"]), (comp, row)
        value = comp.get("appraised", comp.get("self"))
        assert any(same(value, row.get(k)) for k in ("score", "appraised", "self")), (comp, row)
    summary = got["summary"]
    if expected.get("headline_score") is not None:
        assert same(expected["headline_score"], summary["headline_score"])
    if expected.get("rank") is not None:
        assert rank_matches(expected["rank"], summary), summary
