"""Shared fixtures: graph stores written straight from the kg.vocab contract, and the samples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.iri import doc_iri, entity_iri, fact_iri, graph_iri
from kg.store import Store
from kg.vocab import ID, KG, OA, ORG, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
CHROMIUM = "/usr/bin/chromium"
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>alert(2)</script><!-- 赵某某参加活动"

_N = ox.NamedNode


def _lit(text: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _typed(value: str, dt) -> ox.Literal:
    return ox.Literal(value, datatype=_N(str(dt)))


class VocabWriter:
    """Writes quads in the shape kg/vocab.py documents, one named graph per document."""

    def __init__(self) -> None:
        self.quads: dict[str, list[ox.Quad]] = {}
        self._doc: str | None = None
        self._n = 0

    def doc(self, doc_id: str) -> None:
        self._doc = doc_id
        self.quads.setdefault(doc_id, [])
        d = _N(doc_iri(doc_id))
        self.add(d, RDF.type, _N(str(SCHEMA.NewsArticle)))
        self.add(d, SCHEMA.identifier, _lit(doc_id))

    def add(self, s, p, o) -> None:
        assert self._doc is not None
        s = _N(s) if isinstance(s, str) else s
        self.quads[self._doc].append(ox.Quad(s, _N(str(p)), o, _N(graph_iri(self._doc))))

    def mention(self, text: str, sentence: str, denotes: str | None = None) -> ox.NamedNode:
        self._n += 1
        start = max(0, sentence.find(text))
        m = _N(fact_iri("mention", self._doc, self._n, text))
        pos, quote = _N(m.value + "-pos"), _N(m.value + "-quote")
        self.add(m, RDF.type, _N(str(KG.Mention)))
        self.add(m, KG.inDocument, _N(doc_iri(self._doc)))
        self.add(m, OA.hasSelector, pos)
        self.add(m, OA.hasSelector, quote)
        self.add(pos, RDF.type, _N(str(OA.TextPositionSelector)))
        self.add(pos, OA.start, _typed(str(start), XSD.integer))
        self.add(pos, OA.end, _typed(str(start + len(text)), XSD.integer))
        self.add(quote, RDF.type, _N(str(OA.TextQuoteSelector)))
        self.add(quote, OA.exact, _lit(text))
        self.add(m, KG.sentence, _lit(sentence, "zh"))
        if denotes:
            self.add(m, KG.denotes, _N(denotes))
        return m

    def person(self, name: str, sentence: str, pinyin: str | None = None,
               key: str | None = None) -> str:
        iri = entity_iri("person", key or "湖南省", name)
        self.add(iri, RDF.type, _N(str(SCHEMA.Person)))
        self.add(iri, RDFS.label, _lit(name, "zh"))
        if pinyin:
            self.add(iri, RDFS.label, _lit(pinyin, "zh-Latn-pinyin"))
        self.mention(name, sentence, iri)
        return iri

    def org(self, name: str, sentence: str, alt: tuple[str, ...] = (), en: str | None = None,
            place: str | None = None) -> str:
        iri = entity_iri("org", name)
        self.add(iri, RDF.type, _N(str(ORG.Organization)))
        self.add(iri, SKOS.prefLabel, _lit(name, "zh"))
        self.add(iri, RDFS.label, _lit(name, "zh"))
        for a in alt:
            self.add(iri, SKOS.altLabel, _lit(a, "zh"))
        if en:
            self.add(iri, RDFS.label, _lit(en, "en"))
        if place:
            self.add(iri, SCHEMA.location, _N(place))
        self.mention(alt[0] if alt else name, sentence, iri)
        return iri

    def place(self, name: str, parent: str | None = None) -> str:
        iri = entity_iri("place", name)
        self.add(iri, RDF.type, _N(str(SCHEMA.AdministrativeArea)))
        self.add(iri, RDFS.label, _lit(name, "zh"))
        if parent:
            self.add(iri, SCHEMA.containedInPlace, _N(parent))
        return iri

    def honor(self, name: str, conferrer: str) -> str:
        iri = entity_iri("honor", name)
        self.add(iri, RDF.type, _N(str(KG.Honor)))
        self.add(iri, RDFS.label, _lit(name, "zh"))
        self.add(iri, SKOS.prefLabel, _lit(name, "zh"))
        self.add(iri, KG.conferredBy, _N(conferrer))
        return iri

    def post(self, person: str, org: str, title: str, sentence: str) -> str:
        f = fact_iri("post", self._doc, person, org, title)
        post = _N(f + "-post")
        role = _N(f"{ID}role/{title}")
        self.add(f, RDF.type, _N(str(ORG.Membership)))
        self.add(f, ORG.member, _N(person))
        self.add(f, ORG.organization, _N(org))
        self.add(f, ORG.role, role)
        self.add(f, KG.postTitle, _lit(title, "zh"))
        self.add(f, PROV.wasDerivedFrom, self.mention(title, sentence))
        self.add(person, ORG.holds, post)
        self.add(post, RDF.type, _N(str(ORG.Post)))
        self.add(post, ORG.postIn, _N(org))
        self.add(post, ORG.role, role)
        self.add(post, RDFS.label, _lit(title, "zh"))
        return f

    def award(self, recipient: str, honor: str, conferrers: list[str], year: int | None,
              sentence: str) -> str:
        f = fact_iri("award", self._doc, recipient, honor)
        self.add(f, RDF.type, _N(str(KG.HonorAward)))
        self.add(f, KG.recipient, _N(recipient))
        self.add(f, KG.honor, _N(honor))
        for c in conferrers:
            self.add(f, KG.conferrer, _N(c))
        if year is not None:
            self.add(f, KG.year, _typed(str(year), XSD.integer))
        self.add(recipient, KG.received, _N(honor))
        self.add(f, PROV.wasDerivedFrom, self.mention(sentence[:4], sentence))
        return f

    def event(self, label: str, date: str | None, persons: list[str], orgs: list[str],
              sentence: str, place: str | None = None, trigger: str = "参加") -> str:
        f = fact_iri("event", self._doc, label, date)
        self.add(f, RDF.type, _N(str(SCHEMA.Event)))
        self.add(f, RDF.type, _N(str(SEM.Event)))
        self.add(f, RDFS.label, _lit(label, "zh"))
        if date:
            dt = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(date), XSD.date)
            self.add(f, SCHEMA.startDate, _typed(date, dt))
            self.add(f, SCHEMA.endDate, _typed(date, dt))
        if place:
            self.add(f, SCHEMA.location, _N(place))
        self.add(f, KG.trigger, _lit(trigger, "zh"))
        for p in persons:
            self.add(f, KG.agent, _N(p))
            self.add(f, SCHEMA.attendee, _N(p))
        for o in orgs:
            self.add(f, KG.agent, _N(o))
            self.add(f, SCHEMA.organizer, _N(o))
        self.add(f, PROV.wasDerivedFrom, self.mention(trigger, sentence))
        return f

    def into(self, store: Store) -> Store:
        for doc_id, quads in self.quads.items():
            store.replace_document(doc_id, quads, "test")
        return store


S1 = ("2020年12月12日,省妇联党组书记、主席姜欣,市委书记、市人大常委会主任毛腾飞参加"
      "“我们在一起”爱心妈妈与留守儿童拓展迎新年活动")
S2 = "2020年1月,市妇联联合市检察院启动“花季天使”公益项目,卢妹香、邹展晖出席"
S3 = "夏昭炎家庭获评2020年株洲市“最美庭院”"


def write_vocab_graph(store: Store) -> dict[str, str]:
    """A small graph in the vocab shape; returns name → IRI for the tests."""
    w = VocabWriter()
    w.doc("doc-a")
    hunan = w.place("湖南省")
    zhuzhou = w.place("株洲市", hunan)
    jiang = w.person("姜欣", S1, "Jiāng Xīn")
    mao = w.person("毛腾飞", S1, "Máo Téngfēi", key="株洲市")
    sheng = w.org("湖南省妇联", S1, alt=("省妇联",), en="Women's Federation", place=hunan)
    shiwei = w.org("株洲市委", S1, alt=("市委",), place=zhuzhou)
    w.post(jiang, sheng, "主席", S1)
    w.post(jiang, sheng, "党组书记", S1)
    w.post(mao, shiwei, "书记", S1)
    e1 = w.event("“我们在一起”爱心妈妈与留守儿童拓展迎新年活动", "2020-12-12", [jiang, mao],
                 [sheng], S1, place=zhuzhou)
    w.doc("doc-b")
    lu = w.person("卢妹香", S2, "Lú Mèixiāng")
    zou = w.person("邹展晖", S2, "Zōu Zhǎnhuī", key="株洲市")
    shifl = w.org("株洲市妇联", S2, alt=("市妇联",), place=zhuzhou)
    jcy = w.org("株洲市检察院", S2, alt=("市检察院",), place=zhuzhou)
    e2 = w.event("“花季天使”公益项目", "2020-01", [lu, zou, jiang], [shifl, jcy], S2)
    e3 = w.event("全省妇联工作会议", "2019-03-05", [jiang, lu], [sheng, shifl], S2)
    w.post(zou, shifl, "主席", S2)
    family = w.org("夏昭炎家庭", S3)
    honor = w.honor("最美庭院", shifl)
    w.award(family, honor, [shifl], 2020, S3)
    xss = w.person(XSS_NAME, XSS_SENTENCE, key="x")
    e4 = w.event("无日期活动", None, [xss, zou], [], XSS_SENTENCE)
    w.into(store)
    return {"姜欣": jiang, "毛腾飞": mao, "卢妹香": lu, "邹展晖": zou, "省妇联": sheng,
            "市委": shiwei, "市妇联": shifl, "市检察院": jcy, "家庭": family,
            "最美庭院": honor, "株洲市": zhuzhou, "湖南省": hunan, "xss": xss,
            "e1": e1, "e2": e2, "e3": e3, "e4": e4}


@pytest.fixture
def vocab_store() -> tuple[Store, dict[str, str]]:
    st = Store()
    return st, write_vocab_graph(st)


def _build_samples(store: Store):
    import kg.api

    return kg.api.build([SAMPLES], store=store)


@pytest.fixture(scope="session")
def sample_store() -> Store:
    """The samples built by the real pipeline; xfails the test if the extractor is missing."""
    st = Store()
    try:
        report = _build_samples(st)
    except ImportError as e:  # the extractor is being written by another engineer
        pytest.xfail(f"kg.api.build cannot run yet (extractor missing): {e}")
    if report.written == 0:
        pytest.xfail(f"kg.api.build wrote no document: {report.failures[:2]}")
    return st


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian Chromium for all browser tests (launch costs ~1 s)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def repo_root() -> Path:
    return REPO


def have_chromium() -> bool:
    return Path(CHROMIUM).exists() and shutil.which("chromium") is not None


def write_synthetic_graph(store: Store, n_nodes: int = 5000, seed: int = 1) -> dict[str, int]:
    """A random graph in the vocab shape with exactly `n_nodes` entities + events
    (52% persons, 30% events, 14% organizations, 2% places, 2% honors): the scale test.

    Each event has 2–4 attendees and 1–2 organizers; every person holds a post; a tenth of
    the persons receive an honor. Returns the counts by type."""
    import random

    rnd = random.Random(seed)
    n_places = max(1, n_nodes * 2 // 100)
    n_honors = max(1, n_nodes * 2 // 100)
    n_orgs = max(1, n_nodes * 14 // 100)
    n_events = max(1, n_nodes * 30 // 100)
    n_persons = n_nodes - n_places - n_honors - n_orgs - n_events
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "芳伟娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华"
    w = VocabWriter()
    w.doc("synthetic-0")
    places = [w.place(f"第{i}区") for i in range(n_places)]
    orgs = [w.org(f"第{i}区妇联{i}", f"第{i}区妇联召开会议", place=rnd.choice(places))
            for i in range(n_orgs)]
    honors = [w.honor(f"优秀奖{i}", rnd.choice(orgs)) for i in range(n_honors)]
    persons = []
    for i in range(n_persons):
        if i % 500 == 0:
            w.doc(f"synthetic-{i // 500 + 1}")
        name = rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given) + str(i)
        s = f"{name}同志担任主席"
        p = w.person(name, s, key=str(i))
        persons.append(p)
        w.post(p, rnd.choice(orgs), "主席", s)
        if i % 10 == 0:
            w.award(p, rnd.choice(honors), [rnd.choice(orgs)], 2020, f"{name}获评优秀")
    for i in range(n_events):
        if i % 300 == 0:
            w.doc(f"synthetic-e{i // 300}")
        day = f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"
        w.event(f"活动{i}", day, rnd.sample(persons, rnd.randint(2, 4)),
                rnd.sample(orgs, rnd.randint(1, 2)), f"{day}举行活动{i}",
                place=rnd.choice(places))
    w.into(store)
    return {"Person": n_persons, "Event": n_events, "Organization": n_orgs,
            "Place": n_places, "Honor": n_honors}
