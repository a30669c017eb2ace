"""networkx graphs → one self-contained interactive HTML page (vis-network, no CDN).

pyvis 0.3.2 is not used to render: its template loads Bootstrap from a CDN in every mode and
its `add_edge`/`from_nx` are quadratic. We ship our own template (kg/resources/view/) with
vis-network 9.1.2 (the build bundled in pyvis) inlined, so a page opens with the network cut.

Safety: every string from documents reaches the page only as JSON inside
<script type="application/json"> with `<`, `>`, `&` and U+2028/9 escaped, is parsed with
JSON.parse, and is put into the DOM with textContent (tooltips are DOM elements, never HTML
strings; vis-network would render a string `title` as HTML). A Content-Security-Policy allows
only our own inline scripts by hash and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import time
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.store import Store

__all__ = [
    "STYLES",
    "graph_for_view",
    "physics_options",
    "radial_positions",
    "render_html",
    "vis_data",
    "write_graph_html",
    "write_view",
]

# Colour (Tableau 10) and vis-network shape per node type; the glyph draws the legend.
STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "shape": "dot", "glyph": "●"},
    "Organization": {"color": "#f28e2b", "shape": "square", "glyph": "■"},
    "Place": {"color": "#59a14f", "shape": "triangle", "glyph": "▲"},
    "Honor": {"color": "#edc948", "shape": "star", "glyph": "★"},
    "Event": {"color": "#e15759", "shape": "diamond", "glyph": "◆"},
    "Other": {"color": "#9c9c9c", "shape": "dot", "glyph": "●"},
}
RELATION_ZH = {"post": "任职", "attended": "参加", "organized": "主办", "at": "地点",
               "received": "获得", "conferred by": "授予", "part of": "隶属",
               "in": "位于", "located in": "位于", "possibly same": "可能同一人",
               "co-participated": "共同参加", "co-organized": "共同主办"}

# Size thresholds, measured in headless Chromium on 2 shared cores (tests/test_view_browser.py
# prints the numbers): vis-network's improvedLayout (Kamada–Kawai per cluster) and curved
# edges cost seconds past a few hundred nodes, and at 5,000 nodes / 12,000 edges each
# barnesHut iteration costs ~100 ms even from a seeded layout (40 iterations: 6–8 s).
# So big graphs open with a precomputed radial layout and physics off ("layout" button runs it).
SMALL = 300  # at most: vis-network defaults, physics stays on
PHYSICS_MAX = 1_500  # at most: a short barnesHut run from the radial layout, then frozen
EDGE_LABELS_MAX = 2_000  # above: relation and date only in edge tooltips (labels cost draws)
_RESOURCES = Path(__file__).resolve().parent / "resources" / "view"


@cache
def _resource(name: str) -> str:
    return (_RESOURCES / name).read_text(encoding="utf-8")


def _json_for_script(obj: Any) -> str:
    """JSON that cannot end its <script> element or open an HTML comment inside it."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def physics_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options for a graph of this size, and whether to freeze after settling."""
    if n_nodes <= SMALL:
        return {
            "physics": {"solver": "barnesHut", "stabilization": {"iterations": 500, "fit": True},
                        "barnesHut": {"gravitationalConstant": -4000, "springLength": 120}},
            "edges": {"smooth": {"type": "continuous"}},
            "layout": {"improvedLayout": True, "randomSeed": 7},
            "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
            "_freeze": False,
        }
    if n_nodes <= PHYSICS_MAX:
        return {
            "physics": {"solver": "barnesHut", "adaptiveTimestep": False,
                        "stabilization": {"iterations": 60, "updateInterval": 10, "fit": True},
                        "barnesHut": {"theta": 0.9, "gravitationalConstant": -3000,
                                      "springLength": 90, "springConstant": 0.04,
                                      "damping": 0.5}},
            "edges": {"smooth": False},
            "layout": {"improvedLayout": False, "randomSeed": 7},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True,
                            "hideEdgesOnZoom": True},
            "_freeze": True,
        }
    return {
        "physics": {"enabled": False, "solver": "barnesHut", "adaptiveTimestep": False,
                    "stabilization": False,
                    "barnesHut": {"theta": 0.9, "gravitationalConstant": -3000,
                                  "springLength": 90, "springConstant": 0.04, "damping": 0.5}},
        "edges": {"smooth": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True,
                        "hideEdgesOnZoom": True},
        "_freeze": True,
    }


def _sub_label(a: dict[str, Any]) -> str:
    parts = [x for x in (a.get("pinyin"), a.get("en")) if x]
    return " · ".join(dict.fromkeys(parts))


def _ev(evidence: list[dict[str, str]] | None) -> list[list[str]]:
    return [[e.get("doc", ""), e.get("sentence", "")] for e in (evidence or [])]


def _edge_label(d: dict[str, Any]) -> str:
    rel = d.get("relation", "")
    text = d.get("label") if d.get("label") and d.get("label") != rel else RELATION_ZH.get(rel,
                                                                                          rel)
    if d.get("weight", 1) > 1 and rel.startswith("co-"):
        text = f"{text} ×{d['weight']}"
    return f"{text} {d['date']}" if d.get("date") else text


def radial_positions(graph: nx.Graph, node_gap: float = 28.0, ring_gap: float = 110.0
                     ) -> dict[Any, tuple[float, float]]:
    """A radial BFS-tree layout, O(n + m): each component around its best-connected node,
    rings by hop distance, every subtree in its own angular sector (so neighbours stay close),
    components shelf-packed. Big graphs start from it instead of vis-network's random start,
    whose first barnesHut iterations are the expensive ones."""
    und = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    # Degrees and neighbours read once: through networkx's views each lookup re-walks the
    # adjacency (6 of the 12 s a 20k-node view took).
    deg = dict(und.degree())
    nbrs = {v: list(und[v]) for v in und}
    placed: list[tuple[float, dict[Any, tuple[float, float]]]] = []
    for comp in sorted(nx.connected_components(und), key=len, reverse=True):
        root = max(comp, key=lambda v: (deg[v], str(v)))
        order, parent, depth = [root], {root: None}, {root: 0}
        children: dict[Any, list[Any]] = {root: []}
        for v in order:  # BFS; `order` grows while we walk it
            for w in sorted(nbrs[v], key=lambda x: -deg[x]):
                if w not in parent:
                    parent[w], depth[w] = v, depth[v] + 1
                    children[w] = []
                    children[v].append(w)
                    order.append(w)
        leaves = {}
        for v in reversed(order):
            leaves[v] = sum(leaves[c] for c in children[v]) or 1
        per_ring: dict[int, int] = {}
        for d in depth.values():
            per_ring[d] = per_ring.get(d, 0) + 1
        radius, r = {0: 0.0}, 0.0
        for d in range(1, max(per_ring) + 1):
            r = max(r + ring_gap, per_ring[d] * node_gap / (2 * math.pi))
            radius[d] = r
        pos = {root: (0.0, 0.0)}
        span = {root: (0.0, 2 * math.pi)}
        for v in order:
            lo, hi = span[v]
            for c in children[v]:
                width = (hi - lo) * leaves[c] / leaves[v]
                span[c] = (lo, lo + width)
                mid = lo + width / 2
                pos[c] = (radius[depth[c]] * math.cos(mid), radius[depth[c]] * math.sin(mid))
                lo += width
        placed.append((max(r, node_gap), pos))
    # Shelf packing: rows of components, biggest first, about as wide as the first one × 2.
    out: dict[Any, tuple[float, float]] = {}
    row_w = max(4 * placed[0][0], 2000.0) if placed else 0.0
    x = y = row_h = 0.0
    for r, pos in placed:
        d = 2 * r + node_gap
        if x + d > row_w and x > 0:
            x, y, row_h = 0.0, y + row_h, 0.0
        cx, cy = x + d / 2, y + d / 2
        for v, (px, py) in pos.items():
            out[v] = (cx + px, cy + py)
        x += d
        row_h = max(row_h, d)
    return out


def vis_data(graph: nx.Graph, *, title: str = "kg") -> dict[str, Any]:
    """The JSON the page renders: nodes, edges, styles, options."""
    index = {v: i for i, v in enumerate(graph)}
    degree = dict(graph.degree())
    max_deg = max(degree.values(), default=1) or 1
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    options = physics_options(n, m)
    freeze = options.pop("_freeze")
    positions = radial_positions(graph) if n > SMALL else {}
    focus = set(graph.graph.get("focus") or ())
    counts: dict[str, int] = {}
    nodes = []
    for v, a in graph.nodes(data=True):
        typ = a.get("type") if a.get("type") in STYLES else "Other"
        counts[typ] = counts.get(typ, 0) + 1
        node = {"id": index[v], "label": str(a.get("label", v)), "type": typ,
                "sub": _sub_label(a), "iri": str(v), "ev": _ev(a.get("evidence")),
                "size": round(8 + 22 * math.sqrt(degree[v] / max_deg), 1)}
        if a.get("date"):
            node["date"] = a["date"]
        if v in focus:
            node["focus"] = True
        if v in positions:
            node["x"], node["y"] = (round(c, 1) for c in positions[v])
        nodes.append(node)
    edges = []
    multi = graph.is_multigraph()
    it = graph.edges(keys=False, data=True) if multi else graph.edges(data=True)
    for a, b, d in it:
        e = {"from": index[a], "to": index[b], "rel": d.get("relation", ""),
             "label": _edge_label(d), "ev": _ev(d.get("evidence"))}
        if d.get("date"):
            e["date"] = d["date"]
        if d.get("weight", 1) != 1:
            e["w"] = d["weight"]
        if d.get("events"):
            e["events"] = [[x.get("label") or "", x.get("date") or ""] for x in d["events"]]
        edges.append(e)
    types = [{"type": t, "count": counts[t], **STYLES[t]} for t in STYLES if t in counts]
    return {"title": title, "directed": graph.is_directed(), "nodes": nodes, "edges": edges,
            "types": types, "styles": STYLES, "options": options, "freeze": freeze,
            "relations": RELATION_ZH, "edgeLabels": m <= EDGE_LABELS_MAX}


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


_SLOT = re.compile(r"\{\{(TITLE|CSP|VIS_CSS|VIEW_CSS|VIS_JS|DATA|VIEW_JS)\}\}")


def render_html(graph: nx.Graph, *, title: str | None = None) -> str:
    """The whole page as a string."""
    title = title or "kg graph"
    data = _json_for_script(vis_data(graph, title=title))
    vis_js, view_js = _resource("vis-network.min.js"), _resource("view.js")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(view_js)}; base-uri 'none'; "
           "form-action 'none'")
    slots = {"TITLE": html.escape(title), "CSP": html.escape(csp, quote=True),
             "VIS_CSS": _resource("vis-network.css"), "VIEW_CSS": _resource("view.css"),
             "VIS_JS": vis_js, "DATA": data, "VIEW_JS": view_js}
    # One pass: substituted text (vis-network's JS, document strings) is never re-scanned.
    return _SLOT.sub(lambda m: slots[m.group(1)], _resource("template.html"))


def write_graph_html(graph: nx.Graph, out_path: str | Path, *, title: str | None = None
                     ) -> dict[str, Any]:
    """Write `graph` as a page; returns {"nodes", "edges", "bytes", "seconds", "path"}."""
    t0 = time.perf_counter()
    page = render_html(graph, title=title).encode("utf-8")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(page)
    tmp.replace(out)  # never leave a half-written page under the real name
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "bytes": len(page), "seconds": round(time.perf_counter() - t0, 3),
            "path": str(out)}


def graph_for_view(store: Store, *, focus: str | None = None, depth: int = 2,
                   types: list[str] | str | None = None, date_from: str | None = None,
                   date_to: str | None = None, projection: str | None = None) -> nx.Graph:
    """The graph `kg view` draws for these options (see write_view)."""
    from kg import graph as kgg

    data = kgg.load(store)
    if projection:
        g = kgg.projection(data, projection, date_from=date_from, date_to=date_to)
        keep = kgg.parse_types(types)
        if keep is not None:
            g = g.subgraph([v for v, t in g.nodes(data="type") if t in keep]).copy()
    else:
        g = kgg.full_graph(data, types=types, date_from=date_from, date_to=date_to)
    if focus:
        g = kgg.ego(g, focus, depth)
    return g


def write_view(store: Store, out_path: str | Path, *, focus: str | None = None, depth: int = 2,
               types: list[str] | str | None = None, date_from: str | None = None,
               date_to: str | None = None, projection: str | None = None,
               title: str | None = None) -> dict[str, Any]:
    """Write the interactive page for `kg view`.

    Whole graph by default; `projection` = coparticipation | posts | organizers | honors
    instead; `types` keeps only those node types (Person, Organization, Place, Honor, Event);
    `date_from`/`date_to` (YYYY[-MM[-DD]]) keep events and awards in that period; `focus`
    (name or IRI) cuts the ego graph of radius `depth` out of the result.

    Returns {"nodes", "edges", "bytes", "seconds", "path"}; seconds include reading the store.
    Raises kg.model.KgError for an unknown focus, type, projection or a malformed date."""
    t0 = time.perf_counter()
    g = graph_for_view(store, focus=focus, depth=depth, types=types, date_from=date_from,
                       date_to=date_to, projection=projection)
    if title is None:
        what = projection or "graph"
        title = f"kg {what}" + (f" — {focus} (depth {depth})" if focus else "")
    stats = write_graph_html(g, out_path, title=title)
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    return stats
