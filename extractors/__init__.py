"""Extractors: one module per format, registered in one explicit mapping.

Each module exposes ``extract(data: bytes, source: SourceInfo, limits: Limits) -> Document``.
Modules are imported on first use so that reading one HTML file never loads the PDF stack;
so are the reading's own helpers (detection, the header, legacy encodings): a process that
only needs the errors or the limits (``parscore run``'s parent) never loads them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from parscore.extractors.model import Block, Document, SourceInfo


EXTRACTORS: dict[str, str] = {
    "html": "parscore.extractors.html",
    "txt": "parscore.extractors.text",
    "docx": "parscore.extractors.docx",
    "pdf": "parscore.extractors.pdf",
    "png": "parscore.extractors.image",
    "jpeg": "parscore.extractors.image",
    "tiff": "parscore.extractors.image",
    "xlsx": "parscore.extractors.xlsx",
    "ods": "parscore.extractors.ods",
    "odt": "parscore.extractors.odt",
    "xls": "parscore.extractors.xls",
    "rtf": "parscore.extractors.rtf",
    "doc": "parscore.extractors.doc",
    "ppt": "parscore.extractors.ppt",
}

#: File name endings that name a format by another name than its own.
SUFFIX_FORMATS = {"htm": "html", "jpg": "jpeg", "tif": "tiff"}

#: Formats whose extractor converts legacy text itself (DOC and XLS a run or a cell at a
#: time, by font then by content; RTF its whole text before reading its tables): a
#: document-wide conversion on top would convert Unicode text again.
CONVERTED_BY_RUN = frozenset({"doc", "xls", "rtf"})


def readers_named(paths: Iterable[Path]) -> tuple[str, ...]:
    """Given input paths, return the extractor modules their names call for (a guess, to
    import them early: the format is told by the bytes when a file is read)."""
    suffixes = {path.suffix.lower().removeprefix(".") for path in paths}
    formats = {SUFFIX_FORMATS.get(suffix, suffix) for suffix in suffixes}
    return tuple(sorted({EXTRACTORS[f] for f in formats if f in EXTRACTORS}))


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, SourceInfo]:
    """Given a path, return its bytes and SourceInfo (format detected from the bytes)."""
    import hashlib

    from parscore.extractors.detect import detect_format
    from parscore.extractors.model import SourceInfo

    name = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(ErrorCode.TOO_LARGE, name, f"{size} bytes > {limits.max_bytes}")
        data = path.read_bytes()
    except IsADirectoryError as err:
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, name, "a directory") from err
    except OSError as err:
        raise InputError(ErrorCode.CORRUPT_FILE, name, f"cannot read: {err.strerror}") from err
    fmt = detect_format(data, name)
    digest = hashlib.sha256(data).hexdigest()
    return data, SourceInfo(path=name, format=fmt, sha256=digest, size=len(data))


def extract(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Given a file, return its Document or raise a typed InputError."""
    from parscore.extractors import header

    data, source = read_source(path, limits)
    module = importlib.import_module(EXTRACTORS[source.format])
    document: Document = module.extract(data, source, limits)
    if not any(block.text.strip() or block.cells for block in document.blocks):
        raise InputError(ErrorCode.EMPTY_DOCUMENT, source.path, "no text was found")
    if source.format not in CONVERTED_BY_RUN:
        document = repair_legacy(document)
    return header.mark_header(with_lookalikes_replaced(document))


def repair_legacy(document: Document) -> Document:
    """Given a document, return it in Unicode when its text is legacy TCVN3/VNI/VIQR.

    Legacy-font text reaches extractors as Latin-1 look-alikes ("Céng hoµ x· héi", from a PDF
    set in .VnTime). The encoding is detected once on the start of the document's text, where
    the evidence of the whole file would only cost more, and every block is converted.
    """
    import dataclasses

    from parscore.normalizers import legacy

    encoding = legacy.detect(text_sample(document, legacy.SAMPLE_CHARS))
    if encoding is None:
        return document
    blocks = tuple(
        _converted(block, lambda text: legacy.to_unicode(text, encoding))
        for block in document.blocks
    )
    note = f"text converted from the legacy {encoding} encoding"
    return dataclasses.replace(document, blocks=blocks, warnings=(*document.warnings, note))


def with_lookalikes_replaced(document: Document) -> Document:
    """Given a document in Unicode, return it with Latin look-alikes of Vietnamese letters
    replaced ("QÐ-UBND" typed with an eth: ``legacy.lookalikes_to_vietnamese``)."""
    import dataclasses

    from parscore.normalizers import legacy

    if not any(legacy.lookalikes_to_vietnamese(t) != t for t in _texts(document)):
        return document
    blocks = tuple(_converted(b, legacy.lookalikes_to_vietnamese) for b in document.blocks)
    return dataclasses.replace(document, blocks=blocks)


def _texts(document: Document) -> Iterator[str]:
    """Given a document, yield its block and cell texts."""
    for block in document.blocks:
        yield block.text
        yield from (cell.text for cell in block.cells)


def text_sample(document: Document, size: int) -> str:
    """Given a document, return the first `size` characters of its block and cell text."""
    parts: list[str] = []
    total = 0
    for block in document.blocks:
        for text in (block.text, *(cell.text for cell in block.cells)):
            parts.append(text)
            total += len(text)
        if total >= size:
            break
    return "\n".join(parts)[:size]


def _converted(block: Block, convert: Callable[[str], str]) -> Block:
    """Given a block and a text conversion, return the block with its text and cells converted."""
    import dataclasses

    cells = tuple(dataclasses.replace(c, text=convert(c.text)) for c in block.cells)
    return dataclasses.replace(block, text=convert(block.text), cells=cells)
