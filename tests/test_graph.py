"""kg.graph on a store written straight from the vocab contract (tests/conftest.py)."""

from __future__ import annotations

import networkx as nx
import pytest

import kg.graph as G
from kg.model import KgError


def labels(g, nodes=None) -> set[str]:
    return {g.nodes[n]["label"] for n in (g if nodes is None else nodes)}


def edge_by_label(g, a: str, b: str) -> dict:
    ids = {g.nodes[n]["label"]: n for n in g}
    return g.edges[ids[a], ids[b]]


def test_load_reads_types_labels_and_evidence(vocab_store):
    st, ids = vocab_store
    d = G.load(st)
    jiang = d.nodes[ids["姜欣"]]
    assert (jiang["type"], jiang["label"], jiang["pinyin"]) == ("Person", "姜欣", "Jiāng Xīn")
    assert jiang["evidence"][0]["doc"] == "doc-a" and "毛腾飞" in jiang["evidence"][0]["sentence"]
    org = d.nodes[ids["省妇联"]]
    assert org["type"] == "Organization" and org["label"] == "湖南省妇联"
    assert "省妇联" in org["names"] and org["en"] == "Women's Federation"
    assert d.nodes[ids["e1"]]["date"] == "2020-12-12" and d.nodes[ids["e1"]]["type"] == "Event"
    assert d.nodes[ids["最美庭院"]]["type"] == "Honor"
    assert d.nodes[ids["株洲市"]]["type"] == "Place"


def test_coparticipation_weights_and_events(vocab_store):
    st, ids = vocab_store
    g = G.coparticipation(st)
    assert {t for _, t in g.nodes(data="type")} == {"Person"}
    e = g.edges[ids["姜欣"], ids["毛腾飞"]]
    assert e["weight"] == 1 and [x["date"] for x in e["events"]] == ["2020-12-12"]
    assert e["events"][0]["iri"] == ids["e1"]
    assert g.edges[ids["姜欣"], ids["卢妹香"]]["weight"] == 2
    assert not g.has_edge(ids["毛腾飞"], ids["卢妹香"])


def test_date_filters_keep_overlapping_events_only(vocab_store):
    st, ids = vocab_store
    late = G.coparticipation(st, date_from="2020-06")
    assert set(late.edges) == {(ids["姜欣"], ids["毛腾飞"])} or \
        set(late.edges) == {(ids["毛腾飞"], ids["姜欣"])}
    early = G.coparticipation(st, date_to="2019")
    assert early.number_of_edges() == 1
    assert early.edges[ids["姜欣"], ids["卢妹香"]]["weight"] == 1
    # A month event overlaps a day filter inside that month.
    jan = G.coparticipation(st, date_from="2020-01-15", date_to="2020-01-20")
    assert jan.has_edge(ids["卢妹香"], ids["邹展晖"])
    full = G.full_graph(st, date_from="2020-12-01")
    assert ids["e1"] in full and ids["e2"] not in full and ids["e4"] not in full  # undated out
    with pytest.raises(KgError, match="bad date"):
        G.coparticipation(st, date_from="12/2020")


def test_posts_organizers_honors(vocab_store):
    st, ids = vocab_store
    p = G.posts(st)
    assert sorted(p.edges[ids["姜欣"], ids["省妇联"]]["roles"]) == ["主席", "党组书记"]
    assert nx.is_bipartite(p)
    o = G.organizers(st)
    assert o.has_edge(ids["省妇联"], ids["市妇联"]) and o.has_edge(ids["市妇联"], ids["市检察院"])
    assert not o.has_edge(ids["省妇联"], ids["市检察院"])
    h = G.honors(st)
    assert h.is_directed()
    assert h.edges[ids["家庭"], ids["最美庭院"]]["relation"] == "received"
    assert h.edges[ids["家庭"], ids["最美庭院"]]["date"] == "2020"
    assert h.edges[ids["最美庭院"], ids["市妇联"]]["relation"] == "conferred by"
    assert G.honors(st, date_to="2019").number_of_edges() == 0
    with pytest.raises(KgError, match="unknown projection"):
        G.projection(st, "friends")


def test_full_graph_edges_and_type_filter(vocab_store):
    st, ids = vocab_store
    g = G.full_graph(st)
    rels = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"post", "attended", "organized", "received", "conferred by", "at", "in",
            "located in"} <= rels
    posts = [d for u, v, d in g.edges(ids["姜欣"], data=True) if d["relation"] == "post"]
    assert sorted(d["label"] for d in posts) == ["主席", "党组书记"]  # two posts, two edges
    only = G.full_graph(st, types="person, Events")
    assert {t for _, t in only.nodes(data="type")} == {"Person", "Event"}
    assert {d["relation"] for _, _, d in only.edges(data=True)} == {"attended"}
    with pytest.raises(KgError, match="unknown type"):
        G.full_graph(st, types=["Dog"])


def test_ego_by_name_alias_pinyin_and_iri(vocab_store):
    st, ids = vocab_store
    g = G.full_graph(st)
    one = G.ego(g, "姜欣", 1)
    assert ids["e1"] in one and ids["省妇联"] in one and ids["毛腾飞"] not in one
    two = G.ego(g, "姜欣", 2)
    assert ids["毛腾飞"] in two and two.graph["focus"] == [ids["姜欣"]]
    assert set(G.ego(g, "jiāng xīn", 1)) == set(one)
    assert set(G.ego(g, ids["姜欣"], 1)) == set(one)
    assert ids["省妇联"] in G.ego(g, "省妇联", 0)
    with pytest.raises(KgError, match="did you mean 姜欣"):
        G.ego(g, "姜", 1)


def test_pagerank_matches_networkx_reference():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    for g in (nx.karate_club_graph(), nx.gnp_random_graph(60, 0.05, seed=3, directed=True)):
        ours, ref = G.pagerank(g, weight="weight"), _pagerank_python(g, weight="weight", tol=1e-13, max_iter=2000)
        assert sum(ours.values()) == pytest.approx(1.0)
        for v in g:
            assert ours[v] == pytest.approx(ref[v], abs=1e-6)


def test_rank_frame(vocab_store):
    st, _ = vocab_store
    df = G.rank(G.coparticipation(st))
    assert list(df.columns) == ["iri", "label", "type", "degree", "weighted_degree",
                                "betweenness", "pagerank"]
    assert df.iloc[0]["label"] == "姜欣"  # most events with the most people
    row = df.set_index("label").loc["姜欣"]
    assert row["degree"] == 3 and row["weighted_degree"] == 4.0
    assert len(G.rank(G.full_graph(st), top=3, by="degree")) == 3
    with pytest.raises(KgError):
        G.rank(G.posts(st), by="fame")
