"""Duties in plans, directives, decisions and notices, sixth set: a body named only in a
heading above a topic sub-heading, persons named by their title and remit, a page number
left between the halves of an item, an attached regulation's articles after the signature.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from tests.test_task_variants3 import parsed_tasks, tasks_of

TOPIC_SUB_HEADINGS = (
    "III. NHIỆM VỤ TRỌNG TÂM",
    "1. Sở Tư pháp",
    "1.1. Về xây dựng văn bản",
    "- Thẩm định đúng hạn 100% dự thảo nghị quyết, quyết định quy phạm do các sở trình.",
    "- Rà soát văn bản hết hiệu lực, công bố danh mục trong quý I.",
    "1.2 Lĩnh vực hành chính tư pháp:",
    "- Tham mưu sửa đổi quy chế phối hợp kiểm tra văn bản giữa các cơ quan.",
    "2. Thanh tra tỉnh",
    "2.1. Về công tác tiếp dân",
    "a) Công khai lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh.",
    "3. Sở Y tế chủ trì kiểm tra việc niêm yết giá dịch vụ tại các bệnh viện tuyến huyện.",
)


def test_a_topic_sub_heading_keeps_the_body_named_above_it() -> None:
    # "1.1. Về …" and "1.2 Hoàn thiện thể chế:" name a topic, not a body: their items are the
    # duties of "1. Sở Tư pháp" two levels up; the next numbered body closes them
    found = tasks_of(*TOPIC_SUB_HEADINGS)
    assert [unit for unit, _ in found] == [
        "Sở Tư pháp",
        "Sở Tư pháp",
        "Sở Tư pháp",
        "Thanh tra tỉnh",
        "Sở Y tế",
    ]
    assert found[2][1].startswith("Tham mưu sửa đổi")


ATTACHED_REGULATION = (
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp kiểm tra công vụ trên địa bàn.",
    "Điều 2. Giao Thanh tra tỉnh chủ trì, theo dõi việc thực hiện Quy chế; báo cáo hằng năm.",
    "Nơi nhận:",
    "- Như Điều 2;",
    "- Lưu: VT, TH.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Vũ Minh Khoa",
    "QUY CHẾ",
    "Phối hợp kiểm tra công vụ",
    "(Được ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 09/01/2026 của UBND tỉnh)",
    "Điều 6. Trách nhiệm của Sở Nội vụ",
    "1. Lập kế hoạch kiểm tra công vụ hằng năm, gửi các cơ quan trước ngày 15/01.",
    "2. Tổng hợp kết quả kiểm tra, đề xuất khen thưởng, kỷ luật.",
    "Điều 7. Nhiệm vụ của các cơ quan chuyên môn",
    "Cử công chức tham gia đoàn kiểm tra khi được đề nghị.",
)


def test_an_attached_regulation_after_the_signature_gives_its_articles_duties() -> None:
    # the signer ends the decision, but the regulation issued with it ("(Được ban hành kèm
    # theo …)") goes on: each item of "Điều 6. Trách nhiệm của Sở Nội vụ" is a duty
    found = tasks_of(*ATTACHED_REGULATION)
    assert [unit for unit, _ in found][:3] == ["Thanh tra tỉnh", "Sở Nội vụ", "Sở Nội vụ"]
    assert found[1][1].startswith("Lập kế hoạch kiểm tra")
    assert found[2][1].startswith("Tổng hợp kết quả kiểm tra")


def test_the_signature_still_ends_a_decision_without_an_attachment() -> None:
    # without the attachment line, what follows the signer (an appendix) gives no duty
    lines = [x for x in ATTACHED_REGULATION if not x.startswith("(Được")]
    assert [unit for unit, _ in tasks_of(*lines)] == ["Thanh tra tỉnh"]


def test_a_deputys_remit_is_part_of_the_title_when_a_duty_follows() -> None:
    # "phụ trách lĩnh vực …" names which deputy; a verb or a colon after it gives the duty;
    # with none after it, "phụ trách …" is the duty itself
    found = tasks_of(
        "Giám đốc Sở Tài nguyên và Môi trường kết luận như sau:",
        "1. Giao Phó Giám đốc phụ trách lĩnh vực đất đai chỉ đạo Văn phòng Đăng ký đất đai "
        "giải quyết dứt điểm hồ sơ tồn đọng trong quý I.",
        "2. Phó Giám đốc phụ trách khối hành chính: rà soát quy chế làm việc của cơ quan.",
        "3. Phó Giám đốc Lê Văn Tâm phụ trách công tác thanh tra, tiếp công dân của Sở.",
    )
    assert [unit for unit, _ in found] == [
        "Phó Giám đốc phụ trách lĩnh vực đất đai",
        "Phó Giám đốc phụ trách khối hành chính",
        "Phó Giám đốc Lê Văn Tâm",
    ]


def test_a_verb_inside_a_units_name_ends_no_name() -> None:
    # "Giáo dục thường xuyên" is part of the centre's name, "phối hợp" starts the duty
    found = tasks_of(
        "Chủ tịch UBND huyện yêu cầu:",
        "1. Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên phối hợp với "
        "Phòng Nội vụ rà soát danh sách học viên, báo cáo trước ngày 10/9.",
        "2. Phòng Văn hóa và Thông tin đăng tải kết quả tuyển sinh trên trang thông tin huyện.",
    )
    assert [unit for unit, _ in found] == [
        "Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
        "Phòng Văn hóa và Thông tin",
    ]


PAGE_BREAK = (
    "Chủ tịch UBND tỉnh giao nhiệm vụ như sau:",
    "1. Sở Công Thương:",
    "a) Kiểm tra việc niêm yết giá tại các chợ đầu mối, xử lý nghiêm các trường hợp vi",
    "- 3 -",
    "phạm; báo cáo kết quả trong tháng 7.",
    "b) Cập nhật danh mục thủ tục hành chính lĩnh vực điện lực.",
    "2. Sở Y tế rà soát số giường bệnh thực kê tại 12 bệnh viện, báo cáo trước ngày 20/7.",
)


def test_a_page_number_inside_an_item_is_left_out_of_its_text() -> None:
    # plain text of a printed notice: the page's number stands between the item's halves
    found = parsed_tasks(*PAGE_BREAK)
    assert [t.unit for t in found] == ["Sở Công Thương", "Sở Công Thương", "Sở Y tế"]
    assert "các trường hợp vi phạm; báo cáo" in found[0].text


def test_a_news_items_source_and_a_leaders_remark_give_no_duty() -> None:
    # "(Báo Hậu Giang) - …" names the paper, not a subject; "… khẳng định: …" is a remark
    found = tasks_of(
        "(Báo Hậu Giang) - Sáng 14/5, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách "
        "hành chính quý I.",
        "Phó Chủ tịch UBND tỉnh khẳng định: cải cách thủ tục hành chính là nhiệm vụ trọng tâm.",
        "Tại hội nghị, Phó Chủ tịch UBND tỉnh giao Sở Nội vụ rà soát bộ tiêu chí chấm điểm "
        "các huyện, báo cáo trong tháng 6.",
    )
    assert [unit for unit, _ in found] == ["Sở Nội vụ"]


def test_a_body_heading_in_capitals_gives_its_items_to_the_body() -> None:
    # "I. ĐỐI VỚI …" / "II. TRÁCH NHIỆM CỦA …" in capitals name the body as a heading does
    found = tasks_of(
        "Chủ tịch UBND tỉnh yêu cầu:",
        "I. ĐỐI VỚI CÔNG AN TỈNH",
        "1) Đẩy nhanh việc cấp căn cước cho công dân ở các xã vùng sâu.",
        "2) Làm sạch dữ liệu dân cư phục vụ giải quyết thủ tục hành chính.",
        "II. TRÁCH NHIỆM CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Bảo đảm an toàn thông tin cho Cổng Dịch vụ công của tỉnh, báo cáo hằng quý.",
    )
    assert [unit for unit, _ in found] == [
        "Công an tỉnh",
        "Công an tỉnh",
        "Sở Thông tin và Truyền thông",
    ]


def test_a_deputy_chairman_or_vice_minister_given_a_duty_is_its_unit() -> None:
    # "giao đồng chí Phó Chủ tịch … chỉ đạo Sở X …": the deputy is given the duty, not Sở X
    found = tasks_of(
        "Bộ trưởng kết luận như sau:",
        "1. Giao đồng chí Thứ trưởng Đỗ Minh Hải chỉ đạo Vụ Pháp chế hoàn thiện dự thảo Thông tư.",
        "2. Đề nghị đồng chí Phó Chủ tịch UBND thành phố Lê Quang chỉ đạo Sở Tư pháp phối hợp "
        "rà soát thủ tục chứng thực.",
    )
    assert [unit for unit, _ in found] == [
        "Thứ trưởng Đỗ Minh Hải",
        "Phó Chủ tịch UBND thành phố Lê Quang",
    ]


def test_more_verbs_of_a_duty_end_the_bodys_name() -> None:
    # "tích hợp", "tập huấn", "cắt giảm" start the duty right after a body's name
    found = tasks_of(
        "Giám đốc Sở giao nhiệm vụ:",
        "1. Trung tâm Công nghệ thông tin tích hợp 30 dịch vụ công lên Cổng Dịch vụ công quốc gia.",
        "2. Chi cục Thủy lợi tập huấn nghiệp vụ cấp phép cho công chức cấp huyện trong quý II.",
        "3. Phòng Kế hoạch - Tài chính cắt giảm 15% chi phí hội nghị so với năm trước.",
    )
    assert [unit for unit, _ in found] == [
        "Trung tâm Công nghệ thông tin",
        "Chi cục Thủy lợi",
        "Phòng Kế hoạch - Tài chính",
    ]
