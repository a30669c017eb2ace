"""Builds tests/data/blind2.jsonl: a second blind evaluation set, written and annotated before kg
ever ran on it (blind.jsonl and heldout.jsonl are now used for tuning, so they are no longer unseen).

Eight new articles from provinces neither earlier file uses: a Shanxi county 妇联 三八 meeting,
an Anhui county 团县委 youth-entrepreneur commendation (no publication date), a Hainan city
总工会 skills contest, a Ningxia township 妇联 feature (no publication date), a Qinghai county
组织部 training course, a Liaoning city 妇联 women's start-up contest, a Shanghai district
总工会 工匠 announcement and a Hunan district government spring-ploughing inspection.
All text is written for this file; people, companies and villages are invented.
Annotation follows /work/shared/gold/README.md. Offsets come from inline markup, never from
hand counting:

    {L:text}          a mention; L is P PERSON, O ORG, G GPE, T POST, H HONOR, D DATE
    {D:text=value}    a DATE with its ISO value ("null" where a careful reader cannot tell)

Run: python tests/data/build_blind2.py  (rewrites blind2.jsonl next to this file)
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


# ---- 1. Shanxi, Jinzhong, Pingyao county women's federation: 三八 meeting (WeChat) ----------
PY = ["平遥县", "晋中市平遥县"]
py_fl = alts(PY, "妇联", "妇女联合会")
doc("blind2-pingyao-fulian-38", "2024-03-09", "county women's federation (WeChat)", """
{O:平遥县妇联}召开纪念“三八”国际妇女节114周年暨表彰大会

{D:3月8日=2024-03-08}上午，{O:平遥县妇联}在{O:县融媒体中心}演播厅召开纪念“三八”国际妇女节114周年暨表彰大会。{O:县委}{T:副书记}{P:郭志刚}，{O:县委}{T:常委}、{O:组织部}{T:部长}{P:温丽华}，{T:副县长}{P:冀文斌}出席会议，{O:县妇联}{T:党组书记}、{T:主席}{P:任晓燕}主持会议。

会议宣读了《关于表彰2023年度平遥县三八红旗手（集体）和最美家庭的决定》。经各乡镇妇联推荐、{O:县妇联}评选，{P:雷玉梅}、{P:段春花}、{P:耿丽君}等20人被评为“{H:平遥县三八红旗手}”，{O:古陶镇卫生院}、{O:平遥县第二中学}等5个单位被评为“{H:平遥县三八红旗集体}”，{G:段村镇}{P:冯建国}家庭、{G:洪善镇}{P:梁秀英}家庭等10户家庭获评“{H:平遥县最美家庭}”。

受表彰代表{P:雷玉梅}作交流发言。她是{G:段村镇}的一名种植大户，{D:2018年=2018}返乡创办{O:平遥县玉梅农产品专业合作社}，带动周边130余名妇女就业，户均年增收1.2万元。{D:2023年=2023}，她还入选“{H:山西省巾帼建功标兵}”。

{P:郭志刚}在讲话中充分肯定了过去一年全县妇女工作取得的成绩，希望各级妇联组织聚焦中心大局，在推动乡村振兴、弘扬家庭美德、维护妇女儿童合法权益等方面展现更大作为。

{P:任晓燕}介绍，{D:去年=2023}，{O:县妇联}联合{O:县人社局}举办“巾帼家政”“推光漆技艺”等技能培训班16期，培训妇女1100余人次；{O:县妇联}被{O:晋中市妇联}授予“{H:晋中市巾帼文明岗}”称号。{D:今年=2024}，{O:县妇联}将深入开展“晋善晋美·巾帼建功”行动，{D:4月中旬=2024-04-11/2024-04-20}在{G:古陶镇}举办首届妇女手工创业产品展销会，为全县女性创业者搭建展示平台。

{T:记者} {P:王鹏飞} {T:通讯员} {P:闫丽}
{T:编辑}：{P:张倩}
{T:审核}：{P:任晓燕}
""",
    posts=[("郭志刚", "副书记", cpc(PY)),
           ("温丽华", "常委", cpc(PY)), ("温丽华", "部长", cpc(PY, "委组织部")),
           ("冀文斌", "副县长", gov(PY)),
           ("任晓燕", "党组书记", py_fl), ("任晓燕", "主席", py_fl),
           ("王鹏飞", "记者", None), ("闫丽", "通讯员", None), ("张倩", "编辑", None),
           ("任晓燕", "审核", None)],
    awards=[(p, "平遥县三八红旗手", 2023) for p in ["雷玉梅", "段春花", "耿丽君"]]
    + [(alts(["", "平遥县"], "古陶镇卫生院"), "平遥县三八红旗集体", 2023),
       ("平遥县第二中学", "平遥县三八红旗集体", 2023),
       ("冯建国家庭", "平遥县最美家庭", 2023), ("梁秀英家庭", "平遥县最美家庭", 2023),
       ("雷玉梅", "山西省巾帼建功标兵", 2023),
       (py_fl, "晋中市巾帼文明岗", 2023)],
    events=[("2024-03-08", [py_fl, "郭志刚", "温丽华", "冀文斌", "任晓燕"],
             "纪念“三八”国际妇女节114周年暨表彰大会", alts(PY, "融媒体中心") + "|县融媒体中心"),
            ("2024-04-11/2024-04-20", [py_fl], "首届妇女手工创业产品展销会",
             alts(["", "平遥县"], "古陶镇"))])

# ---- 2. Anhui, Lu'an, Jinzhai county Youth League committee (undated WeChat repost) -------
JZ = ["金寨县", "六安市金寨县"]
jz_tw = (alts(["共青团", "团"], "金寨县委") + "|共青团金寨县委员会|金寨县团委|金寨团县委"
         + "|共青团六安市金寨县委")
doc("blind2-jinzhai-tuanxianwei-chuangye", None, "county Youth League committee (WeChat repost)", """
青春建功大别山｜{O:团县委}表彰一批青年创业典型

近日，{O:共青团金寨县委}召开全县青年创业工作推进会暨表彰会，对在乡村振兴一线创业成绩突出的青年典型进行表彰。{O:团县委}{T:书记}{P:汪晨曦}主持会议，{O:县委}{T:常委}、{T:副县长}{P:储德胜}出席并讲话。

经{O:团县委}、{O:县人社局}、{O:县农业农村局}联合评选，{P:余小龙}、{P:詹文静}、{P:漆志强}等15名青年被授予“{H:金寨县十佳青年创业之星}”称号，{O:金寨县山里红茶叶专业合作社}等8家单位被评为“{H:金寨县青年创业示范基地}”。

{P:余小龙}是{G:金寨县天堂寨镇}人，{D:2019年=2019}大学毕业后放弃城市工作回乡，流转荒山种植猕猴桃300余亩，并通过直播带货将产品销往{G:上海}、{G:南京}等城市。{D:去年=null}，他的合作社销售额突破600万元，带动68户农户增收。他本人还被{O:团省委}授予“{H:安徽省青年岗位能手}”称号。{P:詹文静}是一名“90后”电商主播，她创办的{O:金寨县大别山优品电子商务有限公司}帮助留守妇女在家门口就业。

{D:2023年9月=2023-09}，{O:团县委}在{G:梅山镇}建成全县首个青年创业孵化基地，目前已入驻创业团队23个。相关经验被《{O:中国青年报}》《{O:安徽日报}》报道。

{P:储德胜}指出，各级团组织要当好青年创业的“引路人”和“服务员”，认真落实《金寨县青年返乡创业扶持办法》，在政策、资金、技术等方面为青年提供全方位支持。{D:今年6月=null}起，{O:团县委}将联合{O:金寨农商银行}推出“青创贷”专项产品，单户最高可贷50万元。

供稿：{O:团县委}
{T:编辑}：{P:胡玥}  {T:审核}：{P:汪晨曦}
""",
    posts=[("汪晨曦", "书记", jz_tw),
           ("储德胜", "常委", cpc(JZ)), ("储德胜", "副县长", gov(JZ)),
           ("胡玥", "编辑", None), ("汪晨曦", "审核", None)],
    awards=[(p, "金寨县十佳青年创业之星", None) for p in ["余小龙", "詹文静", "漆志强"]]
    + [(alts(["", "六安市"], "金寨县山里红茶叶专业合作社"), "金寨县青年创业示范基地", None),
       ("余小龙", "安徽省青年岗位能手", None)],
    # The meeting is 近日 and the loan product starts 今年6月 of an unknown year: no events.
    events=[("2023-09", [jz_tw], "建成全县首个青年创业孵化基地", alts(["", "金寨县"], "梅山镇"))])

# ---- 3. Hainan, Qionghai city federation of trade unions: workers' skills contest ----------
QH = ["琼海市"]
qh_zgh = alts(QH, "总工会")
qh_rs = alts(QH, "人社局", "人力资源和社会保障局")
doc("blind2-qionghai-zonggonghui-jineng", "2024-05-24", "city news site", """
“琼海市第三届职工职业技能大赛”落下帷幕

{D:5月20日至22日=2024-05-20/2024-05-22}，由{O:琼海市总工会}、{O:市人社局}主办，{O:琼海市职业技术学校}承办的“琼海市第三届职工职业技能大赛”举行。本次大赛设置电工、焊工、茶艺师、中式烹调师、育婴员5个比赛项目，吸引全市42家企事业单位的316名职工参赛。

{D:5月20日=2024-05-20}上午的开幕式上，{O:市委}{T:常委}、{O:市总工会}{T:主席}{P:陈家明}宣布大赛开幕，{O:市总工会}{T:党组书记}、{T:常务副主席}{P:吴清妹}致辞。{P:陈家明}指出，基层工会要当好职工技能成长的“娘家人”，让更多一线职工通过比武练兵脱颖而出。

经过三天激烈角逐，{O:琼海供电局}{P:林振华}获电工项目{H:一等奖}，{O:博鳌亚洲论坛国际会议中心}{P:黎春燕}获茶艺师项目{H:一等奖}，{O:琼海市嘉积中学}{P:郑国强}获中式烹调师项目{H:一等奖}，{P:符少娟}、{P:王家豪}等10人获{H:二等奖}。{P:林振华}、{P:黎春燕}、{P:郑国强}等5名项目第一名还由{O:琼海市总工会}授予“{H:琼海市五一劳动奖章}”称号。

“能在家门口的比赛里拿奖，是对我们茶艺人最好的鼓励。”{P:黎春燕}说，她将把比赛中学到的经验带回岗位，带好身边的年轻茶艺师。

{P:吴清妹}介绍，近年来，{O:市总工会}持续深化产业工人队伍建设改革，{D:2023年=2023}共培训职工4800余人次，{O:市总工会}被{O:海南省总工会}评为“{H:全省工会职工技能提升工作先进单位}”。{D:今年7月=2024-07}，{O:市总工会}将选派优秀选手参加{O:海南省总工会}举办的全省职工职业技能大赛。本次大赛情况被《{O:海南日报}》、{O:南海网}等媒体关注报道。

（{T:记者} {P:符小燕} {T:通讯员} {P:王海丽}）
""",
    posts=[("陈家明", "常委", cpc(QH)), ("陈家明", "主席", qh_zgh),
           ("吴清妹", "党组书记", qh_zgh), ("吴清妹", "常务副主席", qh_zgh),
           ("符小燕", "记者", None), ("王海丽", "通讯员", None)],
    awards=[(p, "一等奖", 2024) for p in ["林振华", "黎春燕", "郑国强"]]
    + [(p, "二等奖", 2024) for p in ["符少娟", "王家豪"]]
    + [(p, "琼海市五一劳动奖章", 2024) for p in ["林振华", "黎春燕", "郑国强"]]
    + [(qh_zgh, "全省工会职工技能提升工作先进单位", 2023)],
    events=[("2024-05-20/2024-05-22", [qh_zgh, qh_rs, "琼海市职业技术学校"],
             "琼海市第三届职工职业技能大赛", None),
            ("2024-05-20", [qh_zgh, "陈家明", "吴清妹"], "琼海市第三届职工职业技能大赛开幕式",
             None),
            ("2024-07", [qh_zgh, "海南省总工会"], "全省职工职业技能大赛", None)])

# ---- 4. Ningxia, Wuzhong, Litong district, Jinji town women's federation (undated feature) --
LT = ["利通区", "吴忠市利通区"]
jj_fl = alts(["", "利通区", "吴忠市利通区"], "金积镇妇联", "金积镇妇女联合会")
lt_fl = alts(LT, "妇联", "妇女联合会")
doc("blind2-litong-jinji-jiazheng", None, "district media centre feature (repost, undated)", """
{G:金积镇}：“巾帼家政”培训让农村妇女端上“技能碗”

“学会了育婴技能，现在一个月能挣六七千元，比以前打零工强多了！”说起这两年的变化，{G:吴忠市利通区金积镇新华桥村}村民{P:马玉兰}满脸笑容。

{D:今年6月=null}，{O:金积镇妇联}联合{O:利通区人社局}、{O:吴忠市家政服务协会}在镇里举办“巾帼家政”技能培训班，邀请专业老师教授母婴护理、养老护理、家居保洁等课程，全镇52名农村妇女参加培训，{P:马玉兰}就是其中之一。

{O:金积镇妇联}{T:主席}{P:丁晓霞}介绍，培训结束后，她们还与区内12家家政企业签订用工协议，目前已有37名学员实现就业。{D:2022年=2022}以来，{O:金积镇妇联}已累计培训农村妇女600余人次。{D:2023年=2023}，{O:金积镇妇联}被{O:自治区妇联}表彰为“{H:全区巾帼建功先进集体}”。

{D:9月中旬=null}，{O:利通区妇联}{T:党组书记}、{T:主席}{P:田秀芳}带队到{G:金积镇}调研“巾帼家政”品牌建设，{P:田秀芳}要求，要把家政培训与就业服务结合起来，让更多农村妇女实现“家门口”就业。

如今，{P:马玉兰}已成为{O:吴忠市巧姐家政服务有限公司}的{T:金牌育婴师}，她还带动同村6名姐妹加入家政行业。{P:马玉兰}家庭被评为“{H:利通区最美家庭}”，她本人获评“{H:吴忠市巾帼建功标兵}”。“妇联不光教我们手艺，还帮我们找到了活，真是咱农村妇女的‘娘家人’。”{P:马玉兰}说。

据了解，我区各级妇联组织将继续围绕妇女就业需求，开展订单式、定向式培训，助力乡村振兴。

来源：{O:利通区融媒体中心}
{T:通讯员}：{P:马丽} {P:杨静}
""",
    posts=[("丁晓霞", "主席", jj_fl),
           ("马玉兰", "金牌育婴师|育婴师", "吴忠市巧姐家政服务有限公司"),
           ("田秀芳", "党组书记", lt_fl), ("田秀芳", "主席", lt_fl),
           ("马丽", "通讯员", None), ("杨静", "通讯员", None)],
    awards=[(jj_fl, "全区巾帼建功先进集体", 2023),
            ("马玉兰家庭", "利通区最美家庭", None),
            ("马玉兰", "吴忠市巾帼建功标兵", None)],
    # 今年6月 and 9月中旬 have no recoverable year (no publication date, and 2023年 is told as
    # past), so the training and the inspection give no event.
    events=[])

# ---- 5. Qinghai, Haidong, Huzhu county Party organization department: training course ------
HZ = ["互助县", "互助土族自治县", "海东市互助县", "海东市互助土族自治县"]
hz_zzb = cpc(HZ, "委组织部")
hz_dx = cpc(HZ, "委党校")
SBT = ["", "丹麻镇", "互助县丹麻镇", "互助土族自治县丹麻镇"]
doc("blind2-huzhu-zuzhibu-peixun", "2023-04-17", "county government portal", """
互助县举办村（社区）党组织书记示范培训班

{D:4月11日至14日=2023-04-11/2023-04-14}，{O:互助县委组织部}在{O:县委党校}举办村（社区）党组织书记示范培训班，全县294个村（社区）党组织书记参加培训。

{D:4月11日=2023-04-11}上午举行的开班仪式上，{O:县委}{T:常委}、{O:组织部}{T:部长}{P:祁永红}作动员讲话，{O:县委组织部}{T:副部长}、{O:县委党校}{T:常务副校长}{P:李德元}主持。{P:祁永红}强调，村（社区）党组织书记是基层治理的“领头雁”，要在产业发展、乡村建设、矛盾化解中当好“主心骨”。

培训采取专题授课、现场教学、交流研讨相结合的方式，邀请{O:青海省委党校}{T:教授}{P:马晓梅}、{O:海东市委党校}{T:副教授}{P:赵文军}等专家授课，并组织学员赴{G:威远镇小庄村}、{G:丹麻镇索卜滩村}进行现场教学。

{O:丹麻镇索卜滩村党支部}{T:书记}{P:韩生福}结合本村发展土族盘绣产业的经验作了交流发言。{G:索卜滩村}{D:2022年=2022}被{O:农业农村部}评为“{H:全国乡村治理示范村}”，{P:韩生福}本人获评“{H:全省优秀党务工作者}”。

{D:4月13日=2023-04-13}下午，{O:县委}{T:副书记}、{T:县长}{P:李成林}到培训班看望学员，并与部分村党组织书记座谈交流。{P:李成林}希望大家珍惜学习机会，学用结合，把培训成果转化为推动乡村振兴的实际成效。

据悉，日前{O:县委组织部}印发了《互助县村（社区）党组织书记队伍建设三年行动方案》，{D:今年=2023}将分三批对全县村（社区）“两委”班子成员开展全覆盖轮训。

供稿：{O:互助县委组织部}
{T:编辑}：{P:祁海燕}
{T:审核}：{P:李德元}
""",
    posts=[("祁永红", "常委", cpc(HZ)), ("祁永红", "部长", hz_zzb),
           ("李德元", "副部长", hz_zzb), ("李德元", "常务副校长", hz_dx),
           ("马晓梅", "教授", cpc(["青海省"], "委党校")),
           ("赵文军", "副教授", cpc(["海东市"], "委党校")),
           ("韩生福", "书记", alts(SBT, "索卜滩村党支部")),
           ("李成林", "副书记", cpc(HZ)), ("李成林", "县长", gov(HZ)),
           ("祁海燕", "编辑", None), ("李德元", "审核", None)],
    awards=[(alts(SBT, "索卜滩村"), "全国乡村治理示范村", 2022),
            ("韩生福", "全省优秀党务工作者|青海省优秀党务工作者", None)],
    events=[("2023-04-11/2023-04-14", [hz_zzb], "村（社区）党组织书记示范培训班", hz_dx),
            ("2023-04-11", [hz_zzb, "祁永红", "李德元"], "培训班开班仪式", hz_dx),
            ("2023-04-13", ["李成林"], "看望学员并座谈交流", hz_dx)])

# ---- 6. Liaoning, Anshan city women's federation: women's start-up contest final ----------
AS = ["鞍山市"]
as_fl = alts(AS, "妇联", "妇女联合会")
ln_fl = "辽宁省妇联|辽宁省妇女联合会"
doc("blind2-anshan-fulian-chuangye", "2023-11-20", "city news site", """
“鞍山市第二届女性创新创业大赛”决赛举行

{D:11月17日=2023-11-17}，由{O:鞍山市妇联}、{O:市人社局}、{O:市科技局}联合主办的“鞍山市第二届女性创新创业大赛”决赛在{O:鞍山师范学院}举行。{O:市委}{T:常委}、{O:宣传部}{T:部长}{P:孙丽娜}，{T:副市长}{P:韩德胜}，{O:市妇联}{T:党组书记}、{T:主席}{P:于春艳}出席决赛并为获奖选手颁奖。

本届大赛自{D:今年8月=2023-08}启动以来，共收到参赛项目186个。经过{D:10月26日至27日=2023-10-26/2023-10-27}的复赛，来自{G:铁东区}、{G:海城市}、{G:岫岩满族自治县}等地的20个项目进入决赛。决赛采取“项目路演+评委问答”的方式进行，最终，{O:海城市南台镇巧手箱包厂}{T:负责人}{P:刘晓梅}凭借“指尖上的箱包”项目获得{H:一等奖}，{P:王婷}、{P:崔丽华}获得{H:二等奖}，{P:金美善}等5人获得{H:三等奖}。

据了解，一等奖项目将获得5万元创业扶持资金，并由{O:市妇联}推荐参加{O:辽宁省妇联}举办的全省女性创新创业大赛。{P:刘晓梅}此前已获评“{H:鞍山市三八红旗手}”，她创办的箱包厂带动周边200余名农村妇女居家就业。

{P:于春艳}表示，{D:今年=2023}以来，{O:市妇联}累计为女性创业者发放创业担保贷款1.3亿元，举办创业培训班32期。下一步，{O:市妇联}将建立大赛项目跟踪服务机制，{D:12月上旬=2023-12-01/2023-12-10}组织获奖选手赴{G:沈阳市}参加{O:辽宁省妇联}举办的巾帼创业项目对接会，推动更多优质项目落地见效。

日前，{O:鞍山市妇联}被{O:全国妇联}授予“{H:全国维护妇女儿童权益先进集体}”称号。

（{T:记者} {P:姜华} {T:通讯员} {P:白雪}）
""",
    posts=[("孙丽娜", "常委", cpc(AS)), ("孙丽娜", "部长", cpc(AS, "委宣传部")),
           ("韩德胜", "副市长", gov(AS)),
           ("刘晓梅", "负责人", alts(["", "鞍山市"], "海城市南台镇巧手箱包厂")),
           ("于春艳", "党组书记", as_fl), ("于春艳", "主席", as_fl),
           ("姜华", "记者", None), ("白雪", "通讯员", None)],
    awards=[("刘晓梅", "一等奖", 2023), ("王婷", "二等奖", 2023), ("崔丽华", "二等奖", 2023),
            ("金美善", "三等奖", 2023), ("刘晓梅", "鞍山市三八红旗手", None),
            (as_fl, "全国维护妇女儿童权益先进集体", None)],
    events=[("2023-11-17", [as_fl, alts(AS, "人社局", "人力资源和社会保障局"),
                            alts(AS, "科技局", "科学技术局"), "孙丽娜", "韩德胜", "于春艳"],
             "“鞍山市第二届女性创新创业大赛”决赛", "鞍山师范学院"),
            ("2023-08", [], "“鞍山市第二届女性创新创业大赛”启动", None),
            ("2023-10-26/2023-10-27", [], "“鞍山市第二届女性创新创业大赛”复赛", None),
            ("2023-12-01/2023-12-10", [as_fl, ln_fl], "巾帼创业项目对接会", "沈阳市")])

# ---- 7. Shanghai, Minhang district federation of trade unions: 闵行工匠 announcement ---------
MH = ["闵行区", "上海市闵行区"]
mh_zgh = alts(MH, "总工会")
doc("blind2-minhang-zonggonghui-gongjiang", "2024-05-06", "district trade-union news (WeChat)", """
{O:闵行区总工会}发布{D:2024年=2024}“{H:闵行工匠}”名单

{D:4月29日=2024-04-29}下午，{O:闵行区总工会}举行庆祝“五一”国际劳动节暨“闵行工匠”发布活动。{O:区委}{T:副书记}{P:周海峰}，{O:区人大常委会}{T:副主任}、{O:区总工会}{T:主席}{P:沈美琴}出席活动并为工匠代表颁发证书。

经基层推荐、专家评审、社会公示等程序，{P:顾建平}、{P:陆晓雯}、{P:张卫国}、{P:倪佳怡}等10人入选{D:2024年=2024}“{H:闵行工匠}”，{O:上海航天设备制造总厂有限公司}等5家单位被表彰为“{H:闵行区职工技能竞赛优秀组织单位}”。

{P:顾建平}来自{O:上海电气电站设备有限公司}，从事数控加工28年，攻克技术难题60余项，{D:2022年=2022}曾荣获“{H:上海工匠}”称号。{P:陆晓雯}是{O:复旦大学附属闵行医院}{T:主任护师}，她带领团队改进护理流程，本人获评“{H:上海市五一巾帼标兵}”。{P:倪佳怡}是“95后”{T:集成电路工程师}，也是本批最年轻的“{H:闵行工匠}”。

“工匠精神不是口号，而是每天对每一个零件、每一道工序的较真。”{P:顾建平}在分享时说。

{P:沈美琴}介绍，近年来，{O:区总工会}累计培育各级工匠320余名，建成劳模创新工作室87家。{O:江川路街道总工会}被{O:上海市总工会}评为“{H:上海市模范职工之家}”。{D:今年=2024}，{O:区总工会}将围绕集成电路、人工智能等重点产业开展“匠心闵行”系列技能竞赛，{D:5月中下旬=2024-05-11/2024-05-31}首场比赛将在{G:马桥镇}举行。各街镇基层工会要加大对一线职工技能提升的支持力度，让更多“金蓝领”脱颖而出。

来源：{O:闵行区总工会}
{T:编辑}：{P:陈一鸣}
{T:审核}：{P:沈美琴}
""",
    posts=[("周海峰", "副书记", cpc(MH)),
           ("沈美琴", "副主任", npc(MH)), ("沈美琴", "主席", mh_zgh),
           ("陆晓雯", "主任护师", "复旦大学附属闵行医院"),
           ("倪佳怡", "集成电路工程师|工程师", None),
           ("陈一鸣", "编辑", None), ("沈美琴", "审核", None)],
    awards=[(p, "闵行工匠", 2024) for p in ["顾建平", "陆晓雯", "张卫国", "倪佳怡"]]
    + [("上海航天设备制造总厂有限公司", "闵行区职工技能竞赛优秀组织单位", 2024),
       ("顾建平", "上海工匠", 2022), ("陆晓雯", "上海市五一巾帼标兵", None),
       (alts(["", "闵行区", "上海市闵行区"], "江川路街道总工会"), "上海市模范职工之家", None)],
    events=[("2024-04-29", [mh_zgh, "周海峰", "沈美琴"],
             "庆祝“五一”国际劳动节暨“闵行工匠”发布活动", None),
            ("2024-05-11/2024-05-31", [mh_zgh], "“匠心闵行”系列技能竞赛首场比赛",
             alts(["", "闵行区", "上海市闵行区"], "马桥镇"))])

# ---- 8. Hunan, Changde, Dingcheng district government: spring-ploughing inspection ---------
DC = ["鼎城区", "常德市鼎城区"]
dc_fl = alts(DC, "妇联", "妇女联合会")
YJW = ["", "十美堂镇", "鼎城区十美堂镇", "常德市鼎城区十美堂镇"]
doc("blind2-dingcheng-chungeng-dudao", "2024-03-22", "district government news", """
{G:鼎城区}：区领导督导春耕生产

{D:3月20日=2024-03-20}，{O:区委}{T:副书记}、{T:区长}{P:彭志刚}带队到{G:十美堂镇}、{G:草坪镇}督导春耕生产工作。{T:副区长}{P:覃红梅}，{O:区农业农村局}、{O:区水利局}主要负责人参加督导。

在{G:十美堂镇杨家湾村}集中育秧点，{P:彭志刚}走进大棚，详细了解早稻育秧、农资储备和农机调度等情况。{O:杨家湾村党总支}{T:书记}{P:李国华}介绍，村里{D:今年=2024}新建育秧大棚12个，可满足周边3000余亩稻田的用秧需求。在{G:草坪镇}，{P:彭志刚}察看了沟渠清淤和山塘蓄水情况，要求相关部门提前做好防汛抗旱准备。

{D:3月上旬=2024-03-01/2024-03-10}以来，全区已完成早稻集中育秧面积1.2万亩，调运化肥2.6万吨。{P:彭志刚}强调，各镇街和相关部门要压实粮食安全责任，抢抓农时，确保全年粮食播种面积稳定在140万亩以上。{P:覃红梅}在随后召开的现场调度会上要求，农技人员要下沉一线，开展“春耕服务进村组”活动，帮助农户解决育秧、施肥和病虫害防治中的实际困难。

{D:去年=2023}，{G:鼎城区}被{O:农业农村部}评为“{H:全国粮食生产先进县}”，{O:湖南金穗米业有限公司}被评为“{H:湖南省农业产业化龙头企业}”。

{D:3月18日=2024-03-18}，{O:区妇联}联合{O:区农机事务中心}在{G:草坪镇}举办“巾帼新农人”春耕技能培训，{O:区妇联}{T:主席}{P:邹慧敏}为参训妇女讲解惠农政策。{G:草坪镇兴隆村}种粮大户{P:周秋菊}家庭曾被评为“{H:湖南省最美家庭}”，她在培训中分享了机插秧的经验。

{T:通讯员} {P:胡丹} {P:刘洋}
{T:编辑}：{P:唐静}
""",
    posts=[("彭志刚", "副书记", cpc(DC)), ("彭志刚", "区长", gov(DC)),
           ("覃红梅", "副区长", gov(DC)),
           ("李国华", "书记", alts(YJW, "杨家湾村党总支")),
           ("邹慧敏", "主席", dc_fl),
           ("胡丹", "通讯员", None), ("刘洋", "通讯员", None), ("唐静", "编辑", None)],
    awards=[(alts(["", "常德市"], "鼎城区"), "全国粮食生产先进县", 2023),
            ("湖南金穗米业有限公司", "湖南省农业产业化龙头企业", 2023),
            ("周秋菊家庭", "湖南省最美家庭", None)],
    events=[("2024-03-20", ["彭志刚", "覃红梅", alts(DC, "农业农村局"), alts(DC, "水利局")],
             "督导春耕生产",
             alts(["", "鼎城区"], "十美堂镇", "草坪镇")),
            ("2024-03-18", [dc_fl, alts(DC, "农机事务中心"), "邹慧敏"],
             "“巾帼新农人”春耕技能培训", alts(["", "鼎城区"], "草坪镇"))])


def main() -> None:
    out = Path(__file__).with_name("blind2.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for d in DOCS:
        print(d["id"], len(d["text"]), "chars", len(d["mentions"]), "mentions",
              len(d["posts"]), "posts", len(d["awards"]), "awards", len(d["events"]), "events")


if __name__ == "__main__":
    main()
