"""Validation checks: each code triggered alone, the seed's single warning, rounding, properties."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parscore.extractors.model import SourceInfo
from parscore.normalizers.numbers import Number
from parscore.pipeline.model import Check, Metadata, Notice, Score, Severity, Summary, UnitScore
from parscore.pipeline.validate import ACROSS_NOTICES, Code, validate
from parscore.pipeline.validate.grades import grade_unverifiable

SOURCE = SourceInfo(path="samples/test.txt", format="txt", sha256="0" * 64)
SEED_AREAS = (
    ("chi_dao_dieu_hanh", "Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "12.23"),
    ("the_che", "Cải cách thể chế", "14", "10"),
    ("tthc", "Cải cách thủ tục hành chính", "17.5", "10.86"),
    ("to_chuc_bo_may", "Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9"),
    ("cong_vu", "Cải cách chế độ công vụ", "12", "11"),
    ("tai_chinh_cong", "Cải cách tài chính công", "11", "7.41"),
    ("chinh_quyen_so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "15.11"),
)


def num(text: str, *, percent: bool = False) -> Number:
    """Given a number written with a dot decimal, return the Number the normaliser would give."""
    value = Decimal(text)
    decimals = max(0, -int(value.as_tuple().exponent))
    return Number(value=value, raw=text, decimals=decimals, percent=percent)


def make(**fields: object) -> Notice:
    """Given Notice fields, return a notice from the test source."""
    return Notice(id="test", source=SOURCE, **fields)  # type: ignore[arg-type]


def seed(headline: str = "72.32") -> Notice:
    """Given a headline, return the seed notice (568/TB-SXD) as the parser reads it."""
    scores = tuple(
        Score(order=i, area=area, label=label, max=num(top), appraised=num(score))
        for i, (area, label, top, score) in enumerate(SEED_AREAS, 1)
    )
    summary = Summary(
        headline_score=num(headline),
        stated_total=num("75.61"),
        stated_max_total=num("100"),
        grade="Khá",
        grade_raw="khá",
        previous_year_delta=num("3.286"),
    )
    row = UnitScore(
        order=1,
        unit="Sở Xây dựng",
        year=2023,
        score=num(headline),
        grade="Khá",
        change=num("3.286"),
    )
    meta = Metadata(number="568/TB-SXD", issuer="Sở Xây dựng", assessment_year=2023)
    return make(metadata=meta, summary=summary, scores=scores, unit_scores=(row,))


def clean() -> Notice:
    """Given nothing, return the seed with a headline equal to its total: it has no finding."""
    return seed(headline="75.61")


def with_summary(notice: Notice, **changes: object) -> Notice:
    """Given a notice and summary fields, return the notice with those fields replaced."""
    return replace(notice, summary=replace(notice.summary, **changes))


def with_area(notice: Notice, index: int, **changes: object) -> Notice:
    """Given a notice, an area index and Score fields, return the notice with that area changed."""
    scores = list(notice.scores)
    scores[index] = replace(scores[index], **changes)
    return replace(notice, scores=tuple(scores))


def with_rows(notice: Notice, *rows: UnitScore) -> Notice:
    """Given a notice and unit rows, return the notice with those rows instead of its own."""
    return replace(notice, unit_scores=rows)


def row(unit: str, score: str | None, rank: int | None = None, **fields: object) -> UnitScore:
    """Given a unit, its score and rank, return a ranking-table row."""
    values: dict[str, object] = {"source": "table", "group": "so", "index": "par", "year": 2023}
    values.update(fields)
    figure = num(score) if score is not None else None
    return UnitScore(order=1, unit=unit, score=figure, rank=rank, **values)  # type: ignore[arg-type]


def codes(notice: Notice) -> list[tuple[str, str]]:
    """Given a notice, return the (code, severity) of each finding, in order."""
    return [(str(c.code), str(c.severity)) for c in validate(notice)]


def only(notice: Notice) -> Check:
    """Given a notice expected to yield one finding, return it."""
    found = validate(notice)
    assert len(found) == 1, found
    return found[0]


# --- the seed ---------------------------------------------------------------------------------


def test_seed_yields_exactly_the_headline_warning() -> None:
    check = only(seed())
    assert (check.code, check.severity) == ("headline-total-mismatch", Severity.WARNING)
    assert (check.expected, check.actual, check.where) == ("75.61", "72.32", "summary")
    assert "72.32" in check.message and "75.61" in check.message and "tolerance ±" in check.message


def test_clean_seed_yields_nothing() -> None:
    assert validate(clean()) == ()


# --- one code per case --------------------------------------------------------------------------

UNRESOLVED = Number(
    value=None, raw="3.286", decimals=3, candidates=(Decimal("3.286"), Decimal("3286"))
)

CASES: dict[str, tuple[Callable[[], Notice], list[tuple[str, str]]]] = {
    "a number whose running count is 0": (
        lambda: replace(clean(), metadata=replace(clean().metadata, number="0/TB-SXD")),
        [("suspect-number", "warning")],
    ),
    "sum off by 0.5": (
        lambda: with_area(clean(), 0, appraised=num("12.73")),
        [("sum-mismatch", "error")],
    ),
    "self total off": (
        lambda: with_summary(
            replace(clean(), scores=tuple(replace(a, self=a.appraised) for a in clean().scores)),
            stated_self_total=num("76.61"),
        ),
        [("sum-mismatch", "error")],
    ),
    "maxima miss the stated max total": (
        lambda: with_area(clean(), 0, max=num("16.5")),
        [("max-sum-mismatch", "error")],
    ),
    "maxima miss the implied 100": (
        lambda: with_summary(with_area(clean(), 0, max=num("16.5")), stated_max_total=None),
        [("max-sum-mismatch", "warning")],
    ),
    "self-assessed over max": (
        lambda: with_area(clean(), 1, self=num("15")),
        [("score-over-max", "error")],
    ),
    "appraised over max": (
        lambda: with_summary(
            with_rows(with_area(clean(), 5, appraised=num("11.5"))),
            stated_total=num("79.70"),
            headline_score=num("79.70"),
        ),
        [("score-over-max", "error")],
    ),
    "negative self-assessed": (
        lambda: with_area(clean(), 0, self=num("-1")),
        [("negative-score", "error")],
    ),
    "headline differs": (seed, [("headline-total-mismatch", "warning")]),
    "grade not earned": (
        lambda: with_summary(clean(), grade="Tốt"),
        [("grade-mismatch", "error")],
    ),
    "grade not on the ladder": (
        lambda: with_summary(clean(), grade="Nhóm I"),
        [("grade-unverifiable", "info")],
    ),
    "previous + change != score": (
        lambda: with_rows(
            clean(),
            UnitScore(
                order=1,
                unit="Sở Xây dựng",
                score=num("75.61"),
                previous=num("70"),
                change=num("3.286"),
            ),
        ),
        [("delta-inconsistent", "error")],
    ),
    "unit percent": (
        lambda: with_rows(
            clean(),
            UnitScore(
                order=1,
                unit="Sở Y tế",
                score=num("62.62"),
                max=num("70"),
                percent=num("88.45", percent=True),
            ),
        ),
        [("percent-mismatch", "warning")],
    ),
    "area percent": (
        lambda: with_area(clean(), 1, percent=num("80", percent=True)),
        [("percent-mismatch", "warning")],
    ),
    "unresolved number": (
        lambda: with_summary(clean(), previous_year_delta=UNRESOLVED),
        [("ambiguous-number", "warning")],
    ),
    "unknown area": (
        lambda: with_area(clean(), 3, area="other"),
        [("unknown-area", "warning")],
    ),
    "duplicate area": (
        lambda: with_area(clean(), 6, area="cong_vu"),
        [("duplicate-area", "warning")],
    ),
    "rank beyond count": (
        lambda: with_rows(clean(), row("Sở Xây dựng", "75.61", 18, rank_of=17)),
        [("rank-out-of-range", "error")],
    ),
    "duplicate rank": (
        lambda: with_rows(clean(), row("A", "90", 1), row("B", "85", 2), row("C", "80", 2)),
        [("rank-out-of-range", "warning")],
    ),
    "ranks against scores": (
        lambda: with_rows(clean(), row("A", "80", 1), row("B", "85", 2)),
        [("rank-out-of-range", "warning")],
    ),
    "average row": (
        lambda: with_rows(
            clean(),
            row("A", "90", 1),
            row("B", "80", 2),
            row("C", "70", 3),
            row("Trung bình", "85"),
        ),
        [("sum-mismatch", "error")],
    ),
    "no scores": (lambda: make(), [("no-scores", "info")]),
    "one unit, two scores": (
        lambda: with_rows(clean(), row("A", "88.33", source="prose"), row("A", "88.32", 1)),
        [("conflicting-value", "error")],
    ),
    "one set, two counts": (
        lambda: with_rows(clean(), row("A", None, 1, rank_of=20), row("B", None, 2, rank_of=21)),
        [("rank-count-mismatch", "warning")],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_case_yields_exactly_its_code(name: str) -> None:
    build, expected = CASES[name]
    assert codes(build()) == expected


def test_every_code_has_a_case() -> None:
    covered = {code for _, expected in CASES.values() for code, _ in expected}
    assert covered == {str(code) for code in set(Code) - ACROSS_NOTICES}  # test_panel: the rest


# --- messages, locations and values -----------------------------------------------------------


def test_sum_mismatch_message_says_what_where_and_tolerance() -> None:
    check = only(with_area(clean(), 0, appraised=num("12.73")))
    assert (check.expected, check.actual, check.where) == ("76.11", "75.61", "scores")
    assert "76.11" in check.message and "75.61" in check.message
    assert "beyond the tolerance ±0.08" in check.message
    assert "over 8 figures" in check.message and "the table states 75.61" in check.message


def test_rounding_off_by_a_hundredth_is_info_not_error() -> None:
    check = only(with_area(clean(), 0, appraised=num("12.24")))
    assert (check.code, check.severity) == (Code.SUM_MISMATCH, Severity.INFO)
    assert "within the tolerance" in check.message


def test_total_rounded_from_finer_parts_is_no_finding() -> None:
    assert validate(with_area(clean(), 0, appraised=num("12.234"))) == ()


def test_whole_numbers_are_exact_so_half_a_point_is_an_error() -> None:
    notice = with_area(clean(), 1, appraised=num("10.5"))  # "10" is 10.00, not 10 ± 0.5
    assert codes(notice) == [("sum-mismatch", "error")]


def test_area_locations_are_json_array_positions() -> None:
    assert only(with_area(clean(), 1, self=num("15"))).where == "scores[1]"
    assert only(with_area(clean(), 6, area="cong_vu")).where == "scores[6]"


def test_ambiguous_number_names_raw_text_and_readings() -> None:
    check = only(with_summary(clean(), previous_year_delta=UNRESOLVED))
    assert '"3.286"' in check.message and "3286" in check.message
    assert (check.actual, check.where) == ("3.286", "summary")


def test_resolved_ambiguity_is_silent() -> None:
    settled = replace(UNRESOLVED, value=Decimal("3.286"), resolved_by="upper bound 100")
    assert validate(with_summary(clean(), previous_year_delta=settled)) == ()


def test_unresolved_area_score_is_left_out_of_the_sum() -> None:
    unresolved = Number(value=None, raw="10.860", decimals=3, candidates=(Decimal("10.86"),))
    notice = with_area(clean(), 2, appraised=unresolved)
    assert codes(notice) == [("ambiguous-number", "warning")]
    assert only(notice).where == "scores[2]"


def test_implied_max_total_of_100_holds_for_the_seed() -> None:
    assert validate(with_summary(clean(), stated_max_total=None)) == ()


def test_headline_percent_is_compared_on_the_percent_scale() -> None:
    summary = Summary(
        headline_score=num("89.45", percent=True),
        stated_total=num("62.62"),
        stated_max_total=num("70"),
    )
    notice = make(summary=summary, unit_scores=(row("Sở Y tế", "62.62"),))
    assert validate(notice) == ()


def test_headline_off_by_a_hundredth_is_info() -> None:
    assert codes(seed(headline="75.62")) == [("headline-total-mismatch", "info")]


# --- unit_scores ---------------------------------------------------------------------------------


def prose(**fields: object) -> UnitScore:
    """Given UnitScore fields, return a prose statement about the seed's unit."""
    values: dict[str, object] = {"unit": "Sở Xây dựng", **fields}
    return UnitScore(order=1, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ("72.32", []),  # 72.32 + 3.286 = 75.606, 75.61 as written
        ("72.31", [("delta-inconsistent", "info")]),  # off by 0.014: rounding
        ("70", [("delta-inconsistent", "error")]),
    ],
)
def test_delta_follows_the_decimals(previous: str, expected: list[tuple[str, str]]) -> None:
    statement = prose(score=num("75.61"), previous=num(previous), change=num("3.286"))
    assert codes(with_rows(clean(), statement)) == expected


def test_percent_within_the_rounding_of_all_three_figures_is_silent() -> None:
    # Nam Định 2020: 62,62 of 70 "đạt 89,45%" while 62.62/70 = 89.457%
    statement = prose(score=num("62.62"), max=num("70"), percent=num("89.45", percent=True))
    assert validate(with_rows(clean(), statement)) == ()


def test_whole_percent_is_a_rounded_figure() -> None:
    statement = prose(score=num("62.62"), max=num("70"), percent=num("89", percent=True))
    assert validate(with_rows(clean(), statement)) == ()


def test_unit_score_over_its_max_and_negative() -> None:
    notice = with_rows(clean(), prose(score=num("80"), max=num("75")), prose(score=num("-2")))
    assert codes(notice) == [("negative-score", "error"), ("score-over-max", "error")]


@pytest.mark.parametrize(("rank", "rank_of"), [(0, 17), (18, 17), (-1, None)])
def test_rank_out_of_range_is_an_error(rank: int, rank_of: int | None) -> None:
    notice = with_rows(clean(), prose(score=num("75.61"), rank=rank, rank_of=rank_of))
    assert codes(notice) == [("rank-out-of-range", "error")]


def test_summary_rank_is_checked() -> None:
    check = only(with_summary(clean(), rank=64, rank_of=63))
    assert (check.code, check.where, check.expected) == (
        Code.RANK_OUT_OF_RANGE,
        "summary",
        "1 to 63",
    )


def test_tied_ranks_are_not_duplicates() -> None:
    notice = with_rows(clean(), row("A", "90", 1), row("B", "85", 2), row("C", "85", 2))
    assert validate(notice) == ()


def test_ranks_are_compared_within_one_table_only() -> None:
    rows = (row("A", "90", 1), row("B", "80", 2), row("X", "60", 1, group="huyen"))
    assert validate(with_rows(clean(), *rows)) == ()
    prose_rows = (
        prose(score=num("70"), rank=1, year=2022),
        prose(unit="Sở Y tế", score=num("80"), rank=1, year=2023),
    )
    assert validate(with_rows(clean(), *prose_rows)) == ()


def test_rank_order_allows_the_rounding_of_the_scores() -> None:
    clearly_lower = with_rows(clean(), row("A", "80.00", 1), row("B", "80.02", 2))
    assert codes(clearly_lower) == [("rank-out-of-range", "warning")]
    rounded = with_rows(clean(), row("A", "80.0", 1), row("B", "80.03", 2))  # 80.0 is 80.05 at most
    assert validate(rounded) == ()


@pytest.mark.parametrize(
    ("average", "expected"),
    [("80", []), ("80.01", [("sum-mismatch", "info")]), ("81", [("sum-mismatch", "error")])],
)
def test_average_row_is_the_mean_of_its_table(
    average: str, expected: list[tuple[str, str]]
) -> None:
    rows = (
        row("A", "90", 1),
        row("B", "80", 2),
        row("C", "70", 3),
        row("Điểm trung bình", average),
    )
    assert codes(with_rows(clean(), *rows)) == expected


def test_average_row_location() -> None:
    rows = (row("A", "90", 1), row("B", "80", 2), row("Bình quân", "81"))
    assert only(with_rows(clean(), *rows)).where == "unit_scores[2]"


# --- grades ------------------------------------------------------------------------------------


def test_grade_mismatch_names_expected_and_stated_grades() -> None:
    check = only(with_summary(clean(), grade="Tốt"))
    assert (check.expected, check.actual, check.where) == ("Khá", "Tốt", "summary")
    assert "75.61" in check.message and "'default'" in check.message


def test_figures_earning_different_grades_are_a_warning() -> None:
    summary = Summary(
        headline_score=num("79.99"), stated_total=num("80.00"), stated_max_total=num("100")
    )
    notice = make(summary=summary, unit_scores=(prose(score=num("79.99")),))
    assert codes(notice) == [("headline-total-mismatch", "info"), ("grade-mismatch", "warning")]
    check = validate(notice)[1]
    assert (check.expected, check.actual) == ("Tốt", "Khá")
    assert "stated total" in check.message and "headline score" in check.message


def test_unit_row_grade_is_checked() -> None:
    notice = with_rows(clean(), prose(score=num("91.2"), grade="Khá"))
    check = only(notice)
    assert (check.code, check.severity, check.where) == (
        Code.GRADE_MISMATCH,
        Severity.ERROR,
        "unit_scores[0]",
    )


def test_unit_row_graded_by_its_percent() -> None:
    statement = prose(percent=num("94.49", percent=True), grade="Tốt")
    check = only(with_rows(clean(), statement))
    assert (check.code, check.expected, check.actual) == (Code.GRADE_MISMATCH, "Xuất sắc", "Tốt")
    assert "94.49%" in check.message


def test_no_ladder_makes_a_stated_grade_unverifiable() -> None:
    (check,) = grade_unverifiable(with_rows(clean()), None)
    assert (check.code, check.severity) == (Code.GRADE_UNVERIFIABLE, Severity.INFO)


def test_grade_without_any_figure_is_unverifiable() -> None:
    notice = make(summary=Summary(grade="Khá"), unit_scores=(prose(grade=None),))
    assert codes(notice) == [("grade-unverifiable", "info")]


# --- properties --------------------------------------------------------------------------------

parts = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 25_000)), min_size=1, max_size=12)


def table(values: list[tuple[int, int]], total: Number) -> Notice:
    """Given (decimals, digits) pairs and a stated total, return a notice with that area table."""
    scores = tuple(
        Score(order=i, area=f"a{i}", label=f"area {i}", appraised=num(str(Decimal(d).scaleb(-p))))
        for i, (p, d) in enumerate(values, 1)
    )
    return make(scores=scores, summary=Summary(stated_total=total))


@given(parts, st.integers(1, 3))
def test_consistent_table_never_yields_sum_mismatch(
    values: list[tuple[int, int]], places: int
) -> None:
    exact = sum((Decimal(d).scaleb(-p) for p, d in values), Decimal(0))
    total = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert Code.SUM_MISMATCH not in [c.code for c in validate(table(values, num(str(total))))]


@given(parts, st.integers(-100, 100))
def test_rounding_drift_is_never_an_error(values: list[tuple[int, int]], cents: int) -> None:
    exact = sum((Decimal(d).scaleb(-p) for p, d in values), Decimal(0))
    drift = Decimal(cents).scaleb(-2) * (len(values) + 1) / 100  # at most 0.01 per figure
    total = (exact + drift).quantize(Decimal("0.0001"))
    found = validate(table(values, num(str(total))))
    assert all(c.severity is not Severity.ERROR for c in found if c.code == Code.SUM_MISMATCH)


odd_values = st.one_of(
    st.none(),
    st.decimals(min_value=-200, max_value=200, places=3),
    st.sampled_from([Decimal(0), Decimal("NaN"), Decimal("Infinity"), Decimal("-0")]),
)
numbers = st.builds(
    Number,
    value=odd_values,
    raw=st.text(max_size=5),
    decimals=st.integers(0, 3),
    candidates=st.lists(
        st.decimals(places=3, allow_nan=False, allow_infinity=False), max_size=2
    ).map(tuple),
    percent=st.booleans(),
)
maybe = st.none() | numbers
labels = st.sampled_from(["Khá", "Tốt", "Xuất sắc", "Nhóm I", "Trung bình", "Yếu", "x"])
areas = st.builds(
    Score,
    order=st.integers(0, 9),
    area=st.sampled_from(["the_che", "tthc", "other", "cong_vu"]),
    label=st.just("area"),
    max=maybe,
    self=maybe,
    appraised=maybe,
    percent=maybe,
)
unit_rows = st.builds(
    UnitScore,
    order=st.integers(0, 9),
    unit=st.sampled_from(["A", "B", "Trung bình", "Bình quân"]),
    score=maybe,
    max=maybe,
    percent=maybe,
    change=maybe,
    previous=maybe,
    rank=st.none() | st.integers(-2, 30),
    rank_of=st.none() | st.integers(0, 30),
    grade=st.none() | labels,
    source=st.sampled_from(["table", "prose"]),
    group=st.sampled_from([None, "so"]),
)
summaries = st.builds(
    Summary,
    headline_score=maybe,
    stated_total=maybe,
    stated_max_total=maybe,
    stated_self_total=maybe,
    previous_year_delta=maybe,
    grade=st.none() | labels,
    rank=st.none() | st.integers(-2, 70),
    rank_of=st.none() | st.integers(0, 70),
)
metadata = st.builds(
    Metadata,
    province=st.sampled_from([None, "Nam Định", "Khánh Hòa", "Huế", "Hà Nội"]),
    level=st.sampled_from([None, "so", "huyen", "xa", "tinh"]),
    assessment_year=st.none() | st.integers(2010, 2030),
)


@settings(max_examples=200)
@given(
    metadata,
    summaries,
    st.lists(areas, max_size=6).map(tuple),
    st.lists(unit_rows, max_size=6).map(tuple),
)
def test_checks_never_raise(
    meta: Metadata, summary: Summary, scores: tuple[Score, ...], rows: tuple[UnitScore, ...]
) -> None:
    found = validate(make(metadata=meta, summary=summary, scores=scores, unit_scores=rows))
    for check in found:
        assert check.code in set(Code) and check.severity in set(Severity)
        assert check.message and check.where


def test_an_average_outside_any_group_covers_the_whole_table() -> None:
    rows = (
        row("Sở A", "90", 1, source="table", group="Nhóm I"),
        row("Sở B", "80", 2, source="table", group="Nhóm I"),
        row("Sở C", "70", 3, source="table", group="Nhóm II"),
        row("Trung bình", "80", None, source="table", group=None),
    )
    assert codes(with_rows(clean(), *rows)) == []
    wrong = (*rows[:3], row("Trung bình", "85", None, source="table", group=None))
    assert codes(with_rows(clean(), *wrong)) == [("sum-mismatch", "error")]


def test_a_statement_in_percent_is_checked_on_its_percent() -> None:
    stated = row(
        "Sở Y tế",
        None,
        None,
        percent=num("82.5", percent=True),
        change=num("3.1"),
        previous=num("80.2"),
    )
    assert codes(with_rows(clean(), stated)) == [("delta-inconsistent", "error")]
