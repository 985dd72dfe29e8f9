"""Duties in official letters, directives, a department's notice to its divisions and news,
fourth set: offices and agencies written short, closing formulas, passive and adverb words
after a unit's name.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from parscore.extractors.model import Block, BlockKind, Document, Region, SourceInfo
from parscore.pipeline.parse import parse
from tests.test_extract_html import run
from tests.test_task_variants3 import tasks_of


def test_a_district_office_written_short_is_spelled_out() -> None:
    # "Phòng TN&MT", "Phòng VH - TT" after the number, one as the lead with a partner
    found = tasks_of(
        "Chủ tịch UBND thị xã giao nhiệm vụ như sau:",
        "1. Phòng TN&MT chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ đất đai quá hạn.",
        "2. Phòng VH - TT đăng tải kết quả giải quyết hồ sơ trên trang thông tin của thị xã.",
    )
    assert [unit for unit, _ in found] == [
        "Phòng Tài nguyên và Môi trường",
        "Phòng Văn hóa và Thông tin",
    ]


def test_an_agency_short_form_with_a_comma_inside_is_spelled_out() -> None:
    # "Sở VH,TT&DL": the comma without a space belongs to the short form
    found = tasks_of(
        "Tại buổi làm việc, đồng chí Phó Chủ tịch UBND tỉnh giao Sở VH,TT&DL rà soát quy trình "
        "cấp phép lữ hành, xong trước ngày 20/3/2026.",
    )
    assert found and found[0][0] == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_closing_formula_with_a_second_clause_gives_no_task() -> None:
    # the formula's first clause is generic ("quan tâm, triển khai thực hiện"); the clause after
    # ";" only says where to report difficulties; a letter's courtesy line closes it too
    found = tasks_of(
        "Để chuẩn bị đánh giá năm 2026, UBND huyện đề nghị các cơ quan, đơn vị thực hiện "
        "một số nội dung sau:",
        "1. Phòng Nội vụ tổng hợp tài liệu kiểm chứng, trình Chủ tịch UBND huyện trước 10/11/2026.",
        "2. UBND các xã cập nhật số liệu giải quyết hồ sơ trên phần mềm một cửa.",
        "UBND huyện đề nghị Thủ trưởng các cơ quan, đơn vị quan tâm, triển khai thực hiện; quá "
        "trình thực hiện có vướng mắc, phản ánh về Phòng Nội vụ để tổng hợp./.",
    )
    assert [text[:20] for _, text in found] == ["Phòng Nội vụ tổng hợ", "UBND các xã cập nhật"]
    courtesy = tasks_of(
        "Sở Tài chính đề nghị các đơn vị thực hiện các nội dung sau:",
        "- Các phòng chuyên môn: rà soát dự toán chi cho công tác số hóa hồ sơ.",
        "- Trung tâm Tin học: báo cáo tình hình vận hành phần mềm kế toán.",
        "Rất mong nhận được sự phối hợp chặt chẽ của Quý đơn vị./.",
    )
    assert len(courtesy) == 2


def test_a_briefing_meeting_is_no_cue() -> None:
    # "giao ban" is a briefing, not "giao" + "ban": the praise under it gives no task
    found = tasks_of(
        "Kết luận của Phó Chủ tịch UBND quận tại cuộc họp giao ban chuyển đổi số quý III/2026",
        "1. Quý III, tỷ lệ hồ sơ trực tuyến của quận đạt 71%, cao hơn quý trước.",
        "2. Phòng Văn hóa và Thông tin hướng dẫn các phường cập nhật cổng thông tin điện tử.",
    )
    assert found == [("Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin hướng dẫn các")]
    # a body named "Ban …" after the cue stays the assignee
    named = tasks_of("Chủ tịch UBND tỉnh giao Ban Dân tộc tỉnh rà soát chính sách hỗ trợ vùng cao.")
    assert named and named[0][0] == "Ban Dân tộc tỉnh"


def test_passive_words_after_a_name_leave_it() -> None:
    # "cũng được giao", "được đề nghị" after a name are the passive of its duty, no part of it
    found = tasks_of(
        "Theo đó, Phó Chủ tịch UBND tỉnh giao Sở Nông nghiệp và Môi trường hoàn thành số hóa "
        "hồ sơ địa chính trong quý II/2026. Văn phòng Đăng ký đất đai cũng được giao cập nhật "
        "biến động đất đai hằng tháng.",
        "Riêng UBND thị xã Kỳ Anh được đề nghị báo cáo tiến độ mỗi tuần.",
    )
    assert [unit for unit, _ in found] == [
        "Sở Nông nghiệp và Môi trường",
        "Văn phòng Đăng ký đất đai",
        "UBND thị xã Kỳ Anh",
    ]


def test_an_authority_directing_is_no_assignee() -> None:
    # a news title: the chairman directs, whom is said later
    found = tasks_of(
        "Phó Chủ tịch UBND tỉnh chỉ đạo đẩy nhanh số hóa hồ sơ đất đai",
        "Theo đó, Phó Chủ tịch UBND tỉnh giao Sở Nông nghiệp và Môi trường hoàn thành số hóa "
        "hồ sơ địa chính trong quý II/2026.",
    )
    assert [unit for unit, _ in found] == ["Sở Nông nghiệp và Môi trường"]
    # a lead-in of the directing authority gives its items no unit of its own
    items = tasks_of(
        "Chủ tịch UBND tỉnh chỉ đạo:",
        "1. Tăng cường kiểm tra đột xuất việc giải quyết hồ sơ tại Bộ phận Một cửa.",
        "2. Sở Tư pháp hướng dẫn chứng thực bản sao điện tử.",
    )
    assert [unit for unit, _ in items] == [None, "Sở Tư pháp"]


def test_a_numbered_heading_run_into_the_closing_gives_no_task() -> None:
    # "3. Tổ chức thực hiện" has no full stop: the closing paragraph under it joins it; its
    # first clause is the formula, the second only says where to report
    found = tasks_of(
        "1. Phòng Tư pháp rà soát thủ tục chứng thực trên Cổng dịch vụ công của huyện.",
        "2. Phòng Y tế kiểm tra hồ sơ cấp phép hành nghề quá hạn.",
        "3. Tổ chức thực hiện",
        "Chủ tịch UBND huyện yêu cầu Thủ trưởng các phòng, ban khẩn trương triển khai thực "
        "hiện; định kỳ báo cáo kết quả về Văn phòng HĐND và UBND huyện./.",
    )
    assert [unit for unit, _ in found] == ["Phòng Tư pháp", "Phòng Y tế"]


def test_a_plans_aims_under_its_lead_in_are_no_tasks() -> None:
    # the lead-in announces the whole body; "1. Mục tiêu", "2. Nguyên tắc" are its sections,
    # the units are under "3. Phân công thực hiện"
    found = tasks_of(
        "Căn cứ Kế hoạch CCHC năm 2026 của UBND tỉnh, Giám đốc Sở Y tế thông báo phân công "
        "nhiệm vụ như sau:",
        "1. Mục tiêu",
        "Phấn đấu 100% hồ sơ của Sở được giải quyết đúng hạn.",
        "2. Nguyên tắc",
        "Rõ người, rõ việc, rõ trách nhiệm của từng phòng.",
        "3. Phân công thực hiện",
        "3.1. Phòng Nghiệp vụ Dược:",
        "- Rà soát thủ tục cấp chứng chỉ hành nghề dược.",
        "3.2. Văn phòng Sở: tổng hợp báo cáo CCHC hằng quý.",
    )
    assert [unit for unit, _ in found] == ["Phòng Nghiệp vụ Dược", "Văn phòng Sở"]


def test_a_remark_under_no_unit_heading_is_no_task() -> None:
    # the sender's warning after the requests names no unit and opens with no verb
    found = tasks_of(
        "Để kịp tổng hợp, Sở Y tế đề nghị các đơn vị thực hiện các nội dung sau:",
        "- Các bệnh viện tuyến huyện: gửi số liệu khám chữa bệnh trực tuyến trước ngày 05/4/2026.",
        "- Trung tâm Kiểm soát bệnh tật tỉnh: cập nhật hồ sơ tiêm chủng trên phần mềm.",
        "Sau thời hạn trên, đơn vị nào chưa gửi số liệu, Sở Y tế sẽ tổng hợp, báo cáo UBND tỉnh.",
    )
    units = {unit for unit, _ in found}
    assert units == {"Các bệnh viện tuyến huyện", "Trung tâm Kiểm soát bệnh tật tỉnh"}


def test_a_leader_proposing_duties_is_the_news_items_issuer() -> None:
    # no document reported: the body whose leader "đề nghị" the duties announced them; a
    # department's past action ("đã ban hành") later in the lead is not the issuer
    texts = (
        "Phó Chủ tịch UBND tỉnh làm việc với các sở về chuyển đổi số",
        "Chiều 4/3, đồng chí Phó Chủ tịch UBND tỉnh Sơn La làm việc với các sở, ngành.",
        "Kết thúc buổi làm việc, Phó Chủ tịch UBND tỉnh đề nghị Sở Y tế sớm kết nối phần mềm.",
        "Trước đó, Sở Tư pháp đã ban hành hướng dẫn chứng thực điện tử.",
    )
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=t, region=Region.BODY) for t in texts)
    source = SourceInfo(path="news.txt", format="txt", sha256="5" * 64)
    issuer = parse(Document(source=source, blocks=blocks)).metadata.issuer
    assert issuer is not None and "Sơn La" in issuer and "Tư pháp" not in issuer


def test_a_post_date_line_named_like_an_article_is_not_the_article() -> None:
    # the page's only class naming an article ("postdate") holds the date line; the letter
    # is in a container whose class names nothing: the densest block is read
    letter = "".join(
        f"<p>{t}</p>"
        for t in (
            "UBND TỈNH CÀ MAU<br>SỞ TƯ PHÁP",
            "Số: 77/STP-HCTP",
            "Cà Mau, ngày 02 tháng 3 năm 2026",
            "Sở Tư pháp đề nghị các đơn vị thực hiện các nội dung sau:",
            "- Phòng Tư pháp các huyện: rà soát sổ hộ tịch chưa số hóa, báo cáo trước 20/3/2026.",
            "- Trung tâm Dịch vụ đấu giá tài sản: công khai quy trình đấu giá trên Cổng thông tin.",
        )
    )
    html = (
        '<html><head><meta charset="utf-8"></head><body><div class="logo">SỞ TƯ PHÁP</div>'
        '<p class="duong">Trang chủ / Văn bản / Văn bản chỉ đạo điều hành</p>'
        '<p class="postdate">Ngày đăng: 03/03/2026 08:15 | Người đăng: Quản trị | Lượt xem: 95</p>'
        f'<div class="vanban">{letter}</div><div class="foot">ĐT: 0290.38XX</div></body></html>'
    )
    text = run(html.encode()).text()
    assert "77/STP-HCTP" in text and "Trung tâm Dịch vụ đấu giá" in text


def test_a_self_assessing_duty_ends_the_name_before_its_tu() -> None:
    # "tự đánh giá", "tự chấm điểm": the "tự" is the duty's, not the name's
    found = tasks_of(
        "Điều 2. Tổ chức thực hiện",
        "1. Các đơn vị sự nghiệp thuộc Sở tự chấm điểm theo Bộ tiêu chí, gửi Văn phòng Sở.",
        "2. Văn phòng Sở tổng hợp kết quả, trình Giám đốc Sở trước ngày 10/12/2026.",
    )
    assert found[0][0] == "Các đơn vị sự nghiệp thuộc Sở"


def test_a_group_with_its_members_in_brackets_keeps_the_closing_bracket() -> None:
    found = tasks_of(
        "3. Các trung tâm thuộc Sở (Trung tâm Lưu trữ lịch sử, Trung tâm Tin học) chủ động số "
        "hóa hồ sơ lưu trữ còn tồn đọng.",
        "4. Thanh tra Sở kiểm tra việc số hóa tại các trung tâm.",
    )
    assert found[0][0] == "Các trung tâm thuộc Sở (Trung tâm Lưu trữ lịch sử, Trung tâm Tin học)"
