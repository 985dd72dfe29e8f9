"""How many units a group has, as the text states it, and the ranks that count gives.

"khối sở, ban, ngành có 19 đơn vị được đánh giá", "khối huyện, thị xã, thành phố (10 đơn
vị)", "thấp nhất trong 17 bộ, cơ quan ngang bộ": a group's size stated once is the ``rank_of``
of every rank of that kind of unit in the notice that states none ("Sở Tư pháp dẫn đầu" → 1/19),
when the text gives one size for that kind and the rank fits in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from parscore.extractors.records import replace
from parscore.pipeline.statements.draft import Draft, is_total, stated_count
from parscore.pipeline.statements.tokens import Kind, Token
from parscore.pipeline.statements.units import group_kind, unit_kind

#: Tokens between a group's name and its count ("khối huyện (10 đơn vị)").
_BETWEEN = frozenset({Kind.OPEN, Kind.COMMA})
#: Tokens beside a count that make it a grade's members, not a ranking's size.
_BESIDE = frozenset({Kind.OPEN, Kind.CLOSE, Kind.COMMA})


def sentence_counts(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """Given a sentence's tokens, return the (kind of unit, count) pairs it states.

    A count of a noun of any kind ("19 đơn vị") counts the group named just before it; a
    group a unit is one of ("top 10 tỉnh") and a grade's members ("Xếp loại Tốt (từ 80
    điểm) gồm 6 đơn vị", "3 đơn vị xếp loại Tốt") count no ranking.
    """
    return [
        (kind_counted(tokens, k), token.rank_of)
        for k, token in enumerate(tokens)
        if token.kind is Kind.GROUP and token.rank_of and not token.member
        and not beside_grade(tokens, k)
    ]  # fmt: skip


def kind_counted(tokens: Sequence[Token], k: int) -> str:
    """Given the tokens and a count's place, return the kind of unit it counts: its noun's,
    else that of the group named right before it ("khối sở có 19 đơn vị")."""
    kind = group_kind(tokens[k].label or "")
    if kind:
        return kind
    before = [t for t in tokens[:k] if t.kind not in _BETWEEN]
    named = before[-1] if before else None
    if named is None or named.kind is not Kind.GROUP or named.rank_of is not None:
        return kind
    return group_kind(named.label or "")


def beside_grade(tokens: Sequence[Token], k: int) -> bool:
    """Given the tokens and a count's place, return whether a grade stands next to it, past
    brackets and commas."""
    before = [t.kind for t in tokens[:k] if t.kind not in _BESIDE][-1:]
    after = [t.kind for t in tokens[k + 1 :] if t.kind not in _BESIDE][:1]
    return Kind.GRADE in (*before, *after)


# --- ranks ------------------------------------------------------------------------------------


def counted_ranks(drafts: Sequence[Draft], counts: Sequence[tuple[str, int]]) -> list[Draft]:
    """Given the settled statements and the (kind, count) pairs the text states, return them
    with each rank that states no count given its group's size."""
    return [with_count(d, drafts, counts) if needs_count(d) else d for d in drafts]


def needs_count(draft: Draft) -> bool:
    """Given a statement, return whether it states a rank and not the size it is ranked in."""
    return draft.rank is not None and draft.rank_of is None and bool(draft.unit)


def with_count(draft: Draft, drafts: Sequence[Draft], counts: Sequence[tuple[str, int]]) -> Draft:
    """Given a rank without its count, all statements and the counts, return it with the one
    count of its kind the text states (by another statement, else as a group's size)."""
    count = stated_count(draft, drafts) or one_count(unit_kind(draft.unit or ""), counts)
    if count is None or draft.rank is None or draft.rank > count or crowded(draft, drafts, count):
        return draft
    return replace(draft, rank_of=count)


def crowded(draft: Draft, drafts: Sequence[Draft], count: int) -> bool:
    """Given a rank, all statements and a count, return whether more units of its kind are
    ranked beside it (same index and year) than the count holds: it counts another group."""
    kind = unit_kind(draft.unit or "")
    beside = {
        d.unit for d in drafts
        if d.rank is not None and (d.index, d.year) == (draft.index, draft.year)
        and unit_kind(d.unit or "") == kind
    }  # fmt: skip
    return len(beside) > count


def one_count(kind: str, counts: Sequence[tuple[str, int]]) -> int | None:
    """Given a kind of unit and the counts, return the one size the text gives that kind
    (a total of two others left out), None when it gives none or several."""
    sizes = set(of_kind(kind, counts))
    return sizes.pop() if len(sizes) == 1 else None


def of_kind(kind: str, counts: Sequence[tuple[str, int]]) -> Iterator[int]:
    """Given a kind and the counts, yield the counts of that kind that are not totals."""
    every = [n for _, n in counts]
    yield from (n for k, n in counts if k == kind and kind and not is_total(n, every))
