"""Canonical names of bodies: OCR variants, abbreviation ↔ full forms, locality prefixes."""

from __future__ import annotations

import re

# OCR/typo variants the genre carries → the intended form (applied to canonical names only;
# the surface form stays as an alias and in the mention).
OCR_VARIANTS = {"中帼": "巾帼", "妇连": "妇联"}

# Abbreviation → full form of body cores. Longest abbreviation first when applied.
ABBREVIATIONS = {
    "妇联": "妇女联合会",
    "妇委会": "妇女委员会",
    "妇儿工委": "妇女儿童工作委员会",
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "人大常委会": "人民代表大会常务委员会",
    "人大": "人民代表大会",
    "政协": "政治协商会议",
    "检察院": "人民检察院",
    "法院": "人民法院",
    "科技厅": "科学技术厅",
    "科技局": "科学技术局",
    "科协": "科学技术协会",
    "文联": "文学艺术界联合会",
    "侨联": "归国华侨联合会",
    "残联": "残疾人联合会",
    "工商联": "工商业联合会",
    "团委": "共青团委员会",
    "卫健委": "卫生健康委员会",
    "发改委": "发展和改革委员会",
    "住建局": "住房和城乡建设局",
    "文旅局": "文化和旅游局",
    "市场监管局": "市场监督管理局",
    "纪委监委": "纪律检查委员会监察委员会",
    "纪委": "纪律检查委员会",
    "监委": "监察委员会",
    "关工委": "关心下一代工作委员会",
    "政法委": "政法委员会",
}
_FULL_TO_ABBR = {v: k for k, v in ABBREVIATIONS.items()}
_ABBR_RE = re.compile("|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)))
_FULL_RE = re.compile("|".join(sorted(map(re.escape, _FULL_TO_ABBR), key=len, reverse=True)))

# A leading single-character level word stands for the document's place of that level.
LEVEL_PREFIX = {"省": "province", "市": "city", "县": "county", "区": "county", "州": "city",
                "旗": "county", "镇": "township", "乡": "township", "街道": "township"}
# Bodies that begin with a level word but are not abbreviations of a place (市场监管局 …).
_NOT_LEVEL = ("市场", "区域", "县域", "省份", "市民", "州府", "乡村", "乡镇", "镇村", "街道社区")
# Party and Youth League prefixes stand before the place: 中共株洲市委, 共青团大理州委.
PARTY_PREFIXES = ("中国共产党", "中共", "共青团")
# 团市委 = the Youth League committee of the city: 共青团 + place + 委.
_LEAGUE = re.compile(r"团([省市县区州])委(.*)")
# Departments of the Party committee, written bare (组织部) in a county or city article.
PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "统一战线工作部", "社会工作部", "政法委",
                     "政法委员会", "编办", "机构编制委员会办公室", "巡察办", "党校")


def fix_ocr(text: str) -> str:
    for bad, good in OCR_VARIANTS.items():
        text = text.replace(bad, good)
    return text


def full_form(name: str) -> str | None:
    """株洲市妇联 → 株洲市妇女联合会; None when there is nothing to expand."""
    # Only the last abbreviation is expanded: 市委 in 市委宣传部 is not a core to expand.
    matches = list(_ABBR_RE.finditer(name))
    if not matches:
        return None
    m = matches[-1]
    return name[:m.start()] + ABBREVIATIONS[m.group()] + name[m.end():]


def short_form(name: str) -> str:
    """株洲市妇女联合会 → 株洲市妇联 (the canonical form uses abbreviations as written)."""
    return _FULL_RE.sub(lambda m: _FULL_TO_ABBR[m.group()], name)


# Party/government/mass-organization bodies exist at every level: written bare (妇儿工委,
# 农业农村局) they are the body of the place the text is about.
_LOCAL_BODY = re.compile(
    r".{0,10}(?:妇联|妇女联合会|妇儿工委|工作委员会|团委|总工会|人大常委会|政协|人民政府|政府|"
    r"法院|检察院|纪委监委|纪委|党委|局|厅|委|办公室)")
# ... but a named institution (某某公司团委, 某某学校党委) is not a level body.
_INSTITUTION = re.compile(r"公司|学校|大学|学院|医院|中心|协会|厂|报社|合作社|出版社|所|报|网|银行|集团")
_NATIONAL = ("中国", "中华", "全国", "中央", "国家", "国务院", "党中央")
# A scope word before a bare body names its level (全县妇儿工委 → the county's).
SCOPE_LEVEL = {"县": "county", "区": "county", "市": "city", "省": "province", "州": "city"}


def is_bare_local_body(text: str) -> bool:
    return bool(_LOCAL_BODY.fullmatch(text)) and not text.startswith(_NATIONAL) \
        and level_prefix(text) is None and not _INSTITUTION.search(text)


def level_prefix(text: str) -> str | None:
    """'province' for 省妇联, 'city' for 市委, 'township' for 镇党委 …; None for 市场监管局
    or unprefixed names."""
    return level_word(text)[1]


_AUTONOMOUS = {"自治区": "province", "自治州": "city", "自治县": "county", "自治旗": "county"}


def level_word(text: str) -> tuple[str, str | None]:
    """(the level word, its level): ('街道', 'township') for 街道办事处; ('', None) if none."""
    if len(text) < 2 or text.startswith(_NOT_LEVEL):
        return "", None
    if text.startswith("街道") and len(text) > 2:
        return "街道", "township"
    if text[:3] in _AUTONOMOUS and len(text) > 3:
        return text[:3], _AUTONOMOUS[text[:3]]  # 自治区妇联: the region's own body
    lvl = LEVEL_PREFIX.get(text[0])
    return (text[0], lvl) if lvl else ("", None)


# 县长, 副镇长 …: the post names its body, the government of that level.
_GOV_HEAD = re.compile(r"(?:常务)?副?([省市县区镇乡州旗])长")
_PARTY_BODY = re.compile(r"(?:党委|党工委|党组|委)$")


def government_head_level(post: str) -> str | None:
    """'township' for 镇长 / 副镇长, 'county' for 县长 …; None for other posts."""
    m = _GOV_HEAD.fullmatch(post)
    return LEVEL_PREFIX.get(m.group(1)) if m else None


def is_party_body(name: str) -> bool:
    return bool(_PARTY_BODY.search(name))


def split_party_prefix(text: str) -> tuple[str, str]:
    """('中共', '株洲市委') for 中共株洲市委; ('', text) when there is no such prefix."""
    for p in PARTY_PREFIXES:
        if text.startswith(p) and len(text) > len(p) + 1:
            return p, text[len(p):]
    return "", text


def league_level(text: str) -> tuple[str, str] | None:
    """团市委宣传部 → ('city', '宣传部'): a Youth League committee named by its level only."""
    m = _LEAGUE.fullmatch(text)
    if not m:
        # 团自治区委, 团自治州委: the committee of the autonomous region/prefecture
        a = re.fullmatch(r"团(自治[区州县旗])委(.*)", text)
        return (_AUTONOMOUS[a.group(1)], a.group(2)) if a else None
    return LEVEL_PREFIX[m.group(1)], m.group(2)


def normalize_company(name: str) -> str:
    """公司 ↔ 有限公司 variants share one canonical name: 有限公司, the registered form."""
    return re.sub(r"(?<!有限)(?<!有限责任)公司", "有限公司", name)


def canonical_body(name: str) -> str:
    """The key form of a (locality-qualified) body name: same body, same string."""
    return normalize_company(short_form(fix_ocr(name)))


# A body written as "<parent body><unit>": the unit is part of the parent.
_PARENT_END = re.compile(
    r"(?:有限公司|公司|集团|法院|检察院|医院|保健院|学院|大学|中学|小学|学校|中心|协会|联合会|"
    r"商会|事务所|银行|政府|人大常委会|政协|委员会|管委会|委|局|厅|办|"
    r"报社|电视台|工厂|厂|妇联|团委|总工会|工会|科协|文联|侨联|残联)")
# Units that only exist inside a parent (审判庭 of a court, 妇委会 of a company).
_UNIT_START = re.compile(
    r"(?:党组|党委|党支部|党总支|支部|妇委会|妇女委员会|妇联|团委|团支部|工会|分会|"
    r"[^\s]{0,8}?(?:庭|科|处|室|部|股|所|站|队|组|办公室|办公厅|分公司|支行|分院))$")


def parent_body(name: str) -> str | None:
    """县法院家事审判庭 → 县法院; 湖北某某有限公司妇女委员会 → 湖北某某有限公司; else None."""
    best = None
    for m in _PARENT_END.finditer(name):
        head, tail = name[:m.end()], name[m.end():]
        if len(head) >= 3 and tail and _UNIT_START.fullmatch(tail):
            best = head  # the last split that leaves a proper unit wins (the nearest parent)
    return best
