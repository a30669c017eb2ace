"""The inline markup the gold builders (build_*.py) write their articles in.

    {L:text}          a mention; L is P PERSON, O ORG, G GPE, T POST, H HONOR, D DATE
    {D:text=value}    a DATE with its ISO value ("null", or nothing, for None)

Offsets come from the markup, never from hand counting.
"""

from __future__ import annotations

import re

LABELS = {"P": "PERSON", "O": "ORG", "G": "GPE", "T": "POST", "H": "HONOR", "D": "DATE"}
MARK = re.compile(r"\{([POGTHD]):([^{}]+)\}")
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
