"""The `kg` command: a thin layer over kg.api. Errors print one line and exit non-zero."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.model import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Knowledge graphs of people, bodies, honors and dated events "
                       "from Chinese government and mass-organization news.")
out = Console(soft_wrap=True)
err = Console(stderr=True)

StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="Store directory.")]


def fail(msg: str, code: int = 1) -> None:
    from rich.markup import escape

    # Escaped: a path or SPARQL text holding "[/x]" would otherwise be parsed as rich markup
    # (a MarkupError traceback instead of the message).
    err.print(f"[bold red]error:[/] {escape(msg)}", highlight=False, markup=True,
              soft_wrap=True)
    raise typer.Exit(code)


def _guard(fn):
    """Turn kg errors (and the few OS errors users cause) into one line + exit status."""
    import functools

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        try:
            return fn(*a, **kw)
        except typer.Exit:
            raise
        except KgError as e:
            fail(str(e))
        except (OSError, UnicodeError) as e:
            fail(f"{type(e).__name__}: {e}")
        except KeyboardInterrupt:
            fail("interrupted", 130)
    return wrapper


@app.command()
@_guard
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .jsonl")],
    store: Annotated[Path | None, typer.Option("--store", "-s", help="Store directory (default kg-store).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (with --engine dask: workers of the local cluster).")] = 1,
    force: Annotated[bool, typer.Option(help="Rewrite documents even if unchanged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    engine: Annotated[str, typer.Option(help="local | dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786) or 'local' (the default: a local cluster).")] = None,
    workdir: Annotated[Path | None, typer.Option(help="Dask: folder for the part files; with a remote scheduler, on a filesystem the workers share.")] = None,
    partitions: Annotated[int | None, typer.Option(help="Dask: number of partitions (default four per worker thread).")] = None,
    gsp: Annotated[str | None, typer.Option(help="Write to a remote store through the SPARQL 1.1 Graph Store Protocol: its URL (kg serve: http://host:7878 or http://host:7878/store) instead of --store.")] = None,
    query_endpoint: Annotated[str | None, typer.Option(help="With --gsp: the store's SPARQL query endpoint (default: kg serve's /sparql next to /store).")] = None,
    token: Annotated[str | None, typer.Option(help="With --gsp: bearer token for writes (default $KG_SERVE_TOKEN).")] = None,
) -> None:
    """Ingest, extract, link and write documents into the store."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from kg import api

    if engine not in ("local", "dask"):
        fail(f"unknown engine {engine!r}: use local or dask")
    if engine == "local":
        dask_only = [name for name, v in (("--scheduler", scheduler), ("--workdir", workdir),
                                          ("--partitions", partitions)) if v is not None]
        if dask_only:
            fail(f"{', '.join(dask_only)} only appl{'ies' if len(dask_only) == 1 else 'y'} "
                 "to --engine dask")
    if gsp is None:
        given = [name for name, v in (("--query-endpoint", query_endpoint), ("--token", token))
                 if v is not None]
        if given:
            fail(f"{', '.join(given)} only appl{'ies' if len(given) == 1 else 'y'} with "
                 "--gsp URL")
    elif store is not None:
        fail("give --store (a local store) or --gsp (a remote one), not both")
    for p in paths:
        if not p.exists():
            fail(f"no such file or folder: {p}")
    target = None
    if gsp is not None:
        from kg.remote import GraphStore

        target = GraphStore(gsp, query_url=query_endpoint, token=token)
    store = store or Path("kg-store")
    show = sys.stderr.isatty() and not as_json
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  disable=not show, transient=True) as prog:
        task = prog.add_task("building", total=None)

        def advance(n: int, _id: str) -> None:
            prog.advance(task, n)

        if engine == "dask":
            from kg.distributed import build_dask

            report = build_dask(paths, target or store, scheduler=scheduler or "local",
                                workdir=workdir, partitions=partitions, force=force,
                                n_workers=max(1, jobs), progress=advance)
        elif target is not None:
            from kg.distributed import build_remote

            report = build_remote(paths, target, jobs=jobs, force=force, progress=advance)
        else:
            report = api.build(paths, store, jobs=jobs, force=force, progress=advance)
    if as_json:
        out.print_json(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        t = Table(title=f"kg build → {target or store}", show_header=False)
        t.add_row("documents", f"{report.documents} read, {report.written} written, "
                  f"{report.unchanged} unchanged, {len(report.failures)} failed")
        t.add_row("entities", ", ".join(f"{k} {v}" for k, v in report.entities.items()))
        t.add_row("facts", ", ".join(f"{k} {v}" for k, v in report.facts.items()))
        t.add_row("triples", str(report.triples))
        out.print(t)
        for doc_id, reason in report.failures:
            err.print(f"failed: {doc_id}: {reason}", highlight=False, markup=False)
    if report.failures:
        raise typer.Exit(2)


@app.command()
@_guard
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL query text.")] = None,
    store: StoreOpt = Path("kg-store"),
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | csv | tsv | json | xml")] = "table",
    endpoint: Annotated[str | None, typer.Option(help="Query a remote SPARQL endpoint instead.")] = None,
) -> None:
    """Run a SPARQL query (kg's prefixes are predeclared)."""
    import pyoxigraph as ox

    from kg.store import RESULT_FORMATS, SelectResult, Store

    if file is not None:
        if not file.exists():
            fail(f"no such query file: {file}")
        sparql = file.read_text(encoding="utf-8")
    if not sparql:
        fail("give a query string or -f FILE")
    fmt = fmt.lower()
    if fmt != "table" and fmt not in RESULT_FORMATS:
        fail(f"unknown format {fmt!r}: use table, csv, tsv, json or xml")
    if endpoint:
        from kg import remote

        if fmt == "table":
            _print_table(remote.remote_select(endpoint, sparql))
        else:
            sys.stdout.buffer.write(remote.remote_query_bytes(endpoint, sparql, fmt))
        return
    if not store.exists():
        fail(f"no store at {store} (run `kg build ... --store {store}` first)")
    st = Store(store, read_only=True)
    res = st.query(sparql)
    if isinstance(res, ox.QueryBoolean):
        print("true" if bool(res) else "false")
        return
    if isinstance(res, ox.QueryTriples):
        sys.stdout.buffer.write(ox.serialize(res, format=ox.RdfFormat.TURTLE))
        return
    if fmt == "table":
        variables = [v.value for v in res.variables]
        raw = [{v: s[v] for v in variables} for s in res]
        from kg.store import term_value

        _print_table(SelectResult(variables, [{k: term_value(t) for k, t in r.items()}
                                              for r in raw], raw))
    else:
        sys.stdout.buffer.write(res.serialize(format=RESULT_FORMATS[fmt]))


def _print_table(result) -> None:
    t = Table(*result.variables, show_lines=False)
    for r in result.rows:
        t.add_row(*("" if r.get(v) is None else str(r.get(v)) for v in result.variables))
    out.print(t)
    err.print(f"{len(result.rows)} rows", highlight=False)


@app.command()
@_guard
def export(
    store: StoreOpt = Path("kg-store"),
    fmt: Annotated[str, typer.Option("--format", help="ttl | trig | nq | nt | jsonld | xml")] = "ttl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default: stdout).")] = None,
) -> None:
    """Write the graph out as Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML."""
    from kg.api import open_store

    st = open_store(store, read_only=True)
    if output is None:
        st.export(fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        tmp = output.with_name(output.name + ".part")
        try:
            with tmp.open("wb") as f:
                st.export(fmt, f)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a failed export leaves no stray .part behind
            raise
        tmp.replace(output)  # never leave a half-written file under the real name
        err.print(f"wrote {output}", highlight=False)


@app.command()
@_guard
def view(
    store: StoreOpt = Path("kg-store"),
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    focus: Annotated[str | None, typer.Option(help="Ego graph around a name or IRI.")] = None,
    depth: Annotated[int, typer.Option(help="Ego graph radius.")] = 2,
    types: Annotated[str | None, typer.Option(help="Comma-separated node types to keep, e.g. Person,Organization,Event.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Keep events from this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Keep events up to this date.")] = None,
    projection: Annotated[str | None, typer.Option(help="coparticipation | posts | organizers | honors")] = None,
) -> None:
    """Write a self-contained interactive HTML page of the graph (works offline)."""
    from kg.api import open_store
    from kg.view import write_view

    st = open_store(store, read_only=True)
    stats = write_view(st, output, focus=focus, depth=depth,
                       types=[t.strip() for t in types.split(",")] if types else None,
                       date_from=date_from, date_to=date_to, projection=projection)
    err.print(f"wrote {output}: {stats.get('nodes')} nodes, {stats.get('edges')} edges",
              highlight=False)


@app.command()
@_guard
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL file (default: stdout).")] = None,
) -> None:
    """Write predictions per document in the gold-file JSON shape (one line each)."""
    from kg import api
    from kg.model import IngestError

    docs, failures = [], []
    for item in api.read_documents(paths):
        (failures if isinstance(item, IngestError) else docs).append(item)
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for rec in api.predict_many(docs):
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if output:
            sink.close()
    for f in failures:
        err.print(f"failed: {f}", highlight=False, markup=False)
    if failures:
        raise typer.Exit(2)


@app.command(name="eval")
@_guard
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses and false hits.")] = False,
    baseline: Annotated[str | None, typer.Option(help="Score a peer instead: jieba.")] = None,
    predictions: Annotated[Path | None, typer.Option(help="Score this `kg extract` output instead of running the pipeline.")] = None,
) -> None:
    """Score the pipeline (or a baseline, or saved predictions) against a gold file."""
    from kg import api
    from kg.eval import jieba_baseline, load_gold, score
    from kg.model import Document

    golds = load_gold(gold)
    if predictions is not None:
        from kg.eval import load_gold as load_pred

        preds = load_pred(predictions)
    elif baseline == "jieba":
        preds = [jieba_baseline(g) for g in golds]
    elif baseline:
        fail(f"unknown baseline {baseline!r}: use jieba")
    else:
        docs = [Document(g["id"], g["text"], g.get("meta") or {}) for g in golds]
        preds = list(api.predict_many(docs))
    try:
        result = score(golds, preds)
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        # load_gold checks only id/text; a wrongly shaped mention/post/award/event surfaces here.
        fail(f"malformed gold file {gold.name}: {type(e).__name__}: {e} "
             "(see the gold README for the record shape)")
    if as_json:
        if not show_errors:
            result.pop("errors")
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_scores(result, title=f"kg eval {gold.name}" + (f" — baseline {baseline}" if baseline else ""))
    if show_errors:
        for e in result["errors"]:
            out.print(json.dumps(e, ensure_ascii=False), highlight=False, markup=False)


def _print_scores(r: dict, title: str) -> None:
    t = Table(title=title)
    for c in ("what", "P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(c, justify="right" if c != "what" else "left")

    def row(name: str, s: dict) -> None:
        t.add_row(name, f"{s['p']*100:.1f}", f"{s['r']*100:.1f}", f"{s['f1']*100:.1f}",
                  str(s.get("tp", "")), str(s.get("fp", "")), str(s.get("fn", "")))

    for lab, s in r["mentions"]["per_label"].items():
        row(lab, s)
    row("mentions (micro)", r["mentions"]["micro"])
    row("posts", r["posts"])
    row("awards", r["awards"])
    row("events", r["events"])
    row("event agents", r["event_agents"])
    out.print(t)
    acc = r["date_value_accuracy"]
    out.print(f"DATE value accuracy: {acc*100:.1f}% of {r['date_values_scored']} matched DATE spans"
              if acc is not None else "DATE value accuracy: n/a", highlight=False)


@app.command()
@_guard
def train(
    output: Annotated[Path, typer.Option("-o", "--output", help="Model directory to write.")] = Path("ner-model"),
    corpora: Annotated[Path, typer.Option(help="Folder holding cluener2020/.")] = Path("../shared/corpora"),
    minutes: Annotated[float, typer.Option(help="Training time budget.")] = 14.0,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    labels: Annotated[str, typer.Option(help="name: persons only, as shipped | all: the six CLUENER classes kg reports (name, organization, government, company, position, address)")] = "name",
) -> None:
    """Train the statistical NER from public corpora (ship the result under kg/resources/ner)."""
    from kg.train import train as _train

    if not corpora.exists():
        fail(f"no corpora folder at {corpora}")
    misc = {"name": "name", "all": "drop"}.get(labels)
    if misc is None:
        fail(f"unknown --labels {labels!r}: use name or all")
    result = _train(corpora, output, max_minutes=minutes, seed=seed, misc=misc)
    result.pop("history", None)
    out.print_json(json.dumps(result, ensure_ascii=False, default=str))


@app.command()
@_guard
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Small sizes (minutes, not tens of minutes).")] = False,
    output: Annotated[Path, typer.Option("-o", "--output", help="JSON results file.")] = Path("bench-results.json"),
    sections: Annotated[str | None, typer.Option(help="Comma-separated: extract,build,extrapolation,sparql,view,profile")] = None,
) -> None:
    """Benchmark: pipeline vs bare jieba, --jobs scaling, Oxigraph vs rdflib, view sizes."""
    from kg import bench as _bench

    try:
        results = _bench.run(quick=quick, out=output,
                             sections=["machine", *sections.split(",")] if sections else None)
    except ValueError as e:
        fail(str(e))
    _bench.render(results, console=out)
    err.print(f"wrote {output}", highlight=False)


@app.command()
@_guard
def serve(
    store: StoreOpt = Path("kg-store"),
    host: Annotated[str, typer.Option(help="Interface to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept SPARQL updates (needs --token).")] = False,
    token: Annotated[str | None, typer.Option(envvar="KG_SERVE_TOKEN", help="Bearer token for updates.")] = None,
    timeout: Annotated[float, typer.Option(help="Per-query timeout, seconds.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Row limit per response.")] = 10000,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint with a query page at /."""
    from kg.serve import serve as _serve

    if not store.exists():
        fail(f"no store at {store} (run `kg build ... --store {store}` first)")
    if allow_update and not token:
        fail("--allow-update needs --token (or KG_SERVE_TOKEN)")
    _serve(store, host=host, port=port, allow_update=allow_update, token=token,
           timeout=timeout, max_rows=max_rows)


if __name__ == "__main__":  # pragma: no cover
    app()
