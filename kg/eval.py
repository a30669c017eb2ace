"""Scoring predictions against gold files, exactly as ../shared/gold/README.md specifies.

Both sides are gold-shaped dicts: {"id", "text", "mentions", "posts", "awards", "events"}.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.model import LABELS, KgError

_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉]")


class EvalError(KgError):
    pass


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.exists():
        raise EvalError(f"no gold file at {path}")
    docs = []
    with path.open(encoding="utf-8-sig") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(f"{path.name} line {n}: invalid JSON: {e.msg}") from None
            if not isinstance(d, dict) or not isinstance(d.get("text"), str) or "id" not in d:
                raise EvalError(f"{path.name} line {n}: needs an object with 'id' and 'text'")
            docs.append(d)
    return docs


def _norm(x: Any) -> str:
    return _STRIP.sub("", str(x)) if x is not None else ""


def _alts(x: Any) -> set[str]:
    """Accepted alternatives of a gold field ('a|b'); None → {''}."""
    if x is None:
        return {""}
    return {_norm(a) for a in str(x).split("|")}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _match(golds: list[tuple[set[str], ...]], preds: list[tuple[str, ...]]):
    """Greedy one-to-one matching of predicted tuples to gold tuples with alternatives."""
    used: set[int] = set()
    matched, false_hits = [], []
    for pi, pred in enumerate(preds):
        for gi, gold in enumerate(golds):
            if gi not in used and all(_alts(p) & g for p, g in zip(pred, gold)):
                used.add(gi)
                matched.append((gi, pi))
                break
        else:
            false_hits.append(pi)
    misses = [gi for gi in range(len(golds)) if gi not in used]
    return matched, false_hits, misses


def _uniq(items: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return list(dict.fromkeys(items))


def _names_overlap(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    bigrams = {a[i:i + 2] for i in range(len(a) - 1)}
    return any(b[i:i + 2] in bigrams for i in range(len(b) - 1))


def score(gold_docs: list[dict], predicted: list[dict]) -> dict[str, Any]:
    """Scores; `predicted` is matched to gold by id (a missing prediction scores as empty)."""
    by_id = {p["id"]: p for p in predicted}
    counts = {lab: [0, 0, 0] for lab in LABELS}
    date_ok = date_n = 0
    post = [0, 0, 0]
    award = [0, 0, 0]
    event = [0, 0, 0]
    agent = [0, 0, 0]
    errors: list[dict[str, Any]] = []

    for g in gold_docs:
        p = by_id.get(g["id"], {})
        text = g["text"]

        def ctx(s: int, e: int, text: str = text) -> str:
            return text[max(0, s - 12):s] + "[" + text[s:e] + "]" + text[e:e + 12]

        gm = {(m["start"], m["end"], m["label"]): m for m in g.get("mentions", [])}
        pm = {(m["start"], m["end"], m["label"]): m for m in p.get("mentions", [])}
        for key in gm.keys() | pm.keys():
            lab = key[2]
            if lab not in counts:
                continue
            if key in gm and key in pm:
                counts[lab][0] += 1
                if lab == "DATE":
                    date_n += 1
                    gv, pv = gm[key].get("value"), pm[key].get("value")
                    if gv == pv:
                        date_ok += 1
                    else:
                        errors.append({"doc": g["id"], "kind": "DATE value", "gold": gv,
                                       "pred": pv, "context": ctx(key[0], key[1])})
            elif key in pm:
                counts[lab][1] += 1
                errors.append({"doc": g["id"], "kind": f"false {lab}",
                               "context": ctx(key[0], key[1])})
            else:
                counts[lab][2] += 1
                errors.append({"doc": g["id"], "kind": f"missed {lab}",
                               "context": ctx(key[0], key[1])})

        for kind, acc, fields in (("post", post, ("person", "post", "org")),
                                  ("award", award, ("recipient", "honor"))):
            golds = [tuple(_alts(x.get(f)) for f in fields) for x in g.get(kind + "s", [])]
            preds = _uniq(tuple(_norm(x.get(f)) if x.get(f) is not None else None
                                for f in fields) for x in p.get(kind + "s", []))
            m, fh, ms = _match(golds, preds)
            acc[0] += len(m)
            acc[1] += len(fh)
            acc[2] += len(ms)
            for pi in fh:
                errors.append({"doc": g["id"], "kind": f"false {kind}", "pred": preds[pi]})
            for gi in ms:
                errors.append({"doc": g["id"], "kind": f"missed {kind}",
                               "gold": g[kind + "s"][gi]})

        gev = g.get("events", [])
        pev = p.get("events", [])
        used: set[int] = set()
        for pe in pev:
            p_agents = {_norm(a) for a in pe.get("agents", [])}
            hit = None
            for gi, ge in enumerate(gev):
                if gi in used or str(ge.get("date")) != str(pe.get("date")):
                    continue
                g_agents = [_alts(a) for a in ge.get("agents", [])]
                if g_agents or p_agents:
                    ok = any(_alts(pa) & ga for pa in p_agents for ga in g_agents)
                else:
                    ok = _names_overlap(ge.get("name") or "", pe.get("name") or "")
                if ok:
                    hit = gi
                    break
            if hit is None:
                event[1] += 1
                errors.append({"doc": g["id"], "kind": "false event", "pred": pe})
                continue
            used.add(hit)
            event[0] += 1
            g_agents = [_alts(a) for a in gev[hit].get("agents", [])]
            found = sum(1 for ga in g_agents if any(_alts(pa) & ga for pa in p_agents))
            right = sum(1 for pa in p_agents if any(_alts(pa) & ga for ga in g_agents))
            agent[0] += right
            agent[1] += len(p_agents) - right
            agent[2] += len(g_agents) - found
            if found < len(g_agents) or right < len(p_agents):
                errors.append({"doc": g["id"], "kind": "event agents",
                               "gold": gev[hit].get("agents"), "pred": pe.get("agents")})
        for gi, ge in enumerate(gev):
            if gi not in used:
                event[2] += 1
                errors.append({"doc": g["id"], "kind": "missed event", "gold": ge})

    per_label = {lab: _prf(*c) for lab, c in counts.items()}
    micro = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    agent_scores = _prf(*agent)
    return {
        "documents": len(gold_docs),
        "mentions": {"per_label": per_label, "micro": micro},
        "date_value_accuracy": date_ok / date_n if date_n else None,
        "date_values_scored": date_n,
        "posts": _prf(*post),
        "awards": _prf(*award),
        "events": _prf(*event),
        "event_agents": {"p": agent_scores["p"], "r": agent_scores["r"],
                         "f1": agent_scores["f1"]},
        "errors": errors,
    }


def jieba_baseline(doc: dict) -> dict:
    """jieba's posseg tags as a peer: nr → PERSON, nt → ORG, ns → GPE, t → DATE."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    tagmap = {"nr": "PERSON", "nt": "ORG", "ns": "GPE", "t": "DATE"}
    mentions, pos = [], 0
    for w in pseg.cut(doc["text"]):
        start = doc["text"].find(w.word, pos)
        if start < 0:
            continue
        pos = start + len(w.word)
        lab = tagmap.get(w.flag)
        if lab:
            m = {"start": start, "end": pos, "label": lab, "text": w.word}
            if lab == "DATE":
                m["value"] = None
            mentions.append(m)
    return {"id": doc["id"], "mentions": mentions, "posts": [], "awards": [], "events": []}
