"""Text acquisition stage: the text of each page of one input file.

Entry point: `acquire(path) -> AcquiredText`. Text files are decoded and
cleaned of markup, Word files read paragraph by paragraph, PDFs read from
their text layer with pdfplumber, and pages without usable text (scans) and
images are OCRed with Tesseract's Vietnamese model. Input files are only read.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from .docx import read_docx
from .images import read_image
from .model import AcquiredText, AcquisitionError, PageText
from .pdf import read_pdf
from .plaintext import read_text
from .tesseract import missing_reason

__all__ = ["AcquiredText", "AcquisitionError", "PageText", "SUPPORTED", "acquire", "missing_reason"]

TEXT_SUFFIXES = {".txt", ".md", ".text"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED = TEXT_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx"}


def acquire(path: Path, *, ocr: bool = True, max_pages: int | None = None, lang: str = "vie",
            page_jobs: int = 1, layer_usable: Callable[[str], bool] | None = None,
            ocr_slot: Callable[[], AbstractContextManager] = nullcontext) -> AcquiredText:
    """Read `path` into pages of NFC text, OCRing up to `page_jobs` scanned pages at a
    time; raises AcquisitionError for unusable files. `layer_usable` judges the text
    layer of a scanned PDF page: a scan whose layer it rejects is OCRed instead.
    Each page is OCRed inside `with ocr_slot():`, which lets a caller bound the
    Tesseracts running at once across files."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise AcquisitionError("unsupported", f"unsupported file type '{suffix or path.name}' (supported: {', '.join(sorted(SUPPORTED))})")
    if suffix == ".pdf":
        if path.stat().st_size == 0:
            raise AcquisitionError("empty", "empty file")
        return AcquiredText(read_pdf(path, ocr=ocr, max_pages=max_pages, lang=lang, page_jobs=page_jobs,
                                     layer_usable=layer_usable, ocr_slot=ocr_slot))
    data = path.read_bytes()
    if not data.strip():
        raise AcquisitionError("empty", "empty file")
    if suffix in TEXT_SUFFIXES:
        pages = [PageText(i + 1, text, "text") for i, text in enumerate(read_text(data))]
    elif suffix == ".docx":
        pages = [PageText(1, read_docx(data), "text")]
    else:
        pages = read_image(data, max_pages=max_pages, lang=lang, ocr_slot=ocr_slot)
    return AcquiredText(pages)
