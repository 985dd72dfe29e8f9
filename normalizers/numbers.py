"""Vietnamese numbers to Decimal, keeping the raw text and saying when a reading was ambiguous.

The dataclasses and the signatures of `parse_number`, `find_numbers` and `format_vi` are a
fixed contract. Reading rules (domain.md §4; both conventions occur in real notices):

- No separator: an integer (`07` -> 7).
- The same separator repeated (`1.234.567`): thousands groups; the first group has 1-3 digits
  and no leading zero, every later group exactly 3 digits, else not a number.
- Both separators (`1.234,5`, `1,234.5`): the last one is the decimal mark; the groups before
  it follow the thousands rule and use the other separator only.
- One separator followed by 1, 2 or 4+ digits: a decimal mark (`12.23`, `85,9329`).
- One separator followed by exactly 3 digits (`3.286`, `97,685`) is ambiguous, with
  `candidates == (decimal_reading, thousands_reading)`, unless the part before it cannot be a
  thousands group (`0,125`, `01.234`, `1234.567`), which leaves the decimal reading only.
  An ambiguous number is settled only by a bound (`upper=`, or a ratio's denominator) that
  exactly one reading fits; otherwise `value` is None and `decimals` is 0 (no reading chosen).
  Bounds apply to the magnitude, so a signed change (`-3,286`) is settled like its size.
- A bound never touches an unambiguous number: rejecting values over a maximum is validation.
- Signs: `-`, `+`, U+2212 `−`, written against the digits. Only ASCII digits count: other
  Unicode digits (`١٢٣`, fullwidth `１２`) are left to the text normaliser, so they are None here.
- `%` after the digits (or after one space) sets `percent`. A stray space after the separator
  is joined only when digits follow at once and `%` follows them (`90, 15%` -> 90.15 %).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from parscore.normalizers.fastinit import fast_init

__all__ = ["Number", "NumberMatch", "find_numbers", "format_vi", "parse_number", "resolve"]

MINUS_SIGNS = frozenset({"-", "\u2212"})  # hyphen-minus and MINUS SIGN
THOUSANDS_GROUP = 3  # digits in every thousands group after the first
DAY_MAX = 31
NUMBER_CACHE_SIZE = 4096  # numeric tokens whose readings are kept (see parse_number)
NUMBER_CACHE_MAX_LEN = 40  # longer texts (a whole cell, a line) are read, not kept
MONTH_MAX = 12
VI_THOUSANDS = "."
VI_DECIMAL = ","

_SPACE = r"[\s\u200b\ufeff]"  # Unicode whitespace (NBSP, thin spaces) plus zero-width ones
_EDGE_SPACE_RE = re.compile(rf"^{_SPACE}+|{_SPACE}+$")
_SEPARATOR_RE = re.compile(r"[.,]")
_SIGN = r"[-+\u2212]"
_DIGITS = r"[0-9]++(?:[.,][0-9]++)*+"
_PERCENT = r"[ \u00a0\u202f]?%"

_TOKEN_RE = re.compile(
    rf"(?P<sign>{_SIGN})?(?P<body>{_DIGITS})"
    rf"(?:(?P<stray>[.,])[ \u00a0](?P<tail>[0-9]++)(?=%))?+"
    rf"(?P<percent>{_PERCENT})?+"
)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Number:
    """A parsed number: its value, the text it came from, and how sure the reading is."""

    value: Decimal | None  # None only when ambiguous and no bound settled it
    raw: str = field(default="", compare=False)
    decimals: int = 0  # digits written after the decimal mark (0 for integers)
    candidates: tuple[Decimal, ...] = ()  # the readings weighed when ambiguous, else ()
    resolved_by: str | None = None  # e.g. "upper bound 100" when a bound settled it
    percent: bool = False  # written with a % sign

    @property
    def ambiguous(self) -> bool:
        """Given a number, return whether its text allowed more than one reading."""
        return len(self.candidates) > 1

    @property
    def unresolved(self) -> bool:
        """Given a number, return whether the ambiguity is still open (value is None)."""
        return self.value is None


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class NumberMatch:
    """A number found inside prose, with its character span and optional denominator."""

    number: Number
    start: int
    end: int
    denominator: Number | None = None  # "70,97/75" -> 75


# --- one token -------------------------------------------------------------------------------


def parse_number(text: str, *, upper: Decimal | None = None) -> Number | None:
    """Given one numeric token, return its Number, or None when it is not a number.

    Tokens recur (years, ranks, "100%", a table's figures read by several readers): the
    readings are kept for the last ``NUMBER_CACHE_SIZE`` (a Number is frozen, so one can be
    shared). The bound's text is part of the key, as it is of the note a bound leaves."""
    written = None if upper is None else str(upper)
    if len(text) > NUMBER_CACHE_MAX_LEN:
        return _read_number(text, upper, written)
    return _parse_number(text, upper, written)


def _read_number(text: str, upper: Decimal | None, _written: str | None) -> Number | None:
    """Given one numeric token, its bound and the bound as written, return its Number."""
    token = _EDGE_SPACE_RE.sub("", text)
    match = _TOKEN_RE.fullmatch(token)
    if match is None:
        return None
    readings = _body_to_readings(_joined_body(match))
    if not readings:
        return None
    signed = tuple(_apply_sign(reading, match["sign"]) for reading in readings)
    number = _readings_to_number(signed, raw=token, percent=match["percent"] is not None)
    return number if upper is None else resolve(number, upper)


_parse_number = lru_cache(maxsize=NUMBER_CACHE_SIZE)(_read_number)


def resolve(number: Number, bound: Decimal, *, reason: str | None = None) -> Number:
    """Given a number and an upper bound on its magnitude, return it settled if one reading fits."""
    if not number.unresolved:
        return number
    fitting = [value for value in number.candidates if value.copy_abs() <= bound]
    if len(fitting) != 1:
        return number
    chosen = fitting[0]
    note = reason or f"upper bound {bound}"
    return replace(number, value=chosen, decimals=_places(chosen), resolved_by=note)


def _body_to_readings(body: str) -> tuple[Decimal, ...]:
    """Given unsigned digits with separators, return its readings: none, one or (dec, thousands)."""
    groups = _SEPARATOR_RE.split(body)
    separators = _SEPARATOR_RE.findall(body)
    if not separators:
        return (Decimal(body),)
    if len(separators) == 1:
        return _single_separator_readings(groups[0], groups[1])
    if len(set(separators)) == 1:
        return (Decimal("".join(groups)),) if _valid_groups(groups) else ()
    return _mixed_readings(groups, separators)


def _joined_body(match: re.Match[str]) -> str:
    """Given a token match, return its digits and separators with a stray space removed."""
    if match["stray"] is None:
        return match["body"]
    return match["body"] + match["stray"] + match["tail"]


def _single_separator_readings(head: str, tail: str) -> tuple[Decimal, ...]:
    """Given the digits around a lone separator, return the decimal reading and maybe thousands."""
    decimal = Decimal(f"{head}.{tail}")
    if len(tail) == THOUSANDS_GROUP and _valid_head(head):
        return (decimal, Decimal(head + tail))
    return (decimal,)


def _mixed_readings(groups: list[str], separators: list[str]) -> tuple[Decimal, ...]:
    """Given groups split by both separators, return the reading with the last as decimal mark."""
    *grouping, mark = separators
    if mark in grouping or not _valid_groups(groups[:-1]):
        return ()
    return (Decimal(f"{''.join(groups[:-1])}.{groups[-1]}"),)


def _valid_groups(groups: list[str]) -> bool:
    """Given digit groups, return whether they are well-formed thousands groups."""
    rest_ok = all(len(group) == THOUSANDS_GROUP for group in groups[1:])
    return _valid_head(groups[0]) and rest_ok


def _valid_head(group: str) -> bool:
    """Given the leading digit group, return whether it can open a thousands-grouped integer."""
    return 1 <= len(group) <= THOUSANDS_GROUP and not group.startswith("0")


def _apply_sign(value: Decimal, sign: str | None) -> Decimal:
    """Given an unsigned reading and the written sign, return the signed reading (exactly)."""
    return value.copy_negate() if sign in MINUS_SIGNS else value


def _readings_to_number(readings: tuple[Decimal, ...], *, raw: str, percent: bool) -> Number:
    """Given one or two readings of a token, return the Number (unresolved when two)."""
    if len(readings) == 1:
        value = readings[0]
        return Number(value=value, raw=raw, decimals=_places(value), percent=percent)
    return Number(value=None, raw=raw, candidates=readings, percent=percent)


def _places(value: Decimal) -> int:
    """Given a finite Decimal, return how many digits it carries after the decimal mark."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# --- prose -----------------------------------------------------------------------------------


def _either_form(word: str) -> str:
    """Given a Vietnamese word, return a pattern matching it precomposed (NFC) or decomposed."""
    forms = {unicodedata.normalize(form, word) for form in ("NFC", "NFD")}
    return "(?:" + "|".join(sorted(forms)) + ")"


_LEFT = r"(?<![\w/])(?<![0-9][.,])"  # not inside a word, a code or another number
_RIGHT = r"(?![\w/]|[.,][0-9])"
_DAY_MONTH = r"[0-9]{1,2}(?P<sep>[/.-])[0-9]{1,2}"
_NGAY_DATE = (
    rf"(?<!\w)(?i:{_either_form('ngày')}\s++[0-9]{{1,2}}"
    rf"(?:[./-][0-9]{{1,2}}(?:[./-][0-9]{{2,4}})?"
    rf"|\s++{_either_form('tháng')}\s++[0-9]{{1,2}}(?:\s++{_either_form('năm')}\s++[0-9]{{4}})?)?)"
)
#: A unit of points glued to its figure ("89,12đ", "7/7,5điểm"): the figure ends before it.
_GLUED = rf"(?i:đ|{_either_form('điểm')})(?!\w)"
#: Money glued to "đ" ("50.000đ", "1,250,000đ"): dot thousands groups, or two or more groups.
_MONEY = re.compile(r"[0-9]{1,3}(?:(?:\.[0-9]{3})++|(?:,[0-9]{3}){2,})")
_SCAN_RE = re.compile(
    rf"(?P<ngay_date>{_NGAY_DATE}){_RIGHT}"
    rf"|{_LEFT}(?:"
    rf"(?P<doc_number>[0-9]++(?:/[0-9]++)*+/[^\W\d_][\w&-]*+)"
    rf"|(?P<date>{_DAY_MONTH}(?P=sep)(?:[0-9]{{4}}|[0-9]{{2}}){_RIGHT})"
    rf"|(?P<month_year>(?:0?[1-9]|1[0-2])[/-](?:19|20)[0-9]{{2}}{_RIGHT})"
    rf"|(?P<time>[0-9]{{1,2}}(?:[hHg:][0-9]{{2}}|[hHg])(?!\w))"
    rf"|(?P<ratio>(?P<over>{_SIGN}?{_DIGITS})(?:{_GLUED})?[ ]?/[ ]?(?P<under>{_DIGITS})"
    rf"(?:(?={_GLUED})|{_RIGHT}))"
    rf"|(?P<number>{_SIGN}?{_DIGITS}(?:[.,][ \u00a0][0-9]++(?=%))?+(?:{_PERCENT})?+"
    rf"(?:(?=(?P<glued>{_GLUED}))|{_RIGHT}))"
    rf")"
)


def find_numbers(text: str, *, upper: Decimal | None = None) -> list[NumberMatch]:
    """Given prose, return the numbers in it, skipping dates, document numbers and times.

    Skipped: `26/03/2024`, `01-8-2022`, `12.12.2023`, `3/2024`, a bare `18/3` (see
    `_looks_like_day_month`), a day or date right after "ngày" (`ngày 15`, `ngày 12.12`,
    `ngày 26 tháng 3 năm 2024`), `568/TB-SXD`, `30/2020/NĐ-CP`, `8h30`, `14:30`, and digits
    glued to letters (`CT01`, `2a`) or to a slash they do not share with a ratio. A unit of
    points glued to a figure ends it (`89,12đ`, `66,75đ/72,5đ`, `7/7,5điểm`), but money
    glued to "đ" (`50.000đ`) is no figure. Years (`năm 2023`) are returned.
    `a/b` gives one match with `denominator`; `upper` bounds every number but denominators, and
    a ratio's numerator is also settled by its denominator ("denominator 100").
    """
    found = (_scan_to_match(scan, upper) for scan in _scans(text))
    return [match for match in found if match is not None]


_ASCII_DIGIT = re.compile(r"[0-9]")
#: Characters a scanner hit may hold before its spaces and first digit: "ngày" decomposed.
_NGAY_REACH = len(unicodedata.normalize("NFD", "ngày"))


def _scans(text: str) -> Iterator[re.Match[str]]:
    """Given prose, yield the scanner's hits, the very hits of ``_SCAN_RE.finditer``.

    Every hit holds an ASCII digit, with at most a sign or "ngày" and spaces before it; so
    each search starts just before the next digit, found in one quick scan, and the words
    between figures are not tried one character at a time (the scanner's lookbehinds still
    see them)."""
    pos = 0
    while (digit := _ASCII_DIGIT.search(text, pos)) is not None:
        start = digit.start()
        while start > pos and text[start - 1].isspace():  # re's \s is str.isspace
            start -= 1
        scan = _SCAN_RE.search(text, max(pos, start - _NGAY_REACH))
        if scan is None:
            return
        yield scan
        pos = scan.end()


def _scan_to_match(scan: re.Match[str], upper: Decimal | None) -> NumberMatch | None:
    """Given one scanner hit, return its NumberMatch, or None for dates, codes and times."""
    if scan["number"] is not None:
        return _number_match(scan, upper)
    if scan["ratio"] is not None:
        return _ratio_match(scan, upper)
    return None


def _number_match(scan: re.Match[str], upper: Decimal | None) -> NumberMatch | None:
    """Given a scanner hit on a lone number, return its NumberMatch (None if malformed)."""
    if scan["glued"] in ("đ", "Đ") and _MONEY.fullmatch(scan["number"]):
        return None
    number = parse_number(scan["number"], upper=upper)
    if number is None:
        return None
    return NumberMatch(number=number, start=scan.start(), end=scan.end())


def _ratio_match(scan: re.Match[str], upper: Decimal | None) -> NumberMatch | None:
    """Given a scanner hit on `a/b`, return a match with a denominator (None for a bare dd/mm)."""
    if _looks_like_day_month(scan["over"], scan["under"]):
        return None
    over = parse_number(scan["over"], upper=upper)
    under = parse_number(scan["under"])  # a maximum or a count: `upper` bounds the numerator
    if over is None or under is None:
        return None
    if under.value is not None:
        over = resolve(over, under.value, reason=f"denominator {under.raw}")
    return NumberMatch(number=over, start=scan.start(), end=scan.end(), denominator=under)


def _looks_like_day_month(over: str, under: str) -> bool:
    """Given the two sides of `a/b`, return whether it can only be a day/month date (`18/3`).

    A score never exceeds its maximum and a rank never exceeds the count, so integer `a > b`
    with a valid day and month is read as a date; `3/12` stays a ratio.
    """
    if not (over.isdigit() and under.isdigit()):
        return False
    day, month = int(over), int(under)
    return 1 <= month <= MONTH_MAX and month < day <= DAY_MAX


# --- writing ---------------------------------------------------------------------------------


def format_vi(value: Decimal) -> str:
    """Given a Decimal, return it written the Vietnamese way (dot thousands, comma decimals)."""
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as a Vietnamese number: it is not finite")
    whole, _, fraction = format(value.copy_abs(), "f").partition(".")
    sign = "-" if value.is_signed() and value else ""
    decimals = f"{VI_DECIMAL}{fraction}" if fraction else ""
    return f"{sign}{_group_thousands(whole)}{decimals}"


def _group_thousands(whole: str) -> str:
    """Given the digits of an integer part, return them with dots between thousands groups."""
    head = len(whole) % THOUSANDS_GROUP or THOUSANDS_GROUP
    tail = range(head, len(whole), THOUSANDS_GROUP)
    groups = [whole[:head], *(whole[start : start + THOUSANDS_GROUP] for start in tail)]
    return VI_THOUSANDS.join(groups)
