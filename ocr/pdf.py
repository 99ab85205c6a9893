"""PDF pages: the text layer where it is real text, OCR where it is not."""

from __future__ import annotations

import io
import re
import unicodedata

from .model import AcquisitionError, PageText
from .tesseract import ocr_image

# A page with fewer letters than this in its text layer is treated as a scan.
MIN_LETTERS = 40
RENDER_DPI = 300


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def page_text(page) -> str:
    """Text of a pdfplumber page in reading order, tables as tab-separated rows."""
    tables = page.find_tables()
    if not tables:
        return page.extract_text() or ""
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    rows = [(line["top"], line["text"]) for line in outside.extract_text_lines()]
    for table in tables:
        for row, cells in zip(table.rows, table.extract()):
            rows.append((row.bbox[1], "\t".join(_cell(c) for c in cells)))
    rows.sort(key=lambda r: r[0])
    return "\n".join(text for _, text in rows)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _render(data: bytes, index: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return document[index].render(scale=RENDER_DPI / 72).to_pil()
    finally:
        document.close()


def read_pdf(data: bytes, *, ocr: bool = True, max_pages: int | None = None, lang: str = "vie") -> list[PageText]:
    """Text of every page; pages without a usable text layer are OCRed when `ocr` is on."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise AcquisitionError("not-pdf", "not a PDF: the file does not start with %PDF")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer's many exception types
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise AcquisitionError("password", "password-protected PDF: it cannot be opened without its password") from exc
        raise AcquisitionError("damaged", f"damaged or truncated PDF ({type(cause).__name__}: {cause})") from exc
    pages: list[PageText] = []
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:  # pdfminer raises many kinds on broken page trees
            raise AcquisitionError("damaged", f"damaged or truncated PDF ({type(exc).__name__}: {exc})") from exc
        if max_pages is not None and count > max_pages:
            raise AcquisitionError("too-many-pages", f"{count} pages, more than the limit of {max_pages} (--max-pages)")
        for index, page in enumerate(pdf.pages):
            try:
                text = unicodedata.normalize("NFC", page_text(page))
            except Exception as exc:
                raise AcquisitionError("damaged", f"page {index + 1} cannot be read ({type(exc).__name__}: {exc})") from exc
            if _letters(text) >= MIN_LETTERS or not page.images or not ocr:
                pages.append(PageText(index + 1, text, "text"))
                continue
            ocr_text, confidence = ocr_image(_render(data, index), lang=lang)
            pages.append(PageText(index + 1, unicodedata.normalize("NFC", ocr_text), "ocr", confidence))
    return pages
