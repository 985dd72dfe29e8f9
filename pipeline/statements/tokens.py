"""A sentence as tokens: what it mentions (units, indices, years, ranks, grades) and its figures.

The recipe (``sentence_tokens``): mentions and cues found on the folded key → numbers found
by ``normalizers.numbers.find_numbers`` → overlaps resolved (longest first) → each number
classified by the words around it. A figure is a value only when the words between it and
the token before are cue words ("đạt", "với", "là", ":" …) and the word after it (past
"điểm" or "%") may follow a value; otherwise it is a count ("100% thủ tục", "4/8 nội
dung", "20 sở") or text that is no statement (spam, prices, phone numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache

from parscore.extractors.records import replace
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.labels import grade
from parscore.normalizers.numbers import Number, NumberMatch, find_numbers, resolve
from parscore.normalizers.places import is_region
from parscore.pipeline.statements.cues import (
    Cues,
    cues,
    data,
    index_of,
    ordinal_word,
    sentence_key,
)
from parscore.pipeline.statements.history import year_ranks
from parscore.pipeline.statements.units import (
    LARGEST_REGION,
    Mention,
    find_mentions,
    names_region,
)

#: Scores, percents and changes of an index are at most this (domain.md §4).
VALUE_BOUND = Decimal(100)
YEAR_MIN, YEAR_MAX = 1990, 2100
YEAR_DIGITS = 4
#: Characters before a grade searched for a comparison ("cao hơn mức trung bình").
LOOK_BEHIND = 40
_PUNCT = re.compile(r"[(),;]")
_WORD = re.compile(r"\w")


class Kind(StrEnum):
    UNIT = "unit"
    REF = "ref"
    GROUP = "group"  # many units at once: "các sở", "20 sở, ban, ngành"
    INDEX = "index"
    AREA = "area"
    PARTS = "parts"  # "trong đó": figures after it are parts of the total before
    TOTAL = "total"  # the index's total named after an area ("tổng điểm")
    YEAR = "year"
    PREVIOUS = "previous"  # "năm trước": figures after it are last year's
    RANK = "rank"
    FIRST = "first"
    LAST = "last"
    NEXT = "next"  # "tiếp theo là": the rank after the last one stated
    GRADE = "grade"
    NUMBER = "number"  # a number not yet classified
    VALUE = "value"
    CHANGE = "change"
    RANK_CHANGE = "rank_change"
    OPEN = "("
    CLOSE = ")"
    SEMI = ";"
    COMMA = ","


class Role(StrEnum):
    SCORE = "score"
    PERCENT = "percent"
    SELF = "self"
    APPRAISED = "appraised"
    PREVIOUS = "previous"
    MAX = "max"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One thing a sentence says, with its span."""

    kind: Kind
    start: int
    end: int
    raw: str = ""
    label: str | None = None  # unit, index code, grade, reference kind
    number: Number | None = None
    of: Number | None = None  # a ratio's denominator ("70,97/75")
    rank: int | None = None
    rank_of: int | None = None  # also the whole a count counts ("20 sở")
    places: int | None = None  # a signed change of rank ("giảm 7 bậc" → -7)
    year: int | None = None
    role: Role | None = None
    compare: bool = False  # a year or "năm trước" after "so với"
    sign: int = 0  # of a comparison: 1 "cao hơn năm 2022 …", -1 "thấp hơn …", 0 "so với …"
    forward: bool = False  # a rank stated before its unit ("dẫn đầu là Sở X")
    respective: bool = False  # a place after "lần lượt": the units listed before take it in turn
    series: tuple[int, ...] = ()  # the ranks written right after it ("xếp thứ 16 và 17": (17,))
    joined: bool = False  # a unit joined to the one before by "và" or "," ("Sở A và Sở B")
    introduced: bool = False  # a unit right after "là", "gồm" or ":" ("đạt 90% là Sở A")
    compared: bool = False  # a unit compared with ("kém Bộ Tư pháp 0,06 điểm")
    above: bool = False  # a unit ranked just above the one before ("chỉ sau Sở A")
    counts_rank: bool = False  # a count after "trong tổng số": the size of a rank's group
    shares: bool = False  # a unit followed by "cùng", "đều", "đồng": the figures are all of theirs
    fronted: bool = False  # a figure opening the sentence ("Với 44,2 điểm, tỉnh X …")
    bare: bool = False  # a figure written without "điểm" or "%" ("năm 2022: 45/63")
    member: bool = False  # a count after "top", "nhóm": the group a unit is one of ("top 10 tỉnh")
    after_unit: bool = False  # "thứ nhì" with no verb: a rank only right after its unit
    regional: bool = False  # a first or last place within a region ("dẫn đầu vùng")
    about: bool = False  # an index named right after a place ("dẫn đầu vùng về chỉ số SIPAS")


def sentence_tokens(
    text: str,
    key: str,
    numbers: Sequence[NumberMatch] | None = None,
    mentions: Sequence[Mention] | None = None,
) -> tuple[Token, ...]:
    """Given a sentence, its folded key (same length), and its numbers and unit mentions
    (when already found), return its tokens in order."""
    numbers = find_numbers(text) if numbers is None else numbers
    mentions = find_mentions(text, key) if mentions is None else mentions
    found = [*mention_tokens(mentions), *cue_tokens(text, key), *number_tokens(text, numbers)]
    return tuple(classify(drop_overlaps(found), text, key))


def drop_overlaps(tokens: list[Token]) -> list[Token]:
    """Given tokens, return them in order, each overlapping an earlier or longer one dropped."""
    # of two tokens on one span a grade wins: "(Trung bình)" after a figure is no average
    tokens.sort(key=lambda t: (t.start, -(t.end - t.start), t.kind is not Kind.GRADE))
    kept: list[Token] = []
    for token in tokens:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


# --- mentions and cues -------------------------------------------------------------------------


def mention_tokens(mentions: Sequence[Mention]) -> Iterator[Token]:
    """Given a sentence's unit mentions, yield UNIT and REF tokens."""
    for m in mentions:
        kind = Kind.UNIT if m.unit else Kind.REF
        yield Token(kind=kind, start=m.start, end=m.end, raw=m.raw, label=m.unit or m.ref)


def cue_tokens(text: str, key: str) -> Iterator[Token]:
    """Given a sentence and its key, yield the tokens of cue words and brackets.

    An average right before a first or last place measures the units ranked by it ("vùng A
    có chỉ số trung bình cao nhất"): it is no average statement of its own.
    """
    c = cues()
    average: Token | None = None  # an average mention, until the next mention is known
    for m in c.mentions.finditer(key):
        group = m.lastgroup or ""
        if average and not _ranked_by(average, m, key):
            yield average
        end = _group_end(text, key, m) if group == "groups" else m.end()
        raw = text[m.start() : end]
        if group == "totals" and "," in raw:  # "94,15 điểm, Tổng cục …": no total across a comma
            continue
        label = MENTION_LABELS.get(group, _no_label)(raw)
        token = Token(kind=MENTION_KINDS[group], start=m.start(), end=end, raw=raw, label=label)
        average = token if group == "average" else None
        if not average:
            yield token
    if average:
        yield average
    yield from grade_tokens(text, key, c)
    yield from rank_tokens(key, c)
    for m in _PUNCT.finditer(key):
        mark, at = m.group(), m.start()
        yield Token(kind=PUNCT_KINDS[mark], start=at, end=at + 1, raw=mark)


_NAME_NEXT = re.compile(r"\s+(\w)")


def _group_end(text: str, key: str, m: re.Match[str]) -> int:
    """Given a sentence, its key and a group's match, return where the group ends: before its
    last noun when that noun heads a place named right after it ("khối huyện, thành phố Sầm
    Sơn xếp thứ nhất": the group is "khối huyện", the unit "thành phố Sầm Sơn")."""
    name = _NAME_NEXT.match(text, m.end())
    if name is None or not name.group(1).isupper():
        return m.end()
    tail = cues().place_tail.search(key, m.start(), m.end())
    return tail.start() if tail and tail.start() > m.start() else m.end()


def _ranked_by(average: Token, mention: re.Match[str], key: str) -> bool:
    """Given an average token, the next mention and the key, return whether the mention is a
    first or last place right after the average that ranks units, not a record ("giá trị
    trung bình cao nhất từ trước đến nay" is the average's record)."""
    place = (mention.lastgroup or "") in PLACES and not key[average.end : mention.start()].strip()
    return place and not cues().record.match(key[mention.end() :])


def _no_label(raw: str) -> str | None:
    """Given a mention, return no label."""
    return None


#: The kind of token of each punctuation mark.
PUNCT_KINDS = {kind.value: kind for kind in (Kind.OPEN, Kind.CLOSE, Kind.SEMI, Kind.COMMA)}
#: The kind of token of each alternative of ``Cues.mentions``, and how its label is made.
MENTION_KINDS = {
    "index": Kind.INDEX, "totals": Kind.TOTAL, "area": Kind.AREA, "parts": Kind.PARTS,
    "groups": Kind.GROUP, "average": Kind.UNIT, "previous": Kind.PREVIOUS, "first": Kind.FIRST,
    "last": Kind.LAST, "next": Kind.NEXT, "penultimate": Kind.LAST,
}  # fmt: skip
#: The mentions of a first or last place.
PLACES = frozenset({"first", "last", "penultimate"})
#: The label of a last place that is the one before the last ("áp chót").
PENULTIMATE = "penultimate"
MENTION_LABELS: dict[str, Callable[[str], str | None]] = {
    "penultimate": lambda raw: PENULTIMATE,
    "index": index_of,
    "groups": lambda raw: raw,
    "average": lambda raw: cues().average_unit,
}


def grade_tokens(text: str, key: str, c: Cues) -> Iterator[Token]:
    """Given a sentence, its key and the cues, yield GRADE tokens (not after "cao hơn", nor a
    numbered group that counts units: "nhóm 3 đơn vị dẫn đầu")."""
    for m in c.grade.finditer(key):
        if c.grade_guard.search(key[max(0, m.start() - LOOK_BEHIND) : m.start()]):
            continue
        if key[m.end() - 1].isdigit() and c.group_nouns.match(key[m.end() :]):
            continue
        raw = text[m.start() : m.end()]
        series = grade_series(text, key, m, c)
        yield Token(kind=Kind.GRADE, start=m.start(), end=m.end(), raw=raw, label=grade(raw),
                    respective=bool(series))  # fmt: skip
        yield from series


def grade_series(text: str, key: str, m: re.Match[str], c: Cues) -> list[Token]:
    """Given a sentence, its key, a cued grade after "lần lượt" and the cues, return the grades
    written right after it, to be dealt in turn ("A và B lần lượt xếp loại Tốt và Khá": Khá),
    else none."""
    if not c.respectively.search(key, max(0, m.start() - LOOK_BEHIND), m.start()):
        return []
    found, end = [], m.end()
    while (more := c.grade_series.match(key, end)) is not None:
        start, end = more.start("form"), more.end()
        raw = text[start:end]
        found.append(Token(kind=Kind.GRADE, start=start, end=end, raw=raw, label=grade(raw),
                           respective=True))  # fmt: skip
    return found


def rank_tokens(key: str, c: Cues) -> Iterator[Token]:
    """Given a sentence key and the cues, yield RANK tokens ("xếp thứ 11/17", "đứng thứ sáu"),
    ranks right after a year with the ordinal word alone ("năm 2020 thứ 35") included; a rank
    after a unit with no verb ("Sở A thứ nhì") is none of those. The ranks written with the
    ordinal word alone are looked for only where the key holds that word."""
    taken: list[tuple[int, int]] = []
    ordinal = ordinal_word() in key
    ranged = list(range_tokens(key, c))
    yield from ranged
    for start, end, rank, count in year_ranks(key) if ordinal else ():
        taken.append((start, end))
        yield Token(kind=Kind.RANK, start=start, end=end, raw=key[start:end], rank=rank,
                    rank_of=count)  # fmt: skip
    for rx in (c.rank, c.rank_bare, c.rank_after_unit) if ordinal else (c.rank,):
        bare = rx is c.rank_after_unit
        for m in rx.finditer(key):
            if bare and any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if any(t.start < m.end() and m.start() < t.end for t in ranged):
                continue
            taken.append(m.span())
            of = m.groupdict().get("of")
            series, end = rank_series(key, m.end(), c) if not (bare or of) else ((), m.end())
            yield Token(
                kind=Kind.RANK,
                start=m.start(),
                end=end,
                raw=key[m.start() : end],
                rank=_rank_number(m.group("n"), c),
                rank_of=int(of) if of else None,
                after_unit=bare,
                series=series,
            )


#: The most places a range of them ("từ thứ 59 đến 63") may span.
MAX_RANGE = 30


def range_tokens(key: str, c: Cues) -> Iterator[Token]:
    """Given a sentence key and the cues, yield a RANK token per range of places ("lần lượt
    xếp từ thứ 59 đến 63"): its first place, the others its series."""
    for m in c.rank_range.finditer(key):
        first, last = int(m.group("n")), int(m.group("m"))
        if 0 < first < last <= first + MAX_RANGE:
            yield Token(kind=Kind.RANK, start=m.start(), end=m.end(), raw=m.group(), rank=first,
                        series=tuple(range(first + 1, last + 1)))  # fmt: skip


def rank_series(key: str, end: int, c: Cues) -> tuple[tuple[int, ...], int]:
    """Given a sentence key, where a rank ends and the cues, return the ranks written right
    after it ("xếp thứ 16 và 17", "đứng thứ 4, thứ 5", "thứ nhất và thứ nhì") and where they end."""
    found: list[int] = []
    while m := c.rank_series.match(key, end):
        found.append(_rank_number(m.group("n") or m.group("w"), c))
        end = m.end()
    return tuple(found), end


def _rank_number(written: str, c: Cues) -> int:
    """Given a rank written in digits or as an ordinal word, return it as an int."""
    return int(written) if written.isdigit() else c.ordinals[written]


def number_tokens(text: str, numbers: Sequence[NumberMatch]) -> Iterator[Token]:
    """Given a sentence and its numbers (dates, codes and times skipped), yield a NUMBER token
    per number."""
    for m in numbers:
        yield Token(
            kind=Kind.NUMBER,
            start=m.start,
            end=m.end,
            raw=text[m.start : m.end],
            number=m.number,
            of=m.denominator,
        )


# --- classification --------------------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Around:
    """The words around a token: before it (since the last token) and after it (to the next)."""

    gap: str  # key
    right: str  # key
    right_raw: str  # text, for capitals
    before: Kind | None = None
    after: Kind | None = None
    behind: str = ""  # key: the words before the token, past any token (LOOK_BEHIND chars)
    ahead: str = ""  # key: the words after the token, past any token (LOOK_BEHIND chars)
    beyond: Kind | None = None  # the kind of the token after the next one
    right_beyond: str = ""  # key: the words between the next token and the one after it

    def past(self, n: int) -> Around:
        """Given a count of characters, return the context with that much of the right side read."""
        return replace(self, right=self.right[n:], right_raw=self.right_raw[n:])


#: Kinds of token classified by the words around them; ``_classified`` returns the others
#: as they are, so their surroundings are not even cut out (most tokens are punctuation).
IN_CONTEXT = frozenset(
    {Kind.UNIT, Kind.FIRST, Kind.LAST, Kind.RANK, Kind.NEXT, Kind.PREVIOUS, Kind.YEAR, Kind.NUMBER,
     Kind.AREA}
)  # fmt: skip


def classify(tokens: Sequence[Token], text: str, key: str) -> Iterator[Token]:
    """Given tokens in order, the text and its key, yield them classified (bad ones gone).

    A first or last place right after a group a unit is one of describes the group ("top 10
    tỉnh có điểm cao nhất", "nhóm 5 đơn vị dẫn đầu"): it is no place of the unit's.
    """
    last: Token | None = None
    size: Token | None = None  # a ranking's size just read ("dẫn đầu 63 tỉnh"), commas after it
    group: Token | None = None  # a group a unit is one of, while its nouns are listed
    ranks_regions = any(t.kind is Kind.UNIT and is_region(t.label) for t in tokens)
    for i, token in enumerate(tokens):
        group = listing(group, last)
        held = last is not None and last.kind in PLACE_KINDS  # "cao nhất thuộc Sở A": its holder
        gap_start = tokens[i - 1].end if i else 0
        if token.kind in OWNERS and not held and not_subject(key, gap_start, token):
            continue  # "các sở thuộc UBND tỉnh", "được UBND tỉnh đánh giá": owner, agent
        if token.kind is Kind.INDEX and places_in(tokens, i, key):
            token = replace(token, about=True)
        if token.kind not in IN_CONTEXT:
            yield token
            last = token
            continue
        if token.kind in (Kind.FIRST, Kind.LAST) and of_member_list(group, last, token, key):
            continue
        end = tokens[i + 1].start if i + 1 < len(tokens) else len(key)
        if size is not None:
            gap_start = max(gap_start, past_size(key, size, token.start))
        around = Around(
            gap=key[gap_start : token.start],
            right=key[token.end : end],
            right_raw=text[token.end : end],
            before=tokens[i - 1].kind if i else None,
            after=tokens[i + 1].kind if i + 1 < len(tokens) else None,
            beyond=tokens[i + 2].kind if i + 2 < len(tokens) else None,
            right_beyond=key[tokens[i + 1].end : tokens[i + 2].start]
            if i + 2 < len(tokens)
            else "",
            behind=key[max(0, token.start - LOOK_BEHIND) : token.start],
            ahead=key[token.end : token.end + LOOK_BEHIND],
        )
        found = _classified(token, around)
        if found is not None and found.kind in PLACE_KINDS and not ranks_regions:
            found = replace(found, regional=True) if in_region_clause(found, key) else found
        if found is not None:
            yield found
            size = ranking_size(found, last, size)
            last = found


def listing(group: Token | None, last: Token | None) -> Token | None:
    """Given the group a unit is one of still open and the last token read, return the group
    while the tokens after it go on listing its nouns (commas, bare nouns), else None."""
    if last is not None and last.member:
        return last
    go_on = last is not None and (
        last.kind is Kind.COMMA or (last.kind is Kind.REF and not last.label)
    )
    return group if go_on else None


def of_member_list(group: Token | None, last: Token | None, token: Token, key: str) -> bool:
    """Given the open group a unit is one of, the last token and a first or last place,
    return whether the place describes the group: right after it, or after its list of nouns
    ("top 10 sở, ngành dẫn đầu", "top 5 huyện, thành phố cao nhất"); a comma right before
    the place ends the group ("nằm trong top 10 tỉnh, dẫn đầu vùng")."""
    if group is None or last is None:
        return False
    nouns = last.kind is Kind.REF or bool(key[last.end : token.start].strip(" ,"))
    return last is group or nouns


def places_in(tokens: Sequence[Token], i: int, key: str) -> bool:
    """Given tokens, the place of an index among them and the key, return whether the index
    is named right after a place, its region between or not, as the index the place is in
    ("dẫn đầu vùng Tây Nam Bộ về chỉ số SIPAS", "thứ 3 khu vực Tây Nguyên xét về chỉ số PAPI")."""
    k = i - 1
    if k > 0 and tokens[k].kind is Kind.UNIT and is_region(tokens[k].label):
        k -= 1
    if k < 0 or tokens[k].kind not in PLACE_KINDS:
        return False
    words = key[tokens[i - 1].end : tokens[i].start].split()
    for about in _about_index():  # the region's words may stand before ("thứ 3 khu vực … xét về")
        n = len(about.split())
        scope = " ".join(words[:-n])
        if " ".join(words[-n:]) == about and (not scope or names_region(scope)):
            return True
    return False


def in_region_clause(token: Token, key: str) -> bool:
    """Given a place and its sentence's key, return whether the place, stated without its
    count and within a region's size, is within the region its clause (since the last ";")
    names before it ("Xét trong khu vực Tây Nguyên, tỉnh A xếp thứ 2 sau tỉnh B"), not in the
    whole ranking (a sentence ranking the regions themselves is left to the caller)."""
    if token.regional or token.rank_of is not None or (token.rank or 1) > LARGEST_REGION:
        return False
    clause = key[key.rfind(";", 0, token.start) + 1 : token.start]
    return cues().region_clause.search(clause) is not None or names_region(clause)


def ranking_size(found: Token, last: Token | None, size: Token | None) -> Token | None:
    """Given a token just classified, the one before it and the ranking's size read before,
    return the size a figure after it may follow: a count right after a first or last place
    or counting a rank's group ("dẫn đầu 63 tỉnh", "cuối cùng trong tổng số 12 huyện"), kept
    past the commas of its noun ("20 sở, ngành")."""
    if found.kind is Kind.COMMA:
        return size
    placed = last is not None and last.kind in (Kind.FIRST, Kind.LAST)
    return found if found.kind is Kind.GROUP and (placed or found.counts_rank) else None


def past_size(key: str, size: Token, start: int) -> int:
    """Given a sentence key, a ranking's size read before a figure and where the figure
    starts, return where the figure's gap starts: past the size's noun ("dẫn đầu 63 tỉnh với
    91,4%"), whose words are no words about the figure; at the size's end without one."""
    noun = cues().group_nouns.match(key[size.end : start])
    return size.end + noun.end() if noun else size.end


def not_subject(key: str, gap_start: int, token: Token) -> bool:
    """Given a sentence key, where the gap before a unit starts and the unit, return whether
    it names what a group belongs to ("thuộc UBND tỉnh") or the agent of an evaluating verb
    ("được UBND Thành phố đánh giá", "do Sở Nội vụ thẩm định"), not a subject."""
    c = cues()
    if c.belongs_before.search(key, gap_start, token.start):
        return True
    agent = c.agent_before.search(key, gap_start, token.start)
    return agent is not None and c.agent_verb.match(key, token.end) is not None


#: Kinds of place after which "thuộc" names who holds it ("Vị trí cao nhất thuộc Sở A").
PLACE_KINDS = frozenset({Kind.FIRST, Kind.LAST, Kind.RANK, Kind.NEXT})
#: Kinds of token that, right after "thuộc" or "được", name what a group belongs to or who
#: acts, not a subject.
OWNERS = frozenset({Kind.UNIT, Kind.REF})
#: Kinds of token that join the unit after them to the one before ("A, B", "A; B").
JOINING = frozenset({Kind.UNIT, Kind.COMMA, Kind.SEMI})
#: Kinds of token that end a listed unit's figures: "và" after them joins the next unit to
#: the list ("tiếp theo là A (86,05 điểm) và B (85,92 điểm)", "A với 86 điểm và B …").
FIGURE_ENDS = frozenset({Kind.CLOSE, Kind.NUMBER, Kind.VALUE})
#: Words after the last of joined units that give them the figures together ("cùng đạt",
#: ", cùng đạt"; not "đồng thời", "cùng với").
_SHARED = re.compile(r"[\s,]*(?:cùng(?!\s+với)|đều|đồng(?!\s+thời))(?!\w)")


def _unit_token(token: Token, around: Around) -> Token:
    """Given a UNIT and the words around it, mark it joined to the unit before ("A và B",
    "A, B") and sharing the figures after it ("… cùng đạt 90,5%")."""
    in_turn = cues().respectively.match(around.ahead.lstrip(" ,"))  # "A, B và C, lần lượt đạt"
    equal = cues().equal_after.match(around.ahead.lstrip(" ,"))  # "A và B có số điểm bằng nhau"
    shares = bool(_SHARED.match(around.ahead) or in_turn or equal)
    figure_unit = cues().unit_after.match(around.gap)  # "đạt 86,5 điểm là Sở A"
    gap = around.gap[figure_unit.end() :] if figure_unit else around.gap
    if around.before is Kind.NUMBER:  # "gồm 3 đơn vị: Sở A": a count, its noun, then the cue
        gap = counted_gap(gap)
    elif words := cues().count_words.match(gap):  # "Xếp loại Tốt có hai đơn vị là huyện A"
        gap = counted_gap(gap[words.end() :])
    joined = (around.before in JOINING and around.gap.strip() in ("", "và")) or (
        around.before in FIGURE_ENDS and gap.strip() == "và"
    )
    introduced = around.before is not None and bool(cues().forward.match(gap))
    compared = bool(cues().compared_with.search(around.gap)) and not own_bracket(token, around)
    above = bool(cues().ranked_above.search(around.gap))
    return replace(token, joined=joined, shares=shares, introduced=introduced, compared=compared,
                   above=above)  # fmt: skip


#: Words up to a bracket opened before any figure: "trung bình của tỉnh (83,4 điểm)".
_BRACKET_NEXT = re.compile(r"[^\d(]{0,30}\(")


def own_bracket(token: Token, around: Around) -> bool:
    """Given a UNIT and the words around it, return whether it is an average whose own figure
    follows in brackets ("cao hơn mức bình quân chung của tỉnh (83,4 điểm)"): stated, not only
    compared with ("cao hơn mức trung bình cả nước 2,3 điểm": a difference)."""
    return token.label == cues().average_unit and _BRACKET_NEXT.match(around.ahead) is not None


def counted_gap(gap: str) -> str:
    """Given the words between a count and the unit after it, return them past the count's
    noun ("3 đơn vị: Sở A": ":")."""
    noun = cues().group_nouns.match(gap)
    return gap[noun.end() :] if noun else gap


#: Kinds of token right before "thứ 2" written without a verb that make it a rank: its unit,
#: or the bracket opened after it ("Sở A (thứ 16, 81,77%)").
OWN_RANK = frozenset({Kind.UNIT, Kind.REF, Kind.OPEN})


def _classified(token: Token, around: Around) -> Token | None:
    """Given a token and the words around it, return it classified (None to drop it)."""
    c = cues()
    if token.kind is Kind.UNIT and token.label == c.average_unit and own_average(around, c):
        return None  # "vùng A với giá trị trung bình 89,05%": the unit's own value
    if token.kind is Kind.UNIT:
        return _unit_token(token, around)
    if token.kind in (Kind.FIRST, Kind.LAST) and (
        c.place_guard.search(around.gap) or c.record.match(around.right)
    ):
        return None  # "tăng cao nhất": the largest rise; "cao nhất từ trước đến nay": a record
    if token.after_unit and not (around.before in OWN_RANK and not around.gap.strip()) and not (
        after_own_figure(around)
    ):
        return None  # "lần thứ 2", "năm thứ ba liên tiếp": no rank without its unit right before
    if token.kind in (Kind.RANK, Kind.FIRST, Kind.LAST, Kind.NEXT):
        return _place_token(token, around, c)
    if token.kind in (Kind.PREVIOUS, Kind.YEAR):
        return compared(token, around.gap)
    if token.kind is Kind.AREA and around.after is Kind.NUMBER and not around.right.strip():
        return None if c.bare_measures.match(sentence_key(token.raw)) else token  # "tỷ lệ 88%"
    if token.kind is not Kind.NUMBER:
        return token
    if around.after in (Kind.AREA, Kind.GROUP) and not around.right.strip():
        return None  # "09/11 lĩnh vực", "20 các sở": a count of areas or units
    return classify_number(token, around)


def after_own_figure(around: Around) -> bool:
    """Given the words around a rank written with "thứ" alone, return whether it follows its
    unit's figure after a comma and ends its clause ("Sở B (75,48 điểm, thứ 62)")."""
    ends = not around.right.strip() or around.right.strip()[0] in ");,."
    comma = around.before is Kind.COMMA and not around.gap.strip()
    return comma and ends and cues().figure_before.search(around.behind) is not None


def own_average(around: Around, c: Cues) -> bool:
    """Given the words around an average mention, return whether it measures the unit right
    before it ("vùng A với giá trị trung bình 89,05%", "tỉnh B có điểm bình quân 86,1")."""
    return around.before is Kind.UNIT and c.average_owned.match(around.gap) is not None


def _place_token(token: Token, around: Around, c: Cues) -> Token | None:
    """Given a rank, a first, last or next place, return it marked as stated before its unit
    ("dẫn đầu là Sở X") and after "lần lượt" (None when neither a rank nor a place follows)."""
    if scoped_before_unit(around, c):  # "đứng đầu khối sở là Sở X": the place is Sở X's
        return replace(token, forward=True)
    if token.kind in (Kind.FIRST, Kind.LAST) and c.member_place.search(around.gap):
        return None  # "nằm trong nhóm dẫn đầu": one of the leading group, no place of its own
    before_unit = around.after in (Kind.UNIT, Kind.REF)
    if token.kind is Kind.NEXT:  # "tiếp theo là Sở X", "theo sau: Sở X", "2 sở còn lại"
        forward = before_unit and bool(c.forward.match(around.right) or not around.right.strip())
        rest = c.rest.fullmatch(" ".join(token.raw.lower().split())) is not None
        return replace(token, forward=True) if forward or rest else None
    forward = before_unit and bool(c.forward.match(around.right))
    counted = token.rank_of is not None and token.raw[-1:].isalpha()  # "8/63 tỉnh, thành phố"
    if not (forward or counted or follows(around, c.rank_follow) or of_index(around)):
        return None
    if c.from_before.search(around.gap) and c.to_after.match(around.ahead):
        return None  # "từ vị trí thứ 9 lên thứ 6": last year's place
    respective = bool(c.respectively.search(around.behind))
    regional = token.rank_of is None and c.regional.match(around.right) is not None
    return replace(token, forward=forward, respective=respective, regional=regional)


def of_index(around: Around) -> bool:
    """Given the words around a rank or place, return whether it follows its unit and the
    index it ranks in is named right after it ("Tỉnh A đứng thứ 40/63 về Chỉ số CCHC"): a
    rank, not a count."""
    named = around.before in (Kind.UNIT, Kind.REF) and around.after is Kind.INDEX
    return named and " ".join(around.right.split()) in _about_index()


@cache
def _about_index() -> frozenset[str]:
    """Given nothing, return the words between a rank and the index named after it."""
    return frozenset(data()["values"]["about_index"])


def scoped_before_unit(around: Around, c: Cues) -> bool:
    """Given the words around a first or last place, return whether a group names its scope
    right after it and a unit follows that ("dẫn đầu khối sở là Sở X", "cuối bảng khối huyện:
    huyện Y")."""
    scoped = around.after is Kind.GROUP and not around.right.strip(" ,")
    return scoped and around.beyond is Kind.UNIT and bool(c.forward.match(around.right_beyond))


def compared(token: Token, gap: str) -> Token:
    """Given a year or "năm trước" and the gap before it, return it marked as a comparison.

    "so với năm 2022" compares; "cao hơn năm 2022", "tăng so với năm 2022" also say that the
    figure after is a difference, rising or falling.
    """
    c = cues()
    if not c.compare_before.search(gap):
        return token
    sign = -1 if c.lower.search(gap) else 1 if c.higher.search(gap) else 0
    return replace(token, compare=True, sign=sign)


def follows(around: Around, follow: re.Pattern[str]) -> bool:
    """Given the words after a figure, return whether they leave it a statement.

    Punctuation, the end, a word of ``follow`` or a capitalised word (a name, or text injected
    into the sentence) may follow; a lowercase noun or an abbreviation makes it a count.
    """
    stripped = around.right.lstrip()
    if not _WORD.match(stripped[:1]) or follow.match(around.right):
        return True
    word = around.right_raw.split(maxsplit=1)[0] if around.right_raw.strip() else ""
    return word[:1].isupper() and not word.isupper()


def classify_number(token: Token, around: Around) -> Token | None:
    """Given a NUMBER and the words around it, return it as YEAR, CHANGE, VALUE, GROUP or None."""
    c = cues()
    if is_year(token):
        year = int(token.number.value or 0)  # type: ignore[union-attr]
        return compared(replace(token, kind=Kind.YEAR, year=year), around.gap)
    unit = c.unit_after.match(around.right)
    rest = around.past(unit.end()) if unit else around
    if c.change_before.search(around.gap) or _signed(token):
        return change_token(token, around, rest)
    if c.thresholds_after.match(rest.right) or (unit is None and is_member(token, around)):
        return None
    if c.from_before.search(around.gap) and not c.to_after.match(rest.right):
        return None  # "Xuất sắc (từ 95 điểm)": a grade's threshold; "từ 78,1% lên …" is last year's
    if unit is None and (place := bracketed_rank(token, around)):
        return place
    if noun := c.group_nouns.match(rest.right):
        if token.number is not None and token.number.percent:  # "100% cơ quan đạt loại Tốt":
            label = noun.group().strip()  # a share of many units (no unit's), counting none
            return replace(token, kind=Kind.GROUP, label=label)
        of = c.count_of.search(around.gap) is not None
        label = noun.group().strip()
        member = c.member_before.search(around.gap) is not None
        count = None if handed_subject(around) else _count(token)
        return replace(token, kind=Kind.GROUP, rank_of=count, label=label,
                       counts_rank=of, member=member)  # fmt: skip
    if not follows(rest, c.follow):
        return None
    role = value_role(token, around, rest, unit)
    if role is None:
        return None
    fronted = around.before is None and c.fronted.fullmatch(around.gap.strip()) is not None
    bare = unit is None and not (token.number and token.number.percent)
    return replace(
        token, kind=Kind.VALUE, role=role, number=bounded(token), fronted=fronted, bare=bare
    )


def is_member(token: Token, around: Around) -> bool:
    """Given a figure written without "điểm" or "%", return whether it counts a member of a
    group ("là 1 trong 3 bộ"): a whole number followed by "trong" and a count."""
    number = token.number
    whole = number is not None and number.decimals == 0 and not number.percent
    return whole and cues().among_after.match(around.ahead) is not None


def bracketed_rank(token: Token, around: Around) -> Token | None:
    """Given a figure, return it as a rank when it is a whole ratio alone in brackets right
    after its unit's name, without "điểm" or "%" ("Lâm Đồng (46/63)"), else None."""
    number, of = token.number, token.of
    if around.before is not Kind.OPEN or around.gap.strip() or number is None or of is None:
        return None
    k, n = number.value, of.value
    whole = k is not None and n is not None and k == int(k) and n == int(n) and 0 < k <= n
    closed = around.after is Kind.CLOSE and not around.right.strip()
    if not (whole and closed and k is not None and n is not None):
        return None
    return replace(token, kind=Kind.RANK, rank=int(k), rank_of=int(n))


def is_year(token: Token) -> bool:
    """Given a NUMBER, return whether it is a year ("năm 2023", "2022")."""
    return is_year_number(token.number, token.of)


def is_year_number(number: Number | None, of: Number | None) -> bool:
    """Given a number and its denominator, return whether it is a year ("năm 2023", "2022")."""
    if number is None or number.value is None or of is not None or number.percent:
        return False
    digits = number.raw.lstrip("+-\u2212")
    return len(digits) == YEAR_DIGITS and digits.isdigit() and YEAR_MIN <= number.value <= YEAR_MAX


def _signed(token: Token) -> bool:
    """Given a NUMBER, return whether it is written with a sign ("+2,1", "-3")."""
    return token.raw[:1] in "+-\u2212" and token.of is None


def _count(token: Token) -> int | None:
    """Given a count ("20 sở", "15/20 đơn vị"), return the whole it counts, when an integer."""
    number = token.of or token.number
    value = number.value if number else None
    return int(value) if value is not None and value == value.to_integral_value() else None


def bounded(token: Token) -> Number | None:
    """Given a value token, return its number settled by its denominator or the value bound."""
    number = token.number
    if number is None:
        return None
    return resolve(number, VALUE_BOUND, reason=f"upper bound {VALUE_BOUND}")


def change_token(token: Token, around: Around, rest: Around) -> Token | None:
    """Given a figure after "tăng"/"giảm" (or signed), return a CHANGE or RANK_CHANGE token."""
    c = cues()
    sign = -1 if c.down_before.search(around.gap) else 1
    places = c.places_after.match(around.right)
    after = around.past(places.end()) if places else rest
    if not follows(after, c.follow) and not c.to_after.match(after.right):
        return None
    number = bounded(token)
    if number is None or (number.value is None and not number.candidates):
        return None
    if places:
        value = number.value
        return replace(
            token, kind=Kind.RANK_CHANGE, places=None if value is None else sign * int(value)
        )
    return replace(token, kind=Kind.CHANGE, number=signed(number, sign))


def signed(number: Number, sign: int) -> Number:
    """Given a change's number and the sign of its verb, return it signed (candidates too)."""
    if sign > 0:
        return number
    value = None if number.value is None else -abs(number.value)
    return replace(number, value=value, candidates=tuple(-abs(v) for v in number.candidates))


def value_role(
    token: Token, around: Around, rest: Around, unit: re.Match[str] | None
) -> Role | None:
    """Given a figure and the words around it, return its role, or None when it is no value."""
    c = cues()
    number = token.number
    if number is None or c.max_before.search(around.gap):
        return Role.MAX if number is not None else None
    if not gap_is_cue_words(counted_subject(around, rest), c):
        return None
    if unit is None and token.of is None and not number.percent and not _unitless_ok(token, around):
        return None
    if c.from_before.search(around.gap) and c.to_after.match(rest.right):
        return Role.PREVIOUS
    if number.percent or (unit and "%" in unit.group()) or percent_series(around):
        return Role.PERCENT
    return _score_role(around.gap, c)


def percent_series(around: Around) -> bool:
    """Given the words around a bare figure, return whether it opens a series whose last figure
    is written with "%" ("lần lượt đạt 90,47; 89,95 và 89,60%"): all of them are percents."""
    series = cues().series_after.match(around.ahead)
    return series is not None and series.group().endswith("%")


def handed_subject(around: Around) -> bool:
    """Given the words around a count of units, return whether it counts the units a figure
    right after it is handed to ("2 đơn vị cùng đạt 90,05 điểm là A và B"): it counts them,
    not the ranking."""
    c = cues()
    if around.after is not Kind.NUMBER or around.beyond is not Kind.UNIT:
        return False
    gap = around.right_beyond
    unit = c.unit_after.match(gap)
    return c.forward.match(gap[unit.end() :] if unit else gap) is not None


def counted_subject(around: Around, rest: Around) -> str:
    """Given the words around a figure, return the gap before it, past a count of units that
    opens it when the figure is handed to the units introduced right after it ("3 đơn vị đạt
    88,5 điểm là A, B và C"; "Hai địa phương cùng đạt 90,1 điểm là A và B")."""
    c = cues()
    gap = around.gap
    if around.after is not Kind.UNIT or not c.forward.match(rest.right):
        return gap
    if around.before is Kind.NUMBER:
        return counted_gap(gap)
    words = c.count_words.match(gap)
    return counted_gap(gap[words.end() :]) if words else gap


def _score_role(gap: str, c: Cues) -> Role:
    """Given the gap before a score, return SELF, APPRAISED or SCORE by its cue words."""
    if c.self_cue.search(gap):
        return Role.SELF
    if c.appraised_cue.search(gap):
        return Role.APPRAISED
    return Role.SCORE


def gap_is_cue_words(gap: str, c: Cues) -> bool:
    """Given the words between a figure and the token before, return whether all are cue words."""
    return not _WORD.search(c.fillers.sub(" ", gap))


def _unitless_ok(token: Token, around: Around) -> bool:
    """Given a figure written without "điểm" or "%", return whether it is still a value."""
    if cues().strong.search(around.gap) or ":" in around.gap:
        return True
    if cues().series_after.match(around.ahead):  # "88,12; 87,45 và 86,9 điểm"
        return True
    number = token.number
    named = around.before in (Kind.UNIT, Kind.REF, Kind.INDEX, Kind.OPEN)
    return named and number is not None and number.decimals > 0 and not around.gap.strip(" ,")
