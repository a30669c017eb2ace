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


def test_kg_pipeline_ner_tags_like_spacys_own_component() -> None:
    # kg's pipeline runs the trained weights in a subclass that skips spaCy's per-token label
    # walk; preset entities must still reach spaCy's walk (a label the model lacks is added).
    from kg.extract.ner import _PredictOnlyNER

    blank = spacy.blank("zh")
    add_ner_to(blank)
    assert isinstance(blank.get_pipe("ner"), _PredictOnlyNER)
    texts = SENTENCES + ["市妇联主席王秀英、副主席陈  丽 到 杨家村 看望了李大爷一家。\n\n周建国说"]
    ours = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in blank.pipe(texts)]
    theirs = [[(e.start_char, e.end_char, e.label_) for e in d.ents]
              for d in load_ner().pipe(texts)]
    assert ours == theirs and any(ours)


def test_char_doc_matches_spacys_char_segmenter() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.pipeline import char_doc

    blank = spacy.blank("zh")
    chars = st.sampled_from(list("中国妇联a1。 \n\t\r\u3000\u00a0"))

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=chars, max_size=30))
    def check(text: str) -> None:
        a, b = blank.make_doc(text), char_doc(blank, text)
        assert [(t.text, t.whitespace_) for t in a] == [(t.text, t.whitespace_) for t in b]
        assert b.text == text

    check()
