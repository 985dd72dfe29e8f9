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
  the previous value; changes there are last year's and are not kept, and a rank there is
  a statement of that year when the year is named ("(năm 2021 xếp hạng 32/63)"; see
  ``statements.history``).
- After an area ("lĩnh vực", "chỉ số thành phần", "cải cách thể chế") or another measure
  ("tỷ lệ hồ sơ") figures are not the unit's, up to the next comma, unit, index, ";" or
  "tổng điểm".
- A rank stated before a list ("tốp đầu gồm: A (x), B (y)", "xếp thứ 2 là …") goes on down
  the units joined to it; "tiếp theo là", "theo sau lần lượt là", "còn lại" give the places
  after the last rank stated; "A, B và C lần lượt chiếm 3 vị trí đầu tiên" ranks them in
  turn. A list of several units keeps its places only when the sentence says "lần lượt" or
  its figures fall down it (equal figures share a place); otherwise it is a set, its cue
  ("cuối bảng") its group. "đồng hạng 3 là A và B" gives both the place.
- Figures stated before the units they belong to ("3 sở còn lại cùng đạt 86,5 điểm là A, B
  và C", "xếp loại Khá gồm: …") are handed to each, where a unit states none of its own.
- A unit after "kém", "hơn", "so với" is compared with: the figures after it are differences.
- A statement with no unit takes the unit of the previous statement in the same paragraph,
  else (in a sentence naming an index) the subject. A statement needs an index, stated or
  carried: within a paragraph the last one named; across paragraphs the document's first one
  (its topic), or the one a heading names ("Về Chỉ số SIPAS:").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from parscore.extractors.records import replace
from parscore.normalizers.doccache import document_cache
from parscore.normalizers.numbers import NumberMatch, find_numbers
from parscore.pipeline.model import Where
from parscore.pipeline.statements.context import Context
from parscore.pipeline.statements.counts import sentence_counts
from parscore.pipeline.statements.cues import (
    cues,
    data,
    index_of,
    ordinal_word,
    sentence_key,
    words_rx,
)
from parscore.pipeline.statements.draft import Draft, figures_in_turn, settle_list
from parscore.pipeline.statements.tokens import Kind, Token, is_year_number, sentence_tokens
from parscore.pipeline.statements.units import sentence_mentions, unit_cues, unit_kind
from parscore.pipeline.statements.walk import walk

#: Written space first (the mark checked behind it), so the engine skips in C to the next
#: space instead of testing the mark behind every character: what ``(?<=[.!?…])\s+`` says.
_SENTENCE_END = re.compile(r"\s(?<=[.!?…]\s)\s*(?=[\"“(\[]?[^\W\d_])")
#: A digit that does not merely begin a year: a sentence whose only figures are years
#: ("Kế hoạch CCHC năm 2023") states no score, so it is not tokenised at all. Written digit
#: first (then: no digit before it, no "19"/"20" and two digits after it that end there), so
#: the engine skips in C to the next digit instead of testing both conditions everywhere.
_FIGURE = re.compile(r"\d(?<!\d\d)(?!(?<=1)9\d\d(?!\d)|(?<=2)0\d\d(?!\d))")
_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LAST_WORD = re.compile(r"([\w./]+)[.!?…]$")
#: Paragraphs a lead lasts: the one naming the index and the next.
LEAD = 2
#: Kinds of token that state something about a unit (a sentence without them states nothing).
STATING = frozenset(
    {
        Kind.VALUE,
        Kind.RANK,
        Kind.FIRST,
        Kind.LAST,
        Kind.NEXT,
        Kind.GRADE,
        Kind.CHANGE,
        Kind.RANK_CHANGE,
    }
)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Given nothing, return the words after which a full stop ends no sentence ("TP.", "H.")."""
    return frozenset(w.lower() for w in data()["sentences"]["abbreviations"])


# --- sentences ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _targets() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words that turn the rest of a sentence into a
    target ("phấn đấu")."""
    return words_rx(data()["sentences"]["targets"])


@lru_cache(maxsize=1)
def _scales() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words that, opening a sentence, make it state a
    scale ("Thang điểm …")."""
    return words_rx(data()["sentences"]["scales"])


def split_sentences(text: str) -> list[str]:
    """Given a paragraph, return its sentences (not ended by a full stop after "TP.", "H.")."""
    sentences: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        last = last_word(text, start, m.start())
        if last and last.group(1).lower() in abbreviations():
            continue
        sentences.append(text[start : m.start()])
        start = m.end()
    sentences.append(text[start:])
    return [s for s in sentences if s.strip()]


#: A sentence and its folded key (``cues.sentence_key``), folded once.
Sentence = tuple[str, str]


def keyed(text: str) -> Sentence:
    """Given a sentence, return it with its key."""
    return text, sentence_key(text)


#: Characters before a sentence's end searched first for its last word (a longer word is
#: searched again whole).
LAST_WORD_WINDOW = 24


def last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """Given a paragraph and a sentence's span ending with its full stop, return the match of
    its last word, the stop included ("TP." of "… TP. Biên Hòa"), else None: the word is
    looked for at the end only, not from the sentence's start."""
    near = max(start, end - LAST_WORD_WINDOW)
    last = _LAST_WORD.search(text, near, end)
    if last is not None and last.start() == near and near > start:  # it may start earlier
        return _LAST_WORD.search(text, start, end)
    return last


def read_sentence(
    sentence: Sentence, ctx: Context, where: Where
) -> tuple[tuple[Draft, ...], Context]:
    """Given a sentence and its key, the context and where it is, return its statements and
    the next context."""
    text, key = sentence
    if target := _targets().search(key):  # "…; năm 2024 phấn đấu …": a target, not a result
        clause = max(key.rfind(",", 0, target.start()), key.rfind(";", 0, target.start()))
        cut = clause if clause >= 0 else target.start()
        text, key = text[:cut], key[:cut]
    if not may_state(key) or states_a_scale(key):
        return (), named_index(ctx, text, key)
    tokens = tokens_of(text, key)
    if tokens is None:
        return (), ctx  # no token could state anything, nor name what the next sentence needs
    tokens, rest = rest_clause(tokens, ctx, where)
    if not tokens:
        return rest, ctx
    if not any(t.kind in STATING for t in tokens):
        return rest, next_context(ctx, tokens, ())
    frame = walk(tokens, ctx, where)
    in_order = cues().respectively.search(key) is not None
    out = figures_in_turn(frame.out) if in_order else frame.out
    drafts = tuple(_counted(d, frame.count) for d in settle_list(out, in_order))
    marked = sole_marked(drafts, tokens, frame.indexed)
    return (*marked, *rest), next_context(ctx, tokens, drafts)


#: The pseudo-unit of the units left ungraded ("Các xã, thị trấn còn lại đạt loại Tốt"): the
#: statement gives its grade to them (``with_rest_grades``) and is no row of its own.
REST = "(the rest)"
#: Kinds of token a sentence grading the rest may hold beside its rest cue and its grade.
REST_KINDS = frozenset({Kind.GROUP, Kind.COMMA, Kind.NEXT, Kind.GRADE, Kind.YEAR, Kind.INDEX})


def rest_clause(
    tokens: tuple[Token, ...], ctx: Context, where: Where
) -> tuple[tuple[Token, ...], tuple[Draft, ...]]:
    """Given a sentence's tokens, the context and where it is, return the tokens before a
    closing clause that grades the rest (the whole sentence, or after its last ";": "…, loại
    Khá; các phường, xã còn lại xếp loại Tốt") and that clause's statement, if any."""
    cut = max((k for k, t in enumerate(tokens) if t.kind is Kind.SEMI), default=-1)
    rest = rest_graded(tokens[cut + 1 :], ctx, where)
    return (tokens[: max(cut, 0)], (rest,)) if rest is not None else (tokens, ())


def rest_graded(tokens: Sequence[Token], ctx: Context, where: Where) -> Draft | None:
    """Given a sentence's tokens, the context and where it is, return the statement giving a
    grade to the units left ("Các đơn vị còn lại đạt loại Khá"), else None: the sentence
    names no unit, one grade and the rest cue after a group."""
    grades = [t for t in tokens if t.kind is Kind.GRADE]
    groups = [t.raw for t in tokens if t.kind is Kind.GROUP]
    rest = any(t.kind is Kind.NEXT and cues().rest.search(sentence_key(t.raw)) for t in tokens)
    if len(grades) != 1 or not groups or not rest:
        return None
    if any(t.kind not in REST_KINDS for t in tokens):
        return None
    return Draft(unit=REST, index=ctx.index, year=ctx.year, where=where, grade=grades[0].label,
                 grade_raw=grades[0].raw, group=" ".join(groups))  # fmt: skip


def with_rest_grades(drafts: Sequence[Draft]) -> list[Draft]:
    """Given the statements in reading order, return them with each grade given to "the rest"
    put on the units stated before it with no grade: of the kinds its group names ("các xã,
    thị trấn còn lại": xã and thị trấn), else of its paragraph ("các đơn vị còn lại")."""
    out: list[Draft] = []
    for d in drafts:
        if d.unit != REST:
            out.append(d)
            continue
        kinds = group_kinds(d.group or "")
        graded = {x.unit for x in out if x.grade}
        for k in range(len(out) - 1, -1, -1):
            x = out[k]
            if x.unit in graded or (x.index, x.year) != (d.index, d.year) or not x.stated:
                continue
            if (unit_kind(x.unit or "") in kinds) if kinds else x.where.block == d.where.block:
                out[k] = replace(x, grade=d.grade, grade_raw=d.grade_raw)
                graded.add(x.unit)
    return out


def group_kinds(group: str) -> frozenset[str]:
    """Given a group's words ("Các xã, thị trấn"), return the kinds of unit it names: none for
    a generic noun ("các đơn vị", "các địa phương")."""
    c = unit_cues()
    levels = {*c.levels, *(h.lower() for h in c.agency_heads)}
    found: set[str] = set()
    for piece in re.split(r"[,;]| và ", group.lower()):
        words = piece.split()
        named = next((" ".join(words[i:]) for i in range(len(words))
                      if " ".join(words[i:]) in levels), None)  # fmt: skip
        if named:
            found.add(unit_kind(f"{named.capitalize()} X"))
    return frozenset(found)


def read_tokens(text: str, key: str) -> tuple[Token, ...] | None:
    """Given a sentence that may state something and its key, return its tokens; None when no
    token of it could state anything and it names no index (``states_nothing``): it is not
    tokenised."""
    numbers = find_numbers(text)
    if states_nothing(key, numbers) and not cues().index.search(key):
        return None
    return sentence_tokens(text, key, numbers, sentence_mentions(text, key))


#: Sentences whose tokens are kept for when they come again within a notice (a title read for
#: its subjects and its statements, a caption printed twice): tokens are a pure function of
#: the sentence, and immutable; the cache is the document's (normalizers.doccache).
TOKENS_CACHE_SIZE = 512
tokens_of = document_cache(TOKENS_CACHE_SIZE)(read_tokens)


def sole_marked(
    drafts: tuple[Draft, ...], tokens: Sequence[Token], indexed: bool
) -> tuple[Draft, ...]:
    """Given a sentence's statements, its tokens and whether it names an index, return the
    statements marked alone when they are all of one unit and the sentence joins no units
    into a list, and sole when the sentence also names an index: "Chỉ số CCHC của Sở X đạt
    85 điểm, xếp thứ 3/20" may be the notice's own statement; "… dẫn đầu là Sở A 95 điểm,
    thứ hai là Sở B" is a ranking's, and "Sở A và Sở B dẫn đầu …" speaks of both."""
    if len({d.unit for d in drafts}) != 1 or names_a_list(tokens):
        return drafts
    return tuple(replace(d, alone=True, sole=indexed) for d in drafts)


def names_a_list(tokens: Sequence[Token]) -> bool:
    """Given a sentence's tokens, return whether it joins a unit right to another ("A và B")."""
    return any(
        t.kind is Kind.UNIT and t.joined and before.kind is Kind.UNIT
        for before, t in pairwise(tokens)
    )


def states_a_scale(key: str) -> bool:
    """Given a sentence key, return whether the sentence opens with scale words: it states the
    scale's maximum ("Thang điểm đánh giá Chỉ số CCHC là 100 điểm"), no unit's result."""
    m = _scales().search(key)
    return m is not None and not _LETTER.search(key[: m.start()])


def may_state(key: str) -> bool:
    """Given a sentence key, return whether it may state anything: a figure, a rank, a grade."""
    if not _LETTER.search(key):
        return False  # a figure alone (a flattened table's cell) names nothing it could be about
    return bool(_FIGURE.search(key) or names_a_trigger(key))


def states_nothing(key: str, numbers: Sequence[NumberMatch]) -> bool:
    """Given a sentence key and its numbers, return whether no token of it could state
    anything: its only numbers are years (dates and document numbers are no numbers), and it
    names no rank, place or grade ("Ngày 12/01/2024, UBND tỉnh ban hành Quyết định số
    112/QĐ-UBND …"). Such a sentence is not tokenised unless it names an index."""
    if any(not is_year_number(m.number, m.denominator) for m in numbers):
        return False
    return ordinal_word() not in key and not names_a_trigger(key)


@document_cache(512)  # the sentences of one notice, as tokens_of
def names_a_trigger(key: str) -> bool:
    """Given a sentence key, return whether it names a rank, a first or last place or a grade
    (``Cues.trigger``), kept by sentence: ``may_state`` asks, then ``states_nothing`` asks
    again of a sentence with no figure but years (one scan of the key, about 100 k
    instructions, not two)."""
    return cues().trigger.search(key) is not None


def named_index(ctx: Context, text: str, key: str) -> Context:
    """Given the context and a sentence stating nothing, return it with the index named, and
    the year it names with it when none is known yet ("Chỉ số CCHC năm 2022 của các bộ")."""
    codes = [index_of(text[m.start() : m.end()]) for m in cues().index.finditer(key)]
    if not codes:
        return ctx
    year = ctx.year or next((int(y) for y in _YEAR.findall(text)), None)
    return replace(ctx, index=codes[-1], topic=ctx.topic or codes[0], year=year, lead=LEAD)


def next_context(ctx: Context, tokens: Sequence[Token], drafts: Sequence[Draft]) -> Context:
    """Given the context, a sentence's tokens and statements, return the context after it."""
    indices = [t.label for t in tokens if t.kind is Kind.INDEX]
    counts = sentence_counts(tokens)
    if not (indices or drafts or counts):
        return ctx
    years = [t.year for t in tokens if t.kind is Kind.YEAR and not t.compare]
    year = latest_year(drafts) if drafts else (years[0] if indices and years else ctx.year)
    return replace(
        ctx,
        index=outer_index(tokens) or ctx.index,
        year=year,
        topic=ctx.topic or (indices[0] if indices else None),
        carried=drafts[-1] if drafts else ctx.carried,
        lead=0 if drafts else ctx.lead,
        counts=(*ctx.counts, *counts),
    )


def latest_year(drafts: Sequence[Draft]) -> int | None:
    """Given a sentence's statements, return the year the sentences after it go on speaking
    of: the latest year stated, not an earlier year's rank written beside it ("xếp thứ 31/63
    (năm 2021 xếp thứ 40/63)"), which is an aside; None when no statement has a year."""
    return max((d.year for d in drafts if d.year is not None), default=None)


def outer_index(tokens: Sequence[Token]) -> str | None:
    """Given a sentence's tokens, return the last index it names outside brackets: one named
    only inside them ("(gồm Chỉ số SIPAS đạt 8,5 điểm)") is an aside the next sentence does
    not go on about."""
    depth, found = 0, None
    for t in tokens:
        depth += (t.kind is Kind.OPEN) - (t.kind is Kind.CLOSE and depth > 0)
        found = t.label if t.kind is Kind.INDEX and depth == 0 else found
    return found


def _counted(draft: Draft, count: int | None) -> Draft:
    """Given a draft and the sentence's count of units, return it with the count for "cuối bảng"."""
    if draft.last and draft.rank_of is None and count is not None and not draft.regional:
        return replace(draft, rank_of=count)
    return draft


def paragraph_index(sentences: Sequence[Sentence], ctx: Context, heading: bool) -> str | None:
    """Given a paragraph, the context after it and whether it heads, return the index carried:
    none after a line heading a component ("- Lĩnh vực Cải cách thủ tục hành chính"), whose
    figures the next paragraph states ("Năm 2023, tỉnh A đạt 12,38 điểm, xếp thứ 34/63")
    without naming an index of the unit's own."""
    if len(sentences) == 1 and heads_an_area(sentences[0][1]):
        return None
    if heading and len(sentences) == 1:
        named = {m.group() for m in cues().index.finditer(sentences[0][1])}
        if len(named) == 1:
            return ctx.index
    return ctx.topic or ctx.index


#: A list marker opening a line ("- ", "2. ", "b) ", "•").
_MARKER = re.compile(r"^[\s\-–•*+]*(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?")
#: The most words a component's heading line has.
AREA_HEADING_WORDS = 12


def heads_an_area(key: str) -> bool:
    """Given a paragraph of one sentence, its key, return whether it is a line heading one
    component: a heading word ("lĩnh vực", "chỉ số thành phần") opening it, an area named
    after it, no figure, no index, no full stop ("- Lĩnh vực Cải cách thể chế")."""
    rest = _MARKER.sub("", key, count=1).strip()
    if not rest or rest[-1] in ".!?" or len(rest.split()) > AREA_HEADING_WORDS:
        return False
    if any(ch.isdigit() for ch in rest) or cues().index.search(rest):
        return False
    opening = _area_heading().match(rest)
    return opening is not None and cues().area.search(rest, opening.end()) is not None


@lru_cache(maxsize=1)
def _area_heading() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words opening a component's heading line."""
    return words_rx(data()["area"]["heading_words"])


def read_paragraph(
    sentences: Sequence[Sentence], ctx: Context, where: Where, *, heading: bool = False
) -> tuple[tuple[Draft, ...], Context]:
    """Given a paragraph's sentences with their keys, the context and where, return statements
    and next context."""
    if ctx.block != where.block:
        ctx = replace(ctx, carried=None, block=where.block)
    found: list[Draft] = []
    for sentence in sentences:
        drafts, ctx = read_sentence(sentence, ctx, where)
        found.extend(drafts)
    index = paragraph_index(sentences, ctx, heading)
    return tuple(found), replace(ctx, index=index, lead=max(ctx.lead - 1, 0))
