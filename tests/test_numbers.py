"""Case tables and properties for normalizers.numbers (Vietnamese numbers to Decimal)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import FrozenInstanceError
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parscore.normalizers.numbers import (
    _SCAN_RE,
    Number,
    NumberMatch,
    _scans,
    find_numbers,
    format_vi,
    parse_number,
    resolve,
)

HUNDRED = Decimal(100)
CLEAR = "clear"  # one reading only
UNRESOLVED = "unresolved"  # ambiguous, value None
RESOLVED = "resolved"  # ambiguous, settled by a bound
NAN = "not-a-number"  # parse_number returns None

HUGE_GROUPED = "1" + ".000" * 12
HUGE_DIGITS = "9" * 60

# token, upper, expected value (as text) or None, state, decimals, percent
PARSE_CASES = [
    # decimals written either way, integers, grouping
    ("10,86", None, "10.86", CLEAR, 2, False),
    ("12.23", None, "12.23", CLEAR, 2, False),
    ("15.5", None, "15.5", CLEAR, 1, False),
    ("14", None, "14", CLEAR, 0, False),
    ("1.234.567", None, "1234567", CLEAR, 0, False),
    ("1,234,567", None, "1234567", CLEAR, 0, False),
    ("1.234,5", None, "1234.5", CLEAR, 1, False),
    ("1,234.5", None, "1234.5", CLEAR, 1, False),
    ("1.234,567", None, "1234.567", CLEAR, 3, False),
    ("1,234,567.89", None, "1234567.89", CLEAR, 2, False),
    ("12.345.678,9", None, "12345678.9", CLEAR, 1, False),
    ("-1.234,5", None, "-1234.5", CLEAR, 1, False),
    ("1234,5", None, "1234.5", CLEAR, 1, False),
    ("85,9329", None, "85.9329", CLEAR, 4, False),
    ("13,75474", None, "13.75474", CLEAR, 5, False),
    ("0,5", None, "0.5", CLEAR, 1, False),
    ("20.00", None, "20.00", CLEAR, 2, False),
    ("7.00", None, "7.00", CLEAR, 2, False),
    ("14.50", None, "14.50", CLEAR, 2, False),
    ("36.5", None, "36.5", CLEAR, 1, False),
    ("31,50", None, "31.50", CLEAR, 2, False),
    ("64,75", None, "64.75", CLEAR, 2, False),
    ("07", None, "7", CLEAR, 0, False),
    ("0", None, "0", CLEAR, 0, False),
    ("-0", None, "0", CLEAR, 0, False),
    # signs
    ("-2,42", None, "-2.42", CLEAR, 2, False),
    ("+3", None, "3", CLEAR, 0, False),
    ("\u22121,5", None, "-1.5", CLEAR, 1, False),
    ("+0,5", None, "0.5", CLEAR, 1, False),
    # percent, stray space before the decimals
    ("94,49%", None, "94.49", CLEAR, 2, True),
    ("94,49 %", None, "94.49", CLEAR, 2, True),
    ("94,49\u00a0%", None, "94.49", CLEAR, 2, True),
    ("89,45%", None, "89.45", CLEAR, 2, True),
    ("100%", None, "100", CLEAR, 0, True),
    ("\u221212,5%", None, "-12.5", CLEAR, 1, True),
    ("90, 15%", None, "90.15", CLEAR, 2, True),
    ("90. 15%", None, "90.15", CLEAR, 2, True),
    # surrounding spaces of every kind
    ("\u00a010,86\u00a0", None, "10.86", CLEAR, 2, False),
    ("\u2009 72,32 \u202f", None, "72.32", CLEAR, 2, False),
    ("\t\n15.5\r\n", None, "15.5", CLEAR, 1, False),
    ("\u200b10,86\ufeff", None, "10.86", CLEAR, 2, False),
    # a lone separator before 3 digits that cannot be thousands
    ("0,125", None, "0.125", CLEAR, 3, False),
    ("0.125", None, "0.125", CLEAR, 3, False),
    ("01.234", None, "1.234", CLEAR, 3, False),
    ("1234.567", None, "1234.567", CLEAR, 3, False),
    # huge numbers keep every digit (no 28-digit context rounding)
    (HUGE_GROUPED, None, "1" + "000" * 12, CLEAR, 0, False),
    (HUGE_DIGITS, None, HUGE_DIGITS, CLEAR, 0, False),
    ("-" + HUGE_DIGITS + ",5", None, "-" + HUGE_DIGITS + ".5", CLEAR, 1, False),
    # ambiguous: one separator then exactly 3 digits
    ("3.286", None, None, UNRESOLVED, 0, False),
    ("3.286", HUNDRED, "3.286", RESOLVED, 3, False),
    ("97,685", None, None, UNRESOLVED, 0, False),
    ("97,685", HUNDRED, "97.685", RESOLVED, 3, False),
    ("91.651", HUNDRED, "91.651", RESOLVED, 3, False),
    ("87,602", None, None, UNRESOLVED, 0, False),
    ("1,000", None, None, UNRESOLVED, 0, False),
    ("1,000", HUNDRED, "1.000", RESOLVED, 3, False),
    ("12.345", HUNDRED, "12.345", RESOLVED, 3, False),
    ("999.999", Decimal(1000), "999.999", RESOLVED, 3, False),
    ("3.286", Decimal("3.286"), "3.286", RESOLVED, 3, False),  # the bound is inclusive
    ("3.286", Decimal(10000), None, UNRESOLVED, 0, False),  # both readings fit
    ("3.286", Decimal(1), None, UNRESOLVED, 0, False),  # neither reading fits
    ("1,000", Decimal(5000), None, UNRESOLVED, 0, False),
    ("-3,286", HUNDRED, "-3.286", RESOLVED, 3, False),  # the bound is on the magnitude
    ("97,685%", None, None, UNRESOLVED, 0, True),
    ("97,685%", HUNDRED, "97.685", RESOLVED, 3, True),
    # a bound never touches an unambiguous number
    ("10,86", Decimal(5), "10.86", CLEAR, 2, False),
    ("1.234.567", HUNDRED, "1234567", CLEAR, 0, False),
    # not numbers
    ("", None, None, NAN, 0, False),
    ("   ", None, None, NAN, 0, False),
    ("\u00a0\u2009", None, None, NAN, 0, False),
    ("abc", None, None, NAN, 0, False),
    ("12.12.2023", None, None, NAN, 0, False),
    ("26/03/2024", None, None, NAN, 0, False),
    ("1.23.4", None, None, NAN, 0, False),
    ("1.2345.678", None, None, NAN, 0, False),
    ("0.123.456", None, None, NAN, 0, False),
    ("1.2,3", None, None, NAN, 0, False),
    ("1.234,5,6", None, None, NAN, 0, False),
    ("1,234.567.8", None, None, NAN, 0, False),
    ("568/TB-SXD", None, None, NAN, 0, False),
    ("11/17", None, None, NAN, 0, False),
    ("..", None, None, NAN, 0, False),
    (",5", None, None, NAN, 0, False),
    (".5", None, None, NAN, 0, False),
    ("5,", None, None, NAN, 0, False),
    ("5.", None, None, NAN, 0, False),
    ("1..2", None, None, NAN, 0, False),
    ("1,,2", None, None, NAN, 0, False),
    ("12 34", None, None, NAN, 0, False),
    ("1 234,5", None, None, NAN, 0, False),
    ("90, 15 %", None, None, NAN, 0, False),  # stray space only when % follows the digits
    ("90,  15%", None, None, NAN, 0, False),  # one space, not two
    ("2021, 2022", None, None, NAN, 0, False),
    ("--3", None, None, NAN, 0, False),
    ("+-3", None, None, NAN, 0, False),
    ("- 3", None, None, NAN, 0, False),
    ("3-", None, None, NAN, 0, False),
    ("%", None, None, NAN, 0, False),
    ("12%%", None, None, NAN, 0, False),
    ("3%5", None, None, NAN, 0, False),
    ("1e5", None, None, NAN, 0, False),
    ("NaN", None, None, NAN, 0, False),
    ("Infinity", None, None, NAN, 0, False),
    ("0x1F", None, None, NAN, 0, False),
    ("8h30", None, None, NAN, 0, False),
    ("\u0661\u0662\u0663", None, None, NAN, 0, False),  # Arabic-Indic digits
    ("\uff11\uff12", None, None, NAN, 0, False),  # fullwidth digits
    ("\u00b2", None, None, NAN, 0, False),  # superscript two
    ("12,5 điểm", None, None, NAN, 0, False),
    ("đạt 72,32 điểm", None, None, NAN, 0, False),
]


@pytest.mark.parametrize(("token", "upper", "value", "state", "decimals", "percent"), PARSE_CASES)
def test_parse_number_case_table(
    token: str,
    upper: Decimal | None,
    value: str | None,
    state: str,
    decimals: int,
    percent: bool,
) -> None:
    number = parse_number(token, upper=upper)
    if state == NAN:
        assert number is None
        return
    assert number is not None
    assert number.value == (None if value is None else Decimal(value))
    assert (number.ambiguous, number.unresolved) == {
        CLEAR: (False, False),
        UNRESOLVED: (True, True),
        RESOLVED: (True, False),
    }[state]
    assert (number.resolved_by is not None) == (state == RESOLVED)
    assert number.decimals == decimals
    assert number.percent is percent


def test_parse_case_table_is_large_enough() -> None:
    assert len(PARSE_CASES) >= 70


def test_ambiguous_candidates_are_decimal_then_thousands() -> None:
    number = parse_number("3.286")
    assert number is not None
    assert number.candidates == (Decimal("3.286"), Decimal(3286))
    assert number.resolved_by is None


def test_resolved_number_says_which_bound() -> None:
    number = parse_number("97,685", upper=HUNDRED)
    assert number is not None
    assert number.resolved_by == "upper bound 100"
    assert number.candidates == (Decimal("97.685"), Decimal(97685))


def test_signed_candidates_carry_the_sign() -> None:
    number = parse_number("\u22123,286")
    assert number is not None
    assert number.candidates == (Decimal("-3.286"), Decimal(-3286))


def test_raw_keeps_the_token_as_written_without_edge_spaces() -> None:
    number = parse_number("\u00a090, 15%\u00a0")
    assert number is not None
    assert number.raw == "90, 15%"


def test_raw_is_not_part_of_equality() -> None:
    assert parse_number("10,86") == parse_number("10.86")


def test_number_is_frozen() -> None:
    number = parse_number("1,5")
    assert number is not None
    with pytest.raises(FrozenInstanceError):
        number.value = Decimal(2)  # type: ignore[misc]


def test_resolve_leaves_settled_numbers_alone() -> None:
    number = parse_number("10,86")
    assert number is not None
    assert resolve(number, Decimal(1)) is number


def test_resolve_names_the_reason_given() -> None:
    number = parse_number("87,602")
    assert number is not None
    settled = resolve(number, HUNDRED, reason="column max 100")
    assert settled.value == Decimal("87.602")
    assert settled.resolved_by == "column max 100"
    assert settled.decimals == 3


# --- find_numbers ----------------------------------------------------------------------------

# sentence, upper, expected hits: (text of the span, value or None, denominator or None)
FIND_CASES = [
    (
        "Kết quả chỉ số cải cách hành chính của Sở Xây dựng năm 2023 đạt 72,32 điểm, "
        "xếp lại khá, tăng 3.286 điểm so với năm 2022",
        None,
        [
            ("2023", "2023", None),
            ("72,32", "72.32", None),
            ("3.286", None, None),
            ("2022", "2022", None),
        ],
    ),
    (
        "Kết quả chỉ số cải cách hành chính của Sở Xây dựng năm 2023 đạt 72,32 điểm, "
        "xếp lại khá, tăng 3.286 điểm so với năm 2022",
        HUNDRED,
        [
            ("2023", "2023", None),
            ("72,32", "72.32", None),
            ("3.286", "3.286", None),
            ("2022", "2022", None),
        ],
    ),
    (
        "Sở Tư pháp đạt 94,49%, xếp thứ 1/20, tăng 2,1 điểm",
        None,
        [("94,49%", "94.49", None), ("1/20", "1", "20"), ("2,1", "2.1", None)],
    ),
    (
        "Ngày 12.12, Sở Nội vụ tổ chức hội nghị công bố Chỉ số CCHC năm 2023",
        None,
        [("2023", "2023", None)],
    ),
    ("NGÀY 05.01 Sở họp; ngày 30 tháng 12 Sở báo cáo; trước ngày 15 hằng tháng", None, []),
    ("Thực hiện theo hướng dẫn số 02/HD-SNV ngày 01/8/2022 của Sở Nội vụ", None, []),
    ("Thông báo số 568/TB-SXD ngày 26/03/2024 kết luận cuộc họp ngày 18/3", None, []),
    ("Kết luận tại cuộc họp (18/3) và 26/03/2024", None, []),
    ("Căn cứ Quyết định Số 15/QĐ-BNV và Quyết định 3027/QĐUBND", None, []),
    ("Theo Nghị định 30/2020/NĐ-CP ngày 05/3/2020 và văn bản 2231/SNV-CCHC&PC", None, []),
    ("Cuộc họp bắt đầu lúc 8h30 ngày 01-8-2022, kết thúc lúc 11:45", None, []),
    ("Hà Nội, ngày 26 tháng 3 năm 2024", None, []),
    ("Tổng điểm thẩm định đạt 70,97/75 điểm", None, [("70,97/75", "70.97", "75")]),
    (
        "Chỉ số thành phần đạt 40,62/80 và 85,9329/100",
        None,
        [("40,62/80", "40.62", "80"), ("85,9329/100", "85.9329", "100")],
    ),
    (
        "Huyện A xếp thứ 11/17, huyện B xếp thứ 07/17.",
        None,
        [("11/17", "11", "17"), ("07/17", "7", "17")],
    ),
    ("Điểm tự đánh giá 87,602/100 điểm", None, [("87,602/100", "87.602", "100")]),
    (
        "Đạt 36.5/100 điểm, so với 31,50/100 điểm",
        None,
        [("36.5/100", "36.5", "100"), ("31,50/100", "31.50", "100")],
    ),
    ("Tỷ lệ hồ sơ đúng hạn đạt 90, 15% so với cùng kỳ", None, [("90, 15%", "90.15", None)]),
    (
        "So sánh kết quả năm 2021, 2022 và 2023",
        None,
        [("2021", "2021", None), ("2022", "2022", None), ("2023", "2023", None)],
    ),
    (
        "Sở Y tế giảm -2,42 điểm, Sở Tài chính tăng +3 điểm, Sở Công thương \u22121,5 điểm",
        None,
        [("-2,42", "-2.42", None), ("+3", "3", None), ("\u22121,5", "-1.5", None)],
    ),
    ("Điểm trung bình các sở là 97,685 điểm", HUNDRED, [("97,685", "97.685", None)]),
    (
        "Chỉ số SIPAS đạt 89,45 %; chỉ số PAPI đạt 42,1",
        None,
        [("89,45 %", "89.45", None), ("42,1", "42.1", None)],
    ),
    ("Nơi nhận: - Lưu: VT, NVĐP. PL.(300)", None, [("300", "300", None)]),
    (
        "Công tác chỉ đạo điều hành: tối đa 15.5 điểm, thẩm định 12.23 điểm.",
        None,
        [("15.5", "15.5", None), ("12.23", "12.23", None)],
    ),
    (
        "Kế hoạch triển khai trong tháng 3/2024 cho giai đoạn 2021-2025",
        None,
        [("2021", "2021", None), ("2025", "2025", None)],
    ),
    (
        "Tổng số 1.234.567 hồ sơ, trong đó xử lý 1.234,5 giờ",
        None,
        [("1.234.567", "1234567", None), ("1.234,5", "1234.5", None)],
    ),
    ("Mã CT01, mục 2a, phiên bản 1.23.4 không phải số; còn 45 thì là", None, [("45", "45", None)]),
    (
        "Tỷ lệ giải quyết đạt 100% (32/32 hồ sơ)",
        None,
        [("100%", "100", None), ("32/32", "32", "32")],
    ),
    ("Lúc 14:30 ngày 18/3, Sở tổng kết 2/3 số nhiệm vụ", None, [("2/3", "2", "3")]),
    ("Tỷ lệ 3/12 đơn vị đạt loại tốt", None, [("3/12", "3", "12")]),
]


def _hit(text: str, match: NumberMatch) -> tuple[str, str | None, str | None]:
    """Given a sentence and a match in it, return (span text, value, denominator value)."""
    value = match.number.value
    denominator = None if match.denominator is None else match.denominator.value
    return (
        text[match.start : match.end],
        None if value is None else str(value),
        None if denominator is None else str(denominator),
    )


@pytest.mark.parametrize(("text", "upper", "expected"), FIND_CASES)
def test_find_numbers_case_table(
    text: str, upper: Decimal | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    matches = find_numbers(text, upper=upper)
    assert [_hit(text, match) for match in matches] == expected
    for match in matches:
        assert match.number.percent == text[match.start : match.end].endswith("%")


def test_find_case_table_is_large_enough() -> None:
    assert len(FIND_CASES) >= 20


def test_find_keeps_unresolved_numbers_flagged() -> None:
    [match] = find_numbers("Sở Xây dựng tăng 3.286 điểm")
    assert match.number.unresolved
    assert match.number.candidates == (Decimal("3.286"), Decimal(3286))


def test_find_settles_a_numerator_by_its_denominator() -> None:
    [match] = find_numbers("Điểm tự đánh giá 87,602/100 điểm")
    assert match.number.resolved_by == "denominator 100"
    assert match.number.decimals == 3
    assert match.denominator == parse_number("100")


def test_find_numbers_on_empty_text() -> None:
    assert find_numbers("") == []


def test_find_accepts_decomposed_ngay() -> None:
    assert find_numbers("nga\u0300y 12.12 va\u0300 ngày 26 tha\u0301ng 3 na\u0306m 2024") == []


# --- format_vi -------------------------------------------------------------------------------

FORMAT_CASES = [
    ("1234.5", "1.234,5"),
    ("10.86", "10,86"),
    ("-3", "-3"),
    ("0", "0"),
    ("-0", "0"),
    ("-0.00", "0,00"),
    ("123", "123"),
    ("1000", "1.000"),
    ("1234567", "1.234.567"),
    ("-1234567.891", "-1.234.567,891"),
    ("0.125", "0,125"),
    ("20.00", "20,00"),
    ("1E+3", "1.000"),
    ("1.2E-6", "0,0000012"),
    ("999999.5", "999.999,5"),
    ("123456789012345678901234567890.5", "123.456.789.012.345.678.901.234.567.890,5"),
]


@pytest.mark.parametrize(("value", "expected"), FORMAT_CASES)
def test_format_vi_case_table(value: str, expected: str) -> None:
    assert format_vi(Decimal(value)) == expected


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_format_vi_refuses_non_finite(value: str) -> None:
    with pytest.raises(ValueError, match="not finite"):
        format_vi(Decimal(value))


# --- properties ------------------------------------------------------------------------------

PLACES = st.integers(min_value=0, max_value=5)
DECIMALS = st.builds(
    lambda digits, places: Decimal(f"{digits}E-{places}"),
    st.integers(min_value=-(10**15), max_value=10**15),
    PLACES,
)
SPACES = st.text(alphabet=" \t\n\u00a0\u2009\u202f\u200b", max_size=3)
TOKENS = st.one_of(DECIMALS.map(format_vi), st.sampled_from([case[0] for case in PARSE_CASES]))
FRAGMENTS = st.sampled_from(
    [
        " ",
        "ngày ",
        "Ngày ",
        "/",
        "%",
        ",",
        ".",
        "-",
        "số ",
        "h",
        "tháng ",
        "năm ",
        "QĐ-UBND",
        "18/3",
        "12.12",
        "3.286",
        "94,49",
        "1/20",
        "70,97/75",
        "(",
        ")",
        "\u2212",
        "đạt ",
    ]
)
PROSE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=4), TOKENS), max_size=12).map("".join)


def _places(value: Decimal) -> int:
    """Given a Decimal built from digits and places, return its places."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


@settings(deadline=None)
@given(DECIMALS)
def test_parse_of_format_vi_round_trips(value: Decimal) -> None:
    number = parse_number(format_vi(value))
    assert number is not None
    if not number.ambiguous:
        assert number.value == value
        assert number.decimals == _places(value)
    else:
        assert value in number.candidates
        assert number.unresolved


@settings(deadline=None)
@given(DECIMALS)
def test_ambiguous_decimal_reading_resolves_with_its_own_bound(value: Decimal) -> None:
    number = parse_number(format_vi(value), upper=value.copy_abs())
    assert number is not None
    if number.ambiguous and _places(value) == 3:
        assert number.value == value
        assert number.resolved_by is not None


@settings(deadline=None)
@given(DECIMALS)
def test_format_vi_is_stable_through_parse(value: Decimal) -> None:
    written = format_vi(value)
    number = parse_number(written)
    assert number is not None
    if number.value is not None:
        assert format_vi(number.value) == written


@settings(deadline=None)
@given(TOKENS)
def test_parse_is_idempotent_on_its_raw_text(token: str) -> None:
    number = parse_number(token)
    if number is not None:
        assert parse_number(number.raw) == number
        assert parse_number(number.raw).raw == number.raw  # type: ignore[union-attr]


@settings(deadline=None)
@given(TOKENS, st.sampled_from([None, Decimal(1), HUNDRED, Decimal(10**6)]))
def test_resolve_is_idempotent(token: str, bound: Decimal | None) -> None:
    number = parse_number(token)
    if number is not None and bound is not None:
        once = resolve(number, bound)
        assert resolve(once, bound) == once


@settings(deadline=None)
@given(TOKENS, SPACES, SPACES, st.sampled_from([None, HUNDRED]))
def test_surrounding_whitespace_never_changes_the_value(
    token: str, before: str, after: str, upper: Decimal | None
) -> None:
    assert parse_number(before + token + after, upper=upper) == parse_number(token, upper=upper)


@settings(deadline=None)
@given(DECIMALS)
def test_find_numbers_sees_a_formatted_number_in_prose(value: Decimal) -> None:
    written = format_vi(value)
    text = f"Sở Tư pháp đạt {written} điểm."
    [match] = find_numbers(text)
    assert text[match.start : match.end] == written
    assert match.number == parse_number(written)


@settings(deadline=None)
@given(PROSE)
def test_find_numbers_spans_are_ordered_and_faithful(text: str) -> None:
    matches = find_numbers(text)
    ends = [0, *(match.end for match in matches)]
    for match, previous_end in zip(matches, ends, strict=False):
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end].startswith(match.number.raw)
        assert parse_number(match.number.raw) is not None
        assert isinstance(match.number, Number)


def test_upper_does_not_bound_a_denominator() -> None:
    [match] = find_numbers("xếp thứ 5/1.000", upper=HUNDRED)
    assert match.denominator is not None
    assert match.denominator.unresolved
    assert match.number.value == Decimal(5)


def test_digits_glued_to_words_are_skipped() -> None:
    assert find_numbers("mã CT01, 8h30, phụ lục 2a, 72,32điểms") == []


def test_a_unit_of_points_glued_to_digits_ends_the_figure() -> None:
    [match] = find_numbers("đạt 72,32điểm, mã CT01")
    assert (match.number.value, match.end) == (Decimal("72.32"), len("đạt 72,32"))


#: Pieces of prose around figures: dates after "ngày" (precomposed, decomposed, capitals),
#: signs, ratios, codes, times, and the words and spaces between them.
_PIECES = st.sampled_from(
    ["ngày", "nga\u0300y", "NGÀY", "Ngày", "tháng", "năm", " ", "  ", "\t", "\u00a0", "-",
     "+", "\u2212", "/", ".", ",", "%", "h", "đạt", "(", ")", "QĐ", "a", "7", "12", "2024",
     "3,5", "08"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
@example("Họp nga\u0300y  12/3, đạt 7 điểm")  # "ngày" decomposed: the longest reach
@example("năm 2024 giảm\u00a0\u2212 3,5% và -7")
def test_the_scanner_skipping_to_digits_finds_what_a_full_scan_finds(text: str) -> None:
    def hits(found: Iterable[re.Match[str]]) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.lastgroup) for m in found]

    assert hits(_scans(text)) == hits(_SCAN_RE.finditer(text))
