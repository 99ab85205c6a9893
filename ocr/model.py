"""What text acquisition takes and returns: options, the text of each page, where
it came from and why, and the small protocols through which a caller plugs in
an OCR engine, a judge of text layers and a bound on the OCR running at once."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from PIL import Image

# Why a page's text is what it is (PageText.decision).
TEXT_LAYER = "text-layer"  # the PDF's text layer, as it is
OCR = "ocr"  # no usable text layer: the page image was OCRed
RE_OCR = "re-ocr"  # a scan whose text layer is garbled (old OCR): OCRed again
MIXED = "mixed"  # the text layer kept, and the pictures of text on the page OCRed
BLANK = "blank"  # OCR found no text on the page
FAILED = "failed"  # OCR crashed or ran out of time on this page; its text is lost
NOT_OCRED = "not-ocred"  # the page needs OCR, and OCR is turned off


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str  # "text" (text layer or plain text) or "ocr"
    confidence: float | None = None  # mean OCR word confidence, 0..1
    # (start, end) of the words OCR was unsure of (confidence below DOUBTFUL), in `text`
    doubtful: list[tuple[int, int]] = field(default_factory=list)
    decision: str = TEXT_LAYER
    reason: str = ""
    # OCRed print below LOW_RESOLUTION dpi: its tone marks are too small to be read reliably
    low_resolution: bool = False


@dataclass
class AcquiredText:
    pages: list[PageText]


class AcquisitionError(Exception):
    """The file cannot be read: `kind` is a short code, the message says why in plain words."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


# Print below this resolution (dpi) shows its tone marks as a few pixels each: OCR reads
# it with a second model (tesseract.Tesseract) and its marks are weak evidence (PageText).
LOW_RESOLUTION = 150


class Reading(NamedTuple):
    """What an OCR engine read on one image."""

    text: str  # lines and paragraphs kept
    confidence: float | None  # mean word confidence 0..1; None when no word was read
    doubtful: list[tuple[int, int]]  # spans of the words read with little confidence
    low_resolution: bool = False  # the print was below LOW_RESOLUTION dpi (set by scan.ocr_image)
    note: str = ""  # why part of the page was left unread, for the page's reason


class OcrEngine(Protocol):
    """An OCR engine (Tesseract in use; tests put in engines that crash, hang or read nothing)."""

    def missing(self) -> str | None:
        """Why this engine cannot run here (to install what), or None."""

    def recognise(self, image: Image.Image, timeout: float) -> Reading:
        """Read a prepared page image; raise AcquisitionError("timeout", …) past `timeout` seconds."""

    def rotation(self, image: Image.Image) -> int:
        """Degrees clockwise that turn the page upright; 0 when it cannot tell."""


class LayerJudge(Protocol):
    """Decides whether a scan's text layer is real text or garbled (old OCR)."""

    def usable(self, text: str) -> bool: ...


class OcrSlots(Protocol):
    """Bounds the pages OCRed at once across files: each page is read inside `with slots.slot():`."""

    def slot(self) -> AbstractContextManager: ...


@dataclass(frozen=True)
class AcquireOptions:
    ocr: bool = True
    max_pages: int | None = None
    lang: str = "vie"  # Tesseract's model, when `engine` is not given
    page_jobs: int = 1  # pages of one file OCRed at a time
    page_timeout: float = 180  # seconds one page's OCR may take; past it the page is FAILED
    layer_judge: LayerJudge | None = None  # None: every text layer is taken as real text
    ocr_slots: OcrSlots | None = None  # None: no bound beyond page_jobs
    engine: OcrEngine | None = None  # None: Tesseract with `lang`
