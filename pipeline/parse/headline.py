"""The headline sentence: "Kết quả chỉ số CCHC của Sở X năm 2023 đạt 72,32 điểm, xếp loại khá,
tăng 3.286 điểm so với năm 2022" → the notice's own score statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from parscore.normalizers.labels import (
    OTHER_INDEX,
    canonical_unit,
    component_code,
    data_table,
    grade_in_text,
    index_code,
)
from parscore.normalizers.numbers import Number, parse_number
from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.roles import plain
from parscore.pipeline.statements.units import find_mentions

_INDEX_CUE = re.compile(r"chi so (?:cai cach hanh chinh|cchc)|par ?index|chi so par")
_NUM = r"[-+]?\d(?:[\d.,]*\d)?(?:,\s\d+(?=\s?%))?"  # never ends on a full stop
#: "đạt 72,32 điểm", "đạt được là 85,47/100 điểm", "đạt tổng số điểm: 81,2", "đạt mức 90%",
#: "đạt tỷ lệ 88,12%", "được Hội đồng thẩm định chấm 90,5 điểm", "… của Sở X là 72,32 điểm",
#: "tổng số điểm là: 83.05/85. điểm", "tăng từ 82,48 điểm lên 91,26 điểm",
#: "đứng đầu cả nước … với 96,17/100 điểm".
_SCORE = re.compile(
    r"(?P<verb>(?:đạt|chấm)(?:\s+được)?(?:\s+là)?|(?<!\w)(?:là|lên|với))(?!\w)\s*:?\s*"
    r"(?:(?:tổng\s+)?(?:số\s+)?điểm(?:\s+số)?\s*:?\s*|mức\s+|kết quả\s+|t[ỷỉ]\s+lệ\s+)?"
    rf"({_NUM})(?:\s*/\s*({_NUM}))?\.?\s*(điểm|%)?",
    re.I,
)
#: Verbs too common to state a score unless the figure carries its unit or its maximum.
_WEAK_VERBS = frozenset({"là", "lên", "với"})
_CHANGE = re.compile(rf"(tăng|giảm)\s+({_NUM})\s*(điểm|%)", re.I)
#: "xếp thứ 3/20", "đứng thứ 2 trong tổng số 17", "xếp hạng thứ 43/63", "lên thứ 4".
_RANK = re.compile(
    r"(?:xếp|đứng|lên)(?:\s+ở)?(?:\s+(?:thứ|hạng|vị\s+trí))+\s+0*(\d+)"
    r"(?:\s*(?:/|trên(?:\s+tổng)?(?:\s+số)?|trong(?:\s+tổng)?\s+số)\s*0*(\d+))?",
    re.I,
)
_YEAR = re.compile(r"năm\s+((?:19|20)\d{2})", re.I)
_SUBJECT = re.compile(r"\bcủa\s+([^,;:()]+?)\s*(?:\bnăm\s+\d{4}\b|$)", re.I)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
_PAREN = re.compile(r"\([^()]*\)")
_INNER_PAREN = re.compile(r"\([^()]*\)")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: Clauses of one line stating the scores of this many units make it a ranking line.
RANKING_CLAUSES = 2
#: Lines after the index is named that may still state its score without naming it.
LEAD_LINES = 8
WHOLE = Decimal(100)  # the maximum of a whole index
#: Words that make a score a part's, not the index's.
_PART = re.compile(r"linh vuc|tieu chi|chi tieu|noi dung|thanh phan")
#: A change in points on a 100-point index never exceeds this bound.
CHANGE_BOUND = Decimal(100)


@dataclass(frozen=True, slots=True, kw_only=True)
class Headline:
    score: Number | None  # None: the index's rank or change stated without its score
    max: Number | None = None
    percent: bool = False
    year: int | None = None
    grade: str | None = None
    grade_raw: str | None = None
    change: Number | None = None
    rank: int | None = None
    rank_of: int | None = None
    subject: str | None = None
    index: str = "par"
    block: int = 0


def find_headline(lines: Sequence[Line]) -> Headline | None:
    """Given the document's lines, return the first sentence stating the index score: one
    naming the index, else one of the lead after a line that named it ("Kết quả Chỉ số cải
    cách hành chính năm 2023 …" then "Tổng điểm đạt được là 79,25 điểm, xếp loại Khá");
    without any, the first sentence naming the index with its rank or change."""
    first = None
    for i, line in enumerate(lines):
        if _INDEX_CUE.search(plain(line.raw)):
            if of_a_group(line.raw):
                return None  # "… của các sở có giá trị trung bình đạt 86,74%": many units
            if h := read_headline(line):
                return h
            first = i if first is None else first
    found = lead_headline(lines, first) if first is not None else None
    return found or next(filter(None, map(scoreless_headline, lines)), None)


def of_a_group(text: str) -> bool:
    """Given a line naming the index, return whether its first score is an average of many
    units: the notice speaks of a group and has no headline of its own."""
    m = next((m for m in _SCORE.finditer(text) if has_unit(m)), None)
    return m is not None and bool(average_words().search(fold(clause_before(text, m.start()))))


def ranking_line(text: str) -> bool:
    """Given a line, return whether it states the scores of two or more units, clause by
    clause ("… của Sở A là 97,685 điểm; Sở B đạt 85,93/100 điểm; …"): a ranking, no headline."""
    clauses = [c for c in text.split(";") if _SCORE.search(c) and names_a_unit(c)]
    return len(clauses) >= RANKING_CLAUSES


def has_unit(m: re.Match[str]) -> bool:
    """Given a score match, return whether a weak verb's figure carries its unit or maximum."""
    return m.group("verb").lower() not in _WEAK_VERBS or bool(m.group(3) or m.group(4))


def clause_before(text: str, end: int) -> str:
    """Given a line and a score's place, return the words of its sentence before it, without
    parentheses ("… (gồm cả điểm điều tra xã hội học) của Sở X là …")."""
    return _PAREN.sub(" ", text[sentence_start(text, end) : end])


def lead_headline(lines: Sequence[Line], named: int) -> Headline | None:
    """Given the document's lines and the first naming the index, return a whole-index score
    stated in the lead after it: out of 100 or unbounded, not a part ("lĩnh vực … 5,5/8")."""
    for line in lines[named : named + LEAD_LINES]:
        if line.numbering or _PART.search(plain(line.raw)):
            continue
        h = read_headline(line)
        if h is not None and (h.max is None or h.max.value == WHOLE) and unnamed(line.raw):
            return h
    return None


def unnamed(text: str) -> bool:
    """Given a lead line, return whether the words before its score name no unit but the
    notice's own ("Kết quả, Sở đạt …", "Tổng điểm đạt …"): a news item's "Bà Rịa – Vũng Tàu
    đạt 85,77%" is one unit among many, not the notice's headline."""
    m = index_score(text)
    return not names_a_unit(text[: m.start()] if m else text)


def names_a_unit(text: str) -> bool:
    """Given words before a score, return whether they name a unit."""
    return any(mention.unit for mention in find_mentions(text, fold(text)))


def index_score(text: str) -> re.Match[str] | None:
    """Given a line, return the first score in it that is the index's: not another index's
    ("Chỉ số hài lòng … đạt 9,12 điểm"), not a component's ("… chỉ đạo, điều hành CCHC được
    đánh giá 11.50/12 điểm, đạt 95.83%"), its unit or maximum written after "là"/"lên"."""
    return next((m for m in _SCORE.finditer(text) if is_index_score(text, m)), None)


def is_index_score(text: str, m: re.Match[str]) -> bool:
    """Given a line and a score in it, return whether the score may be the index's."""
    if not has_unit(m):
        return False
    clause = clause_before(text, m.start())
    if not_own_words().search(fold(clause)) or component_code(clause) is not None:
        return False
    if not _INDEX_CUE.search(plain(clause)) and names_a_unit(clause):
        return False  # "… Bộ Tư pháp dẫn đầu với 91,03%": one unit among many
    return index_code(clause) in ("par", OTHER_INDEX)


@cache
def not_own_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words before a figure that make it a scale
    or an average, not the notice's own score (indices.toml [headline])."""
    table = data_table("indices")["headline"]
    return words_pattern((*table["scale_words"], *table["average_words"], *table["target_words"]))


@cache
def target_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words making a figure a target (indices.toml)."""
    return words_pattern(tuple(data_table("indices")["headline"]["target_words"]))


@cache
def average_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words naming an average (indices.toml)."""
    return words_pattern(tuple(data_table("indices")["headline"]["average_words"]))


@cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Given words, return a pattern finding any of them whole in folded text."""
    return re.compile("|".join(rf"(?<!\w){re.escape(fold(w))}(?!\w)" for w in words))


def sentence_start(text: str, end: int) -> int:
    """Given a line and a place in it, return where the sentence holding that place starts."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, end)]
    return ends[-1] if ends else 0


def read_headline(line: Line) -> Headline | None:
    """Given a line naming the index, return its statement, or None without a score."""
    text = other_years_masked(line.raw)
    rank = best_rank(text) or best_rank(line.raw)  # else of a history, the latest year's
    m = None if ranking_line(text) else index_score(text)
    score = parse_number(m.group(2), upper=Decimal(100)) if m else None
    if m is None or score is None:
        return None
    graded = grade_in_text(text[m.end() :])
    return Headline(
        score=score,
        max=parse_number(m.group(3)) if m.group(3) else None,
        percent=score.percent or m.group(4) == "%",
        year=year_before(text, m.start()),
        grade=graded[0] if graded else None,
        grade_raw=graded[1] if graded else None,
        change=signed_change(text[m.end() :]),
        rank=int(rank.group(1)) if rank else None,
        rank_of=int(rank.group(2)) if rank and rank.group(2) else None,
        subject=subject(text[: m.start()]),
        index=index_code(text[: m.start()]),
        block=line.block,
    )


def scoreless_headline(line: Line) -> Headline | None:
    """Given a line, return the first sentence naming the index with its rank or change but
    no score ("Chỉ số CCHC tỉnh tăng 3,3 điểm và 8 bậc, xếp thứ 8/63"), or None."""
    for sentence in re.split(r"(?<=[.!?;])\s+", line.raw):
        masked = other_years_masked(sentence)
        rank = best_rank(masked) or best_rank(sentence)
        change = signed_change(masked)
        own = not average_words().search(fold(sentence))
        if own and _INDEX_CUE.search(plain(sentence)) and (rank or change):
            said = min(m.start() for m in (rank, _CHANGE.search(masked)) if m)
            return Headline(
                score=None, year=year_before(sentence, said), change=change,
                rank=int(rank.group(1)) if rank else None,
                rank_of=int(rank.group(2)) if rank and rank.group(2) else None,
                subject=subject(sentence), block=line.block,
            )  # fmt: skip
    return None


def other_years_masked(text: str) -> str:
    """Given a line, return it with every parenthesis naming a year blanked out, at the same
    length: "(năm 2022 đạt 80,1 điểm)" is another year's score, "(năm 2016: 9; 2017: 6)"
    another year's ranks. Nested parentheses are weighed innermost first."""
    out = text
    while m := _INNER_PAREN.search(out):
        inner = m.group()
        kept = " " * len(inner) if other_year(inner) else f"\x01{inner[1:-1]}\x02"
        out = out[: m.start()] + kept + out[m.end() :]
    return out.replace("\x01", "(").replace("\x02", ")")


def other_year(parenthesis: str) -> bool:
    """Given a parenthesis, return whether it states another year's figures: it names a
    year and compares nothing with it ("(năm 2022: 80,1 điểm)", not "(tăng 2 điểm so với
    năm 2022)")."""
    words = words_pattern(tuple(data_table("indices")["headline"]["comparison_words"]))
    return bool(_ANY_YEAR.search(parenthesis)) and not words.search(fold(parenthesis))


def best_rank(text: str) -> re.Match[str] | None:
    """Given a line, return its rank statement of the latest year named: of a history
    ("năm 2016 … lên thứ 6, năm 2017 … lên thứ 4") the last year's, and never the previous
    year's in parentheses ("xếp thứ 4/11 (năm 2022: xếp thứ 6/11)")."""
    found = list(_RANK.finditer(text))
    return max(found, key=lambda m: year_before(text, m.start()) or 0, default=None)


def year_before(text: str, end: int) -> int | None:
    """Given the sentence and where the score is, return the year named before it."""
    years = _YEAR.findall(text[:end])
    return int(years[-1]) if years else None


def signed_change(text: str) -> Number | None:
    """Given the words after the score, return "tăng/giảm N điểm" as a signed Number."""
    m = _CHANGE.search(text)
    if not m:
        return None
    number = parse_number(m.group(2), upper=CHANGE_BOUND)
    if number is None or number.value is None or m.group(1).lower() == "tăng":
        return number
    return Number(
        value=-number.value,
        raw=m.group(0),
        decimals=number.decimals,
        candidates=tuple(-c for c in number.candidates),
        resolved_by=number.resolved_by,
    )


def subject(text: str) -> str | None:
    """Given the words before the score, return the unit the statement is about."""
    found = list(_SUBJECT.finditer(text.rstrip()))
    return canonical_unit(found[-1].group(1)) if found else None


def index_year(lines: Sequence[Line]) -> int | None:
    """Given the lines of a notice without a headline, return the year named in the first
    line naming the index with a year ("Kết quả thẩm định Chỉ số CCHC năm 2023 của …")."""
    for line in lines:
        if _INDEX_CUE.search(plain(line.raw)) and (years := _YEAR.findall(line.raw)):
            return int(years[0])
    return None


@cache
def kind_head() -> re.Pattern[str]:
    """Given nothing, return the pattern of the kind words a unit's name starts with
    ("Sở", "UBND huyện"; indices.toml), which do not tell it apart."""
    words = sorted(data_table("indices")["headline"]["kind_words"], key=len, reverse=True)
    body = "|".join(re.escape(fold(w)) for w in words)
    return re.compile(rf"^(?:(?:{body})\.?\s+)+")


def listed_grade(lines: Sequence[Line], subject: str | None) -> tuple[str, str] | None:
    """Given the lines and the notice's subject, return (grade, as written) of a grade given
    to a list that names the subject ("Xếp loại Tốt gồm: Sở Y tế, Sở Tư pháp …", "nhóm khá
    gồm các sở: Y tế, Xây dựng"), or None."""
    core = kind_head().sub("", fold(subject or "")).strip()
    if not core:
        return None
    names = re.compile(rf"(?<!\w){re.escape(core)}(?!\w)")
    return next((g for line in lines if (g := list_grade(line.raw, names))), None)


def list_grade(text: str, names: re.Pattern[str]) -> tuple[str, str] | None:
    """Given a line and the pattern of the subject's name, return the grade its head (before
    the colon) gives when the list after the colon names the subject."""
    head, sep, listed = text.partition(":")
    return grade_in_text(head) if sep and names.search(fold(listed)) else None
