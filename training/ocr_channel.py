"""Learn what OCR without a Vietnamese model writes for each syllable.

    python -m training.ocr_channel [--pages 40] [--out diacritics/data/channel.json]

Lines of the training laws (never the held-out ones) are rendered as page
images and read back with `tesseract -l eng`; the output is aligned with the
truth syllable by syllable. What is kept is, for each garbled form written
often enough (MIN_COUNT, MIN_SHARE), the syllables it stood for and how often
(`"ctia": {"của": 41}`). The restorer adds those as candidates with a
channel score from the learned probability. Needs Tesseract with `eng`.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from diacritics.syllables import GARBLED_TOKEN
from vietnamese.folding import strip_marks

from .language_model import DIACRITICS_DATA, training_laws
from .render import render_page

CHANNEL = DIACRITICS_DATA / "channel.json"
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
            want, got = _tokens(truth), _tokens(written)
            for op in Levenshtein.opcodes(want, got):
                if op.tag in ("equal", "replace") and op.src_end - op.src_start == op.dest_end - op.dest_start:
                    for true, seen in zip(want[op.src_start:op.src_end], got[op.dest_start:op.dest_end]):
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--out", type=Path, default=CHANNEL)
    args = parser.parse_args()
    table = channel_table(pairs(args.pages))
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(table)} garbled forms learned from {args.pages} pages -> {args.out}")


if __name__ == "__main__":
    main()
