"""Run kg's benchmarks by hand:

    python benchmarks/bench.py --quick --out results.json
    python benchmarks/bench.py --full --articles 1000 --profile --out results.json

The logic lives in kg/bench.py (also behind `kg bench`); this script only parses arguments.
Heavy: run one at a time on a shared machine, and read the load column next to the figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.bench import SECTIONS, BenchConfig, render, run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small sizes (default)")
    mode.add_argument("--full", action="store_true", help="1M triples, all news, 1k/5k/20k views")
    ap.add_argument("--out", type=Path, help="write the results as JSON here")
    ap.add_argument("--corpus", type=Path, help="news corpus folder (default ../shared/corpora/news)")
    ap.add_argument("--articles", type=int, help="synthetic ~1,500-char articles")
    ap.add_argument("--news-limit", type=int, help="THUCNews lines to use")
    ap.add_argument("--triples", type=int, help="synthetic graph size for the SPARQL section")
    ap.add_argument("--views", help="comma-separated node counts for the view section")
    ap.add_argument("--jobs", default="1,2", help="job counts for the build section")
    ap.add_argument("--rounds", type=int, help="build rounds (alternating job counts; best counts)")
    ap.add_argument("--profile", action="store_true", help="also profile a build (pyinstrument)")
    ap.add_argument("--sections", help=f"comma-separated subset of {','.join(SECTIONS[1:])}")
    ap.add_argument("--workdir", type=Path, help="where temporary stores go (default: /tmp)")
    a = ap.parse_args(argv)

    kw: dict = {"jobs": tuple(int(j) for j in a.jobs.split(",")), "profile": a.profile}
    if a.corpus:
        kw["corpus"] = a.corpus
    if a.articles is not None:
        kw["articles"] = a.articles
    if a.rounds is not None:
        kw["build_rounds"] = a.rounds
    if a.news_limit is not None:
        kw["news_limit"] = a.news_limit
    if a.triples is not None:
        kw["sparql_triples"] = a.triples
    if a.views:
        kw["view_nodes"] = tuple(int(n) for n in a.views.split(","))
    cfg = BenchConfig.full(**kw) if a.full else BenchConfig.quick(**kw)
    sections = None
    if a.sections:
        sections = [s.strip() for s in a.sections.split(",") if s.strip()]
        if a.profile and "profile" not in sections:
            sections.append("profile")
    results = run(cfg, out=a.out, sections=sections, workdir=a.workdir)
    render(results)
    return 0 if all(results[s].get("status") != "error" for s in SECTIONS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
