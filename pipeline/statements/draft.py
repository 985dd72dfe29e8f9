"""A statement being read, before it is numbered: a ``Draft`` becomes a ``UnitScore``."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from normalizers.numbers import Number
from pipeline.model import UnitScore, Where

#: Fields whose presence makes a draft a statement (a unit and an index alone are not one).
STATED = ("score", "self_score", "appraised", "percent", "rank", "grade", "change", "rank_change")


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """What one statement says so far. ``last`` is a rank "cuối bảng" awaiting its count."""

    unit: str | None = None
    unit_raw: str = ""
    index: str | None = None
    year: int | None = None
    score: Number | None = None
    self_score: Number | None = None
    appraised: Number | None = None
    max: Number | None = None
    percent: Number | None = None
    previous: Number | None = None
    rank: int | None = None
    rank_of: int | None = None
    last: bool = False
    grade: str | None = None
    change: Number | None = None
    rank_change: int | None = None
    group: str | None = None
    source: str = "prose"
    where: Where = Where()

    @property
    def stated(self) -> bool:
        """Given a draft, return whether it states anything about its unit."""
        return self.last or any(getattr(self, name) is not None for name in STATED)

    @property
    def official(self) -> Number | None:
        """Given a draft, return its score: the appraised one, else the plain one, else the self-assessed."""
        return self.appraised or self.score or self.self_score

    def has(self, name: str) -> bool:
        """Given a field name, return whether the draft already holds a value there."""
        return getattr(self, name) is not None

    def fresh(self) -> Draft:
        """Given a draft, return an empty one about the same unit, index and year."""
        return Draft(
            unit=self.unit, unit_raw=self.unit_raw, index=self.index, year=self.year,
            group=self.group, source=self.source, where=self.where,
        )


def merge(draft: Draft, update: Draft) -> Draft:
    """Given a draft and the fields of another, return the draft with the other's set fields taken."""
    taken = {f.name: getattr(update, f.name) for f in fields(Draft) if getattr(update, f.name) not in (None, False, "")}
    return replace(draft, **taken)


def to_unit_score(draft: Draft, order: int) -> UnitScore:
    """Given a finished draft and its place in the document, return its UnitScore."""
    return UnitScore(
        order=order, unit=draft.unit or "", unit_raw=draft.unit_raw or draft.unit or "",
        index=draft.index or "par", year=draft.year, score=draft.official, max=draft.max,
        percent=draft.percent, rank=draft.rank, rank_of=draft.rank_of, grade=draft.grade,
        change=draft.change, rank_change=draft.rank_change, previous=draft.previous,
        source=draft.source, group=draft.group, where=draft.where,
    )
