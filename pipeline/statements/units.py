"""Units named in a sentence, and the back-references that stand for them.

Three shapes of name: an agency head and its name ("Sở Y tế", "Sở TT&TT", "Thanh tra tỉnh"),
a committee or a locality ("UBND huyện Cẩm Mỹ", "TP.Biên Hòa", "H.Cẩm Mỹ"), and words that
refer back to a unit named elsewhere ("Sở", "đơn vị", "UBND huyện" without a name). Names
known to the label tables (units.toml: "Sở Giao thông vận tải") are read whole; other names
run over capitalised words, with at most one lowercase word after each ("Sở Y tế"). The
canonical name is ``normalizers.labels.canonical_unit`` of the name as written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from parscore.extractors.records import replace
from parscore.normalizers import admin
from parscore.normalizers.doccache import document_cache
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.labels import canonical_unit, data_table
from parscore.normalizers.places import (
    is_province,
    province_key,
    province_name,
    provinces,
    regions,
)
from parscore.pipeline.statements.cues import (
    alternation,
    data,
    ends_with,
    first_bounded,
    words_rx,
)

#: A word of a name: letters and digits, joined by "&", "-", "." or an apostrophe before a
#: letter ("TT&TT", "LĐ-TB&XH", "Ia H'Drai", "Ea H’leo").
_WORD = r"[^\W_]+(?:(?:[&.\-]|['’](?=[^\W\d_]))[^\W_]+)*"
_PIECE = re.compile(rf"[ \t]*(?P<sep>,|-|–|&|và(?=\s))?[ \t]*(?P<word>{_WORD})")
_PLACE_PIECE = re.compile(rf"(?:[ \t]+|[ \t]*-[ \t]*)(?P<word>{_WORD})")
_FIRST_PLACE_WORD = re.compile(rf"[ \t]*(?P<word>{_WORD})")
_COMMITTEE = "Ủy ban nhân dân"
#: Characters before a reference searched for words that change its meaning ("các", "của").
LOOK_BEHIND = 40


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A unit named in a sentence, or a back-reference to one (``ref`` set, ``unit`` None)."""

    start: int
    end: int
    raw: str
    unit: str | None = None
    ref: str | None = None  # the kind of unit meant: "sở", "huyện", … or "" for any


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitCues:
    """The compiled patterns of unit names."""

    heads: re.Pattern[str]  # on the text, case-sensitive
    name_tails: frozenset[str]  # heads that also end a place's name ("Hải Phòng")
    councils: re.Pattern[str]  # on the text
    localities: re.Pattern[str]  # on the text
    levels: frozenset[str]  # locality level words, folded ("tỉnh", "huyện")
    known: re.Pattern[str]  # on the key, at a head
    known_tail: re.Pattern[str]  # on the key, after a known name: its level ("tỉnh")
    agency_heads: frozenset[str]  # "Sở", "Bộ": heads of the agency names of units.toml
    agencies: re.Pattern[str]  # on the key, after an agency head
    stops: re.Pattern[str]  # on the key, at a word
    refs: re.Pattern[str]  # on the key
    ref_kinds: dict[str, str]
    plural_before: re.Pattern[str]  # on the key, at the end of the text before a reference
    owned: frozenset[str]  # references that need the owner word right before them
    owner_before: re.Pattern[str]  # on the key, at the end of the text before a reference
    subject_verb: re.Pattern[str]  # right after a reference opening a clause: it is the subject
    not_after: re.Pattern[str]  # on the key, at the start of the text after a reference
    max_run: int
    long_heads: frozenset[str]  # heads of names with longer lowercase runs ("Vụ Hợp tác quốc tế")
    long_run: int
    max_words: int
    max_place_words: int


def _level_forms() -> dict[str, str]:
    """Given nothing, return every written locality level (lowercase) → its level."""
    localities = data_table("units")["localities"]
    return {form: level for level, forms in localities.items() for form in (level, *forms)}


def _agencies() -> tuple[frozenset[str], list[str]]:
    """Given nothing, return the agency heads, and agency names and abbreviations (units.toml)."""
    table = data_table("units")
    names = [form for name, abbrs in table["agencies"].items() for form in (name, *abbrs)]
    return frozenset(table["heads"]["words"]), names


#: No word character after a form: a level's end (a level ending with "." needs none).
_NO_WORD = r"(?!\w)"


def _by_length(forms: Iterable[str]) -> list[str]:
    """Given written levels, return them longest first (as they are tried)."""
    return sorted(forms, key=len, reverse=True)


def _level_pattern(forms: Sequence[str]) -> str:
    """Given written levels, return their alternation, longest first."""
    ordered = _by_length(forms)
    return "|".join(re.escape(f) + ("" if f.endswith(".") else _NO_WORD) for f in ordered)


def case_opened(forms: Sequence[str], tail: str = "") -> str:
    r"""Given written forms matched ignoring case, in the order they are tried, and a pattern
    after each (`tail`, or none after a form ending with "."), return the pattern of one of
    them where no word character nor "." stands before: what
    ``(?<![\w.])(?i:form|form…)`` says, opened instead by a class of the forms' first
    characters in both cases. A pattern opening with a class is searched by the regex engine
    in C, character by character, to the places one of them stands (a lookahead or a
    lookbehind first makes it try the whole pattern at every character: about 390
    instructions each). Behind the first character, ``(?i:(?<=t)…)`` says which forms go on
    from it, in their order; the boundary is checked behind it (``(?<![\w.].)``)."""
    rests: dict[str, list[str]] = {}
    for form in forms:
        after = "" if form.endswith(".") else tail
        rests.setdefault(form[0].lower(), []).append(re.escape(form[1:]) + after)
    firsts = "".join(sorted({c for first in rests for c in (first, first.upper())}))
    branches = "|".join(f"(?<={re.escape(first)})(?:{'|'.join(r)})" for first, r in rests.items())
    return rf"[{re.escape(firsts)}](?<![\w.].)(?i:{branches})"


#: What follows a level word before its name: "TP.Biên Hòa", "huyện Cẩm Mỹ", "các huyện: Ninh
#: Hải (…), …" (a colon after a plural level, group ``colon``).
AFTER_LEVEL = r"(?:(?<=\.)[ \t]*|[ \t]+|(?P<colon>[ \t]*:[ \t]*))(?=[^\W\d_])"


def _name_patterns(units: dict[str, Any]) -> dict[str, Any]:
    """Given the [units] table, return the patterns of heads, committees, localities and names."""
    forms = _level_forms()
    written = {form for h in units["heads"] for form in (h, h.upper())}
    ordered = sorted(written, key=len, reverse=True)
    heads = first_bounded([(re.escape(h[:1]), re.escape(h[1:])) for h in ordered], r"[\w.]")
    levels = _level_pattern(list(forms))
    agency_heads, agencies = _agencies()
    return {
        "heads": re.compile(rf"{heads}(?!\w)"),  # first_bounded: (?<![\w.]) at each head
        "name_tails": frozenset(units["name_tails"]),
        "councils": re.compile(rf"{case_opened(units['councils'])}[ \t]+(?P<level>(?i:{levels}))"),
        "localities": re.compile(
            rf"(?P<level>{case_opened(_by_length(forms), _NO_WORD)}){AFTER_LEVEL}"
        ),
        "levels": frozenset(forms.values()),
        "known": re.compile(rf"{alternation(units['known'])}(?!\w)"),
        "known_tail": re.compile(rf"[ \t]+{alternation(units['known_tails'])}(?!\w)"),
        "agency_heads": agency_heads,
        "agencies": re.compile(rf"[ \t]+{alternation(agencies)}(?!\w)"),
        "stops": re.compile(rf"{alternation(units['stops'])}(?!\w)"),
    }


def _reference_patterns(refs: dict[str, Any]) -> dict[str, Any]:
    """Given the [references] table, return the patterns of back-references and their guards."""
    # "các đơn vị", "15 đơn vị", "100% cơ quan" (not a year: "năm 2023 đơn vị này")
    plural = (
        rf"(?<!\w){alternation(refs['plural'])}[\s,]*$|(?<!\d)\d{{1,3}}(?:[.,]\d+)?\s*%?[\s/]*$"
    )
    return {
        "refs": words_rx(refs["words"]),
        "ref_kinds": {" ".join(k.lower().split()): v for k, v in refs["words"].items()},
        "plural_before": re.compile(plural),
        "owned": frozenset(refs["owned"]),
        "owner_before": ends_with([refs["owner"]]),
        "subject_verb": re.compile(rf"\s+{alternation(refs['subject_verbs'])}(?!\w)"),
        "not_after": re.compile(rf"\s*{alternation(refs['not_after'])}(?!\w)"),
    }


@lru_cache(maxsize=1)
def unit_cues() -> UnitCues:
    """Given nothing, return the compiled unit patterns (built once)."""
    units = data()["units"]
    return UnitCues(
        **_name_patterns(units),
        **_reference_patterns(data()["references"]),
        max_run=units["max_lowercase_run"],
        long_heads=frozenset(units["long_heads"]),
        long_run=units["long_lowercase_run"],
        max_words=units["max_name_words"],
        max_place_words=units["max_place_words"],
    )


# --- names after a head ---------------------------------------------------------------------


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")


def _starts_unit(text: str, at: int) -> bool:
    """Given the text and a position, return whether another unit's head starts there."""
    c = unit_cues()
    head = c.heads.match(text, at)
    return bool(head and not place_tail(text, head)) or bool(c.councils.match(text, at))


def place_tail(text: str, head: re.Match[str]) -> bool:
    """Given the text and a head found in it, return whether the head ends a place's name
    after a capitalised word ("Hải Phòng") rather than starting a unit's."""
    if head.group() not in unit_cues().name_tails:
        return False
    before = _WORD_BEFORE.search(text, 0, head.start())
    return bool(before and before[1][0].isupper())


def _take_capital(text: str, m: re.Match[str], count: int) -> bool:
    """Given a capitalised piece and the words so far, return whether it continues the name."""
    sep = m["sep"]
    if sep and m["word"][0].isdigit():  # "Phòng Tư pháp - 94.5 điểm": the figure, after a dash
        return False
    return not (count and sep in (",", "và") and _starts_unit(text, m.start("word")))


def _take_lower(word: str, sep: str | None, count: int, run: int, max_run: int) -> bool:
    """Given a lowercase piece, the words so far, the lowercase run and its longest allowed,
    return if it continues."""
    if sep:
        return False
    if not count:
        return word.lower() in unit_cues().levels
    return run < max_run


def walk_name(text: str, key: str, pos: int, max_run: int | None = None) -> int:
    """Given the text, its key, the end of a head and the longest lowercase run its names hold
    (``max_lowercase_run`` unless given), return where the name after it ends."""
    c = unit_cues()
    longest = c.max_run if max_run is None else max_run
    end, count, run = pos, 0, 0
    while count < c.max_words and (m := _PIECE.match(text, end)):
        word, at = m["word"], m.start("word")
        capital = word[0].isupper() or word[0].isdigit()
        # a capitalised first word is the name's even when it is a stop ("Vụ Tổ chức cán bộ")
        if c.stops.match(key, at) and not (capital and not count and not m["sep"]):
            break
        if capital and not _take_capital(text, m, count):
            break
        if not capital and not _take_lower(word, m["sep"], count, run, longest):
            break
        end, count, run = m.end(), count + 1, 0 if capital else run + 1
    return end


def walk_place(text: str, key: str, pos: int) -> int:
    """Given the text, its key and where a place name starts, return where it ends."""
    c = unit_cues()
    m = _FIRST_PLACE_WORD.match(text, pos)
    if m is None or not m["word"][0].isupper():
        return pos
    end, count = m.end(), 1
    while count < c.max_place_words and (m := _PLACE_PIECE.match(text, end)):
        at = m.start("word")
        if not m["word"][0].isupper() or c.stops.match(key, at) or _starts_unit(text, at):
            break
        end, count = m.end(), count + 1
    return end


# --- mentions -------------------------------------------------------------------------------


def _mention(text: str, start: int, end: int) -> Mention:
    """Given a span naming a unit, return its Mention with the canonical name."""
    raw = text[start:end].strip(" ,-–&")
    return Mention(start=start, end=start + len(raw), raw=raw, unit=canonical_unit(spelled(raw)))


def spelled(raw: str) -> str:
    """Given a name as written, return it with its abbreviated words spelled out ("BHXH tỉnh"
    → "Bảo hiểm xã hội tỉnh", "BQL KKT" → "Ban Quản lý Khu kinh tế")."""
    full = data()["units"]["expansions"]
    return " ".join(full.get(word, word) for word in raw.split(" "))


def name_end(text: str, key: str, head: re.Match[str]) -> int:
    """Given the text, its key and a head found in it, return where the name after it ends.

    A head in capitals ("SỞ TƯ PHÁP") takes a known name only: in capitals every word looks
    like a name ("BAN HÀNH QUY CHẾ").
    """
    c = unit_cues()
    known = c.known.match(key, head.start())
    if known is not None:
        return known_end(text, key, known.end())
    if head.group().capitalize() in c.agency_heads:
        known = c.agencies.match(key, head.end())
    if known is not None:
        return known.end()
    if head.group().isupper():
        return head.end()
    run = c.long_run if head.group() in c.long_heads else c.max_run
    return walk_name(text, key, head.end(), run)


_NAMED_NEXT = re.compile(r"[ \t]+[^\W\d_a-zđ]")


def known_end(text: str, key: str, end: int) -> int:
    """Given the text, its key and the end of a known name, return the end of the name with a
    level word after it ("BHXH tỉnh", and "BHXH tỉnh Lạng Sơn": "Bảo hiểm xã hội tỉnh" both
    times, the province after it being where it is, as for names not known)."""
    tail = unit_cues().known_tail.match(key, end)
    return end if tail is None else tail.end()


def _head_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield agencies after a head ("Sở Y tế"), or "Sở" alone."""
    c = unit_cues()
    for m in c.heads.finditer(text):
        if place_tail(text, m):
            continue
        end = name_end(text, key, m)
        if end > m.end() or c.known.fullmatch(key, m.start(), end):  # "Ngân hàng Nhà nước"
            yield _mention(text, m.start(), end)
        elif m.group() in c.agency_heads:  # "Sở" alone refers back; "SỞ" alone is a heading
            yield Mention(start=m.start(), end=m.end(), raw=m.group(), ref=m.group().lower())


def _council_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield committees ("UBND huyện Cẩm Mỹ"), or a level alone."""
    for m in unit_cues().councils.finditer(text):
        end = walk_place(text, key, m.end())
        if end > m.end():
            yield _mention(text, m.start(), end)
        else:
            level = " ".join(m["level"].lower().split())
            yield Mention(
                start=m.start(),
                end=m.end(),
                raw=m.group().strip(),
                ref=f"{_COMMITTEE.lower()} {level}",
            )


def _locality_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield localities ("huyện Cẩm Mỹ", "TP.Biên Hòa"), and the
    names listed after a level many share ("các xã Tà Năng, Đà Loan và Tà Hine", "hai huyện
    Nam Trà My và Tây Giang")."""
    for m in unit_cues().localities.finditer(text):
        end = walk_place(text, key, m.end())
        if end <= m.end():
            continue
        plural = _plural_level().search(key, max(0, m.start() - LOOK_BEHIND), m.start())
        if m["colon"] is None:
            yield _mention(text, m.start(), end)
        elif plural:  # "các huyện: Ninh Hải (88,14), …": the first name is of that level too
            yield _level_named(text, m.end(), end, m["level"])
        else:
            continue
        if plural:
            yield from _listed_places(text, key, m.group("level"), end)


def _level_named(text: str, start: int, end: int, level: str) -> Mention:
    """Given the text, a bare place name's span and the level written before the list it is
    in, return its Mention named with that level."""
    raw = text[start:end].strip(" ,-–&")
    unit = canonical_unit(f"{level} {raw}")
    return Mention(start=start, end=start + len(raw), raw=raw, unit=unit)


#: Between names listed after one level: ", ", " và ", ", và ", after a short bracket each
#: name may carry ("các quận Ninh Kiều (91,25), Bình Thủy (90,48) và Cái Răng (90,02)").
_LIST_JOIN = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)")


@lru_cache(maxsize=1)
def _agency_lists() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Given nothing, return the patterns of an agency head and its name ("sở Tư pháp"), and
    of an agency name written alone ("Nội vụ"), from units.toml."""
    heads, names = _agencies()
    named = alternation(sorted(names, key=len, reverse=True))
    head = rf"(?<![\w.])(?P<head>{alternation(sorted(heads))})"
    return re.compile(rf"{head}[ \t]*:?[ \t]+(?={named}(?!\w))"), re.compile(rf"{named}(?!\w)")


def _agency_list_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield the agencies named by their names alone after a
    plural head ("các sở Tư pháp (92,70), Nội vụ (92,15), Tài chính (91,03)"; "các bộ: Tư
    pháp, Tài chính"), each with that head."""
    heading, name = _agency_lists()
    for m in heading.finditer(key):
        if not _plural_level().search(key, max(0, m.start() - LOOK_BEHIND), m.start()):
            continue
        head, start = text[m.start("head") : m.end("head")].capitalize(), m.end()
        while (found := name.match(key, start)) is not None:
            raw = text[start : found.end()]
            yield Mention(start=start, end=found.end(), raw=raw,
                          unit=canonical_unit(f"{head} {raw}"))  # fmt: skip
            join = _LIST_JOIN.match(text, found.end())
            if join is None:
                break
            start = join.end()


@lru_cache(maxsize=1)
def _plural_level() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words before a level that many names share
    ("các", "hai", "3"), at the end of a key."""
    groups = data()["groups"]
    words = [*groups["plural_heads"], *groups["count_words"]]
    return re.compile(rf"(?:{ends_with(words).pattern}|(?<![\w.,])\d+\s*$)")


def _listed_places(text: str, key: str, level: str, end: int) -> Iterator[Mention]:
    """Given a sentence, its key, a plural level and where the first name after it ends, yield
    the names listed after that one, each of that level; a province, a unit's head or a
    lowercase word ends the list."""
    while (join := _LIST_JOIN.match(text, end)) is not None:
        start = join.end()
        stop = walk_place(text, key, start)
        raw = text[start:stop].strip(" ,-–&")
        if not raw or _starts_unit(text, start) or is_province(raw):
            return
        yield _level_named(text, start, stop, level)
        end = start + len(raw)


@lru_cache(maxsize=1)
def _province_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Given nothing, return the patterns of bare province names (on a sentence key) and of
    the words that make one part of another name (on the key before it)."""
    names = sorted(provinces(), key=len, reverse=True)
    rests: dict[str, list[str]] = {}  # by first letter, longest first within each
    for name in names:
        rests.setdefault(name[0], []).append(re.escape(name[1:]).replace(r"\ \-\ ", r"\s*-\s*"))
    branches = [(re.escape(first), f"(?:{'|'.join(r)})") for first, r in rests.items()]
    forms = first_bounded(branches, r"[\w.]")
    bare = re.compile(rf"{forms}(?!\w)")  # first_bounded: (?<![\w.]) at each name
    heads = data_table("units")["provinces"]["not_after"]
    return bare, re.compile(rf"(?<!\w){alternation(heads)}[ \t]+$")


_NAME_BEFORE = re.compile(r"[^\W\d_]+[ \t]+[^\W\d_]+[ \t]+$")


def _capitalised(raw: str) -> bool:
    """Given a name as written, return whether each of its words starts with a capital."""
    return all(word[0].isupper() for word in raw.replace("-", " ").split())


def _inside_a_name(text: str, key: str, start: int) -> bool:
    """Given a sentence, its key and where a bare province starts, return whether it ends
    another body's name ("Trường Đại học Cần Thơ", "Cục Thuế Quảng Ninh")."""
    at = max(0, start - LOOK_BEHIND)
    if _province_patterns()[1].search(key[at:start]):
        return True
    m = _NAME_BEFORE.search(text[at:start])
    return m is not None and _capitalised(m.group())


def _province_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield provinces named bare ("Quảng Ninh dẫn đầu …")."""
    for m in _province_patterns()[0].finditer(key):
        raw = text[m.start() : m.end()]
        if _capitalised(raw) and not _inside_a_name(text, key, m.start()):
            unit = provinces()[province_key(m.group())]
            yield Mention(start=m.start(), end=m.end(), raw=raw, unit=unit)


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern[str]:
    """Given nothing, return the pattern of the socio-economic regions' names (on a key)."""
    names = sorted(regions(), key=len, reverse=True)
    forms = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in names)
    word = alternation(data_table("units")["region_words"]["words"])
    return re.compile(rf"(?<![\w.])(?:{word}[ \t]+)?(?P<name>{forms})(?!\w)")


@lru_cache(maxsize=1)
def _region_names() -> re.Pattern[str]:
    """Given nothing, return the pattern of a region's name alone as a whole word, its gaps
    as loose as any phrase's: every region mention holds a match, and this pattern (a trie
    opening with a choice of letters) rules out a sentence naming no region, most of them,
    in one quick scan."""
    return re.compile(rf"{alternation(regions(), bounded=True)}(?!\w)")


@lru_cache(maxsize=1)
def _region_scope() -> re.Pattern[str]:
    """Given nothing, return the pattern of words before a region that make it a scope."""
    return ends_with(data_table("units")["region_words"]["scope_before"])


@lru_cache(maxsize=1)
def _region_placed() -> re.Pattern[str]:
    """Given nothing, return the pattern of words before a region that make it the scope of
    the place just stated ("dẫn đầu khu vực Tây Nguyên")."""
    return ends_with(data_table("units")["region_words"]["placed_before"])


def names_region(key: str) -> bool:
    """Given a sentence key (or part of one), return whether it names a socio-economic region."""
    return _region_names().search(key) is not None


def _region_mentions(text: str, key: str) -> Iterator[Mention]:
    """Given a sentence and its key, yield the regions it names ("vùng Tây Nguyên đạt …"),
    the word "vùng" before one included."""
    if _region_names().search(key) is None:
        return
    scope, placed = _region_scope(), _region_placed()
    for m in _region_pattern().finditer(key):
        raw = text[m.start() : m.end()]
        behind = key[max(0, m.start() - LOOK_BEHIND) : m.start()]
        scoped = scope.search(behind) and not placed.search(behind)
        if text[m.start("name")].isupper() and not scoped:
            name = regions()[province_key(" ".join(m["name"].split()))]
            yield Mention(start=m.start(), end=m.end(), raw=raw, unit=name)


def _reference_mentions(key: str) -> Iterator[Mention]:
    """Given a sentence key, yield back-references ("đơn vị", "tỉnh nhà") that are not plural."""
    c = unit_cues()
    for m in c.refs.finditer(key):
        before = key[max(0, m.start() - LOOK_BEHIND) : m.start()]
        word = " ".join(m.group().split())
        if c.plural_before.search(before) or c.not_after.match(key, m.end()):
            continue
        if word in c.owned and not (c.owner_before.search(before) or _subject(key, m, c)):
            continue
        yield Mention(start=m.start(), end=m.end(), raw=m.group(), ref=c.ref_kinds.get(word, ""))


def _subject(key: str, m: re.Match[str], c: UnitCues) -> bool:
    """Given a sentence key, a reference found in it and the cues, return whether it is the
    subject of its clause: it opens the sentence or follows "," or ":", and a verb of a
    statement follows ("Về Chỉ số SIPAS, tỉnh đạt 83,1%")."""
    opens = key[: m.start()].rstrip()
    return (not opens or opens[-1] in ",:;") and c.subject_verb.match(key, m.end()) is not None


def find_mentions(text: str, key: str) -> list[Mention]:
    """Given a sentence and its key, return its unit mentions in order, overlaps resolved.

    A province written right after a unit ("Sở Tư pháp tỉnh Bình Dương", "UBND huyện Cẩm Mỹ,
    tỉnh Đồng Nai") says where the unit is: it joins the unit's raw text, not its name.
    """
    found = [
        *_head_mentions(text, key),
        *_council_mentions(text, key),
        *_locality_mentions(text, key),
        *_agency_list_mentions(text, key),
        *_province_mentions(text, key),
        *_region_mentions(text, key),
        *_reference_mentions(key),
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and (mention.start < kept[-1].end or _abbreviates(text, kept[-1], mention)):
            continue
        if kept and kept[-1].unit and _qualifies(text, kept[-1], mention):
            kept[-1] = _placed_in(text, kept[-1], mention)
        else:
            kept.append(mention)
    out: list[Mention] = []
    for mention in kept:  # a level word a unit reaches over is no mention of its own
        if not out or mention.start >= out[-1].end:
            out.append(_with_own_level(text, mention))
    return out


def _placed_in(text: str, unit: Mention, place: Mention) -> Mention:
    """Given a unit and the province right after it, return the unit reaching over it: the
    province joins its raw text only ("Sở Tư pháp tỉnh Bình Dương" is the Sở Tư pháp), but a
    known name ending on its level word keeps the place it names ("BHXH tỉnh Quảng Ninh",
    "Cục Thuế tỉnh Lạng Sơn": one province's office among the others')."""
    raw = text[unit.start : place.end]
    if not _vertical_office(unit.unit or "") or text[unit.end : place.start].strip(" \t"):
        return replace(unit, end=place.end, raw=raw)
    return replace(unit, end=place.end, raw=raw, unit=canonical_unit(spelled(raw)))


def _vertical_office(unit: str) -> bool:
    """Given a unit's name, return whether it names a central agency's office by its level
    word alone ("Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh"; unit_levels.toml [nganh_doc])."""
    name = unit.lower()
    tails = data()["units"]["known_tails"]
    heads = _levels_data()["nganh_doc"]["heads"]
    return any(name.endswith(" " + t) for t in tails) and name.startswith(tuple(heads))


def placed_office(unit: str) -> tuple[str, str] | None:
    """Given a unit's name, return the agency and the name up to its level word when it names
    a central agency's office with its place ("Cục Thuế tỉnh Hà Nam": "Cục Thuế", "Cục Thuế
    tỉnh"), else None."""
    for tail in data()["units"]["known_tails"]:
        at = unit.find(f" {tail} ")
        if at > 0 and _vertical_office(unit[: at + len(tail) + 1]):
            return unit[:at], unit[: at + len(tail) + 1]
    return None


@lru_cache(maxsize=1)
def _levels_data() -> dict[str, Any]:
    """Given nothing, return pipeline/data/unit_levels.toml."""
    path = resources.files("parscore.pipeline").joinpath("data/unit_levels.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _with_own_level(text: str, mention: Mention) -> Mention:
    """Given a sentence and a unit mention, return it reaching over a bare level word right
    after it that names no place ("Sở Y tế tỉnh đạt 86,2 điểm": the province's own Sở): the
    word joins the unit's raw text, not its name, so a figure after it stays the unit's."""
    if not mention.unit or unit_kind(mention.unit) in unit_cues().levels:
        return mention
    m = _own_level_after().match(text, mention.end)
    if m is None or text[m.end() :].lstrip(" \t")[:1].isupper():  # "… tỉnh Hà Tĩnh": a place
        return mention
    return replace(mention, end=m.end(), raw=text[mention.start : m.end()])


@lru_cache(maxsize=1)
def _own_level_after() -> re.Pattern[str]:
    """A level word, as written in lower case, right after a unit."""
    words = "|".join(sorted(data()["units"]["level_words"], key=len, reverse=True))
    return re.compile(rf"[ \t]+(?:{words})(?!\w)")


@document_cache(512)  # a notice's own repeats (its title), as tokens_of
def sentence_mentions(text: str, key: str) -> tuple[Mention, ...]:
    """Given a sentence and its key, return its unit mentions (``find_mentions``), kept by
    sentence: a title's serve its subjects, then its tokens; a sentence met again is not
    scanned again."""
    return tuple(find_mentions(text, key))


#: A unit's abbreviation in brackets after its name: "Bảo hiểm xã hội (BHXH) tỉnh Hà Giang".
_ABBREVIATION = re.compile(r"^[ \t]*\([ \t]*[A-ZĐ][A-ZĐ&.\-]+[ \t]*\)[ \t]*$")


def _abbreviates(text: str, unit: Mention, mention: Mention) -> bool:
    """Given a unit and a mention after it, return whether the mention is the unit's
    abbreviation in brackets ("Kho bạc Nhà nước (KBNN)")."""
    if not mention.raw.isupper():
        return False
    span = text[unit.end : text.find(")", mention.end) + 1]
    return _ABBREVIATION.match(span) is not None


def _qualifies(text: str, unit: Mention, place: Mention) -> bool:
    """Given a unit and the mention after it, return whether the latter only places the unit."""
    gap = text[unit.end : place.start]
    if not place.unit or (gap.strip(" ,") and not _ABBREVIATION.match(gap)) or "\n" in gap:
        return False
    kind = unit_kind(unit.unit or "")
    if unit_kind(place.unit) == "tỉnh":  # a city that is a province, a comma and a bare
        listed = "," in gap and not _leveled().match(place.raw)  # province: "Hà Nội, Bắc Ninh"
        city = listed and province_name(unit.unit or "") is not None  # lists two provinces
        return kind not in ("tỉnh", "vùng") and not city
    return not gap.strip(" ") and kind not in unit_cues().levels


@lru_cache(maxsize=1)
def _leveled() -> re.Pattern[str]:
    """A place's name opening with its written level ("tỉnh Đồng Nai", "TP. Cần Thơ")."""
    forms = sorted(_level_forms(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(f) for f in forms)})(?:\.|\s)", re.IGNORECASE)


# --- kinds and references -------------------------------------------------------------------


@lru_cache(maxsize=4096)
def unit_kind(unit: str) -> str:
    """Given a canonical unit, return its kind: "sở", "bộ", "huyện", "tỉnh", "vùng", … (first
    words; districts, towns and provincial cities are all "huyện", as their rankings are)."""
    if unit in regions().values():
        return "vùng"
    if unit in ministry_level():
        return "bộ"
    return same_kind(_first_words_kind(unit.removeprefix(_COMMITTEE).strip().lower()))


@lru_cache(maxsize=1)
def ministry_level() -> frozenset[str]:
    """Given nothing, return the canonical names of the bodies ranked with the ministries."""
    return frozenset(canonical_unit(n) for n in data()["groups"]["ministry_level"])


def same_kind(kind: str) -> str:
    """Given a kind of unit, return the kind it is ranked with ("quận" → "huyện")."""
    return str(data()["groups"]["same_kind"].get(kind, kind))


def _first_words_kind(name: str) -> str:
    """Given a unit's name without its committee, lowercase, return the level or word it
    starts with."""
    for level in _longest_levels():
        if name.startswith(level + " ") or name == level:
            return level
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=1)
def _longest_levels() -> tuple[str, ...]:
    """Given nothing, return the locality levels, longest first."""
    return tuple(sorted(unit_cues().levels, key=len, reverse=True))


def _fits(kind: str, unit: str) -> bool:
    """Given a reference's kind and a unit, return whether the reference can mean the unit."""
    return not kind or unit_kind(unit) == kind.removeprefix(_COMMITTEE.lower()).strip()


def _committee_first(kind: str, units: Sequence[str]) -> list[str]:
    """Given a reference's kind and units, return them with committees first when it names one."""
    committee = kind.startswith(_COMMITTEE.lower())
    return sorted(units, key=lambda u: u.startswith(_COMMITTEE) != committee)


def resolve_reference(kind: str, earlier: Sequence[str], subjects: Sequence[str]) -> str | None:
    """Given a reference's kind, the units named before it and the subjects, return its unit.

    "UBND huyện" means a district's committee rather than the district, where both are known.
    """
    found = next((u for u in reversed(earlier) if _fits(kind, u)), None)
    return found or next((u for u in _committee_first(kind, subjects) if _fits(kind, u)), None)


def subjects_of(mentions: Sequence[Mention], subject: str | None) -> tuple[str, ...]:
    """Given the title's unit mentions and the notice's issuer, return the units a reference
    may mean."""
    named = [m.unit for m in mentions if m.unit]
    issuer = [canonical_unit(subject)] if subject else []
    return tuple(dict.fromkeys([*named, *issuer]))


def group_kind(text: str) -> str:
    """Given a group phrase ("20 sở, ban, ngành", "UBND cấp huyện"), return the kind it counts."""
    words = f" {' '.join(_NOT_KIND.sub(' ', text.lower().replace(',', ' ')).split())} "
    return same_kind(next((k for k in data()["groups"]["kinds"] if f" {k} " in words), ""))


#: Words holding a kind's word that name no unit: "vùng kinh tế - xã hội" counts regions.
_NOT_KIND = re.compile(r"(?<!\w)xã\s+hội(?!\w)")


def _locality(unit: str) -> str:
    """Given a canonical unit, return the locality a committee stands for, else the unit."""
    rest = unit.removeprefix(_COMMITTEE).strip()
    return rest[:1].upper() + rest[1:] if rest != unit and rest else unit


#: The most provinces a socio-economic region holds (Trung du và miền núi phía Bắc, Bắc Trung
#: Bộ và duyên hải miền Trung: 14 each): a province ranked beyond it is ranked nationally.
LARGEST_REGION = 14


def official_province_count(
    unit: str, others: Sequence[tuple[str, int | None]], year: int | None
) -> int | None:
    """Given a province ranked "cuối bảng", the (unit, rank) of those ranked beside it and the
    year, return the country's count of provinces that year when the ranking is national:
    each unit is a province and one is ranked beyond any region's size ("Hà Tĩnh xếp thứ 61,
    Kon Tum áp chót, Bà Rịa - Vũng Tàu đứng cuối cùng"). None otherwise."""
    if not all(is_province(u) for u in (unit, *(name for name, _ in others))):
        return None
    national = any((rank or 0) > LARGEST_REGION for _, rank in others)
    return admin.province_count(year) if national else None


def official_district_count(
    unit: str, others: Sequence[str], province: str | None, year: int | None
) -> int | None:
    """Given a district ranked "cuối bảng", the units ranked beside it, the notice's province
    and the year, return the official count of the province's district-level units that year
    (normalizers.admin) when the block is clearly the province's districts: each unit is one
    of them. None otherwise (another kind of unit, an unknown province or year, a stranger)."""
    if year is None or province is None or unit_kind(unit) != "huyện":
        return None
    names = [_locality(u) for u in (unit, *others)]
    if not all(admin.is_district(province, name, year) for name in names):
        return None
    return admin.district_count(province, year)
