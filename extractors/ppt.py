"""PPT extractor: the text of a PowerPoint 97–2003 presentation, from its binary records.

The "PowerPoint Document" stream is a tree of records ([MS-PPT] 2.3: an 8-byte header of
version/instance, type and length; version 0xF marks a container). The slides' text sits in
TextCharsAtom (UTF-16) and TextBytesAtom (8-bit: the low bytes of UTF-16, that is Latin-1)
records; each becomes paragraphs at its "\\r" marks. Text in a legacy font (VNI, TCVN3) comes
out as Latin-1 look-alikes and is converted document-wide by ``extractors.repair_legacy``.
Layout (placeholders, tables drawn as shapes) and notes are not told apart from slide text.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Block, BlockKind, Document, Provenance, SourceInfo
from parscore.extractors.ole import OleFile
from parscore.normalizers.text import clean

STREAM = "PowerPoint Document"
HEADER = 8
CONTAINER = 0xF
TEXT_CHARS, TEXT_BYTES = 0x0FA0, 0x0FA8
#: Containers whose text is not the slides': the slide master's placeholder prompts ("Click to
#: edit Master title style"), the notes pages and their master, the handout master. A title
#: master is stored as an ordinary slide, so its prompts remain.
SKIPPED = frozenset({0x03F8, 0x03F0, 0x0FC9})  # MainMaster, Notes, Handout
#: Containers nested deeper than this are not genuine (a slide is a handful of levels deep).
MAX_DEPTH = 32


def records(data: bytes, path: str) -> Iterator[tuple[int, bytes]]:
    """Given the document stream, yield (type, body) of its atoms in order, containers opened."""
    stack = [(0, len(data))]
    while stack:
        at, end = stack.pop()
        if at + HEADER > end:
            continue
        version, kind, length = struct.unpack_from("<HHI", data, at)
        body, after = at + HEADER, at + HEADER + length
        if after > end:
            detail = f"a record at {at} runs past its container (truncated file?)"
            raise InputError(ErrorCode.CORRUPT_FILE, path, detail)
        stack.append((after, end))
        if version & 0xF == CONTAINER and kind not in SKIPPED:
            if len(stack) > MAX_DEPTH:
                raise InputError(ErrorCode.CORRUPT_FILE, path, "records nested too deep")
            stack.append((body, after))
        elif version & 0xF != CONTAINER:
            yield kind, data[body:after]


def texts(data: bytes, path: str) -> Iterator[str]:
    """Given the document stream, yield the text of its text atoms."""
    for kind, body in records(data, path):
        if kind == TEXT_CHARS:
            yield body.decode("utf-16-le", "replace")
        elif kind == TEXT_BYTES:
            yield body.decode("latin-1")


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given .ppt bytes, return the Document of its slides' paragraphs."""
    stream = OleFile(data, source.path, limits).read(STREAM)
    prov = Provenance(path=source.path)
    blocks = tuple(
        Block(kind=BlockKind.PARAGRAPH, text=cleaned, prov=prov)
        for text in texts(stream, source.path)
        for line in text.replace("\x0b", "\r").split("\r")
        if (cleaned := clean(line))
    )
    return Document(source=source, blocks=blocks)
