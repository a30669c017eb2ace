"""ontology/kg.ttl and ontology/shapes.ttl: they parse, they declare every kg: term the code
uses, the shapes accept a graph shaped like the kg/vocab.py contract and reject broken ones,
and (once kg.api.build exists) the graph built from the sample corpus conforms."""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

pyshacl = pytest.importorskip("pyshacl")

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
SAMPLES = ROOT / "data" / "samples"
KG_NS = "https://w3id.org/kg-cn/ontology#"

# XSD stays behind `ns.`: pytest probes module globals, and rdflib warns on unknown XSD names.
OWL, RDF, RDFS = ns.OWL, ns.RDF, ns.RDFS
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                RDFS.Class, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate(data: Graph, shapes: Graph, ontology: Graph, inference: str = "none"):
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                         inference=inference, advanced=True)
    return conforms, text


# ---- (a) parsing and ontology hygiene --------------------------------------------------------

def test_files_parse(ontology: Graph, shapes: Graph) -> None:
    onto = URIRef("https://w3id.org/kg-cn/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) is not None
    assert {lit.language for lit in ontology.objects(onto, RDFS.label)} >= {"en", "zh"}
    assert len(shapes) > 100


def kg_terms_declared(ontology: Graph) -> set[str]:
    return {str(s)[len(KG_NS):] for s, o in ontology.subject_objects(RDF.type)
            if str(s).startswith(KG_NS) and o in DECLARATIONS}


def test_every_kg_term_has_labels_and_comment(ontology: Graph) -> None:
    for name in kg_terms_declared(ontology):
        term = URIRef(KG_NS + name)
        langs = {lit.language for lit in ontology.objects(term, RDFS.label)}
        assert {"en", "zh"} <= langs, f"kg:{name} lacks an @en or @zh label"
        assert ontology.value(term, RDFS.comment) is not None, f"kg:{name} lacks a comment"


def test_possibly_same_is_symmetric_and_not_same_as(ontology: Graph) -> None:
    ps = URIRef(KG_NS + "possiblySame")
    assert (ps, RDF.type, OWL.SymmetricProperty) in ontology
    assert (ps, RDF.type, OWL.TransitiveProperty) not in ontology
    assert (ps, RDFS.subPropertyOf, OWL.sameAs) not in ontology
    assert (ps, OWL.equivalentProperty, OWL.sameAs) not in ontology


def test_agent_is_super_property_of_organizer_and_attendee(ontology: Graph) -> None:
    agent = URIRef(KG_NS + "agent")
    for p in ("organizer", "attendee"):
        assert (URIRef("https://schema.org/" + p), RDFS.subPropertyOf, agent) in ontology


def test_wikidata_alignment(ontology: Graph) -> None:
    wd = "http://www.wikidata.org/entity/"
    skos = "http://www.w3.org/2004/02/skos/core#"
    mapped = {str(o)[len(wd):] for s, p, o in ontology
              if str(o).startswith(wd) and str(p).startswith(skos)}
    assert {"P39", "P166", "P1027", "P710", "P585"} <= mapped


# ---- (b) code and ontology stay in step --------------------------------------------------

_KG_USES = [
    re.compile(r"\bKG\.([A-Za-z_]\w*)"),                   # rdflib Namespace attribute
    re.compile(r"\bKG\[\s*[\"']([A-Za-z_]\w*)[\"']\s*\]"),  # KG["term"]
    re.compile(r"(?<![\w/.-])kg:([A-Za-z_]\w*)"),          # SPARQL / Turtle in strings, docstrings
    re.compile(re.escape(KG_NS) + r"([A-Za-z_]\w*)"),      # full IRIs
]


def kg_terms_in_code() -> dict[str, set[str]]:
    uses: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        for rx in _KG_USES:
            for m in rx.finditer(src):
                uses.setdefault(m.group(1), set()).add(str(path.relative_to(ROOT)))
    return uses


def test_every_kg_term_in_code_is_declared(ontology: Graph) -> None:
    uses = kg_terms_in_code()
    # The vocabulary module alone names a dozen terms; fewer means the scan is broken.
    assert len(uses) >= 15, sorted(uses)
    declared = kg_terms_declared(ontology)
    missing = {t: sorted(files) for t, files in uses.items() if t not in declared}
    assert not missing, f"kg: terms used in code but not declared in ontology/kg.ttl: {missing}"


# ---- (c) the shapes on hand-written graphs -------------------------------------------------

PREFIXES = """
@prefix kg: <https://w3id.org/kg-cn/ontology#> .
@base <https://w3id.org/kg-cn/id/> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Follows the graph shape in kg/vocab.py. Text of the document (offsets are into it):
#   "▲2020年12月12日,省妇联党组书记、主席姜欣参加活动。"
#    0 1234567890123 4 567890123 4 5678901234 56
GOOD = PREFIXES + """
<doc/d1> a schema:NewsArticle ; schema:identifier "d1" ;
    schema:datePublished "2021-01-05"^^xsd:date ; kg:contentHash "abc123" ;
    kg:locality "湖南省"@zh .

<place/湖南省> a schema:AdministrativeArea ; rdfs:label "湖南省"@zh ; kg:level "province" .
<place/湖南省/株洲市> a schema:AdministrativeArea ; rdfs:label "株洲市"@zh ;
    kg:level "city" ; schema:containedInPlace <place/湖南省> .

<person/姜欣> a schema:Person ; rdfs:label "姜欣"@zh , "Jiāng Xīn"@zh-Latn-pinyin ;
    org:holds <post/d1/1-post> ; kg:received <honor/最美庭院> .
<person/株洲市/姜欣> a schema:Person ; rdfs:label "姜欣"@zh ;
    kg:possiblySame <person/姜欣> .
<person/姜欣> kg:possiblySame <person/株洲市/姜欣> .

<org/湖南省妇联> a org:Organization , schema:GovernmentOrganization ;
    skos:prefLabel "湖南省妇联"@zh ; skos:altLabel "省妇联"@zh ;
    kg:fullName "湖南省妇女联合会"@zh ; schema:location <place/湖南省> .
<org/湖南省妇联党组> a org:Organization ; skos:prefLabel "湖南省妇联党组"@zh ;
    org:subOrganizationOf <org/湖南省妇联> .

<post/d1/1-post> a org:Post ; org:postIn <org/湖南省妇联> ; org:role <role/主席> ;
    rdfs:label "主席"@zh .
<post/d1/1> a org:Membership ; org:member <person/姜欣> ; org:organization <org/湖南省妇联> ;
    org:role <role/主席> ; kg:postTitle "主席"@zh ; prov:wasDerivedFrom <mention/d1/m1> .

<honor/最美庭院> a kg:Honor ; rdfs:label "最美庭院"@zh ; kg:conferredBy <org/湖南省妇联> .
<family/周雪梅家庭> a kg:Family ; rdfs:label "周雪梅家庭"@zh ;
    kg:received <honor/最美庭院> .
<award/d1/1> a kg:HonorAward ; kg:recipient <person/姜欣> ; kg:honor <honor/最美庭院> ;
    kg:conferrer <org/湖南省妇联> ; kg:year 2020 ; prov:wasDerivedFrom <mention/d1/m1> .
<award/d1/2> a kg:HonorAward ; kg:recipient <family/周雪梅家庭> ;
    kg:honor <honor/最美庭院> ; kg:year "2020"^^xsd:gYear ; prov:wasDerivedFrom <mention/d1/m1> .

<event/d1/1> a schema:Event , sem:Event ; rdfs:label "姜欣参加活动"@zh ;
    schema:startDate "2020-12-12"^^xsd:date ; schema:endDate "2020-12-12"^^xsd:date ;
    schema:location <place/湖南省/株洲市> ;
    kg:agent <person/姜欣> , <org/湖南省妇联> ; schema:attendee <person/姜欣> ;
    schema:organizer <org/湖南省妇联> ; kg:trigger "参加" ;
    prov:wasDerivedFrom <mention/d1/m1> .
<event/d1/2> a schema:Event , sem:Event ; rdfs:label "全年学习"@zh ;
    schema:startDate "2020"^^xsd:gYear ; prov:wasDerivedFrom <mention/d1/m1> .

<mention/d1/m1> a kg:Mention ; kg:inDocument <doc/d1> ; kg:denotes <person/姜欣> ;
    oa:hasSelector <mention/d1/m1-pos> , <mention/d1/m1-quote> ;
    kg:sentence "▲2020年12月12日,省妇联党组书记、主席姜欣参加活动。"@zh .
<mention/d1/m1-pos> a oa:TextPositionSelector ; oa:start 23 ; oa:end 25 .
<mention/d1/m1-quote> a oa:TextQuoteSelector ; oa:exact "姜欣" .
"""


def _graph(ttl: str) -> Graph:
    return Graph().parse(data=ttl, format="turtle")


def _edited(old: str, new: str) -> Graph:
    assert old in GOOD, old  # a variant that edits nothing would test nothing
    return _graph(GOOD.replace(old, new))


def test_contract_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    text = "▲2020年12月12日,省妇联党组书记、主席姜欣参加活动。"
    assert text[23:25] == "姜欣"  # the offsets in GOOD are real
    conforms, report = validate(_graph(GOOD), shapes, ontology)
    assert conforms, report


def _drop(g: Graph, s: str, p: URIRef) -> Graph:
    subj = URIRef("https://w3id.org/kg-cn/id/" + s)
    assert (subj, p, None) in g
    g.remove((subj, p, None))
    return g


PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
OA_NS = "http://www.w3.org/ns/oa#"
SCHEMA_NS = "https://schema.org/"


def _broken_variants() -> dict[str, tuple[Graph, str]]:
    """name -> (graph, a phrase the validation report must contain)"""
    out: dict[str, tuple[Graph, str]] = {}
    out["fact without provenance"] = (
        _drop(_graph(GOOD), "post/d1/1", PROV_DERIVED), "derived from at least one kg:Mention")
    out["event without date"] = (
        _drop(_graph(GOOD), "event/d1/1", URIRef(SCHEMA_NS + "startDate")),
        "exactly one schema:startDate")
    g = _graph(GOOD)
    pos = URIRef("https://w3id.org/kg-cn/id/mention/d1/m1-pos")
    g.set((pos, URIRef(OA_NS + "start"), Literal(26)))
    out["mention with start > end"] = (g, "not after oa:end")
    out["award without honor"] = (
        _drop(_graph(GOOD), "award/d1/1", URIRef(KG_NS + "honor")), "exactly one kg:honor")
    g = _graph(GOOD)
    g.set((pos, URIRef(OA_NS + "end"), Literal(26)))
    out["quote length differs from offsets"] = (g, "offset bug")
    g = _graph(GOOD)
    g.add((URIRef("https://w3id.org/kg-cn/id/event/d1/1"), URIRef(SCHEMA_NS + "startDate"),
           Literal("2020-12-12T10:00:00", datatype=ns.XSD.dateTime)))
    out["event with a second, datetime start"] = (g, "exactly one schema:startDate")
    g = _graph(GOOD)
    g.remove((None, URIRef(KG_NS + "agent"), URIRef("https://w3id.org/kg-cn/id/org/湖南省妇联")))
    out["organizer not stated as kg:agent"] = (g, "must also be its kg:agent")
    out["person with only a pinyin label"] = (_edited(
        'rdfs:label "姜欣"@zh , "Jiāng Xīn"@zh-Latn-pinyin',
        'rdfs:label "Jiāng Xīn"@zh-Latn-pinyin'),
        "Chinese rdfs:label")
    out["award shortcut edge missing"] = (_edited(
        "org:holds <post/d1/1-post> ; kg:received <honor/最美庭院> .",
        "org:holds <post/d1/1-post> ."), "kg:received shortcut")
    out["membership member is not a person"] = (_edited(
        "org:member <person/姜欣>", "org:member <org/湖南省妇联>"), "a schema:Person")
    out["event located at a body"] = (_edited(
        "schema:location <place/湖南省/株洲市>", "schema:location <org/湖南省妇联>"), "not a body")
    out["mention outside any document"] = (_edited(
        "kg:inDocument <doc/d1> ;", ""), "exactly one schema:NewsArticle")
    return out


@pytest.mark.parametrize("name", list(_broken_variants()))
def test_broken_graph_is_rejected(name: str, shapes: Graph, ontology: Graph) -> None:
    g, phrase = _broken_variants()[name]
    conforms, report = validate(g, shapes, ontology)
    assert not conforms, f"{name}: accepted"
    assert phrase in report, f"{name}: rejected for another reason:\n{report}"


# ---- the RDF writer's output, independent of extraction -------------------------------------

def test_writer_output_conforms(shapes: Graph, ontology: Graph) -> None:
    rdf = pytest.importorskip("kg.rdf")
    import pyoxigraph as ox

    from kg.iri import entity_iri, fact_iri
    from kg.model import Document, Entity, Evidence, Extraction, Fact, LinkedDocument

    text = "▲2020年12月12日,省妇联党组书记、主席姜欣参加活动。周雪梅家庭获评市“最美庭院”。"
    sentence = text[:28]
    doc = Document("d1", text, {"published": "2021-01-05", "source": "d1.txt"})

    def ev(start: int, end: int) -> Evidence:
        return Evidence("d1", start, end, text[start:end], sentence)

    person, body = entity_iri("person", "姜欣"), entity_iri("org", "湖南省妇联")
    place, honor = entity_iri("place", "湖南省"), entity_iri("honor", "最美庭院")
    family, member = entity_iri("family", "周雪梅家庭"), entity_iri("person", "周雪梅")
    entities = {
        person: Entity(person, "Person", "姜欣", pinyin="Jiāng Xīn", mentions=[ev(23, 25)]),
        body: Entity(body, "Organization", "湖南省妇联", full_name="湖南省妇女联合会",
                     aliases={"省妇联"}, place=place, mentions=[ev(15, 18)]),
        place: Entity(place, "Place", "湖南省", level="province"),
        honor: Entity(honor, "Honor", "最美庭院", extra={"conferrers": [body], "qualifier": "市"}),
        family: Entity(family, "Family", "周雪梅家庭", extra={"member": member}),
        member: Entity(member, "Person", "周雪梅"),
    }
    facts = [
        Fact("post", fact_iri("post", "d1", person, "主席"), ev(23, 25), subject=person,
             role="主席", org=body),
        Fact("award", fact_iri("award", "d1", family, honor), ev(29, 34), subject=family,
             honor=honor, conferrers=[body], year=2020),
        Fact("event", fact_iri("event", "d1", 1), ev(1, 27), name="姜欣参加活动",
             date="2020-12-12", agents=[person, body], place=place, trigger="参加"),
    ]
    ld = LinkedDocument(doc, Extraction(doc, 2020), entities, facts, {"province": "湖南省"})
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in rdf.to_quads(ld)]
    data = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert len(data) > 50
    conforms, report = validate(data, shapes, ontology)
    assert conforms, report


# ---- (d) the graph built from the sample corpus -----------------------------------------

def _has_build() -> bool:
    if importlib.util.find_spec("kg.api") is None:
        return False
    import kg.api

    return callable(getattr(kg.api, "build", None))


@pytest.mark.slow
@pytest.mark.skipif(not _has_build(), reason="kg.api.build not available yet")
def test_sample_build_conforms(tmp_path: Path, shapes: Graph, ontology: Graph) -> None:
    from kg.api import build
    from kg.store import Store

    assert sorted(SAMPLES.glob("*.txt")), "no sample documents"
    with Store(tmp_path / "store") as store:
        try:
            report = build(SAMPLES, store)
        except ImportError as e:  # a stage still being written by someone else
            pytest.skip(f"pipeline not importable yet: {e}")
        if report.failures and all(err.startswith(("ImportError", "ModuleNotFoundError"))
                                   for _, err in report.failures):
            pytest.skip(f"pipeline not importable yet: {report.failures[0][1]}")
        assert report.written > 0 and not report.failures, report.failures
        ds = store.rdflib_graph()
    # One named graph per document: validate their union, as queries see it.
    data = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    assert len(data) > 100

    t0 = time.perf_counter()
    conforms, text = validate(data, shapes, ontology)
    seconds = time.perf_counter() - t0
    print(f"pyshacl on {len(data)} triples: {seconds:.1f} s, conforms={conforms}")
    assert conforms, text
