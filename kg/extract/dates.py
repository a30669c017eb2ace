"""DATE spans and their ISO 8601 values, by hand-written rules.

Why rules and not jionlp's ``parse_time``: jionlp parses one string you already cut out
(it does not find spans), costs milliseconds per call and resolves yearless dates against
"now"; we need every span in a document, exact gold-style boundaries and resolution
against the year the *document* is about. A small recursive-descent parser over a handful
of regexes does that in well under a millisecond per thousand characters.

Value conventions (see /work/shared/gold/README.md):

* ``2020``, ``2020-01``, ``2020-12-12``; ranges and sub-month periods are intervals
  ``start/end`` with each end written at its own precision (``2019-12/2020-03``,
  ``2020-11-21/2020-11-30``).
* 上旬/中旬/下旬 are the fixed thirds of a month (1–10, 11–20, 21–last day); 上半年/下半年
  and quarters are month intervals.
* Vague periods -- 年初/年末/年底, seasons, and likewise 月初/月底/月末 -- get ``None``: the
  gold nulls 2020年初 / 2020年末, so a "beginning of the month" cannot be an interval either.
* A month or day without a year takes the document year (``year``); without one, ``None``.
  A bare day (``26日``) takes the month of the closest preceding dated mention.
* Deictic 本月/上月 … are spans with value ``None``: they need discourse context (the date
  of the event being narrated) that belongs to the caller. Deictic days alone (当天, 次日,
  今天) are not found in running text at all: they name no calendar date.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

__all__ = ["find_dates", "infer_year", "interval", "normalize"]

# Full-width forms mapped one-to-one, so offsets in the translated text are offsets in the
# original.
_WIDE = str.maketrans("０１２３４５６７８９／．－～", "0123456789/.-~")

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_S = r"[ \t\u3000]?"  # a stray space between components, never a line break
_Y_AR = r"[12][0-9]{3}(?![0-9])"
_Y_CN = r"[一二][〇○零一二三四五六七八九]{3}"
_M_AR = r"(?:1[0-2]|0?[1-9])(?![0-9])"
_M_CN = r"(?:十[一二]|十|[一二三四五六七八九])"
_D_AR = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_D_CN = r"(?:三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# 初 also starts 初步/初次/初期/初心 …: "2020年初步建成" is a year, not "early 2020".
_CHU = r"初(?![步次期心级中审见具显稿赛始衷创选试])"
# "如今年轻人", "今年龄" … : a relative-year word glued to the next word.
_REL_Y_WORDS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_HALVES = ("上半年", "下半年")
_CONN = rf"{_S}(?:-|–|—{{1,2}}|―|~|〜|至|到){_S}"

_YEAR = re.compile(
    rf"(?:(?P<yar>{_Y_AR})|(?P<ycn>{_Y_CN})){_S}年(?P<du>度)?"
    rf"|(?P<yrel>今年|本年|去年|上年|前年|明年)(?![轻纪代龄限华级])(?P<du2>度)?")
_YPER = re.compile(
    rf"年?(?P<p>{_CHU}|末|底|上半年|下半年|前三季度|第?[一二三四1-4]季度|[春夏秋冬](?:季|天))")
_MON = re.compile(rf"(?:(?P<mar>{_M_AR})|(?P<mcn>{_M_CN})){_S}月(?![龄])(?P<fen>份)?")
_DAY = re.compile(rf"(?:(?P<dar>{_D_AR})|(?P<dcn>{_D_CN})){_S}[日号](?![楼线院文令])")
_MPER = re.compile(rf"(?P<p>上中旬|中下旬|上旬|中旬|下旬|{_CHU}|底|末)")
_REL_M = re.compile(r"本月|上月|下月|当月|次月")
_REL_D = re.compile(r"当天|当日|次日|翌日|同日|今天|昨天|昨日")
_ISO = re.compile(rf"(?P<y>[12][0-9]{{3}})(?P<sep>[-./])(?P<m>{_M_AR})(?P=sep)(?P<d>{_D_AR})"
                  r"(?!\.?[0-9])")
_BARE_Y = re.compile(rf"(?P<y>{_Y_AR})")
_CONN_RE = re.compile(_CONN)
# Compact ranges where only the last number carries the unit: 9月21-23日, 1-6月, 2019-2020年.
_C_DAY = re.compile(rf"(?P<d1>{_D_AR}|{_D_CN}){_CONN}(?P<d2>{_D_AR}|{_D_CN}){_S}[日号]")
_C_MON = re.compile(rf"(?P<m1>{_M_AR}|{_M_CN}){_CONN}(?P<m2>{_M_AR}|{_M_CN}){_S}月(?P<fen>份)?")
# 2019-2020年度, 2022—2023学年 (a school year is written as its two calendar years)
_C_YEAR = re.compile(rf"(?P<y1>{_Y_AR}){_CONN}(?P<y2>{_Y_AR}){_S}学?年(?P<du>度)?")

_TRIGGER = re.compile(r"[0-9一二三四五六七八九十〇○零今本去上前明下当次翌同昨]")

# Characters after which a number is a quantity, not a month/year: 第3月, 每5月, 近2000年 …
_QUANT_BEFORE = set("0123456789.第每近个前后满续数几逾约共半多余超")
# A bare day (26日) is only a date at the start of a clause: 共3日 / 历时5日 are durations.
_CLAUSE_START = set("\n\r \t\u3000，,。；;：:、！!？?丨|）)】」》“”\"'（(【「《于在至到从自")
# After a bare 4-digit year in a headline: punctuation, space, quotes or end of text.
_AFTER_BARE_Y = set(" \t\n\r\u3000，。、；：！？…“”\"'‘’（）()【】《》,!?;:—-|丨")
# Year-in-review headlines write the year bare: 盘点2020, 告别2020, 你好2021, "牛"转2021.
_BARE_Y_CUES = ("盘点", "回顾", "回眸", "回望", "告别", "再见", "你好", "迎接", "迎来", "展望",
                "致敬", "转", "跨入", "迈向", "走进", "拥抱", "决胜", "奋进", "相约", "定格",
                "喜迎", "奔向", "冲刺", "难忘", "感谢", "致")


def _cn_int(s: str) -> int:
    """Value of a Chinese numeral below 100 (十二, 二十一) or a digit string (二〇二〇)."""
    if s.isascii():
        return int(s)
    if "十" not in s:
        n = 0
        for ch in s:
            n = n * 10 + _CN_DIGIT[ch]
        return n
    tens, _, units = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)


def _valid_year(year: int | None) -> int | None:
    return year if year is not None and 1 <= year <= 9999 else None


@dataclass
class _Pt:
    """One date expression (not a range). Fields left None are absent from the text."""
    start: int
    end: int
    year: int | None = None          # explicit 4-digit year
    rel: int | None = None           # relative year offset (今年 0, 去年 -1 …)
    month: int | None = None
    day: int | None = None
    yper: str | None = None          # 上半年, 第一季度, 初 …
    mper: str | None = None          # 上旬, 下旬, 初 …
    deictic: bool = False            # 本月, 当天 …: value left to the caller
    fen: bool = False                # 9月份
    chinese: bool = False            # month written in Chinese numerals
    bare_year: bool = False          # 2020 without 年

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.rel is not None


@dataclass
class _Span:
    start: int
    end: int
    left: _Pt
    right: _Pt | None = None


def _year_head(t: str, i: int) -> tuple[_Pt, int]:
    """A point holding the year written at i (2020年, 二〇二〇年, 今年 …) and where it ends;
    an empty point at i when no year is written there."""
    p = _Pt(i, i)
    m = _YEAR.match(t, i)
    if not m:
        return p, i
    if m["yrel"]:
        p.rel = _REL_Y_WORDS[m["yrel"]]
    else:
        p.year = _cn_int(m["yar"] or m["ycn"])
    return p, m.end()


def _parse_point(t: str, i: int, allow_bare_year: bool = False) -> _Pt | None:
    """The longest single date expression starting at ``t[i]``."""
    m = _ISO.match(t, i)
    if m:
        return _Pt(i, m.end(), year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
    m = _REL_D.match(t, i)
    if m:
        return _Pt(i, m.end(), deictic=True)
    p, pos = _year_head(t, i)
    if pos > i:  # a year is written here
        p.end = pos
        m = _YPER.match(t, pos)
        if m:
            p.yper = m["p"]
            p.end = m.end()
            return p
        if t[pos:pos + 1] in (" ", "\t", "\u3000"):
            pos += 1
    elif t.startswith(_HALVES, i):
        # 上半年，县妇联还将…: a half without a year is the document year's
        return _Pt(i, i + 3, rel=0, yper=t[i:i + 3])
    m = _MON.match(t, pos)
    if m:
        p.month = _cn_int(m["mar"] or m["mcn"])
        p.chinese = m["mcn"] is not None
        p.fen = m["fen"] is not None
        pos = p.end = m.end()
        for off in (0, 1):
            if off and t[pos:pos + 1] not in (" ", "\t", "\u3000"):
                break
            d = _DAY.match(t, pos + off)
            if d:
                p.day = _cn_int(d["dar"] or d["dcn"])
                p.end = d.end()
                return p
            d = _MPER.match(t, pos + off)
            if d:
                p.mper = d["p"]
                p.end = d.end()
                return p
        return p
    m = _REL_M.match(t, pos)
    if m and not p.has_year:
        p.deictic = True
        p.end = m.end()
        d = _DAY.match(t, p.end)
        if d:
            p.day = _cn_int(d["dar"] or d["dcn"])
            p.end = d.end()
        return p
    if p.has_year:
        return p
    m = _DAY.match(t, i)
    if m:
        return _Pt(i, m.end(), day=_cn_int(m["dar"] or m["dcn"]),
                   chinese=m["dcn"] is not None)
    if allow_bare_year:
        m = _BARE_Y.match(t, i)
        if m:
            return _Pt(i, m.end(), year=int(m["y"]), bare_year=True)
    return None


def _compact(t: str, i: int) -> _Span | None:
    """9月21-23日 / 2020年1-6月 / 2019-2020年: the unit is written once, after the range."""
    m = _C_YEAR.match(t, i)
    if m:
        return _Span(i, m.end(), _Pt(i, m.end("y1"), year=int(m["y1"])),
                     _Pt(m.start("y2"), m.end(), year=int(m["y2"])))
    head, pos = _year_head(t, i)
    m = _C_MON.match(t, pos)
    if m:
        left = replace(head, end=m.end("m1"), month=_cn_int(m["m1"]))
        right = _Pt(m.start("m2"), m.end(), month=_cn_int(m["m2"]), fen=m["fen"] is not None)
        return _Span(i, m.end(), left, right)
    mo = _MON.match(t, pos)
    if mo:
        m = _C_DAY.match(t, mo.end())
        if m:
            left = replace(head, end=m.end("d1"), month=_cn_int(mo["mar"] or mo["mcn"]),
                           day=_cn_int(m["d1"]))
            right = _Pt(m.start("d2"), m.end(), day=_cn_int(m["d2"]))
            return _Span(i, m.end(), left, right)
    return None


def _range_ok(left: _Pt, right: _Pt) -> bool:
    """Whether ``right`` can close a range opened by ``left`` (9月21日-23日, 1月至3月 …)."""
    if left.deictic or right.deictic or right.bare_year:
        return False
    if right.has_year:
        return left.has_year
    if right.month is not None:
        return left.month is not None
    if right.day is not None:
        return left.day is not None
    return False


def _parse_any(t: str, i: int, allow_bare_year: bool = False) -> _Span | None:
    """The longest date or date range starting at ``t[i]``."""
    best: _Span | None = _compact(t, i)
    left = _parse_point(t, i, allow_bare_year)
    if left is not None:
        span = _Span(i, left.end, left)
        c = _CONN_RE.match(t, left.end)
        if c:
            right = _parse_point(t, c.end())
            if right is not None and _range_ok(left, right):
                span = _Span(i, right.end, left, right)
        if best is None or span.end > best.end:
            best = span
    return best


# ---------------------------------------------------------------------------------------
# values

_Day = tuple[int, int, int]


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _bounds(p: _Pt, year: int | None, ctx: tuple[int, int] | None
            ) -> tuple[_Day, str, _Day, str] | None:
    """First and last day the point covers, with the precision ('Y','M','D') of each end;
    None when the text does not determine them."""
    if p.deictic:
        return None
    y = p.year
    if y is None and p.rel is not None:
        y = None if year is None else year + p.rel
    if y is None and p.month is None and p.day is not None and ctx is not None:
        y, m = ctx                      # bare day: month and year from the previous date
    else:
        m = p.month
        if y is None and (m is not None or p.day is not None):
            y = year
    if y is None or not 1 <= y <= 9999:
        return None
    if p.yper is not None:
        q = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}.get(p.yper)
        if q is None and p.yper.endswith("季度"):
            n = _cn_int(p.yper[-3])     # 第一季度 / 一季度 / 1季度
            q = (3 * n - 2, 3 * n)
        if q is None:
            return None                 # 年初/年末/seasons: vague
        return (y, q[0], 1), "M", (y, q[1], _last_day(y, q[1])), "M"
    if m is None:
        if p.day is not None:
            return None
        return (y, 1, 1), "Y", (y, 12, 31), "Y"
    if not 1 <= m <= 12:
        return None
    last = _last_day(y, m)
    if p.day is not None:
        if not 1 <= p.day <= last:
            return None
        return (y, m, p.day), "D", (y, m, p.day), "D"
    if p.mper is not None:
        third = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, last), "上中旬": (1, 20),
                 "中下旬": (11, last)}.get(p.mper)
        if third is None:
            return None                 # 月初/月底/月末: vague like 年初
        return (y, m, third[0]), "D", (y, m, third[1]), "D"
    return (y, m, 1), "M", (y, m, last), "M"


def _fmt(d: _Day, prec: str) -> str:
    if prec == "Y":
        return f"{d[0]:04d}"
    if prec == "M":
        return f"{d[0]:04d}-{d[1]:02d}"
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def _join(a: str, b: str) -> str:
    return a if a == b else f"{a}/{b}"


def _resolve(span: _Span, year: int | None, ctx: tuple[int, int] | None
             ) -> tuple[str | None, tuple[int, int] | None]:
    """The value of a span, and the (year, month) a following bare day (26日) refers to."""
    left = _bounds(span.left, year, ctx)
    if left is None:
        return None, ctx
    if span.right is None:
        return (_join(_fmt(left[0], left[1]), _fmt(left[2], left[3])),
                (left[2][0], left[2][1]) if left[3] != "Y" else ctx)
    r = span.right
    # The closing end inherits what it leaves out from the opening end.
    inherit_year = not r.has_year
    inherit_month = r.month is None and r.yper is None
    ly, lm = left[0][0], left[0][1]
    rr = replace(r, year=ly if inherit_year else r.year, rel=None if inherit_year else r.rel,
                 month=lm if inherit_month and r.day is not None else r.month)
    right = _bounds(rr, year, None)
    if right is not None and right[2] < left[0]:
        # 12月25日至1月3日 runs into the next year; 9月28日-3日 into the next month.
        if inherit_month and r.day is not None:
            ny, nm = (ly + 1, 1) if lm == 12 else (ly, lm + 1)
            right = _bounds(replace(rr, year=ny, month=nm), year, None) if ny <= 9999 else None
        elif inherit_year and ly < 9999:
            right = _bounds(replace(rr, year=ly + 1), year, None)
    if right is None or right[2] < left[0]:
        return None, ctx
    return (_join(_fmt(left[0], left[1]), _fmt(right[2], right[3])),
            (right[2][0], right[2][1]) if right[3] != "Y" else ctx)


# ---------------------------------------------------------------------------------------
# context rules for spans found in running text


def _accept(t: str, span: _Span) -> bool:
    p = span.left
    before = t[span.start - 1] if span.start else "\n"
    if span.right is not None:
        return before not in "0123456789."
    if p.deictic:
        # 活动当天, 次日: a day named only by the narrative is no calendar date (the gold
        # leaves it out); 本月/当月 name a month of the calendar and stay
        return _REL_D.fullmatch(t, span.start, span.end) is None
    if p.yper in _HALVES and t.startswith(_HALVES, span.start):
        # only where a clause opens (上半年，…); 比上半年 compares with a period
        return before in _CLAUSE_START
    if p.rel is not None and p.month is None and p.yper is None:
        word = t[span.start:span.start + 2]
        # 过去年代, 如今年产值, 以上年龄, 三年前年均 …: the pair of characters belongs to
        # other words.
        bad_before = {"去年": "过", "今年": "如", "上年": "以之马向", "本年": "",
                      "明年": "文光聪清透说证", "前年": "0123456789一二三四五六七八九十两几数多年天月日"}
        return before not in bad_before.get(word, "")
    if before in "0123456789.":
        return False
    if p.has_year and p.month is None and p.yper is None:
        if p.rel is None and not 1900 <= (p.year or 0) <= 2100:
            return False
        return before not in _QUANT_BEFORE
    if p.month is not None and p.day is None and p.mper is None and not p.has_year:
        # A month alone: 9月 / 9月份 yes; 第3月, 每5月, 三月三 (Chinese numerals) no.
        return before not in _QUANT_BEFORE and (p.fen or not p.chinese)
    if p.month is None and p.day is not None and not p.has_year:
        # A bare day (26日) opens a clause in running news; 3日内/5日后 are spans of time.
        after = t[span.end:span.end + 2]
        return (not p.chinese and before in _CLAUSE_START
                and not after.startswith(("内", "后", "前", "以内", "之内", "以后", "左右")))
    return not (p.month is not None and p.chinese and before in _CN_DIGIT)


def _bare_year_ok(t: str, i: int, j: int) -> bool:
    """A 4-digit number without 年 is a year only in year-in-review headline positions."""
    y = int(t[i:j])
    if not 1949 <= y <= 2100:
        return False
    if j < len(t) and t[j] not in _AFTER_BARE_Y:
        return False
    k = i
    while k > 0 and t[k - 1] in " \t\u3000“\"‘'「《【":
        k -= 1
    if k == 0 or t[k - 1] in "\n\r":
        return j == len(t) or t[j] in "\n\r，,！!：: \t\u3000”\"’'」》】"
    return t[:k].endswith(_BARE_Y_CUES)


@functools.lru_cache(maxsize=4)
def _scan(text: str) -> tuple[_Span, ...]:
    """The DATE spans of `text`, before their values are resolved; cached because the
    pipeline asks twice per document (the document year, then the DATE spans)."""
    t = text.translate(_WIDE)
    spans: list[_Span] = []
    pos = 0
    for m in _TRIGGER.finditer(t):
        i = m.start()
        if i < pos:
            continue
        span = _parse_any(t, i)
        if span is not None and not _accept(t, span):
            # the longest reading is rejected in context; a range may still open on a point
            left = _parse_point(t, i) if span.right is not None else None
            span = _Span(i, left.end, left) if left is not None else None
            if span is not None and not _accept(t, span):
                span = None
        if span is None and t[i].isdigit() and (i == 0 or not t[i - 1].isdigit()):
            b = _BARE_Y.match(t, i)
            if b and _bare_year_ok(t, i, b.end()):
                span = _Span(i, b.end(), _Pt(i, b.end(), year=int(b["y"]), bare_year=True))
        if span is not None:
            spans.append(span)
            pos = span.end
    if "年" in t:
        # 年初，… / 力争年底前: the vague period alone is a DATE span too (value None, like
        # 2020年初); not the 年 of a word (青年初心, 多年底层, 少年初中)
        taken = [(sp.start, sp.end) for sp in spans]
        extra = [_Span(m.start(), m.end(), _Pt(m.start(), m.end(), yper=m.group(1)))
                 for m in _BARE_YPER.finditer(t)
                 if not any(a < m.end() and m.start() < b for a, b in taken)]
        if extra:
            spans = sorted(spans + extra, key=lambda sp: sp.start)
    return tuple(spans)


_BARE_YPER = re.compile(r"(?<![0-9〇○零一二三四五六七八九十今本去上前明度青少老中成童多近往常全当每历新周数百千万晚早壮幼学逐])"
                        r"年(初|底|末)(?![步次期心级中审见具显稿赛始衷创选试层色线])")


# ---------------------------------------------------------------------------------------
# public API


def find_dates(text: str, year: int | None) -> list[tuple[int, int, str | None]]:
    """All DATE spans in ``text`` as (start, end exclusive, ISO value or None), sorted,
    non-overlapping and maximal. ``year`` is the document year for yearless dates."""
    year = _valid_year(year)
    out: list[tuple[int, int, str | None]] = []
    ctx: tuple[int, int] | None = None
    for span in _scan(text):
        value, ctx = _resolve(span, year, ctx)
        out.append((span.start, span.end, value))
    return out


def normalize(surface: str, year: int | None) -> str | None:
    """The ISO value of one DATE surface string (``2020年11月下旬`` → ``2020-11-21/2020-11-30``),
    None when the string is not a date or its value cannot be determined."""
    year = _valid_year(year)
    t = surface.strip().translate(_WIDE)
    if not t:
        return None
    span = _parse_any(t, 0, allow_bare_year=True)
    if span is None or span.end != len(t):
        return None
    return _resolve(span, year, None)[0]


def infer_year(text: str, meta: dict[str, Any]) -> int | None:
    """The year the document is about.

    With a publication date, its year wins: news reports write "3月8日" for this year's
    events, and explicit years in the text are often last year's figures cited as
    background, so counting them would misdate an ordinary spring article. The exception is
    the year-end review or work report published in the first quarter of the next year
    ("2020年是极不平凡的一年", 盘点2020): there the previous year is written more often
    than the publication year, and that year is the one the yearless dates belong to.
    Without a publication date, the most frequent explicit year (1949–2100) in DATE
    expressions is the topic; ties go to the latest year, as a review's closing "2021年的
    号角已经吹响" never outnumbers its subject year while an outlook's subject is the later one.
    """
    counts: Counter[int] = Counter()
    relative = False
    for span in _scan(text):
        for p in (span.left, span.right):
            if p is not None and p.year is not None and 1949 <= p.year <= 2100:
                counts[p.year] += 1
            if p is not None and p.rel is not None:
                relative = True
    pub = str((meta or {}).get("published") or "")
    m = re.match(r"\s*([12][0-9]{3})(?:[-./年]([01]?[0-9]))?", pub.translate(_WIDE))
    if m:
        p_year = int(m[1])
        p_month = int(m[2]) if m[2] else None
        if p_month is not None and p_month <= 3 and counts[p_year - 1] > counts[p_year]:
            return p_year - 1
        return p_year
    if counts:
        # 是2021年的5倍, 比2021年增长, 2021年以来, 始于2021年: a year the text measures from
        # or looks back to is before the writer's now, however often it is written. The
        # document year is then one of the later years written, or unknown: a yearless
        # 6月上旬 is better left without a value than given the wrong year.
        t = text.translate(_WIDE)
        past = [int(next(g for g in m.groups() if g)) for m in _PAST_YEAR.finditer(t)]
        if past:
            counts = Counter({y: n for y, n in counts.items() if y > max(past)})
        if counts:
            best = max(counts, key=lambda y: (counts[y], y))
            # 今年6月, 去年: a text that speaks of its own year in relative words names its
            # year only when it is the topic (written again and again, as a review's is); a
            # year written once or twice beside 今年/去年 is a past event of the story
            if relative and counts[best] < _TOPIC_YEAR_MIN:
                return None
            return best
    return None


# how often an undated text that says 今年/去年 must write a year for it to be the topic
_TOPIC_YEAR_MIN = 3


# a year written as a point of comparison or the start of a period up to now
_PAST_YEAR = re.compile(
    rf"(?:比|较|相较|始于|早在|自)({_Y_AR})年|(?:是|为)({_Y_AR})年的|与({_Y_AR})年(?:同期)?相比"
    rf"|({_Y_AR})年以来")


def _iso_day(s: str, last: bool) -> date:
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", s)
    if not m:
        raise ValueError(f"not an ISO date: {s!r}")
    y = int(m[1])
    if m[3]:
        return date(y, int(m[2]), int(m[3]))
    if m[2]:
        mo = int(m[2])
        return date(y, mo, _last_day(y, mo) if last else 1)
    return date(y, 12, 31) if last else date(y, 1, 1)


def interval(value: str) -> tuple[date, date]:
    """First and last day covered by a DATE value (``2020`` → 2020-01-01, 2020-12-31).
    Raises ValueError for anything that is not a valid value."""
    a, sep, b = value.partition("/")
    start = _iso_day(a, last=False)
    end = _iso_day(b if sep else a, last=True)
    if end < start:
        raise ValueError(f"interval ends before it starts: {value!r}")
    return start, end
