"""The dataclasses that flow between stages: ingest → extract → link → rdf.

Offsets are Python string indices into ``Document.text``, end exclusive (like spaCy's
``start_char``/``end_char``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS = ("PERSON", "ORG", "GPE", "POST", "HONOR", "DATE")


class KgError(Exception):
    """Base error; ``doc_id`` names the document when the error belongs to one."""

    def __init__(self, message: str, doc_id: str | None = None):
        super().__init__(message)
        self.doc_id = doc_id

    def __str__(self) -> str:  # one line, ready for the CLI
        msg = super().__str__().replace("\n", " ")
        return f"{self.doc_id}: {msg}" if self.doc_id else msg


class IngestError(KgError):
    pass


class ExtractError(KgError):
    pass


class LinkError(KgError):
    pass


class StoreError(KgError):
    pass


@dataclass
class Document:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    value: str | None = None  # DATE only: ISO 8601 value or interval "a/b"; None if unknown

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label,
                             "text": self.text}
        if self.label == "DATE":
            d["value"] = self.value
        return d


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Post:
    """A named person holds a post, in a body when the text names one."""
    person: Mention
    post: Mention
    org: Mention | None = None


@dataclass
class Award:
    """A recipient (person, family '周雪梅家庭', or body) received an honor."""
    recipient: Mention
    honor: Mention
    recipient_text: str  # as written, e.g. '周雪梅家庭' (the PERSON mention is '周雪梅')
    conferrers: list[Mention] = field(default_factory=list)
    year: int | None = None


@dataclass
class Event:
    """A dated occurrence (month precision or finer)."""
    date: Mention
    name: str
    trigger: str | None = None
    agents: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    start: int = 0  # the clause the event was read from
    end: int = 0


@dataclass
class Extraction:
    """What the extractor read in one document, before linking."""
    doc: Document
    year: int | None  # the year the document is about
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sentence_of(self, start: int, end: int | None = None) -> Sentence:
        for s in self.sentences:
            if s.start <= start < s.end or (start == s.end and s.start == s.end):
                return s
        return Sentence(start, end if end is not None else start,
                        self.doc.text[start:end if end is not None else start])


# ---- linked layer -------------------------------------------------------------------------

ENTITY_TYPES = ("Person", "Organization", "Place", "Honor", "Family")


@dataclass
class Evidence:
    """Where a fact or an entity mention was read: document, offsets, sentence."""
    doc_id: str
    start: int
    end: int
    text: str  # the surface text of the mention
    sentence: str


@dataclass
class Entity:
    iri: str
    type: str  # one of ENTITY_TYPES
    name: str  # canonical name (locality-qualified short form for bodies)
    full_name: str | None = None  # e.g. 株洲市妇女联合会
    aliases: set[str] = field(default_factory=set)  # every surface form seen
    parent: str | None = None  # IRI: body this body is part of / place containing a place
    place: str | None = None  # IRI of the place a body or person is located in
    level: str | None = None  # Place: province/city/county/township/village
    pinyin: str | None = None
    english: str | None = None
    mentions: list[Evidence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fact:
    """A linked fact. kind: 'post' | 'award' | 'event'.

    post:  subject=person IRI, role=post text, org=body IRI or None
    award: subject=recipient IRI, honor=honor IRI, conferrers=[body IRIs], year
    event: name, date value, agents=[IRIs], place=IRI or None, trigger
    """
    kind: str
    iri: str
    evidence: Evidence
    subject: str | None = None
    role: str | None = None
    org: str | None = None
    honor: str | None = None
    conferrers: list[str] = field(default_factory=list)
    year: int | None = None
    name: str | None = None
    date: str | None = None
    agents: list[str] = field(default_factory=list)
    place: str | None = None
    trigger: str | None = None


@dataclass
class LinkedDocument:
    doc: Document
    extraction: Extraction
    entities: dict[str, Entity] = field(default_factory=dict)  # by IRI
    facts: list[Fact] = field(default_factory=list)
    locality: dict[str, str | None] = field(default_factory=dict)  # province/city/county
