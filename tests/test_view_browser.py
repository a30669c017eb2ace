"""kg view pages in real headless Chromium (Debian's /usr/bin/chromium via Playwright).

The network is cut: every http(s) request is recorded and aborted, and must not happen.
Waiting uses selectors, not wait_for_function: the page's CSP forbids eval, which
Playwright's function polling needs."""

from __future__ import annotations

import time

import pytest
from conftest import XSS_NAME, XSS_SENTENCE, write_synthetic_graph, write_vocab_graph

import kg.graph as G
from kg.store import Store
from kg.view import write_view

pytestmark = pytest.mark.browser

# Generous for a loaded 2-core CI box; the measured figure is printed (pytest -s) and reported.
SETTLE_BUDGET_MS = 20_000


class Page:
    def __init__(self, browser, path):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.ctx.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        # Runs before the page's own scripts (injected by the driver, not subject to the CSP).
        self.page.add_init_script("window.__alerts = []; window.alert = window.confirm = "
                                  "window.prompt = (m) => { window.__alerts.push(String(m)); };")
        self.page.route("**/*", self._route)
        t0 = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-settled]", state="attached", timeout=60_000)
        self.wall_s = time.perf_counter() - t0

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def node_point(self, node_id: int) -> tuple[float, float]:
        p = self.js("""(id) => { const n = kgView.network;
            const d = n.canvasToDOM(n.getPosition(id));
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", node_id)
        return p[0], p[1]

    def close(self):
        self.ctx.close()


@pytest.fixture
def small_page(chromium_browser, tmp_path):
    st = Store()
    ids = write_vocab_graph(st)
    stats = write_view(st, tmp_path / "small.html")
    page = Page(chromium_browser, tmp_path / "small.html")
    yield page, stats, ids
    page.close()


def node_id(page: Page, iri: str) -> int:
    return page.js("(iri) => kgView.data.nodes.find(n => n.iri === iri).id", iri)


def test_page_loads_offline_with_expected_counts(small_page):
    page, stats, _ = small_page
    assert [u for u in page.requests if not u.startswith("file://")] == []
    assert page.js("[kgView.nodes.length, kgView.edges.length]") == [stats["nodes"], stats["edges"]]
    assert page.js("kgView.network.body.nodeIndices.length") == stats["nodes"]
    assert page.errors == []
    legend = page.page.inner_text("#kg-legend")
    assert "Person (5)" in legend and "Event (4)" in legend


def test_selecting_a_node_shows_its_tooltip(small_page):
    page, _, ids = small_page
    jiang = node_id(page, ids["姜欣"])
    x, y = page.node_point(jiang)
    page.page.mouse.move(x, y)
    tip = page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert "姜欣" in tip.inner_text() and "Jiāng Xīn" in tip.inner_text()
    page.page.mouse.click(x, y)
    details = page.page.wait_for_selector("#kg-details", state="visible", timeout=5_000)
    text = details.inner_text()
    assert "姜欣" in text and "Person" in text and "doc-a" in text and "毛腾飞参加" in text
    assert page.js("kgView.network.getSelectedNodes()") == [jiang]


def test_escaped_label_runs_no_script(small_page):
    page, _, ids = small_page
    xss = node_id(page, ids["xss"])
    x, y = page.node_point(xss)
    page.page.mouse.move(x, y)
    page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    page.page.mouse.click(x, y)
    details = page.page.wait_for_selector("#kg-details", state="visible", timeout=5_000)
    assert XSS_NAME in details.inner_text() and XSS_SENTENCE in details.inner_text()
    page.page.wait_for_timeout(200)  # an onerror would fire on the failed image load
    assert page.dialogs == [] and page.js("window.__alerts") == []
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.scripts.length") == 3
    assert page.errors == []


def test_edge_tooltip_names_relation_and_date(small_page):
    page, _, ids = small_page
    data = page.js("kgView.data.edges")
    jiang, e1 = node_id(page, ids["姜欣"]), node_id(page, ids["e1"])
    edge = next(i for i, e in enumerate(data) if e["from"] == jiang and e["to"] == e1)
    page.js("(id) => kgView.network.selectEdges([id])", edge)
    tip = page.js("(id) => { const t = kgView.edges.get(id).title; t.kgFill(); "
                  "return t.textContent; }", edge)
    assert "姜欣" in tip and "参加" in tip and "2020-12-12" in tip


def test_5000_nodes_settle_in_chromium(chromium_browser, tmp_path):
    st = Store()
    counts = write_synthetic_graph(st, 5000)
    t0 = time.perf_counter()
    stats = write_view(st, tmp_path / "big.html")
    write_s = time.perf_counter() - t0
    assert stats["nodes"] == sum(counts.values()) == 5000
    page = Page(chromium_browser, tmp_path / "big.html")
    try:
        timing = page.js("kgView.timing")
        assert page.js("kgView.nodes.length") == 5000
        assert page.js("kgView.edges.length") == stats["edges"]
        assert [u for u in page.requests if not u.startswith("file://")] == []
        assert page.errors == []
        print(f"\n5000 nodes / {stats['edges']} edges: write_view {write_s:.2f} s, "
              f"{stats['bytes'] / 1e6:.1f} MB; in Chromium: network built "
              f"{timing['created']:.0f} ms, first draw {timing['firstDraw']:.0f} ms, settled "
              f"{timing['settled']:.0f} ms after navigation start; load→settled wall "
              f"{page.wall_s:.2f} s")
        assert timing["settled"] < SETTLE_BUDGET_MS
        # Still interactive once settled: a node is found and selected by name.
        page.page.fill("#kg-find-input", "活动42")
        page.page.press("#kg-find-input", "Enter")
        assert page.page.wait_for_selector("#kg-details", state="visible").inner_text()
    finally:
        page.close()


def test_full_graph_counts_match_in_page_for_a_projection(chromium_browser, tmp_path):
    st = Store()
    write_vocab_graph(st)
    g = G.coparticipation(st)
    stats = write_view(st, tmp_path / "co.html", projection="coparticipation")
    page = Page(chromium_browser, tmp_path / "co.html")
    try:
        assert page.js("[kgView.nodes.length, kgView.edges.length]") == \
            [g.number_of_nodes(), g.number_of_edges()] == [stats["nodes"], stats["edges"]]
        weights = page.js("kgView.data.edges.map(e => e.w || 1)")
        assert sorted(weights) == sorted(d["weight"] for _, _, d in g.edges(data=True))
    finally:
        page.close()
