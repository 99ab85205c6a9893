"""OCR of page images through an engine: preparation, orientation, and the pages
of one file read in parallel, where one page that fails or hangs costs that page
only (its PageText says so), never the file."""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import nullcontext

from PIL import Image

from .model import BLANK, FAILED, LOW_RESOLUTION, AcquireOptions, AcquisitionError, OcrEngine, PageText, Reading
from .preprocess import prepare
from .tesseract import Tesseract

# A first pass below this mean confidence makes us ask the engine's orientation
# detection whether the page is sideways or upside down.
CHECK_ORIENTATION_BELOW = 0.7
# ... or this, on a page wider than tall (a portrait page turned sideways): on small print
# the Vietnamese-script model reads a sideways page as gibberish with 0.70 confidence (a
# 110 dpi letter); the upright wide picture of dev 13 p1 reads at 0.90. OSD costs about a
# third of a page's OCR, so it is not asked of every wide page.
CHECK_WIDE_BELOW = 0.8
# A page still running this long after its time limit is given up for lost (an
# engine that ignores its limit); its thread is left to finish on its own.
GIVE_UP_FACTOR, GIVE_UP_GRACE = 2, 1.0  # × page_timeout, + seconds


def engine_for(options: AcquireOptions) -> OcrEngine:
    return options.engine or Tesseract(options.lang)


def ocr_image(image: Image.Image, engine: OcrEngine, timeout: float = 180) -> Reading:
    """The text of one page image, prepared for OCR (preprocess.prepare); a page
    that reads badly (or not well, when it lies wider than tall) is turned upright
    if the engine finds it rotated and it reads better so."""
    prepared = prepare(image)
    reading = engine.recognise(prepared, timeout)
    below = CHECK_ORIENTATION_BELOW if prepared.width <= prepared.height else CHECK_WIDE_BELOW
    if reading.confidence is None or reading.confidence < below:
        rotation = engine.rotation(prepared)
        if rotation:
            # Prepared again upright: the skew found on a sideways page is meaningless.
            upright = image.rotate(-rotation, expand=True)
            upright.info = dict(image.info)
            turned = engine.recognise(prepare(upright), timeout)
            if (turned.confidence or 0) > (reading.confidence or 0):
                reading = turned
    return reading._replace(low_resolution=prepared.info["content_dpi"] < LOW_RESOLUTION)


def ocr_pages(images: Iterable[tuple[int, Image.Image]], options: AcquireOptions) -> dict[int, Reading | AcquisitionError]:
    """OCR each (index, image), up to `options.page_jobs` at a time, each inside an
    OCR slot. `images` is consumed here, one by one (a PDF's pages cannot be read
    from several threads), and at most twice page_jobs images wait in memory.
    A page whose OCR raises or outlives its limit gets the error as its outcome;
    an engine that cannot run at all fails the file (AcquisitionError)."""
    engine = engine_for(options)
    reason = engine.missing()
    if reason:
        raise AcquisitionError("ocr-unavailable", reason)
    slots = options.ocr_slots
    started: dict[int, float] = {}

    def read(index: int, image: Image.Image) -> Reading:
        with slots.slot() if slots is not None else nullcontext():
            started[index] = time.monotonic()
            return ocr_image(image, engine, options.page_timeout)

    give_up_after = GIVE_UP_FACTOR * options.page_timeout + GIVE_UP_GRACE
    outcomes: dict[int, Reading | AcquisitionError] = {}
    pending: dict = {}

    def collect(block: bool) -> None:
        done, _ = wait(pending, timeout=1.0 if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            index = pending.pop(future)
            try:
                outcomes[index] = future.result()
            except AcquisitionError as exc:
                if exc.kind == "ocr-unavailable":
                    raise
                outcomes[index] = exc
            except Exception as exc:  # a crash of the engine on this page
                outcomes[index] = AcquisitionError("ocr-failed", f"OCR failed on this page ({type(exc).__name__}: {exc})")
        now = time.monotonic()
        for future, index in list(pending.items()):
            if index in started and now - started[index] > give_up_after:
                del pending[future]
                outcomes[index] = AcquisitionError(
                    "timeout", f"OCR took longer than {options.page_timeout:g} s on this page and was given up")

    pool = ThreadPoolExecutor(max_workers=options.page_jobs)
    try:
        for index, image in images:
            while len(pending) >= 2 * options.page_jobs:
                collect(block=True)
            pending[pool.submit(read, index, image)] = index
        while pending:
            collect(block=True)
    finally:
        # On an error or a time limit, pages not started are dropped, not waited for.
        pool.shutdown(wait=False, cancel_futures=True)
    return outcomes


def ocr_page_text(number: int, outcome: Reading | AcquisitionError, decision: str, reason: str) -> PageText:
    """The PageText of an OCRed page: `decision` and `reason` when OCR read text,
    else BLANK (nothing to read) or FAILED (why)."""
    if isinstance(outcome, AcquisitionError):
        return PageText(number, "", "ocr", decision=FAILED, reason=f"{reason}; {outcome}")
    if not outcome.text.strip():
        return PageText(number, "", "ocr", decision=BLANK, reason=f"{reason}; OCR found no text")
    reason = f"{reason}; {outcome.note}" if outcome.note else reason
    return PageText(number, outcome.text, "ocr", outcome.confidence, outcome.doubtful, decision, reason,
                    outcome.low_resolution)
