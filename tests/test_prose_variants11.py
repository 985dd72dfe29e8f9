"""Composed variants of rankings of many bodies in tables (eleventh set): group headings typed
between the rows of a table copied with tabs, and more table shapes of provincial notices.

Every case is our own writing, in the kinds of real published rankings. Each one differs in
wording, order and noise from the item it answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore.api import parse
from parscore.extractors.model import BlockKind
from parscore.extractors.tabtable import tab_blocks
from tests.test_statements import prose


def ranked(path: Path, text: str) -> list[tuple[str, str | None, int | None, str | None]]:
    """Given a file path and its text, return (unit, score, rank, group) of each row read."""
    path.write_text(text, encoding="utf-8")
    return [
        (u.unit, u.score and str(u.score.value), u.rank, u.group)
        for u in parse(path).notice.unit_scores
    ]


# --- group headings typed between the tab rows of a table ------------------------------------

TABBED = "\n".join([
    "Kết quả xác định Chỉ số CCHC năm 2023 (theo Quyết định số 91/QĐ-UBND)",
    "STT\tTên đơn vị\tĐiểm đạt\tThứ hạng\tXếp loại",
    "A. Khối cơ quan chuyên môn",
    "1\tSở Y tế\t88,4\t1\tTốt",
    "2\tSở Tài chính\t86\t2\tTốt",
    "3\tBan Dân tộc\t79,25\t3\tKhá",
    "",
    "B. Khối cấp huyện",
    "1\tHuyện Đầm Hà\t90,1\t1\tXuất sắc",
    "2\tHuyện Tiên Yên\t84,75\t2\tTốt",
    "Nguồn: Văn phòng UBND tỉnh",
]) + "\n"


def test_a_heading_line_between_tab_rows_is_a_group_of_the_table(tmp_path: Path) -> None:
    assert ranked(tmp_path / "tabbed.txt", TABBED) == [
        ("Sở Y tế", "88.4", 1, "Khối cơ quan chuyên môn"),
        ("Sở Tài chính", "86", 2, "Khối cơ quan chuyên môn"),
        ("Ban Dân tộc", "79.25", 3, "Khối cơ quan chuyên môn"),
        ("Huyện Đầm Hà", "90.1", 1, "Khối cấp huyện"),
        ("Huyện Tiên Yên", "84.75", 2, "Khối cấp huyện"),
    ]


def test_a_line_after_the_last_tab_row_stays_a_paragraph() -> None:
    blocks = tab_blocks(TABBED.splitlines())
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert blocks[-1].text == "Nguồn: Văn phòng UBND tỉnh"
    heading = next(c for c in blocks[1].cells if c.text == "B. Khối cấp huyện")
    assert (heading.col, heading.colspan) == (0, 5)


# --- a group heading's numbering in a cell of its own ----------------------------------------


def page(rows: str, header: str) -> str:
    """Given a table's body rows and header row, return a saved page holding them."""
    return (
        "<html><body><nav>Trang chủ | Tin tức | Liên hệ</nav><h1>Xếp hạng năm 2024</h1>"
        f"<table border='1'>{header}{rows}</table><p>Lượt xem: 88</p></body></html>"
    )


NUMBERED_GROUPS = page(
    "<tr><td>A.</td><td colspan='3'>Đơn vị trực thuộc Bộ</td></tr>"
    "<tr><td>1</td><td>Cục Thống kê</td><td>91,5</td><td>1</td></tr>"
    "<tr><td>2</td><td>Cục Quản lý giá</td><td>89</td><td>2</td></tr>"
    "<tr><td>B.</td><td colspan='3'>Đơn vị sự nghiệp</td></tr>"
    "<tr><td>1</td><td>Học viện Tài chính</td><td>87,25</td><td>1</td></tr>",
    "<tr><th>STT</th><th>Đơn vị</th><th>Tổng điểm</th><th>Xếp hạng</th></tr>",
)


def test_a_numbering_cell_before_a_spanning_heading_opens_a_group(tmp_path: Path) -> None:
    assert ranked(tmp_path / "groups.html", NUMBERED_GROUPS) == [
        ("Cục Thống kê", "91.5", 1, "Đơn vị trực thuộc Bộ"),
        ("Cục Quản lý giá", "89", 2, "Đơn vị trực thuộc Bộ"),
        ("Học viện Tài chính", "87.25", 1, "Đơn vị sự nghiệp"),
    ]


# --- the index's own column beside its parts --------------------------------------------------

WHOLE = page(
    "<tr><td>1</td><td>Sở Nội vụ</td><td>60,5</td><td>27,25</td><td>87,75</td><td>1</td></tr>"
    "<tr><td>2</td><td>Sở Y tế</td><td>62</td><td>21,5</td><td>83,5</td><td>2</td></tr>",
    "<tr><th rowspan='2'>TT</th><th rowspan='2'>Cơ quan</th><th colspan='2'>Điểm thành phần</th>"
    "<th rowspan='2'>Chỉ số CCHC</th><th rowspan='2'>Xếp hạng</th></tr>"
    "<tr><th>Điểm thẩm định</th><th>Điểm khảo sát</th></tr>",
)


def test_the_index_column_is_the_score_and_the_columns_before_it_parts(tmp_path: Path) -> None:
    assert ranked(tmp_path / "whole.html", WHOLE) == [
        ("Sở Nội vụ", "87.75", 1, None), ("Sở Y tế", "83.5", 2, None)]


# --- a table typed with runs of spaces --------------------------------------------------------

SPACED = "\n".join([
    "Trang chủ   Giới thiệu   Tin tức   Liên hệ",
    "Bảng xếp hạng Chỉ số CCHC năm 2022 khối huyện:",
    "",
    " Thứ   Tên đơn vị              Điểm thành phần         Tổng      Xếp",
    " tự                            Thẩm định   Khảo sát    điểm      hạng",
    "  1    Huyện Krông Pắc         61,20       25,05       86,25     1",
    "  2    Thị xã Buôn Hồ          60,80       24,10       84,90     2",
    "  3    Huyện Ea Súp            57,15                   80,65     3",
    "",
    "Ghi chú: Huyện Ea Súp chưa có kết quả khảo sát, điểm tổng được quy đổi.",
]) + "\n"


def test_a_table_typed_with_runs_of_spaces_reads_its_columns(tmp_path: Path) -> None:
    """The header wraps over two lines with a heading over two columns; the third row
    misses a cell, and its figures stay under their headers."""
    assert ranked(tmp_path / "spaced.txt", SPACED) == [
        ("Huyện Krông Pắc", "86.25", 1, None),
        ("Thị xã Buôn Hồ", "84.90", 2, None),
        ("Huyện Ea Súp", "80.65", 3, None),
    ]


def test_lines_typed_with_spaces_but_no_body_of_figures_stay_lines() -> None:
    lines = [
        "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH ĐẮK LẮK             Độc lập - Tự do - Hạnh phúc",
        "Trang chủ   Tin tức   Văn bản   Liên hệ",
        "Số lượt xem   Hôm nay   Tổng",
    ]
    assert {b.kind for b in tab_blocks(lines)} == {BlockKind.PARAGRAPH}


# --- a table with its units as columns ---------------------------------------------------------

ACROSS = page(
    "<tr><td>Điểm đạt được</td><td>88,5</td><td>91,25</td><td>84</td></tr>"
    "<tr><td>Thứ hạng</td><td>2</td><td>1</td><td>3</td></tr>"
    "<tr><td>Xếp loại</td><td>Tốt</td><td>Xuất sắc</td><td>Tốt</td></tr>",
    "<tr><td>Chỉ tiêu</td><td>Huyện Mường Nhé</td><td>Thành phố Điện Biên Phủ</td>"
    "<td>Huyện Tủa Chùa</td></tr>",
)


def test_a_table_with_its_units_across_the_first_row_is_read_turned(tmp_path: Path) -> None:
    path = tmp_path / "across.html"
    path.write_text(ACROSS, encoding="utf-8")
    found = [(u.unit, str(u.score.value), u.rank, u.grade) for u in parse(path).notice.unit_scores
             if u.score is not None]
    assert found == [
        ("Huyện Mường Nhé", "88.5", 2, "Tốt"),
        ("Thành phố Điện Biên Phủ", "91.25", 1, "Xuất sắc"),
        ("Huyện Tủa Chùa", "84", 3, "Tốt"),
    ]


def test_a_component_table_is_not_turned(tmp_path: Path) -> None:
    """Areas across the first row are no units: the table is not read as a ranking."""
    path = tmp_path / "areas.html"
    path.write_text(page(
        "<tr><td>Điểm tối đa</td><td>10</td><td>12</td></tr>"
        "<tr><td>Điểm thẩm định</td><td>9,5</td><td>10</td></tr>"
        "<tr><td>Xếp hạng</td><td>3</td><td>7</td></tr>",
        "<tr><td>Nội dung</td><td>Cải cách thể chế</td><td>Cải cách thủ tục hành chính</td></tr>",
    ), encoding="utf-8")
    assert parse(path).notice.unit_scores == ()


# --- a title on the leading few of a list of kinds of unit -----------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Top 8 sở, ngành dẫn đầu Chỉ số CCHC năm 2022",
        "Top 7 sở, ban ngành đứng đầu Chỉ số cải cách hành chính",
        "Tốp 6 huyện, thành phố dẫn đầu Chỉ số CCHC năm 2022",
    ],
)
def test_a_title_on_the_top_few_of_listed_kinds_gives_the_subject_no_place(title: str) -> None:
    found = prose(title, "Kết quả cụ thể như sau.", subject="Ủy ban nhân dân tỉnh Bắc Ninh")
    assert [(r["unit"], r["rank"]) for r in found if r["rank"] is not None] == []


SPACED_GROUPS = "\n".join([
    "Kết quả xếp hạng năm 2023:",
    "TT    Cơ quan, đơn vị                    Tổng điểm    Xếp hạng",
    "I. Khối sở, ban, ngành",
    "1     Sở Giao thông vận tải              89,12        1",
    "2     Ban Quản lý các khu công           86,40        2",
    "      nghiệp tỉnh",
    "3     Sở Ngoại vụ                        80,05        3",
    "II. Khối huyện, thành phố",
    "1     Thành phố Cao Bằng                 88,76        1",
    "2     Huyện Hòa An                       84,3         2",
    "",
    "Người viết: Minh Châu",
]) + "\n"


def test_a_spaced_table_keeps_its_group_lines_and_names_going_on(tmp_path: Path) -> None:
    assert ranked(tmp_path / "groups.txt", SPACED_GROUPS) == [
        ("Sở Giao thông vận tải", "89.12", 1, "Khối sở, ban, ngành"),
        ("Ban Quản lý các khu công nghiệp tỉnh", "86.40", 2, "Khối sở, ban, ngành"),
        ("Sở Ngoại vụ", "80.05", 3, "Khối sở, ban, ngành"),
        ("Thành phố Cao Bằng", "88.76", 1, "Khối huyện, thành phố"),
        ("Huyện Hòa An", "84.3", 2, "Khối huyện, thành phố"),
    ]


# --- the decision a ranking page is built on ---------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Căn cứ Quyết định số 77/QĐ-UBND ngày 3/3/2023 của UBND tỉnh Phú Yên về việc phê "
        "duyệt Chỉ số CCHC năm 2022, kết quả xếp hạng các huyện như sau:",
        "Thực hiện Quyết định số 77/QĐ-UBND ngày 3/3/2023 của UBND tỉnh Phú Yên, Văn phòng "
        "Sở Nội vụ tổng hợp kết quả của các huyện như sau:",
    ],
)
def test_a_page_without_a_number_reports_the_decision_its_ranking_rests_on(
    tmp_path: Path, lead: str
) -> None:
    path = tmp_path / "lead.txt"
    path.write_text(
        "\n".join(["Xếp hạng Chỉ số CCHC năm 2022", "Lượt xem: 210", lead, *RANKING_ROWS]),
        encoding="utf-8",
    )
    metadata = parse(path).notice.metadata
    assert (metadata.number, str(metadata.issue_date)) == ("77/QĐ-UBND", "2023-03-03")
    assert metadata.issuer == "Ủy ban nhân dân tỉnh Phú Yên"


RANKING_ROWS = [
    "STT\tĐơn vị\tTổng điểm\tXếp hạng",
    "1\tHuyện Tây Hòa\t87,2\t1",
    "2\tHuyện Sơn Hòa\t84\t2",
    "3\tHuyện Đồng Xuân\t80,15\t3",
]


def test_a_notice_with_its_own_number_keeps_it_past_a_decision_it_rests_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tb.txt"
    path.write_text("\n".join([
        "UBND TỈNH PHÚ YÊN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ\t\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 19/TB-SNV\t\tPhú Yên, ngày 10 tháng 3 năm 2023",
        "THÔNG BÁO",
        "Kết quả xếp hạng Chỉ số CCHC năm 2022",
        "Căn cứ Quyết định số 77/QĐ-UBND ngày 3/3/2023 của UBND tỉnh Phú Yên, Sở Nội vụ "
        "thông báo kết quả xếp hạng như sau:",
        *RANKING_ROWS,
    ]) + "\n", encoding="utf-8")
    assert parse(path).notice.metadata.number == "19/TB-SNV"


# --- a change column beside last year's rank ---------------------------------------------------

PLACES = page(
    "<tr><td>1</td><td>Huyện Yên Lạc</td><td>90,4</td><td>1</td><td>4</td><td>▲ 3</td></tr>"
    "<tr><td>2</td><td>Huyện Lập Thạch</td><td>88,15</td><td>2</td><td>1</td><td>▼1</td></tr>"
    "<tr><td>3</td><td>Huyện Sông Lô</td><td>85</td><td>3</td><td>3</td><td>-</td></tr>",
    "<tr><th>TT</th><th>Đơn vị</th><th>Điểm năm 2023</th><th>Thứ hạng 2023</th>"
    "<th>Thứ hạng 2022</th><th>Tăng (+), giảm (-)</th></tr>",
)


def test_a_change_beside_last_years_rank_alone_counts_places(tmp_path: Path) -> None:
    path = tmp_path / "places.html"
    path.write_text(PLACES, encoding="utf-8")
    found = [(u.unit, u.rank, u.rank_change, u.change) for u in parse(path).notice.unit_scores]
    assert found == [
        ("Huyện Yên Lạc", 1, 3, None),
        ("Huyện Lập Thạch", 2, -1, None),
        ("Huyện Sông Lô", 3, None, None),
    ]


def test_a_change_of_points_beside_last_years_rank_stays_points(tmp_path: Path) -> None:
    path = tmp_path / "points.html"
    path.write_text(PLACES.replace("Tăng (+), giảm (-)", "Tăng, giảm điểm"), encoding="utf-8")
    found = [(u.unit, u.rank_change, u.change and str(u.change.value))
             for u in parse(path).notice.unit_scores]
    assert found[0] == ("Huyện Yên Lạc", None, "3")
