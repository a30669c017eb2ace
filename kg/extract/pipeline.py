"""The extraction pipeline: one spaCy ``Language``, built once per process.

Design (span alignment, see /work/shared/DESIGN.md):

* ``spacy.blank("zh")`` with the default **char segmenter**: every character is a token, so
  any character offsets make a valid ``doc.char_span``. Gold spans cut through fused words
  (市委书记 → ORG 市委 + POST 书记; 李华迎 must not lose 迎) and only character tokens can
  represent all of those boundaries; the char segmenter is also ~6× faster than jieba.
  Word-level knowledge comes from the rule components (lexicons over the text) and, when it
  is shipped, from the statistical NER's own word features (``kg/extract/ner.py``).
* Components, all registered factories and configured here, in order:

  1. ``kg_sentences`` — sentence boundaries (。！？；, newlines; not inside quotes);
  2. ``kg_dates`` — DATE spans + ISO values from ``kg.extract.dates`` (document year from
     ``doc.user_data["kg_year"]``);
  3. the trained NER (``ner``, sourced from ``kg/resources/ner``, trained by ``kg train``)
     when it exists; without it the pipeline runs on rules only and warns once. Only its
     PERSON spans are used (``MODEL_LABELS``, measured with ``kg eval``);
  4. ``kg_rules`` — lexicon/rule spans for the genre (``kg.extract.rules``);
  5. ``kg_merge`` — non-overlapping maximal spans by priority: DATE > rule HONOR > media >
     rule ORG/GPE > person in context > POST > model names > weak rule spans; POST kept
     only where a named person holds it; result in ``doc.ents``.

  Frames (posts, awards, events) are read afterwards in plain Python (``frames.py``) over
  the mentions and the sentence text.
* OCR variants (中帼 for 巾帼) are matched by the lexicons; the text is never modified.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import rules as R
from kg.extract.sentences import split_sentences
from kg.model import Document, ExtractError, Extraction, Mention, Sentence

log = logging.getLogger(__name__)

CANDS = "kg_cands"  # doc.user_data key: list[rules.Cand]
PUBLISHED = "kg_published"  # doc.user_data key: whether the document states its date
AS_OF_RE = re.compile(r"(?:截至|截止|截止到)$")
YEAR_WRITTEN = re.compile(r"[0-9〇○零一二三四五六七八九]{4}\s?年|今年|去年|本年|上年|明年")
DATE_VALUES = "kg_date_values"  # doc.user_data key: {(start, end): value}
YEAR = "kg_year"
SENTS = "kg_sents"
CHOSEN = "kg_chosen"
TEXT = "kg_text"  # the input string: Doc.text re-joins every token on each access


def _text(doc: Doc) -> str:
    t = doc.user_data.get(TEXT)
    if t is None:
        t = doc.user_data[TEXT] = doc.text
    return t  # doc.user_data key: the merged spans, in text order


# ---- components ---------------------------------------------------------------------------
@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str):
    def kg_sentences(doc: Doc) -> Doc:
        spans = split_sentences(_text(doc))
        doc.user_data[SENTS] = spans
        return doc
    return kg_sentences


def _dates_module():
    try:
        from kg.extract import dates
    except ImportError:  # pragma: no cover - dates.py is part of the package
        return None
    return dates


@Language.factory("kg_dates")
def make_dates(nlp: Language, name: str):
    dates = _dates_module()
    if dates is None:
        log.warning("kg.extract.dates is missing: no DATE spans")

    def kg_dates(doc: Doc) -> Doc:
        if dates is None:
            return doc
        year = doc.user_data.get(YEAR)
        cands = doc.user_data.setdefault(CANDS, [])
        values = doc.user_data.setdefault(DATE_VALUES, {})
        text = _text(doc)
        for s, e, v in dates.find_dates(text, year):
            cands.append(R.Cand(s, e, "DATE", R.P_DATE))
            if v is not None and not doc.user_data.get(PUBLISHED) and \
                    AS_OF_RE.search(text, max(0, s - 3), s) and not YEAR_WRITTEN.search(text, s, e):
                # 截至2月9日 in an undated text: 'as of' the writing, whose year is unknown
                # (a year-end review is written in the next year)
                v = None
            values[(s, e)] = v
        return doc
    return kg_dates


@Language.factory("kg_rules")
def make_rules(nlp: Language, name: str):
    R.warm()
    try:
        from kg.extract.ner import KG_LABEL
    except ImportError:  # pragma: no cover
        KG_LABEL = {}

    def kg_rules(doc: Doc) -> Doc:
        # the NER (run before) seeds the rules' name lists with its PERSON spans
        seeds = [(e.start_char, e.end_char) for e in doc.ents
                 if KG_LABEL.get(e.label_) == "PERSON"]
        doc.user_data.setdefault(CANDS, []).extend(R.find_spans(_text(doc), seeds))
        return doc
    return kg_rules


# Which of the statistical NER's labels reach the merge. Measured with `kg eval` on the dev
# gold, tests/data/heldout.jsonl, blind.jsonl and blind2.jsonl: the model's names raise
# PERSON recall and, through it, posts and awards on unseen articles, while its ORG spans
# cost ORG F1 everywhere (rules know the genre's bodies better) and its POST spans add
# nothing the rules miss. So only PERSON is used.
MODEL_LABELS = ("PERSON",)


@Language.factory("kg_merge", default_config={"use_model": True,
                                               "model_labels": list(MODEL_LABELS)})
def make_merge(nlp: Language, name: str, use_model: bool, model_labels: list[str]):
    wanted = set(model_labels)
    try:
        from kg.extract.ner import KG_LABEL
    except ImportError:  # pragma: no cover
        KG_LABEL = {}

    def kg_merge(doc: Doc) -> Doc:
        cands: list[R.Cand] = list(doc.user_data.get(CANDS, []))
        if use_model:
            for ent in doc.ents:  # the statistical NER's spans, CLUENER labels
                lab = KG_LABEL.get(ent.label_)
                if lab and lab in wanted:
                    cands.append(R.Cand(ent.start_char, ent.end_char, lab, R.P_MODEL, "model"))
        chosen = merge(_text(doc), cands)
        doc.user_data[CHOSEN] = chosen  # read back without walking every token (doc.ents)
        ents = []
        for c in chosen:
            span = doc.char_span(c.start, c.end, label=c.label)
            if span is not None:
                ents.append(span)
        doc.set_ents(ents, default="outside")
        return doc
    return kg_merge


# ---- merge --------------------------------------------------------------------------------
def merge(text: str, cands: list[R.Cand]) -> list[R.Cand]:
    """Non-overlapping spans, higher priority first, longer first among equals."""
    if "《" in text:
        # nothing is annotated inside a document title (《关于表彰2023年度…的决定》)
        books = [(m.start(1), m.end(1)) for m in R.BOOK_RE.finditer(text)]
        cands = [c for c in cands if c.label != "DATE"
                 or not any(a <= c.start and c.end <= b for a, b in books)]
    order = sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[R.Cand] = []
    for c in order:
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        if c.source == "model" and not _model_ok(text, c):
            continue
        for i in range(c.start, c.end):
            taken[i] = 1
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _keep_held_posts(text, chosen)


# words that follow a speaker's name (兴奋地说, 激动地说): a model name ending in their
# first character has swallowed it
_NAME_THEN_WORD = frozenset(("兴奋", "激动", "开心", "自豪", "动情", "感动", "笑着", "高兴", "感慨",
                             "坦言", "表示", "介绍", "告诉", "说道", "回忆", "透露"))
_ADDRESS_FORMS = ("小姐", "先生", "女士", "同志", "老师", "阿姨", "大姐", "大哥", "大爷", "师傅")


def _model_ok(text: str, c: R.Cand) -> bool:
    s = text[c.start:c.end]
    if c.label == "GPE":
        return False  # CLUENER "address" is any location phrase; places come from the gazetteer
    if c.label == "POST":
        return True
    if c.label == "PERSON":
        # 刘小姐, 张先生: a surname with a form of address is no name (the model cuts 刘小);
        # 王某 is an anonymized party, not a named individual.
        tail = text[c.end - 1:c.end + 2]
        if len(s) == 4 and s[:2] not in R.L.SURNAMES_2 and text[c.end - 1:c.end + 1] in _NAME_THEN_WORD:
            return False  # 刘思彤兴奋地说: the model took the first char of 兴奋 into the name
        return 2 <= len(s) <= 4 and "某" not in s and not any(a in tail for a in _ADDRESS_FORMS)
    return len(s) >= 3


def _keep_held_posts(text: str, ms: list[R.Cand]) -> list[R.Cand]:
    """A POST is annotated only where a named person holds it: directly before the name
    (also across a byline bar: 编辑丨X), before another post of the chain (党组书记、主席姜欣),
    a byline (记者 李卉), or closing the parenthesis after a name (X（某医院护士长）)."""
    held = [False] * len(ms)
    person_end = {m.end for m in ms if m.label == "PERSON"}
    for i in range(len(ms) - 1, -1, -1):
        m = ms[i]
        if m.label != "POST":
            continue
        gap_end = m.end
        while gap_end < len(text) and text[gap_end] in " \u3000:：\t丨|｜/":
            gap_end += 1
        if i + 1 < len(ms):
            nxt = ms[i + 1]
            gap = text[m.end:nxt.start]
            before_name = nxt.label == "PERSON" and nxt.start == gap_end
            in_chain = nxt.label == "POST" and held[i + 1] and gap in ("、", "兼")
            body_then_post = (nxt.label in ("ORG", "GPE") and gap in ("、", "，", ",")
                              and i + 2 < len(ms) and ms[i + 2].label == "POST"
                              and held[i + 2] and ms[i + 2].start == nxt.end)
            held[i] = before_name or in_chain or body_then_post
        if not held[i] and (_copular_holder(text, ms, i) is not None
                            or _dispatched_holder(text, ms, i) is not None
                            or _listed_holder(text, ms, i) is not None
                            or _elected_holders(text, ms, i) is not None):
            held[i] = True
        if not held[i] and text[m.end:m.end + 1] in ("）", ")"):
            opening = max(text.rfind("（", 0, m.start), text.rfind("(", 0, m.start))
            held[i] = opening > 0 and opening in person_end
        if held[i] and text[max(0, m.start - 2):m.start] == "退休":
            held[i] = False  # 退休教师沈某: a retiree, no post held
    return [m for m, h in zip(ms, held) if m.label != "POST" or h]


COPULA_RE = re.compile(r"(?:是|已成为|成为|现任|担任)$")


def _copular_holder(text: str, ms, i: int) -> int | None:
    """Index of the person who holds the post at i through a copula, else None:
    陆某是某医院主任护师, 王某已成为某公司的育婴师 — PERSON, copula, an optional body (with
    的), the post, then the clause ends (a post that modifies a noun is not held)."""
    m = ms[i]
    if m.end < len(text) and text[m.end] not in "，,。；;！!":
        return None
    j = i - 1
    lo = m.start
    if j >= 0 and ms[j].label == "ORG" and text[ms[j].end:m.start] in ("", "的", "的一名", "的一位"):
        lo = ms[j].start
        j -= 1
    if j < 0 or ms[j].label != "PERSON":
        return None
    gap = text[ms[j].end:lo]
    return j if COPULA_RE.search(gap) and len(gap) <= 3 else None


LIST_GAP_RE = re.compile(r"[ \u3000\t]+")


def _listed_holder(text: str, ms, i: int) -> tuple[int, int | None] | None:
    """(person index, body index or None) when the post at i closes a line of a name list
    that gives each name its unit and post after a wide space (王某　某县某镇卫生院院长):
    the line opens with the name, then the space, the body (optional), the post, line end."""
    m = ms[i]
    if m.end < len(text) and text[m.end] not in "\r\n":
        return None
    j, org = i - 1, None
    if j >= 0 and ms[j].label in ("ORG", "GPE") and ms[j].end == m.start:
        org, j = j, j - 1
    if j < 0 or ms[j].label != "PERSON":
        return None
    p = ms[j]
    ls = text.rfind("\n", 0, p.start) + 1
    if text[ls:p.start].strip(" \u3000\t") or \
            not LIST_GAP_RE.fullmatch(text, p.end, ms[org].start if org is not None else m.start):
        return None
    gap = text[p.end:ms[org].start if org is not None else m.start]
    if "\u3000" not in gap and "\t" not in gap and len(gap) < 2:
        return None
    return j, org


ELECTED_RE = re.compile(r"(?:当选为|当选|增补为|选举为|任命为)$")
ELECTED_END = ("（兼职）", "(兼职)", "（挂职）", "(挂职)")


def _elected_holders(text: str, ms, i: int) -> tuple[list[int], int | None] | None:
    """(person indices, body index or None) when the post at i is the one a 、-list of names
    was elected to: 王某、李某（某医院院长）等当选为县妇联副主席（兼职） — the names (each may
    carry its unit and post in parentheses, the list may close with 等), 当选为, an optional
    body, the post, then the clause ends (or （兼职）)."""
    m = ms[i]
    if m.end < len(text) and text[m.end] not in "，,。；;！!" and \
            not text.startswith(ELECTED_END, m.end):
        return None
    j, org = i - 1, None
    anchor = m.start
    if j >= 0 and ms[j].label in ("ORG", "GPE") and ms[j].end == m.start:
        org, anchor = j, ms[j].start
    hit = ELECTED_RE.search(text, max(0, anchor - 3), anchor)
    if hit is None:
        return None
    pos = hit.start()
    if text[pos - 1:pos] == "等":
        pos -= 1
    k = j if org is None else org - 1
    people: list[int] = []
    while pos > 0:
        if text[pos - 1] in "）)":
            opening = max(text.rfind("（", 0, pos - 1), text.rfind("(", 0, pos - 1))
            if opening < 0 or pos - opening > 40:
                break
            pos = opening
        while k >= 0 and ms[k].end > pos:
            k -= 1
        if k < 0 or ms[k].end != pos or ms[k].label != "PERSON":
            break
        n = k
        people.append(n)
        pos = ms[n].start
        if text[pos - 1:pos] != "、":
            break
        pos -= 1
    if not people:
        return None
    people.reverse()
    return people, org


DISPATCH_RE = re.compile(r"被?(?:选派|派驻|下派|选调|委派|派)(?:到|至|驻)?")


def _dispatched_holder(text: str, ms, i: int) -> tuple[int, int] | None:
    """(person index, place/body index) when the post at i is taken up by a dispatched
    person: 刘某被选派到某村担任驻村第一书记 — PERSON, 被选派到, the place or body, 担任/任,
    the post, then the clause ends."""
    m = ms[i]
    if i < 2 or m.end < len(text) and text[m.end] not in "，,。；;！!":
        return None
    unit, person = ms[i - 1], ms[i - 2]
    if unit.label not in ("GPE", "ORG") or text[unit.end:m.start] not in ("担任", "任"):
        return None
    if person.label != "PERSON" or not DISPATCH_RE.fullmatch(text, person.end, unit.start):
        return None
    return i - 2, i - 1


# ---- building -----------------------------------------------------------------------------
@functools.cache
def get_nlp(use_model: bool = True) -> Language:
    """The pipeline, built once per process (see the module docstring)."""
    nlp = spacy.blank("zh")  # default char segmenter: every character is a token
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_dates")
    model = False
    if use_model:
        try:
            from kg.extract.ner import DEFAULT_MODEL_PATH, add_ner_to
            if (DEFAULT_MODEL_PATH / "config.cfg").is_file():
                add_ner_to(nlp)
                model = True
        except Exception as exc:  # noqa: BLE001 - a broken model must not stop extraction
            log.warning("statistical NER not loaded (%s): rules only", exc)
    if use_model and not model:
        log.warning("no trained NER under kg/resources/ner: extraction runs on rules only")
    nlp.add_pipe("kg_rules")
    nlp.add_pipe("kg_merge", config={"use_model": model})
    return nlp


def _year(doc: Document) -> int | None:
    dates = _dates_module()
    if dates is None:
        return None
    year = dates.infer_year(doc.text, doc.meta or {})
    pub = _published(doc.meta or {})
    if year is not None and pub is not None and year == pub[0] - 1:
        # infer_year takes the previous year for a first-quarter article that writes it more
        # often (a year-end review). A spring news story citing last year's results does too;
        # what tells them apart is the yearless dates: a review's (12月25日) fall after the
        # publication day, a news story's (3月7日上午) on or before it.
        before = after = 0
        for _s, _e, v in dates.find_dates(doc.text, pub[0]):
            m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", v or "")
            if not m or int(m[1]) != pub[0]:
                continue
            md = (int(m[2]), int(m[3] or 1))
            if md <= pub[1:]:
                before += 1
            else:
                after += 1
        if before and before >= after:  # ties: plans (4月中旬将…) do not make a review
            return pub[0]
    return year


def _published(meta: dict) -> tuple[int, int, int] | None:
    m = re.match(r"\s*([12]\d{3})[-./年](\d{1,2})[-./月](\d{1,2})", str(meta.get("published") or ""))
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


_WS_RUN = re.compile(r"(\s+)")


def char_doc(nlp: Language, text: str) -> Doc:
    """What spaCy zh's ``char`` segmenter makes of `text`, token for token, without its
    ``get_words_and_spaces`` (which copies the rest of the text once per character: 5 % of a
    build). A space right after a character is that token's trailing space; any other
    whitespace run is one token."""
    words: list[str] = []
    spaces: list[bool] = []
    for i, part in enumerate(_WS_RUN.split(text)):
        if i % 2 == 0:  # characters
            words.extend(part)
            spaces.extend([False] * len(part))
            continue
        if words and part[0] == " ":
            spaces[-1] = True
            part = part[1:]
        if part:
            words.append(part)
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _make_doc(nlp: Language, d: Document) -> Doc:
    sdoc = char_doc(nlp, d.text)
    sdoc.user_data[YEAR] = _year(d)
    sdoc.user_data[PUBLISHED] = _published(d.meta or {}) is not None
    sdoc.user_data[TEXT] = d.text
    return sdoc


def to_extraction(d: Document, sdoc: Doc) -> Extraction:
    from kg.extract.frames import read_frames

    text = d.text
    values = sdoc.user_data.get(DATE_VALUES, {})
    mentions = [Mention(c.start, c.end, c.label, text[c.start:c.end],
                        values.get((c.start, c.end)) if c.label == "DATE" else None)
                for c in sdoc.user_data.get(CHOSEN, [])]
    sents = [Sentence(a, b, text[a:b]) for a, b in sdoc.user_data.get(SENTS, [])]
    ex = Extraction(doc=d, year=sdoc.user_data.get(YEAR), sentences=sents, mentions=mentions)
    read_frames(ex)
    return ex


def extract(doc: Document, nlp: Language | None = None) -> Extraction:
    nlp = nlp or get_nlp()
    try:
        sdoc = nlp(_make_doc(nlp, doc))
        return to_extraction(doc, sdoc)
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(f"extraction failed: {exc!r}", doc.id) from exc


def extract_many(docs: Iterable[Document], batch_size: int = 32,
                 nlp: Language | None = None) -> Iterator[Extraction]:
    """Extractions in input order, through ``nlp.pipe``."""
    nlp = nlp or get_nlp()
    pending: list[Document] = []

    def gen() -> Iterator[Doc]:
        for d in docs:
            pending.append(d)
            yield _make_doc(nlp, d)

    for sdoc in nlp.pipe(gen(), batch_size=batch_size):
        d = pending.pop(0)
        try:
            yield to_extraction(d, sdoc)
        except Exception as exc:
            raise ExtractError(f"extraction failed: {exc!r}", d.id) from exc
