"""The legacy corpus's metric (../shared/legacy/METRIC.md): char, diacritic, syllable accuracy.

Both sides are put in NFC with whitespace runs collapsed to one space, nothing else.

- ``char_accuracy``: characters of the truth matched by an alignment / its length.
- ``diacritic_accuracy``: of the truth's characters that carry a diacritic (anything that
  decomposes to a combining mark, and đ/Đ), those recovered exactly. Both sides are reduced
  to base letters (NFD, marks removed, đ → d) and aligned; at each such position of the truth
  the original characters are compared. Unaligned positions count as misses.
- ``syllable_accuracy``: whitespace tokens of the truth matched exactly (every character
  aligned to an identical, whole token of the output) / the truth's tokens.

One alignment serves the three numbers: ``difflib.SequenceMatcher`` on the base-letter forms,
without its "junk" heuristic where the sequences are short enough for it (on long character
strings the heuristic throws away every common letter). It runs in three steps that keep a
250,000-character transcript to about a second: lines (the texts' own line breaks; a line
is compared by its base letters in lowercase), then tokens inside the line ranges that
differ, then characters inside the token ranges that still differ. Lines or tokens that
pair up align character for character (base letters keep lengths); each pair then counts
only if the original characters are equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

_SPACES = re.compile(r"\s+")
#: Character ranges longer than this are matched with SequenceMatcher's junk heuristic.
MAX_EXACT = 10_000


def normalise(text: str) -> str:
    """Given text, return it in NFC with whitespace runs collapsed and the ends stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=4096)
def base_letter(ch: str) -> str:
    """Given one character, return its base letter (marks removed, đ → d); one character."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    return base if len(base) == 1 else ch


@lru_cache(maxsize=4096)
def has_diacritic(ch: str) -> bool:
    """Given one character, return whether its identity depends on a diacritic."""
    return ch in "đĐ" or unicodedata.normalize("NFD", ch) != ch


def _matcher(a: list[str] | str, b: list[str] | str) -> SequenceMatcher[str]:
    """Given two sequences (lines, tokens or characters), return their SequenceMatcher: no junk
    heuristic, except on characters of ranges too long for an exact match in good time."""
    long = isinstance(a, str) and (len(a) > MAX_EXACT or len(b) > MAX_EXACT)
    return SequenceMatcher(None, a, b, autojunk=long)


@lru_cache(maxsize=65536)
def unit_key(unit: str) -> str:
    """Given a line or token, return the form it is aligned by: base letters, lowercase."""
    return "".join(map(base_letter, unit)).lower()


def _spans(text: str, starts: list[int]) -> tuple[list[str], list[int]]:
    """Given a text and the starts of its units, return the units and their starts."""
    if not starts:
        return [], []
    ends = [*starts[1:], len(text) + 1]
    return [text[s : e - 1] for s, e in zip(starts, ends, strict=True)], starts


def _token_starts(text: str) -> list[int]:
    """Given a normalised text, return the start of each space-separated token."""
    return [0] + [m.end() for m in re.finditer(" ", text)] if text else []


def _pairs(
    t: str, t_starts: list[int], p: str, p_starts: list[int], level: int
) -> Iterator[tuple[int, int]]:
    """Given two texts cut into units (lines at level 0, tokens at 1), yield aligned indexes."""
    t_units, _ = _spans(t, t_starts)
    p_units, _ = _spans(p, p_starts)
    matcher = _matcher([unit_key(u) for u in t_units], [unit_key(u) for u in p_units])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        t_lo, t_hi = _range(t_starts, i1, i2, len(t))
        p_lo, p_hi = _range(p_starts, j1, j2, len(p))
        if tag == "equal" and t_hi - t_lo == p_hi - p_lo:
            yield from zip(range(t_lo, t_hi), range(p_lo, p_hi), strict=True)
        elif t_hi > t_lo and p_hi > p_lo:
            yield from _inner(t[t_lo:t_hi], p[p_lo:p_hi], level, t_lo, p_lo)


def _inner(t: str, p: str, level: int, t_lo: int, p_lo: int) -> Iterator[tuple[int, int]]:
    """Given two differing ranges, yield their pairs aligned one level finer, offset."""
    if level == 0:
        for a, b in _pairs(t, _token_starts(t), p, _token_starts(p), 1):
            yield t_lo + a, p_lo + b
        return
    for a, b, size in _matcher(t, p).get_matching_blocks():
        for k in range(size):
            yield t_lo + a + k, p_lo + b + k


def _range(starts: list[int], i1: int, i2: int, end: int) -> tuple[int, int]:
    """Given unit starts and a unit range, return its character range (trailing space in)."""
    lo = starts[i1] if i1 < len(starts) else end
    hi = starts[i2] if i2 < len(starts) else end
    return lo, hi


@dataclass(frozen=True, slots=True)
class Prepared:
    """A text normalised as METRIC.md says, with the starts of its lines."""

    text: str
    lines: list[int]


def prepare(raw: str) -> Prepared:
    """Given raw text, return it normalised (NFC, whitespace collapsed) with its line starts."""
    lines = [line for line in map(normalise, raw.splitlines()) if line]
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return Prepared(" ".join(lines), starts)


def aligned_pairs(truth: Prepared, pred: Prepared) -> dict[int, int]:
    """Given two prepared texts, return truth index → pred index of their base-letter alignment."""
    t_base = "".join(map(base_letter, truth.text))
    p_base = "".join(map(base_letter, pred.text))
    return dict(_pairs(t_base, truth.lines, p_base, pred.lines, 0))


@dataclass(frozen=True, slots=True)
class Score:
    """One document's (or a corpus's summed) counts and the three accuracies."""

    chars: int = 0
    chars_matched: int = 0
    diacritics: int = 0
    diacritics_matched: int = 0
    syllables: int = 0
    syllables_matched: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, ...]:
        """Return the six counts in field order."""
        return (
            self.chars,
            self.chars_matched,
            self.diacritics,
            self.diacritics_matched,
            self.syllables,
            self.syllables_matched,
        )

    @property
    def char_accuracy(self) -> float:
        return self.chars_matched / self.chars if self.chars else 1.0

    @property
    def diacritic_accuracy(self) -> float:
        return self.diacritics_matched / self.diacritics if self.diacritics else 1.0

    @property
    def syllable_accuracy(self) -> float:
        return self.syllables_matched / self.syllables if self.syllables else 1.0


def _syllables(truth: str, pred: str, exact: dict[int, int]) -> tuple[int, int]:
    """Given two texts and their exactly matching character pairs, return (truth tokens,
    tokens whose every character is matched, in order, to one whole identical pred token)."""
    starts = _token_starts(truth)
    found = 0
    for token, start in zip(*_spans(truth, starts), strict=True):
        j = exact.get(start)
        if j is None or pred[j : j + len(token)] != token:
            continue
        whole = (j == 0 or pred[j - 1] == " ") and pred[j + len(token) : j + len(token) + 1] in (
            "",
            " ",
        )
        in_order = all(exact.get(start + k) == j + k for k in range(len(token)))
        found += whole and in_order
    return len(starts), found


def score(truth: str, pred: str) -> Score:
    """Given a transcript and a parser's output, return their Score (METRIC.md)."""
    t, p = prepare(truth), prepare(pred)
    exact = {i: j for i, j in aligned_pairs(t, p).items() if t.text[i] == p.text[j]}
    wanted = [i for i, ch in enumerate(t.text) if has_diacritic(ch)]
    syllables, syllables_matched = _syllables(t.text, p.text, exact)
    return Score(
        len(t.text),
        len(exact),
        len(wanted),
        sum(1 for i in wanted if i in exact),
        syllables,
        syllables_matched,
    )
