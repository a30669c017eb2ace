"""The project's own gold files under tests/data (built by build_*.py from inline markup):
heldout.jsonl (nine articles, eight provinces), blind.jsonl and blind2.jsonl (eight each,
annotated before kg ever ran on them). Measure with `kg eval tests/data/<file>`; tests check
only that the files are sound, since scores are claimed from `kg eval`, never asserted.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.eval import load_gold, score
from kg.model import LABELS

DATA = Path(__file__).resolve().parent / "data"
FILES = ["heldout.jsonl", "blind.jsonl", "blind2.jsonl", "blind4.jsonl", "blind5.jsonl"]


@pytest.mark.parametrize("name", FILES)
def test_gold_file_is_well_formed(name):
    golds = load_gold(DATA / name)
    assert len(golds) >= 8
    for g in golds:
        spans = sorted((m["start"], m["end"]) for m in g["mentions"])
        for m in g["mentions"]:
            assert g["text"][m["start"]:m["end"]] == m["text"]
            assert m["label"] in LABELS
        for (_, e1), (s2, _) in itertools.pairwise(spans):
            assert e1 <= s2, f"{g['id']}: overlapping spans"


@pytest.mark.parametrize("name", FILES)
def test_gold_scores_itself_perfectly(name):
    golds = load_gold(DATA / name)
    r = score(golds, golds)
    assert r["mentions"]["micro"]["f1"] == 1.0
    assert r["posts"]["f1"] == r["awards"]["f1"] == r["events"]["f1"] == 1.0
