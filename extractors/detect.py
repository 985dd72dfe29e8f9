"""Tell a file's format from its bytes, not its name."""

from __future__ import annotations

import io
import re
import zipfile

from parscore.extractors.errors import ErrorCode, InputError

_HTML_HINT = re.compile(rb"<(!doctype\s+html|html|head|body|meta|table|div|p)[\s>/]", re.I)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(data: bytes, path: str) -> str:
    """Given a file's bytes, return its format name or raise a typed InputError."""
    if not data.strip():
        raise InputError(ErrorCode.EMPTY_DOCUMENT, path, "the file is empty")
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, path)
    if data.startswith(_OLE):
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, path, "legacy Word/Excel (OLE) file")
    if data.startswith(b"{\\rtf"):
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, path, "RTF file")
    return _text_format(data, path)


def _zip_format(data: bytes, path: str) -> str:
    """Given zip bytes, return "docx" when it is a Word document, else raise."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken zip: {err}") from err
    if "word/document.xml" in names:
        return "docx"
    raise InputError(
        ErrorCode.UNSUPPORTED_FORMAT, path, "a zip archive that is not a Word document"
    )


def _text_format(data: bytes, path: str) -> str:
    """Given non-binary bytes, return "html" or "txt"; raise on binary data."""
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, path, "binary data of an unknown kind")
    if _HTML_HINT.search(head.replace(b"\x00", b"")):
        return "html"
    return "txt"
