"""Extractors: one module per format, registered in one explicit mapping.

Each module exposes ``extract(data: bytes, source: SourceInfo, limits: Limits) -> Document``.
Modules are imported on first use so that reading one HTML file never loads the PDF stack.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from extractors.detect import detect_format
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.model import Document, SourceInfo
from pipeline.errors import ErrorCode, InputError

EXTRACTORS: dict[str, str] = {
    "html": "extractors.html",
    "txt": "extractors.text",
    "docx": "extractors.docx",
    "pdf": "extractors.pdf",
}


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, SourceInfo]:
    """Given a path, return its bytes and SourceInfo (format detected from the bytes)."""
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
    data, source = read_source(path, limits)
    module = importlib.import_module(EXTRACTORS[source.format])
    document: Document = module.extract(data, source, limits)
    if not any(block.text.strip() or block.cells for block in document.blocks):
        raise InputError(ErrorCode.EMPTY_DOCUMENT, source.path, "no text was found")
    return document
