"""Builds tests/data/blind3.jsonl: a third blind evaluation set, written and annotated before kg
ever ran on it (heldout, blind and blind2 are now used for tuning, so they are no longer unseen).

Six new articles from provinces and cities no earlier file uses: a Hebei county 妇联 三八
commendation (Tangshan, Qianxi), a Shandong 团市委 五四 medal ceremony (Weifang), a Jilin county-
level city 总工会 labour-model meeting with no publication date (Yanbian, Yanji), a Xinjiang
township 妇联 courtyard-economy feature (Ili, Yining county), a Fujian city 最美家庭 announcement
(Quanzhou) and a Hubei district government flood-season inspection (Xiangyang, Xiangzhou).
All text is written for this file; people, companies and villages are invented.
Annotation follows /work/shared/gold/README.md. Offsets come from inline markup, never from
hand counting:

    {L:text}          a mention; L is P PERSON, O ORG, G GPE, T POST, H HONOR, D DATE
    {D:text=value}    a DATE with its ISO value ("null" where a careful reader cannot tell)

Run: cd tests/data && python build_blind3.py  (rewrites blind3.jsonl next to this file)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

QUOTES = "“”「」《》\"'‘’"
from markup import ISO, LABELS, parse  # run as a script from tests/data


def _covered(ms: list[dict], start: int, end: int) -> bool:
    return any(m["start"] <= start and end <= m["end"] for m in ms)


def validate(d: dict) -> None:
    text, ms = d["text"], d["mentions"]
    assert 500 <= len(text) <= 1500, (d["id"], len(text))
    last_end = -1
    for m in sorted(ms, key=lambda m: m["start"]):
        assert m["label"] in LABELS.values()
        assert text[m["start"]:m["end"]] == m["text"], m
        assert m["text"] == m["text"].strip() and m["text"], m
        assert m["start"] >= last_end, ("overlap", m)
        last_end = m["end"]
        if m["label"] == "HONOR":
            assert not any(q in m["text"] for q in QUOTES), m
    # A name annotated once must be annotated everywhere it recurs (an easy slip when writing
    # markup by hand); ORG strings of 3+ chars likewise, unless they sit inside a longer span.
    for lab in ("PERSON", "ORG"):
        for s in {m["text"] for m in ms if m["label"] == lab and len(m["text"]) >= 2}:
            if lab == "ORG" and len(s) < 3:
                continue
            for hit in re.finditer(re.escape(s), text):
                inside_quotes = text.rfind("“", 0, hit.start()) > text.rfind("”", 0, hit.start())
                if not inside_quotes and not text[:hit.start()].endswith("《"):
                    assert _covered(ms, hit.start(), hit.end()), (d["id"], lab, s, hit.start())
    names = {m["text"] for m in ms if m["label"] == "PERSON"}
    for p in d["posts"]:
        assert p["person"] in names, p
        posts_here = {m["text"] for m in ms if m["label"] == "POST"}
        assert any(q in posts_here for q in p["post"].split("|")), p
    for e in d["events"]:
        assert ISO.match(e["date"]), e
        dates = {m["value"] for m in ms if m["label"] == "DATE"}
        assert e["date"] in dates, e
        for a in e["agents"]:
            if "|" not in a and len(a) <= 4:
                assert a in names, (d["id"], a)
    honors = {m["text"] for m in ms if m["label"] == "HONOR"}
    for a in d["awards"]:
        assert any(h in honors for h in a["honor"].split("|")), a
        r = a["recipient"]
        if r.endswith("家庭"):
            assert r[:-2] in names, r
        elif "|" not in r and len(r) <= 4:
            assert r in names, r


def alts(prefixes: list[str], *forms: str) -> str:
    """Every prefix × form: the locality-qualified names a reader would accept."""
    return "|".join(p + f for f in forms for p in prefixes)


def cpc(prefixes: list[str], suffix: str = "委") -> str:
    """A Party committee (or one of its departments) with and without 中共."""
    return alts(prefixes, suffix) + "|" + alts(["中共" + p for p in prefixes], suffix)


def gov(prefixes: list[str]) -> str:
    return alts(prefixes, "人民政府", "政府")


def npc(prefixes: list[str]) -> str:
    return alts(prefixes, "人大常委会", "人民代表大会常务委员会")


DOCS: list[dict] = []


def doc(id_: str, published: str | None, source: str, src: str, posts, awards, events) -> None:
    text, mentions = parse(src.strip("\n"))
    meta = {"source": source}
    if published:
        meta["published"] = published
    d = {"id": id_, "text": text, "meta": meta, "mentions": mentions,
         "posts": [{"person": p, "post": q, "org": o} for p, q, o in posts],
         "awards": [dict(recipient=r, honor=h, **({"year": y} if y else {}))
                    for r, h, y in awards],
         "events": [{"date": dt, "agents": a, "name": nm, "place": pl}
                    for dt, a, nm, pl in events]}
    validate(d)
    DOCS.append(d)


# ---- 1. Hebei, Tangshan, Qianxi county women's federation: 三八 commendation (WeChat) -------
QX = ["迁西县", "唐山市迁西县"]
qx_fl = alts(QX, "妇联", "妇女联合会")
doc("blind3-qianxi-fulian-38", "2024-03-11", "county women's federation (WeChat)", """
{O:迁西县妇联}召开庆祝“三八”国际妇女节暨表彰大会

{D:3月8日=2024-03-08}上午，{O:迁西县妇联}在{O:县委党校}报告厅召开庆祝“三八”国际妇女节暨表彰大会。{O:县委}{T:副书记}、{T:县长}{P:高振宇}，{O:县委}{T:常委}、{O:宣传部}{T:部长}{P:孟雅静}，{O:县政协}{T:副主席}{P:刘桂芝}出席会议，{O:县妇联}{T:党组书记}、{T:主席}{P:杜红霞}主持会议。

会上，{P:孟雅静}宣读了《关于表彰全县三八红旗手（集体）和最美家庭的决定》。{P:周丽娜}、{P:韩秀云}、{P:李海燕}等30名同志被授予“{H:迁西县三八红旗手}”称号，{O:迁西县人民医院妇产科}等10个集体被授予“{H:迁西县三八红旗集体}”称号，{G:三屯营镇}{P:王立新}家庭、{G:洒河桥镇}{P:赵淑敏}家庭等20户家庭被评为“{H:迁西县最美家庭}”。

受表彰代表、{O:迁西县板栗产业协会}{T:副会长}{P:周丽娜}作交流发言。{D:2016年=2016}，她带领{G:汉儿庄乡}40余名留守妇女成立板栗加工合作社，开发糖炒栗仁、板栗酥等产品，年销售额突破800万元。{D:2022年=2022}，她被{O:全国妇联}授予“{H:全国巾帼建功标兵}”称号。

{P:高振宇}在讲话中指出，广大妇女是推动全县高质量发展的重要力量，各级妇联组织要团结引领妇女在乡村振兴、基层治理、家庭建设中建功立业，努力为妇女儿童办实事、解难题。

{P:杜红霞}表示，{D:今年=2024}，{O:县妇联}将持续开展“栗乡巾帼 创业创新”行动，{D:4月下旬=2024-04-21/2024-04-30}联合{O:县人社局}在{G:兴城镇}举办春季女性专场招聘会，并在全县开展家庭教育指导服务进社区、进学校活动，进一步擦亮“迁西巾帼”品牌。

{T:记者} {P:李晨阳} {T:通讯员} {P:郑薇}
{T:责任编辑}：{P:刘敏}
""",
    posts=[("高振宇", "副书记", cpc(QX)), ("高振宇", "县长", gov(QX)),
           ("孟雅静", "常委", cpc(QX)), ("孟雅静", "部长", cpc(QX, "委宣传部")),
           ("刘桂芝", "副主席", alts(QX, "政协") + "|" + alts(["政协"], *[q + "委员会" for q in QX])),
           ("杜红霞", "党组书记", qx_fl), ("杜红霞", "主席", qx_fl),
           ("周丽娜", "副会长", alts(["", "唐山市"], "迁西县板栗产业协会")),
           ("李晨阳", "记者", None), ("郑薇", "通讯员", None), ("刘敏", "责任编辑", None)],
    awards=[(p, "迁西县三八红旗手", None) for p in ["周丽娜", "韩秀云", "李海燕"]]
    + [(alts(["", "唐山市"], "迁西县人民医院妇产科"), "迁西县三八红旗集体", None),
       ("王立新家庭", "迁西县最美家庭", None), ("赵淑敏家庭", "迁西县最美家庭", None),
       ("周丽娜", "全国巾帼建功标兵", 2022)],
    events=[("2024-03-08", [qx_fl, "高振宇", "孟雅静", "刘桂芝", "杜红霞"],
             "庆祝“三八”国际妇女节暨表彰大会", alts(QX, "委党校") + "|县委党校"),
            ("2024-04-21/2024-04-30", [qx_fl, alts(QX, "人社局", "人力资源和社会保障局")],
             "春季女性专场招聘会", alts(["", "迁西县"], "兴城镇"))])

# ---- 2. Shandong, Weifang Youth League city committee: 五四 medal ceremony (city news) ------
WF = ["潍坊市"]
wf_tw = "共青团潍坊市委|团潍坊市委|潍坊团市委|潍坊市团委|共青团潍坊市委员会"
sd_tw = "共青团山东省委|团山东省委|山东团省委|山东省团委|共青团山东省委员会"
doc("blind3-weifang-tuanshiwei-wusi", "2023-05-05", "city news site", """
我市举行纪念五四运动104周年暨“潍坊青年五四奖章”颁授仪式

{D:5月4日=2023-05-04}下午，{O:共青团潍坊市委}在{O:潍坊市青少年宫}举行纪念五四运动104周年暨“潍坊青年五四奖章”颁授仪式。{O:市委}{T:副书记}{P:孙立群}出席并讲话，{O:市委}{T:常委}、{T:秘书长}{P:徐海涛}，{T:副市长}{P:郭文静}，{O:团省委}{T:副书记}{P:高晓峰}出席。{O:团市委}{T:书记}{P:宋佳}主持仪式。

仪式上，{P:张凯}、{P:刘晓彤}、{P:马振华}等10名青年被授予“{H:潍坊青年五四奖章}”，{O:潍坊市人民医院急诊科团支部}等5个团组织被授予“{H:潍坊青年五四奖章集体}”，{P:王梓涵}等20人被评为“{H:潍坊市优秀共青团员}”，{P:李航}等15人被评为“{H:潍坊市优秀共青团干部}”。

获奖青年代表、{O:潍坊恒信动力科技有限公司}{T:高级工程师}{P:张凯}发言。他带领平均年龄29岁的研发团队，攻克了大功率柴油机降噪关键技术，获得国家发明专利11项，{D:2021年=2021}获评“{H:山东省青年岗位能手}”。{P:刘晓彤}是{G:寿光市}的一名“新农人”，通过直播销售蔬菜带动周边200多户农民增收。

{P:孙立群}在讲话中指出，全市广大青年要坚定理想信念，勇担时代使命，在推进现代化强市建设中挥洒青春汗水。各级团组织要聚焦青年所需，持续为青年成长成才搭建平台。

{P:宋佳}介绍，{D:4月中旬=2023-04-11/2023-04-20}，{O:团市委}联合{O:市教育局}在{G:青州市}启动“青春心向党·建功新时代”主题团日活动，全市1.2万个团支部参与。{D:5月下旬=2023-05-21/2023-05-31}，{O:团市委}还将举办“潍坊市第三届青年创新创业大赛”，为青年创业项目提供路演、融资对接等服务。活动情况被《{O:大众日报}》《{O:潍坊日报}》等媒体报道。

{T:记者} {P:于海洋}
{T:编辑}：{P:陈雪}  {T:审核}：{P:宋佳}
""",
    posts=[("孙立群", "副书记", cpc(WF)),
           ("徐海涛", "常委", cpc(WF)), ("徐海涛", "秘书长", cpc(WF)),
           ("郭文静", "副市长", gov(WF)),
           ("高晓峰", "副书记", sd_tw), ("宋佳", "书记", wf_tw),
           ("张凯", "高级工程师", "潍坊恒信动力科技有限公司"),
           ("于海洋", "记者", None), ("陈雪", "编辑", None), ("宋佳", "审核", None)],
    awards=[(p, "潍坊青年五四奖章", 2023) for p in ["张凯", "刘晓彤", "马振华"]]
    + [("潍坊市人民医院急诊科团支部", "潍坊青年五四奖章集体", 2023),
       ("王梓涵", "潍坊市优秀共青团员", 2023), ("李航", "潍坊市优秀共青团干部", 2023),
       ("张凯", "山东省青年岗位能手", 2021)],
    events=[("2023-05-04", [wf_tw, "孙立群", "徐海涛", "郭文静", "高晓峰", "宋佳"],
             "纪念五四运动104周年暨“潍坊青年五四奖章”颁授仪式", "潍坊市青少年宫"),
            ("2023-04-11/2023-04-20", [wf_tw, alts(WF, "教育局")],
             "“青春心向党·建功新时代”主题团日活动", alts(["", "潍坊市"], "青州市")),
            ("2023-05-21/2023-05-31", [wf_tw], "潍坊市第三届青年创新创业大赛", None)])

# ---- 3. Jilin, Yanbian, Yanji city federation of trade unions (undated repost) ---------------
YJ = ["延吉市"]
yj_zgh = alts(YJ, "总工会")
doc("blind3-yanji-zonggonghui-laomo", None, "city media centre (repost, undated)", """
{O:延吉市总工会}表彰一批“五一”先进典型

近日，{O:延吉市总工会}召开庆祝“五一”国际劳动节暨先进典型表彰大会。{O:市委}{T:常委}、{O:市总工会}{T:主席}{P:金成浩}出席并讲话，{O:市总工会}{T:常务副主席}{P:朴美兰}宣读表彰决定。

{O:延边恒泰建筑工程有限公司}{T:项目经理}{P:崔东旭}、{O:延吉市中医医院}{T:护士长}{P:李春花}、{O:依兰镇春兴村党支部}{T:书记}{P:许龙哲}等12人荣获“{H:延吉市五一劳动奖章}”，{O:延吉市公共交通集团有限公司}等3个单位荣获“{H:延吉市五一劳动奖状}”，{O:延吉市自来水公司水质检测班组}等5个班组被授予“{H:延吉市工人先锋号}”称号。

{P:崔东旭}从事建筑施工管理工作18年，带领团队完成了多个重点民生工程。{D:2023年10月=2023-10}，他参加全省建筑行业职工技能大赛，获得砌筑工项目{H:一等奖}。{P:李春花}扎根护理岗位20余年，在疫情防控中主动请缨，{D:2022年=2022}被{O:吉林省总工会}授予“{H:吉林省五一巾帼标兵}”称号。{P:许龙哲}带领{G:春兴村}发展苹果梨种植和民宿产业，村集体收入由不足5万元增长到{D:去年=null}的42万元。

{P:金成浩}强调，各级工会要大力弘扬劳模精神、劳动精神、工匠精神，深入开展劳动和技能竞赛，让劳动光荣、创造伟大在全社会蔚然成风。

{P:朴美兰}介绍，{O:市总工会}{D:去年=null}投入资金160余万元，在全市建成“职工之家”和户外劳动者服务站点32个。{D:今年5月=null}起，{O:市总工会}将联合{O:延吉市人民医院}为一线职工开展免费健康体检。

来源：{O:延吉市融媒体中心}
{T:通讯员}：{P:金英子}
{T:编辑}：{P:韩雪}
""",
    posts=[("金成浩", "常委", cpc(YJ)), ("金成浩", "主席", yj_zgh),
           ("朴美兰", "常务副主席", yj_zgh),
           ("崔东旭", "项目经理", "延边恒泰建筑工程有限公司"),
           ("李春花", "护士长", alts(["", "延边州", "延边朝鲜族自治州"], "延吉市中医医院")),
           ("许龙哲", "书记", alts(["", "延吉市"], "依兰镇春兴村党支部")),
           ("金英子", "通讯员", None), ("韩雪", "编辑", None)],
    awards=[(p, "延吉市五一劳动奖章", None) for p in ["崔东旭", "李春花", "许龙哲"]]
    + [("延吉市公共交通集团有限公司", "延吉市五一劳动奖状", None),
       ("延吉市自来水公司水质检测班组", "延吉市工人先锋号", None),
       ("崔东旭", "一等奖", 2023),
       ("李春花", "吉林省五一巾帼标兵", 2022)],
    # The meeting is 近日 and the health checks start 今年5月 of an unknown year: no event.
    events=[("2023-10", ["崔东旭"], "全省建筑行业职工技能大赛", None)])

# ---- 4. Xinjiang, Ili, Yining county, a township women's federation (county WeChat) --------
YN = ["伊宁县", "伊犁州伊宁县", "伊犁哈萨克自治州伊宁县"]
yn_fl = alts(YN, "妇联", "妇女联合会")
yl_fl = alts(["伊犁州", "伊犁哈萨克自治州"], "妇联", "妇女联合会")
kl_fl = alts(["", "伊宁县"], "喀拉亚尕奇乡妇联", "喀拉亚尕奇乡妇女联合会")
KL = alts(["", "伊宁县"], "喀拉亚尕奇乡")
doc("blind3-yining-kala-tingyuan", "2024-07-02", "county media centre (WeChat)", """
{G:喀拉亚尕奇乡}：小庭院鼓起农家妇女“钱袋子”

{D:6月26日=2024-06-26}，{O:伊犁州妇联}{T:副主席}{P:阿依古丽·买买提}一行到{G:伊宁县喀拉亚尕奇乡}调研妇女发展庭院经济情况，{O:伊宁县妇联}{T:党组书记}、{T:主席}{P:王晓燕}陪同调研。

在{G:托格拉克村}村民{P:古丽米拉·艾力}家的小院里，一排排辣椒、豇豆长势喜人，鸽舍里养着300多只肉鸽。“以前院子里堆满杂物，现在一年能多挣3万多元。”{P:古丽米拉·艾力}笑着说。{D:2023年=2023}，{P:古丽米拉·艾力}家庭被评为“{H:伊犁州最美家庭}”。

{O:喀拉亚尕奇乡妇联}{T:主席}{P:李红梅}介绍，{D:3月至6月=2024-03/2024-06}，{O:乡妇联}联合{O:伊宁县农业农村局}开展“庭院经济巾帼行”技能培训12场，培训妇女860余人次。目前，全乡已有420户家庭发展庭院经济，户均增收4000余元。{D:去年=2023}，{O:喀拉亚尕奇乡妇联}被{O:伊犁州妇联}评为“{H:全州妇联工作先进集体}”。

{P:阿依古丽·买买提}对{G:喀拉亚尕奇乡}的做法给予肯定。她指出，各级妇联组织要把发展庭院经济作为服务妇女就业增收的重要抓手，因地制宜培育特色产业，帮助妇女拓宽销售渠道。

据悉，{D:7月上旬=2024-07-01/2024-07-10}，{O:伊宁县妇联}将在{G:喀拉亚尕奇乡}举办首届庭院经济产品展销会，邀请电商平台和商超企业现场对接，进一步打响“伊宁巧娘”品牌。

来源：{O:伊宁县融媒体中心}
{T:通讯员}：{P:努尔兰·哈斯木} {P:张玉洁}
""",
    posts=[("阿依古丽·买买提", "副主席", yl_fl),
           ("王晓燕", "党组书记", yn_fl), ("王晓燕", "主席", yn_fl),
           ("李红梅", "主席", kl_fl),
           ("努尔兰·哈斯木", "通讯员", None), ("张玉洁", "通讯员", None)],
    awards=[("古丽米拉·艾力家庭", "伊犁州最美家庭", 2023),
            (kl_fl, "全州妇联工作先进集体", 2023)],
    events=[("2024-06-26", [yl_fl, "阿依古丽·买买提", yn_fl, "王晓燕"],
             "调研妇女发展庭院经济情况", KL),
            ("2024-03/2024-06", [kl_fl, alts(YN, "农业农村局")],
             "“庭院经济巾帼行”技能培训", None),
            ("2024-07-01/2024-07-10", [yn_fl], "首届庭院经济产品展销会", KL)])

# ---- 5. Fujian, Quanzhou city women's federation: 最美家庭 announcement (city news) ---------
QZ = ["泉州市"]
qz_fl = alts(QZ, "妇联", "妇女联合会")
qz_wmb = alts(QZ, "文明办", "精神文明建设办公室") + "|" + cpc(QZ, "委文明办")
doc("blind3-quanzhou-zuimei-jiating", "2023-05-16", "city news site", """
{O:泉州市妇联}揭晓{D:2023年度=2023}“{H:泉州市最美家庭}”

{D:5月15日=2023-05-15}上午，在“国际家庭日”到来之际，{O:泉州市妇联}、{O:市文明办}在{O:泉州市图书馆}联合举办“好家风 伴成长”家庭文化主题活动，现场揭晓{D:2023年度=2023}“{H:泉州市最美家庭}”名单。{O:市委}{T:常委}、{O:宣传部}{T:部长}{P:林志远}，{O:市人大常委会}{T:副主任}{P:黄丽萍}出席活动并为获奖家庭颁奖，{O:市妇联}{T:党组书记}、{T:主席}{P:蔡雅琴}致辞。

经过基层推荐、网络投票和专家评审，{G:晋江市}{P:许文彬}家庭、{G:南安市}{P:陈美玉}家庭、{G:惠安县}{P:曾阿兰}家庭等50户家庭获评“{H:泉州市最美家庭}”，{G:鲤城区}{P:王建国}家庭等10户家庭被评为“{H:泉州市书香家庭}”。

{P:陈美玉}是{O:南安市医院心内科}{T:主任医师}，丈夫是一名乡村教师。夫妻俩二十年如一日照顾瘫痪在床的婆婆，还利用休息时间下乡义诊。{D:2022年=2022}，{P:陈美玉}家庭荣获“{H:全国最美家庭}”称号。{P:曾阿兰}家庭三代同堂，家中几代女性传承惠安女服饰制作技艺，她本人{D:去年=2022}入选“{H:福建省巾帼建功标兵}”。

{P:蔡雅琴}在致辞中表示，家庭是社会的基本细胞，各级妇联组织要用好身边的榜样家庭，推动形成爱国爱家、相亲相爱、向上向善、共建共享的社会主义家庭文明新风尚。

据介绍，{D:6月至8月=2023-06/2023-08}，{O:市妇联}将联合{O:市教育局}在全市开展“家家幸福安康工程”家庭教育宣讲进社区活动，计划举办宣讲300场。活动当天，{O:泉州广播电视台}、《{O:泉州晚报}》等媒体进行了报道。

{T:记者} {P:吴晓婷} {T:通讯员} {P:苏婉清}
""",
    posts=[("林志远", "常委", cpc(QZ)), ("林志远", "部长", cpc(QZ, "委宣传部")),
           ("黄丽萍", "副主任", npc(QZ)),
           ("蔡雅琴", "党组书记", qz_fl), ("蔡雅琴", "主席", qz_fl),
           ("陈美玉", "主任医师", alts(["", "泉州市"], "南安市医院心内科", "南安市医院")),
           ("吴晓婷", "记者", None), ("苏婉清", "通讯员", None)],
    awards=[(f + "家庭", "泉州市最美家庭", 2023) for f in ["许文彬", "陈美玉", "曾阿兰"]]
    + [("王建国家庭", "泉州市书香家庭", 2023),
       ("陈美玉家庭", "全国最美家庭", 2022),
       ("曾阿兰", "福建省巾帼建功标兵", 2022)],
    events=[("2023-05-15", [qz_fl, qz_wmb, "林志远", "黄丽萍", "蔡雅琴"],
             "“好家风 伴成长”家庭文化主题活动", "泉州市图书馆"),
            ("2023-06/2023-08", [qz_fl, alts(QZ, "教育局")],
             "“家家幸福安康工程”家庭教育宣讲进社区活动", None)])

# ---- 6. Hubei, Xiangyang, Xiangzhou district government: flood-season inspection ----------
XZ = ["襄州区", "襄阳市襄州区"]
xz_fx = alts(XZ, "防汛抗旱指挥部", "防指")
doc("blind3-xiangzhou-fangxun-dudao", "2024-06-14", "district government portal", """
{P:杨建军}督导全区防汛备汛工作

{D:6月12日=2024-06-12}，{O:区委}{T:副书记}、{T:区长}{P:杨建军}带队督导全区防汛备汛工作，{O:区委}{T:常委}、{T:常务副区长}{P:周红}，{T:副区长}{P:何志刚}参加督导，{O:区水利局}、{O:区应急管理局}负责同志陪同。

{P:杨建军}一行先后来到{G:双沟镇}唐白河堤防、{G:张家集镇}红水河水库、{G:黄集镇}排涝泵站，实地查看堤防巡查、水库调度、物资储备和泵站运行情况，详细了解防汛责任人落实和应急预案修订情况。

{P:杨建军}强调，{D:5月下旬=2024-05-21/2024-05-31}以来，全区降雨明显偏多，各镇、各部门要坚决克服麻痹思想和侥幸心理，严格落实24小时值班和领导带班制度，加强对水库、堤防、山洪灾害易发区等重点部位的巡查，确保安全度汛。{P:何志刚}就做好汛期地质灾害隐患点排查和转移避险工作提出具体要求。

{D:6月上旬=2024-06-01/2024-06-10}，{O:区防汛抗旱指挥部}联合{O:区消防救援大队}在{G:龙王镇}开展防汛应急综合演练，300余名应急队员参加。{D:去年=2023}汛期，{O:襄州区应急管理局}被{O:湖北省应急管理厅}评为“{H:全省防汛抗旱先进集体}”，{O:龙王镇应急管理办公室}{T:主任}{P:罗德明}荣获“{H:湖北省防汛抗旱先进个人}”称号。

据了解，全区已储备编织袋12万条、救生衣3000件，组建镇村两级防汛抢险队伍86支。下一步，{O:区防汛抗旱指挥部}将根据雨情水情变化，适时启动应急响应。

来源：{O:襄州区融媒体中心}
{T:记者}：{P:王磊}
{T:编辑}：{P:马丽娟}  {T:审核}：{P:李斌}
""",
    posts=[("杨建军", "副书记", cpc(XZ)), ("杨建军", "区长", gov(XZ)),
           ("周红", "常委", cpc(XZ)), ("周红", "常务副区长", gov(XZ)),
           ("何志刚", "副区长", gov(XZ)),
           ("罗德明", "主任", alts(["", "襄州区", "襄阳市襄州区"], "龙王镇应急管理办公室", "龙王镇应急办")),
           ("王磊", "记者", None), ("马丽娟", "编辑", None), ("李斌", "审核", None)],
    awards=[(alts(XZ, "应急管理局"), "全省防汛抗旱先进集体", 2023),
            ("罗德明", "湖北省防汛抗旱先进个人", 2023)],
    events=[("2024-06-12", ["杨建军", "周红", "何志刚", alts(XZ, "水利局"), alts(XZ, "应急管理局")],
             "督导全区防汛备汛工作",
             alts(["", "襄州区"], "双沟镇", "张家集镇", "黄集镇")),
            ("2024-06-01/2024-06-10", [xz_fx, alts(XZ, "消防救援大队")], "防汛应急综合演练",
             alts(["", "襄州区"], "龙王镇"))])


def main() -> None:
    out = Path(__file__).with_name("blind3.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for d in DOCS:
        print(d["id"], len(d["text"]), "chars", len(d["mentions"]), "mentions",
              len(d["posts"]), "posts", len(d["awards"]), "awards", len(d["events"]), "events")


if __name__ == "__main__":
    main()
