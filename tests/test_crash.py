"""Nothing lost: builds killed with SIGKILL, and two builds on one store at once.

The promise (kg/store.py): a document's graph is written in one transaction with its content
hash marker, so a document that has its marker is complete, and the next build writes every
document that lacks one. A killed build is followed by a normal `kg build`, which must end
with exactly the graph a clean build gives.

Builds that must be killed at a known point run `kg.api.build` (what `kg build` calls) in a
child process with a progress callback that reports each written document; everything else
goes through the real CLI.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import REPO

from kg import api
from kg.iri import graph_iri
from kg.store import Store

ENV = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(REPO)}
N_DOCS = 200

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["晓岚", "文博", "明宇", "雅琴", "振华", "秀英", "志红", "丽华", "建国", "海燕"]
PLACES = ["临湘市", "宁乡市", "浏阳市", "醴陵市", "湘潭县", "攸县", "茶陵县"]
BODIES = [("妇联", "主席"), ("团委", "书记"), ("总工会", "副主席"), ("人民检察院", "检察长"),
          ("妇联", "党组书记")]
EVENTS = ["执委会议", "表彰大会", "工作推进会", "志愿服务活动", "培训班"]


def generated_text(i: int) -> str:
    """Two sentences: a body holds an event on a date; a named post holder attends. Names
    repeat across places (i and i+20), so the build also writes kg:possiblySame links."""
    place, (body, post) = PLACES[i % 7], BODIES[(i // 7) % 5]
    name = SURNAMES[i % 20] + GIVEN[(i // 40) % 10]
    return (f"2023年{1 + i % 12}月{1 + i % 28}日，{place}{body}召开{EVENTS[i % 5]}。"
            f"{place}{body}{post}{name}出席会议并讲话。")


def kg(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], check=False,
                          cwd=REPO, env=ENV, capture_output=True, text=True, timeout=300)


def canonical(quads) -> list[str]:
    """Sorted N-Quads lines: canonical, since kg writes no blank nodes."""
    data = ox.serialize(list(quads), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(data.splitlines())


def doc_graph(st: Store, doc_id: str) -> list[str]:
    return canonical(st.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri(doc_id))))


def marked_documents(st: Store) -> set[str]:
    rows = st.select("SELECT ?id WHERE { GRAPH ?g { ?d kg:contentHash ?h ; "
                     "schema:identifier ?id } }").rows
    return {r["id"] for r in rows}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(N_DOCS):
        (folder / f"d{i:03d}.txt").write_text(generated_text(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(corpus) -> Store:
    st = Store()
    report = api.build([corpus], st)
    assert (report.written, report.failures) == (N_DOCS, [])
    # The corpus is shaped to exercise the cross-document linking graph too.
    assert st.select("SELECT * WHERE { ?a kg:possiblySame ?b }").rows
    return st


# A child build: prints each written document id; after `slow_after` documents each further
# one costs 10 ms more, so that a kill sent on reading that line lands while work goes on.
DRIVER = textwrap.dedent("""
    import sys, time
    from kg import api
    folder, store, slow_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    n = 0
    def progress(k, doc_id):
        global n
        n += k
        print(doc_id, flush=True)
        if n >= slow_after:
            time.sleep(0.01)
    api.build([folder], store, progress=progress)
    print("DONE", flush=True)
""")


def start_driver(corpus: Path, store: Path, slow_after: int,
                 prelude: str = "") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", prelude + DRIVER, str(corpus), str(store),
                             str(slow_after)], cwd=REPO, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def read_lines(proc: subprocess.Popen, n: int) -> list[str]:
    lines = []
    while len(lines) < n:
        line = proc.stdout.readline()
        assert line, f"child ended early: {proc.wait()} {proc.stderr.read()}"
        lines.append(line.strip())
    return lines


def test_killed_build_keeps_complete_documents_and_resumes(corpus, clean, tmp_path):
    store = tmp_path / "kg"
    child = start_driver(corpus, store, slow_after=60)
    read_lines(child, 60)
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL

    with Store(store) as st:  # opens read-write: no stale lock, no corruption
        marked = marked_documents(st)
        assert 60 <= len(marked) < N_DOCS, len(marked)
        graphs = {g.value for g in st.ox.named_graphs()}
        doc_graphs = graphs - api.SHARED_GRAPHS
        # No document graph without its marker: nothing half-written is left behind.
        assert doc_graphs == {graph_iri(d) for d in marked}
        for doc_id in sorted(marked):
            got = doc_graph(st, doc_id)
            assert got == doc_graph(clean, doc_id), doc_id
            single = Store()
            api.build([corpus / f"{doc_id}.txt"], single)
            assert got == doc_graph(single, doc_id), doc_id

    r = kg("build", corpus, "--store", store)
    assert "Traceback" not in r.stderr and r.returncode == 0, r.stderr
    assert (f"{N_DOCS} read, {N_DOCS - len(marked)} written, {len(marked)} unchanged, "
            "0 failed") in r.stdout, r.stdout
    with Store(store, read_only=True) as st:
        assert len(st.document_ids()) == N_DOCS
        assert canonical(st.quads()) == canonical(clean.quads())


def test_build_killed_after_the_last_document_is_repaired_by_the_next(corpus, clean, tmp_path):
    # Killed after every document is written but before the cross-document linking graph
    # (kg:possiblySame) is recomputed: the next build writes no document, yet must not leave
    # that graph missing or stale.
    store = tmp_path / "kg"
    crash = ("import os, signal, kg.api\n"
             "kg.api.update_possibly_same = lambda st: os.kill(os.getpid(), signal.SIGKILL)\n")
    child = start_driver(corpus, store, slow_after=N_DOCS + 1, prelude=crash)
    out, err = child.communicate(timeout=300)
    assert child.returncode == -signal.SIGKILL, err
    assert len(out.split()) == N_DOCS and "DONE" not in out
    r = kg("build", corpus, "--store", store)
    assert "Traceback" not in r.stderr and r.returncode == 0, r.stderr
    assert f"0 written, {N_DOCS} unchanged" in r.stdout, r.stdout
    with Store(store, read_only=True) as st:
        assert canonical(st.quads()) == canonical(clean.quads())


def test_ctrl_c_during_a_parallel_build(corpus, clean, tmp_path):
    # Ctrl-C in a terminal signals the whole process group: the CLI and its workers.
    store = tmp_path / "kg"
    child = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store",
                              str(store), "--jobs", "2"], cwd=REPO, env=ENV, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    deadline = time.monotonic() + 120
    while not (store / "LOCK").exists():  # the store is open: the build has begun
        assert time.monotonic() < deadline and child.poll() is None
        time.sleep(0.01)
    time.sleep(0.5)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert "Traceback" not in err, err  # not from the CLI, not from a worker
    assert child.returncode == 130, err
    assert [ln for ln in err.splitlines() if "no trained NER" not in ln] == ["error: interrupted"]
    with Store(store) as st:  # resuming from here is test_killed_build_…_resumes's case
        marked = marked_documents(st)
        graphs = {g.value for g in st.ox.named_graphs()} - api.SHARED_GRAPHS
        assert graphs == {graph_iri(d) for d in marked}
        for doc_id in marked:
            assert doc_graph(st, doc_id) == doc_graph(clean, doc_id), doc_id


# Rewrites one big document forever, alternating two contents; prints the round number first.
WRITER = textwrap.dedent("""
    import sys
    import pyoxigraph as ox
    from kg.iri import graph_iri
    from kg.store import Store
    st = Store(sys.argv[1])
    g, p = ox.NamedNode(graph_iri("big")), ox.NamedNode("http://example.org/p")
    contents = [[ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(f"{v}{i}"), g)
                 for i in range(int(sys.argv[2]))] for v in "ab"]
    r = 0
    while True:
        print(r, flush=True)
        st.replace_document("big", contents[r % 2], "hash-" + "ab"[r % 2])
        r += 1
""")


@pytest.mark.parametrize("delay", [0.0, 0.07, 0.2])  # measured: old, none, new
def test_kill_inside_a_document_write_leaves_old_new_or_nothing(tmp_path, delay):
    n = 5_000  # one replacement takes ~0.15 s here; the delays below land inside it
    store = tmp_path / "kg"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(store), str(n)], cwd=REPO,
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    read_lines(child, 3)  # rounds 0 and 1 done: the graph holds "a"; round 2 replaces it
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    with Store(store) as st:
        g = ox.NamedNode(graph_iri("big"))
        quads = list(st.ox.quads_for_pattern(None, None, None, g))
        marker = st.document_hash("big")
        values = {q.object.value for q in quads} - {marker}
        if marker is None:
            assert quads == []  # killed between dropping the old graph and writing the new
        else:
            v = marker.removeprefix("hash-")
            assert len(quads) == n + 1 and values == {f"{v}{i}" for i in range(n)}


def test_second_build_on_the_same_store_refuses_and_the_first_completes(corpus, clean,
                                                                          tmp_path):
    store = tmp_path / "kg"
    first = start_driver(corpus, store, slow_after=1)  # ~10 ms per document: 2 s of writing
    read_lines(first, 1)  # it holds the store now
    second = kg("build", corpus, "--store", store)
    assert "Traceback" not in second.stderr
    assert second.returncode == 1, second.stderr
    lines = [ln for ln in second.stderr.splitlines() if "no trained NER" not in ln]
    assert len(lines) == 1 and "in use by another kg process" in lines[0], second.stderr
    assert "--read-only" not in lines[0]  # once suggested an option that kg does not have
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0 and out.split()[-1] == "DONE", err
    with Store(store, read_only=True) as st:
        assert canonical(st.quads()) == canonical(clean.quads())
