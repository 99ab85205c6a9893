"""Learn what OCR writes for each syllable, with and without a Vietnamese model.

    python -m training.ocr_channel [--pages 40] [--scan-pages 8]

Lines of the training laws (never the held-out ones) are rendered as page
images and read back with `tesseract -l eng`; the output is aligned with the
truth syllable by syllable. What is kept is, for each garbled form written
often enough (MIN_COUNT, MIN_SHARE), the syllables it stood for and how often
(`"ctia": {"của": 41}`): diacritics/data/channel.json. The restorer adds those
as candidates with a channel score from the learned probability.

Pages of training documents are also rendered as each kind of real-looking scan
(`render.SCAN_KINDS`) and read as the pipeline reads them (`ocr.acquire` of an
image-only PDF, `-l vie`); for every syllable read with the right letters, what
became of its tone and its letters' own marks is counted
(diacritics/data/marks.json, read by `diacritics.ocr_marks`). Needs Tesseract
with `eng` and `vie`.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from PIL import Image
from rapidfuzz.distance import Levenshtein

import ocr
from diacritics.syllables import GARBLED_TOKEN
from vietnamese.folding import strip_marks

from .language_model import DIACRITICS_DATA, training_documents, training_laws
from .render import SCAN_KINDS, image_to_pdf, real_looking_scan, render_page

CHANNEL = DIACRITICS_DATA / "channel.json"
MARKS = DIACRITICS_DATA / "marks.json"
SCAN_LINES = 40  # lines of a document put on one scanned page (what does not fit is cut)
# A reading is kept when seen this often, this large a share of the form's
# occurrences, and within this edit distance (more is misalignment, not OCR).
MIN_COUNT, MIN_SHARE, MAX_DISTANCE = 3, 0.2, 2


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in GARBLED_TOKEN.findall(text) if not w.isdigit()]


def pairs(pages: int, seed: int = 1) -> Counter:
    """(written, true) syllable pairs from `pages` rendered pages of training text."""
    import os
    import subprocess
    import tempfile

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pool = [line for law in training_laws() for line in law.splitlines() if len(line.split()) >= 8]
    lines = random.Random(seed).sample(pool, pages * 30)
    jobs = []
    for page in range(pages):
        image, placed = render_page(lines[page * 30:(page + 1) * 30], dpi=300)
        jobs.append((image, "\n".join(placed)))

    def read(job):
        image, truth = job
        with tempfile.NamedTemporaryFile(suffix=".png") as png:
            image.save(png.name)
            written = subprocess.run(["tesseract", png.name, "stdout", "-l", "eng"], capture_output=True, text=True,
                                     check=True).stdout
        return truth, written

    counts: Counter = Counter()
    with ThreadPoolExecutor(os.cpu_count() or 1) as executor:
        for truth, written in executor.map(read, jobs):
            for true, seen in aligned_syllables(truth, written):
                counts[seen, true] += 1
    return counts


def channel_table(counts: Counter) -> dict[str, dict[str, int]]:
    """Garbled forms and what they stood for, with "" giving how often each form was
    written in all: the channel probability of a reading is its count over that."""
    written: Counter = Counter()
    for (seen, _), n in counts.items():
        written[seen] += n
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for (seen, true), n in counts.items():
        plain_seen, plain_true = strip_marks(seen), strip_marks(true)
        if (n >= MIN_COUNT and n / written[seen] >= MIN_SHARE and plain_seen != plain_true
                and Levenshtein.distance(plain_seen, plain_true) <= MAX_DISTANCE):
            table[seen][true] = n
            table[seen][""] = written[seen]
    return dict(sorted(table.items()))


def scan_pages(documents: list[str], pages: int, seed: int) -> list[list[str]]:
    """Runs of SCAN_LINES consecutive lines of documents long enough to fill a page, drawn at random."""
    rng = random.Random(seed)
    long = [doc for doc in documents if len(doc) > 3000]
    runs = []
    for _ in range(pages):
        lines = [line for line in rng.choice(long).splitlines() if line.strip()]
        start = rng.randrange(max(1, len(lines) - SCAN_LINES))
        runs.append(lines[start:start + SCAN_LINES])
    return runs


class ScanReading(NamedTuple):
    truth: str  # the lines the page shows
    page: ocr.PageText  # what the pipeline's OCR read on it
    image: Image.Image
    dpi: int


def read_scans(pages: list[list[str]], kind: str) -> list[ScanReading]:
    """Each page of lines rendered as a real-looking scan of `kind`, as an
    image-only PDF, read as the pipeline reads it (`ocr.acquire`)."""
    import tempfile

    read = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, lines in enumerate(pages):
            image, placed, dpi = real_looking_scan(lines, kind, seed=n)
            pdf = image_to_pdf([image], Path(tmp) / f"{kind}-{n}.pdf", dpi)
            read.append(ScanReading("\n".join(placed), ocr.acquire(pdf).pages[0], image, dpi))
    return read


def aligned_syllables(truth: str, written: str) -> list[tuple[str, str]]:
    """(true, written) syllable pairs (lowercase) where the two texts align one to one."""
    want, got = _tokens(truth), _tokens(written)
    out = []
    for op in Levenshtein.opcodes(want, got):
        if op.tag in ("equal", "replace") and op.src_end - op.src_start == op.dest_end - op.dest_start:
            out += zip(want[op.src_start:op.src_end], got[op.dest_start:op.dest_end])
    return out


def marks_table(read: list[tuple[str, str]]) -> dict[str, dict[str, dict[str, int]]]:
    """How often OCR wrote each tone, each letter's own mark and each letter for
    each true one (`ocr_marks.observations`), over the syllables it read with as
    many letters, at most one of them another letter."""
    from diacritics.ocr_marks import observations

    table: dict[str, dict[str, Counter]] = {part: defaultdict(Counter) for part in ("tone", "letter", "base")}
    for truth, written in read:
        for true, seen in aligned_syllables(truth, written):
            plain_true, plain_seen = strip_marks(true), strip_marks(seen)
            if (true.isalpha() and seen.isalpha() and len(true) == len(seen)
                    and sum(a != b for a, b in zip(plain_true, plain_seen)) <= 1):
                for part, key, value in observations(true, seen):
                    table[part][key][value] += 1
    return {part: {key: dict(sorted(c.items())) for key, c in sorted(keys.items())} for part, keys in table.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="pages read with -l eng")
    parser.add_argument("--scan-pages", type=int, default=8, help="pages of each kind of scan read with -l vie")
    args = parser.parse_args()
    if args.pages:
        table = channel_table(pairs(args.pages))
        CHANNEL.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(table)} garbled forms learned from {args.pages} pages -> {CHANNEL}")
    documents = training_documents()
    read = []
    for k, kind in enumerate(SCAN_KINDS):
        read += [(scan.truth, scan.page.text) for scan in read_scans(scan_pages(documents, args.scan_pages, seed=k), kind)]
    marks = marks_table(read)
    MARKS.write_text(json.dumps(marks, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"marks learned from {len(read)} scanned pages -> {MARKS}")


if __name__ == "__main__":
    main()
