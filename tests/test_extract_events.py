"""Event frames on constructions of reviews and reports (own sentences, not from any gold)."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document


def ex(text: str, published: str | None = "2022-12-30"):
    meta = {"published": published} if published else {}
    return extract(Document(id="t", text=text, meta=meta))


def by_date(e) -> dict[str, set[str]]:
    return {ev.date.value: {a.text for a in ev.agents} for ev in e.events}


def test_bracketed_month_headings_date_the_clauses_under_them():
    e = ex("镇妇联2022年工作回顾\n\n"
           "【2月】镇妇联联合镇司法所开展“法律进万家”宣传活动，发放资料800份。\n\n"
           "【5月】召开全镇妇女代表大会，镇党委副书记王海燕出席。\n\n"
           "【8月】8月16日，举办家政技能培训班，邀请县职业中学教师刘秀兰授课。\n")
    got = by_date(e)
    assert got["2022-02"] == {"镇妇联", "镇司法所"}
    assert "王海燕" in got["2022-05"]
    assert "刘秀兰" in got["2022-08-16"]
    assert "2022-08" not in got      # the finer date inside the section carries the event


def test_heading_alone_on_its_line_dates_the_paragraph_below():
    e = ex("【9月】\n县妇联组织巾帼志愿者开展敬老服务活动。\n\n【10月】\n全县妇女手工编织大赛在县文化馆举行。\n")
    got = by_date(e)
    assert set(got) == {"2022-09", "2022-10"}
    assert "县妇联" in got["2022-09"]


def test_month_opening_lines_of_a_monthly_review():
    e = ex("■ 3月，区团委举办青年创业沙龙。\n■ 6月，区团委启动“七彩假期”志愿服务。\n"
           "■ 9月，区团委召开少先队工作会议。\n")
    assert set(by_date(e)) == {"2022-03", "2022-06", "2022-09"}


def test_a_lone_day_date_opening_a_line_is_not_a_heading():
    e = ex("5月12日，街道妇联开展防灾演练。同日，社区举行义诊。")
    assert [ev.trigger for ev in e.events] == ["开展"]


def test_award_lines_under_a_heading_are_not_events():
    e = ex("【7月】李家庄村张玉梅家庭获评“全省最美家庭”。\n")
    assert e.events == []


def test_future_event_takes_the_subject_before_the_date():
    e = ex("县总工会将于7月在县体育馆举办职工篮球赛。")
    (ev,) = e.events
    assert ev.date.value == "2022-07" and "县总工会" in {a.text for a in ev.agents}
    assert ev.place is not None and ev.place.text == "县体育馆"


def test_speaker_before_the_date_is_not_an_agent_but_opens_the_clause():
    e = ex("县妇联主席周红表示，9月中旬，县妇联将联合县法院开展普法宣传。")
    (ev,) = e.events
    assert ev.date.value == "2022-09-11/2022-09-20"
    assert {a.text for a in ev.agents} >= {"县妇联", "县法院"}


def test_speakers_and_persons_seated_in_the_next_paragraph_attend():
    e = ex("3月2日，县第十八届人民代表大会第二次会议在县会议中心开幕。\n\n"
           "县委书记赵东明、县长钱立新在主席台就座。\n\n"
           "钱立新代表县人民政府作政府工作报告。")
    (ev,) = e.events
    assert {"赵东明", "钱立新"} <= {a.text for a in ev.agents}


def test_half_year_plan_is_an_event_but_a_tally_is_not():
    e = ex("下半年，市妇联将联合市教育局启动家长学校建设。")
    (ev,) = e.events
    assert ev.date.value == "2022-07/2022-12"
    assert {a.text for a in ev.agents} == {"市妇联", "市教育局"}
    assert ex("上半年，县妇联发放小额贷款3200万元。").events == []


def test_no_event_when_the_document_year_is_unknown():
    # 是2019年的 marks 2019 as a baseline: 今年6月 cannot be dated, so no event is read
    e = ex("村集体收入是2019年的两倍。今年6月，村里举办了首届桃花节。", published=None)
    assert e.events == []
    assert [m.value for m in e.mentions if m.label == "DATE"] == ["2019", None]


def test_dated_clause_continuing_the_sentence_subject():
    e = ex("今年以来，县妇联联合县农业农村局开展巾帼致富带头人培育行动，9月下旬将在县城举办成果展。")
    (ev,) = e.events
    assert ev.date.value == "2022-09-21/2022-09-30" and ev.trigger == "举办"
    assert {a.text for a in ev.agents} == {"县妇联", "县农业农村局"}


def test_a_dated_clause_after_another_date_is_not_continued():
    e = ex("3月5日，县妇联召开执委会议，4月将举办技能培训。")
    assert [ev.date.value for ev in e.events] == ["2022-03-05"]


def test_guiding_body_is_an_agent():
    e = ex("6月10日，在县妇联的指导下，城关镇妇联举办亲子阅读活动。")
    (ev,) = e.events
    assert {"县妇联", "城关镇妇联"} <= {a.text for a in ev.agents}


def test_court_procedure_verbs_are_triggers():
    e = ex("8月3日，县人民法院审理一起赡养纠纷案件。")
    (ev,) = e.events
    assert ev.trigger == "审理" and "县人民法院" in {a.text for a in ev.agents}


def test_ceremony_acts_in_the_next_sentence_name_agents_in_the_same_paragraph_only():
    e = ex("5月6日，县总工会与县人社局举行劳模工作室授牌仪式。县总工会主席孟建国、县人社局局长"
           "田晓峰共同为工作室授牌。\n\n▼县总工会副主席韩冬梅为优秀职工颁发证书")
    (ev,) = e.events
    names = {a.text for a in ev.agents}
    assert {"孟建国", "田晓峰"} <= names and "韩冬梅" not in names


def test_built_facility_is_a_dated_event():
    e = ex("2022年10月，县妇联在城关镇建成全县首个妇女儿童之家服务站。")
    evs = [(ev.date.value, ev.trigger, [a.text for a in ev.agents]) for ev in e.events]
    assert evs == [("2022-10", "建成", ["县妇联"])]


def test_a_dated_clause_opening_on_its_verb_continues_the_subject():
    e = ex("王丽华表示，今年，区妇联将深化“巾帼护航”行动，3月中旬联合区人社局在河口镇举办"
           "女性就业招聘会。", published="2023-02-20")
    evs = [ev for ev in e.events if ev.date.value == "2023-03-11/2023-03-20"]
    assert len(evs) == 1
    assert {a.text for a in evs[0].agents} == {"区妇联", "区人社局"}  # not the speaker
    assert evs[0].place is not None and evs[0].place.text == "河口镇"


def test_tallies_over_months_are_events_but_not_over_reporting_periods():
    e = ex("5月至7月，县妇联联合县农业农村局开展“巧手致富”技能培训8场，培训妇女500余人次。"
           "上半年，县妇联举办招聘活动20场。")
    got = by_date(e)
    assert got.get("2022-05/2022-07") == {"县妇联", "县农业农村局"}
    assert "2022-01/2022-06" not in got


def test_bodies_attending_through_their_heads_are_agents():
    e = ex("6月5日，副县长李明带队督导安全生产工作，县应急管理局、县交通运输局负责同志陪同。"
           "7月8日，县长王刚到城关镇调研。县水利局主要负责人参加调研。")
    got = by_date(e)
    assert got["2022-06-05"] == {"李明", "县应急管理局", "县交通运输局"}
    assert got["2022-07-08"] == {"王刚", "县水利局"}


def test_a_pronoun_subject_of_an_event_is_the_person_named_before():
    e = ex("焊工孙建华从事焊接工作十五年。2022年9月，他参加全市职工技能大赛，获得二等奖。")
    assert by_date(e)["2022-09"] == {"孙建华"}


def test_verbless_list_items_share_the_attendance_verb_after_them():
    e = ex("8月3日，县长赵刚带队检查防汛工作，县委常委、常务副县长钱丽，副县长孙平参加检查。"
           "9月1日，县妇联举办培训班，县妇联主席李梅为学员讲解政策。")
    got = by_date(e)
    assert {"赵刚", "钱丽", "孙平"} <= got["2022-08-03"]
    assert "李梅" in got["2022-09-01"]


def test_dated_plans_after_semicolons_keep_the_first_clause_subject():
    e = ex("下一步，区妇联将组织巾帼志愿者走进社区宣讲；2月中旬，还将举办家政技能培训班；"
           "3月8日当天，将集中开展“巾帼心向党”主题活动。", published="2023-01-20")
    got = by_date(e)
    assert got["2023-02-11/2023-02-20"] == {"区妇联"}
    assert got["2023-03-08"] == {"区妇联"}


def test_body_organizing_people_in_the_next_sentence_is_an_agent():
    e = ex("9月20日，“喜迎丰收”农民丰收节在城关镇举行。共青团平江县委员会组织80名青年志愿者，"
           "在现场开展引导服务。", published="2023-09-25")
    assert by_date(e)["2023-09-20"] == {"共青团平江县委员会"}


def test_outlets_where_something_is_published_are_not_agents():
    e = ex("2月下旬，省妇联已在《湖南日报》和“湖南女性”微信公众号对拟表彰对象进行了公示。",
           published="2023-03-06")
    assert by_date(e)["2023-02-21/2023-02-28"] == {"省妇联"}


def test_session_named_by_its_body_short_name():
    e = ex("1月8日上午，政协平江县第十一届委员会第三次会议开幕。去年，县政协被省政协评为先进集体。"
           "政协会议将于10日下午闭幕。", published="2024-01-09")
    assert by_date(e)["2024-01-10"] == {"政协平江县第十一届委员会"}
