"""One file through the whole pipeline: extract → parse → validate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parscore.extractors import extract
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits
from parscore.extractors.records import replace
from parscore.normalizers.doccache import clear_document_caches
from parscore.pipeline.model import Notice
from parscore.pipeline.parse import parse
from parscore.pipeline.relevance import is_notice
from parscore.pipeline.serialize import notice_to_dict
from parscore.pipeline.validate import Ladder, expected_grade, validate


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    notice: Notice
    expected_grade: str | None

    def to_dict(self) -> dict[str, Any]:
        """Given a result, return the JSON object of ``parscore parse --json``."""
        return notice_to_dict(self.notice, expected_grade=self.expected_grade)


def process_file(
    path: Path, *, limits: Limits = DEFAULT_LIMITS, ladder: Ladder | None = None
) -> Result:
    """Given a file, return its validated notice; raise InputError when it cannot be read,
    and with code not-a-notice when it is no document parscore reads."""
    clear_document_caches()  # a new document: the sentence caches hold this one's repeats only
    try:
        document = extract(path, limits)
        notice = parse(document)
    except MemoryError as err:
        raise InputError(ErrorCode.TOO_LARGE, str(path), "ran out of memory reading it") from err
    if not is_notice(document, notice):
        raise InputError(ErrorCode.NOT_A_NOTICE, str(path))
    checks = validate(notice, ladder=ladder)
    return Result(
        notice=replace(notice, validation=checks),
        expected_grade=expected_grade(notice, ladder=ladder),
    )
