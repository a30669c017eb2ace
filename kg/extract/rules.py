"""Rule and lexicon span finders for the genre (plain Python over the text).

Each finder returns candidate spans ``Cand(start, end, label, prio)``; the merge component
(``pipeline.py``) resolves overlaps by priority. All regexes are compiled once, at import or
on first use (``functools.cache``); finders look words up only at anchor positions (a place
suffix, a body suffix, a post), so the cost is linear in the text.

Span rules follow /work/shared/gold/README.md: maximal spans (炎陵县策源乡梁桥村), fused
body+post split (市委书记 → 市委 + 书记), quotes outside honors, nothing inside activity or
document titles except media names, deictic scopes (全市, 我县) are not places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract import lexicon as L

# priorities (higher wins an overlap); see pipeline.py
P_DATE = 100
P_HONOR = 90
P_MEDIA = 85
P_ORG = 80
P_GPE = 80
P_PERSON = 75
P_POST = 70
P_MODEL = 50
P_WEAK = 40
# names read from a list's grammar (、-neighbours, 某学院：X、Y, X（unit）、) or anchored by an
# award verb right after them: surer of their edges than the statistical NER (孙强荣获 → 孙强)
P_LIST = 55
# names anchored by what follows or precedes them only (王海峰介绍, 老党员王满仓家中): above the
# NER too, but not propagated to the article's other occurrences
P_ANCHORED = 54


@dataclass(frozen=True, slots=True)
class Cand:
    start: int
    end: int
    label: str
    prio: int
    source: str = "rule"


PUNCT_CLAUSE = set("，,。；;！!？?：:\n\r\t （）()[]【】〔〕")
OPEN_Q = "“「『\"‘"
CLOSE_Q = "”」』\"’"
QUOTE_RE = re.compile(r"[“「『]([^“”「」『』\n]{1,40})[”」』]")
BOOK_RE = re.compile(r"《([^《》\n]{1,40})》")


def _cjk(ch: str) -> bool:
    return L.is_cjk(ch)


# ---- compiled tables ----------------------------------------------------------------------
@cache
def _tables():
    places = L.places()
    towns = L.towns()
    body_words = set(L.CHAIN_SUFFIXES) | set(L.BODY_CORES)
    body_re = re.compile(L.alternation(L.expand(body_words)))
    national_re = re.compile(L.alternation(L.expand(L.NATIONAL_BODIES)))
    posts = set(L.POSTS)
    post_re = re.compile(f"(?:{L.alternation(L.POST_PREFIXES)})?(?:{L.alternation(posts)})")
    titles = L.HONOR_TITLES
    things = {t for t in L.HONOR_THINGS if len(t) >= 3 or t.endswith("奖")}
    things -= {"奖", "荣誉称号"}
    honor_head_re = re.compile(L.alternation(titles | things))
    award_verb_re = re.compile(f"(?:{L.alternation(L.AWARD_VERBS)})")
    left_stops = L.LEFT_STOPS
    max_stop = max(len(w) for w in left_stops)
    follow = L.NAME_FOLLOW
    max_follow = max(len(w) for w in follow)
    gpe_max = max(len(p) for p in places)
    town_max = max((len(t) for t in towns), default=0)
    roles = L.alternation(L.ROLE_NOUNS)
    list_edge_re = re.compile(rf"(?:、|^|[\s，,。；;：:丨|”》）)]|{roles})")
    clause_edge_re = re.compile(rf"(?:^|[\n。；;！!？?：:，,、”）)]|{roles})")
    return {"list_edge_re": list_edge_re, "clause_edge_re": clause_edge_re,
            "places": places, "towns": towns, "body_re": body_re, "national_re": national_re,
            "post_re": post_re, "honor_head_re": honor_head_re,
            "award_verb_re": award_verb_re, "left_stops": left_stops, "max_stop": max_stop,
            "follow": follow, "max_follow": max_follow, "gpe_max": gpe_max,
            "town_max": town_max}


def warm() -> None:
    """Load every table now (the pipeline calls this at build time, not per document)."""
    _tables()


# Bigrams (body's last char + next char) that show the "body" is a word piece: 网站, 部门 …
NEXT_BLOCK = L.words("""
网站 网络 网上 网格 网民 网点 网店 网红 网友 心城 心工 心任 心环 部署 部门 部分 局面 院子
院落 处理 处于 处置 科学 科技 科研 馆藏 所有 所在 所以 所得 所需 站在 站位 站点 站稳 队伍
队员 庭院 社会 社区 会议 会员 会上 会场 会后 会见 会同 委托 委屈 委派 厂房 厂区 校园 园区
院士 台阶 台上 所属 办理 办好 办法 办事 厅堂 委员 中心城 局势 部位 工会员 会办公
学到 学习 组织
""")
QUANTIFIERS = frozenset(("部分", "个别", "相关", "周边", "附近", "其他", "所有", "多个"))
# rooms of a building (县融媒体中心演播厅): a place inside the body, never a body of its own
ROOM_WORDS = ("演播厅", "报告厅", "会议厅", "宴会厅", "展厅", "大厅", "多功能厅", "会议室", "报告室",
              # works of water management inspected on site, not bodies (某镇排涝泵站)
              "泵站", "排灌站", "提灌站", "闸站")


# Sub-units named by their place after the parent body (中国银行成都分行)
BRANCH_WORDS = frozenset(("分行", "支行", "分公司", "分局", "分院", "分会", "营业部", "分中心", "分校"))
VILLAGE_RE = re.compile("(村|社区)")
VILLAGE_PREPS = set("在到赴至从")
VILLAGE_NEXT_BLOCK = set("民级委干务组庄落里头口子部")
VILLAGE_BAD = set("他她它我你的在和与、到等是对为从被向了及妇联委局会党团工个各全本该每所其这那新老农乡山小大城镇")
# Party bodies that a place opens and a post closes (郭嘉镇党委书记 → 郭嘉镇党委 + 书记)
PARTY_UNITS = ("党工委", "党委", "党总支", "党支部")
# bodies whose names join two fields with 与/和 (资源与环境学院, 经济与管理学院)
CONJ_NAMED = frozenset(("学院", "系", "研究院", "研究所", "学会", "研究会", "实验室", "研究中心", "学部"))
CLASS_UNIT_RE = re.compile(r"(?:\d{2,4}|[一二三四五六七八九〇零]{2,4})级[\u4e00-\u9fff0-9]{0,14}?"
                           r"(?:团支部|党支部|团总支|党总支)")
SESSION_RE = re.compile(r"第[0-9一二三四五六七八九十]{1,3}届")
SCHOOL_BODIES = ("党委", "团委", "纪委", "工会", "妇委会", "党总支", "关工委", "学生会", "研究生会")
MEETING_PLACE_RE = re.compile(r"在([\u4e00-\u9fff]{2,4})(?=召开|举行|举办|开幕|闭幕|隆重)")
EVENT_NAME_AFTER_PLACE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:成果展|展销会|博览会|交易会|展览会|丰收节|文化节|"
                                    r"艺术节|旅游节|美食节|运动会|技能大赛|创业大赛|大赛|论坛)")
TOWN_ITEM_RE = re.compile(r"(?<=、)([\u4e00-\u9fff]{2,4}[镇乡])(?=[、等的，,。和])")
PLACE_LIST_RE = re.compile(r"(?<=[\u4e00-\u9fff])等(?:地|省市|省|市|城市|地区)")
ADDRESS_FORMS = frozenset(("小姐", "阿姨", "大姐", "大哥", "大爷", "大妈", "大叔", "师傅", "奶奶", "爷爷", "老师"))
# township units named by their area alone (新竹派出所, 城关司法所) where a list sets them off
TOWN_UNITS = frozenset(("派出所", "司法所", "卫生院", "财政所", "供电所", "税务所", "自然资源所",
                        "市场监管所", "兽医站", "农技站", "文化站"))
LIST_EDGE = set("、，,：:\n")
# a founding verb before an enterprise: what follows may be a description (她创办的箱包厂)
FOUNDED_RE = re.compile(r"(?:创办|成立|创建|开办|办起|兴办|建起|组建|领办)(?:了|的|起)?$")
# after a quoted name: the name is a media account or app (“某某妇联”微信公众号)
MEDIA_AFTER_QUOTE = re.compile(r"[”」』](?:微信)?(?:公众号|视频号|抖音号|客户端|微博|小程序|APP|App|app)")
# a count right after a body word: bodies of that kind are counted (中心2个, 工作站12家)
COUNT_AFTER_RE = re.compile(r"[0-9０-９一二三四五六七八九十两]+[个家所处座](?:[，,。；;、）)]|$)")
SUBUNIT_ONLY = frozenset(("车间", "班组"))
# company heads whose names often hold a one-character verb (自来水, 公共交通, 建筑, 进出口)
COMPANY_WORDS = frozenset(("公司", "有限公司", "有限责任公司", "股份有限公司", "集团", "集团公司",
                           "银行"))
# one-character LEFT_STOPS that are as often characters of a company's name (建筑, 自来水,
# 公共交通, 进出口, 经贸)
COMPANY_INNER = set("建自共进出经都")
# words of LEFT_STOPS that are as often industry words inside a company's name
COMPANY_INNER_WORDS = frozenset(("建设", "发展", "投资", "管理", "服务", "开发", "推广", "保护",
                                 "治理", "创新", "实施", "保障"))
HOSPITALS = ("医院", "卫生院", "保健院", "中医院")
HOSPITAL_DEPT_RE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:内科|外科|儿科|妇科|产科|眼科|骨科|牙科|口腔科|皮肤科|"
                              r"急诊科|中医科|康复科|麻醉科|放射科|检验科|神经内科|心内科|消化内科|"
                              r"呼吸内科|肾内科|普外科|妇产科|耳鼻喉科|重症医学科|感染科|肿瘤科|急诊医学科|全科医学科|医学科|新生儿科|儿童保健科|护理部|心血管内科|神经外科|乳腺外科|胸外科|泌尿外科|手术室|药剂科)")
FUSED_MEMBERS = {"人大代表": ("人大", "代表"), "政协委员": ("政协", "委员")}
PAREN_ITEM_RE = re.compile(r"([\u4e00-\u9fff]{2,5})[（(]([^（）()\n]{2,40})[）)](?=[、等；;。\n]|$)")
# what a bounded name item (、苏和（…）、) never holds: unit words, function words, pronouns
# (和/与 may end a given name here, the item edges are clear)
PAREN_NOT_NAME = set("省市县区镇乡村街道院局委会司厂队部的了在是从到为等他她它你您们我咱某总个名位户")
TEACHER_BEFORE_RE = re.compile("(?:老师|讲师|教师|导师|师傅|志愿者|技术员)们?$")
# “闵行工匠”, “荆楚巧匠”, “新时代好青年”: a place or epithet + a title noun, quoted, is a
# conferred title (a list of them is published, someone is one); the quotes mark it off
QUOTED_TITLE_RE = re.compile("[\u4e00-\u9fff]{2,5}(?:工匠|巧匠|名匠|好青年|女杰|能手|标兵)")
PRIZE_RE = re.compile("[一二三特]等奖|优秀奖|[金银铜]奖")
AWARD_AFTER_NAME = ("获得", "荣获", "获评", "获", "被评", "被授", "当选", "入选")
# last characters of X家Y that make a place or a household, not a name (李家村, 王家人)
JIA_NOT_LAST = set("村庄湾坪沟河山岭屯寨坝堡营店铺桥集台园院口港镇乡里巷街人里门")
COUNT_START = set("0123456789一二三四五六七八九十两几多百")
# characters of transliterated (Uyghur, Kazakh, Tibetan, Mongolian …) names; no function
# word or verb of the genre is among them but 都 (阿不都), checked in place
TRANSLIT = set(
    "阿艾爱安奥巴白拜班宝贝别比波布才措次旦达丹德迪蒂丁顿都杜多尔尕甫盖甘格根贡古哈海罕汗赫"
    "胡吉加嘉江杰金卡开坎康柯克肯库拉莱兰朗勒雷力丽利莉琳玲鲁路伦罗洛玛买麦曼毛梅孟米敏明莫木"
    "穆纳娜乃尼妮努诺帕佩普其奇恰钦琴琼曲确热仁茹瑞若萨赛桑森色沙莎斯松苏索塔太泰坦特提铁图吐"
    "托瓦旺维乌吾夏西希先孜再赞扎泽珍卓宗姆央嘎堆珠措觉登音敖雅娅亚牙耶伊依优尤玉则哲叶阔居肉"
    "衣买合汉朝列孔不逊卜")
TRANSLIT_BREAK = ("多次", "一直", "连续", "多年", "长期", "始终", "阿姨", "大姐", "大妈", "老师",
                  "不仅", "不断", "不再", "不是", "不能", "不会", "不少", "不但", "不顾")
# bodies a company has of its own, written after 集团/公司 standing for the company named
COMPANY_OWN_BODIES = frozenset(("工会", "党委", "团委", "纪委", "党支部", "党总支", "妇委会", "工会委员会"))
COURT_DIVISION_ENDS = ("事", "政", "一", "二", "三", "四", "五", "年", "判")
FAMILY_COMPOUNDS = ("暴力", "教育", "建设", "文明", "服务", "医生", "农场", "美德", "成员", "关系",
                    "矛盾", "纠纷", "责任", "困难", "经济", "收入", "养老", "照护")
TEAM_PARENTS = ("公司", "厂", "车间", "站", "所", "中心", "队")
TEAM_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[^训习导修学培]班(?=[、，,。；等获被荣]|班长)")
SENTENCE_OPEN = set("\n。！？；!?;")
MINORITY_PARTS = frozenset(L.MINORITY_NAME_PARTS)
LIST_LINE_NAME_RE = re.compile(f"(?m)^[ \u3000]*([{L.CJK}]{{2,5}})(?:\u3000|\t|  )[ \u3000\t]*[{L.CJK}]")
BYLINE_SEPS = " \u3000\t:：丨|｜/"
# Transliterated names (Uyghur, Kazakh, Tibetan, Mongolian …) join their parts with a middle
# dot, typed as · • ・ ‧ ∙ or a full-width period: 阿依古丽·买买提, 扎西•多吉
NAME_DOTS = "·•・‧∙．"
DOTTED_RE = re.compile(f"[{L.CJK}](?:[{NAME_DOTS}][{L.CJK}]+)+")
# byline words that are also ordinary words (审核并公示, 图为…): a name needs a separator
BYLINE_NEED_SEP = ("文", "图", "编辑", "审核", "摄影", "撰稿", "责编", "校对", "实习生", "作者", "审校")


class Scanner:
    """Reads candidate spans in one text. Instances are per document; tables are shared."""

    def __init__(self, text: str):
        self.t = L.simplified(text)  # same offsets: traditional forms read as simplified
        if "丨" in self.t:
            # 丨 (a CJK radical) is the genre's title and byline bar (某乡丨某村, 来源丨某乡政府):
            # read it as the bar ｜ it stands for, so no name or place runs across it
            self.t = self.t.replace("丨", "｜")
        self.n = len(text)
        self.T = _tables()
        self.cands: list[Cand] = []
        self.quotes: list[tuple[int, int]] = []  # content spans of “…”
        self.media_quotes: list[tuple[int, int]] = []  # “…”微信公众号: quoted outlets
        self.books: list[tuple[int, int]] = []  # content spans of 《…》
        self.activity: list[tuple[int, int]] = []  # quoted/booked spans where nothing is read
        self.posts: list[tuple[int, int]] = []
        self._post_starts: set[int] = set()
        self.persons: dict[tuple[int, int], str] = {}
        self.gpe_spans: dict[int, int] = {}  # end → start of chained places (街道, 村 included)
        self.org_spans: list[tuple[int, int]] = []
        self._body_ends: set[int] = set()  # ends of body words, named or not (琼海供电局)
        self._dotted: dict[int, int] = {}  # start → end of dotted names (阿依古丽·买买提)
        self.seeds: list[tuple[int, int]] = []  # names read by the NER (see find_spans)

    # -- lookups -----------------------------------------------------------------------------
    def stop_ending_at(self, j: int) -> int | None:
        """Start of the LEFT_STOPS word ending at j (longest), else None."""
        t = self.t
        stops = self.T["left_stops"]
        for k in range(min(self.T["max_stop"], j), 0, -1):
            if t[j - k:j] in stops:
                if k == 1 and t[j - 1:j + 1] in L.STOP_WORDS_INSIDE:
                    continue  # 市就业服务中心: 就 opens 就业 here
                return j - k
        return None

    def follow_len(self, i: int) -> int:
        """Length of the longest name-ending word at i (9 for a non-CJK edge), 0 if none."""
        t = self.t
        if i >= self.n or not _cjk(t[i]):
            return 9
        f = self.T["follow"]
        for k in range(self.T["max_follow"], 0, -1):
            if t[i:i + k] in f:
                return k
        return 0

    def follow_at(self, i: int) -> bool:
        t = self.t
        if i >= self.n or not _cjk(t[i]):
            return True
        f = self.T["follow"]
        for k in range(1, self.T["max_follow"] + 1):
            if t[i:i + k] in f:
                return True
        return False

    def gpe_ending_at(self, j: int, full_only: bool = False) -> int | None:
        t = self.t
        places = self.T["places"]
        for k in range(min(self.T["gpe_max"], j), 1, -1):
            kind = places.get(t[j - k:j])
            if kind and (kind == "full" or not full_only):
                return j - k
        return None

    def in_spans(self, i: int, spans) -> bool:
        return any(a <= i < b for a, b in spans)

    # -- quotes and book titles ----------------------------------------------------------------
    def scan_brackets(self) -> None:
        self.quotes = [(m.start(1), m.end(1)) for m in QUOTE_RE.finditer(self.t)]
        self.books = [(m.start(1), m.end(1)) for m in BOOK_RE.finditer(self.t)]

    # -- GPE ---------------------------------------------------------------------------------
    def scan_gpe(self) -> list[tuple[int, int, str]]:
        """(start, end, last level char) of administrative places, chained maximal."""
        t, n = self.t, self.n
        places, towns = self.T["places"], self.T["towns"]
        found: list[tuple[int, int]] = []
        for m in re.finditer(r"[省市县区州旗盟镇乡道木]", t):
            e = m.end()
            best = None
            for k in range(min(self.T["gpe_max"], e), 1, -1):
                s = t[e - k:e]
                if places.get(s) == "full" or (k >= 3 and s in towns):
                    best = e - k
                    break
            if best is None:
                continue
            if (e - best == 2 or (t[e - 1] in "乡镇道木" and self.gpe_ending_at(best) is None
                                  and e - best < 5)) \
                    and best > 0 and _cjk(t[best - 1]) and self.stop_ending_at(best) is None \
                    and t[best - 1] not in L.ABBR_PREFIX:  # 帮扶村两河口镇: apposition
                continue  # 2-char names (攸县), townships not after a county: a clear left edge
            if t[e - 1] == "市" and e < n and t[e] in "场民长":
                continue
            if e - best == 2 and t[e:e + 1] == "级":
                continue  # 建成县级基地: 成 + 县级 (a level), not the county 成县
            if e - best >= 3 and t[e - 1] in "乡镇" and e < n and t[e] in "村镇" \
                    and places.get(t[best:e]) != "full":
                continue  # 发展乡村: a township name that is the start of 乡村/乡镇
            if re.match(r"第[0-9一二三四五六七八九十]+届|首届", t[e:e + 5]):
                continue  # 湖南省第二届…大赛: the place opens a competition's name  # 市场/市民: 株洲市民 is not a place name followed by 民
            found.append((best, e))
        found.extend(self._bare_villages())
        # 销往西安、北京、广州等地: short city names listed before 等地 are places
        for m in PLACE_LIST_RE.finditer(t):
            a = m.start()
            while a > 0 and m.start() - a < 40 and (_cjk(t[a - 1]) or t[a - 1] == "、"):
                a -= 1
            items = t[a:m.start()].split("、")
            shorts = L.city_shorts()
            first = next((items[0][-k:] for k in (4, 3, 2)
                          if places.get(items[0][-k:]) or items[0][-k:] in shorts), None)
            if len(items) < 2 or first is None or \
                    not all(places.get(x) or x in shorts for x in items[1:]):
                continue
            i = m.start() - sum(len(x) + 1 for x in items[1:]) - len(first)
            for x in [first] + items[1:]:
                found.append((i, i + len(x)))
                i += len(x) + 1
        # 大会在兰州召开, 在北京举行: a short city name between 在 and a holding verb
        shorts = L.city_shorts()
        for m in MEETING_PLACE_RE.finditer(t):
            if m.group(1) in shorts or places.get(m.group(1)) or \
                    m.group(1)[-1] in "镇乡" and len(m.group(1)) >= 3:
                found.append(m.span(1))  # 在某某镇举行: a township where something is held
        # 紫金乡、年堆乡: a township listed after a known one is a township too
        ends = {e for _s, e in found}
        for m in TOWN_ITEM_RE.finditer(t):
            if m.start() - 1 in ends and m.group(1) not in L.GENERIC_WORDS:
                found.append(m.span(1))
                ends.add(m.end(1))
        # keep maximal, non-overlapping, then chain adjacent ones (湖南省株洲市, 炎陵县策源乡)
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        spans: list[list[int]] = []
        for s, e in found:
            if spans and s < spans[-1][1]:
                if e > spans[-1][1] and s >= spans[-1][0]:
                    continue
                continue
            if spans and s == spans[-1][1]:
                spans[-1][1] = e
            else:
                spans.append([s, e])
        out = []
        vill = re.compile(f"[{L.CJK}]{{1,4}}?{L.VILLAGE_SUFFIX_RE}")
        bad = set("的在和与、到等是对为从被向了及妇委局会党团工")
        for s, e in spans:
            if t[e - 1] in "县区旗镇乡道木" or t[e - 2:e] == "街道":
                m = vill.match(t, e)
                # 联 opens 妇联/联合 after a township, but also village names (联南村)
                if m and not any(c in bad for c in t[e:m.end() - 1]) and \
                        not self._opens_with_stop(t[e:m.end() - 1]) and \
                        "妇联" not in t[e:m.end()] and not t.startswith(("联合", "联手", "联系", "联动"), e):
                    e2 = m.end()
                    if t[e2 - 1:e2 + 1] not in ("村民", "村级", "村委") or t[e:e2].endswith("委员会"):
                        e = e2
            m = EVENT_NAME_AFTER_PLACE.match(t, e)
            if m and not self.T["body_re"].search(t, e, m.end()):
                continue  # 广东省巾帼创新创业成果展, 某区农民丰收节: the place opens an event's name
            out.append((s, e, t[e - 1]))
        return out

    def _opens_with_stop(self, name: str) -> bool:
        stops = self.T["left_stops"]
        return any(name[:k] in stops for k in range(1, len(name) + 1))

    def _bare_villages(self) -> list[tuple[int, int]]:
        """寺嘴村, 桃源社区 written without their township: a 2–3 character proper name before
        村/社区 with a clear left edge (punctuation, a list, a verb: 深入寺嘴村、槐川村)."""
        t = self.t
        out = []
        for m in VILLAGE_RE.finditer(t):
            name_end = m.start(1)
            e = m.end()
            if e < self.n and (t[e - 1] == "村" and t[e] in VILLAGE_NEXT_BLOCK or t[e] in "(（"):
                continue  # 村民, 村级, 村委, 村干部
            for k in (3, 2, 4, 5):
                s = name_end - k
                if s < 0:
                    continue
                name = t[s:name_end]
                if s > 0 and _cjk(t[s - 1]) and self.stop_ending_at(s) is None \
                        and t[s - 1] != "驻":  # 派驻东兴村, 驻村: 驻 is a clear left edge
                    continue
                if k >= 4 and (s > 0 and _cjk(t[s - 1]) and t[s - 1] not in VILLAGE_PREPS
                               or not self._gap_ok(s, name_end)):
                    continue  # long (transliterated) names: after punctuation or 在/到/赴
                    # only, and holding no verb or function word (她还带动同村)
                tail = self.stop_ending_at(s + 1)
                if tail is not None and tail < s:
                    continue  # 带动同村: the name's first char closes a verb (带动)
                if not all(map(_cjk, name)) or any(c in VILLAGE_BAD for c in name) \
                        or name[0] in L.DEICTIC_CHARS or self._opens_with_stop(name) \
                        or self._generic_core(name) or (name + m.group(1)) in L.ABBR_BLOCK \
                        or name[-1] in L.MEASURE:
                    continue
                out.append((s, e))
                break
        return out

    # -- posts ------------------------------------------------------------------------------
    def scan_posts(self) -> list[tuple[int, int]]:
        t = self.t
        out = []
        for m in self.T["post_re"].finditer(t):
            if m.group() == "教授" and TEACHER_BEFORE_RE.search(t, max(0, m.start() - 4), m.start()):
                continue  # 邀请专业老师教授母婴护理: the verb 'to teach', after the teacher
            out.append(m.span())
        return out

    # -- bodies -----------------------------------------------------------------------------
    def _body_matches(self, posts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        t = self.t
        out = []
        pos = 0
        body_re = self.T["body_re"]
        while True:
            m = body_re.search(t, pos)
            if not m:
                break
            s, e = m.span()
            pos = s + 1
            # a post at the same place wins when longer (党组书记 over 党组)
            if any(ps <= s < pe and pe - ps > e - s for ps, pe in posts) or \
                    any(ps < e <= pe and ps > s and pe - s > e - s for ps, pe in posts):
                continue
            if e < self.n and t[e - 1:e + 1] in NEXT_BLOCK:
                continue
            if e + 1 <= self.n and t[e - 1:e + 1] in ("办学", "办事", "办案"):
                continue
            if e - s == 1 and s > 0 and t[s - 1:e] in L.SUFFIX_WORDS:
                continue  # 举办, 格局, 干部: a word, not a body
            if e + 1 < self.n and t[e - 2:e + 1] in NEXT_BLOCK:
                continue
            out.append((s, e))
            pos = e if e - s > 1 else s + 1
        self._body_ends = {e for _s, e in out}
        return out

    def _generic_core(self, core: str, need: int = 2) -> bool:
        """Whether a name core is only generic words (家长学校, 妇女儿童健康服务中心): fewer
        than ``need`` characters outside them."""
        gw = L.GENERIC_WORDS
        i, rest = 0, 0
        while i < len(core):
            for k in range(min(5, len(core) - i), 0, -1):
                if core[i:i + k] in gw:
                    i += k
                    break
            else:
                rest += 1
                i += 1
        return rest < need

    def _left_edge(self, bs: int, limit: int = 12) -> tuple[int, str, int] | None:
        """Where the body whose head starts at ``bs`` begins, and what opens it:
        'gpe' | 'abbr' | 'opener' | 'stop' (a verb/edge; the core must be a proper name) |
        'deictic' (全市/各级: generic), 'enum' (县市区: every level); and where the opener
        ends. None: no edge within reach."""
        t = self.t
        j = bs
        steps = 0
        while j > 0 and steps <= limit:
            g = self.gpe_spans.get(j)
            if g is None:
                g = self.gpe_ending_at(j)
            if g is not None:
                return self._extend_prefix(g), "gpe", j
            for op in L.BODY_OPENERS:
                if t.startswith(op, j - len(op)) and j - len(op) >= 0:
                    return self._extend_prefix(j - len(op)), "opener", j
            c = t[j - 1]
            if j == bs and t[j - 2:j] == "街道" and (j < 3 or not _cjk(t[j - 3])
                                                      or self.stop_ending_at(j - 2) is not None):
                return j - 2, "abbr", j  # 街道办事处, 街道党工委: this subdistrict's
            if c == "校" and j == bs and t.startswith(SCHOOL_BODIES, bs) and \
                    t[j - 2:j] not in L.ABBR_BLOCK:
                return j - 1, "abbr", j  # 校党委, 校团委: the school's own committee
            if j == bs and j >= 3 and t[j - 3:j] in ("自治区", "自治州", "自治县") and \
                    self.gpe_ending_at(j) is None:
                if t[j - 4:j - 3] == "团":  # 团自治区委: the region's Youth League committee
                    return j - 4, "abbr", j
                return j - 3, "abbr", j  # 自治区妇联: the region's own body (区妇联 would be a district's)
            if c in L.ABBR_PREFIX and not (j < bs and t[j] in L.ABBR_NEXT and t[j] not in "委"):
                p = t[j - 2] if j >= 2 else ""
                if p in L.DEICTIC_GENERIC:
                    return j - 1, "deictic", j
                if p + c not in L.ABBR_BLOCK or p in L.DEICTIC_CHARS:
                    run = t[j - 1:bs]
                    if len(run) >= 2 and all(ch in L.ABBR_PREFIX for ch in run):
                        return j - 1, "enum", j  # 县市区妇联, 省市妇联: every body of those levels
                    if p == "团":  # 团省委, 团市委: the Youth League committee of that level
                        return j - 2, "abbr", j
                    return j - 1, "abbr", j
                if p in L.ABBR_PREFIX:
                    # 县市区/省市 runs: keep walking, the run decides (deictic above)
                    j -= 1
                    steps += 1
                    continue
            st = self.stop_ending_at(j)
            if st is not None:
                # 秭归县在宜…中心: 在 right after a place stays inside the name
                if t[st:j] == "在" and self.gpe_ending_at(st, full_only=True) is not None:
                    pass
                elif t[st:j] in QUANTIFIERS:
                    return j, "deictic", j  # 部分基金公司, 相关学校: some bodies of a kind
                else:
                    return j, "stop", j
            if not _cjk(c) or c in L.MEASURE and j >= 2 and t[j - 2].isdigit():
                return j, "stop", j
            if c in "丨|▲▼►●■◆★·•":
                return j, "stop", j
            j -= 1
            steps += 1
        if j == 0:
            return 0, "stop", 0
        return None

    def _extend_prefix(self, s: int) -> int:
        """湖南省株洲市, 中共株洲市: keep taking places/openers to the left."""
        t = self.t
        while s > 0:
            g = self.gpe_ending_at(s, full_only=True)
            if g is not None:
                s = g
                continue
            for op in ("中共", "中国共产党", "共青团", "政协"):  # 政协某市第九届委员会
                if t.startswith(op, s - len(op)) and s - len(op) >= 0:
                    s -= len(op)
                    break
            else:
                break
        return s

    def scan_orgs(self, posts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        t = self.t
        gov = set(L.expand(L.GOV_SUFFIXES)) | set(L.expand(L.BODY_CORES))
        cores = set(L.expand(L.BODY_CORES))
        named = set(L.expand(L.NAMED_SUFFIXES))
        gov_named = set(L.expand(L.GOV_SUFFIXES)) | named
        orgs: list[list[int]] = []
        for bs, be in self._body_matches(posts):
            word = t[bs:be]
            if self.in_spans(bs, self.activity):
                continue
            if word.endswith("联合会") and t.startswith(("签", "商", "审"), be):
                continue  # 县民政局联合会签: 联合 + 会签 (countersign), not a federation
            # chain: a sub-unit right after the previous body (县法院家事审判庭)
            if orgs and word in BRANCH_WORDS and self.gpe_ending_at(bs) == orgs[-1][1]:
                orgs[-1][1] = be  # 中国银行成都分行: a branch named by its place
                continue
            if orgs and t.endswith("分公司", 0, be) and t.endswith(("公司", "集团"), 0, orgs[-1][1]) and \
                    0 < bs - orgs[-1][1] <= 7 and all(_cjk(c) for c in t[orgs[-1][1]:bs]):
                orgs[-1][1] = be  # 某港股份有限公司某港务分公司: a branch of the company just named
                continue
            if any(t.startswith(r, be - len(r)) for r in ROOM_WORDS if be >= len(r)):
                continue
            if orgs and orgs[-1][1] <= bs and bs - orgs[-1][1] <= 6:
                gap = t[orgs[-1][1]:bs]
                if all(_cjk(c) for c in gap) and not (gap and t.endswith(word, 0, orgs[-1][1])) \
                        and not any(
                        ps < bs and pe > orgs[-1][1] for ps, pe in posts) and \
                        self._gap_ok(orgs[-1][1], bs) and (gap == "" or word in named
                                                           or word in gov):
                    orgs[-1][1] = be
                    continue
            if word in SUBUNIT_ONLY:
                continue  # 分拣车间: a workshop is a body only as part of its company
            if COUNT_AFTER_RE.match(t, be):
                continue  # 建立…救助中心2个: a kind of facility counted, not one named body
            edge = self._left_edge(bs)
            if edge is None:
                continue
            s, kind, pe = edge
            if kind == "stop" and word in COMPANY_WORDS:
                s = self._company_left(bs, s)
            elif kind == "gpe" and word in COMPANY_WORDS and s > 0 and _cjk(t[s - 1]) \
                    and self.stop_ending_at(s) is None:
                s = self._company_brand_left(s, bs)
            core = t[s:bs]
            if kind == "enum":
                continue
            if kind == "deictic":
                # 全县妇女儿童工作委员会: a long unique-per-locality body is still that body
                if word in cores and len(word) >= 5:
                    s = bs
                else:
                    continue
            elif kind == "stop":
                if core in ("集团", "公司") and word in COMPANY_OWN_BODIES:
                    pass  # 集团工会, 公司党委: the company's own union, party committee
                elif core in ("女职工", "女工") and word in ("委员会", "委"):
                    pass  # 女职工委员会, 女工委: the union's women workers' committee
                elif s >= 1 and t[s - 1] == "和" and word.endswith(("局", "厅", "委员会")) and \
                        2 <= len(core) <= 6 and (conj := self._left_edge(s - 1, 8)) is not None \
                        and conj[1] in ("gpe", "abbr") and s - 1 - conj[2] >= 2:
                    s = conj[0]  # 县文体广电和旅游局, 县商务和工业信息化局: 和 inside a department
                elif word == "审判庭" and 2 <= len(core) <= 3 and core.endswith(COURT_DIVISION_ENDS):
                    pass  # 家事审判庭, 民一审判庭: a division of the court the article is about
                elif core == "" and word in cores and t[bs - 1:bs] == "、" and self.post_at(be) \
                        and any(pe2 == bs - 1 for _, pe2 in posts):
                    s = bs  # 县委常委、组织部部长: a department of the body just named
                elif word in TOWN_UNITS and 2 <= len(core) <= 4 and s > 0 \
                        and t[s - 1] in LIST_EDGE and not self._generic_core(core, 1):
                    pass  # 、新竹派出所、: a township unit named by its area, in a list
                elif word not in named or self._generic_core(core) or len(core) < 2:
                    continue
                elif FOUNDED_RE.search(t, max(0, s - 6), s) and self._generic_core(core, 3):
                    continue  # 她创办的箱包厂, 成立板栗加工合作社: a description, no name
            elif kind in ("gpe", "opener", "abbr"):
                if word in cores and word not in gov_named and pe != bs and \
                        not SESSION_RE.fullmatch(t, pe, bs):
                    continue  # 秭归县围绕妇联: a per-locality body follows its place directly
                    # (or its session: 某市第九届人民代表大会)
                if kind == "abbr" and word not in gov and word not in named:
                    continue
                if kind == "abbr" and word in named and word not in gov and not core[1:]:
                    continue  # 市中心, 县医院 … need a name between: 市家政服务协会
            if kind == "stop" and s >= 1 and t[s - 1] in "与和" and word in CONJ_NAMED:
                s = self._conj_start(s - 1, s)  # 资源与环境学院: 与 inside the name
            if orgs and s < orgs[-1][1]:
                if s >= orgs[-1][0] and not (bs > orgs[-1][1] and t.endswith(word, 0, orgs[-1][1])):
                    orgs[-1][1] = max(orgs[-1][1], be)  # (县人民政府作政府工作报告: no)
                continue
            orgs.append([s, be])
        self._hospital_departments(orgs)
        # 某学院2021级农学1班团支部: a class's branch under its school
        for o in orgs:
            m = CLASS_UNIT_RE.match(t, o[1])
            if m:
                o[1] = m.end()
                continue
            if t.startswith("常务委员会", o[1]) and t.endswith(("委员会", "人大", "人民代表大会"), 0, o[1]):
                o[1] += 5  # 县人大常务委员会, 政协某县第十一届委员会常务委员会: its standing committee
                continue
            # 某分公司热网运行班, 某厂调度班: a work team under its company
            if t.endswith(TEAM_PARENTS, 0, o[1]):
                m = TEAM_RE.match(t, o[1])
                if m and self._gap_ok(o[1], m.end() - 1) and \
                        not any(ps < m.end() and o[1] < pe for ps, pe in posts):
                    o[1] = m.end()
        # national bodies standing alone
        for m in self.T["national_re"].finditer(t):
            if t.startswith("区", m.end()):
                continue  # 新华社区: a community, not the news agency
            if not self.in_spans(m.start(), self.activity):
                orgs.append([m.start(), m.end()])
        return [(s, e) for s, e in orgs]

    def _company_left(self, bs: int, s: int) -> int:
        """Where a company name whose head starts at bs begins, when the left walk stopped
        at s on a verb that is as often a word of the name (延吉市自来水公司, 某市公共交通集团,
        恒泰建筑工程有限公司, 某市城市建设投资控股集团): the name runs on over such words to
        a place, an opener (中国建设银行) or a clear edge (punctuation, a line start); else s."""
        t = self.t
        st = self.stop_ending_at(s) if s >= 1 else None
        if st is None or not self._company_inner(st, s):
            return s
        j = st
        while j > 0 and bs - j <= 20:
            g = self.gpe_spans.get(j)
            if g is None:
                g = self.gpe_ending_at(j)
            if g is not None:
                return self._extend_prefix(g)
            op = next((o for o in L.BODY_OPENERS if j >= len(o) and t.startswith(o, j - len(o))),
                      None)
            if op is not None:
                return self._extend_prefix(j - len(op))
            if not _cjk(t[j - 1]):
                return j
            st = self.stop_ending_at(j)
            if st is not None:
                if self._company_inner(st, j):
                    j = st
                    continue
                # 带领恒泰建筑公司: a verb opens a long proper name; 获得建筑公司: too short
                return j if bs - j >= 4 and not self._generic_core(t[j:bs]) else s
            j -= 1
        return s

    def _company_inner(self, a: int, b: int) -> bool:
        w = self.t[a:b]
        return w in COMPANY_INNER if len(w) == 1 else w in COMPANY_INNER_WORDS

    def _company_brand_left(self, s: int, bs: int) -> int:
        """湖南华菱湘潭钢铁有限公司: a company's name may hold a place after its brand; from
        the place at s the name runs left over the brand to a place or a clear edge."""
        t = self.t
        j = s
        while j > 0 and s - j < 8:
            if j < s and (j in self.gpe_spans or j in self._body_ends):
                return s
            g = self.gpe_ending_at(j) if j < s else None
            if g is not None:
                return self._extend_prefix(g)
            if not _cjk(t[j - 1]):
                return j if s - j >= 2 else s
            st = self.stop_ending_at(j)
            if st is not None:
                return j if s - j >= 2 else s
            j -= 1
        return j if j == 0 and s - j >= 2 else s

    def _hospital_departments(self, orgs: list[list[int]]) -> None:
        """某市医院心内科主任医师: a clinical department written right after its hospital,
        before a post or punctuation, is part of the body (like 县法院家事审判庭)."""
        t = self.t
        for o in orgs:
            if not t.startswith(HOSPITALS, o[1] - 3) and not t.startswith(HOSPITALS, o[1] - 2):
                continue
            if not t[o[0]:o[1]].endswith(HOSPITALS):
                continue
            m = HOSPITAL_DEPT_RE.match(t, o[1])
            if m and (m.end() >= self.n or not _cjk(t[m.end()]) or self.post_at(m.end())):
                o[1] = m.end()

    def _conj_start(self, c: int, s: int) -> int:
        """Start of 'X与Y学院' when X (2–4 chars before the 与 at c) is no body and stands
        after a clear edge (a line start, punctuation, a verb); else s (the name is Y学院)."""
        t = self.t
        a = c
        while a > 0 and c - a < 4 and _cjk(t[a - 1]) and self.stop_ending_at(a) is None:
            a -= 1
        left = t[a:c]
        if len(left) < 2 or (a > 0 and _cjk(t[a - 1]) and self.stop_ending_at(a) is None) \
                or self.T["body_re"].search(left) or self.gpe_ending_at(c) is not None:
            return s
        return a

    def _gap_ok(self, a: int, b: int) -> bool:
        for j in range(a + 1, b + 1):
            if self.stop_ending_at(j) is not None and self.stop_ending_at(j) >= a:
                return False
        return True

    # -- media ------------------------------------------------------------------------------
    MEDIA_SUFFIX = re.compile(r"(?:报|刊|杂志|周刊|网|台|频道|电台|新闻|客户端|公众号|强国)$")
    DOC_WORDS = re.compile(r"(?:方案|意见|通知|办法|规定|制度|要点|计划|法|条例|纲要|报告|规划|决定|手册|指南|"
                           r"标准|细则|守则|公约|倡议书|白皮书|读本|编)$")
    MEDIA_AFTER = re.compile(r"(?:[、，,]?《[^《》]{1,20}》)*(?:、)?(?:等媒体|等平台|等网站|等新闻媒体|等主流媒体|"
                             r"采用|转载|刊发|刊登|报道|推介|头版|发表|客户端|公众号|微信|微博|专版|刊载|播出|"
                             r"上|推送|宣传报道)")

    def scan_media(self) -> list[tuple[int, int]]:
        t = self.t
        out = []
        for s, e in self.books:
            name = t[s:e]
            if self.DOC_WORDS.search(name) or "·" in name:
                continue
            after = t[e + 1:e + 40]
            if self.MEDIA_SUFFIX.search(name) or self.MEDIA_AFTER.match(after):
                out.append((s, e))
        out += [(s, e) for s, e in self.media_quotes if all(_cjk(c) for c in t[s:e])]
        # X、Y、Z等媒体: every item of the list is a media outlet
        for m in re.finditer(r"等(?:媒体|新闻媒体|主流媒体|平台|网站|新媒体平台)", t):
            j = m.start()
            k = j
            while k > 0 and t[k - 1] not in PUNCT_CLAUSE and t[k - 1] not in "。；;，," and j - k < 80:
                k -= 1
            seg = t[k:j]
            pos = k
            for item in seg.split("、"):
                a = pos
                pos += len(item) + 1
                st = item
                for p in ("在", "被", "通过", "于", "经", "由", "登上", "登陆"):
                    if st.startswith(p) and len(st) - len(p) >= 2:
                        a += len(p)
                        st = st[len(p):]
                        break
                if 2 <= len(st) <= 10 and all(_cjk(c) for c in st):
                    out.append((a, a + len(st)))
        # 来源：X / X微信公众号
        for m in re.finditer(rf"来源[:：]\s*([{L.CJK}]{{2,10}})", t):
            out.append(m.span(1))
        for m in re.finditer(rf"([{L.CJK}]{{2,8}}?)(?:微信)?公众号", t):
            s = m.start(1)
            # trim on the left to a clause edge or a verb
            e = m.end(1)
            k = e
            while k > 0 and _cjk(t[k - 1]) and e - k < 8:
                st = self.stop_ending_at(k)
                if st is not None and k != e:
                    break
                k -= 1
            s = k
            name = t[s:e]
            if name.endswith("微信"):
                name = name[:-2]
                e -= 2
            if 2 <= e - s <= 8 and not self._generic_core(name) and not name.endswith(("妇联", "委")) \
                    and name[0] not in L.DEICTIC_CHARS and not t[m.end():m.end() + 1].isdigit():
                out.append((s, e))
        return out

    # -- honors -----------------------------------------------------------------------------
    def _clause_start(self, i: int) -> int:
        t = self.t
        k = i
        while k > 0 and t[k - 1] not in PUNCT_CLAUSE and t[k - 1] not in "。；;，,":
            k -= 1
        return k

    def award_verb_before(self, i: int, window: int = 18) -> re.Match | None:
        """The last award verb in the clause before i, within ``window`` chars."""
        cs = max(self._clause_start(i), i - window)
        last = None
        for m in self.T["award_verb_re"].finditer(self.t, cs, i):
            last = m
        return last

    def scan_honors(self) -> list[tuple[int, int]]:
        t = self.t
        out: list[tuple[int, int]] = []
        activity: list[tuple[int, int]] = list(self.books)
        quoted_honor: set[tuple[int, int]] = set()
        for qs, qe in self.quotes:
            if self.in_spans(qs, self.books):
                continue
            q = t[qs:qe]
            after = t[qe + 1:qe + 6]
            if MEDIA_AFTER_QUOTE.match(t, qe) and 2 <= qe - qs <= 12:
                self.media_quotes.append((qs, qe))  # “某市妇联”微信公众号: an outlet
                activity.append((qs, qe))
                continue
            honor_after = after.startswith(L.HONOR_AFTER)
            verb = self.award_verb_before(qs - 1)
            # 某区最美家庭标兵: the title is what the quote ends with
            titled = any(h.end() == len(q) for h in self.T["honor_head_re"].finditer(q)) \
                or q.startswith(("最美", "十佳", "十大", "优秀")) \
                or QUOTED_TITLE_RE.fullmatch(q) is not None
            # 最美家庭故事汇, 最美家庭评选: a title followed by an activity word names the activity
            is_activity = (after.startswith(L.ACTIVITY_AFTER) and not honor_after) or "·" in q \
                or q.endswith(L.ACTIVITY_INSIDE) and not honor_after \
                or (" " in q.strip()) or any(c in q for c in "！!？?，,")
            if honor_after or (not is_activity and (verb is not None or titled)):
                out.append((qs, qe))
                quoted_honor.add((qs, qe))
            else:
                activity.append((qs, qe))
        self.activity = activity
        # unquoted vocabulary heads
        for m in self.T["honor_head_re"].finditer(t):
            hs, he = m.span()
            if self.in_spans(hs, self.quotes) or self.in_spans(hs, self.books):
                continue
            head = m.group()
            s = self._honor_left(hs)
            if s is None:
                continue
            if head not in L.HONOR_TITLES:
                # a thing (示范基地, 二等奖) is a title only when conferred, or listed with titles
                verb = self.award_verb_before(s, window=24)
                listed = s > 0 and t[s - 1] == "、" and any(e2 == s - 1 for _, e2 in out)
                if verb is None and not listed:
                    continue
            if he < self.n and t[he] in "者员人" and head not in L.HONOR_TITLES:
                continue
            if t.startswith(L.CEREMONY_AFTER, he):
                continue  # 劳动模范表彰大会: the name of the ceremony
            out.append((s, he))
        return out

    def _honor_left(self, hs: int) -> int | None:
        """Left edge of an unquoted honor: level prefix in (全国/省/湖北省), 市级 out."""
        t = self.t
        j = hs
        steps = 0
        while j > 0 and steps < 12:
            c = t[j - 1]
            if not _cjk(c):
                return j
            if j >= 2 and (t[j - 2:j] == "年度" or c == "年" and t[j - 2].isdigit()):
                return j  # 2023年度全市三八红旗手: the year is a date of its own
            if j >= 2 and t[j - 2:j] in L.LEVEL_WORDS[:9]:
                return j  # 市级三八红旗手: the level word stays outside
            if PRIZE_RE.match(t, hs) and (t[j - 2:j] in ("项目", "赛项") or t[j - 1] == "组"):
                return j  # 电工项目一等奖, 青年组二等奖: the event or group placed, the prize is 一等奖
            if t[j - 2:j] in ("全国", "国家") and j >= 2:
                return j - 2
            g = self.gpe_ending_at(j, full_only=True)
            if g is not None:
                return g
            if c in "省市县区" and (j < 2 or self.stop_ending_at(j - 1) is not None
                                   or not _cjk(t[j - 2])):
                return j - 1
            if c in L.MEASURE and j >= 2 and (t[j - 2].isdigit() or t[j - 2] in "一二三四五六七八九十两几多"):
                return j
            st = self.stop_ending_at(j)
            if st is not None:
                return j
            j -= 1
            steps += 1
        return j if j == 0 else None

    # -- persons ----------------------------------------------------------------------------
    def name_at(self, s: int, need_boundary: bool = True, default3: bool = False) -> int | None:
        """End of a person name starting at s (surname + 1–2 given chars), else None.
        ``default3``: the context already says a name stands here (after a post), so with no
        telling follower the common three-character length is taken."""
        t = self.t
        if s >= self.n:
            return None
        m = self._minority_name(s, need_boundary, default3)
        if m is not None:
            return m
        if t[s:s + 2] in L.SURNAMES_2:
            g0 = s + 2
        elif t[s] in L.SURNAMES_1:
            g0 = s + 1
        else:
            return None
        if t[s:s + 2] in L.STOP_BIGRAMS:
            return None
        # score each length by what follows: 2+ = a clear edge (punctuation, 荣获, 参加),
        # 1 = a one-char word (到, 获) that could also be the last char of a longer name
        best, best_score = None, 0
        for k in (2, 1):
            e = g0 + k
            if e > self.n:
                continue
            given = t[g0:e]
            # 王家豪、陈家明说: 家 opens a given name too, but 王家 is also 'the Wangs', so a
            # 家-name needs two given characters, a clear edge and no place-like last one
            jia = k == 2 and given[0] == "家" and need_boundary and given[1] not in JIA_NOT_LAST
            if any((not _cjk(c)) or c in L.NOT_GIVEN for c in (given[1:] if jia else given)):
                continue
            if t[s:e] in self.T["places"] or t[s:e] in L.ROLE_NOUNS or given in L.ROLE_NOUNS \
                    or given in ADDRESS_FORMS:
                continue  # 代表成都参加, 劳模代表, 学员徐小姐: a place, a role, an address form
            if not need_boundary:
                return e
            score = self.follow_len(e)
            if t[e:e + 1] == "、" or self.post_at(e) or \
                    t[e:e + 1] == "等" and t[e + 1:e + 2] in COUNT_START:
                score = 9  # 、, a post, 等10人: a clear edge
            if jia and score < 2:
                continue
            if score >= 2:
                return e
            if score > best_score:
                best, best_score = e, score
        if best is None and default3 and g0 + 2 <= self.n and t[s] not in self.T["left_stops"] and \
                all(_cjk(c) and c not in L.NOT_GIVEN for c in t[g0:g0 + 2]) and \
                t[g0 + 1] not in L.NOT_NAME_LAST and t[s:g0 + 2] not in self.T["places"]:
            return g0 + 2
        return best

    def _minority_name(self, s: int, need_boundary: bool, default3: bool) -> int | None:
        """End of a Tibetan or Mongolian name of two syllable groups starting at s (普布次仁,
        乌兰托娅, 孟和巴雅尔), or of one group where a post names it (书记央金说), else None.
        The name must end at an edge: punctuation, a name-ending word, a post, 、."""
        t = self.t
        parts = MINORITY_PARTS
        if t[s:s + 2] not in parts and t[s:s + 3] not in parts:
            return None

        def edge(e: int) -> bool:
            return not need_boundary or self.follow_len(e) >= 1 or self.post_at(e) \
                or t[e:e + 1] == "、"

        for k1 in (3, 2):
            if t[s:s + k1] not in parts:
                continue
            for k2 in (3, 2):
                e = s + k1 + k2
                if e <= self.n and t[s + k1:e] in parts and edge(e):
                    return e
        for k1 in (3, 2):
            e = s + k1
            if t[s:e] in parts and default3 and (self.follow_len(e) >= 2 or self.follow_len(e)
                                                 and (e + 1 >= self.n or not _cjk(t[e + 1]))):
                return e
        return None

    def _translit_after_post(self, s: int) -> int | None:
        """End of a transliterated name with no surname right after a post (理事长其米格等,
        副主席阿尔达克、…): a run of 2–5 transliteration characters up to a clear edge."""
        t = self.t
        if t[s] in L.SURNAMES_1 or t[s] not in TRANSLIT:
            return None
        e = s
        while e < self.n and e - s < 5 and t[e] in TRANSLIT and not (
                e > s and (self.follow_len(e) >= 2 or self.post_at(e))):
            e += 1
        if e - s < 2 or t[s:e] in self.T["places"]:
            return None
        if e >= self.n or not _cjk(t[e]) or t[e] == "、" or self.follow_len(e) >= 2 or \
                t[e] == "等" and t[e + 1:e + 2] in COUNT_START:
            return e
        return None

    def post_at(self, i: int) -> bool:
        return i in self._post_starts

    def scan_persons(self, posts: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """(start, end, prio) of names in the genre's contexts."""
        t, n = self.t, self.n
        found: dict[tuple[int, int], int] = {}
        self._dotted = self._dotted_names()
        byline = L.BYLINE_POSTS
        # after a post: 主席姜欣; bylines: 记者 李卉 / 责任编辑：汪勤 / 通讯员 X Y Z
        for ps, pe in posts:
            post = t[ps:pe]
            i = pe
            if post in byline or post.endswith(("记者", "编辑", "通讯员")):
                # WeChat bulletins separate with 丨/|, older pages with 文/X, 图/X
                while i < n and t[i] in BYLINE_SEPS:
                    i += 1
                if i == pe and post in BYLINE_NEED_SEP:
                    continue
                while True:
                    e = self._byline_name(i)
                    if e is None:
                        break
                    found[(i, e)] = P_PERSON
                    j = e
                    while j < n and t[j] in " \u3000":
                        j += 1
                    if j == e:
                        break
                    if j < n and t[j] in "、":
                        j += 1
                    i = j
                continue
            if t[pe:pe + 1] and t[pe] in "、":
                continue
            e = self.name_at(pe, default3=True) or self._translit_after_post(pe)
            if e is not None:
                found[(pe, e)] = P_PERSON
        # X家庭 (family recipients)
        for m in re.finditer("家庭", t):
            e = m.start()
            if t.startswith(FAMILY_COMPOUNDS, m.end()):
                continue  # 反家庭暴力, 家庭教育: 家庭 opens a compound, no family is named
            for k in (3, 2, 4):
                s = e - k
                if s < 0:
                    continue
                if self.name_at(s, need_boundary=False) == e and self._left_ok(s):
                    found.setdefault((s, e), P_PERSON)
                    break
        # a name right before 荣获/被/家庭 … after a list separator or a clause edge
        s1, s2 = L.SURNAMES_1, L.SURNAMES_2
        for m in self.T["list_edge_re"].finditer(t):
            s = m.end()
            if s >= n or t[s] not in s1 and t[s:s + 2] not in s2:
                continue
            e = self.name_at(s)
            if e is not None and t[e:e + 2] in ("荣获", "获得", "获评", "被评", "被授", "被推", "当选", "家庭",
                                                 "一行", "同志", "等人", "入选", "被表", "本人") \
                    and not (t.startswith("本人", e) and self._opens_with_stop(t[s:e])):
                found.setdefault((s, e), P_ANCHORED)  # 但需要本人: a conjunction, not 但 the surname
        # 琼海供电局林振华获一等奖, 某中学郑国强荣获: results lists write the winner's unit and
        # name without a separator; the unit's end is the name's left edge and the award
        # verb its right one (both are needed: 某局长期 must stay a body and an adverb)
        for oe in sorted({oe for _os, oe in self.org_spans} | self._body_ends):
            if oe >= n or t[oe] not in s1 and t[oe:oe + 2] not in s2:
                continue
            for e in (oe + 3, oe + 2):
                if self.name_at(oe, need_boundary=False) is None:
                    break
                given = t[oe + (2 if t[oe:oe + 2] in s2 else 1):e]
                if not given or any(not _cjk(c) or c in L.NOT_GIVEN for c in given) \
                        or t[oe:e] in self.T["places"]:
                    continue
                if t.startswith(AWARD_AFTER_NAME, e):
                    found.setdefault((oe, e), P_ANCHORED)
                    break
        # a clause-initial name before a reporting verb (王海峰介绍，章慧敏在报告中…), or
        # after a role noun (老党员王满仓家中, 求职者王立强在现场)
        speech = L.SPEECH_FOLLOW
        for m in self.T["clause_edge_re"].finditer(t):
            s = m.end()
            minority = t[s:s + 2] in MINORITY_PARTS or t[s:s + 3] in MINORITY_PARTS
            if s >= n or t[s] not in s1 and t[s:s + 2] not in s2 and not minority:
                continue
            e = self.name_at(s)
            if e is None:
                continue
            if minority and e - s >= 4 and self.follow_len(e) >= 1:
                found.setdefault((s, e), P_ANCHORED)  # 次仁多吉代表…作报告: two syllable groups
                continue
            if m.group() in L.ROLE_NOUNS:
                # after a role noun: a clear edge, or a full three-character name
                if m.group() in L.ROLE_NOUNS_NAMING and (
                        self.follow_len(e) >= 2 or e - s == 3 and self.follow_len(e) >= 1):
                    found.setdefault((s, e), P_ANCHORED)
                continue
            if e - s == 3 and t[e - 1] in L.NOT_NAME_LAST:
                continue  # 罗斯将带领
            if any(t.startswith(w, e) for w in speech if t[e:e + 1] == w[0]) \
                    or t[e:e + 1] == "说" and t[e + 1:e + 2] in "：:，,“" \
                    or re.match(r"等[0-9一二三四五六七八九十两几多百]", t[e:e + 2]) \
                    and t[e - 1] not in "村镇乡县区市省州":
                found.setdefault((s, e), P_ANCHORED)
        # award lists: 文龙街道：陈国富家庭 / 某学院：张三、李四 (a unit line, a colon, names)
        for c in self._unit_colons():
            i = c + 1
            while True:
                e = self._list_name(i)
                if e is None:
                    break
                found.setdefault((i, e), P_LIST)
                j = e + 2 if t.startswith("家庭", e) else e
                if t[j:j + 1] != "、":
                    break
                i = j + 1
        # honor lists: 王某某　某县某镇卫生院院长 — a line opens with a name, a wide space,
        # then the holder's unit and post closing the line; the layout says a name stands
        # there, so names without a common surname (拉毛措) are read too
        post_ends = {pe for _ps, pe in posts}
        for m in LIST_LINE_NAME_RE.finditer(t):
            s, e = m.span(1)
            le = t.find("\n", e)
            le = n if le < 0 else le
            if le not in post_ends or any(c in L.NOT_GIVEN for c in t[s:e]) or \
                    t[s:e] in self.T["places"] or t[s:e] in L.POSTS:
                continue
            found.setdefault((s, e), P_LIST)
        # 授予王建军（某公司炼铁厂）、乌云其其格（某医院护士长）等: each name is followed by
        # its unit in parentheses; the item edges (授予/、 before, 、/等 after) are clear, so
        # names that do not open with a common surname are read too
        for m in PAREN_ITEM_RE.finditer(t):
            a = self._paren_item(*m.span(1), m.end(2))
            if a is not None:
                found.setdefault((a, m.end(1)), P_LIST)
        # 、-lists: extend from anchored names to neighbours, again after propagation
        # (陈国富、周小芬 where 陈国富 was read elsewhere in the article)
        # the NER's names seed the 、-lists too (marked P_MODEL; dropped unless a list
        # grammar confirms them)
        for a, b in self.seeds:
            if b - a >= 2 and not any(a < e and s < b for s, e in found):
                found[(a, b)] = P_MODEL
        self._extend_lists(found)
        found = {k: p for k, p in found.items() if p != P_MODEL}
        self._propagate(found)
        self._extend_lists(found)
        if self._dotted:
            # a dotted name is whole: no shorter reading of its parts (阿依古 + 丽·买买提)
            dotted = list(self._dotted.items())
            found = {(s, e): p for (s, e), p in found.items()
                     if not any(a < e and s < b for a, b in dotted)}
            for a, b in dotted:
                found[(a, b)] = P_PERSON
        return [(s, e, p) for (s, e), p in found.items()]

    def _extend_lists(self, found: dict[tuple[int, int], int]) -> None:
        t, n = self.t, self.n
        changed = True
        while changed:
            changed = False
            for (s, e) in list(found):
                # right neighbour: 、X (，X when the list goes on after it: 黎小燕，莫文斌、)
                if e < n and t[e] in "、，":
                    e2 = self.name_at(e + 1)
                    if e2 is not None and found.get((e + 1, e2), 0) < P_LIST and (
                            t[e] == "、" or t[e2:e2 + 1] == "、"
                            and s > 0 and t[s - 1] == "、"):
                        found[(e + 1, e2)] = P_LIST
                        changed = True
                # left neighbour: X、 (X， inside a 、-list: 陆振宇、黎小燕，莫文斌)
                if s >= 3 and (t[s - 1] == "、" or t[s - 1] == "，" and t[s:e + 1].endswith("、")):
                    for k in (3, 2, 4):
                        a = s - 1 - k
                        if a < 0:
                            continue
                        if t[a] in L.ABBR_PREFIX and a > 0 and t[a - 1] in L.DEICTIC_CHARS:
                            continue  # 我区赵丽: 区 closes 我区, it does not open a name
                        if t[s - 1] == "，" and (a == 0 or t[a - 1] != "、"):
                            continue
                        if self.name_at(a, need_boundary=False) == s - 1 and \
                                found.get((a, s - 1), 0) < P_LIST:
                            found[(a, s - 1)] = P_LIST
                            changed = True
                            break

    def _paren_item(self, s: int, e: int, ce: int) -> int | None:
        """Start of the name ending at e in a list 'NAME（unit/post）、…', else None (s: the
        leftmost start the regex allows; a name starts after 、, a colon, an award verb or a
        non-CJK edge)."""
        t = self.t
        for a in range(e - 2, s - 1, -1):
            prev = t[a - 1] if a > 0 else ""
            verb = t[max(0, a - 3):a]
            if not (prev in "、：:" or not prev or not _cjk(prev) or
                    any(verb.endswith(v) for v in ("授予", "表彰", "命名", "推荐"))):
                continue
            name = t[a:e]
            if any(c in PAREN_NOT_NAME for c in name):
                return None
            if name in self.T["places"] or name in L.ROLE_NOUNS:
                return None
            lo, hi = e + 1, ce
            if any(lo <= os_ and oe <= hi for os_, oe in self.org_spans) or \
                    any(lo <= gs and ge <= hi for ge, gs in self.gpe_spans.items()):
                return a
            return None
        return None

    def _unit_colons(self) -> list[int]:
        """Positions of colons that close a unit at the start of a line (某学院：, 文龙街道：)."""
        t = self.t
        out = []
        for m in re.finditer("[：:]", t):
            c = m.start()
            ls = t.rfind("\n", 0, c) + 1
            head = t[ls:c]
            if not 2 <= len(head) <= 30 or any(ch in "，,。；;、“”《》（）()" for ch in head):
                continue
            if c in self.gpe_spans or any(oe == c for _, oe in self.org_spans) or \
                    t[c - 1] in "院系所校道镇乡村区县市部委局厂司队站馆会处科室":
                out.append(c)
        return out

    def _list_name(self, i: int) -> int | None:
        """End of a name item at i in a unit's list (王德明家庭、 … end of line). 家 may
        open the given name here (谭家兴家庭): the list leaves no room for 王家 = 'the Wangs'."""
        t = self.t
        if t[i:i + 2] in L.SURNAMES_2:
            g0 = i + 2
        elif t[i:i + 1] in L.SURNAMES_1:
            g0 = i + 1
        else:
            return None
        if t[i:i + 2] in L.STOP_BIGRAMS:
            return None
        for k in (2, 1):
            e = g0 + k
            given = t[g0:e]
            if e > self.n or not all(_cjk(c) and (c not in L.NOT_GIVEN or j == 0 and c == "家")
                                     for j, c in enumerate(given)):
                continue
            if t[i:e] in self.T["places"]:
                continue
            rest = e + 2 if t.startswith("家庭", e) else e
            if t[rest:rest + 1] in ("", "、", "\n", " ", "\u3000", "\r"):
                return e
        return None

    def _propagate(self, found: dict[tuple[int, int], int]) -> None:
        """A name read once in a clear context is the same person wherever else the article
        writes it (吴晓燕在讲话中…, 刘德胜分享…), when that occurrence is word-bounded."""
        t = self.t
        names = {t[s:e] for (s, e), p in found.items() if p >= P_LIST and e - s >= 2}
        # an anchored full name (村民马玉兰满脸…) written again in the article is that person
        # again: a chance three-character word piece does not recur with name edges
        names |= {t[s:e] for (s, e), p in found.items()
                  if p == P_ANCHORED and e - s == 3 and t.count(t[s:e]) >= 2}
        for name in names:
            i = t.find(name)
            while i >= 0:
                e = i + len(name)
                if (i, e) not in found and not any(a < e and i < b for a, b in found) and \
                        self._name_edges(i, e):
                    found[(i, e)] = P_LIST
                i = t.find(name, i + 1)

    def _name_edges(self, s: int, e: int) -> bool:
        t = self.t
        right = e >= self.n or not _cjk(t[e]) or self.follow_at(e) or self.post_at(e)
        if not right:
            # 崔东旭从事…, 李春花扎根…: a full name already read opens a sentence or a
            # paragraph as its subject, whatever verb follows it
            return e - s >= 3 and (s == 0 or t[s - 1] in SENTENCE_OPEN)
        if s == 0 or not _cjk(t[s - 1]):
            return True
        if self.stop_ending_at(s) is not None or s in self.gpe_spans:
            return True
        return any(t.endswith(r, 0, s) for r in L.ROLE_NOUNS) or \
            any(pe == s for _, pe in self.posts)

    def _left_ok(self, s: int) -> bool:
        t = self.t
        if s == 0 or not _cjk(t[s - 1]):
            return True
        if t[s - 1] in "、" or s in self.gpe_spans:
            return True
        if any(t.endswith(r, 0, s) for r in L.ROLE_NOUNS):
            return True  # 种粮大户周秋菊家庭, 村民王某家庭
        return self.stop_ending_at(s) is not None or self.gpe_ending_at(s) is not None or \
            t[s - 2:s] in ("我县", "我市", "我区", "我省", "我镇", "我乡", "本村", "我村")

    def _dotted_names(self) -> dict[int, int]:
        """start → end of transliterated names written with a middle dot (阿依古丽·买买提),
        outside quotes and book titles. The first part starts at a clear edge (punctuation,
        a post, a role noun, a body or place, a verb: 副主席阿依古丽·…, 村民古丽米拉·…); the
        last part ends where a name-ending word or punctuation follows (…·艾力笑着说)."""
        t = self.t
        out: dict[int, int] = {}
        if not any(d in t for d in NAME_DOTS):
            return out
        post_ends = {pe for _, pe in self.posts}
        org_ends = {oe for _, oe in self.org_spans}
        for m in DOTTED_RE.finditer(t):
            d0 = m.start() + 1  # the first dot
            if self.in_spans(d0, self.quotes) or self.in_spans(d0, self.books):
                continue
            start = None
            for k in range(min(6, d0), 1, -1):
                a = d0 - k
                if not all(_cjk(c) for c in t[a:d0]) or \
                        any(ps < d0 and a < pe for ps, pe in self.posts) or \
                        any(os_ < d0 and a < oe for os_, oe in self.org_spans):
                    continue  # the name holds no post or body (副主席热依拉·…)
                if any(t.startswith(r, a) for r in L.ROLE_NOUNS):
                    continue  # nor a role noun before it (村民帕提古丽·…)
                if a in post_ends or a in org_ends or a in self.gpe_spans \
                        or any(t.endswith(r, 0, a) for r in L.ROLE_NOUNS):
                    start = a  # 副主席其其格·…: right after a post, 其 opens the name
                    break
                if self._opens_with_stop(t[a:min(d0, a + 2)]):
                    continue  # nor a verb (在古丽米拉·…)
                if a == 0 or not _cjk(t[a - 1]) or self.stop_ending_at(a) is not None:
                    start = a
                    break
            if start is None:
                continue
            if t[start:d0] in self.T["places"]:
                continue
            last_dot = max(t.rfind(c, d0, m.end()) for c in NAME_DOTS)
            run_end = m.end()
            end = self._translit_end(last_dot + 1, run_end)
            weak = None
            for k in range(2, min(6, run_end - last_dot - 1) + 1) if end is None else ():
                e = last_dot + 1 + k
                score = self.follow_len(e)
                if t[e:e + 1] == "说" and (e + 1 >= self.n or t[e + 1] in "。，,：:；！"):
                    score = 2  # …·司马义说。: 说 closing the clause ends the name
                if score >= 2 or self.post_at(e):
                    end = e
                    break
                if score == 1 and weak is None:
                    weak = e
            end = end or weak
            if end is None or t[last_dot + 1:end] in self.T["places"]:
                continue
            out[start] = end
        return out

    def _translit_end(self, j: int, run_end: int) -> int | None:
        """End of the last part of a transliterated name starting at j, read as a run of
        the characters transliterations are written with (阿不都卡迪尔到… → 阿不都卡迪尔):
        it stops at any other character, at a name-ending word (…提出, …一行) or an adverb
        (…多次); None when fewer than two such characters stand there."""
        t = self.t
        k = j
        while k < run_end and k - j < 8:
            c = t[k]
            if k - j >= 1 and (self.follow_len(k) >= 2 or self.post_at(k)
                               or t.startswith(TRANSLIT_BREAK, k)):
                break
            if c not in TRANSLIT or c == "都" and (k + 1 >= run_end or t[k + 1] not in TRANSLIT):
                break
            k += 1
        return k if k - j >= 2 else None

    def _byline_name(self, i: int) -> int | None:
        t = self.t
        if i in self._dotted:
            return self._dotted[i]
        m = self._minority_name(i, False, False)
        if m is not None and (m >= self.n or not _cjk(t[m]) or t[m] in "、"):
            return m  # 撰稿：娜仁格日勒
        for k in (3, 2, 4):
            e = i + k
            if e > self.n:
                continue
            if self.name_at(i, need_boundary=False) == e and (e >= self.n or not _cjk(t[e])
                                                              or t[e] in "、"):
                return e
        return None

    # -- all --------------------------------------------------------------------------------
    def run(self) -> list[Cand]:
        self.scan_brackets()
        out: list[Cand] = []
        honors = self.scan_honors()  # also decides which quotes are activity names
        for s, e in honors:
            out.append(Cand(s, e, "HONOR", P_HONOR))
        for s, e in self.scan_media():
            out.append(Cand(s, e, "ORG", P_MEDIA))
        posts = [p for p in self.scan_posts() if not self.in_spans(p[0], self.activity)]
        for s, e, _ in self.scan_gpe():
            if not self.in_spans(s, self.activity):
                out.append(Cand(s, e, "GPE", P_GPE))
                self.gpe_spans[e] = s
        posts = self._split_party_posts(posts, out)
        self.posts = posts
        self._post_starts = {ps for ps, _ in posts}
        self.org_spans = self.scan_orgs(posts)
        for s, e in self.org_spans:
            out.append(Cand(s, e, "ORG", P_ORG))
        for s, e in posts:
            out.append(Cand(s, e, "POST", P_POST))
        persons = self.scan_persons(posts)
        for s, e, p in persons:
            if not self.in_spans(s, self.activity):
                out.append(Cand(s, e, "PERSON", p))
        out += self._list_units({s for s, _, _ in persons})
        return out

    def _list_units(self, person_starts: set[int]) -> list[Cand]:
        """信息学院：张三、李四: the unit heading a line of names is a body even when its
        name is all generic words (a school of the university the article is about)."""
        t = self.t
        out = []
        for c in self._unit_colons():
            if c + 1 not in person_starts:
                continue
            ls = t.rfind("\n", 0, c) + 1
            if any(os_ <= ls < oe or ls <= os_ < c for os_, oe in self.org_spans) or \
                    any(ls <= gs < c for ge, gs in self.gpe_spans.items()):
                continue
            m = self.T["body_re"].search(t, max(ls, c - 6), c)
            while m and m.end() != c:
                m = self.T["body_re"].search(t, m.start() + 1, c)
            if m and m.group() in L.NAMED_SUFFIXES and c - ls >= 4 and \
                    all(_cjk(ch) for ch in t[ls:c]):
                out.append(Cand(ls, c, "ORG", P_ORG))
        return out


    def _split_party_posts(self, posts: list[tuple[int, int]], out: list[Cand]):
        """郭嘉镇党委书记, 镇党委副书记, 双坑村党支部书记, 街道党工委书记: a place (or the
        level word standing for it) opens the party committee, which is the body; the post
        is what follows it (市委书记 → 市委 + 书记)."""
        t = self.t
        res = []
        for ps, pe in posts:
            unit = next((u for u in PARTY_UNITS if t.startswith(u, ps)), None)
            rest = t[ps + len(unit):pe] if unit else ""
            if t[ps:pe] in FUSED_MEMBERS:
                # 市人大代表 → 市人大 + 代表, like 市委书记 (全国人大代表 → 全国人大 + 代表)
                unit, rest = FUSED_MEMBERS[t[ps:pe]]
                if t[ps - 2:ps] == "全国":
                    out.append(Cand(ps - 2, ps + len(unit), "ORG", P_ORG + 5))
                    res.append((ps + len(unit), pe))
                    continue
            if not unit or rest not in L.POSTS and t[ps:pe] not in FUSED_MEMBERS:
                res.append((ps, pe))
                continue
            start = self.gpe_spans.get(ps)
            if start is None and ps >= 1 and (t[ps - 1] in L.ABBR_PREFIX or t[ps - 1] == "校"
                                              and t[ps - 2:ps] not in L.ABBR_BLOCK) and \
                    (ps < 2 or not _cjk(t[ps - 2]) or self.stop_ending_at(ps - 1) is not None):
                start = ps - 1
            if start is None and t[ps - 2:ps] in ("街道", "社区") and \
                    (ps < 3 or not _cjk(t[ps - 3]) or self.stop_ending_at(ps - 2) is not None):
                start = ps - 2  # 街道党工委书记, 社区党委书记: this subdistrict's, community's
            if start is None:
                res.append((ps, pe))
                continue
            out.append(Cand(start, ps + len(unit), "ORG", P_ORG + 5))
            res.append((ps + len(unit), pe))
        return res


def find_spans(text: str, seeds: list[tuple[int, int]] | None = None) -> list[Cand]:
    """Rule spans of ``text``. ``seeds``: names another reader (the statistical NER) found;
    they are not returned, but their 、-list neighbours are read as names (王某、李某、赵某
    where the model caught the first and the last)."""
    sc = Scanner(text)
    sc.seeds = list(seeds or [])
    return sc.run()
