"""Unit identity and the panel (issue 11): one row per unit, index and year over the archive.

``tests/panel/`` is a composed archive: national news items of 2022 and 2023 about the
provinces (one a mirror of another, with other page chrome), a province's decision and a
portal item about its districts, a later report that quotes the previous year's value of a
district differently, and "huyện Quảng Ninh" of Quảng Bình beside "tỉnh Quảng Ninh".
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from parscore.normalizers import admin
from parscore.pipeline import panel
from parscore.pipeline.cli import main
from parscore.pipeline.identity import identify, levels
from parscore.pipeline.panel import disagree
from parscore.pipeline.statements.units import official_district_count
from parscore.pipeline.validate.checks import Code

PANEL = Path(__file__).resolve().parent / "panel"
DATASETS = ("unit_scores", "units", "unit_years", "validation", "notices")


def run(*args: str) -> None:
    """Given run arguments, run parscore and check it succeeded."""
    assert main(["run", *args, "-q"]) == 0


def rows(out: Path, table: str) -> list[dict]:
    """Given an output folder and a table, return its JSON Lines rows."""
    text = (out / f"{table}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def year_of(out: Path, unit_id: str, year: int) -> dict:
    """Given an output folder, a unit id and a year, return its par row of unit_years."""
    [row] = [
        r for r in rows(out, "unit_years")
        if (r["unit_id"], r["index"], r["year"]) == (unit_id, "par", year)
    ]  # fmt: skip
    return row


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The composed archive, run once."""
    target = tmp_path_factory.mktemp("panel") / "out"
    run(str(PANEL), "--out", str(target))
    return target


# --- identity -------------------------------------------------------------------------------


def test_same_named_bodies_stay_apart() -> None:
    district = identify("Huyện Quảng Ninh", 2022, "Quảng Bình")
    province = identify("Tỉnh Quảng Ninh", 2022, "Quảng Bình")  # named in a Quảng Bình notice
    assert (district.level, district.province, district.code) == ("huyen", "Quảng Bình", "456")
    assert (province.level, province.province, province.code) == ("tinh", "Quảng Ninh", "22")
    assert district.unit_id != province.unit_id


def test_a_committee_is_its_locality_and_a_capital_city_is_a_district() -> None:
    committee = identify("Ủy ban nhân dân huyện Cẩm Mỹ", 2023, "Đồng Nai")
    assert committee == identify("Huyện Cẩm Mỹ", 2023, "Đồng Nai")
    capital = identify("Thành phố Yên Bái", 2021, None)
    assert (capital.level, capital.province, capital.code) == ("huyen", "Yên Bái", "132")
    city = identify("Thành phố Hải Phòng", 2021, "Yên Bái")
    assert (city.level, city.province, city.unit_id) == ("tinh", "Hải Phòng", "tinh.hai-phong")


def test_a_district_without_a_province_takes_the_one_province_that_has_it() -> None:
    assert identify("Huyện Trạm Tấu", 2021, None).province == "Yên Bái"
    assert identify("Sở Y tế", 2021, None).province is None  # no guess for a department


@pytest.mark.parametrize(
    ("name", "year", "code"),
    [
        ("Lào Cai", 2024, "10"),  # before the 2025 reorganisation
        ("Lào Cai", 2025, "15"),  # Lào Cai and Yên Bái merged, under a new code
        ("Yên Bái", 2025, None),  # no longer a province
        ("Thừa Thiên Huế", 2020, "46"),
        ("Hà Tây", 2020, None),  # gone before the list
    ],
)
def test_codes_are_those_valid_in_the_year(name: str, year: int, code: str | None) -> None:
    assert admin.province_code(name, year) == code


def test_levels_are_a_documented_vocabulary() -> None:
    assert {"bo", "tinh", "vung", "so", "huyen", "xa", "nganh_doc"} <= set(levels())
    seen = {
        identify(u, 2023, "Đồng Nai").level
        for u in (
            "Bộ Tư pháp",
            "Đồng bằng sông Hồng",
            "Sở Nội vụ",
            "Xã Xuân Đường",
            "Cục Thuế tỉnh",
        )
    }
    assert seen == {"bo", "vung", "so", "xa", "nganh_doc"}
    assert seen | {"tinh", "huyen"} <= set(levels())
    assert identify("Bảo hiểm xã hội", 2022, "Hà Giang").level == "nganh_doc"  # the head alone


# --- a district last among its province's districts ------------------------------------------


def test_last_among_the_provinces_districts_takes_the_official_count() -> None:
    assert admin.district_count("Quảng Bình", 2021) == 8
    others = ["Thị xã Ba Đồn", "Ủy ban nhân dân thành phố Đồng Hới"]
    assert official_district_count("Huyện Tuyên Hóa", others, "Quảng Bình", 2021) == 8
    # a stranger among them, another kind, no district level (2025), no province: no count
    assert official_district_count("Huyện Trạm Tấu", others, "Quảng Bình", 2021) is None
    assert official_district_count("Sở Y tế", [], "Quảng Bình", 2021) is None
    assert official_district_count("Huyện Tuyên Hóa", [], "Quảng Bình", 2025) is None
    assert official_district_count("Huyện Tuyên Hóa", [], None, 2021) is None


def test_a_notice_ranks_its_last_district_by_the_official_count(out: Path) -> None:
    [row] = [r for r in rows(out, "unit_scores") if r["unit"] == "Huyện Tuyên Hóa"
             and r["year"] == 2021]  # fmt: skip
    assert (row["rank"], row["rank_of"], row["rank_of_inferred"]) == (8, 8, True)
    stated = [r for r in rows(out, "unit_scores") if r["rank_of"] is not None]
    assert any(not r["rank_of_inferred"] for r in stated)


RANKED_BESIDE = """UBND TỈNH QUẢNG BÌNH
Số: 77/TB-UBND
Quảng Bình, ngày 02 tháng 3 năm 2021
THÔNG BÁO
Kết quả xếp hạng Chỉ số cải cách hành chính năm 2020
Khối UBND các huyện, thị xã, thành phố: Thị xã Ba Đồn xếp thứ nhất với 86,02%; thành phố Đồng
Hới xếp thứ hai với 85,40%; {third} xếp thứ ba với 84,77%. Huyện Minh Hóa xếp cuối cùng với 78,10%.
Nơi nhận: như trên; lưu VT.
"""


@pytest.mark.parametrize(("third", "last"), [("huyện Lệ Thủy", (8, 8)), ("huyện Văn Yên", None)])
def test_the_count_needs_every_unit_beside_to_be_a_district_of_the_province(
    tmp_path: Path, third: str, last: tuple[int, int] | None
) -> None:
    (tmp_path / "in").mkdir()
    text = RANKED_BESIDE.format(third=third).replace("Đồng\nHới", "Đồng Hới")
    (tmp_path / "in" / "notice.txt").write_text(text, encoding="utf-8")
    run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    found = [
        (r["rank"], r["rank_of"])
        for r in rows(tmp_path / "out", "unit_scores")
        if r["unit"] == "Huyện Minh Hóa" and r["rank_of_inferred"]
    ]
    assert found == ([last] if last else [])


def test_a_stranger_district_is_not_ranked_by_the_count(tmp_path: Path) -> None:
    text = (PANEL / "qb-2021-tin-huyen.txt").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stranger.txt").write_text(
        text.replace("huyện Tuyên Hóa", "huyện Trạm Tấu"), encoding="utf-8"
    )
    run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert not [r for r in rows(tmp_path / "out", "unit_scores") if r["unit"] == "Huyện Trạm Tấu"]


# --- the panel ------------------------------------------------------------------------------


def test_the_panel_consolidates_copies_and_later_reports(out: Path) -> None:
    leader = year_of(out, "tinh.quang-ninh", 2022)
    # news A and its mirror (one source), news B, and the 2023 item's "năm 2022: 90,55%"
    assert (leader["percent"], leader["rank"], leader["rank_of"]) == (90.55, 1, 63)
    assert leader["n_sources"] == 3 and len(leader["notice_ids"]) == 4
    assert not leader["conflict"]
    mirrored = year_of(out, "tinh.quang-binh", 2022)
    assert mirrored["n_sources"] == 1 and len(mirrored["notice_ids"]) == 2


def test_the_panel_keeps_a_province_and_a_same_named_district_apart(out: Path) -> None:
    district = year_of(out, "huyen.quang-binh.huyen-quang-ninh", 2023)
    province = year_of(out, "tinh.quang-ninh", 2023)
    assert (district["unit_level"], district["unit_province"]) == ("huyen", "Quảng Bình")
    assert (district["percent"], district["rank"], district["unit_code"]) == (87.95, 2, "456")
    assert (province["percent"], province["unit_code"]) == (91.2, "22")
    units = {u["unit_id"]: u for u in rows(out, "units")}
    assert units["tinh.quang-ninh"]["code"] == "22"
    assert units["huyen.quang-binh.huyen-quang-ninh"]["province_code"] == "44"


def test_the_panel_flags_a_later_report_that_quotes_the_year_differently(out: Path) -> None:
    row = year_of(out, "huyen.quang-binh.huyen-quang-ninh", 2022)
    assert row["conflict"] and row["conflict_fields"] == ["percent"]
    assert row["percent"] == 86.41  # the year's own decision wins over a later quotation
    [finding] = [v for v in rows(out, "validation") if v["code"] == Code.CROSS_DOCUMENT_MISMATCH]
    assert "318/QĐ-UBND" in finding["message"] and "509/QĐ-UBND" in finding["message"]
    assert (finding["expected"], finding["actual"]) == ("86.41", "86.38")
    later = next(n for n in rows(out, "notices") if n["number"] == "509/QĐ-UBND")
    assert finding["notice_id"] == later["notice_id"]


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [(88.33, 88.32, True), (88.333, 88.33, False), (88.325, 88.33, False), (88, 88.6, True)],
)
def test_documents_disagree_beyond_rounding(a: float, b: float, apart: bool) -> None:
    assert disagree(a, b, "score") is apart


def test_the_panel_is_typed_and_keyed_in_every_format(out: Path) -> None:
    types = {f.name: str(f.type) for f in pq.read_schema(out / "unit_years.parquet")}
    assert types["notice_ids"].startswith("list<") and types["conflict"] == "bool"
    assert types["year"] == "int64" and types["unit_code"] == "string"
    con = sqlite3.connect(out / "parscore.sqlite")
    key = [r[1] for r in sorted(con.execute('PRAGMA table_info("unit_years")'), key=lambda r: r[5])
           if r[5]]  # fmt: skip
    assert key == ["unit_id", "index", "year"]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    n = con.execute("SELECT count(*) FROM unit_years").fetchone()[0]
    assert n == len(rows(out, "unit_years"))
    con.close()
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    years = next(r for r in package["resources"] if r["path"] == "unit_years.csv")
    assert years["schema"]["primaryKey"] == ["unit_id", "index", "year"]
    assert years["schema"]["foreignKeys"][0]["reference"]["resource"] == "units"


def test_the_panels_package_validates_with_frictionless(out: Path) -> None:
    from frictionless import validate

    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def dataset_bytes(out: Path) -> dict[str, bytes]:
    """Given an output folder, return the bytes of its panel tables in every format."""
    return {p.name: p.read_bytes() for t in DATASETS for p in sorted(out.glob(f"{t}.*"))}


def test_two_runs_into_one_out_and_any_workers_give_the_same_panel(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for target, names in ((first, "news-*"), (second, "qb-*")):
        target.mkdir()
        for f in PANEL.glob(names):
            shutil.copy(f, target / f.name)
    run(str(first), "--out", str(tmp_path / "grown"))
    run(str(second), "--out", str(tmp_path / "grown"))
    all_in = tmp_path / "all"
    shutil.copytree(PANEL, all_in)
    for workers in ("1", "2"):
        run(str(all_in), "--out", str(tmp_path / workers), "--workers", workers)
    assert dataset_bytes(tmp_path / "1") == dataset_bytes(tmp_path / "2")
    grown = {r["unit_id"] for r in rows(tmp_path / "grown", "units")}
    assert grown == {r["unit_id"] for r in rows(tmp_path / "1", "units")}
    years = [
        (r["unit_id"], r["year"], r["n_sources"]) for r in rows(tmp_path / "grown", "unit_years")
    ]
    assert years == [
        (r["unit_id"], r["year"], r["n_sources"]) for r in rows(tmp_path / "1", "unit_years")
    ]


def test_a_units_tally_counted_as_rows_pass_gives_the_units_row() -> None:
    # The units row without the unit's rows held: years from the rows (else their notice's
    # assessment year), the code of the first row of the latest year, notices, spellings.
    def row(nid: str, year: int | None, code: str, raw: str) -> dict:
        return {"notice_id": nid, "unit_id": "tinh.yen-bai", "unit": "Tỉnh Yên Bái",
                "unit_level": "tinh", "unit_province": "Yên Bái", "year": year,
                "unit_code": code, "unit_raw": raw}  # fmt: skip

    rows = [
        row("a", 2022, "15", "tỉnh Yên Bái"),
        row("b", None, "15", "UBND tỉnh Yên Bái"),  # its notice assesses 2020
        row("c", 2023, "15a", "Yên Bái"),
        row("c", 2023, "15b", "Yên Bái"),
        {**row("d", 2024, "x", "Sở Y tế"), "unit_id": None},  # no unit: not counted
    ]
    notices = {"b": {"assessment_year": 2020}}
    units: dict[str, panel.Tally] = {}
    assert list(panel.tallied(rows, units, notices)) == rows  # every row passes on
    assert list(units) == ["tinh.yen-bai"]
    found = panel.unit_row(units["tinh.yen-bai"])
    assert found["unit"] == "Tỉnh Yên Bái" and found["code"] == "15a"
    assert (found["first_year"], found["last_year"], found["n_notices"]) == (2020, 2023, 3)
    assert found["spellings"] == ["UBND tỉnh Yên Bái", "Yên Bái", "tỉnh Yên Bái"]
    assert found["province_code"] == admin.province_code("Yên Bái", 2023)


def test_the_panel_reads_its_part_files_as_streams(tmp_path: Path) -> None:
    # A part file of notices rewritten row by row with copy_of; the units and unit_years
    # parts written; nothing else read whole.
    out = tmp_path / "out"
    run(str(PANEL), "--out", str(out))
    assert all(r["copy_of"] for r in rows(out, "notices"))
    parts = tmp_path / "parts"
    parts.mkdir()
    for table in ("notices", "unit_scores", "validation"):
        text = (out / f"{table}.jsonl").read_text(encoding="utf-8")
        plain = [{**json.loads(x), "copy_of": None} for x in text.splitlines()]
        if table != "notices":
            plain = [json.loads(x) for x in text.splitlines()]
            if table == "validation":
                plain = [v for v in plain if v["code"] != Code.CROSS_DOCUMENT_MISMATCH]
        (parts / f"{table}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plain), encoding="utf-8"
        )
    panel.derive(parts)
    for table in ("notices", "units", "unit_years", "validation"):
        assert (parts / f"{table}.jsonl").read_text(encoding="utf-8") == (
            out / f"{table}.jsonl"
        ).read_text(encoding="utf-8"), table
    assert not list(parts.glob(".*"))  # the rewritten notices part replaced the old one
