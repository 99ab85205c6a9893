"""Image inputs: PNG, JPEG and (multi-page) TIFF scans."""

from __future__ import annotations

import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from .model import NOT_OCRED, OCR, AcquireOptions, AcquisitionError, PageText
from .preprocess import within_budget
from .scan import ocr_page_text, ocr_pages

# Bytes one image (one frame of a TIFF) may take decoded: a 600 dpi A3 colour scan
# (7016 × 9921 × 3) fits. Its size is read from the header before anything is decoded.
DECODE_BYTES = 256 << 20


def _check_size(frame: Image.Image) -> None:
    decoded = frame.width * frame.height * len(frame.getbands())
    if decoded > DECODE_BYTES:
        raise AcquisitionError("too-large", f"an image of {frame.width} × {frame.height} pixels: "
                                            f"more than {DECODE_BYTES >> 20} MB decoded")


def _frames(image: Image.Image):
    """(index, frame in RGB within the pixel budget), each frame's size checked before it is decoded."""
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        _check_size(frame)
        yield index, within_budget(frame.convert("RGB"))


def read_image(data: bytes, options: AcquireOptions) -> list[PageText]:
    try:
        image = Image.open(io.BytesIO(data))
        _check_size(image)
        image.load()
    except Image.DecompressionBombError as exc:
        raise AcquisitionError("too-large", f"image too large to process safely ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise AcquisitionError("not-image", f"not a readable image ({exc})") from exc
    frames = getattr(image, "n_frames", 1)
    if options.max_pages is not None and frames > options.max_pages:
        raise AcquisitionError("too-many-pages", f"{frames} pages, more than the limit of {options.max_pages} (--max-pages)")
    if not options.ocr:
        return [PageText(i + 1, "", "ocr", decision=NOT_OCRED, reason="an image; OCR is turned off")
                for i in range(frames)]
    outcomes = ocr_pages(_frames(image), options)
    return [ocr_page_text(i + 1, outcomes[i], OCR, "an image") for i in range(frames)]
