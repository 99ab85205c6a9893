"""Each preparation step of ocr/preprocess.py switched off (or forced) in turn, on the
hand-transcribed real scan pages of ../shared/dev/pdf: syllables right in the raw OCR of
the page's embedded image (../shared/eval/score_restore.py), before any restoration.

    python bench/preparation_steps.py [--out bench/preparation-steps.md]

The image is the page's largest embedded picture at its own resolution (`pdfimages`),
as the pipeline reads a scanned page; the text layer of a mixed page is not in it, so
a mixed page's figures are lower than its final text's. Reads ../shared and says so
when it is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image

from eval_dev import PAGE_GOLD, SHARED, syllables_right
from ocr import preprocess
from ocr.model import AcquireOptions
from ocr.scan import engine_for, ocr_image

# Each variant: the preprocess names it changes, and their values.
VARIANTS = {
    "every step, as shipped": {},
    "no seal/stamp colour removal": {"remove_stamp": lambda image: image},
    "no deskew": {"skew_angle": lambda gray: 0.0},
    "median filter never": {"SPECKLED": math.inf},
    "median filter on every page": {"SPECKLED": -1.0},
    "no enlarging of small print": {"UPSCALE_BELOW": 0},
    "no deblurring of blurred small print": {"BLURRED": 0.0},
    "deblurring of every enlarged page": {"BLURRED": math.inf},
}


def page_image(pdf: Path, page: int, scratch: Path) -> Image.Image:
    """The page's largest embedded image, with the resolution it is placed at."""
    listing = subprocess.run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
                             capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    rows = [line.split() for line in listing if line.split()[2] == "image"]
    largest = max(range(len(rows)), key=lambda i: int(rows[i][3]) * int(rows[i][4]))
    prefix = scratch / f"{pdf.stem}p{page}"
    subprocess.run(["pdfimages", "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix)], check=True)
    image = Image.open(sorted(scratch.glob(f"{prefix.name}-*.png"))[largest])
    image.load()
    image.info["dpi"] = (float(rows[largest][12]), float(rows[largest][13]))
    return image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "preparation-steps.md")
    args = parser.parse_args()
    golds = sorted((SHARED / "dev" / "pdf").glob("*.gt.txt"))
    if not golds or not (SHARED / "eval" / "score_restore.py").is_file():
        print(f"No transcribed pages at {SHARED}/dev/pdf (and eval/score_restore.py): nothing to measure.")
        return
    engine = engine_for(AcquireOptions())
    rows = []
    with tempfile.TemporaryDirectory(prefix="decrees-steps-") as scratch:
        pages = {}
        for gold in golds:
            number, page = PAGE_GOLD.fullmatch(gold.name).groups()
            pages[f"{number}p{page}"] = (page_image(gold.parent / f"{number}.pdf", int(page), Path(scratch)), gold)
        for name, changes in VARIANTS.items():
            shipped = {key: getattr(preprocess, key) for key in changes}
            for key, value in changes.items():
                setattr(preprocess, key, value)
            started = time.perf_counter()
            texts = [ocr_image(image, engine).text for image, _ in pages.values()]
            seconds = time.perf_counter() - started
            for key, value in shipped.items():
                setattr(preprocess, key, value)
            right = []
            for (page, (_, gold)), text in zip(pages.items(), texts):
                hypothesis = Path(scratch) / f"{page}.ocr.txt"
                hypothesis.write_text(text, encoding="utf-8")
                right.append(float(syllables_right(gold, hypothesis)))
            rows.append((name, right, seconds))
            print(name, " ".join(f"{r:.1%}" for r in right), flush=True)
    lines = ["# Preparation steps on the transcribed scan pages",
             "", f"Measured {dt.date.today().isoformat()} on {platform.machine()} (Python "
             f"{platform.python_version()}) with `make eval-steps`: raw OCR of each page's embedded image, "
             "syllables right (score_restore.py), one step changed at a time.", "",
             "| preparation | " + " | ".join(pages) + " | mean | seconds |", "|---|" + "---|" * (len(pages) + 2)]
    lines += [f"| {name} | " + " | ".join(f"{r:.1%}" for r in right) + f" | {sum(right) / len(right):.1%} | {secs:.0f} |"
              for name, right, secs in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
