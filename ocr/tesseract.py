"""Tesseract OCR through pytesseract, one Tesseract thread per call.

The pipeline runs pages in parallel processes, so Tesseract's own threads
would only compete with them (OCRmyPDF does the same).
"""

from __future__ import annotations

import os
import shutil
from functools import cache

from PIL import Image

from .model import AcquisitionError
from .preprocess import prepare

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@cache
def missing_reason(lang: str = "vie") -> str | None:
    """Why OCR cannot run here, or None when Tesseract with `lang` is installed."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed (run `make setup`, or apt-get install tesseract-ocr tesseract-ocr-vie)"
    import pytesseract

    if lang not in pytesseract.get_languages(config=""):
        return f"Tesseract has no '{lang}' model (apt-get install tesseract-ocr-{lang})"
    return None


def ocr_image(image: Image.Image, lang: str = "vie", timeout: float = 180) -> tuple[str, float | None]:
    """Text of an image with lines and paragraphs kept, and the mean word confidence (0..1)."""
    import pytesseract

    reason = missing_reason(lang)
    if reason:
        raise AcquisitionError("ocr-unavailable", reason)
    prepared = prepare(image)
    prepared.format = "BMP"  # pytesseract hands Tesseract a temporary file: BMP needs no compression
    try:
        data = pytesseract.image_to_data(
            prepared, lang=lang, config="--psm 3", timeout=timeout, output_type=pytesseract.Output.DICT
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise AcquisitionError("timeout", f"OCR took longer than {timeout:.0f} s on a page") from exc
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        if not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
        if float(data["conf"][i]) >= 0:
            confidences.append(float(data["conf"][i]) / 100)
    out: list[str] = []
    previous_paragraph = None
    for (block, paragraph, _), words in lines.items():
        if previous_paragraph is not None and (block, paragraph) != previous_paragraph:
            out.append("")
        out.append(" ".join(words))
        previous_paragraph = (block, paragraph)
    confidence = sum(confidences) / len(confidences) if confidences else None
    return "\n".join(out), confidence
