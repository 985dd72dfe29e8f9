"""HTML extractor: the seed page keeps every sentence of the notice and none of the portal
chrome; tables keep each cell once with its spans; charsets; small inline pages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from parscore import extractors
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.html import extract, sniff_charset
from parscore.extractors.limits import DEFAULT_LIMITS
from parscore.extractors.model import Block, BlockKind, Cell, Document, SourceInfo
from parscore.normalizers.text import clean
from tests.conftest import SAMPLES

SEED_TXT = SAMPLES / "seed-568-tb-sxd.txt"
SEED_HTML = SAMPLES / "seed-568-tb-sxd.html"
SEED_CP1258 = SAMPLES / "seed-568-tb-sxd-cp1258.html"
UTF8_META = '<meta charset="utf-8" />'
CP1258_META = '<meta charset="windows-1258" />'
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # the five Vietnamese tones, as cp1258 writes them

#: Portal chrome of the seed page: none of it may reach a block or a cell.
CHROME = (
    "Lượt xem", "Bản in", "Quay lại", "Tin đã đưa", "Trang 1 / 8", "Go To", "Xem theo ngày",
    "Liên kết web", "Trang chủ", "Giới thiệu", "Chuyên mục", "Thời tiết", "Đang online",
    "Tổng lượt truy cập", "Cập nhật: 10:32", "0:00", "Nghe đọc", "Chia sẻ", "In bài viết",
    "Facebook", "Zalo", "Ảnh minh họa", "Kế hoạch cải cách hành chính năm 2024 của Sở",
    "(15/01/2024)", "Địa chỉ", "SỞ XÂY DỰNG TỈNH AN KHÁNH", "Chịu trách nhiệm",
    "Cổng thông tin điện tử Chính phủ", "Tìm kiếm", "Nhập từ khóa", "_gaq", "printArticle",
    "__VIEWSTATE", "Hỏi đáp",
)  # fmt: skip


def to_cp1258(page: str) -> bytes:
    """Given the UTF-8 seed page's text, return it as a Windows-1258 page (tones combining)."""
    return cp1258_form(page.replace(UTF8_META, CP1258_META)).encode("cp1258")


def cp1258_form(text: str) -> str:
    """Given text, return it with tone marks split off and other marks composed, as cp1258 does."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out)


def run(data: bytes, path: str = "page.html") -> Document:
    """Given HTML bytes, return the extracted Document."""
    return extract(data, SourceInfo(path=path, format="html", sha256=""), DEFAULT_LIMITS)


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    """Given the inner HTML of an article, return a small portal page holding it."""
    return (
        f"<html><head>{head}<title>t</title></head><body>"
        '<div id="menu"><a href="/">Trang chủ</a> <a href="/gt">Giới thiệu</a></div>'
        f'<div class="news-detail">{body}</div>'
        '<div id="footer">Địa chỉ: Số 1 đường A</div></body></html>'
    ).encode()


LEAD = "<p>Sở Xây dựng thông báo kết quả chỉ số cải cách hành chính năm 2023 như sau:</p>"


def texts(document: Document) -> list[str]:
    """Given a Document, return its text in reading order, a table as its non-blank cells."""
    out: list[str] = []
    for block in document.blocks:
        out.extend(c.text for c in block.cells if c.text) if block.cells else out.append(block.text)
    return out


def tables(document: Document) -> list[Block]:
    """Given a Document, return its TABLE blocks."""
    return [block for block in document.blocks if block.kind is BlockKind.TABLE]


def seed_notice_lines() -> list[str]:
    """Given the seed text, return its notice lines (cleaned), up to the author line."""
    lines = [line for line in map(clean, SEED_TXT.read_text(encoding="utf-8").splitlines()) if line]
    return lines[: lines.index("Văn phòng") + 1]


@pytest.fixture(scope="module")
def seed() -> Document:
    return run(SEED_HTML.read_bytes(), str(SEED_HTML))


# -- the seed page ------------------------------------------------------------------------------


def test_seed_page_holds_every_sentence_of_the_notice(seed: Document) -> None:
    found = set(texts(seed))
    missing = [line for line in seed_notice_lines() if line not in found]
    assert missing == []


def test_seed_page_reads_in_the_order_of_the_seed_text(seed: Document) -> None:
    assert texts(seed) == seed_notice_lines()


@pytest.mark.parametrize("chrome", CHROME)
def test_seed_page_drops_portal_chrome(seed: Document, chrome: str) -> None:
    assert not [text for text in texts(seed) if chrome in text]


def test_seed_page_blocks_are_typed_and_numbered(seed: Document) -> None:
    first, *_ = seed.blocks
    assert first == Block(
        kind=BlockKind.HEADING,
        level=1,
        text="Thông báo Kết quả họp cải thiện, nâng cao chỉ số cải cách hành chính "
        "tại Sở Xây dựng năm 2024 (26/03/2024)",
    )
    headings = [(b.level, b.text) for b in seed.blocks if b.kind is BlockKind.HEADING][1:]
    assert headings == [(3, "1. Một số Kết quả đạt được:"), (3, "2. Những tồn tại, hạn chế:")]
    assert [b.prov.block for b in seed.blocks] == list(range(len(seed.blocks)))
    assert {b.prov.path for b in seed.blocks} == {str(SEED_HTML)}
    assert seed.warnings == ()


def test_seed_table_keeps_each_cell_once_with_its_spans(seed: Document) -> None:
    (table,) = tables(seed)
    assert (table.n_rows, table.n_cols) == (10, 3)
    assert table.rows()[0] == ["Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định"]
    assert table.rows()[3] == ["Cải cách thủ tục hành chính", "17.5", "10,86"]
    assert table.rows()[8] == ["Tổng cộng điểm", "100", "75.61"]
    assert [c for c in table.cells if c.text == "Khá"] == [
        Cell(row=9, col=1, text="Khá", colspan=2)
    ]
    assert len(table.cells) == 29  # 9 full rows of 3, and "Xếp loại" + the merged grade


def test_seed_page_and_seed_text_tell_the_same_notice(seed: Document) -> None:
    txt = extractors.extract(SEED_TXT)
    assert texts(seed) == [block.text for block in txt.blocks]


# -- Windows-1258 --------------------------------------------------------------------------------


REGENERATE = (
    "the cp1258 sample is out of date: python -c 'from tests.test_extract_html import *; "
    'SEED_CP1258.write_bytes(to_cp1258(SEED_HTML.read_text(encoding="utf-8")))\''
)


def test_cp1258_sample_is_the_utf8_sample_reencoded() -> None:
    expected = to_cp1258(SEED_HTML.read_text(encoding="utf-8"))
    assert SEED_CP1258.read_bytes() == expected, REGENERATE
    assert b"\xec" in SEED_CP1258.read_bytes()  # U+0301 (sắc) written as a combining mark


def test_cp1258_page_yields_the_same_blocks(seed: Document) -> None:
    document = run(SEED_CP1258.read_bytes())
    assert document.blocks == seed.blocks
    assert all(unicodedata.is_normalized("NFC", text) for text in texts(document))


def test_charset_from_meta_http_equiv() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    data = cp1258_form(page(LEAD + "<p>Xếp loại: Khá</p>", head).decode()).encode("cp1258")
    assert sniff_charset(data) == "windows-1258"
    assert texts(run(data))[-1] == "Xếp loại: Khá"


def test_utf8_page_labelled_latin1_is_read_as_utf8() -> None:
    data = page(LEAD, head='<meta charset="iso-8859-1">')
    assert texts(run(data)) == [clean(LEAD[3:-4])]


def test_cp1258_page_without_a_declaration_is_guessed(seed: Document) -> None:
    data = SEED_CP1258.read_bytes().replace(CP1258_META.encode(), b"")
    document = run(data)
    assert document.blocks == seed.blocks
    assert document.warnings == ("encoding cp1258 was guessed (declared: none)",)


def test_undecodable_page_raises_encoding_undetectable() -> None:
    data = b"<html><body><p>" + bytes(range(0x80, 0x100)) * 40 + b"</p></body></html>"
    with pytest.raises(InputError) as caught:
        run(data, "garbled.html")
    assert caught.value.code is ErrorCode.ENCODING_UNDETECTABLE
    assert caught.value.path == "garbled.html"


# -- tables ---------------------------------------------------------------------------------------

GRID = """<table border="1">
<tr><th rowspan="2">STT</th><th rowspan="2">Lĩnh vực</th><th colspan="2">Điểm</th></tr>
<tr><th>Tự đánh giá</th><th>Thẩm định</th></tr>
<tr><td>1</td><td>Cải cách thể chế</td><td rowspan="2">14</td><td>10</td></tr>
<tr><td>2</td><td>Cải cách thủ tục hành chính</td><td>10,86</td></tr>
</table>"""


def test_rowspan_and_colspan_cells_are_placed_on_the_grid() -> None:
    (table,) = tables(run(page(LEAD + GRID)))
    assert table.cells == (
        Cell(row=0, col=0, text="STT", rowspan=2),
        Cell(row=0, col=1, text="Lĩnh vực", rowspan=2),
        Cell(row=0, col=2, text="Điểm", colspan=2),
        Cell(row=1, col=2, text="Tự đánh giá"),
        Cell(row=1, col=3, text="Thẩm định"),
        Cell(row=2, col=0, text="1"),
        Cell(row=2, col=1, text="Cải cách thể chế"),
        Cell(row=2, col=2, text="14", rowspan=2),
        Cell(row=2, col=3, text="10"),
        Cell(row=3, col=0, text="2"),
        Cell(row=3, col=1, text="Cải cách thủ tục hành chính"),
        Cell(row=3, col=3, text="10,86"),
    )


def test_nested_layout_tables_are_descended_into() -> None:
    inner = (
        "<table><tr><td>Cải cách thể chế</td><td>14</td></tr>"
        "<tr><td>Tổng</td><td>14</td></tr></table>"
    )
    body = (
        "<table><tr><td><table width='100%'><tr>"
        f"<td><p>Đoạn một của bài.</p><p>Đoạn hai.</p><p>Đoạn ba.</p></td><td>{inner}</td>"
        "</tr></table></td></tr></table>"
    )
    document = run(page(LEAD + body))
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH] * 4 + [BlockKind.TABLE]
    assert texts(document)[1:] == ["Đoạn một của bài.", "Đoạn hai.", "Đoạn ba.",
                                   "Cải cách thể chế", "14", "Tổng", "14"]  # fmt: skip


def test_cell_text_joins_inner_paragraphs_and_breaks_with_one_space() -> None:
    cells = "<td><p>Điểm</p><p>tối đa</p></td><td>CTHĐ<br>Thẩm<b>định</b></td>"
    data = page(f"{LEAD}<table><tr>{cells}</tr><tr><td>a</td><td>b</td></tr></table>")
    (table,) = tables(run(data))
    assert table.rows()[0] == ["Điểm tối đa", "CTHĐ Thẩmđịnh"]


def test_hostile_spans_are_clamped() -> None:
    first = '<tr><td rowspan="0" colspan="999999">a</td><td>b</td></tr>'
    data = page(f"{LEAD}<table>{first}<tr><td>c</td></tr></table>")
    (table,) = tables(run(data))
    assert table.cells[0] == Cell(row=0, col=0, text="a", rowspan=2, colspan=256)
    assert table.cells[1:] == (Cell(row=0, col=256, text="b"), Cell(row=1, col=256, text="c"))


# -- text ------------------------------------------------------------------------------------------


def test_br_splits_a_paragraph_into_lines_but_not_a_heading() -> None:
    lines = "<p>- Dòng một<br>- Dòng hai<br><br>- Dòng ba</p>"
    document = run(page(f"<h2>Thông báo<br>kết luận cuộc họp</h2>{LEAD}{lines}"))
    heading = Block(kind=BlockKind.HEADING, level=2, text="Thông báo kết luận cuộc họp")
    assert document.blocks[0] == heading
    assert texts(document)[2:] == ["- Dòng một", "- Dòng hai", "- Dòng ba"]


def test_nbsp_is_a_space_and_blank_paragraphs_vanish() -> None:
    body = "<p>&nbsp;</p><p>Sở&nbsp;&nbsp;Xây&nbsp;dựng&#160;đạt</p><p> \u200b</p>"
    document = run(page(LEAD + body))
    assert texts(document)[1:] == ["Sở Xây dựng đạt"]


def test_inline_wrappers_around_paragraphs_still_split_blocks() -> None:
    document = run(page(LEAD + '<font face="Times"><p>Một</p>giữa<p>Hai</p></font><span>Ba</span>'))
    assert texts(document)[1:] == ["Một", "giữa", "Hai", "Ba"]


def test_lists_become_items_with_markers() -> None:
    bullets = "<ul><li>Văn phòng</li><li><p>Thanh tra</p></li></ul>"
    numbers = '<ol start="2"><li>Hai</li><li value="5">Năm</li><li>Sáu</li></ol>'
    data = page(f'{LEAD}{bullets}{numbers}<ol type="a"><li>Một</li></ol>')
    items = [(b.marker, b.text) for b in run(data).blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("-", "Văn phòng"), ("-", "Thanh tra"), ("2.", "Hai"), ("5.", "Năm"),
                     ("6.", "Sáu"), ("a)", "Một")]  # fmt: skip


def test_stamps_inside_sentences_stay_and_standalone_stamps_go() -> None:
    sentence = "Cập nhật: 10:32 26/03/2024 Sở Xây dựng đã ban hành thông báo số 568/TB-SXD."
    data = page(f"<div class='date'>Cập nhật: 10:32 26/03/2024</div>{LEAD}<p>{sentence}</p>")
    assert texts(run(data))[1:] == [sentence]


def test_the_other_news_tail_is_cut() -> None:
    body = [f"Đoạn {n}: kết quả chỉ số cải cách hành chính năm 2023 được công bố." for n in "1234"]
    tail = "<h3>Các tin khác</h3><ul><li><a href='/1'>Tin một</a></li></ul><p>Ghi chú cuối</p>"
    assert texts(run(page("".join(f"<p>{p}</p>" for p in body) + tail))) == body


def test_a_lead_shown_twice_is_kept_once() -> None:
    lead = clean(LEAD[3:-4])
    data = page(f'<p class="sapo"><strong>{lead}</strong></p><div class="body">{LEAD}</div>')
    assert texts(run(data)) == [lead]


def test_deep_markup_does_not_overflow_the_stack() -> None:
    data = page(LEAD + "<div>" * 3000 + "Sâu" + "</div>" * 3000)
    assert texts(run(data))[-1] == "Sâu"


# -- where the article sits -----------------------------------------------------------------------

TITLE = "Thông báo kết quả Chỉ số cải cách hành chính năm 2023"
BODY = [f"Đoạn {n}: Sở Xây dựng triển khai kế hoạch cải cách hành chính năm 2024." for n in "1234"]
PARAS = "".join(f"<p>{text}</p>" for text in BODY)
LINKS = "<ul>" + "".join(
    f"<li><a href='/c{n}'>Chuyên mục số {n} của cổng</a></li>" for n in range(15)
)
LINKS += "</ul>"
LAYOUTS = {
    "wrapper-with-sidebars": f"<div id='content'><div class='col-left'>{LINKS}</div>"
    f"<div class='news-detail'><h1>{TITLE}</h1>{PARAS}</div><div class='col-right'>{LINKS}</div>"
    "</div>",
    "title-beside-body-and-tail-inside": f"<div class='news-detail'><h1>{TITLE}</h1>"
    f"<div class='date'>26/03/2024 10:32</div><div class='content'>{PARAS}</div>"
    f"<div><b>Tin đã đưa</b></div>{LINKS}{LINKS}</div>",
    "layout-table-without-names": f"<table><tr><td width='200'>{LINKS}</td><td><h1>{TITLE}</h1>"
    f"{PARAS}</td></tr></table><div>Địa chỉ: số 1 đường A, tỉnh B. Điện thoại: 0200.</div>",
    "aspnet-form-around-everything": "<form id='aspnetForm'><input type='hidden' value='x'>"
    f"<div class='detail'><h1>{TITLE}</h1>{PARAS}</div></form>",
    "header-inside-article": "<header><div class='logo'>SỞ XÂY DỰNG</div></header>"
    f"<article><header><h1>{TITLE}</h1></header>{PARAS}<footer>Chia sẻ</footer></article>",
    "hidden-elements": f"<div class='content'><h1>{TITLE}</h1>{PARAS}"
    "<div style='display: none'>Ẩn đi</div><p hidden>Ẩn nữa</p></div>",
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_article_is_found_in_common_portal_layouts(layout: str) -> None:
    data = f"<html><body>{LAYOUTS[layout]}</body></html>".encode()
    assert texts(run(data)) == [TITLE, *BODY]


# -- no article -----------------------------------------------------------------------------------


def test_page_without_article_class_reads_the_densest_block() -> None:
    data = (
        "<html><body><div><a href='/'>Trang chủ</a> | <a href='/t'>Tin tức</a></div>"
        f"<div><div>{LEAD}<p>Kết quả năm 2023 đạt 72,32 điểm.</p></div></div></body></html>"
    ).encode()
    document = run(data)
    assert texts(document) == [clean(LEAD[3:-4]), "Kết quả năm 2023 đạt 72,32 điểm."]
    assert "densest" in document.warnings[0]


def test_page_with_no_article_has_no_blocks(tmp_path: Path) -> None:
    data = (
        '<html><body><nav><a href="/">Trang chủ</a></nav><div class="sidebar"><a href="/a">'
        "Văn bản mới</a></div><ul><li><a href='/x'>Tin tức</a></li><li><a href='/y'>Liên hệ"
        "</a></li></ul><footer>Địa chỉ: Số 1</footer></body></html>"
    ).encode()
    document = run(data)
    assert document.blocks == ()
    assert document.warnings == ("no article text found",)
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        extractors.extract(path)
    assert caught.value.code is ErrorCode.EMPTY_DOCUMENT


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize("boxes", [3, 60])
def test_densest_block_wins_over_link_menus_however_weighed(nested: bool, boxes: int) -> None:
    """A page naming no article container: the densest block wins over a menu with more
    text in links, whether weights are worked out one by one (few candidates), all at once
    (many candidates) or all at once because a link holds a table holding links."""
    menu = "".join(
        f'<li><a href="/m{i}">Chuyên mục tin tức số {i} của cổng</a></li>' for i in range(40)
    )
    filler = "".join(f"<div><span>Ô {i}</span></div>" for i in range(boxes))
    linked = '<a href="/x"><table><tr><td><a href="/y">Bảng liên kết</a></td></tr></table></a>'
    body = (
        f"<div><ul>{menu}</ul></div>{filler}"
        "<div><p>Sở Nội vụ thông báo kết quả chấm điểm chỉ số cải cách hành chính năm 2024 "
        "của các cơ quan, đơn vị trực thuộc tỉnh, đạt 88,5 điểm, xếp loại Tốt.</p>"
        "<p>Các đơn vị rà soát, khắc phục những hạn chế đã nêu trong thông báo này.</p></div>"
        f"{linked if nested else ''}"
    )
    doc = run(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode())
    texts = [block.text for block in doc.blocks]
    assert any(t.startswith("Sở Nội vụ thông báo") for t in texts)
    assert not any("Chuyên mục tin tức" in t for t in texts)


@pytest.mark.parametrize(("rows", "header"), [
    # a ruled header table with one line break a cell: the header's lines, not a table
    ("<tr><td>SỞ NỘI VỤ<br>TỈNH HÀ GIANG</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>"
     "<tr><td>Số: 512/SNV-CCHC</td><td>Hà Giang, ngày 8 tháng 9 năm 2025</td></tr>", True),
    # as small, without a header's mark: data
    ("<tr><td>Đơn vị</td><td>Điểm</td></tr><tr><td>Sở Nội vụ</td><td>88,41</td></tr>", False),
])
def test_a_ruled_header_table_gives_its_lines(rows: str, header: bool) -> None:
    body = ("<p>Kính gửi: Các phòng chuyên môn.</p><p>Sở Nội vụ đề nghị các phòng rà soát các "
            "tiêu chí thành phần của Chỉ số cải cách hành chính năm 2025 còn bị trừ điểm, "
            "báo cáo kết quả trước ngày 30/9/2025 để tổng hợp.</p>")
    document = run(page(f'<div class="content"><table border="1">{rows}</table>{body}</div>'))
    assert bool(tables(document)) is not header
    if header:
        assert texts(document)[:4] == ["SỞ NỘI VỤ", "TỈNH HÀ GIANG",
                                       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 512/SNV-CCHC"]


#: Class and id words in either case, nested containers, an itemprop, chrome named alike.
CANDIDATE_PAGE = """<html><body>
<div id="Wrapper"><div class="MainMenu">Trang chủ</div>
<div class="box  Post-Detail" id="x1"><h1>Thông báo kết quả</h1>
<section itemprop="articleBody"><div class="NOIDUNG"><p>Đoạn một của bài.</p></div>
<article><p>Đoạn hai.</p></article></section></div>
<div id="tinkhac-news"><a href="/a">Tin khác</a></div><main class="x"><p>Cuối.</p></main>
<div class="contént"><p>Chữ có dấu.</p></div><span id="STORY">Một dòng.</span><b id="NEWS-Ể">Ể</b>
<div data-class="content">Không phải lớp.</div><p itemprop="articlebody">Khác chữ hoa.</p>
</div></body></html>"""


@pytest.mark.parametrize(
    "page", [CANDIDATE_PAGE, SEED_HTML.read_text(encoding="utf-8")], ids=["composed", "seed"]
)
def test_article_candidates_are_what_word_selectors_select(page: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from parscore.extractors.boilerplate import ARTICLE_SELECTORS, ARTICLE_WORDS
    from parscore.extractors.html import article_candidates, unique

    body = LexborHTMLParser(page).body
    assert body is not None
    words = [f'[class*="{w}" i], [id*="{w}" i]' for w in ARTICLE_WORDS]
    selected = unique(body.css(", ".join([*ARTICLE_SELECTORS, *words])))
    found = article_candidates(body)
    assert [n.mem_id for n in found] == [n.mem_id for n in selected]
    assert len(found) >= 4
