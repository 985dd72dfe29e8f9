"""A statement being read, before it is numbered: a ``Draft`` becomes a ``UnitScore``.

"cuối bảng" (last place) is kept as ``last`` until the whole document is read, then ranked
with the count the text states: the statement's own ("cuối bảng trong số 20 sở"), else the
one other statements of the same kind of unit, index and year state ("xếp thứ 3/20"), else
the largest count of that kind of unit the text names ("20 sở, ban, ngành"). Without a
count the rank stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from itertools import pairwise
from typing import Any

from parscore.extractors.records import replace
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.numbers import Number
from parscore.normalizers.places import is_province
from parscore.pipeline.model import UnitScore, Where
from parscore.pipeline.statements.units import (
    official_district_count,
    official_province_count,
    unit_kind,
)

#: The unit of a statement about the notice's own subject that the text never names ("Chỉ số
#: CCHC của Sở đạt …" where no "Sở" is known): kept to find the notice's own figures, never a
#: unit row.
UNNAMED = "(unnamed subject)"
#: Where a draft not yet placed is: one frozen default shared by all (no ``default_factory``,
#: so that ``fast_init`` makes drafts).
NOWHERE = Where()
#: The kind given to a sentence's count that totals two others it states after it: no size.
TOTAL = "(total)"
#: Fields whose presence makes a draft a statement (a unit and an index alone are not one).
STATED = ("score", "self_score", "appraised", "percent", "rank", "grade", "change", "rank_change")


@fast_init
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
    grade_raw: str | None = None  # the grade's words as written ("nhóm khá"), beside its code
    change: Number | None = None
    rank_change: int | None = None
    group: str | None = None
    source: str = "prose"
    where: Where = NOWHERE
    listed: int = 0  # the list it is ranked in by its place ("tốp đầu gồm: A, B, C"), 0: none
    from_last: int = 0  # places before the last of a "last" statement ("áp chót": 1)
    place_cue: str | None = None  # the words of a place stated before a list ("cuối bảng")
    inferred: bool = False  # rank_of is the official count of the province's districts
    regional: bool = False  # a first or last place within a region: no count of the ranking
    alone: bool = False  # its sentence states no other unit's figures and lists no units
    sole: bool = False  # … and names an index: it may be the notice's own statement

    @property
    def stated(self) -> bool:
        """Given a draft, return whether it states anything about its unit."""
        return self.last or not (  # the fields of STATED, spelled out: asked at every token
            self.score is None and self.self_score is None and self.appraised is None
            and self.percent is None and self.rank is None and self.grade is None
            and self.change is None and self.rank_change is None
        )  # fmt: skip

    @property
    def official(self) -> Number | None:
        """Given a draft, return its score: appraised, else the plain one, else self-assessed."""
        return self.appraised or self.score or self.self_score

    def has(self, name: str) -> bool:
        """Given a field name, return whether the draft already holds a value there."""
        return getattr(self, name) is not None

    def fresh(self) -> Draft:
        """Given a draft, return an empty one about the same unit, index and year."""
        return Draft(
            unit=self.unit, unit_raw=self.unit_raw, index=self.index, year=self.year,
            group=self.group, source=self.source, where=self.where,
        )  # fmt: skip


def put(draft: Draft, name: str, value: object) -> Draft:
    """Given a draft, a field name and a value, return the draft with that field set."""
    changes: dict[str, Any] = {name: value}
    return replace(draft, **changes)


def merge(draft: Draft, update: Draft) -> Draft:
    """Given a draft and another, return the draft with the other's set fields taken (a field
    left at its default, such as an unknown place, is not taken)."""
    taken = {
        name: value
        for name, default in _DEFAULTS
        if (value := getattr(update, name)) not in (None, False, "", default)
    }
    return replace(draft, **taken)


#: Each field of a draft and its default (what ``merge`` does not take).
_DEFAULTS = tuple((f.name, getattr(Draft(), f.name)) for f in fields(Draft))


def to_unit_score(draft: Draft, order: int) -> UnitScore:
    """Given a finished draft and its place in the document, return its UnitScore."""
    return UnitScore(
        order=order, unit=draft.unit or "", unit_raw=draft.unit_raw or draft.unit or "",
        index=draft.index or "par", year=draft.year, score=draft.official, max=draft.max,
        percent=draft.percent, rank=draft.rank, rank_of=draft.rank_of, grade=draft.grade,
        grade_raw=draft.grade_raw,
        change=draft.change, rank_change=draft.rank_change, previous=draft.previous,
        source=draft.source, group=draft.group, where=draft.where,
        rank_of_inferred=draft.inferred, sole=draft.sole,
    )  # fmt: skip


# --- lists ----------------------------------------------------------------------------------


def settle_list(drafts: Sequence[Draft], in_order: bool) -> tuple[Draft, ...]:
    """Given a sentence's statements and whether it says its list is in order ("lần lượt"),
    return them with the list's places settled.

    A list of several units is ranked by its order when the sentence says so, else by its
    figures when every unit has one and they fall down the list (equal figures share a place);
    otherwise it is a set ("3 vị trí cuối bảng là A, B và C") and no unit has a place of its own.
    """
    places: dict[int, int | None] = {}
    for key in dict.fromkeys(d.listed for d in drafts if d.listed):
        listed = [d for d in drafts if d.listed == key]
        lone = not any(d.last for d in drafts if d.listed != key)  # no other unit is last
        places.update(list_places(listed, in_order, lone=lone))
    return tuple(_placed(d, places) if d.listed else d for d in drafts)


def list_places(
    listed: Sequence[Draft], in_order: bool, *, lone: bool = False
) -> dict[int, int | None]:
    """Given the statements of one list, whether it is in order and whether no other unit of
    the sentence is last, return the place of each kept (by id): all of them when in order,
    by falling figures, or a single unit; else only the first unit's own."""
    if len(listed) > 1 and listed[0].last:  # "3 đơn vị thấp nhất lần lượt là A, B": a set
        return lowest_in_turn(listed) if in_order and lone else {}
    if len(listed) < 2 or in_order:
        return {id(d): d.rank for d in listed}
    figures = [d.official or d.percent for d in listed]
    values = [f.value for f in figures if f is not None and f.value is not None]
    if len(values) == len(listed) and all(a >= b for a, b in pairwise(values)):
        first = listed[0].rank
        return {id(d): tied_place(values, k, first) for k, d in enumerate(listed)}
    head = listed[0]
    return {id(head): head.rank} if head.rank is not None and not head.last else {}


def lowest_in_turn(listed: Sequence[Draft]) -> dict[int, int | None]:
    """Given the statements of a list of the last places in order, return the last unit kept
    when its figures fall strictly down the list ("3 địa phương cuối bảng là A, B và C, lần
    lượt đạt 84,36; 83,90 và 82,15 điểm": C is last); else none (a set)."""
    figures = [d.official or d.percent for d in listed]
    values = [f.value for f in figures if f is not None and f.value is not None]
    if len(values) < len(listed) or not all(a > b for a, b in pairwise(values)):
        return {}
    return {id(listed[-1]): listed[-1].rank}


def tied_place(values: Sequence[Decimal], k: int, first: int | None) -> int | None:
    """Given a list's falling figures, a position and the list's first place, return the place
    of the unit there: equal figures share the place of the first of them."""
    if first is None:
        return None
    return first + values.index(values[k])


def _placed(draft: Draft, places: dict[int, int | None]) -> Draft:
    """Given a listed statement and the places of its list (none for a set), return it placed."""
    if id(draft) not in places:  # a set: its cue ("cuối bảng") is the group its units share
        group = draft.group or draft.place_cue
        return replace(draft, rank=None, last=False, listed=0, group=group)
    return replace(draft, rank=places[id(draft)] if draft.rank else None, listed=0)


#: Figures of a statement that "lần lượt" hands to the units listed before them in turn.
IN_TURN = ("score", "self_score", "appraised", "percent")


def figures_in_turn(drafts: Sequence[Draft]) -> tuple[Draft, ...]:
    """Given a sentence's statements that say "lần lượt", return them with the figures written
    after a list of units given to those units in turn ("A, B và C lần lượt đạt 91,2 điểm,
    90,85 điểm và 90,4 điểm": A 91,2; B 90,85; C 90,4) where the walk gave them all to the last."""
    out = list(drafts)
    k = 0
    while k < len(out):
        n = run_in_turn(out, k)
        if n:
            out[k : k + 2 * n - 1] = dealt(out[k : k + 2 * n - 1], n)
        k += max(n, 1)
    return tuple(out)


def run_in_turn(drafts: Sequence[Draft], k: int) -> int:
    """Given the statements and a position, return how many units are listed there before a
    last one whose unit states as many figures in a row (the units before it stating none, or
    the last one's first figure shared with them), else 0."""
    bare = 0
    while k + bare + 1 < len(drafts) and _leads(drafts[k + bare], drafts[k + bare + 1]):
        bare += 1
    last = k + bare
    if not bare or not _has_figure(drafts[last]):
        return 0
    more = drafts[last + 1 : last + 1 + bare]
    ranked = drafts[last].rank is None  # the last unit's place may come with its last figure
    same = [d for k, d in enumerate(more, 1)
            if d.unit == drafts[last].unit and _only_figures(d, placed=ranked and k == bare)]
    return bare + 1 if len(same) == bare else 0


def _leads(draft: Draft, following: Draft) -> bool:
    """Given a listed statement and the next, return whether it is a unit of the list before
    another unit: no figure of its own, or the same figures as the next (shared with it)."""
    other = draft.unit is not None and following.unit is not None and draft.unit != following.unit
    return other and (not _has_figure(draft) or _figures(draft) == _figures(following))


def _figures(draft: Draft) -> tuple[object, ...]:
    """Given a statement, return its figures dealt in turn."""
    return tuple(getattr(draft, f) for f in IN_TURN)


def dealt(run: Sequence[Draft], n: int) -> list[Draft]:
    """Given a run of n listed statements and the n - 1 figures after them, return the n
    statements each with its figure in turn."""
    units, figures = run[:n], [run[n - 1], *run[n:]]
    out = [
        replace(u, **{f: getattr(g, f) for f in IN_TURN})
        for u, g in zip(units, figures, strict=True)
    ]
    if out[-1].rank is None and figures[-1].rank is not None:  # "…, xếp thứ 2, 3 và 4": the
        out[-1] = replace(out[-1], rank=figures[-1].rank)  # last place went to the last figure
    return out


def _has_figure(draft: Draft) -> bool:
    """Given a statement, return whether it states a figure of its own."""
    return any(getattr(draft, f) is not None for f in IN_TURN)


def _only_figures(draft: Draft, *, placed: bool = False) -> bool:
    """Given a statement and whether it may hold a place, return whether it states figures and
    no place (or a place, when it may: the last unit's, dealt to its last figure)."""
    unranked = placed or draft.rank is None
    return _has_figure(draft) and unranked and not draft.last and not draft.listed


# --- "cuối bảng" ------------------------------------------------------------------------------


def settle_last(
    drafts: Sequence[Draft], counts: Sequence[tuple[str, int]], province: str | None = None
) -> list[Draft]:
    """Given the statements, the (kind, count) pairs the text states and the notice's province,
    rank "cuối bảng" last."""
    largest = largest_counts(counts)
    tied = tied_last(drafts)
    return [_settled(tied.get(id(d), d), drafts, largest, province) if d.last else d
            for d in drafts]  # fmt: skip


def tied_last(drafts: Sequence[Draft]) -> dict[int, Draft]:
    """Given the statements, return those of k units sharing the last place with one value
    ("A và B cùng đạt 85,33%, thấp nhất"), each placed k - 1 before the last (5/6 and 5/6 of
    six), by id; a bottom list of different values is no tie and keeps its own places."""
    groups: dict[tuple[object, ...], list[Draft]] = {}
    for d in drafts:
        value = d.official or d.percent
        if d.last and not d.from_last and value is not None:
            key = (d.index, d.year, unit_kind(d.unit or ""), value.value)
            groups.setdefault(key, []).append(d)
    return {id(d): replace(d, from_last=len(g) - 1) for g in groups.values() if len(g) > 1
            for d in g if len({x.unit for x in g}) == len(g)}  # fmt: skip


def largest_counts(counts: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Given the (kind, count) pairs the text states, return the largest count per kind (a
    sentence's total of its parts is not among them: "52 sở và quận, trong đó 22 sở và 30
    quận": 22 sở)."""
    largest: dict[str, int] = {}
    totals = {n for kind, n in counts if kind == TOTAL}
    for kind, count in counts:
        if count not in totals:
            largest[kind] = max(count, largest.get(kind, 0))
    return largest


def is_total(count: int, counts: Sequence[int]) -> bool:
    """Given a count and all counts the text states, return whether it is the sum of two others
    (two counts, not one taken twice: "20 sở … và 10 huyện" states no total)."""
    others = [n for n in counts if n < count]
    return any(count - n in others[k + 1 :] for k, n in enumerate(others))


def _settled(
    draft: Draft, drafts: Sequence[Draft], counts: dict[str, int], province: str | None
) -> Draft:
    """Given a "cuối bảng" statement, all statements, the counts and the notice's province,
    return it ranked last: among the count the text states, else (a district among its
    province's districts) the official count of the province's districts that year, inferred."""
    if draft.regional and draft.rank_of is None:  # "thấp nhất vùng": the region's size unknown
        return replace(draft, last=False)
    kind = unit_kind(draft.unit or "")
    count = draft.rank_of or stated_count(draft, drafts) or counts.get(kind)
    if count is None and (count := official_count(draft, drafts, province)):
        place = count - draft.from_last
        return replace(draft, rank=place, rank_of=count, last=False, inferred=True)
    if count is None:
        return replace(draft, last=False)
    return replace(draft, rank=count - draft.from_last, rank_of=count, last=False)


def official_count(draft: Draft, drafts: Sequence[Draft], province: str | None) -> int | None:
    """Given a "cuối bảng" statement, all statements and the notice's province, return the
    official count of its province's districts when every unit ranked beside it (same index
    and year, same kind) is one of them, else of the country's provinces when every unit
    ranked beside it is a province and the ranking is national; none is ranked beyond it and
    they are no more than the count."""
    same = [d for d in drafts if d is not draft and (d.index, d.year) == (draft.index, draft.year)]
    kind = unit_kind(draft.unit or "")
    beside = [d for d in same if unit_kind(d.unit or "") == kind]
    count = official_district_count(
        draft.unit or "", [d.unit or "" for d in beside], province, draft.year
    )
    if count is None:
        beside = [d for d in same if is_province(d.unit or "")]
        count = official_province_count(
            draft.unit or "", [(d.unit or "", d.rank) for d in beside], draft.year
        )
    top = max((d.rank or 0 for d in beside), default=0)
    named = len({d.unit for d in beside} | {draft.unit})
    fits = count is not None and top < count - draft.from_last and named <= count
    return count if fits else None


def stated_count(draft: Draft, drafts: Sequence[Draft]) -> int | None:
    """Given a statement and all statements, return the one count that others of its kind state."""
    kind = unit_kind(draft.unit or "")
    counts = {
        d.rank_of
        for d in drafts
        if d.rank_of and (d.index, d.year) == (draft.index, draft.year)
        and unit_kind(d.unit or "") == kind
    }  # fmt: skip
    return counts.pop() if len(counts) == 1 else None
