"""Numbered sections of the body: achievements, shortcomings and assigned tasks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from extractors.model import BlockKind, Region
from pipeline.parse.lines import Line
from pipeline.parse.roles import plain
from pipeline.parse.signature import opens_signature


class SectionKind(StrEnum):
    ACHIEVEMENT = "achievement"
    SHORTCOMING = "shortcoming"
    TASKS = "tasks"
    OTHER = "other"


#: Heading cues (without tones) per kind, checked in this order.
SECTION_CUES: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (SectionKind.SHORTCOMING, re.compile(r"ton tai|han che|khuyet diem|yeu kem|nguyen nhan")),
    (
        SectionKind.ACHIEVEMENT,
        re.compile(r"ket qua dat duoc|uu diem|mat lam duoc|ket qua noi bat|ket qua thuc hien"),
    ),
    (
        SectionKind.TASKS,
        re.compile(r"nhiem vu|giai phap|de nghi|de xuat|kien nghi|yeu cau|phuong huong"),
    ),
)
#: Lines that close the body besides the recipients and signer: an annex pointer
#: "(Chi tiết tại phụ lục kèm theo)", the archive line "Lưu: VT", the end mark "./.".
END_MARK = re.compile(r"^(?:\(.*\)$|luu:|\./\.$)")
_TOP_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})$")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    kind: SectionKind
    number: str | None
    heading: Line
    lines: tuple[Line, ...]


def split_sections(lines: Sequence[Line]) -> Iterator[Section]:
    """Given body lines, yield each top-level section with the lines under it."""
    starts = list(heading_positions(lines))
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        heading = lines[i]
        yield Section(
            kind=section_kind(heading),
            number=heading.numbering,
            heading=heading,
            lines=tuple(until_end_of_body(lines[i + 1 : end])),
        )


def heading_positions(lines: Sequence[Line]) -> Iterator[int]:
    """Given body lines, yield the indices of top-level headings, numbered in sequence."""
    previous: int | None = None
    for i, line in enumerate(lines):
        if line.region is not Region.BODY:
            continue
        rank = top_rank(line.numbering)
        if rank is None and line.kind is not BlockKind.HEADING:
            continue  # neither numbered nor a heading: no need to read its words
        known = section_kind(line) is not SectionKind.OTHER
        follows = rank is not None and rank == (previous or 0) + 1
        if rank is not None and ((follows and (previous or known)) or (previous is None and known)):
            previous = rank
            yield i
        elif rank is None and known:
            yield i


def top_rank(numbering: str | None) -> int | None:
    """Given a numbering ("3", "II"), return its rank, or None for sub-numbers and letters."""
    if not numbering or not _TOP_NUMBER.match(numbering):
        return None
    return int(numbering) if numbering.isdigit() else ROMAN.get(numbering)


def section_kind(line: Line) -> SectionKind:
    """Given a section heading, return what the section holds."""
    key = plain(line.text)
    return next((kind for kind, rx in SECTION_CUES if rx.search(key)), SectionKind.OTHER)


def until_end_of_body(lines: Sequence[Line]) -> Iterator[Line]:
    """Given a section's lines, yield them up to the annex pointer or signature block."""
    for line in lines:
        if END_MARK.match(plain(line.raw)) or opens_signature(line):
            return
        yield line


def heading_remainder(line: Line) -> str:
    """Given a heading "2. Những tồn tại, hạn chế: text…", return the text after the colon."""
    _, sep, rest = line.text.partition(":")
    return rest.strip() if sep else ""
