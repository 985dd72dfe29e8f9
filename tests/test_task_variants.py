"""Whole composed documents, read from text files: metadata and tasks of real-style variants.

Every text here is composed for the test (a plan, a conclusion notice, a report of a steering
committee, news items): wording, order and noise differ from any real document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore.api import parse

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

PLAN = (
    "ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN", "Số: 412/KH-UBND", *MOTTO,
    "Ninh Thuận, ngày 5 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Khắc phục hạn chế, nâng cao Chỉ số cải cách hành chính năm 2023 của tỉnh",
    "Thực hiện Quyết định số 2269/QĐ-TTg ngày 31/12/2023 của Thủ tướng Chính phủ; căn cứ kết "
    "quả Chỉ số CCHC năm 2023 của tỉnh đạt 86,12 điểm, xếp thứ 25/63 tỉnh, thành phố, Ủy ban "
    "nhân dân tỉnh ban hành Kế hoạch như sau:",
    "I. NHIỆM VỤ, GIẢI PHÁP",
    "1. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh tổ chức "
    "kiểm tra công tác cải cách hành chính; hoàn thành trước ngày 15/12/2024.",
    "2. Sở Tài chính có trách nhiệm bố trí kinh phí cho các nhiệm vụ cải cách tài chính công, "
    "thực hiện trong quý I năm 2025.",
    "3. Văn phòng UBND tỉnh theo dõi, đôn đốc việc giải quyết thủ tục hành chính trên Cổng "
    "Dịch vụ công của tỉnh; thường xuyên.",
    "4. Đề nghị UBND các huyện, thị xã, thành phố xây dựng kế hoạch cải thiện chỉ số thành "
    "phần còn thấp, gửi Sở Nội vụ trước ngày 30/4/2024.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Yêu cầu Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các huyện, thị xã, thành phố "
    "nghiêm túc thực hiện./.",
    "Nơi nhận:", "- Như trên;", "- Lưu: VT, NV.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
)

CONCLUSION = (
    "UBND TỈNH QUẢNG TRỊ", "VĂN PHÒNG", "Số: 87/TB-VP", *MOTTO,
    "Quảng Trị, ngày 9 tháng 4 năm 2024",
    "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về Chỉ số CCHC năm 2023",
    "Ngày 02/4/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp đánh giá kết quả Chỉ số cải cách "
    "hành chính năm 2023. Sau khi nghe báo cáo, Phó Chủ tịch kết luận như sau:",
    "1. Năm 2023, Chỉ số CCHC của tỉnh đạt 84,55 điểm, xếp thứ 40/63.",
    "2. Nhiệm vụ thời gian tới:",
    "a) Các sở: Tư pháp, Y tế, Giáo dục và Đào tạo: rà soát, đơn giản hóa thủ tục hành chính "
    "thuộc lĩnh vực quản lý, báo cáo kết quả trước ngày 31/5/2024.",
    "b) Sở Thông tin và Truyền thông: nâng cấp hệ thống thông tin giải quyết thủ tục hành "
    "chính của tỉnh.",
    "c) Công an tỉnh: đẩy mạnh triển khai Đề án 06, làm sạch dữ liệu dân cư.",
    "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Nơi nhận:", "- Các sở, ban, ngành;", "- Lưu: VT.", "KT. CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG", "Trần Thị Bình",
)

# A report whose only duty is in its closing sentence; the day's digits split by the OCR.
REPORT = (
    "BỘ NỘI VỤ", "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Số: 15/BC-BCĐ", *MOTTO,
    "Hà Nội, ngày 1 5 tháng 6 năm 2024",
    "BÁO CÁO",
    "Kết quả Chỉ số cải cách hành chính năm 2023 của các bộ, cơ quan ngang bộ",
    "Năm 2023, Chỉ số CCHC trung bình của các bộ đạt 84,97%.",
    "Trên đây là kết quả Chỉ số cải cách hành chính năm 2023, Ban Chỉ đạo đề nghị các bộ, cơ "
    "quan ngang bộ căn cứ kết quả xây dựng kế hoạch khắc phục hạn chế./.",
    "Nơi nhận:", "- Thủ tướng Chính phủ;", "- Lưu: VT.", "TRƯỞNG BAN",
)

# A news item naming bodies over their duties, without any cue.
NEWS_LABELS = (
    "Huyện Đắk Song triển khai nhiệm vụ nâng cao Chỉ số CCHC năm 2024",
    "Năm 2023, Chỉ số CCHC của huyện đạt 80,5 điểm, xếp thứ 6/8 huyện, thành phố.",
    "Các phòng, ban chuyên môn, UBND các xã, thị trấn:",
    "- Tiếp tục rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền;",
    "- Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình.",
)

# A news item reporting the document it is about, which cites a background decision first.
NEWS_REPORTED = (
    "Tỉnh Phú Yên ban hành kế hoạch nâng cao Chỉ số cải cách hành chính",
    "Thực hiện Quyết định số 1204/QĐ-BNV của Bộ Nội vụ, UBND tỉnh vừa ban hành Kế hoạch số "
    "123/KH-UBND ngày 8/3/2024 về nâng cao Chỉ số cải cách hành chính năm 2024.",
    "Năm 2023, Chỉ số CCHC của tỉnh đạt 85,03 điểm, xếp thứ 37/63 tỉnh, thành phố.",
    "UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành theo dõi việc thực hiện "
    "Kế hoạch, định kỳ báo cáo UBND tỉnh.",
)


def read(tmp_path: Path, lines: tuple[str, ...]) -> dict:
    """Given a document's lines, return what parse --json gives for it as a text file."""
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse(path).to_dict()


def meta(got: dict) -> tuple[object, ...]:
    """Given parse's dict, return (number, issue date, issuer, assessment year)."""
    n = got["notice"]
    return n["number"], n["issue_date"], n["issuer"], n["assessment_year"]


def tasks(got: dict) -> list[tuple[str | None, str]]:
    """Given parse's dict, return (unit, first 40 characters) of each task."""
    return [(t["unit"], t["text"][:40]) for t in got["tasks"]]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (PLAN, ("412/KH-UBND", "2024-03-05", "Ủy ban nhân dân tỉnh Ninh Thuận", 2023)),
        (CONCLUSION, ("87/TB-VP", "2024-04-09", "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị", 2023)),
        (REPORT, ("15/BC-BCĐ", "2024-06-15", "Ban Chỉ đạo cải cách hành chính", 2023)),
        (NEWS_REPORTED, ("123/KH-UBND", "2024-03-08", "Ủy ban nhân dân tỉnh Phú Yên", 2023)),
    ],
)
def test_metadata_of_composed_documents(tmp_path: Path, lines: tuple[str, ...],
                                        expected: tuple[object, ...]) -> None:
    assert meta(read(tmp_path, lines)) == expected


def test_tasks_of_a_plan(tmp_path: Path) -> None:
    found = tasks(read(tmp_path, PLAN))
    assert found[:4] == [
        ("Sở Nội vụ", "Giao Sở Nội vụ chủ trì, phối hợp với các"),
        ("Sở Tài chính", "Sở Tài chính có trách nhiệm bố trí kinh "),
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh theo dõi, đôn đốc vi"),
        ("UBND các huyện, thị xã, thành phố", "Đề nghị UBND các huyện, thị xã, thành ph"),
    ]


def test_tasks_of_a_conclusion_with_factored_units(tmp_path: Path) -> None:
    assert tasks(read(tmp_path, CONCLUSION)) == [
        ("Các sở: Tư pháp, Y tế, Giáo dục và Đào tạo", "Các sở: Tư pháp, Y tế, Giáo dục và Đào t"),
        ("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông: nâng cấp h"),
        ("Công an tỉnh", "Công an tỉnh: đẩy mạnh triển khai Đề án "),
    ]


def test_a_closing_sentence_that_gives_a_real_duty(tmp_path: Path) -> None:
    assert tasks(read(tmp_path, REPORT)) == [
        ("các bộ, cơ quan ngang bộ", "đề nghị các bộ, cơ quan ngang bộ căn cứ "),
    ]


def test_a_closing_sentence_with_only_the_formula_gives_none(tmp_path: Path) -> None:
    formula = "Trên đây là kết quả năm 2023, đề nghị các bộ, cơ quan nghiêm túc thực hiện./."
    lines = tuple(formula if ln.startswith("Trên đây") else ln for ln in REPORT)
    assert tasks(read(tmp_path, lines)) == []


def test_a_body_named_over_its_bullets_in_news(tmp_path: Path) -> None:
    unit = "Các phòng, ban chuyên môn, UBND các xã, thị trấn"
    assert tasks(read(tmp_path, NEWS_LABELS)) == [
        (unit, "Tiếp tục rà soát, đơn giản hóa thủ tục h"),
        (unit, "Nâng cao tỷ lệ hồ sơ trực tuyến toàn trì"),
    ]


def test_a_label_over_figures_gives_no_task(tmp_path: Path) -> None:
    lines = (*NEWS_LABELS[:2], "Các đơn vị xếp loại Tốt:", "- Sở Tư pháp: 90,5 điểm;",
             "- Sở Y tế: 88,2 điểm.")
    assert tasks(read(tmp_path, lines)) == []


@pytest.mark.parametrize(
    ("place_date", "day"),
    [
        ("Bình Định, ngày 1 5 tháng 6 năm 2024", "2024-06-15"),  # a day's digits split
        ("Bình Định, ngày O5 tháng 3 nằm 2024", "2024-03-05"),  # the letter O for a zero
        ("Bình Định, ngày 05 tháng 3 năm 2O24", "2024-03-05"),
        ("Bình Định, ngày 5 tháng O3 năm 2024", "2024-03-05"),
        ("Bình Định, ngày  05  tháng  3  năm  2024", "2024-03-05"),
        ("Bình Định, ngày 2| tháng 5 năm 2024", None),  # unreadable: no guess
    ],
)
def test_issue_date_with_ocr_noise(tmp_path: Path, place_date: str, day: str | None) -> None:
    lines = ("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 1234/QĐ-UBND", *MOTTO, place_date,
             "QUYẾT ĐỊNH", "Về việc công bố Chỉ số cải cách hành chính năm 2023",
             "Điều 1. Công bố Chỉ số CCHC năm 2023 của các sở, ban, ngành.",
             "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH")
    assert meta(read(tmp_path, lines))[:2] == ("1234/QĐ-UBND", day)


def test_a_numbered_body_name_over_unmarked_paragraphs(tmp_path: Path) -> None:
    lines = ("Kế hoạch được tổ chức thực hiện như sau:", "1. Sở Nội vụ",
             "Hướng dẫn, theo dõi việc triển khai Kế hoạch; tổng hợp kết quả.",
             "2. Sở Tài chính", "Bố trí kinh phí thực hiện Kế hoạch.",
             "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH")
    assert tasks(read(tmp_path, lines)) == [
        ("Sở Nội vụ", "Hướng dẫn, theo dõi việc triển khai Kế h"),
        ("Sở Tài chính", "Bố trí kinh phí thực hiện Kế hoạch."),
    ]


def test_the_members_of_a_steering_committee_are_assignees(tmp_path: Path) -> None:
    lines = ("Ban Chỉ đạo cải cách hành chính tỉnh họp phiên thường kỳ quý III năm 2024",
             "Kết luận phiên họp, Trưởng Ban yêu cầu các thành viên Ban Chỉ đạo tăng cường "
             "kiểm tra công vụ tại cơ sở.")
    assert tasks(read(tmp_path, lines)) == [
        ("các thành viên Ban Chỉ đạo", "yêu cầu các thành viên Ban Chỉ đạo tăng "),
    ]
