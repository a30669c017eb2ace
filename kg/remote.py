"""A client for SPARQL 1.1 Protocol endpoints (`kg serve` or any other), giving back what the
local store gives, so the CLI and notebooks can switch between a store path and a URL:

    remote_query(url, q)   ~ Store.query(q)   QuerySolutions | QueryBoolean | list[Triple]
    remote_select(url, q)  ~ Store.select(q)  SelectResult
    remote_update(url, u)  ~ Store.update(u)
    remote_query_bytes(url, q, fmt)           the serialized answer, as `kg query --format`
    RemoteStore(url)       .query / .select / .update, duck-typed like Store

Errors come back as StoreError with the endpoint's message; an answer the endpoint cut at
its row limit (`X-KG-Truncated`) raises a TruncatedResultWarning.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

import httpx
import pyoxigraph as ox

from kg.model import StoreError
from kg.store import SelectResult, term_value

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


__all__ = [
    "ACCEPT",
    "RemoteStore",
    "TruncatedResultWarning",
    "remote_query",
    "remote_query_bytes",
    "remote_select",
    "remote_update",
]
