"""A whole run: discover inputs, process them in parallel, write the outputs."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .discover import InputFile, discover
from .document import Document, FileError, RunResult
from .output import write_outputs
from .process import Options, process_file


@dataclass
class Summary:
    documents: int
    pages: int
    pages_ocr: int
    restored: int
    errors: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.documents} documents ({self.pages} pages, {self.pages_ocr} OCRed), "
            f"{self.restored} restored, {self.errors} errors, in {self.seconds:.1f} s"
        )


def _worker_init() -> None:
    # One Tesseract thread per worker process: the pool is the parallelism.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _process_all(files: list[InputFile], options: Options, jobs: int, progress: bool) -> list[Document | FileError]:
    bar = tqdm(total=len(files), unit="file", disable=not progress, dynamic_ncols=True)
    results: list[Document | FileError] = []
    try:
        if jobs <= 1:
            for item in files:
                bar.set_postfix_str(item.source_path[-40:], refresh=False)
                results.append(process_file(item, options))
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
                futures = {pool.submit(process_file, item, options): item for item in files}
                for future in as_completed(futures):
                    try:
                        results.append(future.result())
                    except Exception as exc:  # a worker died (out of memory, killed)
                        item = futures[future]
                        results.append(FileError(item.source_path, "read", "worker-died", f"{type(exc).__name__}: {exc}"))
                    bar.update()
    finally:
        bar.close()
    return results


def run(inputs: list[Path], out: Path, *, options: Options = Options(), jobs: int = 1,
        excel: bool = False, progress: bool | None = None) -> tuple[RunResult, Summary]:
    """Extract every input under `inputs` into the output folder `out`."""
    started = time.monotonic()
    if progress is None:
        progress = sys.stderr.isatty()
    files, errors = discover(inputs, exclude=out)
    result = RunResult(errors=list(errors))
    seen: dict[str, str] = {}
    outcomes = sorted(_process_all(files, options, jobs, progress), key=lambda o: o.source_path)
    for outcome in outcomes:
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        elif outcome.doc_id in seen:
            result.errors.append(FileError(outcome.source_path, "discover", "duplicate",
                                           f"same content as {seen[outcome.doc_id]}; extracted once"))
        else:
            seen[outcome.doc_id] = outcome.source_path
            result.documents.append(outcome)
    write_outputs(out, result.documents, result.errors, excel=excel)
    summary = Summary(
        documents=len(result.documents),
        pages=sum(d.pages for d in result.documents),
        pages_ocr=sum(d.page_sources.count("ocr") for d in result.documents),
        restored=sum(d.restored for d in result.documents),
        errors=len(result.errors),
        seconds=time.monotonic() - started,
    )
    return result, summary
