"""Accuracy on the real development documents of ../shared/dev, scored by the shared scorer.

    python bench/eval_dev.py [--sets "tvpl prov pdf tvpl-pdf prov-pdf"] [--out bench/dev-results.md]

Each set's input files are copied to a scratch folder (inputs are never
touched), extracted with a fresh `decrees extract`, and scored with
../shared/eval/score_extract.py. The pdf set needs OCR and takes minutes.
`tvpl-pdf` and `prov-pdf` are the texts of those sets rendered as text PDFs
(training.render.text_to_pdf), scored against the same gold: the PDF path on
the same documents.

`tvpl-stripped` and `prov-stripped` are those texts stripped of their marks (as
typed without them): extracted and scored the same way, and each text restored
on its own by `decrees restore` (its default, per-line mode) and scored with
../shared/eval/score_restore.py against the original (syllables right, over all
the set's syllables).

`pages` is the five hand-transcribed scan pages (pdf/NN.pP.gt.txt): each page is
cut into a one-page PDF, extracted, and its final text (OUT/text/DOC_ID.txt)
scored with ../shared/eval/score_restore.py (syllables right); with --plain,
beside `tesseract -l vie` on the page rendered at 300 dpi.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or beside the folder of worktrees that holds it).
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "dev").is_dir()),
              ROOT.parent / "shared")
INPUT_SUFFIX = {"tvpl": ".txt", "prov": ".txt", "pdf": ".pdf"}
RENDERED = "-pdf"  # a text set rendered as text PDFs: "tvpl-pdf"
STRIPPED = "-stripped"  # a text set stripped of its marks: "prov-stripped"
_SCORES = re.compile(
    r"header_acc=(?P<header>[\d.]+) bases_P=(?P<bp>[\d.]+) R=(?P<br>[\d.]+) F1=(?P<bf>[\d.]+) "
    r"targets_P=(?P<tp>[\d.]+) R=(?P<tr>[\d.]+) F1=(?P<tf>[\d.]+)"
)


def evaluate(name: str, scratch: Path) -> dict[str, str]:
    """Extract one dev set in `scratch` and return the scorer's numbers and field counts."""
    gold = SHARED / "dev" / name.removesuffix(RENDERED).removesuffix(STRIPPED)
    inputs = scratch / name / "in"
    out = scratch / name / "out"
    inputs.mkdir(parents=True)
    if name.endswith(RENDERED):
        gold = _render_set(gold, inputs, scratch / name / "gold")
    elif name.endswith(STRIPPED):
        from vietnamese.folding import strip_marks

        for source in sorted(gold.glob("*.txt")):
            (inputs / source.name).write_text(strip_marks(source.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        for source in sorted(gold.glob("*" + INPUT_SUFFIX[name])):
            shutil.copy2(source, inputs / source.name)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out), "--quiet"],
                   cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score_extract.py"), str(out), str(gold)],
                            capture_output=True, text=True)
    print(f"{name}: {scored.stdout.strip()}", flush=True)
    found = _SCORES.search(scored.stdout)
    if not found:
        raise SystemExit(f"{name}: the scorer printed no scores:\n{scored.stdout}{scored.stderr}")
    fields = re.search(r"fields: (.*)", scored.stdout)
    restored = {"restored": _restored_share(gold, inputs)} if name.endswith(STRIPPED) else {}
    return found.groupdict() | {"fields": fields.group(1) if fields else "", "seconds": f"{seconds:.0f}"} | restored


def _restored_share(gold: Path, stripped: Path) -> str:
    """Syllables right over all the texts of a set, each stripped text restored by `decrees restore`."""
    right = total = 0.0
    for text in sorted(stripped.glob("*.txt")):
        restored = text.with_suffix(".restored")
        restored.write_text(subprocess.run([sys.executable, "-m", "pipeline", "restore", str(text)], cwd=ROOT,
                                           capture_output=True, text=True, check=True).stdout, encoding="utf-8")
        found = _restore_scores(gold / text.name, restored)
        right += int(found.group(1)) * float(found.group(2))
        total += int(found.group(1))
    return f"{right / total:.4f}"


PAGE_GOLD = re.compile(r"(\d+)\.p(\d+)\.gt\.txt")
_SYLLABLES = re.compile(r"syllables=(\d+) syllable_acc=([\d.]+)")


def evaluate_pages(scratch: Path, plain: bool) -> dict[str, dict[str, str]]:
    """Syllables right in the final text of each transcribed page (and of plain Tesseract's, with `plain`)."""
    import pypdfium2 as pdfium

    inputs, out = scratch / "pages" / "in", scratch / "pages" / "out"
    inputs.mkdir(parents=True)
    golds = {}
    for gold in sorted((SHARED / "dev" / "pdf").glob("*.gt.txt")):
        number, page = PAGE_GOLD.fullmatch(gold.name).groups()
        cut = pdfium.PdfDocument.new()
        cut.import_pages(pdfium.PdfDocument(gold.parent / f"{number}.pdf"), [int(page) - 1])
        cut.save(inputs / f"{number}p{page}.pdf")
        golds[f"{number}p{page}"] = gold
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out), "--quiet"],
                   cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    with open(out / "documents.csv", encoding="utf-8-sig") as rows:
        doc_ids = {Path(row["source_path"]).stem: row["doc_id"] for row in csv.DictReader(rows)}
    results = {}
    for name, gold in golds.items():
        results[name] = {"ours": syllables_right(gold, out / "text" / f"{doc_ids[name]}.txt"),
                         "seconds": f"{seconds:.0f}"}
        if plain:
            results[name]["plain"] = syllables_right(gold, _plain_tesseract(inputs / f"{name}.pdf", scratch))
        print(f"{name}: " + " ".join(f"{k}={v}" for k, v in results[name].items()), flush=True)
    return results


def syllables_right(gold: Path, text: Path) -> str:
    return _restore_scores(gold, text).group(2)


def _restore_scores(gold: Path, text: Path) -> re.Match[str]:
    """score_restore.py's line for `text` against `gold`: the gold's syllables (group 1), the share right (2)."""
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score_restore.py"), str(gold), str(text)],
                            capture_output=True, text=True, check=True).stdout
    found = _SYLLABLES.search(scored)
    if not found:
        raise SystemExit(f"{gold.name}: the scorer printed no scores:\n{scored}")
    return found


def _plain_tesseract(pdf: Path, scratch: Path) -> Path:
    """`tesseract -l vie` on the one-page PDF rendered at 300 dpi, its raw output."""
    import pypdfium2 as pdfium

    png = scratch / f"{pdf.stem}.png"
    pdfium.PdfDocument(pdf)[0].render(scale=300 / 72).to_pil().save(png)
    text = scratch / f"{pdf.stem}.plain.txt"
    text.write_text(subprocess.run(["tesseract", str(png), "stdout", "-l", "vie"], capture_output=True, text=True,
                                   env=dict(os.environ, OMP_THREAD_LIMIT="1"), check=True).stdout, encoding="utf-8")
    return text


def _render_set(gold: Path, inputs: Path, rendered_gold: Path) -> Path:
    """Each text of a set as a text PDF in `inputs`, and its gold renamed to the PDF (the scorer
    pairs a gold file with the output document of the same file name)."""
    from training.render import text_to_pdf

    rendered_gold.mkdir(parents=True)
    for source in sorted(gold.glob("*.txt")):
        pdf = text_to_pdf(source.read_text(encoding="utf-8"), inputs / f"{source.stem}.pdf")
        annotation = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        annotation["file"] = pdf.name
        (rendered_gold / f"{source.stem}.json").write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    return rendered_gold


def report(results: dict[str, dict[str, str]], pages: dict[str, dict[str, str]]) -> str:
    today = dt.date.today().isoformat()
    lines = [
        "# Accuracy on the real development documents",
        "",
        f"Measured {today} on {platform.machine()} ({platform.python_version()}) with "
        "`make eval-dev` or `make eval-pages` (../shared/eval/score_extract.py, score_restore.py).",
    ]
    if results:
        lines += ["", "| set | header | bases P | bases R | bases F1 | targets P | targets R | targets F1 | seconds | date |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| {name} | {float(r['header']):.1%} | {r['bp']} | {r['br']} | {r['bf']} "
                  f"| {r['tp']} | {r['tr']} | {r['tf']} | {r['seconds']} | {today} |" for name, r in results.items()]
        lines += ["", "Header fields right per set:", ""]
        lines += [f"- {name}: {r['fields']}" for name, r in results.items()]
        stripped = {name: r["restored"] for name, r in results.items() if "restored" in r}
        if stripped:
            lines += ["", "Texts stripped of their marks, each restored by `decrees restore` (score_restore.py, "
                      "syllables right over the whole set):", ""]
            lines += [f"- {name}: {float(share):.2%}" for name, share in stripped.items()]
    if pages:
        lines += ["", pages_table(pages)]
    return "\n".join(lines) + "\n"


def pages_table(pages: dict[str, dict[str, str]]) -> str:
    plain = all("plain" in r for r in pages.values())
    lines = ["Transcribed scan pages (pdf/NN.pP.gt.txt), syllables right in the final text of `decrees extract` "
             "on each page cut into a one-page PDF (score_restore.py):", "",
             "| page | ours |" + (" plain `tesseract -l vie`, 300 dpi render |" if plain else ""),
             "|---|---|" + ("---|" if plain else "")]
    lines += [f"| {name} | {float(r['ours']):.1%} |" + (f" {float(r['plain']):.1%} |" if plain else "")
              for name, r in pages.items()]
    seconds = next(iter(pages.values()))["seconds"]
    return "\n".join(lines) + f"\n\n`decrees extract` on the {len(pages)} pages: {seconds} s.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="tvpl prov pdf")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "dev-results.md")
    parser.add_argument("--plain", action="store_true", help="pages: also plain `tesseract -l vie` on each page")
    args = parser.parse_args()
    if not (SHARED / "dev").is_dir() or not (SHARED / "eval" / "score_extract.py").is_file():
        print(f"No development sets at {SHARED} (dev/ and eval/score_extract.py): nothing to evaluate.")
        return
    with tempfile.TemporaryDirectory(prefix="decrees-dev-") as scratch:
        results = {name: evaluate(name, Path(scratch)) for name in args.sets.split() if name != "pages"}
        pages = evaluate_pages(Path(scratch), args.plain) if "pages" in args.sets.split() else {}
    args.out.write_text(report(results, pages), encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
