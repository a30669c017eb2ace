"""`kg serve`: a SPARQL 1.1 Protocol endpoint over a kg store (Starlette + uvicorn).

Routes: `/sparql` (query operation by GET, POST urlencoded or POST `application/sparql-query`;
update operation by POST urlencoded `update=` or `application/sparql-update`), `/update`
(update operation only), `/store`, the SPARQL 1.1 Graph Store HTTP Protocol (GET/HEAD, PUT,
POST, DELETE of `?graph=IRI` or `?default`; a GET without either dumps the whole dataset as
N-Quads or TriG), and `/`, the offline query page (or the endpoint, when it carries a
`query`/`update` parameter or is POSTed to).

Graph Store semantics: PUT replaces the graph (201 when it is new, else 204), POST adds to it
(RDF merge: the body's blank nodes are fresh), DELETE drops it (404 when absent), GET returns
it (404 when absent; Turtle, N-Triples, JSON-LD or RDF/XML by Accept). Bodies may be
N-Triples, Turtle, RDF/XML, JSON-LD, or N-Quads/TriG holding triples of their default graph
only; a body that does not parse answers 400 and changes nothing. `?default` is the store's
own default graph (where kg writes nothing), not the union that queries see. `kg build --gsp`
writes through it (kg.remote.GraphStore).

What the server promises:

* Snapshot. Without `--allow-update` the store is opened read-only, which takes no lock, so a
  `kg build` can write to it meanwhile. A read-only Oxigraph (RocksDB) store sees the data as
  of the moment it was opened, and pyoxigraph 0.5 has no secondary/`catch_up` API; so before
  each request the server compares the store's files with those it opened and, when a writer
  has changed them, opens a fresh read-only snapshot. Every query therefore sees the documents
  whose write was committed before the query started (kg writes each document in one atomic
  `extend`, so never half a document) and nothing written while it runs. With
  `--allow-update` the server holds the store's write lock and `kg build` must wait.
* Timeout. Evaluation runs in a bounded pool of worker threads (pyoxigraph releases the GIL
  while it evaluates). The HTTP answer comes at the deadline whatever the store is doing: 503
  with the reason. Results are pulled one row at a time with a deadline check per row, so a
  query that streams rows stops working at the deadline. A query that spends its time inside
  a single Rust call before its first row (ORDER BY, GROUP BY/COUNT, a join that yields
  nothing) cannot be interrupted from Python: it keeps one worker thread and its CPU until it
  ends on its own, and while all workers are so occupied later queries wait and time out too.
  An update that times out may still be applied.
* Row limit. SELECT rows (and CONSTRUCT/DESCRIBE triples) past `max_rows` are dropped; the
  answer then carries `X-KG-Truncated: true` and `X-KG-Max-Rows`. A Graph Store GET is a dump,
  not a query: it returns the whole graph (within the timeout).
* Errors. A malformed query or update answers 400 with the parser's message; any failure of
  one request answers that request only.
* Access. Updates and Graph Store writes answer 403 unless the app was started with `allow_update` and a token;
  then a missing `Authorization: Bearer` header answers 401, a wrong token 403. Bound to a
  loopback address, the server also refuses requests whose Host header names another host
  (DNS rebinding would otherwise let any web page read the graph).
* Dataset. Queries see the union of all graphs as their default graph (kg's convention) unless
  `default-graph-uri`/`named-graph-uri` say otherwise; updates see the store's own default
  graph, where kg writes nothing, so an update must name its graphs (`GRAPH ?g { … }`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.model import StoreError
from kg.store import Store
from kg.vocab import PREFIXES

log = logging.getLogger("kg.serve")

RF = ox.QueryResultsFormat
# Offered media types, in the order the server prefers them when the client does not care.
RESULTS_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": RF.JSON,
    "application/sparql-results+xml": RF.XML,
    "text/csv": RF.CSV,
    "text/tab-separated-values": RF.TSV,
    "application/json": RF.JSON,
    "application/xml": RF.XML,
    "text/xml": RF.XML,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/json": ox.RdfFormat.JSON_LD,
}
# `format=` short names (handy from curl and the query page); each names one type per kind.
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", "text/turtle"),
    "tsv": ("text/tab-separated-values", "text/turtle"),
    "ttl": ("application/sparql-results+json", "text/turtle"),
    "turtle": ("application/sparql-results+json", "text/turtle"),
    "nt": ("application/sparql-results+json", "application/n-triples"),
    "jsonld": ("application/sparql-results+json", "application/ld+json"),
}
# Graph Store Protocol: request bodies it reads (a graph: quad formats only with triples in
# their default graph), and the formats of a whole-dataset GET (`/store` without a graph).
GSP_BODY_TYPES: dict[str, ox.RdfFormat] = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
DATASET_TYPES: dict[str, ox.RdfFormat] = {
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
_TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain", "text/xml"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_STORE_NOISE = ("LOCK", "LOG")  # RocksDB's lock and info logs change without data changing


class _Counter:
    """How many worker threads are evaluating right now (`int(counter)`)."""

    def __init__(self) -> None:
        self._n = 0
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        with self._lock:
            self._n += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._n -= 1

    def __int__(self) -> int:
        return self._n


class _Timeout(Exception):
    pass


class _BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# -- content negotiation ---------------------------------------------------------------------
def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    """(media range, q, specificity) for each entry of an Accept header."""
    out = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        rng = fields[0].lower()
        if "/" not in rng:
            continue
        q = 1.0
        for f in fields[1:]:
            k, _, v = f.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        spec = 0 if rng == "*/*" else 1 if rng.endswith("/*") else 2
        out.append((rng, q, spec))
    return out


def negotiate(accept: str | None, offered: Sequence[str]) -> str:
    """The offered type the client rates highest (ties go to the server's order); the first
    offered type when the header is absent or accepts none of them, as most endpoints do."""
    if not accept:
        return offered[0]
    ranges = _parse_accept(accept)
    best, best_q = offered[0], 0.0
    for mt in offered:
        main = mt.split("/")[0] + "/*"
        matches = [(spec, q) for rng, q, spec in ranges if rng in (mt, main, "*/*")]
        if not matches:
            continue
        q = max(matches)[1]  # the most specific range decides
        if q > best_q:
            best, best_q = mt, q
    return best


# -- result encoding -------------------------------------------------------------------------
def _term_json(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
            if t.direction is not None:
                d["its:dir"] = str(t.direction)
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(t.subject),
                                            "predicate": _term_json(t.predicate),
                                            "object": _term_json(t.object)}}
    raise TypeError(f"unexpected term {t!r}")


def solutions_json(variables: list[str], rows: list[tuple[Any, ...]]) -> bytes:
    """SPARQL 1.1 Query Results JSON for rows already pulled from the store.

    pyoxigraph cannot build a QuerySolutions from Python rows, so a truncated result is
    written here as JSON and the other formats are made by pyoxigraph from that JSON."""
    bindings = [{v: _term_json(t) for v, t in zip(variables, row) if t is not None}
                for row in rows]
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class _Answer:
    body: bytes
    media_type: str
    truncated: bool = False


def _serialize_select(variables: list[str], rows: list[tuple[Any, ...]], media_type: str) -> bytes:
    data = solutions_json(variables, rows)
    fmt = RESULTS_TYPES[media_type]
    if fmt == RF.JSON:
        return data
    return ox.parse_query_results(data, format=RF.JSON).serialize(format=fmt)


def _serialize_graph(triples: list[ox.Triple], media_type: str) -> bytes:
    fmt = GRAPH_TYPES[media_type]
    if fmt == ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES)
    return ox.serialize(triples, format=fmt)


# -- the store, re-opened when a writer changes it ---------------------------------------------
def _store_signature(path: Path) -> tuple:
    try:
        with os.scandir(path) as it:
            entries = []
            for e in it:
                if e.name.startswith(_STORE_NOISE) or not e.is_file():
                    continue
                st = e.stat()
                entries.append((e.name, st.st_size, st.st_mtime_ns))
        return tuple(sorted(entries))
    except OSError:
        return ()


class StoreHandle:
    """The store a request should query. When `follow` (a path opened read-only by the
    server), a fresh read-only snapshot replaces the old one once the files on disk change;
    queries in flight keep the snapshot they started with."""

    def __init__(self, store: Store, *, follow: bool = False):
        self._store = store
        self._follow = follow and store.path is not None
        self._lock = threading.Lock()
        self._sig = _store_signature(store.path) if self._follow else ()
        self.reopens = 0

    def current(self, *, force: bool = False) -> Store:
        if not self._follow:
            return self._store
        sig = _store_signature(self._store.path)  # type: ignore[arg-type]
        if sig == self._sig and not force:
            return self._store
        with self._lock:
            if sig != self._sig or force:
                try:
                    self._store = Store(self._store.path, read_only=True)
                    self._sig = sig
                    self.reopens += 1
                except StoreError as e:
                    # Mid-write states can fail to open; keep answering from the old snapshot.
                    log.warning("could not reopen the store snapshot: %s", e)
            return self._store

    @property
    def writable(self) -> bool:
        return not self._follow


# -- evaluation (worker threads) ----------------------------------------------------------------
def _dataset_kwargs(default_graphs: list[str], named_graphs: list[str]) -> dict[str, Any]:
    kw: dict[str, Any] = {"prefixes": PREFIXES}
    if default_graphs:
        kw["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        kw["use_default_graph_as_union"] = True  # kg's convention: all document graphs
    if named_graphs:
        kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return kw


def _evaluate(store: Store, sparql: str, kwargs: dict[str, Any], accept: str | None,
              deadline: float, max_rows: int, cancel: threading.Event) -> _Answer:
    if time.monotonic() > deadline or cancel.is_set():
        raise _Timeout  # waited in the queue past the deadline: do not start
    try:
        res = store.ox.query(sparql, **kwargs)
    except SyntaxError as e:
        raise _BadRequest(f"SPARQL syntax error: {e}") from None
    except ValueError as e:  # e.g. an invalid IRI in default-graph-uri
        raise _BadRequest(str(e)) from None
    # pyoxigraph's result iterators are bound to the thread that made them: they must be
    # dropped here, so nothing below lets one escape in a traceback or a generator.
    if isinstance(res, ox.QueryBoolean):
        mt = negotiate(accept, list(RESULTS_TYPES))
        return _Answer(res.serialize(format=RESULTS_TYPES[mt]), mt)
    select = isinstance(res, ox.QuerySolutions)
    variables = [v.value for v in res.variables] if select else []
    items: list[Any] = []
    truncated = timed_out = False
    for item in res:
        if time.monotonic() > deadline or cancel.is_set():
            timed_out = True
            break
        if len(items) >= max_rows:
            truncated = True
            break
        items.append(tuple(item[v] for v in variables) if select else item)
    item = None
    del res
    if timed_out:
        raise _Timeout
    if select:
        mt = negotiate(accept, list(RESULTS_TYPES))
        return _Answer(_serialize_select(variables, items, mt), mt, truncated)
    mt = negotiate(accept, list(GRAPH_TYPES))
    return _Answer(_serialize_graph(items, mt), mt, truncated)


# -- HTTP ---------------------------------------------------------------------------------------
@dataclass
class _Operation:
    kind: str  # "query" | "update"
    text: str
    default_graphs: list[str]
    named_graphs: list[str]
    using: bool  # using-graph-uri / using-named-graph-uri given


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise _BadRequest(f"more than one '{name}' parameter")
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadRequest("the request body is not UTF-8") from None


async def _read_operation(request: Request) -> _Operation | None:
    """The operation a request carries; None for a GET with neither query nor update."""
    url_params = parse_qs(request.url.query, keep_blank_values=True)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method in ("GET", "HEAD"):
        params, body_text, body_kind = url_params, None, None
        if "update" in params:
            raise _BadRequest("updates must be sent with POST", 405)
    elif ctype == "application/x-www-form-urlencoded":
        params = parse_qs(_decode(await request.body()), keep_blank_values=True)
        body_text, body_kind = None, None
    elif ctype in ("application/sparql-query", "application/sparql-update"):
        params = url_params
        body_text = _decode(await request.body())
        body_kind = "query" if ctype == "application/sparql-query" else "update"
    else:
        raise _BadRequest("POST a SPARQL operation as application/x-www-form-urlencoded, "
                          "application/sparql-query or application/sparql-update", 415)
    query, update = _one(params, "query"), _one(params, "update")
    if body_kind == "query":
        query = body_text
    elif body_kind == "update":
        update = body_text
    if query is not None and update is not None:
        raise _BadRequest("a request carries either 'query' or 'update', not both")
    if query is None and update is None:
        return None
    return _Operation("query" if query is not None else "update", query or update or "",
                      params.get("default-graph-uri", []), params.get("named-graph-uri", []),
                      bool(params.get("using-graph-uri") or params.get("using-named-graph-uri")))


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def _gsp_target(request: Request) -> ox.NamedNode | ox.DefaultGraph | None:
    """The graph a Graph Store request names: `?graph=IRI`, `?default`, or None (neither)."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    graph = _one(params, "graph")
    if graph is not None and "default" in params:
        raise _BadRequest("give either ?graph=IRI or ?default, not both")
    if "default" in params:
        return ox.DefaultGraph()
    if graph is None:
        return None
    try:
        return ox.NamedNode(graph)
    except ValueError as e:
        raise _BadRequest(f"invalid graph IRI {graph!r}: {e}") from None


class _HostGuard:
    """Refuses requests whose Host is not one of `allowed` (port ignored, IPv6 aware)."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]):
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = ""
            for k, v in scope["headers"]:
                if k == b"host":
                    host = v.decode("latin-1").lower()
                    break
            name = host[1:].split("]")[0] if host.startswith("[") else host.split(":")[0]
            if name not in self.allowed:
                await _text(400, f"host {host!r} not served here")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _page() -> bytes:
    return (resources.files("kg") / "resources" / "serve" / "index.html").read_bytes()


# The page's own inline script and style only; it talks to this server and nothing else.
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def create_app(store: Store | str | Path, *, allow_update: bool = False,
               token: str | None = None, timeout: float = 30.0, max_rows: int = 10_000,
               workers: int = 4, allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The ASGI app. `store` is a kg Store used as given, or a path: opened read-only (and
    re-opened when a writer changes it) unless `allow_update`, which opens it for writing.
    `allowed_hosts=None` accepts any Host header."""
    if allow_update and not token:
        raise StoreError("--allow-update needs a token (--token or KG_SERVE_TOKEN)")
    if timeout <= 0 or max_rows < 0 or workers < 1:
        raise ValueError("timeout must be > 0, max_rows >= 0, workers >= 1")
    if isinstance(store, Store):
        handle = StoreHandle(store)
    else:
        handle = StoreHandle(Store(store, read_only=not allow_update), follow=not allow_update)
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-sparql")
    update_lock = threading.Lock()
    page = _page()

    busy = _Counter()

    def counted(fn: Callable[[threading.Event], Any], cancel: threading.Event) -> Any:
        with busy:
            return fn(cancel)

    async def run_in_worker(fn: Callable[[threading.Event], Any], deadline: float):
        cancel = threading.Event()
        fut = asyncio.get_running_loop().run_in_executor(executor, counted, fn, cancel)
        # A result or error that arrives after the deadline answer is dropped, not logged.
        fut.add_done_callback(lambda f: f.cancelled() or f.exception())
        try:
            left = max(0.0, deadline - time.monotonic())
            return await asyncio.wait_for(asyncio.shield(fut), left)
        except TimeoutError:
            cancel.set()
            raise _Timeout from None

    async def do_query(request: Request, op: _Operation) -> Response:
        kwargs = _dataset_kwargs(op.default_graphs, op.named_graphs)
        accept = request.headers.get("accept")
        fmt = request.query_params.get("format")
        if fmt is not None:
            if fmt not in FORMAT_NAMES:
                raise _BadRequest(f"unknown format {fmt!r}; use one of "
                                  + ", ".join(FORMAT_NAMES))
            accept = ", ".join(FORMAT_NAMES[fmt])
        deadline = time.monotonic() + timeout

        def work(cancel: threading.Event) -> _Answer:
            st = handle.current()  # here, not in the event loop: a reopen touches the disk
            try:
                return _evaluate(st, op.text, kwargs, accept, deadline, max_rows, cancel)
            except OSError:
                if handle.writable:
                    raise
                # A writer may have compacted files away under the old snapshot: retry once.
                fresh = handle.current(force=True)
                return _evaluate(fresh, op.text, kwargs, accept, deadline, max_rows, cancel)

        try:
            ans = await run_in_worker(work, deadline)
        except _Timeout:
            return _text(503, f"query timed out after {timeout:g} s (the server's limit); "
                         "narrow it (LIMIT, more selective patterns) or ask for a longer "
                         "--timeout", {"Retry-After": "1"})
        mt = ans.media_type
        headers = {"Vary": "Accept", "X-KG-Max-Rows": str(max_rows)}
        if ans.truncated:
            headers["X-KG-Truncated"] = "true"
        ctype = f"{mt}; charset=utf-8" if mt in _TEXT_TYPES else mt
        return Response(ans.body, headers=headers, media_type=ctype)

    def refuse_write(request: Request) -> Response | None:
        """The answer to a write (SPARQL update or Graph Store write) that may not run."""
        if not allow_update:
            return _text(403, "this endpoint is read-only (start kg serve with --allow-update "
                         "and a token to accept updates)")
        auth = request.headers.get("authorization")
        if not auth:
            return _text(401, "updates need an 'Authorization: Bearer TOKEN' header",
                         {"WWW-Authenticate": 'Bearer realm="kg"'})
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
                given.strip().encode("utf-8"), (token or "").encode("utf-8")):
            return _text(403, "wrong token")
        return None

    async def do_update(request: Request, op: _Operation) -> Response:
        refused = refuse_write(request)
        if refused is not None:
            return refused
        if op.using or op.default_graphs or op.named_graphs:
            raise _BadRequest("using-graph-uri / using-named-graph-uri are not supported; "
                              "use USING / WITH in the update itself")
        deadline = time.monotonic() + timeout

        def work(cancel: threading.Event) -> None:
            st = handle.current()
            with update_lock:
                if cancel.is_set():
                    raise _Timeout
                try:
                    st.ox.update(op.text, prefixes=PREFIXES)
                except SyntaxError as e:
                    raise _BadRequest(f"SPARQL syntax error: {e}") from None

        try:
            await run_in_worker(work, deadline)
        except _Timeout:
            return _text(503, f"update still running after {timeout:g} s; it may yet be "
                         "applied")
        return _text(200, "update applied")

    async def endpoint(request: Request) -> Response:
        try:
            op = await _read_operation(request)
            if op is None:
                raise _BadRequest("missing 'query' or 'update' parameter")
            if op.kind == "update":
                return await do_update(request, op)
            return await do_query(request, op)
        except _BadRequest as e:
            headers = {"Allow": "POST"} if e.status == 405 else None
            return _text(e.status, str(e), headers)
        except Exception as e:  # one bad request must not take the server down
            log.exception("request failed")
            return _text(500, f"internal error: {type(e).__name__}: {e}")

    async def update_endpoint(request: Request) -> Response:
        try:
            op = await _read_operation(request)
        except _BadRequest as e:
            return _text(e.status, str(e))
        if op is None or op.kind != "update":
            return _text(400, "POST an update here ('update=' or application/sparql-update); "
                         "queries go to /sparql")
        return await endpoint(request)

    # -- SPARQL 1.1 Graph Store HTTP Protocol on /store ------------------------------------
    def dump(st: Store, target: ox.NamedNode | ox.DefaultGraph | None, accept: str | None,
             deadline: float, cancel: threading.Event) -> _Answer | None:
        if target is not None and not isinstance(target, ox.DefaultGraph) \
                and not st.ox.contains_named_graph(target):
            return None
        items: list[Any] = []
        for q in st.ox.quads_for_pattern(None, None, None, target):
            if len(items) % 1024 == 0 and (time.monotonic() > deadline or cancel.is_set()):
                raise _Timeout
            items.append(q if target is None else q.triple)
        if target is None:
            mt = negotiate(accept, list(DATASET_TYPES))
            fmt = DATASET_TYPES[mt]
            kw = {"prefixes": PREFIXES} if fmt == ox.RdfFormat.TRIG else {}
            return _Answer(ox.serialize(items, format=fmt, **kw), mt)
        mt = negotiate(accept, list(GRAPH_TYPES))
        return _Answer(_serialize_graph(items, mt), mt)

    async def gsp_read(request: Request, target: ox.NamedNode | ox.DefaultGraph | None
                       ) -> Response:
        accept = request.headers.get("accept")
        deadline = time.monotonic() + timeout

        def work(cancel: threading.Event) -> _Answer | None:
            try:
                return dump(handle.current(), target, accept, deadline, cancel)
            except OSError:
                if handle.writable:
                    raise
                return dump(handle.current(force=True), target, accept, deadline, cancel)

        try:
            ans = await run_in_worker(work, deadline)
        except _Timeout:
            return _text(503, f"graph read timed out after {timeout:g} s (the server's limit)",
                         {"Retry-After": "1"})
        if ans is None:
            return _text(404, f"no graph {target.value} in this store")  # type: ignore[union-attr]
        mt = ans.media_type
        ctype = f"{mt}; charset=utf-8" if mt in _TEXT_TYPES else mt
        return Response(ans.body, headers={"Vary": "Accept"}, media_type=ctype)

    async def gsp_write(request: Request, target: ox.NamedNode | ox.DefaultGraph | None
                        ) -> Response:
        refused = refuse_write(request)
        if refused is not None:
            return refused
        if target is None:
            raise _BadRequest("name the graph to write: ?graph=IRI or ?default")
        method = request.method
        body, fmt, ctype = b"", None, ""
        if method in ("PUT", "POST"):
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            fmt = GSP_BODY_TYPES.get(ctype)
            if fmt is None:
                raise _BadRequest("send the graph as " + ", ".join(
                    t for t in GSP_BODY_TYPES if t != "text/plain"), 415)
            body = await request.body()
        deadline = time.monotonic() + timeout

        def work(cancel: threading.Event) -> int:
            quads: list[ox.Quad] = []
            if fmt is not None:
                # Parsed whole before the store is touched: a bad body changes nothing.
                try:
                    quads = [ox.Quad(q.subject, q.predicate, q.object, target)
                             for q in ox.parse(body, format=fmt, without_named_graphs=True,
                                               rename_blank_nodes=True)]
                except (SyntaxError, ValueError) as e:
                    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
                    raise _BadRequest(f"cannot read the {ctype} body: {msg}") from None
            with update_lock:
                if cancel.is_set():
                    raise _Timeout
                st = handle.current()
                named = isinstance(target, ox.NamedNode)
                existed = not named or st.ox.contains_named_graph(target)
                if method == "DELETE" or (method == "PUT" and existed):
                    if not existed:
                        return 404
                    if named:
                        st.ox.remove_graph(target)
                    else:
                        st.ox.clear_graph(target)
                    if method == "DELETE":
                        return 204
                # The graph's new triples land in one atomic extend: a reader may see the
                # graph absent for a moment during a PUT, never half-written.
                st.ox.extend(quads)
                if named:
                    st.ox.add_graph(target)  # PUT/POST of an empty graph still creates it
                return 204 if existed else 201

        try:
            status = await run_in_worker(work, deadline)
        except _Timeout:
            return _text(503, f"graph write still running after {timeout:g} s; it may yet be "
                         "applied")
        if status == 404:
            return _text(404, f"no graph {target.value} in this store")  # type: ignore[union-attr]
        return Response(status_code=status)

    async def graph_store(request: Request) -> Response:
        try:
            target = _gsp_target(request)
            if request.method in ("GET", "HEAD"):
                return await gsp_read(request, target)
            return await gsp_write(request, target)
        except _BadRequest as e:
            return _text(e.status, str(e))
        except Exception as e:  # one bad request must not take the server down
            log.exception("request failed")
            return _text(500, f"internal error: {type(e).__name__}: {e}")

    async def home(request: Request) -> Response:
        params = set(request.query_params)
        if request.method in ("GET", "HEAD") and not ({"query", "update"} & params):
            return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_CSP,
                                               "X-Content-Type-Options": "nosniff"})
        return await endpoint(request)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    app = Starlette(routes=[
        Route("/", home, methods=["GET", "POST"]),
        Route("/sparql", endpoint, methods=["GET", "POST"]),
        Route("/update", update_endpoint, methods=["POST"]),
        Route("/store", graph_store, methods=["GET", "PUT", "POST", "DELETE"]),
    ], lifespan=lifespan)
    app.state.store = handle
    app.state.busy = busy  # evaluations running in workers, timed-out ones included
    if allowed_hosts is not None:
        app.add_middleware(_HostGuard, allowed=list(allowed_hosts))
    return app


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
          allow_update: bool = False, token: str | None = None, timeout: float = 30.0,
          max_rows: int = 10_000, log_level: str = "info") -> None:
    """Run the endpoint until interrupted. `token` falls back to $KG_SERVE_TOKEN."""
    import uvicorn

    token = token or os.environ.get("KG_SERVE_TOKEN") or None
    loopback = host in LOOPBACK_HOSTS or host.startswith("127.")
    app = create_app(store_path, allow_update=allow_update, token=token, timeout=timeout,
                     max_rows=max_rows,
                     allowed_hosts=[*LOOPBACK_HOSTS, host] if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    mode = "read-write (updates need the token)" if allow_update else \
        "read-only snapshot, refreshed when the store changes"
    print(f"kg serve: http://{shown}:{port}/sparql over {store_path}, {mode}", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


__all__ = [
    "DATASET_TYPES",
    "FORMAT_NAMES",
    "GRAPH_TYPES",
    "GSP_BODY_TYPES",
    "RESULTS_TYPES",
    "StoreHandle",
    "create_app",
    "negotiate",
    "serve",
    "solutions_json",
]
