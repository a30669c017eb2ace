"""The scorer follows ../shared/gold/README.md: exact spans, alternatives, event matching."""

import json

import pytest

from kg.eval import EvalError, load_gold, score

GOLD = {
    "id": "d1", "text": "2021年3月8日，市妇联主席王红出席表彰会。",
    "mentions": [
        {"start": 0, "end": 10, "label": "DATE", "text": "2021年3月8日", "value": "2021-03-08"},
        {"start": 11, "end": 14, "label": "ORG", "text": "市妇联"},
        {"start": 14, "end": 16, "label": "POST", "text": "主席"},
        {"start": 16, "end": 18, "label": "PERSON", "text": "王红"},
    ],
    "posts": [{"person": "王红", "post": "主席", "org": "长沙市妇联|长沙市妇女联合会"}],
    "awards": [{"recipient": "李明家庭", "honor": "最美家庭", "year": 2021}],
    "events": [{"date": "2021-03-08", "agents": ["王红"], "name": "表彰会", "place": None},
               {"date": "2021-04", "agents": [], "name": "春季培训班", "place": None}],
}


def test_perfect_prediction_scores_one():
    r = score([GOLD], [dict(GOLD)])
    assert r["mentions"]["micro"]["f1"] == 1.0
    assert r["posts"]["f1"] == r["awards"]["f1"] == r["events"]["f1"] == 1.0
    assert r["date_value_accuracy"] == 1.0


def test_alternatives_quotes_and_spaces_match():
    pred = {"id": "d1", "mentions": [], "events": [],
            "posts": [{"person": "王红", "post": "主席", "org": "长沙市妇女联合会"}],
            "awards": [{"recipient": "李明家庭", "honor": "“最美 家庭”"}]}
    r = score([GOLD], [pred])
    assert r["posts"]["tp"] == 1 and r["posts"]["fp"] == 0
    assert r["awards"]["tp"] == 1  # year is not part of the key


def test_span_off_by_one_is_a_miss_and_a_false_hit():
    pred = {"id": "d1", "mentions": [{"start": 11, "end": 13, "label": "ORG", "text": "市妇"}]}
    r = score([GOLD], [pred])
    org = r["mentions"]["per_label"]["ORG"]
    assert (org["tp"], org["fp"], org["fn"]) == (0, 1, 1)


def test_wrong_date_value_counts_against_accuracy_only():
    m = dict(GOLD["mentions"][0], value="2020-03-08")
    r = score([GOLD], [{"id": "d1", "mentions": [m]}])
    assert r["mentions"]["per_label"]["DATE"]["tp"] == 1
    assert r["date_value_accuracy"] == 0.0


def test_events_match_on_date_and_agents_or_names():
    pred = {"id": "d1", "events": [
        {"date": "2021-03-08", "agents": ["王红", "张三"], "name": "x"},
        {"date": "2021-04", "agents": [], "name": "培训班"},
        {"date": "2021-05-01", "agents": ["王红"], "name": "表彰会"},
    ]}
    r = score([GOLD], [pred])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (2, 1, 0)
    assert r["event_agents"]["r"] == 1.0 and r["event_agents"]["p"] == 0.5


def test_missing_prediction_scores_empty():
    r = score([GOLD], [])
    assert r["mentions"]["micro"]["r"] == 0.0 and r["posts"]["fn"] == 1


def test_load_gold_reports_line_number(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(EvalError, match="line 2"):
        load_gold(p)
