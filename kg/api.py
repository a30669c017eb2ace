"""The Python facade: what the CLI, the notebooks and the tests call.

    import kg
    report = kg.build(["data/samples"], store="kg-store")
    store = kg.Store("kg-store")
    store.select("SELECT ?p ?o WHERE { ?p org:holds/org:postIn ?o }").to_frame()
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from kg import __version__
from kg.model import Document, Extraction, IngestError, KgError, LinkedDocument
from kg.store import SelectResult, Store
from kg.vocab import LINKING_GRAPH, SHARED_GRAPHS

__all__ = [
    "SHARED_GRAPHS",
    "BuildReport",
    "SelectResult",
    "Store",
    "analyze",
    "build",
    "document_from_text",
    "extract",
    "open_store",
    "predict",
    "query",
    "read_documents",
]

POSSIBLY_SAME_GRAPH = LINKING_GRAPH


@dataclass
class BuildReport:
    documents: int = 0  # documents read
    written: int = 0  # documents (re)written to the store
    unchanged: int = 0  # skipped: same content already stored
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc id or path, reason)
    entities: dict[str, int] = field(default_factory=dict)  # type → count in the store
    facts: dict[str, int] = field(default_factory=dict)  # kind → count in the store
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "written": self.written,
                "unchanged": self.unchanged, "failures": [list(f) for f in self.failures],
                "entities": self.entities, "facts": self.facts, "triples": self.triples}


# -- single documents ------------------------------------------------------------------------

def document_from_text(text: str, id: str | None = None, meta: dict | None = None) -> Document:
    from kg.ingest import document_from_text as _dft

    return _dft(text, id=id, meta=meta)


def _as_document(doc: Document | str, meta: dict | None = None) -> Document:
    return doc if isinstance(doc, Document) else document_from_text(doc, meta=meta)


def extract(doc: Document | str, meta: dict | None = None) -> Extraction:
    """Mentions and facts of one document (or a text), before linking."""
    from kg.extract import extract as _extract

    return _extract(_as_document(doc, meta))


def analyze(doc: Document | str, meta: dict | None = None) -> LinkedDocument:
    """Extract and link one document: canonical entities and facts."""
    from kg.link import link

    return link(extract(doc, meta))


def prediction(ld: LinkedDocument) -> dict[str, Any]:
    """The gold-file shape (see ../shared/gold/README.md) of a linked document."""
    ex = ld.extraction

    def name(iri: str | None) -> str | None:
        # The canonical name as this document writes it, locality-qualified (株洲市妇联).
        if iri is None:
            return None
        e = ld.entities[iri]
        return e.extra.get("written_name") or e.name

    awards = []
    for f in ld.facts:
        if f.kind == "award":
            # Honors are scored as written (without quotes), not qualified.
            a = {"recipient": name(f.subject), "honor": f.evidence.text,
                 "conferrers": [name(c) for c in f.conferrers]}
            if f.year:
                a["year"] = f.year
            awards.append(a)
    return {
        "id": ld.doc.id,
        "text": ld.doc.text,
        "meta": ld.doc.meta,
        "year": ex.year,
        "locality": ld.locality,
        "mentions": [m.as_dict() for m in sorted(ex.mentions, key=lambda m: m.start)],
        "posts": [{"person": name(f.subject), "post": f.role, "org": name(f.org)}
                  for f in ld.facts if f.kind == "post"],
        "awards": awards,
        "events": [{"date": f.date, "agents": [name(a) for a in f.agents], "name": f.name,
                    "place": name(f.place), "trigger": f.trigger}
                   for f in ld.facts if f.kind == "event"],
    }


def predict(doc: Document | str, meta: dict | None = None) -> dict[str, Any]:
    return prediction(analyze(doc, meta))


def predict_many(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    from kg.extract import extract_many
    from kg.link import link

    for ex in extract_many(docs):
        yield prediction(link(ex))


# -- building a store ------------------------------------------------------------------------

def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | IngestError]:
    from kg.ingest import iter_documents

    return iter_documents(paths)


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    h.update(json.dumps(doc.meta, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()


def _quads_for(ld: LinkedDocument):
    from kg.rdf import to_quads

    return to_quads(ld)


def _process_batch(docs: list[Document]) -> list[tuple[str, bytes | None, str | None]]:
    """Worker: extract (nlp.pipe over the batch), link and serialize; one failure never sinks
    the others — a batch that fails is redone document by document to isolate it."""
    import pyoxigraph as ox

    from kg.extract import extract, extract_many
    from kg.link import link

    def one(ex) -> bytes:
        return ox.serialize(_quads_for(link(ex)), format=ox.RdfFormat.N_QUADS)

    try:
        return [(d.id, one(ex), None) for d, ex in zip(docs, extract_many(docs), strict=True)]
    except Exception:  # noqa: BLE001, S110 - redone per document below, where it is reported
        pass
    out = []
    for d in docs:
        try:
            out.append((d.id, one(extract(d)), None))
        except Exception as e:  # noqa: BLE001 - reported per document, build goes on
            msg = str(e).splitlines()[0] if str(e) else ""
            out.append((d.id, None, f"{type(e).__name__}: {msg}"))
    return out


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(paths: Iterable[str | Path] | str | Path, store: Store | str | Path | None = None, *,
          jobs: int = 1, force: bool = False, batch_size: int = 16,
          progress: Callable[[int, str], None] | None = None) -> BuildReport:
    """Ingest, extract, link and write documents into `store` (a path, a Store, or None for a
    new in-memory store, returned as report.store).

    Documents whose content is already stored unchanged are skipped unless `force`."""
    own = not isinstance(store, Store)
    st = store if isinstance(store, Store) else Store(store)
    report, todo, hashes = plan_build(paths, st, force=force, progress=progress)

    def write(results: list[tuple[str, bytes | None, str | None]]) -> None:
        batch = []
        for doc_id, data, err in results:
            if err is not None:
                report.failures.append((doc_id, err))
            else:
                batch.append((doc_id, data, hashes[doc_id]))
        st.replace_documents(batch)  # one transaction for the batch's documents
        report.written += len(batch)
        if progress:
            for doc_id, _, _ in results:
                progress(1, doc_id)

    begin_writes(st, todo)
    if jobs <= 1 or len(todo) <= 1:
        for batch in _batches(todo, batch_size):
            write(_process_batch(batch))
    else:
        size = max(1, min(batch_size, len(todo) // (jobs * 2) or 1))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for results in pool.map(_process_batch, _batches(todo, size)):
                write(results)

    return finish_build(st, report, own)


def plan_build(paths: Iterable[str | Path] | str | Path, st: Store, *, force: bool = False,
               progress: Callable[[int, str], None] | None = None
               ) -> tuple[BuildReport, list[Document], dict[str, str]]:
    """Read the input; returns the report so far, the documents to (re)write and their
    content hashes. Unreadable documents are failures; unchanged ones are skipped."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    report = BuildReport()
    todo: list[Document] = []
    hashes: dict[str, str] = {}
    for item in read_documents(paths):
        report.documents += 1
        if isinstance(item, IngestError):
            report.failures.append((item.doc_id or "?", str(item).split(": ", 1)[-1]))
            if progress:
                progress(1, item.doc_id or "?")
            continue
        h = content_hash(item)
        if not force and st.document_hash(item.id) == h:
            report.unchanged += 1
            if progress:
                progress(1, item.id)
            continue
        hashes[item.id] = h
        todo.append(item)
    return report, todo, hashes


def begin_writes(st: Store, todo: list[Document]) -> None:
    """The linking graph is derived from all documents: dropped before the first write, a
    build killed before recomputing it leaves it missing (recomputed by finish_build next
    time), never stale (tests/test_crash.py kills a build right there)."""
    if todo:
        st.replace_graph(POSSIBLY_SAME_GRAPH, [])


def finish_build(st: Store, report: BuildReport, own: bool) -> BuildReport:
    """Derived graphs, flush, summary: the same end for every build engine."""
    import pyoxigraph as ox

    if report.written or not st.ox.contains_named_graph(ox.NamedNode(POSSIBLY_SAME_GRAPH)):
        update_possibly_same(st)
    st.flush()
    _summarize(st, report)
    if own:
        report.store = st  # type: ignore[attr-defined]
    return report


def update_possibly_same(st: Store) -> None:
    """Persons with the same name but different nodes get kg:possiblySame (never sameAs).

    Recomputed from the whole store after each build, so it does not depend on build order."""
    import pyoxigraph as ox

    # One linear scan grouped here: the SPARQL self-join on the label took 1.4 s of a
    # 1,000-article build, serial after the workers finish.
    by_name: dict[str, set[str]] = defaultdict(set)
    for row in st.query('SELECT ?a ?n WHERE { ?a a schema:Person ; rdfs:label ?n . '
                        'FILTER(LANG(?n) = "zh") }'):
        by_name[row["n"].value].add(row["a"].value)
    p = ox.NamedNode("https://w3id.org/kg-cn/ontology#possiblySame")
    quads = []
    for nodes in by_name.values():
        for a, b in combinations(sorted(nodes), 2):
            quads.append(ox.Quad(ox.NamedNode(a), p, ox.NamedNode(b), ox.DefaultGraph()))
            quads.append(ox.Quad(ox.NamedNode(b), p, ox.NamedNode(a), ox.DefaultGraph()))
    st.replace_graph(POSSIBLY_SAME_GRAPH, quads)
    st.ox.add_graph(ox.NamedNode(POSSIBLY_SAME_GRAPH))  # present even when empty: computed


_ENTITY_TYPES = {"Person": "schema:Person", "Organization": "org:Organization",
                 "Place": "schema:AdministrativeArea", "Honor": "kg:Honor"}
_FACT_TYPES = {"posts": "org:Membership", "awards": "kg:HonorAward", "events": "schema:Event"}


def _count(st: Store, cls: str) -> int:
    rows = st.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}").rows
    return int(rows[0]["n"]) if rows else 0


def _summarize(st: Store, report: BuildReport) -> None:
    report.entities = {k: _count(st, v) for k, v in _ENTITY_TYPES.items()}
    report.facts = {k: _count(st, v) for k, v in _FACT_TYPES.items()}
    report.triples = st.triple_count()


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    p = Path(path)
    if not p.exists():
        raise KgError(f"no store at {p} (run `kg build ... --store {p}` first)")
    return Store(p, read_only=read_only)


def query(store: Store | str | Path, sparql: str) -> SelectResult:
    st = store if isinstance(store, Store) else open_store(store, read_only=True)
    return st.select(sparql)


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def entity_counts(ld: LinkedDocument) -> Counter:
    return Counter(e.type for e in ld.entities.values())
