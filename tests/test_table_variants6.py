"""Composed variants of rankings published as tables (sixth set): headers dated by bare years,
split tables, ranks in columns of other names, figures typed with stray spaces.

Every case is our own writing, in the kinds of real portal pages and their plain-text copies.
Each one differs in wording, order and noise from the page it answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parscore.extractors import extract
from tests.test_statements import as_row, unit_scores


def read(tmp_path: Path, text: str, suffix: str = ".html") -> list[dict[str, Any]]:
    """Given a page's text, return its statements as golden rows."""
    path = tmp_path / f"page{suffix}"
    path.write_text(text, encoding="utf-8")
    return [as_row(s) for s in unit_scores(extract(path), None)]


def by_unit(rows: list[dict[str, Any]], *fields: str) -> dict[str, tuple[Any, ...]]:
    """Given golden rows, return the named fields of each unit's row holding a figure."""
    out: dict[str, tuple[Any, ...]] = {}
    for r in rows:
        values = tuple(r[f] for f in fields)
        if any(v is not None for v in values):
            out.setdefault(r["unit"], values)
    return out


def html_table(*rows: str) -> str:
    """Given table rows as HTML, return a small page holding them."""
    body = "\n".join(rows)
    return (
        "<html><body><nav>Trang chủ | Tin tức | Liên hệ</nav>"
        "<p>Kết quả Chỉ số cải cách hành chính năm 2024 của các huyện như sau:</p>"
        f"<table border='1'>{body}</table><footer>ĐT: 0210.3812.xxx</footer></body></html>"
    )


def tds(*cells: str) -> str:
    """Given a row's cell texts, return it as an HTML row."""
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


# --- a header whose lowest row is years alone ---------------------------------------------------


def test_years_under_a_score_and_a_rank_header_date_both(tmp_path: Path) -> None:
    page = html_table(
        "<tr><td rowspan='2'>STT</td><td rowspan='2'>Tên đơn vị</td>"
        "<td colspan='2'>Thứ hạng</td><td colspan='2'>Kết quả (%)</td></tr>",
        tds("Năm 2023", "Năm 2024", "Năm 2023", "Năm 2024"),
        tds("1", "Huyện Đoan Hùng", "4", "2", "84,10", "88,35"),
        tds("2", "Huyện Hạ Hòa", "1", "3", "87,92", "86,07"),
        tds("3", "Thị xã Phú Thọ", "2", "1", "86,55", "90,12"),
    )
    got = by_unit(read(tmp_path, page), "percent", "rank", "previous")
    assert got == {
        "Huyện Đoan Hùng": ("88.35", 2, "84.10"),
        "Huyện Hạ Hòa": ("86.07", 3, "87.92"),
        "Thị xã Phú Thọ": ("90.12", 1, "86.55"),
    }


# --- a ranking split in two tables, the rest without its header ----------------------------------

SPLIT = (
    "<html><body><p>Chỉ số CCHC năm 2024 của các xã, thị trấn:</p>"
    "<table border='1'>{head}{first}</table>"
    "<p><i>{gap}</i></p>"
    "<table border='1'>{rest}</table>"
    "<p>Lượt xem: 210</p></body></html>"
)


def split_page(gap: str, rest_from: int) -> str:
    """Given the text between the two tables and the first number of the rest, return a page."""
    head = tds("TT", "Xã, thị trấn", "Điểm thẩm định", "Xếp hạng")
    first = tds("1", "Xã Đông Hưng", "86,40", "3") + tds("2", "Thị trấn Tiền Hải", "90,15", "1")
    rest = tds(str(rest_from), "Xã Nam Trung", "88,02", "2") + tds(
        str(rest_from + 1), "Xã Tây Giang", "81,75", "4"
    )
    return SPLIT.format(head=head, first=first, gap=gap, rest=rest)


def test_a_headerless_table_numbering_on_is_the_rest_of_the_ranking(tmp_path: Path) -> None:
    got = by_unit(read(tmp_path, split_page("Trang 2/2", 3)), "score", "rank")
    assert got == {
        "Xã Đông Hưng": ("86.40", 3),
        "Thị trấn Tiền Hải": ("90.15", 1),
        "Xã Nam Trung": ("88.02", 2),
        "Xã Tây Giang": ("81.75", 4),
    }


def test_a_headerless_table_numbered_afresh_is_not_the_rest(tmp_path: Path) -> None:
    got = by_unit(read(tmp_path, split_page("Bảng 2: số liệu khác", 1)), "score", "rank")
    assert set(got) == {"Xã Đông Hưng", "Thị trấn Tiền Hải"}


# --- a rank column headed "Vị trí" -------------------------------------------------------------


def test_a_place_column_holds_ranks_and_its_year_dates_it(tmp_path: Path) -> None:
    page = html_table(
        tds("STT", "Cơ quan", "Chỉ số (%)", "Vị trí năm 2024", "Vị trí năm 2023"),
        tds("1", "Sở Ngoại vụ", "87,40%", "2", "4"),
        tds("2", "Sở Du lịch", "89,15%", "1", "1"),
        tds("3", "Ban Dân tộc", "83,02%", "3", "2"),
    )
    got = by_unit(read(tmp_path, page), "percent", "rank")
    assert got == {
        "Sở Ngoại vụ": ("87.40", 2),
        "Sở Du lịch": ("89.15", 1),
        "Ban Dân tộc": ("83.02", 3),
    }


# --- abbreviated words of a name in a table cell -----------------------------------------------


def test_abbreviated_words_in_a_unit_cell_are_spelled_out(tmp_path: Path) -> None:
    page = html_table(
        tds("TT", "Đơn vị", "Tổng điểm", "Xếp hạng"),
        tds("1", "BHXH tỉnh", "91,30", "1"),
        tds("2", "Ban Quản lý các KCN", "85,60", "2"),
    )
    got = by_unit(read(tmp_path, page), "score", "rank")
    assert got == {
        "Bảo hiểm xã hội tỉnh": ("91.30", 1),
        "Ban Quản lý các khu công nghiệp": ("85.60", 2),
    }


# --- a table said to run from the highest: its order is the rank --------------------------------

ORDERED_ROWS = (
    "STT\tCơ quan\tĐiểm\n1\tSở Du lịch\t91,05\n2\tThanh tra tỉnh\t88,60\n3\tSở Ngoại vụ\t88,60\n"
    "4\tBan Dân tộc\t84,15\n"
)


def test_the_order_of_a_table_said_to_run_from_the_highest_is_the_rank(tmp_path: Path) -> None:
    text = (
        "Kết quả chấm điểm CCHC năm 2024 (các cơ quan được sắp xếp từ cao đến thấp):\n\n"
        + ORDERED_ROWS
    )
    got = by_unit(read(tmp_path, text, ".txt"), "score", "rank")
    assert got == {
        "Sở Du lịch": ("91.05", 1),
        "Thanh tra tỉnh": ("88.60", 2),
        "Sở Ngoại vụ": ("88.60", 3),
        "Ban Dân tộc": ("84.15", 4),
    }


def test_an_order_under_other_words_or_rising_figures_is_no_rank(tmp_path: Path) -> None:
    plain = "Kết quả chấm điểm CCHC năm 2024 của các cơ quan:\n\n" + ORDERED_ROWS
    assert {r["rank"] for r in read(tmp_path, plain, ".txt")} == {None}
    rising = ORDERED_ROWS.replace("84,15", "89,15")
    text = "Kết quả CCHC năm 2024 (xếp theo thứ tự từ cao xuống thấp):\n\n" + rising
    assert {r["rank"] for r in read(tmp_path, text, ".txt")} == {None}


# --- a figure typed with a space by its decimal separator ----------------------------------------


def test_a_figure_with_a_space_by_its_separator_is_one_figure(tmp_path: Path) -> None:
    page = html_table(
        tds("TT", "Phường, xã", "Tự chấm", "Thẩm định", "Xếp loại"),
        tds("1", "Phường Hòa Bình", "92,5", "89 ,75", "Tốt"),
        tds("2", "Xã Yên Mông", "88", "86. 4", "Tốt"),
        tds("3", "Phường Thịnh Lang", "90,00", "91, 20", "Xuất sắc"),
    )
    got = by_unit(read(tmp_path, page), "score", "percent")
    assert got == {
        "Phường Hòa Bình": ("89.75", None),
        "Xã Yên Mông": ("86.4", None),
        "Phường Thịnh Lang": ("91.20", None),
    }


# --- a survey index as the table's only figures ---------------------------------------------------


def test_a_survey_column_alone_is_the_score_and_dated_by_its_year(tmp_path: Path) -> None:
    page = html_table(
        tds(
            "TT",
            "Tên cơ quan",
            "Chỉ số hài lòng (SIPAS) năm 2023",
            "Chỉ số hài lòng (SIPAS) năm 2024",
        ),
        tds("1", "Sở Xây dựng", "81,35", "84,02"),
        tds("2", "Sở Công Thương", "83,10", "82,76"),
    )
    rows = read(tmp_path, page)
    assert by_unit(rows, "score", "previous", "index") == {
        "Sở Xây dựng": ("84.02", "81.35", "sipas"),
        "Sở Công Thương": ("82.76", "83.10", "sipas"),
    }


def test_a_survey_column_beside_the_total_stays_a_part(tmp_path: Path) -> None:
    page = html_table(
        tds("TT", "Đơn vị", "Điểm thẩm định", "Điều tra XHH", "Tổng điểm", "Thứ hạng"),
        tds("1", "Huyện Bảo Lạc", "58,20", "27,75", "85,95", "1"),
    )
    assert by_unit(read(tmp_path, page), "score", "rank") == {"Huyện Bảo Lạc": ("85.95", 1)}


def test_bare_years_head_a_table_flattened_one_cell_per_line(tmp_path: Path) -> None:
    cells = ["STT", "Tên huyện", "2022", "2023", "Thứ hạng"]
    cells += [
        "1",
        "Huyện Mường Tè",
        "79,40",
        "83,15",
        "2",
        "2",
        "Huyện Sìn Hồ",
        "82,05",
        "84,60",
        "1",
    ]
    text = "Chỉ số CCHC của các huyện qua hai năm:\n" + "\n".join(cells) + "\nNguồn: Sở Nội vụ\n"
    got = by_unit(read(tmp_path, text, ".txt"), "score", "previous", "rank")
    assert got == {
        "Huyện Mường Tè": ("83.15", "79.40", 2),
        "Huyện Sìn Hồ": ("84.60", "82.05", 1),
    }
