"""Notice metadata: number and type, issuer, dates, chair, title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from parscore.extractors.header import TITLES
from parscore.extractors.model import BlockKind, Region
from parscore.normalizers.dates import find_dates, first_date
from parscore.normalizers.labels import (
    DOC_NUMBER,
    canonical_unit,
    data_table,
    doc_type,
    format_doc_number,
    unit_level,
)
from parscore.normalizers.people import split_name
from parscore.normalizers.places import province_key, province_name, provinces
from parscore.normalizers.text import bare_key, strip_tones
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Metadata, Person
from parscore.pipeline.parse.header_fields import (
    date_field,
    header_lines,
    issuer_name,
    number_field,
    signed_day,
)
from parscore.pipeline.parse.reported import (
    Reported,
    announcer,
    clause_before,
    is_background,
    national_issuer,
    reported_document,
    text_province,
    title_province,
    with_place,
)
from parscore.pipeline.parse.signature import recipients, signer
from parscore.pipeline.roles import plain

_NOTICE_CUE = re.compile(r"thông báo\s*(?:số\s*)?:?\s*", re.I)
_AGENCY = r"(?:Sở|Bộ|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ban|Hội đồng|Văn phòng|Thanh tra)"
_ISSUED_BY = re.compile(rf"({_AGENCY}(?:\s+[^\W\d_]+){{1,8}}?)\s+(?:đã\s+)?ban hành", re.UNICODE)
_PLACE_DATE = re.compile(r"^([^\W\d][^,\d]{1,40}),\s*ng\wy\b", re.I)
_WORD = r"[^\W\d][^\W\d ]*"
_PROVINCE = re.compile(
    rf"(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|Uỷ ban nhân dân|UỶ BAN NHÂN DÂN)\s+"
    rf"((?:tỉnh|TỈNH|thành phố|THÀNH PHỐ|TP\.?)\s+{_WORD}(?:[ -]+{_WORD}){{0,3}})"
)
_NAME = r"[A-ZĐÀ-Ỹ][^\s,–\-:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,–\-:()]*){1,4}"
_CHAIR = re.compile(
    rf"(?:đồng chí|đ/c|ông|bà)\s+({_NAME})\s*[–\-,(:]\s*(.{{3,80}}?)\s*[,)]?\s*(?:đã\s+)?chủ\s*trì",
    re.IGNORECASE | re.UNICODE,
)
_CHAIR_FIRST = re.compile(
    rf"chủ\s*trì\s*:?\s*(?:đồng chí|đ/c|ông|bà)?\s*({_NAME})\s*[–\-,(]\s*([^.;)]{{3,80}})",
    re.UNICODE,
)
#: A chair named by role, maybe with the name after it and no comma: "Giám đốc Sở Nội vụ
#: chủ trì cuộc họp", "Chủ tịch UBND tỉnh Phú Yên Nguyễn Văn An chủ trì".
_CHAIR_ROLE = re.compile(
    r"((?:Phó\s+)?(?:Giám đốc|Chủ tịch|Bộ trưởng|Thứ trưởng|Chánh Văn phòng|Trưởng ban)"
    r"(?:\s+[^\s,.;:()]+){0,9}?)\s+(?:đã\s+)?chủ\s*trì"
)
#: The words every chair pattern holds.
_CHAIRED = re.compile(r"chủ\s*trì", re.IGNORECASE)
#: The words that say a meeting took place; those of two words are matched with tones set
#: aside (OCR misplaces them: "tố chức"), "họp" as written ("hợp" is another word).
_MEETING = re.compile(r"\b(?:to chuc|cuoc hop|hoi nghi|lam viec)\b", re.IGNORECASE)
_MEETING_WORD = re.compile(r"họp", re.IGNORECASE)
_TITLE_PREFIX = re.compile(
    r"^thông báo\s*(?:số\s*)?(?:\d+\S*\s*)?(?:về việc|v/v)?\s*[:–-]?\s*", re.I
)
_TITLE_DATE = re.compile(r"\s*\(\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*\)\s*$")
NOTHING = Reported()
_SUBJECT = re.compile(r"^\s*(?:V/v|Về việc)\s*:?\s*", re.I)
#: Lines searched for the notice number when no header block states it.
LEAD_LINES = 12  # as many as the reported document is looked for in (reported.LEAD)


def read_metadata(
    lines: Sequence[Line], assessment_year: int | None, subject: str | None = None
) -> Metadata:
    """Given the document's lines (and the headline's subject), return its metadata."""
    reported = reported_document(lines)
    header = header_lines(lines)  # read once: number, issuer and date all come from it
    number = notice_number(lines, reported, header)
    in_header = issuer_name(header)
    own = in_header or body_issuer(lines)
    place = province(lines)  # the notice's field, and the place of a news item's issuer
    issuer = in_header or news_issuer(lines, reported, place) or own_symbol_issuer(number, place)
    return Metadata(
        number=number,
        doc_type=doc_type(number.split("/", 1)[1]) if number else None,
        issuer=issuer,
        issue_date=issue_date(lines, reported, header) or signed_day(lines, header, issuer),
        meeting_date=meeting_date(lines),
        title=title(lines),
        chair=chair(lines),
        signer=signer(lines),
        recipients=recipients(lines),
        assessment_year=assessment_year,
        province=place,
        level=unit_level(subject or own),
    )


def news_issuer(lines: Sequence[Line], reported: Reported, place: str | None) -> str | None:
    """Given an item's lines, what it reports on and its header's province, return the body
    that issued or announced it, its province added when the item writes only "UBND tỉnh"."""
    name = reported.issuer or announcer(lines) or body_issuer(lines)
    place = place or text_province(lines) or title_province(lines)
    named = None if reported.issuer or not name else symbol_issuer(reported.number, place)
    if named and named[0] not in bare_key(canonical_unit(name)):
        return named[1]  # the announcer is no part of the body the document's symbol names
    return with_place(name, place) or national_issuer(lines)


def own_symbol_issuer(number: str | None, place: str | None) -> str | None:
    """Given the notice's number and province, return the body its symbol names, for a
    notice whose issuer is nowhere in text (a header pasted as a picture, only "Số: …" typed:
    "1096/QĐ-UBND" of Cao Bằng → "Ủy ban nhân dân tỉnh Cao Bằng"); None when it names none."""
    named = symbol_issuer(number, place)
    return named[1] if named else None


def symbol_issuer(number: str | None, place: str | None) -> tuple[str, str] | None:
    """Given a reported document's number and the item's province, return the body its
    symbol names as its issuer (decree30.toml symbol_issuers: "812/QĐ-UBND" → the
    province's People's Committee) as (the bare key of its kind, its name with the
    province); None when the symbol names none, or a level the item gives no province for."""
    table: dict[str, str] = data_table("decree30")["symbol_issuers"]
    code = next((c for c in (number or "").rsplit("/", 1)[-1].split("-")[1:] if c in table), None)
    if code is None:
        return None
    name = table[code]
    kind = bare_key(name).removesuffix(" tinh")
    if kind == bare_key(name):
        return kind, name
    level = provinces().get(province_key(place)) if place else None
    if level is None:
        return None
    return kind, f"{name.removesuffix(' tỉnh')} {level[:1].lower()}{level[1:]}"


def notice_number(
    lines: Sequence[Line], reported: Reported = NOTHING, header: Sequence[Line] | None = None
) -> str | None:
    """Given lines (and their header block, when already found), return the notice's own
    number ("568/TB-SXD"), not a cited one: the header's "Số:" line decides when there is
    one, even when it is unreadable."""
    field = number_field(header_lines(lines) if header is None else header)
    if field.found:
        return field.value if isinstance(field.value, str) else None
    return reported.number or cued_number(lines) or lead_number(lines)


def cued_number(lines: Sequence[Line]) -> str | None:
    """Given lines, return the number after "Thông báo số", unless cited as background."""
    for line in lines:
        cue = _NOTICE_CUE.search(line.raw)
        n = DOC_NUMBER.match(line.raw, cue.end()) if cue else None
        if cue and n and not is_background(clause_before(line.raw, cue.start())):
            return format_doc_number(n)
    return None


def lead_number(lines: Sequence[Line]) -> str | None:
    """Given lines, return the first number of the lead that is not cited as background
    ("thực hiện Quyết định số …", "căn cứ …")."""
    for line in lines[:LEAD_LINES]:
        for m in DOC_NUMBER.finditer(line.raw):
            if not is_background(clause_before(line.raw, m.start())):
                return format_doc_number(m)
    return None


def province(lines: Sequence[Line]) -> str | None:
    """Given lines, return the province: the place of the header's date line, or the province
    of its parent body ("UBND TỈNH TÂY NINH"); only a place that is a province or a
    province-level city counts ("Cẩm Mỹ, ngày …" of a district says none)."""
    header = (line.raw for line in lines if line.region is Region.HEADER)
    for place in (m.group(1) for raw in header if (m := _PLACE_DATE.match(raw))):
        if found := province_name(place.strip()):
            return found
    for line in lines[:LEAD_LINES]:
        for m in _PROVINCE.finditer(line.raw):
            if found := leading_province(m.group(1)):
                return found
    return None


def leading_province(words: str) -> str | None:
    """Given a level word and the words after it, return the province its longest opening
    names ("tỉnh Đắk Nông đã có …": Đắk Nông), else None."""
    split = words.split()
    for k in range(len(split), 1, -1):
        if found := province_name(" ".join(split[:k])):
            return found
    return None


def body_issuer(lines: Sequence[Line]) -> str | None:
    """Given lines, return the body that "ban hành" the notice, as the lead states it."""
    for line in lines[:LEAD_LINES]:
        if "ban hành" in line.raw and (m := _ISSUED_BY.search(line.raw)):
            return canonical_unit(m.group(1))
    return None


def issue_date(
    lines: Sequence[Line], reported: Reported = NOTHING, header: Sequence[Line] | None = None
) -> date | None:
    """Given lines (and their header block, when already found), return the issue date:
    header place-date line (which decides when there is one, even when its day is
    unreadable), lead, or title."""
    field = date_field(header_lines(lines) if header is None else header)
    if field.found:
        return field.value if isinstance(field.value, date) else None
    for line in lines:
        if line.region is Region.HEADER and (d := first_date(line.raw)):
            return d
    if reported.issue_date:
        return reported.issue_date
    for line in lines[:LEAD_LINES]:
        if "ban hành" in line.raw.lower() and (d := first_date(line.raw)):
            return d
    return next((d for line in lines[:2] if (d := title_date(line.raw))), None)


def title_date(text: str) -> date | None:
    """Given a title such as "Thông báo … (26/03/2024)", return the date in brackets."""
    m = _TITLE_DATE.search(text)
    return first_date(m.group(0)) if m else None


def meeting_date(lines: Sequence[Line]) -> date | None:
    """Given lines, return the date of the meeting the notice reports on."""
    for line in lines:
        if line.region is Region.HEADER:
            continue
        dates = find_dates(line.raw)  # most lines hold none: asked before "ban hành"
        if not dates or "ban hành" in line.raw.lower():
            continue
        after = line.raw[dates[0].end : dates[0].end + 120]
        if after and (_MEETING.search(strip_tones(after)) or _MEETING_WORD.search(after)):
            return dates[0].value
    return None


def chair(lines: Sequence[Line]) -> Person:
    """Given lines, return who chaired the meeting and in what role (every pattern holds
    "chủ trì": the lines without it are passed over at once)."""
    cued = [line.raw for line in lines if _CHAIRED.search(line.raw)]
    for raw in cued:
        if m := _CHAIR.search(raw) or _CHAIR_FIRST.search(raw):
            return Person(name=m.group(1).strip(), role=clean_role(m.group(2)))
    for raw in cued:
        if m := _CHAIR_ROLE.search(raw):
            role, name = split_name(m.group(1))
            return Person(name=name, role=role)
    return Person()


def clean_role(text: str) -> str:
    """Given the words after a chair's name, return the role without trailing chatter."""
    return re.split(r"\s*[,;(]\s*|\s+(?:đã|làm)\s+", text.strip(" –-,"), maxsplit=1)[0]


def title(lines: Sequence[Line]) -> str | None:
    """Given lines, return the trích yếu (subject line) without "Thông báo" and date."""
    for i, line in enumerate(lines[:-1]):
        if plain(line.raw) in TITLES and line.region is not Region.HEADER:
            return clean_title(lines[i + 1].raw)
    for line in lines[:LEAD_LINES]:
        if line.region is not Region.HEADER and (rest := after_kind(line.raw)):
            return clean_title(rest)
    if subject := letter_subject(lines):
        return subject
    first = next((ln for ln in lines if ln.kind is BlockKind.HEADING), None)
    first = first or next((ln for ln in lines[:1] if plain(ln.raw).startswith("thong bao")), None)
    return clean_title(first.raw) if first else None


def after_kind(raw: str) -> str | None:
    """Given a line, return what follows the kind of document written in capitals on the
    same line ("THÔNG BÁO Kết quả họp …": a title and its trích yếu joined by a line break
    read as a space), or None."""
    words = raw.split()
    for k in range(1, min(4, len(words))):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if head.isupper() and plain(head) in TITLES and not rest.isupper():
            return rest
    return None


def letter_subject(lines: Sequence[Line]) -> str | None:
    """Given lines, return a letter's (công văn's) subject: the "V/v …" lines of its header."""
    header = [ln.raw for ln in lines if ln.region is Region.HEADER]
    start = next((i for i, raw in enumerate(header) if _SUBJECT.match(raw)), None)
    if start is None:
        return None
    parts = [_SUBJECT.sub("", header[start])]
    for raw in header[start + 1 :]:
        if raw.isupper() or _PLACE_DATE.match(raw):
            break
        parts.append(raw)
    return clean_title(" ".join(parts))


def clean_title(text: str) -> str:
    """Given a title line, return it without the "Thông báo" lead-in and a trailing date."""
    text = _TITLE_DATE.sub("", _TITLE_PREFIX.sub("", text.strip()))
    return text[:1].upper() + text[1:] if text else text
