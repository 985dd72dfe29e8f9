"""One catalogue of coded errors: every failure a file can meet, with what to do next.

Exceptions are only for a file that cannot be processed at all; everything a
parsed notice gets wrong is a validation finding (see ``pipeline.validate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: The command line's exit codes (README "Exit codes").
EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_FAILED, EXIT_OUTPUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a Unix tool exits with on Ctrl-C
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what a Unix tool exits with when its reader goes away


class ErrorCode(StrEnum):
    """Stable codes of DESIGN.md; they appear in the manifest and on stderr."""

    UNSUPPORTED_FORMAT = "unsupported-format"
    CORRUPT_FILE = "corrupt-file"
    ENCRYPTED_PDF = "encrypted-pdf"
    EMPTY_DOCUMENT = "empty-document"
    NO_TEXT_LAYER = "no-text-layer"
    OCR_UNAVAILABLE = "ocr-unavailable"
    TOO_LARGE = "too-large"
    ZIP_BOMB = "zip-bomb"
    OLE_BOMB = "ole-bomb"
    ENCRYPTED_DOCUMENT = "encrypted-document"
    TIMEOUT = "timeout"
    WORKER_CRASHED = "worker-crashed"
    ENCODING_UNDETECTABLE = "encoding-undetectable"
    NOT_A_NOTICE = "not-a-notice"


@dataclass(frozen=True, slots=True)
class _Entry:
    summary: str
    advice: str


CATALOGUE: dict[ErrorCode, _Entry] = {
    ErrorCode.UNSUPPORTED_FORMAT: _Entry(
        "is not a format parscore reads",
        "save it as a format parscore reads (HTML, DOCX, DOC, ODT, RTF, XLSX, ODS, XLS, PPT, PDF, "
        "JPEG/PNG/TIFF or UTF-8 text); a Word 6/95 file: libreoffice --headless --convert-to "
        "docx FILE, a presentation: libreoffice --headless --convert-to pdf FILE",
    ),
    ErrorCode.CORRUPT_FILE: _Entry(
        "is damaged or truncated",
        "download it again or open and re-save it in an office suite",
    ),
    ErrorCode.ENCRYPTED_PDF: _Entry(
        "is an encrypted PDF",
        "remove the password (qpdf --decrypt IN OUT) and run again",
    ),
    ErrorCode.EMPTY_DOCUMENT: _Entry(
        "holds no text",
        "check that the file is the notice and not a blank page or a placeholder",
    ),
    ErrorCode.NO_TEXT_LAYER: _Entry(
        "has pages without a text layer and OCR is switched off",
        "run without --no-ocr so that scanned pages are read by Tesseract",
    ),
    ErrorCode.OCR_UNAVAILABLE: _Entry(
        "is a scanned PDF or image and Tesseract (with the Vietnamese model) is not installed",
        "apt-get install tesseract-ocr tesseract-ocr-vie",
    ),
    ErrorCode.TOO_LARGE: _Entry(
        "exceeds a size limit",
        "split the file, or raise the limit in the settings if the file is genuine",
    ),
    ErrorCode.ZIP_BOMB: _Entry(
        "inflates far beyond its size (a zip bomb or a damaged archive)",
        "do not open it; ask the publisher for a clean copy",
    ),
    ErrorCode.OLE_BOMB: _Entry(
        "is an Office 97–2003 file whose sectors loop or claim far more data than the file "
        "holds (an OLE bomb or a badly damaged .doc/.xls/.ppt)",
        "do not open it; ask the publisher for a clean copy, or one saved as .docx/.xlsx/.pdf",
    ),
    ErrorCode.ENCRYPTED_DOCUMENT: _Entry(
        "is a password-protected (encrypted) Office 97–2003 file",
        "open it with its password in an office suite, remove the password (Tools › Options › "
        "Security) and save it again, or ask the publisher for an unprotected copy",
    ),
    ErrorCode.TIMEOUT: _Entry(
        "took longer than the per-file time limit",
        "raise --timeout, or check the file for thousands of blank pages",
    ),
    ErrorCode.WORKER_CRASHED: _Entry(
        "made its worker process crash",
        "run `parscore parse FILE --debug` on it alone and report the traceback",
    ),
    ErrorCode.ENCODING_UNDETECTABLE: _Entry(
        "uses a character encoding parscore cannot identify",
        "re-save it as UTF-8 (or name the encoding in a <meta charset>)",
    ),
    ErrorCode.NOT_A_NOTICE: _Entry(
        "shows no sign of administrative reform (PAR Index, CCHC) nor of an administrative "
        "document (header, number, issuer, tasks)",
        "nothing to do if it is not a notice; if it is one, report the file so the vocabulary "
        "in pipeline/data/relevance.toml can learn its words",
    ),
}
#: Codes that account for an input the run leaves out on purpose (manifest status "ignored").
IGNORED_CODES = frozenset({ErrorCode.NOT_A_NOTICE})


class ParscoreError(Exception):
    """Base of every error parscore raises on purpose."""


class InputError(ParscoreError):
    """A file that cannot be processed; carries its code, the file and a detail."""

    def __init__(self, code: ErrorCode, path: str, detail: str = "") -> None:
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Given the code, return one line: file, what is wrong, what to do."""
        entry = CATALOGUE[self.code]
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.path}: {entry.summary}{detail}; {entry.advice} [{self.code}]"


class UsageError(ParscoreError):
    """A bad command line or settings value (exit code 2)."""


class WorkerStartError(ParscoreError):
    """A worker process could not be started, or died before it was ready (exit code 3)."""

    def __init__(self, executable: str, detail: str) -> None:
        self.executable = executable
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Return one line: which program, what went wrong, what to do."""
        return (
            f"a parscore worker could not start ({self.executable}: {self.detail}); check that "
            "this Python runs and that the machine has free memory and processes, then run "
            "the same command again (files already read are kept in the output's store)"
        )


class OutputError(ParscoreError):
    """The output cannot be written: not a folder, no permission, disk full (exit code 4)."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Return one line: where, what is wrong, what to do."""
        return (
            f"cannot write {self.path} ({self.detail}); choose a writable folder with free "
            "space for --out (or free some), then run the same command again"
        )

    @classmethod
    def from_os(cls, path: str, err: OSError) -> OutputError:
        """Given the output's path and an OS error, return the error naming both."""
        where = err.filename if isinstance(err.filename, str) else path
        return cls(where, err.strerror or type(err).__name__)
