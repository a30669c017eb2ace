"""Frames over the mentions and the sentence text: posts, awards, events.

Plain Python: the mentions are already typed and non-overlapping, so each frame is a small
pattern over the sequence of mentions and the few characters between them.

* posts: body + post + name chains (省妇联党组书记、主席姜欣; 市委书记、市人大常委会主任毛腾飞):
  each post takes the body written right before it, or shares the body of the post before it
  when joined by 、 without a new body; bylines (记者 X / 通讯员 X Y Z) have no body.
* awards: an honor after an award verb (荣获, 被…表彰为, 获评, 被推选为, 创建 …) goes to the
  named recipients before the verb (persons, families 'X家庭', else the body or place); 授予
  X “…” 荣誉称号 to the named X; “title” X、Y家庭 to the names after it. Bodies between 被 and
  the verb are the conferrers; a year comes from a DATE in the clause. Unnamed recipients
  (51名…, 12个家庭) give nothing.
* events: a clause opened by a DATE of month precision or finer with a trigger verb.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import lexicon as L
from kg.model import Award, Event, Extraction, Mention, Post

CLAUSE_BREAK = set("，,。；;！!？?\n")
SENT_BREAK = set("。；;！!？?\n")


@cache
def _res():
    return {
        "award": re.compile(L.alternation(L.AWARD_VERBS)),
        "trigger": re.compile(L.alternation(L.EVENT_TRIGGERS)),
    }


def read_frames(ex: Extraction) -> None:
    ms = ex.mentions
    text = ex.doc.text
    ex.posts = read_posts(text, ms)
    ex.awards = read_awards(text, ms)
    ex.events = read_events(text, ms, ex.posts)


# ---- posts --------------------------------------------------------------------------------
def read_posts(text: str, ms: list[Mention]) -> list[Post]:
    out: list[Post] = []
    from kg.extract.pipeline import (
        _copular_holder,
        _dispatched_holder,
        _elected_holders,
        _listed_holder,
    )

    elected_body: Mention | None = None  # the body of the last election read (当选为县妇联主席)

    for i, m in enumerate(ms):
        if m.label == "POST":
            k = _copular_holder(text, ms, i)  # 陆某是某医院主任护师
            if k is not None:
                org = ms[i - 1] if ms[i - 1].label == "ORG" else None
                out.append(Post(ms[k], m, org))
            d = _dispatched_holder(text, ms, i)  # 刘某被选派到某村担任第一书记
            if d is not None:
                out.append(Post(ms[d[0]], m, ms[d[1]]))
            h = _listed_holder(text, ms, i)  # 王某　某镇卫生院院长 (a list line)
            if h is not None:
                out.append(Post(ms[h[0]], m, ms[h[1]] if h[1] is not None else None))
            e = _elected_holders(text, ms, i)
            if e is not None:
                # 当选为副主席 after 当选为县妇联主席 in the same sentence: the same body
                body = ms[e[1]] if e[1] is not None else None
                if body is None and elected_body is not None and \
                        not any(c in text[elected_body.end:m.start] for c in "。！？\n"):
                    body = elected_body
                elected_body = body
                for n in e[0]:
                    out.append(Post(ms[n], m, body))
            continue
        if m.label != "PERSON":
            continue
        _paren_post(text, ms, i, out)
        j = i - 1
        if j < 0:
            continue
        prev = ms[j]
        gap = text[prev.end:m.start]
        if prev.label == "POST" and (gap == "" or gap.strip(" \u3000:：\t丨|｜/") == ""):
            chain = _post_chain(text, ms, j)
            inherited = _listed_body(text, ms, chain, out) or _stationed_at(text, ms, chain)
            for post, org in chain:
                out.append(Post(m, post, org if org is not None else inherited))
        elif prev.label == "PERSON" and gap.strip(" \u3000、") == "" and gap:
            # byline lists: 通讯员 肖芳婷 李华迎 — the names share the byline post
            # 县政协副主席王某、李某: a 、-list after a post shares the post and its body
            held = [p for p in out if p.person is prev]
            if held and (held[-1].post.text in L.BYLINE_POSTS or held[-1].org is None):
                out.append(Post(m, held[-1].post, None))
            elif held and gap == "、" and text[m.end:m.end + 2] != "家庭":
                for p in held:
                    out.append(Post(m, p.post, p.org))
    return out


# 政协会议将于10日闭幕, 人代会…: a session named by its body's short name
SESSION_SUBJECT = re.compile(r"(?:本次|此次)?(政协|人代会|人大|党代会|团代会|妇代会|职代会)(?:会议)?")
SESSION_BODY = {"政协": ("政协",), "人代会": ("人民代表大会", "人大"), "人大": ("人民代表大会", "人大"),
                "党代会": ("党代表大会",), "团代会": ("团代表大会",), "妇代会": ("妇女代表大会",),
                "职代会": ("职工代表大会",)}


def _session_body(text: str, ms: list[Mention], ss: int, ds: int) -> list[Mention]:
    """政协会议将于10日下午闭幕: the body whose session the subject names (the first body
    named with that short name in it: the session the article reports)."""
    m = SESSION_SUBJECT.match(text, ss)
    if m is None or m.end() > ds:
        return []
    keys = SESSION_BODY[m.group(1)]
    for x in [x for x in ms if x.label == "ORG" and x.end <= ss]:
        if any(k in x.text for k in keys):
            return [x]
    return []


STATIONED = re.compile(r"(?:派驻|选派到|下派到|派到|驻)$")


def _stationed_at(text: str, ms: list[Mention], chain) -> Mention | None:
    """某局派驻东兴村的第一书记王某: the village a first secretary is stationed in is the body
    of the post."""
    if not chain or chain[0][1] is not None or "第一书记" not in chain[0][0].text:
        return None
    first = chain[0][0]
    k = next((n for n, x in enumerate(ms) if x is first), None)
    if k is None or k == 0:
        return None
    g = ms[k - 1]
    if g.label != "GPE" or not g.text.endswith(("村", "社区")) or \
            text[g.end:first.start] not in ("的", "") or \
            not STATIONED.search(text, max(0, g.start - 3), g.start):
        return None
    return g


GOV_HEAD = re.compile(r"[省市县区州盟旗镇乡]长$")


def _listed_body(text: str, ms: list[Mention], chain, out: list[Post]) -> Mention | None:
    """团县委书记张某、副书记李某: a post without a body, listed after another holder of a post
    with one (、 between), is of that body too (not a government head: 县委书记X、县长Y)."""
    if not chain or chain[0][1] is not None:
        return None
    first = chain[0][0]
    k = next((n for n, x in enumerate(ms) if x is first), None)
    if k is None or k == 0 or text[ms[k - 1].end:first.start] != "、" \
            or ms[k - 1].label != "PERSON" or any(GOV_HEAD.search(p.text) for p, _ in chain):
        return None
    held = [p for p in out if p.person is ms[k - 1] and p.org is not None]
    return held[-1].org if held else None


def _paren_post(text: str, ms: list[Mention], i: int, out: list[Post]) -> None:
    """乌云其其格（某市第四医院护士长）: a listed name followed by its body and post in
    parentheses holds that post."""
    m = ms[i]
    if text[m.end:m.end + 1] not in ("（", "(") or i + 1 >= len(ms):
        return
    k = i + 1
    org = None
    if ms[k].label in ("ORG", "GPE") and ms[k].start == m.end + 1 and k + 1 < len(ms):
        org = ms[k]
        k += 1
    post = ms[k]
    if post.label == "POST" and post.start == (org.end if org else m.end + 1) and \
            text[post.end:post.end + 1] in ("）", ")"):
        out.append(Post(m, post, org))


def _post_chain(text: str, ms: list[Mention], j: int) -> list[tuple[Mention, Mention | None]]:
    """The posts of the chain ending at mention j (a POST), each with its body."""
    items: list[tuple[Mention, Mention | None]] = []
    k = j
    while k >= 0 and ms[k].label == "POST":
        post = ms[k]
        org = None
        if k - 1 >= 0 and ms[k - 1].label in ("ORG", "GPE") and ms[k - 1].end == post.start:
            org = ms[k - 1]
            k -= 1
        items.append((post, org))
        if k - 1 >= 0 and text[ms[k - 1].end:ms[k].start] in ("、", "兼") and ms[k - 1].label == "POST":
            k -= 1
            continue
        break
    items.reverse()
    # a post without its own body shares the body of the post before it (党组书记、主席)
    cur = None
    out = []
    for post, org in items:
        if org is not None:
            cur = org
        out.append((post, org if org is not None else cur))
    return out


# ---- awards -------------------------------------------------------------------------------
def _clause_bounds(text: str, i: int, breaks=CLAUSE_BREAK) -> tuple[int, int]:
    a = i
    while a > 0 and text[a - 1] not in breaks:
        a -= 1
    b = i
    while b < len(text) and text[b] not in breaks:
        b += 1
    return a, b


def _year_of(ms: list[Mention], a: int, b: int) -> int | None:
    for m in ms:
        if m.label == "DATE" and a <= m.start < b and m.value and re.match(r"\d{4}", m.value):
            return int(m.value[:4])
    return None


def _family(text: str, m: Mention, group: list[Mention] | None = None) -> str:
    """'周雪梅家庭' when the name (or the last name of its 、-list: 夏昭炎、杨莲金家庭) is
    followed by 家庭."""
    last = group[-1] if group else m
    return m.text + "家庭" if text.startswith("家庭", last.end) else m.text


def _in_parens(text: str, m: Mention) -> bool:
    return m.start > 0 and text[m.start - 1] in "(（" and text[m.end:m.end + 1] in ")）"


def _inside_parens(text: str, m: Mention, lo: int) -> bool:
    """Whether m stands inside a parenthesis opened after lo (王建军（某厂炼铁厂）: the
    unit of a listed recipient, not a recipient)."""
    o = max(text.rfind("（", lo, m.start), text.rfind("(", lo, m.start))
    if o < 0:
        return False
    c = max(text.rfind("）", o, m.start), text.rfind(")", o, m.start))
    return c < 0


def _recipients(text: str, region: list[Mention]) -> list[Mention]:
    """The recipients among the mentions of a subject region: the last list of persons,
    else the last body or place (a body employing a named person is not a recipient)."""
    persons = [m for m in region if m.label == "PERSON"]
    if persons:
        out = [persons[-1]]
        for m in reversed(persons[:-1]):
            if not _list_gap(text, region, m, out[0]):
                break
            out.insert(0, m)
        return out
    bodies = [m for m in region if m.label in ("ORG", "GPE") and not _in_parens(text, m)]
    if bodies:
        orgs = [m for m in bodies if m.label == "ORG"]
        last = orgs[-1] if orgs and orgs[-1] is bodies[-1] else bodies[-1]
        out = [last]
        # 成都银杏…公司、四川卓农…公司获得一等奖: a 、-list of bodies shares the honor
        for m in reversed([b for b in bodies if b.end <= last.start and b.label == last.label]):
            if text[m.end:out[0].start] not in ("、", "和", "及"):
                break
            out.insert(0, m)
        return out
    return []


def _list_gap(text: str, region: list[Mention], a: Mention, b: Mention) -> bool:
    """Whether persons a and b are items of one list: only 、/和/及 between them once the
    bodies, places and posts that introduce b (、高陂镇中心小学教师杨美玲) and a family
    word (夏春燕家庭、於潜镇潘建国) are taken out."""
    gap = list(text[a.end:b.start])
    for m in region:
        if a.end <= m.start and m.end <= b.start and m.label in ("ORG", "GPE", "POST"):
            gap[m.start - a.end:m.end - a.end] = [""] * (m.end - m.start)
    g = "".join(gap)
    g = g.removeprefix("家庭")
    g = re.sub(r"^[（(][^（）()]*[）)]", "", g)  # 王建军（某厂）、苏和: the first one's unit
    return g in ("、", "和", "及", "，")


def read_awards(text: str, ms: list[Mention]) -> list[Award]:
    res = _res()
    out: list[Award] = []
    prev_frame: tuple[int, list[Mention], list[Mention]] | None = None  # (honor end, recips, conf)
    for i, h in enumerate(ms):
        if h.label != "HONOR":
            continue
        cs, ce = _clause_bounds(text, h.start)
        # 黎小燕，莫文斌、梁秋菊等30人被评为: a list of names may run across a comma
        while cs > 1 and text[cs - 1] in "，," and any(m.label == "PERSON" and m.start == cs for m in ms) \
                and any(m.label == "PERSON" and m.end == cs - 1 for m in ms):
            cs = _clause_bounds(text, cs - 2)[0]
        q = h.start - 1 if h.start > 0 and text[h.start - 1] in "“「『" else h.start
        # honors listed with 、 after a previous honor share its frame (获4个二等奖、2个三等奖)
        if prev_frame is not None and prev_frame[0] >= cs and "、" in text[prev_frame[0]:q] \
                and not res["award"].search(text, prev_frame[0], q):
            recips, confs = prev_frame[1], prev_frame[2]
            for r in recips:
                out.append(Award(r, h, _family(text, r, recips), list(confs), _year_of(ms, cs, ce)))
            prev_frame = (h.end, recips, confs)
            continue
        start_region = cs
        for m in ms[:i]:
            if m.label == "HONOR" and m.end > cs:
                start_region = max(start_region, m.end + 1)
        verb = None
        for v in res["award"].finditer(text, start_region, q):
            if not text.startswith("的", v.end()):  # 新当选的劳动模范: an attribute, not a frame
                verb = v
        recips: list[Mention] = []
        confs: list[Mention] = []
        individual = False
        family_of = False
        rel = REL_HOLDER.match(text, h.end)
        holder = next((m for m in ms[i + 1:] if rel and m.start == rel.end()
                       and m.label == "PERSON"), None) if verb is not None and \
            not text[verb.end():q].strip(" 了过") else None
        if holder is not None:
            # 曾获“全国巾帼建功标兵”称号的王某: the holder the relative clause describes
            recips, individual = [holder], not text.startswith("家庭", holder.end)
        elif verb is not None:
            vs, ve = verb.span()
            by = text.rfind("由", start_region, vs)
            passive_by = verb.group().startswith("授予") and by >= 0 and not any(
                m.label in ("PERSON", "ORG") and ve <= m.start and m.end <= q for m in ms)
            if verb.group().startswith("授予") and text.rfind("被", start_region, vs) < 0 \
                    and not passive_by:
                # 授予 X “title” 荣誉称号: X between the verb and the title
                region = [m for m in ms if ve <= m.start and m.end <= q]
                recips = [m for m in region if m.label in ("PERSON", "ORG")
                          and not _inside_parens(text, m, ve)]
                region_before = [m for m in ms if start_region <= m.start and m.end <= vs]
                confs = [m for m in region_before if m.label == "ORG"]
            else:
                bei = text.rfind("被", start_region, vs + 1)
                if bei < 0 and passive_by:
                    bei = by  # 林某等5人由市总工会授予“…”称号: 由 marks the conferrer, like 被
                subj_end = bei if bei >= 0 else vs
                if bei >= 0:
                    confs = [m for m in ms if bei < m.start and m.end <= vs + 1 and m.label == "ORG"]
                # 她在市总工会举办的…竞赛中获得一等奖: the bodies inside 在…中 hold the contest
                venue = CONTEST_PHRASE.search(text, start_region, subj_end)
                if venue is not None and venue.end() != subj_end:
                    venue = None
                subj_end_v = venue.start() if venue is not None else subj_end
                region = [m for m in ms if start_region <= m.start and m.end <= subj_end_v
                          and m.label in ("PERSON", "ORG", "GPE", "POST")]
                recips = _recipients(text, region)
                if recips and COUNTED.search(text, recips[-1].end, subj_end) and \
                        not text.startswith("等", recips[-1].end, subj_end) and \
                        not text.startswith("家庭等", recips[-1].end, subj_end):
                    recips = []  # 合肥市共有3户家庭获评: the recipients are unnamed
                if not recips and text[start_region:subj_end].strip(" 在中了大赛") == "" or not recips:
                    recips = _fallback_subject(text, ms, cs)
                subject = _without_dates(text, ms, start_region, subj_end_v)
                if not recips and FAMILY_PRONOUN.fullmatch(subject):
                    # 去年，她家被评为“最美家庭”: the family of the person named before
                    recips = _antecedent(text, ms, start_region)
                    family_of = bool(recips)
                if not recips and PRONOUN_SUBJECT.fullmatch(subject):
                    recips = _antecedent(text, ms, start_region)
                    individual = True  # 马某家庭获评…，她本人获评: the person, not the family
                if not recips and PLURAL_SUBJECT.fullmatch(subject):
                    recips = _antecedent_list(text, ms, start_region)
                    individual = True  # 王某、李某…。她们荣获: the list named before
                if not recips and len(subject) <= 4 and not any(
                        m.label in ("PERSON", "ORG", "GPE") and start_region <= m.start < subj_end
                        for m in ms):
                    # 李某扎根岗位20年，…，2022年被授予“…”: a clause without a subject of
                    # its own continues the sentence's subject
                    recips, individual = _sentence_subject(text, ms, start_region)
        else:
            # “最美庭院”夏昭炎、杨莲金家庭: the title, then the named recipients
            after = [m for m in ms[i + 1:] if m.start < ce]
            k = 0
            e = h.end + (1 if text[h.end:h.end + 1] in "”」』" else 0)
            while k < len(after) and after[k].label == "PERSON" and after[k].start == e:
                recips.append(after[k])
                e = after[k].end
                if text[e:e + 1] == "、":
                    e += 1
                k += 1
            if recips and not text.startswith("家庭", recips[-1].end):
                recips = []
        if not recips and verb is not None:
            recips = _colon_lines(text, ms, h.end)  # 授予以下同志“…”称号：\n王某（某单位）
        if recips:
            year = _year_of(ms, cs, ce)
            for r in recips:
                who = r.text + "家庭" if family_of else \
                    r.text if individual else _family(text, r, recips)
                out.append(Award(r, h, who, list(confs), year))
        prev_frame = (h.end, recips, confs)
    seen = {(a.recipient.start, a.honor.start) for a in out}
    out += [a for a in _heading_lists(text, ms) if (a.recipient.start, a.honor.start) not in seen]
    seen = {(a.recipient.start, a.honor.start) for a in out}
    out += [a for a in _ceremony_lists(text, ms) if (a.recipient.start, a.honor.start) not in seen]
    return out


# 为“某乡最美庭院”获得者颁奖。: a ceremony for the holders of an honor …
CEREMONY_FOR = re.compile(r"[”」』]?(?:荣誉)?(?:称号)?(?:获得者|获奖者|得主|获奖家庭|获奖代表)(?:代表)?"
                          r"(?:颁奖|颁发|授牌|颁证)")


def _ceremony_lists(text: str, ms: list[Mention]) -> list[Award]:
    """为“某乡最美庭院”获得者颁奖。东兴村王某家庭、李某家庭等15户家庭榜上有名: the holders
    of the honor a ceremony hands out, listed (places before names allowed) at the start of
    the next sentence."""
    out: list[Award] = []
    for i, h in enumerate(ms):
        if h.label != "HONOR" or not CEREMONY_FOR.match(text, h.end):
            continue
        _, ce = _clause_bounds(text, h.end, SENT_BREAK)
        if ce >= len(text) or text[ce] not in "。！!":
            continue
        k = ce + 1
        recips: list[Mention] = []
        for m in ms[i + 1:]:
            if m.start < k:
                continue
            if m.start != k:
                break
            if m.label == "GPE":
                k = m.end
                continue
            if m.label != "PERSON":
                break
            recips.append(m)
            k = m.end + (2 if text.startswith("家庭", m.end) else 0)
            if text[k:k + 1] != "、":
                break
            k += 1
        if recips and text[k:k + 1] in ("等", "。", "，"):
            year = _year_of(ms, *_clause_bounds(text, h.start, SENT_BREAK))
            out += [Award(r, h, _family(text, r, recips), [], year) for r in recips]
    return out


# 在…比赛中 / 在…大赛上 right before the award verb: where, not who
CONTEST_PHRASE = re.compile(r"在[^，。；;！!？?\n]{2,40}?(?:赛|比武|竞赛|评选|活动|展演|大会|选拔)(?:中|上)?"
                            r"(?:[，,]?(?:一举|分别|均|先后|成功|再次|又)?)$")


# after an honor: 称号的 / 荣誉的 — the person named next holds it (获评“…”称号的王某)
REL_HOLDER = re.compile(r"[”」』]?(?:荣誉称号|光荣称号|称号|荣誉)?的")


# the end of an award clause that introduces the recipients on the lines below
COLON_AFTER_HONOR = re.compile(r"[”」』]?(?:荣誉称号|光荣称号|称号|荣誉)?[：:][ \u3000]*\n")


def _colon_lines(text: str, ms: list[Mention], i: int) -> list[Mention]:
    """授予以下同志“三八红旗手”称号：\n王某（某医院）\n李某（某镇妇联）: the persons (or
    the bodies standing alone) opening the lines below the colon, up to a blank line."""
    m0 = COLON_AFTER_HONOR.match(text, i)
    if not m0:
        return []
    out: list[Mention] = []
    a = m0.end()
    while a < len(text) and text[a] != "\n":
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        line = [m for m in ms if a <= m.start and m.end <= b]
        names = [m for m in line if m.label == "PERSON"]
        body = text[a:b].strip(" \u3000\r")
        if names and text[a:names[0].start].strip(" \u3000") == "":
            out += names
        elif len(line) == 1 and line[0].label == "ORG" and line[0].text == body:
            out.append(line[0])
        else:
            break
        a = b + 1
    return out


# what a list heading may add after its title: 名单, 名单（部分）, 拟表彰名单
HEADING_TAIL = re.compile(r"^(?:附件?[0-9一二三]*[：:])?(?:拟表彰|表彰|获奖|拟推荐|获得者|获奖者|受表彰者)?(?:人员|对象|家庭|集体)?名单(?:如下)?(?:[（(][^（）()]{0,6}[）)])?[：:]?$")


def _heading_lists(text: str, ms: list[Mention]) -> list[Award]:
    """附：名单 sections: a line that is only a title (2023年度“某区最美家庭”) heads the
    lines under it up to a blank line, each a unit and its names (某镇：X家庭、Y家庭 /
    某学院：张三、李四) or one body alone (某学院2021级1班团支部)."""
    out: list[Award] = []
    for h in ms:
        if h.label != "HONOR":
            continue
        ls = text.rfind("\n", 0, h.start) + 1
        le = text.find("\n", h.end)
        le = len(text) if le < 0 else le
        line = [m for m in ms if ls <= m.start and m.end <= le]
        rest = list(text[ls:le])
        for m in line:
            if m.label in ("HONOR", "DATE"):
                rest[m.start - ls:m.end - ls] = [""] * (m.end - m.start)
        if HEADING_TAIL.sub("", re.sub(r"[ \u3000“”「」\"]", "", "".join(rest))) or le >= len(text):
            continue
        _read_list_under(text, ms, h, _year_of(ms, ls, le), le, out)
    return out


def _read_list_under(text: str, ms: list[Mention], h: Mention, year: int | None, le: int,
                     out: list[Award]) -> None:
    """The recipients of the list lines under a heading ending at le, up to a blank line."""
    a = le + 1
    while a < len(text) and text[a] != "\n":
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        recips = _list_line(text, [m for m in ms if a <= m.start and m.end <= b], a, b)
        if not recips:
            break
        for r in recips:
            out.append(Award(r, h, _family(text, r), [], year))
        a = b + 1


def _list_line(text: str, line: list[Mention], a: int, b: int) -> list[Mention]:
    """The recipients of one line of a name list (see _heading_lists), [] if it is not one."""
    body = text[a:b].strip(" \u3000\r")
    colon = max(text.rfind("：", a, b), text.rfind(":", a, b))
    if colon >= 0:
        names = [m for m in line if m.start > colon and m.label == "PERSON"]
        left = re.sub(r"家庭|[、\s]", "", "".join(
            text[p:q] for p, q in zip([colon + 1] + [m.end for m in names],
                                      [m.start for m in names] + [b])))
        return names if names and not left else []
    if len(line) == 1 and line[0].label == "ORG" and line[0].text == body:
        return line
    # 王某家庭（某街道）, 李某（某卫生服务中心）: a name opening the line, its unit in parentheses
    if line and line[0].label == "PERSON" and not text[a:line[0].start].strip(" \u3000") and \
            re.fullmatch(r"(?:家庭)?[（(][^（）()\n]{2,30}[）)][ \u3000\r]*", text[line[0].end:b]):
        return line[:1]
    # 王某　某镇卫生院院长: a name opening the line, a wide space, its unit and post
    if line and line[0].label == "PERSON" and not text[a:line[0].start].strip(" \u3000") and \
            re.match(r"(?:\u3000|\t|  )", text[line[0].end:b]):
        return line[:1]
    return []


# a counted, unnamed group (3户家庭, 51名, 10个单位)
COUNTED = re.compile(r"[0-9一二两三四五六七八九十百千几多]+[户名个位家人支所项批]")

SUBJECT_VERBS = ("参加", "参与", "代表", "报送", "选送", "组队")


# 她本人获评, 他还被评为: a pronoun subject; the recipient is the person last named before it
PRONOUN_SUBJECT = re.compile(r"(?:[她他](?:本人)?|本人)(?:也|还|曾|先后|多次|更是|更)*")


def _antecedent(text: str, ms: list[Mention], i: int) -> list[Mention]:
    """The person the pronoun at i stands for: the last PERSON of the same paragraph before
    it (the genre names its subject, then continues with 她/他/本人)."""
    para = text.rfind("\n", 0, i) + 1
    persons = [m for m in ms if m.label == "PERSON" and para <= m.start and m.end <= i]
    return persons[-1:]


FAMILY_PRONOUN = re.compile(r"[她他](?:家|的家庭|们家)(?:也|还|曾|先后|更是)*")
PLURAL_SUBJECT = re.compile(r"(?:她们|他们)(?:都|均|也|还|先后|分别)*")


def _antecedent_list(text: str, ms: list[Mention], i: int) -> list[Mention]:
    """The persons 她们/他们 at i stand for: the last 、-list of persons (two or more) of the
    same paragraph before it; [] when the last person named stands alone."""
    persons = [m for m in ms if m.label == "PERSON" and text.rfind("\n", 0, i) < m.start
               and m.end <= i]
    out = persons[-1:]
    for m in reversed(persons[:-1]):
        if text[m.end:out[0].start] not in ("、", "和", "及", "与"):
            break
        out.insert(0, m)
    return out if len(out) >= 2 else []


def _without_dates(text: str, ms: list[Mention], a: int, b: int) -> str:
    """text[a:b] without its DATE mentions and edge punctuation (她本人去年 → 她本人)."""
    parts = []
    i = a
    for m in ms:
        if m.label == "DATE" and a <= m.start and m.end <= b:
            parts.append(text[i:m.start])
            i = m.end
    parts.append(text[i:b])
    return "".join(parts).strip(" \u3000，,")


def _sentence_subject(text: str, ms: list[Mention], i: int) -> tuple[list[Mention], bool]:
    """The subject that the clause at i continues: the nearest earlier clause of its sentence
    that opens on a person (or a 、-list of persons: 我县王芳、李丽脱颖而出，荣获…), or on
    他/她 standing for the last person named before; ([], False) if none does. The bool: the
    person stands alone (她本人), not the family."""
    ss, _ = _clause_bounds(text, i, SENT_BREAK)
    starts = [ss] + [p + 1 for p in range(ss, i) if text[p] in "，,"]
    for cs in reversed(starts):
        if cs >= i:
            continue
        ce = next((p for p in range(cs, i) if text[p] in "，,"), i)
        got = _clause_opening(text, ms, cs, ce)
        if got is not None:
            return got
    return [], False


def _clause_opening(text: str, ms: list[Mention], cs: int, ce: int
                    ) -> tuple[list[Mention], bool] | None:
    """The person(s) opening text[cs:ce] after dates, bodies, places and posts (社区主任王某
    扎根…), or 他/她's antecedent; None when the clause opens otherwise."""
    k = cs
    inside = [m for m in ms if cs <= m.start and m.end <= ce]
    rest = ""  # what stands before the subject outside mentions (社区 in 社区主任王某)
    for n, m in enumerate(inside):
        rest += text[k:m.start].strip(" \u3000、")
        if len(rest) > 3 or rest[:1] in ("他", "她"):
            break
        if m.label == "PERSON":
            out = [m]
            for m2 in inside[n + 1:]:
                if m2.label != "PERSON" or text[out[-1].end:m2.start] not in ("、", "和", "及"):
                    break
                out.append(m2)
            return out, False
        if m.label not in ("DATE", "ORG", "GPE", "POST"):
            break
        k = m.end
    lead = text[k:ce].lstrip(" \u3000，,")
    if lead[:1] in ("他", "她") and lead[1:2] != "们":
        return _antecedent(text, ms, cs), True
    return None


def _fallback_subject(text: str, ms: list[Mention], cs: int) -> list[Mention]:
    """在大赛中荣获二等奖: the recipient is the subject of the sentence's earlier clause
    (X村参加…大赛), when that clause names one that takes part."""
    ss, _ = _clause_bounds(text, cs, SENT_BREAK)
    cands = [m for m in ms if ss <= m.start < cs and m.label in ("PERSON", "ORG", "GPE")
             and text.startswith(SUBJECT_VERBS, m.end)]
    return cands[-1:] if cands else []


# ---- events -------------------------------------------------------------------------------
FINE_DATE = re.compile(r"^\d{4}-\d{2}")


def read_events(text: str, ms: list[Mention], posts: list[Post]) -> list[Event]:
    post_orgs = {id(p.org) for p in posts if p.org is not None}
    out: list[Event] = []
    seen: set[tuple] = set()
    quotes = [(m.start(), m.end()) for m in re.finditer(r"[“「《][^“”「」《》\n]*[”」》]", text)]

    def quoted(i: int) -> bool:
        return any(a <= i < b for a, b in quotes)

    dates = [m for m in ms if m.label == "DATE"]
    fine = [d for d in dates if d.value and FINE_DATE.match(d.value)]
    review = _is_monthly_review(text, fine)

    def ss_of(i: int) -> int:
        return _clause_bounds(text, i, SENT_BREAK)[0]

    def build(d: Mention, lo: int, scope_end: int, subject_lo: int, se: int) -> Event | None:
        """The event reported in text[lo:scope_end] under date ``d``: the first trigger verb
        there, the bodies and persons before it (from ``subject_lo``), the place after a
        place preposition, and the persons named in the later clauses as taking part."""
        trig = None
        for t in _triggers().finditer(text, lo, scope_end):
            if quoted(t.start()) or any(m.start <= t.start() < m.end for m in ms):
                continue
            trig = t
            break
        if trig is None:
            return None
        ts, te = trig.span()
        word = trig.group()
        scope = [m for m in ms if subject_lo <= m.start and m.end <= scope_end]
        place = None
        for m in scope:
            if m.start >= lo and m.label in ("GPE", "ORG") and _after_place_prep(text, m, lo):
                place = m
                break
        agents = [m for m in _guided_by(text, ms, ss_of(lo), scope_end) if id(m) not in post_orgs]
        for m in scope:
            if m.end > ts or m is place or m.label not in ("PERSON", "ORG") or m in agents:
                continue
            if m.label == "ORG" and MEDIA_VENUE.search(text, max(0, m.start - 40), m.start):
                continue  # 在《某日报》和“某女性”微信公众号公示: outlets are where, not who
            if id(m) in post_orgs:
                continue
            agents.append(m)
        if not agents and PRONOUN_SUBJECT.fullmatch(text[lo:ts].strip(" \u3000，,")):
            agents = _antecedent(text, ms, lo)  # 2023年10月，他参加…大赛: the person named before
        # the clause after the trigger: the event's object / name
        cb = ts
        while cb < scope_end and text[cb] not in "，,。；;\n":
            cb += 1
        obj = text[te:cb].strip()
        if TALLY.search(obj) and _spans_months(d.value or "") and REPORT_PERIOD.search(d.text):
            # 上半年…发放贷款1.6亿元, 举办招聘活动150场: a tally over a reporting period; an
            # explicit run of months (3月至6月开展培训12场) dates a campaign
            return None
        if word in ("召开", "举行", "举办") and obj.endswith(("会", "会议", "大会")):
            agents += [m for m in scope if te <= m.start and m.end <= cb and m.label == "ORG"]
        # 参加团省委举办的…大赛: the body that holds what is attended
        agents += [m for m in scope if te <= m.start and m.end <= cb and m.label == "ORG"
                   and ORGANIZED_BY.match(text, m.end) and m not in agents]
        # 召开…大会，区委副书记X出席: later clauses of the sentence naming who took part
        agents += [m for m in _clause_attendees(text, ms, cb, scope_end) if m not in agents]
        # 县委副书记X、Y出席会议，Z主持会议: the next sentences of the paragraph name who
        # attended the event just reported, until another date opens another one
        agents += [m for m in _attendees(text, ms, dates, se, post_orgs) if m not in agents]
        if word in L.EVENT_SUBJECT_VERBS or not obj:
            a = lo
            while a < ts and text[a] in "，, 　:：】]":
                a += 1
            name = text[a:te].strip()
        else:
            name = obj
        return Event(d, name, word, agents, place, start=d.start, end=scope_end)

    def add(ev: Event | None, key: tuple) -> None:
        if ev is None or key in seen:
            return
        seen.add(key)
        out.append(ev)

    for d in fine:
        ss, se = _clause_bounds(text, d.start, SENT_BREAK)
        head_end = _section_head(text, d, review)
        if head_end is not None:
            # 【1月】区妇联联合…开展…。召开…: the heading dates every sentence under it
            # that has no finer date of its own
            for a, b in _section_sentences(text, d, head_end, fine):
                ev = build(d, max(a, d.end), b, a, b)
                if ev is not None:
                    add(ev, (d.value, ev.trigger))
            continue
        # the scope ends at the next dated clause of the sentence
        scope_end = se
        for d2 in dates:
            if d.end < d2.start < scope_end:
                scope_end = d2.start
        # a date inside a clause about something else (截至2月9日) opens nothing
        lead = text[ss:d.start].strip(" ▲▼►●■◆★图丨|")
        lead = LEAD_OK.sub("", lead)
        if lead and not lead.endswith(("于", "在")) and not _continues_subject(text, ms, ss, d):
            continue
        # 县妇联将于6月…: the subject written before the date is the event's too
        subject_lo = d.end if not lead else ss
        if lead:
            sp = SPEAKER.match(text, ss)
            if sp and sp.end() <= d.start:
                subject_lo = sp.end()
        ev = build(d, d.end, scope_end, subject_lo, se)
        if ev is not None and not ev.agents and not lead:
            # 团区委将组织…；11月下旬，还将举办…；12月5日，将开展…: a dated plan after ；
            # without a subject of its own is the earlier clause's subject's
            ev.agents = _semicolon_subject(text, ms, ss)
        if ev is not None and not ev.agents:
            # …活动在某镇举行。团区委组织青年志愿者…: the body that opens the next sentence
            # by organizing people for it took part
            ev.agents = _next_organizer(text, ms, se)
        if ev is not None and not ev.agents:
            ev.agents = _session_body(text, ms, ss, d.start)
        if ev is not None:
            add(ev, (d.value, ev.trigger))
    return out


# an outlet named as where something is published (在《…》和“…”公众号): the text before it
MEDIA_VENUE = re.compile(r"(?:在|通过|经)(?:[《“][^《》“”]{1,20}[》”](?:微信公众号|公众号|客户端|网站|"
                         r"平台|官网|微博)?(?:和|、|及|以及))*[《“]$")
ORGANIZES = re.compile(r"(?:还|也|积极|专门)?(?:组织|动员|选派|派出|发动|带领|率领|联合)")


def _next_organizer(text: str, ms: list[Mention], se: int) -> list[Mention]:
    """The bodies (、-list) opening the sentence after se when they organize, send or lead
    people there (共青团某区委组织…志愿者); [] otherwise."""
    if se >= len(text) or text[se] not in "。！!":
        return []
    k = se + 1
    out: list[Mention] = []
    for m in ms:
        if m.start < k:
            continue
        if m.start != k or m.label != "ORG":
            break
        out.append(m)
        k = m.end
        if text[k:k + 1] in ("、", "和", "与"):
            k += 1
            continue
        break
    return out if out and ORGANIZES.match(text, k) else []


def _semicolon_subject(text: str, ms: list[Mention], ss: int, depth: int = 3) -> list[Mention]:
    """The body or person opening the ；-clause before the one starting at ss (after its
    date), looking further back over clauses that have none; [] when no ； precedes."""
    j = ss - 1
    while j >= 0 and text[j] in " \u3000":
        j -= 1
    if depth == 0 or j < 0 or text[j] not in "；;":
        return []
    ps, _ = _clause_bounds(text, j - 1 if j else 0, SENT_BREAK)
    k = ps
    c = text.find("，", ps, j)
    if 0 <= c - ps <= 6 and not any(ps <= m.start < c for m in ms):
        k = c + 1  # 下一步，区妇联将…: an opening adverbial phrase
    for m in ms:
        if m.start < ps or m.start >= j:
            continue
        if text[k:m.start].strip(" \u3000，,、"):
            break
        if m.label == "DATE":
            k = m.end
            continue
        if m.label in ("ORG", "PERSON"):
            out = [m]
            for m2 in ms:
                if m2.start >= out[-1].end and m2.start < j and m2.label in ("ORG", "PERSON") \
                        and text[out[-1].end:m2.start] in ("、", "和", "与", "联合"):
                    out.append(m2)
            return out
        break
    return _semicolon_subject(text, ms, ps, depth - 1)


# what may stand before the date of a reported event: a dateline or byline (本报讯（记者 X）),
# a section heading (【3月】), a source phrase (据悉，), a speaker (X表示，)
LEAD_OK = re.compile(
    r"^(?:[【\[][^】\]\n]{0,12}[】\]])?(?:[^，。\n]{0,8}讯)?(?:[（(][^（）()\n]{0,40}[）)])?"
    r"(?:据悉|据了解|据介绍|此外|同时|另外|[^，。：:\n]{0,16}(?:表示|介绍|透露|说))?[，,：:]?$")
ORGANIZED_BY = re.compile(r"(?:举办|主办|承办|组织|召开|发起)的")
ATTEND = re.compile(r"出席|参加|主持|陪同|一同|列席|到会|参会|颁奖|致辞|讲话|就座|作[^，。；\n]{0,10}报告")
# the ceremony's own acts (X、Y共同为工作室揭牌), read in the event's own paragraph only: a
# caption below may hand out other plaques
ACTS = re.compile(ATTEND.pattern + r"|揭牌|授牌|授旗|颁发|签订|签约")
# the heads of bodies, standing for them (区水利局主要负责人参加)
REPRESENTED = re.compile(r"(?:主要|相关|有关)?负责(?:人|同志)")
# a later clause of the event's own sentence: who attended, spoke, or was invited to speak
CLAUSE_ATTEND = re.compile(ATTEND.pattern + r"|邀请|授课|宣讲|讲解|解读|宣布")
HEAD_MARKS = " \t\u3000▲▼►●■◆★◇□☆#＃"


# verbs of the genre's dated occurrences beyond the shared trigger list: court and
# complaint procedure (审理, 判决, 立案, 受理), selections, deliveries (为…送去…)
MORE_TRIGGERS = ("评选", "审理", "判决", "立案", "受理", "送去", "送上")


@cache
def _triggers() -> re.Pattern[str]:
    words = sorted(set(L.EVENT_TRIGGERS) | set(MORE_TRIGGERS), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


# 在县妇联的指导下 / 在X支持下: the body that guided or backed the event is among its agents
GUIDED = re.compile(r"在([^，。；\n]{2,30}?)的?(?:指导|支持|帮助|推动|组织|牵头)下")


def _guided_by(text: str, ms: list[Mention], lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    for g in GUIDED.finditer(text, lo, hi):
        out += [m for m in ms if g.start(1) <= m.start and m.end <= g.end(1)
                and m.label in ("PERSON", "ORG")]
    return out


# 市总工会联合…开展竞赛，5月下旬将在…举办决赛: a date opening a later clause that goes on
# without a subject of its own continues the sentence's subject
CONTINUES = ("将", "还将", "又", "再", "随后", "先后", "在", "于")


def _continues_subject(text: str, ms: list[Mention], ss: int, d: Mention) -> bool:
    if d.start == 0 or text[d.start - 1] not in "，,":
        return False
    if any(m.label == "DATE" and ss <= m.start < d.start and FINE_DATE.match(m.value or "")
           for m in ms):
        return False
    if text.startswith(CONTINUES, d.end) or text.startswith(
            tuple("，" + c for c in CONTINUES), d.end):
        return True
    # …行动，4月下旬联合县人社局举办招聘会: the dated clause opens on its verb
    t = _triggers().match(text, d.end)
    return text.startswith(JOINT, d.end) or (t is not None and t.group() not in ("参加", "出席"))


# verbs of acting together that open a clause without a subject (联合县人社局举办…)
JOINT = ("联合", "携手", "会同", "协同")
# 杜某表示，…: the speaker who reports the plan is not its agent
SPEAKER = re.compile(r"[^，。：:\n“”]{0,16}?(?:表示|介绍|透露|指出|强调|说)[，,：:]")


# a counted amount: 1.6亿元, 150场以上, 12期, 3000余人次
TALLY = re.compile(r"[0-9０-９.]+[万亿]?(?:余|多)?(?:元|场|期|次|人次|名|人|户|个|项|家|份|批|笔|篇|所)")


# the named reporting periods of work reports (halves, quarters)
REPORT_PERIOD = re.compile(r"半年|季度")


def _spans_months(value: str) -> bool:
    a, _, b = value.partition("/")
    return bool(b) and a[:7] != b[:7]


def _is_monthly_review(text: str, fine: list[Mention]) -> bool:
    """A month-by-month review (1月，… / ■ 3月 …): several lines open with a month date."""
    n = 0
    for d in fine:
        a = d.start
        while a > 0 and text[a - 1] in HEAD_MARKS + "【[":
            a -= 1
        if a == 0 or text[a - 1] == "\n":
            n += 1
    return n >= 3


def _section_head(text: str, d: Mention, review: bool) -> int | None:
    """Where the heading of a dated section ends, when ``d`` is one: 【1月】 or a date
    alone on its line, or, in a month-by-month review, a month opening a line."""
    a = d.start
    while a > 0 and text[a - 1] in HEAD_MARKS:
        a -= 1
    bracket = a > 0 and text[a - 1] in "【["
    if bracket:
        a -= 1
    if a > 0 and text[a - 1] != "\n":
        return None
    b = d.end
    if bracket:
        if b < len(text) and text[b] in "】]":
            return b + 1
        return None
    while b < len(text) and text[b] in HEAD_MARKS + "：:":
        b += 1
    if b >= len(text) or text[b] == "\n":
        return b
    if review and text[b] in "，," and len(d.value or "") == 7:  # 3月，… not 3月8日，…
        return b + 1
    return None


def _section_sentences(text: str, d: Mention, head_end: int,
                       fine: list[Mention]) -> list[tuple[int, int]]:
    """The sentences under a dated heading: the rest of its line, or, for a heading alone on
    its line, the lines below it up to the next blank line or dated line; sentences with
    a finer date of their own are left to that date."""
    end = text.find("\n", head_end)
    end = len(text) if end < 0 else end
    if not text[head_end:end].strip():
        # the paragraph below the heading, up to a blank line or the next dated line
        starts = {_line_start(text, f.start) for f in fine}
        while end < len(text) and text[end] == "\n":
            end += 1
        first = True
        while end < len(text) and (first or end not in starts):
            first = False
            nl = text.find("\n", end)
            if nl < 0:
                end = len(text)
                break
            end = nl + 1
            if text[end:end + 1] == "\n" or not text[end:end + 1]:
                break
    out: list[tuple[int, int]] = []
    a = head_end
    while a < end:
        b = a
        while b < end and text[b] not in SENT_BREAK:
            b += 1
        if text[a:b].strip() and not any(a <= f.start < b and f is not d for f in fine):
            out.append((a, b))
        a = b + 1
    return out


def _clause_attendees(text: str, ms: list[Mention], lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    pending: list[Mention] = []  # 常务副区长周红，副区长何志刚参加: verbless list items
    i = lo
    while i < hi:
        a, b = _clause_bounds(text, i, CLAUSE_BREAK)
        b = min(b, hi)
        if b > a and CLAUSE_ATTEND.search(text, a, b):
            out += pending
            out += [m for m in ms if a <= m.start and m.end <= b and m.label == "PERSON"]
            out += _represented(text, ms, a, b)
            pending = []
        else:
            pending = _titled_person(text, ms, a, b) if text[b:b + 1] in "，," else []
        i = b + 1
    return out


def _titled_person(text: str, ms: list[Mention], a: int, b: int) -> list[Mention]:
    """[the person] when text[a:b] is only posts, bodies and one person (区委常委、常务副区长
    周红): an item of a list whose verb comes in a later clause."""
    inside = [m for m in ms if a <= m.start and m.end <= b]
    if not inside or inside[-1].label != "PERSON" or inside[-1].end != b or \
            any(m.label not in ("POST", "ORG", "GPE") for m in inside[:-1]):
        return []
    rest = list(text[a:b])
    for m in inside:
        rest[m.start - a:m.end - a] = [""] * (m.end - m.start)
    return inside[-1:] if "".join(rest).strip(" \u3000、") == "" else []


def _line_start(text: str, i: int) -> int:
    """Where the line holding ``text[i]`` starts, when only heading marks stand before it."""
    a = i
    while a > 0 and text[a - 1] in HEAD_MARKS + "【[":
        a -= 1
    return a


def _attendees(text: str, ms: list[Mention], dates: list[Mention], se: int,
               post_orgs: set[int]) -> list[Mention]:
    out: list[Mention] = []
    i = se
    # a session report names the platform (X、Y在主席台就座) in the paragraph after the
    # opening one: the reading goes on into one more paragraph while its sentences do
    breaks = 1
    while i < len(text):
        while i < len(text) and text[i] in "。；;！!？? 　":
            i += 1
        if i < len(text) and text[i] == "\n":
            if not breaks:
                break
            breaks -= 1
            while i < len(text) and text[i] in "\n 　":
                i += 1
        if i >= len(text):
            break
        a, b = _clause_bounds(text, i, SENT_BREAK)
        verbs = ATTEND if breaks == 0 else ACTS
        if b <= a or any(a <= d.start < b for d in dates) or not verbs.search(text, a, b):
            break
        out += [m for m in ms if a <= m.start and m.end <= b and m.label == "PERSON"]
        out += _represented(text, ms, a, b)
        i = b
    return out


def _represented(text: str, ms: list[Mention], a: int, b: int) -> list[Mention]:
    """区水利局、区应急管理局负责同志陪同: the bodies whose heads attend are there too (the
    bodies of the clause before 负责人/负责同志)."""
    out: list[Mention] = []
    for rep in REPRESENTED.finditer(text, a, b):
        ca = _clause_bounds(text, rep.start(), CLAUSE_BREAK)[0]
        out += [m for m in ms if max(a, ca) <= m.start and m.end <= rep.start()
                and m.label == "ORG"]
    return out


def _after_place_prep(text: str, m: Mention, lo: int) -> bool:
    for p in L.PLACE_PREPS:
        if m.start - len(p) >= lo and text[m.start - len(p):m.start] == p:
            return True
    return False
