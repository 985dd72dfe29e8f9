"""The records a parsed notice is made of.

Equality means "same meaning": provenance and raw text are ``compare=False``, so the
same notice read from HTML, DOCX, PDF or a scan compares equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from parscore.extractors.model import SourceInfo
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.labels import part_codes
from parscore.normalizers.numbers import Number

#: Fewer areas than this, without a stated total, is a passage quoting some areas (a news
#: item's "lĩnh vực … đạt 9,42/10 điểm"), not the whole area table.
MIN_WHOLE_AREAS = 5


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Where:
    """Where in the document a value came from."""

    block: int | None = None
    row: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    issue_date: date | None = None
    meeting_date: date | None = None
    title: str | None = None
    chair: Person = field(default_factory=Person)
    signer: Person = field(default_factory=Person)
    recipients: tuple[str, ...] = ()
    assessment_year: int | None = None
    province: str | None = None
    level: str | None = None  # so, huyen, xa, bo, tinh: picks the grade ladder


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """One assessment area of the score table."""

    order: int
    area: str
    label: str
    max: Number | None = None
    self: Number | None = None
    appraised: Number | None = None
    percent: Number | None = None
    rank: int | None = None
    where: Where = field(default_factory=Where, compare=False)

    @property
    def score(self) -> Number | None:
        """Given an area, return its official figure: appraised where stated, else self."""
        return self.appraised if self.appraised is not None else self.self


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    headline_score: Number | None = None
    stated_total: Number | None = None
    stated_max_total: Number | None = None
    stated_self_total: Number | None = None
    grade: str | None = None
    grade_raw: str | None = None
    previous_year_delta: Number | None = None
    rank: int | None = None
    rank_of: int | None = None


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class UnitScore:
    """One score statement about a unit, from prose or a ranking table."""

    order: int
    unit: str
    index: str = "par"
    year: int | None = None
    score: Number | None = None
    max: Number | None = None
    percent: Number | None = None
    rank: int | None = None
    rank_of: int | None = None
    grade: str | None = None
    change: Number | None = None
    rank_change: int | None = None
    previous: Number | None = None
    source: str = "prose"
    grade_raw: str | None = field(default=None, compare=False)  # the grade as written
    #: its sentence names the index and states no other unit's figures: it may be the notice's own
    sole: bool = field(default=False, compare=False)
    unit_raw: str = field(default="", compare=False)
    group: str | None = None
    rank_of_inferred: bool = False  # rank_of is an official count the text never states
    where: Where = field(default_factory=Where, compare=False)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    section: str | None
    unit: str | None
    unit_code: str | None
    seq: int
    text: str
    deadline: date | None = None
    references: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    kind: str  # achievement | shortcoming
    seq: int
    text: str


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """A coded validation finding; never an exception."""

    code: str
    severity: Severity
    message: str
    expected: str | None = None
    actual: str | None = None
    where: str = "summary"


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    id: str = field(compare=False)
    key: str | None = None
    source: SourceInfo = field(compare=False)
    metadata: Metadata = field(default_factory=Metadata)
    summary: Summary = field(default_factory=Summary)
    scores: tuple[Score, ...] = ()
    unit_scores: tuple[UnitScore, ...] = ()
    tasks: tuple[Task, ...] = ()
    findings: tuple[Finding, ...] = ()
    validation: tuple[Check, ...] = ()

    @property
    def whole_table(self) -> bool:
        """Given a notice, return whether its areas are a whole table: a stated total, or at
        least ``MIN_WHOLE_AREAS`` rows that are areas, not parts of the index (SIPAS …); a
        news item quoting two areas is not summed into a total."""
        areas = [s for s in self.scores if s.area not in part_codes()]
        return self.summary.stated_total is not None or len(areas) >= MIN_WHOLE_AREAS

    @property
    def computed_total(self) -> Decimal | None:
        """Given a notice, return the sum of area scores, or None without any or when the
        areas are not a whole table."""
        values = [s.score.value for s in self.scores if s.score and s.score.value is not None]
        return sum(values, Decimal(0)) if values and self.whole_table else None

    @property
    def computed_max_total(self) -> Decimal | None:
        """Given a notice, return the sum of area maxima, or None when any is missing or the
        areas are not a whole table."""
        values = [s.max.value if s.max else None for s in self.scores]
        if not values or any(v is None for v in values) or not self.whole_table:
            return None
        return sum((v for v in values if v is not None), Decimal(0))
