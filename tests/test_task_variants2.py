"""Duties in plans, conclusions and news, second set: an issuing lead-in, topics before the
subject, known agencies before an unlisted verb, lists of bodies across commas, captions.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import parscore
from parscore.extractors.model import Block, BlockKind, Cell, Document, Region, SourceInfo
from parscore.pipeline.parse import parse
from parscore.pipeline.parse.assignees import find_assignment
from parscore.pipeline.tables.plan import find_columns

SOURCE = SourceInfo(path="mem.txt", format="txt", sha256="2" * 64)


def tasks_of(*lines: str) -> list[tuple[str | None, str]]:
    """Given body lines, return (unit, first 40 characters of the text) of each task."""
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=t, region=Region.BODY) for t in lines)
    notice = parse(Document(source=SOURCE, blocks=blocks))
    return [(t.unit, t.text[:40]) for t in notice.tasks]


def test_a_lead_in_issuing_the_plan_gives_its_sections_no_unit() -> None:
    # the issuer "ban hành Kế hoạch … như sau:" over Roman sections: aims are no duties, the
    # bodies under "PHÂN CÔNG THỰC HIỆN" get theirs
    found = tasks_of(
        "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 08/12/2023 của HĐND huyện, Ủy ban nhân dân "
        "huyện ban hành Kế hoạch triển khai như sau:",
        "I. MỤC TIÊU",
        "1. Nâng cao chất lượng phục vụ người dân tại bộ phận một cửa.",
        "II. PHÂN CÔNG THỰC HIỆN",
        "1. Phòng Nội vụ",
        "- Tham mưu kiện toàn Tổ công tác cải cách hành chính của huyện.",
        "2. Phòng Tài chính - Kế hoạch có trách nhiệm cân đối kinh phí thực hiện.",
    )
    assert found == [
        ("Phòng Nội vụ", "Tham mưu kiện toàn Tổ công tác cải cách "),
        ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch có trách nhiệ"),
    ]


def test_a_lead_in_announcing_a_table_gives_no_duty() -> None:
    found = tasks_of(
        "Để khắc phục hạn chế, UBND huyện ban hành danh mục nhiệm vụ năm 2025 như sau:",
        "Giao Phòng Hành chính tư pháp theo dõi, đôn đốc việc thực hiện.",
    )
    assert found == [("Phòng Hành chính tư pháp", "Giao Phòng Hành chính tư pháp theo dõi, ")]


def test_a_topic_before_the_subject_and_a_duty_after_an_agreement() -> None:
    found = tasks_of(
        "Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận:",
        "1. Về nguồn vốn đối ứng: Phòng Tài chính - Kế hoạch tổng hợp, trình UBND huyện "
        "trước ngày 20/5/2025.",
        "2. Về kiến nghị của xã Tân Lập: đồng ý về nguyên tắc; Phòng Nội vụ thẩm định hồ sơ, "
        "báo cáo trong tháng 6/2025.",
        "3. Về công tác tuyên truyền: giao Trung tâm Văn hóa - Thể thao huyện đăng tải tin bài.",
    )
    assert found == [
        ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch tổng hợp, trì"),
        ("Phòng Nội vụ", "Phòng Nội vụ thẩm định hồ sơ, báo cáo tr"),
        ("Trung tâm Văn hóa - Thể thao huyện", "giao Trung tâm Văn hóa - Thể thao huyện "),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a known agency's whole name ends before any word in lower case that starts a duty
        ("Sở Y tế siết chặt quy trình cấp phép hành nghề tại các phòng khám.", "Sở Y tế"),
        ("Đề nghị Bộ Tư pháp sớm có ý kiến về dự thảo.", "Bộ Tư pháp"),
        # … and before a verb whose object is a place's level
        ("Đề nghị Sở Giáo dục và Đào tạo hướng dẫn huyện Ea Súp rà soát hồ sơ.",
         "Sở Giáo dục và Đào tạo"),
        # a name that is no known agency still reads a verb before a level as its own
        ("Giao Ban Quản lý dự án đầu tư xây dựng huyện rà soát hồ sơ quyết toán.",
         "Ban Quản lý dự án đầu tư xây dựng huyện"),
        # a list of bodies: "Truyền thông, Báo" is no "thông báo"
        ("Sở Thông tin và Truyền thông, Báo Lạng Sơn phối hợp đưa tin về cải cách hành chính.",
         "Sở Thông tin và Truyền thông, Báo Lạng Sơn"),
    ],
)
def test_where_a_body_s_name_ends(text: str, unit: str) -> None:
    found = find_assignment(text)
    assert found is not None and found.unit == unit


def test_a_change_after_an_agency_is_no_duty() -> None:
    found = tasks_of(
        "Giao Văn phòng UBND tỉnh tổng hợp kết quả.",
        "Riêng Sở Xây dựng giảm 4 bậc so với năm 2023.",
    )
    assert found == [("Văn phòng UBND tỉnh", "Giao Văn phòng UBND tỉnh tổng hợp kết qu")]


def test_a_photo_caption_gives_no_duty() -> None:
    found = tasks_of(
        "Giao Phòng Văn hóa và Thông tin huyện cập nhật tin bài hằng tuần.",
        "Cán bộ Bộ phận một cửa hướng dẫn người dân nộp hồ sơ. Ảnh: Minh Hà",
        "Trung tâm Y tế huyện kiểm tra hồ sơ sức khỏe của người lao động. (Ảnh minh họa)",
        "Phòng Nội vụ phối hợp kiểm tra công vụ tại các xã.",
    )
    assert found == [
        ("Phòng Văn hóa và Thông tin huyện", "Giao Phòng Văn hóa và Thông tin huyện cậ"),
        ("Phòng Nội vụ", "Phòng Nội vụ phối hợp kiểm tra công vụ t"),
    ]


def test_a_remark_in_brackets_after_a_body_is_no_part_of_its_name() -> None:
    found = tasks_of(
        "Chủ tịch UBND huyện kết luận như sau:",
        "1. UBND xã Hòa Bình, UBND xã Tân Phú (hai đơn vị có nhiều hồ sơ trễ hạn nhất): rà soát "
        "toàn bộ hồ sơ tồn đọng, báo cáo trước ngày 15/4/2025.",
        "2. Giao Phòng Nội vụ (cơ quan thường trực của Tổ công tác) kiểm tra, đôn đốc việc "
        "thực hiện.",
    )
    assert found == [
        ("UBND xã Hòa Bình, UBND xã Tân Phú", "UBND xã Hòa Bình, UBND xã Tân Phú (hai đ"),
        ("Phòng Nội vụ", "Giao Phòng Nội vụ (cơ quan thường trực c"),
    ]


def test_the_office_s_formula_with_words_between_closes_a_task_section() -> None:
    found = tasks_of(
        "Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:",
        "I. ĐÁNH GIÁ CHUNG",
        "Năm 2024, các phòng, ban đã triển khai các nhiệm vụ cải cách hành chính.",
        "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
        "1. Phòng Tư pháp",
        "a) Rà soát quy trình chứng thực, hoàn thành trong tháng 5/2025.",
        "2. Phòng Văn hóa và Thông tin: cập nhật thủ tục hành chính trên trang điện tử huyện.",
        "Văn phòng HĐND và UBND huyện thông báo ý kiến kết luận của Chủ tịch UBND huyện để các "
        "phòng, ban biết và thực hiện./.",
    )
    assert [unit for unit, _ in found] == ["Phòng Tư pháp", "Phòng Văn hóa và Thông tin"]


def test_items_under_a_bare_cue_name_their_assignees() -> None:
    # "Giao:" gives its items' subjects their duties, even in words that report in news
    found = tasks_of(
        "Điều 4. Giao:",
        "1. Phòng Nội vụ công bố kết quả xếp loại đến các xã, thị trấn.",
        "2. UBND các xã xếp loại Trung bình: giải trình với Chủ tịch UBND huyện trong 15 ngày.",
        "Điều 5. Quyết định này có hiệu lực kể từ ngày ký.",
    )
    assert found == [
        ("Phòng Nội vụ", "Phòng Nội vụ công bố kết quả xếp loại đế"),
        ("UBND các xã xếp loại Trung bình", "UBND các xã xếp loại Trung bình: giải tr"),
    ]


def test_ordinal_paragraphs_are_items_but_a_weekday_is_no_ordinal() -> None:
    found = tasks_of(
        "Thứ hai, 12/5/2025 - 08:15",
        "Tại buổi làm việc, Chủ tịch UBND huyện nêu hai giải pháp chính.",
        "Thứ nhất, Phòng Nội vụ kiện toàn đội ngũ công chức đầu mối về cải cách hành chính.",
        "Thứ hai, các xã, thị trấn công khai thủ tục hành chính tại trụ sở và trên mạng.",
    )
    assert found == [
        ("Phòng Nội vụ", "Phòng Nội vụ kiện toàn đội ngũ công chức"),
        ("các xã, thị trấn", "các xã, thị trấn công khai thủ tục hành "),
    ]


def test_short_names_of_bodies_in_numbered_items() -> None:
    # agencies written short are spelled out; "BQL" opens a name; "TP." is a city inside the
    # province, which takes the duty to direct its wards
    found = tasks_of(
        "Phó Chủ tịch UBND tỉnh có ý kiến như sau:",
        "1. Sở GD&ĐT, Sở NN&PTNT: cập nhật quy trình nội bộ lên Hệ thống thông tin của tỉnh.",
        "2. BQL các dự án đầu tư xây dựng tỉnh đẩy nhanh quyết toán các công trình hoàn thành.",
        "3. UBND TP. Bảo Lộc chỉ đạo các phường niêm yết công khai thủ tục hành chính.",
    )
    assert [unit for unit, _ in found] == [
        "Sở Giáo dục và Đào tạo, Sở Nông nghiệp và Phát triển nông thôn",
        "BQL các dự án đầu tư xây dựng tỉnh",
        "UBND TP. Bảo Lộc",
    ]


@pytest.mark.parametrize(
    ("heads", "columns"),
    [
        # the body first, its column named by responsibility; the task column "Hoạt động"
        (("STT", "Đơn vị chịu trách nhiệm", "Hoạt động", "Kết quả", "Thời hạn"), (2, 1, 4)),
        (("TT", "Công việc cụ thể", "Bộ phận thực hiện", "Thời gian"), (1, 2, 3)),
        (("TT", "Nhiệm vụ", "Đơn vị đầu mối", "Đơn vị phối hợp"), (1, 2, None)),
    ],
)
def test_more_headers_of_a_task_table(heads: tuple[str, ...], columns: tuple[object, ...]) -> None:
    found = find_columns({0: dict(enumerate(heads))})
    assert found is not None
    assert (found.task, found.unit, found.deadline) == columns


def test_a_body_drawing_up_the_plan_over_its_table_gives_itself_no_duty() -> None:
    lead = Block(
        kind=BlockKind.PARAGRAPH,
        text="Để khắc phục hạn chế, Phòng Nội vụ xây dựng kế hoạch với các nội dung như sau:",
        region=Region.BODY,
    )
    rows = [("TT", "Nội dung", "Người thực hiện"), ("1", "Cập nhật hồ sơ công chức", "Tổ Tổng hợp")]
    cells = tuple(
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)
    )
    table = Block(kind=BlockKind.TABLE, cells=cells, region=Region.BODY)
    notice = parse(Document(source=SOURCE, blocks=(lead, table)))
    assert [(t.unit, t.text) for t in notice.tasks] == [("Tổ Tổng hợp", "Cập nhật hồ sơ công chức")]


def test_a_passive_duty_names_its_receiver_after_giao_cho() -> None:
    found = tasks_of(
        "Giao Phòng Tư pháp rà soát các văn bản quy phạm pháp luật hết hiệu lực.",
        "Việc cập nhật cơ sở dữ liệu cán bộ, công chức được giao cho Phòng Nội vụ thực hiện "
        "trước ngày 31/10/2025.",
        "Nhiệm vụ được giao cho Phòng Tài chính - Kế hoạch tại Kế hoạch số 20/KH-UBND đã hoàn "
        "thành đúng hạn.",
    )
    assert found == [
        ("Phòng Tư pháp", "Giao Phòng Tư pháp rà soát các văn bản q"),
        ("Phòng Nội vụ", "Việc cập nhật cơ sở dữ liệu cán bộ, công"),
    ]


HEADER_TABLE_PAGE = """<html><head><meta charset="utf-8"><title>Văn bản</title></head><body>
<p>Trang chủ | Văn bản | Liên hệ</p><p>Đăng ngày 03/06/2025, 212 lượt xem</p>
<table><tr><td>UBND HUYỆN ĐỨC TRỌNG<br>PHÒNG NỘI VỤ</td>
<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 41/KH-PNV</td><td>Đức Trọng, ngày 30 tháng 5 năm 2025</td></tr></table>
<h3>KẾ HOẠCH<br>Kiểm tra công tác cải cách hành chính năm 2025</h3>
<p>1. Tổ kiểm tra số 1: kiểm tra UBND các xã phía Bắc huyện trong tháng 7/2025.</p>
</body></html>"""


def test_a_web_page_s_header_table_is_read_as_the_header(tmp_path: Path) -> None:
    # Word's two-column header pasted into a portal; the title and its trích yếu on one line
    path = tmp_path / "page.html"
    path.write_text(HEADER_TABLE_PAGE, encoding="utf-8")
    notice = parscore.parse(path)
    meta = notice.notice.metadata
    assert (meta.number, meta.issue_date) == ("41/KH-PNV", date(2025, 5, 30))


def test_ocr_spaced_numbering_and_a_directive_s_closing() -> None:
    # a scan read as "2 ." and "b )"; an unlisted verb ("đưa") ends a name; the closing
    # "… nghiêm túc thực hiện Chỉ thị này./." is no duty
    found = tasks_of(
        "Để khắc phục, Chủ tịch UBND huyện chỉ thị:",
        "1 . Trưởng các phòng chuyên môn thuộc UBND huyện:",
        "a ) Rà soát quy trình nội bộ giải quyết thủ tục hành chính.",
        "b ) Công khai số điện thoại đường dây nóng tại trụ sở.",
        "2 . Giao Phòng Nội vụ đưa kết quả cải cách hành chính vào bình xét thi đua năm 2025.",
        "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện Chỉ thị này./.",
    )
    heads = "Trưởng các phòng chuyên môn thuộc UBND huyện"
    assert found == [
        (heads, "Rà soát quy trình nội bộ giải quyết thủ "),
        (heads, "Công khai số điện thoại đường dây nóng t"),
        ("Phòng Nội vụ", "Giao Phòng Nội vụ đưa kết quả cải cách h"),
    ]
