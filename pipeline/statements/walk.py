"""The walk over a sentence's tokens that fills one draft per unit and index.

A ``Frame`` is the walk's state; each kind of token has a step (``STEPS``) that returns the
next frame. The rules are those of ``pipeline.statements.prose``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, TypeVar, cast

from parscore.extractors.records import replace as replace_record
from parscore.normalizers.labels import grade_in_text
from parscore.normalizers.places import is_region
from parscore.pipeline.model import Where
from parscore.pipeline.statements.context import Context
from parscore.pipeline.statements.cues import cues, data, is_plain, sentence_key
from parscore.pipeline.statements.draft import STATED, UNNAMED, Draft, merge, put
from parscore.pipeline.statements.tokens import PENULTIMATE, Kind, Role, Token, signed
from parscore.pipeline.statements.units import resolve_reference

#: Roles of figures and the draft field each fills.
FIELDS = {
    Role.SCORE: "score",
    Role.PERCENT: "percent",
    Role.SELF: "self_score",
    Role.APPRAISED: "appraised",
}
#: Fields of figures stated before the units they belong to ("đạt 85,42% là A và B").
HANDED = (
    "score", "self_score", "appraised", "max", "percent", "grade", "grade_raw", "change",
    "previous", "rank", "rank_of", "last",
)  # fmt: skip
#: Kinds after which a group is a scope ("dẫn đầu khối sở"), not a new subject.
SCOPED = frozenset({Kind.RANK, Kind.FIRST, Kind.LAST})


class Mode(StrEnum):
    CURRENT = "current"
    PREVIOUS = "previous"  # figures are last year's
    COMPARE = "compare"  # after "so với năm 2022": a bracket or a figure is last year's
    DIFF = "diff"  # after "cao hơn năm 2022": a figure is the difference, a bracket last year's
    AREA = "area"  # figures are area scores


#: Modes of a comparison, which the next figure or bracket settles.
COMPARING = frozenset({Mode.COMPARE, Mode.DIFF})


@dataclass(frozen=True, kw_only=True)
class Frame:
    """The walk's state inside one sentence. Not slotted: a frame is copied a dozen times a
    sentence, and copying its attribute dict (``replace``) is several times faster than
    setting two dozen slots one by one."""

    ctx: Context
    draft: Draft
    units: tuple[str, ...] = ()  # units named so far, for references
    mode: Mode = Mode.CURRENT
    depth: int = 0
    mode_depth: int = 0
    pending: Draft | None = None  # a rank waiting for the unit named after it
    count: int | None = None  # how many units the sentence says there are
    indexed: bool = False  # the sentence names an index
    anonymous: bool = True  # a statement without a unit may take the default one
    took_previous: bool = False
    sign: int = 0  # of the difference a DIFF reading expects
    year_stated: bool = False
    partners: tuple[tuple[str, str], ...] = ()  # (unit, raw) joined before the current unit
    run: tuple[tuple[str, str], ...] = ()  # (unit, raw) of the list the current unit ends
    series: Draft | None = None  # the place of the next unit joined to a list ("A, B, C")
    handed: Draft | None = None  # figures stated before the listed units they belong to
    sharing: bool = False  # the current unit and its partners share the figures after them
    fronted: bool = False  # the sentence opened with a figure of the unit named next
    resume: Draft | None = None  # the statement held while a unit ranked above it is read
    within_grade: bool = False  # the sentence speaks of a grade's members: places are theirs
    area_tail: bool = False  # right after the comma that ended an area clause
    area_figure: bool = False  # the area clause read a figure of the area's
    area_named: bool = False  # the area clause names an area, not only "lĩnh vực" or "tiêu chí"
    area_owned: bool = False  # the unit read owns the area the sentence opened on
    versus: bool = False  # the area clause is a comparison with a unit: its figures are no area's
    totalled: bool = False  # the sentence opens with the total ("Tổng điểm tự đánh giá: 78,75")
    outer: tuple[tuple[str | None, int | None], ...] = ()  # index and year outside each bracket
    past_year: int | None = None  # the earlier year last year's figures are of, when named
    past: tuple[Draft, ...] = ()  # statements of that year, kept after the statement's own
    out: tuple[Draft, ...] = ()


_FRAME_FIELDS = frozenset(f.name for f in fields(Frame))
_new = object.__new__
T = TypeVar("T")


def replace(obj: T, /, **changes: Any) -> T:
    """Given a record and field changes, return a new record with them (a frame through its
    attribute dict, any other record through ``records.replace``)."""
    if type(obj) is not Frame:
        return replace_record(obj, **changes)
    if not changes.keys() <= _FRAME_FIELDS:
        unknown = ", ".join(sorted(changes.keys() - _FRAME_FIELDS))
        raise TypeError(f"Frame has no field(s) {unknown}")
    copy = _new(Frame)
    attrs = copy.__dict__
    attrs.update(obj.__dict__)
    attrs.update(changes)
    return cast(T, copy)


# --- steps -----------------------------------------------------------------------------------


#: A step of the walk: the frame, the token and the kind of the token before it → the frame.
Step = Callable[["Frame", Token, "Kind | None"], "Frame"]


def flush(frame: Frame) -> Frame:
    """Given the frame, return it with its draft kept (when it states something) and a fresh one."""
    draft = inherit(frame.draft, frame.handed)
    found: tuple[Draft, ...] = ()
    if draft.index is not None and draft.stated:
        unit = draft.unit or default_unit(frame)
        if unit is not None:
            kept = replace(draft, unit=unit, unit_raw=draft.unit_raw or unit)
            found = (*shared_copies(frame, kept), kept)
    return replace(
        frame,
        draft=draft.fresh(),
        out=frame.out + found + frame.past,
        past=(),
        took_previous=False,
        partners=(),
        sharing=False,
    )


def inherit(draft: Draft, handed: Draft | None) -> Draft:
    """Given a statement and the figures handed to its unit, return it with those it lacks."""
    if handed is None or draft.unit is None:
        return draft
    missing = {name: getattr(handed, name) for name in HANDED if getattr(draft, name) is None}
    return replace(draft, **missing)


def shared_copies(frame: Frame, kept: Draft) -> tuple[Draft, ...]:
    """Given the frame and the statement kept, return one copy per unit sharing it ("Sở A và
    Sở B cùng đạt 90,5%": Sở A's copy; Sở B's is the statement itself)."""
    if not frame.sharing:
        return ()
    return tuple(replace(kept, unit=unit, unit_raw=raw) for unit, raw in frame.partners)


def default_unit(frame: Frame) -> str | None:
    """Given a frame whose statement names no unit, return the unit it is about, or None."""
    if not frame.anonymous:
        return None
    carried = frame.ctx.carried
    if carried is not None and carried.where.block == frame.draft.where.block:
        return carried.unit
    led = frame.ctx.lead > 0 and (frame.draft.official or frame.draft.percent) is not None
    if not (frame.indexed or led or frame.totalled):  # "Tổng điểm đạt được là 79,25 điểm"
        return None
    return frame.ctx.subjects[0] if frame.ctx.subjects else UNNAMED


def on_unit(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a unit: close the statement before and open one about this unit.

    Right after an area ("lĩnh vực thể chế của Sở A", "chỉ đạo, điều hành CCHC của Sở A")
    the unit owns the area: its figures stay area scores. A region right after another
    unit's place is the place's scope ("tỉnh A dẫn đầu vùng Tây Nguyên với …").
    """
    area_average = token.label == average_unit() and frame.area_tail and area_said(frame)
    if token.compared or area_average:  # "kém Bộ Tư pháp 0,06 điểm": a difference, not its figure
        return replace(frame, mode=Mode.AREA, mode_depth=frame.depth, versus=True)
    owner = frame.draft.unit
    if before in SCOPED and owner is not None and is_region(token.label) and not is_region(owner):
        return set_draft(frame, regional=True)  # "A dẫn đầu vùng Tây Nguyên với …": a scope
    if token.above and frame.draft.unit is not None and frame.resume is None:  # "chỉ sau Sở A"
        held = frame.draft
        frame = replace(frame, draft=replace(held.fresh(), unit=None, unit_raw=""), resume=held)
    if frame.fronted and frame.draft.unit is None and not frame.units:  # "Với 44,2 điểm, tỉnh X"
        draft = replace(frame.draft, unit=token.label, unit_raw=token.raw)
        first: tuple[str, ...] = (token.label or "",)
        return replace(frame, draft=draft, units=first, anonymous=False, fronted=False)
    owns_area = before is Kind.AREA or (frame.mode is Mode.AREA and before is Kind.INDEX)
    owned = opened_on_area(frame)
    partners = joined_partners(frame, token)
    frame = flush(handed_over(frame, token))
    handed = frame.handed if token.introduced or token.joined or frame.within_grade else None
    opened = replace(frame.draft, unit=token.label, unit_raw=token.raw, group=None)
    draft, series = listed(frame, token, opened)
    units = (*frame.units, token.label or "")
    mode = Mode.AREA if owns_area or owned else Mode.CURRENT
    averaging = token.label == average_unit()  # a place waiting is not the average's
    return replace(
        frame,
        draft=draft,
        units=units,
        mode=mode,
        pending=frame.pending if averaging else None,
        handed=handed,
        series=series,
        anonymous=False,
        partners=partners,
        sharing=token.shares and bool(partners),
        run=listed_run(frame, token),
        area_owned=owned,
    )


def opened_on_area(frame: Frame) -> bool:
    """Given the frame at a unit, return whether the sentence opened on an area clause naming
    an area and no figure, which the unit owns ("Ở lĩnh vực cải cách tài chính công, tỉnh A
    đạt 12,05 điểm"): its figures are the area's. A bare "lĩnh vực" ("Trong lĩnh vực cải
    cách hành chính, tỉnh A đạt 85%") names the index's field, no area."""
    opening = frame.draft.unit is None and not frame.draft.stated and not frame.units
    return frame.area_tail and frame.area_named and not frame.area_figure and opening


def listed_run(frame: Frame, token: Token) -> tuple[tuple[str, str], ...]:
    """Given the frame and a unit, return the units of the list it ends: itself after those
    it is joined to ("A, B và C": at C, A, B and C), else itself alone."""
    named = ((token.label or "", token.raw),)
    return (*frame.run, *named) if token.joined and frame.run else named


def listed(frame: Frame, token: Token, draft: Draft) -> tuple[Draft, Draft | None]:
    """Given the frame, a unit and its draft, return the draft with the place stated before it
    (a rank waiting, or the next place of the list it is joined to) and the next place."""
    if token.label == average_unit():
        return draft, None
    if frame.pending is not None:
        place = frame.pending
    elif frame.series is not None and token.joined:
        place = frame.series
    else:
        return draft, None
    rank = place.rank
    following = place if rank is None or not place.listed else replace(place, rank=rank + 1)
    return merge(draft, place), following


def handed_over(frame: Frame, token: Token) -> Frame:
    """Given the frame and a unit introduced by "là" or ":", return the frame with the figures
    stated before it of no unit (or of an average) handed to it and the units joined to it
    ("2 vùng còn lại có cùng giá trị đạt 85,42% là A và B": A's and B's), where they state
    none of their own."""
    draft = frame.draft
    unnamed = (None, UNNAMED, average_unit())  # "Đơn vị đạt cao nhất, 92,5 điểm, là Sở A"
    if not (token.introduced and draft.stated and draft.unit in unnamed):
        return frame
    figures = Draft(**{name: getattr(draft, name) for name in HANDED})
    fresh = replace(draft.fresh(), unit=None, unit_raw="")
    return replace(frame, draft=fresh, handed=figures)


def joined_partners(frame: Frame, token: Token) -> tuple[tuple[str, str], ...]:
    """Given the frame and a unit, return the units it is joined to, which have stated nothing
    yet ("Sở A, Sở B và Sở C cùng …": at Sở C, Sở A and Sở B)."""
    draft = frame.draft
    if not token.joined or draft.unit is None or draft.stated:
        return ()
    return (*frame.partners, (draft.unit, draft.unit_raw))


def on_reference(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a back-reference ("Sở", "đơn vị"), continue with the unit it means; right after
    an average ("bình quân chung của tỉnh", "điểm trung bình Chỉ số CCHC cấp xã của huyện") it
    names the average's scope, not a unit."""
    averaging = frame.draft.unit == average_unit() and not frame.draft.stated
    if averaging and before in (Kind.UNIT, Kind.INDEX):
        return frame
    unit = resolve_reference(token.label or "", frame.units, frame.ctx.subjects)
    if unit is None:
        return on_unknown(frame)
    if unit == frame.draft.unit:
        return frame
    return on_unit(frame, replace(token, label=unit), before)


def on_unknown(frame: Frame) -> Frame:
    """Given a reference to a unit not known ("của tỉnh", none named): the notice's own subject,
    unnamed; nothing after it defaults to another unit."""
    frame = flush(frame)
    return replace(frame, draft=replace(frame.draft, unit=UNNAMED, unit_raw=""), anonymous=False)


def on_group(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given many units at once ("các sở", "20 sở"), close the statement and leave no unit.

    Right after a rank or an average ("dẫn đầu khối sở", "trung bình của 20 sở") the group is
    their scope and the statement goes on; so it does after "trong tổng số" ("đứng thứ 2 …
    trong tổng số 06 cơ quan"), which counts the rank's group. A group the unit is one of
    ("nằm trong top 10 tỉnh") names no units and counts none of the ranks; nor does the
    count of a grade's members ("Nhóm tốt gồm 5 đơn vị, … thấp nhất là huyện X"), and the
    first and last places after it are within the grade, not in the ranking.
    """
    if token.member:
        return frame
    if (before is Kind.GRADE or grade_heading(frame.draft)) and not is_block(frame.draft.grade):
        return members_of_grade(frame)  # "Nhóm tốt gồm 5 đơn vị": a band's members
    if before is Kind.GRADE or grade_heading(frame.draft):  # "Nhóm A gồm 9 sở": ranked in it
        return replace(frame, count=token.rank_of or frame.count)
    frame = replace(frame, count=token.rank_of or frame.count)
    draft = frame.draft
    if token.counts_rank and draft.rank is not None and draft.rank_of is None:
        return set_draft(frame, rank_of=token.rank_of)
    if draft.unit == average_unit() and token.number is None:  # "trung bình của khối sở"
        return averaged_group(frame, token)
    if before in SCOPED or (draft.unit == average_unit() and not draft.stated):
        return frame
    frame = flush(frame)
    return replace(frame, draft=replace(frame.draft, unit=None, unit_raw=""), anonymous=False)


def averaged_group(frame: Frame, token: Token) -> Frame:
    """Given an average's statement and a group named without a count, return the frame with
    the group as the average's: its scope before its figure ("điểm trung bình của khối sở đạt
    86,2 điểm"), else the next average's ("…, của khối huyện là 84,1 điểm")."""
    if frame.draft.stated:
        frame = flush(frame)
        frame = set_draft(frame, unit=average_unit(), unit_raw=average_unit(), group=None)
    return set_draft(frame, group=frame.draft.group or token.raw)


def members_of_grade(frame: Frame) -> Frame:
    """Given the frame at the count of a grade's members ("Loại Khá gồm 6 đơn vị, trong đó
    thành phố A cao nhất …"), return it reading of them: the grade of no unit yet is handed
    to each unit named after it, no earlier one's."""
    draft = frame.draft
    others = [name for name in STATED if name != "grade" and getattr(draft, name) is not None]
    if not grade_heading(draft) or others:  # "… xếp thứ 3 trong nhóm xuất sắc với 92,4%"
        return replace(frame, within_grade=True)
    grade = Draft(grade=draft.grade, grade_raw=draft.grade_raw)
    fresh = replace(draft.fresh(), unit=None, unit_raw="")
    return replace(frame, within_grade=True, draft=fresh, handed=grade, anonymous=False)


def is_block(grade: str | None) -> bool:
    """Given a grade's code, return whether it names a block ranked among itself ("Nhóm A"),
    not a band of one ranking ("Nhóm tốt")."""
    return grade in data()["groups"]["blocks"]


def grade_heading(draft: Draft) -> bool:
    """Given the statement so far, return whether it is a grade of no unit yet, whose members
    the words after it list ("Xếp loại Tốt (từ 80 điểm), gồm 6 đơn vị: …")."""
    return draft.unit is None and draft.grade is not None and draft.official is None


def on_index(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given an index mention, go on about it (a new statement when figures of another were read).

    A statement whose index is not known yet takes it ("Sở Tư pháp dẫn đầu Chỉ số CCHC"), and
    so does a place with no figure yet that names its index right after it ("tỉnh B đứng thứ
    hai về chỉ số PAPI": the place is in PAPI, not in the index of the sentence before).
    The reform named plainly inside an area's name leaves the area reading on.
    """
    if frame.mode is Mode.AREA and is_plain(token.raw):
        return frame
    current = frame.draft.index
    figured = frame.draft.score is not None or frame.draft.percent is not None
    if token.about and not figured:  # "B đứng thứ hai về chỉ số PAPI": the place's index
        draft = replace(frame.draft, index=token.label)
        return replace(frame, draft=draft, indexed=True, mode=Mode.CURRENT)
    if frame.draft.stated and current is not None and current != token.label:
        frame = flush(frame)
    draft = replace(frame.draft, index=token.label)
    return replace(frame, draft=draft, indexed=True, mode=Mode.CURRENT)


def on_area(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given an area mention, read the figures after it as area scores."""
    named = (frame.mode is Mode.AREA and frame.area_named) or not is_generic_area(token.raw)
    figure = frame.mode is Mode.AREA and frame.area_figure
    return replace(
        frame,
        mode=Mode.AREA,
        mode_depth=frame.depth,
        area_named=named,
        area_figure=figure,
        versus=False,
    )


def is_generic_area(raw: str) -> bool:
    """Given an area mention, return whether it only says "an area" ("lĩnh vực", "tiêu chí")."""
    return sentence_key(" ".join(raw.split())) in data()["area"]["generic"]


def on_total(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given the index's total named again ("tổng điểm"), read figures as the unit's again; a
    sentence opening with it and naming no unit states the notice's subject's total."""
    if before is None:  # "Với tổng điểm 88,45/100, Sở A xếp …": the unit named next takes it
        return replace(frame, totalled=True, fronted=True)
    return replace(frame, mode=Mode.CURRENT) if frame.mode is Mode.AREA else frame


def compare(frame: Frame, token: Token) -> Frame:
    """Given a compared year ("so với năm 2022", "cao hơn năm 2022"), read on as a comparison."""
    mode = Mode.DIFF if token.sign else Mode.COMPARE
    return replace(frame, mode=mode, sign=token.sign, past_year=token.year)


def on_year(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a year: the statement's year, a comparison, or the start of last year's figures."""
    if token.compare:
        return compare(frame, token)
    if frame.mode is Mode.PREVIOUS:
        return replace(frame, past_year=token.year)
    current, year = frame.draft.year, token.year or 0
    if frame.draft.stated and ((current is None and frame.depth) or (current and year < current)):
        return replace(frame, mode=Mode.PREVIOUS, mode_depth=frame.depth, past_year=token.year)
    if frame.draft.stated and frame.year_stated and current and year > current:
        frame = flush(frame)
    return replace(frame, draft=replace(frame.draft, year=year), year_stated=True)


def on_previous(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given "năm trước", read the figures after it as last year's ("so với …": compare)."""
    if token.compare:
        return compare(frame, token)
    return replace(frame, mode=Mode.PREVIOUS, mode_depth=frame.depth, past_year=None)


def on_open(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given "(", go one bracket deeper (after "so với năm 2022", into last year's figures)."""
    depth = frame.depth + 1
    outer = (*frame.outer, (frame.draft.index, frame.draft.year))
    if frame.mode in COMPARING:
        return replace(frame, depth=depth, mode=Mode.PREVIOUS, mode_depth=depth, outer=outer)
    return replace(frame, depth=depth, outer=outer)


def on_close(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ")", leave a bracket, and the previous or area figures opened inside it."""
    depth = max(frame.depth - 1, 0)
    ends = frame.mode in COMPARING or (
        frame.mode in (Mode.PREVIOUS, Mode.AREA) and depth < frame.mode_depth
    )
    frame = replace(frame, depth=depth, mode=Mode.CURRENT if ends else frame.mode)
    outer = frame.outer[-1] if frame.outer else (None, None)
    if before is Kind.INDEX:  # "Chỉ số năng lực cạnh tranh … (DDCI)": the name's own abbreviation
        outer = (frame.draft.index, outer[1])
    return outer_restored(frame, outer)


def outer_restored(frame: Frame, outer: tuple[str | None, int | None]) -> Frame:
    """Given the frame at a closing bracket and the index and year spoken of before the bracket
    opened, return it speaking of them again: an index or a year named inside brackets ("(gồm
    Chỉ số SIPAS đạt 8,5 điểm)", "(năm 2022 đạt 80,1 điểm)") is an aside, and what follows the
    bracket ("…), tăng 4,79 điểm") is the outer statement's, taken up again."""
    frame = replace(frame, outer=frame.outer[:-1])
    draft = frame.draft
    key = (draft.unit, outer[0] or draft.index, outer[1] or draft.year)
    if key == (draft.unit, draft.index, draft.year):
        return frame
    frame = flush(frame)
    said = [(d.unit, d.index, d.year) for d in frame.out]
    k = next((k for k in range(len(said) - 1, -1, -1) if said[k] == key), None)
    if k is None:
        return replace(frame, draft=replace(frame.draft, index=key[1], year=key[2]))
    return replace(frame, draft=frame.out[k], out=frame.out[:k] + frame.out[k + 1 :])


def resumed(frame: Frame, *, ends: bool = False) -> Frame:
    """Given the frame and whether the sentence or clause ends here, return it with the
    statement held while a unit ranked above it was read ("…, chỉ sau Sở A (hạng 1), với 90,5
    điểm") taken up again, Sở A's kept. Where the clause ends on that one unit without a rank
    of its own, it is ranked right above ("xếp thứ 2/13, chỉ sau huyện A": A is 1/13); a comma
    may open a list of units above ("chỉ sau A, B và C"), which no rank is given to."""
    held = frame.resume
    if held is None:
        return frame
    if ends and frame.draft.rank is None and held.rank and held.rank > 1 and not frame.partners:
        above = replace(frame.draft, rank=held.rank - 1, rank_of=held.rank_of)
        frame = replace(frame, draft=above)
    frame = flush(frame)
    units = (*frame.units, held.unit or "")
    return replace(frame, draft=held, resume=None, units=units, mode=Mode.CURRENT)


def on_semicolon(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ";", end any previous, comparison or area reading (a list goes on: "tiếp theo là
    A 94,17 điểm; B 93,19 điểm"); inside brackets ("(năm 2016: 9; 2017: 6)") it only parts the
    bracket's items."""
    if frame.depth:
        return frame
    return replace(resumed(frame, ends=True), mode=Mode.CURRENT, depth=0)


def on_comma(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ",", end a comparison, an area clause, and last year's figures once one was read."""
    if frame.resume is not None and not frame.depth:
        return resumed(frame)
    level = frame.depth == frame.mode_depth
    previous_done = (
        frame.mode is Mode.PREVIOUS and frame.took_previous and level and not frame.depth
    )
    if frame.mode is Mode.AREA and level:  # after a comparison the unit's own figures go on
        return replace(frame, mode=Mode.CURRENT, area_tail=not frame.versus, versus=False)
    if frame.mode in COMPARING or previous_done:
        return replace(frame, mode=Mode.CURRENT)
    return frame


def on_value(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a figure, put it in its field: last year's, the maximum, or the statement's own."""
    if frame.mode is Mode.AREA or (frame.area_tail and token.role is Role.PERCENT):
        return replace(frame, area_figure=True)  # "… được 10/11 điểm, đạt 90,91%": the area's
    if frame.mode is Mode.DIFF:
        return take_difference(frame, token)
    if frame.mode in (Mode.PREVIOUS, Mode.COMPARE) or token.role is Role.PREVIOUS:
        return take_previous(frame, token)
    if token.role is Role.MAX:
        return frame if frame.draft.has("max") else set_draft(frame, max=token.number)
    return take_value(frame, token)


def take_value(frame: Frame, token: Token) -> Frame:
    """Given the statement's figure, put it in its field (a filled field opens a new statement)."""
    name = FIELDS[token.role or Role.SCORE]
    if (count := rank_ratio(frame, token)) is not None:  # "(năm 2022: 45/63)": a place
        if frame.draft.rank is not None or frame.draft.stated:
            frame = flush(frame)
        number = token.number.value if token.number else None
        return set_draft(frame, rank=int(number or 0), rank_of=count)
    if token.fronted:
        frame = replace(frame, fronted=True)
    if frame.draft.has(name):
        frame = flush(frame)
    draft = put(frame.draft, name, token.number)
    if token.of is not None and draft.max is None:
        draft = replace(draft, max=token.of)
    return replace(frame, draft=draft)


def rank_ratio(frame: Frame, token: Token) -> int | None:
    """Given the frame and a figure, return its count when it is a place, not a score: a whole
    ratio written without "điểm" or "%" out of the count a rank of the same unit was stated
    out of ("xếp thứ 29/63 … (năm 2022: 45/63; năm 2023: 41/63)"); else None."""
    number, of, carried = token.number, token.of, frame.ctx.carried
    if not token.bare or number is None or of is None or number.decimals or of.decimals:
        return None
    counts = {d.rank_of for d in (frame.draft, carried) if d is not None and d.rank_of}
    unit = frame.draft.unit or default_unit(frame)
    mine = carried is None or carried.unit == unit or frame.draft.rank_of is not None
    k, n = number.value, of.value
    fits = k is not None and n is not None and 0 < k <= n and int(n) in counts
    return int(n) if fits and mine and n is not None else None


def set_draft(frame: Frame, **changes: Any) -> Frame:
    """Given the frame and field values, return the frame with its draft changed."""
    return replace(frame, draft=replace(frame.draft, **changes))


def take_difference(frame: Frame, token: Token) -> Frame:
    """Given the figure after "cao hơn năm 2022 …", keep it as the change (signed), once."""
    change = None if token.number is None else signed(token.number, frame.sign)
    draft = frame.draft if frame.draft.has("change") else replace(frame.draft, change=change)
    return replace(frame, draft=draft, mode=Mode.CURRENT)


def take_previous(frame: Frame, token: Token) -> Frame:
    """Given last year's figure, keep the first one as the statement's previous value (after
    a rank stated alone, a whole figure is last year's rank: "xếp thứ 4 (năm 2016: 9)")."""
    keep = not (frame.draft.has("previous") or earlier_rank(frame.draft, token))
    draft = replace(frame.draft, previous=token.number) if keep else frame.draft
    mode = Mode.CURRENT if frame.mode in COMPARING else frame.mode
    return replace(frame, draft=draft, took_previous=True, mode=mode)


def earlier_rank(draft: Draft, token: Token) -> bool:
    """Given a statement and a figure of an earlier year, return whether the figure is a rank:
    a whole number after a statement of a rank and no score, or out of the same count as the
    rank ("xếp thứ 6/17 … (năm 2022: 8/17)")."""
    number = token.number
    scored = draft.official is not None or draft.percent is not None
    whole = number is not None and number.decimals == 0 and not number.percent
    of = token.of.value if token.of is not None else None
    same_count = of is not None and draft.rank_of is not None and of == draft.rank_of
    return draft.rank is not None and whole and (not scored or same_count)


#: Places a listed unit may state of its own, leaving the list ("…; Sở Y tế đứng cuối bảng").
OWN_PLACES = frozenset({Kind.RANK, Kind.LAST})


def on_rank(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a rank ("xếp thứ 11/17", "dẫn đầu"), set it, or keep it for the unit after."""
    if frame.mode is Mode.PREVIOUS:
        return past_rank(frame, token)
    if frame.mode is Mode.AREA or (frame.area_tail and area_said(frame)):
        return frame  # "chỉ số thành phần X đạt 8,7/10 điểm, xếp thứ 30/63": the area's place
    if token.kind in (Kind.FIRST, Kind.LAST) and set_place(frame, before):
        return frame
    update = rank_update(token)
    if token.forward and listed_places(frame, before):  # "xếp thứ hai và thứ ba lần lượt là A, B"
        update = replace(update, rank=frame.draft.rank, rank_of=frame.draft.rank_of)
        frame = set_draft(frame, rank=None, rank_of=None)
    if token.forward:
        tied = cues().tied.match(sentence_key(token.raw))  # "đồng hạng 3 là A và B"
        pending = replace(update, listed=0 if tied else token.start + 1, place_cue=token.raw)
        return replace(frame, pending=pending, mode=Mode.CURRENT)
    if (turned := places_of_list(frame, token, update)) is not None:
        return turned
    if is_last_place(frame.draft, token) and not frame.depth:  # "(xếp thứ 15, …)": its own
        count = (token.rank or 0) + frame.draft.from_last
        return set_draft(frame, rank=token.rank, rank_of=count, last=False)
    if frame.draft.listed and token.kind in OWN_PLACES:  # its own place wins over the list's
        own = {"last": update.last, "from_last": update.from_last, "regional": update.regional}
        return set_draft(frame, rank=update.rank, rank_of=update.rank_of, listed=0, **own)
    if frame.draft.rank is not None or frame.draft.last:
        frame = flush(frame)
    return replace(frame, draft=merge(frame.draft, update), mode=Mode.CURRENT)


def past_rank(frame: Frame, token: Token) -> Frame:
    """Given a rank among last year's figures, keep it as a statement of its year when the
    year is named ("so với năm 2021 (năm 2021 xếp hạng 32/63)"); else it is not kept."""
    draft = frame.draft
    if frame.past_year is None or token.kind is not Kind.RANK or draft.unit is None:
        return frame
    if draft.index is None or token.rank is None:
        return frame
    past = replace(draft.fresh(), year=frame.past_year, rank=token.rank, rank_of=token.rank_of)
    return replace(frame, past=(*frame.past, past))


def listed_places(frame: Frame, before: Kind | None) -> bool:
    """Given the frame and the kind of token before a rank stated before its units, return
    whether the rank before it, of no unit yet, opens the same list of places ("xếp thứ hai
    và thứ ba lần lượt là A và B", "đứng thứ 2, thứ 3 lần lượt là A, B": A is second, B
    third)."""
    draft = frame.draft
    if draft.rank is None or draft.last:
        return False
    if draft.unit is None:
        return before in (Kind.RANK, Kind.COMMA)
    # "Sở A (91,03), xếp thứ hai và thứ ba lần lượt là B và C": the rank right before, all the
    # unit's statement says, opens the list; the unit's own place was stated before it
    return before is Kind.RANK and not rank_only(draft).stated and frame.out[-1:] != ()


def rank_only(draft: Draft) -> Draft:
    """Given a statement, return it without its place (what else it states)."""
    return replace(draft, rank=None, rank_of=None)


def set_place(frame: Frame, before: Kind | None) -> bool:
    """Given the frame at a first or last place and the kind of token before it, return
    whether the place is a set's, no unit's own: within a grade's members, or right after the
    bracket closing the figures of the last unit of a list whose units each stated their own
    ("A (92,7), B (92,15), C (91,03) có kết quả cao nhất")."""
    if frame.within_grade:
        return True
    run = frame.run
    if before is not Kind.CLOSE or len(run) < 2 or run[-1][0] != frame.draft.unit:
        return False
    return any(d.unit == run[-2][0] and d.stated for d in frame.out)


def is_last_place(draft: Draft, token: Token) -> bool:
    """Given a statement and a rank token, return whether the rank is the statement's last
    place written out ("cuối bảng là An Giang với vị trí 63": 63 of 63)."""
    return draft.last and draft.rank is None and token.kind is Kind.RANK and token.rank_of is None


def places_in_turn(frame: Frame) -> Frame:
    """Given units joined before "lần lượt chiếm 3 vị trí đầu tiên", rank them 1, 2, 3 in turn."""
    base = frame.draft.fresh()
    ranked = tuple(
        replace(base, unit=unit, unit_raw=raw, rank=place)
        for place, (unit, raw) in enumerate(frame.partners, start=1)
    )
    kept = ranked if base.index is not None else ()
    draft = replace(frame.draft, rank=len(frame.partners) + 1)
    return replace(frame, out=frame.out + kept, draft=draft, partners=(), mode=Mode.CURRENT)


def in_turn(frame: Frame, token: Token, update: Draft) -> Frame:
    """Given units joined before "lần lượt" and the first place or the ranks in a row after
    it, give the units their places in turn."""
    if token.kind is Kind.FIRST:  # "A, B và C lần lượt chiếm 3 vị trí đầu tiên"
        return places_in_turn(frame)
    return ranks_in_turn(frame, (update.rank or 0, *token.series))  # "… xếp thứ 16 và 17"


def ranks_in_turn(frame: Frame, ranks: tuple[int, ...]) -> Frame:
    """Given units joined before "lần lượt xếp thứ 16 và 17" and the ranks written, give them
    the ranks in turn, the last unit the last rank; as many ranks as units, else none."""
    if len(ranks) != len(frame.partners) + 1:
        return replace(frame, partners=(), mode=Mode.CURRENT)
    base = shared_base(frame)
    ranked = tuple(
        replace(base, unit=unit, unit_raw=raw, rank=place)
        for (unit, raw), place in zip(frame.partners, ranks, strict=False)
    )
    kept = ranked if base.index is not None else ()
    draft = replace(frame.draft, rank=ranks[-1])
    return replace(frame, out=frame.out + kept, draft=draft, partners=(), mode=Mode.CURRENT)


def shared_base(frame: Frame) -> Draft:
    """Given the frame at places dealt in turn to joined units, return the statement each
    unit's place goes in: what the units share, stated before the places ("A và B xếp loại
    Khá, lần lượt đứng thứ 17 và 18": Khá), else a fresh one."""
    return replace(frame.draft, rank=None, rank_of=None) if frame.sharing else frame.draft.fresh()


def places_of_list(frame: Frame, token: Token, update: Draft) -> Frame | None:
    """Given the frame, a place and what it states, return the frame with the units of the list
    before it given their places in turn ("A, B lần lượt xếp thứ 16 và 17", "A, B và C (xếp
    thứ 10, 11, 12)"), or None when the place is not the list's."""
    if token.respective and frame.partners and (token.kind is Kind.FIRST or token.series):
        return in_turn(frame, token, update)
    run = frame.run
    if token.series and len(run) == len(token.series) + 1 and run[-1][0] == frame.draft.unit:
        return ranks_to_list(frame, (update.rank or 0, *token.series))
    return None


def ranks_to_list(frame: Frame, ranks: tuple[int, ...]) -> Frame:
    """Given the frame at ranks written in a row right after a list of as many units ("A, B
    và C (xếp thứ 10, 11, 12)"), give each unit its rank in turn: an own place wins over the
    place the list was given ("thấp nhất là A, B, C (xếp thứ 18, 19, 20)")."""
    out = list(frame.out)
    own = {"last": False, "listed": 0, "from_last": 0}
    for (unit, raw), place in zip(frame.run[:-1], ranks, strict=False):
        k = next((i for i in range(len(out) - 1, -1, -1) if out[i].unit == unit), None)
        if k is not None:
            out[k] = replace(out[k], rank=place, **own)
        elif frame.draft.index is not None:
            out.append(replace(frame.draft.fresh(), unit=unit, unit_raw=raw, rank=place))
    draft = replace(frame.draft, rank=ranks[-1], **own)
    frame = replace(frame, out=tuple(out), draft=draft, partners=(), sharing=False)
    return replace(frame, mode=Mode.CURRENT)


def on_next(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given "tiếp theo là" before a unit, give it the place after the last rank stated (in the
    sentence, else in the paragraph's last statement)."""
    carried = frame.ctx.carried
    earlier = [*frame.out, frame.draft]
    if carried is not None and carried.where.block == frame.draft.where.block:
        earlier.insert(0, carried)
    last = next((d.rank for d in reversed(earlier) if d.rank is not None), None)
    if last is None or frame.mode in (Mode.PREVIOUS, Mode.AREA):
        return frame
    return replace(frame, pending=Draft(rank=last + 1, listed=token.start + 1), mode=Mode.CURRENT)


def rank_update(token: Token) -> Draft:
    """Given a RANK, FIRST or LAST token, return the fields it states."""
    if token.kind is Kind.FIRST:
        return Draft(rank=1, regional=token.regional)
    if token.kind is Kind.LAST:
        from_last = 1 if token.label == PENULTIMATE else 0
        return Draft(last=True, rank_of=token.rank_of, from_last=from_last, regional=token.regional)
    return Draft(rank=token.rank, rank_of=token.rank_of, regional=token.regional)


def setter(name: str, value: Callable[[Token], object]) -> Step:
    """Given a field and how a token gives its value, return the step that sets it once."""

    def step(frame: Frame, token: Token, before: Kind | None) -> Frame:
        if frame.mode in (Mode.PREVIOUS, Mode.AREA) or frame.draft.has(name):
            return frame
        if frame.area_tail and token.kind in AREA_TAIL:  # "lĩnh vực X đạt 9/10, tăng 1,2 điểm"
            return frame
        mode = Mode.CURRENT if frame.mode in COMPARING else frame.mode
        return replace(frame, draft=put(frame.draft, name, value(token)), mode=mode)

    step.__doc__ = f"Given a token, set the statement's {name} unless already set or not current."
    return step


_SET_GRADE = setter("grade", lambda t: t.label)


def on_grade(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a grade, set the statement's grade and keep its words as written, without the cue
    ("xếp loại khá": "khá"; "thuộc nhóm B": "nhóm B"). Right after a unit another grade was
    handed to, stating nothing of its own, or opening a clause after ";" behind such a unit's
    figures, it opens the next grade's group ("Tốt gồm: A, B, xếp loại Khá gồm: C"; "Tốt có
    2 đơn vị: A (86 điểm) và B (82 điểm); xếp loại Khá có 5 đơn vị gồm C, …")."""
    handed, draft = frame.handed, frame.draft
    bare = draft.unit is not None and not draft.stated  # a listed unit, nothing of its own
    if token.respective and frame.partners and bare:  # "A và B lần lượt xếp loại Tốt và Khá"
        return grade_in_turn(frame, token)
    opens = bare or (before is Kind.SEMI and draft.unit is not None)  # "…(82,3); loại Khá gồm"
    if handed is not None and handed.grade not in (None, token.label) and opens:
        frame = flush(frame)
        frame = replace(frame, draft=replace(frame.draft, unit=None, unit_raw=""), handed=None)
    graded = _SET_GRADE(frame, token, before)
    if graded is frame:
        return frame
    written = grade_in_text(token.raw)
    raw = written[1] if written else token.raw
    shared = graded.sharing or (bool(frame.partners) and bare)  # "A và B đạt loại Tốt": both
    graded = graded_list(graded, token.label, raw) if before is Kind.CLOSE else graded
    return replace(graded, draft=put(graded.draft, "grade_raw", raw), sharing=shared)


def grade_in_turn(frame: Frame, token: Token) -> Frame:
    """Given the frame at one grade of a row after "lần lượt" and units joined before it, give
    the grade to the first of those units that has none yet; the last grade is the current
    unit's ("A, B và C lần lượt xếp loại Tốt, Tốt và Khá")."""
    (unit, raw), rest = frame.partners[0], frame.partners[1:]
    written = grade_in_text(token.raw)
    given = replace(frame.draft.fresh(), unit=unit, unit_raw=raw, grade=token.label,
                    grade_raw=written[1] if written else token.raw)  # fmt: skip
    kept = (given,) if given.index is not None else ()
    return replace(frame, out=frame.out + kept, partners=rest)


def graded_list(frame: Frame, grade: str | None, raw: str) -> Frame:
    """Given the frame at a grade right after the bracket closing the figures of the last unit
    of a list, return it with the grade given to the list's other units too, which state no
    grade of their own ("các huyện A (88,14), B (86,7) và C (85,03) xếp loại Tốt": all three)."""
    run = frame.run
    if len(run) < 2 or run[-1][0] != frame.draft.unit:
        return frame
    out = list(frame.out)
    for unit, _raw in run[:-1]:
        k = next((i for i in range(len(out) - 1, -1, -1) if out[i].unit == unit), None)
        if k is not None and out[k].grade is None:
            out[k] = replace(out[k], grade=grade, grade_raw=raw)
    return replace(frame, out=tuple(out))


STEPS: dict[Kind, Step] = {
    Kind.UNIT: on_unit,
    Kind.REF: on_reference,
    Kind.GROUP: on_group,
    Kind.INDEX: on_index,
    Kind.AREA: on_area,
    Kind.PARTS: on_area,
    Kind.TOTAL: on_total,
    Kind.YEAR: on_year,
    Kind.PREVIOUS: on_previous,
    Kind.OPEN: on_open,
    Kind.CLOSE: on_close,
    Kind.SEMI: on_semicolon,
    Kind.COMMA: on_comma,
    Kind.VALUE: on_value,
    Kind.RANK: on_rank,
    Kind.FIRST: on_rank,
    Kind.LAST: on_rank,
    Kind.NEXT: on_next,
    Kind.GRADE: on_grade,
    Kind.CHANGE: setter("change", lambda t: t.number),
    Kind.RANK_CHANGE: setter("rank_change", lambda t: t.places),
    Kind.NUMBER: lambda frame, token, before: frame,
}


#: Kinds of token that, right after the comma ending an area's figures, are still the area's
#: ("chỉ số thành phần X đạt 9,5/10 điểm, tăng 1,2 điểm"); any other token ends that tail.
AREA_TAIL = frozenset({Kind.CHANGE, Kind.RANK_CHANGE})
AREA_TAIL_KEEPS = frozenset({Kind.COMMA, *AREA_TAIL})


#: Places that, right after the comma ending an area's figures, are the area's too.
AREA_PLACES = frozenset({Kind.RANK, Kind.FIRST, Kind.LAST})


def area_place(frame: Frame, token: Token) -> bool:
    """Given the frame and a token after an area's figures, return whether it is the area's
    place ("…, xếp thứ 30/63, tăng 4 bậc": the rise after it is the area's too)."""
    return area_said(frame) and token.kind in AREA_PLACES


def area_said(frame: Frame) -> bool:
    """Given the frame, return whether its area clause said something of the area: a figure,
    or the area is the one the sentence opened on and its unit owns ("Ở lĩnh vực X, Bộ A đạt
    điểm tối đa, cao nhất trong các bộ": the first place is the area's)."""
    return frame.area_figure or frame.area_owned


def average_unit() -> str:
    """Given nothing, return the pseudo-unit of averages ("Trung bình")."""
    return cues().average_unit


def walk(tokens: tuple[Token, ...], ctx: Context, where: Where) -> Frame:
    """Given a sentence's tokens, the context and where it is, return the frame after the walk."""
    frame = Frame(ctx=ctx, draft=Draft(index=ctx.index, year=ctx.year, where=where))
    for before, token in zip((None, *(t.kind for t in tokens)), tokens, strict=False):
        frame = STEPS[token.kind](frame, token, before)
        if frame.area_tail and token.kind not in AREA_TAIL_KEEPS and not area_place(frame, token):
            frame = replace(frame, area_tail=False)
    return flush(resumed(frame, ends=True))
