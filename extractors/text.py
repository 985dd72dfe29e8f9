"""Plain text (``.txt``) to a Document: one PARAGRAPH per non-blank line, chrome dropped.

Tables reach this module flattened (one cell per line); recovering them is the parser's
job, so every line stays a paragraph (the exceptions: a run of pipe rows, "| a | b |", is one
TABLE block, ``extractors.pipetable``, and so is a run of rows whose cells are parted by
tabs, a table copied as text, ``extractors.tabtable``), numbered headings ("1. Một số…")
included, with their text whole. ``decode`` and ``number_blocks`` are shared with
``extractors.html``. Decoding (BOM, UTF-8, declared charset, TCVN3/VNI, else a guess) and
cleaning (NFC, whitespace) belong to ``normalizers.legacy`` and ``normalizers.text``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from parscore.extractors.boilerplate import keep_article
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Block, Document, Provenance, SourceInfo
from parscore.extractors.pipetable import pipe_tables
from parscore.extractors.records import replace
from parscore.extractors.tabtable import tab_blocks
from parscore.normalizers import mojibake
from parscore.normalizers.legacy import decode_bytes

MOJIBAKE_SAMPLE = 4000  # characters read to tell mojibake from text
MOJIBAKE_MARK = " (mojibake repaired)"
MOJIBAKE_NOTE = "text repaired from mojibake (UTF-8 that was read as Windows-1252)"


#: A prose line wrapped by hand has at least this many words (a table's cell, a heading or
#: a title's short lines are not joined).
WRAPPED_WORDS = 6
#: A line opening with a figure and its unit goes on from the line above ("87,92 điểm, xếp
#: loại Tốt", "84,75/100 điểm"), as one opening with a lowercase letter does.
_FIGURE_ON = re.compile(r"\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)?\s*(?:điểm|%)")
#: Two spaces or a tab inside a line: a table's or a header's columns, never joined.
_COLUMNS = re.compile(r"\S(?: {2,}|\t)\S")
#: A line opening with an item's letter ("a) Rà soát …", "đ. Báo cáo …", "ii) …") starts
#: an item of its own, even under a lead with no colon.
_ITEM = re.compile(r"[^\W\d_]{1,4}\)|[^\W\d_]\.\s")


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given the bytes of a .txt file, return its Document (one paragraph per line)."""
    text, encoding = decode(data, source)
    blocks = keep_article(pipe_tables(tab_blocks(unwrap(text.splitlines()))))
    notes = (MOJIBAKE_NOTE,) if encoding.endswith(MOJIBAKE_MARK) else ()
    return Document(source=source, blocks=number_blocks(blocks, source.path), warnings=notes)


def unwrap(lines: Sequence[str]) -> list[str]:
    """Given raw lines, return them with the lines of prose wrapped by hand joined: a line
    goes on from a long line above that ends with no stop (".", ":", ";", "!", "?") when it
    opens with a lowercase letter or a figure with its unit ("… thành phố Bảo Lộc đạt" /
    "87,92 điểm, xếp loại Tốt"); lines holding columns (runs of spaces, tabs) stay."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if out and goes_on(out[-1], text):
            out[-1] = f"{out[-1].rstrip()} {text}"
        else:
            out.append(line)
    return out


def goes_on(above: str, text: str) -> bool:
    """Given the (joined) line above and a stripped line, return whether it goes on from it."""
    last = above.strip()
    if not text or not last or last[-1] in ".:;!?" or len(last.split()) < WRAPPED_WORDS:
        return False
    if _COLUMNS.search(last) or _COLUMNS.search(text):
        return False
    if _ITEM.match(text):
        return False
    return text[0].islower() or bool(_FIGURE_ON.match(text))


def number_blocks(blocks: Sequence[Block], path: str) -> tuple[Block, ...]:
    """Given blocks in reading order, return them with Provenance(path, block=i)."""
    return tuple(
        replace(block, prov=Provenance(path=path, block=i)) for i, block in enumerate(blocks)
    )


def decode(data: bytes, source: SourceInfo, declared: str | None = None) -> tuple[str, str]:
    """Given bytes and a declared charset, return (text, encoding); raise if none fits.

    Text that is UTF-8 once read as Windows-1252 and saved again ("Káº¿t quáº£") is repaired
    here, before cleaning turns its "Ã\xa0" and "Ã\xad" into something else; the encoding
    then ends with ``MOJIBAKE_MARK``.
    """
    try:
        text, encoding = decode_bytes(data, declared)
    except ValueError as err:
        raise InputError(ErrorCode.ENCODING_UNDETECTABLE, source.path, str(err)) from err
    if mojibake.looks_mojibake(text[:MOJIBAKE_SAMPLE]):
        return unicodedata.normalize("NFC", mojibake.repair(text)), encoding + MOJIBAKE_MARK
    return text, encoding
