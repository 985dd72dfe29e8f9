"""People's names: where a name starts in a run of capitalised words.

A role or body and the name after it are often written with no comma between them ("Chủ
tịch UBND tỉnh Phú Yên Nguyễn Văn An"). A Vietnamese name opens with a family name (họ, the
vocabulary of ``data/people.toml``) and has two to four words; a province's name ("Hà Nam",
"Cao Bằng") opens with a word that is also a family name, so a name never starts inside one.
"""

from __future__ import annotations

from functools import cache

from parscore.normalizers.labels import data_table
from parscore.normalizers.places import province_name

#: The words a name has at least and at most ("Lê Hoa", "Nguyễn Thị Minh Khai").
NAME_WORDS = (2, 4)
#: Words after which two capitalised words name a place ("huyện Lâm Hà"), not a person.
LEVELS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "trấn", "phố", "thị", "TP", "TP."})


@cache
def surnames() -> frozenset[str]:
    """Given nothing, return the family names of data/people.toml."""
    return frozenset(data_table("people")["surnames"])


def _capitalised(word: str) -> bool:
    """Given a word, return whether it is written capitalised and not in capitals ("Văn")."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def split_name(text: str) -> tuple[str, str | None]:
    """Given a role that may end with a person's name, return (role, name or None).

    The name lies in the run of capitalised words at the end; it has two to four words,
    opens with a family name and not with a province's name, and the role keeps a word. Two
    words right after a level ("huyện Lâm Hà") are a place. The whole run is the name when it
    can be; else the first start whose next word is not a family name too ("… huyện Lâm Hà Lê
    Văn Bình" is "Lê Văn Bình", "… Đức Hòa Nguyễn Thị Kim Chi" is "Nguyễn Thị Kim Chi").
    """
    words = text.split()
    start = len(words)
    while start > 1 and _capitalised(words[start - 1]):
        start -= 1
    starts = [i for i in range(start, len(words)) if _may_open(words, i, whole=i == start)]
    if not starts:
        return text, None
    first = starts[0] if starts[0] == start else next(
        (i for i in starts if words[i + 1] not in surnames()), starts[0])
    return " ".join(words[:first]), " ".join(words[first:])


def _may_open(words: list[str], i: int, *, whole: bool) -> bool:
    """Given words, a position in their capitalised tail and whether it is the tail's start,
    return whether a name may run from there to the end."""
    low, high = NAME_WORDS
    size = len(words) - i
    if not low <= size <= high or words[i] not in surnames():
        return False
    if any(province_name(" ".join(words[i : i + n])) for n in (2, 3)):
        return False
    return not (whole and size == low and words[i - 1] in LEVELS)
