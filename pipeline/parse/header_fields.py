"""The fields of a Decree 30 header block: the issuing body, "Số: …" and the place-date line.

    ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH QUẢNG NGÃI                  Độc lập - Tự do - Hạnh phúc
    Số: 11 /TB-UBND              Quảng Ngãi, ngày 08 tháng 01 năm 2025

The number and the day are often filled in by hand or by the signing software, so a scan's
OCR may mangle them ("Số: 6§0 /TB-UBND", "ngày 3| tháng 12"). A field whose line is there but
whose value does not have the shape of a number or a day gives nothing: a cited document's
number or date further down is never taken instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import takewhile

from parscore.extractors.model import Region
from parscore.normalizers.dates import make_date
from parscore.normalizers.labels import DOC_NUMBER, canonical_unit, data_table, format_doc_number
from parscore.normalizers.text import bare_key
from parscore.pipeline.lines import Line

#: "Số:" opening the number line (OCR may read the ố as ô, o or 6).
_NUMBER_LINE = re.compile(r"^\s*S[ốôoồổ6]\s*(?:[:.;]\s*|(?=\d))", re.I)
#: The number with its slash lost by OCR ("Số: 05CT-UBND", "Số: 05 |CT-UBND"): the symbol
#: must then carry a dash, so that only a ký hiệu is read.
_LOST_SLASH = re.compile(
    r"\s*(\d{1,6}(?:/\d{4})?)\s*[|\\lI]?\s*"
    r"([A-ZĐ][A-Za-zĐđ0-9]*(?:\s?[-–]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)+)"
)
#: The rest of a symbol carried onto a line of its own ("CĐBHXH", "UBND-KT"), and how many
#: header lines after the number line may hold it.
_SYMBOL_TAIL = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9&]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9&]*)*")
SYMBOL_REACH = 3
#: The place-date line: "Quảng Ngãi, ngày 08 tháng 01 năm 2025" (day as written, maybe noise:
#: a zero read as the letter O, "ngày O5", "năm 2O24"; a day's two digits split, "ngày 1 5").
_PLACE_DATE = re.compile(
    r"(?:^|\s)[^\W\d_][^,\d]{1,40},\s*n?g\w{1,2}y\s*(?P<day>\d\s\d|[^\s]*?)\s*"
    r"th\w{1,2}ng\s*(?P<month>[\dO]{1,2})\s*n\w{1,2}m\s*(?P<year>[12][\dO]{3})",
    re.I,
)
#: The place-date line with its place (and "ngày") blotted out, by a pen stroke or a stamp,
#: alone on its header line: "11 tháng 3 năm 2025".
_BARE_DATE = re.compile(
    r"^\W*(?:ng\w{1,2}y\s*)?(?P<day>\d{1,2})\s*th\w{1,2}ng\s*(?P<month>[\dO]{1,2})\s*"
    r"n\w{1,2}m\s*(?P<year>[12][\dO]{3})\W*$",
    re.I,
)
#: OCR's letter O for a zero inside a number of the place-date line.
_ZERO = str.maketrans("Oo", "00")
_DAY = re.compile(r"\d{1,2}")
#: A day the OCR could not read for sure, with the digits it made out ("?5").
_DAY_CLUE = re.compile(r"\?(\d{1,2})")
#: A digital-signature stamp: who signed and when ("Ký bởi: Ủy ban nhân dân tỉnh X
#: Cơ quan: Tỉnh X Thời gian ký: 15/01/2025 17:10:17").
_SIGNED = re.compile(
    r"K[ýy]\s+b[ởo]i\s*:\s*(?P<who>.+?)\s+(?:C[ơo]\s+quan\s*:.*?\s+)?"
    r"Th[ờo]i\s+gian\s+k[ýy]\s*:\s*(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})",
    re.I,
)
#: Without a marked header block, the leading lines this short (at most HEADER_LEAD of them)
#: may hold its fields; a longer line is prose.
SHORT_LINE = 160
MAX_SWAPS = 2  # letters of a number's kind code that mended_symbol may swap
HEADER_LEAD = 24
_UPPER_WORD = re.compile(r"[^\W\d_]")
#: Where one header line holds several (a Word cell's lines joined by its line breaks):
#: at a rule of dashes or underscores, and before the number's label.
_PIECE_BREAK = re.compile(r"\s*[—–\-_=]{3,}\s*|\s+(?=S[ốô]\s*[:.]\s*\d)")


@dataclass(frozen=True, slots=True)
class Field:
    """A header field: whether its line was found, and its value when it reads cleanly."""

    found: bool
    value: str | date | None = None


#: Header lines whose motto-free form is kept (each is asked for several times per notice).
LINE_CACHE = 4096


def header_lines(lines: Sequence[Line]) -> list[Line]:
    """Given the document's lines, return those of its header block: the marked ones, or
    else the leading short lines (an OCR'd or serialised header the layout did not mark)
    when one of them is a Decree 30 mark."""
    marked = [ln for ln in lines if ln.region is Region.HEADER]
    if marked:
        return marked
    lead = list(takewhile(lambda ln: len(ln.raw) <= SHORT_LINE, lines[:HEADER_LEAD]))
    return lead if any(_is_mark(ln.raw) for ln in lead) else []


def _is_mark(text: str) -> bool:
    """Given a line, return whether it is a Decree 30 mark: the motto or the number line (a
    news page's "Thứ Hai, ngày 15 tháng 4 năm 2024" is not a header's date without one)."""
    return bool(_NUMBER_LINE.match(text)) or without_motto(text) != " ".join(text.split())


def number_field(lines: Sequence[Line]) -> Field:
    """Given the header's lines, return the document's number from its "Số:" line (wrapped
    onto the next line when the value is not on its own); a line whose number is unreadable
    ("Số: 6§0 /TB-UBND") is found with no value."""
    raws = [ln.raw for ln in lines]
    for i, raw in enumerate(raws):
        if opening := _NUMBER_LINE.match(raw):
            if not raw[opening.end() :].strip():  # the value wrapped onto the next line
                text = " ".join(raws[i : i + 2])
                opening = _NUMBER_LINE.match(text) or opening
            else:
                text = _symbol_carried_on(raw, raws[i + 1 : i + 1 + SYMBOL_REACH])
            m = DOC_NUMBER.match(text, opening.end()) or _LOST_SLASH.match(text, opening.end())
            return Field(True, mended_symbol(format_doc_number(m))
                         if m and _good_number(m.group(1)) else None)
    return Field(False)


def _symbol_carried_on(raw: str, after: Sequence[str]) -> str:
    """Given a number line and the header lines after it, return the line with its symbol
    whole: a symbol broken at a dash in a narrow column ("Số: 1876/BHXH-" over "CĐBHXH")
    goes on with the first of the next lines that is one code word (the motto's rule or
    words of the column beside it come between)."""
    if not raw.rstrip().endswith(("-", "–")):
        return raw
    for line in after:
        if _SYMBOL_TAIL.fullmatch(line.strip()):
            return raw.rstrip() + line.strip()
    return raw


def mended_symbol(number: str) -> str:
    """Given a number as read ("57/TIr-UBND"), return it with the kind code that opens its
    ký hiệu mended when OCR misread one of its letters ("57/TTr-UBND"): a code that is no
    kind of document is made the only kind the swaps of ocr.toml's ``symbol_swaps`` (at most
    ``MAX_SWAPS`` letters) make of it; with none or several, the number stays as read."""
    digits, _, symbol = number.rpartition("/")
    head, dash, rest = symbol.partition("-")
    kinds = _kinds()
    if not head or head.upper() in kinds:
        return number
    found = {kinds[c.upper()] for c in _swapped(head, MAX_SWAPS) if c.upper() in kinds}
    return f"{digits}/{found.pop()}{dash}{rest}" if len(found) == 1 else number


def _swapped(code: str, budget: int) -> set[str]:
    """Given a code and how many letters may be swapped, return the codes the swaps make."""
    swaps: dict[str, str] = data_table("ocr")["symbol_swaps"]
    out = {code}
    for _ in range(budget):
        out |= {c[:i] + new + c[i + 1 :] for c in out for i, ch in enumerate(c)
                for new in swaps.get(ch, "")}
    return out - {code}


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Given nothing, return each kind of document's code in capitals → as written."""
    return {code.upper(): code for code in data_table("indices")["doc_types"]["codes"]}


def _good_number(number: str) -> bool:
    """Given the digits of a number ("11", "19/2019"), return whether they can be a number."""
    return int(number.split("/", 1)[0]) > 0


def date_field(lines: Sequence[Line]) -> Field:
    """Given the header's lines, return the issue date from its place-date line (which may
    wrap: "Quảng Ngãi, ngày" / "08 tháng 01 năm 2025"); a line whose day is unreadable or
    missing ("ngày 3| tháng 12 năm 2024") is found with no value."""
    m = _PLACE_DATE.search(" ".join(ln.raw for ln in lines))
    if m is None:
        m = next(filter(None, (_BARE_DATE.match(ln.raw) for ln in lines)), None)
    if m is None:
        return Field(False)
    day = _digits(m.group("day"))
    if _DAY.fullmatch(day) is None:
        return Field(True)
    return Field(True, make_date(int(day), int(_digits(m["month"])), int(_digits(m["year"]))))


def _digits(text: str) -> str:
    """Given a number of the place-date line as read ("O5", "1 5", "2O24"), return its digits
    ("05", "15", "2024"); other noise is kept, so that an unreadable day stays unreadable."""
    return text.translate(_ZERO).replace(" ", "")


def signed_day(lines: Sequence[Line], header: Sequence[Line], issuer: str | None) -> date | None:
    """Given the lines, the header's and the issuer, return the issue date when the header's
    day is hand-written and unreadable but two witnesses agree on it: the issuer's own
    digital signature ("Ký bởi: <issuer> … Thời gian ký: 15/01/2025") dated in the printed
    month and year, and the digits the OCR made out of the day ("?5") found in the signed
    day. One witness alone is not enough (a notice is often signed days after its date)."""
    m = _PLACE_DATE.search(" ".join(ln.raw for ln in header))
    clue = _DAY_CLUE.fullmatch(m.group("day")) if m else None
    if m is None or clue is None or not issuer:
        return None
    found = set()
    for line in lines:
        if line.region is not Region.PAGE_FOOTER:
            continue
        for s in _SIGNED.finditer(line.raw):
            printed = (int(_digits(m["month"])), int(_digits(m["year"])))
            same_month = (int(s["month"]), int(s["year"])) == printed
            day = int(s["day"])
            if (same_month and _same_body(s["who"], issuer)
                    and clue.group(1) in f"{day:02d}"):
                found.add(make_date(day, int(s["month"]), int(s["year"])))
    return found.pop() if len(found) == 1 else None


def _same_body(name: str, issuer: str) -> bool:
    """Given a signer's name in a stamp and the issuer, return whether they are one body."""
    a, b = bare_key(canonical_unit(name)), bare_key(canonical_unit(issuer))
    return bool(a) and (a == b or a in b or b in a)


def issuer_name(lines: Sequence[Line]) -> str | None:
    """Given the header's lines, return the issuing body as a whole name: the last line that
    opens a body's name ("SỞ NỘI VỤ" under "UBND TỈNH ĐỒNG NAI") with the lines that wrap it
    ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI" → "Ủy ban nhân dân tỉnh Quảng Ngãi"), read up to
    the number line (a body named under the title is not the issuer)."""
    names: list[list[str]] = []
    for text in (p for ln in lines for p in _pieces(without_motto(ln.raw))):
        text = _written_out(text.strip(" -_=*|"))
        if _NUMBER_LINE.match(text):
            break
        if not _is_capitals(text):
            continue
        if _opens_issuer(text):
            names.append([text])
        elif names and _continues_issuer(text, " ".join(names[-1])):
            names[-1].append(text)
    return _whole_issuer([_spelled(" ".join(n)) for n in names])


def _written_out(text: str) -> str:
    """Given a header line in capitals, return it with an abbreviated head written out as a
    careful reader writes it ("BHXH TỈNH ĐẮK LẮK" → "BẢO HIỂM XÃ HỘI TỈNH ĐẮK LẮK")."""
    head, _, rest = text.partition(" ")
    full = data_table("decree30")["issuer_abbreviations"].get(bare_key(head))
    return f"{full} {rest}".strip() if full and text.isupper() else text


def _pieces(text: str) -> list[str]:
    """Given a header line, return the lines it holds: split at a rule and before "Số:",
    and a line in capitals split where a body's name opens after a whole parent's name
    ("UBND TỈNH BÌNH PHƯỚC SỞ CÔNG THƯƠNG" → the parent and the body)."""
    out: list[str] = []
    for piece in _PIECE_BREAK.split(text):
        if not piece.strip():
            continue
        words = piece.split()
        start = 0
        for j in range(2, len(words)):
            parent = " ".join(words[start:j])
            if (_is_capitals(piece) and _opens_issuer(parent) and _has_place(parent)
                    and _opens_issuer(" ".join(words[j:]))):
                out.append(parent)
                start = j
        out.append(" ".join(words[start:]))
    return out


def _has_place(name: str) -> bool:
    """Given a body's name, return whether it names its place after a continuation word
    ("… TỈNH BÌNH PHƯỚC"): a whole parent's name, after which a new name may open."""
    words = bare_key(name).split()
    heads = data_table("decree30")["issuer_continuations"]
    return any(" ".join(words[i : i + len(h.split())]) == h and i + len(h.split()) < len(words)
               for i in range(1, len(words)) for h in heads)


def _whole_issuer(names: list[str]) -> str | None:
    """Given the names opened in the header, return the issuer's: the last, or the last "of"
    the one above when it names only a kind of body ("Văn phòng" under "UBND tỉnh X")."""
    if not names:
        return None
    bare = data_table("decree30")["issuers_of_parent"]
    if len(names) > 1 and bare_key(names[-1]) in bare:
        return f"{names[-1]} {names[-2]}"
    if len(names) > 1 and bare_key(names[-2]) in bare:  # the parent below its council
        return f"{names[-2]} {names[-1]}"
    return names[-1]


@lru_cache(maxsize=LINE_CACHE)
def without_motto(text: str) -> str:
    """Given a header line, return it without the national motto's words run into it (the
    dashes between them, of any kind, go with them); a motto whose last word wrapped onto
    the next line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM") goes too."""
    words = text.split()
    for whole in data_table("decree30")["motto"]:
        for motto in (whole, whole[:-1]):
            wordy = [(i, bare_key(w).strip("-–—")) for i, w in enumerate(words)]
            wordy = [(i, k) for i, k in wordy if k]
            keys = [k for _, k in wordy]
            found = next((j for j in range(len(keys) - len(motto) + 1)
                          if keys[j : j + len(motto)] == motto), None)
            if found is not None:
                end = found + len(motto)
                if motto is not whole and end < len(keys) and _misread(keys[end], whole[-1]):
                    end += 1  # the last word there but misread ("VIỆT NAI")
                del words[wordy[found][0] : wordy[end - 1][0] + 1]
                break
    return " ".join(words)


def _misread(key: str, word: str) -> bool:
    """Given a bare word as read and the word it should be, return whether it may be that
    word misread: the same first letter, a length at most one letter off."""
    return key[:1] == word[:1] and abs(len(key) - len(word)) <= 1


def _is_capitals(text: str) -> bool:
    """Given a line, return whether it is written in capitals (a header name line)."""
    return bool(_UPPER_WORD.search(text)) and text.isupper()


def _starts_with(key: str, heads: Sequence[str]) -> bool:
    """Given a bare key and word sequences, return whether the key opens with one of them."""
    return any(key == h or key.startswith(h + " ") for h in heads)


def _opens_issuer(text: str) -> bool:
    """Given a line in capitals, return whether it opens the name of an issuing body."""
    key = bare_key(text)
    motto = key.startswith(("cong hoa", "doc lap"))
    return not motto and _starts_with(key, data_table("decree30")["issuer_heads"])


def _continues_issuer(text: str, name: str) -> bool:
    """Given a line in capitals and the name opened above it, return whether the line wraps
    that name: it opens with a continuation ("TỈNH QUẢNG NGÃI"), or makes one with the name's
    last word ("VIỆN KIỂM SÁT NHÂN" / "DÂN TỐI CAO"), or a joiner links the two ("BỘ VĂN HÓA,
    THỂ THAO" / "VÀ DU LỊCH"), or the name is a known ministry's or department's name cut
    short ("BỘ NÔNG NGHIỆP VÀ PHÁT" / "TRIỂN" / "NÔNG THÔN")."""
    table = data_table("decree30")
    key, above = bare_key(text), _words(name)
    if _starts_with(key, table["issuer_continuations"]) or (
            above and _starts_with(f"{above[-1]} {key}", table["issuer_continuations"])):
        return True
    if _completes_place(name, key):
        return True
    joiners = table["issuer_joiners"]
    if _starts_with(key, joiners) or name.rstrip().endswith(","):
        return True
    if above and above[-1] in joiners:
        return True
    return _cut_agency(above, _words(text))


def _place_part(name: str) -> str | None:
    """Given a name, return the bare words of its place after its level word ("" when the
    level word ends it), or None without a level word."""
    keys = [bare_key(w).strip(",;") for w in name.split()]
    place, levels = _place_words(keys, 1, data_table("decree30")["issuer_spelling"])
    return " ".join(keys[i] for i in sorted(place)) if levels else None


def _completes_place(name: str, key: str) -> bool:
    """Given a name and the bare key of the next line, return whether the line finishes the
    name's place, wrapped in a narrow column ("UBND TỈNH TUYÊN" / "QUANG", "UBND THÀNH
    PHỐ" / "ĐÀ NẴNG")."""
    part = _place_part(name)
    whole = f"{part} {key}".strip() if part is not None else ""
    return part not in _known_places() and whole in _known_places()


@lru_cache(maxsize=1)
def _known_places() -> dict[str, str]:
    """Given nothing, return the provinces and province-level cities by their bare keys
    (no tones, no dashes) with their spelling."""
    table = data_table("units")["provinces"]
    names = [*table["provinces"], *table["cities"], *table["level_cities"]]
    return {" ".join(_words(n)): n for n in names}


def _words(text: str) -> list[str]:
    """Given a name, return its bare words without punctuation."""
    return _WORD.findall(bare_key(text))


_WORD = re.compile(r"\w+")


def _cut_agency(above: list[str], more: list[str]) -> bool:
    """Given the bare words of a name ("bo nong nghiep va phat") and of the next line, return
    whether the line carries the name on towards a known agency's whole name."""
    if len(above) < 2 or above[0] not in ("bo", "so"):
        return False
    joined = above[1:] + more
    return any(agency[: len(joined)] == joined for agency in _agency_words())


@lru_cache(maxsize=1)
def _agency_words() -> tuple[list[str], ...]:
    """Given nothing, return the bare words of every known agency's name (units.toml)."""
    return tuple(_words(name) for name in data_table("units")["agencies"])


def _spelled(name: str) -> str:
    """Given a body's name in capitals, return it spelled as in prose: the kind of body and
    its field with a capital, the place's name after its level, proper names as written
    ("Thủ tướng Chính phủ", "Hội đồng Thẩm phán", "Hội đồng nhân dân tỉnh Nghệ An")."""
    if not name.isupper():
        return canonical_unit(name)
    words = name.lower().split()
    keys = [bare_key(w).strip(",;") for w in words]
    spelling = data_table("decree30")["issuer_spelling"]
    joiners = data_table("decree30")["issuer_joiners"]
    caps = {0}
    kind = _leading(keys, spelling["field_kinds"])
    words[:kind] = _kind_words(keys[:kind], words[:kind], spelling["kinds"])
    if kind and kind < len(keys) and _leading(keys[kind:], spelling["generic"]) == 0:
        caps.add(kind)
        if " ".join(keys[:kind]) in spelling["joined_fields"]:
            caps |= {i + 1 for i in range(kind, len(words) - 1)
                     if words[i].endswith(",") or keys[i] in joiners}
    place = _leading(keys, spelling["place_kinds"])
    caps |= set(range(place, len(words))) if place else set()
    place_words, levels = _place_words(keys, max(kind, 1), spelling)
    caps |= place_words
    words = [levels.get(i, w) for i, w in enumerate(words)]
    out = [w[:1].upper() + w[1:] if i in caps else w for i, w in enumerate(words)]
    at, known = _known_place_at(keys, place_words)
    if known:
        out = [*out[:at], known]  # the place as spelled ("TUYỂN QUANG" as OCR read it)
    return canonical_unit(_proper(" ".join(out), spelling["proper"]))


def _known_place_at(keys: list[str], place_words: set[int]) -> tuple[int, str | None]:
    """Given a name's bare words and the indices of its place's words, return where a known
    province's name starts and its spelling: the place after a level word, or the name's
    last words with no level ("KBNN HÀ NAM"); (0, None) when none is known."""
    if place_words:
        at = min(place_words)
        known = _known_places().get(" ".join(keys[at:]))
        return (at, known) if known and place_words == set(range(at, len(keys))) else (0, None)
    for at in range(1, len(keys)):
        known = _known_places().get(" ".join(keys[at:]))
        if known:
            return at, known
    return 0, None


def _kind_words(keys: list[str], words: list[str], kinds: Sequence[str]) -> list[str]:
    """Given the bare and written words of a name's kind, return them spelled as listed
    (OCR's "SƠ NỘI VỤ" is "Sở Nội vụ"), or as written when the kind is not listed."""
    spelled = next((k.lower().split() for k in kinds if bare_key(k).split() == keys), None)
    return spelled if spelled and len(spelled) == len(words) else words


def _leading(keys: list[str], phrases: Sequence[str]) -> int:
    """Given bare words and phrases, return how many words the longest phrase opening them
    takes (0 for none)."""
    found = [len(p.split()) for p in phrases if keys[: len(p.split())] == p.split()]
    return max(found, default=0)


def _place_words(
    keys: list[str], start: int, spelling: dict[str, list[str]]
) -> tuple[set[int], dict[int, str]]:
    """Given a name's bare words, return the indices of its place's name (the words after
    the first level word at or after ``start``: "tỉnh" → "Nghệ An") and the level's words
    by index, spelled as listed (OCR's "TĨNH ĐỒNG THÁP" is "tỉnh Đồng Tháp")."""
    levels = {bare_key(level): level for level in spelling["levels"]}
    for i in range(start, len(keys)):
        level = _leading(keys[i:], list(levels))
        if level and _leading(keys[i:], spelling["not_levels"]) == 0:
            spelled = levels[" ".join(keys[i : i + level])].split()
            return set(range(i + level, len(keys))), dict(enumerate(spelled, start=i))
    return set(), {}


def _proper(name: str, phrases: Sequence[str]) -> str:
    """Given a name, return it with each proper name spelled as listed ("Chính phủ")."""
    for phrase in phrases:
        name = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", phrase, name, flags=re.I)
    return name
