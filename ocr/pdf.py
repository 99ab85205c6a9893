"""PDF pages: the text layer where it is real text, OCR where it is not."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import unicodedata
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .layout import Word, arrange, lines_of
from .model import LOW_RESOLUTION, MIXED, NOT_OCRED, OCR, RE_OCR, TEXT_LAYER, AcquireOptions, AcquisitionError, PageText
from .preprocess import PAGE_PIXELS
from .scan import ocr_page_text, ocr_pages

# A page with fewer letters than this in its text layer is treated as a scan.
MIN_LETTERS = 40
RENDER_DPI = 300
REOPEN_EVERY = 50  # pages


def _cell(text: str | None) -> str:
    return " ".join((text or "").split())


def page_text(page, extra_words: list[Word] = ()) -> str:
    """Text of a pdfplumber page in reading order (side-by-side header columns as
    blocks, layout.arrange), tables as tab-separated rows; `extra_words` are
    placed among the page's own (a number stamped in a signature widget)."""
    return "\n".join(text for _, text in page_lines(page, extra_words))


def page_lines(page, extra_words: list[Word] = ()) -> list[tuple[float, str]]:
    """(top, text) of each line of page_text."""
    tables = page.find_tables()
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    words = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in outside.extract_words()]
    lines = [(line.top, " ".join(w.text for w in line.words)) for line in arrange(lines_of(words + list(extra_words)))]
    for table in tables:
        for row, cells in zip(table.rows, table.extract()):
            # before the first line below it: the arranged lines keep their order
            at = next((i for i, (top, _) in enumerate(lines) if top > row.bbox[1]), len(lines))
            lines.insert(at, (row.bbox[1], "\t".join(_cell(c) for c in cells)))
    return lines


# A signature widget's word that is a number of up to six digits is the document's
# number or day, stamped when the number was issued; the widgets' other words
# (signer, office, time of signing) are not the document's text.
_STAMPED_NUMBER = re.compile(r"\d{1,6}")
_BBOX_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def widget_numbers(path: Path, page) -> list[Word]:
    """Numbers drawn in the appearances of the page's signature widgets, which
    pdfplumber and PDFium leave out; read with poppler's pdftotext (which draws
    annotation appearances), nothing where it is not installed."""
    try:
        widgets = [a for a in page.annots if str((a.get("data") or {}).get("Subtype")) in ("/'Widget'", "Widget")]
    except Exception:  # pdfminer's many errors on broken annotation trees: then no widget is read
        return []
    if not widgets or shutil.which("pdftotext") is None:
        return []
    number = str(page.page_number)
    try:
        html = subprocess.run(["pdftotext", "-bbox", "-f", number, "-l", number, str(path), "-"],
                              capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    words = [Word(text, float(x0), float(top), float(x1), float(bottom))
             for x0, top, x1, bottom, text in _BBOX_WORD.findall(html)]
    return [w for w in words if _STAMPED_NUMBER.fullmatch(w.text) and any(
        a["x0"] - 1 <= w.x0 and w.x1 <= a["x1"] + 1 and a["top"] - 1 <= w.top and w.bottom <= a["bottom"] + 1
        for a in widgets)]


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _each_page(path: Path, indexes: list[int]):
    """(index, page) for the pages at `indexes`, each page closed after use. PDFium
    keeps every page and image stream it parsed until the document closes (about
    1 MB a scanned page): the document is reopened every REOPEN_EVERY pages, so
    a long scan's memory stays bounded."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        for count, index in enumerate(indexes):
            if count and count % REOPEN_EVERY == 0:
                document.close()
                document = pdfium.PdfDocument(path)
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:  # a page tree that loops or points nowhere
                raise AcquisitionError("damaged", f"page {index + 1} cannot be loaded: damaged page tree ({exc})") from exc
            try:
                yield index, page
            finally:
                page.close()
    finally:
        document.close()


def _page_image(page, facts: _Facts, pictures_only: bool):
    """The image to OCR for a page, its resolution in info["dpi"], that of the print
    on it in info["content_dpi"]: its single embedded scan at native resolution
    (re-rendering a 200 dpi scan at 300 dpi gave identical text 14x slower), else
    the page rendered at RENDER_DPI, or lower for a page so large that it would have
    more than PAGE_PIXELS (a 200-inch page: 5 GB at 300 dpi); with `pictures_only`,
    the band its pictures fill (the text layer above and below them is kept as text)."""
    image = _scan_image(page)
    if image is None and pictures_only and facts.picture_dpi < LOW_RESOLUTION and (picture := _only_picture(page)):
        # Pictures of text at low resolution read best from their own pixels, enlarged by
        # preparation (~96 dpi dev pages, raw OCR: 79.7% / 83.2% of syllables from the
        # 300 dpi render, 84.5% / 86.7% from the picture).
        image = _native_image(picture)
    if image is None:
        points = max(1.0, page.get_width() * page.get_height())
        dpi = min(RENDER_DPI, 72 * math.sqrt(PAGE_PIXELS / points))
        scale = dpi / 72
        image = page.render(scale=scale).to_pil()
        if pictures_only:
            image = image.crop((0, round(facts.picture_top * scale), image.width, round(facts.picture_bottom * scale)))
        image.info["dpi"] = (dpi, dpi)
    image.info["content_dpi"] = facts.picture_dpi or image.info["dpi"][0]
    return image


def _full_page_image(page):
    """The page's image object when the page is one image that covers it (a scan), else None."""
    import pypdfium2.raw as pdfium_c

    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    if len(images) != 1:
        return None
    left, bottom, right, top = images[0].get_bounds()
    if (right - left) * (top - bottom) <= 0.8 * page.get_width() * page.get_height():
        return None
    return images[0]


def _scan_image(page):
    """The page's single embedded scan, at native resolution; None when the page is not one image."""
    scan = _full_page_image(page)
    return None if scan is None else _native_image(scan)


def _only_picture(page):
    """The page's one image object; None when it has none or several."""
    import pypdfium2.raw as pdfium_c

    pictures = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    return pictures[0] if len(pictures) == 1 else None


def _native_image(picture):
    """An image object's pixels as stored, its resolution as placed in info["dpi"]; None when unreadable."""
    import pypdfium2 as pdfium

    width, height = picture.get_px_size()
    if width * height > PAGE_PIXELS:
        return None  # not decoded whole: PDFium renders the page from it line by line
    try:
        bitmap = picture.get_bitmap(render=False)
    except pdfium.PdfiumError:
        return None
    image = bitmap.to_pil().copy()  # to_pil shares the bitmap's buffer; the copy outlives it
    # PDFium hands the caller this bitmap to destroy; left to the garbage collector,
    # 60 scan pages took 950 MiB, closed here 188 MiB. Safe: nothing uses its buffer now.
    bitmap.warn_on_close = False
    bitmap.close()
    left, _, right, _ = picture.get_bounds()
    dpi = round(image.width / ((right - left) / 72))
    image.info["dpi"] = (dpi, dpi)
    return image


def _open(path: Path):
    """The PDF as a pypdfium2 document, read from the file as needed (a 500-page
    scan is not held in memory); unusable files raise AcquisitionError. PDFs
    encrypted only against editing open with the empty password."""
    import pypdfium2 as pdfium

    with path.open("rb") as handle:
        if not handle.read(1024).lstrip()[:5].startswith(b"%PDF"):
            raise AcquisitionError("not-pdf", "not a PDF: the file does not start with %PDF")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise AcquisitionError("password", "password-protected PDF: it cannot be opened without its password") from exc
        raise AcquisitionError("damaged", f"damaged or truncated PDF ({exc})") from exc


@dataclass
class _Facts:
    """What PDFium tells of a page before anything is read (about 3 ms a page)."""

    letters: int  # in the text layer
    layer_share: float  # of the page covered by the text layer's boxes
    layer_over_pictures: float  # share of the text layer's boxes that lies over images
    scan: bool  # one image covers the page
    picture_share: float  # of the page covered by images
    picture_top: float  # points from the top of the page to its highest image
    picture_bottom: float  # … and to the lowest image's bottom
    picture_dpi: float  # resolution of its large images as placed (the lowest); 0 without any


def _overlap(a: tuple, b: tuple) -> float:
    """Area shared by two (left, bottom, right, top) boxes."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _area(box: tuple) -> float:
    return _overlap(box, box)


def _facts(page) -> _Facts:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_width(), page.get_height()
    textpage = page.get_textpage()
    letters = _letters(textpage.get_text_range())
    boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    textpage.close()
    pictures = [(image.get_bounds(), image.get_px_size())
                for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)]
    pictures = [(bounds, size) for bounds, size in pictures if _area(bounds) > 0]
    layer = sum(_area(box) for box in boxes)
    over_pictures = sum(min(_area(box), sum(_overlap(box, bounds) for bounds, _ in pictures)) for box in boxes)
    # The resolution of the print is that of the pictures that hold text, not of a logo.
    large = [(bounds, size) for bounds, size in pictures if _area(bounds) >= LARGE_PICTURE * width * height]
    return _Facts(letters, layer / (width * height), over_pictures / layer if layer else 0.0,
                  _full_page_image(page) is not None, min(1.0, sum(_area(b) for b, _ in pictures) / (width * height)),
                  min((height - bounds[3] for bounds, _ in pictures), default=0.0),
                  max((height - bounds[1] for bounds, _ in pictures), default=0.0),
                  min((size[0] / ((bounds[2] - bounds[0]) / 72) for bounds, size in large), default=0.0))


# A text layer on a scan that covers less than this share of the page is a stamp's
# or a note's (signature appearances, a receiver's routing note), not the page's text.
MIN_LAYER_SHARE = 0.02
# A page with a real text layer whose pictures cover this much of it holds pictures
# of text (Công báo pages whose body is an image): OCR them and keep the text layer.
MIXED_PICTURE_SHARE = 0.25
LARGE_PICTURE = 0.1  # of the page


def _decide(facts: _Facts, layer: str, options: AcquireOptions) -> tuple[str, str]:
    """What to do with a page, and why: read its text layer, OCR it, or both."""
    letters = facts.letters
    if letters and options.ocr and not facts.scan and facts.picture_share >= MIXED_PICTURE_SHARE \
            and facts.layer_over_pictures < 0.5:  # text over a picture: a background, not a picture of text
        return MIXED, (f"text layer with {letters} letters beside pictures covering {facts.picture_share:.0%} "
                       "of the page: the pictures OCRed, the text layer kept")
    if letters < MIN_LETTERS:
        found = f"{letters} letters in the text layer" if letters else "no text layer"
        return (OCR if options.ocr else NOT_OCRED), found + ("" if options.ocr else "; OCR is turned off")
    if not options.ocr:
        return TEXT_LAYER, f"text layer with {letters} letters; OCR is turned off"
    if facts.scan and facts.layer_share < MIN_LAYER_SHARE:
        return OCR, f"a scan whose text layer ({letters} letters) covers {facts.layer_share:.1%} of the page: a stamp's or a note's"
    if facts.scan and options.layer_judge is not None and not options.layer_judge.usable(layer):
        # Only on scans: where the garbled text is what the page shows, OCR would read the same.
        return RE_OCR, f"a scan whose text layer ({letters} letters) is garbled"
    return TEXT_LAYER, f"text layer with {letters} letters" + (" on a scan" if facts.scan else "")


def read_pdf(path: Path, options: AcquireOptions) -> list[PageText]:
    """Text of every page, each with the decision that gave it: the text layer,
    read with pdfplumber (whose table finder keeps tables as tab-separated rows),
    OCR of the page image for pages without a usable text layer, `page_jobs` at
    a time, or both on pages with pictures of text. A page whose OCR fails is an
    empty page that says why."""
    document = _open(path)
    count = len(document)
    document.close()
    if options.max_pages is not None and count > options.max_pages:
        raise AcquisitionError("too-many-pages", f"{count} pages, more than the limit of {options.max_pages} (--max-pages)")
    with closing(_each_page(path, list(range(count)))) as all_pages:
        facts = [_facts(page) for _, page in all_pages]
    with_text = [i for i, page in enumerate(facts)
                 if page.letters >= MIN_LETTERS or not options.ocr or (page.letters and page.picture_share >= MIXED_PICTURE_SHARE)]
    pages = [PageText(i + 1, "", "text") for i in range(count)]
    layer_lines = _read_text_layer(path, with_text, pages) if with_text else {}
    for index, page in enumerate(facts):
        pages[index].decision, pages[index].reason = _decide(page, pages[index].text, options)
    to_ocr = [i for i, page in enumerate(pages) if page.decision in (OCR, RE_OCR, MIXED)]
    with closing(_each_page(path, to_ocr)) as scans:
        outcomes = ocr_pages(((index, _page_image(page, facts[index], pages[index].decision == MIXED))
                              for index, page in scans), options)
    for index, outcome in outcomes.items():
        page = ocr_page_text(index + 1, outcome, pages[index].decision, pages[index].reason)
        if pages[index].decision == MIXED:  # the text layer is kept also where OCR failed
            page = _with_text_layer(page, layer_lines[index], facts[index])
        pages[index] = page
    return pages


def _with_text_layer(ocred: PageText, lines: list[tuple[float, str]], facts: _Facts) -> PageText:
    """A mixed page: the text layer's lines above the pictures, the OCR of the band of
    the page the pictures fill (lines of text beside them included), the lines below."""
    above = "".join(text + "\n" for top, text in lines if top < facts.picture_top)
    below = "".join("\n" + text for top, text in lines if top >= facts.picture_bottom)
    doubtful = [(start + len(above), end + len(above)) for start, end in ocred.doubtful]
    return PageText(ocred.number, above + ocred.text + below, "ocr", ocred.confidence, doubtful, ocred.decision,
                    ocred.reason, ocred.low_resolution)


def _read_text_layer(path: Path, indexes: list[int], pages: list[PageText]) -> dict[int, list[tuple[float, str]]]:
    """Read the text layer of the pages at `indexes` into `pages`; their lines with their tops."""
    import pdfplumber

    lines = {}
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfplumber wraps pdfminer's many exception types
        raise AcquisitionError("damaged", f"the text layer cannot be read ({type(exc).__name__}: {exc})") from exc
    with pdf:
        for index in indexes:
            try:
                page = pdf.pages[index]
                lines[index] = [(top, unicodedata.normalize("NFC", text))
                                for top, text in page_lines(page, widget_numbers(path, page))]
            except Exception as exc:
                raise AcquisitionError("damaged", f"page {index + 1} cannot be read ({type(exc).__name__}: {exc})") from exc
            pages[index] = PageText(index + 1, "\n".join(text for _, text in lines[index]), "text")
    return lines
