"""Blocks to lines: the parser's view of a document's prose, whatever the format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from parscore.extractors.model import Block, BlockKind, Document, Region
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.text import clean, fold

_NUMBERING = re.compile(r"^\s*((?:\d{1,2}\.)+\d{0,2}|[IVX]{1,4}\.|[a-zđ]\))\s*")
_BULLET = re.compile(r"^\s*([-+•–—*●○▪■·])(?:\s+|(?=\D))")


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One line of prose with the numbering or bullet that opens it."""

    text: str  # cleaned, without the numbering or bullet
    raw: str  # cleaned, as written
    key: str  # fold(text): lowercase, canonical tones, for matching
    numbering: str | None = None  # "3.1", "2.", "I.", "a)"
    bullet: str | None = None  # "-", "+", "•"
    kind: BlockKind = BlockKind.PARAGRAPH
    region: Region = Region.BODY
    block: int = 0
    page: int | None = None


def document_to_lines(document: Document) -> tuple[Line, ...]:
    """Given a document, return its non-table blocks as Lines (one per text line)."""
    return tuple(line for i, b in enumerate(document.blocks) for line in block_to_lines(b, i))


def block_to_lines(block: Block, index: int) -> Iterator[Line]:
    """Given one non-table block, yield a Line for each non-blank line of its text."""
    if block.kind is BlockKind.TABLE:
        return
    for part in block.text.split("\n"):
        text = clean(part)
        if text:
            yield make_line(text, block, index)


def make_line(text: str, block: Block, index: int) -> Line:
    """Given cleaned text and its block, return a Line with numbering and bullet split off."""
    numbering, bullet, body = split_marker(text)
    if block.kind is BlockKind.LIST_ITEM and block.marker and not (numbering or bullet):
        numbering, bullet = marker_kind(block.marker)
    return Line(
        text=body,
        raw=text,
        key=fold(body),
        numbering=numbering,
        bullet=bullet,
        kind=block.kind,
        region=block.region,
        block=index,
        page=block.prov.page,
    )


def split_marker(text: str) -> tuple[str | None, str | None, str]:
    """Given a line, return (numbering, bullet, rest) with the opening marker split off."""
    if m := _NUMBERING.match(text):
        rest = text[m.end() :]
        if rest and not rest[0].isdigit():
            return m.group(1).rstrip("."), None, rest
    if (m := _BULLET.match(text)) and text[m.end() :]:
        return None, m.group(1), text[m.end() :]
    return None, None, text


def marker_kind(marker: str) -> tuple[str | None, str | None]:
    """Given a list marker from an extractor, return it as (numbering, bullet)."""
    marker = marker.strip()
    if _NUMBERING.match(marker + " x"):
        return marker.rstrip("."), None
    return None, marker or "•"
