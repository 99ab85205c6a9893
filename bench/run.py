"""Benchmarks: our code beside the peer it must beat, in one run, with ratios.

    python bench/run.py [--only NAME,…] [--out bench/results.md]

Each section prints a Markdown table; the whole report, with the machine and
date, is written to --out. Sections: extraction, pdf, accuracy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import extract  # noqa: E402
from ocr import acquire  # noqa: E402
from ocr.plaintext import strip_markup  # noqa: E402
from tools.render import text_to_pdf  # noqa: E402

CORPUS = ROOT / "corpus"
DOCS = ROOT / "tests" / "data" / "docs"


def _texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt")) + sorted(DOCS.glob("*.txt"))
    return [acquire(f).pages[0].text for f in files]


def _best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_extraction() -> str:
    """Extraction stage alone, text already loaded, one core."""
    texts = _texts() * 20
    seconds = _best_of(3, lambda: [extract(t) for t in texts])
    rate = len(texts) / seconds
    chars = sum(len(t) for t in texts) / len(texts)
    return (
        "| stage | documents | mean size | documents/s (1 core) | target |\n|---|---|---|---|---|\n"
        f"| extraction (`extractors.extract`) | {len(texts)} | {chars:,.0f} chars | **{rate:,.0f}** | ≥ 50 |\n"
    )


def bench_pdf() -> str:
    """PDF text layer: pdfplumber (ours, with the table finder) beside pypdfium2."""
    import pdfplumber
    import pypdfium2 as pdfium

    from ocr.pdf import page_text

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = []
        for sample in sorted(CORPUS.glob("*.txt")) + sorted(DOCS.glob("*.txt")):
            pdfs.append(text_to_pdf(strip_markup(sample.read_text(encoding="utf-8")), Path(tmp) / f"{sample.stem}.pdf"))
        pages = sum(len(pdfium.PdfDocument(p)) for p in pdfs)

        def plumber_tables():
            for p in pdfs:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page_text(page)

        def plumber_plain():
            for p in pdfs:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page.extract_text()

        def pdfium_text():
            for p in pdfs:
                document = pdfium.PdfDocument(p)
                for page in document:
                    page.get_textpage().get_text_range()
                document.close()

        rows = [(name, pages / _best_of(3, fn)) for name, fn in (
            ("pdfplumber + table finder (ours)", plumber_tables),
            ("pdfplumber, text only", plumber_plain),
            ("pypdfium2, text only", pdfium_text),
        )]
    ours = rows[0][1]
    lines = ["| PDF text layer | pages | pages/s | ratio to ours |", "|---|---|---|---|"]
    lines += [f"| {name} | {pages} | {rate:,.1f} | {rate / ours:.1f}× |" for name, rate in rows]
    return "\n".join(lines) + "\n"


def bench_accuracy() -> str:
    """`decrees eval` on the five samples (text files) and on text PDFs made from them."""
    from pipeline import run
    from pipeline.evaluate import evaluate

    gold = ROOT / "tests" / "data" / "gold"
    lines = ["| input | header fields | legal bases F1 | references F1 | targets F1 |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        pdf_dir = Path(tmp) / "pdf"
        pdf_dir.mkdir()
        for sample in sorted(CORPUS.glob("*.txt")):
            text_to_pdf(strip_markup(sample.read_text(encoding="utf-8")), pdf_dir / f"{sample.stem}.pdf")
        for label, folder in (("5 samples, text", CORPUS), ("5 samples, text PDF", pdf_dir)):
            out = Path(tmp) / label.replace(" ", "_").replace(",", "")
            run([folder], out, progress=False)
            r = evaluate(gold, out)
            lines.append(f"| {label} | {r.header_accuracy:.1%} | {r.sets['legal_bases'].f1:.3f} | "
                         f"{r.sets['references'].f1:.3f} | {r.sets['targets'].f1:.3f} |")
    return "\n".join(lines) + "\n"


SECTIONS = {"accuracy": bench_accuracy, "extraction": bench_extraction, "pdf": bench_pdf}


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated sections: " + ", ".join(SECTIONS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(SECTIONS)
    report = [f"# Benchmark results\n\n{dt.date.today().isoformat()} on {_machine()}.\n"]
    for name in names:
        print(f"running {name} …", file=sys.stderr)
        section = SECTIONS[name]
        report.append(f"## {name}\n\n{section.__doc__.strip()}\n\n{section()}")
        print(report[-1])
    args.out.write_text("\n".join(report), encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
