"""Cleaning a scanned page before OCR: stamp colour, skew, speckle, blur."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageOps

# A pixel is stamp ink when red exceeds both other channels by this much.
STAMP_MARGIN = 60
# Skew is searched within ±MAX_SKEW degrees (by whole degrees, then quarters)
# and corrected from MIN_SKEW up.
MAX_SKEW, MIN_SKEW = 5, 0.4
# Measured on generated pages at 72-200 dpi, clean and speckled (noise, blur, seal):
# a 3×3 median filter rescues speckled pages (110 dpi: 79% -> 94% of syllables
# right; 200 dpi: 92% -> 98%) but eats the thin strokes of clean low-resolution
# ones (110 dpi: 99% -> 74%); enlarging helps clean pages below 100 dpi only
# (72 dpi: 94% -> 96%) and harms speckled ones at any resolution.
SPECKLED = 0.02  # share of ink pixels that are isolated dots: clean pages < 0.005, scanner speckle > 0.08
UPSCALE_BELOW, UPSCALE_TO = 100, 300  # dpi
A4_SHORT_SIDE = 8.27  # inches: the resolution of an image that does not say its own
# Pixels one page image may have when it is prepared and OCRed (A4 at 500 dpi: 24 MP).
# Preparing takes up to about 15 bytes a pixel, so a page stays within 400 MB; larger
# images are reduced to fit, and a small image is never enlarged more than MAX_UPSCALE.
PAGE_PIXELS = 25_000_000
MAX_UPSCALE = 4
# A page below UPSCALE_BELOW dpi whose edges are BLURRED (edge_sharpness) has a Gaussian
# blur of DEBLUR_SIGMA pixels undone before it is enlarged (Wiener deconvolution, noise
# to signal DEBLUR_NOISE). Its edge sharpness is 0.36, that of phone photos (blur 0.6 px)
# 1.2-1.3, of 100 dpi scans 1.4, of the ~96 dpi dev scans 2.2. Measured on phone photos of
# training text (576x960, 70 dpi print, blur 1.1 px, JPEG 70), syllables right after the
# `-l vie` correction, against the unsharp mask shipped before (1.5 px at 250% after
# enlarging): 16 pages 96.39% -> 97.29%, 8 other pages 96.68% -> 97.09%; the sigma
# estimated per page from its edges instead (sharpness falls about as sigma^-3.4) reads
# worse on blurrier pages (blur 1.25 px: 79.5% -> 71.6%), a stronger deconvolution
# makes noise into strokes (sigma 1.35: 94.8%; noise 0.045: 96.3%), a weaker one
# reads about the same (sigma 1.05-1.1, noise 0.015-0.03: 96.8-97.2%). Slightly blurred
# pages (0.9 px) read the same deblurred as sharpened (98.1% / 98.2%). Sharp photos read
# 1 point worse sharpened, so only blurred pages.
BLURRED, DEBLUR_SIGMA, DEBLUR_NOISE = 0.8, 1.2, 0.02
_DEBLUR_PAD = 16  # pixels of repeated edge around the page, so the deconvolution does not wrap one side onto the other


def within_budget(image: Image.Image) -> Image.Image:
    """The image, reduced by a whole factor if it has more than PAGE_PIXELS (its dpi with it)."""
    factor = math.ceil(math.sqrt(image.width * image.height / PAGE_PIXELS))
    if factor <= 1:
        return image
    reduced = image.reduce(factor)
    reduced.info = {**image.info, "dpi": tuple(d / factor for d in image.info.get("dpi", ()))}
    if not reduced.info["dpi"]:
        del reduced.info["dpi"]
    return reduced


def _stamp_pixels(pixels: np.ndarray) -> np.ndarray:
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return (red - np.maximum(green, blue) > STAMP_MARGIN) & (red > 120)


def remove_stamp(image: Image.Image) -> Image.Image:
    """Turn the red of a seal into paper: black text under it stays black."""
    if image.mode != "RGB" or not _stamp_pixels(np.asarray(image.reduce(8)).astype(np.int16)).any():
        return image
    pixels = np.asarray(image).astype(np.int16)
    stamp = _stamp_pixels(pixels)
    cleaned = pixels.copy()
    cleaned[stamp] = 255
    return Image.fromarray(cleaned.astype(np.uint8), "RGB")


def skew_angle(gray: Image.Image) -> float:
    """The page's skew in degrees: the angle at which text lines give the sharpest
    row profile, searched on a reduced, binarised copy, coarse then fine."""
    small = gray.reduce(max(1, gray.width // 500))
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype(np.uint8), "L")

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(range(-MAX_SKEW, MAX_SKEW + 1), key=sharpness)
    return max((coarse + step / 4 for step in range(-3, 4)), key=sharpness)


def median_3x3(gray: Image.Image) -> Image.Image:
    """3×3 median filter: the median of the nine shifted copies of the page through
    a 19-exchange sorting network, in numpy (3× faster than Pillow's MedianFilter,
    same pixels; the border keeps its own)."""
    pixels = np.asarray(gray)
    height, width = pixels.shape
    if height < 3 or width < 3:
        return gray
    shifted = [pixels[dy:height - 2 + dy, dx:width - 2 + dx] for dy in range(3) for dx in range(3)]
    for i, j in _MEDIAN_OF_9:
        shifted[i], shifted[j] = np.minimum(shifted[i], shifted[j]), np.maximum(shifted[i], shifted[j])
    filtered = pixels.copy()
    filtered[1:-1, 1:-1] = shifted[4]
    return Image.fromarray(filtered, "L")


# The exchanges that leave the median of nine values in position 4.
_MEDIAN_OF_9 = [(1, 2), (4, 5), (7, 8), (0, 1), (3, 4), (6, 7), (1, 2), (4, 5), (7, 8), (0, 3), (5, 8), (4, 7),
                (3, 6), (1, 4), (2, 5), (4, 7), (4, 2), (6, 4), (4, 2)]


def speckle_share(gray: Image.Image) -> float:
    """Share of the ink pixels (dark) whose eight neighbours are all paper: speckle."""
    ink = np.asarray(gray) < 128
    padded = np.pad(ink, 1)
    height, width = ink.shape
    neighbours = np.zeros(ink.shape, np.uint8)
    for dy in range(3):
        for dx in range(3):
            if dy != 1 or dx != 1:
                neighbours += padded[dy:dy + height, dx:dx + width]
    return float((ink & (neighbours == 0)).sum() / max(1, ink.sum()))


def edge_sharpness(gray: Image.Image) -> float:
    """Energy of the Laplacian over that of the gradient: the steeper a page's edges
    (in pixels), the higher, whatever the amount of text; on phone photos blurred by
    0.8-1.4 pixels it falls about as σ^-3.4."""
    pixels = np.asarray(gray, np.float32)
    centre = pixels[1:-1, 1:-1]
    left, right, up, down = pixels[1:-1, :-2], pixels[1:-1, 2:], pixels[:-2, 1:-1], pixels[2:, 1:-1]
    gradient = float(np.square(right - left).sum() + np.square(down - up).sum())
    return float(np.square(left + right + up + down - 4 * centre).sum()) / gradient if gradient else math.inf


def deblurred(gray: Image.Image) -> Image.Image:
    """The page with a Gaussian blur of DEBLUR_SIGMA pixels undone: each spatial
    frequency divided by the share of it the blur kept, damped (Wiener) where that
    share is small against DEBLUR_NOISE."""
    pixels = np.pad(np.asarray(gray, np.float32) / 255, _DEBLUR_PAD, mode="edge")
    rows = np.fft.fftfreq(pixels.shape[0])[:, None]
    columns = np.fft.rfftfreq(pixels.shape[1])[None, :]
    kept = np.exp(-2 * (math.pi * DEBLUR_SIGMA) ** 2 * (rows ** 2 + columns ** 2))  # the blur's transfer function
    restored = np.fft.irfft2(np.fft.rfft2(pixels) * kept / (kept ** 2 + DEBLUR_NOISE), s=pixels.shape)
    restored = restored[_DEBLUR_PAD:-_DEBLUR_PAD, _DEBLUR_PAD:-_DEBLUR_PAD]
    return Image.fromarray(np.clip(restored * 255, 0, 255).astype(np.uint8), "L")


def _resolution(image: Image.Image) -> float:
    """The image's dpi: as it says, if that makes it a page of 4 to 14 inches (many
    files say 72 whatever they hold), else as if its short side were A4's."""
    guess = min(image.size) / A4_SHORT_SIDE
    stated = image.info.get("dpi", (0,))[0]
    return float(stated) if stated and 4 <= min(image.size) / stated <= 14 else guess


def prepare(image: Image.Image) -> Image.Image:
    """Stamp colour removed, grayscale, deskewed (bilinear rotation reads as well as
    bicubic here at half the time); then a 3×3 median filter if the page is
    speckled, or, if it is clean and below UPSCALE_BELOW dpi (info["dpi"], else
    guessed from an A4 width), deblurred if it is BLURRED and enlarged to
    UPSCALE_TO dpi; never more than PAGE_PIXELS."""
    prepared = _prepare(image)
    # What the print's resolution was, for the engine's choice of model (Tesseract.recognise).
    prepared.info["content_dpi"] = image.info.get("content_dpi") or _resolution(image)
    return prepared


def _prepare(image: Image.Image) -> Image.Image:
    image = within_budget(image)
    dpi = _resolution(image)
    gray = ImageOps.grayscale(remove_stamp(image.convert("RGB") if image.mode not in ("RGB", "L") else image))
    speckled = speckle_share(gray) > SPECKLED
    angle = skew_angle(gray)
    if abs(angle) >= MIN_SKEW:
        gray = gray.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)
    if speckled:
        return median_3x3(gray)
    if dpi < UPSCALE_BELOW:
        if edge_sharpness(gray) < BLURRED:
            gray = deblurred(gray)
        scale = min(UPSCALE_TO / dpi, MAX_UPSCALE, math.sqrt(PAGE_PIXELS / (gray.width * gray.height)))
        return gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.LANCZOS)
    return gray
