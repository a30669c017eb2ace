"""Benchmarks that compare: every figure is a ratio against a baseline measured in the same
run (same machine, same load), plus the absolute numbers.

    from kg.bench import run
    results = run(quick=True, out="results.json")

Sections (each one a key of the result; a section that cannot run says why instead of
disappearing): ``machine``, ``extract`` (pipeline vs bare ``jieba.lcut``), ``build`` (``kg
build --jobs 1`` vs ``--jobs 2``, peak memory), ``extrapolation`` (100,000 articles),
``sparql`` (Oxigraph through :class:`kg.store.Store` vs rdflib's in-memory Dataset on a
synthetic graph shaped like ours), ``view`` (``kg.view.write_view`` on 1k/5k/20k nodes) and,
when asked for, ``profile`` (pyinstrument, time per pipeline stage).

Builds run in fresh child processes: both job counts then pay the same cold start (model load)
a user of ``kg build`` pays, and the child's ``getrusage`` gives the build's own peak RSS.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_CORPUS",
    "SECTIONS",
    "BenchConfig",
    "bench_build",
    "bench_extract",
    "bench_profile",
    "bench_sparql",
    "bench_view",
    "extrapolate",
    "machine_info",
    "news_documents",
    "render",
    "run",
    "synthetic_articles",
    "synthetic_quads",
]

SECTIONS = ("machine", "extract", "build", "extrapolation", "sparql", "view", "profile")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "news"
TARGETS = {"extract": 0.1, "build": 1.7, "sparql": 10.0, "extrapolation_minutes": 30.0}


@dataclass
class BenchConfig:
    corpus: Path = DEFAULT_CORPUS
    news_limit: int | None = None  # THUCNews lines used (None: all 994)
    articles: int = 1000  # synthetic ~1,500-char articles
    article_chars: int = 1500
    jobs: tuple[int, ...] = (1, 2)
    sparql_triples: int = 1_000_000
    view_nodes: tuple[int, ...] = (1000, 5000, 20000)
    profile: bool = False
    seed: int = 7
    repeats: int = 5  # per SPARQL query, within a time budget
    build_rounds: int = 2
    query_budget_s: float = 5.0

    @classmethod
    def quick(cls, **kw: Any) -> BenchConfig:
        base = {"news_limit": 200, "articles": 120, "sparql_triples": 100_000, "view_nodes": (1000,)}
        base.update(kw)
        return cls(**base)

    @classmethod
    def full(cls, **kw: Any) -> BenchConfig:
        return cls(**kw)


# -- machine ---------------------------------------------------------------------------------

def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def load() -> list[float]:
    """1/5/15-minute load averages: other processes share the cores, so every figure says
    what it competed with."""
    return [round(x, 2) for x in os.getloadavg()]


def machine_info() -> dict[str, Any]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    pkgs = ["kg", "spacy", "jieba", "pyoxigraph", "rdflib", "pyvis", "networkx", "numpy",
            "dask", "distributed", "pyinstrument"]
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cpu": _cpu_model(), "cores": os.cpu_count(), "usable_cores": usable,
            "memory_gib": mem, "python": platform.python_version(),
            "platform": platform.platform(), "packages": {p: _version(p) for p in pkgs},
            "load_at_start": load(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


# -- corpora ---------------------------------------------------------------------------------

def news_documents(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list:
    """THUCNews lines (``label<TAB>text``) and the government work reports as Documents."""
    from kg.api import document_from_text

    corpus = Path(corpus)
    if not corpus.is_dir():
        raise FileNotFoundError(f"no corpus at {corpus}")
    docs = []
    tsv = corpus / "thucnews_sample.tsv"
    if tsv.exists():
        lines = [ln for ln in tsv.read_text(encoding="utf-8").splitlines() if "\t" in ln]
        for i, ln in enumerate(lines[:limit] if limit is not None else lines):
            label, text = ln.split("\t", 1)
            docs.append(document_from_text(text, id=f"thuc-{i:04d}", meta={"category": label}))
    for p in sorted(corpus.glob("*.txt")):
        docs.append(document_from_text(p.read_text(encoding="utf-8"), id=p.stem))
    return docs


_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def synthetic_articles(corpus: Path = DEFAULT_CORPUS, n: int = 1000, chars: int = 1500,
                       seed: int = 7) -> list:
    """`n` articles of ~`chars` characters made of sentences sampled from the news corpus:
    real sentence statistics, article sizes like the reports kg is for."""
    from kg.api import document_from_text

    rng = random.Random(seed)
    sentences = [s.strip() for d in news_documents(corpus) for s in _SENT.findall(d.text)
                 if len(s.strip()) >= 8]
    if not sentences:
        raise ValueError(f"no sentences in {corpus}")
    docs = []
    for i in range(n):
        parts, size = [], 0
        while size < chars:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s)
        # Paragraphs of ~4 sentences, as articles have.
        text = "\n".join("".join(parts[j:j + 4]) for j in range(0, len(parts), 4))
        docs.append(document_from_text(text, id=f"synth-{i:05d}"))
    return docs


def write_jsonl(docs: Iterable, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text, "meta": d.meta}, ensure_ascii=False))
            f.write("\n")
    return path


# -- extraction ------------------------------------------------------------------------------

def _throughput(fn: Callable[[], int], docs: list) -> dict[str, float]:
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    n = fn()
    dt = time.perf_counter() - t0
    return {"docs": n, "chars": chars, "seconds": round(dt, 3),
            "chars_per_s": round(chars / dt, 1), "docs_per_s": round(n / dt, 2)}


def bench_extract(corpora: dict[str, list]) -> dict[str, Any]:
    """kg.extract.extract_many (the whole pipeline) vs bare jieba.lcut over the same texts."""
    import jieba

    from kg.extract import extract_many, get_nlp

    t0 = time.perf_counter()
    jieba.initialize()
    jieba_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    get_nlp()
    nlp_load = time.perf_counter() - t0
    # One small document first so lazily built tables are not charged to the first corpus.
    first = next(iter(corpora.values()))[:1]
    for _ in extract_many(first):
        pass

    out: dict[str, Any] = {"load_seconds": {"jieba": round(jieba_load, 3),
                                            "pipeline": round(nlp_load, 3)}, "corpora": {}}
    for name, docs in corpora.items():
        def run_jieba(docs=docs) -> int:
            for d in docs:
                jieba.lcut(d.text)
            return len(docs)

        def run_pipeline(docs=docs) -> int:
            n = 0
            for _ in extract_many(docs):
                n += 1
            return n

        l0 = load()
        base = _throughput(run_jieba, docs)
        pipe = _throughput(run_pipeline, docs)
        out["corpora"][name] = {"jieba": base, "pipeline": pipe,
                                "ratio": _ratio(pipe["chars_per_s"], base["chars_per_s"]),
                                "target": TARGETS["extract"], "load": [l0, load()]}
    return out


# -- build -----------------------------------------------------------------------------------

_BUILD_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from kg.api import build

def cpu():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

c0, t0 = cpu(), time.perf_counter()
rep = build([sys.argv[2]], store=sys.argv[3], jobs=int(sys.argv[4]))
dt, dc = time.perf_counter() - t0, cpu() - c0
print(json.dumps({"seconds": dt, "report": rep.as_dict(), "cpu_seconds": dc,
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def _root() -> Path:
    return Path(__file__).resolve().parent.parent


def build_in_child(corpus_file: Path, jobs: int, store_dir: Path) -> dict[str, Any]:
    """kg.api.build in a fresh interpreter; its own getrusage gives the peak RSS."""
    proc = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(_root()), str(corpus_file),
                           str(store_dir), str(jobs)], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"build --jobs {jobs} failed: {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_build(docs: list, jobs: Iterable[int] = (1, 2), workdir: Path | None = None,
                rounds: int = 1) -> dict[str, Any]:
    """`kg build --jobs N` on the same corpus, each into a fresh store, each in a fresh process.

    With `rounds` > 1 the job counts alternate (1, 2, 1, 2 …) so a burst of load from other
    processes hits both, and the fastest round of each counts (the least disturbed one)."""
    chars = sum(len(d.text) for d in docs)
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        corpus = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        for k in range(rounds):
            for j in jobs:
                l0 = load()
                r = build_in_child(corpus, j, Path(tmp) / f"store-{j}-{k}")
                r["load"] = [l0, load()]
                runs.setdefault(str(j), []).append(r)
    out_runs: dict[str, Any] = {}
    for j, rs in runs.items():
        best = min(rs, key=lambda r: r["seconds"])
        rep = best["report"]
        out_runs[j] = {
            "jobs": int(j), "seconds": round(best["seconds"], 3),
            "all_seconds": [round(r["seconds"], 3) for r in rs],
            "docs_per_s": round(len(docs) / best["seconds"], 2),
            "chars_per_s": round(chars / best["seconds"], 1),
            "cpu_seconds": round(best["cpu_seconds"], 2),
            # Cores actually obtained: below `jobs`, other processes held the rest.
            "cores_used": round(best["cpu_seconds"] / best["seconds"], 2),
            "written": rep["written"], "failures": len(rep["failures"]),
            "triples": rep["triples"],
            "peak_rss_mib": round(max(r["maxrss_kib"] for r in rs) / 1024, 1),
            "workers_peak_rss_mib": round(max(r["children_maxrss_kib"] for r in rs) / 1024, 1),
            "load": best["load"]}
    runs = out_runs
    out: dict[str, Any] = {"docs": len(docs), "chars": chars, "rounds": rounds, "runs": runs,
                           "memory_method": "resource.getrusage(RUSAGE_SELF).ru_maxrss of the "
                           "child process running kg.api.build, largest over rounds "
                           "(RUSAGE_CHILDREN for its --jobs workers: the largest one)"}
    js = sorted(int(k) for k in runs)
    if len(js) >= 2:
        a, b = runs[str(js[0])], runs[str(js[-1])]
        out["scaling"] = {"from_jobs": js[0], "to_jobs": js[-1],
                          "ratio": _ratio(a["seconds"], b["seconds"]),
                          "target": TARGETS["build"]}
    return out


def extrapolate(build: dict[str, Any], articles: int = 100_000,
                chars: int = 1500) -> dict[str, Any]:
    """Time for `articles` articles of `chars` characters at each measured build rate."""
    out = {"articles": articles, "article_chars": chars, "basis": "measured chars/s of the "
           "build section (cold start included, so slightly pessimistic)", "by_jobs": {}}
    for j, r in build["runs"].items():
        minutes = articles * chars / r["chars_per_s"] / 60
        out["by_jobs"][j] = {"chars_per_s": r["chars_per_s"], "minutes": round(minutes, 1),
                             "target_minutes": TARGETS["extrapolation_minutes"],
                             "ok": minutes < TARGETS["extrapolation_minutes"]}
    return out


# -- synthetic graph -------------------------------------------------------------------------

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
_GIVEN = "华明丽芳军伟英敏静秀兰玲红霞燕平刚强勇杰涛斌峰鹏辉欣晓雪梅琳婷洁慧颖思宇轩"
_PROVINCES = ["北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省",
              "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
              "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省"]
_BODIES = ["妇联", "团委", "总工会", "人民政府", "教育局", "卫生健康委员会", "民政局", "科协",
           "人民法院", "人民检察院"]
_POSTS = ["主席", "副主席", "书记", "副书记", "主任", "副主任", "局长", "副局长", "秘书长"]
_HONORS = ["三八红旗手", "三八红旗集体", "最美家庭", "五好家庭", "巾帼建功标兵", "五一劳动奖章",
           "优秀共产党员", "劳动模范", "最美庭院", "巾帼文明岗", "青年五四奖章", "文明家庭"]
_EVENTS = ["座谈会", "表彰大会", "培训班", "调研", "宣讲活动", "志愿服务", "工作会议", "启动仪式"]


class _GraphGen:
    """Documents shaped like kg's output (kg/vocab.py): entity triples repeated in each
    document graph that mentions the entity, provenance mentions on everything."""

    def __init__(self, seed: int):
        import pyoxigraph as ox

        from kg import vocab

        self.ox, self.v = ox, vocab
        self.rng = random.Random(seed)
        self.quads: list = []
        self.nodes: set[str] = set()
        self.persons: list[tuple[str, str]] = []
        self.places: dict[tuple[str, ...], str] = {}
        self.g = None
        self.doc = None
        self.doc_id = ""
        self.pos = 0
        self.n = 0
        self._nn: dict[str, Any] = {}

    def N(self, iri: str):
        node = self._nn.get(iri)
        if node is None:
            node = self._nn[iri] = self.ox.NamedNode(iri)
        return node

    def add(self, s, p, o) -> None:
        self.quads.append(self.ox.Quad(s, p, o, self.g))

    def lit(self, text: str, lang: str | None = None):
        return self.ox.Literal(text, language=lang) if lang else self.ox.Literal(text)

    def typed(self, text: str, dt) -> Any:
        return self.ox.Literal(text, datatype=self.N(str(dt)))

    def mention(self, text: str, denotes=None) -> Any:
        from kg.iri import fact_iri

        v = self.v
        # Offsets advance through the article, so each mention has its own span (and IRI,
        # derived from the span as kg.rdf does).
        start = self.pos
        self.pos += len(text) + self.rng.randint(1, 40)
        m = self.N(fact_iri("mention", self.doc_id, start, start + len(text)))
        pos, quote = self.N(m.value + "-pos"), self.N(m.value + "-quote")
        self.add(m, self.N(str(v.RDF.type)), self.N(str(v.KG.Mention)))
        self.add(m, self.N(str(v.KG.inDocument)), self.doc)
        self.add(m, self.N(str(v.OA.hasSelector)), pos)
        self.add(m, self.N(str(v.OA.hasSelector)), quote)
        self.add(pos, self.N(str(v.RDF.type)), self.N(str(v.OA.TextPositionSelector)))
        self.add(pos, self.N(str(v.OA.start)), self.typed(str(start), v.XSD.integer))
        self.add(pos, self.N(str(v.OA.end)), self.typed(str(start + len(text)), v.XSD.integer))
        self.add(quote, self.N(str(v.RDF.type)), self.N(str(v.OA.TextQuoteSelector)))
        self.add(quote, self.N(str(v.OA.exact)), self.lit(text))
        self.add(m, self.N(str(v.KG.sentence)), self.lit(f"{text}出席会议并讲话。", "zh"))
        if denotes is not None:
            self.add(m, self.N(str(v.KG.denotes)), denotes)
        return m

    def place(self, path: tuple[str, ...]) -> Any:
        from kg.iri import entity_iri

        v = self.v
        s = self.N(entity_iri("place", *path))
        doc_graph, self.g = self.g, self.N(v.ENTITIES_GRAPH)  # as kg.rdf writes entities
        try:
            self.add(s, self.N(str(v.RDF.type)), self.N(str(v.SCHEMA.AdministrativeArea)))
            self.add(s, self.N(str(v.RDFS.label)), self.lit(path[-1], "zh"))
            self.add(s, self.N(str(v.KG.level)),
                     self.lit(["province", "city", "county"][len(path) - 1]))
            if len(path) > 1:
                self.add(s, self.N(str(v.SCHEMA.containedInPlace)),
                         self.N(entity_iri("place", *path[:-1])))
        finally:
            self.g = doc_graph
        self.nodes.add(s.value)
        return s

    def org(self, path: tuple[str, ...], body: str) -> Any:
        from kg.iri import entity_iri

        v = self.v
        name = path[-1] + body
        s = self.N(entity_iri("org", *path, body))
        parent = None
        if len(path) > 1:
            # The parent body is named in the same document (市妇联 under 省妇联), as the
            # linker only draws the edge between bodies it has.
            parent = self.org(path[:-1], body)
        doc_graph, self.g = self.g, self.N(v.ENTITIES_GRAPH)  # as kg.rdf writes entities
        try:
            self.add(s, self.N(str(v.RDF.type)), self.N(str(v.ORG.Organization)))
            if body not in ("妇联", "团委", "总工会", "科协"):
                self.add(s, self.N(str(v.RDF.type)),
                         self.N(str(v.SCHEMA.GovernmentOrganization)))
            self.add(s, self.N(str(v.SKOS.prefLabel)), self.lit(name, "zh"))
            self.add(s, self.N(str(v.RDFS.label)), self.lit(name, "zh"))
            if parent is not None:
                self.add(s, self.N(str(v.ORG.subOrganizationOf)), parent)
            self.add(s, self.N(str(v.SCHEMA.location)), self.N(entity_iri("place", *path)))
        finally:
            self.g = doc_graph
        self.mention(name, s)
        self.nodes.add(s.value)
        return s

    def person(self, locality: str) -> tuple[Any, str]:
        from kg.iri import entity_iri

        v = self.v
        rng = self.rng
        if self.persons and rng.random() < 0.45:
            iri, name = rng.choice(self.persons)
        else:
            name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
            iri = entity_iri("person", locality, name)
            self.persons.append((iri, name))
        s = self.N(iri)
        doc_graph, self.g = self.g, self.N(v.ENTITIES_GRAPH)  # as kg.rdf writes entities
        try:
            self.add(s, self.N(str(v.RDF.type)), self.N(str(v.SCHEMA.Person)))
            self.add(s, self.N(str(v.RDFS.label)), self.lit(name, "zh"))
            self.add(s, self.N(str(v.SCHEMA.name)), self.lit(name, "zh"))
            self.add(s, self.N(str(v.RDFS.label)),
                     self.lit(f"Pinyin {len(name)}", "zh-Latn-pinyin"))
        finally:
            self.g = doc_graph
        self.mention(name, s)
        self.nodes.add(iri)
        return s, name

    def date(self) -> Any:
        v = self.v
        rng = self.rng
        y = rng.randint(2015, 2024)
        r = rng.random()
        if r < 0.85:
            return self.typed(f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", v.XSD.date)
        if r < 0.95:
            return self.typed(f"{y}-{rng.randint(1, 12):02d}", v.XSD.gYearMonth)
        return self.typed(str(y), v.XSD.gYear)

    def document(self) -> None:
        from kg.iri import doc_iri, fact_iri, graph_iri

        v, rng = self.v, self.rng
        self.doc_id = f"synth-graph-{self.n:06d}"
        self.pos = 0
        self.n += 1
        self.g = self.N(graph_iri(self.doc_id))
        self.doc = self.N(doc_iri(self.doc_id))
        T = self.N(str(v.RDF.type))
        self.add(self.doc, T, self.N(str(v.SCHEMA.NewsArticle)))
        self.add(self.doc, self.N(str(v.SCHEMA.identifier)), self.lit(self.doc_id))
        self.add(self.doc, self.N(str(v.SCHEMA.datePublished)),
                 self.typed(f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-"
                            f"{rng.randint(1, 28):02d}", v.XSD.date))
        act = self.N(f"{v.ID}activity/kg-bench")
        self.add(self.doc, self.N(str(v.PROV.wasGeneratedBy)), act)
        self.add(act, T, self.N(str(v.PROV.Activity)))
        # Locality: a province, one of its 6 cities, one of that city's 5 counties.
        prov = rng.choice(_PROVINCES)
        city = f"{prov[:2]}{rng.randrange(6)}号市"
        county = f"{city[:-1]}{rng.randrange(5)}县"
        path = (prov, city, county)[: rng.choice((1, 2, 2, 3, 3))]
        for k in range(1, len(path) + 1):
            self.place(path[:k])
        locality = path[-1]
        orgs = [self.org(path[:k], rng.choice(_BODIES)) for k in range(1, len(path) + 1)]
        orgs += [self.org(path, rng.choice(_BODIES))]
        people = [self.person(locality) for _ in range(rng.randint(2, 6))]
        for i, (p, name) in enumerate(people[: rng.randint(1, 4)]):
            org = rng.choice(orgs)
            title = rng.choice(_POSTS)
            f = self.N(fact_iri("post", self.doc_id, i))
            post, role = self.N(f.value + "-post"), self.N(f"{v.ID}role/{title}")
            self.add(f, self.N(str(v.PROV.wasDerivedFrom)), self.mention(name + title))
            self.add(f, T, self.N(str(v.ORG.Membership)))
            self.add(f, self.N(str(v.ORG.member)), p)
            self.add(f, self.N(str(v.ORG.role)), role)
            self.add(f, self.N(str(v.KG.postTitle)), self.lit(title, "zh"))
            self.add(role, T, self.N(str(v.ORG.Role)))
            self.add(role, self.N(str(v.RDFS.label)), self.lit(title, "zh"))
            self.add(p, self.N(str(v.ORG.holds)), post)
            self.add(post, T, self.N(str(v.ORG.Post)))
            self.add(post, self.N(str(v.ORG.role)), role)
            self.add(post, self.N(str(v.RDFS.label)), self.lit(title, "zh"))
            self.add(f, self.N(str(v.ORG.organization)), org)
            self.add(post, self.N(str(v.ORG.postIn)), org)
        if rng.random() < 0.5:
            from kg.iri import entity_iri

            hname = rng.choice(_HONORS)
            level = rng.choice(("全国", prov, locality))
            h = self.N(entity_iri("honor", level, hname))
            conferrer = orgs[0]
            doc_graph, self.g = self.g, self.N(v.ENTITIES_GRAPH)  # as kg.rdf writes entities
            try:
                self.add(h, T, self.N(str(v.KG.Honor)))
                self.add(h, self.N(str(v.RDFS.label)), self.lit(hname, "zh"))
                self.add(h, self.N(str(v.SKOS.prefLabel)), self.lit(hname, "zh"))
                self.add(h, self.N(str(v.KG.conferredBy)), conferrer)
            finally:
                self.g = doc_graph
            self.nodes.add(h.value)
            for i, (p, name) in enumerate(rng.sample(people, rng.randint(1, len(people)))):
                a = self.N(fact_iri("award", self.doc_id, i))
                self.add(a, self.N(str(v.PROV.wasDerivedFrom)), self.mention(hname))
                self.add(a, T, self.N(str(v.KG.HonorAward)))
                self.add(a, self.N(str(v.KG.recipient)), p)
                self.add(a, self.N(str(v.KG.honor)), h)
                self.add(p, self.N(str(v.KG.received)), h)
                self.add(a, self.N(str(v.KG.conferrer)), conferrer)
                self.add(a, self.N(str(v.KG.year)), self.typed(str(rng.randint(2015, 2024)), v.XSD.integer))
        for i in range(rng.randint(1, 3)):
            e = self.N(fact_iri("event", self.doc_id, i))
            ename = rng.choice(_EVENTS)
            self.add(e, self.N(str(v.PROV.wasDerivedFrom)), self.mention(ename))
            self.add(e, T, self.N(str(v.SCHEMA.Event)))
            self.add(e, T, self.N(str(v.SEM.Event)))
            self.add(e, self.N(str(v.RDFS.label)), self.lit(locality + ename, "zh"))
            self.add(e, self.N(str(v.SCHEMA.name)), self.lit(locality + ename, "zh"))
            d = self.date()
            self.add(e, self.N(str(v.SCHEMA.startDate)), d)
            self.add(e, self.N(str(v.SCHEMA.endDate)), d)
            self.add(e, self.N(str(v.SCHEMA.location)), self.N(self.places_iri(path)))
            self.add(e, self.N(str(v.KG.trigger)), self.lit("举办", "zh"))
            for org in rng.sample(orgs, rng.randint(1, 2)):
                self.add(e, self.N(str(v.KG.agent)), org)
                self.add(e, self.N(str(v.SCHEMA.organizer)), org)
            for p, _ in rng.sample(people, rng.randint(1, len(people))):
                self.add(e, self.N(str(v.KG.agent)), p)
                self.add(e, self.N(str(v.SCHEMA.attendee)), p)
            self.nodes.add(e.value)

    def places_iri(self, path: tuple[str, ...]) -> str:
        from kg.iri import entity_iri

        return entity_iri("place", *path)


def synthetic_quads(*, triples: int | None = None, nodes: int | None = None,
                    seed: int = 7) -> tuple[list, dict[str, int]]:
    """Quads of a synthetic kg graph, grown document by document until it has `triples`
    quads or `nodes` distinct entity/event nodes (persons, orgs, places, honors, events)."""
    if triples is None and nodes is None:
        raise ValueError("give triples or nodes")
    gen = _GraphGen(seed)
    while (triples is None or len(gen.quads) < triples) and (nodes is None or len(gen.nodes) < nodes):
        gen.document()
    quads = gen.quads
    if triples is not None:
        quads = quads[:triples]
    return quads, {"quads": len(quads), "documents": gen.n, "nodes": len(gen.nodes)}


# -- SPARQL ----------------------------------------------------------------------------------

def sparql_queries(anchor_org: str, anchor_place: str) -> dict[str, str]:
    return {
        "2-hop join": f"""SELECT DISTINCT ?name ?title WHERE {{
            ?p org:holds ?post . ?post org:postIn <{anchor_org}> ; rdfs:label ?title .
            ?p rdfs:label ?name . FILTER(LANG(?name) = "zh") }}""",
        "date-range FILTER": """SELECT ?e ?d WHERE { ?e a schema:Event ; schema:startDate ?d .
            FILTER(DATATYPE(?d) = xsd:date && ?d >= "2020-01-01"^^xsd:date
                   && ?d < "2020-07-01"^^xsd:date) }""",
        "GROUP BY/COUNT": """SELECT ?org (COUNT(DISTINCT ?a) AS ?n) WHERE {
            ?a a kg:HonorAward ; kg:conferrer ?org } GROUP BY ?org ORDER BY DESC(?n) ?org
            LIMIT 20""",
        "property path (place*)": f"""SELECT (COUNT(DISTINCT ?org) AS ?n) WHERE {{
            ?org a org:Organization ; schema:location/schema:containedInPlace* <{anchor_place}> }}""",
        # The same question written for Oxigraph's planner: from the bound end, with the
        # type test kept out of the join order (it evaluates sequence paths from the subject
        # and would otherwise start from every organization).
        "property path (place*), from the place": f"""SELECT (COUNT(DISTINCT ?org) AS ?n)
            WHERE {{ <{anchor_place}> ^schema:containedInPlace*/^schema:location ?org .
            FILTER EXISTS {{ ?org a org:Organization }} }}""",
        "property path (post/parent*)": f"""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{
            ?p org:holds/org:postIn/org:subOrganizationOf* ?top .
            ?top schema:location <{anchor_place}> }}""",
    }


def _rows_ox(res) -> list[tuple]:
    return sorted(tuple("" if t is None else t.value for t in sol) for sol in res)


def _rows_rdflib(res) -> list[tuple]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in res)


def _ratio(a: float, b: float) -> float:
    """a / b to three significant digits (a fixed number of decimals would round a small
    ratio to zero)."""
    r = a / b
    return float(f"{r:.3g}")


def _timed(fn: Callable[[], list], repeats: int, budget: float) -> tuple[list, dict[str, float]]:
    t0 = time.perf_counter()
    rows = fn()
    first = time.perf_counter() - t0
    times = []
    spent = first
    while len(times) < repeats and spent + (times[-1] if times else first) < budget:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        spent += times[-1]
    med = statistics.median(times) if times else first
    return rows, {"first_s": round(first, 5), "median_s": round(med, 5), "runs": len(times) + 1}


def bench_sparql(triples: int = 1_000_000, seed: int = 7, repeats: int = 5,
                 budget: float = 5.0, workdir: Path | None = None) -> dict[str, Any]:
    """The query set on embedded Oxigraph (kg.store.Store, on disk) vs rdflib's in-memory
    Dataset (default graph = union of the document graphs, like kg's store)."""
    import pyoxigraph as ox
    import rdflib

    from kg.iri import entity_iri
    from kg.store import Store
    from kg.vocab import PREFIXES

    t0 = time.perf_counter()
    quads, shape = synthetic_quads(triples=triples, seed=seed)
    gen_s = time.perf_counter() - t0
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    del quads
    out: dict[str, Any] = {"graph": shape | {"nquads_mib": round(len(data) / 2**20, 1),
                                             "generate_s": round(gen_s, 2)}, "queries": {}}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        t0 = time.perf_counter()
        st = Store(Path(tmp) / "ox")
        st.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        st.flush()
        ox_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        ds = rdflib.Dataset(default_union=True)
        ds.parse(data=data, format="nquads")
        rl_load = time.perf_counter() - t0
        out["load"] = {"oxigraph_s": round(ox_load, 3), "rdflib_s": round(rl_load, 3),
                       "ratio": _ratio(rl_load, ox_load)}
        # Anchors: the body with most posts and the province with most bodies, so the
        # selective queries still return more than a handful of rows.
        top = st.select("SELECT ?o (COUNT(*) AS ?n) WHERE { ?post org:postIn ?o } "
                        "GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 1").rows
        anchor_org = top[0]["o"] if top else entity_iri("org", "_")
        top = st.select("SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization ; "
                        "schema:location ?p . ?p kg:level \"province\" } "
                        "GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1").rows
        anchor_place = top[0]["p"] if top else entity_iri("place", "_")
        for name, q in sparql_queries(anchor_org, anchor_place).items():
            l0 = load()
            ox_rows, ox_t = _timed(lambda q=q: _rows_ox(st.query(q)), repeats, budget)
            rl_rows, rl_t = _timed(lambda q=q: _rows_rdflib(ds.query(q, initNs=PREFIXES)),
                                   repeats, budget)
            out["queries"][name] = {
                "oxigraph": ox_t, "rdflib": rl_t, "rows": len(ox_rows),
                "same_answer": ox_rows == rl_rows,
                "ratio": _ratio(rl_t["median_s"], ox_t["median_s"]),
                "target": TARGETS["sparql"], "load": [l0, load()], "sparql": " ".join(q.split())}
        st.close()
    total = {k: sum(v[k]["median_s"] for v in out["queries"].values())
             for k in ("oxigraph", "rdflib")}
    out["set_total"] = {"oxigraph_s": round(total["oxigraph"], 5),
                        "rdflib_s": round(total["rdflib"], 5),
                        "ratio": _ratio(total["rdflib"], total["oxigraph"]) if total["oxigraph"]
                        else None, "target": TARGETS["sparql"]}
    ratios = [v["ratio"] for v in out["queries"].values()]
    out["ratio_geomean"] = _ratio(statistics.geometric_mean(ratios), 1) if ratios else None
    return out


# -- view ------------------------------------------------------------------------------------

def bench_view(sizes: Iterable[int] = (1000, 5000, 20000), seed: int = 7,
               workdir: Path | None = None) -> dict[str, Any]:
    import importlib.util

    if importlib.util.find_spec("kg.view") is None:
        return {"status": "skipped", "reason": "kg/view.py does not exist yet"}
    from kg.store import Store
    from kg.view import write_view

    out: dict[str, Any] = {"sizes": {}}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for n in sizes:
            quads, shape = synthetic_quads(nodes=n, seed=seed)
            st = Store()
            st.ox.extend(quads)
            path = Path(tmp) / f"view-{n}.html"
            l0 = load()
            t0 = time.perf_counter()
            stats = write_view(st, path)
            dt = time.perf_counter() - t0
            rec: dict[str, Any] = {"graph_nodes": shape["nodes"], "quads": shape["quads"],
                                   "seconds": round(dt, 3),
                                   "html_mib": round(path.stat().st_size / 2**20, 2),
                                   "load": [l0, load()]}
            if isinstance(stats, dict):
                rec["view_stats"] = {k: v for k, v in stats.items()
                                     if isinstance(v, (int, float, str, bool))}
            elif stats is not None and hasattr(stats, "__dataclass_fields__"):
                rec["view_stats"] = {k: v for k, v in asdict(stats).items()
                                     if isinstance(v, (int, float, str, bool))}
            out["sizes"][str(n)] = rec
    # The baseline for view timings is the smallest graph: how time grows with size.
    ks = sorted(out["sizes"], key=int)
    if len(ks) >= 2:
        base = out["sizes"][ks[0]]
        for k in ks[1:]:
            r = out["sizes"][k]
            r["time_ratio_vs_smallest"] = _ratio(r["seconds"], base["seconds"])
            r["nodes_ratio_vs_smallest"] = round(r["graph_nodes"] / base["graph_nodes"], 2)
    return out


# -- profile ---------------------------------------------------------------------------------

_STAGES = [  # (path fragment, stage); the innermost matching frame decides
    ("/jieba/", "tokenizer (jieba)"),
    ("/spacy/lang/zh", "tokenizer (spaCy zh)"),
    ("/spacy/tokenizer", "tokenizer (spaCy zh)"),
    ("/thinc/", "ner model (spaCy/thinc)"),
    ("/spacy/pipeline/", "ner model (spaCy/thinc)"),
    ("/spacy/", "spaCy machinery (Doc, vocab, pipe)"),
    ("vocab.pyx", "spaCy machinery (Doc, vocab, pipe)"),
    ("doc.pyx", "spaCy machinery (Doc, vocab, pipe)"),
    ("/numpy/", "ner model (spaCy/thinc)"),
    ("kg/extract/sentences", "sentences"),
    ("kg/extract/dates", "dates"),
    ("kg/extract/ner", "ner model (spaCy/thinc)"),
    ("kg/extract/", "rules (kg.extract)"),
    ("/jionlp/", "rules (kg.extract)"),
    ("kg/link/", "link"),
    ("kg/places", "link"),
    ("/pypinyin/", "link"),
    ("kg/iri", "rdf"),
    ("kg/rdf", "rdf"),
    ("kg/store", "store writes"),
    ("kg/ingest", "ingest"),
    ("kg/api", "build driver (kg.api)"),
]


def _stage(path: str | None) -> str | None:
    if not path:
        return None
    p = path.replace("\\", "/")
    for frag, stage in _STAGES:
        if frag in p:
            return stage
    return None


def bench_stages(docs: list, workdir: Path | None = None, batch: int = 16) -> dict[str, Any]:
    """Each stage of a jobs-1 build run on its own over the whole corpus and timed with
    perf_counter, in build order: no sampling, so native code (the NER's Cython parser,
    RocksDB writes), which a sampling profiler cannot place, is counted where it runs."""
    import pyoxigraph as ox

    from kg.api import BuildReport, begin_writes, content_hash, finish_build
    from kg.extract.pipeline import _make_doc, get_nlp, to_extraction
    from kg.link import link
    from kg.rdf import to_quads
    from kg.store import Store

    nlp = get_nlp()
    if docs:  # one-off loads (jieba's dictionary, the gazetteer) are not a stage
        to_quads(link(to_extraction(docs[0], nlp(_make_doc(nlp, docs[0])))))
    t: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        out = fn()
        t[name] = t.get(name, 0.0) + time.perf_counter() - t0
        return out

    hashes = timed("ingest checks + content hash", lambda: [content_hash(d) for d in docs])
    sdocs = timed("make Doc (chars, document year)", lambda: [_make_doc(nlp, d) for d in docs])
    for name, proc in nlp.pipeline:
        label = "ner model (spaCy/thinc)" if name == "ner" else f"component {name}"
        if hasattr(proc, "pipe"):
            sdocs = timed(label, lambda proc=proc, s=sdocs: list(proc.pipe(s)))
        else:
            sdocs = timed(label, lambda proc=proc, s=sdocs: [proc(d) for d in s])
    exs = timed("frames (posts, awards, events)",
                lambda: [to_extraction(d, sd) for d, sd in zip(docs, sdocs, strict=True)])
    lds = timed("link", lambda: [link(ex) for ex in exs])
    quads = timed("rdf (to_quads)", lambda: [to_quads(ld) for ld in lds])
    data = timed("serialize N-Quads (worker → writer)",
                 lambda: [ox.serialize(q, format=ox.RdfFormat.N_QUADS) for q in quads])
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        st = Store(Path(tmp) / "store")
        begin_writes(st, docs)
        rows = list(zip((d.id for d in docs), data, hashes, strict=True))
        for i in range(0, len(rows), batch):
            timed("store writes (Store.load per batch)",
                  lambda chunk=rows[i:i + batch]: st.replace_documents(chunk))
        timed("finish (possiblySame, flush, summary)",
              lambda: finish_build(st, BuildReport(), own=False))
        st.close()
    total = sum(t.values())
    return {"docs": len(docs), "seconds": round(total, 3),
            "by_stage": {k: {"seconds": round(v, 3), "share": round(v / total, 3)}
                         for k, v in sorted(t.items(), key=lambda kv: -kv[1])},
            "method": "each stage over all documents in turn, perf_counter; model and "
                      "dictionaries loaded beforehand"}


def bench_profile(docs: list, workdir: Path | None = None, top: int = 15) -> dict[str, Any]:
    """pyinstrument over an in-process build (jobs=1) of `docs`; self time grouped by stage."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"status": "skipped", "reason": "pyinstrument is not installed (pip install "
                "pyinstrument; it is not a kg dependency)"}

    from kg.api import analyze, build
    from kg.extract import get_nlp
    from kg.store import Store

    # Model and gazetteer loading are one-offs, not where a long build spends its time.
    get_nlp()
    if docs:
        analyze(docs[0])
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        corpus = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        # Our own Store, closed before the folder goes: an open Oxigraph store may still be
        # writing files while TemporaryDirectory removes them.
        st = Store(Path(tmp) / "store")
        prof = Profiler(interval=0.001)
        prof.start()
        build([corpus], store=st, jobs=1)
        session = prof.stop()
        st.close()
    root = session.root_frame()
    stages: dict[str, float] = {}
    funcs: dict[str, float] = {}

    def walk(frame, stage: str, key: str) -> None:
        fn = frame.function or ""
        # pyinstrument's "[self]"/"[await]" pseudo-frames belong to the frame above them.
        if not fn.startswith("["):
            stage = _stage(getattr(frame, "file_path", None)) or stage
            key = f"{fn} ({Path(frame.file_path or '?').name}:{frame.line_no})"
        self_t = frame.time - sum(c.time for c in frame.children)
        if self_t > 0:
            stages[stage] = stages.get(stage, 0.0) + self_t
            funcs[key] = funcs.get(key, 0.0) + self_t
        for c in frame.children:
            walk(c, stage, key)

    total = root.time if root else 0.0
    if root:
        walk(root, "other (profiler, benchmark)", "?")
        # Samples taken while native code runs without the GIL (the NER's parser, RocksDB)
        # have no Python frame and land on the thread itself: name them, not "other".
        # (pyinstrument keeps a frame's self time in a "[self]" child, counted under the
        # frame's own key by walk()).
        native = "unplaced: native code outside Python frames (NER parser, RocksDB)"
        for k in [k for k in funcs if k.startswith(f"{root.function} (")]:
            t = funcs.pop(k)
            funcs[native] = funcs.get(native, 0.0) + t
            stages["other (profiler, benchmark)"] -= t
            stages[native] = stages.get(native, 0.0) + t
    by_stage = {k: {"seconds": round(v, 3), "share": round(v / total, 3)}
                for k, v in sorted(stages.items(), key=lambda kv: -kv[1])}
    hot = [{"function": k, "seconds": round(v, 3)}
           for k, v in sorted(funcs.items(), key=lambda kv: -kv[1])[:top]]
    text = prof.output_text(unicode=True, color=False, show_all=False)
    # Wall time above CPU time means the process waited for a core (other load): the
    # shares are then less reliable than on an idle machine.
    return {"docs": len(docs), "chars": sum(len(d.text) for d in docs),
            "seconds": round(total, 3), "cpu_seconds": round(session.cpu_time, 3),
            "by_stage": by_stage, "hot_functions": hot,
            "method": "pyinstrument 1 ms sampling, self time attributed to the innermost "
                      "frame whose file belongs to a stage", "report_text": text[:20000]}


# -- the whole run ---------------------------------------------------------------------------

def _section(results: dict, name: str, fn: Callable[[], Any], log: Callable[[str], None]) -> None:
    log(f"[{name}] …")
    t0 = time.perf_counter()
    try:
        res = fn()
        if isinstance(res, dict) and "status" not in res:
            res["status"] = "ok"
        results[name] = res
    except Exception as e:  # noqa: BLE001 - one failed section must not lose the others
        results[name] = {"status": "error", "error": f"{type(e).__name__}: {e}"[:500]}
    results[name]["elapsed_s"] = round(time.perf_counter() - t0, 2)
    log(f"[{name}] {results[name]['status']} in {results[name]['elapsed_s']} s")


def run(config: BenchConfig | None = None, *, quick: bool = False, out: str | Path | None = None,
        sections: Iterable[str] | None = None, workdir: str | Path | None = None,
        log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run the benchmark; returns the results dict (and writes it as JSON to `out`).

    `config` defaults to BenchConfig.quick() or BenchConfig.full(); `sections` restricts
    which sections run (the others are recorded as skipped)."""
    cfg = config or (BenchConfig.quick() if quick else BenchConfig.full())
    wanted = set(sections) if sections is not None else set(SECTIONS) - (
        set() if cfg.profile else {"profile"})
    if "build" in wanted:
        wanted.add("extrapolation")  # free once the build rate is measured
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}")
    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    wd = Path(workdir) if workdir else None
    results: dict[str, Any] = {"config": {k: (str(v) if isinstance(v, Path) else v)
                                          for k, v in asdict(cfg).items()}}
    results["machine"] = machine_info() | {"status": "ok"}

    cache: dict[str, list] = {}

    def news() -> list:
        if "news" not in cache:
            cache["news"] = news_documents(cfg.corpus, cfg.news_limit)
        return cache["news"]

    def synth() -> list:
        if "synth" not in cache:
            cache["synth"] = synthetic_articles(cfg.corpus, cfg.articles, cfg.article_chars,
                                                cfg.seed)
        return cache["synth"]

    def skip(name: str) -> None:
        results[name] = {"status": "skipped", "reason": "not requested"}

    runners: dict[str, Callable[[], Any]] = {
        "extract": lambda: bench_extract({"news": news(), "synthetic": synth()}),
        "build": lambda: bench_build(synth(), cfg.jobs, wd, cfg.build_rounds),
        "sparql": lambda: bench_sparql(cfg.sparql_triples, cfg.seed, cfg.repeats,
                                       cfg.query_budget_s, wd),
        "view": lambda: bench_view(cfg.view_nodes, cfg.seed, wd),
        "profile": lambda: bench_profile(synth(), wd) | {"stages": bench_stages(synth(), wd)},
    }
    for name in ("extract", "build", "extrapolation", "sparql", "view", "profile"):
        if name not in wanted:
            skip(name)
        elif name == "extrapolation":
            b = results.get("build", {})
            if b.get("status") == "ok":
                # Measured on articles of cfg.article_chars; the question is always about
                # 100,000 articles of ~1,500 characters.
                _section(results, name, lambda b=b: extrapolate(b, 100_000, 1500), log)
            else:
                results[name] = {"status": "skipped", "reason": "needs the build section"}
        else:
            _section(results, name, runners[name], log)
    results["machine"]["load_at_end"] = load()
    results["summary"] = summarize(results)
    if out is not None:
        Path(out).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return results


# -- reporting -------------------------------------------------------------------------------

def summarize(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per headline figure: what, measured, baseline, ratio, target."""
    rows: list[dict[str, Any]] = []
    ex = results.get("extract", {})
    for name, c in ex.get("corpora", {}).items():
        rows.append({"figure": f"extract chars/s ({name}, {c['pipeline']['docs']} docs)",
                     "value": c["pipeline"]["chars_per_s"], "baseline": c["jieba"]["chars_per_s"],
                     "baseline_name": "jieba.lcut", "ratio": c["ratio"], "target": c["target"]})
    b = results.get("build", {})
    if "scaling" in b:
        s = b["scaling"]
        runs = b["runs"]
        rows.append({"figure": f"build docs/s, jobs {s['to_jobs']} vs {s['from_jobs']} "
                               f"({b['docs']} docs)",
                     "value": runs[str(s["to_jobs"])]["docs_per_s"],
                     "baseline": runs[str(s["from_jobs"])]["docs_per_s"],
                     "baseline_name": f"jobs {s['from_jobs']}", "ratio": s["ratio"],
                     "target": s["target"]})
    for j, r in b.get("runs", {}).items():
        workers = f", largest worker {r['workers_peak_rss_mib']}" if j != "1" else ""
        rows.append({"figure": f"build peak RSS MiB (jobs {j}: parent{workers})",
                     "value": r["peak_rss_mib"],
                     "baseline": None, "baseline_name": "", "ratio": None, "target": None})
    x = results.get("extrapolation", {})
    for j, r in x.get("by_jobs", {}).items():
        rows.append({"figure": f"100k × {x['article_chars']}-char articles, jobs {j} (min)",
                     "value": r["minutes"], "baseline": None, "baseline_name": "",
                     "ratio": None, "target": f"< {r['target_minutes']}"})
    sp = results.get("sparql", {})
    if "load" in sp:
        rows.append({"figure": f"load {sp['graph']['quads']:,} quads (s)",
                     "value": sp["load"]["oxigraph_s"], "baseline": sp["load"]["rdflib_s"],
                     "baseline_name": "rdflib", "ratio": sp["load"]["ratio"], "target": None})
    for name, q in sp.get("queries", {}).items():
        rows.append({"figure": f"SPARQL {name} (s){'' if q['same_answer'] else ' ANSWERS DIFFER'}",
                     "value": q["oxigraph"]["median_s"], "baseline": q["rdflib"]["median_s"],
                     "baseline_name": "rdflib", "ratio": q["ratio"], "target": q["target"]})
    if "set_total" in sp:
        t = sp["set_total"]
        rows.append({"figure": "SPARQL whole query set, sum of medians (s)",
                     "value": t["oxigraph_s"], "baseline": t["rdflib_s"],
                     "baseline_name": "rdflib", "ratio": t["ratio"], "target": t["target"]})
    v = results.get("view", {})
    for n, r in v.get("sizes", {}).items():
        shown = r.get("view_stats", {})
        what = (f"{shown['nodes']:,} nodes/{shown.get('edges', 0):,} edges shown"
                if "nodes" in shown else f"{r['graph_nodes']:,} nodes")
        rows.append({"figure": f"view {n} ({what}; s; {r['html_mib']} MiB HTML)",
                     "value": r["seconds"], "baseline": None,
                     "baseline_name": "smallest view" if "time_ratio_vs_smallest" in r else "",
                     "ratio": r.get("time_ratio_vs_smallest"), "target": None})
    return rows


def render(results: dict[str, Any], console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console(width=None if sys.stdout.isatty() else 120)
    m = results.get("machine", {})
    t = Table(title=f"kg bench — {m.get('cpu')} × {m.get('usable_cores')} cores, "
                    f"Python {m.get('python')}, load {m.get('load_at_start')} → "
                    f"{m.get('load_at_end')}")
    for col in ("figure", "kg", "baseline", "ratio", "target"):
        t.add_column(col, justify="left" if col == "figure" else "right")

    def fmt(x: Any) -> str:
        if x is None:
            return ""
        if isinstance(x, float):
            return f"{x:,.4g}" if abs(x) < 1000 else f"{x:,.0f}"
        return str(x)

    for r in results.get("summary", []):
        base = f"{fmt(r['baseline'])} ({r['baseline_name']})" if r["baseline"] is not None \
            else r["baseline_name"]
        ratio = f"{fmt(r['ratio'])}×" if r["ratio"] is not None else ""
        tgt = r["target"]
        tgt = f"≥ {tgt}×" if isinstance(tgt, (int, float)) else (tgt or "")
        t.add_row(r["figure"], fmt(r["value"]), base, ratio, tgt)
    console.print(t)
    for name in SECTIONS:
        s = results.get(name, {})
        if s.get("status") in ("error", "skipped"):
            console.print(f"[bold]{name}[/]: {s['status']} — {s.get('error') or s.get('reason')}")
    prof = results.get("profile", {})
    if prof.get("by_stage"):
        console.print(_stage_table(f"profile: build of {prof['docs']} docs, {prof['seconds']} s "
                                   f"wall, {prof.get('cpu_seconds')} s CPU", prof["by_stage"]))
    st = prof.get("stages", {})
    if st.get("by_stage"):
        console.print(_stage_table(f"stages timed one by one: {st['docs']} docs, "
                                   f"{st['seconds']} s", st["by_stage"]))


def _stage_table(title: str, by_stage: dict[str, dict[str, float]]):
    from rich.table import Table

    t = Table(title=title)
    t.add_column("stage")
    t.add_column("seconds", justify="right")
    t.add_column("share", justify="right")
    for k, v in by_stage.items():
        t.add_row(k, f"{v['seconds']:.2f}", f"{v['share']:.1%}")
    return t


def iter_ratios(results: dict[str, Any]) -> Iterator[tuple[str, float]]:
    """Every ratio in the results (for checks: they must be positive numbers)."""
    for r in results.get("summary", []):
        if r["ratio"] is not None:
            yield r["figure"], r["ratio"]
