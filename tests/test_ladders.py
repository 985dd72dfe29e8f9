"""Grade ladders: the packaged file, band edges, selection, load errors, graded figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from parscore.normalizers.numbers import Number
from parscore.pipeline.model import Metadata, Notice, Summary, UnitScore
from parscore.pipeline.validate import (
    Ladder,
    LadderBook,
    LadderFileError,
    default_book,
    expected_grade,
    graded_figure,
    load_ladders,
    override_ladder,
    select_ladder,
    validate,
)
from tests.test_validate import clean, codes, make, num, with_rows, with_summary

BOOK = default_book()

VALID = """
[[ladder]]
id = "custom"
province = "*"
levels = ["*"]
years = "*"
basis = "points"
source = "test"
bands = [
  { lower = 75, lower_inclusive = true, label = "Tốt" },
  { lower = 0, lower_inclusive = true, label = "Khá" },
]
"""


def ladder(ladder_id: str) -> Ladder:
    """Given an id, return that packaged ladder."""
    found = BOOK.get(ladder_id)
    assert found is not None, ladder_id
    return found


def write(tmp_path: Path, text: str) -> Path:
    """Given TOML text, return the path of a ladder file holding it."""
    path = tmp_path / "ladders.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the packaged ladders ----------------------------------------------------------------------


def test_packaged_ladders_load_with_sources() -> None:
    ids = [item.id for item in BOOK.ladders]
    assert ids[0] == "default" and len(ids) == len(set(ids))
    assert {
        "national-par-index",
        "thua-thien-hue-so-huyen-2021",
        "thua-thien-hue-xa",
        "nam-dinh-so-2020",
        "nam-dinh-huyen-2020",
        "quang-nam-2023",
        "khanh-hoa",
    } <= set(ids)
    assert all(item.source for item in BOOK.ladders)


def test_default_ladder_is_the_documented_one() -> None:
    default = ladder("default")
    edges = [(b.lower, b.lower_inclusive, b.label) for b in default.bands]
    assert edges == [
        (Decimal(90), True, "Xuất sắc"),
        (Decimal(80), True, "Tốt"),
        (Decimal(70), True, "Khá"),
        (Decimal(50), True, "Trung bình"),
        (Decimal(0), True, "Yếu"),
    ]
    assert (default.province, default.levels, default.years, default.basis) == (
        "*",
        ("*",),
        None,
        "percent",
    )


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("0", "Yếu"),
        ("49.99", "Yếu"),
        ("50", "Trung bình"),
        ("69.99", "Trung bình"),
        ("70", "Khá"),
        ("79.999", "Khá"),
        ("80", "Tốt"),
        ("89.999", "Tốt"),
        ("90", "Xuất sắc"),
        ("100", "Xuất sắc"),
    ],
)
def test_default_bands_are_half_open(value: str, label: str) -> None:
    assert ladder("default").grade(Decimal(value)) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [("90.001", "Nhóm A"), ("90", "Nhóm B"), ("80", "Nhóm B"), ("70", "Nhóm C"), ("69.99", None)],
)
def test_above_90_source_leaves_exactly_90_in_the_lower_group(
    value: str, label: str | None
) -> None:
    assert ladder("national-par-index").grade(Decimal(value)) == label


def test_below_every_band_earns_nothing() -> None:
    assert ladder("nam-dinh-so-2020").grade(Decimal("79.99")) is None


# --- selection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "level", "year", "expected"),
    [
        (None, None, 2023, "default"),
        (None, "so", 2023, "default"),
        ("Thừa Thiên Huế", None, 2021, "default"),
        ("Hà Nội", "so", 2023, "default"),
        ("Thừa Thiên Huế", "so", 2021, "thua-thien-hue-so-huyen-2021"),
        ("Thành phố Huế", "huyen", 2023, "thua-thien-hue-so-huyen-2021"),
        ("tỉnh Thừa Thiên Huế", "so", 2021, "thua-thien-hue-so-huyen-2021"),
        ("Thừa Thiên Huế", "so", 2019, "default"),
        ("Thừa Thiên Huế", "xa", None, "thua-thien-hue-xa"),
        ("Nam Định", "so", 2020, "nam-dinh-so-2020"),
        ("Nam Định", "huyen", 2020, "nam-dinh-huyen-2020"),
        ("Nam Định", "so", 2021, "default"),
        ("Nam Định", "tinh", 2021, "national-par-index"),
        ("Quảng Nam", "huyen", 2023, "quang-nam-2023"),
        ("Khánh Hoà", "so", 2021, "khanh-hoa"),  # old tone placement
        ("KHÁNH HÒA", "huyen", None, "khanh-hoa"),
    ],
)
def test_most_specific_ladder_wins(
    province: str | None, level: str | None, year: int | None, expected: str
) -> None:
    chosen = select_ladder(BOOK, province=province, level=level, year=year)
    assert chosen is not None and chosen.id == expected


def test_province_beats_level_and_narrower_years_win() -> None:
    bands = (ladder("default").bands[0],)
    wide = Ladder(id="wide", province="Huế", years=(2000, 2030), bands=bands)
    narrow = Ladder(id="narrow", province="Huế", years=(2023, 2023), bands=bands)
    level = Ladder(id="level", levels=("so",), years=(2023, 2023), bands=bands)
    book = LadderBook(ladders=(level, wide, narrow))
    chosen = select_ladder(book, province="Huế", level="so", year=2023)
    assert chosen is not None and chosen.id == "narrow"


def test_no_match_without_a_wildcard_ladder() -> None:
    book = LadderBook(ladders=(ladder("nam-dinh-so-2020"),))
    assert select_ladder(book, province=None, level=None, year=None) is None


# --- loading errors name the field -------------------------------------------------------------


def test_custom_file_loads(tmp_path: Path) -> None:
    book = load_ladders(write(tmp_path, VALID))
    assert [item.id for item in book.ladders] == ["custom"]
    assert book.ladders[0].labels == ("Tốt", "Khá")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('basis = "points"', 'basis = "percentage"', "'basis'"),
        ('basis = "points"\n', "", "'basis' is missing"),
        ('levels = ["*"]', 'levels = ["province"]', "'levels'"),
        ('years = "*"', "years = [2024, 2020]", "'years'"),
        ('years = "*"', "years = [2020]", "'years'"),
        ('source = "test"', 'source = ""', "'source'"),
        ('id = "custom"', "id = 3", "'id'"),
        ("lower = 75,", 'lower = "75",', "bands[0]: field 'lower'"),
        ("lower = 0,", "lower = -1,", "bands[1]: field 'lower'"),
        (
            'lower_inclusive = true, label = "Khá"',
            'lower_inclusive = "yes", label = "Khá"',
            "bands[1]: field 'lower_inclusive'",
        ),
        ('label = "Tốt" }', 'label = "Tốt", colour = 1 }', "bands[0]: field 'colour'"),
        ('label = "Khá"', 'label = "Tốt"', "'bands.label'"),
        ("lower = 0,", "lower = 75,", "'bands.lower'"),
        ('source = "test"', 'source = "test"\nsorce = "typo"', "'sorce'"),
    ],
)
def test_bad_field_is_named(tmp_path: Path, old: str, new: str, field: str) -> None:
    assert old in VALID
    with pytest.raises(LadderFileError, match="ladder 1") as caught:
        load_ladders(write(tmp_path, VALID.replace(old, new, 1)))
    assert field in str(caught.value)


def test_percent_edges_stay_within_100(tmp_path: Path) -> None:
    text = VALID.replace('basis = "points"', 'basis = "percent"').replace(
        "lower = 75", "lower = 101"
    )
    with pytest.raises(LadderFileError, match=r"bands\[0\]: field 'lower'"):
        load_ladders(write(tmp_path, text))


def test_duplicate_ladder_ids_are_named(tmp_path: Path) -> None:
    with pytest.raises(LadderFileError, match="field 'id' repeats 'custom'"):
        load_ladders(write(tmp_path, VALID + VALID))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[ladder]\n", "not valid TOML"),
        ('title = "x"\n', "field 'title'"),
        ("", "field 'ladder' is missing"),
    ],
)
def test_bad_file_says_why(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LadderFileError, match=message):
        load_ladders(write(tmp_path, text))


def test_missing_file_is_a_ladder_error(tmp_path: Path) -> None:
    with pytest.raises(LadderFileError, match="cannot read"):
        load_ladders(tmp_path / "absent.toml")


# --- graded figure and expected grade ----------------------------------------------------------


def test_graded_figure_prefers_stated_then_computed_then_headline() -> None:
    notice = clean()
    assert graded_figure(notice) == ("stated_total", Decimal("75.61"))
    no_stated = with_summary(notice, stated_total=None)
    assert graded_figure(no_stated) == ("computed_total", Decimal("75.61"))
    headline_only = make(summary=Summary(headline_score=num("72.32")))
    assert graded_figure(headline_only) == ("headline_score", Decimal("72.32"))
    assert graded_figure(make()) is None


def test_unresolved_area_means_no_computed_total() -> None:
    unresolved = Number(value=None, raw="10.860", decimals=3)
    scores = (replace(clean().scores[0], appraised=unresolved), *clean().scores[1:])
    notice = with_summary(replace(clean(), scores=scores), stated_total=None)
    assert graded_figure(notice) == ("headline_score", Decimal("75.61"))


def test_expected_grade_of_the_seed_is_kha() -> None:
    assert expected_grade(clean()) == "Khá"
    assert expected_grade(make()) is None


def test_percent_ladder_divides_by_the_maximum_total() -> None:
    notice = make(summary=Summary(stated_total=num("62.62"), stated_max_total=num("70")))
    assert expected_grade(notice) == "Tốt"  # 89.457% of 70


def test_headline_written_as_percent_is_already_a_percent() -> None:
    summary = Summary(headline_score=num("89.45", percent=True), stated_max_total=num("70"))
    assert expected_grade(make(summary=summary)) == "Tốt"


def test_override_ladder_on_points(tmp_path: Path) -> None:
    custom = override_ladder(write(tmp_path, VALID))
    assert expected_grade(clean(), ladder=custom) == "Tốt"
    found = validate(with_rows(clean()), ladder=custom)
    assert [(c.code, c.expected, c.actual) for c in found] == [("grade-mismatch", "Tốt", "Khá")]


# --- grading by province ------------------------------------------------------------------------


def nam_dinh(total: str, grade: str) -> Notice:
    """Given a total and a grade, return a 2020 Nam Định sở notice."""
    meta = Metadata(province="Nam Định", level="so", assessment_year=2020)
    summary = Summary(stated_total=num(total), stated_max_total=num("100"), grade=grade)
    row = UnitScore(order=1, unit="Sở Tư pháp", score=num(total))
    return make(metadata=meta, summary=summary, unit_scores=(row,))


def test_group_labels_are_graded_like_grades() -> None:
    assert validate(nam_dinh("91", "Nhóm I")) == ()
    assert codes(nam_dinh("91", "Nhóm II")) == [("grade-mismatch", "error")]


def test_below_every_group_is_unverifiable() -> None:
    assert codes(nam_dinh("75", "Nhóm II")) == [("grade-unverifiable", "info")]


def test_province_with_unknown_edges_is_unverifiable_not_guessed() -> None:
    meta = Metadata(province="Khánh Hòa", level="so", assessment_year=2021)
    notice = with_rows(replace(clean(), metadata=meta))
    (check,) = validate(notice)
    assert (check.code, check.severity, check.actual) == ("grade-unverifiable", "info", "Khá")
    assert "khanh-hoa" in check.message


def test_each_unit_row_is_graded_at_its_own_level(tmp_path: Path) -> None:
    # a Huế sở notice: its own rows by the sở/huyện ladder, a commune's by the xã one (no
    # known edges: unverifiable, not judged by the sở bands); a --grade-scale ladder grades all
    meta = Metadata(province="Thừa Thiên Huế", level="so", assessment_year=2023)
    rows = (
        UnitScore(order=1, unit="Sở Tư pháp", score=num("85"), percent=num("85", percent=True),
                  grade="Khá"),
        UnitScore(order=2, unit="Ủy ban nhân dân xã Phú Mậu", score=num("85"),
                  percent=num("85", percent=True), grade="Khá"),
    )
    notice = make(metadata=meta, unit_scores=rows)
    found = {(c.where, c.code): c for c in validate(notice)}
    assert "thua-thien-hue-so-huyen-2021" in found["unit_scores[0]", "grade-mismatch"].message
    assert "thua-thien-hue-xa" in found["unit_scores[1]", "grade-unverifiable"].message
    assert ("unit_scores[1]", "grade-mismatch") not in found
    custom = override_ladder(write(tmp_path, VALID))
    mismatched = {c.where for c in validate(notice, ladder=custom) if c.code == "grade-mismatch"}
    assert mismatched == {"unit_scores[0]", "unit_scores[1]"}
