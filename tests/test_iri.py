"""IRIs are stable, readable and always valid."""

import pyoxigraph as ox
import rdflib
from hypothesis import given
from hypothesis import strategies as st

from kg.iri import entity_iri, graph_iri, slug


def test_readable_and_stable():
    assert entity_iri("org", "株洲市妇联") == entity_iri("org", "株洲市妇联")
    assert entity_iri("org", "株洲市妇联").endswith("/org/株洲市妇联")
    assert entity_iri("person", "王红", "长沙市妇联") != entity_iri("person", "王红", "岳阳市妇联")


@given(st.text())
def test_any_text_gives_a_valid_iri(text):
    iri = entity_iri("org", text)
    ox.NamedNode(iri)  # raises on an invalid IRI
    ox.NamedNode(graph_iri(text))
    assert slug(text)
    # Turtle round-trip through rdflib keeps the IRI intact.
    g = rdflib.Graph()
    g.add((rdflib.URIRef(iri), rdflib.RDFS.label, rdflib.Literal(text)))
    g2 = rdflib.Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert {str(s) for s in g2.subjects()} == {iri}
