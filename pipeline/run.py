"""A whole run: discover inputs, process them in parallel, write the outputs."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from tqdm import tqdm

import ocr

from .archive import STATE_FILE, Archive
from .cache import ResultCache
from .discover import InputFile, discover
from .document import Document, FileError, RunResult
from .outfolder import OutputError, OutputFolder
from .output import RunOutputs, write_outputs
from .process import Options, file_hash, process_file, share_ocr_slots


@dataclass
class Summary:
    documents: int
    pages: int
    pages_ocr: int
    restored: int
    errors: int
    seconds: float
    processed: int = 0  # files processed in this run; the others came from the cache
    removed: int = 0  # documents of earlier runs whose files are gone
    lost: int = 0  # documents of earlier runs dropped because their cached result was deleted

    def __str__(self) -> str:
        text = (
            f"{self.documents} documents ({self.pages} pages, {self.pages_ocr} OCRed), "
            f"{self.restored} restored, {self.errors} errors, {self.processed} files processed "
            f"(the rest unchanged since the last run), {self.removed} removed, in {self.seconds:.1f} s"
        )
        if self.lost:
            text += (f"; {self.lost} documents of earlier runs were dropped because their results in .cache "
                     "were deleted: run again on their folders")
        return text


def _worker_init(ocr_slots) -> None:
    # One Tesseract thread per page: the pages and processes are the parallelism.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    share_ocr_slots(ocr_slots)


def _process_on_cluster(files: list[InputFile], options: Options, scheduler: str,
                        finish: Callable[[InputFile, Document | FileError], None]) -> None:
    """Process the files on a Dask distributed cluster; its workers must see the same paths."""
    from distributed import Client, as_completed as completed_on_cluster

    with Client(scheduler) as client:
        futures = {client.submit(process_file, item, options, pure=False): item for item in files}
        for future in completed_on_cluster(futures):
            item = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker was lost
                result = FileError(item.source_path, "read", "worker-died", f"{type(exc).__name__}: {exc}")
            finish(item, result)


def _process_all(files: list[InputFile], options: Options, jobs: int, progress: bool,
                 done: Callable[[InputFile, Document | FileError], None],
                 scheduler: str | None = None) -> list[Document | FileError]:
    """Process `files`, calling done(item, result) as each one finishes."""
    bar = tqdm(total=len(files), unit="file", disable=not progress, dynamic_ncols=True)
    results: list[Document | FileError] = []
    pages = errors = 0

    def finish(item: InputFile, result: Document | FileError) -> None:
        nonlocal pages, errors
        done(item, result)
        results.append(result)
        if isinstance(result, Document):
            pages += result.pages
        else:
            errors += 1
        bar.set_postfix_str(f"{pages} pages, {errors} errors", refresh=False)
        bar.update()

    try:
        if scheduler:
            _process_on_cluster(files, options, scheduler, finish)
        elif jobs <= 1:
            for item in files:
                finish(item, process_file(item, options))
        else:
            ocr_slots = multiprocessing.BoundedSemaphore(max(jobs, options.page_jobs))
            with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(ocr_slots,)) as pool:
                futures = {pool.submit(process_file, item, options): item for item in files}
                for future in as_completed(futures):
                    item = futures[future]
                    try:
                        result = future.result()
                    except Exception as exc:  # a worker died (out of memory, killed)
                        result = FileError(item.source_path, "read", "worker-died", f"{type(exc).__name__}: {exc}")
                    finish(item, result)
    finally:
        bar.close()
    return results


def _extract(files: list[InputFile], cache: ResultCache, options: Options, jobs: int, progress: bool,
             force: bool, scheduler: str | None) -> tuple[list[Document | FileError], int]:
    """The result for every input file, from the cache or processed now, and how many were processed."""
    cached: list[Document | FileError] = []
    todo: list[InputFile] = []
    for item in files:
        try:
            item = replace(item, sha256=file_hash(item.path))
        except OSError:
            todo.append(item)  # processing will report why it cannot be read
            continue
        hit = None if force else cache.get(item.sha256, item.source_path)
        if hit is None:
            todo.append(item)
        else:
            cached.append(hit)

    def remember(item: InputFile, outcome: Document | FileError) -> None:
        if item.sha256 and not (isinstance(outcome, FileError) and outcome.error == "worker-died"):
            try:
                cache.put(item.sha256, outcome)
            except OSError as exc:
                raise OutputError(f"cannot write the cache in {cache.folder}: {exc.strerror or exc}; "
                                  "the previous outputs are unchanged") from exc

    processed = _process_all(todo, options, jobs, progress, remember, scheduler)
    return cached + processed, len(todo)


def _carried_over(entries: dict[str, dict], cache: ResultCache) -> tuple[list[Document | FileError], int]:
    """Earlier runs' results that this run keeps, and how many of them are lost (cache entry gone)."""
    outcomes: list[Document | FileError] = []
    for source_path, entry in entries.items():
        if "error" in entry:
            outcomes.append(FileError(**entry["error"]))
        elif document := cache.get(entry["sha256"], source_path, entry["fingerprint"]):
            outcomes.append(document)
    return outcomes, len(entries) - len(outcomes)


def _no_documents_message(inputs: list[Path], out: Path) -> str:
    return (f"no supported document in {', '.join(str(p) for p in inputs)} "
            f"(looked for {', '.join(sorted(ocr.SUPPORTED))}); the outputs in {out} are unchanged")


class NoDocuments(Exception):
    """The inputs hold no file of a supported type: the run changes nothing."""


def run(inputs: list[Path], out: Path, *, options: Options = Options(), jobs: int = 1,
        excel: bool = False, xlsx: bool = True, parquet: bool = False, progress: bool | None = None,
        force: bool = False, prune: bool = False, scheduler: str | None = None,
        review: bool = True) -> tuple[RunResult, Summary]:
    """Extract every input under `inputs` into the output folder `out`, adding to what it holds.

    The folder keeps every document processed into it (archive.py): this run updates and
    adds the files under `inputs`, removes those gone from a folder it scans, and with
    `prune` also those gone from folders of earlier runs. Results are cached per file in
    `out/.cache`: a re-run processes only new and changed files (`force` processes them
    all again). With `scheduler` (a Dask scheduler address) the files are processed on
    that cluster. `excel` gives the CSV files a byte-order mark; `xlsx` writes
    decrees.xlsx; `parquet` writes a Parquet file per table (and so do later runs into `out`).
    Raises NoDocuments, changing nothing, when no supported file is found.
    """
    started = time.monotonic()
    if progress is None:
        progress = sys.stderr.isatty()
    labels = Archive.load(out).labels(inputs)
    files, discovery_errors = discover(inputs, labels)
    if not any(item.path.suffix.lower() in ocr.SUPPORTED for item in files):
        raise NoDocuments(_no_documents_message(inputs, out))
    with OutputFolder(out) as folder:
        archive = Archive.load(out)  # again, now that no other run can change it
        if archive.labels(inputs) != labels:
            labels = archive.labels(inputs)
            files, discovery_errors = discover(inputs, labels)
        cache_folder = out / ".cache"
        for leftover in cache_folder.rglob(".*.tmp") if cache_folder.is_dir() else []:
            leftover.unlink(missing_ok=True)  # a cache entry being written when a run was killed
        cache = ResultCache(cache_folder, options)
        outcomes, processed = _extract(files, cache, options, jobs, progress, force, scheduler)
        kept = archive.carried_over(inputs, labels, prune)
        carried, lost = _carried_over(kept, cache)
        before = set(archive.entries)
        archive.entries = {}
        result = RunResult()
        seen: dict[str, str] = {}
        for outcome in sorted([*discovery_errors, *outcomes, *carried], key=lambda o: o.source_path):
            archive.record(outcome, cache.fingerprint)
            if isinstance(outcome, FileError):
                result.errors.append(outcome)
            elif outcome.doc_id in seen:
                result.errors.append(FileError(outcome.source_path, "discover", "duplicate",
                                               f"same content as {seen[outcome.doc_id]}; extracted once"))
            else:
                seen[outcome.doc_id] = outcome.source_path
                result.documents.append(outcome)
        folder.write(STATE_FILE, archive.to_json())
        parquet = parquet or "documents.parquet" in folder.owned
        write_outputs(folder, RunOutputs(result.documents, result.errors, csv_bom=excel, xlsx=xlsx, parquet=parquet,
                                         review=review))
    summary = Summary(
        documents=len(result.documents),
        pages=sum(d.pages for d in result.documents),
        pages_ocr=sum(d.page_sources.count("ocr") for d in result.documents),
        restored=sum(d.restored for d in result.documents),
        errors=len(result.errors),
        seconds=time.monotonic() - started,
        processed=processed,
        removed=len(before - set(archive.entries)) - lost,
        lost=lost,
    )
    return result, summary
