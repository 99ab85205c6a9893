"""Text acquisition stage: the text of each page of one input file.

Entry point: `acquire(path, options) -> AcquiredText`. Text files are decoded and
cleaned of markup, Word files read paragraph by paragraph, PDFs read from
their text layer with pdfplumber, and pages without usable text (scans) and
images are OCRed (Tesseract's Vietnamese model, or the engine in `options`).
Every page says what was done with it and why (PageText.decision, .reason).
Input files are only read.
"""

from __future__ import annotations

from pathlib import Path

from .doc import read_doc
from .docx import read_docx
from .images import read_image
from .model import (BLANK, FAILED, LOW_RESOLUTION, MIXED, NOT_OCRED, OCR, RE_OCR, TEXT_LAYER, AcquiredText, AcquireOptions,
                    AcquisitionError, LayerJudge, OcrEngine, OcrSlots, PageText, Reading)
from .pdf import read_pdf
from .plaintext import read_text
from .tesseract import Tesseract, missing_reason

__all__ = ["AcquiredText", "AcquireOptions", "AcquisitionError", "LayerJudge", "OcrEngine", "OcrSlots", "PageText",
           "Reading", "SUPPORTED", "Tesseract", "acquire", "missing_reason",
           "BLANK", "FAILED", "LOW_RESOLUTION", "MIXED", "NOT_OCRED", "OCR", "RE_OCR", "TEXT_LAYER"]

TEXT_SUFFIXES = {".txt", ".md", ".text"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED = TEXT_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx", ".doc"}


def acquire(path: Path, options: AcquireOptions = AcquireOptions()) -> AcquiredText:
    """Read `path` into pages of NFC text; raises AcquisitionError for unusable files.
    A page whose OCR fails is an empty page whose decision is FAILED, not an error."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise AcquisitionError("unsupported", f"unsupported file type '{suffix or path.name}' (supported: {', '.join(sorted(SUPPORTED))})")
    if suffix == ".pdf":
        if path.stat().st_size == 0:
            raise AcquisitionError("empty", "empty file")
        return _unless_all_lost(read_pdf(path, options))
    data = path.read_bytes()
    if not data.strip():
        raise AcquisitionError("empty", "empty file")
    if suffix == ".doc":
        pages = [PageText(1, read_doc(path), "text", reason="an older Word document (antiword)")]
    elif suffix in TEXT_SUFFIXES:
        texts, encoding = read_text(data)
        pages = [PageText(i + 1, text, "text", reason=f"a text file ({encoding})") for i, text in enumerate(texts)]
    elif suffix == ".docx":
        pages = [PageText(1, read_docx(data), "text", reason="a Word document")]
    else:
        pages = read_image(data, options)
    return _unless_all_lost(pages)


def _unless_all_lost(pages: list[PageText]) -> AcquiredText:
    """The pages, unless OCR failed and no page has any text: then the file failed."""
    failed = [page for page in pages if page.decision == FAILED]
    if failed and not any(page.text.strip() for page in pages):
        raise AcquisitionError("ocr-failed", f"no text: OCR failed on page {failed[0].number} ({failed[0].reason})")
    return AcquiredText(pages)
