"""Sentence spans: split after 。！？!?；; and at newlines, never inside “…” or 《…》.

Offsets index the original text (nothing is normalized); spans are stripped of surrounding
whitespace and empty ones dropped, so they cover every non-blank character exactly once.
"""

from __future__ import annotations

ENDERS = set("。！？!?；;")
OPENERS = {"“": "”", "《": "》", "「": "」", "『": "』"}
CLOSERS = {v: k for k, v in OPENERS.items()}


def split_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    depth = 0
    n = len(text)

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))

    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            emit(start, i)
            start = i + 1
            depth = 0
        elif c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
        elif c in ENDERS and depth == 0:
            j = i + 1
            while j < n and text[j] in "”’」』)）":  # closing marks stay with the sentence
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        i += 1
    emit(start, n)
    return out
