"""What a news item reports on: the decision or notice it names, and the body that issued or
announced it.

    "Theo Quyết định số 885/QĐ-UBND ngày 8/6/2022 của UBND tỉnh Yên Bái phê duyệt …"
    "UBND tỉnh Nghệ An vừa công bố chỉ số …", "… vừa được Bộ Nội vụ công bố, …"

A citation is the item's subject only when its clause says so ("Theo", "tại", "ban hành",
"công bố"); one it merely builds on ("thực hiện", "căn cứ") is background, never the item's
number, date or issuer. Vocabulary: normalizers/data/decree30.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from parscore.normalizers.dates import find_dates
from parscore.normalizers.labels import DOC_NUMBER, canonical_unit, data_table, format_doc_number
from parscore.normalizers.places import province_name
from parscore.normalizers.text import bare_key
from parscore.pipeline.lines import Line

#: Lines of an item searched for what it reports on (its lead and first paragraphs).
LEAD = 12
#: Characters between a cited number and its date ("…/QĐ-UBND ngày 8/6/2022").
DATE_GAP = 12
#: Words an issuer's name runs to at most.
MAX_NAME_WORDS = 12
_BRACKETS = re.compile(r"\s*\([^()]{0,60}\)")
_CLAUSE_END = re.compile(r"[.;:,–()“”\"]|\s-\s")
#: Where a sentence ends (the next one starts after it).
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=\S)")
#: A sentence that opens on a date ("Ngày 14/3/2025, …", "Vào ngày …"), after a news item's
#: dateline if any: its source in brackets and a dash ("(SNV) - ", "HÀ NỘI, 14/3 (TTXVN) – ")
#: or a site's name and a dash ("Baonamdinh.vn - ").
_DATE_OPENING = re.compile(
    r"\s*(?:[^()\n]{0,40}\([^()\n]{1,40}\)\s*[-–—]\s*|[\w.]{2,40}\s+[-–—]\s+)?"
    r"(?:vào\s+)?ngày\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reported:
    """The decision or notice a news item reports on, as far as the item names it."""

    number: str | None = None
    issue_date: date | None = None
    issuer: str | None = None


@cache
def _phrases(name: str, *, case: bool = False) -> re.Pattern[str]:
    """Given a list's name in decree30.toml, return a regex of its phrases as whole words.

    The phrases' first characters are tried first (``first_chars``): a search then passes
    most positions at once instead of trying the lookbehind and every phrase there."""
    words = sorted(data_table("decree30")[name], key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    guard = rf"(?=[{first_chars(words)}])" if words and all(words) else ""
    return re.compile(rf"{guard}(?<![\w/-])(?:{body})(?![\w/-])", 0 if case else re.IGNORECASE)


def first_chars(words: list[str]) -> str:
    """Given non-empty phrases, return a character class body of the characters they open
    with (a space, which the phrases' pattern reads as any whitespace, as ``\\s``)."""
    return "".join(sorted({r"\s" if w[0] == " " else re.escape(w[0]) for w in words}))


def clause_before(text: str, end: int) -> str:
    """Given text and a position, return the clause that leads up to it."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, end)]
    return text[max(starts, default=0) : end]


def is_background(clause: str) -> bool:
    """Given the clause before a citation, return whether it cites it as background."""
    return bool(_phrases("background_cues").search(clause))


def is_reported(clause: str) -> bool:
    """Given the clause before a citation, return whether it makes it the item's subject."""
    return not is_background(clause) and bool(_phrases("reported_cues").search(clause))


def citations(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Given text, yield its document numbers cited by kind ("Quyết định số 885/QĐ-UBND"),
    each with where its kind starts."""
    kind = _phrases("reported_kinds")
    for m in DOC_NUMBER.finditer(text):
        start = max(0, m.start() - 40)
        lead = re.search(rf"(?:{kind.pattern})\s+(?:số\s*:?\s*)?$", text[start : m.start()], re.I)
        if lead:
            yield m, start + lead.start()


def reported_document(lines: Sequence[Line]) -> Reported:
    """Given an item's lines, return the decision or notice its lead reports on: one cited as
    its subject, else a decision it carries out by reporting its result."""
    for line in lines[:LEAD]:
        for m, kind_start in citations(line.raw):
            if is_reported(clause_before(line.raw, kind_start)):
                return _reported_at(line.raw, m, kind_start)
    for line in lines[:LEAD]:
        for m, kind_start in citations(line.raw):
            if is_carried_out(line.raw, m, kind_start):
                return _reported_at(line.raw, m, kind_start)
    return Reported()


def is_carried_out(text: str, m: re.Match[str], kind_start: int) -> bool:
    """Given text, a citation in it and where its kind starts, return whether the sentence
    carries out the cited decision by reporting its result ("Thực hiện Quyết định số … của
    UBND tỉnh, Sở Nội vụ thông báo kết quả …"); one carried out by other work, or described
    as a method ("… phê duyệt Đề án …"), is background."""
    clause = clause_before(text, kind_start)
    if not _phrases("carried_out_cues").search(clause):
        return False
    if not _phrases("carried_out_kinds").match(text, kind_start):
        return False
    sentence = _SENTENCE_START.split(text[m.end() :], maxsplit=1)[0]
    result = _phrases("result_reports").search(sentence)
    return result is not None and not _phrases("method_cues").search(sentence, 0, result.start())


def _reported_at(text: str, m: re.Match[str], kind_start: int) -> Reported:
    """Given text, a reported citation in it and where its kind starts, return its number,
    date (written after the number, or opening a sentence that signs it) and issuer."""
    rest = text[m.end() :]
    dates = [d for d in find_dates(rest) if d.start <= DATE_GAP]
    after = rest[dates[0].end :] if dates else rest
    of = re.match(r"\s*,?\s*của\s+", after)
    issuer = body_name(after[of.end() :]) if of else None
    issued = dates[0].value if dates else signing_date(text[:kind_start])
    return Reported(format_doc_number(m), issued, issuer)


def signing_date(before: str) -> date | None:
    """Given the text of a sentence up to a cited document, return the date it opens on when
    it signs or issues that document there ("Ngày 14/3/2025, Chủ tịch UBND tỉnh đã ký
    Quyết định số …"); a sentence that opens on a meeting's date and only announces the
    document ("Ngày 10/3, Sở Nội vụ tổ chức hội nghị công bố …") gives none."""
    sentence = _SENTENCE_START.split(before)[-1]
    opening = _DATE_OPENING.match(sentence)
    if opening is None:
        return None
    # the date the opening's "ngày" reads (not one of the dateline before it)
    dated = next((d for d in find_dates(sentence) if d.end > opening.end()), None)
    if dated is None or dated.start > opening.end():
        return None
    rest = sentence[dated.end :]
    if not (_phrases("signing_verbs").search(rest) or issues_what_follows(rest)):
        return None
    return dated.value


def issues_what_follows(text: str) -> bool:
    """Given the text up to a cited document's kind, return whether it ends on a verb that
    issues the document named right after it ("… Bộ Công an có " Thông báo số …)."""
    end = len(text.rstrip())
    return any(m.end() == end for m in _phrases("issuing_before_kind").finditer(text))


def body_name(text: str) -> str | None:
    """Given text that opens with a body's name, return the name, up to its verb or a stop."""
    words = name_words(text)
    return _clean_name(" ".join(words)) if words else None


def name_words(text: str) -> list[str]:
    """Given text that opens with a body's name, return the words of the name as written."""
    if _phrases("announcer_heads", case=True).match(text) is None:
        return []
    words: list[str] = []
    for word in text.split()[:MAX_NAME_WORDS]:
        rest = text[text.find(word) :] if words else text
        if words and (_ends_name(rest) or _CLAUSE_END.match(word)):
            break
        words.append(word)
        if _CLAUSE_END.search(word[-1:]):
            break
    return words


def _ends_name(rest: str) -> bool:
    """Given the text from a word on, return whether the name before it has ended there."""
    stops = ("announce_verbs", "announcer_tails", "name_stops", "reported_kinds")
    return any(_phrases(s, case=True).match(rest) for s in stops) or bool(re.match(r"\S*\d", rest))


def _clean_name(name: str) -> str | None:
    """Given a body's name as written, return it without brackets and trailing punctuation."""
    name = _BRACKETS.sub("", name).strip(' ,.;:–-“”"')
    return canonical_unit(name[:1].upper() + name[1:]) if name else None


def announcer(lines: Sequence[Line]) -> str | None:
    """Given an item's lines, return the body that issued or announced what it reports: the
    subject of "công bố", "phê duyệt", "ban hành" …, or the body after "công bố của"."""
    for line in lines[:LEAD]:
        if name := _announcer_in(line.raw):
            return name
    return None


def _announcer_in(raw: str) -> str | None:
    """Given one line, return the announcing body it names, or None; a verb in a background
    clause ("thực hiện Quyết định … của Bộ Nội vụ phê duyệt …") names no announcer."""
    if is_article(raw):
        return None
    text = _BRACKETS.sub("", raw)
    for by in _phrases("announced_by").finditer(text):
        if name := body_name(text[by.end() :].lstrip()):
            return name
    for verb in _phrases("announce_verbs", case=True).finditer(text):
        clause = clause_before(text, verb.start())
        if is_background(clause):
            continue
        head = _phrases("announcer_heads", case=True).search(clause)
        partner = head and _phrases("partner_cues").search(clause[: head.start()])
        if head and not partner and (name := _subject(clause[head.start() :])):
            return name
    return None


@cache
def _article() -> re.Pattern[str]:
    """Given nothing, return the pattern of a decision's article opening a line ("Điều 2.")."""
    return re.compile(rf"\s*{re.escape(data_table('decree30')['article_word'])}\s+\d")


def is_article(raw: str) -> bool:
    """Given a line, return whether it is an article of a decision, which assigns duties and
    names no announcer ("Điều 2. Giao Sở Nội vụ phối hợp với Sở X công bố …")."""
    return _article().match(raw) is not None


def _subject(clause: str) -> str | None:
    """Given the clause before a verb from a body's head on, return the body's name when it
    is the verb's subject: the name and at most adverbs ("vừa", "đã") fill the clause."""
    words = name_words(clause)
    rest = " ".join(clause.split()[len(words) :])
    tails = _phrases("announcer_tails", case=True).pattern
    if words and re.fullmatch(rf"(?:\s*{tails})*\s*", rest):
        return _clean_name(" ".join(words))
    return None


#: "tỉnh X", "thành phố X", "TP. X"; every one opens with "t" or "T", tried first (positions
#: that do not fail before the lookbehind is tried).
_PLACE_WORDS = re.compile(
    r"(?=[tT])(?<!\w)(?:tỉnh|thành phố|TP\.?)\s+((?:[A-ZĐÀ-Ỹ][^\s,.;:()]*\s*){1,3})"
)


#: The capitalised words a line opens with, up to a punctuation mark ("Điện Biên: …").
_OPENING = re.compile(r"\s*((?:[A-ZĐÀ-Ỹ][^\s,.;:()–-]*\s*)*)")
#: Lines a news item's title may take (a caption or a portal's section name may come first).
TITLE_LINES = 2


def text_province(lines: Sequence[Line]) -> str | None:
    """Given an item's lines, return the first province its lead names ("tỉnh Đồng Tháp")."""
    for line in lines[:LEAD]:
        for m in _PLACE_WORDS.finditer(line.raw):
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                if found := province_name(" ".join(words[:n])):
                    return found
    return None


def title_province(lines: Sequence[Line]) -> str | None:
    """Given an item's lines, return the province its title opens with, named bare as news
    titles do ("Điện Biên: yêu cầu …", "HẬU GIANG CÔNG BỐ …", "Quảng Trị triển khai …")."""
    for line in lines[:TITLE_LINES]:
        opening = _OPENING.match(line.raw)
        words = opening.group(1).split() if opening else []
        for n in range(min(len(words), 4), 0, -1):
            if found := province_name(" ".join(words[:n])):
                return found
    return None


def with_place(name: str | None, place: str | None) -> str | None:
    """Given a body's name that ends at its level ("Ủy ban nhân dân tỉnh") and the province,
    return the name with the province ("Ủy ban nhân dân tỉnh Lâm Đồng")."""
    if name and place and ends_at_level(name):
        return f"{name} {place}"
    return name


def ends_at_level(name: str) -> bool:
    """Given a body's name, return whether it ends at its level ("Ủy ban nhân dân tỉnh"), not
    at a province whose name ends like one ("Ủy ban nhân dân tỉnh Hà Tĩnh")."""
    words = name.split()
    named = any(province_name(" ".join(words[-n:])) for n in (2, 3) if len(words) > n)
    return bare_key(name).endswith((" tinh", " thanh pho")) and not named


def national_issuer(lines: Sequence[Line]) -> str | None:
    """Given an item's lines, return the publisher of the national PAR Index when its lead
    reports a national ranking ("xếp thứ 43/63", "các bộ, cơ quan ngang bộ"), else None."""
    table = data_table("decree30")
    lead = " ".join(bare_key(line.raw) for line in lines[:LEAD])
    return table["national_issuer"] if any(cue in lead for cue in table["national_cues"]) else None
