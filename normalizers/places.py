"""Provinces and province-level cities: the gazetteer of ``normalizers/data/units.toml``.

A bare province name in a national ranking ("Quảng Ninh dẫn đầu") is a unit
(``provinces``), and a header's place line names the notice's province only when it is one
(``province_name``: "Cẩm Mỹ, ngày …" of a district names none). Names are matched folded,
dashes written " - ", older spellings ("Đắc Lắc") mapped to the table's. The six
socio-economic regions (``regions``) are units of a national ranking too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parscore.normalizers.labels import canonical_unit, data_table, spaced_dashes
from parscore.normalizers.text import fold


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """Given nothing, return province_key → the province's name as the table spells it, for
    every province, city and variant."""
    table = data_table("units")["provinces"]
    names = [*table["provinces"], *table["cities"], *table["level_cities"]]
    found = {province_key(name): name for name in names}
    for variant, name in table["variants"].items():
        found[province_key(variant)] = name
    return found


_LEVEL_PREFIX = re.compile(r"^(?:Tỉnh|Thành phố)\s+")


def province_name(place: str) -> str | None:
    """Given a place as written ("Thanh Hoá", "TP. Hồ Chí Minh", "TỈNH ĐẮC LẮC"), return the
    province or province-level city it names, spelled as the table does; None for any other
    place (a district, a provincial city)."""
    name = _LEVEL_PREFIX.sub("", canonical_unit(place))
    return _province_names().get(province_key(name))


def province_key(name: str) -> str:
    """Given a province name as written, return its matching key (folded, dashes " - ")."""
    return spaced_dashes(fold(name))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Given nothing, return each name a province goes by bare, as province_key → its
    canonical unit ("quảng ninh" → "Tỉnh Quảng Ninh", "hải phòng" → "Thành phố Hải Phòng");
    variants too, level-only cities ("Hồ Chí Minh", "Huế") not."""
    table = data_table("units")["provinces"]
    cities, level_only = set(table["cities"]), set(table["level_cities"])
    return {
        key: canonical_unit(f"{'thành phố' if name in cities else 'tỉnh'} {name}")
        for key, name in _province_names().items()
        if name not in level_only
    }


@lru_cache(maxsize=1024)
def is_province(unit: str) -> bool:
    """Given a canonical unit, return whether it is a province or a province-level city
    ("Tỉnh Kon Tum", "Thành phố Hải Phòng", "Thành phố Hồ Chí Minh"), not a provincial city
    named like its province ("Thành phố Sơn La" of Tỉnh Sơn La)."""
    name = province_name(unit)
    if name is None or not fold(unit).startswith("thành phố "):
        return name is not None
    table = data_table("units")["provinces"]
    return name in (*table["cities"], *table["level_cities"])


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Given nothing, return each written form of a socio-economic region, as province_key →
    the region's name ("đồng bằng sông cửu long" and "đbscl" → "Đồng bằng sông Cửu Long")."""
    table = data_table("units")["regions"]
    return {
        province_key(form): name for name, forms in table.items() for form in (name, *forms)
    }


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Given nothing, return the canonical names of the socio-economic regions."""
    return frozenset(regions().values())


def is_region(unit: str | None) -> bool:
    """Given a unit's canonical name (or None), return whether it is a socio-economic region."""
    return unit is not None and unit in _region_names()
