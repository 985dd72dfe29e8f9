"""The fast record ``__init__`` makes exactly the record the dataclass's own makes."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.extractors.records import replace
from parscore.normalizers.fastinit import fast_init, mutable_twin
from parscore.normalizers.numbers import Number
from parscore.pipeline.statements.tokens import Kind, Token
from tests.test_records import Checked
from tests.test_records import Rec as Slow  # the same fields, the dataclass's own __init__


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Fast:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: int = field(default=0, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Pair:
    text: int
    links: int = 0


@given(a=st.integers(), b=st.text(), c=st.lists(st.integers()).map(tuple), d=st.integers())
def test_same_record_as_the_dataclass(a: int, b: str, c: tuple[int, ...], d: int) -> None:
    for kwargs in ({"a": a}, {"a": a, "b": b}, {"a": a, "c": c, "d": d}):
        fast, slow = Fast(**kwargs), Slow(**kwargs)  # type: ignore[arg-type]
        assert dataclasses.astuple(fast) == dataclasses.astuple(slow)
        assert repr(fast).removeprefix("Fast") == repr(slow).removeprefix("Rec")
        assert fast == Fast(**{**kwargs, "d": d + 1})  # type: ignore[arg-type]


def test_signature_and_errors_as_the_dataclass() -> None:
    assert list(inspect.signature(Fast).parameters) == ["a", "b", "c", "d"]
    with pytest.raises(TypeError):
        Fast(1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Fast(b="y")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast(a=1, z=2)  # type: ignore[call-arg]
    assert Pair(3) == Pair(text=3, links=0) and Pair(3, 4).links == 4


def test_still_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Fast(a=1).a = 2  # type: ignore[misc]


def test_classes_it_cannot_serve_are_left_alone() -> None:
    @dataclass(frozen=True, slots=True, kw_only=True)
    class Counted:
        a: int
        n: int = field(default=0, init=False)

    @dataclass(frozen=True, kw_only=True)
    class Unslotted:
        a: int

    for cls in (Checked, Counted, Unslotted):
        init = cls.__init__
        assert fast_init(cls).__init__ is init
    with pytest.raises(ValueError, match="negative"):
        fast_init(Checked)(a=-1)
    assert fast_init(Counted)(a=1).n == 0


def test_a_default_factory_is_called_per_record() -> None:
    @fast_init
    @dataclass(frozen=True, slots=True, kw_only=True)
    class Listed:
        a: list[int] = field(default_factory=list)
        b: int = 0

    assert Listed.__init__.__code__.co_varnames[0] == "_obj_"
    first, second, given = Listed(), Listed(b=2), Listed(a=[3])
    assert first.a == [] and second.a == [] and first.a is not second.a
    assert given.a == [3] and second.b == 2


def test_hot_records_use_it() -> None:
    for cls in (Token, Number):
        assert cls.__init__.__code__.co_filename == "<string>"
        assert cls.__init__.__code__.co_varnames[0] == "_obj_"


def test_made_on_its_twin_and_switched_back() -> None:
    assert mutable_twin(Token) is not None and "_twin_" in Token.__init__.__code__.co_names
    token = Token(kind=Kind.UNIT, start=0, end=3, label="Sở Y tế")
    copied = replace(token, end=4)
    assert type(token) is Token and type(copied) is Token
    assert (copied.start, copied.end, copied.label) == (0, 4, "Sở Y tế")
    for record in (token, copied):
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.start = 1  # type: ignore[misc]


def test_a_subclass_is_never_switched() -> None:
    @dataclass(frozen=True, slots=True, kw_only=True)
    class Sub(Fast):
        e: int = 0

    assert mutable_twin(Sub) is None  # a base of its own: its layout is not the twin's
    made = object.__new__(Sub)
    Fast.__init__(made, a=1)  # the fast __init__ run on a subclass's instance
    assert type(made) is Sub and (made.a, made.b) == (1, "x")
    copied = replace(Sub(a=1, e=2), a=5)
    assert type(copied) is Sub and (copied.a, copied.e) == (5, 2)
