"""User mistakes on the command line: one clear line on stderr, a non-zero exit, no traceback.

Every case runs the real CLI in a subprocess, as a user would, because the failure modes we
guard against (rich rendering a traceback, markup in a message, an exception escaping typer)
only show end to end. The subprocesses of all cases start together (each costs about a second
of interpreter start-up and imports, mostly waiting) and each case is then checked on its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import REPO, write_vocab_graph

from kg.store import Store

ENV = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(REPO)}


def kg(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], check=False,
                          cwd=REPO, env=ENV,
                          capture_output=True, text=True, timeout=timeout)


def error_lines(r: subprocess.CompletedProcess) -> list[str]:
    """stderr lines that are kg's own messages (the rules-only NER notice is not an error)."""
    return [ln for ln in r.stderr.splitlines() if ln.strip() and "no trained NER" not in ln]


def assert_one_line_error(r: subprocess.CompletedProcess, *needles: str, code: int = 1) -> None:
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = error_lines(r)
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: "), lines
    for n in needles:
        assert n in lines[0], (n, lines[0])


@dataclass
class Case:
    args: list[str]  # "{store}" is a real store, "{tmp}" this case's own empty folder
    needles: list[str]
    files: dict[str, bytes] = field(default_factory=dict)  # written under {tmp} first
    leaves: list[str] = field(default_factory=list)  # these paths must not exist afterwards


GOLD_OK = b'{"id": "a", "text": "abc"}\n'
CASES: dict[str, Case] = {
    "build-missing-path": Case(["build", "{tmp}/nope", "--store", "{tmp}/s"],
                               ["no such file or folder", "nope"], leaves=["s"]),
    "build-store-is-a-file": Case(
        ["build", "{tmp}/a.txt", "--store", "{tmp}/store"], ["cannot open store"],
        files={"a.txt": "2023年3月8日，临湘市妇联召开会议。".encode(), "store": b"not a store"}),
    "query-missing-store": Case(["query", "SELECT * WHERE { ?s ?p ?o }", "--store", "{tmp}/m"],
                                ["no store at", "m"], leaves=["m"]),
    "export-missing-store": Case(["export", "--store", "{tmp}/m"], ["no store at"],
                                 leaves=["m"]),
    "view-missing-store": Case(["view", "-o", "{tmp}/g.html", "--store", "{tmp}/m"],
                               ["no store at"], leaves=["m", "g.html"]),
    "serve-missing-store": Case(["serve", "--store", "{tmp}/m"], ["no store at"], leaves=["m"]),
    "query-a-folder-that-is-not-a-store": Case(
        ["query", "SELECT * WHERE { ?s ?p ?o }", "--store", "{tmp}"], ["cannot open store"],
        files={"notes.txt": b"hello"}),
    "malformed-sparql": Case(["query", "SELECT ?s WHERE { ?s ?p ", "--store", "{store}"],
                             ["SPARQL syntax error"]),
    "unknown-prefix": Case(["query", "SELECT ?s WHERE { ?s nope:p ?o }", "--store", "{store}"],
                           ["SPARQL syntax error"]),
    # `kg query` opens the store read-only: an update is not even a valid query there.
    "update-via-query": Case(["query", "DELETE WHERE { ?s ?p ?o }", "--store", "{store}"],
                             ["SPARQL syntax error"]),
    "unknown-query-format": Case(
        ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "yaml", "--store", "{store}"],
        ["unknown format", "yaml"]),
    "query-file-missing": Case(["query", "-f", "{tmp}/q.rq", "--store", "{store}"],
                               ["no such query file", "q.rq"]),
    "no-query": Case(["query", "--store", "{store}"], ["give a query"]),
    "unknown-export-format": Case(
        ["export", "--format", "docx", "-o", "{tmp}/g.docx", "--store", "{store}"],
        ["unknown export format", "docx"], leaves=["g.docx", "g.docx.part"]),
    "export-into-missing-folder": Case(
        ["export", "--format", "nq", "-o", "{tmp}/no/g.nq", "--store", "{store}"],
        ["No such file or directory"]),
    # "[/x]" once reached rich's markup parser inside the message: a MarkupError traceback.
    "markup-in-build-path": Case(["build", "{tmp}/[/x]", "--store", "{tmp}/s"], ["[/x]"]),
    "markup-in-query-file": Case(["query", "-f", "{tmp}/[bold]q[/bold].rq", "--store", "{store}"],
                                 ["[bold]q[/bold].rq"]),
    "eval-missing-gold": Case(["eval", "{tmp}/gold.jsonl"], ["no gold file"]),
    "eval-invalid-json": Case(["eval", "{tmp}/gold.jsonl"], ["line 2: invalid JSON"],
                              files={"gold.jsonl": GOLD_OK + b'{"id": "b", "text": "x"\n'}),
    "eval-no-text": Case(["eval", "{tmp}/gold.jsonl"], ["line 1: needs an object"],
                         files={"gold.jsonl": b'{"id": "a"}\n'}),
    "eval-gbk-gold": Case(["eval", "{tmp}/gold.jsonl"], ["UnicodeDecodeError"],
                          files={"gold.jsonl": '{"id": "a", "text": "市妇联"}\n'.encode("gbk")}),
    # Wrongly shaped annotations passed load_gold and raised KeyError/AttributeError in score.
    # Saved predictions are scored so that no pipeline or jieba is loaded.
    "eval-mention-without-end": Case(
        ["eval", "{tmp}/gold.jsonl", "--predictions", "{tmp}/pred.jsonl"],
        ["malformed gold file", "gold.jsonl"],
        files={"gold.jsonl": b'{"id": "a", "text": "abc", "mentions": [{"start": 0}]}\n',
               "pred.jsonl": GOLD_OK}),
    "eval-post-not-an-object": Case(
        ["eval", "{tmp}/gold.jsonl", "--predictions", "{tmp}/pred.jsonl"],
        ["malformed gold file"],
        files={"gold.jsonl": b'{"id": "a", "text": "abc", "posts": ["x"]}\n',
               "pred.jsonl": GOLD_OK}),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path, Path]]:
    """Runs every case once, concurrently; a small real store written directly (these tests
    are about the CLI's error paths, not the pipeline)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    with Store(store) as st:
        write_vocab_graph(st)
    jobs = {}
    for name, case in CASES.items():
        tmp = tmp_path_factory.mktemp(name.replace("-", "_"))
        for rel, data in case.files.items():
            (tmp / rel).write_bytes(data)
        args = [a.replace("{tmp}", str(tmp)).replace("{store}", str(store)) for a in case.args]
        jobs[name] = (args, tmp)
    with ThreadPoolExecutor(max_workers=6) as pool:
        futs = {n: pool.submit(kg, *args) for n, (args, _) in jobs.items()}
        return {n: (f.result(), jobs[n][1], store) for n, f in futs.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_cli_error(results, name):
    r, tmp, store = results[name]
    case = CASES[name]
    assert_one_line_error(r, *case.needles)
    for rel in case.leaves:
        assert not (tmp / rel).exists(), rel  # a failed command leaves nothing behind
    with Store(store, read_only=True) as st:
        assert st.document_ids() == ["doc-a", "doc-b"]  # and never touches the store

