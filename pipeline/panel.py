"""The panel: what every notice of the archive says about each unit, index and year, as one row.

The recipe (``panel_rows``): unit_scores rows → statements (a row speaks of its own year; its
``previous`` value speaks of the year before) → one statement per notice, unit, index and year
(a notice that states a unit twice, in its title and a table, is one source) → sources grouped
by copy (copies of one notice, mirrors of one article: one source) → each value chosen → the
disagreements between documents.

Decisions:

- A value is the one stated by the year's own notices (their assessment year is the year),
  else by any; among those, the value most sources state, ties to the first notice in the
  archive's order (source path).
- Documents disagree when two sources' values differ by more than half a unit in the last
  decimal of the less precise one (88.33 and 88.32 disagree; 88.325 and 88.33 do not). Ranks
  disagree only between sources that rank among the same number of units (a rank in a region
  and a rank in the country are different facts). Each disagreement is a
  ``cross-document-mismatch`` finding on the dissenting notice, naming both documents.
- Copies: notices with one notice_key (issuer, number, date) are one source; so are notices
  without a number that share their title and every statement (mirrors of a news article).
- Averages (level ``trung_binh``) are listed in ``units`` but are not a unit of the panel.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from sys import intern
from typing import Any

from parscore.normalizers import admin
from parscore.pipeline.identity import ranked_name
from parscore.pipeline.spool import to_json

Row = dict[str, Any]
Key = tuple[str, str, int]  # unit_id, index, year
VALUES = ("score", "percent", "rank", "rank_of", "grade")
#: Values whose disagreement between documents is a conflict.
COMPARED = ("score", "percent", "rank")
NOT_IN_PANEL = frozenset({"trung_binh"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """What one notice says about one unit, index and year."""

    key: Key
    notice_id: str
    primary: bool  # the notice's own assessment year, not a value it quotes from before
    score: float | None = None
    percent: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    grade: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One document's statement: copies of one notice merged, the first copy speaking."""

    copy: str
    statement: Statement
    notice_ids: tuple[str, ...]


# --- rows → statements ------------------------------------------------------------------------


def row_statements(row: Mapping[str, Any], own_year: int | None) -> Iterable[Statement]:
    """Given a unit_scores row and its notice's assessment year, return its statements: the
    row's year, and the year before when it states a previous value."""
    if (
        row.get("unit_id") is None
        or row.get("unit_level") in NOT_IN_PANEL
        or row.get("year") is None
    ):
        return []
    # One string per unit, index and notice, however many rows name it: the archive's
    # statements are held together (sys.intern).
    unit_id, index, notice_id = (intern(row[k]) for k in ("unit_id", "index", "notice_id"))
    key = (unit_id, index, row["year"])
    found = [Statement(key=key, notice_id=notice_id, primary=row["year"] == own_year,
                       **{k: row.get(k) for k in VALUES})]  # fmt: skip
    if row.get("previous") is not None:
        measure = "percent" if row["score"] is None and row["percent"] is not None else "score"
        before = (unit_id, index, row["year"] - 1)
        found.append(Statement(key=before, notice_id=notice_id, primary=False,
                               **{measure: row["previous"]}))  # fmt: skip
    return found


def merged(first: Statement, other: Statement) -> Statement:
    """Given two statements of one notice about one key, return one: the first's values, the
    other's where the first states none."""
    filled = {k: getattr(other, k) for k in VALUES if getattr(first, k) is None}
    return replace(first, primary=first.primary or other.primary, **filled)


def notice_statements(rows: Iterable[Row], years: Mapping[str, int | None]) -> list[Statement]:
    """Given unit_scores rows and each notice's assessment year, return one statement per
    notice and key, in the rows' order."""
    by_key: dict[tuple[str, Key], Statement] = {}
    for row in rows:
        for s in row_statements(row, years.get(row["notice_id"])):
            at = (s.notice_id, s.key)
            by_key[at] = merged(by_key[at], s) if at in by_key else s
    return list(by_key.values())


# --- copies -------------------------------------------------------------------------------


def copy_keys(notices: Sequence[Row], statements: Sequence[Statement]) -> dict[str, str]:
    """Given the notices and the statements, return each notice's copy key (notices with one
    key are copies of one document)."""
    facts: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for s in statements:
        facts[s.notice_id].append((s.key, *(getattr(s, k) for k in VALUES)))
    keys = {}
    for n in notices:
        nid = n["notice_id"]
        if n.get("notice_key"):
            keys[nid] = f"key:{n['notice_key']}"
        elif n.get("title") and facts[nid]:
            keys[nid] = f"text:{n['title']}|{sorted(facts[nid], key=repr)!r}"
        else:
            keys[nid] = f"id:{nid}"
    return keys


def sources_of(statements: Sequence[Statement], copies: Mapping[str, str]) -> list[Source]:
    """Given one key's statements (archive order) and the copy keys, return its sources."""
    groups: dict[str, list[Statement]] = {}
    for s in statements:
        groups.setdefault(copies.get(s.notice_id, s.notice_id), []).append(s)
    return [
        Source(copy=c, statement=group[0], notice_ids=tuple(g.notice_id for g in group))
        for c, group in groups.items()
    ]


# --- choosing and comparing values ------------------------------------------------------------


def chosen(sources: Sequence[Source], field: str) -> tuple[Any, Source | None]:
    """Given a key's sources and a field, return the value to keep and the source stating it:
    the year's own notices first, then the value most sources state, ties to the first."""
    stating = [s for s in sources if getattr(s.statement, field) is not None]
    pool = [s for s in stating if s.statement.primary] or stating
    if not pool:
        return None, None
    counts = Counter(getattr(s.statement, field) for s in pool)
    best = max(counts.values())
    first = next(s for s in pool if counts[getattr(s.statement, field)] == best)
    return getattr(first.statement, field), first


def decimals(value: float | int) -> int:
    """Given a stated number, return how many decimals it was stated with."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def disagree(a: Any, b: Any, field: str) -> bool:
    """Given two stated values of a field, return whether they differ beyond rounding."""
    if field == "rank" or isinstance(a, str):
        return bool(a != b)
    slack = Decimal(5) / Decimal(10) ** (min(decimals(a), decimals(b)) + 1)
    return abs(Decimal(repr(a)) - Decimal(repr(b))) > slack


def dissenters(sources: Sequence[Source], field: str) -> tuple[Source | None, list[Source]]:
    """Given a key's sources and a field, return the source of the kept value and the sources
    that disagree with it (ranks: among those ranking in as many units)."""
    value, keeper = chosen(sources, field)
    if keeper is None:
        return None, []
    comparable = [
        s
        for s in sources
        if getattr(s.statement, field) is not None and s is not keeper
        and (field != "rank" or (s.statement.rank_of == keeper.statement.rank_of is not None))
    ]  # fmt: skip
    return keeper, [s for s in comparable if disagree(value, getattr(s.statement, field), field)]


# --- rows --------------------------------------------------------------------------------


def document(notice: Mapping[str, Any]) -> str:
    """Given a notices row, return how a message names the document."""
    name = notice.get("number") or notice.get("title") or notice["notice_id"]
    return f"{name} ({notice.get('source_path')})"


def mismatch_row(
    key: Key, field: str, keeper: Source, other: Source, notices: Mapping[str, Row]
) -> Row:
    """Given a key, a field and two sources that disagree on it, return the validation row."""
    from parscore.pipeline.validate.checks import Code  # the validators: only for a finding

    unit_id, index, year = key
    kept, found = getattr(keeper.statement, field), getattr(other.statement, field)
    theirs, ours = notices[other.statement.notice_id], notices[keeper.statement.notice_id]
    return {
        "notice_id": other.statement.notice_id,
        "code": str(Code.CROSS_DOCUMENT_MISMATCH),
        "severity": "warning",
        "message": (
            f"{unit_id}, {index} {year}: {field} {found} in {document(theirs)}"
            f" but {kept} in {document(ours)}"
            " (beyond rounding: half a unit in the last decimal of the less precise value)"
        ),
        "expected": str(kept),
        "actual": str(found),
        "where": f"unit_years {unit_id} {index} {year} {field}",
    }


def year_row(
    key: Key, sources: Sequence[Source], ident: Row, notices: Mapping[str, Row]
) -> tuple[Row, list[Row]]:
    """Given a key, its sources and the unit's identity row, return its unit_years row and the
    validation rows of its disagreements."""
    findings, fields = [], []
    for field in COMPARED:
        keeper, others = dissenters(sources, field)
        if keeper is not None and others:
            fields.append(field)
            findings += [mismatch_row(key, field, keeper, o, notices) for o in others]
    _, index, year = key
    row = {
        **{k: ident[k] for k in ("unit_id", "unit", "unit_level", "unit_province")},
        "unit_code": code_in(ident, year),
        "index": index,
        "year": year,
        **{field: chosen(sources, field)[0] for field in VALUES},
        "n_sources": len(sources),
        "notice_ids": sorted({nid for s in sources for nid in s.notice_ids}),
        "conflict": bool(fields),
        "conflict_fields": fields,
    }
    return row, findings


def code_in(ident: Mapping[str, Any], year: int) -> str | None:
    """Given a unit's identity row and a year, return its official code valid that year."""
    if ident["unit_level"] == "tinh":
        return admin.province_code(ident["unit_province"], year)
    if ident["unit_level"] == "huyen":
        return admin.district_code(ident["unit_province"], ident["unit"], year)
    return None


#: What the panel keeps of a notices row: its id, how messages name it, its copy facts.
NOTICE_FACTS = ("notice_id", "notice_key", "title", "number", "source_path", "assessment_year")
#: What the panel keeps of a unit's first unit_scores row: who it is.
IDENTITY = ("unit_id", "unit", "unit_level", "unit_province")


@dataclass(slots=True, kw_only=True)
class Tally:
    """One unit's unit_scores rows, as the units table needs them, counted as they pass: the
    first row's identity, the years stated, the row of the latest year, notices, spellings."""

    ident: Row
    first_year: int | None = None
    last_year: int | None = None
    latest: int = 0
    code: str | None = None
    notice_ids: set[str] = dataclasses.field(default_factory=set)
    spellings: set[str] = dataclasses.field(default_factory=set)

    def add(self, row: Mapping[str, Any], year: int | None) -> None:
        """Given one of the unit's rows and the year it speaks of (its own, else its notice's
        assessment year), count it."""
        if year:
            self.first_year = year if self.first_year is None else min(self.first_year, year)
            self.last_year = year if self.last_year is None else max(self.last_year, year)
        if not self.notice_ids or (row["year"] or 0) > self.latest:  # the first latest row
            self.latest, self.code = row["year"] or 0, row["unit_code"]
        self.notice_ids.add(row["notice_id"])
        self.spellings.add(row.get("unit_raw") or row["unit"])


def tallied(
    rows: Iterable[Row], units: dict[str, Tally], notices: Mapping[str, Row]
) -> Iterator[Row]:
    """Given unit_scores rows, the tallies to fill and the notices by id, yield each row once
    it is counted in its unit's tally (the first row naming a unit gives its identity)."""
    for row in rows:
        uid = row.get("unit_id")
        if uid is not None:
            if uid not in units:
                units[uid] = Tally(ident={**{k: row[k] for k in IDENTITY}, "unit": ranked(row)})
            own = notices.get(row["notice_id"], {}).get("assessment_year")
            units[uid].add(row, row["year"] or own)
        yield row


def ranked(row: Mapping[str, Any]) -> str:
    """Given a unit_scores row, return the unit's name in rankings (its committee dropped)."""
    return ranked_name(row["unit"])


def copy_of(notices: Sequence[Row], statements: Sequence[Statement]) -> dict[str, str]:
    """Given the archive's notices and their statements, return each notice's copy_of: the
    first notice (archive order) of the copies it belongs to, itself when the first."""
    copies = copy_keys(notices, statements)
    first: dict[str, str] = {}
    for n in notices:
        first.setdefault(copies[n["notice_id"]], n["notice_id"])
    return {n["notice_id"]: first[copies[n["notice_id"]]] for n in notices}


def panel_rows(
    notices: Sequence[Row], statements: Sequence[Statement], units: Mapping[str, Tally]
) -> tuple[list[Row], list[Row]]:
    """Given the archive's notices, their statements (archive order) and the units' tallies,
    return the unit_years rows (sorted by unit id, index, year) and the
    cross-document-mismatch validation rows."""
    copies = copy_keys(notices, statements)
    by_key: dict[Key, list[Statement]] = defaultdict(list)
    for s in statements:
        by_key[s.key].append(s)
    by_id = {n["notice_id"]: n for n in notices}
    rows, findings = [], []
    for key in sorted(by_key):
        row, found = year_row(key, sources_of(by_key[key], copies), units[key[0]].ident, by_id)
        rows.append(row)
        findings += found
    return rows, findings


def unit_row(tally: Tally) -> Row:
    """Given one unit's tally, return its units row."""
    ident = tally.ident
    return {
        "unit_id": ident["unit_id"],
        "unit": ident["unit"],
        "unit_level": ident["unit_level"],
        "unit_province": ident["unit_province"],
        "province_code": admin.province_code(ident["unit_province"], tally.last_year),
        "code": tally.code,
        "first_year": tally.first_year,
        "last_year": tally.last_year,
        "n_notices": len(tally.notice_ids),
        "spellings": sorted(tally.spellings),
    }


def derive(parts: Path) -> None:
    """Given the folder of a run's part files (JSON Lines of every table, the archive's rows in
    order), write the units and unit_years part files, give each notice its copy_of and append
    the cross-document-mismatch findings to the validation part.

    The part files are read as streams: what is held is what the panel must compare (a few
    facts of each notice, one statement per notice, unit, index and year, a tally per unit),
    never a table's rows."""
    notices: list[Row] = [
        {k: n.get(k) for k in NOTICE_FACTS} for n in read_part(parts / "notices.jsonl")
    ]
    by_id = {n["notice_id"]: n for n in notices}
    years = {nid: n["assessment_year"] for nid, n in by_id.items()}
    units: dict[str, Tally] = {}
    scores = tallied(read_part(parts / "unit_scores.jsonl"), units, by_id)
    statements = notice_statements(scores, years)
    unit_years, findings = panel_rows(notices, statements, units)
    first = copy_of(notices, statements)
    rewrite_part(parts / "notices.jsonl", lambda n: {**n, "copy_of": first[n["notice_id"]]})
    write_part(parts / "units.jsonl", (unit_row(units[uid]) for uid in sorted(units)), append=False)
    write_part(parts / "unit_years.jsonl", unit_years, append=False)
    write_part(parts / "validation.jsonl", findings, append=True)


def read_part(path: Path) -> Iterator[Row]:
    """Given a part file, yield its rows."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def rewrite_part(path: Path, change: Callable[[Row], Row]) -> None:
    """Given a part file and a change of a row, write the file again, each row changed."""
    changed = path.with_name(f".{path.name}.new")
    write_part(changed, (change(row) for row in read_part(path)), append=False)
    changed.replace(path)


def write_part(path: Path, rows: Iterable[Row], *, append: bool) -> None:
    """Given a part file and rows, write (or append) them one JSON object a line."""
    with path.open("a" if append else "w", encoding="utf-8") as fh:
        fh.writelines(to_json(row) + "\n" for row in rows)
