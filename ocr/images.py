"""Image inputs: PNG, JPEG and (multi-page) TIFF scans."""

from __future__ import annotations

import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from .model import NOT_OCRED, OCR, AcquireOptions, AcquisitionError, PageText
from .scan import ocr_page_text, ocr_pages


def read_image(data: bytes, options: AcquireOptions) -> list[PageText]:
    try:
        image = Image.open(io.BytesIO(data))
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
    outcomes = ocr_pages(((i, frame.convert("RGB")) for i, frame in enumerate(ImageSequence.Iterator(image))), options)
    return [ocr_page_text(i + 1, outcomes[i], OCR, "an image") for i in range(frames)]
