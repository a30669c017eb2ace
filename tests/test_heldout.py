"""tests/data/heldout.jsonl: nine hand-written, hand-annotated articles of the genre (women's
federation, Youth League, unions, a court, townships, a subdistrict, a city bureau; eight
provinces), never used to write a lexicon entry. Measure with
`kg eval tests/data/heldout.jsonl`; tests check only that the file is sound, since scores are
claimed from `kg eval`, never asserted by a test.
"""

from __future__ import annotations

from pathlib import Path

from kg.eval import load_gold, score
from kg.model import LABELS

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout.jsonl"


def test_heldout_is_well_formed():
    golds = load_gold(HELDOUT)
    assert len(golds) >= 9
    for g in golds:
        spans = sorted((m["start"], m["end"]) for m in g["mentions"])
        for m in g["mentions"]:
            assert g["text"][m["start"]:m["end"]] == m["text"]
            assert m["label"] in LABELS
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{g['id']}: overlapping spans"


def test_gold_scores_itself_perfectly():
    golds = load_gold(HELDOUT)
    r = score(golds, golds)
    assert r["mentions"]["micro"]["f1"] == 1.0
    assert r["posts"]["f1"] == r["awards"]["f1"] == r["events"]["f1"] == 1.0
