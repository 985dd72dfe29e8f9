"""Duties outside task sections: numbered items of a directive or conclusion notice, a
decision's articles, and prose ("Giao Sở Nội vụ chủ trì …; tổng hợp …").

The body's lines become items by their markers (Điều > 1. > 1.1 > a) > - > +); an item whose
lead gives a duty is one task, whatever its sub-items; a lead that only names a body
("1. Cục Thuế tỉnh:") gives one task per sub-item; paragraphs without a marker are read
sentence by sentence, except those after the last numbered item (the closing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from parscore.extractors.model import Region
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.assignees import (
    Assignment,
    body_of_heading,
    closes,
    cued_subject,
    find_assignment,
    is_closing,
    match_at,
    names_topic,
    starts_with,
    vocabulary,
    words_of,
)
from parscore.pipeline.parse.signature import is_authority, is_recipients

_ARTICLE = re.compile(r"^(?:Điều|Chương)\s+(\d{1,3}|[IVXLC]{1,6})\s*[.:]?\s*", re.I)
#: "ø) …", "b. …", and as OCR spaces them "a ) …"
_LOOSE_LETTER = re.compile(r"^([^\W\d_]) ?\)\s+|^([a-zđ])\.\s+(?=[^\W\d_])")
#: "1, Giao Sở …", "2) Sở …", and as OCR spaces them "1 . Sở …", "3 ) …"
_LOOSE_DIGIT = re.compile(r"^(\d{1,2})(?:[,)]| [.,)])\s+(?=[^\W\d_])")
_TERMINAL = (".", ";", ":", "!", "?")
_ENUMERATED = re.compile(r"^\(?(?:\d{1,2}|[a-zđ])\)\s+")  # "(2) Sở Tài chính …" after a ";"
#: A space after ".", "!", "?": the space first, then the mark behind it (the regex compiler
#: skips to the next space instead of trying the lookbehind at every character).
_SENTENCE_END = re.compile(r"\s(?<=[.!?]\s)\s*")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-ZĐ]{1,3}\.$")  # "TP.", "TX.", "Q." before a name
ARTICLE, DIGIT, SUB_DIGIT, LETTER, BULLET, SUB_BULLET, PARAGRAPH = 0, 1, 2, 3, 4, 5, 6
PROSE = 99  # a top-level paragraph
LEAD_IN = -1  # a top-level paragraph ending with a colon: the marked items after it are its
ROOT = -2
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 20  # an article's title, "Trách nhiệm thi hành"


@dataclass(frozen=True, slots=True)
class Draft:
    """A task before its details: its item's number, unit and text."""

    section: str | None
    unit: str | None
    text: str
    cued: bool = False  # given by a cue ("giao", "đề nghị"), not read from a subject


@dataclass(slots=True)
class _Item:
    """An item of the body (mutable while the tree is built, local to one call)."""

    rank: int
    number: str | None
    text: str
    children: list[_Item] = field(default_factory=list)

    def full_text(self) -> str:
        """Return the item's text followed by its sub-items'."""
        return " ".join([self.text, *(c.full_text() for c in self.children)])


def read_assignments(lines: Sequence[Line]) -> list[Draft]:
    """Given a document's lines, return the duties its body gives, in order: none from the
    closing paragraphs after the last numbered item that gives one, and none from prose
    subjects when no cue in the prose gives a duty (news about bodies, not duties)."""
    items = build_items(body_lines(lines))
    found = item_drafts(items)
    given = [k for k, item in enumerate(items) if is_numbered(item) and found[k]]
    end = given[-1] + 1 if given else len(items)
    pairs = list(zip(items[:end], found[:end], strict=True))
    keep_prose = any(d.cued for item, f in pairs if item.rank == PROSE for d in f)
    return [d for item, f in pairs if keep_prose or item.rank != PROSE for d in f]


def is_numbered(item: _Item) -> bool:
    """Given a top-level item, return whether it is a numbered one or a lead-in over some."""
    if item.rank == LEAD_IN:
        return any(is_numbered(child) for child in item.children)
    return 0 <= item.rank < BULLET


def item_drafts(items: list[_Item]) -> list[list[Draft]]:
    """Given the top-level items, return the duties of each; a paragraph's last subject
    carries on to the next paragraph."""
    found: list[list[Draft]] = []
    unit: str | None = None
    headed = False  # the unit was named alone on a line above ("Sở Tư pháp:")
    for item in items:
        drafts: list[Draft]
        if item.rank == LEAD_IN and not item.children and announcing(item.text):
            drafts, unit = [], None  # "UBND tỉnh ban hành Kế hoạch … như sau:" over a table
        elif item.rank == PROSE and is_caption(item.text):
            drafts = []  # a photo's caption, its subject's doing shown, no duty
        elif item.rank == PROSE or (item.rank == LEAD_IN and not item.children):
            drafts, unit, headed = prose_tasks(item.text, unit, headed=headed)
        else:
            drafts, unit = item_tasks(item), None
        found.append(drafts)
    return with_bare_items(items, found)


def with_bare_items(
    items: list[_Item], found: list[list[Draft]], section: str | None = None
) -> list[list[Draft]]:
    """Given sibling items and their duties, return them with a task without a unit for each
    marked item that opens with a verb and gives none, when a sibling gives one ("2. Tăng
    cường …" between "1. Sở X chủ trì …" and "3. Giao Sở Y …")."""
    if not any(f for item, f in zip(items, found, strict=True) if item.rank != PROSE):
        return found
    return [f or bare_task(item, section) for item, f in zip(items, found, strict=True)]


def bare_task(item: _Item, section: str | None = None) -> list[Draft]:
    """Given a marked item giving no duty to a body, return it as a task without a unit when
    it opens with a verb, else nothing (a decision's "Điều 1. Ban hành …", a conclusion's
    "1. Đánh giá cao …" are no duties)."""
    voc = vocabulary()
    if item.rank in (PROSE, LEAD_IN, ARTICLE) or starts_with(item.text, voc.not_duties):
        return []
    if not starts_with(item.text, voc.verbs):
        return []
    if not item.children and (found := find_assignment(item.text)) and closes(item.text, found):
        return []  # "4. Tổ chức thực hiện" run into its closing "Giám đốc Sở yêu cầu …./."
    return [Draft(section or item.number, None, item.full_text())]


def body_lines(lines: Sequence[Line]) -> Iterator[Line]:
    """Given lines, yield the body's up to the recipients or the signer, and those of a
    regulation attached after them ("(Ban hành kèm theo Quyết định số …)"), without the
    addressees ("Kính gửi: …" and the bullets under it)."""
    addressed = ended = False
    for line in lines:
        if line.region is not Region.BODY:
            continue
        if ended:  # the recipients and signer; an attached regulation's articles after them
            ended = not starts_with(line.text.lstrip("("), vocabulary().attachments)
            continue
        if is_recipients(line) or (is_authority(line) and line.raw.isupper()):
            ended = True  # "Nơi nhận:", "KT. CHỦ TỊCH" (not "Chủ tịch UBND huyện chỉ thị:")
            continue
        if starts_with(line.text, vocabulary().addressees):
            addressed = True
        elif not (addressed and line.bullet):
            addressed = False
            yield line


def marker(line: Line) -> tuple[int | None, str | None, str]:
    """Given a line, return (rank, number, text without the marker); rank None unmarked."""
    if m := _ARTICLE.match(line.text):
        return ARTICLE, m.group(1), line.text[m.end() :]
    if line.numbering:
        return numbering_rank(line.numbering), line.numbering, line.text
    if line.bullet:
        return (SUB_BULLET if line.bullet == "+" else BULLET), None, line.text
    for rank, rx in ((LETTER, _LOOSE_LETTER), (DIGIT, _LOOSE_DIGIT)):
        if m := rx.match(line.text):
            return rank, m.group(m.lastindex or 0), line.text[m.end() :]
    if (size := ordinal(line.text)) is not None:
        return DIGIT, None, line.text[size:].lstrip()
    return None, None, line.text


def ordinal(text: str) -> int | None:
    """Given a paragraph, return where its text starts after an ordinal opening it like a
    number ("Một là, …", "Thứ hai, …"; not a weekday's date: "Thứ hai, 10/2/2025"), else None."""
    if text[:1] not in "MHBNSTmhbnst":
        return None  # most paragraphs: answered without cutting words
    ordinals = vocabulary().ordinals
    if not starts_with(text, ordinals):
        return None  # "Sở …", "Theo …": the first words fold alone, the paragraph is not cut
    w = words_of(text)
    size = match_at(w.keys, 0, ordinals)
    if not size or not w.raw[size - 1].endswith((",", ":")) or size >= len(w.raw):
        return None
    return None if w.raw[size][:1].isdigit() else w.starts[size]


def numbering_rank(numbering: str) -> int:
    """Given a numbering ("II", "2", "2.1", "a"), return its rank."""
    if numbering.isdigit():
        return DIGIT
    if numbering[:1].isdigit():
        return SUB_DIGIT
    return ARTICLE if re.fullmatch(r"[IVX]+", numbering) else LETTER


def build_items(lines: Iterator[Line]) -> list[_Item]:
    """Given body lines, return the top-level items, sub-items under their parents."""
    root = _Item(ROOT, None, "")
    stack = [root]
    for line in lines:
        rank, number, text = marker(line)
        if rank is None:
            place_paragraph(stack, text)
            continue
        while stack[-1].rank >= rank:
            stack.pop()
        stack[-1].children.append(item := _Item(rank, number, text))
        stack.append(item)
    return root.children


def place_paragraph(stack: list[_Item], text: str) -> None:
    """Given the open items and an unmarked paragraph, continue the last item, add the
    paragraph under a lead ending with a colon or under an article's title, or start a
    top-level paragraph."""
    last = stack[-1]
    inside = last.rank not in (ROOT, LEAD_IN)
    if (article := titled_article(stack, text)) is not None:
        add_under(stack, article, text)
    elif inside and last.rank != PARAGRAPH and text[:1].isupper() and names_only(last.text):
        add_under(stack, last, text)  # "2. Sở Tài chính" over "Bố trí kinh phí …"
    elif inside and continues(last.text, text):
        last.text = f"{last.text} {text}"
    elif last.rank == ARTICLE and not starts_with(text, vocabulary().closings):
        last.text = f"{last.text} {text}"  # an article's next paragraph, a duty of its own too
    elif inside and not stands_alone(text):
        if last.text.endswith(":") and last.rank != PARAGRAPH:
            add_under(stack, last, text)
        else:
            last.text = f"{last.text} {text}"
    else:
        start_top_level(stack, text)


def add_under(stack: list[_Item], parent: _Item, text: str) -> None:
    """Given the open items, one of them and a paragraph, add the paragraph under it."""
    del stack[stack.index(parent) + 1 :]
    parent.children.append(item := _Item(PARAGRAPH, None, text))
    stack.append(item)


def start_top_level(stack: list[_Item], text: str) -> None:
    """Given the open items and a paragraph, add it at the top level, closing the items; a
    lead-in (ending with a colon) stays open: the marked items after it are under it."""
    del stack[1:]
    item = _Item(LEAD_IN if text.endswith(":") else PROSE, None, text)
    stack[0].children.append(item)
    if item.rank == LEAD_IN:
        stack.append(item)


def titled_article(stack: list[_Item], text: str) -> _Item | None:
    """Given the open items and a paragraph opening in capitals, return the article whose
    paragraph it is: one with a title ("Điều 48. Trách nhiệm của Bộ Nội vụ"), last open
    or over the last paragraph (which the new one does not wrap)."""
    last = stack[-1]
    if not text[:1].isupper() or (last.rank == PARAGRAPH and continues(last.text, text)):
        return None
    article = stack[-2] if last.rank == PARAGRAPH and len(stack) > 2 else last
    return article if article.rank == ARTICLE and is_title(article.text) else None


def is_title(text: str) -> bool:
    """Given an article's text after "Điều N.", return whether it is a title: a few words
    without a full stop ("Trách nhiệm thi hành"), not a clause cut by a line break."""
    return MIN_TITLE_WORDS <= len(text.split()) <= MAX_TITLE_WORDS and not text.endswith(".")


def continues(previous: str, text: str) -> bool:
    """Given an item's text so far and an unmarked line, return whether the line wraps it."""
    return not previous.rstrip().endswith(_TERMINAL) or text[:1].islower()


def stands_alone(text: str) -> bool:
    """Given an unmarked paragraph after an item, return whether it is one of its own: it
    gives a duty of its own or closes the notice."""
    found = find_assignment(text)
    return bool(found and found.duty) or starts_with(text, vocabulary().closings)


def item_tasks(
    item: _Item, section: str | None = None, unit: str | None = None, *, cued: bool = False
) -> list[Draft]:
    """Given an item (under a unit named above it, if any, or under a bare cue: "Điều 2.
    Giao:"), return its tasks: one when its lead gives a duty, the sub-items' when it only
    names a body, one with the unit above it when it gives no subject of its own, else those
    of its sub-items."""
    section = section or item.number
    found = article_assignment(item.text) if item.rank == ARTICLE else find_assignment(item.text)
    if found is None and cued:  # "1. Sở Nội vụ thông báo kết quả …" under "Giao:"
        found = cued_subject(item.text)
    if item.rank == LEAD_IN:
        return lead_in_tasks(item, found)
    own = found if found and (found.start == 0 or unit is None) else None
    if own and not item.children and closes(item.text, own):
        return []  # "Điều 3. Chánh Văn phòng …, Thủ trưởng các sở … chịu trách nhiệm thi hành …"
    if own and (own.duty or own.cue):
        if not item.children:
            return own_sentences(section, own.unit, item.text[own.start :])
        return [Draft(section, own.unit, item.full_text()[own.start :])]
    body = own.unit if own else body_of_heading(item.text)
    if body:
        return [t for child in item.children for t in item_tasks(child, section, body)]
    if unit and item.children and own is None and names_topic(item.text):
        # "1.1. Về hạ tầng số" under "1. Sở X": the topic's items are the body's duties
        return [t for child in item.children for t in item_tasks(child, section, unit)]
    if unit:
        return [Draft(section, unit, item.full_text())]
    if not item.children:
        return later_duty(section, item.text)
    under_cue = bare_cue(item.text)
    per_child = [item_tasks(child, section, cued=under_cue) for child in item.children]
    return [d for f in with_bare_items(item.children, per_child, section) for d in f]


def bare_cue(text: str) -> bool:
    """Given an item's text, return whether it is only a cue over its sub-items ("Giao:")."""
    keys = words_of(text).keys
    return bool(keys) and match_at(keys, 0, vocabulary().cues) == len(keys)


def later_duty(section: str | None, text: str) -> list[Draft]:
    """Given an item that opens with no subject, return a task from its first part after a
    ";" that opens with a unit given a duty ("3. Về biên chế: thống nhất chủ trương; Sở Nội vụ
    nghiên cứu, tham mưu …"), else nothing."""
    _, *parts = text.split(";")
    for k, part in enumerate(parts, start=1):
        found = find_assignment(part.strip())
        if found and found.duty and opens_part(part.strip(), found.start):
            rest = ";".join(parts[k - 1 :]).strip()
            return [Draft(section, found.unit, rest[found.start :], found.cue)]
    return []


def article_assignment(text: str) -> Assignment | None:
    """Given an article's text, return who its first sentence gives a duty to, else who the
    whole text does: the paragraphs after the first may give duties of their own ("Điều 2.
    Các sở … có trách nhiệm …. Giao Sở Nội vụ theo dõi …")."""
    first = next(iter(sentences(text)), "")
    found = find_assignment(first)
    return found if found and (found.duty or found.cue) else find_assignment(text)


def own_sentences(section: str | None, unit: str, text: str) -> list[Draft]:
    """Given an item's duty, its unit and its text, return one task, or one more per later
    sentence that opens with another unit given a duty of its own ("Điều 2. Giao Sở Nội vụ
    …. Thủ trưởng các sở, ban, ngành có trách nhiệm …")."""
    drafts = [Draft(section, unit, "")]
    for sentence in sentences(text):
        found = find_assignment(sentence) if drafts[-1].text else None
        if found and opens_own_duty(sentence, found, unit):
            drafts.append(Draft(section, found.unit, sentence, found.cue))
            continue
        last = drafts[-1]
        drafts[-1] = Draft(section, last.unit, f"{last.text} {sentence}".strip(), last.cued)
    return drafts


def opens_own_duty(sentence: str, found: Assignment, unit: str) -> bool:
    """Given a sentence, who it gives a duty to and the item's unit, return whether it opens
    with another unit given a duty (not a closing formula)."""
    own = found.start == 0 and (found.duty or found.cue) and found.unit != unit
    return own and not is_closing(sentence, found)


def lead_in_tasks(item: _Item, found: Assignment | None) -> list[Draft]:
    """Given a lead-in with items under it and who it gives duties to, return the items'
    tasks, given to that unit unless they name their own ("UBND tỉnh yêu cầu các sở,
    ngành:" over "- Rà soát …"); a unit reporting what follows gives itself no duties."""
    gives = found and (found.duty or found.cue) and not announces(item.text, found)
    unit = found.unit if found and gives else None
    per_child = [item_tasks(child, child.number, unit) for child in item.children]
    drafts = [d for f in with_bare_items(item.children, per_child) for d in f]
    if not drafts and unit is None and found and is_label(item.text, found):
        # only a body's name ("Các sở, ban, ngành:"): its items that open with a verb
        verbs = vocabulary().verbs
        items = [c for c in item.children if starts_with(c.text, verbs)]
        return [d for child in items for d in item_tasks(child, child.number, found.unit)]
    return drafts


def is_caption(paragraph: str) -> bool:
    """Given a paragraph, return whether it is a photo's caption: its last sentence is the
    credit ("… tiếp nhận hồ sơ. Ảnh: Thu Trang", "(Ảnh minh họa)")."""
    last, captions = _SENTENCE_END.split(paragraph)[-1].lstrip("("), vocabulary().captions
    if not starts_with(last, captions):
        return False  # most paragraphs: the last sentence's first words fold alone
    w = words_of(last)
    size = match_at(w.keys, 0, captions)
    if not size:
        return False
    credit = w.raw[size - 1].endswith(":") or w.raw[size : size + 1] == (":",)
    return credit or (size == len(w.keys) and w.raw[-1].endswith(")"))


def announcing(text: str) -> bool:
    """Given a lead-in, return whether its last sentence announces what follows (announces)."""
    last = sentences(text)[-1]
    found = find_assignment(last)
    return found is not None and announces(last, found)


def announces(text: str, found: Assignment) -> bool:
    """Given a lead-in and who it names, return whether its subject announces what follows
    ("Sở X báo cáo kết quả tự chấm điểm như sau:", "UBND tỉnh ban hành Kế hoạch như sau:"):
    its report or the document's content, no duties of its own."""
    return not found.cue and starts_with(text[found.end :], vocabulary().report_leads)


def names_only(text: str) -> bool:
    """Given an item's text, return whether it only names a body ("2. Sở Tài chính"); a head
    word alone ("Điều 3. Chánh" at a line's end) is a name the next line goes on with."""
    found = find_assignment(text)
    if found is None or not is_label(text, found):
        return False
    keys = words_of(found.unit).keys
    return match_at(keys, 0, vocabulary().heads) != len(keys)


def is_label(text: str, found: Assignment) -> bool:
    """Given a lead-in and who it names, return whether it is only that body's name before
    its colon ("Các sở, ban, ngành, UBND các huyện:"), not one who gives duties ("Chủ tịch
    UBND huyện chỉ thị:")."""
    voc = vocabulary()
    keys = words_of(found.unit).keys
    speaks = any(match_at(keys, i, voc.inner) or match_at(keys, i, voc.cues)
                 for i in range(len(keys)))
    return found.start == 0 and not text[found.end :].strip(" :") and not speaks


def prose_tasks(
    paragraph: str, unit: str | None, *, headed: bool = False
) -> tuple[list[Draft], str | None, bool]:
    """Given a paragraph, the last subject before it and whether that was named alone on a
    line ("Sở Tư pháp:"), return the duties of its sentences, its last subject and whether
    it was; a sentence without a subject that opens with a verb or "Cùng với đó" carries on
    the last one's unit (given by the heading line, as a cue would)."""
    drafts: list[Draft] = []
    for sentence in sentences(paragraph):
        found = find_assignment(sentence)
        if starts_with(sentence, vocabulary().closings):
            unit = None
            if found and found.cue and found.duty and not is_closing(sentence, found):
                # "Trên đây là kết quả …, đề nghị các sở căn cứ kết quả xây dựng kế hoạch …"
                head, rest = sentence[found.start : found.end], sentence[found.end :]
                drafts.extend(split_duties(head, rest, found.unit, cued=True))
            continue
        if found and is_closing(sentence, found):
            unit = None
        elif found and names_body(sentence, found):
            unit, headed = found.unit, True  # "Sở Tư pháp:", "Giao Sở Nội vụ:" over lines
        elif found and (found.duty or found.cue):
            unit, headed = found.unit, False
            head, rest = sentence[found.start : found.end], sentence[found.end :]
            cued = found.cue or starts_with(rest, vocabulary().obliged)  # "X cần chủ trì …"
            drafts.extend(split_duties(head, rest, unit, cued=cued))
        elif unit and carries_on(sentence):
            drafts.extend(split_duties("", sentence, unit, cued=headed))
        else:
            unit = None
    return drafts, unit, headed


def names_body(sentence: str, found: Assignment) -> bool:
    """Given a sentence and who it names, return whether it only names that body before a
    colon, maybe after a cue ("Sở Tư pháp:", "Giao Văn phòng UBND tỉnh:"): a heading whose
    list numbering was lost, its duties on the lines after it."""
    if not sentence.rstrip().endswith(":") or sentence[found.end :].strip(" :"):
        return False
    return found.cue or is_label(sentence, found)


def sentences(paragraph: str) -> list[str]:
    """Given a paragraph, return its sentences: a full stop ends one before a capital letter,
    not after an abbreviation ("UBND TP. Vinh chủ trì")."""
    found: list[str] = []
    for part in _SENTENCE_END.split(paragraph):
        if found and (not part[:1].isupper() or _ABBREVIATION.search(found[-1])):
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def carries_on(sentence: str) -> bool:
    """Given a sentence without a subject, return whether it carries on the last duty."""
    voc = vocabulary()
    return starts_with(sentence, voc.continuing) or starts_with(sentence, voc.verbs)


def opens_part(part: str, start: int) -> bool:
    """Given a part after ";" and where its assignment starts, return whether the assignment
    opens it, maybe after an opener ("…; đồng thời yêu cầu Văn phòng UBND tỉnh …")."""
    keys = words_of(part[:start]).keys
    return not keys or match_at(keys, 0, vocabulary().openers) == len(keys)


def split_duties(head: str, text: str, unit: str, *, cued: bool = False) -> list[Draft]:
    """Given the words naming a duty's unit, the duty's text after them and the unit, return
    a task per part after ";" that opens with a verb ("… tham mưu …; tổng hợp …; phối hợp
    …") or names its own unit ("…; Sở Tư pháp thẩm định …"); other parts stay with the
    one before. The name's own ";" ("Giám đốc các sở; Chủ tịch UBND các huyện") splits
    nothing."""
    drafts: list[Draft] = []
    first, *others = text.split(";")
    parts = [f"{head}{first}".strip(), *(_ENUMERATED.sub("", p.strip()) for p in others)]
    for part in parts:
        own = find_assignment(part) if drafts else None
        if own and (own.duty or own.cue) and opens_part(part, own.start):
            drafts.append(Draft(None, own.unit, part, own.cue or cued))
        elif drafts and not starts_with(part, vocabulary().verbs):
            last = drafts[-1]
            drafts[-1] = Draft(None, last.unit, f"{last.text}; {part}", last.cued)
        elif part:
            drafts.append(Draft(None, drafts[-1].unit if drafts else unit, part, cued))
    return drafts
