"""The spine end to end through the real `kg` command on the bundled sample articles."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"

POSTS = """SELECT DISTINCT ?person ?post ?org WHERE {
  ?m a org:Membership ; org:member ?p ; kg:postTitle ?post ; org:organization ?o .
  ?p rdfs:label ?person . ?o skos:prefLabel ?org . FILTER(LANG(?person) = "zh") }"""
EVENTS = """SELECT DISTINCT ?date ?who WHERE {
  ?e a schema:Event ; schema:startDate ?date ; schema:attendee ?p .
  ?p rdfs:label ?who . FILTER(LANG(?who) = "zh") }"""


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("e2e") / "kg-store"
    r = kg("build", str(SAMPLES), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "2 read, 2 written" in r.stdout
    return store


def rows(store: Path, query: str) -> list[dict]:
    r = kg("query", "--store", str(store), "--format", "csv", query)
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_posts_come_from_the_store(built):
    got = {(r["person"], r["post"], r["org"]) for r in rows(built, POSTS)}
    assert ("姜欣", "主席", "湖南省妇联") in got
    assert ("邹展晖", "党组书记", "株洲市妇联") in got
    assert ("毛腾飞", "书记", "株洲市委") in got


def test_dated_event_with_its_participants(built):
    got = {(r["date"], r["who"]) for r in rows(built, EVENTS)}
    assert {("2020-12-12", "姜欣"), ("2020-12-12", "毛腾飞")} <= got


def test_rebuild_keeps_the_triple_count(built):
    def count() -> int:
        return int(rows(built, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])

    before = count()
    r = kg("build", str(SAMPLES), "--store", str(built))
    assert r.returncode == 0 and "2 unchanged" in r.stdout
    r = kg("build", str(SAMPLES), "--store", str(built), "--force")
    assert r.returncode == 0 and "2 written" in r.stdout
    assert count() == before


@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("trig", "trig"),
                                          ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_reparses(built, fmt, parse_as):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(built),
                        "--format", fmt], capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    ds = rdflib.Dataset()
    ds.parse(data=r.stdout.decode("utf-8"), format=parse_as)
    labels = {str(o) for _, _, o, _ in ds.quads((None, rdflib.RDFS.label, None, None))}
    assert "姜欣" in labels and "湖南省妇联" in labels


def test_query_json_and_file(built, tmp_path):
    q = tmp_path / "posts.rq"
    q.write_text(POSTS, encoding="utf-8")
    r = kg("query", "--store", str(built), "-f", str(q), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    people = {b["person"]["value"] for b in data["results"]["bindings"]}
    assert {"姜欣", "李述永"} <= people


def test_view_page_is_offline(built, tmp_path):
    out = tmp_path / "graph.html"
    r = kg("view", "--store", str(built), "-o", str(out))
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "姜欣" in html or "\\u59dc\\u6b23" in html
    import re

    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?://", html)


def test_extract_then_eval_rescored_from_file(tmp_path):
    gold = REPO.parent / "shared" / "gold" / "dev.jsonl"
    if not gold.exists():
        pytest.skip("no dev gold beside the repo")
    preds = tmp_path / "pred.jsonl"
    r = kg("extract", str(SAMPLES), "-o", str(preds))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert {x["id"] for x in recs} == {"zhuzhou-fulian-2020-review", "zigui-fulian-2020-review"}
    r = kg("eval", str(gold), "--json", "--predictions", str(preds))
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout)
    direct = json.loads(kg("eval", str(gold), "--json").stdout)
    assert scores["mentions"] == direct["mentions"] and scores["posts"] == direct["posts"]
    jieba = json.loads(kg("eval", str(gold), "--json", "--baseline", "jieba").stdout)
    assert jieba["posts"]["tp"] == 0 and jieba["mentions"]["micro"]["f1"] > 0
