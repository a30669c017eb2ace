"""The statistical NER that kg trains itself (``kg/train.py``) and ships under
``kg/resources/ner/``.

Tokens are single characters (spaCy zh's ``char`` segmenter): gold spans cut through fused
words (市委书记 → ORG 市委 + POST 书记), so only character tokens can represent every gold
boundary. Word information comes in through character bigrams hashed inside the model
(``kg.CharNgramEmbed.v1``). A jieba word-position feature (``kg_word_bmes``, B/M/E/S into
``token.tag_``) is available to ``kg.train`` but not shipped: it cost ~13k chars/s, which the
≥ 60k chars/s budget could not pay.

The model keeps CLUENER2020's six fine-grained labels kg cares about (name, organization,
government, company, position, address); ``KG_LABEL`` maps them onto kg's mention labels.
book/game/movie/scene spans are trained as outside (kg wants nothing inside titles) and are not
labels: each label costs the transition parser four moves per character.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ENT_TYPE, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

# address is not mapped to GPE: CLUENER "address" is street-level addresses and scenic
# spots rather than administrative units, and on the gold dev documents the model's
# address spans matched GPE 2 times out of 14 (P 14 %): rules do better there.
KG_LABEL: dict[str, str] = {
    "name": "PERSON",
    "organization": "ORG",
    "government": "ORG",
    "company": "ORG",
    "position": "POST",
}

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "resources" / "ner"

BMES_COMPONENT = "kg_word_bmes"


def _word_bmes(text: str, ids: dict[str, int]) -> list[int]:
    """Per-character string ids of B/M/E/S: the char's position in its jieba word."""
    import jieba

    b, m, e, s = ids["B"], ids["M"], ids["E"], ids["S"]
    out: list[int] = []
    for word in jieba.cut(text, HMM=True):
        n = len(word)
        if n == 1:
            out.append(s)
        else:
            out.append(b)
            out.extend([m] * (n - 2))
            out.append(e)
    return out


class WordBMES:
    """Writes each char token's jieba-word position into ``token.tag_``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        strings = nlp.vocab.strings
        self._ids = {t: strings.add(t) for t in "BMES"}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        per_char = numpy.asarray(_word_bmes(doc.text, self._ids), dtype="uint64")
        idx = doc.to_array("IDX").astype("int64")
        doc.from_array([TAG], per_char[idx].reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(BMES_COMPONENT)
def make_word_bmes(nlp: Language, name: str) -> WordBMES:
    return WordBMES(nlp, name)


_MIX = numpy.uint64(0x9E3779B97F4A7C15)  # odd constant: the product spreads both chars' bits


_UNK_BIGRAM = numpy.uint64(0)


def _char_features(docs: list[Doc], word_bmes: bool, unk_rate: float = 0.0) -> list[Ints2d]:
    """Per char: its ORTH, the (prev, char) and (char, next) bigram ids [, its BMES tag].

    Bigram ids are arithmetic on ORTH hashes, computed inside the model rather than written to
    the Doc, so no string is interned and downstream components see untouched tokens.
    ``unk_rate`` (training only) replaces that share of bigram ids by one "unknown" id, so the
    model learns not to lean on bigrams it has never seen (names in new text are mostly that).
    """
    out: list[Ints2d] = []
    for doc in docs:
        cols = doc.to_array([ORTH, TAG] if word_bmes else [ORTH]).reshape(len(doc), -1)
        orth = cols[:, 0].astype("uint64")
        prev = numpy.empty_like(orth)
        nxt = numpy.empty_like(orth)
        if len(orth):
            prev[0] = 1
            prev[1:] = orth[:-1]
            nxt[-1] = 2
            nxt[:-1] = orth[1:]
        with numpy.errstate(over="ignore"):
            left = prev * _MIX + orth
            right = orth * _MIX + nxt + numpy.uint64(1)
        if unk_rate > 0.0:
            left[numpy.random.random(len(left)) < unk_rate] = _UNK_BIGRAM
            right[numpy.random.random(len(right)) < unk_rate] = _UNK_BIGRAM
        feats = [orth, left, right]
        if word_bmes:
            feats.append(cols[:, 1].astype("uint64"))
        out.append(numpy.ascontiguousarray(numpy.stack(feats, axis=1)))
    return out


@registry.architectures("kg.CharNgramEmbed.v1")
def char_ngram_embed(width: int, rows: int, bigram_rows: int, word_bmes: bool,
                     bigram_unk: float = 0.0) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of a char, its two bigrams and (optionally) its word position."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        return _char_features(docs, word_bmes, bigram_unk if is_train else 0.0), lambda d: []

    extract: Model = Model("kg_char_features", forward)
    n_rows = [rows, bigram_rows, bigram_rows] + ([16] if word_bmes else [])
    embeds = [HashEmbed(width, n, column=i, seed=11 + i, dropout=0.0)
              for i, n in enumerate(n_rows)]
    return chain(
        extract,
        list2ragged(),
        with_array(concatenate(*embeds)),
        with_array(Maxout(width, width * len(embeds), nP=2, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def _resolve(path: Path | str | None) -> Path:
    return Path(path) if path is not None else DEFAULT_MODEL_PATH


@functools.cache
def _load_cached(path: Path) -> Language:
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained NER model at {path} (run `kg train`)")
    return spacy.load(path)


def load_ner(path: Path | str | None = None) -> Language:
    """The trained pipeline (char tokenizer [+ kg_word_bmes] + ner), loaded once per process."""
    return _load_cached(_resolve(path).resolve())


class _PredictOnlyNER(EntityRecognizer):
    """spaCy's EntityRecognizer, minus a per-prediction walk over every token.

    Before each batch, spaCy collects the entity labels already set on the docs (to add moves
    for unseen ones), creating a Python Token per character: ~9 % of a build's worker time,
    measured. kg's docs reach the NER with no entity set, so when the ENT_TYPE column is all
    zero (one numpy check) there is nothing to collect; otherwise spaCy's own walk runs."""

    def _ensure_labels_are_added(self, docs):
        if any(len(d) and d.to_array(ENT_TYPE).any() for d in docs):
            super()._ensure_labels_are_added(docs)


@Language.factory("kg_ner")
def make_predict_only_ner(nlp: Language, name: str, path: str) -> _PredictOnlyNER:
    """The shipped (or given) model's trained `ner`, sharing its weights and moves."""
    trained = load_ner(path).get_pipe("ner")
    for label in trained.labels:  # the moves name labels by id: the ids must resolve here too
        nlp.vocab.strings.add(label)
    return _PredictOnlyNER(nlp.vocab, trained.model, name, trained.moves,
                           update_with_oracle_cut_size=trained.cfg.get(
                               "update_with_oracle_cut_size", 100),
                           beam_width=trained.cfg.get("beam_width", 1),
                           beam_density=trained.cfg.get("beam_density", 0.0),
                           beam_update_prob=trained.cfg.get("beam_update_prob", 0.0),
                           incorrect_spans_key=trained.cfg.get("incorrect_spans_key"),
                           scorer=trained.scorer)


def add_ner_to(nlp: Language, path: Path | str | None = None, *, before: str | None = None,
               after: str | None = None) -> Language:
    """Source the trained components into ``nlp`` (a blank zh char pipeline).

    The word-boundary feature component comes along when the model was trained with it;
    entities then land in ``doc.ents`` with CLUENER labels (map them with ``KG_LABEL``).
    """
    trained = load_ner(path)
    prev: str | None = None
    for name in trained.pipe_names:
        if name in nlp.pipe_names:
            prev = name
            continue
        if name == "ner":
            where = {"after": prev} if prev is not None else {"before": before, "after": after}
            nlp.add_pipe("kg_ner", name=name, config={"path": str(_resolve(path).resolve())},
                         **where)
        elif prev is not None:
            nlp.add_pipe(name, source=trained, after=prev)
        elif before is not None or after is not None:
            nlp.add_pipe(name, source=trained, before=before, after=after)
        else:
            nlp.add_pipe(name, source=trained)
        prev = name
    return nlp


def kg_label(label: str) -> str | None:
    """kg's mention label for a CLUENER label, or None when kg drops that class."""
    return KG_LABEL.get(label)


def ner_spans(texts: str | Iterable[str], path: Path | str | None = None,
              batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
    """(start, end, kg label) per text, end exclusive; CLUENER classes kg drops are skipped."""
    nlp = load_ner(path)
    if isinstance(texts, str):
        texts = [texts]
    out: list[list[tuple[int, int, str]]] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append([(e.start_char, e.end_char, KG_LABEL[e.label_]) for e in doc.ents
                    if e.label_ in KG_LABEL])
    return out
