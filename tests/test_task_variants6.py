"""Duties in plans, directives, decisions and notices, sixth set: a body named only in a
heading above a topic sub-heading, persons named by their title and remit, a page number
left between the halves of an item, an attached regulation's articles after the signature.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from tests.test_task_variants3 import tasks_of

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
