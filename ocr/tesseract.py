"""Tesseract OCR in this process through tesserocr (Tesseract's C++ API), one
Tesseract thread per page.

Engines are loaded once and reused rather than a tesseract process started
per page (pytesseract). Measured on 200 dpi pages, same text: tesserocr's
wheel (Tesseract 5.5) reads a page in 2.1 s; the system's Tesseract 5.3 takes
2.7 s in-process and 2.8 s through its command line. The pipeline runs pages
in parallel, so Tesseract's own threads would only compete with them
(OCRmyPDF does the same); tesserocr lets go of Python's lock while it reads.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from PIL import Image

from .model import AcquisitionError
from .preprocess import prepare

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# Where Debian's and most other packages put the models, newest Tesseract first.
_TESSDATA_GUESSES = ["/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata"]


@cache
def tessdata() -> str | None:
    """The folder of Tesseract's models: $TESSDATA_PREFIX, else the one the
    `tesseract` command reads, else the usual places; None when there is none."""
    if os.environ.get("TESSDATA_PREFIX"):
        return os.environ["TESSDATA_PREFIX"]
    try:
        listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
        found = re.search(r'"(.+?)"', listing)
        if found and os.path.isdir(found.group(1)):
            return found.group(1)
    except (OSError, subprocess.SubprocessError):
        pass
    folders = [folder for guess in _TESSDATA_GUESSES for folder in sorted(glob.glob(guess), reverse=True)]
    return next((folder for folder in folders if glob.glob(os.path.join(folder, "*.traineddata"))), None)


@cache
def missing_reason(lang: str = "vie") -> str | None:
    """Why OCR cannot run here, or None when Tesseract with `lang` is installed."""
    try:
        import tesserocr
    except ImportError:
        return "tesserocr is not installed (run `make setup`)"
    folder = tessdata()
    if folder is None:
        return "Tesseract's models are not installed (run `make setup`, or apt-get install tesseract-ocr tesseract-ocr-vie)"
    if lang not in tesserocr.get_languages(folder)[1]:
        return f"Tesseract has no '{lang}' model (apt-get install tesseract-ocr-{lang})"
    return None


_idle_engines: dict[tuple[str, int], list] = {}
_engines_lock = threading.Lock()


@contextmanager
def _engine(lang: str, psm: int) -> Iterator:
    """A Tesseract for `lang` that no other thread is using; loaded on first need
    (0.2 s), then kept for the next page."""
    import tesserocr

    with _engines_lock:
        idle = _idle_engines.setdefault((lang, psm), [])
        engine = idle.pop() if idle else None
    if engine is None:
        engine = tesserocr.PyTessBaseAPI(path=tessdata(), lang=lang, psm=psm)
    try:
        yield engine
    finally:
        with _engines_lock:
            idle.append(engine)


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
    """Degrees clockwise that would turn the page upright, as OSD sees it (0 when it cannot tell)."""
    from tesserocr import PSM

    if missing_reason("osd"):
        return 0
    if min(image.size) < OSD_MIN_SIDE:
        # OSD misreads small print: a sideways 110 dpi letter was "Rotate: 270" with
        # confidence 0.21 as it is, "Rotate: 90" (right) with 1.06 enlarged twice.
        image = image.resize((image.width * 2, image.height * 2), Image.LANCZOS)
    with _engine("osd", PSM.OSD_ONLY) as engine:
        engine.SetImage(image)
        found = engine.DetectOrientationScript()  # None: too little text to tell
    return (360 - found["orient_deg"]) % 360 if found else 0


def _recognise(prepared: Image.Image, lang: str, timeout: float) -> OcrResult:
    from tesserocr import PSM, RIL, iterate_level

    text, doubtful, confidences = [], [], []
    offset = 0
    with _engine(lang, PSM.AUTO) as engine:
        engine.SetImage(prepared)
        if not engine.Recognize(timeout=int(timeout * 1000)):
            raise AcquisitionError("timeout", f"OCR took longer than {timeout:.0f} s on a page")
        for word in iterate_level(engine.GetIterator(), RIL.WORD):
            if word.Empty(RIL.WORD):  # a blank page: the iterator stands on nothing
                continue
            written = (word.GetUTF8Text(RIL.WORD) or "").strip()
            if not written:
                continue
            if text:
                if word.IsAtBeginningOf(RIL.BLOCK) or word.IsAtBeginningOf(RIL.PARA):
                    separator = "\n\n"
                else:
                    separator = "\n" if word.IsAtBeginningOf(RIL.TEXTLINE) else " "
                text.append(separator)
                offset += len(separator)
            written = unicodedata.normalize("NFC", written)
            confidence = word.Confidence(RIL.WORD) / 100
            text.append(written)
            if confidence < DOUBTFUL:
                doubtful.append((offset, offset + len(written)))
            confidences.append(confidence)
            offset += len(written)
    confidence = sum(confidences) / len(confidences) if confidences else None
    return "".join(text), confidence, doubtful
