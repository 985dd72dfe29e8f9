"""How many units a group has, as the text states it, and the ranks that count gives.

"khối sở, ban, ngành có 19 đơn vị được đánh giá", "khối huyện, thị xã, thành phố (10 đơn
vị)", "thấp nhất trong 17 bộ, cơ quan ngang bộ": a group's size stated once is the ``rank_of``
of every rank of that kind of unit the notice's sentences state without one ("Sở Tư pháp dẫn
đầu" → 1/19), when the text gives one size for that kind and the rank fits in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from parscore.extractors.records import replace
from parscore.normalizers.places import is_province
from parscore.pipeline.statements.draft import TOTAL, Draft, is_total
from parscore.pipeline.statements.tokens import Kind, Token
from parscore.pipeline.statements.units import group_kind, unit_kind

#: Tokens between a group's name and its count ("khối huyện (10 đơn vị)").
_BETWEEN = frozenset({Kind.OPEN, Kind.COMMA})
#: Tokens beside a count that make it a grade's members, not a ranking's size.
_BESIDE = frozenset({Kind.OPEN, Kind.CLOSE, Kind.COMMA})
_BRACKETS = frozenset({Kind.OPEN, Kind.CLOSE})


def sentence_counts(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """Given a sentence's tokens, return the (kind of unit, count) pairs it states.

    A count of a noun of any kind ("19 đơn vị") counts the group named just before it; a
    group a unit is one of ("top 10 tỉnh") and a grade's members ("Xếp loại Tốt (từ 80
    điểm) gồm 6 đơn vị", "3 đơn vị xếp loại Tốt") count no ranking.
    """
    found = [
        (kind_counted(tokens, k), token.rank_of)
        for k, token in enumerate(tokens)
        if token.kind is Kind.GROUP and token.rank_of and not token.member
        and not beside_grade(tokens, k) and not counts_places(tokens, k)
    ]  # fmt: skip
    return [(TOTAL if total_of_parts(found, i) else kind, n) for i, (kind, n) in enumerate(found)]


def total_of_parts(counts: Sequence[tuple[str, int]], i: int) -> bool:
    """Given a sentence's counts and a place, return whether the count there is the total of
    two the sentence states after it ("52 sở và quận, huyện, trong đó 22 sở và 30 quận,
    huyện"): the parts are the sizes, and that count is no size wherever it is stated again;
    counts of other sentences are no parts of it ("20 sở và 10 huyện. … 6 sở và 4 huyện tăng
    điểm": 10 is a size)."""
    return is_total(counts[i][1], [n for _, n in counts[i + 1 :]])


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
    brackets, and past commas before it: a grade after the count's clause ends ("Trong 10
    huyện, xếp loại Tốt có 2 đơn vị") counts within the whole, which the count is."""
    before = [t.kind for t in tokens[:k] if t.kind not in _BESIDE][-1:]
    after = [t.kind for t in tokens[k + 1 :] if t.kind not in _BRACKETS][:1]
    return Kind.GRADE in (*before, *after) or joined_to_grade(tokens, k)


def joined_to_grade(tokens: Sequence[Token], k: int) -> bool:
    """Given the tokens and a count's place, return whether it is joined to other counts that
    a grade follows ("5 sở, ngành và 2 địa phương đạt loại Tốt"): they all count its members."""
    counts = 0
    for t in tokens[k + 1 :]:
        if t.kind is Kind.GRADE:
            return counts > 0
        if t.kind is Kind.GROUP and t.rank_of:
            counts += 1
        elif t.kind not in (Kind.COMMA, Kind.GROUP):  # "5 sở, ngành và 2 địa phương"
            return False
    return False


#: Tokens between a count and the first or last place it counts ("5 đơn vị khối sở có chỉ
#: số CCHC cao nhất"): group names and index mentions, no bracket, comma or unit.
_IN_PLACES = frozenset({Kind.GROUP, Kind.INDEX})


def counts_places(tokens: Sequence[Token], k: int) -> bool:
    """Given the tokens and a count's place, return whether it counts the units of a first or
    last place right after it ("5 đơn vị có chỉ số cao nhất gồm: …", "3 đơn vị đứng cuối"):
    the leading or trailing few, not the ranking's size."""
    after = next((t for t in tokens[k + 1 :] if t.kind not in _IN_PLACES), None)
    return after is not None and after.kind in (Kind.FIRST, Kind.LAST)


# --- ranks ------------------------------------------------------------------------------------


#: The statements of one kind of unit, index and year: (kind, index, year).
Peers = tuple[str, str | None, int | None]


def counted_ranks(drafts: Sequence[Draft], counts: Sequence[tuple[str, int]]) -> list[Draft]:
    """Given the settled statements and the (kind, count) pairs the text states, return them
    with each sentence's rank that states no count given its group's size."""
    if not any(needs_count(d) for d in drafts):
        return list(drafts)
    stated: dict[Peers, set[int]] = defaultdict(set)  # the counts ranks of the peers state
    guessed: dict[Peers, set[int]] = defaultdict(set)  # the official counts inferred for them
    ranked: dict[Peers, set[str | None]] = defaultdict(set)  # the peers ranked
    highest: dict[Peers, int] = defaultdict(int)  # the highest rank of the peers
    for draft in drafts:
        highest[peers_of(draft)] = max(highest[peers_of(draft)], draft.rank or 0)
        found = guessed if draft.inferred else stated
        found[peers_of(draft)].update([draft.rank_of] if draft.rank_of else [])
        ranked[peers_of(draft)].update([draft.unit] if draft.rank is not None else [])
    return [with_count(d, (stated, guessed), (ranked, highest), counts) if needs_count(d) else d
            for d in drafts]  # fmt: skip


def with_count(
    draft: Draft,
    peer_counts: tuple[dict[Peers, set[int]], dict[Peers, set[int]]],
    peers: tuple[dict[Peers, set[str | None]], dict[Peers, int]],
    counts: Sequence[tuple[str, int]],
) -> Draft:
    """Given a rank without its count, the counts its peers' ranks state and those inferred
    for them (an official count), the units ranked and their highest rank, and the counts the
    text states, return it
    with the one count its peers state, else its group's size, else the one count inferred
    for its peers (marked inferred too), when the rank and the units ranked fit in it."""
    key = peers_of(draft)
    stated, guessed = peer_counts
    ranked, highest = peers
    count = one_of(stated[key]) or one_count(key[0], counts, highest[key])
    inferred = count is None and bool(count := one_of(guessed[key]))
    if count is None or (draft.rank or 0) > count or len(ranked[key]) > count:
        return draft
    return replace(draft, rank_of=count, inferred=inferred)


def peers_of(draft: Draft) -> Peers:
    """Given a statement, return the kind of its unit, its index and its year (a
    province-level city, "Thành phố Hải Phòng", is ranked with the provinces)."""
    unit = draft.unit or ""
    return "tỉnh" if is_province(unit) else unit_kind(unit), draft.index, draft.year


def needs_count(draft: Draft) -> bool:
    """Given a statement, return whether it is a sentence's rank without the size it is ranked
    in (a ranking table's extent is its own: a count in the prose may be of another set)."""
    prose = draft.source == "prose" and not draft.regional  # "dẫn đầu vùng": within a region
    return prose and draft.rank is not None and draft.rank_of is None


def one_of(values: set[int]) -> int | None:
    """Given the counts other statements state, return the one they agree on, else None."""
    return next(iter(values)) if len(values) == 1 else None


def one_count(kind: str, counts: Sequence[tuple[str, int]], highest: int = 0) -> int | None:
    """Given a kind of unit, the counts and the highest rank stated of that kind, return the
    one size the text gives that kind that the rank fits in (a total of two others left out;
    "20 sở … có 6 sở tăng điểm" with a rank 19: 20), None when it gives none or several."""
    sizes = {n for n in of_kind(kind, counts) if n >= highest}
    return sizes.pop() if len(sizes) == 1 else None


def of_kind(kind: str, counts: Sequence[tuple[str, int]]) -> Iterator[int]:
    """Given a kind and the counts (a sentence's totals left out), yield those of that kind."""
    totals = {n for k, n in counts if k == TOTAL}
    yield from (n for k, n in counts if k == kind and kind and n not in totals)
