"""normalizers.mojibake: UTF-8 that was read as Windows-1252 and saved again, undone."""

from __future__ import annotations

import pytest

from parscore.normalizers.legacy import from_unicode
from parscore.normalizers.mojibake import looks_mojibake, repair

TEXT = "Kết quả họp về Chỉ số cải cách hành chính: Sở Xây dựng đạt 72,32 điểm, thời hạn; CTHĐ"


def lossy(text: str) -> str:
    """Given text, return it as a tool reading UTF-8 as Windows-1252 with replacement would."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def lossless(text: str) -> str:
    """Given text, return it read as Windows-1252 with undefined bytes kept (as C1 controls)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


@pytest.mark.parametrize("garble", [lossless, lossy], ids=["every byte kept", "bytes lost"])
def test_mojibake_is_undone(garble: object) -> None:
    broken = garble(TEXT)  # type: ignore[operator]
    assert broken != TEXT and looks_mojibake(broken)
    assert repair(broken) == TEXT


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("há»\ufffdp", "họp"),  # only ọ makes a syllable
        ("vá»\ufffd", "về"),  # về and vờ are both words: the listed one
        ("tá»\ufffd", "tờ"),  # tề, tờ, tọ, tỏ: the first listed
        ("CTHÄ\ufffd", "CTHĐ"),  # capitals keep capitals
    ],
)
def test_a_lost_byte_is_read_back_by_the_word_it_makes(word: str, expected: str) -> None:
    assert repair(word) == expected


def test_a_word_with_more_holes_than_can_be_read_keeps_them() -> None:
    assert "\ufffd" in repair("xá»\ufffdá»\ufffdá»\ufffd và Káº¿t quáº£")


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Crème brûlée à la française, São Paulo, Ångström",  # Latin-1 text, not mojibake
        from_unicode("Cộng hòa xã hội chủ nghĩa Việt Nam", "tcvn3"),  # legacy, not mojibake
    ],
)
def test_text_that_is_not_mojibake_is_left_alone(text: str) -> None:
    assert not looks_mojibake(text)
