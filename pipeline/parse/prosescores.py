"""Component scores stated in prose when a notice has no table:

    "Cụ thể: Công tác chỉ đạo, điều hành CCHC đạt 12/15 điểm; Cải cách thể chế đạt 10/14 điểm"
    "- Lĩnh vực 2: Xây dựng và tổ chức thực hiện văn bản QPPL: 10.5/10.5 điểm" (one per line)
    "điểm thẩm định là 54.95/61,5 điểm, … (gồm Chỉ số SIPAS đạt 8,5/10 điểm; …)"
    "- Lĩnh vực Cải cách thể chế" then "Đạt 9,42/10 điểm, chỉ số đạt 94,15%" (label above)

Each figure ("đạt x/y điểm", ": x/y điểm", "là x điểm", "đạt x%", "x/yđ"; a ratio without
a unit only after a verb or a colon, ending its clause: "- Cải cách thể chế: 5,5/6") is
labelled by the words between it and the figure before it, cut at the rightmost boundary
(comma, colon, lead word such as "là", "lĩnh vực") that keeps every word of the component's
name. A figure whose words name no component takes the heading just above it, or, for a
percent right after a figure, is that figure's percent. Parentheses naming a year hold
another year's results and are skipped. A figure labelled "tổng số điểm" is the stated
total. The figures are self-assessed when the lead before them says so ("tự đánh giá, chấm
điểm") and names no appraisal.

Vocabulary (lead, tail, total and self words; the parts of the index) is in areas.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from parscore.normalizers.labels import (
    component_code,
    component_words,
    data_table,
    label_key,
    part_codes,
)
from parscore.normalizers.numbers import Number, parse_number
from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Score, Where
from parscore.pipeline.parse.headline import target_words
from parscore.pipeline.parse.scoretable import SCALE_BOUND, ScoreTable
from parscore.pipeline.roles import column_words

#: Distinct components a document must state for its prose to count as its table: one will
#: do ("Trong đó, lĩnh vực cải cách TTHC đạt 12,35/13 điểm" is the subject's component).
MIN_COMPONENTS = 1
#: A heading naming a component ("- Lĩnh vực Cải cách thể chế") has at most this many words.
HEADING_WORDS = 14
#: A percent this few words after a figure ("…/10 điểm, chỉ số đạt 94,15%") is its percent.
PERCENT_GAP_WORDS = 6
_NUM = r"\d+(?:[.,]\d+)?"
#: A ratio ahead: written right after its component's name (or in brackets) it needs no verb
#: ("Cải cách thể chế 9,2/10,5 điểm", "Cải cách tổ chức bộ máy (12,1/13 điểm)").
_RATIO = rf"(?=\s*{_NUM}\s*(?:điểm\s*)?/)"
#: "đạt 9,5/10 điểm", ": 11/11điểm.", "là 54.95/61.5 điểm", "thẩm định 8,5 điểm", "đạt 9,5 điểm
#: trên tổng số 10 điểm", "đạt 7 điểm (tối đa 8 điểm)", "với 6,01/9,5 điểm", "đạt 94,15%",
#: "được 11,5 điểm".
_VERBS = (
    r"đạt(?:\s+được)?|là|với|(?:tự\s+)?chấm(?:\s+được)?|được\s+đánh\s+giá|được|"
    r"tự\s+đánh\s+giá|thẩm\s+định(?:\s+còn)?|tương\s+ứng(?:\s+với)?"
)
#: A figure with its maximum in brackets after it needs no verb either ("Cải cách thể chế
#: 12 điểm (tối đa 13 điểm)", "… 15,25 điểm (điểm tối đa 18)").
_WITH_TOP = rf"(?=\s*{_NUM}\s*điểm\s*\(\s*(?:điểm\s+)?tối\s+đa)"
#: A figure opens at the line's start or at one of these (a verb's first letter, ":", "(",
#: a space): tried first, the class lets every other position fail at once, where the
#: alternatives below would each be tried (a third of the prose reader's time).
FIGURE_GUARD = r"(?:^|(?=[đlvtc:(\s]))"
#: A ratio written without a unit ends its clause ("Cải cách thể chế: 5.5/6", "đạt 17,2/18;
#: lĩnh vực …"); it is a figure only after a verb or a colon (``bare_ratio``).
_BARE_END = r"(?(max)(?=\s*(?:[;,)]|\.?\s*$|\.\s))|(?!))"
#: A figure alone in brackets after a name ("cải cách thể chế (9 điểm)"): only in a sentence
#: saying its components got full marks (``full_marks``), where it is score and maximum.
_BRACKETED = rf"(?P<full>\()(?=\s*{_NUM}\s*điểm\s*\))"
_FIGURE = re.compile(
    FIGURE_GUARD + rf"(?P<verb>\b(?:{_VERBS})\s*:?|:|^|\s[–-]|"
    rf"\({_RATIO}|{_BRACKETED}|(?<=[^\W\d_])\s(?:{_RATIO}|{_WITH_TOP}|(?P<named>)))"
    rf"\s*(?P<value>{_NUM})(?:\s*(?:(?:điểm|đ)\s*)?(?:/|\s+trên(?:\s+tổng(?:\s+số)?)?\s+)\s*"
    rf"(?P<max>{_NUM}))?(?:\.?\s*(?P<unit>điểm|đ(?!\w)|%)|{_BARE_END})"
    rf"(?:\s*\(\s*(?:điểm\s+)?tối\s+đa\s*:?\s*(?P<top>{_NUM})[^()]*\))?",
    re.I,
)
#: What every figure ends with (a unit, or a ratio): a line without it holds none (tried
#: before ``_FIGURE``).
_UNIT = re.compile(r"điểm|%|\d\s?đ(?!\w)|\d\s*/\s*\d", re.I)
#: A maximum in brackets inside a label, before its figure ("X (tối đa 13 điểm) đạt 12 điểm").
_TOP_IN_LABEL = re.compile(
    rf"\s*\(\s*(?:điểm\s+)?tối\s+đa\s*:?\s*({_NUM})\s*(?:điểm)?\s*(?:\)|$)", re.I
)
_OTHER_YEAR = re.compile(r"\([^()]*\b(?:19|20)\d{2}\b[^()]*\)")
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|;")
_STOP = re.compile(r"[.!?](?:\s|$)")
#: Cut after a colon or a closing parenthesis; after a comma only before a capital or after a
#: figure ("Năm 2023, Cải cách …"): "Xây dựng, phát triển chính quyền số" is one name.
_SOFT = re.compile(r"[:),]")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,120})[”\"]")
_EDGE = " \t,.;:-–—•+*)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One figure of a line and the words before it (since the figure before it)."""

    words: str
    value: Number
    verb: str = ""  # "đạt", "thẩm định", ":" …
    after: str = ""  # the words after it, up to the next figure
    maximum: Number | None = None
    percent: bool = False
    first: bool = True  # the first figure of its line
    where: Where = field(default_factory=Where)


@dataclass(frozen=True, slots=True, kw_only=True)
class Vocabulary:
    lead: re.Pattern[str]
    tail: tuple[str, ...]
    head: tuple[str, ...]
    total: re.Pattern[str]
    self_: re.Pattern[str]
    appraised: re.Pattern[str]
    after: re.Pattern[str]
    bodies: re.Pattern[str]
    full: re.Pattern[str]
    closers: re.Pattern[str]


def _words_re(words: Sequence[str]) -> re.Pattern[str]:
    """Given words, return a pattern finding any of them as whole words (folded text)."""
    body = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@cache
def vocabulary() -> Vocabulary:
    """Given nothing, return the prose vocabulary of areas.toml (built once)."""
    data = data_table("areas")["prose"]
    return Vocabulary(
        lead=_words_re(data["lead_words"]),
        tail=tuple(sorted((fold(w) for w in data["tail_words"]), key=len, reverse=True)),
        head=tuple(sorted((fold(w) for w in data["head_words"]), key=len, reverse=True)),
        total=_words_re(data["total_words"]),
        self_=_words_re(data["self_words"]),
        appraised=_words_re(data["appraised_words"]),
        after=re.compile(rf"\s*(?:{_words_re(data['after_words']).pattern})\s+"),
        bodies=_words_re(data["body_words"]),
        full=_words_re(data["full_marks_words"]),
        closers=_words_re(data["closing_words"]),
    )


def prose_score_table(lines: Sequence[Line]) -> ScoreTable | None:
    """Given the document's lines, return the components its prose states, or None when it
    states fewer than ``MIN_COMPONENTS``. Whether the lead calls the figures self-assessed
    is read only when a figure names a component (only those make scores)."""
    figures = list(labelled(lines))
    named = any(label is not None for label, _ in figures)
    scores, total = collect(iter(figures), named and self_report(lines))
    if len({s.area for s in scores}) < MIN_COMPONENTS:
        return None
    return ScoreTable(
        scores=tuple(scores),
        total=total.value if total else None,
        max_total=total.maximum if total else None,
        block=scores[0].where.block or 0,
    )


def line_figures(line: Line) -> Iterator[Figure]:
    """Given a line, yield its figures with the words before each, other years' left out."""
    if not _UNIT.search(line.text):
        return
    text = _OTHER_YEAR.sub(" ", line.text)
    found: list[re.Match[str]] = []
    for m in _FIGURE.finditer(text):
        if accepted(m, text[: m.start()], found[-1].end() if found else 0):
            found.append(m)
    ends = [m.start() for m in found[1:]] + [len(text)] * bool(found)
    start = 0
    for m, end in zip(found, ends, strict=True):
        value = parse_number(m.group("value"), upper=SCALE_BOUND)
        written = m.group("max") or m.group("top")
        top = parse_number(written, upper=SCALE_BOUND) if written else None
        top = value if m.group("full") is not None else top
        if value is not None and not is_target(text[: m.start()]):
            yield Figure(
                words=text[start : m.start()], verb=m.group("verb"), value=value, maximum=top,
                percent=m.group("unit") == "%", first=start == 0, after=text[m.end() : end],
                where=Where(block=line.block, page=line.page),
            )  # fmt: skip
        start = m.end()


def accepted(m: re.Match[str], before: str, start: int) -> bool:
    """Given a figure found, the line before it and where the words since the figure before
    start, return whether it is a figure: one after a bare space only right after words that
    are all a component's name, in a list its sentence opens with a colon ("Điểm các lĩnh
    vực: Thể chế 9,5 điểm; Tài chính công 100%"; not a remark "…; cải cách thể chế 7
    điểm"), one without a unit only as ``bare_ratio`` says."""
    if m.group("named") is not None and not listed_name(before, start):
        return False
    if m.group("full") is not None:
        return full_marks(before)
    return bool(m.group("unit")) or bare_ratio(m, before, start)


def listed_name(before: str, start: int) -> bool:
    """Given the line before a figure and where the words since the figure before start,
    return whether those words are a component's name alone, in a list opened by a colon
    earlier in the sentence."""
    ends = [e.end() for e in _STOP.finditer(before)]
    return ":" in before[ends[-1] if ends else 0 :] and only_a_name(before[start:])


def full_marks(before: str) -> bool:
    """Given the line before a figure, return whether its sentence says its components got
    full marks ("Các lĩnh vực đạt điểm tối đa gồm: …", "Hai lĩnh vực được điểm tuyệt đối
    là …")."""
    ends = [e.end() for e in _STOP.finditer(before)]
    return bool(vocabulary().full.search(fold(before[ends[-1] if ends else 0 :])))


def bare_ratio(m: re.Match[str], before: str, start: int) -> bool:
    """Given a figure written without a unit (a ratio), the line before it and where the
    words since the figure before start, return whether it is a component's: the figure
    within a maximum no larger than the index's, in a sentence naming no rank so far ("Về
    thứ hạng các lĩnh vực: thể chế 12/63"), after a verb or a colon, or right after words
    that are all a component's name ("Chỉ đạo điều hành 11,5/12; Thể chế 9/10"; not "xếp thứ
    5/63", "thể chế xếp thứ 5/63")."""
    value = parse_number(m.group("value"), upper=SCALE_BOUND)
    top = parse_number(m.group("max"), upper=SCALE_BOUND)
    if value is None or top is None or value.value is None or top.value is None:
        return False
    ends = [e.end() for e in _STOP.finditer(before)]
    if not value.value <= top.value <= SCALE_BOUND or rank_words().search(
        fold(before[ends[-1] if ends else 0 :])
    ):
        return False
    verb = m.group("verb")
    if re.search(r"[^\W\d_]|:", verb):
        return True
    return verb.isspace() and listed_name(before, start)


@cache
def rank_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words naming a rank (columns.toml [ranking]
    rank: "xếp thứ", "hạng"), which make a ratio a place, not points."""
    return _words_re(column_words()["ranking"]["rank"])


def only_a_name(words: str) -> bool:
    """Given the words before a figure, return whether their last clause, after a lead word
    ("lĩnh vực"), is a component's name and nothing else."""
    clause = re.split(r"[:;.(]", last_clause(words))[-1].strip(_EDGE)
    key = fold(clause)  # the same places as the clause: its edges are stripped
    lead = vocabulary().lead.match(key)
    name = label_key(clause[lead.end() :] if lead else clause)
    return bool(name) and component_words(name) == len(name.split())


def is_target(before: str) -> bool:
    """Given a line's text before a figure, return whether its sentence makes the figure a
    target ("Phấn đấu …; lĩnh vực cải cách TTHC đạt 13/13 điểm"), not a result."""
    ends = [m.end() for m in _STOP.finditer(before)]
    return bool(target_words().search(fold(before[ends[-1] if ends else 0 :])))


def labelled(lines: Sequence[Line]) -> Iterator[tuple[str | None, Figure]]:
    """Given the lines, yield each figure with its component's label (None when it names
    none): its own words, else the heading line just above it (read only when asked)."""
    above: Line | None = None
    for line in lines:
        figures = list(line_figures(line))
        if not figures:
            above = line
            continue
        for figure in figures:
            label = label_of(figure.words) or label_after(figure.after)
            if label is None and figure.first and above and not is_total(figure.words):
                label = heading_label(above) or None
            yield label, figure
        above = None


def label_after(after: str) -> str | None:
    """Given the words after a figure, return the component they name when they open with
    a word such as "ở", "về" ("đạt 5,5/8 điểm ở lĩnh vực cải cách tài chính công"), up to
    the clause's end, or its first comma after which the name goes on no further ("ở lĩnh
    vực công tác chỉ đạo, điều hành CCHC; …" is one name; "ở lĩnh vực cải cách thể chế, cao
    nhất …" ends at the comma)."""
    after = after.lstrip()  # fold strips the edges: the key must keep the text's places
    m = vocabulary().after.match(fold(after))
    if m is None:
        return None
    clause = re.split(r"[;()]|\.(?:\s|$)", after[m.end() :], maxsplit=1)[0]
    whole = component_words(clause)
    cuts = [c.start() for c in re.finditer(",", clause)]
    clause = next((clause[:at] for at in cuts if component_words(clause[:at]) == whole), clause)
    return label_of(clause) if component_code(clause) else None


def heading_label(line: Line) -> str | None:
    """Given a line without figures, return the component it heads, if it is that short."""
    return label_of(line.text) if len(line.text.split()) <= HEADING_WORDS else None


def label_of(words: str) -> str | None:
    """Given the words before a figure, return the component's label in them, or None."""
    if quoted := quoted_label(words):
        return quoted
    words = without_bodies(last_clause(words).lstrip())  # fold strips the edges: keep places
    code = component_code(words)
    if code is None:
        return None
    whole = component_words(words)
    for cut in reversed(cut_points(words)):
        rest = words[cut:]
        if component_code(rest) == code and component_words(rest) == whole:
            return trim(name_end(rest, whole))
    return trim(name_end(words, whole))


def name_end(label: str, whole: int) -> str:
    """Given a label and how many words of a component's name it holds, return it up to where
    the name ends: before a word that closes it ("X thì thành phố chỉ đạt", "X bị trừ 1,5
    điểm, đạt"), else before its last comma when the words after it add no word of the name
    ("ở lĩnh vực cải cách TTHC, thành phố đạt")."""
    label = label.lstrip()  # fold strips the edges: the key must keep the text's places
    m = vocabulary().closers.search(fold(label))
    if m and component_words(label[: m.start()]) == whole:
        label = label[: m.start()]
    head, comma, _ = label.rstrip(_EDGE).rpartition(",")
    return head if comma and component_words(head) == whole else label


def without_bodies(words: str) -> str:
    """Given a label's words, return them with the names of bodies that hold an area's words
    blanked ("Ban Chỉ đạo cải cách hành chính": no "chỉ đạo" area), the length kept."""
    key = fold(words)  # fold keeps the length of cleaned text
    for m in reversed(list(vocabulary().bodies.finditer(key))):
        words = f"{words[: m.start()]}{' ' * (m.end() - m.start())}{words[m.end() :]}"
    return words


def quoted_label(words: str) -> str | None:
    """Given words, return the last quoted phrase naming a component ("“cải cách TTHC”")."""
    found = [m.group(1) for m in _QUOTED.finditer(words) if component_code(m.group(1))]
    return found[-1].strip() if found else None


def last_clause(words: str) -> str:
    """Given words, return those after the last sentence end and inside an open parenthesis."""
    ends = [m.end() for m in _SENTENCE_END.finditer(words)]
    words = words[ends[-1] :] if ends else words
    opened = words.rfind("(")
    return words[opened + 1 :] if opened > words.rfind(")") else words


def cut_points(words: str) -> list[int]:
    """Given a label's words, return where it may be cut: after punctuation or a lead word."""
    key = fold(words)  # fold keeps the length of cleaned text
    cuts = {m.end() for m in _SOFT.finditer(words) if m.group() != "," or opens(words, m.end())}
    cuts |= {m.end() for m in vocabulary().lead.finditer(key)}
    return sorted(cuts)


def opens(words: str, at: int) -> bool:
    """Given words and a place after a comma, return whether a new phrase opens there: a
    capital ("…, Cải cách thể chế") or after a figure ("Năm 2023, …")."""
    rest = words[at:].lstrip()
    return (rest[:1].isupper()) or words[: at - 1].rstrip()[-1:].isdigit()


def trim(label: str) -> str:
    """Given a cut label, return it without edge punctuation, the verb words at its end and
    a joint at its start ("và")."""
    label = label.strip(_EDGE)
    key = fold(label)
    for word in vocabulary().tail:
        if key.endswith(f" {word}"):
            return trim(label[: -len(word)])
    for word in vocabulary().head:
        if key.startswith(f"{word} "):
            return trim(label[len(word) :])
    return label


def is_total(words: str) -> bool:
    """Given the words before a figure, return whether they name the total."""
    return bool(vocabulary().total.search(fold(last_clause(words))))


def names_maximum(words: str) -> bool:
    """Given the words before a total's figure, return whether they name the maximum ("Tổng
    số điểm tối đa của các tiêu chí là 46 điểm"), not the score."""
    return bool(maximum_words().search(fold(last_clause(words))))


@cache
def maximum_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words naming a maximum (columns.toml
    [ranking] max: "điểm tối đa", "thang điểm")."""
    return _words_re(column_words()["ranking"]["max"])


def self_report(lines: Sequence[Line]) -> bool:
    """Given the lines, return whether the lead before the first figure says the figures are
    self-assessed ("tự đánh giá, chấm điểm") and names no appraisal."""
    lead = []
    for line in lines:
        lead.append(fold(line.text))
        if _UNIT.search(line.text) and _FIGURE.search(line.text):
            break
    text = " ".join(lead)
    words = vocabulary()
    return bool(words.self_.search(text)) and not words.appraised.search(text)


def collect(
    figures: Iterator[tuple[str | None, Figure]], self_assessed: bool
) -> tuple[list[Score], Figure | None]:
    """Given labelled figures, return the component scores (first statement of each) and
    the stated total."""
    scores: list[Score] = []
    total: Figure | None = None
    made = False  # the figure before made the last score
    for label, figure in figures:
        if label is None:
            made = made and attach(scores, figure, self_assessed)
            if total is None and is_total(figure.words) and not figure.percent:
                total = None if names_maximum(figure.words) else figure
            continue
        score = make_score(label, figure, len(scores) + 1, self_assessed)
        if score is not None and scores and made and scores[-1].area == score.area:
            made = attach(scores, replace(figure, words=""), self_assessed)  # restated
            continue
        made = score is not None and all(s.area != score.area for s in scores)
        scores += [score] if made and score else []
    return scores, total


def attach(scores: list[Score], figure: Figure, self_assessed: bool = False) -> bool:
    """Given the scores so far, an unlabelled figure right after the last one and whether the
    figures are self-assessed, make it the last score's percent, or its self-assessed or
    appraised score when its words say which ("…: tự chấm 9/10 điểm, thẩm định 8,5 điểm"),
    with its maximum when the last has none ("thẩm định 8,5 điểm (tối đa 10 điểm)"); a figure
    out of a maximum after a bare percent is that score's ("đạt 95,36% (13,35/14 điểm)").
    Return False (it made no score)."""
    if len(figure.words.split()) > PERCENT_GAP_WORDS or figure.first or not scores:
        return False
    last, value = scores[-1], figure.value
    field = "percent" if figure.percent else stated_role(figure.words + figure.verb)
    top = last.max if last.max is not None else figure.maximum
    if field is None and top is not last.max and last.self is None and last.appraised is None:
        field = "self" if self_assessed else "appraised"
    if field == "percent" and last.percent is None:
        scores[-1] = replace(last, percent=value)
    elif field == "self" and last.self is None:
        scores[-1] = replace(last, self=value, max=top)
    elif field == "appraised" and last.appraised is None:
        scores[-1] = replace(last, appraised=value, max=top)
    return False


def stated_role(words: str) -> str | None:
    """Given the words before a figure, return "self" or "appraised" when they say which."""
    key, vocab = fold(last_clause(words)), vocabulary()
    if vocab.appraised.search(key):
        return "appraised"
    return "self" if vocab.self_.search(key) else None


def is_part_maximum(maximum: Number | None) -> bool:
    """Given a figure's maximum, return whether it is a part's: stated and under the index's."""
    return maximum is not None and maximum.value is not None and maximum.value < SCALE_BOUND


def make_score(label: str, figure: Figure, order: int, self_assessed: bool) -> Score | None:
    """Given a label and its figure, return the component's Score (a part of the index needs
    its maximum: "Chỉ số SIPAS đạt 8,5/10 điểm", not another index's "SIPAS đạt 9,12 điểm")."""
    if top := _TOP_IN_LABEL.search(label):  # "lĩnh vực X (tối đa 13 điểm) đạt 12,25 điểm"
        label = trim(label[: top.start()] + label[top.end() :])
        written = parse_number(top.group(1), upper=SCALE_BOUND)
        figure = replace(figure, maximum=figure.maximum or written)
    code = component_code(label) or "other"
    if code in part_codes() and not is_part_maximum(figure.maximum):
        return None
    if figure.percent:
        return Score(order=order, area=code, label=label, percent=figure.value, where=figure.where)
    role = stated_role(figure.words + figure.verb) or ("self" if self_assessed else "appraised")
    value = figure.value
    return Score(
        order=order, area=code, label=label, max=figure.maximum,
        self=value if role == "self" else None,
        appraised=value if role == "appraised" else None, where=figure.where,
    )  # fmt: skip
