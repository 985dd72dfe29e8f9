"""Grade ladders: load them from TOML and pick the one a notice falls under.

Ladders are data (``pipeline/data/ladders.toml``), read once with tomllib and validated at
load: a bad file raises ``LadderFileError`` naming the file, the ladder and the field. A band
has ``lower``, ``lower_inclusive`` and ``label``; a value earns the band with the highest edge
it reaches (above the edge, or on it when inclusive), so inclusive edges give half-open bands
[X, Y), and an "above 90" source is written ``lower_inclusive = false``. A value below every
band earns nothing. A ladder without bands records a province whose own ladder exists but
whose edges are unknown, so that its notices get grade-unverifiable instead of a guess.

Selection (``select_ladder``): a ladder matches when each of its province, levels and years
is a wildcard ("*") or holds the notice's value; a value the notice does not state matches
only a wildcard, so a notice without province or level falls to the default ladder
(province "*", every level and year; on percent of max: ≥ 90 Xuất sắc, [80, 90) Tốt,
[70, 80) Khá, [50, 70) Trung bình, < 50 Yếu). The most specific match wins: province, then
level, then years, then the narrower year span, then file order. ``--grade-scale FILE``
bypasses selection: the file's first ladder grades every notice (``override_ladder``).
Province names match without diacritics, case or a "Tỉnh"/"Thành phố" prefix, so "Khánh Hoà"
(old tone placement) finds "Khánh Hòa".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NoReturn

from parscore.extractors.errors import UsageError
from parscore.normalizers.text import bare_key
from parscore.pipeline.model import Notice
from parscore.pipeline.validate.tolerance import INDEX_SCALE

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "ladders.toml"
WILDCARD = "*"
LADDER_CACHE_SIZE = 512  # (province, level, year) choices of the packaged book kept
LEVELS = ("so", "huyen", "xa", "bo", "tinh")
PERCENT, POINTS = "percent", "points"
BASES = (PERCENT, POINTS)
PAR_INDEX = "par"
PROVINCE_PREFIXES = ("tinh ", "thanh pho ", "tp. ", "tp ")  # folded
LADDER_FIELDS = frozenset(
    {"id", "province", "aliases", "levels", "years", "basis", "source", "note", "bands"}
)
BAND_FIELDS = frozenset({"lower", "lower_inclusive", "label", "note"})
_REQUIRED: Any = object()


class LadderFileError(UsageError):
    """A ladder file that cannot be used; the message names the file, the ladder and the field."""


@lru_cache(maxsize=1024)
def place_key(name: str) -> str:
    """Given a province name, return it folded and without an administrative prefix."""
    key = bare_key(name)
    for prefix in PROVINCE_PREFIXES:
        key = key.removeprefix(prefix)
    return key


@dataclass(frozen=True, slots=True, kw_only=True)
class Band:
    """One grade band: the values from ``lower`` up to the next band's edge earn ``label``."""

    lower: Decimal
    lower_inclusive: bool
    label: str
    note: str = field(default="", compare=False)

    def admits(self, value: Decimal) -> bool:
        """Given a value, return whether it reaches this band's lower edge."""
        return value > self.lower or (self.lower_inclusive and value == self.lower)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ladder:
    """A grading scale and where it applies (province, levels, years)."""

    id: str
    province: str = WILDCARD
    aliases: tuple[str, ...] = ()
    levels: tuple[str, ...] = (WILDCARD,)
    years: tuple[int, int] | None = None  # None: every year
    basis: str = PERCENT
    bands: tuple[Band, ...] = ()  # highest edge first
    source: str = field(default="", compare=False)
    note: str = field(default="", compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        """Given a ladder, return its grade labels, best first."""
        return tuple(band.label for band in self.bands)

    def has_label(self, label: str) -> bool:
        """Given a grade label, return whether it is one of this ladder's."""
        return any(bare_key(label) == bare_key(own) for own in self.labels)

    def grade(self, value: Decimal) -> str | None:
        """Given a value on the ladder's basis, return its label, or None below every band."""
        return next((band.label for band in self.bands if band.admits(value)), None)

    def matches(self, *, province: str | None, level: str | None, year: int | None) -> bool:
        """Given a notice's province, level and year, return whether this ladder applies."""
        names = {place_key(name) for name in (self.province, *self.aliases)}
        province_ok = self.province == WILDCARD or (
            province is not None and place_key(province) in names
        )
        level_ok = WILDCARD in self.levels or level in self.levels
        year_ok = self.years is None or (
            year is not None and self.years[0] <= year <= self.years[1]
        )
        return province_ok and level_ok and year_ok

    def specificity(self) -> tuple[bool, bool, bool, int]:
        """Given a ladder, return its sort key for selection: more specific is greater."""
        span = self.years[1] - self.years[0] if self.years else 0
        province, level = self.province != WILDCARD, WILDCARD not in self.levels
        return province, level, self.years is not None, -span


@dataclass(frozen=True, slots=True, kw_only=True)
class LadderBook:
    """The ladders of one file, in file order."""

    ladders: tuple[Ladder, ...]
    path: str = field(default="", compare=False)

    def get(self, ladder_id: str) -> Ladder | None:
        """Given a ladder id, return that ladder, or None."""
        return next((ladder for ladder in self.ladders if ladder.id == ladder_id), None)


# --- loading ------------------------------------------------------------------------------


def _fail(place: str, name: str, problem: str) -> NoReturn:
    """Given where a field sits and what is wrong with it, raise the LadderFileError."""
    raise LadderFileError(f"{place}: field '{name}' {problem}")


def _get(table: Mapping[str, Any], key: str, place: str, default: Any = _REQUIRED) -> Any:
    """Given a TOML table and a key, return its value, the default, or fail when required."""
    if key in table:
        return table[key]
    if default is _REQUIRED:
        _fail(place, key, "is missing")
    return default


def _text(table: Mapping[str, Any], key: str, place: str, default: Any = _REQUIRED) -> str:
    """Given a TOML table and a key, return its string value (non-empty when required)."""
    value = _get(table, key, place, default)
    if not isinstance(value, str) or (default is _REQUIRED and not value.strip()):
        _fail(place, key, f"must be a non-empty string, got {value!r}")
    return value


def _texts(
    table: Mapping[str, Any], key: str, place: str, default: Any = _REQUIRED
) -> tuple[str, ...]:
    """Given a TOML table and a key, return its array of non-empty strings."""
    value = _get(table, key, place, default)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        _fail(place, key, f"must be an array of non-empty strings, got {value!r}")
    return tuple(value)


def _levels(table: Mapping[str, Any], place: str) -> tuple[str, ...]:
    """Given a ladder table, return its levels: "*" or names from ``LEVELS``."""
    levels = _texts(table, "levels", place)
    unknown = [level for level in levels if level not in (*LEVELS, WILDCARD)]
    if not levels or unknown:
        _fail(place, "levels", f"must list {', '.join(LEVELS)} or '*', got {list(levels)!r}")
    return levels


def _years(table: Mapping[str, Any], place: str) -> tuple[int, int] | None:
    """Given a ladder table, return its years [from, to], or None for "*" (every year)."""
    value = _get(table, "years", place)
    if value == WILDCARD:
        return None
    ints = isinstance(value, list) and all(type(v) is int for v in value)
    if not ints or len(value) != 2 or value[0] > value[1]:
        _fail(place, "years", f"must be '*' or [from, to] with from ≤ to, got {value!r}")
    return value[0], value[1]


def _choice(table: Mapping[str, Any], key: str, options: Iterable[str], place: str) -> str:
    """Given a TOML table, a key and its allowed values, return the value."""
    value = _get(table, key, place)
    if value not in options:
        _fail(place, key, f"must be one of {', '.join(options)}, got {value!r}")
    return str(value)


def _no_unknown(table: Mapping[str, Any], allowed: frozenset[str], place: str) -> None:
    """Given a TOML table and its allowed keys, fail on the first key it should not have."""
    for key in table:
        if key not in allowed:
            _fail(place, key, f"is not a ladder field (expected: {', '.join(sorted(allowed))})")


def _lower(table: Mapping[str, Any], basis: str, place: str) -> Decimal:
    """Given a band table, return its lower edge: a number, 0–100 on a percent ladder."""
    value = _get(table, "lower", place)
    number = isinstance(value, int | Decimal) and not isinstance(value, bool)
    if not number or not Decimal(value).is_finite():
        _fail(place, "lower", f"must be a number, got {value!r}")
    lower = Decimal(value)
    if lower < 0 or (basis == PERCENT and lower > INDEX_SCALE):
        _fail(place, "lower", f"must lie in 0–100 on a percent ladder and be ≥ 0, got {value}")
    return lower


def _band(table: Any, basis: str, place: str) -> Band:
    """Given one band table, return its Band or fail naming the bad field."""
    if not isinstance(table, dict):
        raise LadderFileError(f"{place}: must be a table {{lower, lower_inclusive, label}}")
    _no_unknown(table, BAND_FIELDS, place)
    inclusive = _get(table, "lower_inclusive", place)
    if not isinstance(inclusive, bool):
        _fail(place, "lower_inclusive", f"must be true or false, got {inclusive!r}")
    return Band(
        lower=_lower(table, basis, place),
        lower_inclusive=inclusive,
        label=_text(table, "label", place),
        note=_text(table, "note", place, ""),
    )


def _distinct(values: Iterable[object], place: str, name: str) -> None:
    """Given values that must differ, fail naming the field on the first repeat."""
    seen: set[object] = set()
    for value in values:
        if value in seen:
            _fail(place, name, f"repeats {value!r}")
        seen.add(value)


def _bands(table: Mapping[str, Any], basis: str, place: str) -> tuple[Band, ...]:
    """Given a ladder table, return its bands, highest edge first."""
    value = _get(table, "bands", place)
    if not isinstance(value, list):
        _fail(place, "bands", "must be an array of {lower, lower_inclusive, label} tables")
    bands = tuple(_band(item, basis, f"{place}: bands[{i}]") for i, item in enumerate(value))
    _distinct((band.lower for band in bands), place, "bands.lower")
    _distinct((bare_key(band.label) for band in bands), place, "bands.label")
    return tuple(sorted(bands, key=lambda band: band.lower, reverse=True))


def _ladder(table: Any, place: str) -> Ladder:
    """Given one [[ladder]] table, return its Ladder or fail naming the bad field."""
    if not isinstance(table, dict):
        raise LadderFileError(f"{place}: must be a [[ladder]] table")
    _no_unknown(table, LADDER_FIELDS, place)
    ident = _text(table, "id", place)
    place = f"{place} ({ident})"
    basis = _choice(table, "basis", BASES, place)
    return Ladder(
        id=ident,
        province=_text(table, "province", place),
        aliases=_texts(table, "aliases", place, ()),
        levels=_levels(table, place),
        years=_years(table, place),
        basis=basis,
        bands=_bands(table, basis, place),
        source=_text(table, "source", place),
        note=_text(table, "note", place, ""),
    )


def _read(path: Path) -> dict[str, Any]:
    """Given a ladder file, return its TOML (floats as Decimal) or fail saying why."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle, parse_float=Decimal)
    except OSError as err:
        raise LadderFileError(f"{path}: cannot read the ladder file ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise LadderFileError(f"{path}: not valid TOML ({err})") from err


def load_ladders(path: Path | None = None) -> LadderBook:
    """Given a ladder file (default: the packaged ladders.toml), return its validated ladders."""
    source = Path(path) if path is not None else DEFAULT_PATH
    data = _read(source)
    _no_unknown(data, frozenset({"ladder"}), str(source))
    tables = _get(data, "ladder", str(source))
    if not isinstance(tables, list) or not tables:
        _fail(str(source), "ladder", "must be a non-empty array of [[ladder]] tables")
    ladders = tuple(_ladder(table, f"{source}: ladder {n}") for n, table in enumerate(tables, 1))
    _distinct((ladder.id for ladder in ladders), str(source), "id")
    return LadderBook(ladders=ladders, path=str(source))


@cache
def default_book() -> LadderBook:
    """Given nothing, return the packaged ladders, read once per process."""
    return load_ladders()


def override_ladder(path: Path) -> Ladder:
    """Given a --grade-scale file, return its first ladder, which then grades every notice."""
    return load_ladders(path).ladders[0]


@cache
def ladder_override(path: str | Path | None) -> Ladder | None:
    """Given the --grade-scale path or None, return its first ladder (read once), or None."""
    return override_ladder(Path(path)) if path is not None else None


def select_ladder(
    book: LadderBook, *, province: str | None, level: str | None, year: int | None
) -> Ladder | None:
    """Given a book and a notice's province, level and year, return the most specific match
    (in the packaged book, looked up once per province, level and year)."""
    if book is default_book():
        return _select_packaged(province, level, year)
    return most_specific(book, province, level, year)


def most_specific(
    book: LadderBook, province: str | None, level: str | None, year: int | None
) -> Ladder | None:
    """Given a book and a notice's province, level and year, return the most specific match."""
    found = [x for x in book.ladders if x.matches(province=province, level=level, year=year)]
    return max(found, key=Ladder.specificity, default=None)


@lru_cache(maxsize=LADDER_CACHE_SIZE)
def _select_packaged(province: str | None, level: str | None, year: int | None) -> Ladder | None:
    """Given a province, level and year, return the packaged book's most specific ladder."""
    return most_specific(default_book(), province, level, year)


def ladder_for(notice: Notice, book: LadderBook | None = None) -> Ladder | None:
    """Given a notice (and a book, default: the packaged one), return the ladder it falls under."""
    meta = notice.metadata
    return select_ladder(
        book or default_book(), province=meta.province, level=meta.level, year=meta.assessment_year
    )
