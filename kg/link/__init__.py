"""Link: mentions + document context → canonical entities with stable IRIs, and facts.

IRIs depend only on what one document says (its canonical names and locality), never on
which other documents were built before, so any build order gives the same graph.
"""

from __future__ import annotations

from collections import Counter

from kg.iri import entity_iri, fact_iri
from kg.labels import body_english, person_pinyin, place_english
from kg.link.locality import (
    infer_locality,
    leading_place,
    level_place,
    nearer_place,
    place_chain,
    township_of,
)
from kg.link.names import (
    PARTY_DEPARTMENTS,
    SCOPE_LEVEL,
    canonical_body,
    fix_ocr,
    full_form,
    government_head_level,
    is_bare_local_body,
    is_party_body,
    league_level,
    level_word,
    parent_body,
    split_party_prefix,
)
from kg.model import Entity, Evidence, Extraction, Fact, LinkedDocument, Mention
from kg.places import Place

__all__ = ["Linker", "link"]

# bodies of a school or village written with the unit's own level word (校团委, 村委会)
OWN_UNIT_BODIES = {
    "校": ("党委", "团委", "纪委", "工会", "妇委会", "党总支", "关工委", "学生会", "研究生会"),
    "村": ("党支部", "党总支", "党委", "委会", "民委员会", "妇联", "团支部", "监委会", "务监督委员会"),
    "社区": ("党委", "党总支", "党支部", "居委会", "居民委员会", "妇联"),
}
COMPANY_OWN_BODIES = ("工会", "党委", "团委", "纪委", "党支部", "党总支", "妇委会", "工会委员会")
SCHOOL_ENDS = ("大学", "学校", "中学", "小学", "学院")


class Linker:
    """Links one extraction. Separate object so state (entities, evidence) stays local."""

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.doc = ex.doc
        self.locality = infer_locality(ex)
        self.entities: dict[str, Entity] = {}
        self.by_mention: dict[tuple[int, int], str] = {}  # (start, end) → entity IRI
        self.names: dict[str, str] = {}  # entity IRI → canonical name as written here

    # -- helpers ----------------------------------------------------------------------------
    def evidence(self, m: Mention) -> Evidence:
        s = self.ex.sentence_of(m.start, m.end)
        return Evidence(self.doc.id, m.start, m.end, m.text, s.text)

    def _entity(self, iri: str, type_: str, name: str, m: Mention, **kw) -> str:
        e = self.entities.get(iri)
        if e is None:
            e = self.entities[iri] = Entity(iri=iri, type=type_, name=name, **kw)
        e.aliases.add(m.text)
        e.mentions.append(self.evidence(m))
        self.by_mention[(m.start, m.end)] = iri
        return iri

    def place_entity(self, p: Place) -> str:
        iri = entity_iri("place", *p.path)
        if iri not in self.entities:
            parent = None
            if len(p.path) > 1:
                from kg.places import place_by_path

                pp = place_by_path(*p.path[:-1])
                parent = self.place_entity(pp) if pp else None
            self.entities[iri] = Entity(iri=iri, type="Place", name=p.name, parent=parent,
                                        level=p.level, english=place_english(p.name),
                                        extra={"code": p.code})
        return iri

    def qualify(self, m: Mention) -> str:
        """市妇联 → 株洲市妇联 using the nearest place of that level, else the document's."""
        text = fix_ocr(m.text) if m.label == "ORG" else m.text
        if m.label != "ORG":
            return text
        prefix, rest = split_party_prefix(text)
        if leading_place(rest) or township_of(rest):
            return text  # already names its place (中共株洲市委, 共青团大理州委, 三市镇党委)
        own = self.own_unit_body(m, rest) if not prefix else None
        if own:
            return own
        own = self.company_own_body(m, rest) if not prefix else None
        if own:
            return own
        league = None if prefix else league_level(rest)
        if league:
            place = self.place_for(league[0], m)
            return f"共青团{place}委{league[1]}" if place else text
        word, level = level_word(rest)
        if level:
            place = self.place_for(level, m)
            return prefix + place + rest[len(word):] if place else text
        if rest.startswith(PARTY_DEPARTMENTS):
            # 组织部 alone is the department of the Party committee of the place (县委组织部).
            place = self.locality.get("county") or self.locality.get("city") \
                or self.locality.get("province")
            return f"{prefix}{place}委{rest}" if place else text
        if is_bare_local_body(rest):
            return prefix + self.qualify_bare(m, rest)
        return text

    def own_unit_body(self, m: Mention, text: str) -> str | None:
        """校团委 → 某某大学团委, 村党支部 → 某某村党支部: a school's or a village's own
        committee, written with 校/村 for the school or village the text is about — the one
        named last before it, else the one the document names most."""
        unit = next((u for u, bodies in OWN_UNIT_BODIES.items()
                     if text.startswith(u) and text[len(u):] in bodies), None)
        if unit is None:
            return None
        ends = SCHOOL_ENDS if unit == "校" else (unit,)
        labels = ("ORG",) if unit == "校" else ("GPE",)
        cands = [x for x in self.ex.mentions if x.label in labels and x.text.endswith(ends)
                 and x is not m]
        before = [x for x in cands if x.end <= m.start]
        if unit == "校":
            # a university's schools (某某学院) are not the school its 校团委 belongs to
            top = [x for x in cands if x.text.endswith(SCHOOL_ENDS[:-1])]
            before = [x for x in before if x.text.endswith(SCHOOL_ENDS[:-1])] or (
                before if not top else [])
            cands = top or cands
        if before:
            name = before[-1].text
        elif cands:
            name = Counter(x.text for x in cands).most_common(1)[0][0]
        else:
            return None
        return name + text[len(unit):]

    def company_own_body(self, m: Mention, text: str) -> str | None:
        """集团工会 → 某某集团工会, 公司党委 → 某某公司党委: a company's own body written
        with 集团/公司 for the company named last before it; 女职工委员会 (女工委) alone →
        the union named last before it + 女职工委员会."""
        company = text[:2] in ("集团", "公司") and text[2:] in COMPANY_OWN_BODIES
        court = text.endswith("审判庭") and len(text) <= 6
        if not (company or court or text in ("女职工委员会", "女工委")):
            return None
        ms = [x for x in self.ex.mentions if x.label == "ORG" and x.end <= m.start]
        if company:
            for x in reversed(ms):
                name = self.qualify(x)
                if name.endswith(("集团", "公司")) and len(name) > 2:
                    return name + text[2:]
            return None
        if court:
            for x in reversed(ms):
                name = self.qualify(x)
                if "法院" in name:
                    return name[:name.index("法院") + 2] + text  # 家事审判庭 → 某县法院家事审判庭
            return None
        if text in ("女职工委员会", "女工委"):
            for x in reversed(ms):
                if x.text.endswith("工会"):
                    return self.qualify(x) + text
        return None

    def government(self, level: str, post: Mention) -> str | None:
        place = self.place_for(level, post)
        if not place:
            return None
        name = place + "人民政府"
        iri = entity_iri("org", canonical_body(name))
        if iri not in self.entities:
            self.entities[iri] = Entity(iri=iri, type="Organization", name=canonical_body(name),
                                        full_name=None, place=self.body_place(name),
                                        english=body_english(name, place))
        self.names[iri] = name
        return iri

    def place_for(self, level: str, m: Mention) -> str | None:
        sent = self.ex.sentence_of(m.start, m.end)
        return nearer_place(self.ex.mentions, m.start, sent.start, level,
                            self.locality.get("province")) \
            or level_place(level, self.locality)

    def qualify_bare(self, m: Mention, text: str) -> str:
        """妇女儿童工作委员会 after 全县 → 秭归县妇女儿童工作委员会; with no scope word, the
        narrowest place the document is about."""
        before = self.doc.text[max(0, m.start - 2):m.start]
        level = None
        if len(before) == 2 and before[0] in "全本我该" and before[1] in SCOPE_LEVEL:
            level = SCOPE_LEVEL[before[1]]
        place = level_place(level, self.locality) if level else (
            self.locality.get("county") or self.locality.get("city")
            or self.locality.get("province"))
        return (place + text) if place else text

    def body_place(self, name: str) -> str | None:
        hit = leading_place(name)
        if not hit:
            return None
        cands = hit[1]
        best = next((p for p in cands if p.province == self.locality.get("province")), cands[0])
        return self.place_entity(best)

    # -- entities ---------------------------------------------------------------------------
    def org(self, m: Mention) -> str:
        if (m.start, m.end) in self.by_mention:
            return self.by_mention[(m.start, m.end)]
        name = self.qualify(m)
        key = canonical_body(name)
        hit = leading_place(key)
        iri = self._entity(entity_iri("org", key), "Organization", key, m,
                           full_name=full_form(key),
                           english=body_english(key, hit[1][0].name if hit else None))
        self.names[iri] = name
        e = self.entities[iri]
        if e.place is None:
            e.place = self.body_place(key)
        if e.parent is None:
            e.parent = self.parent_org(key)
        return iri

    def parent_org(self, key: str) -> str | None:
        """The body a unit belongs to, as its name says (县法院家事审判庭 → 县法院)."""
        parent = parent_body(key)
        if parent is None:
            return None
        pkey = canonical_body(parent)
        iri = entity_iri("org", pkey)
        if iri not in self.entities:
            hit = leading_place(pkey)
            self.entities[iri] = Entity(iri=iri, type="Organization", name=pkey,
                                        full_name=full_form(pkey), aliases={parent},
                                        place=self.body_place(pkey),
                                        english=body_english(pkey, hit[1][0].name if hit else None))
            self.entities[iri].parent = self.parent_org(pkey)
        return iri

    def gpe(self, m: Mention) -> str:
        if (m.start, m.end) in self.by_mention:
            return self.by_mention[(m.start, m.end)]
        consumed = 0
        parent_place = None
        for surface, cands in place_chain(m.text):
            # Prefer the candidate inside the chain so far, then the document's province.
            prev = parent_place
            parent_place = next(
                (c for c in cands if prev is not None and prev.name in c.path),
                next((c for c in cands if c.province == self.locality.get("province")),
                     cands[0]))
            consumed += len(surface)
        if parent_place is not None and consumed >= len(m.text):
            iri = self.place_entity(parent_place)
            self._entity(iri, "Place", parent_place.name, m)
            self.names[iri] = parent_place.name
            return iri
        # Townships and villages (炎陵县策源乡梁桥村) are below the gazetteer: qualify by the
        # county/city they are written after, or by the document's locality.
        if parent_place is not None:
            parent = self.place_entity(parent_place)
            base = "".join(parent_place.path)
            rest = m.text[consumed:]
        else:
            base = "".join(x for x in (self.locality.get("province"), self.locality.get("city"),
                                       self.locality.get("county")) if x)
            parent = None
            rest = m.text
        iri = entity_iri("place", base, rest) if base else entity_iri("place", rest)
        self._entity(iri, "Place", m.text, m, parent=parent, level="local",
                     english=place_english(m.text))
        self.names[iri] = m.text
        return iri

    def person(self, m: Mention, anchor: str | None) -> str:
        if (m.start, m.end) in self.by_mention:
            return self.by_mention[(m.start, m.end)]
        iri = entity_iri("person", m.text, anchor)
        self._entity(iri, "Person", m.text, m, pinyin=person_pinyin(m.text))
        self.names[iri] = m.text
        return iri

    def _locality_key(self) -> str | None:
        return "".join(x for x in (self.locality.get("province"), self.locality.get("city"),
                                   self.locality.get("county")) if x) or None

    def honor(self, m: Mention, qualifier: str | None) -> str:
        name = fix_ocr(m.text)
        iri = entity_iri("honor", name, qualifier if qualifier and qualifier not in name
                         else None)
        self._entity(iri, "Honor", name, m)
        self.names[iri] = m.text
        if qualifier:
            self.entities[iri].extra.setdefault("qualifier", qualifier)
        return iri

    def honor_qualifier(self, honor: Mention, conferrers: list[str]) -> str | None:
        """Whose honor: a place written just before it (宜昌市“最美家庭”), its conferrer, or
        the document's locality — so 最美妇联人 of 宜昌市 and of 湖北省 stay two honors."""
        if leading_place(honor.text):
            return None
        window_start = max(0, honor.start - 12)
        best = None
        for m in self.ex.mentions:
            if m.label == "GPE" and window_start <= m.start and m.end <= honor.start:
                best = m.text
        if best:
            return best
        if conferrers:
            return self.names.get(conferrers[0]) or self.entities[conferrers[0]].name
        return self._locality_key()

    # -- facts ------------------------------------------------------------------------------
    def run(self) -> LinkedDocument:
        ex = self.ex
        # Persons are anchored to the first body they hold a post in, else to the place the
        # document is about: same name + same anchor → same node across documents.
        anchors: dict[str, str] = {}
        for p in sorted(ex.posts, key=lambda p: (p.person.start, p.post.start)):
            if p.org is not None:
                anchors.setdefault(p.person.text, canonical_body(self.qualify(p.org)))
        doc_anchor = self._locality_key() or f"doc:{self.doc.id}"

        for m in ex.mentions:
            if m.label == "ORG":
                self.org(m)
            elif m.label == "GPE":
                self.gpe(m)
            elif m.label == "PERSON":
                self.person(m, anchors.get(m.text, doc_anchor))

        facts: list[Fact] = []
        for p in ex.posts:
            person = self.person(p.person, anchors.get(p.person.text, doc_anchor))
            org = self.org(p.org) if p.org is not None else None
            role = p.post.text
            head = government_head_level(role)
            if head and (org is None or is_party_body(self.entities[org].name)):
                # 镇党委副书记、镇长X: 镇长 heads the town government, not the Party committee.
                org = self.government(head, p.post) or org
            facts.append(Fact("post", fact_iri("membership", self.doc.id, person, role, org),
                              self.evidence(p.post), subject=person, role=role, org=org))
            self.entities[person].extra.setdefault("posts", []).append(role)

        for a in ex.awards:
            conferrers = [self.org(c) for c in a.conferrers]
            rec = a.recipient
            if rec.label == "PERSON" and a.recipient_text != rec.text:
                # A family (周雪梅家庭) is its own recipient node, linked to the person.
                member = self.person(rec, anchors.get(rec.text, doc_anchor))
                fam = Mention(rec.start, rec.start + len(a.recipient_text), "FAMILY",
                              a.recipient_text)
                recipient = entity_iri("family", a.recipient_text, doc_anchor)
                self.entities.setdefault(recipient, Entity(
                    iri=recipient, type="Family", name=a.recipient_text,
                    extra={"member": member}))
                self.entities[recipient].aliases.add(a.recipient_text)
                self.entities[recipient].mentions.append(self.evidence(fam))
                self.names[recipient] = a.recipient_text
            elif rec.label == "PERSON":
                recipient = self.person(rec, anchors.get(rec.text, doc_anchor))
            elif rec.label == "GPE":
                recipient = self.gpe(rec)
            else:
                recipient = self.org(rec)
            honor = self.honor(a.honor, self.honor_qualifier(a.honor, conferrers))
            for c in conferrers:
                self.entities[honor].extra.setdefault("conferrers", set()).add(c)
            facts.append(Fact("award", fact_iri("award", self.doc.id, recipient, honor,
                                                a.honor.start),
                              self.evidence(a.honor), subject=recipient, honor=honor,
                              conferrers=conferrers, year=a.year))

        for ev in ex.events:
            agents: list[str] = []
            for m in ev.agents:
                if m.label == "PERSON":
                    iri = self.person(m, anchors.get(m.text, doc_anchor))
                elif m.label == "GPE":
                    iri = self.gpe(m)
                else:
                    iri = self.org(m)
                if iri not in agents:
                    agents.append(iri)
            place = None
            if ev.place is not None:
                place = self.gpe(ev.place) if ev.place.label == "GPE" else self.org(ev.place)
            facts.append(Fact("event", fact_iri("event", self.doc.id, ev.date.value, ev.name,
                                                ev.date.start),
                              self.evidence(ev.date), name=ev.name, date=ev.date.value,
                              agents=agents, place=place, trigger=ev.trigger))
        for iri, written in self.names.items():
            self.entities[iri].extra["written_name"] = written
        return LinkedDocument(doc=self.doc, extraction=ex, entities=self.entities,
                              facts=facts, locality=self.locality)


def link(ex: Extraction) -> LinkedDocument:
    return Linker(ex).run()
