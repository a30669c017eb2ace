"""Scale-out builds on Dask: the same graph as :func:`kg.api.build`, computed on a cluster.

    from kg.distributed import build_dask
    report = build_dask(["corpus/"], "kg-store")                       # LocalCluster, 2 workers
    report = build_dask(["corpus/"], "kg-store", scheduler="tcp://host:8786",
                        workdir="/shared/nfs/kg-parts")

Each Dask task takes one partition of documents, runs extract + link + to_quads (the very
function :func:`kg.api.build` runs in its worker processes) and writes one N-Quads part file.
The client then loads the parts document by document with ``Store.replace_document`` and the
same content hashes as ``kg.api.build``: the embedded store has a single writer, and the
result is identical quad for quad. With a remote scheduler, ``workdir`` must be a folder the
workers and this process both see (a shared filesystem), and ``kg`` must be installed on the
workers.

Dask is optional (``pip install 'kg[dask]'``) and imported only when a build asks for it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kg.api import (
    BuildReport,
    _process_batch,
    begin_writes,
    finish_build,
    plan_build,
)
from kg.iri import graph_iri
from kg.model import Document, KgError
from kg.store import Store
from kg.vocab import SHARED_GRAPHS

__all__ = ["build_dask", "load_part", "process_partition"]

_MISSING = "Dask is not installed: pip install 'kg[dask]'"


def _import_distributed():
    try:
        import distributed
    except ImportError as e:
        raise KgError(_MISSING) from e
    return distributed


def process_partition(docs: list[Document], part: str) -> list[tuple[str, str | None]]:
    """Worker side: extract, link and serialize `docs` into the N-Quads file `part`.

    Returns (doc id, error or None) per document, in file order; a failed document is
    reported and leaves no quads, as in kg.api.build."""
    out: list[tuple[str, str | None]] = []
    tmp = Path(part + ".tmp")
    with open(tmp, "wb") as f:
        for doc_id, data, err in _process_batch(docs):
            if data is not None:
                f.write(data)
            out.append((doc_id, err))
    # Rename last: a part file that exists is complete (a retried task rewrites it whole).
    tmp.replace(part)
    Path(part + ".json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def load_part(st: Store, part: str | Path, results: list[tuple[str, str | None]],
              hashes: dict[str, str], report: BuildReport,
              progress: Callable[[int, str], None] | None = None) -> None:
    """Client side: write a part file's documents into the store, one named graph each."""
    import pyoxigraph as ox

    by_graph: dict[str, list[ox.Quad]] = {}
    with open(part, "rb") as f:
        for q in ox.parse(f, format=ox.RdfFormat.N_QUADS):
            by_graph.setdefault(q.graph_name.value, []).append(q)
    for doc_id, err in results:
        if err is not None:
            report.failures.append((doc_id, err))
        else:
            st.replace_document(doc_id, by_graph.pop(graph_iri(doc_id), []), hashes[doc_id])
            report.written += 1
        if progress:
            progress(1, doc_id)
    shared = [q for g in SHARED_GRAPHS for q in by_graph.pop(g, [])]
    if shared:
        st.ox.extend(shared)  # shared graphs only grow during a build (kg.rdf)
    if by_graph:  # every other quad kg.rdf writes lives in its document's graph
        raise KgError(f"part file {part} has quads of unknown graphs: "
                      + ", ".join(sorted(by_graph)[:3]))


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


def build_dask(paths: Iterable[str | Path] | str | Path, store: Store | str | Path | None = None,
               *, scheduler: Any = "local", partitions: int | None = None,
               workdir: str | Path | None = None, force: bool = False, n_workers: int = 2,
               processes: bool = True,
               progress: Callable[[int, str], None] | None = None) -> BuildReport:
    """Build `paths` into `store` on Dask; same result and report as :func:`kg.api.build`.

    `scheduler`: "local" starts a LocalCluster (`n_workers` workers, one thread each,
    separate processes unless `processes=False`); a string such as "tcp://host:8786" connects
    to a running scheduler; a ``distributed.Client`` is used as is. `partitions` defaults to
    four per worker thread. Part files go under `workdir` (a temporary folder, removed
    afterwards, when not given).

    The local cluster's workers are spawned processes: a script calling this at import
    time needs the usual ``if __name__ == "__main__":`` guard (the ``kg`` command has it)."""
    distributed = _import_distributed()
    own = not isinstance(store, Store)
    st = store if isinstance(store, Store) else Store(store)
    report, todo, hashes = plan_build(paths, st, force=force, progress=progress)
    begin_writes(st, todo)

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
                except OSError as e:
                    raise KgError(f"cannot reach Dask scheduler {scheduler}: {e}") from None
            threads = sum(client.nthreads().values()) or 1
            parts = _partition(todo, partitions or 4 * threads)
            names = [str(work.resolve() / f"part-{i:05d}.nq") for i in range(len(parts))]
            futures = client.map(process_partition, parts, names, pure=False)
            # Load in partition order: the store's content does not depend on it, but a
            # deterministic order keeps reports and progress reproducible.
            for name, fut in zip(names, futures):
                load_part(st, name, fut.result(), hashes, report, progress)
        finally:
            if client is not None and client is not scheduler:
                client.close()
            if cluster is not None:
                cluster.close()
            if tmp_root is not None:
                shutil.rmtree(tmp_root, ignore_errors=True)

    return finish_build(st, report, own)
