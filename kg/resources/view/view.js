// kg view: draws the JSON in #kg-data with vis-network.
// Every document string goes into the DOM through textContent, never innerHTML: vis-network
// renders a *string* title as HTML, so tooltips are DOM elements built here.
(function () {
  "use strict";
  const timing = { start: performance.now() };
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  timing.parsed = performance.now();

  function el(tag, text, cls, parent) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  function evidence(box, ev) {
    for (const [doc, sentence] of ev || []) {
      const p = el("div", null, "kg-ev", box);
      el("span", doc, "kg-doc", p);
      el("span", sentence, "kg-sent", p);
    }
  }

  function nodeTip(n, full) {
    const box = el("div", null, "kg-tip");
    el("div", n.label, "kg-name", box);
    if (n.sub) el("div", n.sub, "kg-sub", box);
    el("div", n.type + (n.date ? " · " + n.date : ""), "kg-type", box);
    evidence(box, n.ev);
    if (full) el("div", n.iri, "kg-iri", box);
    return box;
  }

  const raw = data.nodes;
  function edgeTip(e) {
    const box = el("div", null, "kg-tip");
    const rel = data.relations[e.rel] ? data.relations[e.rel] + " (" + e.rel + ")" : e.rel;
    el("div", raw[e.from].label + " — " + rel + " — " + raw[e.to].label, "kg-name", box);
    if (e.label) el("div", e.label, "kg-type", box);
    for (const [label, date] of e.events || []) el("div", (date ? date + " " : "") + label, "kg-sub", box);
    evidence(box, e.ev);
    return box;
  }

  // Tooltips are built when first needed: 5,000 nodes × DOM trees would cost the first draw.
  // Colour and shape come from groups (one per type): per-node style objects make
  // vis-network's option merging the slowest part of building a 5,000-node network.
  const groups = {};
  for (const [type, s] of Object.entries(data.styles)) {
    groups[type] = { shape: s.shape, color: { background: s.color, border: s.color,
      highlight: { background: s.color, border: "#000" }, hover: { background: s.color, border: "#000" } } };
  }
  const visNodes = raw.map((n) => {
    const v = { id: n.id, label: n.label, group: n.type, size: n.size };
    if (n.focus) {  // the ego graph's centre: same fill, black ring
      const c = (data.styles[n.type] || data.styles.Other).color;
      v.borderWidth = 4;
      v.color = { background: c, border: "#000", highlight: { background: c, border: "#000" },
                  hover: { background: c, border: "#000" } };
    }
    if (n.x !== undefined) { v.x = n.x; v.y = n.y; }
    return v;
  });
  const visEdges = data.edges.map((e, i) => {
    const v = { id: i, from: e.from, to: e.to };
    if (data.edgeLabels) v.label = e.label;
    if (e.w) v.width = Math.min(1 + Math.log2(e.w) * 1.5, 8);
    return v;
  });
  for (const v of visNodes) v.title = lazyTip(() => nodeTip(raw[v.id], false));
  for (const v of visEdges) v.title = lazyTip(() => edgeTip(data.edges[v.id]));

  // vis-network calls the popup's title only to append it: an element whose content is
  // filled on first connection keeps construction cheap.
  function lazyTip(make) {
    const holder = document.createElement("div");
    let filled = false;
    const fill = () => { if (!filled) { filled = true; holder.appendChild(make()); } };
    Object.defineProperty(holder, "kgFill", { value: fill });
    return holder;
  }

  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);
  const options = Object.assign({}, data.options, {
    groups,
    nodes: { font: { size: 14, face: "sans-serif" }, scaling: { label: { drawThreshold: 6 } } },
  });
  options.edges = Object.assign({
    font: { size: 10, align: "middle", color: "#555", strokeWidth: 2 },
    color: { color: "#9aa3ad", highlight: "#333", hover: "#333" },
    // Arrow heads cost a border intersection per edge per frame: only on readable graphs.
    arrows: { to: { enabled: !!data.directed && data.edgeLabels, scaleFactor: 0.5 } },
  }, data.options.edges);
  timing.prepared = performance.now();

  const container = document.getElementById("kg-network");
  const network = new vis.Network(container, { nodes, edges }, options);
  timing.created = performance.now();

  const status = document.getElementById("kg-status");
  const counts = raw.length + " nodes · " + data.edges.length + " edges";
  status.textContent = counts;
  document.getElementById("kg-title").textContent = data.title;

  // Fill a lazy tooltip when the pointer arrives; vis-network shows it tooltipDelay later.
  network.on("hoverNode", (p) => { const t = nodes.get(p.node).title; if (t.kgFill) t.kgFill(); });
  network.on("hoverEdge", (p) => { const t = edges.get(p.edge).title; if (t.kgFill) t.kgFill(); });

  const physicsOn = !(data.options.physics && data.options.physics.enabled === false);
  const progress = document.getElementById("kg-progress");
  const bar = document.getElementById("kg-progress-bar");
  function settle() {
    if (timing.settled) return;
    network.once("afterDrawing", () => {
      timing.settled = performance.now();
      status.textContent = counts + " · " + Math.round(timing.settled) + " ms";
      document.body.dataset.settled = "1";
    });
    network.redraw();
  }
  network.once("afterDrawing", () => {
    timing.firstDraw = performance.now();
    if (!physicsOn) {
      timing.settled = timing.firstDraw;
      status.textContent = counts + " · " + Math.round(timing.settled) + " ms";
      document.body.dataset.settled = "1";
    }
  });
  if (physicsOn) {
    progress.hidden = false;
    network.on("stabilizationProgress", (p) => {
      bar.style.width = Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      timing.stabilized = performance.now();
      progress.hidden = true;
      // Big graphs stop moving once laid out: a page that keeps simulating is not usable.
      if (data.freeze) network.setOptions({ physics: { enabled: false } });
      settle();
    });
  }

  let running = physicsOn && !data.freeze;
  const layoutButton = document.getElementById("kg-layout");
  layoutButton.textContent = running ? "layout ■" : "layout ▶";
  layoutButton.addEventListener("click", () => {
    running = !running;
    network.setOptions({ physics: { enabled: running } });
    layoutButton.textContent = running ? "layout ■" : "layout ▶";
  });

  const details = document.getElementById("kg-details");
  function show(box) {
    details.replaceChildren(box);
    details.hidden = false;
  }
  network.on("click", (p) => {
    if (p.nodes.length) show(nodeTip(raw[p.nodes[0]], true));
    else if (p.edges.length) show(edgeTip(data.edges[p.edges[0]]));
    else details.hidden = true;
  });

  const legend = document.getElementById("kg-legend");
  for (const t of data.types) {
    const row = el("div", null, null, legend);
    const g = el("span", t.glyph, "kg-glyph", row);
    g.style.color = t.color;
    el("span", t.type + " (" + t.count + ")", null, row);
  }
  el("div", "size = degree", "kg-sub", legend);

  document.getElementById("kg-find").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("kg-find-input").value.trim().toLowerCase();
    if (!q) return;
    const hit = raw.filter((n) => n.label.toLowerCase().includes(q)
      || (n.sub && n.sub.toLowerCase().includes(q)));
    if (!hit.length) { status.textContent = counts + " · not found"; return; }
    network.selectNodes(hit.map((n) => n.id));
    network.focus(hit[0].id, { scale: 1.2, animation: false });
    show(nodeTip(hit[0], true));
  });

  window.kgView = { network, nodes, edges, data, timing };
})();
