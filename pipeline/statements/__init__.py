"""Score statements about units, from prose and ranking tables (DESIGN.md ``unit_scores``).

The recipe (``read_statements``): document → lines and tables (``pipeline.tables``) →
parts in reading order (paragraphs, the ranking tables, whatever their shape) → statements
of each part, with the context that earlier parts settle (the index and year spoken of, who
"Sở" means) → "cuối bảng" given its count → numbered ``UnitScore``s.

Decisions:

- The title (first body line, a heading or a line with no full stop) names the subject and
  the index; its statements restate the body's, so one is kept only when the body states
  nothing about the same unit, index and year ("Sở Tư pháp dẫn đầu Chỉ số CCHC năm 2023"
  above a body that never names Sở Tư pháp's rank again is kept).
- A sentence already read (a lead paragraph repeated by the page) is not read again.
- An average ("Trung bình", "Bình quân") is a statement whose unit is "Trung bình"; in a
  ranking table it keeps the group it is written in.
- Figures are kept as stated, consistent or not: validation reports the inconsistencies.
- A "cuối bảng" whose group's size the text never gives, or a unit of a set with no place of
  its own ("3 vị trí cuối bảng là A, B và C"), states nothing that can be kept: no row.
- A prose statement that says nothing new about its unit, index and year (a photo caption
  repeating the body, a related-news teaser) is not kept twice.
- A statement about the notice's own subject that the text never names ("Chỉ số CCHC của
  tỉnh đạt …" with no province known; the lead's "Tổng điểm đạt được là 79,25 điểm") has
  the unit ``UNNAMED``: it serves the notice's summary, never a unit row (``unit_rows``).
- A statement whose sentence states no other unit's figures is ``alone``; alone in a
  sentence naming its index it is ``sole``, and may be the notice's own
  (``parse.headline.own_statement``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from parscore.extractors.model import BlockKind, Document, Region
from parscore.extractors.records import replace
from parscore.normalizers import admin
from parscore.normalizers.numbers import Number
from parscore.pipeline.lines import Line, document_to_lines
from parscore.pipeline.model import UnitScore, Where
from parscore.pipeline.statements.context import Context
from parscore.pipeline.statements.counts import counted_ranks
from parscore.pipeline.statements.cues import cues, data, ends_with, sentence_key
from parscore.pipeline.statements.draft import (
    STATED,
    UNNAMED,
    Draft,
    settle_last,
    to_unit_score,
)
from parscore.pipeline.statements.lists import List, inline_items, open_list, settle_lists
from parscore.pipeline.statements.prose import (
    Sentence,
    keyed,
    read_paragraph,
    read_sentence,
    split_sentences,
    with_rest_grades,
)
from parscore.pipeline.statements.ranking import grid_statements, is_group_text, with_group
from parscore.pipeline.statements.units import placed_office, sentence_mentions, subjects_of
from parscore.pipeline.tables.model import Grid, Kind, Shape, Table

__all__ = ["read_statements", "unit_rows"]

#: A title has at most this many words.
MAX_TITLE_WORDS = 60
#: A group heading written just before a table has at most this many words.
MAX_GROUP_WORDS = 10
#: A line ending in ":" with at most this many words heads what follows.
MAX_HEADING_WORDS = 15
_WORD_CHARS = re.compile(r"\w+")
#: A part of the document, and where it sits: (block, line, part).
Placed = tuple[int, int, Line | Grid]


def unit_rows(statements: Sequence[UnitScore]) -> tuple[UnitScore, ...]:
    """Given every statement, return those about a named unit, numbered again: a statement
    about the notice's own subject that the text never names serves its summary only."""
    named = [s for s in statements if s.unit != UNNAMED]
    return tuple(replace(s, order=order) for order, s in enumerate(named, start=1))


def read_statements(
    document: Document,
    *,
    tables: Sequence[Table],
    subject: str | None = None,
    lines: Sequence[Line] | None = None,
) -> tuple[UnitScore, ...]:
    """Given a document, its tables, its issuer and its lines (when already made), return
    every statement, those about the notice's own unnamed subject (``UNNAMED``) included."""
    lines = document_to_lines(document) if lines is None else lines
    title = find_title(lines)
    headline, ctx = title_context(title, subject)
    drafts, ctx = read_parts(document_parts(lines, tables, title), ctx)
    drafts = with_rest_grades(drafts)  # "Các xã còn lại đạt loại Tốt": the ungraded ones
    province = admin.province_in(subject)  # a district "cuối bảng" among its province's
    drafts = titled(headline, drafts)
    settled = settle_last([*title_only(headline, drafts), *drafts], ctx.counts, province)
    settled = counted_ranks(settled, ctx.counts)  # "19 đơn vị": the size of each rank's group
    settled = with_level_names(with_office_places(settled))  # "Cục Thuế" … "Cục Thuế tỉnh"
    kept = with_completions(without_restatements([d for d in settled if d.stated or d.group]))
    return tuple(to_unit_score(d, order) for order, d in enumerate(kept, start=1))


def with_office_places(drafts: Sequence[Draft]) -> list[Draft]:
    """Given the statements, return them with an agency's office named by its level word alone
    ("Kho bạc Nhà nước tỉnh") unless the notice names the agency's offices in two places or
    more ("BHXH tỉnh Quảng Ninh, BHXH thành phố Hải Phòng …": each keeps its place)."""
    placed = {d.unit: placed_office(d.unit) for d in drafts if d.unit}
    agencies = Counter(office[0] for office in placed.values() if office)
    return [replace(d, unit=office[1])
            if d.unit and (office := placed[d.unit]) and agencies[office[0]] < 2 else d
            for d in drafts]  # fmt: skip


def with_level_names(drafts: Sequence[Draft]) -> list[Draft]:
    """Given the statements, return them with an agency named without its level word named
    as the notice names it with one ("Cục Thuế tỉnh đạt 93,4%. … Cục Thuế tiếp tục …": one
    agency, "Cục Thuế tỉnh"), when the notice names it so."""
    units = {d.unit for d in drafts if d.unit}
    levels = data()["units"]["level_words"]
    longer = {u: f"{u} {level}" for u in units for level in levels if f"{u} {level}" in units}
    if not longer:
        return list(drafts)
    return [replace(d, unit=longer[d.unit]) if d.unit in longer else d for d in drafts]


def without_restatements(drafts: Sequence[Draft]) -> list[Draft]:
    """Given the statements, return them without a prose statement that only says again what
    another one says of the same unit, index and year: a photo caption, a related teaser, or
    a heading ("… tăng 4 bậc") whose body says it all and more."""
    return [d for i, d in enumerate(drafts) if d.source != "prose" or not said_elsewhere(drafts, i)]


#: Fields a later sentence adds to what an earlier one stated ("So với năm 2021, chỉ số của
#: thành phố tăng 2,05% và tăng 9 bậc" after "… đạt 86,72%, xếp thứ 12/63").
COMPLETING = frozenset({"change", "rank_change", "previous", "grade"})


def with_completions(drafts: Sequence[Draft]) -> list[Draft]:
    """Given the statements, return them with a prose statement that only adds a change, an
    earlier figure or a grade to an earlier statement of the same unit, index and year (which
    states none of them) merged into that one: one row per unit and year, as a reader writes
    it down."""
    kept: list[Draft] = []
    for draft in drafts:
        stated = {name for name in STATED if getattr(draft, name) is not None}
        if draft.previous is not None:
            stated.add("previous")
        completing = bool(stated) and stated <= COMPLETING and draft.source == "prose"
        target = completed(draft, kept, stated) if completing else None
        if target is None:
            kept.append(draft)
        else:
            names = stated | ({"grade_raw"} if "grade" in stated else set())
            kept[target] = replace(kept[target], **{n: getattr(draft, n) for n in names})
    return kept


def completed(draft: Draft, kept: Sequence[Draft], stated: set[str]) -> int | None:
    """Given a sentence's statement that only completes, the statements kept so far and the
    fields it states, return the place of the latest one it completes, else None."""
    return next((k for k in reversed(range(len(kept))) if _completes(draft, kept[k], stated)),
                None)  # fmt: skip


def _completes(draft: Draft, earlier: Draft, stated: set[str]) -> bool:
    """Given a sentence's statement, an earlier one (a sentence's or a table row's) and the
    fields it states, return whether it adds them to the earlier one: same unit, index and
    year, none of them set there ("xã Đức Lạng tụt 4 bậc" under a ranking)."""
    same = (draft.unit, draft.index, draft.year) == (earlier.unit, earlier.index, earlier.year)
    return same and all(getattr(earlier, n) is None for n in stated)


def said_elsewhere(drafts: Sequence[Draft], i: int) -> bool:
    """Given the statements and a position, return whether another statement says all the
    one there says (the first of equal statements stays)."""
    draft = drafts[i]
    return any(
        restates(draft, other) and (j < i or not restates(other, draft))
        for j, other in enumerate(drafts)
        if j != i
    )


def restates(draft: Draft, earlier: Draft) -> bool:
    """Given a statement and an earlier one, return whether it says nothing the earlier didn't."""
    if (draft.unit, draft.index, draft.year) != (earlier.unit, earlier.index, earlier.year):
        return False
    stated = [name for name in (*STATED, "rank_of") if getattr(draft, name) is not None]
    return bool(stated) and all(_same_value(draft, earlier, n) for n in stated)


def _same_value(draft: Draft, earlier: Draft, name: str) -> bool:
    """Given two statements and a field, return whether they hold the same value there."""
    a, b = getattr(draft, name), getattr(earlier, name)
    return a == b if not isinstance(a, Number) else isinstance(b, Number) and a.value == b.value


def find_title(lines: Sequence[Line]) -> Line | None:
    """Given the lines, return the title: the first body line, a heading or without full stop."""
    line = next((ln for ln in lines if ln.region is Region.BODY), None)
    if line is None or len(line.text.split()) > MAX_TITLE_WORDS:
        return None
    sentence = line.text.rstrip().endswith(".")
    return line if line.kind is BlockKind.HEADING or not sentence else None


def title_context(title: Line | None, subject: str | None) -> tuple[tuple[Draft, ...], Context]:
    """Given the title and the issuer, return the title's statements and the body's context."""
    if title is None:
        return (), Context(subjects=subjects_of((), subject))
    sentence = keyed(title.text)
    ctx = Context(subjects=subjects_of(sentence_mentions(*sentence), subject))
    drafts, ctx = read_sentence(sentence, ctx, Where(block=title.block))  # mentions kept
    return drafts, replace(ctx, carried=None, block=None, lead=max(ctx.lead - 1, 0))


def titled(headline: Sequence[Draft], body: Sequence[Draft]) -> list[Draft]:
    """Given the title's statements and the body's, return the body's with those restating a
    sole statement of the title, alone in their sentence, marked sole: the title names the
    notice's subject and index ("Chỉ số CCHC năm 2023 của tỉnh X đạt 88,06%"), the body says
    it again without the index ("Theo đó, tỉnh X đạt 88,06% …"); a ranking's sentence ("X dẫn
    đầu với 92,51%; Y xếp thứ hai …") is not the subject's own. Under such a title an
    average ("giá trị trung bình của 63 tỉnh đạt 84,96%") is no statement of the subject's."""
    average = cues().average_unit
    keys = {(d.unit, d.index, d.year) for d in headline if d.sole and d.unit != average}
    return [
        replace(d, sole=True) if d.alone and (d.unit, d.index, d.year) in keys
        else replace(d, sole=False) if keys and d.unit == average else d
        for d in body
    ]  # fmt: skip


def title_only(headline: Sequence[Draft], body: Sequence[Draft]) -> list[Draft]:
    """Given the title's statements and the body's, return those of the title the body lacks."""
    stated = {(d.unit, d.index, d.year) for d in body}
    return [d for d in headline if (d.unit, d.index, d.year) not in stated]


# --- parts ----------------------------------------------------------------------------------


def document_parts(
    lines: Sequence[Line], tables: Sequence[Table], title: Line | None
) -> list[Line | Grid]:
    """Given the lines, the tables and the title, return the parts to read, in reading order:
    the lines no cell-per-line table takes, and the ranking tables."""
    covered = {k for t in tables if t.shape is Shape.CELL_LINES for k in t.lines}
    kept = [(k, ln) for k, ln in enumerate(lines) if k not in covered and ln is not title]
    prose = [(ln.block, k, ln) for k, ln in continued(kept)]
    placed: list[Placed] = [*prose, *ranking_parts(lines, tables)]
    placed.sort(key=lambda item: (item[0], item[1]))
    return [part for _, _, part in placed]


#: A line a sentence goes on from has at least this many words.
MIN_BROKEN_WORDS = 4
#: The last characters of a line that end its sentence.
_SENTENCE_ENDS = ".:;!?…"


def continued(lines: Sequence[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """Given the prose lines and their places, return them with a sentence broken across two
    lines joined into the first ("… và huyện Tuy Phong" / "(86,02 điểm); cuối bảng là …";
    "… huyện Mường Lát" / "đứng cuối với 76,9 điểm."), at the first line's place."""
    out: list[tuple[int, Line]] = []
    for k, line in lines:
        if out and goes_on(out[-1][1], line):
            at, before = out[-1]
            text, raw, key = (f"{a} {b}" for a, b in ((before.text, line.text),
                              (before.raw, line.raw), (before.key, line.key)))  # fmt: skip
            out[-1] = (at, replace(before, text=text, raw=raw, key=key))
        else:
            out.append((k, line))
    return out


def goes_on(before: Line, line: Line) -> bool:
    """Given a prose line and the next, return whether the next goes on with its sentence: the
    first, of several words, ends without a sentence's end, and the next opens with a lowercase
    word or a bracketed figure, with no numbering or bullet of its own."""
    prose = before.region is Region.BODY and line.region is Region.BODY
    if not prose or line.numbering or line.bullet or before.kind is BlockKind.HEADING:
        return False
    ended = before.text.rstrip()[-1:] in _SENTENCE_ENDS
    if ended or len(before.text.split()) < MIN_BROKEN_WORDS:
        return False
    head = line.text[:2]
    return head[:1].islower() or (head[:1] == "(" and head[1:].isdigit()) or named_on(before, line)


def named_on(before: Line, line: Line) -> bool:
    """Given a prose line and the next, return whether the first ends with a place's level
    word and the next opens with its name, two capitalised words ("… và xã" / "Nhị Long hạng
    14/14"; not "… của huyện" / "Năm 2023, …")."""
    words = line.text.split()[:2]
    name = len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words)
    if not name or before.numbering or before.bullet:
        return False
    level = _place_head_at_end().search(before.key)
    return level is not None and not _group_before().search(before.key, 0, level.start())


@lru_cache(maxsize=1)
def _place_head_at_end() -> re.Pattern[str]:
    """Given nothing, return the pattern of a place's level word ending a line ("… và xã"):
    its name is on the next line."""
    return ends_with(data()["groups"]["place_heads"])


@lru_cache(maxsize=1)
def _group_before() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words before a level word that make it a
    group or a reference, no name's head ("Khối UBND huyện, thành phố", "của huyện")."""
    words = data()["sentences"]["level_not_after"]
    return re.compile(rf"(?:{ends_with(words).pattern}|,\s*$)")


def ranking_parts(lines: Sequence[Line], tables: Sequence[Table]) -> Iterator[Placed]:
    """Given the lines and the tables, yield each ranking table placed where it stands, opening
    the group its heading names (a TABLE block after its block's lines, a flattened one at
    its first line)."""
    blocks = [line.block for line in lines]
    for table in tables:
        if table.kind is not Kind.RANKING or table.grid is None:
            continue
        at = table.first if table.first >= 0 else bisect_left(blocks, table.block)
        grid = with_group(table.grid, heading_before(lines, at))
        yield table.block, table.first, grid


def heading_before(lines: Sequence[Line], k: int) -> str | None:
    """Given the lines and where a table starts, return the group heading just before it."""
    line = lines[k - 1] if k > 0 else None
    if line is None or len(line.text.split()) > MAX_GROUP_WORDS or not is_group_text(line.text):
        return None
    return line.text


# --- reading --------------------------------------------------------------------------------


def read_parts(parts: Sequence[Line | Grid], ctx: Context) -> tuple[list[Draft], Context]:
    """Given the parts in order and the starting context, return the statements and last context."""
    found: list[Draft] = []
    seen: set[str] = set()
    under: List | None = None  # the list a lead opened ("Loại Tốt:", "Top 3 đơn vị dẫn đầu:")
    for at, part in enumerate(piece for p in parts for piece in pieces(p)):
        if isinstance(part, Grid):
            found.extend(grid_statements(part, ctx))
            under = None
            continue
        sentences = list(new_sentences(part.text, seen))
        where = Where(block=part.block, page=part.page)
        drafts, ctx = read_paragraph(sentences, ctx, where, heading=is_heading(part))
        if under is not None and (item := under.take(part, drafts)) is not None:
            drafts, under = item
        else:
            under, drafts = open_list(part, drafts, under, at + 1)
        found.extend(drafts)
    return settle_lists(found), ctx


def pieces(part: Line | Grid) -> list[Line | Grid]:
    """Given a part, return it, a paragraph cut into its lead and its inline numbered items."""
    return [part] if isinstance(part, Grid) else list(inline_items(part))


def is_heading(line: Line) -> bool:
    """Given a line, return whether it heads what follows (a heading, a short line with ":")."""
    if line.kind is BlockKind.HEADING:
        return True
    return line.text.rstrip().endswith(":") and len(line.text.split()) <= MAX_HEADING_WORDS


#: Marks a sentence key often holds between its words: ``word_chars`` drops them with str
#: methods before it checks that only word characters are left.
_GAP_MARKS = ",.;:()%/-"


def word_chars(key: str) -> str:
    """Given a sentence key, return its word characters only, in order: what ``\\w+`` finds,
    joined. The words split at spaces and the common marks dropped are that, when all that is
    left is word characters; else (another mark, "_") the regex says it. A ``\\w`` scan looks
    every character up in Unicode's tables several times: half the work of the usual key."""
    joined = "".join(key.split())
    for mark in _GAP_MARKS:
        if mark in joined:
            joined = joined.replace(mark, "")
    return joined if joined.isalnum() else "".join(_WORD_CHARS.findall(key))


def new_sentences(text: str, seen: set[str]) -> Iterator[Sentence]:
    """Given a paragraph and the sentences read so far, yield its sentences not read before,
    with their keys."""
    for sentence in split_sentences(text):
        key = sentence_key(sentence)
        seen_key = word_chars(key)
        if seen_key not in seen:
            seen.add(seen_key)
            yield sentence, key
