"""kg serve (SPARQL 1.1 Protocol over a kg store) and the kg.remote client, exercised with real
HTTP: uvicorn on a loopback port in a background thread, and httpx, SPARQLWrapper and
rdflib's SPARQLStore as clients."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import threading
import time
import xml.dom.minidom
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
import uvicorn
from rdflib.compare import isomorphic

from kg.iri import graph_iri
from kg.model import StoreError
from kg.remote import (
    RemoteStore,
    TruncatedResultWarning,
    remote_query,
    remote_query_bytes,
    remote_select,
    remote_update,
)
from kg.serve import LOOPBACK_HOSTS, create_app, negotiate
from kg.store import Store
from kg.vocab import SPARQL_PREFIXES

pytestmark = pytest.mark.filterwarnings(
    # pyoxigraph result iterators dropped on the event loop thread show up as this
    "error::pytest.PytestUnraisableExceptionWarning")

TOKEN = "s3cret-token"
MAX_ROWS = 100
BULK = 150  # triples in the bulk document: more than MAX_ROWS

TTL = {
    "zhuzhou-1": """
id:person/jiangxin a schema:Person ; rdfs:label "姜欣"@zh, "Jiāng Xīn"@zh-Latn-pinyin ;
    org:holds id:post/zzfl-chair .
id:post/zzfl-chair a org:Post ; org:postIn id:org/zzfl ; rdfs:label "主席"@zh .
id:org/zzfl a org:Organization ; skos:prefLabel "株洲市妇联"@zh ;
    kg:fullName "株洲市妇女联合会"@zh ; org:subOrganizationOf id:org/hnfl .
id:org/hnfl a org:Organization ; skos:prefLabel "湖南省妇联"@zh .
id:place/zhuzhou a schema:AdministrativeArea ; rdfs:label "株洲市"@zh .
id:event/e1 a schema:Event, sem:Event ; rdfs:label "最美庭院表彰大会"@zh ;
    schema:startDate "2020-12-12"^^xsd:date ; schema:location id:place/zhuzhou ;
    schema:attendee id:person/jiangxin ; schema:organizer id:org/zzfl ; kg:trigger "参加" .
id:doc/zhuzhou-1 a schema:NewsArticle ; schema:identifier "zhuzhou-1" .
""",
    "zigui-1": """
id:person/lihuaying a schema:Person ; rdfs:label "李华迎"@zh ; kg:received id:honor/zmjt .
id:honor/zmjt a kg:Honor ; rdfs:label "最美家庭"@zh ; kg:conferredBy id:org/hnfl .
id:org/hnfl a org:Organization ; skos:prefLabel "湖南省妇联"@zh .
id:award/a1 a kg:HonorAward ; kg:recipient id:person/lihuaying ; kg:honor id:honor/zmjt ;
    kg:conferrer id:org/hnfl ; kg:year 2020 .
id:doc/zigui-1 a schema:NewsArticle ; schema:identifier "zigui-1" ;
    schema:headline "标题, \\"引号\\"\\n第二行\\t制表"@zh ;
    schema:alternativeHeadline "<img src=x onerror=alert(1)><b>粗</b>"@zh ;
    kg:note [ rdfs:label "a blank node" ] .
""",
}
TTL_HEAD = "".join(f"@prefix {k}: <{v}> .\n" for k, v in
                   re.findall(r"PREFIX (\w+): <([^>]+)>", SPARQL_PREFIXES))


def _quads(doc_id: str, ttl: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph_iri(doc_id))
    # Turtle local names cannot hold "/": spell kg's entity IRIs out.
    ttl = re.sub(r"\bid:([\w/-]+)", r"<https://w3id.org/kg-cn/id/\1>", ttl)
    return [ox.Quad(q.subject, q.predicate, q.object, g)
            for q in ox.parse((TTL_HEAD + ttl).encode(), format=ox.RdfFormat.TURTLE)]


def _bulk_quads() -> list[ox.Quad]:
    g = ox.NamedNode(graph_iri("bulk"))
    p = ox.NamedNode("https://w3id.org/kg-cn/ontology#n")
    return [ox.Quad(ox.NamedNode(f"https://w3id.org/kg-cn/id/n/{i}"), p, ox.Literal(i), g)
            for i in range(BULK)]


def _make_store(path: Path, docs: dict[str, str], bulk: bool = False) -> None:
    st = Store(path)
    for doc_id, ttl in docs.items():
        st.replace_document(doc_id, _quads(doc_id, ttl), f"hash-{doc_id}")
    if bulk:
        st.replace_graph(graph_iri("bulk"), _bulk_quads())
    st.close()


@contextmanager
def running(app) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    t0 = time.monotonic()
    while not server.started:
        assert thread.is_alive() and time.monotonic() - t0 < 10, "server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    _make_store(path, TTL, bulk=True)
    return path


@pytest.fixture(scope="module")
def local(store_path) -> Store:
    """The same store opened read-only in the test process, for reference answers."""
    return Store(store_path, read_only=True)


@pytest.fixture(scope="module")
def base(store_path) -> Iterator[str]:
    app = create_app(store_path, timeout=10, max_rows=MAX_ROWS, allowed_hosts=LOOPBACK_HOSTS)
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def sparql(base) -> str:
    return base + "/sparql"


def _post(url: str, query: str, accept: str | None = None, **kw) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.post(url, data={"query": query}, headers=headers, timeout=20, **kw)


def _bindings(resp: httpx.Response) -> list[dict[str, str]]:
    data = resp.json()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


# -- the page ------------------------------------------------------------------------------------
def test_page_is_offline_html(base):
    r = httpx.get(base + "/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<textarea" in html and "<select" in html
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|@import|url\(", html)
    assert "innerHTML" not in html
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp


def test_page_examples_answer_on_the_graph_shape(base, sparql):
    html = httpx.get(base + "/").text
    block = re.search(r'<script type="application/json" id="example-queries">(.*?)</script>',
                      html, re.DOTALL)
    examples = {e["title"]: e["query"] for e in json.loads(block.group(1))}
    assert len(examples) == 4
    got = {}
    for title, q in examples.items():
        r = _post(sparql, q, "application/sparql-results+json")
        assert r.status_code == 200, (title, r.text)
        got[title] = _bindings(r)
    # Entity triples repeat in every document graph: the examples must not repeat rows.
    assert [(b["name"], b["title"], b["body"]) for b in got["posts held by people"]] == [
        ("姜欣", "主席", "株洲市妇联")]
    assert [(b["name"], b["honor"], b["conferrer"], b["year"])
            for b in got["honors received"]] == [
        ("李华迎", "最美家庭", "湖南省妇联", "2020")]
    assert [(b["label"], b["start"], b["place"], b["role"])
            for b in got["events of a person, with dates"]] == [
        ("最美庭院表彰大会", "2020-12-12", "株洲市", "attendee")]
    assert [(b["name"], b.get("parentName")) for b in got["bodies and their parents"]] == [
        ("湖南省妇联", None), ("株洲市妇联", "湖南省妇联")]


# -- protocol: query operation -------------------------------------------------------------------
Q_PEOPLE = "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"


def test_get_post_urlencoded_and_post_direct_agree(sparql):
    acc = {"Accept": "application/sparql-results+json"}
    by_get = httpx.get(sparql, params={"query": Q_PEOPLE}, headers=acc)
    by_form = _post(sparql, Q_PEOPLE, acc["Accept"])
    by_body = httpx.post(sparql, content=Q_PEOPLE.encode(),
                         headers={**acc, "Content-Type": "application/sparql-query"})
    for r in (by_get, by_form, by_body):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/sparql-results+json"
    assert _bindings(by_get) == _bindings(by_form) == _bindings(by_body)
    assert {b["name"] for b in _bindings(by_get)} == {"姜欣", "Jiāng Xīn", "李华迎"}


Q_MIXED = """SELECT ?s ?p ?o ?extra WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g != <https://w3id.org/kg-cn/graph/bulk>)
  OPTIONAL { ?s schema:identifier ?extra FILTER(?p = rdf:type) }
} ORDER BY ?s ?p ?o"""
SELECT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


@pytest.mark.parametrize("media_type", list(SELECT_FORMATS))
def test_select_formats_equal_pyoxigraph_own_serialization(sparql, local, media_type):
    # IRIs, language tags, datatypes, a blank node, unbound values, quotes/commas/newlines.
    r = _post(sparql, Q_MIXED, media_type)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media_type
    assert "x-kg-truncated" not in r.headers
    want = local.query(Q_MIXED).serialize(format=SELECT_FORMATS[media_type])
    assert r.content == want


def test_select_formats_round_trip(sparql, local):
    n = len(local.select(Q_MIXED).rows)
    assert n > 30
    headline = "标题, \"引号\"\n第二行\t制表"
    rows = list(csv.DictReader(io.StringIO(_post(sparql, Q_MIXED, "text/csv").text)))
    assert len(rows) == n and headline in {r["o"] for r in rows}
    for mt in ("application/sparql-results+xml", "text/tab-separated-values",
               "application/sparql-results+json"):
        parsed = list(ox.parse_query_results(_post(sparql, Q_MIXED, mt).content,
                                             format=SELECT_FORMATS[mt]))
        assert len(parsed) == n
        assert ox.Literal(headline, language="zh") in {s["o"] for s in parsed}
        assert any(isinstance(s["o"], ox.BlankNode) for s in parsed)


Q_GRAPH = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/kg-cn/graph/zhuzhou-1> "
           "{ ?s ?p ?o } }")


@pytest.mark.parametrize("media_type,rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_construct_formats_parse_back(sparql, local, media_type, rdflib_format):
    r = _post(sparql, Q_GRAPH, media_type)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media_type
    got = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    want = rdflib.Graph().parse(data=ox.serialize(local.query(Q_GRAPH),
                                                  format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert len(want) == 26
    assert len(got) == len(want) and isomorphic(got, want)


def test_describe_and_ask(sparql):
    r = _post(sparql, "DESCRIBE <https://w3id.org/kg-cn/id/person/jiangxin>", "text/turtle")
    assert r.status_code == 200
    assert len(rdflib.Graph().parse(data=r.text, format="turtle")) == 4
    for q, want in (("ASK { ?x a kg:HonorAward }", True), ("ASK { ?x a kg:Nothing }", False)):
        j = _post(sparql, q, "application/sparql-results+json")
        assert j.json()["boolean"] is want
        x = _post(sparql, q, "application/sparql-results+xml")
        assert ox.parse_query_results(x.content, format=ox.QueryResultsFormat.XML) \
            .__bool__() is want


def test_accept_negotiation(sparql):
    def ctype(q: str, accept: str | None) -> str:
        r = _post(sparql, q, accept)
        assert r.status_code == 200
        return r.headers["content-type"].split(";")[0]

    assert ctype(Q_PEOPLE, None) == "application/sparql-results+json"
    assert ctype(Q_PEOPLE, "*/*") == "application/sparql-results+json"
    assert ctype(Q_PEOPLE, "text/csv;q=0.5, application/sparql-results+xml") == \
        "application/sparql-results+xml"
    assert ctype(Q_PEOPLE, "text/*;q=0.9, text/csv;q=0.1") == "text/tab-separated-values"
    assert ctype(Q_PEOPLE, "image/png") == "application/sparql-results+json"  # fallback
    assert ctype(Q_GRAPH, "application/sparql-results+json, text/turtle;q=0.5") == "text/turtle"
    assert ctype(Q_GRAPH, None) == "text/turtle"
    r = httpx.get(sparql, params={"query": Q_GRAPH, "format": "nt"})
    assert r.headers["content-type"] == "application/n-triples"
    assert negotiate("application/xml;q=0, */*;q=0.1", ["application/xml", "text/csv"]) \
        == "text/csv"


def test_dataset_parameters(sparql):
    g1 = "https://w3id.org/kg-cn/graph/zigui-1"
    r = httpx.get(sparql, params={"query": Q_PEOPLE, "default-graph-uri": g1})
    assert {b["name"] for b in _bindings(r)} == {"李华迎"}
    r = httpx.get(sparql, params={"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
                                  "named-graph-uri": g1})
    assert [b["g"] for b in _bindings(r)] == [g1]


# -- errors, limits, timeouts --------------------------------------------------------------------
def test_malformed_query_is_400_and_server_keeps_serving(sparql):
    r = _post(sparql, "SELEC * WHERE { ?s ?p ?o }")
    assert r.status_code == 400
    assert "SPARQL syntax error" in r.text and "error at 1:" in r.text
    r = httpx.post(sparql, content=b"SELECT * {", headers={
        "Content-Type": "application/sparql-query"})
    assert r.status_code == 400
    assert httpx.post(sparql, content=b"\xff\xfe", headers={
        "Content-Type": "application/sparql-query"}).status_code == 400
    assert httpx.post(sparql, content=b"x", headers={"Content-Type": "text/plain"}) \
        .status_code == 415
    assert httpx.get(sparql).status_code == 400
    assert httpx.get(sparql, params=[("query", Q_PEOPLE), ("query", Q_PEOPLE)]) \
        .status_code == 400
    r = _post(sparql, Q_PEOPLE)
    assert r.status_code == 200 and len(_bindings(r)) == 3


def test_row_limit_truncates_and_says_so(sparql):
    q = "SELECT ?s ?n WHERE { ?s kg:n ?n } ORDER BY ?n"
    for mt in ("application/sparql-results+json", "text/csv"):
        r = _post(sparql, q, mt)
        assert r.status_code == 200
        assert r.headers["x-kg-truncated"] == "true"
        assert r.headers["x-kg-max-rows"] == str(MAX_ROWS)
    assert [int(b["n"]) for b in _bindings(_post(sparql, q))] == list(range(MAX_ROWS))
    r = _post(sparql, "CONSTRUCT WHERE { ?s kg:n ?n }", "application/n-triples")
    assert r.headers["x-kg-truncated"] == "true"
    assert len(r.text.strip().splitlines()) == MAX_ROWS
    r = _post(sparql, q + f" LIMIT {MAX_ROWS}")
    assert "x-kg-truncated" not in r.headers and len(_bindings(r)) == MAX_ROWS


@pytest.fixture(scope="module")
def slow_url() -> Iterator[str]:
    st = Store()  # in memory: big enough for a cross product to take seconds
    g = ox.NamedNode(graph_iri("big"))
    st.ox.extend([ox.Quad(ox.NamedNode(f"http://example.org/s/{i}"),
                          ox.NamedNode("http://example.org/p"), ox.Literal(str(i)), g)
                  for i in range(2000)])
    # max_rows bounds the damage if the per-row deadline check ever breaks (then the
    # streaming test fails within seconds instead of filling memory for hours).
    app = create_app(st, timeout=0.3, max_rows=1_000_000, workers=2)
    with running(app) as url:
        yield url + "/sparql", app


def _wait_idle(app, within: float) -> bool:
    t0 = time.monotonic()
    while int(app.state.busy) and time.monotonic() - t0 < within:
        time.sleep(0.02)
    return int(app.state.busy) == 0


def test_timeout_on_a_streaming_cross_product(slow_url):
    url, app = slow_url
    t0 = time.monotonic()
    r = _post(url, "SELECT ?a { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")  # 8e9 rows
    took = time.monotonic() - t0
    assert r.status_code == 503 and "timed out after 0.3 s" in r.text
    assert took < 3.0  # generous: the machine is shared
    assert _wait_idle(app, 2.0), "the per-row deadline check did not stop the worker"
    r = _post(url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert r.status_code == 200 and _bindings(r) == [{"n": "2000"}]


def test_timeout_while_the_store_is_busy_in_one_call(slow_url):
    # No row comes out before the whole 4M-pair join is done (about 1.6 s measured alone):
    # the answer still comes at the deadline, the worker stays busy in Rust (the documented
    # limit), and the second worker serves the next query.
    url, app = slow_url
    t0 = time.monotonic()
    r = _post(url, "SELECT * { ?a ?b ?c . ?d ?e ?f FILTER(?c = ?f && ?a != ?d) }")
    took = time.monotonic() - t0
    assert r.status_code == 503
    assert took < 3.0
    assert int(app.state.busy) == 1  # answered while the store was still at it
    r = _post(url, "ASK { ?s ?p \"7\" }")
    assert r.status_code == 200 and r.json()["boolean"] is True
    assert _wait_idle(app, 30.0)


def test_host_header_guard(base):
    assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200
    r = httpx.get(base + "/sparql", params={"query": "ASK {}"},
                  headers={"Host": "evil.example:7878"})
    assert r.status_code == 400


# -- updates ---------------------------------------------------------------------------------------
INSERT = ('INSERT DATA { GRAPH <https://w3id.org/kg-cn/graph/manual> { '
          '<https://w3id.org/kg-cn/id/person/new> a schema:Person ; rdfs:label "新人"@zh } }')


def test_updates_refused_when_read_only(base, sparql):
    r = httpx.post(sparql, data={"update": INSERT})
    assert r.status_code == 403 and "read-only" in r.text
    r = httpx.post(base + "/update", content=INSERT.encode(), headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403
    assert httpx.get(sparql, params={"update": INSERT}).status_code == 405
    assert httpx.post(base + "/update", data={"query": Q_PEOPLE}).status_code == 400
    assert len(_bindings(_post(sparql, Q_PEOPLE))) == 3


def test_allow_update_needs_a_token(tmp_path):
    with pytest.raises(StoreError, match="token"):
        create_app(tmp_path / "s", allow_update=True)


def test_updates_with_token(tmp_path):
    path = tmp_path / "rw"
    _make_store(path, {"zigui-1": TTL["zigui-1"]})
    app = create_app(path, allow_update=True, token=TOKEN)
    with running(app) as base:
        sparql = base + "/sparql"
        r = httpx.post(sparql, data={"update": INSERT})
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        r = httpx.post(sparql, data={"update": INSERT}, headers={"Authorization": "Bearer nope"})
        assert r.status_code == 403
        assert len(_bindings(_post(sparql, Q_PEOPLE))) == 1
        r = httpx.post(sparql, data={"update": INSERT},
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        assert {b["name"] for b in _bindings(_post(sparql, Q_PEOPLE))} == {"李华迎", "新人"}
        delete = 'DELETE WHERE { GRAPH ?g { ?p rdfs:label "新人"@zh } }'
        r = httpx.post(base + "/update", content=delete.encode(),
                       headers={"Content-Type": "application/sparql-update",
                                "Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        assert {b["name"] for b in _bindings(_post(sparql, Q_PEOPLE))} == {"李华迎"}
        r = httpx.post(sparql, data={"update": "INSERT DATA {"},
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 400 and "SPARQL syntax error" in r.text
        remote_update(sparql, INSERT, token=TOKEN)
        assert len(remote_select(sparql, Q_PEOPLE).rows) == 2
        with pytest.raises(StoreError, match="401"):
            remote_update(sparql, INSERT)


# -- Graph Store Protocol (/store) -----------------------------------------------------------------
G_ZIGUI = graph_iri("zigui-1")
G_NEW = "https://w3id.org/kg-cn/graph/manual"


def _graph_of(st: Store, graph: str) -> rdflib.Graph:
    triples = [q.triple for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    return rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                                format="nt")


@pytest.mark.parametrize("media_type,rdflib_format", [
    (None, "turtle"), ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_gsp_get_a_graph(base, local, media_type, rdflib_format):
    r = httpx.get(base + "/store", params={"graph": G_ZIGUI},
                  headers={"Accept": media_type} if media_type else {})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == (media_type or "text/turtle")
    got = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    want = _graph_of(local, G_ZIGUI)
    assert len(want) == 20  # with a blank node: compared as graphs, not as lines
    assert len(got) == len(want) and isomorphic(got, want)
    # A GET is a dump, not a query: no row limit.
    r = httpx.get(base + "/store", params={"graph": graph_iri("bulk")},
                  headers={"Accept": "application/n-triples"})
    assert len(r.text.strip().splitlines()) == BULK > MAX_ROWS


def test_gsp_get_the_dataset_default_graph_and_errors(base, local):
    r = httpx.get(base + "/store", headers={"Accept": "application/n-quads"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/n-quads"
    assert sorted(r.content.splitlines()) == sorted(
        ox.serialize(local.ox, format=ox.RdfFormat.N_QUADS).splitlines())
    r = httpx.get(base + "/store", headers={"Accept": "application/trig"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/trig"
    ds = rdflib.Dataset().parse(data=r.content, format="trig")
    assert len(list(ds.quads((None, None, None, None)))) == len(local)
    r = httpx.get(base + "/store", params={"default": ""})
    assert r.status_code == 200 and r.content.strip() == b""  # kg writes nothing there
    head = httpx.head(base + "/store", params={"graph": G_ZIGUI})
    assert head.status_code == 200 and head.content == b""
    for params, status, needle in (
            ({"graph": G_NEW}, 404, "no graph"),
            ({"graph": "not an iri"}, 400, "invalid graph IRI"),
            ({"graph": G_ZIGUI, "default": ""}, 400, "not both")):
        r = httpx.get(base + "/store", params=params)
        assert r.status_code == status and needle in r.text, (params, r.text)
    assert httpx.head(base + "/store", params={"graph": G_NEW}).status_code == 404


def test_gsp_writes_refused_when_read_only(base, local):
    before = sorted(ox.serialize(local.ox, format=ox.RdfFormat.N_QUADS).splitlines())
    nt = {"Content-Type": "application/n-triples", "Authorization": f"Bearer {TOKEN}"}
    for method in ("PUT", "POST", "DELETE"):
        r = httpx.request(method, base + "/store", params={"graph": G_ZIGUI}, headers=nt,
                          content=b"<http://x/s> <http://x/p> <http://x/o> .\n")
        assert r.status_code == 403 and "read-only" in r.text, (method, r.text)
    r = httpx.get(base + "/store", headers={"Accept": "application/n-quads"})
    assert sorted(r.content.splitlines()) == before


NT_A = '<https://w3id.org/kg-cn/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .\n'
NT_B = '<https://w3id.org/kg-cn/id/person/b> <http://www.w3.org/2000/01/rdf-schema#label> "乙"@zh .\n'


def test_gsp_put_post_delete(tmp_path):
    path = tmp_path / "gsp"
    _make_store(path, {"zigui-1": TTL["zigui-1"]})
    app = create_app(path, allow_update=True, token=TOKEN)
    with running(app) as base:
        url = base + "/store"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        nt = {**auth, "Content-Type": "application/n-triples"}

        def put(body: str, headers=nt, **params) -> httpx.Response:
            return httpx.put(url, params=params or {"graph": G_NEW}, content=body.encode(),
                             headers=headers)

        def post(body: str, headers=nt, **params) -> httpx.Response:
            return httpx.post(url, params=params or {"graph": G_NEW}, content=body.encode(),
                              headers=headers)

        def lines(**params) -> list[str] | None:
            r = httpx.get(url, params=params or {"graph": G_NEW},
                          headers={"Accept": "application/n-triples"})
            return None if r.status_code == 404 else sorted(r.text.strip().splitlines())

        zigui = lines(graph=G_ZIGUI)
        # access: the same rules as SPARQL updates
        r = put(NT_A, headers={"Content-Type": "application/n-triples"})
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        r = put(NT_A, headers={"Content-Type": "application/n-triples",
                               "Authorization": "Bearer nope"})
        assert r.status_code == 403 and "wrong token" in r.text
        assert httpx.delete(url, params={"graph": G_ZIGUI}).status_code == 401
        assert lines() is None
        # PUT creates (201), then replaces (204)
        assert put(NT_A).status_code == 201
        assert lines() == [NT_A.strip()]
        assert put(NT_B).status_code == 204
        assert lines() == [NT_B.strip()]
        # what the Graph Store wrote, the query endpoint sees
        q = "SELECT ?name WHERE { GRAPH ?g { ?p rdfs:label ?name } } ORDER BY ?name"
        r = httpx.get(base + "/sparql", params={"query": q, "named-graph-uri": G_NEW})
        assert [b["name"] for b in _bindings(r)] == ["乙"]
        # POST merges (204), and creates a graph it does not find (201)
        assert post(NT_A).status_code == 204
        assert lines() == sorted([NT_A.strip(), NT_B.strip()])
        g2 = G_NEW + "-2"
        assert post(NT_A, graph=g2).status_code == 201 and lines(graph=g2) == [NT_A.strip()]
        # bodies: Turtle; N-Quads with default-graph triples only
        ttl = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" \
              '<https://w3id.org/kg-cn/id/person/c> rdfs:label "丙"@zh .\n'
        assert put(ttl, headers={**auth, "Content-Type": "text/turtle; charset=utf-8"},
                   graph=g2).status_code == 204
        assert lines(graph=g2) == [NT_A.replace("person/a", "person/c").replace("甲", "丙")
                                   .strip()]
        nq = {**auth, "Content-Type": "application/n-quads"}
        assert put(NT_A, headers=nq, graph=g2).status_code == 204
        assert lines(graph=g2) == [NT_A.strip()]
        # bad bodies change nothing
        r = put(NT_B.replace(" .", f" <{G_ZIGUI}> ."), headers=nq, graph=g2)
        assert r.status_code == 400 and "Named graphs are not allowed" in r.text
        r = put("<https://w3id.org/kg-cn/id/x> <oops", graph=g2)
        assert r.status_code == 400 and "cannot read the application/n-triples body" in r.text
        r = put(NT_B, headers={**auth, "Content-Type": "image/png"}, graph=g2)
        assert r.status_code == 415
        assert lines(graph=g2) == [NT_A.strip()]
        # a write must name its graph
        r = httpx.put(url, content=NT_A.encode(), headers=nt)
        assert r.status_code == 400 and "?graph=IRI or ?default" in r.text
        # the default graph
        assert put(NT_B, default="").status_code == 204
        assert lines(default="") == [NT_B.strip()]
        assert httpx.delete(url, params={"default": ""}, headers=auth).status_code == 204
        assert lines(default="") == []
        # blank nodes: each POST is an RDF merge, the body's blank nodes are new nodes
        bnode = '_:b <http://www.w3.org/2000/01/rdf-schema#label> "某"@zh .\n'
        g3 = G_NEW + "-3"
        assert post(bnode, graph=g3).status_code == 201
        assert post(bnode, graph=g3).status_code == 204
        assert len(lines(graph=g3)) == 2
        # an empty PUT still creates the graph; DELETE drops it, then 404
        assert put("", graph=g3).status_code == 204 and lines(graph=g3) == []
        assert httpx.delete(url, params={"graph": G_NEW}, headers=auth).status_code == 204
        assert lines() is None
        r = httpx.delete(url, params={"graph": G_NEW}, headers=auth)
        assert r.status_code == 404 and "no graph" in r.text
        # the document graph nobody wrote to is untouched
        assert lines(graph=G_ZIGUI) == zigui and len(zigui) == 20


def test_graph_store_client(tmp_path):
    from kg.remote import GraphStore, GraphStoreRefused, GraphStoreUnreachable

    path = tmp_path / "client"
    _make_store(path, TTL)
    app = create_app(path, allow_update=True, token=TOKEN)
    with running(app) as base:
        gs = GraphStore(base, token=TOKEN)
        assert (gs.url, gs.query_url) == (base + "/store", base + "/sparql")
        assert GraphStore(base + "/store/").query_url == base + "/sparql"
        assert gs.document_hash("zigui-1") == "hash-zigui-1"
        assert gs.document_hash("nope") is None
        triples = [q.triple for q in ox.parse(NT_A.encode(), format=ox.RdfFormat.N_TRIPLES)]
        assert not gs.has_graph(G_NEW) and gs.get_graph(G_NEW) is None
        gs.put_graph(G_NEW, triples)
        assert gs.has_graph(G_NEW) and gs.get_graph(G_NEW) == triples
        gs.post_graph(G_NEW, triples)  # a triple already there: still one
        assert gs.get_graph(G_NEW) == triples
        assert gs.delete_graph(G_NEW) is True and gs.delete_graph(G_NEW) is False
        # paged reads: the server's row limit is 10,000 here, pages of 7 are cut by LIMIT
        rows = list(gs.select_all("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o",
                                  page=7))
        assert len(rows) == 46  # the quads _make_store wrote, one row each
        with pytest.raises(GraphStoreRefused, match="401"):
            GraphStore(base).put_graph(G_NEW, triples)
        with pytest.raises(GraphStoreRefused, match="403.*wrong token"):
            GraphStore(base, token="nope").delete_graph(G_NEW)
        gs.close()
    with pytest.raises(GraphStoreUnreachable, match="cannot reach graph store"):
        GraphStore(base, token=TOKEN, timeout=2).put_graph(G_NEW, triples)
    with pytest.raises(StoreError, match="query endpoint"):
        GraphStore("http://127.0.0.1:1/ds/data")
    with pytest.raises(StoreError, match="not an http"):
        GraphStore("ftp://example.org/store")


def test_paged_reads_through_a_row_limit(base, local):
    from kg.remote import GraphStore

    # MAX_ROWS (100) cuts pages of 1,000: the next page starts after the rows it got.
    q = "SELECT ?s ?n WHERE { GRAPH ?g { ?s kg:n ?n } } ORDER BY ?n"
    rows = list(GraphStore(base).select_all(q, page=1000))
    assert [int(r["n"].value) for r in rows] == list(range(BULK))


# -- snapshots and concurrent builds ---------------------------------------------------------------
def test_read_only_server_does_not_block_a_writer_and_sees_its_commits(tmp_path):
    path = tmp_path / "live"
    _make_store(path, {"zigui-1": TTL["zigui-1"]})
    app = create_app(path, timeout=10)
    q = "SELECT ?id { ?d a schema:NewsArticle ; schema:identifier ?id } ORDER BY ?id"
    with running(app) as base:
        sparql = base + "/sparql"
        assert [b["id"] for b in _bindings(_post(sparql, q))] == ["zigui-1"]
        assert app.state.store.reopens == 0  # nothing changed on disk: same snapshot
        writer = Store(path)  # would raise "locked" if the server held the store
        writer.replace_document("zhuzhou-1", _quads("zhuzhou-1", TTL["zhuzhou-1"]), "h")
        writer.flush()
        assert [b["id"] for b in _bindings(_post(sparql, q))] == ["zhuzhou-1", "zigui-1"]
        writer.close()
        assert app.state.store.reopens >= 1


# -- other clients ---------------------------------------------------------------------------------
def test_sparqlwrapper_client(sparql):
    from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

    def run(q: str, fmt):
        w = SPARQLWrapper(sparql)
        w.setQuery(q)
        w.setReturnFormat(fmt)
        return w.query().convert()

    j = run(Q_PEOPLE, JSON)
    assert [b["name"]["value"] for b in j["results"]["bindings"]] == ["Jiāng Xīn", "姜欣",
                                                                      "李华迎"]
    x = run(Q_PEOPLE, XML)
    assert isinstance(x, xml.dom.minidom.Document)
    assert len(x.getElementsByTagName("result")) == 3
    c = run(Q_PEOPLE, CSV)
    assert next(csv.reader(io.StringIO(c.decode()))) == ["p", "name"]
    assert len(list(csv.reader(io.StringIO(c.decode())))) == 4
    t = run(Q_GRAPH, TURTLE)
    assert len(rdflib.Graph().parse(data=t, format="turtle")) == 26


def test_rdflib_sparqlstore_client(sparql):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = rdflib.Graph(SPARQLStore(query_endpoint=sparql))
    rows = list(g.query(
        "PREFIX kg: <https://w3id.org/kg-cn/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?name ?year WHERE { ?a kg:recipient ?r ; kg:year ?year . ?r rdfs:label ?name }"))
    assert [(str(r.name), r.year.toPython()) for r in rows] == [("李华迎", 2020)]
    assert rdflib.Literal("最美家庭", lang="zh") in set(
        g.objects(rdflib.URIRef("https://w3id.org/kg-cn/id/honor/zmjt"), rdflib.RDFS.label))


# -- kg.remote -------------------------------------------------------------------------------------
def test_remote_matches_the_local_path(sparql, local):
    assert remote_select(sparql, Q_MIXED).rows == local.select(Q_MIXED).rows
    rs = RemoteStore(sparql)
    assert rs.select(Q_PEOPLE).variables == ["p", "name"]
    assert bool(remote_query(sparql, "ASK { ?x a kg:Honor }")) is True
    triples = remote_query(sparql, Q_GRAPH)
    assert set(triples) == set(local.query(Q_GRAPH))
    assert remote_query_bytes(sparql, Q_PEOPLE, "csv") == \
        local.query(Q_PEOPLE).serialize(format=ox.QueryResultsFormat.CSV)
    nt = remote_query_bytes(sparql, Q_GRAPH, "nt")
    assert len(rdflib.Graph().parse(data=nt, format="nt")) == 26
    with pytest.raises(StoreError, match="syntax error"):
        remote_select(sparql, "SELECT WHERE")
    with pytest.raises(StoreError, match="not a SELECT"):
        remote_select(sparql, "ASK {}")
    with pytest.raises(StoreError, match="403"):
        remote_update(sparql, INSERT, token=TOKEN)
    with pytest.warns(TruncatedResultWarning, match=str(MAX_ROWS)):
        assert len(remote_select(sparql, "SELECT * { ?s kg:n ?n }").rows) == MAX_ROWS
    with pytest.raises(StoreError, match="cannot reach"):
        remote_select("http://127.0.0.1:9/sparql", Q_PEOPLE, timeout=2)


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium")
def test_page_runs_a_linked_query_in_chromium(base):
    import subprocess
    from urllib.parse import quote

    q = ("SELECT ?name WHERE { { ?p a schema:Person ; rdfs:label ?name } UNION "
         "{ ?d schema:alternativeHeadline ?name } } ORDER BY ?name")
    out = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--virtual-time-budget=5000", "--dump-dom", f"{base}/#query={quote(q)}"],
        check=False, capture_output=True, text=True, timeout=60).stdout
    table = re.search(r"<table>.*</table>", out, re.DOTALL)
    assert table, out[-2000:]
    assert table.group(0).count("<tr>") == 5  # header + 4 rows
    assert "姜欣" in table.group(0)
    # data is text, never markup: the literal's tags arrive escaped
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;粗&lt;/b&gt;" in table.group(0)
    assert "<img" not in out
