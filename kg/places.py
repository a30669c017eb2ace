"""China's administrative divisions (province → city → county) from jionlp's maintained data.

Shared by extract (GPE lexicon) and link (document locality, qualifying 市妇联 → 株洲市妇联),
so it lives underneath both stages.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache

LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    name: str  # full name: 株洲市
    level: str  # province | city | county
    province: str
    city: str | None
    county: str | None
    code: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(x for x in (self.province, self.city, self.county) if x)

    @property
    def parent(self) -> tuple[str, ...]:
        return self.path[:-1]


def _aliases(entry: dict) -> list[str]:
    a = entry.get("_alias")
    if not a:
        return []
    return [a] if isinstance(a, str) else list(a)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    """Surface form (full name or alias) → the places it may denote."""
    # jionlp prints a banner on import; stdout may be an export stream (kg export > x.ttl)
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as jio

        data = jio.china_location_loader()
    table: dict[str, list[Place]] = {}

    def add(surface: str, place: Place) -> None:
        if surface and len(surface) >= 2:
            lst = table.setdefault(surface, [])
            if place not in lst:
                lst.append(place)

    for prov, pv in data.items():
        p = Place(prov, "province", prov, None, None, pv.get("_admin_code"))
        add(prov, p)
        for a in _aliases(pv):
            add(a, p)
        for city, cv in pv.items():
            if city.startswith("_"):
                continue
            if city == prov:  # municipalities: 北京市 → 北京市 → districts
                c = Place(prov, "province", prov, prov, None, pv.get("_admin_code"))
            elif "直辖" in city:
                # 省直辖县级行政区划 (琼海市, 仙桃市 …) is a bookkeeping group, not a place:
                # its counties sit directly under the province.
                c = Place(prov, "province", prov, None, None, pv.get("_admin_code"))
            else:
                c = Place(city, "city", prov, city, None, cv.get("_admin_code"))
                add(city, c)
                for a in _aliases(cv):
                    add(a, c)
                    if city.endswith("自治州"):
                        add(a + "州", c)  # 恩施土家族苗族自治州 is written 恩施州
            for county, kv in cv.items():
                if county.startswith("_"):
                    continue
                k = Place(county, "county", prov, c.city, county, kv.get("_admin_code"))
                add(county, k)
                for a in _aliases(kv):
                    add(a, k)
                    if county.endswith("自治县"):
                        add(a + "县", k)  # 互助土族自治县 is written 互助县
                    elif county.endswith("自治旗"):
                        add(a + "旗", k)
    return table


def lookup(surface: str) -> list[Place]:
    return gazetteer().get(surface, [])


def place_by_path(*path: str | None) -> Place | None:
    """The Place for (province, city, county) names, any suffix of which may be None."""
    names = [p for p in path if p]
    if not names:
        return None
    for cand in lookup(names[-1]):
        if all(n in cand.path for n in names):
            return cand
    return None


@lru_cache(maxsize=1)
def surfaces_by_length() -> list[str]:
    """All surface forms, longest first (for greedy matching)."""
    return sorted(gazetteer(), key=len, reverse=True)
