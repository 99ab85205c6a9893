"""Extraction stage: structured fields from the final text of one document.

Entry point: `extract(text) -> Extraction`. The text may be clean, without
diacritics or OCR-damaged; every item keeps its span in `text`.
"""

from __future__ import annotations

from .model import Citation, Extraction, Header, Target

__all__ = ["Citation", "Extraction", "Header", "Target", "extract"]


def __getattr__(name: str):
    # `extract` loads on first use, with its patterns (a seventh of a second to compile):
    # the pipeline reads cached records without them, and only its worker processes extract.
    if name != "extract":
        raise AttributeError(f"module 'extractors' has no attribute {name!r}")
    from .extraction import extract

    globals()["extract"] = extract
    return extract
