"""Tesseract OCR through pytesseract, one Tesseract thread per call.

The pipeline runs pages in parallel processes, so Tesseract's own threads
would only compete with them (OCRmyPDF does the same).
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
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


# Words OCRed with less confidence than this are reported as doubtful.
DOUBTFUL = 0.9
# A first pass below this mean confidence makes us ask Tesseract's orientation
# detection (OSD) whether the page is sideways or upside down.
CHECK_ORIENTATION_BELOW = 0.7
OSD_MIN_SIDE = 1600  # pixels: an A4 page at about 200 dpi

OcrResult = tuple[str, float | None, list[tuple[int, int]]]


def ocr_image(image: Image.Image, lang: str = "vie", timeout: float = 180) -> OcrResult:
    """Text of an image with lines and paragraphs kept, the mean word confidence
    (0..1), and the spans of the words below DOUBTFUL confidence. A page that
    reads badly is turned upright first if OSD says it is rotated."""
    reason = missing_reason(lang)
    if reason:
        raise AcquisitionError("ocr-unavailable", reason)
    prepared = prepare(image)
    result = _recognise(prepared, lang, timeout)
    if result[1] is None or result[1] < CHECK_ORIENTATION_BELOW:
        rotation = _rotation(prepared)
        if rotation:
            # Prepared again upright: the skew found on a sideways page is meaningless.
            upright = image.rotate(-rotation, expand=True)
            upright.info = dict(image.info)
            turned = _recognise(prepare(upright), lang, timeout)
            if (turned[1] or 0) > (result[1] or 0):
                result = turned
    return result


def _rotation(image: Image.Image) -> int:
    """Degrees that OSD says the page is rotated by (0 when it cannot tell)."""
    import pytesseract

    if min(image.size) < OSD_MIN_SIDE:
        # OSD misreads small print: a sideways 110 dpi letter was "Rotate: 270" with
        # confidence 0.21 as it is, "Rotate: 90" (right) with 1.06 enlarged twice.
        image = image.resize((image.width * 2, image.height * 2), Image.LANCZOS)
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", timeout=60)
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell
    found = re.search(r"Rotate: (\d+)", osd)
    return int(found.group(1)) % 360 if found else 0


def _recognise(prepared: Image.Image, lang: str, timeout: float) -> OcrResult:
    import pytesseract

    # pytesseract hands Tesseract a temporary file: uncompressed TIFF costs no
    # compression (BMP would too, but Tesseract read low-resolution BMPs far worse).
    prepared.format = "TIFF"
    try:
        data = pytesseract.image_to_data(
            prepared, lang=lang, config="--psm 3", timeout=timeout, output_type=pytesseract.Output.DICT
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise AcquisitionError("timeout", f"OCR took longer than {timeout:.0f} s on a page") from exc
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip():
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append((unicodedata.normalize("NFC", word), float(data["conf"][i]) / 100))
    text, doubtful, confidences = [], [], []
    offset, previous_paragraph = 0, None
    for (block, paragraph, _), words in lines.items():
        if previous_paragraph is not None:
            separator = "\n\n" if (block, paragraph) != previous_paragraph else "\n"
            text.append(separator)
            offset += len(separator)
        for j, (word, confidence) in enumerate(words):
            if j:
                text.append(" ")
                offset += 1
            text.append(word)
            if 0 <= confidence < DOUBTFUL:
                doubtful.append((offset, offset + len(word)))
            if confidence >= 0:
                confidences.append(confidence)
            offset += len(word)
        previous_paragraph = (block, paragraph)
    confidence = sum(confidences) / len(confidences) if confidences else None
    return "".join(text), confidence, doubtful
