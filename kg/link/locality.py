"""The place a document is about, and the place a mention's level word (省/市/县) stands for."""

from __future__ import annotations

import re
from collections import Counter

from kg.model import Extraction, Mention
from kg.places import Place, lookup, place_by_path

# A short alias followed by a lower level word names a different, smaller place: 新竹街道 in
# Nanning is a subdistrict, not 新竹市; 东方镇, 长安街道, 永和村 likewise.
_LOWER_LEVEL = ("镇", "乡", "街道", "村", "社区", "路", "街", "组")


# ethnic townships: 满族乡, 回族乡, 蒙古族乡, 朝鲜族满族乡, 土家族苗族乡
_ETHNIC_TOWNSHIP = re.compile(r"(?:[^\s，。、]{1,3}族){1,2}(?:乡|镇)")


def leading_place(text: str) -> tuple[str, list[Place]] | None:
    """The longest gazetteer surface `text` starts with: 株洲市妇联 → ('株洲市', [株洲市])."""
    for n in range(min(len(text), 12), 1, -1):
        cands = lookup(text[:n])
        if cands:
            is_alias = all(c.name != text[:n] for c in cands)
            if is_alias and (text.startswith(_LOWER_LEVEL, n) or _ETHNIC_TOWNSHIP.match(text, n)):
                return None  # 灵山满族乡 is a township, not 灵山县
            return text[:n], cands
    return None


def place_chain(text: str) -> list[tuple[str, list[Place]]]:
    """(surface, candidates) for each place of the admin chain `text` starts with
    (湖北省宜昌市秭归县… → three entries)."""
    out: list[tuple[str, list[Place]]] = []
    rest = text
    while rest:
        hit = leading_place(rest)
        if not hit:
            break
        out.append(hit)
        rest = rest[len(hit[0]):]
    return out


def places_in(text: str) -> list[list[Place]]:
    return [cands for _, cands in place_chain(text)]


# Township names have a stem of two or more characters; 城乡/农村 in department names
# (住房和城乡建设局) are not townships.
_TOWNSHIP = re.compile(r"([^和与及城农的、，]{2,6}?(?:镇|乡|街道))")


def township_of(text: str) -> str | None:
    """The township in a place name: 秦安县郭嘉镇寺嘴村 → 郭嘉镇; None when it names none."""
    rest = text[sum(len(s) for s, _ in place_chain(text)):]
    m = _TOWNSHIP.match(rest)
    return m.group(1) if m else None


def _disambiguate(cands: list[Place], context: Counter) -> Place:
    if len(cands) == 1:
        return cands[0]
    # A county name shared by several provinces: pick the one whose parents the text names.
    return max(cands, key=lambda p: (sum(context[x] for x in p.parent), p.code or ""))


def infer_locality(ex: Extraction) -> dict[str, str | None]:
    """province/city/county the document is about, voted from GPE and body mentions.

    A county is chosen only when it is named at least twice and at least as often as its
    city: a city review naming a few counties once each is still about the city.
    """
    hits: list[list[Place]] = []
    for m in ex.mentions:
        if m.label in ("GPE", "ORG"):
            hits.extend(places_in(m.text))
    meta_place = ex.doc.meta.get("place")
    if isinstance(meta_place, str):
        for cands in places_in(meta_place):
            hits.extend([cands] * 3)  # the publisher's own statement outweighs a mention
    names = Counter(p.name for cands in hits for p in cands)
    chosen = [_disambiguate(c, names) for c in hits]
    if not chosen:
        return {"province": None, "city": None, "county": None, "township": None}
    prov = Counter(p.province for p in chosen).most_common(1)[0][0]
    in_prov = [p for p in chosen if p.province == prov]
    cities = Counter(p.city for p in in_prov if p.city and p.city != prov)
    city = cities.most_common(1)[0][0] if cities else None
    county = None
    if city:
        counties = Counter(p.county for p in in_prov if p.county and p.city == city)
        city_only = sum(1 for p in in_prov if p.level == "city" and p.city == city)
        if counties:
            name, n = counties.most_common(1)[0]
            if n >= 2 and n >= city_only:
                county = name
    else:
        counties = Counter(p.county for p in in_prov if p.county)
        if counties:
            name, n = counties.most_common(1)[0]
            if n >= 2:
                county = name
                p = place_by_path(prov, None, name)
                city = p.city if p and p.city != prov else None
    # without a county, a township article (来源丨某乡人民政府, 某乡丨某村) still says which
    # township 乡/镇 stand for when it names that township at least twice and no other
    return {"province": prov, "city": city, "county": county,
            "township": infer_township(ex, min_count=1 if county else 2)}


def infer_township(ex: Extraction, min_count: int = 1) -> str | None:
    """The township a county-level article is about: the only one it names (at least
    ``min_count`` times), or one named at least twice and more often than any other."""
    towns = Counter(t for m in ex.mentions if m.label in ("GPE", "ORG")
                    and (t := township_of(m.text)))
    if len(towns) == 1:
        return next(iter(towns)) if next(iter(towns.values())) >= min_count else None
    ranked = towns.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def level_place(level: str, locality: dict[str, str | None]) -> str | None:
    """The place name a level word stands for in this document (省 → 湖南省)."""
    if level == "province":
        return locality.get("province")
    if level == "city":
        # In an article about a county-level city (海城市, 琼海市) 市 is that city; in a
        # municipality (北京市) it is the province-level city.
        if (locality.get("county") or "").endswith("市"):
            return locality["county"]
        return locality.get("city") or (locality.get("province")
                                        if (locality.get("province") or "").endswith("市")
                                        else None)
    if level == "county":
        return locality.get("county")
    if level == "township":
        return locality.get("township")
    return None


def nearer_place(mentions: list[Mention], before: int, sentence_start: int,
                 level: str, province: str | None = None) -> str | None:
    """A place of `level` named earlier in the same sentence wins over the document's
    (宜昌市“最美妇联人”… 市妇联 → 宜昌市妇联)."""
    best = None
    for m in mentions:
        if m.end > before or m.start < sentence_start:
            continue
        if m.label not in ("GPE", "ORG"):
            continue
        if level == "township":
            best = township_of(m.text) or best
            continue
        hit = leading_place(m.text)
        if not hit:
            continue
        cands = hit[1]
        if province and any(p.province == province for p in cands):
            cands = [p for p in cands if p.province == province]  # 巴州 in Xinjiang: not 巴州区
        for p in cands:
            name = {"province": p.province, "city": p.city, "county": p.county}.get(level)
            if name and p.level == level:
                best = name
    return best
