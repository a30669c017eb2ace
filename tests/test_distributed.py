"""build_dask gives the graph kg.api.build gives, byte for byte (canonical sorted N-Quads), into
the embedded store and into a `kg serve --allow-update` through the Graph Store Protocol; the
`kg build` options of both engines and their errors."""

from __future__ import annotations

import builtins
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pyoxigraph as ox
import pytest
from starlette.responses import PlainTextResponse
from test_cli_errors import assert_one_line_error, kg
from test_serve import running

from kg.iri import graph_iri
from kg.serve import create_app

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
TOKEN = "dask-token"
# Two more articles whose 李红梅 are two persons: the linking graph then has quads to compare.
EXTRA = {"changde.txt": "7月1日，常德市委召开会议，市妇联主席李红梅参加。",
         "xiangtan.txt": "8月2日，湘潭市委召开会议，市总工会主席李红梅参加。"}


def canonical(store) -> list[bytes]:
    # kg writes no blank nodes, so sorted N-Quads lines are a canonical form.
    return sorted(ox.serialize(store.ox, format=ox.RdfFormat.N_QUADS).splitlines())


def served_lines(base: str) -> list[bytes]:
    """The served store, exported by a plain HTTP client (Graph Store GET of the dataset)."""
    r = httpx.get(base + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
    assert r.status_code == 200
    return sorted(r.content.splitlines())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    extra = tmp_path_factory.mktemp("extra")
    for name, text in EXTRA.items():
        (extra / name).write_text(text, encoding="utf-8")
    return [SAMPLES, extra]


@pytest.fixture(scope="module")
def reference(corpus):
    from kg.api import build

    rep = build(corpus, store=None)
    lines = canonical(rep.store)
    assert rep.ok and rep.written == 4
    assert sum(b"#possiblySame>" in ln for ln in lines) == 2  # 李红梅 ↔ 李红梅
    return rep, lines


@pytest.fixture
def served(tmp_path):
    """`kg serve --allow-update --token TOKEN` over a new store, on a free loopback port."""
    app = create_app(tmp_path / "served", allow_update=True, token=TOKEN)
    with running(app) as base:
        yield base


def read_only_server(path: Path):
    """`kg serve` without --allow-update over an empty store."""
    from kg.store import Store

    Store(path).close()
    return running(create_app(path, allow_update=False))


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_same_graph_as_build(reference, corpus, processes, tmp_path):
    pytest.importorskip("distributed")
    from kg.distributed import build_dask

    ref_report, ref_lines = reference
    rep = build_dask(corpus, None, scheduler="local", processes=processes,
                     partitions=2, workdir=tmp_path / "parts")
    assert rep.as_dict() == ref_report.as_dict()
    lines = canonical(rep.store)
    assert len(lines) == len(ref_lines)
    assert lines == ref_lines
    # One part file per partition, kept because the caller chose the work dir.
    assert sorted(p.name for p in (tmp_path / "parts").glob("*.nq")) == \
        ["part-00000.nq", "part-00001.nq"]


def test_unchanged_documents_are_skipped(corpus, tmp_path):
    pytest.importorskip("distributed")
    from kg.api import build
    from kg.distributed import build_dask
    from kg.store import Store

    st = Store(tmp_path / "store")
    first = build(corpus, st)
    again = build_dask(corpus, st, scheduler="local", processes=False)
    assert again.unchanged == first.written and again.written == 0


def test_dask_build_into_a_served_store(reference, corpus, served, tmp_path):
    pytest.importorskip("distributed")
    from kg.distributed import build_dask
    from kg.remote import GraphStore

    ref_report, ref_lines = reference
    gs = GraphStore(served, token=TOKEN)
    rep = build_dask(corpus, gs, scheduler="local", processes=False, partitions=3,
                     workdir=tmp_path / "parts")
    assert rep.as_dict() == ref_report.as_dict()  # counts read back from the server
    lines = served_lines(served)
    assert len(lines) == len(ref_lines)
    assert lines == ref_lines
    # The content hashes are read back from the server: a second build writes nothing (and
    # starts no cluster), and leaves the same graph.
    again = build_dask(corpus, GraphStore(served, token=TOKEN), scheduler="local")
    assert (again.written, again.unchanged) == (0, ref_report.written)
    assert served_lines(served) == ref_lines


def test_a_failed_upload_is_a_failed_document(reference, corpus, tmp_path):
    """A server that answers 507 to one document's PUT: that document is reported failed and
    absent (no graph, no marker); the next build writes it and the graph is complete."""
    pytest.importorskip("distributed")
    from kg.api import read_documents
    from kg.distributed import build_dask
    from kg.remote import GraphStore

    ref_report, ref_lines = reference
    victim = next(d.id for d in read_documents(corpus) if "zigui" in d.id)
    inner = create_app(tmp_path / "s", allow_update=True, token=TOKEN)
    refuse = {"on": True}

    async def app(scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "PUT" and refuse["on"] and \
                parse_qs(scope["query_string"].decode()).get("graph") == [graph_iri(victim)]:
            await PlainTextResponse("disk full", status_code=507)(scope, receive, send)
            return
        await inner(scope, receive, send)

    with running(app) as base:
        gs = GraphStore(base, token=TOKEN)
        rep = build_dask(corpus, gs, scheduler="local", processes=False, partitions=2)
        assert rep.written == ref_report.written - 1
        assert len(rep.failures) == 1
        doc_id, reason = rep.failures[0]
        assert doc_id == victim and "507" in reason and "disk full" in reason
        assert not gs.has_graph(graph_iri(victim))
        assert gs.document_hash(victim) is None
        refuse["on"] = False
        rep = build_dask(corpus, GraphStore(base, token=TOKEN), scheduler="local",
                         processes=False)
        assert (rep.written, rep.unchanged, rep.failures) == (1, ref_report.written - 1, [])
        assert served_lines(base) == ref_lines


def test_refusing_or_unreachable_graph_stores_stop_the_build(corpus, served, tmp_path,
                                                             monkeypatch):
    from kg.distributed import build_remote
    from kg.model import StoreError
    from kg.remote import GraphStore, GraphStoreRefused

    monkeypatch.delenv("KG_SERVE_TOKEN", raising=False)
    with pytest.raises(GraphStoreRefused, match="401"):
        build_remote(corpus, GraphStore(served))
    with pytest.raises(GraphStoreRefused, match="403: wrong token"):
        build_remote(corpus, GraphStore(served, token="nope"))
    with read_only_server(tmp_path / "ro") as ro, \
            pytest.raises(GraphStoreRefused, match="403: this endpoint is read-only"):
        build_remote(corpus, GraphStore(ro, token=TOKEN))
    with pytest.raises(StoreError, match="cannot reach"):
        build_remote(corpus, GraphStore(f"http://127.0.0.1:{_free_port()}", token=TOKEN))
    assert served_lines(served) == []  # nothing was written


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_builds_into_a_served_store(reference, corpus, served, tmp_path):
    """`kg build --gsp` with both engines (two servers, two builds at once)."""
    ref_report, ref_lines = reference
    with running(create_app(tmp_path / "s2", allow_update=True, token=TOKEN)) as second:
        with ThreadPoolExecutor(2) as pool:
            local = pool.submit(kg, "build", *corpus, "--gsp", served + "/store",
                                "--token", TOKEN, "--json")
            dask = pool.submit(kg, "build", *corpus, "--engine", "dask", "--jobs", "1",
                               "--gsp", second, "--token", TOKEN, "--json")
            results = {"local": local.result(), "dask": dask.result()}
        for engine, r in results.items():
            assert r.returncode == 0, (engine, r.stderr)
            assert json.loads(r.stdout) == ref_report.as_dict(), engine
        assert served_lines(served) == ref_lines
        assert served_lines(second) == ref_lines


def test_cli_option_errors(served, tmp_path):
    store = tmp_path / "never"
    cases = {
        "remote scheduler without workdir": (
            ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--store", store],
            ["needs --workdir", "tcp://127.0.0.1:8786"]),
        "workdir with the local engine": (
            ["--workdir", tmp_path / "parts", "--store", store],
            ["--workdir only applies to --engine dask"]),
        "dask options with the local engine": (
            ["--scheduler", "local", "--partitions", "2", "--store", store],
            ["--scheduler, --partitions only apply to --engine dask"]),
        "no partitions": (["--engine", "dask", "--partitions", "0", "--store", store],
                          ["--partitions must be at least 1"]),
        "store and gsp": (["--store", store, "--gsp", served], ["not both"]),
        "token without gsp": (["--token", "t", "--store", store], ["--token only applies with --gsp"]),
        "gsp not http": (["--gsp", "ftp://example.org/store"], ["not an http(s) URL"]),
        "gsp query endpoint unknown": (["--gsp", "http://127.0.0.1:1/ds/data"],
                                       ["--query-endpoint"]),
        "gsp unreachable": (["--gsp", f"http://127.0.0.1:{_free_port()}"], ["cannot reach"]),
        "gsp wrong token": (["--gsp", served, "--token", "nope"], ["403", "wrong token"]),
        "gsp read-only": None,  # filled below: needs its own server
    }
    with read_only_server(tmp_path / "ro") as ro:
        cases["gsp read-only"] = (["--engine", "dask", "--gsp", ro, "--token", TOKEN],
                                  ["403", "read-only"])
        with ThreadPoolExecutor(len(cases)) as pool:
            runs = {name: pool.submit(kg, "build", SAMPLES, *args)
                    for name, (args, _) in cases.items()}
            results = {name: f.result() for name, f in runs.items()}
    for name, (_, needles) in cases.items():
        assert_one_line_error(results[name], *needles)
    assert not store.exists()
    assert served_lines(served) == []


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
