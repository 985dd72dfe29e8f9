"""Unit score statements (issue 4): composed notices against golden files, and the pieces.

Each ``samples/statements-*`` file has ``tests/statements/<stem>.json``: the ``subject`` passed
as the issuer, the expected ``statements`` and what must be ``absent`` (units and figures of
boilerplate, spam, counters, dates, widgets, "other news" tails and counts). Run this module
as a script with sample paths to print a draft golden file (to review by hand, never to
trust): ``python tests/test_statements.py samples/statements-x.html``.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from parscore.extractors import extract
from parscore.extractors.model import Block, BlockKind, Cell, Document, SourceInfo
from parscore.normalizers.text import fold
from parscore.pipeline.lines import document_to_lines
from parscore.pipeline.model import UnitScore
from parscore.pipeline.statements import read_statements, unit_rows
from parscore.pipeline.statements.columns import Col, cell_role, read_columns
from parscore.pipeline.statements.cues import words_rx
from parscore.pipeline.statements.prose import split_sentences
from parscore.pipeline.statements.ranking import rank_cell, signed_cell
from parscore.pipeline.statements.tokens import (
    IN_CONTEXT,
    Around,
    Kind,
    Role,
    Token,
    _classified,
    sentence_tokens,
)
from parscore.pipeline.statements.units import find_mentions
from parscore.pipeline.tables.gridlines import merge_cell, place_children
from parscore.pipeline.tables.read import read_tables

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "statements"
STEMS = sorted({p.stem for p in SAMPLES.glob("statements-*") if p.suffix in (".html", ".txt")})
NUMBER_FIELDS = ("score", "max", "percent", "change", "previous")
FIELDS = (
    "unit", "unit_raw", "index", "year", "score", "max", "percent", "rank", "rank_of", "grade",
    "change", "rank_change", "previous", "source", "group",
)  # fmt: skip


def sample_path(stem: str) -> Path:
    """Given a sample stem, return its file (HTML or TXT)."""
    return next(p for p in SAMPLES.glob(f"{stem}.*") if p.suffix in (".html", ".txt"))


@cache
def golden(stem: str) -> dict[str, Any]:
    """Given a sample stem, return its golden file."""
    data: dict[str, Any] = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
    return data


@cache
def statements(path: Path, subject: str | None) -> tuple[UnitScore, ...]:
    """Given a sample and its issuer, return its statements (read once per run)."""
    return unit_scores(extract(path), subject)


def unit_scores(doc: Document, subject: str | None) -> tuple[UnitScore, ...]:
    """Given a document and its issuer, return its statements (its tables read as ``parse``
    reads them)."""
    tables = read_tables(doc, document_to_lines(doc))
    return unit_rows(read_statements(doc, tables=tables, subject=subject))


def as_row(s: UnitScore) -> dict[str, Any]:
    """Given a statement, return it as a golden row (numbers as Decimal strings)."""
    row: dict[str, Any] = {f: getattr(s, f) for f in FIELDS}
    for f in NUMBER_FIELDS:
        number = row[f]
        row[f] = (
            None
            if number is None
            else (str(number.value) if number.value is not None else "unresolved")
        )
    return row


def numbers_of(s: UnitScore) -> set[Decimal]:
    """Given a statement, return every figure it holds (numbers, ranks, changes of rank)."""
    found = {getattr(s, f).value for f in NUMBER_FIELDS if getattr(s, f) is not None}
    found |= {Decimal(v) for v in (s.rank, s.rank_of, s.rank_change) if v is not None}
    return {v for v in found if v is not None}


# --- samples against golden files ---------------------------------------------------------------


def test_every_sample_has_a_golden_file() -> None:
    assert len(STEMS) >= 12
    assert {p.stem for p in GOLDEN.glob("*.json")} == set(STEMS)
    formats = {sample_path(stem).suffix for stem in STEMS}
    assert formats == {".html", ".txt"}


def decimals(row: dict[str, Any]) -> dict[str, Any]:
    """Given a golden row, return it with its number fields as Decimal (so 73.40 equals 73.4)."""
    numbers = {f: Decimal(row[f]) for f in NUMBER_FIELDS if row[f] not in (None, "unresolved")}
    return row | numbers


@pytest.mark.parametrize("stem", STEMS)
def test_sample_matches_golden(stem: str) -> None:
    expected = golden(stem)
    got = [decimals(as_row(s)) for s in statements(sample_path(stem), expected["subject"])]
    assert got == [decimals(row) for row in expected["statements"]]
    assert [s.order for s in statements(sample_path(stem), expected["subject"])] == list(
        range(1, len(got) + 1)
    )


@pytest.mark.parametrize("stem", STEMS)
def test_sample_has_nothing_from_noise(stem: str) -> None:
    expected = golden(stem)
    absent = expected["absent"]
    found = statements(sample_path(stem), expected["subject"])
    assert not {s.unit for s in found} & set(absent["units"])
    figures = set().union(*(numbers_of(s) for s in found)) if found else set()
    assert not figures & {Decimal(v) for v in absent["values"]}


# --- the seed notice ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seed-568-tb-sxd.txt", "seed-568-tb-sxd.html"])
def test_seed_headline_is_the_only_statement(name: str) -> None:
    found = statements(SAMPLES / name, "Sở Xây dựng")
    assert len(found) == 1
    s = found[0]
    assert (s.unit, s.index, s.year, s.grade, s.source) == (
        "Sở Xây dựng",
        "par",
        2023,
        "Khá",
        "prose",
    )
    assert s.score is not None and s.score.value == Decimal("72.32") and s.score.raw == "72,32"
    assert s.change is not None and s.change.value == Decimal("3.286")
    assert (s.previous, s.rank, s.rank_of, s.percent, s.max) == (None, None, None, None, None)


def test_area_table_gives_no_unit_statement() -> None:
    header = ("Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định")
    body = (("Cải cách thể chế", "14", "10"), ("Cải cách chế độ công vụ", "12", "11"))
    cells = tuple(
        Cell(row=r, col=c, text=text)
        for r, row in enumerate((header, *body))
        for c, text in enumerate(row)
    )
    doc = document(
        Block(kind=BlockKind.PARAGRAPH, text="Chỉ số CCHC năm 2023 của Sở Y tế như sau:"),
        Block(kind=BlockKind.TABLE, cells=cells),
    )
    assert unit_scores(doc, "Sở Y tế") == ()


def document(*blocks: Block) -> Document:
    """Given blocks, return a Document of them."""
    return Document(source=SourceInfo(path="t", format="txt", sha256="0"), blocks=blocks)


def prose(*paragraphs: str, subject: str | None = None) -> list[dict[str, Any]]:
    """Given paragraphs (the first is a title), return their statements as golden rows."""
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=p) for p in paragraphs]
    return [as_row(s) for s in unit_scores(document(*blocks), subject)]


TITLE = "Kết quả Chỉ số cải cách hành chính năm 2023"


# --- the pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rank", "rank_of"),
    [
        ("Sở A xếp thứ 11/17.", 11, 17),
        ("Sở A xếp hạng 07/17.", 7, 17),
        ("Sở A đứng thứ 11 trong số 17 sở, ngành.", 11, 17),
        ("Sở A đứng thứ 11 trên 63 tỉnh, thành phố.", 11, 63),
        ("Sở A xếp thứ nhất.", 1, None),
        ("Sở A đứng thứ sáu.", 6, None),
        ("Sở A xếp thứ mười.", 10, None),
        ("Sở A đứng thứ năm.", 5, None),
        ("Sở A tiếp tục dẫn đầu.", 1, None),
        ("Sở A xếp cuối bảng trong số 20 sở.", 20, 20),
    ],
)
def test_rank_forms(text: str, rank: int, rank_of: int | None) -> None:
    [row] = prose(TITLE, text.replace("Sở A", "Sở Tư pháp"))
    assert (row["rank"], row["rank_of"]) == (rank, rank_of)


def test_last_place_takes_the_count_others_state() -> None:
    rows = prose(TITLE, "Sở Tư pháp xếp thứ 1/20; Sở Y tế đứng cuối bảng.")
    assert [(r["rank"], r["rank_of"]) for r in rows] == [(1, 20), (20, 20)]


def test_last_place_without_a_count_has_no_rank() -> None:
    [row] = prose(TITLE, "Sở Y tế đứng cuối bảng với 78,2%.")
    assert (row["rank"], row["rank_of"], row["percent"]) == (None, None, "78.2")


def test_a_count_is_not_a_rank_or_a_value() -> None:
    assert (
        prose(TITLE, "Có 4/8 nội dung đạt điểm tối đa; 100% thủ tục hành chính được công khai.")
        == []
    )
    assert prose(TITLE, "Năm 2023 có 15/20 sở, ngành đạt loại Tốt.", subject="Sở Y tế") == []


@pytest.mark.parametrize(
    ("text", "change", "rank_change"),
    [
        ("Sở Tư pháp đạt 90% , tăng 5,40 điểm.", "5.40", None),
        ("Sở Tư pháp đạt 90%, giảm 2,42 điểm so với năm 2022.", "-2.42", None),
        ("Sở Tư pháp đạt 90%, tăng 4 bậc.", None, 4),
        ("Sở Tư pháp đạt 90%, giảm 7 bậc so với năm 2022.", None, -7),
        ("Sở Tư pháp đạt 90%, tăng 3.286 điểm.", "3.286", None),
        ("Sở Tư pháp đạt 90% (+1,5 điểm).", "1.5", None),
    ],
)
def test_changes(text: str, change: str | None, rank_change: int | None) -> None:
    [row] = prose(TITLE, text)
    assert (row["change"], row["rank_change"]) == (change, rank_change)


def test_indices_in_one_sentence_are_separate_statements() -> None:
    rows = prose(
        TITLE,
        "Năm 2023, Chỉ số CCHC của tỉnh Đồng Nai đạt 88,1%, Chỉ số SIPAS đạt 85,2%, PAPI đạt 43,5 "
        "điểm, PCI đạt 68,32 điểm và DDCI đạt 70,1 điểm.",
    )
    assert [(r["unit"], r["index"]) for r in rows] == [
        ("Tỉnh Đồng Nai", i) for i in ("par", "sipas", "papi", "pci", "ddci")
    ]
    assert [r["score"] or r["percent"] for r in rows] == ["88.1", "85.2", "43.5", "68.32", "70.1"]


@pytest.mark.parametrize(
    ("text", "score", "max_", "percent"),
    [
        ("Sở Tư pháp đạt 70,97/75 điểm.", "70.97", "75", None),
        ("Sở Tư pháp đạt 40,62/80.", "40.62", "80", None),
        ("Sở Tư pháp đạt 85,9329/100 điểm.", "85.9329", "100", None),
        ("Sở Tư pháp đạt 68,32 điểm, tương ứng 81,33%.", "68.32", None, "81.33"),
        ("Sở Tư pháp đạt 97,685 điểm.", "97.685", None, None),
        ("Sở Tư pháp đạt 90, 15%.", None, None, "90.15"),
        ("Sở Tư pháp đạt 85,6 % điểm.", None, None, "85.6"),
        ("Sở Tư pháp: 88,76.", "88.76", None, None),
        ("Sở Tư pháp đạt 85 điểm trên tổng số 100 điểm.", "85", "100", None),
    ],
)
def test_scores_percents_and_ratios(
    text: str, score: str | None, max_: str | None, percent: str | None
) -> None:
    [row] = prose(TITLE, text)
    assert (row["score"], row["max"], row["percent"]) == (score, max_, percent)


def test_previous_value_in_nested_brackets() -> None:
    [row, past] = prose(
        TITLE, "Sở Tư pháp đạt 81,33%, xếp thứ 3/20 (năm 2022 đạt 78,1% (xếp thứ 9/20))."
    )
    assert (row["percent"], row["previous"], row["rank"], row["rank_of"]) == (
        "81.33",
        "78.1",
        3,
        20,
    )
    assert (past["year"], past["percent"], past["rank"], past["rank_of"]) == (2022, None, 9, 20)


def test_self_assessed_and_last_years_appraised() -> None:
    [row] = prose(
        TITLE,
        "Năm 2023, Sở tự đánh giá 90,5 điểm (năm 2022 Hội đồng thẩm định 85,3 điểm).",
        subject="Sở Tư pháp",
    )
    assert (row["unit"], row["unit_raw"], row["score"], row["previous"]) == (
        "Sở Tư pháp",
        "Sở",
        "90.5",
        "85.3",
    )


def test_from_to_gives_previous_and_score() -> None:
    [row] = prose(TITLE, "Chỉ số CCHC của Sở Tư pháp tăng từ 78,1% lên 81,33%.")
    assert (row["previous"], row["percent"]) == ("78.1", "81.33")


@pytest.mark.parametrize(
    ("text", "change", "previous"),
    [
        ("Sở Y tế đạt 85 điểm năm 2023, cao hơn năm 2022 là 3 điểm.", "3", None),
        ("Sở Y tế đạt 85 điểm, thấp hơn năm trước 1,5 điểm.", "-1.5", None),
        ("Sở Y tế đạt 85 điểm, tăng so với năm 2022 là 2,1 điểm.", "2.1", None),
        ("Sở Y tế đạt 85 điểm, tăng so với năm 2022 (82 điểm).", None, "82"),
        ("Sở Y tế đạt 85 điểm, tăng 3 điểm so với năm 2022.", "3", None),
    ],
)
def test_differences_and_previous_values(
    text: str, change: str | None, previous: str | None
) -> None:
    [row] = prose(TITLE, text)
    assert (row["score"], row["change"], row["previous"]) == ("85", change, previous)


def test_total_after_an_area_is_the_units_again() -> None:
    [row] = prose(TITLE, "Sở Y tế có 3/7 lĩnh vực đạt điểm tối đa, tổng điểm đạt 88,5/100.")
    assert (row["unit"], row["score"], row["max"]) == ("Sở Y tế", "88.5", "100")


def test_a_reference_to_an_unknown_unit_takes_no_default() -> None:
    assert (
        prose(TITLE, "Chỉ số CCHC năm 2023 của tỉnh đạt 86,5%, xếp thứ 15/63.", subject="Sở Y tế")
        == []
    )
    [row] = prose(TITLE, "Chỉ số CCHC năm 2023 của tỉnh đạt 86,5%.", subject="tỉnh Đồng Nai")
    assert (row["unit"], row["percent"]) == ("Tỉnh Đồng Nai", "86.5")


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hồ sơ trực tuyến của Sở Y tế đạt 85%.",
        "Sở Y tế đã tiếp nhận 1.234 hồ sơ, đạt 99,2% kế hoạch.",
        "Sở Y tế và Sở Nội vụ cùng tổ chức 05 lớp tập huấn cho 300 học viên.",
        "Sở GTVT xếp thứ 2 về chuyển đổi số.",
        "Giá vàng hôm nay tăng 2% lên 75 triệu đồng/lượng.",
        "Lúc 8h30 ngày 12/3, Sở Y tế tổ chức hội nghị; có 150 đại biểu tham dự.",
    ],
)
def test_no_statement_from_other_measures(text: str) -> None:
    assert prose(TITLE, text, subject="Sở Tư pháp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sở Tư pháp: lãi suất 0%, giảm giá 50% phí dịch vụ.",
        "Ngày 12.12 Sở Tư pháp tổ chức hội nghị.",
        "Sở Tư pháp có 20 đơn vị trực thuộc.",
        "Các đơn vị có Chỉ số CCHC dưới 85% phải xây dựng kế hoạch khắc phục.",
        "Nhóm I gồm các sở đạt từ 90% trở lên.",
    ],
)
def test_no_statement_from_quantities_thresholds_or_dates(text: str) -> None:
    assert prose(TITLE, text, subject="Sở Tư pháp") == []


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Sở Tư pháp đạt 90 điểm, XẾP LOẠI TỐT.", "Tốt"),
        ("Sở Tư pháp đạt 60 điểm, xếp loại Trung Bình.", "Trung bình"),
        ("Sở Tư pháp đạt 40 điểm, xếp loại kém.", "Kém"),
        ("Sở Tư pháp đạt 72,32 điểm, xếp lại khá.", "Khá"),
        ("Sở Tư pháp đạt 85%, thuộc nhóm B.", "Nhóm B"),
    ],
)
def test_grades_in_any_case(text: str, grade: str) -> None:
    [row] = prose(TITLE, text)
    assert row["grade"] == grade


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sở TT-TT", "Sở Thông tin và Truyền thông"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("TP.Biên Hòa", "Thành phố Biên Hòa"),
        ("H.Cẩm Mỹ", "Huyện Cẩm Mỹ"),
        ("Bộ GTVT", "Bộ Giao thông vận tải"),
        ("UBND huyện Cẩm Mỹ", "Ủy ban nhân dân huyện Cẩm Mỹ"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        # provinces named bare or spelled otherwise
        ("Quảng Ninh", "Tỉnh Quảng Ninh"),
        ("Hải Phòng", "Thành phố Hải Phòng"),
        ("Thanh Hoá", "Tỉnh Thanh Hóa"),
        ("Đắc Lắc", "Tỉnh Đắk Lắk"),
        ("Bà Rịa–Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"),
        ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế"),
        ("tỉnh Thanh Hóa", "Tỉnh Thanh Hóa"),
        ("UBND tỉnh Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa"),
    ],
)
def test_abbreviated_units(written: str, canonical: str) -> None:
    text = f"{written} đạt 90,5%"
    [mention] = find_mentions(text, fold(text))
    assert (mention.raw, mention.unit) == (written, canonical)


@pytest.mark.parametrize(
    "text",
    [
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đạt 90,5%",
        "giữ vững hòa bình, ổn định, tỷ lệ đạt 90,5%",
        "Trường Đại học Cần Thơ đạt 90,5%",
    ],
)
def test_words_that_only_look_like_a_province(text: str) -> None:
    units = [m.unit for m in find_mentions(text, fold(text))]
    assert "Thành phố Hồ Chí Minh" not in units and "Tỉnh Hòa Bình" not in units
    assert "Thành phố Cần Thơ" not in units


def test_back_references_mean_the_subject() -> None:
    rows = prose(
        "Sở Tư pháp nâng cao Chỉ số CCHC",
        "Năm 2023, đơn vị đạt 91,2%, xếp thứ 2/20.",
        subject="Sở Y tế",
    )
    assert [(r["unit"], r["unit_raw"]) for r in rows] == [("Sở Tư pháp", "đơn vị")]
    rows = prose(
        TITLE, "Năm 2023, Chỉ số CCHC của UBND huyện đạt 85,5 điểm.", subject="UBND huyện Cẩm Mỹ"
    )
    assert [r["unit"] for r in rows] == ["Ủy ban nhân dân huyện Cẩm Mỹ"]


def test_title_statements_only_when_the_body_lacks_them() -> None:
    title = "Sở Tư pháp dẫn đầu Chỉ số CCHC năm 2023"
    rows = prose(title, "Năm 2023, Sở Y tế đạt 80,5%.")
    assert [(r["unit"], r["rank"], r["percent"]) for r in rows] == [
        ("Sở Tư pháp", 1, None),
        ("Sở Y tế", None, "80.5"),
    ]
    rows = prose(title, "Năm 2023, Sở Tư pháp đạt 94,49%.")
    assert [(r["unit"], r["rank"], r["percent"]) for r in rows] == [("Sở Tư pháp", None, "94.49")]


def test_a_repeated_lead_gives_its_statements_once() -> None:
    lead = "Năm 2023, Chỉ số CCHC của Sở Y tế đạt 80,5%."
    assert len(prose(TITLE, lead, lead + " Sở Nội vụ đạt 90%.")) == 2


def test_sentences_split_but_not_after_abbreviations() -> None:
    text = "UBND TP. Biên Hòa đạt 90%. Ngày 12.12 H. Cẩm Mỹ đạt 88%. Xếp thứ 2."
    assert split_sentences(text) == [
        "UBND TP. Biên Hòa đạt 90%.",
        "Ngày 12.12 H. Cẩm Mỹ đạt 88%.",
        "Xếp thứ 2.",
    ]


def test_tokens_of_a_headline() -> None:
    text = "Chỉ số CCHC của Sở Xây dựng năm 2023 đạt 72,32 điểm, tăng 3.286 điểm so với năm 2022."
    tokens = [t for t in sentence_tokens(text, fold(text)) if t.kind is not Kind.COMMA]
    assert [t.kind for t in tokens] == [
        Kind.INDEX,
        Kind.UNIT,
        Kind.YEAR,
        Kind.VALUE,
        Kind.CHANGE,
        Kind.YEAR,
    ]
    assert tokens[3].role is Role.SCORE and tokens[-1].compare


def test_phrase_tries_match_the_longest_phrase_as_whole_words() -> None:
    rx = words_rx(["chỉ số", "chỉ số CCHC", "chỉ số cải cách hành chính", "sở ban ngành"])
    text = fold("Chỉ số CCHC, chỉ số cải cách hành chính, các sở, ban, ngành; chỉ sốx")
    assert [m.group() for m in rx.finditer(text)] == [
        "chỉ số cchc", "chỉ số cải cách hành chính", "sở, ban, ngành",
    ]  # fmt: skip


# --- ranking tables -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" 7", (7, None)), ("07/17", (7, 17)), ("Thứ nhất", (1, None)), ("x", None)],
)
def test_rank_cells(text: str, expected: tuple[int, int | None] | None) -> None:
    assert rank_cell(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("+2,1", "2.1"), ("-7", "-7"), ("giảm 1,5", "-1.5"), ("↑3", "3"), ("Tăng 0,25", "0.25")],
)
def test_change_cells(text: str, value: str) -> None:
    number = signed_cell(text)
    assert number is not None and number.value == Decimal(value)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("TT", Col.ORDER),
        ("Tên đơn vị", Col.UNIT),
        ("Cơ quan, đơn vị", Col.UNIT),
        ("Tổng điểm", Col.SCORE),
        ("Chỉ số CCHC (%)", Col.PERCENT),
        ("Xếp hạng", Col.RANK),
        ("Vị thứ", Col.RANK),
        ("Xếp loại", Col.GRADE),
        ("Tăng (+)/giảm (-) so với năm 2022", Col.CHANGE),
        ("Tăng/giảm bậc", Col.RANK_CHANGE),
        ("Cải cách thể chế", Col.AREA),
        ("Điểm tối đa", Col.MAX),
        ("Điểm các lĩnh vực", Col.PARENT),
        ("Lĩnh vực", Col.AREA),
        ("Tên cơ quan, đơn vị, địa phương", Col.UNIT),
        ("Đơn vị tính", None),
    ],
)
def test_column_roles(header: str, role: Col | None) -> None:
    assert cell_role(header) == role


def test_the_unnamed_column_after_the_order_holds_the_units() -> None:
    columns = read_columns([("TT",), (), ("Điểm",), ("Xếp hạng",)])
    assert [c.role for c in columns] == [Col.ORDER, Col.UNIT, Col.SCORE, Col.RANK]
    area = read_columns([("TT",), ("Lĩnh vực",), ("Điểm tối đa",), ("Điểm đạt",)])
    assert Col.UNIT not in [c.role for c in area]


def test_earlier_year_column_is_previous() -> None:
    columns = read_columns(
        [("Đơn vị",), ("Chỉ số CCHC năm 2022",), ("Chỉ số CCHC năm 2023",), ("Xếp hạng năm 2022",)]
    )
    assert [c.role for c in columns] == [Col.UNIT, Col.PREVIOUS, Col.SCORE, Col.OTHER]


def test_flattened_headers_merge_and_children_take_their_parents_place() -> None:
    cells: list[str] = []
    for line in (
        "TT",
        "Tên",
        "đơn vị",
        "Tổng điểm",
        "Điểm các lĩnh vực",
        "Xếp",
        "Hạng",
        "Cải cách thể chế",
        "Cải cách TTHC",
    ):
        cells = merge_cell(cells, line)
    assert cells == [
        "TT",
        "Tên đơn vị",
        "Tổng điểm",
        "Điểm các lĩnh vực",
        "Xếp Hạng",
        "Cải cách thể chế",
        "Cải cách TTHC",
    ]
    assert place_children(cells) == [
        "TT",
        "Tên đơn vị",
        "Tổng điểm",
        "Cải cách thể chế",
        "Cải cách TTHC",
        "Xếp Hạng",
    ]


# --- drafting golden files ------------------------------------------------------------------------


def draft_golden(path: Path, subject: str | None) -> str:
    """Given a sample and its issuer, return a draft golden file, to check by hand."""
    rows = [as_row(s) for s in unit_scores(extract(path), subject)]
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
    subject_json = json.dumps(subject, ensure_ascii=False)
    absent = '{"units": [], "values": []}'
    return (
        f'{{"subject": {subject_json},\n "statements": [\n{lines}\n ],\n "absent": {absent}\n}}\n'
    )


if __name__ == "__main__":
    print(draft_golden(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None), end="")


def test_units_sharing_one_figure_each_get_it() -> None:
    rows = prose(TITLE, "Sở Tư pháp và Sở Y tế cùng đạt 90,5%, đồng xếp thứ 2/20.")
    assert [(r["unit"], r["percent"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Sở Tư pháp", "90.5", 2, 20),
        ("Sở Y tế", "90.5", 2, 20),
    ]
    rows = prose(TITLE, "Sở Tư pháp, Sở Y tế và Sở Nội vụ đều xếp loại Tốt.")
    assert [(r["unit"], r["grade"]) for r in rows] == [
        ("Sở Tư pháp", "Tốt"), ("Sở Y tế", "Tốt"), ("Sở Nội vụ", "Tốt"),
    ]  # fmt: skip
    # without "cùng"/"đều" a figure stays with the unit it follows; each its own
    rows = prose(TITLE, "Sở Tư pháp đạt 91,2%, Sở Y tế đạt 88,4%.")
    assert [(r["unit"], r["percent"]) for r in rows] == [
        ("Sở Tư pháp", "91.2"), ("Sở Y tế", "88.4"),
    ]  # fmt: skip
    rows = prose(TITLE, "Sở Tư pháp vượt Sở Y tế với 91,2%.")
    assert len(rows) <= 1  # units are joined only by "và" or ",": no copy for the other


# --- real notices' ways of writing (composed variants) --------------------------------------------


def test_the_reform_named_plainly_is_the_par_index() -> None:
    rows = prose(
        "Công bố xếp loại công tác CCHC của các cơ quan năm 2022",
        "Theo kết quả xếp hạng cải cách hành chính, Sở Xây dựng đạt 88,05 điểm.",
    )
    assert [(r["unit"], r["index"], r["score"]) for r in rows] == [
        ("Sở Xây dựng", "par", "88.05")
    ]
    # inside an area's name it names the area: its figures are not the unit's
    rows = prose(
        TITLE,
        "Sở Y tế đạt 81,4 điểm. Cụ thể: chỉ đạo, điều hành cải cách hành chính đạt 9/12 điểm.",
    )
    assert [(r["unit"], r["score"]) for r in rows] == [("Sở Y tế", "81.4")]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tây Nguyên", "Tây Nguyên"),
        ("Đồng bằng sông Cửu Long", "Đồng bằng sông Cửu Long"),
        ("Trung du miền núi phía Bắc", "Trung du và miền núi phía Bắc"),
        ("Bắc Trung Bộ và Duyên hải miền Trung", "Bắc Trung Bộ và Duyên hải miền Trung"),
        ("Đông Nam bộ", "Đông Nam Bộ"),
    ],
)
def test_socio_economic_regions_are_units(written: str, canonical: str) -> None:
    text = f"Năm 2022, {written} có giá trị 84,1%"
    [mention] = find_mentions(text, fold(text))
    assert mention.unit == canonical


def test_highest_and_lowest_are_first_and_last_of_their_counted_group() -> None:
    rows = prose(
        TITLE,
        "Năm 2023 có 40 cơ quan được đánh giá, gồm 15 sở, ngành và 25 quận, huyện, thị xã.",
        "Trong khối sở, Sở Công Thương đạt cao nhất với 90,12 điểm; thấp nhất là Sở Xây dựng "
        "với 78,4 điểm. UBND thị xã Sơn Tây có điểm thấp nhất, 80,05 điểm.",
    )
    assert [(r["unit"], r["score"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Sở Công Thương", "90.12", 1, 15),
        ("Sở Xây dựng", "78.4", 15, 15),
        ("Ủy ban nhân dân thị xã Sơn Tây", "80.05", 25, 25),
    ]
    # the largest rise or a record is no place
    rows = prose(TITLE, "Sở Y tế tăng cao nhất, đạt 85,5 điểm, mức cao nhất từ trước đến nay.")
    assert [(r["unit"], r["rank"]) for r in rows] == [("Sở Y tế", None)]


def places(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Given statement rows, return (unit, score or percent, rank) of each."""
    return [(r["unit"], r["score"] or r["percent"], r["rank"]) for r in rows]


def test_a_ranked_list_gives_places_in_its_order() -> None:
    rows = prose(
        TITLE,
        "Ở khối huyện, nhóm dẫn đầu gồm: UBND huyện Đức Hòa (90,510 điểm), UBND thị xã Kiến "
        "Tường (89,2 điểm), UBND huyện Tân Trụ (89,2 điểm), UBND huyện Cần Đước (85 điểm).",
    )
    assert places(rows) == [
        ("Ủy ban nhân dân huyện Đức Hòa", "90.510", 1),  # read 90.51, not 90 510
        ("Ủy ban nhân dân thị xã Kiến Tường", "89.2", 2),
        ("Ủy ban nhân dân huyện Tân Trụ", "89.2", 2),  # an equal figure shares the place
        ("Ủy ban nhân dân huyện Cần Đước", "85", 4),
    ]


def test_next_places_follow_the_last_rank_stated() -> None:
    rows = prose(
        TITLE,
        "Sở Nội vụ giữ vị trí thứ 2 với 91,3 điểm. Tiếp đến là Sở Y tế, đạt 90,1 điểm; "
        "theo sau lần lượt là Sở Tài chính, Sở Xây dựng.",
    )
    assert places(rows) == [
        ("Sở Nội vụ", "91.3", 2),
        ("Sở Y tế", "90.1", 3),
        ("Sở Tài chính", None, 4),
        ("Sở Xây dựng", None, 5),
    ]
    # with no rank stated before, "tiếp theo là" gives none
    rows = prose(TITLE, "Sở Nội vụ đạt 91,3 điểm, tiếp theo là Sở Y tế với 90,1 điểm.")
    assert places(rows) == [("Sở Nội vụ", "91.3", None), ("Sở Y tế", "90.1", None)]


def test_units_in_turn_and_unordered_sets() -> None:
    rows = prose(
        TITLE,
        "Năm nay Sở Tư pháp, Sở Nội vụ và Sở Tài chính lần lượt giữ 3 vị trí đầu tiên.",
    )
    assert places(rows) == [
        ("Sở Tư pháp", None, 1), ("Sở Nội vụ", None, 2), ("Sở Tài chính", None, 3),
    ]  # fmt: skip
    # a set of several units, neither in turn nor by falling figures: no places of their own
    rows = prose(TITLE, "Đứng cuối bảng là Sở Xây dựng, Sở Y tế và Ban Dân tộc trong số 20 sở.")
    assert [(r["unit"], r["rank"], r["group"]) for r in rows] == [
        ("Sở Xây dựng", None, "Đứng cuối bảng"), ("Sở Y tế", None, "Đứng cuối bảng"),
        ("Ban Dân tộc", None, "Đứng cuối bảng"),
    ]  # fmt: skip: a set shares its cue as a group
    # a last place in a group of a size never given is no row
    assert prose(TITLE, "Sở Công Thương đứng áp chót.") == []
    rows = prose(TITLE, "Dẫn đầu là Sở Y tế (88 điểm), Sở Tư pháp (90 điểm).")
    assert [r["rank"] for r in rows] == [1, None]  # only the place stated of the first holds


def test_national_ranks_in_brackets_histories_and_members() -> None:
    rows = prose(
        TITLE,
        "Trong vùng Đông Nam Bộ, tỉnh Bình Phước xếp trên các tỉnh: Tây Ninh (40/63), Bình "
        "Thuận (55/63) và Bà Rịa - Vũng Tàu (61/63).",
    )
    assert [(r["unit"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Tỉnh Tây Ninh", 40, 63),
        ("Tỉnh Bình Thuận", 55, 63),
        ("Tỉnh Bà Rịa - Vũng Tàu", 61, 63),
    ]  # the region is the scope here, no unit
    rows = prose(
        TITLE,
        "Bộ Xây dựng liên tục tăng hạng (năm 2021 tăng từ vị trí thứ 12 lên thứ 8, năm 2022 "
        "từ thứ hạng 8 lên hạng 5). Bộ Xây dựng là 1 trong 4 bộ có điểm cao.",
    )
    assert [(r["year"], r["rank"], r["score"]) for r in rows] == [(2021, 8, None), (2022, 5, None)]


def test_parts_after_a_total_and_last_place_written_out() -> None:
    rows = prose(
        TITLE,
        "Năm 2023, tỉnh Gia Lai đạt 84,02 điểm, trong đó: điểm thẩm định đạt 55,1/61,5 điểm, "
        "thuộc nhóm khá. Đứng cuối bảng là tỉnh Lai Châu với vị trí thứ 63.",
    )
    assert [(r["unit"], r["score"], r["grade"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Tỉnh Gia Lai", "84.02", "Nhóm khá", None, None),
        ("Tỉnh Lai Châu", None, None, 63, 63),
    ]


def test_figures_stated_before_the_units_they_belong_to() -> None:
    rows = prose(
        TITLE,
        "Sở Nội vụ đứng thứ 7 với 88,1 điểm. 3 sở còn lại cùng đạt 86,5 điểm là Sở Y tế, "
        "Sở Tài chính và Sở Xây dựng.",
    )
    assert places(rows) == [
        ("Sở Nội vụ", "88.1", 7),
        ("Sở Y tế", "86.5", 8),  # the rest, tied: the place after the last rank stated
        ("Sở Tài chính", "86.5", 8),
        ("Sở Xây dựng", "86.5", 8),
    ]
    rows = prose(TITLE, "Các đơn vị xếp loại Khá gồm: Sở Tư pháp, Sở Y tế và Thanh tra tỉnh.")
    assert [(r["unit"], r["grade"], r["rank"]) for r in rows] == [
        ("Sở Tư pháp", "Khá", None), ("Sở Y tế", "Khá", None), ("Thanh tra tỉnh", "Khá", None),
    ]  # fmt: skip
    # a unit's own statement wins over the one handed to it
    rows = prose(TITLE, "Nhóm A: Sở Công Thương đạt 91,3%, xếp loại Xuất sắc.")
    assert [(r["unit"], r["grade"]) for r in rows] == [("Sở Công Thương", "Xuất sắc")]


def test_ministry_level_bodies_and_vertical_agencies() -> None:
    rows = prose(
        TITLE,
        "Thanh tra Chính phủ đạt 88,02%, xếp thứ 6/17; Ngân hàng Nhà nước đứng cuối bảng với "
        "79,9%. Trong khối ngành dọc, Cục Hải quan tỉnh đạt 91 điểm, Kho bạc Nhà nước tỉnh Long "
        "An đạt 90,5 điểm; đặc khu Côn Đảo đạt 86 điểm.",
    )
    assert [(r["unit"], r["score"] or r["percent"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Thanh tra Chính phủ", "88.02", 6, 17),
        ("Ngân hàng Nhà nước", "79.9", 17, 17),  # ranked with the ministries: 17 of them
        ("Cục Hải quan tỉnh", "91", None, None),
        ("Kho bạc Nhà nước tỉnh", "90.5", None, None),
        ("Đặc khu Côn Đảo", "86", None, None),
    ]


def test_a_bracketed_history_belongs_to_its_years() -> None:
    rows = prose(TITLE, "Năm 2023, Bộ Công Thương xếp thứ 5 (năm 2021: 11; năm 2022: 8).")
    assert [(r["unit"], r["year"], r["rank"], r["previous"]) for r in rows] == [
        ("Bộ Công Thương", 2023, 5, None)
    ]
    rows = prose(
        TITLE, "Năm 2023, Sở Tư pháp đạt 90,1 điểm (năm 2022: 88,5; năm 2021: 85), xếp thứ 3."
    )
    assert [(r["year"], r["score"], r["rank"], r["previous"]) for r in rows] == [
        (2023, "90.1", 3, "88.5")
    ]


def test_a_flattened_ranking_of_ministries_with_parts_before_the_total() -> None:
    lines = [
        "Chỉ số CCHC năm 2021 của các bộ, cơ quan ngang bộ",
        "Xếp", "hạng", "Các bộ, cơ quan ngang bộ", "Điểm đánh giá", "thẩm định",
        "Điểm khảo sát", "Tổng", "điểm", "Chỉ số", "PAR INDEX (%)",
        "1", "Bộ Nội vụ", "60,1", "30,05", "90,15", "90,15",
        "2", "Ủy ban Dân tộc", "58,2", "29,1", "87,3", "87,30",
    ]  # fmt: skip
    rows = prose(*lines)
    assert [(r["unit"], r["score"], r["percent"], r["rank"], r["year"]) for r in rows] == [
        ("Bộ Nội vụ", "90.15", "90.15", 1, 2021),
        ("Ủy ban Dân tộc", "87.3", "87.30", 2, 2021),
    ]


def test_ties_and_the_place_before_the_last() -> None:
    rows = prose(TITLE, "Đồng hạng 4 là UBND huyện Tân Thành và UBND thị xã Phú Mỹ.")
    assert [(r["unit"], r["rank"]) for r in rows] == [
        ("Ủy ban nhân dân huyện Tân Thành", 4), ("Ủy ban nhân dân thị xã Phú Mỹ", 4),
    ]  # fmt: skip
    rows = prose(TITLE, "Sở Công Thương và Sở Xây dựng đồng hạng 6 với 87,25 điểm.")
    assert places(rows) == [("Sở Công Thương", "87.25", 6), ("Sở Xây dựng", "87.25", 6)]
    rows = prose(
        TITLE,
        "Trong 25 sở, ngành, Sở Nội vụ xếp áp chót với 79,1 điểm. Hà Giang áp chót với vị "
        "trí 62.",
    )
    assert [(r["unit"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Sở Nội vụ", 24, 25), ("Tỉnh Hà Giang", 62, 63),
    ]  # fmt: skip


def test_a_unit_compared_with_and_abbreviated_agencies() -> None:
    rows = prose(
        TITLE,
        "Năm 2023, Bộ Công Thương đạt 88,1%, xếp thứ 3/17 (thấp hơn Bộ Tài chính 0,4 điểm).",
    )
    assert [(r["unit"], r["percent"], r["rank"]) for r in rows] == [("Bộ Công Thương", "88.1", 3)]
    rows = prose(
        TITLE,
        "Kho bạc Nhà nước (KBNN) tỉnh Lào Cai đạt 92,4 điểm; BHXH tỉnh Lào Cai đạt 91 điểm.",
    )
    assert [(r["unit"], r["score"]) for r in rows] == [
        ("Kho bạc Nhà nước", "92.4"), ("Bảo hiểm xã hội tỉnh", "91"),  # as "BHXH tỉnh" alone
    ]  # fmt: skip


def test_the_count_of_a_rank_written_after_it() -> None:
    rows = prose(
        TITLE,
        "Cục Thuế tỉnh đứng thứ 3 trong khối ngành dọc với 93,5% trong tổng số 08 cơ quan. "
        "Sở Xây dựng xếp thứ 2, có 15 sở đạt loại tốt.",
    )
    assert [(r["unit"], r["percent"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Cục Thuế tỉnh", "93.5", 3, 8), ("Sở Xây dựng", None, 2, None),
    ]  # fmt: skip


def test_a_caption_repeating_the_body_is_one_statement() -> None:
    rows = prose(
        "Sở Y tế dẫn đầu Chỉ số CCHC năm 2023",
        "Lượt xem: 413 | Hà Nội 15°C | Đường dây nóng: 0263.3822.555",
        "Năm 2023, Sở Y tế đạt 92,5 điểm, xếp thứ 1/20.",
        "Ảnh: Sở Y tế đạt 92,5 điểm trong năm 2023.",
        "null",
    )
    assert [(r["unit"], r["score"], r["rank"]) for r in rows] == [("Sở Y tế", "92.5", 1)]


def test_a_list_goes_on_over_semicolons_to_its_last() -> None:
    rows = prose(
        TITLE,
        "Toàn tỉnh có 12 sở, ban, ngành được đánh giá.",
        "Sở Tài chính xếp thứ nhất với 96,2 điểm; Sở Tư pháp xếp thứ nhì với 95 điểm; tiếp "
        "theo là Sở Nội vụ 94,05 điểm; Sở Xây dựng 93,4 điểm; xếp cuối cùng là Ban Dân tộc "
        "với 81,2 điểm. Văn phòng UBND tỉnh đứng thứ 5; Thanh tra tỉnh đứng thứ 6 (90 điểm).",
    )
    assert [(r["unit"], r["score"], r["rank"], r["rank_of"]) for r in rows] == [
        ("Sở Tài chính", "96.2", 1, 12),
        ("Sở Tư pháp", "95", 2, 12),
        ("Sở Nội vụ", "94.05", 3, 12),
        ("Sở Xây dựng", "93.4", 4, 12),
        ("Ban Dân tộc", "81.2", 12, 12),
        ("Văn phòng Ủy ban nhân dân tỉnh", None, 5, 12),
        ("Thanh tra tỉnh", "90", 6, 12),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sở Tư pháp, Sở Y tế và Sở Nội vụ lần lượt đạt 88,12 điểm, 87,45 điểm và 86,9 điểm.",
        "Dẫn đầu là Sở Tư pháp, Sở Y tế và Sở Nội vụ, lần lượt đạt 88,12 điểm, 87,45 điểm"
        " và 86,9 điểm.",
    ],
)
def test_figures_in_turn(text: str) -> None:
    rows = prose(TITLE, text)
    got = [(r["unit"], r["score"]) for r in rows]
    assert got == [("Sở Tư pháp", "88.12"), ("Sở Y tế", "87.45"), ("Sở Nội vụ", "86.9")]


def test_list_goes_on_after_a_bracket_and_va() -> None:
    text = (
        "Sở Tư pháp dẫn đầu với 88,76 điểm, tiếp theo là Sở Y tế (86,05 điểm)"
        " và Sở Nội vụ (85,92 điểm)."
    )
    assert [r["rank"] for r in prose(TITLE, text)] == [1, 2, 3]


def test_first_place_of_a_named_block_before_its_unit() -> None:
    text = "Đứng đầu khối sở là Sở Tư pháp (92,4 điểm), tiếp đến là Sở Nội vụ (91,1 điểm)."
    assert [(r["unit"], r["rank"]) for r in prose(TITLE, text)] == [
        ("Sở Tư pháp", 1),
        ("Sở Nội vụ", 2),
    ]


@pytest.mark.parametrize(
    "around",
    [
        Around(gap=" đạt ", right=" điểm, ", right_raw=" điểm, "),
        Around(gap=" tăng cao nhất là ", right="", right_raw="", before=Kind.OPEN),
        Around(gap=" so với ", right=" lĩnh vực", right_raw=" lĩnh vực", after=Kind.AREA),
        Around(gap="", right=" là ", right_raw=" là ", after=Kind.UNIT, beyond=Kind.UNIT),
    ],
)
def test_kinds_read_as_found_ignore_their_surroundings(around: Around) -> None:
    """classify hands tokens of kinds outside IN_CONTEXT on without cutting out the words
    around them: _classified must return such a token unchanged whatever surrounds it."""
    for kind in set(Kind) - IN_CONTEXT:
        token = Token(kind=kind, start=3, end=5, raw="xx", label="SIPAS")
        assert _classified(token, around) is token, kind
