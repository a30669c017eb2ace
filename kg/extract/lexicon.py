"""Vocabularies of the genre: places, bodies, posts, honors, surnames, stop words.

Everything here is general knowledge of Chinese officialdom and news writing (standard
department names, post titles, honor titles, the common surnames), never text copied from
an annotated document. Tables are loaded once per process (``functools.cache``).

OCR variants the genre carries (中帼 for 巾帼, 姊归 for 秭归) are handled by ``ocr_variants``:
lexicon entries are expanded to every variant, the text itself is never modified.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

# ---- OCR / typo variants -------------------------------------------------------------------
# canonical substring → variants seen in scanned or hastily typed copy
OCR_VARIANTS: dict[str, tuple[str, ...]] = {
    "巾帼": ("中帼", "币帼"),
    "秭归": ("姊归",),
}


def word_list(block: str) -> list[str]:
    """The whitespace-separated words of a vocabulary block, in order."""
    return block.split()


def words(block: str) -> set[str]:
    return set(block.split())


def ocr_variants(word: str) -> set[str]:
    out = {word}
    for canon, variants in OCR_VARIANTS.items():
        for w in list(out):  # noqa: PERF101 - the set grows inside the loop
            if canon in w:
                out.update(w.replace(canon, v) for v in variants)
    return out


def expand(words) -> set[str]:
    out: set[str] = set()
    for w in words:
        out |= ocr_variants(w)
    return out


def alternation(words) -> str:
    """Regex alternation, longest first so the regex engine prefers the maximal match.

    A lookahead on the first characters comes first: Python's re tries every branch at
    every position, and the class test rejects most positions at once (~10× faster)."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?=[{first}])(?:" + "|".join(re.escape(w) for w in words) + ")"


CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
                         or "\uf900" <= ch <= "\ufaff")


# ---- surnames -----------------------------------------------------------------------------
# The common single-character surnames (covering the vast majority of the population) and
# the compound ones. Ambiguous characters (高, 党, 王 …) are in: names are only read in the
# contexts of the genre, and STOP_BIGRAMS guards the usual words.
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
    "邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储"
    "原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战"
    "慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    # regional ones the national top lists miss: Hakka 丘, Bai 字, Zhuang 禤; Hui 撒 锁
    # (Ningxia, Gansu), Yi 者 杞 (Yunnan)
    "丘字禤佴撒锁者杞"
)
SURNAMES_2 = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "轩辕", "端木", "百里", "呼延", "独孤", "南宫", "西门", "钟离", "万俟", "闻人",
    "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "鲜于", "闾丘", "司空",
    "东郭", "左丘", "梁丘", "第五", "拓跋", "完颜", "爱新觉罗", "范姜", "张简", "欧",
}
SURNAMES_2.discard("欧")

# Words that start with a surname character but are not names (checked on the first two
# characters of a candidate name).
STOP_BIGRAMS = words("""
文明 和谐 和睦 和平 温馨 温暖 平安 安全 安康 康乐 健康 万户 万元 万人 万名 千家 百姓 许多
党员 党组 党委 党建 党史 党风 党性 党政 党中央 高度 高质 高效 高层 高新 高校 高级 王牌 金牌
金融 黄金 江南 方面 方式 方案 方向 方法 向上 向前 于是 石油 白色 林业 牛肉 马上 华夏 华侨
常住 常态 常务 常委 常年 时间 时代 时期 严格 严重 周边 周年 周末 全面 全体 钱财 孙子 龙头
叶子 武装 路上 车辆 车间 程序 应急 应用 应该 成功 成立 成果 成员 成效 成长 成为 关爱 关心
关于 关注 关键 齐心 齐唱 任务 任职 任何 任命 余人 余名 余份 余场 余次 余户 余个 余元 余家
余万 余年 包括 包含 包保 宁静 曲线 游客 游戏 连续 连线 管理 管控 司法 明确 明显 明年 明天
明星 信息 信心 信访 信用 元旦 元月 宣传 宣讲 宣布 宣读 相关 相互 相应 相结 来自 来到 来访
来信 来电 都是 都有 普法 普及 伏天 富裕 富民 国家 国内 国际 国务 公益 公共 公开 公司 公平
公安 公众 公布 由于 初步 初心 初期 容易 海外 海内 海报 花季 花园 强化 强调 强国 强大 支持
支部 支援 丰富 丰收 计划 索取 展示 展开 展现 展播 阳光 阳台 利用 利益 干部 干事 施工 简单
简报 简历 车间 谈话 谈心 满意 满城 满足 解决 解放 苗木 苗圃 晋升 黎明 居民 居家 居住 雷锋
景区 景点 田间 甘肃 舒心 毕业 单位 单亲 季度 戴上 左右 伍佰 骆驼 项目 项链 沙龙 荣获 荣誉
卫生 卫健 米面 席位 冷链 邢台 房屋 滕州 湛江 井冈 都市 和美 和睦 乐观 乐于 贺信 师生 师资
班子 班级 门户 卓越 古城 古镇 吉祥 水平 云端 云上 云南 平台 平等 平稳 齐全 方便 童年 童话
牛奶 杨柳 柏树 池塘 朴素 羊肉 羊群 宫颈 雍容 尚未 尚有 晏然 毛巾 毛衣 伍员 申报 申请 申领
黄河 黄山 江西 江苏 江河 林区 林场 湖南 湖北 贵州 南京 南方 南昌 蓝天 蓝图 燕子 燕窝 商务
商业 商会 商品 商户 商场 安排 安置 安徽 安装 严守 欧洲 罗马 孟子 武汉 房产 边境 边疆 计生
强村 强县 夏季 夏天 秋季 冬季 春季 春节 春风 杜绝 于此 向着 邱北 时任 时刻 盛大 盛会 戴着
柯桥 庞大 席间 谢谢 符合 向往 成定 全程 平均 相对 来说 来讲 常因 都可 都能 都会 都要 都在
""")

# Characters that never start or continue a given name in the contexts we read
NOT_GIVEN = set("的了在是从到为与和及等、，。；：！？,.;:!?（）()“”\"'《》「」 \t\n0123456789二三四五六七八九十百千万个名位户家"
                "他她它你您们我咱某总党")  # 但他表示, 温总理, 王某: pronouns and forms of address

# Words that may directly follow a name (they end the name).
NAME_FOLLOW = words("""
参加 参与 参观 出席 一行 同志 女士 先生 表示 指出 强调 要求 介绍 讲话 致辞 宣布 宣读 颁发
主持 会见 看望 慰问 考察 调研 检查 督导 指导 深入 走进 走访 来到 前往 带领 率领 带队 率队
陪同 一同 共同 分别 荣获 获得 获评 获 被 当选 担任 兼任 任 到 赴 在 于 与 和 及 同 为 向
对 以 通过 发表 作 做 代表 说 家庭 家 等 夫妇 一家 亲自 现场 专程 先后 实地 也 还 就 都
是 的 了 向 给 带 率 入选 被评为 获颁 接受 应邀 受邀 作为 上台 登台 围绕 结合 按照 根据
充分 认真 积极 高度 详细 听取 察看 了解 查看 询问 与会 分享 点评 高兴 回顾 讲述 发言 表态 家中 勉励 寄语 希望 鼓励 号召 叮嘱 嘱咐
已经 已 曾经 曾 正在 满脸 笑着 本人 来自 列席 就座 告诉
""")

# Syllable groups that Tibetan and Mongolian personal names are built from (次仁+多吉,
# 白玛+央金, 乌兰+其其格): such names have no surname, run to four-six characters and are
# written without a middle dot, so the surname + 1-2 given characters reading cuts them
# (普布次 for 普布次仁). A name is two groups; one group alone only where a post names it.
MINORITY_NAME_PARTS = words("""
次仁 扎西 多吉 多杰 平措 旦增 丹增 尼玛 卓玛 央金 达瓦 达娃 白玛 格桑 索朗 索南 拉巴 顿珠
普布 边巴 洛桑 罗桑 强巴 德吉 曲珍 措姆 仁青 仁增 益西 罗布 旺堆 次旦 桑珠 群培 美朗 巴桑
米玛 贡嘎 琼达 阿旺 朗杰 泽仁 降措 拉姆 卓嘎 央宗 次珍 晋美 土登 云丹 伦珠 玉珍 旺姆 德庆
曲措 拉珍 贡布 才让 东智 才旦 旺青 拉毛 加措 嘉措 嘉央 坚参 坚赞 赤列 尼珍 巴珠 次央 顿多
欧珠 朗加 扎巴 占堆 穷达 白珍 旺杰 斯朗 泽旺 洛松 贡觉 其美 曲尼 格列 次措 德央 玉措 卓措
吉措 拉措 才措 永措 万玛 更登 久美 索郎 尼美 多布杰 仓决 达杰 扎史 公保 南杰 旺扎 曲扎
乌兰 托娅 巴特尔 乌力吉 苏日娜 其其格 娜仁 格日勒 图雅 萨仁 额尔敦 宝音 朝鲁 那顺 孟和
巴雅尔 斯琴 高娃 呼和 敖登 满都拉 阿拉坦 巴图 哈斯 其木格 乌云 塔娜 阿古拉 毕力格 布和
朝格图 德力格尔 额尔德尼 图门 都兰 其勒格尔 吉日嘎拉 格根 塔拉 宝力道 朝克 吉雅 萨日娜
""")

# ---- places -------------------------------------------------------------------------------
# Short generic county names that are also ordinary words (城区 = "urban area" …)
GPE_STOP = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区", "市中区", "市辖区",
            "高新区", "开发区", "和县", "理县", "代县", "应县", "荣县", "单县", "古县", "吉县",
            "兴县", "云县", "高县", "通州", "中区", "市区", "县区", "省直辖县级行政区划",
            "自治区直辖县级行政区划"}

TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")
VILLAGE_SUFFIX_RE = "(?:村民委员会|居民委员会|村委会|居委会|社区|村|嘎查)"
# Deictic scopes: 全市/全省/我县/本区 … never places, and bodies after them are generic
DEICTIC_CHARS = set("全各我本该每此")
# 全市/各县 + body: every body of that kind (generic); 我县/本市 + body: this one (specific)
DEICTIC_GENERIC = set("全各每")


def _jionlp_location_file() -> Path | None:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or spec.origin is None:
        return None
    p = Path(spec.origin).parent / "dictionary" / "china_location.txt"
    return p if p.is_file() else None


@cache
def places() -> dict[str, str]:
    """Full place names (province/city/county) and short forms → 'full' | 'short'."""
    from kg.places import gazetteer

    out: dict[str, str] = {}
    for surface, cands in gazetteer().items():
        if surface in GPE_STOP:
            continue
        full = any(p.name == surface for p in cands)
        if not full and (all(p.level == "county" for p in cands) or surface in STOP_BIGRAMS):
            continue  # county short forms (新建, 和平 …) are too often ordinary words
        out[surface] = "full" if full else "short"
        for v in ocr_variants(surface) - {surface}:
            out[v] = out[surface]
    for p in ("中国", "中华人民共和国"):
        out[p] = "full"
    # autonomous prefectures are written 大理州, 恩施州, 湘西州 (short form + 州)
    for surface, cands in gazetteer().items():
        for p in cands:
            if p.level == "city" and p.name.endswith("自治州") and surface != p.name \
                    and len(surface) >= 2 and not surface.endswith("州"):
                out[surface + "州"] = "full"  # 玉树州 opens a chain (玉树州称多县) like 玉树藏族自治州
            # autonomous counties likewise: 互助县 for 互助土族自治县, 长阳县 (the short
            # form alone stays out: 互助, 长阳 are as often ordinary words)
            if p.level == "county" and p.name.endswith("自治县") and surface != p.name \
                    and len(surface) >= 2 and not surface.endswith("县"):
                out.setdefault(surface + "县", "full")
    return out


@cache
def city_shorts() -> frozenset[str]:
    """Short forms of provinces and cities (南京, 武汉, 湖南), including the ones ``places``
    leaves out because they also read as a surname + character: a list of them before
    等城市/等地 is a list of places whatever they look like."""
    from kg.places import gazetteer

    return frozenset(s for s, cands in gazetteer().items()
                     if any(p.level in ("province", "city") and p.name != s for p in cands))


# Traditional characters of OCR'd or HK-sourced copy (婦聯, 巾幗, 優秀) → simplified, one to
# one, so a translated shadow of the text keeps every offset. Characters that are also
# ordinary simplified characters (於 in 於潜镇, 乾, 著 …) are left alone.
@cache
def trad_table() -> dict[int, int]:
    path = _jionlp_location_file()
    if path is None:
        return {}
    d = path.parent
    simp: set[str] = set()
    sim2tra = d / "sim2tra_char.txt"
    if sim2tra.is_file():
        for line in sim2tra.read_text(encoding="utf-8").splitlines():
            if line[:1]:
                simp.add(line[0])
    table: dict[int, int] = {}
    tra2sim = d / "tra2sim_char.txt"
    if tra2sim.is_file():
        for line in tra2sim.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and len(parts[0]) == 1 and len(parts[1]) == 1 \
                    and parts[0] not in simp and parts[0] not in "於乾著藉瞭麽餘鍾":
                table[ord(parts[0])] = ord(parts[1])
    return table


def simplified(text: str) -> str:
    """The same-length simplified shadow of ``text`` (see ``trad_table``)."""
    table = trad_table()
    return text.translate(table) if table and not text.isascii() else text


@cache
def towns() -> frozenset[str]:
    """Township-level names (镇/乡/街道/苏木) from jionlp's administrative-division tree."""
    path = _jionlp_location_file()
    if path is None:
        return frozenset()
    text = path.read_text(encoding="utf-8")
    names = set(re.findall(r"^\t\t\t([^\t\n]+)", text, re.MULTILINE))
    keep = {n for n in names if len(n) >= 3 and n.endswith(TOWN_SUFFIXES)}
    return frozenset(expand(keep))


# ---- bodies -------------------------------------------------------------------------------
# Bodies that exist once per locality: they need a locality prefix (省妇联, 株洲市人社局 …);
# bare 妇联 / 基层妇联 are generic.
BODY_CORES = word_list("""
妇联 妇女联合会 妇儿工委 妇女儿童工作委员会 团委 共青团 团工委 总工会 工会 工会联合会 残联
残疾人联合会 科协 科学技术协会 文联 社科联 侨联 工商联 红十字会 关工委 老促会 计生协 作协 记协
青联 学联 少工委 妇委会 村委会 居委会 村民委员会 居民委员会 委 党委 党工委 党组 纪委 纪委监委 纪工委 监委 监察委 监察委员会 委员会
常委会 人大 人大常委会 人民代表大会 人民代表大会常务委员会 政协 人民政府 政府 政府办 政府办公室 委办
办公室 编办 网信办 农办 扶贫办 文明办 老龄办 综治办 台办 外办 侨办 金融办 信访局 组织部 宣传部
统战部 政法委 政研室 党校 党史办 机关工委 直属机关工委 法院 人民法院 中级人民法院 中院 高级人民法院
检察院 人民检察院 公安局 公安厅 公安分局 派出所 司法局 司法厅 司法所 财政局 财政厅 民政局 民政厅
教育局 教育厅 教育和体育局 教体局 体育局 卫健委 卫生健康委 卫生健康委员会 卫健局 人社局 人社厅
人力资源和社会保障局 人力资源和社会保障厅 人力资源社会保障局 人力资源社会保障厅 农业农村局 农业农村厅
农业农村部 农业局 农委 科技局 科技厅 科学技术局 科学技术厅 工信局 工信厅 经信局 经信委 发改委
发展和改革委员会 发展改革委 商务局 商务厅 文旅局 文旅厅 文化和旅游局 文化和旅游厅 文广旅局 自然资源局
自然资源厅 自然资源和规划局 生态环境局 生态环境厅 住建局 住建厅 住房和城乡建设局 住房和城乡建设厅
交通运输局 交通运输厅 交通局 水利局 水利厅 应急管理局 应急管理厅 市场监管局 市场监督管理局
市场监管总局 审计局 审计厅 统计局 税务局 医保局 医疗保障局 退役军人事务局 退役军人事务厅 乡村振兴局
林业局 林业和草原局 城管局 城市管理局 国资委 民宗局 民族宗教事务委员会 粮食局 气象局 地震局 档案局
档案馆 供销社 供销合作社 邮政管理局 住房公积金管理中心 融媒体中心 广播电视台 电视台 疾控中心
疾病预防控制中心 妇幼保健院 妇幼保健计划生育服务中心 人民医院 中医院 中医医院 第一人民医院 图书馆
博物馆 文化馆 少年宫 青少年宫 妇女儿童活动中心 妇女儿童发展中心 妇女儿童医院 儿童医院 政务服务中心
公共资源交易中心 行政审批局 数据局 大数据局 机关事务管理局 国安局
""")

# Bodies that are unique nationally and stand without a prefix.
NATIONAL_BODIES = words("""
党中央 中共中央 国务院 全国人大 全国人大常委会 全国政协 中央军委 全国妇联 中华全国妇女联合会 团中央
共青团中央 全国总工会 中华全国总工会 中国残联 中国科协 中国侨联 全国工商联 中国文联 中国作协
最高人民法院 最高人民检察院 中央纪委 国家监委 中央纪委国家监委 中组部 中宣部 中央统战部 新华社
人民日报 光明日报 经济日报 中央电视台 央视 中央广播电视总台 中国妇女报 中国青年报 工人日报 农民日报
法治日报 中国妇女网 学习强国 新华网 人民网 中国妇女杂志社 中国妇女出版社 国家统计局 教育部 民政部
人社部 人力资源和社会保障部 农业农村部 科技部 财政部 商务部 文化和旅游部 国家卫健委 国家乡村振兴局
国务院妇儿工委 国务院扶贫办 全国妇联儿童工作部
""")

# Generic suffixes of bodies that need a locality in front (government-like): X局 without
# a place is usually 大局/格局/布局.
GOV_SUFFIXES = word_list("""
委员会 常委会 局 厅 委 办 办公室 部 院 法院 检察院 医院 保健院 卫生院 研究院 设计院 科学院
中心 服务中心 所 司法所 派出所 研究所 站 工作站 服务站 队 大队 支队 总队 馆 科 处 政府 庭
法庭 审判庭 分局 分院 支行 分行 办事处
""")

# Suffixes of named bodies that stand without a locality (淘商大学, 芒果扶贫超市 …): they
# need a proper-name core (see GENERIC_WORDS).
NAMED_SUFFIXES = word_list("""
公司 有限公司 有限责任公司 股份有限公司 集团 集团公司 厂 工厂 合作社 专业合作社 协会 学会 商会
研究会 促进会 同业公会 公会 车间 班组 工坊 联合会 联谊会 基金会 事务所 律师事务所 会计师事务所 学校 小学 中学 大学 学院
职业技术学院 幼儿园 医院 卫生院 超市 银行 酒店 宾馆 农场 林场 养殖场 牧场 家庭农场 工作室 中心
之家 妇委会 妇女委员会 日报 晚报 时报 商报 早报 周报 女报 妇女报 青年报 工人报 农民报 导报
电视台 广播电台 出版社 杂志社 报社 新闻网 研究所 研究院 设计院 园区 产业园 俱乐部 服务队
志愿队 志愿服务队 艺术团 合唱团 剧团 书院 医馆 诊所 药店
""")

# Body-internal sub-units that chain after a body (县法院家事审判庭, X公司妇女委员会)
CHAIN_SUFFIXES = set(GOV_SUFFIXES) | set(NAMED_SUFFIXES) | set(BODY_CORES)

# After a body, these words are generic and stay outside (县纪委监委机关)
BODY_TRAILERS = words("""
机关 系统 组织 部门 单位 干部 班子 领导 工作 全体 成员
""")

# Words that make up generic unit names (家长学校, 妇女儿童健康服务中心): a body whose core
# is only made of these is not a specific, named body.
GENERIC_WORDS = words("""
商业 大型 小型 民办 公办 一流 高水平 重点 公立 民营 私立 定点 县级 市级 省级 区域 中小 寄宿制 妇女 儿童 女性 男性 家庭 家长 健康 服务 心理 维权 创业 创新 指导 婚姻 婚恋 青少年 少年 成长
实践 社会 人才 社区 活动 公益 培训 发展 工作 管理 综合 文化 教育 学习 法律 援助 咨询 志愿
志愿者 爱心 关爱 留守 老年 老年人 职工 农民 农民工 妇联 基层 乡镇 村级 各级 机关 部门 单位
企业 示范 政务 便民 党群 党员 群众 居民 亲子 电商 技能 就业 经济 科技 信息 数据 调解 矛盾
纠纷 法治 安全 应急 救助 养老 托育 早教 母婴 妇幼 卫生 医疗 康复 残疾人 残疾 文明 新时代 相关
有关 专业 公共 人民 国家 地方 城乡 农村 城市 乡村 振兴 产业 合作 互助 共享 组织 建设 研究
体验 宣传 交流 联络 协调 运营 展示 孵化 人员 干部 学员 巾帼 中帼 女子 女工 女 男 新 大 小型
中型 大型 各类 重点 特殊 困难 贫困 扶贫 帮扶 民生 爱国 红色 绿色 生态 美丽 幸福 和谐 平安 家
家风 家教 书香 阅读 读书 图书 网络 线上 线下 数字 智慧 领域 新领域 一站式 多功能 综合性 流动
临时 专项 城区 街道 片区 周边 本地 外地 当地 全国 全省 全市 全县 行业 辖区 加工 种植 养殖 销售 生产
制造 物流 金融机构 投资 机构 国际 国际化 现代 现代化
""")
GENERIC_WORDS |= expand(GENERIC_WORDS)

# Words opened by an abbreviation character that are not an abbreviated locality (区域, 省级)
ABBR_NEXT = set("域级份会民场长委员情况内外直属镇村乡城")
# Single-char prefixes standing for the document's locality (市妇联, 县法院)
ABBR_PREFIX = set("省市县区州镇乡村盟旗")
# Words ending in an abbreviation character that are not an abbreviated locality
ABBR_BLOCK = words("""
学校 院校 高校 母校 党校 军校 驾校 分校 名校 夜校 本校 该校 我校 全校 各校 在校 离校 返校 到校 入校 进校
城市 超市 都市 股市 上市 夜市 门市 集市 楼市 早市 闹市 花市 菜市 黑市 街市 开市 罢市 鱼市
县市 省市 区市 郡县 州县 市县 区县 各县 本省 外省 全省 各省 节省 反省 行省 社区 城区 园区
景区 山区 地区 辖区 小区 片区 校区 街区 农区 牧区 灾区 新区 老区 矿区 林区 湾区 特区 禁区
误区 分区 郊区 厂区 县区 市区 乡镇 城镇 村镇 集镇 重镇 坐镇 古镇 小镇 市镇 城乡 家乡 故乡
老乡 下乡 返乡 回乡 他乡 异乡 同乡 镇乡 县乡 乡村 农村 山村 新村 渔村 村村 全村 本村 该村
进村 驻村 神州 市州 全市 全县 全区 全州 全镇 全乡 各市 各区 各州 各镇 各乡 各村 我市 我县
我区 我省 我州 我镇 我乡 我村 本市 本县 本区 该市 该县 该区 该镇 该乡 每村 每县 每市
""")

# National / party prefixes that open a body name
BODY_OPENERS = ("中共", "中国共产党", "中国", "全国", "中华全国", "国家", "中央", "共青团", "民革", "民盟",
                "民建", "民进", "农工党", "致公党", "九三学社", "台盟")

# ---- words that bound names on the left ----------------------------------------------------
# A body or honor name never extends to the left over these (verbs and prepositions that
# govern the name in the genre's sentences).
LEFT_STOPS = words("""
改善 加快 扩大 提高 提振 减轻 推进 实施 促进 保障 优化 加大 发展 建设 落实 推广 强化 规范 整治 治理 稳定 增加 减少 保护 改革 创新 做好 抓好 办好 用好 管好 坚持 实现 构建 指导 推荐 对接 带动 联合 携手 协调 组织 依托 通过 邀请 表彰 授予 支持 帮助 走进 走访 慰问
深入 来到 参观 考察 调研 成立 举办 召开 开展 命名 推选 获评 荣获 评为 获得 入选 创建 会同
联手 牵头 督促 推动 引导 鼓励 动员 发动 协助 配合 帮扶 结对 对口 签约 签订 捐赠 捐助 资助
赞助 设立 发布 主办 承办 协办 联办 共建 投资 引进 入驻 落户 包括 其中 以及 还有 作为 位于
来自 所在 依靠 借助 利用 推介 写入 纳入 提交 报送 上报 下发 印发 转发 出台 制定 联系 对接
走进 进入 前往 带领 率领 引领 赴 向 与 和 及 同 跟 由 被 在 到 于 对 为 以 从 给 让 把 将 是 有 等
的 了 着 过 共 都 也 还 并 又 再 即 就 各 该 本 我 其 此 这 那 获 选 建 经 据 自 至
如 或 且 但 因 随 兼 任 向 据 受 请 带 率 进 入 出 参加 参与 出席 颁发 颁奖 评选 选树
培育 打造 建成 建立 新建 组建 成为 担任 当选 举行 启动 承接 申报 认定 确定 涌现 培养 成功
率先 内含 设有 含有 包含 围绕 盘活 巩固 深化 提升 增强 凝聚 新建 推出 加强 完善 健全 发挥
积极 主动 分别 共同 一起 一同 先后 相继 均 全部 已经 已 正在 首次 首批 荣登 跻身 进驻 尽管 做 去
聚焦 部分 个别 相关 周边 附近 其他 所有 多个
""")

# Words opened by a one-character LEFT_STOP that do not end a name on the left: 就 is a stop
# (就是), but 市就业服务中心 keeps 就业.
STOP_WORDS_INSIDE = words("""
就业 就医 建设 经济 经信 经贸 经开 经营 自然 自治 出入 进出 为民 为老 共建 共享 共青 和平 同心
对外 对口 入境 出境 出口 至善 随州
""")

# Measure words after numbers (51名, 12个): a name never crosses them
MEASURE = set("个名位户家项届次批支所座条件人期场篇家")

# ---- posts --------------------------------------------------------------------------------
POSTS = words("""
书记 副书记 党组书记 党组副书记 党委书记 党委副书记 党工委书记 党支部书记 党总支书记 第一书记
驻村第一书记 纪委书记 主席 副主席 常务副主席 专职副主席 兼职副主席 挂职副主席 执行主席 名誉主席 主任
副主任 常务副主任 专职副主任 局长 副局长 厅长 副厅长 处长 副处长 科长 副科长 部长 副部长 省长
副省长 常务副省长 市长 副市长 常务副市长 县长 副县长 常务副县长 区长 副区长 镇长 副镇长 乡长
副乡长 村长 主委 副主委 秘书长 副秘书长 委员 常委 常务委员 党组成员 党委委员 执委 常委委员 院长
副院长 检察长 副检察长 庭长 副庭长 审判长 审判员 法官 检察官 所长 副所长 站长 副站长 馆长 校长
副校长 园长 总经理 副总经理 经理 项目经理 项目负责人 董事长 副董事长 董事 理事长 副理事长 会长 副会长 执行会长 社长
副社长 总编辑 副总编辑 主编 副主编 记者 首席记者 特约记者 见习记者 本报记者 通讯员 特约通讯员
责任编辑 值班编辑 编辑 审核 审校 校对 美编 摄影 监制 总监 团长 队长 组长 副组长 主任医师
副主任医师 主治医师 医师 护士长 教授 副教授 讲师 研究员 副研究员 助理研究员 调研员 一级调研员
二级调研员 三级调研员 四级调研员 巡视员 督学 网格员 专干 妇女主任 支书 村支书 村主任 人大代表
政协委员 党代表 理事 监事 监事长 秘书 干事 辅导员 班主任 教师 老师 律师 工程师 高级工程师 农艺师
高级农艺师 经济师 高级经济师 会计师 高级会计师 畜牧师 高级畜牧师 兽医师 高级教师 一级教师 二级教师
特级教师 研究馆员 馆员 技师 高级技师 创始人 负责人 法定代表人 主任委员 副主任委员 总工程师 总会计师
责编 撰稿 实习生 科员 办事员 技术员 助理工程师 高级讲师 保育员 护师 主管护师 主任护师 副主任护师 药师 主管药师 主任药师
育婴师 育儿嫂 保育师 家政服务员 养老护理员 医生 护士 驾驶员 客服专员
副市长 党组书记 班长 副班长
州长 副州长 常务副州长 盟长 副盟长 旗长 副旗长 民警 辅警 社区民警
车队队长 中队长 副中队长 大队长 副大队长 家庭医生 乡村医生
""")
# 正高职高级农艺师; 常务副校长 (常务 ranks any deputy); 金牌育婴师, 首席技师 (a grade of the trade)
POST_PREFIXES = ("正高职", "副高职", "正高级", "副高级", "正高", "副高", "常务", "金牌", "首席")
BYLINE_POSTS = words("""
记者 首席记者 特约记者 见习记者 本报记者 通讯员 特约通讯员 责任编辑 值班编辑 编辑 审核 审校 校对
美编 摄影 监制 总编辑 主编 实习生 撰稿 文 图 作者 责编
""")

# ---- honors -------------------------------------------------------------------------------
# Heads that name a title on their own, with or without quotes (三八红旗手, 最美家庭)
HONOR_TITLES = expand(word_list("""
三八红旗手 三八红旗手标兵 三八红旗集体 巾帼建功标兵 巾帼建功先进集体 巾帼文明岗 巾帼标兵 巾帼英雄
巾帼创新示范 五一劳动奖章 五一劳动奖状 五一巾帼标兵 五一巾帼奖 工人先锋号 五四奖章 青年五四奖章
五四红旗团委 五四红旗团支部 优秀共青团员 优秀共青团干部 优秀共产党员 优秀党务工作者 优秀党员 优秀团干部
优秀志愿者 优秀妇联干部 优秀妇联执委 先进集体 先进个人 先进工作者 先进单位 先进基层党组织 劳动模范
全国劳模 道德模范 身边好人 中国好人 湖湘好人 时代楷模 最美家庭 文明家庭 五好家庭 书香家庭 美丽家庭
绿色家庭 平安家庭 廉洁家庭 和谐家庭 最美庭院 美丽庭院 干净人家 最美妇联人 最美巾帼奋斗者 最美女性
最美母亲 最美志愿者 最美科技工作者 最美乡村教师 最美村官 最美人物 文明单位 文明村镇 文明校园 卫生城市
文明城市 示范家庭 红旗手 标兵 建功标兵 青年文明号 巾帼建功示范岗
最美巾帼志愿者 优秀巾帼志愿者 巾帼文明示范岗
"""))
# Heads that name a thing as well as a title (示范基地, 二等奖): honors only in an award frame
HONOR_THINGS = expand(word_list("""
示范基地 脱贫示范基地 巾帼示范基地 示范村 示范户 示范岗 示范单位 示范社区 示范园 示范点 示范企业
示范合作社 一等奖 二等奖 三等奖 特等奖 优秀奖 金奖 银奖 铜奖 最佳组织奖 组织奖 优秀组织奖 一等功
二等功 三等功 荣誉称号 人才 能手 之星 模范 带头人 女杰 巾帼 英才 奖章 奖
"""))
# Award verbs: what comes before a conferred title
AWARD_VERBS = word_list("""
荣获 获评 获得 喜获 获颁 获授 摘得 斩获 夺得 荣膺 获 被评为 评为 被评选为 评选为 被授予 授予
被表彰为 表彰为 被推选为 推选为 被命名为 命名为 入选 当选为 当选 被确定为 确定为 被认定为 认定为
成功创建 创建 评上 荣登 被授予了 获得了 荣获了
""")
# After a quoted title
HONOR_AFTER = ("荣誉称号", "光荣称号", "称号", "荣誉", "奖牌", "奖杯", "证书", "荣誉证书")
# After a quote: the quote names an activity, campaign, competition, project, not a title
ACTIVITY_AFTER = ("活动", "行动", "主题", "系列", "故事", "展播", "大赛", "比赛", "竞赛", "工程", "计划", "项目",
                  "宣讲", "直播", "品牌", "工作", "专项", "行", "赛", "节", "论坛", "讲堂", "课堂", "会", "创建活动",
                  "读书会", "学习小组", "帮帮团", "联盟", "微家", "之家", "平台", "热线", "服务", "志愿", "进",
                  "巡讲", "培训", "公益", "创投", "展示", "展销", "晚会", "座谈", "体系", "制度", "机制", "模式",
                  "班", "营", "站点", "示范点", "发布活动", "发布会", "发布仪式", "创建")
# After a title: the ceremony that confers it (“某市青年五四奖章”颁授仪式, 劳动模范表彰大会);
# the title is then part of the ceremony's name, where nothing is annotated
CEREMONY_AFTER = ("表彰大会", "表彰会", "表彰仪式", "颁授仪式", "颁奖仪式", "颁奖典礼", "颁奖大会",
                  "授牌仪式", "命名仪式")
ACTIVITY_AFTER += CEREMONY_AFTER
# Inside a quote, after a title: the quote names an activity (“最美家庭故事汇”巡回宣讲)
ACTIVITY_INSIDE = ("故事汇", "故事会", "宣讲", "宣讲会", "评选", "评选活动", "表彰大会", "表彰会", "颁奖典礼",
                   "活动", "大赛", "比赛", "竞赛", "展播", "分享会", "报告会", "座谈会", "晚会", "论坛", "培训班",
                   "寻访", "征集")
LEVEL_WORDS = ("国家级", "省级", "市级", "县级", "区级", "州级", "乡级", "镇级", "村级", "部级", "全国", "国家")

# ---- events -------------------------------------------------------------------------------
EVENT_TRIGGERS = word_list("""
参加 出席 开展 启动 召开 举办 举行 调研 成立 竣工启用 竣工 启用 揭牌 开幕 闭幕 开班 开营 表彰
授予 组织 签约 签订 慰问 走访 看望 培训 考察 视察 检查 督导 座谈 会见 主持 发布 颁发 颁奖
授牌 挂牌 落成 投用 开通 上线 开业 召集 推出 举行了 开展了 召开了 参观 观摩 宣讲 捐赠 发放
部署 启航 开工 奠基 调研了 出台 印发 建成
""")
EVENT_SUBJECT_VERBS = ("成立", "竣工启用", "竣工", "启用", "揭牌", "开幕", "闭幕", "开班", "开营", "落成", "投用",
                       "开通", "上线", "开业", "启航", "开工", "奠基")
PLACE_PREPS = ("到", "在", "赴", "于", "前往", "来到", "走进", "深入")

# Words that end in a one-character body suffix but are not bodies (举办, 格局, 干部 …):
# (previous char + suffix)
SUFFIX_WORDS = words("""
举办 承办 主办 协办 创办 合办 开办 兴办 督办 操办 包办 筹办 代办 试办 查办 交办 领办 帮办 联办 经办 申办 民办 公办
停办 格局 布局 大局 开局 当局 结局 骗局 时局 全局 变局 新局 败局 僵局 饭局 全部 内部 外部 干部 局部 东部 西部 南部
北部 中部 腹部 头部 底部 顶部 基部 大厅 客厅 餐厅 展厅 门厅 舞厅 庭院 宅院 大院 剧院 影院 戏院 寺院 场所 住所 处所
厕所 车站 网站 驿站 兵站 团队 排队 军队 部队 梯队 插队 球队 乐队 车队 场馆 展馆 学科 专科 本科 内科 外科 工科 理科
文科 预科 儿科 妇科 牙科 眼科 到处 好处 四处 各处 深处 益处 难处 长处 短处 相处 住处 出处 远处 近处 用处 此处 一处
两处 多处 家庭 法庭 开庭 宫廷 委托 主委 常委 编委 村委
""")
# Role nouns after which a name may stand (职工张建国荣获…)
ROLE_NOUNS = ("职工", "员工", "村民", "居民", "党员", "干部", "教师", "老师", "学生", "志愿者", "医生", "护士", "民警",
              "农民", "妇女", "代表", "选手", "队员", "社员", "会员", "主播", "店主", "户主", "同学", "家长", "母亲",
              "女士", "先生", "工人", "技师", "讲师", "律师", "法官", "检察官", "辅警", "村医", "乡贤", "能人",
              "青年", "创业者", "求职者", "劳模", "团员", "少年", "儿童", "学员", "患者", "老人", "村干部",
              "网格员", "快递员", "骑手", "新党员", "老党员", "获得者", "大户")
# The role nouns after which a name may stand whatever verb follows (老党员王满仓家中): the
# ones that are rarely followed by anything but a name in the genre.
ROLE_NOUNS_NAMING = ("老党员", "新党员", "村民", "居民", "职工", "青年", "创业者", "求职者", "劳模", "团员",
                     "志愿者", "获得者", "网格员", "村干部", "代表", "学员")
# Characters that do not end a three-character name read by default (李辉上周, 罗斯将带领)
NOT_NAME_LAST = set("上下本今昨明前后在是将已也就都还又才被把让说讲等和与及向对从为于能可会要")

# Words after which a name at a clause start is a speaker or actor (王海峰介绍, 章慧敏在报告中):
# the genre's reporting verbs. Weaker one-character followers (到, 在) are not enough alone.
SPEECH_FOLLOW = words("""
表示 指出 强调 介绍 说道 讲话 致辞 回顾 分享 讲述 发言 表态 点评 坦言 感慨 告诉 透露 主持
带领 带队 率队 要求 希望 建议 提出 认为 勉励 寄语 在讲话中 在报告中 在致辞中 在会上 一行 同志 等人 来自
""")
