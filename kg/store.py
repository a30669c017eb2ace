"""The embedded on-disk Oxigraph store: one named graph per document.

Each document is written in one atomic `extend` (its quads plus a marker holding the content
hash), after its old graph is dropped; a build killed between the two leaves that document
absent, never half-written, and the next build writes it again.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Self

import pyoxigraph as ox

from kg.iri import doc_iri, graph_iri
from kg.model import StoreError
from kg.vocab import KG, PREFIXES

EXPORT_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": None,  # via rdflib: pyoxigraph has no JSON-LD writer
    "xml": ox.RdfFormat.RDF_XML,
}
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_HASH = ox.NamedNode(str(KG.contentHash))
# Characters XML 1.0 cannot carry at all, not even as &#...; references: C0 controls other
# than tab/LF/CR, and the noncharacters U+FFFE/U+FFFF (UTF-8 EF BF BE/BF). Ingest keeps the
# latter (they are valid Unicode text), so an RDF/XML export would not re-parse.
_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
_QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS}


@dataclass
class SelectResult:
    variables: list[str]
    rows: list[dict[str, Any]]  # variable -> python value (str/int/float/bool) or None
    raw: list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.variables)


def term_value(term: Any) -> Any:
    """A plain Python value for an Oxigraph term (IRIs and strings stay str)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        v = term.value
        if dt.endswith(("#integer", "#int", "#long", "#gYear")) and v.lstrip("-").isdigit():
            return int(v)
        if dt.endswith(("#decimal", "#double", "#float")):
            try:
                return float(v)
            except ValueError:
                return v
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    return term.value


# Writable on-disk stores open in this process, shared by every Store object for the same
# path: RocksDB allows one writer per directory, and a notebook that builds and then opens
# kg.Store(path) again must get the same store, not a lock error. Value: [handle, holders].
_OPEN: dict[Path, list] = {}


class Store:
    """A kg graph store. `path=None` keeps it in memory (tests, notebooks)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._key = self.path.resolve() if self.path is not None else None
        if self._key in _OPEN:
            # Already open (writable) in this process: share it, read-only or not.
            self._ox = _OPEN[self._key][0]
            _OPEN[self._key][1] += 1
            self.read_only = False
            return
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}")
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
                _OPEN[self._key] = [self._ox, 1]
        except StoreError:
            raise
        except OSError as e:
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            if "lock" in msg.lower():
                raise StoreError(
                    f"store {self.path} is in use by another kg process (locked); "
                    "wait for it to finish") from None
            raise StoreError(f"cannot open store {self.path}: {msg}") from None

    # -- writing ----------------------------------------------------------------------------
    @property
    def ox(self) -> ox.Store:
        return self._ox

    def document_hash(self, doc_id: str) -> str | None:
        g = ox.NamedNode(graph_iri(doc_id))
        for q in self._ox.quads_for_pattern(ox.NamedNode(doc_iri(doc_id)), _HASH, None, g):
            return q.object.value
        return None

    def document_ids(self) -> list[str]:
        rows = self.select("SELECT ?id WHERE { GRAPH ?g { ?d a schema:NewsArticle ; "
                           "schema:identifier ?id } } ORDER BY ?id")
        return [r["id"] for r in rows.rows]

    def replace_document(self, doc_id: str, quads: Iterable[ox.Quad], content_hash: str) -> None:
        """Drop the document's graph and write the new one; the hash marker lands last."""
        g = ox.NamedNode(graph_iri(doc_id))
        quads = list(quads)
        quads.append(ox.Quad(ox.NamedNode(doc_iri(doc_id)), _HASH, ox.Literal(content_hash), g))
        try:
            self._ox.remove_graph(g)
        except (OSError, ValueError):
            pass  # graph did not exist
        self._ox.extend(quads)

    def replace_documents(self, docs: list[tuple[str, list[ox.Quad] | bytes, str]]) -> None:
        """Several documents at once: their old graphs dropped, then one atomic load of all
        their quads and markers — each document is still complete or absent. A document's
        quads may be given as N-Quads bytes (what build workers send): loading those directly
        skips making a Python object per quad."""
        if not docs:
            return
        chunks: list[bytes] = []
        quads: list[ox.Quad] = []
        for doc_id, doc_quads, content_hash in docs:
            g = ox.NamedNode(graph_iri(doc_id))
            try:
                self._ox.remove_graph(g)
            except (OSError, ValueError):
                pass
            if isinstance(doc_quads, (bytes, bytearray)):
                chunks.append(bytes(doc_quads))
            else:
                quads.extend(doc_quads)
            quads.append(ox.Quad(ox.NamedNode(doc_iri(doc_id)), _HASH,
                                 ox.Literal(content_hash), g))
        chunks.append(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        # Store.load is one transaction (pyoxigraph: "either the full operation succeeds, or
        # nothing is written"), unlike bulk_load.
        self._ox.load(b"".join(chunks), format=ox.RdfFormat.N_QUADS)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        g = ox.NamedNode(graph)
        try:
            self._ox.remove_graph(g)
        except (OSError, ValueError):
            pass
        self._ox.extend([ox.Quad(q.subject, q.predicate, q.object, g) for q in quads])

    def flush(self) -> None:
        # Oxigraph raises on flush() of a read-only store; there is nothing to flush anyway.
        if self.path is not None and not self.read_only:
            self._ox.flush()

    # -- reading ----------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True):
        """Run SPARQL; the default graph is the union of all document graphs."""
        try:
            return self._ox.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None

    def select(self, sparql: str) -> SelectResult:
        res = self.query(sparql)
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        variables = [v.value for v in res.variables]
        raw, rows = [], []
        for sol in res:
            r = {v: sol[v] for v in variables}
            raw.append(r)
            rows.append({v: term_value(t) for v, t in r.items()})
        return SelectResult(variables, rows, raw)

    def update(self, sparql: str) -> None:
        try:
            self._ox.update(sparql, prefixes=PREFIXES)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None

    def __len__(self) -> int:
        return len(self._ox)

    def triple_count(self) -> int:
        """Distinct triples across all graphs (entity triples repeat in document graphs)."""
        r = self._ox.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                           "WHERE { ?s ?p ?o } }", use_default_graph_as_union=True)
        return int(next(iter(r))["n"].value)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._ox)

    def export(self, fmt: str, out: IO[bytes]) -> None:
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of "
                             + ", ".join(sorted(EXPORT_FORMATS)))
        if fmt == "jsonld":
            ds = self.rdflib_graph()
            out.write(ds.serialize(format="json-ld", auto_compact=True).encode("utf-8"))
            return
        rdf_format = EXPORT_FORMATS[fmt]
        if rdf_format in _QUAD_FORMATS:
            data = ox.serialize(self._ox, format=rdf_format, prefixes=PREFIXES) \
                if rdf_format == ox.RdfFormat.TRIG else ox.serialize(self._ox, format=rdf_format)
        else:
            # Triple formats: the union of the document graphs, each triple once.
            triples = self._ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                     use_default_graph_as_union=True)
            kwargs = {"prefixes": PREFIXES} if rdf_format == ox.RdfFormat.TURTLE else {}
            data = ox.serialize(triples, format=rdf_format, **kwargs)
            if rdf_format == ox.RdfFormat.RDF_XML:
                # Same choice as kg.rdf for controls (a space); U+FFFD for noncharacters.
                data = _XML_FORBIDDEN.sub(
                    lambda m: b" " if len(m.group()) == 1 else "\ufffd".encode(), data)
        out.write(data)

    def rdflib_graph(self):
        """The whole store as an rdflib Dataset (named graphs kept) for notebook work."""
        import rdflib

        ds = rdflib.Dataset()
        data = ox.serialize(self._ox, format=ox.RdfFormat.N_QUADS)
        ds.parse(io.BytesIO(data), format="nquads")
        for k, v in PREFIXES.items():
            ds.bind(k, v)
        return ds

    def close(self) -> None:
        if not hasattr(self, "_ox"):
            return
        self.flush()
        shared = _OPEN.get(self._key) if self._key is not None else None
        if shared is not None and shared[0] is self._ox:
            shared[1] -= 1
            if shared[1] <= 0:
                del _OPEN[self._key]
        del self._ox

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
