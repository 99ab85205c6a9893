"""The `decrees` command: extract, restore, eval. Its exit codes are `ExitCode`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from enum import IntEnum
from pathlib import Path

from . import __version__

log = logging.getLogger("decrees")



class ExitCode(IntEnum):
    """What the command's exit status means (fixed, for scripts)."""

    OK = 0  # the run finished (files that failed are listed in errors.csv)
    USAGE = 2  # unusable arguments (no such input, bad option, no supported file)
    OUTPUT = 3  # the output folder cannot be written (full, read-only, in use)
    ALL_FAILED = 4  # every file failed (errors.csv says why)
    INTERRUPTED = 130  # Ctrl-C or SIGTERM: the finished files are in the outputs


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number of seconds") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="decrees", description="Structured data from Vietnamese legal documents.")
    parser.add_argument("--version", action="version", version=f"decrees {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract", help="extract documents into CSV, JSONL and spreadsheet files",
        description="Extract documents into the output folder, adding to what it holds: files of the "
                    "given inputs are added or updated, documents of earlier runs are kept.")
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders (searched recursively)")
    extract.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    extract.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1,
                         help="parallel worker processes (default: number of cores)")
    extract.add_argument("--excel", action="store_true",
                         help="CSV files with a byte-order mark, for opening them in Excel (decrees.xlsx needs none)")
    extract.add_argument("--no-xlsx", action="store_true", help="do not write decrees.xlsx")
    extract.add_argument("--parquet", action="store_true",
                         help="also write a Parquet file per table (kept up to date by later runs)")
    extract.add_argument("--no-ocr", action="store_true", help="never OCR; pages without a text layer stay empty")
    extract.add_argument("--no-restore", action="store_true",
                         help="keep text without diacritics or garbled by OCR as it is (no restoration)")
    extract.add_argument("--max-pages", type=_positive, default=2000,
                         help="skip files with more pages than this (default: 2000)")
    extract.add_argument("--timeout", type=_seconds, default=600, metavar="SECONDS",
                         help="give up on a file that takes longer than this (default: 600; 0: no limit)")
    extract.add_argument("--max-memory", type=_positive, metavar="MIB",
                         help="memory one worker process may use; a file that needs more gets an error row "
                              "(default: 900)")
    extract.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="process on a Dask distributed cluster (pip install 'decrees[cluster]'); "
                              "its workers must see the input paths")
    extract.add_argument("--force", action="store_true",
                         help="process every file again instead of reusing results of unchanged files")
    extract.add_argument("--no-review", action="store_true",
                         help="do not write the review pages (review/DOC_ID.html, review/index.html)")
    extract.add_argument("--prune", action="store_true",
                         help="also remove documents whose files are gone from folders of earlier runs "
                              "(by default only from the folders given now)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary: only problems")
    extract.add_argument("-v", "--verbose", action="store_true", help="also a line per file")
    extract.add_argument("--log", type=Path, metavar="FILE",
                         help="append every message, a line per file and the summary to FILE, with times")

    restore = commands.add_parser("restore", help="print text with its diacritics restored and OCR errors corrected")
    restore.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input (default)")
    restore.add_argument("--mode", choices=["auto", "restore", "correct"], default="auto",
                         help="auto: decide per line (default); restore: marks only; correct: OCR errors too")

    evaluate = commands.add_parser("eval", help="score an output folder against gold JSON files")
    evaluate.add_argument("--gold", type=Path, required=True, help="folder of gold *.json files")
    evaluate.add_argument("--out", type=Path, default=Path("output"), help="output folder to score (default: output)")
    evaluate.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    evaluate.add_argument("--show-mistakes", action="store_true", help="list every mismatch")
    return parser


def _configure_logging(quiet: bool, verbose: bool, log_file: Path | None) -> None:
    """Messages to standard error (problems only with quiet, a line per file with verbose),
    and everything, with times, to the log file."""
    for handler in list(log.handlers):  # from an earlier call in the same process
        log.removeHandler(handler)
        handler.close()
    log.setLevel(logging.DEBUG)
    log.propagate = False
    screen = logging.StreamHandler(sys.stderr)
    screen.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
    screen.setFormatter(logging.Formatter("decrees: %(message)s"))
    log.addHandler(screen)
    if log_file:
        written = logging.FileHandler(log_file, encoding="utf-8")
        written.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(written)


def _extract(args: argparse.Namespace) -> int:
    from .outfolder import OutputError
    from .process import Options
    from .batch import MEMORY_MIB, NoDocuments, run

    try:
        _configure_logging(args.quiet, args.verbose, args.log)
    except OSError as exc:
        print(f"decrees: cannot write the log file {args.log}: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.scheduler:
        problem = _unreachable(args.scheduler)
        if problem:
            log.error("cannot reach the scheduler %s: %s", args.scheduler, problem)
            return ExitCode.USAGE
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        log.error("no such file or folder: %s", ", ".join(missing))
        return ExitCode.USAGE
    log.debug("decrees %s: extract %s into %s", __version__, " ".join(map(str, args.inputs)), args.out)
    # One file may OCR as many pages at a time as there are cores; across the
    # file workers, the run never OCRs more pages at once than that (see run()).
    page_jobs = max(1, os.cpu_count() or 1)
    options = Options(ocr=not args.no_ocr, restore=not args.no_restore, max_pages=args.max_pages,
                      page_jobs=page_jobs, timeout=args.timeout or None)
    try:
        _, summary = run(args.inputs, args.out, options=options, jobs=args.jobs, excel=args.excel,
                         xlsx=not args.no_xlsx, parquet=args.parquet,
                         progress=False if args.quiet else None, force=args.force, prune=args.prune,
                         scheduler=args.scheduler, review=not args.no_review,
                         memory_mib=args.max_memory or MEMORY_MIB)
    except NoDocuments as exc:
        log.error("%s", exc)
        return ExitCode.USAGE
    except OutputError as exc:
        log.error("%s", exc)
        return ExitCode.OUTPUT
    if summary.interrupted:
        log.warning("%s; outputs in %s", summary, args.out)
        return ExitCode.INTERRUPTED
    log.info("%s; outputs in %s", summary, args.out)
    if summary.errors:
        log.info("see %s for the files that failed", args.out / "errors.csv")
    if summary.errors and not summary.documents:
        log.error("every file failed: see %s", args.out / "errors.csv")
        return ExitCode.ALL_FAILED
    return ExitCode.OK


def _unreachable(address: str) -> str | None:
    """Why the Dask scheduler at `address` cannot be used, or None when it answers."""
    try:
        from distributed import Client
    except ImportError:
        return "the cluster support is not installed (pip install 'decrees[cluster]')"
    try:
        Client(address, timeout=10).close()
    except (OSError, TimeoutError, ValueError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    if not args.gold.is_dir() or not (args.out / "documents.csv").exists():
        print(f"decrees: need a gold folder and an output folder with documents.csv", file=sys.stderr)
        return ExitCode.USAGE
    report = evaluate(args.gold, args.out)
    if not report.documents:
        print(f"decrees: no output document in {args.out} matches a gold file in {args.gold} "
              "(they are paired by file name without extension); nothing to score", file=sys.stderr)
        return ExitCode.USAGE
    print(report.table())
    if args.show_mistakes:
        print("\n".join(["", "mistakes:"] + report.mistakes))
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return ExitCode.OK


# How PDF, Word (.docx, .doc) and image files begin: `decrees restore` reads text only.
_DOCUMENT_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"II*\x00",
                        b"MM\x00*")


def _restore(args: argparse.Namespace) -> int:
    import diacritics
    from ocr import AcquisitionError
    from ocr.plaintext import decode

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        if data.startswith(_DOCUMENT_SIGNATURES):
            raise AcquisitionError("not-text", "a PDF, Word file or image")
        text = decode(data)
    except OSError as exc:
        print(f"decrees: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.USAGE
    except AcquisitionError as exc:
        print(f"decrees: {args.file} is not a text file ({exc}); `decrees extract` reads PDFs, Word files "
              "and scans", file=sys.stderr)
        return ExitCode.USAGE
    result = diacritics.restore(text, force=None if args.mode == "auto" else args.mode)
    sys.stdout.write(result.text)
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"extract": _extract, "eval": _eval, "restore": _restore}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("decrees: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
