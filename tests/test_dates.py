"""Tests for kg.extract.dates: pattern families and properties.

Quality on gold files is measured with `kg eval`, speed with `kg bench`; no test asserts either."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.dates import find_dates, infer_year, interval, normalize

GOLD = Path("/work/shared/gold/dev.jsonl")
_ISO_PART = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def spans(text: str, year: int | None = 2021) -> list[tuple[str, str | None]]:
    return [(text[s:e], v) for s, e, v in find_dates(text, year)]


def assert_valid_value(value: str | None) -> None:
    if value is None:
        return
    parts = value.split("/")
    assert len(parts) in (1, 2), value
    assert all(_ISO_PART.fullmatch(p) for p in parts), value
    start, end = interval(value)  # raises on impossible calendar dates
    assert start <= end


# --- pattern families ------------------------------------------------------------------

@pytest.mark.parametrize(("surface", "value"), [
    ("2018年3月7日", "2018-03-07"),
    ("2018.3.7", "2018-03-07"),
    ("2018-03-07", "2018-03-07"),
    ("2018/3/7", "2018-03-07"),
    ("２０１８年３月７日", "2018-03-07"),
    ("二〇一八年三月七日", "2018-03-07"),
    ("二〇一八年十一月二十九日", "2018-11-29"),
    ("十月三十一日", "2021-10-31"),
    ("2018年 3月 7日", "2018-03-07"),
    ("3月7号", "2021-03-07"),
])
def test_full_dates(surface: str, value: str) -> None:
    assert normalize(surface, 2021) == value


@pytest.mark.parametrize(("surface", "value"), [
    ("2019年", "2019"),
    ("2019年度", "2019"),
    ("二〇一九年", "2019"),
    ("2019年6月", "2019-06"),
    ("2019年6月份", "2019-06"),
    ("6月份", "2021-06"),
    ("十一月份", "2021-11"),
    ("4月16日", "2021-04-16"),
    ("2019", "2019"),
])
def test_years_months_days(surface: str, value: str) -> None:
    assert normalize(surface, 2021) == value


@pytest.mark.parametrize(("surface", "year", "value"), [
    ("3月上旬", 2021, "2021-03-01/2021-03-10"),
    ("3月中旬", 2021, "2021-03-11/2021-03-20"),
    ("4月下旬", 2021, "2021-04-21/2021-04-30"),
    ("2月下旬", 2020, "2020-02-21/2020-02-29"),
    ("2月下旬", 2021, "2021-02-21/2021-02-28"),
    ("2100年2月下旬", None, "2100-02-21/2100-02-28"),
    ("2000年2月下旬", None, "2000-02-21/2000-02-29"),
    ("7月上中旬", 2021, "2021-07-01/2021-07-20"),
    ("2019年上半年", 2021, "2019-01/2019-06"),
    ("下半年", 2021, "2021-07/2021-12"),  # the document year's half
    ("下半年", None, None),
    ("今年第三季度", 2021, "2021-07/2021-09"),
    ("2019年前三季度", 2021, "2019-01/2019-09"),
])
def test_periods(surface: str, year: int | None, value: str | None) -> None:
    assert normalize(surface, year) == value


@pytest.mark.parametrize("surface", [
    "2019年初", "2019年末", "2019年底", "今年年底", "2019年春季", "5月初", "5月底", "5月末",
])
def test_vague_periods_are_null(surface: str) -> None:
    assert normalize(surface, 2021) is None


@pytest.mark.parametrize(("surface", "value"), [
    ("5月6日-8日", "2021-05-06/2021-05-08"),
    ("5月6日至8日", "2021-05-06/2021-05-08"),
    ("5月6日—8日", "2021-05-06/2021-05-08"),
    ("5月6日～8日", "2021-05-06/2021-05-08"),
    ("5月6日~8日", "2021-05-06/2021-05-08"),
    ("5月6日到8日", "2021-05-06/2021-05-08"),
    ("5月6日–8日", "2021-05-06/2021-05-08"),
    ("5月6-8日", "2021-05-06/2021-05-08"),
    ("5月30日至6月2日", "2021-05-30/2021-06-02"),
    ("5月30日-2日", "2021-05-30/2021-06-02"),
    ("12月30日至1月2日", "2021-12-30/2022-01-02"),
    ("2018年11月至2019年2月", "2018-11/2019-02"),
    ("3月至5月", "2021-03/2021-05"),
    ("3-5月", "2021-03/2021-05"),
    ("2017-2019年", "2017/2019"),
    ("2017年至2019年", "2017/2019"),
    ("2018年3月7日至2018年4月1日", "2018-03-07/2018-04-01"),
    ("5月上旬至6月中旬", "2021-05-01/2021-06-20"),
])
def test_ranges(surface: str, value: str) -> None:
    assert normalize(surface, 2021) == value


@pytest.mark.parametrize(("surface", "value"), [
    ("今年", "2021"), ("本年度", "2021"), ("去年", "2020"), ("上年", "2020"),
    ("前年", "2019"), ("明年", "2022"), ("今年5月", "2021-05"), ("去年12月8日", "2020-12-08"),
    ("本月", None), ("上月", None), ("当天", None), ("次日", None), ("本月8日", None),
])
def test_relative(surface: str, value: str | None) -> None:
    assert normalize(surface, 2021) == value


def test_relative_and_yearless_without_document_year() -> None:
    assert normalize("今年", None) is None
    assert normalize("4月16日", None) is None
    assert normalize("2019年4月16日", None) == "2019-04-16"


def test_year_arithmetic_stays_in_range() -> None:
    assert normalize("明年", 9999) is None
    assert normalize("去年", 1) is None
    assert normalize("今年", 0) is None        # not a valid year: treated as unknown
    assert normalize("12月30日至1月2日", 9999) is None


def test_invalid_calendar_dates_have_no_value() -> None:
    assert normalize("2021年2月29日", None) is None
    assert normalize("2020年2月29日", None) == "2020-02-29"
    assert normalize("4月31日", 2021) is None


def test_not_dates() -> None:
    for s in ("", "abc", "三八红旗手", "12338", "5万元", "2020年12月12日上午", "2019年13月"):
        assert normalize(s, 2021) is None


# --- spans in running text --------------------------------------------------------------

def test_weekday_and_time_outside() -> None:
    assert spans("3月7日（星期三）上午9时，区妇联召开会议。") == [("3月7日", "2021-03-07")]


def test_quantities_are_not_dates() -> None:
    text = ("近1000年历史，共3日，3日内办结，第3月，每5月一次，拨付2020万元，12338热线，"
            "用时3-5分钟，2020.12万元，今后年均增长，如今年轻人，三月三歌会，全年共开展。")
    assert spans(text) == []


def test_bare_year_only_in_headline_positions() -> None:
    assert spans("回顾2019，展望2020\n") == [("2019", "2019"), ("2020", "2020")]
    assert spans("标题\n2019\n正文") == [("2019", "2019")]
    assert spans("共2019人参加，2019个家庭") == []


def test_bare_days_take_the_month_of_the_previous_date() -> None:
    text = "5月6日，县妇联召开会议。8日上午，举办培训；12日、13日开展走访。"
    assert spans(text) == [("5月6日", "2021-05-06"), ("8日", "2021-05-08"),
                           ("12日", "2021-05-12"), ("13日", "2021-05-13")]
    assert spans("15日下午，召开会议。") == [("15日", None)]


def test_range_falls_back_to_its_first_date() -> None:
    assert spans("自2019年9月至今，共开展活动") == [("2019年9月", "2019-09")]
    assert spans("12月8日——区妇联召开会议") == [("12月8日", "2021-12-08")]


def test_year_words_glued_to_other_words() -> None:
    assert spans("2019年初步建成") == [("2019年", "2019")]
    assert spans("2019年初，启动项目") == [("2019年初", None)]


def test_spans_are_maximal_and_ordered() -> None:
    text = "2019年12月至2020年3月，以及4月20日-22日，4月下旬和今年5月份"
    assert spans(text) == [("2019年12月至2020年3月", "2019-12/2020-03"),
                           ("4月20日-22日", "2021-04-20/2021-04-22"),
                           ("4月下旬", "2021-04-21/2021-04-30"),
                           ("今年5月份", "2021-05")]


# --- infer_year ------------------------------------------------------------------------

def test_infer_year_from_text_without_publication() -> None:
    text = "2019年是不平凡的一年。2019年，全县……2019年3月……展望2020年"
    assert infer_year(text, {}) == 2019
    assert infer_year("2018年……2019年", {}) == 2019          # tie → latest
    assert infer_year("没有年份的文本", {}) is None
    assert infer_year("共2019人", {}) is None               # quantities are not years


def test_infer_year_with_publication_date() -> None:
    # a spring news item citing last year's figures is about the publication year
    text = "5月20日，市妇联召开会议，回顾2018年工作，2018年全市……"
    assert infer_year(text, {"published": "2019-05-21"}) == 2019
    # a year-end review published early next year is about the previous year
    review = "2018年是极不平凡的一年……2018年……2019年的号角已经吹响"
    assert infer_year(review, {"published": "2019-01-14"}) == 2018
    assert infer_year("没有年份", {"published": "2019-01-14"}) == 2019
    assert infer_year("2017年", {"published": "garbage"}) == 2017


# --- interval ----------------------------------------------------------------------------

def test_interval() -> None:
    assert interval("2020") == (date(2020, 1, 1), date(2020, 12, 31))
    assert interval("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert interval("2020-02-03") == (date(2020, 2, 3), date(2020, 2, 3))
    assert interval("2019-12/2020-03") == (date(2019, 12, 1), date(2020, 3, 31))
    for bad in ("", "2020-13", "2020-02-30", "2021/2020", "x"):
        with pytest.raises(ValueError):
            interval(bad)


# --- properties ---------------------------------------------------------------------------

years = st.one_of(st.none(), st.integers(min_value=1, max_value=9999),
                  st.integers(min_value=-10**6, max_value=10**6))
date_alphabet = "0123456789年月日号至-—到~今去明前上本当次同旬初底末下中度份季半一二三十〇 \n，、"
texts = st.one_of(st.text(), st.text(alphabet=date_alphabet))


@settings(max_examples=400, deadline=None)
@given(texts, years)
def test_find_dates_properties(text: str, year: int | None) -> None:
    found = find_dates(text, year)
    prev_end = 0
    for start, end, value in found:
        assert prev_end <= start < end <= len(text)
        prev_end = end
        assert_valid_value(value)


@settings(max_examples=400, deadline=None)
@given(texts, years)
def test_normalize_never_raises(text: str, year: int | None) -> None:
    assert_valid_value(normalize(text, year))


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)), years)
def test_full_dates_round_trip(d: date, year: int | None) -> None:
    assert normalize(f"{d.year}年{d.month}月{d.day}日", year) == d.isoformat()
    text = f"会议于{d.year}年{d.month}月{d.day}日召开"
    assert find_dates(text, year) == [(3, len(text) - 2, d.isoformat())]


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_yearless_dates_take_the_document_year(d: date) -> None:
    assert normalize(f"{d.month}月{d.day}日", d.year) == d.isoformat()


@given(st.integers(1, 12), st.integers(1, 31), st.integers(1, 31), st.integers(1, 9999))
def test_day_ranges_are_ordered(m: int, d1: int, d2: int, year: int) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    value = normalize(f"{m}月{d1}日-{d2}日", year)
    assert_valid_value(value)
    try:
        last_ok = date(year, m, d2)
    except ValueError:
        last_ok = None
    if last_ok is not None:
        assert value is not None
        start, end = interval(value)
        assert (start, end) == (date(year, m, d1), last_ok)


def test_infer_year_a_year_measured_from_is_before_the_document() -> None:
    # the only explicit year is a baseline (是…的, 比…, 以来, 始于): the writer's year is later
    # and unknown, so yearless dates get no value rather than the baseline's year
    assert infer_year("去年全镇产值是2019年的3倍。工作始于2019年8月。今年5月举办展会。", {}) is None
    assert infer_year("2019年以来，全县新建驿站12个。2019年9月首个驿站开放。", {}) is None
    # a later year written alongside the baseline is the document's
    assert infer_year("2022年，全区产值比2021年增长8%。2022年3月……", {}) == 2022
    # a publication date still decides
    assert infer_year("比2019年增长", {"published": "2023-06-01"}) == 2023


def test_halves_without_a_year_open_a_clause_only() -> None:
    assert find_dates("下半年，区团委将举办创业营。", 2022) == [(0, 3, "2022-07/2022-12")]
    assert find_dates("上半年，全县……", None) == [(0, 3, None)]
    assert find_dates("产值比上半年增长", 2022) == []


def test_school_year_ranges() -> None:
    assert find_dates("2021—2022学年，全校开展志愿服务。", None) == [(0, 11, "2021/2022")]
    assert normalize("2018-2019学年度", None) == "2018/2019"
    assert find_dates("小学年级", 2022) == []


def test_undated_text_with_relative_years_names_no_year_from_one_mention() -> None:
    # an undated feature: the one explicit year is a past event, 今年/去年 are the writer's
    text = "2021年，她返乡创办合作社。去年，合作社产值翻番。今年7月起，县妇联将举办培训。"
    assert infer_year(text, {}) is None
    assert find_dates(text, infer_year(text, {}))[-1][2] is None
    # a review writing its year again and again is about that year, 今年 included
    review = "2022年是奋进的一年。2022年，全县妇联……2022年6月……今年，我们还将……"
    assert infer_year(review, {}) == 2022
    # without relative words the latest of equally frequent years still decides
    assert infer_year("2021年……2022年", {}) == 2022


def test_deictic_days_are_not_dates_in_running_text() -> None:
    assert find_dates("活动当天，电视台进行了报道。次日，代表们参观了基地。", 2023) == []
    assert [v for _s, _e, v in find_dates("本月8日，召开会议。", 2023)] == [None]
    assert normalize("当天", 2021) is None


def test_bare_vague_year_periods_are_spans_without_value():
    from kg.extract.dates import find_dates

    assert find_dates("年初，市妇联启动宣讲活动。", 2023) == [(0, 2, None)]
    assert find_dates("力争年底前建成基地。", 2023) == [(2, 4, None)]
    assert find_dates("青年初心不改，多年底层工作。", 2023) == []
