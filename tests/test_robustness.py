"""The parser, the statement reader and validation never raise, whatever lines they get.

Documents are shuffled fragments of real notice shapes (headers, headlines, tables, sections,
tasks, signatures, news sentences), cut and glued at random, plus random text and random
table cells: a batch over thousands of archived notices must never stop on one.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parscore.extractors.header import mark_header
from parscore.extractors.model import Block, BlockKind, Cell, Document, SourceInfo
from parscore.pipeline.parse import parse
from parscore.pipeline.validate import validate

SOURCE = SourceInfo(path="fuzz.txt", format="txt", sha256="0" * 64)
FRAGMENTS = [
    "UBND TỈNH TÂY NINH", "SỞ XÂY DỰNG", "Số: 568/TB-SXD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Tây Ninh, ngày 26 tháng 3 năm 2024", "THÔNG BÁO",
    "Kết quả Chỉ số cải cách hành chính năm 2023",
    "Chỉ số CCHC năm 2023 của Sở đạt 72,32 điểm, xếp lại khá, tăng 3.286 điểm so với năm 2022.",
    "Tổng điểm đạt được là 79,25 điểm, xếp loại Khá.", "Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định",
    "Cải cách thể chế", "14", "10", "12,23", "7.41", "Tổng cộng điểm", "100", "75.61", "Xếp loại",
    "Khá", "I. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được", "2. Tồn tại, hạn chế:",
    "II. NHIỆM VỤ TRONG THỜI GIAN TỚI", "3.1 Văn phòng Sở:", "1. Phòng Tổ chức - Biên chế",
    "- Rà soát thủ tục hành chính trước ngày 30/6/2024.", "Giám đốc Sở yêu cầu:",
    "Giao Văn phòng Sở chủ trì, phối hợp các phòng.", "Cụ thể: Cải cách thể chế đạt 10/14 điểm;",
    "Sở Tư pháp và Sở Y tế cùng đạt 90,5%, đồng xếp thứ 2/20.", "Quảng Ninh dẫn đầu với 91,66%",
    "xếp thứ 11/63 tỉnh, thành phố, tăng 4 bậc;", "(năm 2022: 84,6 điểm (xếp thứ 6/11))",
    "Nơi nhận:", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Nam", ":", ";",
    "(", ")", "%", "/", "-", "0", "3.286", "1.234.567", "ngày 15.3",
]  # fmt: skip

pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))
lines = st.lists(pieces, min_size=1, max_size=6).map(" ".join)
paragraphs = st.builds(lambda t: Block(kind=BlockKind.PARAGRAPH, text=t), lines)
cells = st.lists(st.lists(pieces, min_size=1, max_size=5), min_size=1, max_size=8)


def table(rows: list[list[str]]) -> Block:
    """Given rows of cell texts, return a TABLE block of them."""
    grid = tuple(
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)
    )
    return Block(kind=BlockKind.TABLE, cells=grid)


tables = cells.map(table)
documents = st.lists(st.one_of(paragraphs, paragraphs, tables), min_size=1, max_size=25)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_parse_and_validate_never_raise(blocks: list[Block]) -> None:
    document = mark_header(Document(source=SOURCE, blocks=tuple(blocks)))
    notice = parse(document)
    checks = validate(notice)
    assert all(check.code for check in checks)
    assert len(notice.scores) <= sum(max(len(b.cells), 1) for b in blocks) + len(blocks) * 6


TAGS = ["p", "div", "table", "tr", "td", "th", "span", "br", "h1", "li", "ul", "script", "nav"]
markup = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
        st.sampled_from(['<td colspan="3">', '<td rowspan="0">', '<td colspan="-2">', "<!--"]),
        st.text(max_size=20),
    ),
    max_size=60,
).map(lambda parts: "<html><body>" + "".join(parts))


@settings(max_examples=100, deadline=None)
@given(markup)
def test_broken_web_pages_give_a_notice_or_a_typed_error(page: str) -> None:
    import tempfile
    from pathlib import Path

    from parscore.extractors.errors import InputError
    from parscore.pipeline.process import process_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        try:
            result = process_file(path)
        except InputError as err:
            assert err.code.value in {"empty-document", "unsupported-format", "not-a-notice"}, err
        else:
            assert result.notice.source.format in {"html", "txt"}
