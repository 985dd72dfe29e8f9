"""Opening guards: the characters a regex's match may open with, as a lookahead before it.

A pattern that opens with a lookbehind (``(?<!\\w)(?:…)``) or with an alternation of named
groups gets no character set from the regex compiler, so a search runs the whole matcher at
every position. ``guarded`` puts a lookahead of the characters a match may open with in front
(``(?=[abc])…``): the matcher then fails at the first test wherever none of them stands. The
lookahead only states what the pattern already requires, so the matches are the same.

The characters are read from the compiler's own parse of the pattern (``re._parser``, the
module behind ``re.compile``). Whatever the reading does not know (a back-reference, a
character class with a negation, a pattern that may match the empty string) gives no guard.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """Raised inside the reading where a pattern holds what it does not read."""


def guarded(pattern: str, flags: int = 0) -> str:
    """Given a pattern (and the flags it is compiled with), return it with a lookahead of the
    characters its matches may open with in front; the pattern unchanged when unknown."""
    guard = opening_guard(pattern, flags)
    return f"{guard}(?:{pattern})" if guard else pattern


def opening_guard(pattern: str, flags: int = 0) -> str | None:
    """Given a pattern and its flags, return a lookahead of the characters a match of it may
    open with ("(?=[ab\\s])"), or None when the pattern's openings cannot be read."""
    found = _openings(pattern, flags)
    if found is None:
        return None
    plain = "".join(sorted({body for body, fold in found if not fold}))
    folded = "".join(sorted({body for body, fold in found if fold}))
    branches = [*([f"[{plain}]"] if plain else []), *([f"(?i:[{folded}])"] if folded else [])]
    return f"(?={'|'.join(branches)})"


def opening_class(pattern: str) -> str | None:
    """Given a pattern without flags, return the body of a character class of the characters
    a match of it may open with ("ab\\s"), or None when unknown or read ignoring case."""
    found = _openings(pattern, 0)
    if found is None or any(fold for _body, fold in found):
        return None
    return "".join(sorted({body for body, _fold in found}))


def _openings(pattern: str, flags: int) -> set[tuple[str, bool]] | None:
    """Given a pattern and its flags, return the class items its matches may open with (each
    with whether it matches ignoring case), or None when unknown or when it may be empty."""
    try:
        parsed = _parser.parse(pattern, flags)
        items, nullable = _sequence(list(parsed), parsed.state.flags)
    except (_Unknown, re.error):
        return None
    return None if nullable or not items else items  # an empty match may stand anywhere


def _sequence(ops: list[tuple[Any, Any]], flags: int) -> tuple[set[tuple[str, bool]], bool]:
    """Given parsed items in a row, return the class items their match may open with (each
    with whether it matches ignoring case) and whether the row may match the empty string."""
    found: set[tuple[str, bool]] = set()
    for op, av in ops:
        items, nullable = _item(op, av, flags)
        found |= items
        if not nullable:
            return found, False
    return found, True


def _item(op: Any, av: Any, flags: int) -> tuple[set[tuple[str, bool]], bool]:
    """Given one parsed item, return its opening class items and whether it may be empty."""
    fold = bool(flags & re.IGNORECASE)
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.LITERAL:
        return {(re.escape(chr(av)), fold)}, False
    if op is _c.IN:
        return {(_class_item(o, a), fold) for o, a in av}, False
    if op is _c.BRANCH:
        found: set[tuple[str, bool]] = set()
        nullable = False
        for branch in av[1]:
            items, empty = _sequence(list(branch), flags)
            found |= items
            nullable = nullable or empty
        return found, nullable
    if op is _c.SUBPATTERN:
        _group, add, remove, body = av
        if (add | remove) & ~re.IGNORECASE:
            raise _Unknown  # only a scoped IGNORECASE is read
        return _sequence(list(body), (flags | add) & ~remove)
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av), flags)
    if op in _REPEATS:
        low, _high, body = av
        items, empty = _sequence(list(body), flags)
        return items, empty or low == 0
    raise _Unknown


def _class_item(op: Any, av: Any) -> str:
    """Given an item of a parsed character class, return it as class body text."""
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _c.CATEGORY and av in _CATEGORIES:
        return str(_CATEGORIES[av])
    raise _Unknown  # a negated class, or a class the reading does not know


__all__ = ["guarded", "opening_class", "opening_guard"]
