"""The legacy corpus's metric (../shared/legacy/METRIC.md): char, diacritic, syllable accuracy.

Both sides are put in NFC with whitespace runs collapsed to one space, nothing else.

- ``char_accuracy``: characters of the truth matched by an alignment / its length.
- ``diacritic_accuracy``: of the truth's characters that carry a diacritic (anything that
  decomposes to a combining mark, and đ/Đ), those recovered exactly. Both sides are reduced
  to base letters (NFD, marks removed, đ → d) and aligned; at each such position of the truth
  the original characters are compared. Unaligned positions count as misses.
- ``syllable_accuracy``: whitespace tokens of the truth matched exactly by an alignment of
  the token sequences / the truth's tokens.

The alignments use ``difflib.SequenceMatcher`` without its "junk" heuristic (which, on long
character strings, would throw away every common letter). Long documents are aligned in two
steps: tokens first, then characters inside the token ranges that differ; this is the same
alignment on matching text and keeps a 250,000-character transcript to seconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

_SPACES = re.compile(r"\s+")
#: Characters of a differing token range aligned character by character at most (beyond it the
#: range is aligned by position-free matching blocks of a plain SequenceMatcher anyway).
MAX_CHAR_RANGE = 20_000


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


def _char_pairs(truth: str, pred: str) -> Iterator[tuple[int, int]]:
    """Given two strings, yield (truth index, pred index) of the characters they align."""
    if len(truth) > MAX_CHAR_RANGE or len(pred) > MAX_CHAR_RANGE:
        matcher = SequenceMatcher(None, truth, pred)  # junk heuristic on: fast, coarse
    else:
        matcher = SequenceMatcher(None, truth, pred, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            yield a + k, b + k


def _token_spans(text: str) -> tuple[list[str], list[int]]:
    """Given normalised text, return its space-separated tokens and each one's start offset."""
    tokens, starts, pos = [], [], 0
    for token in text.split(" "):
        tokens.append(token)
        starts.append(pos)
        pos += len(token) + 1
    return tokens, starts


def aligned_pairs(truth: str, pred: str) -> Iterator[tuple[int, int]]:
    """Given two normalised strings, yield aligned (truth, pred) character indexes.

    Tokens are aligned first; equal token ranges align character for character, differing
    ranges (with the spaces around them) are aligned character by character.
    """
    t_tokens, t_starts = _token_spans(truth)
    p_tokens, p_starts = _token_spans(pred)
    matcher = SequenceMatcher(None, t_tokens, p_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        t_lo = t_starts[i1] if i1 < len(t_tokens) else len(truth)
        t_hi = t_starts[i2] if i2 < len(t_tokens) else len(truth)
        p_lo = p_starts[j1] if j1 < len(p_tokens) else len(pred)
        p_hi = p_starts[j2] if j2 < len(p_tokens) else len(pred)
        if tag == "equal":
            yield from zip(range(t_lo, t_hi), range(p_lo, p_hi), strict=False)
        elif t_hi > t_lo and p_hi > p_lo:
            for a, b in _char_pairs(truth[t_lo:t_hi], pred[p_lo:p_hi]):
                yield t_lo + a, p_lo + b


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


def _syllables(truth: str, pred: str) -> tuple[int, int]:
    """Given two normalised strings, return (truth tokens, tokens matched by an alignment)."""
    t_tokens, p_tokens = truth.split(), pred.split()
    matcher = SequenceMatcher(None, t_tokens, p_tokens, autojunk=False)
    return len(t_tokens), sum(size for *_, size in matcher.get_matching_blocks())


def _diacritics(truth: str, pred: str) -> tuple[int, int]:
    """Given two normalised strings, return (diacritic-bearing truth chars, those recovered)."""
    wanted = [i for i, ch in enumerate(truth) if has_diacritic(ch)]
    t_base = "".join(map(base_letter, truth))
    p_base = "".join(map(base_letter, pred))
    partner = dict(aligned_pairs(t_base, p_base))
    found = sum(1 for i in wanted if i in partner and pred[partner[i]] == truth[i])
    return len(wanted), found


def score(truth: str, pred: str) -> Score:
    """Given a transcript and a parser's output, return their Score (METRIC.md)."""
    truth, pred = normalise(truth), normalise(pred)
    matched = sum(1 for _ in aligned_pairs(truth, pred))
    diacritics, diacritics_matched = _diacritics(truth, pred)
    syllables, syllables_matched = _syllables(truth, pred)
    return Score(len(truth), matched, diacritics, diacritics_matched, syllables, syllables_matched)
