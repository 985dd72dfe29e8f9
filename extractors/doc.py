"""DOC extractor: Word 97–2003 binary files read in pure Python (olefile for the container).

The reader follows [MS-DOC]: the FIB gives the table stream and the offsets of the piece
table (CLX: which file bytes hold which characters, 8-bit "compressed" or UTF-16), the
character runs (PlcfBteChpx → CHPX FKPs: the font index of each run, sprmCRgFtc0), the
paragraph runs (PlcfBtePapx → PAPX FKPs: style, table and list properties), the style sheet
(STSH: a style's font, through its base styles) and the font names (SttbfFfn).

Legacy Vietnamese text is converted run by run, by the run's font: .VnTime/.VnArial → TCVN3
(a capitals font such as .VnTimeH upper-cased), VNI-Times → VNI. A run in another font is
left as Word stored it, so a file mixing TCVN3, VNI and Unicode paragraphs comes out whole,
and nothing is converted twice. TCVN3's ``ư`` is the byte 0xAD, a soft hyphen elsewhere: it
is converted inside its run, before any cleaning could drop it.

Tables come from the cell marks (a paragraph ending in 0x07) and the row-end paragraphs
(sprmPFTtp); a small table before any body text that holds the Decree 30 header's marks is
the header's layout, read as its lines (``extractors.celltables``); a paragraph in a list
(sprmPIlfo) becomes a list item with the marker Word prints for it ("1.", "a)", "Điều 3.",
from the list tables: ``doclists``), a paragraph whose style is a built-in heading becomes a
heading. Field instructions ({ PAGE }, { HYPERLINK … }) are dropped and their results kept.
Footnotes and text boxes follow the main text, except text boxes anchored above its first
word (a header laid out in boxes or frames), which come first; page headers and footers last.
Tracked deletions (sprmCFRMarkDel) are read as text, as the legacy corpus's transcripts of
real files read them (the DOCX, ODT and RTF readers leave them out).
"""

from __future__ import annotations

import itertools
import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from parscore.extractors.celltables import Spans, grid_spans, table_blocks
from parscore.extractors.doclists import Continuations, Lists, read_lists
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.listnumbers import Counters
from parscore.extractors.model import (
    Block,
    BlockKind,
    Document,
    Provenance,
    Region,
    SourceInfo,
)
from parscore.extractors.ole import OleFile
from parscore.normalizers.legacy import (
    TCVN3,
    VNI,
    better_font_encoding,
    detect,
    font_encoding,
    legacy_to_unicode,
    typed_capitals,
)
from parscore.normalizers.text import clean

WORD_IDENT = 0xA5EC
LAST_WORD95_NFIB = 0x0069  # Word 6/95 files (nFib 101–105) lay the FIB out otherwise
F_ENCRYPTED, F_WHICH_TABLE, F_OBFUSCATED = 0x0100, 0x0200, 0x8000
PAGE = 512  # an FKP page
COMPRESSED = 0x40000000  # an FcCompressed: 8-bit characters at (fc & ~flag) / 2
#: Indexes of the FibRgFcLcb97 pairs the reader uses.
I_STSH, I_HDD, I_CHPX, I_PAPX, I_FFN, I_CLX = 1, 11, 12, 13, 15, 33
I_PLF_LST, I_PLF_LFO = 73, 74  # the list definitions and their overrides (``doclists``)
#: Sprms read (MS-DOC 2.6): character font and style; paragraph style, table, list.
SPRM_C_FTC = (0x4A4F, 0x4A3D)  # sprmCRgFtc0, then the Word 6 era sprmCFtcDefault
SPRM_C_ISTD = 0x4A30
SPRM_P_IN_TABLE, SPRM_P_TTP, SPRM_P_ITAP = 0x2416, 0x2417, 0x6649
SPRM_P_INNER_TTP, SPRM_P_ILFO, SPRM_P_ILVL = 0x244C, 0x460B, 0x260A
SPRM_T_DEF_TABLE, SPRM_P_CHG_TABS = 0xD608, 0xC615
OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
#: The stories of a document's text, in CP order (FibRgLw97 ccpText … ccpHdrTxbx).
STORIES = (
    "main",
    "footnotes",
    "headers",
    "macros",
    "comments",
    "endnotes",
    "boxes",
    "header boxes",
)
#: Stories read as the document's prose: the main text, then footnotes, endnotes and text
#: boxes; page headers and footers follow them, marked with their region (comments and
#: macros are not read).
READ_STORIES = frozenset({"main", "footnotes", "endnotes", "boxes"})
#: The header story is cut by PlcfHdd into 6 separators (footnote separators and the like),
#: then 6 stories per section: even header, odd header, even footer, odd footer, first-page
#: header, first-page footer.
HDD_SEPARATORS = 6
HDD_HEADERS = frozenset({0, 1, 4})
#: Built-in style identifiers (sti) of Heading 1–9.
HEADING_STIS = range(1, 10)
#: Marks of the text stream: paragraph end, cell/row end, page/section break, line break.
PARA_END, CELL_END, PAGE_BREAK, LINE_BREAK = "\r", "\x07", "\x0c", "\x0b"
FIELD_BEGIN, FIELD_SEP, FIELD_END = "\x13", "\x14", "\x15"
DRAWN = "\x08"  # a drawn object's anchor (a text box, a shape)
#: Word's optional hyphen. TCVN3 draws ``ư`` at the soft hyphen's byte (0xAD), and Word (or
#: LibreOffice) saves that byte as an optional hyphen: in a TCVN3 run it is the letter.
OPTIONAL_HYPHEN, SOFT_HYPHEN = "\x1f", "\xad"
#: Characters that stand for something other than themselves: dropped or replaced.
SPECIALS = str.maketrans(
    {
        "\x01": None,  # picture
        "\x02": None,  # footnote reference
        "\x05": None,  # comment reference
        DRAWN: None,
        "\x1e": "-",  # non-breaking hyphen
        OPTIONAL_HYPHEN: None,
        LINE_BREAK: "\n",
        "\x0e": "\n",  # column break
        "\xa0": " ",
        PAGE_BREAK: "\n",
    }
)
DROPPED = "\x00"  # what a field instruction's characters are blanked to
BROKEN = (struct.error, IndexError, ValueError, KeyError)


@dataclass(frozen=True, slots=True)
class Fib:
    """What the reader needs of the File Information Block."""

    table: str  # "0Table" or "1Table"
    stories: tuple[int, ...]  # characters of the main text, footnotes, headers, … (STORIES)
    pairs: tuple[tuple[int, int], ...]  # FibRgFcLcb97 (fc, lcb) pairs


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of characters stored contiguously: CPs [cp, cp_end) at file offset fc."""

    cp: int
    cp_end: int
    fc: int
    compressed: bool

    def fc_of(self, cp: int) -> int:
        """Given a CP of this piece, return its file offset."""
        return self.fc + (cp - self.cp) * (1 if self.compressed else 2)


@dataclass(frozen=True, slots=True)
class Props:
    """A paragraph's or run's properties that matter to the reader."""

    istd: int | None = None
    font: int | None = None
    in_table: bool = False
    ttp: bool = False
    inner_ttp: bool = False
    itap: int = 0
    ilfo: int = 0
    ilvl: int = 0
    cells: tuple[int, ...] = ()  # a table row's cell edges (sprmTDefTable rgdxaCenter, twips)


@dataclass(frozen=True, slots=True)
class Style:
    """A style: its kind (1 paragraph, 2 character), base, built-in id and own properties."""

    kind: int
    base: int | None
    sti: int
    props: Props


@dataclass(slots=True)
class Runs:
    """Property runs keyed by file offset: sorted starts, ends and their properties."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    props: list[Props] = field(default_factory=list)

    def at(self, fc: int) -> Props:
        """Given a file offset, return the properties of the run holding it (or none)."""
        i = bisect_right(self.starts, fc) - 1
        return self.props[i] if i >= 0 and fc < self.ends[i] else Props()

    def cuts(self, lo: int, hi: int) -> list[int]:
        """Given a file-offset range, return the run boundaries strictly inside it."""
        i = bisect_right(self.starts, lo)
        j = bisect_right(self.starts, hi - 1)
        return self.starts[i:j]


def u16(data: bytes, at: int) -> int:
    """Given bytes and an offset, return the little-endian uint16 there."""
    return int(struct.unpack_from("<H", data, at)[0])


def u32(data: bytes, at: int) -> int:
    """Given bytes and an offset, return the little-endian uint32 there."""
    return int(struct.unpack_from("<I", data, at)[0])


# --------------------------------------------------------------------------- FIB, pieces


def read_fib(word: bytes, path: str) -> Fib:
    """Given the WordDocument stream, return its FIB, or raise a typed error."""
    if len(word) < 0x200 or u16(word, 0) != WORD_IDENT:
        raise InputError(ErrorCode.CORRUPT_FILE, path, "not a Word 97–2003 document stream")
    flags = u16(word, 0x0A)
    if flags & F_ENCRYPTED:
        kind = "XOR-obfuscated" if flags & F_OBFUSCATED else "RC4-encrypted"
        raise InputError(ErrorCode.ENCRYPTED_DOCUMENT, path, f"{kind} Word document")
    if u16(word, 2) <= LAST_WORD95_NFIB:
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, path, "a Word 6/95 document")
    at = 34 + 2 * u16(word, 32)  # after csw and fibRgW
    lw = at + 2  # fibRgLw: cbMac, 2 reserved, then the stories' lengths from ccpText
    stories = struct.unpack_from(f"<{len(STORIES)}I", word, lw + 12)
    at = lw + 4 * u16(word, at)
    count = u16(word, at)
    pairs = tuple(struct.iter_unpack("<II", word[at + 2 : at + 2 + 8 * count]))
    if count <= I_CLX:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"FIB has {count} offset pairs")
    table = "1Table" if flags & F_WHICH_TABLE else "0Table"
    return Fib(table=table, stories=stories, pairs=pairs)


def part(table: bytes, fib: Fib, index: int) -> bytes:
    """Given the table stream, the FIB and a pair index, return that structure's bytes."""
    fc, lcb = fib.pairs[index]
    return table[fc : fc + lcb] if lcb and fc + lcb <= len(table) else b""


def read_pieces(clx: bytes, path: str) -> list[Piece]:
    """Given the CLX, return its pieces (skipping the property modifiers before them)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: 0x01, cbGrpprl, grpprl
        at += 3 + u16(clx, at + 1)
    if at >= len(clx) or clx[at] != 0x02:
        raise InputError(ErrorCode.CORRUPT_FILE, path, "no piece table in the CLX")
    plc = clx[at + 5 : at + 5 + u32(clx, at + 1)]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    pieces = []
    for i in range(n):
        fc = u32(plc, 4 * (n + 1) + 8 * i + 2)
        compressed = bool(fc & COMPRESSED)
        start = (fc & ~COMPRESSED) // 2 if compressed else fc
        pieces.append(Piece(cps[i], cps[i + 1], start, compressed))
    return pieces


def piece_text(word: bytes, piece: Piece, path: str) -> str:
    """Given the WordDocument stream and a piece, return its characters."""
    count = piece.cp_end - piece.cp
    width = 1 if piece.compressed else 2
    raw = word[piece.fc : piece.fc + count * width]
    if len(raw) < count * width:
        detail = f"text at {piece.fc} runs past the end of the stream (truncated file?)"
        raise InputError(ErrorCode.CORRUPT_FILE, path, detail)
    return (
        raw.decode("cp1252", "replace") if piece.compressed else raw.decode("utf-16-le", "replace")
    )


# --------------------------------------------------------------------------- properties


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """Given a grpprl, yield (sprm, operand) pairs; stop at a malformed tail."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = OPERAND_SIZE[spra]
        elif sprm == SPRM_T_DEF_TABLE and at + 2 <= len(grpprl):
            size, at = u16(grpprl, at) - 1, at + 2
        elif at < len(grpprl):
            size, at = grpprl[at], at + 1
        else:
            return
        if size < 0 or at + size > len(grpprl):
            return
        yield sprm, grpprl[at : at + size]
        at += size


def apply(props: Props, grpprl: bytes) -> Props:
    """Given properties and a grpprl, return the properties it sets on top of them."""
    changes: dict[str, object] = {}
    for sprm, op in sprms(grpprl):
        if sprm in SPRM_C_FTC and len(op) == 2 and "font" not in changes:
            changes["font"] = u16(op, 0)
        elif sprm == SPRM_C_ISTD and len(op) == 2:
            changes["istd"] = u16(op, 0)
        elif sprm in _PARA_FLAGS:
            changes[_PARA_FLAGS[sprm]] = op[0] != 0
        elif sprm in _PARA_NUMBERS:
            changes[_PARA_NUMBERS[sprm]] = op[0] if len(op) == 1 else u16(op, 0)
        elif sprm == SPRM_T_DEF_TABLE and op and len(op) >= 1 + 2 * (op[0] + 1):
            changes["cells"] = struct.unpack_from(f"<{op[0] + 1}h", op, 1)
    return replace(props, **changes) if changes else props  # type: ignore[arg-type]


_PARA_FLAGS = {SPRM_P_IN_TABLE: "in_table", SPRM_P_TTP: "ttp", SPRM_P_INNER_TTP: "inner_ttp"}
_PARA_NUMBERS = {SPRM_P_ITAP: "itap", SPRM_P_ILFO: "ilfo", SPRM_P_ILVL: "ilvl"}


def _fkp_pages(plc: bytes) -> Iterator[int]:
    """Given a PlcBteChpx/PlcBtePapx, yield the page numbers of its FKPs."""
    n = (len(plc) - 4) // 8
    for i in range(n):
        yield u32(plc, 4 * (n + 1) + 4 * i) & 0x3FFFFF


def chpx_runs(word: bytes, plc: bytes) -> Runs:
    """Given the WordDocument stream and the PlcBteChpx, return the character runs."""
    runs = Runs()
    for pn in _fkp_pages(plc):
        page = word[pn * PAGE : pn * PAGE + PAGE]
        if len(page) < PAGE:
            continue
        crun = page[-1]
        for i in range(crun):
            offset = page[4 * (crun + 1) + i] * 2
            grpprl = page[offset + 1 : offset + 1 + page[offset]] if offset else b""
            runs.starts.append(u32(page, 4 * i))
            runs.ends.append(u32(page, 4 * i + 4))
            runs.props.append(apply(Props(), grpprl))
    return runs


def _papx(page: bytes, offset: int) -> tuple[int, bytes]:
    """Given an FKP page and a PapxInFkp offset, return (istd, grpprl)."""
    cb = page[offset]
    data = (
        page[offset + 1 : offset + 2 * cb]
        if cb
        else page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
    )
    return (u16(data, 0), data[2:]) if len(data) >= 2 else (0, b"")


def papx_runs(word: bytes, plc: bytes) -> Runs:
    """Given the WordDocument stream and the PlcBtePapx, return the paragraph runs."""
    runs = Runs()
    for pn in _fkp_pages(plc):
        page = word[pn * PAGE : pn * PAGE + PAGE]
        if len(page) < PAGE:
            continue
        cpara = page[-1]
        for i in range(cpara):
            offset = page[4 * (cpara + 1) + 13 * i] * 2
            istd, grpprl = _papx(page, offset) if offset else (0, b"")
            runs.starts.append(u32(page, 4 * i))
            runs.ends.append(u32(page, 4 * i + 4))
            runs.props.append(apply(Props(istd=istd), grpprl))
    return runs


def font_names(sttb: bytes) -> list[str]:
    """Given the SttbfFfn, return the font names by index."""
    if len(sttb) < 4:
        return []
    names, at = [], 4  # cData, cbExtra
    for _ in range(u16(sttb, 0)):
        if at >= len(sttb):
            break
        end = at + 1 + sttb[at]
        name = sttb[at + 40 : end].decode("utf-16-le", "replace").split("\0", 1)[0]
        names.append(name)
        at = end
    return names


def _upxs(std: bytes, at: int, count: int) -> list[bytes]:
    """Given an STD, the offset of its UPXs and their count, return the UPXs' bytes."""
    upxs = []
    for _ in range(count):
        if at + 2 > len(std):
            break
        size = u16(std, at)
        upxs.append(std[at + 2 : at + 2 + size])
        at += 2 + size + (size & 1)
    return upxs


def _style(std: bytes, base_size: int) -> Style | None:
    """Given one STD and the size of its fixed part, return the Style, or None if empty."""
    if len(std) < base_size + 2:
        return None
    sti = u16(std, 0) & 0x0FFF
    kind, base = u16(std, 2) & 0x000F, u16(std, 2) >> 4
    name_len = u16(std, base_size)
    upxs = _upxs(std, base_size + 2 + 2 * name_len + 2, u16(std, 4) & 0x000F)
    props = Props()
    if kind == 1 and len(upxs) >= 2:  # paragraph style: UpxPapx (istd + grpprl), UpxChpx
        props = apply(apply(props, upxs[0][2:]), upxs[1])
    elif kind == 2 and upxs:  # character style: UpxChpx
        props = apply(props, upxs[0])
    return Style(kind=kind, base=None if base == 0x0FFF else base, sti=sti, props=props)


def read_styles(stsh: bytes) -> tuple[dict[int, Style], int | None]:
    """Given the STSH, return its styles by istd and the document's default font index."""
    if len(stsh) < 4:
        return {}, None
    header = u16(stsh, 0)
    count, base_size = u16(stsh, 2), u16(stsh, 4)
    default_font = u16(stsh, 2 + 12) if header >= 14 else None
    styles: dict[int, Style] = {}
    at = 2 + header
    for istd in range(count):
        if at + 2 > len(stsh):
            break
        size = u16(stsh, at)
        if size:
            style = _style(stsh[at + 2 : at + 2 + size], base_size)
            if style is not None:
                styles[istd] = style
        at += 2 + size
    return styles, default_font


# --------------------------------------------------------------------------- the document


@dataclass(slots=True)
class Reader:
    """A parsed Word document: its text, pieces, runs, styles and fonts."""

    word: bytes
    text: str
    pieces: list[Piece]
    chars: Runs
    paras: Runs
    styles: dict[int, Style]
    fonts: list[str]
    default_font: int | None
    stories: tuple[int, ...] = ()
    headers: tuple[int, ...] = ()  # PlcfHdd: CPs of the header story's parts
    lists: Lists = field(default_factory=dict)  # ilfo → list id and levels
    counters: Counters = field(default_factory=Counters)  # the lists' numbers so far
    continued: Continuations = field(default_factory=Continuations)  # list → counters' list
    converted: set[str] = field(default_factory=set)  # legacy encodings met
    _cp_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cp_starts = [p.cp for p in self.pieces]

    def fc_of(self, cp: int) -> int:
        """Given a CP, return its file offset."""
        piece = self.pieces[max(bisect_right(self._cp_starts, cp) - 1, 0)]
        return piece.fc_of(cp)

    def style_value(self, istd: int | None, name: str) -> object:
        """Given a style and a property name, return the value it or its bases set, or None."""
        seen = 0
        while istd is not None and istd in self.styles and seen < len(self.styles):
            value = getattr(self.styles[istd].props, name)
            if value not in (None, False):
                return value
            istd, seen = self.styles[istd].base, seen + 1
        return None

    def font_of(self, run: Props, para: Props) -> str:
        """Given a run's and its paragraph's properties, return the run's font name."""
        index = run.font
        for istd in (run.istd, para.istd):
            if index is None:
                value = self.style_value(istd, "font")
                index = value if isinstance(value, int) else None
        index = self.default_font if index is None else index
        return self.fonts[index] if index is not None and index < len(self.fonts) else ""

    def segments(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Given a CP range, yield sub-ranges inside which one piece and one run hold."""
        cuts = {lo, hi}
        for piece in self.pieces:
            if piece.cp < hi and piece.cp_end > lo:
                a, b = max(piece.cp, lo), min(piece.cp_end, hi)
                cuts.update((a, b))
                width = 1 if piece.compressed else 2
                for fc in self.chars.cuts(piece.fc_of(a), piece.fc_of(b)):
                    cuts.add(a + (fc - piece.fc_of(a)) // width)
        points = sorted(c for c in cuts if lo <= c <= hi)
        yield from itertools.pairwise(points)

    def para_text(self, lo: int, hi: int, para: Props, *, shown: bool = False) -> str:
        """Given a paragraph's CP range (mark excluded) and properties, return its Unicode text.

        Consecutive segments drawn in the same font are converted together, so a VNI letter
        split across two runs is still one letter. Capitals set by formatting (sprmCFCaps) are
        left as typed, as the DOCX reader leaves w:caps; so is text a TCVN3 capitals font
        (.VnTimeH) draws in capitals, unless ``shown`` asks for what the page shows.
        """
        out: list[str] = []
        group: list[str] = []
        key: RunKey | None = None
        for a, b in self.segments(lo, hi):
            run = self.chars.at(self.fc_of(a))
            font = self.font_of(run, para)
            encoding = font_encoding([font])
            this = (encoding, font if encoding else "")
            if this != key:
                out.append(self.convert(group, key, shown=shown))
                group, key = [], this
            group.append(self.text[a:b])
        out.append(self.convert(group, key, shown=shown))
        return "".join(out).replace(DROPPED, "").translate(SPECIALS)

    def convert(self, group: list[str], key: RunKey | None, *, shown: bool = False) -> str:
        """Given text segments of one font, return them in Unicode (noting the encoding)."""
        text = "".join(group)
        if key is None or not text:
            return text
        encoding = font_or_content(text, key[0])
        if encoding is None:
            return text
        self.converted.add(encoding)
        if encoding == TCVN3:  # ư (0xAD) saved as Word's optional hyphen
            text = text.replace(OPTIONAL_HYPHEN, SOFT_HYPHEN)
        if shown and encoding == key[0]:
            return legacy_to_unicode(text, encoding, [key[1]])
        return typed_capitals(text, encoding)


#: A run's conversion: its legacy encoding (or None) and its legacy font's name.
RunKey = tuple[str | None, str]


def font_or_content(text: str, encoding: str | None) -> str | None:
    """Given a run group's text and its font's encoding (None: not a legacy font), return the
    encoding to convert it with, or None to keep it.

    Some writers switched keyboard tables without switching fonts (VNI text in a TCVN3 font
    such as VNSTCVN3), or typed TCVN3 in a font of another name: when the text itself proves
    TCVN3 or VNI, the text wins. Unicode text proves neither (``legacy.detect``). A run too
    short to prove anything keeps its font's encoding unless the other one makes more of
    its words Vietnamese syllables (``legacy.better_font_encoding``).
    """
    if text.isascii():
        return encoding
    found = detect(text)
    if found in (TCVN3, VNI):
        return found
    return better_font_encoding(text, encoding) if encoding else None


def blank_fields(text: str) -> str:
    """Given document text, return it with field marks and instructions blanked (results kept)."""
    if FIELD_BEGIN not in text:
        return text
    out = list(text)
    stack: list[bool] = []  # per open field: still in its instruction
    for i, ch in enumerate(text):
        if ch == FIELD_BEGIN:
            stack.append(True)
        elif ch == FIELD_SEP and stack:
            stack[-1] = False
        elif ch == FIELD_END and stack:
            stack.pop()
        elif not any(stack):
            continue
        out[i] = DROPPED
    return "".join(out)


def open_reader(data: bytes, path: str, limits: Limits) -> Reader:
    """Given .doc bytes, return the Reader of its main text, or raise a typed error."""
    ole = OleFile(data, path, limits)
    word = ole.read("WordDocument")
    fib = read_fib(word, path)
    table = ole.read(fib.table)
    if sum(fib.stories) > limits.max_doc_chars:
        detail = f"{sum(fib.stories)} characters > {limits.max_doc_chars}"
        raise InputError(ErrorCode.TOO_LARGE, path, detail)
    pieces = read_pieces(part(table, fib, I_CLX), path)
    if sum(p.cp_end - p.cp for p in pieces) > limits.max_doc_chars:
        raise InputError(ErrorCode.OLE_BOMB, path, "pieces claim more characters than allowed")
    text = "".join(piece_text(word, p, path) for p in pieces)
    styles, default_font = read_styles(part(table, fib, I_STSH))
    return Reader(
        word=word,
        text=blank_fields(text),
        pieces=pieces,
        chars=chpx_runs(word, part(table, fib, I_CHPX)),
        paras=papx_runs(word, part(table, fib, I_PAPX)),
        styles=styles,
        fonts=font_names(part(table, fib, I_FFN)),
        default_font=default_font,
        stories=fib.stories,
        headers=_cps(part(table, fib, I_HDD)),
        lists=_lists(table, fib),
    )


def _lists(table: bytes, fib: Fib) -> Lists:
    """Given the table stream and the FIB, return the document's list definitions (none
    when the FIB has no list pairs or they do not parse)."""
    if len(fib.pairs) <= I_PLF_LFO or not fib.pairs[I_PLF_LST][1]:
        return {}
    try:
        return read_lists(table, fib.pairs[I_PLF_LST][0], part(table, fib, I_PLF_LFO))
    except BROKEN:
        return {}


def _cps(plc: bytes) -> tuple[int, ...]:
    """Given a PLC of CPs alone (PlcfHdd), return them."""
    return tuple(struct.unpack_from(f"<{len(plc) // 4}I", plc)) if plc else ()


@dataclass(slots=True)
class TableBuilder:
    """Rows of cell texts gathered from consecutive table paragraphs (and each cell's
    paragraphs, for a layout table read as lines)."""

    rows: list[list[list[str]]] = field(default_factory=list)
    row: list[list[str]] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)
    edges: list[tuple[int, ...]] = field(default_factory=list)  # each row's cell edges

    def add(self, text: str, mark: str, para: Props) -> None:
        """Given a table paragraph's text, its mark and properties, add it to the table."""
        if mark == CELL_END and para.ttp:
            self.rows.append(self.row)
            self.edges.append(para.cells)
            self.row = []
        elif mark == CELL_END:
            self.row.append([*self.cell, text])
            self.cell = []
        else:
            self.cell.append(text)

    def take(self) -> list[list[list[str]]]:
        """Return the rows gathered so far (each cell a list of its paragraphs), start afresh."""
        if self.cell:
            self.row.append(self.cell)
        if self.row:
            self.rows.append(self.row)
        rows = self.rows
        self.rows, self.row, self.cell, self.edges = [], [], [], []
        return rows

    def spans(self) -> Spans | None:
        """Return how many grid columns each cell of the rows so far spans, from the rows'
        cell edges (``celltables.grid_spans``); None when a row's edges are missing."""
        rows = [*self.rows, self.row] if self.row else self.rows
        if not rows or len(rows) != len(self.edges):
            return None
        return grid_spans(rows, [edges[1:] for edges in self.edges])


def paragraph_block(reader: Reader, text: str, para: Props, path: str) -> Block | None:
    """Given a paragraph's text and properties, return its block (None when blank)."""
    cleaned = clean(text)
    if not cleaned:
        return None
    prov = Provenance(path=path)
    style = reader.styles.get(para.istd) if para.istd is not None else None
    if style is not None and style.sti in HEADING_STIS:
        return Block(kind=BlockKind.HEADING, text=cleaned, level=style.sti, prov=prov)
    if para.ilfo:
        listed = reader.lists.get(para.ilfo)
        marker = None
        if listed is not None:
            key = reader.continued.key(*listed)
            marker = reader.counters.next_marker(key, listed[1], para.ilvl)
        return Block(
            kind=BlockKind.LIST_ITEM, text=cleaned, marker=marker, level=para.ilvl, prov=prov
        )
    return Block(kind=BlockKind.PARAGRAPH, text=cleaned, prov=prov)


def document_blocks(reader: Reader, path: str) -> Iterator[Block]:
    """Given a Reader, yield the blocks of its main text, then its footnotes and text boxes
    (the text boxes first when they are anchored before the main text's first word: a
    header laid out in boxes or frames, which Word and LibreOffice keep in the boxes story),
    then the page headers and footers; a Decree 30 header kept in a page header (a main text
    without one of its own) comes first, as its HEADER lines."""
    spans, start = {}, 0
    for name, length in zip(STORIES, reader.stories, strict=False):
        spans[name] = (start, min(start + length, len(reader.text)))
        start += length
    order = [name for name in STORIES if name in READ_STORIES and name in spans]
    if "boxes" in order and _boxes_lead(reader.text[slice(*spans["main"])]):
        order = ["boxes", *(name for name in order if name != "boxes")]
    blocks = [
        block
        for name in order
        for block in story_blocks(reader, *spans[name], path, lead_header=name == "main")
    ]
    lead: list[Block] = []
    furniture: list[Block] = []
    if "headers" in spans:
        lead, furniture = furniture_blocks(reader, spans["headers"][0], path)
    if any(block.region is Region.HEADER for block in blocks):
        lead = [replace(block, region=Region.PAGE_HEADER) for block in lead]
        furniture = lead + furniture
        lead = []
    yield from lead
    yield from blocks
    yield from furniture


def _boxes_lead(main: str) -> bool:
    """Given the main text, return whether a drawn object (a text box or a frame saved as
    one) is anchored before its first letter or digit."""
    first = next((i for i, ch in enumerate(main) if ch.isalnum()), len(main))
    return DRAWN in main[:first]


def furniture_blocks(reader: Reader, start: int, path: str) -> tuple[list[Block], list[Block]]:
    """Given a Reader and the header story's first CP, return the Decree 30 header laid out
    in a page header's table (the first header story that holds one, as HEADER lines) and
    each other distinct header and footer paragraph once, marked PAGE_HEADER or PAGE_FOOTER."""
    seen: set[str] = set()
    lead: list[Block] = []
    out: list[Block] = []
    cps = reader.headers
    for i in range(HDD_SEPARATORS, len(cps) - 1):
        lo, hi = start + cps[i], min(start + cps[i + 1], len(reader.text))
        header = (i - HDD_SEPARATORS) % 6 in HDD_HEADERS
        region = Region.PAGE_HEADER if header else Region.PAGE_FOOTER
        blocks = list(story_blocks(reader, lo, hi, path, lead_header=header))
        layout = [b for b in blocks if b.region is Region.HEADER]
        if layout and not lead:
            lead = layout
        for block in blocks:
            key = block.text or str(block.rows())
            if block.region is not Region.HEADER and key not in seen:
                seen.add(key)
                out.append(replace(block, region=region))
    return lead, out


def story_blocks(
    reader: Reader, lo: int, hi: int, path: str, *, lead_header: bool = False
) -> Iterator[Block]:
    """Given a Reader and a story's CP range, yield its paragraphs, headings and tables.

    With ``lead_header`` (the main text), tables before any paragraph of text are the
    Decree 30 header's layout when they hold its marks: their cells' paragraphs come out
    column by column as HEADER paragraphs, as a DOCX's layout table does, and as the page
    shows them (a line typed in lowercase in a capitals font such as .VnTimeH is in
    capitals: "UBND TỈNH …" names the issuer).
    """
    table, shown = TableBuilder(), TableBuilder()  # shown: a leading table as the page shows it
    start, started, prov = lo, not lead_header, Provenance(path=path)
    for cp in range(lo, hi):
        mark = reader.text[cp]
        if mark not in (PARA_END, CELL_END):
            continue
        para = reader.paras.at(reader.fc_of(cp))
        text = reader.para_text(start, cp, para)
        in_cell = mark == CELL_END or para.in_table or para.itap
        if in_cell and not started:
            shown.add(reader.para_text(start, cp, para, shown=True), mark, para)
        start = cp + 1
        if in_cell:
            table.add(text, mark, para)
            continue
        yield from _finished(table, shown, prov, started=started)
        block = paragraph_block(reader, text, para, path)
        if block is not None:
            started = True
            yield block
    yield from _finished(table, shown, prov, started=started)


def _finished(
    table: TableBuilder, shown: TableBuilder, prov: Provenance, *, started: bool
) -> list[Block]:
    """Given a finished table (and its leading rows as shown), return its blocks, the cells
    spanning the grid columns their edges cover."""
    spans = table.spans()
    return table_blocks(table.take(), prov, started=started, shown=shown.take(), spans=spans)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given .doc bytes, return the Document of their main text."""
    try:
        reader = open_reader(data, source.path, limits)
        blocks = tuple(document_blocks(reader, source.path))
    except BROKEN as err:
        detail = f"broken Word 97–2003 structure: {err}"
        raise InputError(ErrorCode.CORRUPT_FILE, source.path, detail) from err
    notes = tuple(
        f"text converted from the legacy {name} encoding" for name in sorted(reader.converted)
    )
    return Document(source=source, blocks=blocks, warnings=notes)
