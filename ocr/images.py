"""Image inputs: PNG, JPEG and (multi-page) TIFF scans."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PIL import Image, ImageSequence, UnidentifiedImageError

from .model import AcquisitionError, PageText
from .tesseract import ocr_image


def read_image(data: bytes, *, max_pages: int | None = None, lang: str = "vie",
               ocr_slot: Callable[[], AbstractContextManager] = nullcontext) -> list[PageText]:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise AcquisitionError("too-large", f"image too large to process safely ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise AcquisitionError("not-image", f"not a readable image ({exc})") from exc
    frames = getattr(image, "n_frames", 1)
    if max_pages is not None and frames > max_pages:
        raise AcquisitionError("too-many-pages", f"{frames} pages, more than the limit of {max_pages} (--max-pages)")
    pages = []
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        with ocr_slot():
            text, confidence, doubtful = ocr_image(frame.convert("RGB"), lang=lang)
        pages.append(PageText(index + 1, text, "ocr", confidence, doubtful))
    return pages
