"""The store as networkx graphs: who did what with whom.

Every function reads the store with SPARQL (raw pyoxigraph results: per-row conversion to
rdflib terms is the slow part on big stores) and returns a networkx graph whose nodes are IRIs
with the same attributes everywhere:

    type      "Person" | "Organization" | "Place" | "Honor" | "Event"
    label     display name (Chinese where the store has it)
    pinyin    pinyin label or None;  en: English label or None
    names     every label, preferred and alternative label (what `ego` matches a name against)
    evidence  [{"doc": document id, "sentence": …}, …]  (a few, for tooltips)
    date      events only: "2020-12-12" or "2020-12-12/2020-12-14"

Projections:
    coparticipation  person–person, weight = shared events, edge "events" = those events
    posts            person–organization (bipartite), edge "roles" = posts held
    organizers       organization–organization, weight = events organized together
    honors           recipient → honor → conferrer (DiGraph)
    full_graph       every entity and event, one edge per fact (MultiDiGraph)

Edges carry "relation" (what the view labels them with), "date" (or None) and "evidence".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.model import KgError
from kg.store import Store, term_value

__all__ = [
    "PROJECTIONS",
    "TYPES",
    "GraphData",
    "coparticipation",
    "date_bounds",
    "ego",
    "find_nodes",
    "full_graph",
    "honors",
    "load",
    "organizers",
    "pagerank",
    "parse_types",
    "posts",
    "projection",
    "rank",
]

# Display order too: the legend lists types in this order.
TYPES = ("Person", "Organization", "Place", "Honor", "Event")
_CLASS_TYPE = [("schema:Event", "Event"), ("schema:Person", "Person"),
               ("kg:Honor", "Honor"), ("org:Organization", "Organization"),
               ("schema:AdministrativeArea", "Place")]
PROJECTIONS = ("coparticipation", "posts", "organizers", "honors")
MAX_EVIDENCE = 3  # sentences kept per node / edge: tooltips, not a document viewer


# -- reading the store ------------------------------------------------------------------------

@dataclass
class GraphData:
    """Everything the graphs are made of, read once from a store."""
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    # facts: dicts with kind, iri, subject, object, role/date/year, evidence
    memberships: list[dict[str, Any]] = field(default_factory=list)
    awards: list[dict[str, Any]] = field(default_factory=list)
    # event iri -> {"attendees": [...], "organizers": [...], "places": [...]}
    event_agents: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (s, relation, o)


def _rows(store: Store, sparql: str) -> Iterable[list[Any]]:
    res = store.query(sparql)
    names = [v.value for v in res.variables]
    for sol in res:
        yield [term_value(sol[n]) for n in names]


def _lang(store: Store, sparql: str) -> Iterable[tuple[str, str, str, str]]:
    """(subject, predicate, text, language tag) rows for label queries."""
    res = store.query(sparql)
    for sol in res:
        lit = sol["l"]
        yield sol["e"].value, sol["p"].value, lit.value, (lit.language or "")


def _evidence(store: Store, link: str, target: str) -> dict[str, list[dict[str, str]]]:
    """{subject IRI: [{"doc", "sentence"}, …]} for `?m <link> ?x` (entities) or
    `?x <link> ?m` (facts)."""
    pattern = f"?m {link} ?x ." if target == "mention-first" else f"?x {link} ?m ."
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for x, s, doc in _rows(store, f"""
        SELECT ?x ?s ?id WHERE {{ {pattern} ?m kg:sentence ?s .
          OPTIONAL {{ ?m kg:inDocument ?d . ?d schema:identifier ?id }} }}"""):
        key = (x, s, doc or "")
        if key in seen or len(out[x]) >= MAX_EVIDENCE:
            continue
        seen.add(key)
        out[x].append({"doc": doc or "", "sentence": s})
    return out


def load(store: Store) -> GraphData:
    """Read entities, events and facts from `store` (a handful of SPARQL queries)."""
    data = GraphData()
    nodes = data.nodes
    for cls, typ in _CLASS_TYPE:
        for (iri,) in _rows(store, f"SELECT DISTINCT ?e WHERE {{ ?e a {cls} }}"):
            # First class wins: a kg:Family is an org:Organization, an Event is only an Event.
            if iri not in nodes:
                nodes[iri] = {"type": typ, "label": None, "pinyin": None, "en": None,
                              "names": [], "evidence": [], "date": None}
    pref: dict[str, str] = {}
    for iri, p, text, lang in _lang(store, """
        SELECT ?e ?p ?l WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
          ?e ?p ?l . FILTER(isLiteral(?l)) }"""):
        n = nodes.get(iri)
        if n is None:
            continue
        if text not in n["names"]:
            n["names"].append(text)
        low = lang.lower()
        if low == "zh-latn-pinyin":
            n["pinyin"] = n["pinyin"] or text
        elif low == "en":
            n["en"] = n["en"] or text
        elif p.endswith("prefLabel") and low in ("zh", ""):
            pref.setdefault(iri, text)
        elif p.endswith("#label") and low in ("zh", ""):
            n["label"] = n["label"] if n["label"] is not None else text
    for iri, n in nodes.items():
        if iri in pref:
            n["label"] = pref[iri]
        if n["label"] is None:
            n["label"] = n["en"] or n["pinyin"] or iri.rsplit("/", 1)[-1]
        n["names"].sort()  # stable across runs: oxigraph's row order is not guaranteed

    for iri, ev in _evidence(store, "kg:denotes", "mention-first").items():
        if iri in nodes:
            nodes[iri]["evidence"] = ev

    fact_ev = _evidence(store, "prov:wasDerivedFrom", "fact-first")

    # Events: dates, places, agents. kg:agent is the union of attendee and organizer; the
    # entity's type decides which role it plays (a person attends, a body organizes).
    starts: dict[str, tuple[str | None, str | None]] = {}
    for e, start, end in _rows(store, """
        SELECT ?e ?s ?t WHERE { ?e a schema:Event .
          OPTIONAL { ?e schema:startDate ?s } OPTIONAL { ?e schema:endDate ?t } }"""):
        old = starts.get(e, (None, None))
        starts[e] = (old[0] or (str(start) if start is not None else None),
                     old[1] or (str(end) if end is not None else None))
    for e, (start, end) in starts.items():
        if e in nodes:
            nodes[e]["date"] = _date_text(start, end)
            nodes[e]["evidence"] = fact_ev.get(e, [])
    agents: dict[str, dict[str, list[str]]] = defaultdict(
        lambda: {"attendees": [], "organizers": [], "places": []})
    for e, x in _rows(store, """
        SELECT DISTINCT ?e ?x WHERE { ?e a schema:Event .
          ?e kg:agent|schema:attendee|schema:organizer ?x }"""):
        if x not in nodes:
            continue
        role = "attendees" if nodes[x]["type"] == "Person" else "organizers"
        agents[e][role].append(x)
    for e, x in _rows(store, "SELECT DISTINCT ?e ?x WHERE { ?e a schema:Event ; "
                             "schema:location ?x }"):
        if x in nodes:
            agents[e]["places"].append(x)
    for a in agents.values():
        for k in a:
            a[k].sort()
    data.event_agents = dict(agents)

    # Posts: the n-ary membership node when there is one (it carries the evidence), else the
    # simple org:holds / org:postIn edge.
    have: set[tuple[str, str, str]] = set()
    for f, p, o, title in _rows(store, """
        SELECT ?f ?p ?o ?t WHERE { ?f a org:Membership ; org:member ?p ; org:organization ?o .
          OPTIONAL { ?f kg:postTitle ?t } }"""):
        have.add((p, o, title or ""))
        data.memberships.append({"iri": f, "person": p, "org": o, "role": title or "",
                                 "evidence": fact_ev.get(f, [])})
    for p, post, o, title in _rows(store, """
        SELECT ?p ?post ?o ?t WHERE { ?p org:holds ?post . ?post org:postIn ?o .
          OPTIONAL { ?post rdfs:label ?t } }"""):
        if (p, o, title or "") not in have:
            have.add((p, o, title or ""))
            data.memberships.append({"iri": post, "person": p, "org": o, "role": title or "",
                                     "evidence": []})

    awards: dict[str, dict[str, Any]] = {}
    for f, r, h, c, y in _rows(store, """
        SELECT ?f ?r ?h ?c ?y WHERE { ?f a kg:HonorAward ; kg:recipient ?r ; kg:honor ?h .
          OPTIONAL { ?f kg:conferrer ?c } OPTIONAL { ?f kg:year ?y } }"""):
        a = awards.setdefault(f, {"iri": f, "recipient": r, "honor": h, "conferrers": [],
                                  "year": y, "evidence": fact_ev.get(f, [])})
        if c is not None and c not in a["conferrers"]:
            a["conferrers"].append(c)
    data.awards = sorted(awards.values(), key=lambda a: a["iri"])

    for s, rel, o in _rows(store, """
        SELECT DISTINCT ?s ?rel ?o WHERE {
          { ?s org:subOrganizationOf ?o BIND("part of" AS ?rel) }
          UNION { ?s schema:containedInPlace ?o BIND("in" AS ?rel) }
          UNION { ?s schema:location ?o FILTER NOT EXISTS { ?s a schema:Event }
                  BIND("located in" AS ?rel) }
          UNION { ?s kg:conferredBy ?o BIND("conferred by" AS ?rel) }
          UNION { ?s kg:possiblySame ?o FILTER(STR(?s) < STR(?o)) BIND("possibly same" AS ?rel) }
        }"""):
        if s in nodes and o in nodes:
            data.links.append((s, rel, o))
    data.links.sort()
    return data


def _date_text(start: str | None, end: str | None) -> str | None:
    if not start:
        return end
    return start if not end or end == start else f"{start}/{end}"


# -- filters ----------------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[str, str]:
    """Inclusive lexical bounds: --from 2020 means 2020-01-01, --to 2020-03 means 2020-03-31
    (as "2020-03-99": only string comparison is needed, so the day need not exist)."""
    for d in (date_from, date_to):
        if d is not None and not _DATE.match(d):
            raise KgError(f"bad date {d!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    lo = _pad(date_from, "01", "01") if date_from else "0000-00-00"
    hi = _pad(date_to, "99", "99") if date_to else "9999-99-99"
    return lo, hi


def _pad(d: str, m: str, day: str) -> str:
    parts = d.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-{m}-{day}"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{day}"
    return d


def _in_range(date: str | None, lo: str, hi: str) -> bool:
    """Does the event's period (YYYY[-MM[-DD]][/…]) overlap [lo, hi]?"""
    if not date:
        return False
    start, _, end = date.partition("/")
    return _pad(end or start, "99", "99") >= lo and _pad(start, "00", "00") <= hi


def _filtered(date_from: str | None, date_to: str | None):
    """A predicate on dates; None when no date filter was asked for."""
    if date_from is None and date_to is None:
        return None
    lo, hi = date_bounds(date_from, date_to)
    return lambda d: _in_range(d, lo, hi)


def parse_types(types: Iterable[str] | str | None) -> set[str] | None:
    """"person, Org" → {"Person", "Organization"}; unknown names are an error."""
    if types is None:
        return None
    if isinstance(types, str):
        types = types.split(",")
    alias = {t.lower(): t for t in TYPES}
    alias.update({"org": "Organization", "organisation": "Organization", "people": "Person",
                  "persons": "Person", "places": "Place", "honors": "Honor",
                  "honours": "Honor", "honour": "Honor", "events": "Event"})
    out = set()
    for t in types:
        t = t.strip()
        if not t:
            continue
        k = alias.get(t.lower()) or alias.get(t.lower().rstrip("s"))
        if k is None:
            raise KgError(f"unknown type {t!r}: use {', '.join(TYPES)}")
        out.add(k)
    return out or None


def _data(store_or_data: Store | GraphData) -> GraphData:
    return store_or_data if isinstance(store_or_data, GraphData) else load(store_or_data)


def _add_node(g: nx.Graph, data: GraphData, iri: str) -> None:
    if iri not in g:
        g.add_node(iri, **data.nodes[iri])


def _event_ref(data: GraphData, e: str) -> dict[str, Any]:
    n = data.nodes[e]
    return {"iri": e, "label": n["label"], "date": n["date"], "evidence": n["evidence"]}


def _events(data: GraphData, date_from: str | None, date_to: str | None) -> list[str]:
    keep = _filtered(date_from, date_to)
    return sorted(e for e in data.event_agents
                  if e in data.nodes and (keep is None or keep(data.nodes[e]["date"])))


def _dates_of(events: list[dict[str, Any]]) -> str | None:
    ds = sorted({e["date"] for e in events if e["date"]})
    return ", ".join(ds) if ds else None


# -- projections ------------------------------------------------------------------------------

def _co_graph(data: GraphData, role: str, relation: str, date_from: str | None,
              date_to: str | None) -> nx.Graph:
    g = nx.Graph(projection=relation)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in _events(data, date_from, date_to):
        xs = sorted(set(data.event_agents[e][role]))
        for x in xs:
            _add_node(g, data, x)
        for i, a in enumerate(xs):
            for b in xs[i + 1:]:
                shared[(a, b)].append(e)
    for (a, b), evs in shared.items():
        refs = [_event_ref(data, e) for e in evs]
        g.add_edge(a, b, weight=len(evs), events=refs, relation=relation,
                   date=_dates_of(refs), evidence=[x for r in refs for x in r["evidence"]]
                   [:MAX_EVIDENCE])
    return g


def coparticipation(store: Store | GraphData, *, date_from: str | None = None,
                    date_to: str | None = None) -> nx.Graph:
    """Persons linked when they took part in the same event; weight = number of events."""
    return _co_graph(_data(store), "attendees", "co-participated", date_from, date_to)


def organizers(store: Store | GraphData, *, date_from: str | None = None,
               date_to: str | None = None) -> nx.Graph:
    """Bodies linked when they organized the same event; weight = number of events."""
    return _co_graph(_data(store), "organizers", "co-organized", date_from, date_to)


def posts(store: Store | GraphData) -> nx.Graph:
    """Person–organization, one edge per pair; "roles" lists the posts held there."""
    data = _data(store)
    g = nx.Graph(projection="posts")
    for m in data.memberships:
        p, o = m["person"], m["org"]
        if p not in data.nodes or o not in data.nodes:
            continue
        _add_node(g, data, p)
        _add_node(g, data, o)
        if g.has_edge(p, o):
            ed = g.edges[p, o]
            if m["role"] and m["role"] not in ed["roles"]:
                ed["roles"].append(m["role"])
            ed["evidence"] = (ed["evidence"] + m["evidence"])[:MAX_EVIDENCE]
        else:
            g.add_edge(p, o, roles=[m["role"]] if m["role"] else [], relation="post",
                       date=None, evidence=list(m["evidence"]), weight=1)
    for _, _, ed in g.edges(data=True):
        ed["weight"] = max(1, len(ed["roles"]))
        ed["label"] = "、".join(ed["roles"]) or "post"
    return g


def honors(store: Store | GraphData, *, date_from: str | None = None,
           date_to: str | None = None) -> nx.DiGraph:
    """recipient → honor ("received", year) and honor → conferrer ("conferred by").

    A date filter keeps awards whose year overlaps it (awards without a year are dropped)."""
    data = _data(store)
    keep = _filtered(date_from, date_to)
    g = nx.DiGraph(projection="honors")
    for a in data.awards:
        year = str(a["year"]) if a["year"] is not None else None
        if keep is not None and not keep(year):
            continue
        r, h = a["recipient"], a["honor"]
        if r not in data.nodes or h not in data.nodes:
            continue
        _add_node(g, data, r)
        _add_node(g, data, h)
        _merge_edge(g, r, h, "received", year, a["evidence"])
        for c in a["conferrers"]:
            if c in data.nodes:
                _add_node(g, data, c)
                _merge_edge(g, h, c, "conferred by", year, a["evidence"])
    if keep is None:
        # Honors known to be conferred by a body even where no award sentence says so.
        for s, rel, o in data.links:
            if rel == "conferred by" and s in g and not g.has_edge(s, o):
                _add_node(g, data, o)
                g.add_edge(s, o, relation=rel, date=None, evidence=[], weight=1)
    return g


def _merge_edge(g: nx.DiGraph, a: str, b: str, rel: str, date: str | None,
                evidence: list[dict[str, str]]) -> None:
    if g.has_edge(a, b):
        ed = g.edges[a, b]
        ed["weight"] += 1
        dates = set(filter(None, (ed["date"] or "").split(", "))) | ({date} if date else set())
        ed["date"] = ", ".join(sorted(dates)) or None
        ed["evidence"] = (ed["evidence"] + evidence)[:MAX_EVIDENCE]
    else:
        g.add_edge(a, b, relation=rel, date=date, evidence=list(evidence)[:MAX_EVIDENCE],
                   weight=1)


def projection(store: Store | GraphData, name: str, *, date_from: str | None = None,
               date_to: str | None = None) -> nx.Graph:
    """One projection by name: coparticipation | posts | organizers | honors."""
    data = _data(store)
    if name == "coparticipation":
        return coparticipation(data, date_from=date_from, date_to=date_to)
    if name == "organizers":
        return organizers(data, date_from=date_from, date_to=date_to)
    if name == "posts":
        return posts(data)
    if name == "honors":
        return honors(data, date_from=date_from, date_to=date_to)
    raise KgError(f"unknown projection {name!r}: use {' | '.join(PROJECTIONS)}")


def full_graph(store: Store | GraphData, types: Iterable[str] | str | None = None,
               date_from: str | None = None, date_to: str | None = None) -> nx.MultiDiGraph:
    """Entities and events as nodes, one edge per fact.

    Edges: person → org "post" (label = the post), person → event "attended",
    org → event "organized", event → place "at", recipient → honor "received" (date = year),
    honor → org "conferred by", and the structural links "part of", "in", "located in",
    "possibly same". A date filter drops events outside it (and undated ones) and awards
    whose year is outside it; `types` keeps only nodes of those types."""
    data = _data(store)
    keep_types = parse_types(types)
    keep_date = _filtered(date_from, date_to)
    g = nx.MultiDiGraph(projection="full")
    for iri, attrs in data.nodes.items():
        if attrs["type"] == "Event" and keep_date is not None and not keep_date(attrs["date"]):
            continue
        g.add_node(iri, **attrs)

    def edge(a: str, b: str, rel: str, *, key: str, **attrs: Any) -> None:
        if a in g and b in g:
            g.add_edge(a, b, key=key, relation=rel, **attrs)

    for m in data.memberships:
        edge(m["person"], m["org"], "post", key=m["iri"], label=m["role"] or "post",
             date=None, evidence=m["evidence"])
    for e, agents in data.event_agents.items():
        if e not in g:
            continue
        d, ev = data.nodes[e]["date"], data.nodes[e]["evidence"]
        for p in agents["attendees"]:
            edge(p, e, "attended", key=f"attended {e}", date=d, evidence=ev)
        for o in agents["organizers"]:
            edge(o, e, "organized", key=f"organized {e}", date=d, evidence=ev)
        for pl in agents["places"]:
            edge(e, pl, "at", key=f"at {e}", date=d, evidence=ev)
    for a in data.awards:
        year = str(a["year"]) if a["year"] is not None else None
        if keep_date is not None and not keep_date(year):
            continue
        edge(a["recipient"], a["honor"], "received", key=a["iri"], date=year,
             evidence=a["evidence"])
        for c in a["conferrers"]:
            edge(a["honor"], c, "conferred by", key=f"conferred by {c}", date=year,
                 evidence=a["evidence"])
    for s, rel, o in data.links:
        if not g.has_edge(s, o, key=f"{rel} {o}"):
            edge(s, o, rel, key=f"{rel} {o}", date=None, evidence=[])
    if keep_types is not None:
        g.remove_nodes_from([n for n, t in g.nodes(data="type") if t not in keep_types])
    return g


# -- ego graphs -------------------------------------------------------------------------------

def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s).casefold()


def find_nodes(graph: nx.Graph, name: str) -> list[str]:
    """Nodes whose IRI is `name`, or one of whose labels equals it (case and spaces aside)."""
    if name in graph:
        return [name]
    key = _norm(name)
    return sorted(n for n, names in graph.nodes(data="names")
                  if any(_norm(x) == key for x in (names or ())))


def ego(graph: nx.Graph, focus: str, depth: int = 2) -> nx.Graph:
    """Everything within `depth` hops of `focus` (a name or an IRI), edge direction ignored.

    A name shared by several nodes (two persons called 王芳 in different places) keeps all of
    them: kg does not merge them, the view shows both neighbourhoods."""
    if depth < 0:
        raise KgError("depth must be >= 0")
    centers = find_nodes(graph, focus)
    if not centers:
        key = _norm(focus)
        near = sorted({graph.nodes[n].get("label", n) for n, names in graph.nodes(data="names")
                       if any(key in _norm(x) for x in (names or ()))})[:5]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise KgError(f"no node named {focus!r} in the graph{hint}")
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    keep: set[str] = set()
    for c in centers:
        keep.update(nx.single_source_shortest_path_length(undirected, c, cutoff=depth))
    sub = graph.subgraph(keep).copy()
    sub.graph["focus"] = centers
    return sub


# -- rankings ---------------------------------------------------------------------------------

def pagerank(graph: nx.Graph, alpha: float = 0.85, weight: str | None = "weight",
             tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """PageRank by power iteration in numpy (networkx's own needs scipy, which kg does not
    depend on). Same definition as nx.pagerank: dangling nodes spread uniformly."""
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    src, dst, w = [], [], []
    directed = graph.is_directed()
    for a, b, d in graph.edges(data=True):
        x = float(d.get(weight, 1.0)) if weight else 1.0
        src.append(idx[a])
        dst.append(idx[b])
        w.append(x)
        if not directed:
            src.append(idx[b])
            dst.append(idx[a])
            w.append(x)
    src_a, dst_a, w_a = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), \
        np.array(w, dtype=float)
    out = np.bincount(src_a, weights=w_a, minlength=n) if len(src) else np.zeros(n)
    dangling = out == 0
    coef = np.divide(w_a, out[src_a], out=np.zeros_like(w_a), where=out[src_a] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        flow = np.bincount(dst_a, weights=x[src_a] * coef, minlength=n) if len(src) \
            else np.zeros(n)
        new = alpha * (flow + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(new - x).sum() < n * tol:
            x = new
            break
        x = new
    return {v: float(x[i]) for i, v in enumerate(nodes)}


def rank(graph: nx.Graph, *, top: int | None = None, by: str = "pagerank",
         betweenness_sample: int = 500, seed: int = 0):
    """A DataFrame of the graph's nodes with degree, weighted degree, betweenness and PageRank,
    best first by `by`.

    Betweenness is exact up to `betweenness_sample` nodes and estimated from that many sampled
    sources above (exact is O(n·m): minutes at 50k nodes)."""
    import pandas as pd

    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for a, b, d in graph.edges(data=True):
        w = float(d.get("weight", 1))
        if simple.has_edge(a, b):
            simple.edges[a, b]["weight"] += w
        else:
            simple.add_edge(a, b, weight=w)
    n = simple.number_of_nodes()
    k = None if n <= betweenness_sample else betweenness_sample
    btw = nx.betweenness_centrality(simple, k=k, seed=seed) if n else {}
    pr = pagerank(simple)
    rows = []
    for v in simple:
        attrs = graph.nodes[v]
        rows.append({"iri": v, "label": attrs.get("label", v), "type": attrs.get("type"),
                     "degree": simple.degree(v),
                     "weighted_degree": float(simple.degree(v, weight="weight")),
                     "betweenness": btw.get(v, 0.0), "pagerank": pr.get(v, 0.0)})
    cols = ["iri", "label", "type", "degree", "weighted_degree", "betweenness", "pagerank"]
    df = pd.DataFrame(rows, columns=cols)
    if by not in cols:
        raise KgError(f"cannot rank by {by!r}: use one of {', '.join(cols[3:])}")
    df = df.sort_values([by, "label"], ascending=[False, True], kind="stable")
    df = df.reset_index(drop=True)
    return df.head(top) if top is not None else df
