"""Scale-out builds: extraction on a Dask cluster, writes to the local store or to a remote
SPARQL store through the Graph Store Protocol. Same graph as :func:`kg.api.build`.

    from kg.distributed import build_dask, build_remote
    from kg.remote import GraphStore

    build_dask(["corpus/"], "kg-store")                            # LocalCluster, 2 workers
    build_dask(["corpus/"], "kg-store", scheduler="tcp://host:8786",
               workdir="/shared/kg-parts")                          # a running cluster
    build_dask(["corpus/"], GraphStore("http://host:7878", token="T"))  # remote store
    build_remote(["corpus/"], GraphStore("http://host:7878", token="T"), jobs=2)  # no Dask

How a Dask build runs:

1. The client reads the input and the content hashes already stored (`plan_build`, the very
   function ``kg.api.build`` uses): unchanged documents are skipped, unreadable ones reported.
2. Each Dask task takes one partition of the remaining documents (contiguous slices, four per
   worker thread unless `partitions` says otherwise), runs extract + link + to_quads (the
   function ``kg.api.build`` runs in its worker processes) and writes one N-Quads part file
   under `workdir`, documents one after another; it returns each document's byte range in
   the file, or its error. A part file is renamed into place only when complete.
3. The client loads the parts in partition order. Into the embedded store: several
   documents per transaction with ``Store.replace_documents`` and their content hashes,
   exactly as ``kg.api.build`` writes (the store has a single writer: the client). Into a
   Graph Store (kg.remote.GraphStore, e.g. ``kg serve --allow-update``): the part's shared
   entity triples by ``POST ?graph=<entities graph>`` first, then each document's graph,
   with its content-hash marker, by ``PUT ?graph=<document graph>``. A document is written
   with its marker or not at all, so a rerun skips exactly the documents that made it.
4. The linking graph (kg:possiblySame, derived from all persons in the store) is dropped
   before the first write and recomputed at the end: locally by ``finish_build``, remotely
   from the persons the query endpoint lists, then ``PUT`` whole.

What is guaranteed: the store holds the same quads as after ``kg.api.build`` on the same
input, byte for byte after sorting the N-Quads (tests/test_distributed.py, for both targets).
A document that fails (extraction, or its upload: any 4xx/5xx answer) is reported in
``report.failures`` and the others are written. A Graph Store that refuses writes (401/403)
or stops answering (three documents in a row) ends the build with a KgError; what was written
stays, and the same build run again resumes.

With a remote scheduler, `workdir` must be a folder the workers and this process see at the
same path (a shared filesystem), and ``kg`` must be installed on the workers. Dask is
optional (``pip install 'kg[dask]'``) and imported only when a build asks for it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.api import (
    _ENTITY_TYPES,
    _FACT_TYPES,
    BuildReport,
    _batches,
    _process_batch,
    begin_writes,
    finish_build,
    plan_build,
    update_possibly_same,
)
from kg.iri import graph_iri
from kg.model import Document, KgError, StoreError
from kg.store import Store
from kg.vocab import LINKING_GRAPH, SHARED_GRAPHS

if TYPE_CHECKING:
    from kg.remote import GraphStore

__all__ = ["build_dask", "build_remote", "process_partition", "read_part"]

_MISSING = "Dask is not installed: pip install 'kg[dask]'"

Progress = Callable[[int, str], None] | None
Results = list[tuple[str, bytes | None, str | None]]  # (doc id, N-Quads or None, error)


def _import_distributed():
    try:
        import distributed
    except ImportError as e:
        raise KgError(_MISSING) from e
    return distributed


# -- worker side ------------------------------------------------------------------------------
def process_partition(docs: list[Document], part: str
                      ) -> list[tuple[str, str | None, int, int]]:
    """Extract, link and serialize `docs` into the N-Quads file `part`.

    Returns (doc id, error or None, start, end) per document, in file order: the document's
    quads are bytes start..end of the file; a failed document has none, as in kg.api.build."""
    out: list[tuple[str, str | None, int, int]] = []
    tmp = Path(part + ".tmp")
    pos = 0
    with open(tmp, "wb") as f:
        for doc_id, data, err in _process_batch(docs):
            start = pos
            if data is not None:
                f.write(data)
                pos += len(data)
            out.append((doc_id, err, start, pos))
    # Rename last: a part file that exists is complete (a retried task rewrites it whole).
    tmp.replace(part)
    Path(part + ".json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


# -- client side ------------------------------------------------------------------------------
def read_part(part: str | Path, index: list[tuple[str, str | None, int, int]]) -> Results:
    """A part file cut back into per-document N-Quads, the shape _process_batch returns."""
    try:
        data = Path(part).read_bytes()
    except FileNotFoundError:
        raise KgError(f"part file {part} not found: with a remote scheduler, --workdir must be "
                      "a folder the workers and this machine share, at the same path") from None
    return [(doc_id, None if err is not None else data[start:end], err)
            for doc_id, err, start, end in index]


class _StoreSink:
    """Writes into the embedded store, as kg.api.build does."""

    def __init__(self, st: Store, own: bool):
        self.st, self.own = st, own

    def begin(self, todo: list[Document]) -> None:
        begin_writes(self.st, todo)

    def write(self, results: Results, hashes: dict[str, str], report: BuildReport,
              progress: Progress) -> None:
        import pyoxigraph as ox

        for i in range(0, len(results), 64):  # transactions of bounded size
            chunk = results[i:i + 64]
            batch = []
            for doc_id, data, err in chunk:
                if err is not None:
                    report.failures.append((doc_id, err))
                else:
                    batch.append((doc_id, list(ox.parse(data, format=ox.RdfFormat.N_QUADS)),
                                  hashes[doc_id]))
            self.st.replace_documents(batch)  # one transaction: documents complete or absent
            report.written += len(batch)
            if progress:
                for doc_id, _, _ in chunk:
                    progress(1, doc_id)

    def finish(self, report: BuildReport) -> BuildReport:
        return finish_build(self.st, report, self.own)


class _GraphStoreSink:
    """Writes into a remote store through the SPARQL 1.1 Graph Store HTTP Protocol."""

    GIVE_UP = 3  # documents in a row whose upload found the server unreachable

    def __init__(self, gs: GraphStore):
        self.gs = gs
        self.unreachable = 0

    def begin(self, todo: list[Document]) -> None:
        if todo:  # also the first write: a read-only server or a wrong token stop us here
            self.gs.delete_graph(LINKING_GRAPH)

    def _failed(self, e: StoreError, report: BuildReport) -> None:
        from kg.remote import GraphStoreRefused, GraphStoreUnreachable

        if isinstance(e, GraphStoreRefused):
            raise e
        if isinstance(e, GraphStoreUnreachable):
            self.unreachable += 1
            if self.unreachable >= self.GIVE_UP:
                raise KgError(f"{e} ({report.written} documents written; run the same build "
                              "again to resume)") from None

    def write(self, results: Results, hashes: dict[str, str], report: BuildReport,
              progress: Progress) -> None:
        import pyoxigraph as ox

        docs: list[tuple[str, list[ox.Quad]]] = []
        shared: dict[str, dict[ox.Triple, None]] = {}
        for doc_id, data, err in results:
            if err is not None:
                report.failures.append((doc_id, err))
                continue
            own_graph = graph_iri(doc_id)
            own: list[ox.Quad] = []
            extra: dict[str, list[ox.Triple]] = {}
            stray = None
            for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
                g = getattr(q.graph_name, "value", "")
                if g == own_graph:
                    own.append(q)
                elif g in SHARED_GRAPHS:
                    extra.setdefault(g, []).append(q.triple)
                else:
                    stray = g or "the default graph"
            if stray is not None:  # kg.rdf writes nowhere else
                report.failures.append((doc_id, f"quads in an unexpected graph: {stray}"))
                continue
            docs.append((doc_id, own))
            for g, triples in extra.items():
                shared.setdefault(g, {}).update(dict.fromkeys(triples))
        # Shared triples first: once a document's marker is stored, all it needs is there.
        try:
            for g, triples in shared.items():
                self.gs.post_graph(g, triples)
        except StoreError as e:
            self._failed(e, report)
            report.failures.extend((doc_id, f"upload failed: {e}") for doc_id, _ in docs)
            docs = []
        for doc_id, own in docs:
            try:
                self.gs.put_document(doc_id, own, hashes[doc_id])
            except StoreError as e:
                self._failed(e, report)
                report.failures.append((doc_id, f"upload failed: {e}"))
                continue
            self.unreachable = 0
            report.written += 1
        if progress:
            for doc_id, _, _ in results:
                progress(1, doc_id)

    def finish(self, report: BuildReport) -> BuildReport:
        gs = self.gs
        if report.written or not gs.has_graph(LINKING_GRAPH):
            gs.put_graph(LINKING_GRAPH, _possibly_same(gs))
        report.entities = {k: _count(gs, v) for k, v in _ENTITY_TYPES.items()}
        report.facts = {k: _count(gs, v) for k, v in _FACT_TYPES.items()}
        report.triples = gs.triple_count()
        return report


def _possibly_same(gs: GraphStore) -> list:
    """The linking graph for the persons of a remote store, computed by the very function
    that computes it locally (kg.api.update_possibly_same) on a scratch in-memory store
    holding their types and Chinese labels — the triples its query reads."""
    import pyoxigraph as ox

    from kg.vocab import RDF, RDFS, SCHEMA

    holder = ox.NamedNode("urn:x-scratch:persons")  # a scratch graph, never stored
    a_type, label, person = (ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)),
                             ox.NamedNode(str(SCHEMA.Person)))
    quads = []
    for r in gs.select_all('SELECT DISTINCT ?a ?n WHERE { GRAPH ?g { ?a a schema:Person } '
                           'GRAPH ?h { ?a rdfs:label ?n } FILTER(LANG(?n) = "zh") } '
                           "ORDER BY ?a ?n"):
        quads.append(ox.Quad(r["a"], a_type, person, holder))
        quads.append(ox.Quad(r["a"], label, r["n"], holder))
    scratch = Store()
    scratch.ox.extend(quads)
    update_possibly_same(scratch)
    return [q.triple for q in scratch.ox.quads_for_pattern(
        None, None, None, ox.NamedNode(LINKING_GRAPH))]


def _count(gs: GraphStore, cls: str) -> int:
    rows = gs.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a {cls} }} }}"
                     ).rows
    return int(rows[0]["n"]) if rows else 0


def _sink(store: Any) -> tuple[_StoreSink | _GraphStoreSink, Any]:
    """The writer for `store` and what plan_build reads content hashes from."""
    from kg.remote import GraphStore

    if isinstance(store, GraphStore):
        return _GraphStoreSink(store), store
    st = store if isinstance(store, Store) else Store(store)
    return _StoreSink(st, own=not isinstance(store, Store)), st


def _partition(docs: list[Document], n: int) -> list[list[Document]]:
    # Contiguous slices of near-equal size keep each part file in input order.
    n = max(1, min(n, len(docs)))
    k, r = divmod(len(docs), n)
    out, i = [], 0
    for j in range(n):
        size = k + (1 if j < r else 0)
        out.append(docs[i:i + size])
        i += size
    return [p for p in out if p]


def build_dask(paths: Iterable[str | Path] | str | Path,
               store: Store | str | Path | GraphStore | None = None, *,
               scheduler: Any = "local", partitions: int | None = None,
               workdir: str | Path | None = None, force: bool = False, n_workers: int = 2,
               processes: bool = True, progress: Progress = None) -> BuildReport:
    """Build `paths` into `store` on Dask; same result and report as :func:`kg.api.build`.

    `store`: a path or Store (the embedded store; None for a new in-memory one, returned as
    report.store) or a kg.remote.GraphStore (a remote store written through the Graph Store
    Protocol). `scheduler`: "local" starts a LocalCluster (`n_workers` workers, one thread
    each, separate processes unless `processes=False`); a string such as "tcp://host:8786"
    connects to a running scheduler and then needs `workdir` on a filesystem shared with the
    workers; a ``distributed.Client`` is used as is. `partitions` defaults to four per worker
    thread. Part files go under `workdir` (kept), or a temporary folder removed afterwards.

    The local cluster's workers are spawned processes: a script calling this at import
    time needs the usual ``if __name__ == "__main__":`` guard (the ``kg`` command has it)."""
    distributed = _import_distributed()
    if isinstance(scheduler, str) and scheduler != "local" and workdir is None:
        raise KgError(f"a build on the Dask scheduler {scheduler} needs --workdir: a folder "
                      "on a filesystem the workers and this machine share")
    if partitions is not None and partitions < 1:
        raise KgError(f"--partitions must be at least 1, not {partitions}")
    sink, hashes_from = _sink(store)
    report, todo, hashes = plan_build(paths, hashes_from, force=force, progress=progress)

    if todo:
        tmp_root = None
        if workdir is None:
            tmp_root = tempfile.mkdtemp(prefix="kg-dask-")
            work = Path(tmp_root)
        else:
            work = Path(workdir)
            work.mkdir(parents=True, exist_ok=True)
        cluster = client = None
        try:
            if isinstance(scheduler, distributed.Client):
                client = scheduler
            elif scheduler == "local":
                cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                                   processes=processes,
                                                   dashboard_address=":0")
                client = distributed.Client(cluster)
            else:
                try:
                    client = distributed.Client(scheduler, timeout="30s")
                except (OSError, ValueError) as e:
                    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
                    raise KgError(f"cannot reach Dask scheduler {scheduler}: {msg}") from None
            sink.begin(todo)  # once the cluster is there: a failed connection changes nothing
            threads = sum(client.nthreads().values()) or 1
            parts = _partition(todo, partitions or 4 * threads)
            names = [str(work.resolve() / f"part-{i:05d}.nq") for i in range(len(parts))]
            futures = client.map(process_partition, parts, names, pure=False)
            # Load in partition order: the store's content does not depend on it, but a
            # deterministic order keeps reports and progress reproducible.
            for name, fut in zip(names, futures):
                sink.write(read_part(name, fut.result()), hashes, report, progress)
        finally:
            if client is not None and client is not scheduler:
                client.close()
            if cluster is not None:
                cluster.close()
            if tmp_root is not None:
                shutil.rmtree(tmp_root, ignore_errors=True)

    return sink.finish(report)


def build_remote(paths: Iterable[str | Path] | str | Path, store: GraphStore, *,
                 jobs: int = 1, force: bool = False, batch_size: int = 16,
                 progress: Progress = None) -> BuildReport:
    """:func:`kg.api.build` (local worker processes, no Dask) into a remote Graph Store: the
    same plan, extraction and writes as :func:`build_dask` with a GraphStore."""
    sink = _GraphStoreSink(store)
    report, todo, hashes = plan_build(paths, store, force=force, progress=progress)
    sink.begin(todo)
    if jobs <= 1 or len(todo) <= 1:
        for batch in _batches(todo, batch_size):
            sink.write(_process_batch(batch), hashes, report, progress)
    else:
        size = max(1, min(batch_size, len(todo) // (jobs * 2) or 1))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for results in pool.map(_process_batch, _batches(todo, size)):
                sink.write(results, hashes, report, progress)
    return sink.finish(report)
