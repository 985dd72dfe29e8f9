"""Plain text (``.txt``) to a Document: one PARAGRAPH per non-blank line, chrome dropped.

Tables reach this module flattened (one cell per line); recovering them is the parser's
job, so every line stays a paragraph, numbered headings ("1. Một số…") included, with
their text whole. ``decode`` and ``number_blocks`` are shared with ``extractors.html``.
Decoding (BOM, UTF-8, declared charset, TCVN3/VNI, else a guess) and cleaning (NFC,
whitespace) belong to ``normalizers.legacy`` and ``normalizers.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractors.boilerplate import keep_article
from extractors.limits import Limits
from extractors.model import Block, BlockKind, Document, Provenance, SourceInfo
from normalizers.legacy import decode_bytes
from normalizers.text import clean
from pipeline.errors import ErrorCode, InputError
from pipeline.records import replace


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given the bytes of a .txt file, return its Document (one paragraph per line)."""
    text, _ = decode(data, source)
    blocks = keep_article(lines_to_blocks(text.splitlines()))
    return Document(source=source, blocks=number_blocks(blocks, source.path))


def lines_to_blocks(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH block per non-blank cleaned line."""
    cleaned = (clean(line) for line in lines)
    return [Block(kind=BlockKind.PARAGRAPH, text=line) for line in cleaned if line]


def number_blocks(blocks: Sequence[Block], path: str) -> tuple[Block, ...]:
    """Given blocks in reading order, return them with Provenance(path, block=i)."""
    return tuple(
        replace(block, prov=Provenance(path=path, block=i)) for i, block in enumerate(blocks)
    )


def decode(data: bytes, source: SourceInfo, declared: str | None = None) -> tuple[str, str]:
    """Given bytes and a declared charset, return (text, encoding); raise if none fits."""
    try:
        return decode_bytes(data, declared)
    except ValueError as err:
        raise InputError(ErrorCode.ENCODING_UNDETECTABLE, source.path, str(err)) from err
