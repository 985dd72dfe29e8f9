"""Statements written as sentences: "Sở Tư pháp đạt 94,49%, xếp thứ 1/20, tăng 2,1 điểm".

The recipe (``read_sentence``): sentence → tokens (``tokens.sentence_tokens``) → a walk
over the tokens that fills one draft per unit and index → drafts. The rules of the walk:

- A unit opens a new statement; a rank written before its unit ("dẫn đầu là Sở X") waits
  for it. "các sở" or "20 sở" (many units) closes the statement and leaves no unit.
- A back-reference ("Sở", "đơn vị", "UBND huyện") means the last unit of its kind named in
  the sentence, else the news item's subject or the issuer.
- An index mention opens a new statement about the same unit ("SIPAS đạt 88%, PAPI 45,2").
- A figure goes to its field (score, percent, self-assessed, appraised); a field already
  filled opens a new statement. A ratio's denominator is the maximum.
- An earlier year than the statement's, "năm trước", or "so với năm 2022 (…)" turns the
  figures after it, up to the closing bracket (or the next comma outside brackets), into
  the previous value; ranks and changes there are last year's and are not kept.
- After an area ("lĩnh vực", "chỉ số thành phần", "cải cách thể chế") figures are area
  scores, up to the next unit, index or ";".
- A statement with no unit takes the unit of the previous statement in the same paragraph,
  else (in a sentence naming an index) the subject. A statement needs an index, stated or
  carried: within a paragraph the last one named; across paragraphs the document's first one
  (its topic), or the one a heading names ("Về Chỉ số SIPAS:").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from normalizers.labels import index_code
from normalizers.text import fold
from pipeline.model import Where
from pipeline.statements.cues import cues
from pipeline.statements.draft import Draft, merge, put
from pipeline.statements.tokens import Kind, Role, Token, sentence_tokens
from pipeline.statements.units import group_kind, resolve_reference

#: Words before a full stop that do not end a sentence ("TP. Biên Hòa", "H. Cẩm Mỹ").
ABBREVIATIONS = frozenset(
    {"tp", "tx", "tt", "h", "q", "p", "x", "ths", "ts", "pgs", "gs", "th", "v.v", "ubnd", "đ/c"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[^\W\d_])")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_LAST_WORD = re.compile(r"([\w./]+)[.!?…]$")
FIELDS = {
    Role.SCORE: "score",
    Role.PERCENT: "percent",
    Role.SELF: "self_score",
    Role.APPRAISED: "appraised",
}
#: Kinds of token that state something about a unit (a sentence without them states nothing).
STATING = frozenset(
    {Kind.VALUE, Kind.RANK, Kind.FIRST, Kind.LAST, Kind.GRADE, Kind.CHANGE, Kind.RANK_CHANGE}
)
#: Kinds after which a group is a scope ("dẫn đầu khối sở"), not a new subject.
SCOPED = frozenset({Kind.RANK, Kind.FIRST, Kind.LAST})


class Mode(StrEnum):
    CURRENT = "current"
    PREVIOUS = "previous"  # figures are last year's
    COMPARE = "compare"  # after "so với năm 2022": a bracket or a figure is last year's
    AREA = "area"  # figures are area scores


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What earlier text settled: the index and year spoken of, who references mean."""

    index: str | None = None
    topic: str | None = None  # the first index the document names
    year: int | None = None
    subjects: tuple[str, ...] = ()
    carried: Draft | None = None  # the last statement of the current paragraph
    block: int | None = None
    counts: tuple[tuple[str, int], ...] = ()  # (kind of unit, count) the text states: "20 sở"


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """The walk's state inside one sentence."""

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
    year_stated: bool = False
    out: tuple[Draft, ...] = ()


# --- sentences ----------------------------------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """Given a paragraph, return its sentences (not ended by a full stop after "TP.", "H.")."""
    sentences: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        last = _LAST_WORD.search(text, start, m.start())
        if last and last.group(1).lower() in ABBREVIATIONS:
            continue
        sentences.append(text[start : m.start()])
        start = m.end()
    sentences.append(text[start:])
    return [s for s in sentences if s.strip()]


def sentence_key(text: str) -> str:
    """Given a sentence, return its folded key, of the same length (else lowercase)."""
    key = fold(text)
    return (
        key
        if len(key) == len(text)
        else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    )


def read_sentence(text: str, ctx: Context, where: Where) -> tuple[tuple[Draft, ...], Context]:
    """Given a sentence, the context and where it is, return its statements and the next context."""
    key = sentence_key(text)
    if not may_state(key):
        return (), named_index(ctx, text, key)
    tokens = sentence_tokens(text, key)
    if not any(t.kind in STATING for t in tokens):
        return (), next_context(ctx, tokens, ())
    frame = Frame(ctx=ctx, draft=Draft(index=ctx.index, year=ctx.year, where=where))
    for before, token in zip((None, *(t.kind for t in tokens)), tokens, strict=False):
        frame = STEPS[token.kind](frame, token, before)
    frame = flush(frame)
    drafts = tuple(_counted(d, frame.count) for d in frame.out)
    return drafts, next_context(ctx, tokens, drafts)


def may_state(key: str) -> bool:
    """Given a sentence key, return whether it may state anything: a figure, a rank, a grade."""
    c = cues()
    if not _LETTER.search(key):
        return False  # a figure alone (a flattened table's cell) names nothing it could be about
    return bool(_DIGIT.search(key)) or any(
        rx.search(key) for rx in (c.first, c.last, c.rank, c.grade)
    )


def named_index(ctx: Context, text: str, key: str) -> Context:
    """Given the context and a sentence stating nothing, return it with the index named."""
    codes = [index_code(text[m.start() : m.end()]) for m in cues().index.finditer(key)]
    if not codes:
        return ctx
    return replace(ctx, index=codes[-1], topic=ctx.topic or codes[0])


def next_context(ctx: Context, tokens: Sequence[Token], drafts: Sequence[Draft]) -> Context:
    """Given the context, a sentence's tokens and statements, return the context after it."""
    indices = [t.label for t in tokens if t.kind is Kind.INDEX]
    counts = [
        (group_kind(t.label or ""), t.rank_of) for t in tokens if t.kind is Kind.GROUP and t.rank_of
    ]
    if not (indices or drafts or counts):
        return ctx
    years = [t.year for t in tokens if t.kind is Kind.YEAR and not t.compare]
    year = drafts[-1].year if drafts else (years[0] if indices and years else ctx.year)
    return replace(
        ctx,
        index=indices[-1] if indices else ctx.index,
        year=year,
        topic=ctx.topic or (indices[0] if indices else None),
        carried=drafts[-1] if drafts else ctx.carried,
        counts=(*ctx.counts, *counts),
    )


def _counted(draft: Draft, count: int | None) -> Draft:
    """Given a draft and the sentence's count of units, return it with the count for "cuối bảng"."""
    if draft.last and draft.rank_of is None and count is not None:
        return replace(draft, rank_of=count)
    return draft


# --- the walk -----------------------------------------------------------------------------------


#: A step of the walk: the frame, the token and the kind of the token before it → the frame.
Step = Callable[["Frame", Token, "Kind | None"], "Frame"]


def flush(frame: Frame) -> Frame:
    """Given the frame, return it with its draft kept (when it states something) and a fresh one."""
    draft = frame.draft
    unit = draft.unit or default_unit(frame)
    keep = draft.stated and unit is not None and draft.index is not None
    kept = replace(draft, unit=unit, unit_raw=draft.unit_raw or unit or "")
    return replace(
        frame, draft=draft.fresh(), out=frame.out + ((kept,) if keep else ()), took_previous=False
    )


def default_unit(frame: Frame) -> str | None:
    """Given a frame whose statement names no unit, return the unit it is about, or None."""
    if not frame.anonymous:
        return None
    carried = frame.ctx.carried
    if carried is not None and carried.where.block == frame.draft.where.block:
        return carried.unit
    return frame.ctx.subjects[0] if frame.indexed and frame.ctx.subjects else None


def on_unit(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a unit: close the statement before and open one about this unit.

    Right after an area ("lĩnh vực thể chế của Sở A") the unit owns the area: its figures
    stay area scores.
    """
    frame = flush(frame)
    draft = replace(frame.draft, unit=token.label, unit_raw=token.raw)
    if frame.pending is not None:
        draft = merge(draft, frame.pending)
    units = (*frame.units, token.label or "")
    mode = Mode.AREA if before is Kind.AREA else Mode.CURRENT
    return replace(frame, draft=draft, units=units, mode=mode, pending=None, anonymous=False)


def on_reference(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a back-reference ("Sở", "đơn vị"), continue with the unit it means."""
    unit = resolve_reference(token.label or "", frame.units, frame.ctx.subjects)
    if unit is None or unit == frame.draft.unit:
        return frame
    return on_unit(frame, replace(token, label=unit), before)


def on_group(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given many units at once ("các sở", "20 sở"), close the statement and leave no unit.

    Right after a rank or an average ("dẫn đầu khối sở", "trung bình của 20 sở") the group is
    their scope and the statement goes on.
    """
    frame = replace(frame, count=token.rank_of or frame.count)
    if before in SCOPED or (frame.draft.unit == average_unit() and not frame.draft.stated):
        return frame
    frame = flush(frame)
    return replace(frame, draft=replace(frame.draft, unit=None, unit_raw=""), anonymous=False)


def on_index(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given an index mention, go on about it (a new statement when the current one has figures)."""
    if frame.draft.stated:
        frame = flush(frame)
    draft = replace(frame.draft, index=token.label)
    return replace(frame, draft=draft, indexed=True, mode=Mode.CURRENT)


def on_area(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given an area mention, read the figures after it as area scores."""
    return replace(frame, mode=Mode.AREA, mode_depth=frame.depth)


def on_year(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a year: the statement's year, a comparison, or the start of last year's figures."""
    if token.compare:
        return replace(frame, mode=Mode.COMPARE)
    if frame.mode is Mode.PREVIOUS:
        return frame
    current, year = frame.draft.year, token.year or 0
    if frame.draft.stated and ((current is None and frame.depth) or (current and year < current)):
        return replace(frame, mode=Mode.PREVIOUS, mode_depth=frame.depth)
    if frame.draft.stated and frame.year_stated and current and year > current:
        frame = flush(frame)
    return replace(frame, draft=replace(frame.draft, year=year), year_stated=True)


def on_previous(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given "năm trước", read the figures after it as last year's ("so với …": compare)."""
    if token.compare:
        return replace(frame, mode=Mode.COMPARE)
    return replace(frame, mode=Mode.PREVIOUS, mode_depth=frame.depth)


def on_open(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given "(", go one bracket deeper (after "so với năm 2022", into last year's figures)."""
    depth = frame.depth + 1
    if frame.mode is Mode.COMPARE:
        return replace(frame, depth=depth, mode=Mode.PREVIOUS, mode_depth=depth)
    return replace(frame, depth=depth)


def on_close(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ")", leave a bracket, and the previous or area figures opened inside it."""
    depth = max(frame.depth - 1, 0)
    ends = frame.mode is Mode.COMPARE or (
        frame.mode in (Mode.PREVIOUS, Mode.AREA) and depth < frame.mode_depth
    )
    return replace(frame, depth=depth, mode=Mode.CURRENT if ends else frame.mode)


def on_semicolon(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ";", end any previous, comparison or area reading."""
    return replace(frame, mode=Mode.CURRENT, depth=0)


def on_comma(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given ",", end a comparison, and last year's figures outside brackets once one was read."""
    previous_done = (
        frame.mode is Mode.PREVIOUS and frame.took_previous and frame.depth == frame.mode_depth == 0
    )
    if frame.mode is Mode.COMPARE or previous_done:
        return replace(frame, mode=Mode.CURRENT)
    return frame


def on_value(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a figure, put it in its field: last year's, the maximum, or the statement's own."""
    if frame.mode is Mode.AREA:
        return frame
    if frame.mode in (Mode.PREVIOUS, Mode.COMPARE) or token.role is Role.PREVIOUS:
        return take_previous(frame, token)
    if token.role is Role.MAX:
        return frame if frame.draft.has("max") else set_draft(frame, max=token.number)
    return take_value(frame, token)


def take_value(frame: Frame, token: Token) -> Frame:
    """Given the statement's figure, put it in its field (a filled field opens a new statement)."""
    name = FIELDS[token.role or Role.SCORE]
    if frame.draft.has(name):
        frame = flush(frame)
    draft = put(frame.draft, name, token.number)
    if token.of is not None and draft.max is None:
        draft = replace(draft, max=token.of)
    return replace(frame, draft=draft)


def set_draft(frame: Frame, **changes: Any) -> Frame:
    """Given the frame and field values, return the frame with its draft changed."""
    return replace(frame, draft=replace(frame.draft, **changes))


def take_previous(frame: Frame, token: Token) -> Frame:
    """Given last year's figure, keep the first one as the statement's previous value."""
    draft = (
        frame.draft if frame.draft.has("previous") else replace(frame.draft, previous=token.number)
    )
    mode = Mode.CURRENT if frame.mode is Mode.COMPARE else frame.mode
    return replace(frame, draft=draft, took_previous=True, mode=mode)


def on_rank(frame: Frame, token: Token, before: Kind | None) -> Frame:
    """Given a rank ("xếp thứ 11/17", "dẫn đầu"), set it, or keep it for the unit after."""
    if frame.mode in (Mode.PREVIOUS, Mode.AREA):
        return frame
    update = rank_update(token)
    if token.forward:
        return replace(frame, pending=update, mode=Mode.CURRENT)
    if frame.draft.rank is not None or frame.draft.last:
        frame = flush(frame)
    return replace(frame, draft=merge(frame.draft, update), mode=Mode.CURRENT)


def rank_update(token: Token) -> Draft:
    """Given a RANK, FIRST or LAST token, return the fields it states."""
    if token.kind is Kind.FIRST:
        return Draft(rank=1)
    if token.kind is Kind.LAST:
        return Draft(last=True, rank_of=token.rank_of)
    return Draft(rank=token.rank, rank_of=token.rank_of)


def setter(name: str, value: Callable[[Token], object]) -> Step:
    """Given a field and how a token gives its value, return the step that sets it once."""

    def step(frame: Frame, token: Token, before: Kind | None) -> Frame:
        if frame.mode in (Mode.PREVIOUS, Mode.AREA) or frame.draft.has(name):
            return frame
        mode = Mode.CURRENT if frame.mode is Mode.COMPARE else frame.mode
        return replace(frame, draft=put(frame.draft, name, value(token)), mode=mode)

    step.__doc__ = f"Given a token, set the statement's {name} unless already set or not current."
    return step


STEPS: dict[Kind, Step] = {
    Kind.UNIT: on_unit,
    Kind.REF: on_reference,
    Kind.GROUP: on_group,
    Kind.INDEX: on_index,
    Kind.AREA: on_area,
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
    Kind.GRADE: setter("grade", lambda t: t.label),
    Kind.CHANGE: setter("change", lambda t: t.number),
    Kind.RANK_CHANGE: setter("rank_change", lambda t: t.places),
    Kind.NUMBER: lambda frame, token, before: frame,
}


def average_unit() -> str:
    """Given nothing, return the pseudo-unit of averages ("Trung bình")."""
    return cues().average_unit


def paragraph_index(sentences: Sequence[str], ctx: Context, heading: bool) -> str | None:
    """Given a paragraph, the context after it and whether it heads, return the index carried."""
    if heading and len(sentences) == 1:
        named = {m.group() for m in cues().index.finditer(sentence_key(sentences[0]))}
        if len(named) == 1:
            return ctx.index
    return ctx.topic or ctx.index


def read_paragraph(
    sentences: Sequence[str], ctx: Context, where: Where, *, heading: bool = False
) -> tuple[tuple[Draft, ...], Context]:
    """Given a paragraph's sentences, the context and where, return statements and next context."""
    if ctx.block != where.block:
        ctx = replace(ctx, carried=None, block=where.block)
    found: list[Draft] = []
    for sentence in sentences:
        drafts, ctx = read_sentence(sentence, ctx, where)
        found.extend(drafts)
    index = paragraph_index(sentences, ctx, heading)
    return tuple(found), ctx if index == ctx.index else replace(ctx, index=index)
