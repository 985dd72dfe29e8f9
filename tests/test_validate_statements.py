"""Checks across the unit statements of one text: one unit's figures stated twice, one set's
ranks out of different counts. Composed rows; consistent texts raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore.pipeline.model import Severity, UnitScore
from parscore.pipeline.process import process_file
from parscore.pipeline.validate import Code, validate
from parscore.pipeline.validate.statements import implied_max
from tests.test_validate import clean, num, with_rows


def stated(unit: str, score: str | None = None, **fields: object) -> UnitScore:
    """Given a unit, its score and other fields, return a prose statement of 2023."""
    values: dict[str, object] = {"index": "par", "year": 2023, "source": "prose"}
    values.update(fields)
    figure = num(score) if score is not None else None
    return UnitScore(order=1, unit=unit, score=figure, **values)  # type: ignore[arg-type]


def found(*rows: UnitScore) -> list[tuple[str, Severity, str]]:
    """Given unit rows, return (code, severity, where) of the findings of the seed with them."""
    return [(str(c.code), c.severity, c.where) for c in validate(with_rows(clean(), *rows))]


CONFLICTS = {
    "lead and table": (
        stated("Huyện Kim Bôi", "88.33"),
        stated("Huyện Kim Bôi", "88.32", source="table", rank=1),
    ),
    "names folded": (stated("Sở Y tế", "90.1"), stated("SỞ Y TẾ", "91.1")),
    "two percents": (
        stated("Sở Nội vụ", percent=num("92.5", percent=True)),
        stated("Sở Nội vụ", percent=num("93.5", percent=True)),
    ),
    "two ranks in one table": (
        stated("A", "90", source="table", rank=2, rank_of=10),
        stated("A", "90", source="table", rank=3, rank_of=10),
    ),
    "coarser figure that does not round": (stated("A", "88.4"), stated("A", "88.33")),
}


@pytest.mark.parametrize("name", CONFLICTS)
def test_two_values_of_one_unit_are_an_error(name: str) -> None:
    assert found(*CONFLICTS[name]) == [("conflicting-value", Severity.ERROR, "unit_scores[1]")]


def test_the_finding_names_both_values_and_the_first_place() -> None:
    check = validate(with_rows(clean(), stated("A", "88.33"), stated("A", "88.32")))[0]
    assert (check.expected, check.actual) == ("88.33", "88.32")
    assert "unit_scores[0]" in check.message and "0.01" in check.message


def test_without_a_year_it_is_a_warning() -> None:
    rows = (stated("A", "80.5", year=None), stated("A", "81.5", year=None))
    assert found(*rows) == [("conflicting-value", Severity.WARNING, "unit_scores[1]")]


CONSISTENT = {
    "rounded restatement": (stated("A", "88.3"), stated("A", "88.33")),
    "whole restatement": (stated("A", "88"), stated("A", "88.33")),
    "other year": (stated("A", "80.1", year=2022), stated("A", "88.33")),
    "other index": (stated("A", "80.1", index="sipas"), stated("A", "88.33")),
    "other maximum": (stated("A", "70.2", max=num("80")), stated("A", "87.75")),
    "a part, by its percent": (
        stated("A", "12.38", percent=num("95.23", percent=True)),
        stated("A", "86.14"),
    ),
    "region and nation": (stated("A", rank=2), stated("A", rank=34, rank_of=63)),
    "other groups": (
        stated("A", rank=2, group="khối huyện", rank_of=9),
        stated("A", rank=5, group="khối xã", rank_of=9),
    ),
    "same count, other sets": (
        stated("Sở Y tế", rank=1, rank_of=20),
        stated("Huyện Kim Bôi", rank=1, rank_of=10),
    ),
    "averages": (stated("Trung bình", "80"), stated("Trung bình", "85")),
}


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_statements_raise_nothing(name: str) -> None:
    assert found(*CONSISTENT[name]) == []


def test_ranks_out_of_two_counts_in_one_group() -> None:
    rows = (
        stated("Huyện A", rank=1, rank_of=21, group="huyện"),
        stated("Huyện B", rank=7, rank_of=20, group="huyện"),
    )
    assert found(*rows) == [("rank-count-mismatch", Severity.WARNING, "unit_scores[1]")]


def test_implied_max_is_the_stated_then_the_percent_s() -> None:
    assert implied_max(stated("A", "70", max=num("80"))) == 80
    assert implied_max(stated("A", "11.7", percent=num("90", percent=True))) == 13
    assert implied_max(stated("A", "88")) is None


TEXTS = {
    "lead then table": (
        "Kết quả Chỉ số CCHC năm 2023 của các sở\n"
        "Năm 2023, Sở Công Thương đạt 91,72 điểm, dẫn đầu khối sở.\n"
        "STT\nĐơn vị\nĐiểm\nXếp hạng\n1\nSở Công Thương\n91,27\n1\n"
        "2\nSở Xây dựng\n88,05\n2\n",
        Code.CONFLICTING_VALUE,
    ),
    "two sentences, noise between": (
        "Chỉ số cải cách hành chính năm 2022 của các huyện được công bố (ảnh minh họa).\n"
        "Huyện Lạc Sơn đạt 84,6 điểm. Bấm vào đây để xem chi tiết.\n"
        "Trong năm 2022, huyện Lạc Sơn đạt 86,4 điểm, tăng so với năm trước.\n",
        Code.CONFLICTING_VALUE,
    ),
    "consistent lead and table": (
        "Kết quả Chỉ số CCHC năm 2023 của các sở\n"
        "Năm 2023, Sở Công Thương đạt 91,27 điểm, dẫn đầu khối sở.\n"
        "STT\nĐơn vị\nĐiểm\nXếp hạng\n1\nSở Công Thương\n91,27\n1\n"
        "2\nSở Xây dựng\n88,05\n2\n",
        None,
    ),
}


@pytest.mark.parametrize("name", TEXTS)
def test_composed_texts(name: str, tmp_path: Path) -> None:
    text, code = TEXTS[name]
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    codes = {c.code for c in process_file(path).notice.validation}
    new = codes & {Code.CONFLICTING_VALUE, Code.RANK_COUNT_MISMATCH}
    assert new == ({code} if code else set()), codes


PROSE_RANKS = {
    "a lower score ranked higher": (
        stated("Huyện Yên Thủy", "80.1", rank=2),
        stated("Huyện Lạc Thủy", "84", rank=3),
    ),
    "one rank, two scores, no tie": (
        stated("Sở Y tế", "87.5", rank=2, rank_of=20),
        stated("Sở Tư pháp", "80.1", rank=2, rank_of=20),
    ),
}


@pytest.mark.parametrize("name", PROSE_RANKS)
def test_prose_ranks_against_scores_are_a_warning(name: str) -> None:
    assert found(*PROSE_RANKS[name]) == [("rank-out-of-range", Severity.WARNING, "unit_scores[1]")]


PROSE_CONSISTENT = {
    "a tie": (stated("Sở Y tế", "87.5", rank=2), stated("Sở Tư pháp", "87.5", rank=2)),
    "within rounding": (stated("Huyện A", "84.1", rank=2), stated("Huyện B", "84.12", rank=3)),
    "other levels": (stated("Sở Y tế", "80", rank=1), stated("Huyện Kim Bôi", "90", rank=2)),
    "other counts": (
        stated("Tỉnh A", "80", rank=3, rank_of=14),
        stated("Tỉnh B", "90", rank=30, rank_of=63),
    ),
    "other years": (
        stated("Huyện A", "80", rank=1, year=2022),
        stated("Huyện B", "90", rank=2),
    ),
    "no score": (stated("Huyện A", rank=2), stated("Huyện B", "90", rank=2)),
}


@pytest.mark.parametrize("name", PROSE_CONSISTENT)
def test_consistent_prose_ranks_raise_nothing(name: str) -> None:
    assert found(*PROSE_CONSISTENT[name]) == []


def test_prose_ranks_in_a_composed_text(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "Công bố Chỉ số CCHC năm 2023 của các huyện.\n"
        "Huyện Tân Lạc đứng thứ 2 với 80,15 điểm (ảnh: Sở Nội vụ). "
        "Xếp thứ 3 là huyện Mai Châu với 85,9 điểm.\n",
        encoding="utf-8",
    )
    checks = process_file(path).notice.validation
    assert [(c.code, c.severity) for c in checks] == [(Code.RANK_OUT_OF_RANGE, Severity.WARNING)], (
        checks
    )


def test_provinces_ranked_without_group_or_count_are_not_compared() -> None:
    rows = (stated("Tỉnh Long An", "88", rank=7), stated("Tỉnh Cà Mau", "86.89", rank=3))
    assert found(*rows) == []
