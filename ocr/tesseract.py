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
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from PIL import Image

from .layout import Line, Word, arrange, is_rule, join
from .model import LOW_RESOLUTION, AcquisitionError, Reading
from .preprocess import PAGE_PIXELS

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
OSD_MIN_SIDE = 1600  # pixels: an A4 page at about 200 dpi
# Below LOW_RESOLUTION of the print, `vie` is combined with Tesseract's Vietnamese-script
# model (Debian's tesseract-ocr-script-viet). Measured on the two ~96 dpi pages of the
# dev PDFs (raw OCR, syllables right): vie 76.4% / 79.1%, vie+Vietnamese 81.1% / 83.8%;
# on 200-300 dpi scans the pair reads 0.3-0.8 points worse and 1.5x slower, so only there.
SCRIPT_MODEL = "Vietnamese"


# A region Tesseract sets aside as a picture may hold print: a signature block under a
# red seal (its title and the signer's name; seen on real scans, where the page's reading
# had neither). Below the header (where incoming-mail stamps sit) it is read again as one
# block of text; lines OCR is unsure of, signs and words already read beside the picture
# are left out: what remains is print the page's reading lost.
_HEADER_SHARE = 0.25
_PICTURE_LINE_CONFIDENCE = 0.6
# Pixels: a picture narrower or lower holds no line of print (a sideways page's specks give
# boxes 0 pixels wide, which Tesseract must never be asked to read: it crashes).
_PICTURE_SIDE = 32


@cache
def _picture_types() -> frozenset[int]:
    from tesserocr import PT

    return frozenset({PT.FLOWING_IMAGE, PT.HEADING_IMAGE, PT.PULLOUT_IMAGE})


def _read_picture(engine, box: tuple[int, int, int, int], read: list[Line], deadline: float) -> list[Line] | None:
    """The lines of print inside a picture region, without the words the page's reading has;
    None when the page's time (`deadline`, of time.monotonic) runs out first."""
    left_ms = int((deadline - time.monotonic()) * 1000)
    if left_ms <= 0:  # never 0 to Tesseract: that is no limit at all
        return None
    left, top, right, bottom = box
    engine.SetRectangle(left, top, right - left, bottom - top)
    if not engine.Recognize(timeout=left_ms):
        return None
    known = [w for line in read for w in line.words]
    kept = []
    for line in _recognised_lines(engine, layout_paragraphs=False):
        if sum(w.confidence for w in line.words) / len(line.words) < _PICTURE_LINE_CONFIDENCE:
            continue  # the seal's rim, the signature's strokes
        words = [w for w in line.words if re.search(r"\w", w.text) and not any(_overlaps(w, k) for k in known)]
        if words:
            kept.append(Line(words, line.paragraph_start))
    return kept


def _recognised_lines(engine, keep: Callable[[Word], bool] = lambda word: True,
                      at_block: Callable[[object, int], None] | None = None,
                      layout_paragraphs: bool = True) -> list[Line]:
    """The words of the engine's last recognition as lines, in its reading order. `keep(word)`
    decides which words count; `at_block(iterator, lines so far)` is shown the first word of each
    block, an empty one included (a picture has none). A line opens a paragraph where Tesseract's
    block or paragraph starts, or without `layout_paragraphs` only the first line does."""
    from tesserocr import RIL, iterate_level

    lines: list[Line] = []
    for word in iterate_level(engine.GetIterator(), RIL.WORD):
        if at_block and word.IsAtBeginningOf(RIL.BLOCK):
            at_block(word, len(lines))
        if word.Empty(RIL.WORD):  # a blank page: the iterator stands on nothing
            continue
        found = _recognised_word(word)
        if not keep(found):
            continue
        if not lines or word.IsAtBeginningOf(RIL.TEXTLINE):
            opens = word.IsAtBeginningOf(RIL.BLOCK) or word.IsAtBeginningOf(RIL.PARA) if layout_paragraphs else not lines
            lines.append(Line([], opens))
        lines[-1].words.append(found)
    return lines


# Tesseract's Vietnamese model reads some printed Đ as "ĐÐ", Đ and the Icelandic eth
# ("1609/QĐÐ-TTPVHCC"; 12 times in 40 probe scans of 2026-11-30), or as the eth alone; Vietnamese has no eth.
_ETH = re.compile("(?<=Đ)Ð|(?<=đ)ð")
_ETH_AS_D = str.maketrans({"Ð": "Đ", "ð": "đ"})


def without_eth(written: str) -> str:
    """`written` with the eth Tesseract reads for Đ: "QĐÐ-BYT" -> "QĐ-BYT", "GÐ" -> "GĐ"."""
    return _ETH.sub("", written).translate(_ETH_AS_D)


def _recognised_word(word) -> Word:
    """The word a Tesseract result iterator stands on: its text (NFC, without an eth), box and confidence (0..1)."""
    from tesserocr import RIL

    written = (word.GetUTF8Text(RIL.WORD) or "").strip()
    return Word(without_eth(unicodedata.normalize("NFC", written)), *word.BoundingBox(RIL.WORD),
                confidence=word.Confidence(RIL.WORD) / 100)


def _overlaps(a: Word, b: Word) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


class Tesseract:
    """The OCR engine in use: Tesseract with one model (`vie`), in this process."""

    def __init__(self, lang: str = "vie") -> None:
        self.lang = lang

    def missing(self) -> str | None:
        return missing_reason(self.lang)

    def rotation(self, image: Image.Image) -> int:
        """Degrees clockwise that would turn the page upright, as OSD sees it (0 when it cannot tell)."""
        from tesserocr import PSM

        if missing_reason("osd"):
            return 0
        if min(image.size) < OSD_MIN_SIDE and 4 * image.width * image.height <= PAGE_PIXELS:
            # OSD misreads small print: a sideways 110 dpi letter was "Rotate: 270" with
            # confidence 0.21 as it is, "Rotate: 90" (right) with 1.06 enlarged twice.
            image = image.resize((image.width * 2, image.height * 2), Image.LANCZOS)
        with _engine("osd", PSM.OSD_ONLY) as engine:
            engine.SetImage(image)
            found = engine.DetectOrientationScript()  # None: too little text to tell
        return (360 - found["orient_deg"]) % 360 if found else 0

    def recognise(self, image: Image.Image, timeout: float) -> Reading:
        """Text with lines and paragraphs kept, the mean word confidence (0..1), and
        the spans of the words below DOUBTFUL confidence. Print of low resolution
        (info["content_dpi"]) is read with the Vietnamese-script model beside `lang`."""
        from tesserocr import PSM, RIL

        lang = self.lang
        if image.info.get("content_dpi", 300) < LOW_RESOLUTION and missing_reason(SCRIPT_MODEL) is None:
            lang = f"{self.lang}+{SCRIPT_MODEL}"
        pictures: list[tuple[int, tuple[int, int, int, int]]] = []  # (where in lines, box)

        def note_picture(block, at: int) -> None:
            box = block.BoundingBox(RIL.BLOCK) if block.BlockType() in _picture_types() else None
            if box and box[1] > image.height * _HEADER_SHARE and min(box[2] - box[0], box[3] - box[1]) >= _PICTURE_SIDE:
                pictures.append((at, box))

        deadline = time.monotonic() + timeout  # one limit for the page's reading and its re-reads
        with _engine(lang, PSM.AUTO) as engine:
            engine.SetImage(image)
            if not engine.Recognize(timeout=int(timeout * 1000)):
                raise AcquisitionError("timeout", f"OCR took longer than {timeout:.0f} s on a page")
            lines = _recognised_lines(engine, keep=lambda word: bool(word.text) and not is_rule(word.text),
                                      at_block=note_picture)
        unread = 0
        if pictures:
            with _engine(lang, PSM.SINGLE_BLOCK) as engine:
                engine.SetImage(image)
                for at, box in reversed(pictures):
                    found = _read_picture(engine, box, lines, deadline)
                    unread += found is None
                    lines[at:at] = found or []
        text, doubtful = join(arrange([line for line in lines if line.words]), doubtful_below=DOUBTFUL)
        confidences = [w.confidence for line in lines for w in line.words]
        confidence = sum(confidences) / len(confidences) if confidences else None
        note = f"{unread} of {len(pictures)} picture regions not read again: the page's {timeout:g} s ran out"
        return Reading(text, confidence, doubtful, note=note if unread else "")
