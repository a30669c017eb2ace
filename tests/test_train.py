"""kg.train on a tiny slice of the public corpora (skipped where ../shared/corpora is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.train import REPORT_LABELS, RESUME_MAP, _tags_to_spans, read_cluener, train

CORPORA = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not (CORPORA / "cluener2020" / "train.json").is_file(),
                                   reason="public corpora (../shared/corpora) not present")


def test_bmes_and_bio_tags_become_end_exclusive_spans() -> None:
    spans = _tags_to_spans(["B-NAME", "E-NAME", "O", "S-NAME", "B-ORG", "M-ORG", "E-ORG",
                            "B-TITLE", "E-TITLE"], RESUME_MAP)
    # Resume ORG cannot be told apart into organization/government/company: missing (None).
    assert spans == [(0, 2, "name"), (3, 4, "name"), (4, 7, None), (7, 9, "position")]


@needs_corpora
def test_cluener_offsets_are_converted_from_end_inclusive() -> None:
    text, spans = read_cluener(CORPORA / "cluener2020" / "dev.json")[0]
    for start, end, _ in spans:
        assert 0 <= start < end <= len(text)
    # The first dev sentence names 彭小军 at [0, 2] inclusive.
    assert (0, 3, "name") in spans and text[0:3] == "彭小军"


@needs_corpora
@pytest.mark.parametrize("misc,labels", [("drop", REPORT_LABELS), ("name", ("name",))])
def test_train_tiny_slice_writes_a_loadable_model_and_metrics(tmp_path: Path, misc, labels) -> None:
    import spacy

    import kg.extract.ner  # noqa: F401  (registers the word-boundary factory)

    out = tmp_path / "ner"
    metrics = train(CORPORA, out, max_minutes=1.0, max_steps=60, limit=200, heldout=50,
                    eval_every=30, misc=misc)
    saved = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    for m in (metrics, saved):
        for label in (*labels, "overall_micro"):
            assert set(m["cluener_dev"][label]) == {"p", "r", "f"}
        assert m["chars_per_s"] > 0
        assert 0 < m["train_minutes"] <= 1.5
    assert metrics["steps"] == 60
    nlp = spacy.load(out)
    assert "ner" in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == set(labels)
    doc = nlp("李明在北京工作。")
    assert [t.text for t in doc][:2] == ["李", "明"]  # character tokens
