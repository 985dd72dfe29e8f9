"""The list definitions of a Word 97–2003 file: which marker each numbered paragraph prints.

A paragraph in a list names a list-format override (sprmPIlfo, 1-based into PlfLfo) and a
level (sprmPIlvl). The override names a list by its lsid (PlfLst: LSTF records, then the
LVL records of every list in the same order, nine levels each, one for a simple list) and
may restart a level (LFOLVL with fStartAt) or replace it (fFormatting, an LVL of its own).
An LVL (MS-DOC 2.9.150) is an LVLF (start, number format, the placeholder positions
rgbxchNums), its paragraph and character sprms, then its level text (an Xst) in which the
character at each placeholder position stands for a level's number ("\\x00." prints "1.").

LibreOffice writes a list's first paragraph under a list of its own and the rest under a
second list of the same levels (a restart, as it saves one); read apart, every list would
print "1." twice. So a list met for the first time continues the latest list of the same
levels that so far numbered one paragraph only (``Continuations``); Word's own restarts
(LFO overrides) and lists of other levels count apart.

The levels come out as ``listnumbers.Level`` with DOCX-style "%1" placeholders, so the .doc
reader prints "1.", "a)", "Điều 3." and "-" as the DOCX reader does. A structure that does
not parse yields no lists: the paragraphs stay unnumbered list items, as before.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from parscore.extractors.listnumbers import LEVELS, Level

LSTF_SIZE, LVLF_SIZE, LFO_SIZE = 28, 28, 16
F_SIMPLE_LIST = 0x01  # LSTF flags: one level only
#: MS-DOC number formats (nfc) and the numFmt names ``listnumbers`` prints.
NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
       22: "decimal", 23: "bullet", 255: "none"}  # fmt: skip
#: Lists: the 1-based ilfo of a paragraph → its list's id and levels.
Lists = dict[int, tuple[int, dict[int, Level]]]


def read_lvl(data: bytes, at: int) -> tuple[Level, int]:
    """Given table-stream bytes and an LVL's offset, return its level and the offset after it."""
    start, nfc = struct.unpack_from("<iB", data, at)
    positions = [p for p in data[at + 6 : at + 15] if p]
    chpx, papx = data[at + 24], data[at + 25]
    at += LVLF_SIZE + papx + chpx
    cch = struct.unpack_from("<H", data, at)[0]
    raw = data[at + 2 : at + 2 + 2 * cch]
    if len(raw) < 2 * cch:
        raise ValueError("list level text runs past the table stream")
    chars = list(raw.decode("utf-16-le", "replace"))
    for p in positions:  # 1-based positions of the level-number placeholders
        if p <= len(chars) and ord(chars[p - 1]) < LEVELS:
            chars[p - 1] = f"%{ord(chars[p - 1]) + 1}"
    level = Level(fmt=NFC.get(nfc, "decimal"), text="".join(chars), start=start)
    return level, at + 2 + 2 * cch


def read_lists(table: bytes, lst_at: int, lfo: bytes) -> Lists:
    """Given the table stream, the offset of its PlfLst (0: none) and its PlfLfo bytes,
    return each list-format override's list id and levels."""
    if not lst_at or not lfo:
        return {}
    by_lsid = dict(_lists(table, lst_at))
    count = struct.unpack_from("<I", lfo, 0)[0]
    data_at = 4 + LFO_SIZE * count
    out: Lists = {}
    for i in range(count):
        lsid, _, _, clfolvl = struct.unpack_from("<iIIB", lfo, 4 + LFO_SIZE * i)
        levels = dict(by_lsid.get(lsid, {}))
        data_at += 4  # LFOData.cp
        for _ in range(clfolvl):
            start, flags = struct.unpack_from("<iI", lfo, data_at)
            data_at += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: the level is replaced
                levels[ilvl], data_at = read_lvl(lfo, data_at)
            if flags & 0x10 and ilvl in levels:  # fStartAt: the level restarts
                levels[ilvl] = replace(levels[ilvl], start=start)
        out[i + 1] = (lsid if clfolvl == 0 else -(i + 1), levels)
    return out


def _lists(table: bytes, at: int) -> Iterator[tuple[int, dict[int, Level]]]:
    """Given the table stream and its PlfLst's offset, yield each list's id and levels."""
    count = struct.unpack_from("<h", table, at)[0]
    heads = [struct.unpack_from("<i", table, at + 2 + LSTF_SIZE * i)[0] for i in range(count)]
    simple = [table[at + 2 + LSTF_SIZE * i + 26] & F_SIMPLE_LIST for i in range(count)]
    lvl_at = at + 2 + LSTF_SIZE * count
    for lsid, one in zip(heads, simple, strict=True):
        levels: dict[int, Level] = {}
        for ilvl in range(1 if one else LEVELS):
            levels[ilvl], lvl_at = read_lvl(table, lvl_at)
        yield lsid, levels


@dataclass(slots=True)
class Continuations:
    """Which list's counters each list's paragraphs advance, decided at a list's first use."""

    counted: dict[int, int] = field(default_factory=dict)  # counters' list → paragraphs
    levels: dict[int, dict[int, Level]] = field(default_factory=dict)  # counters' list → levels
    alias: dict[int, int] = field(default_factory=dict)  # list → the list it continues

    def key(self, lsid: int, levels: dict[int, Level]) -> int:
        """Given a paragraph's list id and levels, count it and return the id whose counters
        it advances: its own, or that of a one-paragraph list of the same levels before it."""
        if lsid not in self.alias:
            alone = [k for k, n in self.counted.items() if n == 1 and self.levels[k] == levels]
            self.alias[lsid] = alone[-1] if alone else lsid
            self.levels.setdefault(self.alias[lsid], levels)
        key = self.alias[lsid]
        self.counted[key] = self.counted.get(key, 0) + 1
        return key
