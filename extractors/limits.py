"""Limits every extractor honours, validated once at the edge."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Caps that keep one hostile or broken file from hurting the batch."""

    max_bytes: int = 200 * MIB  # a file larger than this fails with too-large
    max_inflated: int = 300 * MIB  # total uncompressed size of a DOCX's parts
    max_ratio: int = 200  # uncompressed / compressed size of one zip member
    max_pages: int = 500  # pages read from one PDF
    max_html_nodes: int = 250_000  # elements of one web page (a long portal page has ~5,000)
    max_page_objects: int = 200_000  # drawing objects of one PDF page, forms' included
    max_page_pixels: int = 150_000_000  # pixels of one page image for OCR (A0 at 300 dpi: 139 M)
    max_ole_streams: int = 10_000  # directory entries of one OLE (.doc/.xls/.ppt) file
    max_doc_chars: int = 20_000_000  # characters of one Word 97–2003 document's text
    max_rtf_depth: int = 1_000  # groups ({…}) nested in one RTF file (real files: under 10)
    timeout: float = 300.0  # seconds for one file (enforced by the batch workers)
    ocr: bool = True  # read pages without a text layer with Tesseract
    ocr_dpi: int = 300
    ocr_lang: str = "vie"

    def __post_init__(self) -> None:
        names = (
            "max_bytes",
            "max_inflated",
            "max_ratio",
            "max_pages",
            "max_html_nodes",
            "max_page_objects",
            "max_page_pixels",
            "max_ole_streams",
            "max_doc_chars",
            "max_rtf_depth",
            "ocr_dpi",
        )
        for name in names:
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive, got {getattr(self, name)!r}")
        if self.timeout <= 0:
            raise ValueError(f"Limits.timeout must be positive, got {self.timeout!r}")


DEFAULT_LIMITS = Limits()
