"""News items: the decision or notice an item reports on, and who issued or announced it.

Composed leads in our own wording; each varies the order, the cue and the noise around it.
"""

from __future__ import annotations

from datetime import date

import pytest

from parscore.pipeline.lines import Line
from parscore.pipeline.parse.metadata import read_metadata
from parscore.pipeline.parse.reported import announcer, reported_document


def lines(*texts: str) -> list[Line]:
    """Given texts, return them as body lines."""
    return [Line(text=t, raw=t, key=t.lower()) for t in texts]


@pytest.mark.parametrize(
    ("lead", "number", "day", "issuer"),
    [
        (
            "BTV - Theo Quyết định số 1204/QĐ-UBND ngày 3/7/2023 của UBND tỉnh Bến Tre công bố "
            "Chỉ số CCHC năm 2022, Sở Tư pháp dẫn đầu khối sở.",
            "1204/QĐ-UBND",
            date(2023, 7, 3),
            "Ủy ban nhân dân tỉnh Bến Tre",
        ),
        (
            "Chỉ số năm 2021 của các sở được công bố tại Quyết định số 77/QĐ-UBND ngày "
            "14/02/2022, theo đó Ban Dân tộc xếp cuối.",
            "77/QĐ-UBND",
            date(2022, 2, 14),
            None,
        ),
        (
            "UBND tỉnh Sơn La vừa ban hành Quyết định số 530/QĐ-UBND ngày 28/3/2024 về việc phê "
            "duyệt kết quả Chỉ số cải cách hành chính năm 2023.",
            "530/QĐ-UBND",
            date(2024, 3, 28),
            None,
        ),
    ],
)
def test_reported_decision_gives_number_date_and_issuer(
    lead: str, number: str, day: date, issuer: str | None
) -> None:
    found = reported_document(lines("Tiêu đề tin", "12/04/2024 07:15", lead))
    assert (found.number, found.issue_date, found.issuer) == (number, day, issuer)


@pytest.mark.parametrize(
    "lead",
    [
        "Thực hiện Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ, UBND tỉnh giao Sở Nội "
        "vụ tham mưu.",
        "Căn cứ Kế hoạch số 41/KH-UBND ngày 01/3/2023 của UBND tỉnh, các sở triển khai.",
        "Theo đề nghị của Sở Nội vụ tại Tờ trình số 66/TTr-SNV ngày 2/5/2023, tỉnh đã xét.",
    ],
)
def test_background_citation_is_not_what_the_item_reports(lead: str) -> None:
    meta = read_metadata(lines("Đẩy mạnh cải cách hành chính", lead), None)
    assert meta.number is None and meta.issue_date is None


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "Kết quả xếp hạng năm 2022 vừa được Bộ Nội vụ công bố, tỉnh Phú Yên xếp thứ 40.",
            "Bộ Nội vụ",
        ),
        ("PV - Theo công bố mới đây của Bộ Nội vụ, tỉnh Bạc Liêu tăng 9 bậc.", "Bộ Nội vụ"),
        (
            "Chiều 2/5, ông Nguyễn Văn A, Trưởng ban Chỉ đạo cải cách hành chính (CCHC) của Chính "
            "phủ chủ trì hội nghị công bố Chỉ số năm 2022.",
            "Ban Chỉ đạo cải cách hành chính của Chính phủ",
        ),
        (
            "UBND tỉnh Trà Vinh đã công bố Chỉ số CCHC năm 2023 của 19 sở.",
            "Ủy ban nhân dân tỉnh Trà Vinh",
        ),
        (
            "Chủ tịch UBND huyện ký Quyết định số 9/QĐ-UBND công bố chỉ số.",
            "Chủ tịch Ủy ban nhân dân huyện",
        ),
    ],
)
def test_announcer_is_the_body_that_announced(lead: str, expected: str) -> None:
    assert announcer(lines(lead)) == expected


def test_announcer_in_a_background_clause_is_skipped() -> None:
    lead = (
        "Theo đó, triển khai Quyết định số 12/QĐ-BNV của Bộ trưởng Bộ Nội vụ phê duyệt Đề án, "
        "UBND tỉnh yêu cầu các sở rà soát."
    )
    assert announcer(lines(lead)) == "Ủy ban nhân dân tỉnh"


def test_bare_provincial_issuer_takes_the_province_the_item_names() -> None:
    text = lines(
        "Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì rà soát.",
        "Kết quả giúp tỉnh Hậu Giang nâng hạng trong năm tới.",
    )
    assert read_metadata(text, None).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang"


@pytest.mark.parametrize(
    "lead",
    [
        "Sở Y tế là 1 trong 5 sở có kết quả chỉ đạo, điều hành tốt nhất năm 2022.",
        "Bộ Công Thương đạt 88,1% và tăng 3 bậc về chỉ đạo, điều hành.",
    ],
)
def test_a_body_that_is_not_the_verbs_subject_is_no_announcer(lead: str) -> None:
    assert announcer(lines(lead)) is None


def test_national_ranking_without_announcer_is_published_by_the_ministry() -> None:
    text = lines(
        "Năm 2022, Chỉ số cải cách hành chính của tỉnh Hà Nam đạt 84,02%, xếp thứ 30/63.",
        "Trong 8 lĩnh vực, tỉnh có 5 lĩnh vực tăng điểm.",
    )
    assert read_metadata(text, None).issuer == "Bộ Nội vụ"


def test_provincial_ranking_without_announcer_has_no_national_issuer() -> None:
    text = lines("Năm 2022, Sở Tư pháp xếp thứ 3/19 sở về Chỉ số cải cách hành chính.")
    assert read_metadata(text, None).issuer is None


def test_notice_cited_as_background_is_not_the_items_number() -> None:
    text = lines(
        "Sở Nội vụ họp bàn giải pháp nâng hạng chỉ số",
        "Thực hiện Thông báo số 311/TB-UBND ngày 9/9/2023 của UBND tỉnh, Sở đã rà soát.",
    )
    assert read_metadata(text, None).number is None


def test_reported_decision_comes_before_a_notice_cited_later() -> None:
    text = lines(
        "Tại Quyết định số 58/QĐ-UBND ngày 20/01/2024, UBND tỉnh công bố Chỉ số năm 2023.",
        "Trước đó, Thông báo số 12/TB-SNV đã nêu lịch thẩm định.",
    )
    meta = read_metadata(text, None)
    assert (meta.number, meta.issue_date) == ("58/QĐ-UBND", date(2024, 1, 20))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Điện Biên: siết chặt kỷ luật hành chính sau công bố chỉ số", "Điện Biên"),
        ("HẬU GIANG TRIỂN KHAI KẾ HOẠCH NÂNG HẠNG CHỈ SỐ CCHC", "Hậu Giang"),
        ("Thừa Thiên Huế đề ra 5 nhóm giải pháp cải cách hành chính", "Thừa Thiên Huế"),
    ],
)
def test_bare_provincial_issuer_takes_the_province_its_title_opens_with(
    title: str, expected: str
) -> None:
    text = lines(
        title,
        "(Tin tức) - Chủ tịch UBND tỉnh vừa ký văn bản yêu cầu các sở, ngành khắc phục hạn chế.",
        "Sở Nội vụ được giao theo dõi, đôn đốc.",
    )
    assert read_metadata(text, None).issuer == f"Chủ tịch Ủy ban nhân dân tỉnh {expected}"


def test_a_title_opening_with_a_body_gives_no_province() -> None:
    text = lines(
        "Sở Tư pháp dẫn đầu khối sở về cải cách hành chính",
        "Chủ tịch UBND tỉnh yêu cầu các đơn vị còn lại khắc phục hạn chế.",
    )
    assert read_metadata(text, None).issuer == "Chủ tịch Ủy ban nhân dân tỉnh"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Sáng 3/4, Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh chủ trì cuộc họp trực tuyến.",
         "Lê Trí Thanh", "Chủ tịch UBND tỉnh Quảng Nam"),
        ("Cuộc họp do Phó Chủ tịch UBND huyện Đức Hòa Nguyễn Thị Kim Chi chủ trì.",
         "Nguyễn Thị Kim Chi", "Phó Chủ tịch UBND huyện Đức Hòa"),
        ("Giám đốc Sở Nội vụ Hà Văn Tuấn đã chủ trì buổi làm việc với các phòng.",
         "Hà Văn Tuấn", "Giám đốc Sở Nội vụ"),
        ("Giám đốc Sở Tư pháp Nguyễn Phạm Duy Trang chủ trì, các phòng cùng dự.",
         "Nguyễn Phạm Duy Trang", "Giám đốc Sở Tư pháp"),
        ("Chủ tịch UBND huyện Lâm Hà Lê Văn Bình chủ trì.", "Lê Văn Bình",
         "Chủ tịch UBND huyện Lâm Hà"),
        ("Chủ tịch UBND huyện Lâm Hà chủ trì hội nghị.", None, "Chủ tịch UBND huyện Lâm Hà"),
        ("Chủ tịch UBND tỉnh Hà Nam chủ trì hội nghị.", None, "Chủ tịch UBND tỉnh Hà Nam"),
    ],
)
def test_a_chairs_name_written_after_the_role_is_split_from_it(
    sentence: str, name: str | None, role: str
) -> None:
    chair = read_metadata(lines("Họp bàn giải pháp cải cách hành chính", sentence), None).chair
    assert (chair.name, chair.role) == (name, role)


@pytest.mark.parametrize(
    "name", ["background_cues", "reported_cues", "reported_kinds", "announced_by", "partner_cues"]
)
def test_phrase_patterns_find_every_phrase_whatever_its_case(name: str) -> None:
    """The phrase patterns open with a class of first characters (for speed): every phrase
    of the list is still found inside a sentence, as written and in capitals."""
    from parscore.normalizers.labels import data_table
    from parscore.pipeline.parse.reported import _phrases

    for phrase in data_table("decree30")[name]:
        for written in (phrase, phrase.upper()):
            found = _phrases(name).search(f"Hôm nay, {written} số 12")
            assert found is not None and found.group(0) == written, written


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("Ngày 14/3/2025, Chủ tịch UBND tỉnh Lào Cai đã ký Quyết định số 512/QĐ-UBND công bố "
         "Chỉ số cải cách hành chính năm 2024.", date(2025, 3, 14)),
        ("Tin tức. Vào ngày 2 tháng 4 năm 2025, UBND tỉnh Phú Yên ban hành Quyết định số "
         "512/QĐ-UBND phê duyệt Chỉ số CCHC.", date(2025, 4, 2)),
        # the date after the number wins over the sentence's opening date
        ("Ngày 20/3/2025, UBND tỉnh ký Quyết định số 512/QĐ-UBND ngày 19/3/2025 về Chỉ số.",
         date(2025, 3, 19)),
        # a meeting's date: the sentence only announces the document
        ("Ngày 10/3/2025, Sở Nội vụ tổ chức hội nghị công bố Quyết định số 512/QĐ-UBND về "
         "Chỉ số CCHC.", None),
        # a date inside the sentence, not opening it
        ("UBND tỉnh, trong phiên họp ngày 9/3/2025, đã ký Quyết định số 512/QĐ-UBND.", None),
    ],
)
def test_a_sentence_opening_on_the_day_it_signs_the_decision_dates_it(
    lead: str, day: date | None
) -> None:
    reported = reported_document(lines(lead))
    assert (reported.number, reported.issue_date) == ("512/QĐ-UBND", day)
