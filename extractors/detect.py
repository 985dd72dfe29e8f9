"""Tell a file's format from its bytes, not its name."""

from __future__ import annotations

import io
import re
import zipfile

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS
from parscore.extractors.ole import OleFile

_HTML_HINT = re.compile(rb"<(!doctype\s+html|html|head|body|meta|table|div|p)[\s>/]", re.I)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Root streams of the Office 97–2003 formats, in the order they are looked for.
_OLE_STREAMS = (
    ("WordDocument", "doc"),
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("PowerPoint Document", "ppt"),
)
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
#: Image formats by their first bytes; the key is the format name the registry knows.
_IMAGES: dict[str, tuple[bytes, ...]] = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "tiff": (b"II*\x00", b"MM\x00*"),
}


def detect_format(data: bytes, path: str) -> str:
    """Given a file's bytes, return its format name or raise a typed InputError."""
    if not data.strip():
        raise InputError(ErrorCode.EMPTY_DOCUMENT, path, "the file is empty")
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    image = image_format(data)
    if image is not None:
        return image
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, path)
    if data.startswith(_OLE):
        return _ole_format(data, path)
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return _text_format(data, path)


def image_format(data: bytes) -> str | None:
    """Given a file's bytes, return "png", "jpeg" or "tiff" when they start as one, else None."""
    for name, magics in _IMAGES.items():
        if data.startswith(magics):
            return name
    return None


def _zip_format(data: bytes, path: str) -> str:
    """Given zip bytes, return "docx", "xlsx", "ods" or "odt" by the parts it holds, else
    raise."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken zip: {err}") from err
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and _ODS_MIME in data[:200]:
        return "ods"
    if "content.xml" in names and _ODT_MIME in data[:200]:
        return "odt"
    raise InputError(
        ErrorCode.UNSUPPORTED_FORMAT,
        path,
        "a zip archive that is not a Word or OpenDocument text, an Excel workbook nor an ODS "
        "spreadsheet",
    )


def _ole_format(data: bytes, path: str) -> str:
    """Given OLE compound-file bytes, return "xls", "doc" or "ppt", else raise.

    The main stream at the root of the file tells: "Workbook" (Excel 97+) or "Book" (Excel 5),
    "WordDocument", "PowerPoint Document". Only the root counts: a Word file that embeds a
    spreadsheet holds a "Workbook" stream too, deeper in its ObjectPool.
    """
    ole = OleFile(data, path, DEFAULT_LIMITS)
    for stream, fmt in _OLE_STREAMS:
        if ole.exists(stream):
            return fmt
    raise InputError(
        ErrorCode.UNSUPPORTED_FORMAT,
        path,
        "an Office 97–2003 file that is not a Word, Excel nor PowerPoint document",
    )


def _text_format(data: bytes, path: str) -> str:
    """Given non-binary bytes, return "html" or "txt"; raise on binary data."""
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(ErrorCode.UNSUPPORTED_FORMAT, path, "binary data of an unknown kind")
    if _HTML_HINT.search(head.replace(b"\x00", b"")):
        return "html"
    return "txt"
