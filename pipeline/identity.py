"""Who a score statement is about, across notices: a stable id, a level and a province.

The recipe (``identify``): canonical name → the name the unit goes by in rankings (a
locality's committee is the locality) → its level (``data/unit_levels.toml``) → its province
(a province is its own; a district, department or commune belongs to the province of the
notice that names it: the notice's province, else the one its issuer or title names, else the
one province with a district so named) → its official code valid in the statement's year
(``normalizers.admin``) → its id, a slug of level, province and name.

Same-named bodies stay apart: "Huyện Quảng Ninh" (a district of Quảng Bình) is
``huyen.quang-binh.huyen-quang-ninh``, "Tỉnh Quảng Ninh" is ``tinh.quang-ninh``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from parscore.normalizers import admin
from parscore.normalizers.places import province_name, regions
from parscore.normalizers.text import strip_tones
from parscore.pipeline.statements.units import ministry_level, unit_kind

#: Levels with no province of their own (national rankings).
NATIONAL = frozenset({"bo", "vung"})
AVERAGE_UNIT = "Trung bình"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True, kw_only=True)
class Identity:
    """A unit as the archive knows it: id, name in rankings, level, province, official code."""

    unit_id: str
    unit: str
    level: str
    province: str | None = None
    code: str | None = None


@cache
def levels_data() -> dict[str, Any]:
    """Return the level vocabulary of pipeline/data/unit_levels.toml."""
    path = resources.files("parscore.pipeline").joinpath("data/unit_levels.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def levels() -> dict[str, str]:
    """Return the levels a unit can have → what each holds."""
    return dict(levels_data()["levels"])


def slug(text: str) -> str:
    """Given a name, return its id form: no tones, lowercase, words joined by "-"."""
    return _NOT_SLUG.sub("-", strip_tones(text).lower()).strip("-")


def ranked_name(unit: str) -> str:
    """Given a canonical unit, return the name it goes by in rankings: a locality's committee
    is the locality ("Ủy ban nhân dân huyện Cẩm Mỹ" → "Huyện Cẩm Mỹ")."""
    prefix = levels_data()["committee"]["prefix"]
    rest = unit.removeprefix(prefix).strip()
    if rest == unit.strip() or not rest or unit_kind(unit) not in levels_data()["kinds"]:
        return unit
    return rest[0].upper() + rest[1:]


def city_province(name: str, year: int | None) -> str | None:
    """Given a "Thành phố X" or "Tỉnh X" name and a year, return X when it is a province that
    year (a centrally-run city, or any "Tỉnh X"), else None."""
    place = province_name(name)
    if place is None:
        return None
    if not name.lower().startswith("thành phố"):
        return place
    since = levels_data()["cities"].get(place)
    return place if since is not None and (year is None or year >= since) else None


def level_of(name: str, year: int | None) -> str:
    """Given a unit's ranked name and the year, return its level (unit_levels.toml)."""
    if name == AVERAGE_UNIT:
        return "trung_binh"
    if name in regions().values():
        return "vung"
    if name in ministry_level() or name.startswith("Bộ "):
        return "bo"
    if city_province(name, year):
        return "tinh"
    lowered = name.lower()
    if any(
        lowered == h or lowered.startswith(h + " ") for h in levels_data()["nganh_doc"]["heads"]
    ):
        return "nganh_doc"
    return str(levels_data()["kinds"].get(unit_kind(name), "khac"))


def notice_province(notice: Mapping[str, Any]) -> str | None:
    """Given a notices row, return the province it is of: its own, else its issuer's, else the
    one its title names."""
    return (
        notice.get("province")
        or admin.province_in(notice.get("issuer"))
        or admin.province_in(notice.get("title"))
    )


def province_of(name: str, level: str, year: int | None, context: str | None) -> str | None:
    """Given a ranked name, its level, the year and the notice's province, return the unit's."""
    if level in NATIONAL:
        return None
    if level == "tinh":
        return city_province(name, year)
    if level == "huyen" and (own := _capital_province(name, year)):
        return own
    if context is None and level == "huyen":
        return _canonical_province(admin.district_province(name))
    return context


def _capital_province(name: str, year: int | None) -> str | None:
    """Given a district-level "Thành phố X", return X when it is a province too (a province's
    capital city shares its name: "Thành phố Yên Bái" of tỉnh Yên Bái)."""
    if not name.lower().startswith("thành phố"):
        return None
    place = province_name(name)
    return place if place not in levels_data()["cities"] else None


def _canonical_province(name: str | None) -> str | None:
    """Given a province as the admin list spells it, return the gazetteer's spelling."""
    return (province_name(name) or name) if name else None


def code_of(name: str, level: str, province: str | None, year: int | None) -> str | None:
    """Given a unit, its level, province and year, return its official code valid that year."""
    if level == "tinh":
        return admin.province_code(province, year)
    if level == "huyen":
        return admin.district_code(province, name, year)
    return None


def unit_id(name: str, level: str, province: str | None) -> str:
    """Given a ranked name, its level and province, return its stable id."""
    if level == "tinh" and province:
        return f"tinh.{slug(province)}"
    if level in NATIONAL:
        return f"{level}.{slug(name)}"
    return f"{level}.{slug(province) if province else '_'}.{slug(name)}"


@lru_cache(maxsize=CACHE_SIZE)
def identify(unit: str, year: int | None, context: str | None) -> Identity:
    """Given a canonical unit, the year spoken of and the notice's province, return its identity."""
    name = ranked_name(unit)
    level = level_of(name, year)
    province = province_of(name, level, year, context)
    return Identity(
        unit_id=unit_id(name, level, province),
        unit=name,
        level=level,
        province=province,
        code=code_of(name, level, province, year),
    )
