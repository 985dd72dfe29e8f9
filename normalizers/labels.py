"""Labels to canonical codes: assessment areas, grades, units, agencies, indices, kinds of document.

Everything is matched on ``label_key`` (fold → leading numbering off → abbreviations expanded
→ words only), against synonym tables in normalizers/data/*.toml read once. Phrase tables
pick the longest phrase found in the label (whole words), so the most specific reading wins
("Cải cách thủ tục hành chính" is `tthc`, never `the_che`); when nothing matches, the same
is tried without tones, for text that lost its diacritics.

``canonical_unit`` conventions: "UBND"/"Uỷ ban nhân dân" become "Ủy ban nhân dân" and the
name is kept as the committee ("UBND huyện Cẩm Mỹ" → "Ủy ban nhân dân huyện Cẩm Mỹ"), because
the same function names issuers, and an issuer is the committee, not the place; a bare
locality stays a locality ("H.Cẩm Mỹ" → "Huyện Cẩm Mỹ"). Datasets that group a district with
its committee can drop the "Ủy ban nhân dân " prefix.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import Any

from parscore.normalizers import DATA_DIR
from parscore.normalizers.text import (
    bare_key,
    canonical_tones,
    clean,
    fold,
    fold_homoglyphs,
    strip_tones,
)

CACHE_SIZE = 16384
#: Longest agency name, in words, tried after "Sở"/"Bộ".
MAX_AGENCY_WORDS = 8
#: Words read from a grade cue on: room for "xếp loại ở mức Trung bình" and more.
GRADE_WINDOW_WORDS = 10
#: Least length of the agency part after a kind of document written without its hyphen.
MIN_AGENCY_LEN = 2
OTHER_INDEX = "other"
COMMITTEE = "Ủy ban nhân dân"

_NUMBERING = re.compile(
    r"^(?:[(\[]?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-zđ])[.):\]/-]+\s*|\d+(?:\.\d+)*\s+)"
)
_TOKEN = re.compile(r"[^\W_]+")
_ABBR_JUNK = re.compile(r"[\s\-&.,/+]+|\bvà\b", re.IGNORECASE)
_COMMITTEE_WORD = re.compile(
    r"\b(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b"
    r"(\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b)?",
    re.IGNORECASE,
)
_AGENCY_HEAD = re.compile(r"^(sở|bộ)\s+(.+)$", re.IGNORECASE)
_SYMBOL_SPLIT = re.compile(r"[-–—\s]")
#: Số, ký hiệu: "568/TB-SXD", "15/2020/NĐ-CP", "2231/SNV-CCHC&PC", "568 / TB - SXD" (a digit
#: asked first: the lookbehind is tried only where a number may open).
DOC_NUMBER = re.compile(
    r"(?=\d)(?<![\w/])(\d{1,6}(?:/\d{4})?)\s*/\s*([A-ZĐ][A-Za-zĐđ0-9]*(?:\s?[-–&]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)*)"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PhraseTable:
    """Phrases naming codes, padded with spaces, longest first (ties in file order)."""

    phrases: tuple[tuple[str, str], ...]
    bare: tuple[tuple[str, str], ...]  # the same phrases without tones


@dataclass(frozen=True, slots=True, kw_only=True)
class _Token:
    key: str  # folded word
    start: int
    end: int


@cache
def data_table(name: str) -> dict[str, Any]:
    """Given a data file's stem, return its parsed TOML (read once)."""
    with (DATA_DIR / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


# --- keys --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[dict[str, str], re.Pattern[str]]:
    """Given nothing, return (folded abbreviation → expansion, regex of the abbreviations)."""
    table = {fold(k): fold(v) for k, v in data_table("areas")["abbreviations"].items()}
    alternatives = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return table, re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def expand_abbreviations(key: str) -> str:
    """Given folded text, return it with label abbreviations (CCHC, TTHC, VBQPPL …) spelled out."""
    table, pattern = _abbreviations()
    return pattern.sub(lambda m: table[m.group(1)], key)


@lru_cache(maxsize=CACHE_SIZE)
def label_key(text: str) -> str:
    """Given a label, return its key: folded, numbering off, abbreviations out, words only."""
    key = _NUMBERING.sub("", fold(fold_homoglyphs(text)), count=1)
    return " ".join(_TOKEN.findall(expand_abbreviations(key)))


# --- phrase tables -----------------------------------------------------------------------


def phrase_table(section: Mapping[str, Sequence[str]]) -> PhraseTable:
    """Given code → phrases from a data file, return its PhraseTable."""
    rows = [
        (label_key(phrase), code, order)
        for order, (code, phrases) in enumerate(section.items())
        for phrase in phrases
    ]
    rows.sort(key=lambda row: (-len(row[0].split()), row[2]))
    return PhraseTable(
        phrases=tuple((f" {key} ", code) for key, code, _ in rows),
        bare=tuple((f" {strip_tones(key)} ", code) for key, code, _ in rows),
    )


def best_code(key: str, table: PhraseTable) -> str | None:
    """Given a label key and a PhraseTable, return the code of the longest phrase found, or None."""
    padded = f" {key} "
    found = next((code for phrase, code in table.phrases if phrase in padded), None)
    if found is not None:
        return found
    bare = f" {strip_tones(key)} "
    return next((code for phrase, code in table.bare if phrase in bare), None)


@cache
def _phrases(file: str, section: str) -> PhraseTable:
    """Given a data file and a section of code → phrases, return its PhraseTable (built once)."""
    return phrase_table(data_table(file)[section])


@lru_cache(maxsize=CACHE_SIZE)
def area_code(label: str) -> str | None:
    """Given a score-table label, return its area code (chi_dao_dieu_hanh … mot_cua), or None."""
    return best_code(label_key(label), _phrases("areas", "areas"))


@cache
def _component_phrases() -> PhraseTable:
    """Given nothing, return the phrase table of the areas and the index's parts together."""
    areas = data_table("areas")
    return phrase_table({**areas["areas"], **areas["parts"]})


def part_codes() -> frozenset[str]:
    """Given nothing, return the codes of the index's parts (not areas): tham_dinh, sipas …"""
    return frozenset(data_table("areas")["parts"])


@lru_cache(maxsize=CACHE_SIZE)
def component_code(label: str) -> str | None:
    """Given a label in prose, return its area code or the code of a part of the index
    ("điểm thẩm định" → tham_dinh, "Chỉ số SIPAS" → sipas), or None."""
    return best_code(label_key(label), _component_phrases())


@lru_cache(maxsize=CACHE_SIZE)
def component_words(label: str) -> int:
    """Given a label, return how many of its words belong to an area's or a part's name
    (toneless when none does with tones): cutting a label must not lower this count."""
    words = label_key(label).split()
    table = _component_phrases()
    covered = _covered(words, table.phrases)
    return covered or _covered([strip_tones(w) for w in words], table.bare)


def _covered(words: Sequence[str], phrases: Sequence[tuple[str, str]]) -> int:
    """Given words and padded phrases, return how many words lie inside some phrase."""
    padded = f" {' '.join(words)} "
    marks = [False] * len(words)
    for phrase, _ in phrases:
        if phrase in padded:
            _mark(words, phrase.split(), marks)
    return sum(marks)


def _mark(words: Sequence[str], phrase: Sequence[str], marks: list[bool]) -> None:
    """Given words, one phrase's words and marks, mark every place the phrase occurs."""
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if list(words[i : i + n]) == list(phrase):
            marks[i : i + n] = [True] * n


@lru_cache(maxsize=CACHE_SIZE)
def unit_code(name: str) -> str | None:
    """Given the name of a unit inside a Sở ("Văn phòng Sở"), return its code, or None."""
    return best_code(label_key(name), _phrases("units", "units"))


@lru_cache(maxsize=CACHE_SIZE)
def index_code(text: str) -> str:
    """Given text naming an index, return "par", "sipas", "papi", "pci", "ddci" or "other"."""
    return best_code(label_key(text), _phrases("indices", "indices")) or OTHER_INDEX


# --- grades ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeWords:
    """The grade vocabulary: whole-cell keys, word sequences after cues, cues and fillers."""

    by_key: dict[str, str]  # label key (and its bare form) → canonical
    forms: tuple[tuple[tuple[str, ...], str], ...]  # grade words → canonical, longest first
    groups: dict[str, str]  # word after "nhóm" → canonical
    group_word: str
    cues: tuple[tuple[str, ...], ...]  # longest first
    fillers: frozenset[str]
    trigger_re: re.Pattern[str]  # any trigger as a whole word, any case (a quick pre-check)


def _forms_of(section: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Given canonical → written forms, return the label key of each form → canonical."""
    return {label_key(form): name for name, forms in section.items() for form in forms}


def _trigger_regex(words: Iterable[str]) -> re.Pattern[str]:
    """Given cue words, return a regex finding any of them, with or without tones, any case."""
    variants = {v for w in words for v in (w, strip_tones(w))}
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, variants))})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def grade_words() -> GradeWords:
    """Given nothing, return the GradeWords built from grades.toml."""
    data = data_table("grades")
    grades, groups = _forms_of(data["grades"]), _forms_of(data["groups"])
    word = label_key(data["group"]["word"])
    cues = sorted((tuple(label_key(c).split()) for c in data["cues"]["phrases"]), key=len)[::-1]
    keys = grades | {f"{word} {form}": name for form, name in groups.items()}
    return GradeWords(
        by_key=keys | {strip_tones(k): v for k, v in keys.items()},
        forms=tuple(sorted(((tuple(k.split()), n) for k, n in grades.items()), key=_first_len)),
        groups=groups,
        group_word=word,
        cues=tuple(cues),
        fillers=frozenset(map(label_key, data["cues"]["fillers"])),
        trigger_re=_trigger_regex([*(cue[0] for cue in cues), word]),
    )


def _first_len(item: tuple[tuple[str, ...], str]) -> int:
    """Given (words, name), return minus the number of words (sort key: longest first)."""
    return -len(item[0])


@lru_cache(maxsize=CACHE_SIZE)
def _bare(word: str) -> str:
    """Given a word, return it without tones (cached: vocabulary words repeat)."""
    return strip_tones(word)


def _same_word(key: str, form: str) -> bool:
    """Given a folded word and a vocabulary word, return whether they match (toneless: bare)."""
    return key == form or (key.isascii() and key == _bare(form))


def _sequence_at(tokens: Sequence[_Token], i: int, words: Sequence[str]) -> bool:
    """Given tokens, a position and a word sequence, return whether the sequence starts there."""
    window = tokens[i : i + len(words)]
    return len(window) == len(words) and all(map(_same_word, (t.key for t in window), words))


def _grade_at(tokens: Sequence[_Token], i: int) -> tuple[str, int, int] | None:
    """Given tokens and a position, return (canonical, first, end) of a grade starting there."""
    words = grade_words()
    for form, name in words.forms:
        if _sequence_at(tokens, i, form):
            return name, i, i + len(form)
    if i + 1 < len(tokens) and _same_word(tokens[i].key, words.group_word):
        return _group_at(tokens, i)
    return None


def _group_at(tokens: Sequence[_Token], i: int) -> tuple[str, int, int] | None:
    """Given tokens and the place of the group word, return (canonical, first, end) of the
    group named after it ("nhóm B", "nhóm rất thấp"), longest form first."""
    forms = sorted(grade_words().groups.items(), key=lambda item: -len(item[0].split()))
    for form, name in forms:
        if _sequence_at(tokens, i + 1, form.split()):
            return name, i, i + 1 + len(form.split())
    return None


def _after_cue(tokens: Sequence[_Token], i: int) -> int | None:
    """Given tokens and a position, return where the words after a grade cue start, or None."""
    words = grade_words()
    cue = next((c for c in words.cues if _sequence_at(tokens, i, c)), None)
    if cue is None:
        return None
    j = i + len(cue)
    while j < len(tokens) and tokens[j].key in words.fillers and not _grade_at(tokens, j):
        j += 1
    return j


def _grade_from(tokens: Sequence[_Token], i: int) -> tuple[str, int, int] | None:
    """Given tokens and a position, return (canonical, first, end) of a cued grade there."""
    if _same_word(tokens[i].key, grade_words().group_word):
        return _grade_at(tokens, i)
    j = _after_cue(tokens, i)
    return _grade_at(tokens, j) if j is not None else None


def _window(text: str, start: int) -> list[_Token]:
    """Given cleaned text and a position, return the next words with their keys and spans."""
    found = islice(_TOKEN.finditer(text, start), GRADE_WINDOW_WORDS)
    return [_Token(key=fold(m.group()), start=m.start(), end=m.end()) for m in found]


def grade_in_text(text: str) -> tuple[str, str] | None:
    """Given prose, return (canonical, raw as written) of the first grade after a cue, or None."""
    cleaned = clean(text)
    for cue in grade_words().trigger_re.finditer(cleaned):  # cue words have one tone placement
        tokens = _window(cleaned, cue.start())
        if found := _grade_from(tokens, 0):
            _, first, end = found
            return found[0], cleaned[tokens[first].start : tokens[end - 1].end]
    return None


@lru_cache(maxsize=CACHE_SIZE)
def grade(text: str) -> str | None:
    """Given a grade cell or a phrase ("xếp loại khá"), return the canonical grade, or None."""
    if canonical := grade_words().by_key.get(label_key(text)):
        return canonical
    found = grade_in_text(text)
    return found[0] if found else None


# --- agencies and localities ---------------------------------------------------------------


def _abbr_key(text: str) -> str:
    """Given an abbreviation as written ("TT & TT", "KH và ĐT"), return its lookup key ("TTTT")."""
    return _ABBR_JUNK.sub("", text).upper()


@lru_cache(maxsize=1)
def _agencies() -> tuple[dict[str, str], dict[str, str]]:
    """Given nothing, return (abbreviation key → name, label key → name) of agencies."""
    agencies = data_table("units")["agencies"]
    by_abbr = {_abbr_key(a): name for name, abbrs in agencies.items() for a in abbrs}
    return by_abbr, {label_key(name): name for name in agencies}


def _agency_name(rest: str) -> tuple[str, str] | None:
    """Given the words after "Sở"/"Bộ", return (canonical agency name, remaining words), or None."""
    by_abbr, by_key = _agencies()
    words = rest.split(" ")
    for n in range(min(len(words), MAX_AGENCY_WORDS), 0, -1):
        part = " ".join(words[:n])
        name = by_abbr.get(_abbr_key(part)) or by_key.get(label_key(part))
        if name:
            return name, " ".join(words[n:])
    return None


@lru_cache(maxsize=1)
def _localities() -> tuple[dict[str, str], re.Pattern[str], dict[str, str]]:
    """Given nothing, return (written level → level, leading-level regex, place abbreviations)."""
    data = data_table("units")
    localities = data["localities"].items()
    levels = {form: level for level, forms in localities for form in (level, *forms)}
    written = sorted(levels, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) + (r"\s*" if w.endswith(".") else r"\s+") for w in written)
    pattern = re.compile(rf"^({COMMITTEE}\s+)?({alternatives})(.*)$", re.IGNORECASE)
    places = {a: name for name, abbrs in data["places"].items() for a in abbrs}
    variants = data["provinces"]["variants"].items()
    places |= {spaced_dashes(canonical_tones(a)): spaced_dashes(name) for a, name in variants}
    return levels, pattern, places


def spaced_dashes(name: str) -> str:
    """Given a place name, return it with its dashes written " - " ("Bà Rịa–Vũng Tàu")."""
    return re.sub(r"\s*[-–—]\s*", " - ", name)


def _place_name(name: str) -> str:
    """Given a place name, return it spelled out, and titled when all caps or all lowercase."""
    places = _localities()[2]
    name = spaced_dashes(name)
    name = places.get(name, name)
    return name.title() if name.isupper() or name.islower() else name


def _expand_committee(text: str) -> str:
    """Given a name, return it with UBND written "Ủy ban nhân dân" and a lowercase level."""
    return _COMMITTEE_WORD.sub(lambda m: COMMITTEE + (m.group(1) or "").lower(), text)


def _expand_locality(text: str, *, inside: bool = False) -> str:
    """Given a name, return it with a leading level spelled out ("TP.Biên Hòa" → "Thành phố …")."""
    levels, pattern, _ = _localities()
    m = pattern.match(text)
    if m is None:
        return text
    level = levels[m.group(2).strip().lower()]
    lead = f"{COMMITTEE} {level}" if m.group(1) else level if inside else level.capitalize()
    name = _place_name(m.group(3).strip())
    return f"{lead} {name}".strip()


def _expand_agency(text: str) -> str:
    """Given a name, return "Sở/Bộ <canonical agency> …" for a known agency, else it unchanged."""
    m = _AGENCY_HEAD.match(text)
    found = _agency_name(m.group(2)) if m else None
    if m is None or found is None:
        return text
    name, rest = found
    head = m.group(1).capitalize()
    rest = _expand_locality(rest, inside=True) if rest.isupper() else rest
    return f"{head} {name} {rest}".strip()


@lru_cache(maxsize=CACHE_SIZE)
def names_an_agency(name: str) -> bool:
    """Given a name, return whether it is exactly "Sở/Bộ <known agency>" ("Sở Tư pháp", "Bộ
    TN&MT"), nothing after the agency's name."""
    m = _AGENCY_HEAD.match(name)
    found = _agency_name(m.group(2)) if m else None
    return found is not None and not found[1].strip()


_UNIT_LEVELS = tuple(
    (re.compile(rx), level)
    for rx, level in (
        (r"^so\b", "so"),
        (r"^(?:uy ban nhan dan |ubnd )?(?:tinh|thanh pho truc thuoc)\b", "tinh"),
        (r"^(?:uy ban nhan dan |ubnd )?thanh pho (?:ha noi|ho chi minh|hai phong|da nang|can tho)"
         r"\b", "tinh"),
        (r"^(?:uy ban nhan dan |ubnd )?(?:xa|phuong|thi tran)\b", "xa"),
        (r"^(?:uy ban nhan dan |ubnd )?(?:huyen|quan|thi xa|thanh pho)\b", "huyen"),
        (r"^bo\b", "bo"),
    )
)


def unit_level(unit: str | None) -> str | None:
    """Given a unit's name, return its level: so, huyen, xa, tinh or bo (None if unsaid)."""
    key = bare_key(unit or "")
    return next((level for rx, level in _UNIT_LEVELS if rx.match(key)), None)


@lru_cache(maxsize=1)
def _unit_heads() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words a unit's name starts with (folded),
    verb phrases that start alike ("ban hành") excluded."""
    table = data_table("units")["unit_heads"]
    heads = sorted((fold(w) for w in table["words"]), key=len, reverse=True)
    verbs = "|".join(re.escape(fold(w)) for w in table["not_heads"])
    body = "|".join(re.escape(w) for w in heads)
    return re.compile(rf"^(?!(?:{verbs})(?!\w))(?:{body})(?!\w)")


def names_a_unit(text: str) -> bool:
    """Given a short line, return whether it names a unit: a known one, or one whose first
    words are a unit's head ("Phòng Tổ chức - Biên chế", "Chi cục Văn thư - Lưu trữ")."""
    return unit_code(text) is not None or starts_as_unit(text)


def starts_as_unit(text: str) -> bool:
    """Given text, return whether its first words are a unit's head ("Phòng …", "Thanh tra …")."""
    return bool(_unit_heads().match(fold(text)))


@lru_cache(maxsize=CACHE_SIZE)
def canonical_unit(name: str) -> str:
    """Given an agency or locality name, return it spelled out and capitalised canonically,
    tones placed canonically ("Thanh Hoá" and "Thanh Hóa" are one province), a typographic
    apostrophe as the plain one ("Ea H’leo" is "Ea H'leo")."""
    text = _expand_committee(canonical_tones(clean(name.replace("’", "'"))))
    return _expand_agency(_expand_locality(text))


# --- kinds of document ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _doc_types() -> dict[str, str]:
    """Given nothing, return uppercase kind of document → canonical spelling."""
    return {code.upper(): code for code in data_table("indices")["doc_types"]["codes"]}


def _doc_type_prefix(head: str) -> str | None:
    """Given a ký hiệu head without hyphen ("QĐUBND"), return the kind it starts with, or None."""
    types = _doc_types()
    for code in sorted(types, key=len, reverse=True):
        rest = head[len(code) :]
        if head.startswith(code) and len(rest) >= MIN_AGENCY_LEN and rest.isalpha():
            return types[code]
    return None


@lru_cache(maxsize=CACHE_SIZE)
def format_doc_number(m: re.Match[str]) -> str:
    """Given a DOC_NUMBER match, return the number without inner spaces, dashes unified."""
    symbol = re.sub(r"\s*[-–]\s*", "-", m.group(2)).replace(" ", "")
    return f"{m.group(1)}/{symbol}"


def document_numbers(text: str) -> tuple[str, ...]:
    """Given text, return the document numbers (số, ký hiệu) it cites, in order."""
    return tuple(format_doc_number(m) for m in DOC_NUMBER.finditer(text))


def doc_type(symbol: str) -> str | None:
    """Given a ký hiệu ("568/TB-SXD", "Số: 15/QĐ-BNV"), return its kind ("TB"), or None."""
    part = clean(symbol).rsplit(":", 1)[-1].rsplit("/", 1)[-1].strip()
    head = _SYMBOL_SPLIT.split(part, maxsplit=1)[0].upper()
    if head in _doc_types():
        return _doc_types()[head]
    return _doc_type_prefix(head) if head == part.upper() and head else None
