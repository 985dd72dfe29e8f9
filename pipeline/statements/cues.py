"""Cue words of score statements, read once from pipeline/data/statements.toml and compiled.

Every pattern here runs on a *key*: the sentence folded by ``normalizers.text.fold``
(lowercase, classic tone placement), which keeps the sentence's length so that spans found
on the key are spans of the text. Phrases of the data file are folded the same way; a space
in a phrase matches spaces, commas, "&", "-" and "/". Grades and grade cues come from
``normalizers.labels.grade_words`` so that one vocabulary serves the whole project.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from parscore.normalizers.labels import OTHER_INDEX, grade_words, index_code
from parscore.normalizers.openings import opening_class
from parscore.normalizers.text import fold
from parscore.pipeline.roles import column_words

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "statements.toml"
WORD_GAP = r"[\s,&\-/]+"
#: A rank or a count written in digits ("07", "11", "63").
RANK_DIGITS = r"\d{1,4}"


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """Given nothing, return the parsed statements.toml (read once), its ``columns`` the
    [ranking] words of columns.toml (the one column vocabulary, ``pipeline.roles``)."""
    with DATA_FILE.open("rb") as f:
        words = tomllib.load(f)
    return {**words, "columns": column_words()["ranking"]}


def sentence_key(text: str) -> str:
    """Given a sentence, return its folded key, of the same length (else lowercase)."""
    key = fold(text)
    return (
        key
        if len(key) == len(text)
        else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    )


@lru_cache(maxsize=1)
def ordinal_word() -> str:
    """Given nothing, return the folded ordinal word ("thứ") that every rank written without
    a cue ("thứ 2 là …", "Sở A thứ nhì", "năm 2020 thứ 35") opens with."""
    return fold(data()["ranks"]["ordinal_word"])


@lru_cache(maxsize=256)
def index_of(mention: str) -> str:
    """Given an index mention, return its code; a mention naming the reform ("Chỉ số CCHC",
    "cải cách hành chính") is the PAR index; any other index ("Chỉ số chuyển đổi số") is other."""
    code = index_code(mention)
    if code != OTHER_INDEX or not _reform_words().search(fold(mention)):
        return code
    return str(data()["index"]["plain_code"])


@lru_cache(maxsize=1)
def _reform_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the reform's own words anywhere in a mention."""
    return words_rx(data()["index"]["plain"])


@lru_cache(maxsize=1)
def _plain_mention() -> re.Pattern[str]:
    """Given nothing, return the pattern of the reform named plainly ("cải cách hành chính")."""
    return re.compile(rf"{alternation(data()['index']['plain'])}$")


def is_plain(mention: str) -> bool:
    """Given an index mention, return whether it names the reform, not an index: after an
    area ("chỉ đạo, điều hành cải cách hành chính") it goes on naming the area."""
    return _plain_mention().match(fold(mention)) is not None


def phrase_pattern(phrase: str) -> str:
    """Given a phrase, return a regex matching its folded words with flexible separators."""
    return WORD_GAP.join(re.escape(w) for w in fold(phrase).split())


def alternation(phrases: Iterable[str], *, bounded: bool = False) -> str:
    r"""Given phrases, return a regex matching any of them, longest first, as a character trie;
    `bounded`: only where no word character stands before (what ``(?<!\w)`` before it says).

    A trie ("chỉ số (?:cchc|par|…)") lets the regex engine drop a branch at its first wrong
    character instead of trying every phrase at every position.
    """
    keys = {" ".join(fold(p).split()) for p in phrases}
    trie: dict[str, Any] = {}
    for key in filter(None, keys):
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    if bounded:
        return first_bounded(
            [(re.escape(ch), _trie_pattern(node)) for ch, node in sorted(trie.items())]
        )
    return f"(?:{_trie_pattern(trie)})"


def first_bounded(branches: Sequence[tuple[str, str]], behind: str = r"\w") -> str:
    r"""Given alternatives as (first character, rest) patterns, return a regex of them matching
    only where no character of `behind` stands before: what ``(?<!\w)(?:a…|b…)`` says.

    The boundary is checked after the first character ("a(?<!\w.)…"), so the regex opens
    with a choice of literal characters and the engine skips in C to the next place one of
    them stands, instead of testing the boundary at every character (several times faster).
    """
    return "(?:" + "|".join(f"{first}(?<!{behind}.){rest}" for first, rest in branches) + ")"


def bounded_word(word: str) -> str:
    r"""Given a word, return its regex where no word character stands before it: what
    ``(?<!\w)word`` says, its first character first (``first_bounded``), so that a search
    skips in C to the places that character stands instead of testing every position."""
    return first_bounded([(re.escape(word[:1]), re.escape(word[1:]))])


def _trie_pattern(node: dict[str, Any]) -> str:
    """Given a trie node, return the regex of the phrases below it (greedy: longest first)."""
    branches = [
        (WORD_GAP if ch == " " else re.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


#: The characters the matches of a words_rx pattern open with (its phrases' first characters),
#: by pattern: one_pass reads them here instead of parsing the pattern again.
_OPENINGS: dict[str, str] = {}


def words_rx(phrases: Iterable[str]) -> re.Pattern[str]:
    """Given phrases, return a regex finding any of them as whole words."""
    phrases = list(phrases)
    return opened(re.compile(rf"{alternation(phrases, bounded=True)}(?!\w)"), phrases)


def opened(rx: re.Pattern[str], phrases: Iterable[str]) -> re.Pattern[str]:
    """Given a regex whose matches open with an alternation of phrases (after a lookbehind at
    most) and the phrases, note the characters it opens with for one_pass; return the regex."""
    keys = filter(None, (" ".join(fold(p).split()) for p in phrases))  # as alternation reads them
    _OPENINGS[rx.pattern] = "".join(sorted({re.escape(key[0]) for key in keys}))
    return rx


def ends_with(phrases: Iterable[str], tail: str = "") -> re.Pattern[str]:
    """Given phrases, return a regex finding one of them at the end of a text (a gap)."""
    return re.compile(rf"{alternation(phrases, bounded=True)}{tail}\s*$")


def series_after(values: Mapping[str, Any]) -> re.Pattern[str]:
    """Given the [values] table, return a regex of the figures after one that share the unit
    written after the last of them ("88,12; 87,45 và 86,9 điểm": all three are points)."""
    join = rf"\s*(?:{alternation(values['series_joins'])})\s*"
    unit = alternation([*values["hybrid"], *values["points"], "%"])
    return re.compile(rf"^(?:{join}\d+(?:[.,]\d+)?)+\s*{unit}(?!\w)")


def starts_with(phrases: Iterable[str]) -> re.Pattern[str]:
    """Given phrases, return a regex finding one of them at the start of a text."""
    return re.compile(rf"^\s*{alternation(phrases)}(?!\w)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    """The compiled cues of prose (``_before``: at a gap's end; ``_after``: at a start)."""

    index: re.Pattern[str]
    area: re.Pattern[str]
    parts: re.Pattern[str]  # "trong đó": the parts of a total follow
    bare_measures: re.Pattern[str]  # "tỷ lệ" right before its figure: the index's own percent
    totals: re.Pattern[str]  # the index's total named again after an area ("tổng điểm")
    groups: re.Pattern[str]  # "các sở", "khối huyện"
    group_nouns: re.Pattern[str]  # the noun of a count, after the number ("20 sở, ban, ngành")
    count_words: re.Pattern[str]  # a count in words opening a text ("hai", "có ba")
    average: re.Pattern[str]
    average_owned: re.Pattern[str]  # the whole gap between a unit and its own average
    average_unit: str
    previous: re.Pattern[str]
    compare_before: re.Pattern[str]
    compared_with: re.Pattern[str]  # at a gap's end: the unit after is compared with
    ranked_above: re.Pattern[str]  # at a gap's end: the unit after is ranked above the one before
    higher: re.Pattern[str]  # in the gap before a comparison: the figure after is a rise
    lower: re.Pattern[str]  # … a fall
    rank: re.Pattern[str]
    rank_bare: re.Pattern[str]  # "thứ 2 là …"
    ordinals: Mapping[str, int]
    first: re.Pattern[str]
    last: re.Pattern[str]
    penultimate: re.Pattern[str]  # "áp chót": the place before the last
    mentions: re.Pattern[str]  # index, totals, area, groups, average, previous, first, last
    trigger: re.Pattern[str]  # a rank, a first or last place, or a grade: a sentence may state
    forward: re.Pattern[str]  # the whole gap between a rank and the unit after it
    next: re.Pattern[str]  # "tiếp theo là": the rank after the last one stated
    rest: re.Pattern[str]  # "còn lại": the units after those ranked
    tied: re.Pattern[str]  # at a rank's start: "đồng hạng", one place for all its units
    regional: re.Pattern[str]  # after a place: a region's scope ("dẫn đầu vùng")
    region_clause: re.Pattern[str]  # before a place in its clause: "xét trong khu vực"
    belongs_before: re.Pattern[str]  # before a unit: what a group belongs to ("thuộc UBND tỉnh")
    agent_before: re.Pattern[str]  # before a unit: a passive verb's agent ("được UBND tỉnh")
    agent_verb: re.Pattern[str]  # after that unit: the verb it is the agent of ("đánh giá")
    member_place: re.Pattern[str]  # before a place: one of its group ("nằm trong nhóm dẫn đầu")
    place_tail: re.Pattern[str]  # a group's last noun that may head a place after it
    count_of: re.Pattern[str]  # at a gap's end: "trong tổng số", the count of a rank's group
    member_before: re.Pattern[str]  # at a gap's end: "top", "nhóm", a group a unit is one of
    respectively: re.Pattern[str]  # "lần lượt": a list in the order of its ranks
    rank_after_unit: re.Pattern[str]  # "thứ nhì" with no verb: a rank right after its unit
    rank_series: re.Pattern[str]  # more ranks right after one ("xếp thứ 16 và 17", "thứ 2, thứ 3")
    rank_range: re.Pattern[str]  # places from one to another ("từ thứ 59 đến 63")
    figure_before: re.Pattern[str]  # a figure, its unit and a comma at the end of a text
    place_guard: re.Pattern[str]  # words before a first or last place that make it none
    record: re.Pattern[str]  # words after a first or last place that make it a record
    grade: re.Pattern[str]
    grade_guard: re.Pattern[str]  # words before a grade cue that make it a comparison
    grade_series: re.Pattern[str]  # one more grade after a cued one: "xếp loại Tốt và Khá"
    change_before: re.Pattern[str]
    down_before: re.Pattern[str]
    places_after: re.Pattern[str]  # "bậc": a change of rank
    unit_after: re.Pattern[str]  # "điểm", "%", "% điểm"
    thresholds_after: re.Pattern[str]
    among_after: re.Pattern[str]  # "1 trong 3 bộ": a member of a count
    equal_after: re.Pattern[str]  # after joined units: "có số điểm bằng nhau", one figure for all
    series_after: re.Pattern[str]  # "88,12; 87,45 và 86,9 điểm": figures sharing the last's unit
    from_before: re.Pattern[str]
    to_after: re.Pattern[str]
    self_cue: re.Pattern[str]
    appraised_cue: re.Pattern[str]
    max_before: re.Pattern[str]
    fillers: re.Pattern[str]  # every word allowed between a figure and the token before it
    strong: re.Pattern[str]  # words that make a figure without unit a value
    fronted: re.Pattern[str]  # the words opening a sentence before a figure of the unit after it
    follow: re.Pattern[str]  # a word that may follow a value
    rank_follow: re.Pattern[str]  # the same after a rank


def _mention_cues(d: Mapping[str, Any]) -> dict[str, Any]:
    """Given the data, return the cues of what a sentence mentions (indices, groups, years)."""
    groups = d["groups"]
    plural = rf"(?<!\w){alternation(groups['plural_heads'])}\s+{alternation(groups['nouns'])}(?!\w)"
    return {
        "index": words_rx([*d["index"]["mentions"], *d["index"]["plain"]]),
        "area": words_rx(d["area"]["mentions"]),
        "parts": words_rx(d["area"]["parts"]),
        "bare_measures": re.compile(rf"{alternation(d['area']['bare_measures'])}$"),
        "groups": opened(re.compile(plural), groups["plural_heads"]),
        "place_tail": re.compile(rf"(?:,\s*|\s+){alternation(groups['place_heads'])}$"),
        "group_nouns": starts_with(groups["nouns"]),
        "count_words": starts_with(
            [*groups["count_words"], *(f"có {w}" for w in groups["count_words"])]
        ),
        "average": words_rx(d["average"]["mentions"]),
        "average_unit": d["average"]["unit"],
        "average_owned": re.compile(rf"^\s*{alternation(d['average']['owned_before'])}\s*$"),
        "totals": words_rx(d["area"]["totals"]),
        "previous": words_rx(d["previous"]["words"]),
        "compare_before": ends_with(
            d["previous"]["compare"], rf"(?:\s+{phrase_pattern(d['previous']['year_word'])})?"
        ),
        "higher": words_rx(d["previous"]["higher"]),
        "compared_with": ends_with(d["units"]["compared_with"]),
        "belongs_before": ends_with(d["units"]["belongs_before"]),
        "agent_before": ends_with(d["units"]["agent_before"]),
        "agent_verb": re.compile(rf"\s*{alternation(d['units']['agent_verbs'])}(?!\w)"),
        "ranked_above": ends_with(d["units"]["ranked_above"]),
        "lower": words_rx(d["previous"]["lower"]),
    }


def _rank_cues(ranks: Mapping[str, Any], nouns: Iterable[str]) -> dict[str, Any]:
    """Given the [ranks] table and the group nouns, return the rank cues.

    A rank is a cue, then a number or an ordinal word ("năm" never before a year), then maybe
    its count and the count's noun ("xếp thứ 11 trong số 17 bộ, ngành").
    """
    ordinals = {fold(k): v for k, v in ranks["ordinals"].items()}
    words = "|".join(re.escape(w) for w in sorted(ordinals, key=len, reverse=True))
    counted = alternation(ranks["ordinal_counts"])  # "tăng hạng ba năm liền": three years
    number = rf"(?P<n>{RANK_DIGITS}(?![\d.,]\d)|(?:{words})(?!\w)(?!\s+\d)(?!\s+{counted}(?!\w)))"
    noun = rf"(?:\s+{alternation(nouns)}(?!\w))?"
    count = rf"(?P<of>{RANK_DIGITS})(?![\d.,]*\d)(?!\w)"
    of = rf"(?:\s*{alternation(ranks['of'])}\s*{count}{noun})?"
    word = re.escape(fold(ranks["ordinal_word"]))
    alone = bounded_word(fold(ranks["ordinal_word"]))  # (?<!\w)word, first character first
    forward = alternation(ranks["forward"])
    cue = alternation(ranks["cues"], bounded=True)
    return {
        "rank": opened(
            re.compile(rf"{cue}\s*(?:{word}\s+)?{number}(?!\w){of}"),
            ranks["cues"],
        ),
        "rank_bare": re.compile(rf"{alone}\s+{number}(?=\s*(?:{forward}|:))"),
        "rank_after_unit": re.compile(rf"{alone}\s+{number}(?!\w){of}"),
        # a range of places ("lần lượt xếp từ thứ 59 đến 63", "từ vị trí 4 tới vị trí 6")
        "rank_range": re.compile(
            rf"{bounded_word('từ')}\s+(?:(?:{alternation(ranks['cues'])})\s*)?(?:{word}\s+)?"
            rf"(?P<n>{RANK_DIGITS})\s*(?:đến|tới)\s+(?:(?:{alternation(ranks['cues'])})\s*)?"
            rf"(?:{word}\s+)?(?P<m>{RANK_DIGITS})(?![\d.,]*\d)(?!\w)(?!\s*(?:%|điểm|diem))"
        ),
        "rank_series": re.compile(
            rf"\s*(?:,|và)\s*(?:(?:{word}\s+)?(?P<n>{RANK_DIGITS})(?![\d.,]*\d)(?!\w)"
            rf"(?!\s*(?:%|điểm|diem))|{word}\s+(?P<w>{words})(?!\w))"
        ),
        "ordinals": ordinals,
        "first": words_rx(ranks["first"]),
        "last": words_rx(ranks["last"]),
        "penultimate": words_rx(ranks["penultimate"]),
        "forward": re.compile(
            rf"^[\s,]*(?:{alternation(ranks['place_scopes'])}[\s,]*)?"
            rf"(?:(?:{forward})[\s,]*:?|:)[\s,]*$"
        ),
        "next": words_rx([*ranks["next"], *ranks["rest"]]),
        "tied": starts_with(ranks["tied"]),
        "regional": starts_with(ranks["regional"]),
        "region_clause": words_rx(ranks["region_clause"]),
        "member_place": ends_with(ranks["member_place"]),
        "count_of": ends_with(ranks["count_of"]),
        "member_before": ends_with(ranks["member_of"]),
        "rest": words_rx(ranks["rest"]),
        "respectively": words_rx(ranks["respectively"]),
        "place_guard": ends_with(ranks["superlative_not_after"]),
        "record": starts_with(ranks["records"]),
    }


def _grade_cues(comparisons: Iterable[str]) -> dict[str, Any]:
    """Given the words of comparison, return the regex of a cued grade or group, and its guard."""
    words = grade_words()
    forms = alternation(" ".join(f) for f, _ in words.forms)
    group = rf"{re.escape(words.group_word)}\s+{alternation(words.groups)}"
    group_alone = rf"{bounded_word(words.group_word)}\s+{alternation(words.groups)}"
    cues_alone = alternation((" ".join(c) for c in words.cues), bounded=True)
    cued = rf"{cues_alone}(?:\s+{alternation(words.fillers)})*"
    # the grade after its cue, a colon between them or not ("xếp loại Tốt", "xếp loại: Tốt");
    # a grade written alone in brackets after a figure: "89,15 điểm (Tốt)" (no 2-letter forms)
    bare = alternation(" ".join(f) for f, _ in words.forms if len(" ".join(f)) > 2)
    bracketed = rf"(?<=\()\s*(?:{bare})(?=\s*\))"
    return {
        "grade": re.compile(
            rf"(?:{cued}(?:\s*:\s*|\s+)(?:{forms}|{group})|{group_alone})(?!\w)|{bracketed}"
        ),
        "grade_guard": ends_with(comparisons),
        "grade_series": re.compile(rf"\s*(?:,|và)\s*(?:{cued}\s+)?(?P<form>{bare})(?!\w)"),
    }


def _change_cues(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Given the [changes] table, return the cues of a change in points or places."""
    fillers = rf"(?:\s+{alternation(changes['fillers'])})*"
    return {
        "change_before": ends_with([*changes["up"], *changes["down"]], fillers),
        "down_before": ends_with(changes["down"], fillers),
        "places_after": starts_with(changes["places"]),
    }


def _value_cues(values: Mapping[str, Any]) -> dict[str, Any]:
    """Given the [values] table, return the cues of a figure's role and of what may surround it."""
    gap_words = [*values["fillers"], *values["self"], *values["appraised"], *values["strong"]]
    return {
        "unit_after": starts_with([*values["hybrid"], *values["points"], "%"]),
        # a figure and its unit right before a comma ("75,48 điểm, thứ 62")
        "figure_before": re.compile(
            rf"\d\s*(?:{alternation([*values['hybrid'], *values['points'], '%'])})?\s*,\s*$"
        ),
        "thresholds_after": starts_with(values["thresholds"]),
        "among_after": re.compile(rf"^\s*{alternation(values['among'])}\s+\d"),
        "equal_after": starts_with(values["equal"]),
        "series_after": series_after(values),
        "from_before": ends_with(values["from"]),
        "to_after": starts_with(values["from_to"]),
        "self_cue": words_rx(values["self"]),
        "appraised_cue": words_rx(values["appraised"]),
        "max_before": ends_with(values["max"]),
        "fillers": words_rx(gap_words),
        "strong": words_rx(values["strong"]),
        "fronted": re.compile(alternation(values["fronted"])),
        "follow": starts_with(values["follow"]),
        "rank_follow": starts_with([*values["follow"], *values["rank_follow"]]),
    }


def one_pass(patterns: Mapping[str, re.Pattern[str]]) -> re.Pattern[str]:
    """Given named patterns that each open with a word boundary, return one regex of them all.

    One pass with the boundary checked once is much faster than a pass per pattern; the
    name of the alternative that matched is ``match.lastgroup`` (earlier names win a tie).
    The characters the alternatives open with are tried first (a lookahead), so a search
    fails at once where none of them stands instead of trying every alternative there.
    """
    boundary = "(?<!\\w)"
    inner = "|".join(
        f"(?P<{name}>{rx.pattern.removeprefix(boundary)})" for name, rx in patterns.items()
    )
    opens = [
        None if rx.flags & re.IGNORECASE else _OPENINGS.get(rx.pattern) or opening_class(rx.pattern)
        for rx in patterns.values()
    ]
    guard = f"(?=[{''.join(filter(None, opens))}])" if all(opens) else ""
    return re.compile(f"{guard}{boundary}(?:{inner})")


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Given nothing, return the compiled cues (built once)."""
    d = data()
    parts = {
        **_mention_cues(d),
        **_rank_cues(d["ranks"], d["groups"]["nouns"]),
        **_grade_cues(d["values"]["comparisons"]),
        **_change_cues(d["changes"]),
        **_value_cues(d["values"]),
    }
    names = (
        "index", "area", "totals", "parts", "groups", "average", "previous", "first",
        "penultimate", "last", "next",
    )  # fmt: skip
    triggers = ("first", "last", "penultimate", "rank", "grade", "next")
    return Cues(
        **parts,
        mentions=one_pass({name: parts[name] for name in names}),
        trigger=one_pass({name: parts[name] for name in triggers}),
    )


__all__ = [
    "Cues", "alternation", "cues", "data", "ends_with", "index_of", "is_plain", "ordinal_word",
    "sentence_key", "starts_with",
    "words_rx",
]  # fmt: skip
