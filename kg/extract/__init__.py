"""Extract: Document → Extraction (typed mentions, sentences, post/award/event frames).

The spaCy pipeline is described in ``kg/extract/pipeline.py``.
"""

from __future__ import annotations

from kg.extract.pipeline import extract, extract_many, get_nlp

__all__ = ["extract", "extract_many", "get_nlp"]
