"""kg.view without a browser: the page is self-contained and escapes document text."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest
from conftest import XSS_NAME, XSS_SENTENCE

import kg.graph as G
from kg.model import KgError
from kg.view import (
    PHYSICS_MAX,
    SMALL,
    graph_for_view,
    physics_options,
    radial_positions,
    render_html,
    write_view,
)


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert m, "no data island"
    return json.loads(m.group(1))


def test_page_is_self_contained(vocab_store):
    st, _ = vocab_store
    page = render_html(G.full_graph(st))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "<link" not in page.lower()
    assert "@import" not in page
    assert "vis-network" in page and "@version 9.1.2" in page  # inlined with its licence header
    assert "license" in page.lower()


def test_document_text_cannot_break_out(vocab_store):
    st, _ = vocab_store
    page = render_html(G.full_graph(st), title="<b>t</b>")
    assert XSS_NAME not in page and "<script>alert(2)" not in page and "<!--" not in page
    assert page.count("</script>") == 3  # data island, vis-network, ours: nothing injected
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
    data = page_data(page)  # …and the strings survive the trip unchanged
    assert XSS_NAME in {n["label"] for n in data["nodes"]}
    assert any(XSS_SENTENCE == ev[1] for n in data["nodes"] for ev in n["ev"])


def test_csp_allows_exactly_the_inline_scripts(vocab_store):
    st, _ = vocab_store
    page = render_html(G.full_graph(st))
    csp = html.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2
    for s in scripts:
        h = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{h}'" in csp


def test_nodes_edges_legend_and_tooltip_data(vocab_store):
    st, ids = vocab_store
    g = G.full_graph(st)
    data = page_data(render_html(g))
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    by = {n["iri"]: n for n in data["nodes"]}
    jiang = by[ids["姜欣"]]
    assert jiang["type"] == "Person" and jiang["sub"] == "Jiāng Xīn" and jiang["ev"][0][0] == "doc-a"
    assert by[ids["省妇联"]]["size"] > by[ids["毛腾飞"]]["size"]  # size by degree
    assert [t["type"] for t in data["types"]] == ["Person", "Organization", "Place", "Honor",
                                                  "Event"]
    attended = [e for e in data["edges"] if e["from"] == jiang["id"] and e["rel"] == "attended"]
    assert any(e["label"] == "参加 2020-12-12" for e in attended)


def test_write_view_modes(vocab_store, tmp_path):
    st, ids = vocab_store
    stats = write_view(st, tmp_path / "a.html")
    assert set(stats) >= {"nodes", "edges", "bytes", "seconds"}
    assert stats["bytes"] == (tmp_path / "a.html").stat().st_size and stats["nodes"] == 17
    ego = write_view(st, tmp_path / "b.html", focus="姜欣", depth=1)
    assert ego["nodes"] < stats["nodes"]
    co = graph_for_view(st, projection="coparticipation", focus="毛腾飞", depth=1)
    assert set(co) == {ids["毛腾飞"], ids["姜欣"]}
    orgs = graph_for_view(st, projection="posts", types=["Organization"])
    assert {t for _, t in orgs.nodes(data="type")} == {"Organization"}
    dated = graph_for_view(st, date_from="2020-12", date_to="2020-12-31", types="Event")
    assert set(dated) == {ids["e1"]}
    with pytest.raises(KgError, match="no node named"):
        write_view(st, tmp_path / "c.html", focus="无此人")
    with pytest.raises(KgError):
        write_view(st, tmp_path / "c.html", projection="nope")
    assert not (tmp_path / "c.html").exists()


def test_physics_by_size():
    assert physics_options(10, 10)["physics"]["stabilization"]["iterations"] > 100
    mid = physics_options(SMALL + 1, 1000)
    assert mid["layout"]["improvedLayout"] is False and mid["edges"]["smooth"] is False
    assert physics_options(PHYSICS_MAX + 1, 10)["physics"]["enabled"] is False


def test_radial_positions_cover_every_node():
    import networkx as nx

    g = nx.disjoint_union(nx.balanced_tree(3, 4), nx.path_graph(30))
    g.add_node("alone")
    pos = radial_positions(g)
    assert set(pos) == set(g)
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(g)


def test_samples_focus_jiang_xin_links_mao_tengfei(sample_store, tmp_path):
    """`kg view --focus 姜欣` on the samples: 姜欣 — the 2020-12-12 event — 毛腾飞."""
    g = graph_for_view(sample_store, focus="姜欣", depth=2)
    by_label = {}
    for v, a in g.nodes(data=True):
        by_label.setdefault(a["label"], []).append(v)
    assert "毛腾飞" in by_label, sorted(by_label)
    events = [v for v, a in g.nodes(data=True) if a["type"] == "Event"
              and (a["date"] or "").startswith("2020-12-12")]
    und = g.to_undirected(as_view=True)
    assert any(j in und[e] and m in und[e] for e in events
               for j in by_label["姜欣"] for m in by_label["毛腾飞"])
    stats = write_view(sample_store, tmp_path / "jx.html", focus="姜欣")
    assert stats["nodes"] == g.number_of_nodes()
