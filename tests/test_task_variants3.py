"""Duties in plans, conclusion notices and news, third set: a plan's task table that reached
the text one cell per line, a leader's instructions quoted in a news item.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from datetime import date

from parscore.extractors.model import Block, BlockKind, Document, Region, SourceInfo
from parscore.pipeline.model import Task
from parscore.pipeline.parse import parse

SOURCE = SourceInfo(path="mem.txt", format="txt", sha256="3" * 64)


def parsed_tasks(*lines: str) -> tuple[Task, ...]:
    """Given body lines (one paragraph each), return the notice's tasks."""
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=t, region=Region.BODY) for t in lines)
    return parse(Document(source=SOURCE, blocks=blocks)).tasks


def tasks_of(*lines: str) -> list[tuple[str | None, str]]:
    """Given body lines, return (unit, first 40 characters of the text) of each task."""
    return [(t.unit, t.text[:40]) for t in parsed_tasks(*lines)]


FLAT_TABLE = (
    "Phụ lục: Phân công nhiệm vụ cải thiện các chỉ số thành phần năm 2026",
    "Số TT",
    "Chỉ số thành phần",
    "Công việc cụ thể",
    "Thời hạn",
    "Cơ quan chủ trì thực hiện",
    "1.",
    "Chỉ số 2.1",
    "Cập nhật danh mục văn bản cần sửa đổi",
    "Tháng 4/2026",
    "Sở Tư pháp",
    "2.",
    "Chỉ số 5.3",
    "Tuyển dụng, bố trí công chức theo đúng vị trí việc làm",
    "được phê duyệt, báo cáo định kỳ",
    "trước 31/8/2026",
    "Sở Nội vụ",
    "3.",
    "Chỉ số 7.1",
    "Kết nối phần mềm một cửa với cơ sở dữ liệu dân cư",
    "Quý II/2026",
    "Trung tâm Phục vụ hành chính công",
    "Nơi nhận:",
    "- Như trên;",
)


def test_a_plan_table_flattened_one_cell_per_line_gives_a_task_per_row() -> None:
    # header cells one per line opened by "Số TT", rows opened by "1." …, the body in charge
    # in the last column, a task wrapped over two lines, the deadline in another column
    found = tasks_of(*FLAT_TABLE)
    assert ("Sở Tư pháp", "Cập nhật danh mục văn bản cần sửa đổi (T") in found
    assert ("Sở Nội vụ", "Tuyển dụng, bố trí công chức theo đúng v") in found
    centre = ("Trung tâm Phục vụ hành chính công", "Kết nối phần mềm một cửa với cơ sở dữ li")
    assert centre in found
    wrapped = next(t for t in parsed_tasks(*FLAT_TABLE) if t.unit == "Sở Nội vụ")
    assert "được phê duyệt" in wrapped.text
    assert wrapped.deadline == date(2026, 8, 31)


def test_a_flattened_header_without_a_body_column_gives_no_tasks() -> None:
    # an ordinal and a task column but no body in charge: a list of works, no assignments
    found = tasks_of("TT", "Nội dung công việc", "Kết quả", "1", "Rà soát quy trình nội bộ", "Đạt")
    assert found == []


def test_a_leaders_quoted_instruction_gives_the_quoted_subject_its_duty() -> None:
    # a sentence opening on a quotation mark, the speaker after it
    tasks = parsed_tasks(
        "Tin, ảnh: Hoàng Lan | 1.205 lượt xem",
        "“Văn phòng UBND tỉnh cần theo dõi sát tiến độ từng nhiệm vụ được giao, "
        "không để nợ đọng”, Chủ tịch UBND tỉnh lưu ý.",
    )
    assert [t.unit for t in tasks] == ["Văn phòng UBND tỉnh"]
    assert "cần theo dõi sát tiến độ" in tasks[0].text


def test_a_body_addressed_before_the_authority_that_gives_its_duty() -> None:
    # "Riêng đối với <bodies>, <authority> đề nghị <duty>": the bodies get the duty alone
    found = tasks_of(
        "Riêng đối với các phòng chuyên môn và UBND các thị trấn, Chủ tịch UBND huyện đề "
        "nghị rà soát lại quy trình nội bộ giải quyết thủ tục hành chính trước ngày 15/10.",
    )
    assert found == [
        ("các phòng chuyên môn và UBND các thị trấn", "rà soát lại quy trình nội bộ giải quyết ")
    ]


def test_a_body_addressed_before_a_sentence_of_its_own_is_unchanged() -> None:
    # no authority after the comma: the name and the duty as before ("Đối với X, cần …")
    found = tasks_of("Đối với Sở Y tế, cần sớm công khai quy trình nội bộ trên cổng điện tử.")
    assert found == [("Sở Y tế", "Đối với Sở Y tế, cần sớm công khai quy t")]


def test_a_flattened_plan_table_with_group_rows_numbered_anew_in_each() -> None:
    # Roman group rows with a heading in capitals (one right after the header), numbering
    # restarting at 1 in each group, the body in charge before the task
    found = tasks_of(
        "STT",
        "Đơn vị thực hiện",
        "Nội dung",
        "Tiến độ",
        "I.",
        "NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "1.",
        "Phòng Tư pháp",
        "Tự kiểm tra văn bản do UBND thị xã ban hành",
        "Quý I/2027",
        "II.",
        "NHÓM NHIỆM VỤ VỀ CHÍNH QUYỀN SỐ",
        "1.",
        "Phòng Kinh tế",
        "Duy trì kết nối liên thông hồ sơ giữa các cấp",
        "Thường xuyên",
        "2.",
        "UBND các phường",
        "Cập nhật dữ liệu hộ tịch lên hệ thống dùng chung",
        "Tháng 9/2027",
        "Nơi nhận:",
    )
    assert [(unit, text[:20]) for unit, text in found] == [
        ("Phòng Tư pháp", "Tự kiểm tra văn bản "),
        ("Phòng Kinh tế", "Duy trì kết nối liên"),
        ("UBND các phường", "Cập nhật dữ liệu hộ "),
    ]


def test_the_head_of_bodies_is_a_subject_not_a_ranking_report() -> None:
    # "Người đứng đầu" holds "đứng đầu" (leads a ranking): as a name's head it is no report
    found = tasks_of(
        "Tại buổi làm việc, Người đứng đầu các cơ quan chuyên môn phải gương mẫu, trực "
        "tiếp theo dõi việc giải quyết hồ sơ quá hạn.",
    )
    assert [unit for unit, _ in found] == ["Người đứng đầu các cơ quan chuyên môn"]


def test_a_flattened_header_cell_wrapped_over_two_lines_is_one_column() -> None:
    # "Cơ quan" / "chủ trì" and "Thời gian" / "hoàn thành": two lines, one column each
    found = tasks_of(
        "TT",
        "Công việc",
        "Cơ quan",
        "chủ trì",
        "Thời gian",
        "hoàn thành",
        "1",
        "Xây dựng bộ tài liệu kiểm chứng điện tử",
        "Văn phòng Sở",
        "Tháng 10/2026",
        "2",
        "Khảo sát sự hài lòng của tổ chức, cá nhân",
        "Phòng Hành chính - Tổng hợp",
        "Quý IV/2026",
    )
    assert [(unit, text[:20]) for unit, text in found] == [
        ("Văn phòng Sở", "Xây dựng bộ tài liệu"),
        ("Phòng Hành chính - Tổng hợp", "Khảo sát sự hài lòng"),
    ]


def test_a_deadline_written_in_words_after_its_cue() -> None:
    # "chậm nhất ngày 5 tháng 11 năm 2026", "hạn chót là ngày 20/12/2026"
    tasks = parsed_tasks(
        "1. Sở Xây dựng rà soát quy trình cấp phép, báo cáo chậm nhất ngày 5 tháng 11 năm 2026.",
        "2. Sở Công Thương hoàn thiện hồ sơ kiểm chứng, hạn chót là ngày 20/12/2026.",
    )
    assert [t.deadline for t in tasks] == [date(2026, 11, 5), date(2026, 12, 20)]
