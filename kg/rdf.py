"""Linked entities + facts → RDF quads under ontology/kg.ttl, one named graph per document.

No blank nodes: selectors and mentions get IRIs derived from the document and offsets, so
the same input always gives the same quads (re-builds and build order change nothing).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib.namespace import FOAF

from kg import __version__
from kg.iri import doc_iri, fact_iri, graph_iri
from kg.labels import post_english
from kg.model import Entity, Evidence, Fact, LinkedDocument
from kg.vocab import ENTITIES_GRAPH, ID, KG, OA, ORG, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD

N = ox.NamedNode
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

def _lit(text: str, lang: str | None = None) -> ox.Literal:
    text = _CTRL.sub(" ", text)  # control characters are not allowed in RDF literals' XML forms
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=N(str(XSD.integer)))


def _date(value: str) -> ox.Literal:
    if len(value) == 4:
        return ox.Literal(value, datatype=N(str(XSD.gYear)))
    if len(value) == 7:
        return ox.Literal(value, datatype=N(str(XSD.gYearMonth)))
    return ox.Literal(value, datatype=N(str(XSD.date)))


class _Writer:
    def __init__(self, ld: LinkedDocument):
        self.ld = ld
        self.g = N(graph_iri(ld.doc.id))
        self.quads: list[ox.Quad] = []
        self.doc = N(doc_iri(ld.doc.id))
        self.entities = N(ENTITIES_GRAPH)
        self.graph = self.g  # where add() writes; entity() switches it to the entities graph

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s if not isinstance(s, str) else N(s),
                                  p if not isinstance(p, str) else N(p), o, self.graph))

    def mention(self, ev: Evidence, denotes: str | None = None) -> ox.NamedNode:
        m = N(fact_iri("mention", ev.doc_id, ev.start, ev.end))
        pos, quote = N(m.value + "-pos"), N(m.value + "-quote")
        self.add(m, str(RDF.type), N(str(KG.Mention)))
        self.add(m, str(KG.inDocument), self.doc)
        self.add(m, str(OA.hasSelector), pos)
        self.add(m, str(OA.hasSelector), quote)
        self.add(pos, str(RDF.type), N(str(OA.TextPositionSelector)))
        self.add(pos, str(OA.start), _int(ev.start))
        self.add(pos, str(OA.end), _int(ev.end))
        self.add(quote, str(RDF.type), N(str(OA.TextQuoteSelector)))
        self.add(quote, str(OA.exact), _lit(ev.text))
        self.add(m, str(KG.sentence), _lit(ev.sentence, "zh"))
        if denotes:
            self.add(m, str(KG.denotes), N(denotes))
        return m

    def entity(self, e: Entity) -> None:
        # An entity is described once, in the shared entities graph (see kg.vocab); its
        # mentions stay in the document's graph.
        self.graph = self.entities
        try:
            self._describe(e)
        finally:
            self.graph = self.g
        for ev in e.mentions:
            self.mention(ev, e.iri)

    def _describe(self, e: Entity) -> None:
        s = N(e.iri)
        if e.type == "Person":
            self.add(s, str(RDF.type), N(str(SCHEMA.Person)))
            self.add(s, str(RDFS.label), _lit(e.name, "zh"))
            self.add(s, str(SCHEMA.name), _lit(e.name, "zh"))
        elif e.type == "Family":
            # A household honored together (最美家庭): a foaf:Group, not a body with posts.
            self.add(s, str(RDF.type), N(str(KG.Family)))
            self.add(s, str(RDFS.label), _lit(e.name, "zh"))
            if e.extra.get("member"):
                self.add(s, str(FOAF.member), N(e.extra["member"]))
        elif e.type == "Organization":
            self.add(s, str(RDF.type), N(str(ORG.Organization)))
            if _is_government(e.name):
                self.add(s, str(RDF.type), N(str(SCHEMA.GovernmentOrganization)))
            self.add(s, str(SKOS.prefLabel), _lit(e.name, "zh"))
            self.add(s, str(RDFS.label), _lit(e.name, "zh"))
            for a in sorted(e.aliases - {e.name}):
                self.add(s, str(SKOS.altLabel), _lit(a, "zh"))
            if e.full_name and e.full_name != e.name:
                self.add(s, str(KG.fullName), _lit(e.full_name, "zh"))
                self.add(s, str(SKOS.altLabel), _lit(e.full_name, "zh"))
        elif e.type == "Place":
            self.add(s, str(RDF.type), N(str(SCHEMA.AdministrativeArea)))
            self.add(s, str(RDFS.label), _lit(e.name, "zh"))
            if e.level:
                self.add(s, str(KG.level), _lit(e.level))
            if e.parent:
                self.add(s, str(SCHEMA.containedInPlace), N(e.parent))
        elif e.type == "Honor":
            self.add(s, str(RDF.type), N(str(KG.Honor)))
            self.add(s, str(RDFS.label), _lit(e.name, "zh"))
            self.add(s, str(SKOS.prefLabel), _lit(e.name, "zh"))
            for a in sorted(e.aliases - {e.name}):
                self.add(s, str(SKOS.altLabel), _lit(a, "zh"))
            for c in sorted(e.extra.get("conferrers", ())):
                self.add(s, str(KG.conferredBy), N(c))
            if e.extra.get("qualifier"):
                self.add(s, str(KG.locality), _lit(e.extra["qualifier"], "zh"))
        if e.pinyin:
            self.add(s, str(RDFS.label), _lit(e.pinyin, "zh-Latn-pinyin"))
        if e.english:
            self.add(s, str(RDFS.label), _lit(e.english, "en"))
        if e.parent and e.type == "Organization":
            self.add(s, str(ORG.subOrganizationOf), N(e.parent))
        if e.place and e.type != "Place":
            self.add(s, str(SCHEMA.location), N(e.place))

    def fact(self, f: Fact) -> None:
        s = N(f.iri)
        m = self.mention(f.evidence)
        self.add(s, str(PROV.wasDerivedFrom), m)
        if f.kind == "post":
            post = N(f.iri + "-post")
            role = N(f"{ID}role/{_role_slug(f.role or '')}")
            self.add(s, str(RDF.type), N(str(ORG.Membership)))
            self.add(s, str(ORG.member), N(f.subject))
            self.add(s, str(ORG.role), role)
            self.add(s, str(KG.postTitle), _lit(f.role or "", "zh"))
            self.add(role, str(RDF.type), N(str(ORG.Role)))
            self.add(role, str(RDFS.label), _lit(f.role or "", "zh"))
            if post_english(f.role or ""):
                self.add(role, str(RDFS.label), _lit(post_english(f.role or ""), "en"))
            self.add(N(f.subject), str(ORG.holds), post)
            self.add(post, str(RDF.type), N(str(ORG.Post)))
            self.add(post, str(ORG.role), role)
            self.add(post, str(RDFS.label), _lit(f.role or "", "zh"))
            if f.org:
                self.add(s, str(ORG.organization), N(f.org))
                self.add(post, str(ORG.postIn), N(f.org))
        elif f.kind == "award":
            self.add(s, str(RDF.type), N(str(KG.HonorAward)))
            self.add(s, str(KG.recipient), N(f.subject))
            self.add(s, str(KG.honor), N(f.honor))
            self.add(N(f.subject), str(KG.received), N(f.honor))
            for c in f.conferrers:
                self.add(s, str(KG.conferrer), N(c))
            if f.year:
                self.add(s, str(KG.year), _int(f.year))
        elif f.kind == "event":
            self.add(s, str(RDF.type), N(str(SCHEMA.Event)))
            self.add(s, str(RDF.type), N(str(SEM.Event)))
            if f.name:
                self.add(s, str(RDFS.label), _lit(f.name, "zh"))
                self.add(s, str(SCHEMA.name), _lit(f.name, "zh"))
            if f.date:
                start, _, end = f.date.partition("/")
                self.add(s, str(SCHEMA.startDate), _date(start))
                self.add(s, str(SCHEMA.endDate), _date(end or start))
            if f.place:
                target = self.ld.entities.get(f.place)
                if target is not None and target.type == "Organization":
                    # schema:location is for places; a body visited is the venue.
                    self.add(s, str(KG.venue), N(f.place))
                    if target.place:
                        self.add(s, str(SCHEMA.location), N(target.place))
                else:
                    self.add(s, str(SCHEMA.location), N(f.place))
            if f.trigger:
                self.add(s, str(KG.trigger), _lit(f.trigger, "zh"))
            for a in f.agents:
                self.add(s, str(KG.agent), N(a))
                typ = self.ld.entities[a].type if a in self.ld.entities else None
                prop = SCHEMA.attendee if typ == "Person" else SCHEMA.organizer
                self.add(s, str(prop), N(a))

    def document(self) -> None:
        d = self.ld.doc
        self.add(self.doc, str(RDF.type), N(str(SCHEMA.NewsArticle)))
        self.add(self.doc, str(SCHEMA.identifier), _lit(d.id))
        if d.meta.get("title"):
            self.add(self.doc, str(SCHEMA.headline), _lit(str(d.meta["title"]), "zh"))
        if d.meta.get("source"):
            self.add(self.doc, str(SCHEMA.url), _lit(str(d.meta["source"])))
        pub = d.meta.get("published")
        if isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
            self.add(self.doc, str(SCHEMA.datePublished), _date(pub))
        about = [self.ld.locality.get(k) for k in ("province", "city", "county")]
        if any(about):
            self.add(self.doc, str(KG.locality), _lit("".join(x for x in about if x), "zh"))
        # The build is a prov:Activity; deterministic IRI so re-builds change nothing.
        act = N(f"{ID}activity/kg-{__version__}")
        self.add(self.doc, str(PROV.wasGeneratedBy), act)
        self.add(act, str(RDF.type), N(str(PROV.Activity)))
        self.add(act, str(RDFS.label), _lit(f"kg {__version__} build"))


def _is_government(name: str) -> bool:
    return bool(re.search(r"(委|局|厅|政府|人大常委会|法院|检察院|办公室|办|部)$", name))


def _role_slug(role: str) -> str:
    from kg.iri import slug

    return slug(role)


def to_quads(ld: LinkedDocument) -> list[ox.Quad]:
    w = _Writer(ld)
    w.document()
    for iri in sorted(ld.entities):
        w.entity(ld.entities[iri])
    for f in ld.facts:
        w.fact(f)
    # The same triple can be produced twice (an entity mentioned in two facts): keep one.
    seen: set[ox.Quad] = set()
    out = []
    for q in w.quads:
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out
