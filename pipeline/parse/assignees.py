"""Who a sentence gives a duty to: "Giao Sở Nội vụ chủ trì …", "Sở Tài chính phối hợp với …",
"Công an tỉnh: Chỉ đạo …", "UBND tỉnh chỉ đạo các sở … rà soát …".

Words are compared folded (pipeline/data/assignees.toml); a name runs from a unit's head word
to the first verb written in lower case, so the partner after "phối hợp với" is never taken.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from parscore.normalizers.doccache import document_cache
from parscore.normalizers.fastinit import fast_init
from parscore.normalizers.labels import canonical_unit, names_an_agency, starts_as_unit
from parscore.normalizers.text import fold

#: Sentences whose words are kept within a document: the readers cut one sentence several times.
WORDS_CACHE = 4096


class Phrases(tuple[tuple[str, ...], ...]):
    """Folded phrases as word tuples, longest first, indexed by their first word (a lookup
    per word instead of a scan of every phrase: the reader tries them at every word)."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    longest: int  # words of the longest phrase

    def __new__(cls, items: Iterable[tuple[str, ...]]) -> Phrases:
        """Given word tuples, longest first, return them indexed."""
        self = super().__new__(cls, [p for p in items if p])
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self:
            index.setdefault(phrase[0], []).append(phrase)
        self.by_first = {k: tuple(v) for k, v in index.items()}
        self.longest = max(map(len, self), default=0)
        return self


_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-zđ])\)$")  # "(1)", "2)", "a)" inside a sentence
_ABBREVIATION = re.compile(r"^[A-ZĐ]{1,3}\.$")  # "TP.", "TX." before a place's name
MAX_TOPIC_WORDS = 16  # a topic before its colon ("Về công tác cải cách thủ tục hành chính:")
MAX_TOPIC_HEADING_WORDS = 8  # a topic heading without "Về" ("1.2 Lĩnh vực đất đai:")
MAX_OPENERS = 3  # clauses opening a sentence before its subject ("Theo đó, thời gian tới, …")
SHOUTED_WORDS = 3  # a run of words in capitals this long is a header, no name
REPORT_REACH = 3  # words after a name's end searched for a report's ("tiếp tục dẫn đầu")
_PUNCT = ",;:.()\"“”'/"
_QUOTES = "\"“‘'("  # marks that may open a quoted sentence before its subject
_BREAKS = (",", ";", ":", ".")  # a phrase of a sentence never runs across one
#: "Sở …", "Bộ …": names_an_agency tells whether the name is a whole known one
_AGENCY_HEADS = frozenset({fold("Sở"), fold("Bộ")})
_NON_SPACE = re.compile(r"\S+")
_REMARK = re.compile(r"(?<=\S) \(([^()]{1,80})\)")  # " (…)" after a word, no brackets inside


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The folded phrases of pipeline/data/assignees.toml, longest first."""

    cues: Phrases
    inner: Phrases
    compounds: Phrases
    not_after_cue: Phrases
    honorifics: Phrases
    clauses: Phrases
    openers: Phrases
    topics: Phrases
    ordinals: Phrases
    continuing: Phrases
    closings: Phrases
    reported: Phrases
    of_body: Phrases
    generic_duties: Phrases
    not_duties: Phrases
    fillers: Phrases
    passive: Phrases
    recipients: Phrases
    name_stops: Phrases
    tails: Phrases
    reporting: Phrases
    changes: Phrases
    report_leads: Phrases
    obliged: Phrases
    levels: Phrases
    unfinished: Phrases
    authorities: Phrases
    own_duties: Phrases
    lower_levels: Phrases
    addressees: Phrases
    attachments: Phrases
    remits: Phrases
    deputies: Phrases
    verb_names: Phrases
    captions: Phrases
    verbs: Phrases
    heads: Phrases
    groups: Phrases
    group_heads: Phrases
    not_heads: Phrases
    max_words: int


def phrases(words: list[str]) -> Phrases:
    """Given words or phrases, return them folded into word tuples, longest first."""
    folded = {tuple(k for k in (w.strip(_PUNCT) for w in fold(p).split()) if k) for p in words}
    return Phrases(sorted(folded, key=len, reverse=True))


@cache
def vocabulary() -> Vocabulary:
    """Return the vocabulary of pipeline/data/assignees.toml."""
    path = resources.files("parscore.pipeline").joinpath("data/assignees.toml")
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    prose, heads = table["prose"], table["prose"]["heads"]
    lists = {f.name: prose.get(f.name, heads.get(f.name)) for f in dataclasses.fields(Vocabulary)}
    lists["verbs"] = table["verbs"]
    return Vocabulary(
        **{k: phrases(v) for k, v in lists.items() if k not in ("max_words", "heads")},
        heads=phrases(heads["words"]),
        max_words=prose["max_words"],
    )


@fast_init
@dataclass(frozen=True, slots=True)
class Words:
    """A text cut into words: as written, folded without punctuation, and where each starts
    (found when first asked: most texts name no assignee, and only a found one needs it)."""

    text: str
    raw: tuple[str, ...]
    keys: tuple[str, ...]

    @property
    def starts(self) -> tuple[int, ...]:
        """Return where each word starts in the text."""
        return word_starts(self.text)


@document_cache(WORDS_CACHE)
def words_of(text: str) -> Words:
    """Given a text, return its Words (the text folded once when that keeps its words, else
    word by word)."""
    raw = text.split()  # the same words as _NON_SPACE finds (str.isspace is re's \s)
    folded = fold(text).split()
    if len(folded) != len(raw):
        folded = [fold(word) for word in raw]
    return Words(
        text=text,
        raw=tuple(raw),
        keys=tuple([key.strip(_PUNCT) for key in folded]),
    )


@document_cache(WORDS_CACHE)
def word_starts(text: str) -> tuple[int, ...]:
    """Given a text, return where each of its words starts (those ``str.split`` gives)."""
    return tuple([m.start() for m in _NON_SPACE.finditer(text)])


def match_at(keys: tuple[str, ...], i: int, table: Phrases) -> int:
    """Given folded words, an index and phrases, return the length of the longest phrase
    there (0 when none is)."""
    if i >= len(keys) or not (found := table.by_first.get(keys[i])):
        return 0  # most words start no phrase: answered without building a generator
    return next((len(p) for p in found if keys[i : i + len(p)] == p), 0)


@fast_init
@dataclass(frozen=True, slots=True)
class Assignment:
    """A duty's assignee: where the task's text starts, the unit named, and whether a duty
    follows the name (False for a line that only names the body: "1. Cục Thuế tỉnh:")."""

    start: int
    unit: str
    duty: bool
    cue: bool = False
    end: int = 0  # where the name ends in the text


def is_head(w: Words, i: int, *, cued: bool = False) -> bool:
    """Given words and an index, return whether a unit's name starts there: a head word
    written capitalised ("Sở", "Công an"; after a cue in lower case too: "đề nghị thủ
    trưởng các cơ quan"), or a group ("các đơn vị", "các địa phương")."""
    voc = vocabulary()
    if i >= len(w.keys) or match_at(w.keys, i, voc.not_heads) or shouted(w, i):
        return False
    if group := match_at(w.keys, i, voc.groups):
        after = i + group
        if after < len(w.keys) and match_at(w.keys, after, voc.not_heads):
            return False
        return bool(match_at(w.keys, after, voc.heads) or match_at(w.keys, after, voc.group_heads))
    capital = w.raw[i].lstrip(_QUOTES)[:1].isupper()  # after a quote's opening mark too
    return (cued or capital) and bool(match_at(w.keys, i, voc.heads))


def shouted(w: Words, i: int) -> bool:
    """Given words and an index, return whether three words in capitals start there: a
    header ("ỦY BAN NHÂN DÂN TỈNH"), not a name written in a sentence ("UBND TP. Vinh")."""
    run = w.raw[i : i + SHOUTED_WORDS]
    return len(run) == SHOUTED_WORDS and all(word.isupper() and len(word) > 1 for word in run)


def name_end(w: Words, i: int, *, cued: bool = False) -> tuple[int, bool] | None:
    """Given words and the start of a name, return (its end, whether a duty follows): it ends
    before a verb in lower case or after a colon (not one opening a list: "các sở: Tài
    chính, …"; a figure after it is no duty: "Sở Y tế: 89,7 điểm"); None when a report
    ("đã", and without a cue "dẫn đầu") or a cue comes first, or when the name is a news
    item's source in brackets. A name running to the end of the text is a body named alone."""
    voc = vocabulary()
    last = min(len(w.keys), i + voc.max_words + 1)
    head = match_at(w.keys, i, voc.heads)  # "Người đứng đầu …" is a head, no report
    bracketed = w.raw[i].startswith("(")  # "(Báo Cao Bằng) - Chiều 21/10, …": a source
    for j in range(i + max(1, head), last):
        if bracketed and w.raw[j - 1].endswith(")"):
            return None
        if ends_sentence(w.raw[j - 1]) or (w.raw[j - 1].endswith(":") and not lists(w, i, j)):
            return j, w.raw[j - 1].endswith(":") and w.raw[j][:1].isalpha()
        if reports(w, j, cued=cued) or lower_cue(w, j):
            return None
        if match_at(w.keys, j, voc.name_stops):
            return j, True
        if ends_before(w, j, i):
            after = j + max(match_at(w.keys, j, voc.verbs), 1)  # past "chuẩn bị": no "bị"
            span = j + REPORT_REACH + 1 - after
            return (j, True) if cued or not reports(w, after, cued=False, span=span) else None
    return (len(w.keys), False) if last == len(w.keys) else None


def ends_sentence(word: str) -> bool:
    """Given a word, return whether a full stop ends the sentence there (not "TP.")."""
    return word.endswith(".") and not _ABBREVIATION.match(word)


def reports(w: Words, j: int, *, cued: bool, span: int = 1) -> bool:
    """Given words, an index and whether a cue gave the name, return whether a report's
    words start within `span` words there ("đã", and without a cue "dẫn đầu", "đạt")."""
    voc = vocabulary()
    tables = (voc.reported,) if cued else (voc.reported, voc.reporting)
    ends = range(j, min(j + span, len(w.keys)))
    return any(said_at(w, k, table) for k in ends for table in tables)


def said_at(w: Words, k: int, table: Phrases) -> int:
    """Given words, an index and phrases (a report's, a verb's), return the length of the one
    written there as words of a sentence: in lower case, no comma inside ("Truyền thông, Báo
    Tuyên Quang" is no "thông báo"); 0 when none is."""
    size = match_at(w.keys, k, table)
    if not size or not w.raw[k][:1].islower():
        return 0
    return 0 if any(x.endswith(_BREAKS) for x in w.raw[k : k + size - 1]) else size


def ends_before(w: Words, j: int, i: int = 0) -> bool:
    """Given words, an index and where the name starts, return whether the name ends before
    the index: a verb in lower case after a word a name may end on, not a place's level
    ("xây dựng huyện", unless a known agency's name is whole before it: "Sở Tư pháp hướng dẫn
    thị xã …") nor a member of a list ("Cơ quan, tổ chức, cá nhân")."""
    voc = vocabulary()
    finished = not match_at(w.keys, j - 1, voc.unfinished)
    verb = said_at(w, j, voc.verbs)
    named = j + verb < len(w.keys) and match_at(w.keys, j + verb, voc.levels)
    named = named and not names_an_agency(" ".join(w.raw[i:j]))
    listed = w.raw[j - 1].endswith(",") and w.raw[j + verb - 1].endswith(",")
    inside = bool(verb) and (in_verb_name(w, j) or in_remit(w, i, j))
    return (finished and bool(verb) and not (named or listed or inside)) or agency_done(w, i, j)


def in_verb_name(w: Words, j: int) -> bool:
    """Given words and the index of a verb, return whether it is part of a name written
    around it ("Giáo dục thường xuyên")."""
    names = vocabulary().verb_names.by_first
    return any(
        w.keys[k : k + len(p)] == p
        for k in range(max(0, j - 3), j)
        for p in names.get(w.keys[k], ())
        if k + len(p) > j
    )


def in_remit(w: Words, i: int, j: int) -> bool:
    """Given words, the start of a deputy's title and the index of a remit word ("Phó Giám
    đốc | phụ trách khối văn hóa chỉ đạo …"), return whether the remit is part of the title:
    a verb or a colon still follows in its clause."""
    voc = vocabulary()
    size = match_at(w.keys, j, voc.remits)
    if not size or not match_at(w.keys, i, voc.deputies):
        return False
    for k in range(j + size, min(len(w.keys), j + size + voc.max_words)):
        if w.raw[k - 1].endswith(":"):
            return True
        if w.raw[k - 1].endswith((".", ";")):
            return False
        if said_at(w, k, voc.verbs):
            return k > j + size
    return w.raw[-1].endswith(":")


def agency_done(w: Words, i: int, j: int) -> bool:
    """Given words and a name w[i:j], return whether it is a known agency's whole name before
    a word in lower case that goes on no name and starts its duty ("Sở Tài chính cân đối …";
    not "… tỉnh", "… và", nor a change: "… tăng 9 bậc")."""
    voc = vocabulary()
    return (
        w.keys[i] in _AGENCY_HEADS
        and w.raw[j][:1].islower()
        and not w.raw[j - 1].endswith(_BREAKS)
        and not any(match_at(w.keys, j, t) for t in (voc.levels, voc.unfinished, voc.changes))
        and names_an_agency(" ".join(w.raw[i:j]))
    )


def lists(w: Words, i: int, j: int) -> bool:
    """Given words and a name w[i:j] ending with a colon, return whether the colon opens a
    list of the bodies it names ("các sở: Tài chính, Tư pháp")."""
    voc = vocabulary()
    group = match_at(w.keys, i, voc.groups)
    return bool(group) and j - i <= group + 1 and j < len(w.keys)


def lower_cue(w: Words, j: int) -> bool:
    """Given words and an index, return whether a cue written in lower case stands there
    ("chỉ đạo" is a verb here: only after an authority does it name an assignee)."""
    cue = match_at(w.keys, j, vocabulary().cues)
    return bool(cue) and w.raw[j][:1].islower() and not passive(w, j)


def passive(w: Words, j: int) -> bool:
    """Given words and the index of a cue, return whether it is passive ("được giao")."""
    voc = vocabulary()
    return any(j >= len(p) and w.keys[j - len(p) : j] == p for p in voc.passive)


def compound(w: Words, j: int) -> bool:
    """Given words and the index of a cue, return whether it opens a word of its own, its
    last part not capitalised as a name is ("họp giao ban", "GIAO BAN"; "giao Ban Dân tộc"
    is a cue)."""
    size = match_at(w.keys, j, vocabulary().compounds)
    last = w.raw[j + size - 1].strip(_PUNCT) if size else ""
    return bool(last) and (last.isupper() or not last[:1].isupper())


def subject_at(w: Words, i: int, *, cued: bool = False) -> Assignment | None:
    """Given words and an index, return the unit named there with what follows it, or None."""
    if not is_head(w, i, cued=cued) or not (end := name_end(w, i, cued=cued)):
        return None
    stop = without_tail(w, end[0])
    unit = " ".join(w.raw[i:stop]).strip(_PUNCT + " ")
    if unit.count("(") > unit.count(")"):  # "Các Chi cục (Chi cục A, Chi cục B) chủ động …"
        unit += ")"
    duty = end[1] and end[0] < len(w.keys)
    return Assignment(w.starts[i], unit, duty, end=w.starts[stop - 1] + len(w.raw[stop - 1]))


def without_tail(w: Words, end: int) -> int:
    """Given words and a name's end, return the end before a passive tail ("được giao")."""
    for tail in vocabulary().tails:
        if end - len(tail) > 0 and w.keys[end - len(tail) : end] == tail:
            return end - len(tail)
    return end


def after_comma(w: Words, i: int) -> int:
    """Given words and an index, return the index after the next word ending with a comma
    (the end when there is none)."""
    return next((j + 1 for j in range(i, len(w.raw)) if w.raw[j].endswith(",")), len(w.raw))


def after_cue(w: Words, i: int) -> Assignment | None:
    """Given words and the index after a cue, return the unit named there; a clause may
    stand before it ("yêu cầu căn cứ …, Thủ trưởng các sở …")."""
    voc = vocabulary()
    i += int(i < len(w.raw) and bool(_ENUMERATOR.match(w.raw[i])))  # "giao: (1) Sở X …"
    i += match_at(w.keys, i, voc.honorifics)  # "giao đồng chí Phó Giám đốc …"
    if i >= len(w.keys) or match_at(w.keys, i, voc.not_after_cue):
        return None
    if match_at(w.keys, i, voc.clauses):
        i = after_comma(w, i)
    return subject_at(w, i, cued=True)


def cue_assignment(w: Words, first: int = 0, *, inner: bool = False) -> Assignment | None:
    """Given words, return the unit a cue names ("…, giao Sở Tài chính chủ trì …"), the text
    starting at the cue; with `inner`, "chỉ đạo" in lower case is a cue too."""
    voc = vocabulary()
    cues, inners = voc.cues.by_first, voc.inner.by_first if inner else {}
    rest = w.keys[first:]
    if cues.keys().isdisjoint(rest) and inners.keys().isdisjoint(rest):
        return None  # most sentences hold no cue word: answered in C, without a word loop
    for i in (k for k in range(first, len(w.keys)) if w.keys[k] in cues or w.keys[k] in inners):
        size = match_at(w.keys, i, voc.cues)
        if size and i and match_at(w.keys, i, voc.honorifics) == size:
            continue  # "Ngày 8/10, đồng chí Chủ tịch … chủ trì hội nghị": a report, no cue
        if not size and inner and w.raw[i][:1].islower():
            size = match_at(w.keys, i, voc.inner)
        if size and not passive(w, i) and not compound(w, i) and (found := after_cue(w, i + size)):
            return dataclasses.replace(found, start=w.starts[i], cue=True)
    return None


def cued_subject(text: str) -> Assignment | None:
    """Given a sentence under a bare cue ("Điều 2. Giao:" over "1. Sở Nội vụ thông báo kết
    quả …"), return its subject read as a cue's assignee (news words are its duty), else None."""
    w = words_of(text)
    found = subject_at(w, opener_end(w), cued=True)
    return dataclasses.replace(found, cue=True) if found and found.duty else None


def addressed(w: Words) -> Assignment | None:
    """Given words, return the unit a sentence opens by addressing ("Đối với Sở Nội vụ, cần
    tham mưu …"), its duty after the name; None otherwise."""
    size = match_at(w.keys, 0, vocabulary().of_body)
    found = subject_at(w, size, cued=True) if size else None
    if found and found.duty:
        return dataclasses.replace(found, start=0, cue=True)
    return addressed_by_authority(w, size) if size else None


def addressed_by_authority(w: Words, size: int) -> Assignment | None:
    """Given words opening on "Đối với" (its length), return the body addressed when an
    authority then gives it the duty ("Đối với UBND các xã, phường, Phó Chủ tịch yêu cầu
    tập trung …"): the name up to the comma before the authority, the duty after its cue."""
    voc = vocabulary()
    if not is_head(w, size, cued=True):
        return None
    for k in range(size + 1, min(len(w.keys), size + voc.max_words)):
        if not (cue := match_at(w.keys, k, voc.cues)) or not w.raw[k][:1].islower():
            continue
        comma = next((c for c in range(k - 1, size, -1) if w.raw[c].endswith(",")), None)
        if comma is None or not is_authority(w, comma + 1) or k + cue >= len(w.keys):
            return None
        unit = " ".join(w.raw[size : comma + 1]).strip(_PUNCT + " ")
        duty = w.starts[k + cue]  # the task's text is the duty alone, the name is before
        return Assignment(duty, unit, True, cue=True, end=duty)
    return None


def opener_end(w: Words) -> int:
    """Given words, return the index after a topic and its colon ("Về kinh phí: Sở Tài chính
    …") and the openers and their commas ("Theo đó, …", "Theo Bộ trưởng, thời gian tới, …"),
    else 0."""
    end = topic_end(w)
    for _ in range(MAX_OPENERS):
        if not match_at(w.keys, end, vocabulary().openers):
            break
        after = after_comma(w, end)
        if after >= len(w.keys):
            break
        end = after
    return end


def first_remark(text: str) -> re.Match[str] | None:
    """Given a text, return its first remark in brackets after a word, opening in lower case
    ("(hai đơn vị xếp cuối bảng)", "(qua Sở Nội vụ)"), not a name ("(Sở Nội vụ)")."""
    return next((m for m in _REMARK.finditer(text) if m.group(1)[:1].islower()), None)


def topic_end(w: Words) -> int:
    """Given words, return the index after a topic that opens them up to its colon ("Về đề
    xuất bổ sung biên chế: …"), else 0."""
    if not match_at(w.keys, 0, vocabulary().topics):
        return 0
    ends = (j + 1 for j in range(min(len(w.raw), MAX_TOPIC_WORDS)) if w.raw[j].endswith(":"))
    end = next(ends, 0)
    return end if end < len(w.raw) else 0


@document_cache(WORDS_CACHE)
def find_assignment(text: str) -> Assignment | None:
    """Given a sentence or an item's lead, return who it gives a duty to: a cue's unit
    ("giao Sở X …"), an authority's "chỉ đạo" unit, or its subject ("Sở X chủ trì …",
    "Công an tỉnh: …"); a lead that only names a body comes back with `duty` False.

    Kept per text, as the words are: a task section's line is asked as a heading, as a
    lead and as a task (the answer is a frozen record). A remark in brackets that opens in
    lower case is read past ("UBND huyện X (hai đơn vị xếp cuối bảng): xây dựng …")."""
    if "(" in text and (remark := first_remark(text)) is not None:
        found = find_assignment(text[: remark.start()] + text[remark.end() :])
        if found is None:
            return None
        cut, size = remark.start(), remark.end() - remark.start()
        start, end = (p + size if p > cut else p for p in (found.start, found.end))
        return dataclasses.replace(found, start=start, end=end)
    w = words_of(text)
    if not w.keys:
        return None
    if found := cue_assignment(w) or addressed(w):
        return found
    subject = subject_at(w, opener_end(w))
    if subject and takes_on(w, subject):
        return subject
    if (first := authority_at(w)) is not None and not within(w, first, subject):
        cued = cue_assignment(w, first, inner=True)
        if cued is None and subject is not None and directs(w, first, subject):
            return None  # "Chủ tịch UBND tỉnh chỉ đạo nâng cao …": whom, it does not say
        subject = cued or subject
    return subject if subject and subject.duty else (recipient(w) or subject)


def within(w: Words, first: int, subject: Assignment | None) -> bool:
    """Given words, where an authority is named and the subject, return whether the
    authority is part of the subject's own name ("Văn phòng UBND tỉnh chỉ đạo Trung tâm …":
    the office directs, the committee in its name gives no duty)."""
    return subject is not None and subject.start < w.starts[first] < subject.end


def directs(w: Words, first: int, subject: Assignment) -> bool:
    """Given words, where an authority is named and the subject, return whether the subject
    is that authority giving a direction ("chỉ đạo", "yêu cầu" right after its name): it
    gives the duty, it does not take it."""
    if w.starts[first] != subject.start:
        return False
    end = first + len(subject.unit.split())
    voc = vocabulary()
    return bool(match_at(w.keys, end, voc.inner) or match_at(w.keys, end, voc.cues))


def recipient(w: Words) -> Assignment | None:
    """Given words without a subject given a duty, return the body a passive cue names as
    receiving it ("Việc rà soát … được giao cho Văn phòng UBND tỉnh thực hiện"), the task
    being the whole sentence; None without one, or in a report ("đã")."""
    voc = vocabulary()
    recipients, reported = voc.recipients, voc.reported
    at = next((i for i, key in enumerate(w.keys) if key in recipients.by_first and
               match_at(w.keys, i, recipients)), None)  # fmt: skip
    if at is None:
        return None  # most sentences: no word opens a passive cue, no report is looked for
    if any(said_at(w, k, reported) for k, key in enumerate(w.keys) if key in reported.by_first):
        return None  # "… được giao cho Sở X … đã hoàn thành": a report
    found = subject_at(w, at + match_at(w.keys, at, recipients), cued=True)
    return dataclasses.replace(found, start=0, cue=True) if found else None


def takes_on(w: Words, subject: Assignment) -> bool:
    """Given words and their subject, return whether the duty after the name is the
    subject's own ("… có trách nhiệm", "… chủ trì"), whoever it directs after."""
    end = next((k for k, start in enumerate(w.starts) if start >= subject.start), 0)
    end += len(subject.unit.split())
    return end < len(w.keys) and bool(match_at(w.keys, end, vocabulary().own_duties))


def authority_at(w: Words) -> int | None:
    """Given words, return where a body that gives duties to others is named, capitalised
    ("UBND tỉnh", "Chủ tịch …"), or None."""
    heads = vocabulary().authorities.by_first
    if heads.keys().isdisjoint(w.keys):
        return None
    return next((i for i, key in enumerate(w.keys) if key in heads and is_authority(w, i)), None)


def is_authority(w: Words, i: int) -> bool:
    """Given words and an index, return whether a body that gives duties is named there:
    one body, capitalised ("UBND tỉnh"), not a group ("Chủ tịch UBND các huyện") nor a
    district named ("UBND huyện Bình Sơn")."""
    voc = vocabulary()
    size = match_at(w.keys, i, voc.authorities) if w.raw[i][:1].isupper() else 0
    after = range(i + size, min(i + size + 2, len(w.keys)))
    return (
        bool(size)
        and not any(match_at(w.keys, k, voc.groups) for k in after)
        and not (named_place(w, i + size))
    )


def named_place(w: Words, i: int) -> bool:
    """Given words and an index, return whether a lower level and its place's name stand
    there ("huyện Bình Sơn")."""
    level = match_at(w.keys, i, vocabulary().lower_levels) if i < len(w.keys) else 0
    return bool(level) and i + level < len(w.raw) and w.raw[i + level][:1].isupper()


def names_topic(text: str) -> bool:
    """Given a sub-heading's text, return whether it names a topic rather than a body or a
    duty ("1.1. Về hạ tầng số", "b) Lĩnh vực đất đai:"): a topic word opens it, or it is a
    few words without a full stop that open with no verb and name no body."""
    head = text.rstrip(" :")
    w = words_of(head)
    if not w.keys or head.endswith((".", ";")):
        return False
    if match_at(w.keys, 0, vocabulary().topics):
        return len(w.keys) <= MAX_TOPIC_WORDS
    return (
        len(w.keys) <= MAX_TOPIC_HEADING_WORDS
        and not starts_with(head, vocabulary().verbs)
        and not starts_as_unit(head)
        and find_assignment(head) is None
    )


def body_of_heading(text: str) -> str | None:
    """Given a heading, return the body it names after "Trách nhiệm của", else None; a
    heading in capitals ("II. ĐỐI VỚI UBND CÁC HUYỆN:") names it spelled as in a sentence."""
    shouting = text.isupper()
    w = words_of(text.lower() if shouting else text)
    if not w.keys or not (size := match_at(w.keys, 0, vocabulary().of_body)):
        return None
    found = subject_at(w, size, cued=shouting)
    if not found or found.duty:
        return None
    if not shouting:
        return found.unit
    unit = canonical_unit(found.unit)
    return unit[:1].upper() + unit[1:]


def starts_with(text: str, table: Phrases) -> bool:
    """Given a text and phrases, return whether the text starts with one of them (only the
    words a phrase can span are folded, and those after the first only when a phrase starts
    with it)."""
    head = text.split(None, table.longest)[: table.longest]
    first = fold(head[0]).strip(_PUNCT) if head else ""
    if first not in table.by_first:
        return False  # most texts: no phrase starts with their first word
    keys = (first, *(fold(word).strip(_PUNCT) for word in head[1:]))
    return bool(match_at(keys, 0, table))


def is_closing(text: str, found: Assignment) -> bool:
    """Given a sentence and its assignment, return whether the duty is only the closing
    formula ("… đề nghị các phòng, đơn vị nghiêm túc triển khai thực hiện./.")."""
    voc = vocabulary()
    w = words_of(text[found.start :])
    rest = w.keys[len(found.unit.split()) + cue_length(w) :]
    kept: list[str] = []
    k = 0
    while k < len(rest):
        size = match_at(rest, k, voc.fillers)
        kept.extend(rest[k : k + 1] if not size else [])
        k += size or 1
    words = tuple(key for key in kept if key)
    return bool(words) and match_at(words, 0, voc.generic_duties) == len(words)


def closes(text: str, found: Assignment) -> bool:
    """Given a paragraph and its assignment, return whether it is the closing formula: the
    whole duty, or in the notice's last paragraph (ending "./.") its first clause ("… quan
    tâm triển khai thực hiện; nếu có vướng mắc, báo cáo về Sở Nội vụ …./.")."""
    if is_closing(text, found):
        return True
    first = text.split(";", 1)[0]
    return text.rstrip().endswith("./.") and found.start < len(first) and is_closing(first, found)


def cue_length(w: Words) -> int:
    """Given words opening with a cue or not, return how many words the cue has."""
    return match_at(w.keys, 0, vocabulary().cues) or match_at(w.keys, 0, vocabulary().inner)
