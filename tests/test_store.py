"""The Oxigraph store: per-document graphs, idempotent rewrites, exports that re-parse."""

import io

import pyoxigraph as ox
import pytest
import rdflib

from kg.iri import entity_iri
from kg.model import StoreError
from kg.store import Store

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def quads(doc, names):
    g = ox.NamedNode(f"https://w3id.org/kg-cn/graph/{doc}")
    return [ox.Quad(ox.NamedNode(entity_iri("person", n)), LABEL,
                    ox.Literal(n, language="zh"), g) for n in names]


def test_replace_document_is_idempotent(tmp_path):
    st = Store(tmp_path / "s")
    st.replace_document("a", quads("a", ["王红", "李明"]), "h1")
    n = len(st)
    st.replace_document("a", quads("a", ["王红", "李明"]), "h1")
    assert len(st) == n
    st.replace_document("a", quads("a", ["王红"]), "h2")
    assert len(st) == n - 1 and st.document_hash("a") == "h2"


def test_union_default_graph_and_select(tmp_path):
    st = Store()
    st.replace_document("a", quads("a", ["王红"]), "h")
    st.replace_document("b", quads("b", ["王红", "张三"]), "h")
    rows = st.select("SELECT DISTINCT ?n WHERE { ?p rdfs:label ?n } ORDER BY ?n").rows
    assert [r["n"] for r in rows] == ["张三", "王红"]
    assert st.triple_count() == 2 + 2  # two labels + two hash markers, duplicates counted once


@pytest.mark.parametrize("fmt,rdflib_fmt", [("ttl", "turtle"), ("trig", "trig"),
                                            ("nq", "nquads"), ("jsonld", "json-ld")])
def test_exports_reparse(fmt, rdflib_fmt):
    st = Store()
    st.replace_document("a", quads("a", ['<b>"x"</b> & {{y}}', "王红"]), "h")
    buf = io.BytesIO()
    st.export(fmt, buf)
    ds = rdflib.Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format=rdflib_fmt)
    labels = {str(o) for _, p, o, _ in ds.quads((None, rdflib.RDFS.label, None, None))}
    assert labels == {'<b>"x"</b> & {{y}}', "王红"}


def test_second_writer_process_is_refused_clearly(tmp_path):
    import subprocess
    import sys

    st = Store(tmp_path / "s")
    code = ("import sys; from kg.store import Store\n"
            "try:\n    Store(sys.argv[1])\nexcept Exception as e:\n    print(e)")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s")], capture_output=True,
                       text=True, timeout=60)
    assert "in use by another kg process" in r.stdout
    st.close()


def test_same_path_twice_in_one_process_shares_the_store(tmp_path):
    a = Store(tmp_path / "s")
    a.replace_document("a", quads("a", ["王红"]), "h1")
    b = Store(tmp_path / "s")  # a notebook re-opening the store it just built
    assert b.document_hash("a") == "h1"
    c = Store(tmp_path / "s", read_only=True)
    assert len(c) == len(a)
    b.close()
    c.close()
    a.replace_document("b", quads("b", ["李明"]), "h2")  # still open for its first holder
    a.close()
    d = Store(tmp_path / "s")  # after every holder closed, a fresh open works
    assert d.document_hash("b") == "h2"
    d.close()


def test_bad_sparql_is_a_store_error():
    with pytest.raises(StoreError, match="syntax"):
        Store().select("SELEKT nothing")
