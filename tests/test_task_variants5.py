"""Duties in conclusion notices, minutes, remediation plans and a department's own plans,
fifth set: trade unions and other bodies as assignees, a person addressed after a cue, body
headings whose numbering was lost, a bulleted body heading closed by its siblings.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from datetime import date

from parscore.pipeline.parse.tasks import deadline
from tests.test_task_variants3 import parsed_tasks, tasks_of


def test_a_trade_union_or_a_library_is_an_assignee() -> None:
    # the union named after a cue, a museum as a subject: both are bodies given a duty
    found = tasks_of(
        "Giám đốc Sở giao nhiệm vụ như sau:",
        "1. Phòng Hành chính - Tổng hợp rà soát nội quy cơ quan, trình trước ngày 05/3.",
        "2. Yêu cầu Công đoàn Sở Xây dựng phát động phong trào thi đua thực hiện văn hóa công vụ.",
        "3. Bảo tàng tỉnh số hóa hồ sơ hiện vật, công khai trên Cổng thông tin của Sở.",
    )
    assert [unit for unit, _ in found] == [
        "Phòng Hành chính - Tổng hợp",
        "Công đoàn Sở Xây dựng",
        "Bảo tàng tỉnh",
    ]
    assert found[1][1].startswith("Yêu cầu Công đoàn")


def test_a_person_addressed_after_a_cue_keeps_the_cue_in_the_task() -> None:
    # "giao đồng chí …", "đề nghị đồng chí …": the task opens at the cue, the unit is the title
    found = tasks_of(
        "Kết luận của Giám đốc Trung tâm tại cuộc họp giao ban quý I:",
        "1. Giao đồng chí Phó Giám đốc Trần Thu Hà chỉ đạo bộ phận tiếp nhận rút ngắn thời gian "
        "trả kết quả, báo cáo trong tháng 4.",
        "2. Đề nghị đồng chí Trưởng phòng Hành chính bố trí thêm quầy hướng dẫn cho người dân.",
    )
    assert [unit for unit, _ in found] == [
        "Phó Giám đốc Trần Thu Hà",
        "Trưởng phòng Hành chính",
    ]
    assert [text[:14] for _, text in found] == ["Giao đồng chí ", "Đề nghị đồng c"]


LOST_NUMBERING = (
    "Để cải thiện Chỉ số SIPAS năm 2026, Chủ tịch UBND tỉnh yêu cầu:",
    "Giao Sở Văn hóa, Thể thao và Du lịch:",
    "Rà soát quy trình nội bộ giải quyết thủ tục cấp phép lễ hội, trình trước ngày 20/4.",
    "Niêm yết công khai số điện thoại đường dây nóng tại bộ phận một cửa.",
    "Thanh tra tỉnh:",
    "Kiểm tra việc tiếp công dân tại 04 huyện trong quý III.",
    "Tổng hợp kiến nghị của người dân về thủ tục hành chính, báo cáo hằng tháng.",
)


def test_body_headings_whose_numbering_was_lost_give_their_lines() -> None:
    # "Giao Sở …:" and "Thanh tra tỉnh:" head plain lines (the list numbers were not pasted)
    found = tasks_of(*LOST_NUMBERING)
    units = ["Sở Văn hóa, Thể thao và Du lịch"] * 2 + ["Thanh tra tỉnh"] * 2
    assert [unit for unit, _ in found] == units
    assert [text[:12] for _, text in found] == [
        "Rà soát quy ", "Niêm yết côn", "Kiểm tra việ", "Tổng hợp kiế",
    ]


def test_body_headings_without_numbers_in_prose_give_their_lines() -> None:
    # the same with no lead-in over them: a letter's paragraphs after its opening
    found = tasks_of(
        "Thực hiện Kế hoạch cải cách hành chính năm 2026, UBND tỉnh giao nhiệm vụ sau.",
        *LOST_NUMBERING[1:],
    )
    assert ("Thanh tra tỉnh", "Tổng hợp kiến nghị của người dân về thủ ") in found
    assert not any(text.endswith(":") for _, text in found)


def test_a_bulleted_body_heading_ends_at_a_sibling_naming_another_body() -> None:
    # "- UBND huyện …:" over "+" items; the next "-" items and a plain "Đề nghị …" name bodies
    found = tasks_of(
        "Phó Chủ tịch UBND tỉnh giao nhiệm vụ như sau:",
        "- UBND huyện Đức Trọng:",
        "+ Bố trí đủ công chức tại bộ phận một cửa của 05 xã sau sáp nhập.",
        "+ Công khai kết quả đánh giá giải quyết thủ tục hành chính hằng tháng.",
        "- Sở Tài chính thẩm định dự toán mua sắm máy quét tài liệu cho huyện.",
        "Đề nghị Bưu điện tỉnh hỗ trợ trả kết quả tại nhà cho người cao tuổi.",
    )
    assert [unit for unit, _ in found] == [
        "UBND huyện Đức Trọng",
        "UBND huyện Đức Trọng",
        "Sở Tài chính",
        "Bưu điện tỉnh",
    ]


def test_the_chair_of_the_meeting_in_the_opening_is_no_task() -> None:
    # "Sáng 21/4, đồng chí Chủ tịch … chủ trì cuộc họp": the event reported, no duty (the
    # opening hard-wrapped as a PDF's text layer gives it, the sentence cut at the line's end)
    found = tasks_of(
        "Sáng 21/4/2026, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp trực tuyến sơ kết công tác",
        "cải cách hành chính quý I. Sau khi nghe Văn phòng UBND tỉnh báo cáo, Chủ tịch UBND tỉnh "
        "kết luận như sau:",
        "1. Giao Sở Khoa học và Công nghệ hoàn thiện kho dữ liệu số hóa trước ngày 30/6/2026.",
        "2. Đồng chí Chánh Văn phòng UBND tỉnh theo dõi việc thực hiện của các sở.",
    )
    assert [unit for unit, _ in found] == ["Sở Khoa học và Công nghệ", "Chánh Văn phòng UBND tỉnh"]
    assert found[1][1].startswith("Đồng chí Chánh")


def test_a_deadline_without_its_year_takes_the_notices() -> None:
    # the notice is dated in November: December is this year's, March and the first
    # quarter next year's; a bare "hoàn thành 2/3 …" is a share, no day
    found = parsed_tasks(
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "Số: 517/TB-UBND",
        "Hà Tĩnh, ngày 24 tháng 11 năm 2026",
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Công Thương",
        "1. Giao Sở Công Thương rà soát quy trình cấp giấy phép, báo cáo trước ngày 10/12.",
        "2. Sở Nội vụ thẩm định đề án vị trí việc làm, chậm nhất 31 tháng 3.",
        "3. Văn phòng UBND tỉnh công khai kết quả đánh giá trong quý I.",
        "4. Sở Tài chính hoàn thành 2/3 kế hoạch giải ngân vốn cho chuyển đổi số.",
    )
    assert [t.deadline for t in found] == [
        date(2026, 12, 10),
        date(2027, 3, 31),
        date(2027, 3, 31),
        None,
    ]


def test_a_deadline_without_its_year_stays_unknown_without_the_notices_date() -> None:
    assert deadline("báo cáo trước ngày 10/12") is None
    assert deadline("báo cáo trước ngày 10/12", date(2025, 1, 8)) == date(2025, 12, 10)
    assert deadline("xong trước 15/12/2024", date(2025, 1, 8)) == date(2024, 12, 15)


def test_a_general_assessment_heading_is_no_task() -> None:
    # "1. Đánh giá chung" over its paragraph assesses; the duties are in item 2
    found = tasks_of(
        "Sau khi nghe báo cáo, Giám đốc Sở Nội vụ kết luận:",
        "1. Đánh giá chung",
        "Trung tâm đã hoàn thành phần lớn chỉ tiêu; tuy nhiên còn 12 hồ sơ giải quyết quá hạn.",
        "2. Nhiệm vụ thời gian tới",
        "a) Trung tâm Lưu trữ lịch sử số hóa tài liệu lưu trữ, hoàn thành trong quý IV/2026.",
        "b) Phòng Cải cách hành chính kiểm tra việc xin lỗi người dân khi trả hồ sơ quá hạn.",
    )
    assert [unit for unit, _ in found] == [
        "Trung tâm Lưu trữ lịch sử",
        "Phòng Cải cách hành chính",
    ]
