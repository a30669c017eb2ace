"""Stable, readable IRIs: type + canonical key, independent of build order.

Chinese characters are legal in IRIs (RFC 3987); anything that is not an IRI `iunreserved`
character is percent-encoded so the result is always a valid IRI and safe in Turtle/N-Quads.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from kg.vocab import GRAPH, ID

# ucschar ranges of RFC 3987 that we keep readable (CJK and friends)
_KEEP = re.compile(r"[A-Za-z0-9\-._~\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]")


def slug(text: str) -> str:
    """A readable, IRI-safe path segment for `text` (never empty)."""
    text = unicodedata.normalize("NFC", text).strip()
    # Whitespace and controls are never part of a name; they would only make IRIs differ.
    text = re.sub(r"[\s\x00-\x1f\x7f]+", "_", text)
    out = []
    for ch in text:
        if _KEEP.fullmatch(ch) and not unicodedata.category(ch).startswith(("Z", "C")):
            out.append(ch)
        else:
            out.append(quote(ch, safe="", errors="surrogatepass"))
    s = "".join(out)
    if not s:
        s = "_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    if len(s) > 200:
        # Cut between whole pieces (never inside a %XX escape); the hash keeps it unique.
        kept, n = [], 0
        for piece in out:
            if n + len(piece) > 180:
                break
            kept.append(piece)
            n += len(piece)
        s = "".join(kept) + "_" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return s


def entity_iri(kind: str, *key: str | None) -> str:
    """IRI for an entity of `kind` (person, org, place, honor, family …) from its key parts."""
    parts = [slug(k) for k in key if k]
    return f"{ID}{kind}/{'/'.join(parts) if parts else '_'}"


def fact_iri(kind: str, doc_id: str, *key: object) -> str:
    """Facts are local to the document they are read from; the key makes them stable."""
    h = hashlib.sha1("\x1f".join(str(k) for k in key).encode("utf-8")).hexdigest()[:12]
    return f"{ID}{kind}/{slug(doc_id)}/{h}"


def doc_iri(doc_id: str) -> str:
    return f"{ID}doc/{slug(doc_id)}"


def graph_iri(doc_id: str) -> str:
    return f"{GRAPH}{slug(doc_id)}"
