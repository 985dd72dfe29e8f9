"""The signer block of composed documents: posts beyond the usual, and one-line blocks."""

from __future__ import annotations

import pytest

from parscore.pipeline.lines import Line
from parscore.pipeline.model import Person
from parscore.pipeline.parse.signature import is_authority, signer


def lines(*texts: str) -> list[Line]:
    """Given texts, return them as lines."""
    return [Line(text=t, raw=t, key=t.lower()) for t in texts]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (
            ("Nơi nhận:", "- Như trên;", "TM. CHÍNH PHỦ PHÓ THỦ TƯỚNG Lê Văn Thành"),
            Person(name="Lê Văn Thành", role="TM. Chính phủ, Phó Thủ tướng"),
        ),
        (
            ("- Lưu: VT.", "TM. ỦY BAN THƯỜNG VỤ", "CHỦ NHIỆM", "Trần Thị Mai Anh"),
            Person(name="Trần Thị Mai Anh", role="TM. Ủy ban thường vụ, Chủ nhiệm"),
        ),
        (
            ("- Lưu: VT.", "KT. VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG", "Đỗ Hữu Lộc"),
            Person(name="Đỗ Hữu Lộc", role="KT. Viện trưởng, Phó Viện trưởng"),
        ),
    ],
)
def test_signer_and_role(tail: tuple[str, ...], expected: Person) -> None:
    assert signer(lines("Điều 3. Hiệu lực thi hành.", *tail)) == expected


def test_a_post_in_capitals_is_not_the_signers_name() -> None:
    found = signer(lines("TM. HỘI ĐỒNG", "CHÁNH ÁN", "(đã ký)"))
    assert found.name is None and found.role == "TM. Hội đồng, Chánh án"


@pytest.mark.parametrize(
    ("text", "authority"),
    [("TM. ỦY BAN NHÂN DÂN TỈNH", True), ("TM.  ỦY BAN NHÂN DÂN TỈNH\tX", False),
     ("KT. GIÁM ĐỐC", True), ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC SỞ", False)],
)  # fmt: skip
def test_an_authority_line_has_at_most_six_words(text: str, authority: bool) -> None:
    assert is_authority(Line(text=text, raw=text, key=text.lower())) is authority
    bulleted = Line(text=text, raw=text, key=text.lower(), bullet="-")
    assert not is_authority(bulleted)
