"""Labels for non-Chinese readers: pinyin of names, English glosses of posts, bodies, places.

Glosses are built, not looked up whole: the place part in pinyin, its level in English, then
the body type (株洲市妇联 → "Zhuzhou City Women's Federation"). Only common types are glossed;
an unknown type gets no English label rather than a wrong one.
"""

from __future__ import annotations

from functools import lru_cache

POST_EN = {
    "党组书记": "Party Leadership Group Secretary", "党委书记": "Party Committee Secretary",
    "党工委书记": "Party Working Committee Secretary", "书记": "Secretary",
    "副书记": "Deputy Secretary", "主席": "Chair", "副主席": "Vice Chair", "主任": "Director",
    "副主任": "Deputy Director", "局长": "Bureau Director", "副局长": "Deputy Bureau Director",
    "厅长": "Department Director", "副厅长": "Deputy Department Director",
    "部长": "Head of Department", "副部长": "Deputy Head of Department", "省长": "Governor",
    "副省长": "Vice Governor", "市长": "Mayor", "副市长": "Vice Mayor",
    "县长": "County Magistrate", "副县长": "Deputy County Magistrate", "区长": "District Head",
    "副区长": "Deputy District Head", "镇长": "Town Head", "乡长": "Township Head",
    "秘书长": "Secretary-General", "院长": "President", "副院长": "Vice President",
    "检察长": "Chief Procurator", "庭长": "Chief Judge", "董事长": "Chairman of the Board",
    "总经理": "General Manager", "校长": "Principal", "记者": "Reporter",
    "首席记者": "Chief Reporter", "通讯员": "Correspondent", "责任编辑": "Responsible Editor",
    "值班编辑": "Duty Editor", "编辑": "Editor", "委员": "Member",
    "常委": "Standing Committee Member", "主任委员": "Chair", "会长": "President",
    "副会长": "Vice President", "理事长": "Chair of the Board", "村支书": "Village Party Secretary",
}
# Longest match first where one type ends another (人民检察院 before 检察院).
BODY_EN = [
    ("妇女儿童工作委员会", "Women and Children Working Committee"),
    ("妇儿工委", "Women and Children Working Committee"),
    ("妇女联合会", "Women's Federation"), ("妇联", "Women's Federation"),
    ("妇女委员会", "Women's Committee"), ("妇委会", "Women's Committee"),
    ("人民检察院", "People's Procuratorate"), ("检察院", "Procuratorate"),
    ("人民法院", "People's Court"), ("法院", "Court"),
    ("人大常委会", "People's Congress Standing Committee"),
    ("纪委监委", "Commission for Discipline Inspection and Supervision"),
    ("人民政府", "People's Government"), ("政府", "People's Government"),
    ("总工会", "Federation of Trade Unions"), ("团委", "Communist Youth League Committee"),
    ("政协", "CPPCC Committee"), ("委", "Party Committee"),
    ("农业农村局", "Agriculture and Rural Affairs Bureau"),
    ("人社局", "Human Resources and Social Security Bureau"),
    ("人社厅", "Human Resources and Social Security Department"),
    ("科技厅", "Science and Technology Department"), ("教育局", "Education Bureau"),
    ("公安局", "Public Security Bureau"), ("民政局", "Civil Affairs Bureau"),
    ("司法局", "Justice Bureau"), ("财政局", "Finance Bureau"),
    ("协会", "Association"), ("联合会", "Federation"), ("中心", "Centre"),
    ("有限公司", "Co., Ltd."), ("公司", "Company"), ("局", "Bureau"), ("厅", "Department"),
    ("日报", "Daily"), ("报", "Newspaper"), ("妇幼保健院", "Maternal and Child Health Hospital"),
    ("医院", "Hospital"), ("学校", "School"), ("小学", "Primary School"),
    ("中学", "Middle School"), ("事务所", "Firm"),
]
LEVEL_EN = {"省": "Province", "市": "City", "县": "County", "区": "District", "镇": "Town",
            "乡": "Township", "村": "Village", "自治区": "Autonomous Region",
            "自治州": "Autonomous Prefecture", "自治县": "Autonomous County", "街道": "Subdistrict",
            "社区": "Community", "盟": "League", "旗": "Banner"}


@lru_cache(maxsize=20000)
def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL)


def words_pinyin(text: str) -> str:
    """湖北慢工绣艺 → 'Hubei Mangong Xiuyi': pinyin per word, words capitalized (jieba)."""
    import jieba

    jieba.setLogLevel(60)
    return " ".join("".join(_syllables(w)).capitalize() for w in jieba.lcut(text) if w.strip())


def person_pinyin(name: str) -> str | None:
    """姜欣 → 'Jiāng Xīn' style with tone marks: family name, then the given name as one word."""
    from pypinyin import Style, lazy_pinyin

    syl = lazy_pinyin(name, style=Style.TONE)
    if not syl:
        return None
    # Compound surnames (欧阳, 司马 …) stay one word.
    n = 2 if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else 1
    family = "".join(syl[:n]).capitalize()
    given = "".join(syl[n:]).capitalize()
    return f"{family} {given}".strip()


COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "西门", "独孤"}


def place_english(name: str) -> str | None:
    """株洲市 → 'Zhuzhou City'; 炎陵县策源乡梁桥村 → 'Yanling County Ceyuan Township Liangqiao Village'."""
    import re

    parts = re.findall(r"(.+?)(自治区|自治州|自治县|街道|社区|省|市|县|区|镇|乡|村|盟|旗)", name)
    if not parts or "".join(a + b for a, b in parts) != name:
        return None
    out = []
    for stem, level in parts:
        out.append(words_pinyin(stem).replace(" ", "") + " " + LEVEL_EN[level])
    return " ".join(out)


def body_english(name: str, place: str | None = None) -> str | None:
    """株洲市妇联 → "Zhuzhou City Women's Federation", given the place prefix 株洲市."""
    for zh, en in BODY_EN:
        if name.endswith(zh):
            head = name[: len(name) - len(zh)]
            if place and head.startswith(place):
                rest = head[len(place):]
                pe = place_english(place)
                if pe and not rest:
                    return f"{pe} {en}"
                if pe:
                    return f"{pe} {words_pinyin(rest)} {en}"
            if not head:
                return en
            return f"{words_pinyin(head)} {en}"
    return None


def post_english(post: str) -> str | None:
    return POST_EN.get(post)
