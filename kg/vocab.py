"""Namespaces and the terms of ontology/kg.ttl that code uses.

The graph shape (what every query in kg, the notebooks and the views relies on):

    ?person a schema:Person ; rdfs:label "姜欣"@zh, "Jiāng Xīn"@zh-Latn-pinyin .
    ?org a org:Organization ; skos:prefLabel "湖南省妇联"@zh ; skos:altLabel "省妇联"@zh ;
         kg:fullName "湖南省妇女联合会"@zh ; org:subOrganizationOf ?parent ; schema:location ?place .
    ?place a schema:AdministrativeArea ; rdfs:label "株洲市"@zh ; schema:containedInPlace ?p2 .
    ?honor a kg:Honor ; rdfs:label "最美庭院"@zh ; kg:conferredBy ?org .
    # posts: simple edge + n-ary node carrying provenance
    ?person org:holds ?post .  ?post a org:Post ; org:postIn ?org ; org:role ?role ; rdfs:label "主席"@zh .
    ?m a org:Membership ; org:member ?person ; org:organization ?org ; org:role ?role ;
       kg:postTitle "主席"@zh ; prov:wasDerivedFrom ?mention .
    # honors
    ?a a kg:HonorAward ; kg:recipient ?r ; kg:honor ?honor ; kg:conferrer ?org ; kg:year 2020 ;
       prov:wasDerivedFrom ?mention .   ?r kg:received ?honor .
    # events
    ?e a schema:Event, sem:Event ; rdfs:label "…"@zh ; schema:startDate "2020-12-12"^^xsd:date ;
       schema:endDate … ; schema:location ?place ; kg:agent ?x ; schema:attendee ?person ;
       schema:organizer ?org ; kg:trigger "参加" ; prov:wasDerivedFrom ?mention .
    # provenance: every fact and every entity mention
    ?mention a kg:Mention ; kg:inDocument ?doc ; kg:denotes ?entity (entity mentions) ;
       oa:hasSelector [ a oa:TextPositionSelector ; oa:start 12 ; oa:end 14 ] ,
                      [ a oa:TextQuoteSelector ; oa:exact "姜欣" ] ;
       kg:sentence "…the sentence…"@zh .
    ?doc a schema:NewsArticle ; schema:identifier "zhuzhou-…" ; schema:datePublished … .
    ?person kg:possiblySame ?other .   # same name, no supporting evidence (never owl:sameAs)

One named graph per document, <https://w3id.org/kg-cn/graph/{doc-id}>, holds the document,
its mentions and its facts; entity descriptions live once in ENTITIES_GRAPH (below).
"""

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-cn/ontology#")
ID = Namespace("https://w3id.org/kg-cn/id/")
GRAPH = Namespace("https://w3id.org/kg-cn/graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "kg": str(KG), "id": str(ID), "schema": str(SCHEMA), "org": str(ORG), "oa": str(OA),
    "sem": str(SEM), "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS),
    "xsd": str(XSD), "owl": str(OWL),
}

# Graphs shared by all documents. The entities graph describes each person, body, place and
# honor once (type, labels, parent, location), whatever documents name it: a query over the
# union of document graphs then sees one copy (a path like schema:containedInPlace* would
# otherwise walk a copy per document). Document graphs hold the document, its mentions
# (kg:denotes the entity) and its facts; the entities graph only grows, so a label a document
# no longer uses stays until the store is rebuilt. The linking graph holds kg:possiblySame,
# recomputed from the whole store after each build.
ENTITIES_GRAPH = f"{GRAPH}_entities"
LINKING_GRAPH = f"{GRAPH}_linking"
SHARED_GRAPHS = frozenset({ENTITIES_GRAPH, LINKING_GRAPH})

SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

__all__ = [
    "ENTITIES_GRAPH",
    "GRAPH",
    "ID",
    "KG",
    "LINKING_GRAPH",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SHARED_GRAPHS",
    "SKOS",
    "SPARQL_PREFIXES",
    "WD",
    "XSD",
]
