"""Numbered sections of the body: achievements, shortcomings and assigned tasks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from parscore.extractors.model import BlockKind, Region
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.signature import opens_signature
from parscore.pipeline.roles import plain


class SectionKind(StrEnum):
    ACHIEVEMENT = "achievement"
    SHORTCOMING = "shortcoming"
    TASKS = "tasks"
    OTHER = "other"


#: Heading cues (without tones) per kind, checked in this order.
SECTION_CUES: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    # a plan's "I. MỤC ĐÍCH, YÊU CẦU" states aims, not tasks ("yêu cầu" there is a noun)
    # so do its aims and principles ("1. Mục tiêu", "2. Nguyên tắc") unless they name duties
    (SectionKind.OTHER, re.compile(r"^muc dich|^(?:muc tieu|nguyen tac)(?!.*(?:nhiem|giai))")),
    (SectionKind.SHORTCOMING, re.compile(r"ton tai|han che|khuyet diem|yeu kem|nguyen nhan")),
    (
        SectionKind.ACHIEVEMENT,
        re.compile(r"ket qua dat duoc|uu diem|mat lam duoc|ket qua noi bat|ket qua thuc hien"),
    ),
    (
        SectionKind.TASKS,
        re.compile(r"nhiem vu|giai phap|de nghi|de xuat|kien nghi|yeu cau|phuong huong|phan cong"),
    ),
)
#: Lines that close the body besides the recipients and signer: an annex pointer
#: "(Chi tiết tại phụ lục kèm theo)", the archive line "Lưu: VT", the end mark "./.".
END_MARK = re.compile(r"^(?:\(.*\)$|luu:|\./\.$)")
MAX_LEAD_IN_WORDS = 40  # a lead-in's last sentence is no longer than this
MAX_HEADING_WORDS = 24  # a numbered heading is no longer than this before its colon
_TOP_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})$")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    kind: SectionKind
    number: str | None
    heading: Line
    lines: tuple[Line, ...]


#: Page furniture (running lines, a web page's sidebar, signature stamps): no section's text.
FURNITURE = (Region.PAGE_HEADER, Region.PAGE_FOOTER)


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
            lines=tuple(until_end_of_body(_text(lines[i + 1 : end]))),
        )


def _text(lines: Sequence[Line]) -> list[Line]:
    """Given a section's lines, return them without page furniture."""
    return [x for x in lines if x.region not in FURNITURE]


def heading_positions(lines: Sequence[Line]) -> Iterator[int]:
    """Given body lines, yield the indices of top-level headings, numbered in sequence.

    Roman numerals outrank digits ("I. ĐÁNH GIÁ CHUNG" over "1. Kết quả đạt được"): digits
    restart under each Roman heading and are sections of their own only under one that says
    nothing itself; under "II. NHIỆM VỤ …" they are its units ("1. Văn phòng Sở").
    """
    state = _Numbering()
    for i, line in enumerate(lines):
        if line.region is not Region.BODY:
            continue
        rank = top_rank(line.numbering)
        if rank is None and not (line.kind is BlockKind.HEADING or is_lead_in(line)):
            continue  # neither numbered nor a heading: no need to read its words
        if rank is not None and too_long(line):
            continue  # a numbered paragraph ("2. Sở Tài chính chủ trì, phối hợp …"), no heading
        if state.accepts(line, rank):
            yield i


def too_long(line: Line) -> bool:
    """Given a numbered line, return whether it is a paragraph rather than a heading: longer
    than a heading, unless it ends with a colon (a lead-in: "3. Để …, yêu cầu các phòng:")
    or what stands before its colon names a kind ("2. Tồn tại: …")."""
    if len(line.text.split()) <= MAX_HEADING_WORDS or line.text.endswith(":"):
        return False
    head, colon, _ = line.text.partition(":")
    key = plain(head)
    short = len(head.split()) <= MAX_HEADING_WORDS
    return not (colon and short and any(rx.search(key) for _, rx in SECTION_CUES))


def is_lead_in(line: Line) -> bool:
    """Given an unnumbered line, return whether it may open a section as its lead-in:
    a sentence ending with a colon ("Giám đốc Sở yêu cầu:", "… hạn chế như sau:")."""
    return line.numbering is None and line.bullet is None and line.text.endswith(":")


def lead_in_kind(line: Line) -> SectionKind:
    """Given a lead-in, return what the list after it holds: the cue nearest its colon in its
    last sentence ("Để khắc phục tồn tại, Giám đốc Sở yêu cầu:" → tasks)."""
    last = re.split(r"[.;]\s+", line.text)[-1]
    if len(last.split()) > MAX_LEAD_IN_WORDS:
        return SectionKind.OTHER
    key = plain(last)
    found = [(m.end(), kind) for kind, rx in SECTION_CUES for m in rx.finditer(key)]
    return max(found)[1] if found else SectionKind.OTHER


@dataclass(slots=True)
class _Numbering:
    """The walk's numbering so far (mutable, local to one walk): the last Roman and digit
    heading ranks, and what the last Roman heading or lead-in holds."""

    roman: int | None = None
    digit: int | None = None
    under: SectionKind | None = None  # the kind of the last Roman heading or lead-in

    def accepts(self, line: Line, rank: int | None) -> bool:
        """Given a heading candidate and its rank, return whether it opens a section."""
        kind = section_kind(line)
        known = kind is not SectionKind.OTHER
        if rank is None:  # a heading in Word's style, or a lead-in: numbered items follow
            if known:
                self.digit, self.under = None, kind
            return known
        if line.numbering and line.numbering.isdigit():
            return self._digit(rank, known, aims=names_aims(line))
        follows = rank == (self.roman or 0) + 1
        if follows and (self.roman or known or rank == 1):
            self.roman, self.digit, self.under = rank, None, kind
            return True
        return False

    def _digit(self, rank: int, known: bool, *, aims: bool = False) -> bool:
        """Given a digit heading's rank and whether its words name a kind (or a plan's aims),
        return if it opens. Under a lead-in, "1. Mục tiêu" opens the body's own sections:
        the lead-in announced them all ("Giám đốc Sở thông báo phân công nhiệm vụ như sau:")."""
        if aims and rank == 1 and self.roman is None and self.digit is None:
            self.under, known = None, True
        if self.under not in (None, SectionKind.OTHER):
            return False  # an item or unit of the Roman section it is under
        follows = rank == (self.digit or 0) + 1
        if (follows and (self.digit or known)) or (self.digit is None and known):
            self.digit = rank
            return True
        return False


def names_aims(line: Line) -> bool:
    """Given a heading, return whether its words name a plan's aims or principles."""
    return bool(SECTION_CUES[0][1].search(plain(line.text)))


def top_rank(numbering: str | None) -> int | None:
    """Given a numbering ("3", "II"), return its rank, or None for sub-numbers and letters."""
    if not numbering or not _TOP_NUMBER.match(numbering):
        return None
    return int(numbering) if numbering.isdigit() else ROMAN.get(numbering)


def section_kind(line: Line) -> SectionKind:
    """Given a section heading (or lead-in), return what the section holds."""
    if is_lead_in(line) and line.kind is not BlockKind.HEADING:
        return lead_in_kind(line)
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
