"""build_dask gives the graph kg.api.build gives, byte for byte (canonical sorted N-Quads)."""

from __future__ import annotations

import builtins
from pathlib import Path

import pyoxigraph as ox
import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def canonical(store) -> list[bytes]:
    # kg writes no blank nodes, so sorted N-Quads lines are a canonical form.
    return sorted(ox.serialize(store.ox, format=ox.RdfFormat.N_QUADS).splitlines())


@pytest.fixture(scope="module")
def reference():
    from kg.api import build

    rep = build([SAMPLES], store=None)
    return rep, canonical(rep.store)


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_same_graph_as_build(reference, processes, tmp_path):
    pytest.importorskip("distributed")
    from kg.distributed import build_dask

    ref_report, ref_lines = reference
    rep = build_dask([SAMPLES], None, scheduler="local", processes=processes,
                     partitions=2, workdir=tmp_path / "parts")
    assert rep.failures == ref_report.failures
    assert rep.written == ref_report.written > 0
    assert rep.triples == ref_report.triples
    assert rep.entities == ref_report.entities and rep.facts == ref_report.facts
    lines = canonical(rep.store)
    assert len(lines) == len(ref_lines)
    assert lines == ref_lines
    # One part file per partition, kept because the caller chose the work dir.
    assert sorted(p.name for p in (tmp_path / "parts").glob("*.nq")) == \
        ["part-00000.nq", "part-00001.nq"]


def test_unchanged_documents_are_skipped(tmp_path):
    pytest.importorskip("distributed")
    from kg.api import build
    from kg.distributed import build_dask
    from kg.store import Store

    st = Store(tmp_path / "store")
    first = build([SAMPLES], st)
    again = build_dask([SAMPLES], st, scheduler="local", processes=False)
    assert again.unchanged == first.written and again.written == 0


def test_missing_dask_is_a_clear_error(monkeypatch):
    from kg import distributed as kd
    from kg.model import KgError

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "distributed" or name.startswith(("distributed.", "dask")):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(KgError, match=r"pip install 'kg\[dask\]'"):
        kd.build_dask([SAMPLES], None)
