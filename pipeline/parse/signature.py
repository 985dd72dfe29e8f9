"""The end of a Decree 30 notice: "Nơi nhận:" (recipients) and the signer block.

    Nơi nhận:                       KT. GIÁM ĐỐC
    - UBND tỉnh (b/c);              PHÓ GIÁM ĐỐC
    - Lưu: VT, VP.                  Nguyễn Văn Nam

Extractors hand both columns over as lines (left, then right); the signer is the name
after the authority lines (KT./TM./TL./TUQ./Q. …, GIÁM ĐỐC, CHỦ TỊCH …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parscore.normalizers.labels import data_table
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Person
from parscore.pipeline.roles import plain

_RECIPIENTS = re.compile(r"^noi nhan\b")
_AUTHORITY = re.compile(
    r"^(?:(?:kt|tm|tl|tuq|q)\.\s*\w|(?:pho )?(?:giam doc|chu tich|truong ban|chanh van phong|"
    r"truong phong|thu truong|bo truong)\b)"
)
#: An authority block on one line opens like this ("TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Xuân Phúc").
_AUTHORITY_OPEN = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\.\s*\S")
#: Words of a signer's name.
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){1,4}$")
#: The signer block is looked for among this many last lines of the document.
TAIL_LINES = 20
#: An authority line ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN") is at most this many words; a
#: longer line that starts "Giám đốc Sở …" is prose.
MAX_AUTHORITY_WORDS = 6


def is_recipients(line: Line) -> bool:
    """Given a line, return whether it opens the "Nơi nhận" list."""
    return bool(_RECIPIENTS.match(plain(line.raw)))


def is_authority(line: Line) -> bool:
    """Given a line, return whether it is an authority line of the signer block (KT. GIÁM ĐỐC)."""
    if line.bullet is not None:
        return False
    short = len(line.raw.split(None, MAX_AUTHORITY_WORDS)) <= MAX_AUTHORITY_WORDS  # no more cut
    return short and bool(_AUTHORITY.match(plain(line.raw)))


def opens_signature(line: Line) -> bool:
    """Given a line, return whether the closing part of the notice (recipients, signer) starts."""
    return is_recipients(line) or is_authority(line)


def recipients(lines: Sequence[Line]) -> tuple[str, ...]:
    """Given the lines, return the "Nơi nhận" list, each entry without dash and semicolon."""
    start = next((i for i, ln in enumerate(lines) if is_recipients(ln)), None)
    if start is None:
        return ()
    found = []
    for line in lines[start + 1 :]:
        if line.bullet is None:
            break
        found.append(line.text.rstrip(" ;.,"))
    return tuple(found)


def signer(lines: Sequence[Line]) -> Person:
    """Given the lines, return who signed: the name after the authority lines, and the role.
    A cell that holds the whole block on one line ("TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Xuân
    Phúc") gives its capitals as the role and the name after them."""
    tail = list(lines[-TAIL_LINES:])
    roles = [i for i, ln in enumerate(tail) if _signs(ln)]
    if not roles:
        return Person()
    if split := name_after_capitals(tail[roles[-1]].raw):
        heads = [sentence_case(tail[i].raw) for i in roles[:-1]]
        tail_roles = [sentence_case(part) for part in split_post(split[0])]
        return Person(name=split[1], role=", ".join([*heads, *tail_roles]))
    after = tail[roles[-1] + 1 :]
    name = next((ln.raw for ln in after if _NAME.match(ln.raw) and not ln.raw.isupper()), None)
    role = ", ".join(sentence_case(tail[i].raw) for i in roles)
    return Person(name=name, role=role)


def _signs(line: Line) -> bool:
    """Given a line of the tail, return whether it is an authority or post line of the signer
    block, alone or followed by the signer's name."""
    return is_authority(line) or _is_post(line.raw) or name_after_capitals(line.raw) is not None


def split_post(head: str) -> list[str]:
    """Given an authority written on one line ("TM. CHÍNH PHỦ THỦ TƯỚNG"), return it cut
    before the post that ends it (["TM. CHÍNH PHỦ", "THỦ TƯỚNG"])."""
    words, key = head.split(), plain(head)
    for post in sorted(data_table("decree30")["signer_posts"], key=len, reverse=True):
        n = len(post.split())
        if key.endswith(" " + post) and len(words) > n:
            return [" ".join(words[:-n]), " ".join(words[-n:])]
    return [head]


def name_after_capitals(text: str) -> tuple[str, str] | None:
    """Given an authority block written on one line, return its capitals and the name after
    them ("TM. CHÍNH PHỦ THỦ TƯỚNG", "Nguyễn Xuân Phúc"), or None."""
    if not _AUTHORITY_OPEN.match(text):
        return None
    words = text.split()
    titled = 0
    while titled < len(words) and words[-1 - titled].istitle() and not words[-1 - titled].isupper():
        titled += 1
    head = words[: len(words) - titled]
    if not MIN_NAME_WORDS <= titled <= MAX_NAME_WORDS or not " ".join(head).isupper():
        return None
    return " ".join(head), " ".join(words[len(head) :])


def _is_post(text: str) -> bool:
    """Given a short line in capitals, return whether it names a signing post ("CHÁNH ÁN")."""
    if not text.isupper() or len(text.split()) > MAX_AUTHORITY_WORDS:
        return False  # most lines: answered before the line is keyed
    key = plain(text)
    return any(key == p or key.startswith(p + " ") for p in data_table("decree30")["signer_posts"])


def sentence_case(text: str) -> str:
    """Given an authority line in capitals ("KT. GIÁM ĐỐC"), return it as written in prose."""
    if not text.isupper():
        return text
    words = text.lower().split()
    head = [w.upper() if w.endswith(".") and len(w) <= 4 else w for w in words]
    first = next((i for i, w in enumerate(head) if not w.endswith(".")), 0)
    head[first] = head[first].capitalize()
    if head[first] == "Phó" and first + 1 < len(head):  # "Phó Giám đốc", "Phó Chủ tịch"
        head[first + 1] = head[first + 1].capitalize()
    return " ".join(head)
