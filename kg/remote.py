"""A client for SPARQL 1.1 Protocol endpoints (`kg serve` or any other), giving back what the
local store gives, so the CLI and notebooks can switch between a store path and a URL:

    remote_query(url, q)   ~ Store.query(q)   QuerySolutions | QueryBoolean | list[Triple]
    remote_select(url, q)  ~ Store.select(q)  SelectResult
    remote_update(url, u)  ~ Store.update(u)
    remote_query_bytes(url, q, fmt)           the serialized answer, as `kg query --format`
    RemoteStore(url)       .query / .select / .update, duck-typed like Store

Errors come back as StoreError with the endpoint's message; an answer the endpoint cut at
its row limit (`X-KG-Truncated`) raises a TruncatedResultWarning.

    GraphStore(url)       a SPARQL 1.1 Graph Store HTTP Protocol endpoint (kg serve's /store)
                          and its query endpoint: what `kg build --gsp URL` writes through

A GraphStore is named by its Graph Store URL; its SPARQL query endpoint is derived for `kg
serve` (`http://host:7878` or `http://host:7878/store` → `http://host:7878/sparql`) and must
be given (`query_url`) for other servers (e.g. Fuseki's `/ds/data` and `/ds/query`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.iri import doc_iri, graph_iri
from kg.model import StoreError
from kg.store import SelectResult, term_value
from kg.vocab import KG, SPARQL_PREFIXES

DEFAULT_TIMEOUT = 60.0  # seconds; the server's own default limit is 30 s

# One Accept header per format name: names used for both query forms ask for both kinds,
# and the endpoint picks the one that fits the query.
ACCEPT: dict[str, str] = {
    "json": "application/sparql-results+json, application/ld+json;q=0.9",
    "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}
_PARSED_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
                  "text/turtle;q=0.8")
_RESULT_PARSERS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_PARSERS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


class TruncatedResultWarning(UserWarning):
    """The endpoint returned only the first rows of the answer (its row limit)."""


def _post(url: str, form: dict[str, str], *, accept: str | None, token: str | None,
          timeout: float) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        # POST, not GET: long queries would not fit a URL.
        resp = httpx.post(url, data=form, headers=headers, timeout=timeout)
    except httpx.TimeoutException:
        raise StoreError(f"no answer from {url} within {timeout:g} s") from None
    except httpx.HTTPError as e:
        raise StoreError(f"cannot reach SPARQL endpoint {url}: {e}") from None
    if resp.status_code >= 400:
        what = {400: "rejected the request", 401: "wants a token", 403: "refused",
                503: "gave up"}.get(resp.status_code, "failed")
        msg = resp.text.strip().splitlines()
        raise StoreError(f"endpoint {what} ({resp.status_code}): "
                         + (" ".join(msg)[:2000] if msg else resp.reason_phrase))
    if resp.headers.get("x-kg-truncated", "").lower() == "true":
        limit = resp.headers.get("x-kg-max-rows", "?")
        warnings.warn(f"{url} truncated the answer at its limit of {limit} rows",
                      TruncatedResultWarning, stacklevel=3)
    return resp


def _media_type(resp: httpx.Response) -> str:
    return resp.headers.get("content-type", "").split(";")[0].strip().lower()


def remote_query_bytes(url: str, sparql: str, fmt: str = "json", *, token: str | None = None,
                       timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The endpoint's answer serialized as `fmt` (json, xml, csv, tsv for SELECT/ASK; ttl,
    nt, jsonld, json, xml for CONSTRUCT/DESCRIBE)."""
    fmt = fmt.lower()
    if fmt not in ACCEPT:
        raise StoreError(f"unknown result format {fmt!r}; use one of " + ", ".join(ACCEPT))
    return _post(url, {"query": sparql}, accept=ACCEPT[fmt], token=token,
                 timeout=timeout).content


def remote_query(url: str, sparql: str, *, token: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
    """Like Store.query: QuerySolutions for SELECT, QueryBoolean for ASK, and for
    CONSTRUCT/DESCRIBE a list of Triples (the local path iterates Triples too)."""
    resp = _post(url, {"query": sparql}, accept=_PARSED_ACCEPT, token=token, timeout=timeout)
    mt = _media_type(resp)
    if mt in _RESULT_PARSERS:
        try:
            return ox.parse_query_results(resp.content, format=_RESULT_PARSERS[mt])
        except SyntaxError as e:
            raise StoreError(f"unreadable {mt} answer from {url}: {e}") from None
    if mt in _GRAPH_PARSERS:
        try:
            return [q.triple for q in ox.parse(resp.content, format=_GRAPH_PARSERS[mt])]
        except SyntaxError as e:
            raise StoreError(f"unreadable {mt} answer from {url}: {e}") from None
    raise StoreError(f"{url} answered with {mt or 'no content type'}, which kg cannot read")


def remote_select(url: str, sparql: str, *, token: str | None = None,
                  timeout: float = DEFAULT_TIMEOUT) -> SelectResult:
    """Like Store.select: variables, rows of Python values, and the raw Oxigraph terms."""
    res = remote_query(url, sparql, token=token, timeout=timeout)
    if not isinstance(res, ox.QuerySolutions):
        raise StoreError("not a SELECT query")
    variables = [v.value for v in res.variables]
    raw: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for sol in res:
        r = {v: sol[v] for v in variables}
        raw.append(r)
        rows.append({v: term_value(t) for v, t in r.items()})
    return SelectResult(variables, rows, raw)


def remote_update(url: str, sparql: str, *, token: str | None = None,
                  timeout: float = DEFAULT_TIMEOUT) -> None:
    """Like Store.update. `token` falls back to $KG_SERVE_TOKEN."""
    token = token or os.environ.get("KG_SERVE_TOKEN") or None
    _post(url, {"update": sparql}, accept=None, token=token, timeout=timeout)


class RemoteStore:
    """A SPARQL endpoint with the reading/updating half of kg.store.Store's interface."""

    path = None

    def __init__(self, url: str, *, token: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        self.url = url
        self.token = token
        self.timeout = timeout

    def query(self, sparql: str):
        return remote_query(self.url, sparql, token=self.token, timeout=self.timeout)

    def select(self, sparql: str) -> SelectResult:
        return remote_select(self.url, sparql, token=self.token, timeout=self.timeout)

    def update(self, sparql: str) -> None:
        remote_update(self.url, sparql, token=self.token, timeout=self.timeout)

    def query_bytes(self, sparql: str, fmt: str = "json") -> bytes:
        return remote_query_bytes(self.url, sparql, fmt, token=self.token, timeout=self.timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"


class GraphStoreUnreachable(StoreError):
    """The Graph Store did not answer (connection refused, timeout)."""


class GraphStoreRefused(StoreError):
    """The Graph Store refused a write for want of rights (401/403): no write will pass."""


def _query_url_for(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/store"):
        path = path[: -len("/store")]
    elif path:
        raise StoreError(f"cannot tell the SPARQL query endpoint of the graph store {url}: "
                         "give it (--query-endpoint URL)")
    return urlunsplit((parts.scheme, parts.netloc, path + "/sparql", "", ""))


def _store_url_for(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"not an http(s) URL: {url!r}")
    if parts.path.rstrip("/") == "":  # a `kg serve` base URL
        return urlunsplit((parts.scheme, parts.netloc, "/store", "", ""))
    return url


def _nt(triples: Iterable[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


class GraphStore:
    """A SPARQL 1.1 Graph Store HTTP Protocol endpoint (writes) plus its SPARQL 1.1 query
    endpoint (reads: content hashes, person names, counts), as `kg build --gsp` uses them.

    `url` is the Graph Store URL (`http://host:7878/store`) or a `kg serve` base URL
    (`http://host:7878`); `query_url` defaults to `kg serve`'s `/sparql` next to `/store`.
    `token` (default $KG_SERVE_TOKEN) is sent as `Authorization: Bearer` with every request.
    Queries name their graphs (`GRAPH ?g`) and declare their prefixes, so they mean the same
    on servers whose default graph is not the union of the named graphs."""

    path = None

    def __init__(self, url: str, *, query_url: str | None = None, token: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        self.url = _store_url_for(url)
        self.query_url = query_url or _query_url_for(self.url)
        self.token = token or os.environ.get("KG_SERVE_TOKEN") or None
        self.timeout = timeout
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)
        self._hashes: dict[tuple[str, str], str] | None = None

    # -- HTTP ---------------------------------------------------------------------------------
    def _request(self, method: str, graph: str | None, *, body: bytes | None = None,
                 accept: str | None = None, missing_ok: bool = False) -> httpx.Response | None:
        params = {"graph": graph} if graph is not None else {}
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        if accept:
            headers["Accept"] = accept
        try:
            resp = self._client.request(method, self.url, params=params, content=body,
                                        headers=headers)
        except httpx.TimeoutException:
            raise GraphStoreUnreachable(
                f"no answer from graph store {self.url} within {self.timeout:g} s") from None
        except httpx.HTTPError as e:
            raise GraphStoreUnreachable(f"cannot reach graph store {self.url}: {e}") from None
        if resp.status_code == 404 and missing_ok:
            return None
        if resp.status_code >= 400:
            msg = " ".join(resp.text.strip().splitlines())[:500] or resp.reason_phrase
            what = f"graph store {method} {graph or self.url} answered {resp.status_code}: {msg}"
            if resp.status_code in (401, 403):
                raise GraphStoreRefused(what)
            raise StoreError(what)
        return resp

    def put_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        """Replace `graph` with `triples` (created, even empty, when absent)."""
        self._request("PUT", graph, body=_nt(triples))

    def post_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        """Add `triples` to `graph`."""
        self._request("POST", graph, body=_nt(triples))

    def delete_graph(self, graph: str) -> bool:
        """Drop `graph`; False when it was not there."""
        return self._request("DELETE", graph, missing_ok=True) is not None

    def get_graph(self, graph: str) -> list[ox.Triple] | None:
        """The triples of `graph`, or None when the store has no such graph."""
        resp = self._request("GET", graph, accept="application/n-triples", missing_ok=True)
        if resp is None:
            return None
        mt = _media_type(resp)
        fmt = _GRAPH_PARSERS.get(mt)
        if fmt is None:
            raise StoreError(f"{self.url} answered with {mt or 'no content type'}, which kg "
                             "cannot read")
        return [q.triple for q in ox.parse(resp.content, format=fmt)]

    def has_graph(self, graph: str) -> bool:
        resp = self._request("HEAD", graph, missing_ok=True)
        return resp is not None

    def dataset(self) -> bytes:
        """Every quad of the store as N-Quads (a GET without ?graph, as `kg serve` offers)."""
        return self._request("GET", None, accept="application/n-quads").content  # type: ignore[union-attr]

    # -- queries ------------------------------------------------------------------------------
    def select_all(self, sparql: str, page: int = 10_000) -> Iterator[dict[str, Any]]:
        """All rows of an ORDER BY query, read in pages that fit the server's row limit
        (a page it truncates just moves the next OFFSET by the rows it gave)."""
        offset = 0
        while True:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", TruncatedResultWarning)
                res = remote_query(self.query_url,
                                   f"{SPARQL_PREFIXES}{sparql} LIMIT {page} OFFSET {offset}",
                                   token=self.token, timeout=self.timeout)
            truncated = any(issubclass(w.category, TruncatedResultWarning) for w in caught)
            if not isinstance(res, ox.QuerySolutions):
                raise StoreError("not a SELECT query")
            variables = [v.value for v in res.variables]
            rows = [{v: sol[v] for v in variables} for sol in res]
            yield from rows
            offset += len(rows)
            if not rows or (len(rows) < page and not truncated):
                return

    def select(self, sparql: str) -> SelectResult:
        return remote_select(self.query_url, SPARQL_PREFIXES + sparql, token=self.token,
                             timeout=self.timeout)

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash stored with a document (like Store.document_hash); all hashes are
        read in one paged query the first time."""
        if self._hashes is None:
            self._hashes = {
                (r["g"].value, r["d"].value): r["h"].value for r in self.select_all(
                    f"SELECT ?g ?d ?h WHERE {{ GRAPH ?g {{ ?d <{KG.contentHash}> ?h }} }} "
                    "ORDER BY ?g ?d ?h")}
        return self._hashes.get((graph_iri(doc_id), doc_iri(doc_id)))

    def put_document(self, doc_id: str, quads: Iterable[ox.Quad], content_hash: str) -> None:
        """Replace a document's graph; its hash marker travels in the same PUT, so a document
        whose upload failed is absent or old, never marked as written."""
        triples = [q.triple for q in quads]
        triples.append(ox.Triple(ox.NamedNode(doc_iri(doc_id)),
                                 ox.NamedNode(str(KG.contentHash)), ox.Literal(content_hash)))
        self.put_graph(graph_iri(doc_id), triples)
        if self._hashes is not None:
            self._hashes[(graph_iri(doc_id), doc_iri(doc_id))] = content_hash

    def triple_count(self) -> int:
        """Distinct triples over the named graphs (as Store.triple_count over their union)."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                           "WHERE { GRAPH ?g { ?s ?p ?o } } }").rows
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"GraphStore({self.url!r})"

    def __str__(self) -> str:
        return self.url


__all__ = [
    "ACCEPT",
    "GraphStore",
    "GraphStoreRefused",
    "GraphStoreUnreachable",
    "RemoteStore",
    "TruncatedResultWarning",
    "remote_query",
    "remote_query_bytes",
    "remote_select",
    "remote_update",
]
