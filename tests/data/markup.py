"""The inline markup the gold builders (build_*.py) write their articles in.

    {L:text}          a mention; L is P PERSON, O ORG, G GPE, T POST, H HONOR, D DATE
    {D:text=value}    a DATE with its ISO value ("null", or nothing, for None)

Offsets come from the markup, never from hand counting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

LABELS = {"P": "PERSON", "O": "ORG", "G": "GPE", "T": "POST", "H": "HONOR", "D": "DATE"}
MARK = re.compile(r"\{([POGTHD]):([^{}]+)\}")
QUOTES = "“”「」《》\"'‘’"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def parse(src: str) -> tuple[str, list[dict]]:
    """(plain text, gold-shaped mentions) of an annotated article."""
    out: list[str] = []
    mentions: list[dict] = []
    pos = n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        n += m.start() - pos
        lab, body = LABELS[m.group(1)], m.group(2)
        ment: dict = {"start": n, "end": n + len(body), "label": lab, "text": body}
        if lab == "DATE":
            body, _, v = body.partition("=")
            value = None if v in ("", "null") else v
            assert value is None or ISO.match(value), value
            ment.update(end=n + len(body), text=body, value=value)
        mentions.append(ment)
        out.append(body)
        n += len(body)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    assert "{" not in text and "}" not in text, "unparsed markup"
    for mm in mentions:
        assert text[mm["start"]:mm["end"]] == mm["text"]
    return text, mentions


def _covered(ms: list[dict], start: int, end: int) -> bool:
    return any(m["start"] <= start and end <= m["end"] for m in ms)


def check(d: dict) -> None:
    """The strict checks of the blind builders: spans, recurring names, facts vs mentions."""
    text, ms = d["text"], d["mentions"]
    assert 500 <= len(text) <= 1500, (d["id"], len(text))
    last_end = -1
    for m in sorted(ms, key=lambda m: m["start"]):
        assert m["label"] in LABELS.values()
        assert text[m["start"]:m["end"]] == m["text"], m
        assert m["text"] == m["text"].strip() and m["text"], m
        assert m["start"] >= last_end, ("overlap", m)
        last_end = m["end"]
        if m["label"] == "HONOR":
            assert not any(q in m["text"] for q in QUOTES), m
    # A name annotated once must be annotated everywhere it recurs (an easy slip when writing
    # markup by hand); ORG strings of 3+ chars likewise, unless they sit inside a longer span.
    for lab in ("PERSON", "ORG"):
        for s in {m["text"] for m in ms if m["label"] == lab and len(m["text"]) >= 2}:
            if lab == "ORG" and len(s) < 3:
                continue
            for hit in re.finditer(re.escape(s), text):
                inside_quotes = text.rfind("“", 0, hit.start()) > text.rfind("”", 0, hit.start())
                if not inside_quotes and not text[:hit.start()].endswith("《"):
                    assert _covered(ms, hit.start(), hit.end()), (d["id"], lab, s, hit.start())
    names = {m["text"] for m in ms if m["label"] == "PERSON"}
    for p in d["posts"]:
        assert p["person"] in names, p
        posts_here = {m["text"] for m in ms if m["label"] == "POST"}
        assert any(q in posts_here for q in p["post"].split("|")), p
    for e in d["events"]:
        assert ISO.match(e["date"]), e
        dates = {m["value"] for m in ms if m["label"] == "DATE"}
        assert e["date"] in dates, e
        for a in e["agents"]:
            if "|" not in a and len(a) <= 4:
                assert a in names, (d["id"], a)
    honors = {m["text"] for m in ms if m["label"] == "HONOR"}
    for a in d["awards"]:
        assert any(h in honors for h in a["honor"].split("|")), a
        r = a["recipient"]
        if r.endswith("家庭"):
            assert r[:-2] in names, r
        elif "|" not in r and len(r) <= 4:
            assert r in names, r


def alts(prefixes: list[str], *forms: str) -> str:
    """Every prefix × form: the locality-qualified names a reader would accept."""
    return "|".join(p + f for f in forms for p in prefixes)


def cpc(prefixes: list[str], suffix: str = "委") -> str:
    """A Party committee (or one of its departments) with and without 中共."""
    return alts(prefixes, suffix) + "|" + alts(["中共" + p for p in prefixes], suffix)


def gov(prefixes: list[str]) -> str:
    return alts(prefixes, "人民政府", "政府")


def npc(prefixes: list[str]) -> str:
    return alts(prefixes, "人大常委会", "人民代表大会常务委员会")


class Collection:
    """The documents of one gold file: `doc(...)` adds one (checked), `write()` saves them."""

    def __init__(self, validate: Callable[[dict], None] | None = check):
        self.docs: list[dict] = []
        self.validate = validate

    def doc(self, id_: str, published: str | None, source: str, src: str, posts, awards,
            events) -> None:
        text, mentions = parse(src.strip("\n"))
        meta = {"source": source}
        if published:
            meta["published"] = published
        d = {"id": id_, "text": text, "meta": meta, "mentions": mentions,
             "posts": [{"person": p, "post": q, "org": o} for p, q, o in posts],
             "awards": [dict(recipient=r, honor=h, **({"year": y} if y else {}))
                        for r, h, y in awards],
             "events": [{"date": dt, "agents": a, "name": nm, "place": pl}
                        for dt, a, nm, pl in events]}
        if self.validate is not None:
            self.validate(d)
        self.docs.append(d)

    def write(self, out: Path) -> None:
        with out.open("w", encoding="utf-8") as f:
            for d in self.docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        for d in self.docs:
            print(d["id"], len(d["text"]), "chars", len(d["mentions"]), "mentions",
                  len(d["posts"]), "posts", len(d["awards"]), "awards", len(d["events"]),
                  "events")
