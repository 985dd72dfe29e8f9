"""Lists of units under a lead: "Loại Tốt: 1. Sở A 92,41; 2. Sở B 91,18", "Top 3 gồm:" + items.

The recipe: a paragraph holding numbered items after its lead ("Loại Khá: 4. Sở C 88,7; 5. …")
is cut into the lead and one line per item (``inline_items``); a lead ending with ":" opens a
list (``open_list``); each numbered or bulleted line after it is an item (``List.take``).

Decisions:

- A lead naming a grade ("Loại Tốt:", "Xếp loại Khá:") gives it to each item's unit, where the
  item states none; the lead's own statement (the grade alone, of no unit it names) is none.
- An item's number is its unit's place under a lead of first places ("Top 3 đơn vị dẫn đầu
  gồm:"), and under grade leads whose numbering runs on from group to group ("Loại Tốt: 1. …
  3. …", "Loại Khá: 4. …") with figures that never rise: a list numbered again from 1 in each
  grade, or whose figures rise anywhere, numbers its lines, not places (``settle_lists``).
- Bulleted items under a lead of first places or of a stated order ("5 đơn vị có chỉ số cao
  nhất, xếp theo thứ tự từ cao xuống thấp, gồm:") take the places in turn, on the same terms.
- Items are numbered inline only when at least two numbers run on, each after ":" or ";".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from parscore.extractors.model import BlockKind
from parscore.extractors.records import replace
from parscore.normalizers.labels import grade_in_text
from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.statements.cues import cues, sentence_key
from parscore.pipeline.statements.draft import Draft

__all__ = ["List", "inline_items", "open_list", "settle_lists"]

#: A line ending with ":" of at most this many words leads the items after it.
MAX_LEAD_WORDS = 30
#: An item's number written inline: after the start, ":" or ";", a number, "." or ")", a word.
_INLINE = re.compile(r"(?:^|(?<=[:;]))\s*(\d{1,3})[.)]\s+(?=[^\W\d_])")
#: Inline items needed to cut a paragraph into its lead and items.
MIN_INLINE_ITEMS = 2


def inline_items(line: Line) -> list[Line]:
    """Given a paragraph, return it cut into its lead and one line per numbered item written
    inline ("Loại Tốt: 1. Sở A 92,41; 2. Sở B 91,18"), else the paragraph alone."""
    marks = [m for m in _INLINE.finditer(line.text) if m.start() > 0 or line.numbering is None]
    numbers = [int(m.group(1)) for m in marks]
    runs_on = all(b == a + 1 for a, b in pairwise(numbers))
    if len(marks) < MIN_INLINE_ITEMS or not runs_on:
        return [line]
    lead = line.text[: marks[0].start()].strip()
    pieces = [replace(line, text=lead, raw=lead, key=fold(lead))] if lead else []
    ends = [m.start() for m in marks[1:]] + [len(line.text)]
    for m, end in zip(marks, ends, strict=True):
        text = line.text[m.end() : end].strip().rstrip(";.").strip()
        pieces.append(replace(line, text=text, raw=text, key=fold(text), numbering=m.group(1),
                              bullet=None))  # fmt: skip
    return pieces


@dataclass(frozen=True, slots=True)
class List:
    """The list a lead opened: what it gives its items, and where its numbering has got to."""

    ident: int  # the list's own mark on the places it gives (``Draft.listed``), above 0
    grade: tuple[str, str] | None = None  # (canonical, as written) of a grade's lead
    first: bool = False  # a lead of first places: numbers are places
    ordered: bool = False  # a lead of first places or a stated order: bullets take places
    number: int = 0  # the last item's number, or its place for bullets

    def take(self, line: Line, drafts: tuple[Draft, ...]) -> tuple[tuple[Draft, ...], List] | None:
        """Given a line after the lead and its statements, return them as an item of the list
        and the list after it; None when the line is no item (the list has ended)."""
        if not (line.numbering or line.bullet):
            return None
        if not drafts:
            return drafts, self
        if len({d.unit for d in drafts}) != 1:
            return None
        if self.grade is not None:
            canonical, raw = self.grade
            drafts = tuple(d if d.grade else replace(d, grade=canonical, grade_raw=raw)
                           for d in drafts)  # fmt: skip
        numbering = line.numbering or ""
        number = int(numbering) if numbering.isdigit() else self.number + 1
        if not any(d.rank is not None for d in drafts):
            drafts = self.placed(drafts, numbering, number)
        return drafts, replace(self, number=number)

    def placed(self, drafts: tuple[Draft, ...], numbering: str, number: int) -> tuple[Draft, ...]:
        """Given an item's statements (no place of their own), its numbering and its number,
        return them with the place the list gives: the number under a lead of first places;
        under a grade's lead the number, and under a lead of order the turn, marked with the
        list (``settle_lists`` keeps them only where the list runs in order)."""
        if self.first and numbering.isdigit():
            return tuple(replace(d, rank=number) for d in drafts)
        if (self.grade is not None and numbering.isdigit()) or (self.ordered and not numbering):
            return tuple(replace(d, rank=number, listed=self.ident) for d in drafts)
        return drafts


def settle_lists(drafts: Sequence[Draft]) -> list[Draft]:
    """Given every statement, return them with the places of each list kept only where its
    numbers rise and its figures do not, all the way down: a list numbered again in each grade,
    or whose figures rise, numbers its lines, not places."""
    runs: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.listed:
            runs.setdefault(d.listed, []).append(d)
    if not runs:
        return list(drafts)
    broken = {ident for ident, items in runs.items() if not in_order(items)}
    return [
        d if not d.listed else replace(d, listed=0, rank=None if d.listed in broken else d.rank)
        for d in drafts
    ]


def in_order(items: Sequence[Draft]) -> bool:
    """Given the statements of one list, return whether its places rise and its figures,
    all stated, do not."""
    figures = [item_figure((d,)) for d in items]
    ranks = [d.rank or 0 for d in items]
    rising = all(a < b for a, b in pairwise(ranks))
    if any(f is None for f in figures):
        return False
    return rising and all(a >= b for a, b in pairwise(figures))  # type: ignore[operator]


def item_figure(drafts: Sequence[Draft]) -> Decimal | None:
    """Given an item's statements, return its figure (score, else percent), else None."""
    for d in drafts:
        number = d.official or d.percent
        if number is not None and number.value is not None:
            return number.value
    return None


def open_list(
    line: Line, drafts: tuple[Draft, ...], before: List | None, ident: int
) -> tuple[List | None, tuple[Draft, ...]]:
    """Given a paragraph, its statements, the list before it and a mark for a new list (above
    0), return the list it leads (None: it leads none) and its statements (a grade's lead
    states none of its own); a grade's lead right after another grade's list goes on with it."""
    words = len(line.text.split())
    leads = line.kind is BlockKind.HEADING or (
        line.text.rstrip().endswith(":") and words <= MAX_LEAD_WORDS
    )
    if not leads:
        return None, drafts
    key = sentence_key(line.text)
    first = cues().first.search(key) is not None
    ordered = first or cues().respectively.search(key) is not None
    named = grade_in_text(line.text) if not any(d.official or d.percent for d in drafts) else None
    if named is None and not first:
        return None, drafts
    if named is not None:
        drafts = tuple(d for d in drafts if d.rank is not None or d.change is not None)
        going = before if before is not None and before.grade is not None else List(ident)
        return replace(going, grade=named, first=False, ordered=False), drafts
    return List(ident, first=True, ordered=ordered), drafts
