"""The shipped statistical NER (kg/resources/ner): loads, tags, sources into a blank zh pipeline."""

from __future__ import annotations

import spacy

from kg.extract.ner import DEFAULT_MODEL_PATH, KG_LABEL, add_ner_to, kg_label, load_ner, ner_spans

# Written for this test; not taken from the gold set, the samples or the corpora.
SENTENCES = [
    "张伟明表示，财政部将进一步加大对中西部地区的转移支付力度。",
    "刘志刚出席了广州市人民政府举办的新闻发布会。",
]


def _ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_exists_and_is_small() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_PATH.rglob("*") if p.is_file())
    assert (DEFAULT_MODEL_PATH / "config.cfg").is_file()
    assert size < 15 * 1024 * 1024


def test_load_is_cached_and_char_tokenized() -> None:
    nlp = load_ner()
    assert load_ner() is nlp
    assert [t.text for t in nlp("财政部")] == ["财", "政", "部"]


def test_tags_person_names_only() -> None:
    # The shipped model is trained on CLUENER's name class alone (kg train --labels name):
    # kg's rules find bodies, posts and places; the model adds names out of context.
    nlp = load_ner()
    first, second = (_ents(d) for d in nlp.pipe(SENTENCES))
    assert ("张伟明", "name") in first
    assert ("刘志刚", "name") in second
    assert {label for _, label in first | second} == {"name"}


def test_label_mapping() -> None:
    assert kg_label("name") == "PERSON"
    assert {kg_label(x) for x in ("organization", "government", "company")} == {"ORG"}
    assert kg_label("position") == "POST"
    assert kg_label("address") is None  # measured: not a usable GPE source (see ner.py)
    assert kg_label("book") is None
    assert set(KG_LABEL.values()) == {"PERSON", "ORG", "POST"}
    spans = ner_spans(SENTENCES[0])[0]
    assert (0, 3, "PERSON") in spans


def test_sourcing_into_blank_zh_char_pipeline_gives_same_entities() -> None:
    blank = spacy.blank("zh")
    assert blank.tokenizer.segmenter == "char"
    add_ner_to(blank)
    assert "ner" in blank.pipe_names
    trained = load_ner()
    for text in SENTENCES:
        assert _ents(blank(text)) == _ents(trained(text))
