"""The fast record replace gives exactly what dataclasses.replace gives."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.extractors.records import replace


@dataclass(frozen=True, slots=True, kw_only=True)
class Rec:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Checked:
    a: int

    def __post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("a must not be negative")


@given(a=st.integers(), b=st.text(), c=st.lists(st.integers()).map(tuple), d=st.integers())
def test_same_as_dataclasses_replace(a: int, b: str, c: tuple[int, ...], d: int) -> None:
    base = Rec(a=1)
    for changes in ({"a": a}, {"b": b, "c": c}, {"d": d}, {}):
        fast, slow = replace(base, **changes), dataclasses.replace(base, **changes)
        assert fast == slow and fast.d == slow.d and type(fast) is Rec
        assert hash(fast) == hash(slow)


def test_frozen_and_unknown_fields() -> None:
    new = replace(Rec(a=1), a=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.a = 3  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field"):
        replace(Rec(a=1), z=1)


def test_post_init_still_runs() -> None:
    with pytest.raises(ValueError, match="negative"):
        replace(Checked(a=1), a=-1)
