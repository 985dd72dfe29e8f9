"""Cue words of score statements, read once from pipeline/data/statements.toml and compiled.

Every pattern here runs on a *key*: the sentence folded by ``normalizers.text.fold``
(lowercase, classic tone placement), which keeps the sentence's length so that spans found
on the key are spans of the text. Phrases of the data file are folded the same way; a space
in a phrase matches spaces, commas, "&" and "-". Grades, grade cues and indices come from
the label tables of ``normalizers.labels`` so that one vocabulary serves the whole project.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from normalizers.labels import grade_words
from normalizers.text import fold

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "statements.toml"
WORD_GAP = r"[\s,&\-/]+"
#: A rank or a count written in digits ("07", "11", "63").
RANK_DIGITS = r"\d{1,4}"


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """Given nothing, return the parsed statements.toml (read once)."""
    with DATA_FILE.open("rb") as f:
        return tomllib.load(f)


def phrase_pattern(phrase: str) -> str:
    """Given a phrase, return a regex matching its folded words with flexible separators."""
    words = fold(phrase).split()
    return WORD_GAP.join(re.escape(w) for w in words)


def alternation(phrases: Iterable[str]) -> str:
    """Given phrases, return a non-capturing alternation, longest first."""
    patterns = sorted({phrase_pattern(p) for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(patterns) + ")"


def words_rx(phrases: Iterable[str]) -> re.Pattern[str]:
    """Given phrases, return a regex finding any of them as whole words."""
    return re.compile(rf"(?<!\w){alternation(phrases)}(?!\w)")


def folded_set(phrases: Iterable[str]) -> frozenset[str]:
    """Given phrases, return their folded forms with single spaces."""
    return frozenset(" ".join(fold(p).split()) for p in phrases)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    """The compiled cues of prose statements."""

    index: re.Pattern[str]
    area: re.Pattern[str]
    groups: re.Pattern[str]
    group_nouns: re.Pattern[str]  # anchored: a count's noun right after the number
    average: re.Pattern[str]
    rank: re.Pattern[str]
    rank_bare: re.Pattern[str]
    ordinals: Mapping[str, int]
    first: re.Pattern[str]
    forward: re.Pattern[str]  # the whole gap between a rank and the unit after it
    last: re.Pattern[str]
    grade: re.Pattern[str]
    grade_guard: re.Pattern[str]  # words before a grade cue that make it a comparison
    change_before: re.Pattern[str]  # anchored at the end of a gap
    down_before: re.Pattern[str]  # the same, for falls only
    places_after: re.Pattern[str]  # anchored at the start of a right context
    unit_after: re.Pattern[str]  # "điểm", "%", "% điểm" right after a figure
    thresholds_after: re.Pattern[str]
    from_before: re.Pattern[str]
    to_after: re.Pattern[str]
    self_cue: re.Pattern[str]
    appraised_cue: re.Pattern[str]
    max_before: re.Pattern[str]
    previous: re.Pattern[str]
    compare_before: re.Pattern[str]
    fillers: re.Pattern[str]
    strong: re.Pattern[str]
    follow: re.Pattern[str]  # anchored: a word that may follow a value
    rank_follow: re.Pattern[str]
    average_unit: str


def _anchored_end(phrases: Iterable[str], tail: str = "") -> re.Pattern[str]:
    """Given phrases, return a regex finding one of them at the end of a gap."""
    return re.compile(rf"(?<!\w){alternation(phrases)}{tail}\s*$")


def _anchored_start(phrases: Iterable[str]) -> re.Pattern[str]:
    """Given phrases, return a regex finding one of them at the start of a right context."""
    return re.compile(rf"^\s*{alternation(phrases)}(?!\w)")


def _ordinal_pattern(ordinals: Mapping[str, int]) -> str:
    """Given ordinal words, return a pattern for one of them ("năm" never before a year)."""
    words = "|".join(re.escape(fold(w)) for w in sorted(ordinals, key=len, reverse=True))
    return rf"(?:{words})(?!\w)(?!\s+\d)"


def _rank_patterns(ranks: Mapping[str, Any], nouns: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Given the [ranks] table and the group nouns, return the rank regex and the bare "thứ N là" regex.

    The count may be followed by its noun, which the match takes in ("11 trong số 17 bộ, ngành").
    """
    ordinal = _ordinal_pattern(ranks["ordinals"])
    number = rf"(?P<n>{RANK_DIGITS}(?![\d.,]\d)|{ordinal})"
    noun = rf"(?:\s+{alternation(nouns)}(?!\w))?"
    of = rf"(?:\s*{alternation(ranks['of'])}\s*(?P<of>{RANK_DIGITS})(?![\d.,]*\d)(?!\w){noun})?"
    cue = alternation(ranks["cues"])
    rank = re.compile(rf"(?<!\w){cue}\s*(?:thứ\s+)?{number}(?!\w){of}")
    bare = re.compile(rf"(?<!\w)thứ\s+{number}(?=\s*(?:là|:))")
    return rank, bare


def _grade_pattern() -> str:
    """Given nothing, return the regex of a cued grade or a group word, from grades.toml."""
    words = grade_words()
    forms = "|".join(sorted({re.escape(" ".join(f)) for f, _ in words.forms}, key=len, reverse=True))
    groups = "|".join(sorted((re.escape(g) for g in words.groups), key=len, reverse=True))
    cues = "|".join(sorted({r"\s+".join(map(re.escape, c)) for c in words.cues}, key=len, reverse=True))
    fillers = "|".join(sorted(map(re.escape, words.fillers), key=len, reverse=True))
    group = rf"{re.escape(words.group_word)}\s+(?:{groups})"
    cued = rf"(?:{cues})(?:\s+(?:{fillers}))*\s+(?:{forms}|{group})"
    return rf"(?<!\w)(?:{cued}|{group})(?!\w)"


def _value_cues(values: Mapping[str, Any]) -> dict[str, Any]:
    """Given the [values] table, return the compiled value cues of Cues."""
    units = [*values["hybrid"], *values["points"], "%"]
    return {
        "unit_after": re.compile(rf"^\s*{alternation(units)}(?!\w)"),
        "thresholds_after": _anchored_start(values["thresholds"]),
        "from_before": _anchored_end(["từ"]),
        "to_after": _anchored_start(values["from_to"]),
        "self_cue": words_rx(values["self"]),
        "appraised_cue": words_rx(values["appraised"]),
        "max_before": _anchored_end(values["max"]),
        "fillers": words_rx([*values["fillers"], *values["self"], *values["appraised"], *values["strong"]]),
        "strong": words_rx(values["strong"]),
        "follow": _anchored_start(values["follow"]),
        "rank_follow": _anchored_start([*values["follow"], *values["rank_follow"]]),
    }


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Given nothing, return the compiled cues (built once)."""
    d = data()
    rank, bare = _rank_patterns(d["ranks"], d["groups"]["nouns"])
    changes = d["changes"]
    verbs = [*changes["up"], *changes["down"]]
    fillers = alternation(changes["fillers"])
    groups = d["groups"]
    return Cues(
        index=words_rx(d["index"]["mentions"]),
        area=words_rx(d["area"]["mentions"]),
        groups=re.compile(
            rf"(?<!\w){alternation(groups['plural_heads'])}\s+{alternation(groups['nouns'])}(?!\w)"
        ),
        group_nouns=_anchored_start(groups["nouns"]),
        average=words_rx(d["average"]["mentions"]),
        rank=rank,
        rank_bare=bare,
        ordinals={fold(k): v for k, v in d["ranks"]["ordinals"].items()},
        first=words_rx(d["ranks"]["first"]),
        forward=re.compile(rf"^[\s,]*(?:{alternation(d['ranks']['forward'])}|:)[\s,]*$"),
        last=words_rx(d["ranks"]["last"]),
        grade=re.compile(_grade_pattern()),
        grade_guard=re.compile(r"(?<!\w)(?:hơn|với|dưới|trên)\s*$"),
        change_before=_anchored_end(verbs, rf"(?:\s+{fillers})*"),
        down_before=_anchored_end(changes["down"], rf"(?:\s+{fillers})*"),
        places_after=_anchored_start(changes["places"]),
        previous=words_rx(d["previous"]["words"]),
        compare_before=_anchored_end(d["previous"]["compare"], r"(?:\s+năm)?"),
        average_unit=d["average"]["unit"],
        **_value_cues(d["values"]),
    )


__all__ = ["Cues", "alternation", "cues", "data", "folded_set", "phrase_pattern", "words_rx"]
