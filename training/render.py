"""Render Vietnamese text as a text PDF or as a scanned page, for tests and benchmarks.

Tests must run the real PDF reader and the real Tesseract on real files; these
helpers make such files from known text, so the truth is known too.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS = FONT_DIR / "DejaVuSans.ttf"
SERIF = FONT_DIR / "DejaVuSerif.ttf"


def text_to_pdf(text: str, path: Path, font: Path = SANS) -> Path:
    """A text PDF of `text`: one paragraph per line, tab-separated runs as ruled tables."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.add_font("Body", fname=str(font))
    pdf.set_font("Body", size=11)
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            pdf.set_font("Body", size=9)
            with pdf.table(first_row_as_headings=False, line_height=5) as table:
                for cells in rows:
                    row = table.row()
                    for cell in cells + [""] * (width - len(cells)):
                        row.cell(cell)
            pdf.set_font("Body", size=11)
            continue
        if lines[i].strip():
            pdf.multi_cell(0, 6, lines[i].strip(), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
        i += 1
    pdf.output(str(path))
    return path


def wrap(lines: list[str], face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break lines that are wider than `width` pixels at spaces."""
    wrapped = []
    for line in lines:
        words, current = line.split(" "), ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and face.getlength(candidate) > width:
                wrapped.append(current)
                current = word
            else:
                current = candidate
        wrapped.append(current)
    return wrapped


def render_page(lines: list[str], dpi: int = 200, font: Path = SERIF, size_pt: float = 12) -> tuple[Image.Image, list[str]]:
    """An A4 page image with `lines` typeset at `dpi` (black on white), and the
    lines as they were set (wrapped to the page, cut at its foot)."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(str(font), int(size_pt * dpi / 72))
    x, y = int(0.9 * dpi), int(0.8 * dpi)
    step = int(size_pt * dpi / 72 * 1.5)
    placed = []
    for line in wrap(lines, face, width - 2 * x):
        if y > height - dpi:
            break
        draw.text((x, y), line, font=face, fill=0)
        placed.append(line)
        y += step
    return page, placed


def render_decree_page(left: list[str], right: list[str], body: list[str], dpi: int = 200,
                       font: Path = SERIF, size_pt: float = 12) -> Image.Image:
    """A page laid out like a decree: the issuing body and number in the left column,
    the national motto and place and date in the right one, centred, then the body."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(str(font), int(size_pt * dpi / 72))
    margin, step = int(0.8 * dpi), int(size_pt * dpi / 72 * 1.5)
    centres = (margin + int(1.4 * dpi), width - margin - int(2.0 * dpi))
    for column, centre in zip((left, right), centres):
        y = int(0.8 * dpi)
        for line in column:
            draw.text((centre - face.getlength(line) / 2, y), line, font=face, fill=0)
            y += step
    y = int(0.8 * dpi) + step * (max(len(left), len(right)) + 1)
    for line in wrap(body, face, width - 2 * margin):
        if y > height - dpi:
            break
        draw.text((margin, y), line, font=face, fill=0)
        y += step
    return page


def degrade(page: Image.Image, *, noise: float = 0.02, blur: float = 0.6, skew: float = 0.0,
            seed: int = 0) -> Image.Image:
    """What a scanner does to a page: speckle noise, blur and a small rotation."""
    rng = random.Random(seed)
    image = page.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255) if skew else page.copy()
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = image.load()
    w, h = image.size
    for _ in range(int(w * h * noise)):
        px, py = rng.randrange(w), rng.randrange(h)
        pixels[px, py] = rng.choice((0, 96, 160, 255))
    return image


def add_seal(image: Image.Image) -> Image.Image:
    """A red seal over the signature block, as on signed decrees."""
    colour = image.convert("RGB")
    draw = ImageDraw.Draw(colour)
    w, h = colour.size
    draw.ellipse((w * 0.45, h * 0.05, w * 0.8, h * 0.2), outline=(220, 30, 30), width=max(2, w // 140))
    draw.ellipse((w * 0.5, h * 0.08, w * 0.75, h * 0.17), fill=(235, 60, 60))
    return colour


def image_to_pdf(images: list[Image.Image], path: Path, dpi: int) -> Path:
    """An image-only PDF (a scan without a text layer) of the page images, stored as
    scanners store them: 1-bit pages as CCITT fax, greyscale and colour ones as JPEG."""
    # One mode a document (Pillow fails on some mixtures): theirs when they share one, else colour.
    modes = {im.mode for im in images}
    mode = modes.pop() if len(modes) == 1 and modes <= {"1", "L", "RGB"} else "RGB"
    first, *rest = [im.convert(mode) for im in images]
    quality = {} if mode == "1" else {"quality": 95}  # Pillow refuses a JPEG quality for CCITT pages
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest, **quality)
    return path


def scan_with_text_layer(image: Image.Image, layer: str, path: Path, dpi: int) -> Path:
    """A one-page scan with an invisible text layer, as OCR software leaves it
    behind: `layer` is that software's reading of the page."""
    from fpdf import FPDF
    from fpdf.enums import TextMode

    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    pdf = FPDF(unit="pt", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.image(image.convert("RGB"), 0, 0, width, height)
    pdf.text_mode = TextMode.INVISIBLE
    pdf.set_font("helvetica", size=10)
    lines = layer.splitlines() or [""]
    for number, line in enumerate(lines):
        pdf.text(36, 40 + number * (height - 80) / len(lines), line)
    pdf.output(str(path))
    return path


# The kinds of real scans the pipeline is judged on, each with the resolution its
# page is typeset at before the damage: a phone photo of an A4 letter (about
# 576x960 px, JPEG quality about 70, slight blur), the same photo blurred, a photo
# taken askew, a 1-bit fax-like page at 200 dpi, and a 100 dpi greyscale scan.
SCAN_KINDS = ("phone_photo", "blurred_photo", "rotated_photo", "fax", "scan_100dpi")


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def _photo(page: Image.Image, blur: float, angle: float, seed: int) -> Image.Image:
    """A phone photo of a printed page: the page filling the width of a 576x960
    frame on a grey table, uneven light, rotated by `angle`, blurred, JPEG 70."""
    rng = random.Random(seed)
    width = 576
    scaled = page.resize((width - 16, round(page.height * (width - 16) / page.width)), Image.LANCZOS)
    frame = Image.new("L", (width, 960), 110)
    frame.paste(scaled, (8, (960 - scaled.height) // 2))
    if angle:
        frame = frame.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=110)
    light = Image.linear_gradient("L").resize(frame.size).point(lambda v: 200 + v * 55 // 255)
    frame = Image.composite(frame, light, frame.point(lambda v: 255 if v < 250 else 0))
    frame = frame.filter(ImageFilter.GaussianBlur(blur))
    pixels = frame.load()
    for _ in range(frame.width * frame.height // 50):
        x, y = rng.randrange(frame.width), rng.randrange(frame.height)
        pixels[x, y] = max(0, min(255, pixels[x, y] + rng.randint(-25, 25)))
    return _jpeg(frame.convert("RGB"), 70)


def real_looking_scan(lines: list[str], kind: str, seed: int = 0) -> tuple[Image.Image, list[str], int]:
    """A page of `lines` damaged the way `kind` (one of SCAN_KINDS) damages real
    pages: the image, the lines it shows, and the resolution to tell Tesseract."""
    if kind in ("phone_photo", "blurred_photo", "rotated_photo"):
        page, placed = render_page(lines, dpi=150)
        blur, angle = {"phone_photo": (0.6, 0.0), "blurred_photo": (1.1, 0.0), "rotated_photo": (0.6, 3.0)}[kind]
        return _photo(page, blur, angle, seed), placed, 70
    if kind == "fax":
        page, placed = render_page(lines, dpi=200)
        grey = degrade(page, noise=0.004, blur=0.8, skew=0.7, seed=seed)
        return grey.point(lambda v: 255 if v > 150 else 0).convert("1"), placed, 200
    if kind == "scan_100dpi":
        page, placed = render_page(lines, dpi=100)
        return _jpeg(degrade(page, noise=0.005, blur=0.5, skew=0.5, seed=seed).convert("RGB"), 85), placed, 100
    raise ValueError(f"unknown scan kind {kind!r}; expected one of {', '.join(SCAN_KINDS)}")
