"""Real-style compositions (tests/realstyle/compose.py): new directives, conclusion notices,
an official letter, a plan with a task table, a decision and a department's directive, printed
as text PDF, Word and scans; each value a careful reader finds must be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore import parse
from parscore.normalizers.text import fold
from tests.realstyle.compose import ALL, Composition, expected, render, write_corpus

CASES = [(c, fmt) for c in ALL for fmt in c.formats]


def same_unit(want: str, got: str | None) -> bool:
    """Given the expected unit and the one read, return whether they name the same body."""
    a, b = fold(want), fold(got or "")
    return bool(b) and (a in b or b in a)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with every composition rendered (scans included)."""
    folder = tmp_path_factory.mktemp("realstyle")
    write_corpus(folder)
    return folder


@pytest.mark.parametrize(("comp", "fmt"), CASES, ids=[f"{c.spec.name}-{f}" for c, f in CASES])
def test_reads_what_a_reader_finds(rendered: Path, comp: Composition, fmt: str) -> None:
    source = next((rendered / f"{comp.spec.name}-{fmt}").glob("source.*"))
    data = parse(source).to_dict()
    notice = data["notices"][0] if "notices" in data else data["notice"]
    assert (notice["number"], notice["issue_date"]) == (comp.number, comp.date)
    assert same_unit(comp.issuer, notice["issuer"])
    tasks = data["tasks"]
    for unit, text in comp.tasks:
        found = [t for t in tasks if fold(text)[:40] in fold(t["text"])]
        assert found, text
        assert not unit or any(same_unit(unit, t["unit"]) for t in found), (unit, found)


def test_expected_follows_the_dev_set() -> None:
    exp = expected(ALL[0])
    assert exp["tasks"][0]["unit"] == "Thủ trưởng các sở, ban, ngành cấp tỉnh"
    assert render(ALL[0], "pdf")[0] == ".pdf"


def test_an_ocr_em_dash_in_a_unit_is_a_plain_dash() -> None:
    from parscore.pipeline.parse.tasks import make_task

    task = make_task("3", "Sở Lao động — Thương binh và Xã hội", "Sở Lao động — Thương binh …", 1)
    assert task.unit == "Sở Lao động - Thương binh và Xã hội"


def test_a_quarter_after_trong_is_a_deadline() -> None:
    from datetime import date

    from parscore.pipeline.parse.tasks import deadline

    assert deadline("tổng hợp, báo cáo kết quả trong quý III/2024.") == date(2024, 9, 30)
    assert deadline("trong tháng 10/2024 hoàn thành") == date(2024, 10, 31)


def test_a_preamble_before_the_assigning_clause_is_left_out() -> None:
    from parscore.pipeline.parse.tasks import assigning_clause

    text = "Trên cơ sở kết quả rà soát, giao Sở Y tế chủ trì thực hiện."
    assert assigning_clause(text) == "giao Sở Y tế chủ trì thực hiện."
    own = "Thanh tra Sở có trách nhiệm kiểm tra. Yêu cầu các phòng thực hiện./."
    assert assigning_clause(own) == own


def test_a_number_whose_slash_ocr_lost_is_read() -> None:
    from parscore.pipeline.lines import Line
    from parscore.pipeline.parse.header_fields import number_field

    def line(text: str) -> Line:
        return Line(raw=text, text=text, key=text.lower())

    assert number_field([line("Số: 05CT-UBND")]).value == "05/CT-UBND"
    assert number_field([line("Số: 660 |TB-UBND")]).value == "660/TB-UBND"
    assert number_field([line("Số: 12 năm 2024")]).value is None


def test_an_office_named_under_its_parent_is_the_parents_office() -> None:
    from parscore.pipeline.lines import Line
    from parscore.pipeline.parse.header_fields import issuer_name

    texts = ("UBND TỈNH THANH HÓA", "VĂN PHÒNG", "Số: 1/TB-VP")
    lines = [Line(raw=t, text=t, key=t.lower()) for t in texts]
    assert issuer_name(lines) == "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"


def test_an_em_dash_ocr_reads_alone_is_an_en_dash() -> None:
    from parscore.extractors.tesseract import tsv_to_words

    rows = [f"5\t1\t1\t1\t1\t{k}\t{10 * k}\t0\t8\t10\t90\t{w}" for k, w in
            enumerate(("Lao", "động", "\u2014", "Thương"), start=1)]
    assert [w.text for w in tsv_to_words("\n".join(rows), 1.0)] == ["Lao", "động", "–", "Thương"]


def test_an_official_letter_with_kinh_gui_and_a_closing_formula() -> None:
    data = parse(Path(__file__).parent / "realstyle" / "cv1876-kinhgui.txt").to_dict()
    notice = data["notices"][0] if "notices" in data else data["notice"]
    assert (notice["number"], notice["issue_date"]) == ("1876/UBND-NCVX", "2024-09-09")
    assert notice["issuer"] == "Ủy ban nhân dân tỉnh Quảng Bình"
    got = [(t["unit"], t["text"][:30], t["deadline"]) for t in data["tasks"]]
    assert got == [
        ("Thủ trưởng các sở, ban, ngành cấp tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thị xã, "
         "thành phố", "Thủ trưởng các sở, ban, ngành ", "2024-10-15"),
        ("Sở Nội vụ", "Giao Sở Nội vụ chủ trì, phối h", "2024-11-30"),
        ("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông b", None),
    ]
