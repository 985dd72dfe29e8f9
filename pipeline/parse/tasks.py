"""Tasks assigned to units: "3.1 Văn phòng Sở:" sections of bullets, wrapped lines joined;
else duties given in numbered items, articles, prose (parse.assignments) and task tables
(parse.tasktable), whichever names more units."""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from parscore.extractors.model import BlockKind
from parscore.normalizers.dates import find_dates
from parscore.normalizers.labels import (
    canonical_unit,
    document_numbers,
    names_a_unit,
    spaced_dashes,
    starts_as_unit,
    unit_code,
)
from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Task
from parscore.pipeline.parse.assignees import (
    closes,
    find_assignment,
    lists,
    match_at,
    names_topic,
    starts_with,
    vocabulary,
    words_of,
)
from parscore.pipeline.parse.assignments import Draft, read_assignments
from parscore.pipeline.parse.sections import Section, SectionKind
from parscore.pipeline.parse.tasktable import line_drafts, table_drafts
from parscore.pipeline.roles import plain
from parscore.pipeline.tables.model import Table

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$")  # "2", "- 3 -"
_SUB_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}$")
_TERMINAL = (".", ";", ":", "!", "?")
MONTHS = 12
LETTER_DEPTH = 3  # "a)" is below "1." and "1.1"
#: A unit heading has at most this many words; a byline ("Văn phòng Sở") at most that many.
MAX_UNIT_WORDS, MAX_STRAY_WORDS = 12, 4
#: Every cue opens with "t", "c" or "h" (any case), asked first: other positions fail at once.
_DEADLINE = re.compile(
    r"(?=[tch])(?:trước|chậm nhất|hạn chót|hoàn thành|thời hạn(?: hoàn thành)?\s*:?"
    r"|trong(?=\s+(?:tháng|quý)\s))\s*(?:trong\s+|là\s+)?"
    r"(?:ngày\s+)?",
    re.I,
)
#: A month or a quarter as the deadline ("trong tháng 5/2024", "quý II/2024"): its last day.
_PERIOD = re.compile(
    r"(?:tháng\s+(?P<month>\d{1,2})|quý\s+(?P<quarter>IV|I{1,3}|[1-4]))\s*"
    r"(?:[/-]|\s+năm\s+)\s*(?P<year>(?:19|20)\d{2})",
    re.I,
)
#: An agency written short inside a unit: "Sở TT&TT", "Bộ KH&ĐT", "Sở LĐ - TB&XH", "Sở GTVT",
#: "Sở VH,TT&DL" (a comma without a space inside the short form); a district's office
#: ("Phòng TC-KH") is spelled out from pipeline/data/assignees.toml [offices].
_SHORT_PART, _SHORT_SEP = r"[A-ZĐ][A-ZĐa-z]*", r"(?:\s*[&-]\s*|,)"
_SHORT_FORM = rf"(?:{_SHORT_PART}(?:{_SHORT_SEP}{_SHORT_PART})+|[A-ZĐ]{{2,}})"
_SHORT_AGENCY = re.compile(rf"(?<!\w)(?:Sở|Bộ)\s+{_SHORT_FORM}(?!\w)")
_SHORT_OFFICE = re.compile(rf"(?<!\w)(Phòng\s+)({_SHORT_FORM})(?!\w)")
_SHORT_JUNK = re.compile(r"[\s&,./+-]+")
#: A day and month without a year after a cue ("trước ngày 15/12", "trước 30 tháng 6").
_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})\s*(?:/|-|\s+tháng\s+)(?P<month>\d{1,2})(?!\d)(?!\s*(?:[/-]\s*\d|năm))",
    re.I,
)
#: A month or a quarter without a year ("trong tháng 11", "trong quý III").
_YEARLESS_PERIOD = re.compile(
    r"(?:tháng\s+(?P<month>\d{1,2})|quý\s+(?P<quarter>IV|I{1,3}|[1-4]))(?![\w/-])"
    r"(?!\s*(?:[/-]|năm)\s*\d)",
    re.I,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(slots=True)
class _Unit:
    section: str | None
    name: str | None
    texts: list[str] = field(default_factory=list)
    depth: int | None = None  # the depth of a numbered unit heading's numbering
    bullet: str | None = None  # the mark of a bulleted unit heading ("- UBND huyện X:")
    lead: bool = False  # the last text is a lead giving a duty over its sub-items


def read_tasks(
    sections: Iterable[Section],
    lines: Sequence[Line] = (),
    tables: Iterable[Table] = (),
    issued: date | None = None,
) -> tuple[Task, ...]:
    """Given the sections, the lines and the tables, return the tasks of the task sections,
    or the duties the body gives in numbered items, prose (parse.assignments) and task
    tables (parse.tasktable) when those name more units (a directive's "4. Đề nghị Ủy ban
    MTTQ …:" is no section of proposals). Only the chosen side's drafts become Tasks (their
    deadlines, references and areas read once)."""
    units: list[_Unit] = []
    for section in sections:
        if section.kind is SectionKind.TASKS:
            units.extend(section_units(section))
    tasks = [draft for unit in units for draft in unit_drafts(unit)]
    duties = [
        *read_assignments(without_page_numbers(lines)),
        *table_drafts(tables),
        *line_drafts(lines),
    ]
    best = max(tasks, duties, key=weight)  # ties go to the task sections
    return tuple(
        make_task(d.section, d.unit, d.text, i, issued) for i, d in enumerate(best, start=1)
    )


def without_page_numbers(lines: Sequence[Line]) -> Sequence[Line]:
    """Given lines, return them without a page number standing inside a sentence (plain text
    of a printed page: "… 25 thủ tục hành" / "2" / "chính từ cấp tỉnh …")."""
    drop = {
        k
        for k in range(1, len(lines) - 1)
        if _PAGE_NUMBER.match(lines[k].raw)
        and not lines[k - 1].raw.endswith(_TERMINAL)
        and lines[k + 1].raw[:1].islower()
    }
    return [x for k, x in enumerate(lines) if k not in drop] if drop else lines


def weight(drafts: list[Draft]) -> tuple[int, int]:
    """Given drafts, return (how many name their unit, how many there are)."""
    return sum(1 for d in drafts if d.unit), len(drafts)


def section_units(section: Section) -> list[_Unit]:
    """Given a task section, return its units, each with the task texts under it."""
    units = [_Unit(section.number, None)]
    lines = without_page_numbers(section.lines)
    for k, line in enumerate(lines, start=1):
        if is_closing_line(line):  # "Trên đây là kết luận …, đề nghị … thực hiện./."
            break
        if is_unit_heading(line):
            name = without_cue(line.text.rstrip(" :").strip())
            number = line.numbering or section.number
            level = depth(line)
            parent = enclosing_body(units, level) if names_topic(name) else None
            name = parent or name
            units.append(_Unit(number, name, depth=level, bullet=line.bullet))
            continue
        if line.text.isupper():  # a heading in capitals ("TỔ CHỨC THỰC HIỆN") is no task
            continue
        # "3. UBND các huyện …" after "2. Sở X:" and its "-"; "Đề nghị Công an tỉnh …" after them
        if closes_heading(units[-1], line) or names_other_body(units[-1], line):
            units.append(_Unit(line.numbering or section.number, None))
        add_line(units[-1], line, last=k == len(lines))
    return [u for u in units if u.texts]


def enclosing_body(units: list[_Unit], level: int | None) -> str | None:
    """Given the units so far and a topic sub-heading's depth ("1.1. Về hạ tầng số" under
    "1. Sở X"), return the body its numbered parent heading names, else None."""
    if level is None:
        return None
    parents = (u for u in reversed(units) if u.name and u.depth is not None and u.depth < level)
    parent = next(parents, None)
    return parent.name if parent else None


def without_cue(name: str) -> str:
    """Given a unit heading's name, return it without the cue before it ("Giao Sở Nội vụ" →
    "Sở Nội vụ": a heading whose list numbering was lost keeps its verb of assignment)."""
    w = words_of(name)
    size = match_at(w.keys, 0, vocabulary().cues)
    return name[w.starts[size] :] if 0 < size < len(w.keys) else name


def is_closing_line(line: Line) -> bool:
    """Given a line of a task section, return whether it is an unmarked closing paragraph."""
    marked = line.numbering or line.bullet is not None or line.kind is BlockKind.LIST_ITEM
    if marked:
        return False
    closings = vocabulary().closings
    if line.text.rstrip().endswith("./."):  # "Văn phòng UBND tỉnh thông báo để … thực hiện./."
        keys = words_of(line.text).keys
        found = find_assignment(line.text)  # "…, yêu cầu các cơ quan nghiêm túc thực hiện./."
        closing = found is not None and closes(line.text, found)
        return closing or any(match_at(keys, i, closings) for i in range(len(keys)))
    return starts_with(line.text, closings)


def depth(line: Line) -> int | None:
    """Given a line, return the depth of its numbering ("2." 1, "3.1" 2, "a)" 3), else None."""
    if not line.numbering:
        return None
    if line.numbering.endswith(")"):
        return LETTER_DEPTH
    return len([p for p in line.numbering.split(".") if p])


def closes_heading(unit: _Unit, line: Line) -> bool:
    """Given the open unit and a line that names no unit, return whether the line is a
    sibling (or an elder) of the unit's numbered heading: the heading's body ends there."""
    level = depth(line)
    return (
        unit.name is not None
        and unit.depth is not None
        and level is not None
        and (level <= unit.depth)
    )


def names_other_body(unit: _Unit, line: Line) -> bool:
    """Given the open unit heading and a line that is none of its sub-items (a plain line
    after its last task, a sibling with the heading's own bullet), return whether the line
    opens by giving another body a duty ("- Sở Xây dựng chủ trì …" after "- UBND thành phố:"
    and its "+" items; "Đề nghị Công an tỉnh …"): the heading's body ends there."""
    if unit.name is None or not unit.texts or line.numbering:
        return False
    if line.bullet is not None or line.kind is BlockKind.LIST_ITEM:
        if line.bullet is None or line.bullet != unit.bullet:
            return False
    elif continues(unit.texts[-1], line.text):
        return False
    found = find_assignment(line.text)
    if found is None or found.start != 0 or not (found.duty or found.cue):
        return False
    return fold(found.unit) != fold(unit.name)


def is_unit_heading(line: Line) -> bool:
    """Given a line, return whether it opens a unit: "3.1 Văn phòng Sở:", "Thanh tra Sở:",
    "1. Phòng Tổ chức - Biên chế" (numbered, short, no full stop, named like a unit), or a
    bulleted "- Văn phòng Sở:" (short, a colon, starting as a unit: "- Phối hợp với Văn phòng
    Sở:" is a task)."""
    short = len(line.text.split(None, MAX_UNIT_WORDS)) <= MAX_UNIT_WORDS  # a long line: no more cut
    if not short or not (line.numbering or line.text.endswith(":")):
        return False  # no heading whatever it names: its assignee is not looked for
    if gives_duty(line.text):  # "2.4. Công an tỉnh có trách nhiệm:" is one task
        return False
    if line.numbering and _SUB_NUMBER.match(line.numbering):
        return True
    name = without_cue(line.text.rstrip(" :"))
    if line.numbering and not line.text.endswith((".", ";")):
        return names_a_unit(name)
    if not line.text.endswith(":"):
        return False
    return starts_as_unit(name) if line.bullet else names_a_unit(name)


def gives_duty(text: str) -> bool:
    """Given a heading's text, return whether it gives its body a duty with a verb ("Công an
    tỉnh có trách nhiệm:", "Giao Sở Nội vụ chủ trì:") rather than only naming the body."""
    found = find_assignment(text)
    return found is not None and found.duty


def is_byline(unit: _Unit, line: Line) -> bool:
    """Given a unit and its section's last line, return whether that is a byline ("Văn phòng").

    Portal pages end an article with its author's unit; only the last line of the section
    can be one, so a short task in the middle of a list is never dropped.
    """
    words = line.text.split()
    return bool(unit.texts) and len(words) <= MAX_STRAY_WORDS and not line.text.endswith(_TERMINAL)


def add_line(unit: _Unit, line: Line, *, last: bool = False) -> None:
    """Given a unit and a line, start a task, continue the last one, or drop a closing byline."""
    opens = line.bullet is not None or line.kind is BlockKind.LIST_ITEM or line.numbering
    if unit.texts and opens and is_sub_item(line) and unit.lead:
        unit.texts[-1] = f"{unit.texts[-1]} {line.text}"  # "a) …" under "X có trách nhiệm:"
    elif unit.texts and not opens and continues(unit.texts[-1], line.text):
        unit.texts[-1] = f"{unit.texts[-1]} {line.text}"
        unit.lead = unit.lead or leads(unit.texts[-1])
    elif opens or not ((last and is_byline(unit, line)) or is_remark(unit, line)):
        unit.texts.append(line.text)
        unit.lead = leads(line.text)


def is_remark(unit: _Unit, line: Line) -> bool:
    """Given a unit and an unmarked paragraph that starts no item of it, return whether the
    paragraph is a remark, no task: under no unit heading, it names no unit and opens with no
    verb ("Quá thời hạn nêu trên, …, Sở Nội vụ sẽ tổng hợp, báo cáo …")."""
    if unit.name is not None or starts_with(line.text, vocabulary().verbs):
        return False
    return named_unit(line.text) is None


def is_sub_item(line: Line) -> bool:
    """Given a marked line, return whether it is a sub-item: a bullet or a letter ("a)")."""
    return line.bullet is not None or bool(line.numbering and line.numbering.endswith(")"))


def leads(text: str) -> bool:
    """Given a task's text so far, return whether it is a lead giving a duty over sub-items
    ("Công an tỉnh có trách nhiệm:"): those sub-items are part of its one task."""
    return text.rstrip().endswith(":") and gives_duty(text)


def continues(previous: str, text: str) -> bool:
    """Given the last task text and a plain line, return whether the line wraps it."""
    return not previous.rstrip().endswith(_TERMINAL) or text[:1].islower()


def unit_drafts(unit: _Unit) -> list[Draft]:
    """Given a unit with texts, return its tasks as drafts (made Tasks and numbered across
    the notice by the caller); without a unit heading, a task that starts by naming its
    unit is given to it."""
    texts = unit.texts if unit.name else [assigning_clause(t) for t in unit.texts]
    return [
        Draft(unit.section, labelled_unit(text) or unit.name or named_unit(text), text)
        for text in texts
    ]


def assigning_clause(text: str) -> str:
    """Given a task's text, return it from its assigning clause when a preamble comes first
    ("Trên cơ sở …, giao Sở X chủ trì …" → "giao Sở X chủ trì …")."""
    found = find_assignment(text)
    if found is None or not found.cue or found.start <= 0 or assignee(text):
        return text
    first_sentence = re.split(r"[.;:]\s", text, maxsplit=1)[0]
    return text[found.start :] if found.start < len(first_sentence) else text


def make_task(
    section: str | None, unit: str | None, text: str, seq: int, issued: date | None = None
) -> Task:
    """Given a task's section, unit, text, number and the notice's date, return the Task with
    its details; the unit's dashes are written " - " (OCR reads "Lao động – Thương binh" with
    an em dash)."""
    unit = spelled_agencies(spaced_dashes(unit)) if unit else None
    return Task(
        section=section,
        unit=unit,
        unit_code=unit_code(unit) if unit and not factored(unit) else None,
        seq=seq,
        text=text,
        deadline=deadline(text, issued),
        references=document_numbers(text),
        areas=areas(text),
    )


def spelled_agencies(unit: str) -> str:
    """Given a task's unit, return it with each agency written short spelled out ("Sở KH&ĐT,
    Sở LĐ - TB&XH" → "Sở Kế hoạch và Đầu tư, Sở Lao động - Thương binh và Xã hội")."""
    if _SHORT_OFFICE.search(unit):
        unit = _SHORT_OFFICE.sub(lambda m: m[1] + _offices().get(short_key(m[2]), m[2]), unit)
    if "&" not in unit and not _SHORT_AGENCY.search(unit):
        return unit
    return _SHORT_AGENCY.sub(lambda m: canonical_unit(m.group()), unit)


def short_key(form: str) -> str:
    """Given a short form as written ("TC - KH", "TN&MT"), return its lookup key ("TCKH")."""
    return _SHORT_JUNK.sub("", form).upper()


@cache
def _offices() -> dict[str, str]:
    """Return short-form key → name of a district's offices (pipeline/data/assignees.toml)."""
    path = resources.files("parscore.pipeline").joinpath("data/assignees.toml")
    offices = tomllib.loads(path.read_text(encoding="utf-8"))["offices"]
    return {short_key(form): name for name, forms in offices.items() for form in forms}


def named_unit(text: str) -> str | None:
    """Given a task's text under no unit heading, return the unit it names first ("Giao
    Văn phòng Sở …"), else the one a cue or subject gives it ("Đề nghị Thủ trưởng các
    phòng, đơn vị thuộc Sở tổ chức …"), else None."""
    if name := assignee(text):
        return name
    found = find_assignment(text)
    return found.unit if found and (found.duty or found.cue) else None


def labelled_unit(text: str) -> str | None:
    """Given a task's text, return the unit it is labelled with ("Các phòng chuyên môn: rà soát
    …"), which outranks the unit heading above it; None without such a label."""
    label, colon, rest = text.partition(":")
    words = label.split()
    if not colon or not rest.strip() or len(words) > MAX_UNIT_WORDS // 2:
        return None
    return label.strip() if starts_as_unit(label) and not factors_kind(label, rest) else None


def factored(unit: str) -> bool:
    """Given a task's unit, return whether it lists units of one kind ("Các sở: Tài chính,
    Tư pháp"): several units, no one code."""
    label, colon, rest = unit.partition(":")
    return bool(colon) and factors_kind(label, rest)


def factors_kind(label: str, rest: str) -> bool:
    """Given the words before a colon and those after it, return whether the first only
    name the kind of the units the second list ("Các phòng: Văn hóa và Thông tin, Kinh tế
    và Hạ tầng …", as "Các sở: Tài chính, Tư pháp …"): the unit is the whole list."""
    w = words_of(f"{label}: {rest}")
    return lists(w, 0, len(label.split())) and rest.lstrip()[:1].isupper()


@cache
def _assignee_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]], int]:
    """Return the lead words, verbs and longest name of pipeline/data/assignees.toml, folded."""
    path = resources.files("parscore.pipeline").joinpath("data/assignees.toml")
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    lead = tuple(sorted((tuple(fold(w).split()) for w in table["lead"]), key=len, reverse=True))
    verbs = frozenset(tuple(fold(v).split()) for v in table["verbs"])
    return lead, verbs, table["max_words"]


def assignee(text: str) -> str | None:
    """Given a task's text, return the unit it opens by naming ("Giao Văn phòng Sở chủ trì …"
    → "Văn phòng Sở"), or None.

    The name ends before a verb written in lower case (capitalised, "Tổ chức" is part of
    "Phòng Tổ chức cán bộ"); of the possible ends, the first giving a known unit wins
    ("Phòng Quản lý xây dựng chủ trì" reads past "xây dựng"), else the first.
    """
    lead, verbs, longest = _assignee_words()
    words = text.split()
    keys = [fold(w).strip(",;:") for w in words]
    start = next((len(w) for w in lead if tuple(keys[: len(w)]) == w), 0)
    names = [
        " ".join(words[start:end]).rstrip(",;:")
        for end in range(start + 1, min(len(words), start + longest + 1))
        if words[end][:1].islower() and any(tuple(keys[end : end + len(v)]) == v for v in verbs)
    ]
    names = [name for name in names if starts_as_unit(name)]
    return next((name for name in names if unit_code(name)), names[0] if names else None)


def deadline(text: str, issued: date | None = None) -> date | None:
    """Given a task text and the notice's date, return the date it must be done by, when it
    states one: a date, or the last day of a month or quarter ("hoàn thành trong quý II/2024"
    → 2024-06-30); written without its year, one after the notice's date ("trước ngày 15/12")."""
    for m in _DEADLINE.finditer(text):
        after = text[m.end() : m.end() + 40]
        # "ngày 15 tháng 12 năm 2025" is a date with its "ngày" only: the cue took it
        dates = find_dates(after) or find_dates(f"ngày {after}")
        if dates and dates[0].start == 0:
            return dates[0].value
        if period := _PERIOD.match(after):
            return period_end(period)
        if issued and (found := yearless(after, issued, days=names_day(m.group()))):
            return found
    return None


def names_day(cue: str) -> bool:
    """Given a deadline's cue, return whether a day and month may follow it: all but a bare
    "hoàn thành" ("hoàn thành 3/4 chỉ tiêu" is a share, "hoàn thành ngày 3/4" a day)."""
    key = cue.lower()
    return "ngày" in key or not key.startswith("hoàn thành")


def yearless(after: str, issued: date, *, days: bool = True) -> date | None:
    """Given the words after a deadline's cue, the notice's date and whether a day may stand
    there, return the day or the period's last day written without a year ("15/12", "quý
    III"): in the notice's year, or the next when that is already past on the notice's date."""
    if days and (m := _DAY_MONTH.match(after)):
        day, month = int(m["day"]), int(m["month"])
    elif m := _YEARLESS_PERIOD.match(after):
        month = int(m["month"]) if m["month"] else 3 * _QUARTERS[m["quarter"].upper()]
        day = 0  # the month's last day
    else:
        return None
    for year in (issued.year, issued.year + 1):
        found = day_of(year, month, day)
        if found is None or found >= issued:
            return found
    return None


def day_of(year: int, month: int, day: int) -> date | None:
    """Given a year, a month and a day (0 for the month's last), return that date, or None
    when there is no such day."""
    if not 1 <= month <= MONTHS:
        return None
    last = calendar.monthrange(year, month)[1]
    return date(year, month, day or last) if 0 <= day <= last else None


def period_end(m: re.Match[str]) -> date | None:
    """Given a month or quarter match, return its last day (None for a month past 12)."""
    year = int(m["year"])
    month = int(m["month"]) if m["month"] else 3 * _QUARTERS[m["quarter"].upper()]
    if not 1 <= month <= MONTHS:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def areas(text: str) -> tuple[str, ...]:
    """Given a task text, return the assessment areas it serves, in a fixed order."""
    key = plain(text)
    return tuple(sorted({code for cue, code in area_cue_pairs() if cue in key}))


@cache
def area_cue_pairs() -> tuple[tuple[str, str], ...]:
    """Return (cue, area code) for every cue of pipeline/data/task_areas.toml."""
    return tuple((cue, code) for code, cues in area_cues().items() for cue in cues)


@cache
def area_cues() -> dict[str, tuple[str, ...]]:
    """Return the task-area cue words of pipeline/data/task_areas.toml, per area code."""
    text = (
        resources.files("parscore.pipeline")
        .joinpath("data/task_areas.toml")
        .read_text(encoding="utf-8")
    )
    return {code: tuple(cues) for code, cues in tomllib.loads(text).items()}
