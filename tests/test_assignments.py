"""Duties outside task sections: prose, numbered items of directives and conclusions, articles.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from datetime import date

import pytest

from parscore.extractors.model import Block, BlockKind, Cell, Document, Region, SourceInfo
from parscore.normalizers.text import fold
from parscore.pipeline.parse import parse
from parscore.pipeline.parse.assignees import (
    _PUNCT,
    find_assignment,
    match_at,
    starts_with,
    vocabulary,
)
from parscore.pipeline.tables.plan import find_columns

SOURCE = SourceInfo(path="mem.txt", format="txt", sha256="1" * 64)
SIGNER = ("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def tasks_of(*lines: str) -> list[tuple[str | None, str]]:
    """Given body lines, return (unit, first 40 characters of the text) of each task."""
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=t, region=Region.BODY) for t in lines)
    notice = parse(Document(source=SOURCE, blocks=blocks))
    return [(t.unit, t.text[:40]) for t in notice.tasks]


@pytest.mark.parametrize(
    ("text", "unit", "start"),
    [
        # a cue names the assignee; the partner after "phối hợp với" is not it
        ("Sau khi nghe báo cáo, giao Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ rà soát.",
         "Phòng Tư pháp", "giao Phòng Tư pháp"),
        # a clause may stand between the cue and the assignee
        ("UBND huyện yêu cầu, căn cứ kết quả năm 2024, các phòng, ban chuyên môn có giải pháp "
         "khắc phục.", "các phòng, ban chuyên môn", "yêu cầu, căn cứ"),
        # a subject, named first; a label before a colon
        ("Trung tâm Y tế huyện bảo đảm thuốc và vật tư.", "Trung tâm Y tế huyện", "Trung tâm"),
        ("Công an huyện: Chỉ đạo lực lượng bảo vệ các điểm thi.", "Công an huyện", "Công an"),
        ("Vụ Pháp chế chủ trì thẩm định dự thảo Thông tư.", "Vụ Pháp chế", "Vụ Pháp chế"),
        # a sentence addressing a body first
        ("Riêng đối với các xã có điểm thấp, phải xây dựng kế hoạch khắc phục.",
         "các xã có điểm thấp", "Riêng đối với"),
        # a body that gives duties, then "chỉ đạo" the assignee
        ("Để kịp tiến độ, UBND huyện tiếp tục có văn bản chỉ đạo các xã khẩn trương rà soát.",
         "các xã", "chỉ đạo các xã"),
        # the factored list after "các phòng:" is part of the name
        # after a cue, a head in lower case; cues of several words
        ("Để khắc phục hạn chế, UBND huyện đề nghị thủ trưởng các cơ quan tập trung chỉ đạo.",
         "thủ trưởng các cơ quan", "đề nghị thủ trưởng"),
        ("Hội nghị giao nhiệm vụ cho Phòng Kinh tế theo dõi giá cả.", "Phòng Kinh tế",
         "giao nhiệm vụ cho"),
        ("Lãnh đạo huyện cũng lưu ý các xã có điểm thấp cần rà soát.", "các xã có điểm thấp",
         "lưu ý các xã"),
        ("Giao các phòng: Tài chính - Kế hoạch, Tư pháp, Văn phòng HĐND và UBND huyện phối hợp "
         "với Phòng Nội vụ.", "các phòng: Tài chính - Kế hoạch, Tư pháp, Văn phòng HĐND và UBND "
         "huyện", "Giao các phòng"),
    ],
)
def test_who_a_sentence_gives_a_duty_to(text: str, unit: str, start: str) -> None:
    found = find_assignment(text)
    assert found is not None
    assert (found.unit, text[found.start :].startswith(start)) == (unit, True)
    assert found.duty or found.cue


@pytest.mark.parametrize(
    "text",
    [
        "Theo đề nghị của Phòng Nội vụ tại Tờ trình số 12/TTr-PNV.",  # "đề nghị của": no cue
        "Theo yêu cầu, Phòng Tư pháp đã hoàn thành rà soát.",  # "theo yêu cầu": no cue
        "Cán bộ hoàn thành nhiệm vụ được giao trong năm.",  # passive "được giao"
        "Phòng Văn hóa đã tổ chức 12 buổi tuyên truyền.",  # a report, not a duty
        "Sở Nội vụ cho biết, các địa phương tiếp tục duy trì kết quả.",
        "Báo cáo kết quả thực hiện trước ngày 15/12/2024.",  # "Báo cáo" is a verb, no body
        "Việc đánh giá đối với các đơn vị trực thuộc phù hợp với thực tế.",  # not opening
    ],
)
def test_sentences_that_give_no_duty(text: str) -> None:
    found = find_assignment(text)
    assert not (found and (found.duty or found.cue))


def test_prose_duties_split_continue_and_close() -> None:
    tasks = tasks_of(
        "Tiếp thu ý kiến của các đại biểu, Chủ tịch UBND huyện yêu cầu Phòng Nội vụ tham mưu "
        "kế hoạch cải cách hành chính năm 2025; tổng hợp số liệu tự đánh giá của các xã; phối "
        "hợp với Phòng Tài chính - Kế hoạch trong việc bố trí kinh phí.",
        "Bên cạnh đó, căn cứ kết quả Chỉ số năm 2024 để đề xuất giải pháp cho từng xã.",
        "Giao Phòng Văn hóa và Thông tin tăng cường tuyên truyền trên cổng thông tin điện tử.",
        "Trên đây là kết luận của Chủ tịch UBND huyện, đề nghị các phòng, đơn vị triển khai "
        "thực hiện./.",
    )
    assert tasks == [
        ("Phòng Nội vụ", "yêu cầu Phòng Nội vụ tham mưu kế hoạch c"),
        ("Phòng Nội vụ", "tổng hợp số liệu tự đánh giá của các xã"),
        ("Phòng Nội vụ", "phối hợp với Phòng Tài chính - Kế hoạch "),
        ("Phòng Nội vụ", "Bên cạnh đó, căn cứ kết quả Chỉ số năm 2"),
        ("Phòng Văn hóa và Thông tin", "Giao Phòng Văn hóa và Thông tin tăng cườ"),
    ]


def test_a_sentence_without_a_subject_carries_on_the_last_one() -> None:
    tasks = tasks_of(
        "Huyện ủy vừa họp. UBND huyện cũng chỉ đạo các trường học khẩn trương rà soát cơ sở vật "
        "chất. Chủ động đề xuất kinh phí sửa chữa trước mùa mưa.",
        "Nội dung buổi làm việc được đăng tải trên trang thông tin.",
    )
    assert tasks == [
        ("các trường học", "chỉ đạo các trường học khẩn trương rà so"),
        ("các trường học", "Chủ động đề xuất kinh phí sửa chữa trước"),
    ]


def test_news_without_a_cue_gives_no_duty() -> None:
    assert tasks_of(
        "Năm 2024, Bệnh viện Đa khoa tỉnh tiếp tục giữ vị trí dẫn đầu khối đơn vị sự nghiệp.",
        "Ngân hàng Chính sách xã hội tỉnh tiếp tục duy trì thứ hạng cao.",
    ) == []


def test_numbered_items_of_a_conclusion() -> None:
    tasks = tasks_of(
        "THÔNG BÁO",
        "Kết luận của Phó Chủ tịch UBND huyện tại cuộc họp về chuyển đổi số",
        "Sau khi nghe các phòng báo cáo, Phó Chủ tịch UBND huyện kết luận như sau:",
        "1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các xã triển khai nền tảng số:",
        "a) Rà soát hạ tầng mạng tại bộ phận một cửa;",
        "b) Hướng dẫn người dân cài đặt ứng dụng.",
        "2. Ban Quản lý dự án đầu tư xây dựng huyện",
        "a) Hoàn thiện hồ sơ quyết toán công trình",
        "trụ sở xã trong tháng 3/2025;",
        "b) Phối hợp với Phòng Tài chính - Kế hoạch giải ngân vốn.",
        "3. Trên cơ sở đề xuất của các xã, giao Phòng Nội vụ thẩm định biên chế.",
        "4. Đề nghị Ủy ban MTTQ huyện và các đoàn thể:",
        "Tuyên truyền, vận động hội viên sử dụng dịch vụ công trực tuyến.",
        "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện./.",
        *SIGNER,
    )
    assert tasks == [
        ("Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin chủ trì, phối"),
        ("Ban Quản lý dự án đầu tư xây dựng huyện", "Hoàn thiện hồ sơ quyết toán công trình t"),
        ("Ban Quản lý dự án đầu tư xây dựng huyện", "Phối hợp với Phòng Tài chính - Kế hoạch "),
        ("Phòng Nội vụ", "giao Phòng Nội vụ thẩm định biên chế."),
        ("Ủy ban MTTQ huyện và các đoàn thể", "Đề nghị Ủy ban MTTQ huyện và các đoàn th"),
    ]


def test_items_of_a_directive_under_bodies_and_headings() -> None:
    tasks = tasks_of(
        "CHỈ THỊ",
        "Để tổ chức tốt kỳ thi, Chủ tịch UBND tỉnh yêu cầu:",
        "1. Trách nhiệm cụ thể:",
        "a) Cục Quản lý thị trường tỉnh:",
        "- Kiểm tra việc kinh doanh đồ dùng học tập;",
        "- Xử lý nghiêm các vi phạm.",
        "b) Sở Tài chính và Kho bạc Nhà nước tỉnh",
        "- Sở Tài chính bố trí kinh phí cho kỳ thi;",
        "- Kho bạc Nhà nước tỉnh thanh toán kịp thời.",
        "2. Tổ chức thực hiện",
        "a) Thủ trưởng các sở, ngành trong phạm vi nhiệm vụ được giao có kế hoạch thực hiện.",
        "b) Điện lực tỉnh: bảo đảm cấp điện ổn định.",
        "ø) Chủ tịch UBND các huyện chỉ đạo các xã phối hợp.",
        *SIGNER,
    )
    assert tasks == [
        ("Cục Quản lý thị trường tỉnh", "Kiểm tra việc kinh doanh đồ dùng học tập"),
        ("Cục Quản lý thị trường tỉnh", "Xử lý nghiêm các vi phạm."),
        ("Sở Tài chính", "Sở Tài chính bố trí kinh phí cho kỳ thi;"),
        ("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước tỉnh thanh toán kịp thờ"),
        # the scope after a name is not part of it
        ("Thủ trưởng các sở, ngành", "Thủ trưởng các sở, ngành trong phạm vi n"),
        ("Điện lực tỉnh", "Điện lực tỉnh: bảo đảm cấp điện ổn định."),
        ("Chủ tịch UBND các huyện", "Chủ tịch UBND các huyện chỉ đạo các xã p"),
    ]


def test_articles_of_a_decision() -> None:
    tasks = tasks_of(
        "QUYẾT ĐỊNH",
        "Xét đề nghị của Trưởng phòng Nội vụ huyện,",
        "Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí đánh giá cải cách hành chính.",
        "Điều 2. Giao",
        "Trưởng phòng Nội vụ huyện hướng dẫn, theo dõi việc thực hiện Quyết",
        "định này.",
        "Điều 3. Trách nhiệm của Phòng Tư pháp",
        "1. Thẩm định các văn bản quy phạm pháp luật của huyện.",
        "2. Theo dõi thi hành pháp luật.",
        *SIGNER,
    )
    assert tasks == [
        ("Trưởng phòng Nội vụ huyện", "Giao Trưởng phòng Nội vụ huyện hướng dẫn"),
        ("Phòng Tư pháp", "Thẩm định các văn bản quy phạm pháp luật"),
        ("Phòng Tư pháp", "Theo dõi thi hành pháp luật."),
    ]


def test_addressees_and_ocr_numbering() -> None:
    tasks = tasks_of(
        "Kính gửi:",
        "- Phòng Kinh tế;",
        "- Phòng Tài nguyên và Môi trường.",
        "Thực hiện Công văn số 15/STNMT-VP của Sở Tài nguyên và Môi trường, Chủ tịch UBND huyện "
        "có ý kiến như sau:",
        "1, Giao Phòng Kinh tế chủ trì rà soát danh mục thủ tục hành chính.",
        "2. Căn cứ kết quả rà soát, giao Phòng Tài nguyên và Môi trường cập nhật quy trình.",
        *SIGNER,
    )
    assert tasks == [
        ("Phòng Kinh tế", "Giao Phòng Kinh tế chủ trì rà soát danh "),
        ("Phòng Tài nguyên và Môi trường", "giao Phòng Tài nguyên và Môi trường cập "),
    ]


def test_a_long_numbered_paragraph_opens_no_section() -> None:
    tasks = tasks_of(
        "Sau buổi làm việc, Chủ tịch UBND huyện kết luận:",
        "1. Phòng Giáo dục và Đào tạo tiếp tục rà soát, sắp xếp mạng lưới trường lớp, đề xuất "
        "phương án bố trí giáo viên hợp lý, bảo đảm nhiệm vụ năm học mới và báo cáo kết quả.",
        "2. Phòng Y tế: Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.",
    )
    assert tasks == [
        ("Phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo tiếp tục rà so"),
        ("Phòng Y tế", "Phòng Y tế: Kiểm tra an toàn thực phẩm t"),
    ]


def test_an_item_without_a_subject_among_assigned_ones_is_kept_without_unit() -> None:
    tasks = tasks_of(
        "Chủ tịch UBND huyện chỉ thị:",
        "1. Phòng Lao động - Thương binh và Xã hội rà soát hộ nghèo trên địa bàn.",
        "2. Tăng cường kiểm tra việc chi trả trợ cấp tại các xã.",
        "3. Các xã, thị trấn được giao chỉ tiêu năm 2025.",  # no verb first: no duty
        "4. Ghi nhận sự cố gắng của các xã.",  # an assessment, no duty
        "5. Giao Phòng Tài chính - Kế hoạch thẩm định dự toán.",
        *SIGNER,
    )
    assert tasks == [
        ("Phòng Lao động - Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội r"),
        (None, "Tăng cường kiểm tra việc chi trả trợ cấp"),
        ("Phòng Tài chính - Kế hoạch", "Giao Phòng Tài chính - Kế hoạch thẩm địn"),
    ]


def test_an_article_issuing_a_text_and_rights_in_a_decree_give_no_duty() -> None:
    tasks = tasks_of(
        "NGHỊ ĐỊNH",
        "Điều 1. Ban hành kèm theo Nghị định này Quy chế quản lý quỹ.",
        "Điều 2. Đối tượng áp dụng",
        "1. Người góp quỹ và người quản lý quỹ;",
        "2. Cơ quan, tổ chức, cá nhân khác có liên quan.",
        "Điều 3. Quyền của người góp quỹ",
        "Người góp quỹ có quyền yêu cầu Ủy ban nhân dân cấp xã xác nhận phần đã góp.",
        "Điều 9. Trách nhiệm thi hành",
        "1. Bộ Tài chính có trách nhiệm:",
        "a) Hướng dẫn thi hành Nghị định này;",
        "b) Kiểm tra việc quản lý quỹ.",
        *SIGNER,
    )
    assert tasks == [("Bộ Tài chính", "Bộ Tài chính có trách nhiệm: Hướng dẫn t")]


def test_prose_after_a_numbered_list_of_results_is_read() -> None:
    tasks = tasks_of(
        "Kết quả cụ thể như sau:",
        "1. Sở Tư pháp: 91,2 điểm.",
        "2. Sở Y tế: 89,7 điểm.",
        "Để cải thiện kết quả, UBND tỉnh đề nghị các sở, ngành có điểm thấp xây dựng kế hoạch "
        "khắc phục.",
    )
    assert tasks == [("các sở, ngành có điểm thấp", "đề nghị các sở, ngành có điểm thấp xây d")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a duty the subject takes on itself, even an authority directing others after it
        ("Ban Chỉ đạo có nhiệm vụ chỉ đạo các phòng triển khai Đề án.", "Ban Chỉ đạo"),
        ("UBND các xã có trách nhiệm chỉ đạo công chức địa chính cập nhật dữ liệu.",
         "UBND các xã"),
        ("Văn phòng Sở là đầu mối tổng hợp, báo cáo kết quả.", "Văn phòng Sở"),
        # an authority directing, with a report of its own in between
        ("UBND thành phố vừa ban hành văn bản chỉ đạo các phường rà soát hồ sơ.", "các phường"),
        # a district named is given the duty, not an issuer directing others
        ("UBND huyện Sơn Hà chỉ đạo các xã hoàn thành số hóa hồ sơ.", "UBND huyện Sơn Hà"),
    ],
)
def test_own_duties_and_directed_ones(text: str, unit: str) -> None:
    found = find_assignment(text)
    assert found is not None
    assert found.unit == unit


def test_a_lead_in_naming_a_unit_gives_it_the_items_below() -> None:
    tasks = tasks_of(
        "Để cải thiện Chỉ số năm 2025, UBND huyện yêu cầu các cơ quan chuyên môn:",
        "- Rà soát, công khai thủ tục hành chính đúng hạn;",
        "- Phòng Tư pháp: hướng dẫn các xã kiểm soát thủ tục;",
        "- Tăng cường kỷ luật, kỷ cương hành chính.",
        "Ngoài ra, UBND huyện giao Phòng Nội vụ tổng hợp kết quả; Phòng Tài chính - Kế hoạch "
        "bảo đảm kinh phí; báo cáo UBND huyện trước ngày 30/11/2025.",
    )
    assert tasks == [
        ("các cơ quan chuyên môn", "Rà soát, công khai thủ tục hành chính đú"),
        ("Phòng Tư pháp", "Phòng Tư pháp: hướng dẫn các xã kiểm soá"),
        ("các cơ quan chuyên môn", "Tăng cường kỷ luật, kỷ cương hành chính."),
        ("Phòng Nội vụ", "giao Phòng Nội vụ tổng hợp kết quả"),
        ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch bảo đảm kinh "),
        ("Phòng Tài chính - Kế hoạch", "báo cáo UBND huyện trước ngày 30/11/2025"),
    ]


def test_a_heading_for_one_body() -> None:
    tasks = tasks_of(
        "Giám đốc Sở kết luận như sau:",
        "1. Đối với Phòng Quản lý hành nghề",
        "a) Rút ngắn thời gian cấp chứng chỉ hành nghề;",
        "b) Công khai kết quả giải quyết hồ sơ.",
        "2. Văn phòng Sở chủ trì tổng hợp báo cáo.",
        *SIGNER,
    )
    assert tasks == [
        ("Phòng Quản lý hành nghề", "Rút ngắn thời gian cấp chứng chỉ hành ng"),
        ("Phòng Quản lý hành nghề", "Công khai kết quả giải quyết hồ sơ."),
        ("Văn phòng Sở", "Văn phòng Sở chủ trì tổng hợp báo cáo."),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Tại buổi làm việc, Trung tâm Phục vụ hành chính công được giao tổng hợp ý kiến.",
         "Trung tâm Phục vụ hành chính công"),
        ("Trong tháng 12, các phòng chuyên môn hoàn thành tự chấm điểm.",
         "các phòng chuyên môn"),
        ("Theo Kế hoạch, Phòng Nội vụ là cơ quan thường trực.", "Phòng Nội vụ"),
    ],
)
def test_a_subject_after_an_opening_phrase(text: str, unit: str) -> None:
    found = find_assignment(text)
    assert found is not None
    assert (found.unit, found.duty) == (unit, True)


def test_paragraphs_under_an_article_title() -> None:
    tasks = tasks_of(
        "THÔNG TƯ",
        "Điều 1. Phạm vi điều chỉnh",
        "Thông tư này quy định chế độ báo cáo thống kê.",
        "Điều 12. Trách nhiệm của Cục Thống kê",
        "Hướng dẫn nghiệp vụ cho các đơn vị báo cáo.",
        "Tổng hợp số liệu, công bố",
        "theo định kỳ.",
        "Điều 13. Tổ chức thực hiện",
        "Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành Thông tư này.",
        *SIGNER,
    )
    assert tasks == [
        ("Cục Thống kê", "Hướng dẫn nghiệp vụ cho các đơn vị báo c"),
        ("Cục Thống kê", "Tổng hợp số liệu, công bố theo định kỳ."),
        ("Thủ trưởng các đơn vị thuộc Bộ", "Thủ trưởng các đơn vị thuộc Bộ chịu trác"),
    ]


def test_a_task_section_resolves_a_cued_group() -> None:
    tasks = tasks_of(
        "III. NHIỆM VỤ THỜI GIAN TỚI",
        "1. Văn phòng Sở:",
        "- Rà soát quy chế làm việc;",
        "- Cập nhật danh mục thủ tục.",
        "2. Đề nghị Thủ trưởng các phòng, đơn vị thuộc Sở, Chủ tịch Công đoàn cơ sở tổ chức "
        "quán triệt nội dung kết luận.",
    )
    assert [unit for unit, _ in tasks] == [
        "Văn phòng Sở",
        "Văn phòng Sở",
        "Thủ trưởng các phòng, đơn vị thuộc Sở, Chủ tịch Công đoàn cơ sở",
    ]


def test_a_closing_request_to_carry_out_is_no_task() -> None:
    assert tasks_of(
        "Sở Xây dựng vừa có văn bản về việc cải thiện Chỉ số CCHC.",
        "Theo đó, Sở đề nghị các phòng rà soát số liệu, gửi về trước ngày 10/01/2025.",
        "Đề nghị các phòng, đơn vị nghiêm túc, kịp thời triển khai thực hiện./.",
        "Yêu cầu Thủ trưởng các đơn vị biết, thực hiện.",
    ) == [("các phòng", "đề nghị các phòng rà soát số liệu, gửi v")]


def test_enumerated_duties_inside_a_sentence_and_a_scope_after_the_name() -> None:
    tasks = tasks_of(
        "Về lâu dài, UBND huyện giao: (1) Phòng Nội vụ chủ trì đánh giá; (2) Phòng Tư pháp "
        "kiểm soát thủ tục; (3) các xã, thị trấn báo cáo định kỳ.",
        "Phòng Y tế, Trung tâm Y tế huyện theo chức năng, nhiệm vụ được giao, kiểm tra an toàn "
        "thực phẩm.",
    )
    assert [unit for unit, _ in tasks] == [
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "các xã, thị trấn",
        "Phòng Y tế, Trung tâm Y tế huyện",
    ]


def test_a_name_with_its_own_semicolon_is_not_split() -> None:
    tasks = tasks_of(
        "Tại văn bản, UBND huyện yêu cầu Trưởng các phòng chuyên môn; Chủ tịch UBND các xã, thị "
        "trấn: Tập trung rà soát thủ tục; Thực hiện nghiêm kỷ luật hành chính."
    )
    assert tasks == [
        ("Trưởng các phòng chuyên môn; Chủ tịch UBND các xã, thị trấn",
         "yêu cầu Trưởng các phòng chuyên môn; Chủ"),
        ("Trưởng các phòng chuyên môn; Chủ tịch UBND các xã, thị trấn",
         "Thực hiện nghiêm kỷ luật hành chính."),
    ]


def test_an_abbreviation_ends_no_sentence() -> None:
    assert tasks_of(
        "Hội nghị thống nhất giao UBND TP. Quảng Ngãi chủ trì lập hồ sơ. Sở Xây dựng phối hợp "
        "thẩm định."
    ) == [
        ("UBND TP. Quảng Ngãi", "giao UBND TP. Quảng Ngãi chủ trì lập hồ "),
        ("Sở Xây dựng", "Sở Xây dựng phối hợp thẩm định."),
    ]


def test_numbers_and_letters_with_a_parenthesis_or_a_dot() -> None:
    tasks = tasks_of(
        "Phó Chủ tịch UBND huyện kết luận:",
        "1) Phòng Y tế:",
        "a. Kiểm tra các cơ sở kinh doanh thuốc;",
        "b. Báo cáo kết quả trước ngày 15/3/2025.",
        "2) Giao Phòng Nội vụ tổng hợp.",
        *SIGNER,
    )
    assert [(unit, t.split()[0]) for unit, t in tasks] == [
        ("Phòng Y tế", "Kiểm"),
        ("Phòng Y tế", "Báo"),
        ("Phòng Nội vụ", "Giao"),
    ]


def test_a_periodic_duty_after_a_semicolon_is_its_own() -> None:
    tasks = tasks_of(
        "Theo đó, UBND huyện giao Phòng Nội vụ theo dõi việc thực hiện; hằng quý tổng hợp, "
        "báo cáo Chủ tịch UBND huyện."
    )
    assert tasks == [
        ("Phòng Nội vụ", "giao Phòng Nội vụ theo dõi việc thực hiệ"),
        ("Phòng Nội vụ", "hằng quý tổng hợp, báo cáo Chủ tịch UBND"),
    ]


def test_tasks_of_a_plan_table() -> None:
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
        ["1", "Rà soát quy trình nội bộ giải quyết thủ tục", "Văn phòng UBND huyện", "Các phòng",
         "trước ngày 30/6/2025"],
        ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục", "Phòng Văn hóa và Thông tin", "", ""],
    ]
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            span = 4 if len(row) == 2 and c == 1 else 1  # a group heading across the columns
            cells.append(Cell(row=r, col=c, text=text, colspan=span))
    table = Block(kind=BlockKind.TABLE, cells=tuple(cells), region=Region.BODY)
    intro = Block(kind=BlockKind.PARAGRAPH, text="KẾ HOẠCH cải cách hành chính năm 2025")
    notice = parse(Document(source=SOURCE, blocks=(intro, table)))
    assert [(t.unit, t.text[:30], t.deadline) for t in notice.tasks] == [
        ("Văn phòng UBND huyện", "Rà soát quy trình nội bộ giải ", date(2025, 6, 30)),
        ("Phòng Văn hóa và Thông tin", "Số hóa hồ sơ, kết quả giải quy", None),
    ]


def test_a_task_table_header_with_partners_before_the_body_in_charge() -> None:
    grid = {0: {0: "TT", 1: "Công việc", 2: "Đơn vị phối hợp", 3: "Đơn vị chủ trì", 4: "Tiến độ"}}
    columns = find_columns(grid)
    assert columns is not None
    assert (columns.task, columns.unit, columns.deadline) == (1, 3, 4)
    assert find_columns({0: {0: "Tiêu chí", 1: "Điểm tối đa", 2: "Điểm tự chấm"}}) is None


def test_a_second_cue_after_a_semicolon_and_an_opener_names_its_own_unit() -> None:
    tasks = tasks_of(
        "Kết luận buổi làm việc, Phó Chủ tịch UBND huyện đề nghị các xã rà soát hồ sơ tồn đọng; "
        "bên cạnh đó giao Phòng Nội vụ kiểm tra việc niêm yết thủ tục tại bộ phận một cửa; "
        "đồng thời, yêu cầu Văn phòng HĐND và UBND huyện tổng hợp kết quả trước ngày 15/10.",
    )
    assert [unit for unit, _ in tasks] == [
        "các xã", "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"]


@pytest.mark.parametrize(
    "text",
    ["Kính gửi: Các sở, ban, ngành", "- Giao Sở Nội vụ chủ trì, phối hợp", "(Đề nghị các đơn vị",
     "Theo đó, UBND tỉnh yêu cầu", "Nơi nhận:", "", "  ", "…", "các sở thực hiện nghiêm"],
)  # fmt: skip
def test_a_text_starts_with_a_phrase_as_its_folded_words_say(text: str) -> None:
    voc = vocabulary()
    for table in (voc.addressees, voc.verbs, voc.closings, voc.openers, voc.cues, voc.groups):
        words = tuple(fold(w).strip(_PUNCT) for w in text.split()[: table.longest])
        assert starts_with(text, table) == bool(words and match_at(words, 0, table))
