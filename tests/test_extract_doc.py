"""Word 97–2003 .doc and PowerPoint 97–2003 .ppt: composed files, and hostile ones.

tests/fixtures/legacy-notice.doc and vni-slides.ppt hold composed text only (how they were
made: tests/fixtures/make_legacy_fixtures.py). The hostile variants are built here from the
fixture's own streams by tests/olewriter.py.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from parscore.extractors import extract, read_source
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits
from parscore.extractors.model import BlockKind, Document, Region
from tests.olewriter import ole_bytes, streams_of

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOC = FIXTURES / "legacy-notice.doc"
PPT = FIXTURES / "vni-slides.ppt"


def error_of(path: Path, limits: Limits = DEFAULT_LIMITS) -> InputError:
    with pytest.raises(InputError) as caught:
        extract(path, limits)
    assert path.name in caught.value.message
    return caught.value


def word_streams() -> dict[str, bytes]:
    streams = streams_of(DOC.read_bytes())
    return {name: streams[name] for name in ("WordDocument", "1Table")}


def texts(document: Document) -> list[str]:
    body = (b for b in document.blocks if b.region is Region.BODY)
    return [block.text for block in body if block.kind is not BlockKind.TABLE]


@pytest.fixture(scope="module")
def notice() -> Document:
    return extract(DOC)


def test_runs_are_converted_by_their_font(notice: Document) -> None:
    assert notice.source.format == "doc"
    lines = texts(notice)
    assert lines[0] == "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG"  # typed in capitals, .VnTimeH
    assert lines[1] == "Thông báo kết quả chấm điểm cải cách hành chính"  # typed case kept
    assert lines[2] == "Sở Nội vụ đề nghị các phòng, ban xử lý những tồn tại trước ngày 30 tháng 6."
    assert lines[3] == "Trường hợp chưa hoàn thành, đơn vị gửi báo cáo về Ủy ban nhân dân tỉnh."
    assert lines[-1] == "Nơi nhận: như trên; lưu văn thư."  # ư saved as an optional hyphen


def test_unicode_runs_are_never_converted_again(notice: Document) -> None:
    assert "Danh sách kèm theo thông báo này gồm bốn đơn vị." in texts(notice)
    assert "kốm" not in " ".join(texts(notice))
    assert "text converted from the legacy tcvn3 encoding" in notice.warnings


def test_cells_in_a_legacy_font_are_converted(notice: Document) -> None:
    table = next(block for block in notice.blocks if block.kind is BlockKind.TABLE)
    assert table.rows() == [
        ["STT", "Đơn vị", "Điểm đạt được"],
        ["1", "Phòng Tư pháp", "85,5"],
        ["2", "Phòng Nội vụ", "79,25"],
    ]


def test_list_paragraphs_are_list_items(notice: Document) -> None:
    items = [block.text for block in notice.blocks if block.kind is BlockKind.LIST_ITEM]
    # TCVN3 stores no "Ứ": typed in a plain .VnTime font, the letter is a lowercase one.
    assert items == ["Rà soát thủ tục hành chính", "ứng dụng công nghệ thông tin"]


def test_the_page_header_comes_last_marked_as_such(notice: Document) -> None:
    last = notice.blocks[-1]
    assert (last.region, last.text) == (Region.PAGE_HEADER, "Sở Nội vụ tỉnh Lào Cai")
    assert sum(b.region is Region.PAGE_HEADER for b in notice.blocks) == 1


def test_a_doc_is_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "notice.bin"
    path.write_bytes(DOC.read_bytes())
    assert read_source(path)[1].format == "doc"


def test_a_word_file_embedding_a_workbook_is_still_a_word_file(tmp_path: Path) -> None:
    streams = {**word_streams(), "Workbook": b"\x09\x08" + b"\0" * 5000}
    path = tmp_path / "with-sheet.doc"
    path.write_bytes(ole_bytes(streams))
    assert read_source(path)[1].format == "doc"


def test_a_sector_chain_that_loops_is_an_ole_bomb(tmp_path: Path) -> None:
    path = tmp_path / "loop.doc"
    path.write_bytes(
        ole_bytes(word_streams(), loop="WordDocument", claimed={"WordDocument": 16000})
    )
    error = error_of(path)
    assert error.code is ErrorCode.OLE_BOMB and "loop" in error.detail


def test_a_stream_claiming_more_than_the_file_is_an_ole_bomb(tmp_path: Path) -> None:
    path = tmp_path / "huge.doc"
    path.write_bytes(ole_bytes(word_streams(), claimed={"1Table": 2**31}))
    error = error_of(path)
    assert error.code is ErrorCode.OLE_BOMB
    assert "ask the publisher for a clean copy" in error.message


def test_too_many_directory_entries_is_an_ole_bomb(tmp_path: Path) -> None:
    streams = {**word_streams(), **{f"s{i}": b"x" for i in range(40)}}
    path = tmp_path / "many.doc"
    path.write_bytes(ole_bytes(streams))
    assert error_of(path, Limits(max_ole_streams=20)).code is ErrorCode.OLE_BOMB


def test_a_truncated_doc_is_corrupt(tmp_path: Path) -> None:
    data = ole_bytes(word_streams())
    path = tmp_path / "cut.doc"
    path.write_bytes(data[: len(data) // 2])
    error = error_of(path)
    assert error.code is ErrorCode.CORRUPT_FILE
    assert "download it again" in error.message


def test_an_encrypted_doc_asks_for_the_password_to_be_removed(tmp_path: Path) -> None:
    streams = word_streams()
    word = bytearray(streams["WordDocument"])
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    struct.pack_into("<H", word, 0x0A, flags | 0x0100)  # fEncrypted
    path = tmp_path / "locked.doc"
    path.write_bytes(ole_bytes({**streams, "WordDocument": bytes(word)}))
    error = error_of(path)
    assert error.code is ErrorCode.ENCRYPTED_DOCUMENT
    assert "remove the password" in error.message


def test_a_word_95_file_is_unsupported_with_the_conversion_command(tmp_path: Path) -> None:
    streams = word_streams()
    word = bytearray(streams["WordDocument"])
    struct.pack_into("<H", word, 2, 0x0065)  # nFib of Word 6
    path = tmp_path / "old6.doc"
    path.write_bytes(ole_bytes({**streams, "WordDocument": bytes(word)}))
    error = error_of(path)
    assert error.code is ErrorCode.UNSUPPORTED_FORMAT
    assert "--convert-to docx" in error.message


def test_a_piece_table_pointing_past_the_stream_is_corrupt(tmp_path: Path) -> None:
    from parscore.extractors.doc import I_CLX, read_fib

    streams = word_streams()
    fc_clx, _ = read_fib(streams["WordDocument"], "x").pairs[I_CLX]
    table = bytearray(streams["1Table"])
    assert table[fc_clx] == 0x02  # the piece table, with no property modifiers before it
    pieces = (struct.unpack_from("<I", table, fc_clx + 1)[0] - 4) // 12
    struct.pack_into("<I", table, fc_clx + 5 + 4 * (pieces + 1) + 2, 0x00FFFFF0)  # 1st fc
    path = tmp_path / "short.doc"
    path.write_bytes(ole_bytes({**streams, "1Table": bytes(table)}))
    error = error_of(path)
    assert error.code is ErrorCode.CORRUPT_FILE and "truncated" in error.detail


def test_a_ppt_gives_its_slides_text_in_unicode() -> None:
    document = extract(PPT)
    assert document.source.format == "ppt"
    assert texts(document) == [
        "Kế hoạch cải cách hành chính năm 2024",
        "Rà soát, đơn giản hóa thủ tục hành chính",
        "Đẩy mạnh dịch vụ công trực tuyến",
        "Kết quả đạt được",
        "Chỉ số hài lòng tăng 3,5 điểm",
        "Mười hai đơn vị hoàn thành trước thời hạn",
    ]


def test_a_ppt_whose_record_overruns_is_corrupt(tmp_path: Path) -> None:
    streams = streams_of(PPT.read_bytes())
    stream = bytearray(streams["PowerPoint Document"])
    struct.pack_into("<I", stream, 4, 10**8)  # the first record claims 100 MB
    path = tmp_path / "bad.ppt"
    path.write_bytes(ole_bytes({**streams, "PowerPoint Document": bytes(stream)}))
    assert error_of(path).code is ErrorCode.CORRUPT_FILE
