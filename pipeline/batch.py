"""A whole run: discover inputs, process them in parallel, write the outputs."""

from __future__ import annotations

import json
import multiprocessing
import signal
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path

import ocr

from . import __version__
from .archive import STATE_FILE, Archive
from .cache import ResultCache
from .discover import InputFile, discover
from .document import Document, FileError, RunResult
from .outfolder import OutputError, OutputFolder
from .process import Options, file_hash, process_file
from .progress import Progress
from .workers import WorkerPool

PROGRESS_EVERY = 10  # seconds between status lines when no terminal shows a bar
# Memory one worker may use (MiB): a normal file needs under 600 MiB, the
# restoration model included; two workers and the run stay within 2 GiB.
MEMORY_MIB = 900
# Failures that may not recur on another run (a busy machine, a dying worker): not cached.
TRANSIENT_ERRORS = {"timeout", "crashed", "out-of-memory"}


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
    outdated: int = 0  # documents of earlier runs made by another version or other options, kept as they are
    skipped: int = 0  # files in the input folders that are not documents
    unfinished: int = 0  # files left unprocessed by an interruption

    @property
    def interrupted(self) -> bool:
        return self.unfinished > 0

    def __str__(self) -> str:
        text = (
            f"{self.documents} documents ({self.pages} pages, {self.pages_ocr} OCRed), "
            f"{self.restored} restored, {self.errors} errors, {self.processed} files processed "
            f"(the rest unchanged since the last run), {self.removed} removed, "
            f"{self.skipped} files skipped as not documents, in {self.seconds:.1f} s"
        )
        if self.outdated:
            text += (f"; {self.outdated} documents of earlier runs were made by another version or with other "
                     "options: run again on their folders to update them")
        if self.lost:
            text += (f"; {self.lost} documents of earlier runs were dropped because their results in .cache "
                     "were deleted: run again on their folders")
        if self.interrupted:
            text += f"; interrupted: {self.unfinished} files not processed (run again to finish them)"
        return text


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop the workers, keep what is finished."""


def _raise_terminated(signum, frame) -> None:
    raise _Terminated


def _process_on_cluster(files: list[InputFile], options: Options, scheduler: str,
                        finish: Callable[[InputFile, Document | FileError], None],
                        meanwhile: Callable[[], None] | None) -> None:
    """Process the files on a Dask distributed cluster; its workers must see the same paths."""
    from distributed import Client, as_completed as completed_on_cluster

    with Client(scheduler) as client:
        futures = {client.submit(process_file, item, options, pure=False): item for item in files}
        if meanwhile:
            meanwhile()
        for future in completed_on_cluster(futures):
            item = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker was lost
                result = FileError(item.source_path, "read", "worker-died", f"{type(exc).__name__}: {exc}")
            finish(item, result)


def _process_all(files: list[InputFile], options: Options, jobs: int, progress: bool | None,
                 done: Callable[[InputFile, Document | FileError], None],
                 scheduler: str | None = None, memory_bytes: int | None = None,
                 meanwhile: Callable[[], None] | None = None) -> list[Document | FileError]:
    """Process `files`, calling done(item, result) as each one finishes, and meanwhile() once
    the first files are handed out. `progress`: a bar, None: a bar on a terminal, else a status
    line every PROGRESS_EVERY seconds; False: neither. On Ctrl-C or SIGTERM, stop at once and
    return what is finished."""
    bar = sys.stderr.isatty() if progress is None else progress
    ocr_slots = multiprocessing.BoundedSemaphore(max(jobs, options.page_jobs))
    pages_ocred = multiprocessing.Value("i", 0)
    shown = Progress(len(files), bar=bar, every=PROGRESS_EVERY if progress is None and not bar else None,
                     pages_ocred=pages_ocred)
    results: list[Document | FileError] = []

    def finish(item: InputFile, result: Document | FileError) -> None:
        done(item, result)
        results.append(result)
        shown.done(item, result)

    on_terminate = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        if scheduler:
            _process_on_cluster(files, options, scheduler, finish, meanwhile)
        elif files:
            WorkerPool(jobs, options, memory_bytes, ocr_slots, pages_ocred).run(files, finish, meanwhile)
    except KeyboardInterrupt:
        pass  # the pool has stopped its workers; the caller counts what is unfinished
    finally:
        signal.signal(signal.SIGTERM, on_terminate)
        shown.close()
    return results


def _extract(files: list[InputFile], cache: ResultCache, options: Options, jobs: int, progress: bool | None,
             force: bool, scheduler: str | None,
             memory_bytes: int | None) -> tuple[list[Document | FileError], int, int]:
    """The result for every input file, from the cache or processed now, how many were
    processed, and how many were left unprocessed by an interruption. The cached results are
    read, and the output writers imported (pandas: a third of a second), while the workers
    read the first files."""
    stored: list[InputFile] = []
    todo: list[InputFile] = []
    for item in files:
        try:
            item = replace(item, sha256=file_hash(item))
        except (OSError, zipfile.BadZipFile, RuntimeError):
            todo.append(item)  # processing will report why it cannot be read
            continue
        (stored if not force and cache.holds(item.sha256) else todo).append(item)
    cached: list[Document | FileError] = []
    unreadable: list[InputFile] = []  # a result in the cache that does not check out: processed after all

    def read_stored() -> None:
        import_module(".output", __package__)
        while stored:  # each once, even when Ctrl-C stops a first reading halfway
            item = stored.pop()
            hit = cache.get(item.sha256, item.source_path)
            if hit is None:
                unreadable.append(item)
            else:
                cached.append(hit)

    def remember(item: InputFile, outcome: Document | FileError) -> None:
        if item.sha256 and not (isinstance(outcome, FileError) and outcome.error in TRANSIENT_ERRORS):
            try:
                cache.put(item.sha256, outcome)
            except OSError as exc:
                raise OutputError(f"cannot write the cache in {cache.folder}: {exc.strerror or exc}; "
                                  "the previous outputs are unchanged") from exc

    processed = _process_all(todo, options, jobs, progress, remember, scheduler, memory_bytes, read_stored)
    read_stored()  # (when nothing was handed out)
    if unreadable:
        processed += _process_all(unreadable, options, jobs, progress, remember, scheduler, memory_bytes)
        todo += unreadable
    return cached + processed, len(processed), len(todo) - len(processed)


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


def _combine(archive: Archive, outcomes: list[Document | FileError], fingerprint: str,
             kept: dict[str, dict]) -> RunResult:
    """The folder's documents and errors, the archive's entries made to match them (a kept
    entry keeps the fingerprint of the run that made it); a second file with the same
    content as another becomes an error row."""
    archive.entries = {}
    result = RunResult()
    seen: dict[str, str] = {}
    for outcome in sorted(outcomes, key=lambda o: o.source_path):
        archive.record(outcome, kept.get(outcome.source_path, {}).get("fingerprint", fingerprint))
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
        elif outcome.doc_id in seen:
            result.errors.append(FileError(outcome.source_path, "discover", "duplicate",
                                           f"same content as {seen[outcome.doc_id]}; extracted once"))
        else:
            seen[outcome.doc_id] = outcome.source_path
            result.documents.append(outcome)
    return result


def _run_record(started_at: datetime, summary: Summary, settings: dict, archive: Archive,
                labels: dict[Path, str], fingerprint: str) -> bytes:
    """run.json: what this run was asked, when it ran and what the folder holds after it."""
    record = {
        "version": __version__,
        "started": started_at.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": {label: str(root.resolve()) for root, label in labels.items()},
        "options": settings,
        "result_fingerprint": fingerprint,
        "counts": {k: v for k, v in asdict(summary).items() if k != "seconds"},
        "seconds": round(summary.seconds, 1),
        "all_input_folders": archive.roots,  # of every run into the folder
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class NoDocuments(Exception):
    """The inputs hold no file of a supported type: the run changes nothing."""


def run(inputs: list[Path], out: Path, *, options: Options = Options(), jobs: int = 1,
        excel: bool = False, xlsx: bool = True, parquet: bool = False, progress: bool | None = None,
        force: bool = False, prune: bool = False, scheduler: str | None = None,
        review: bool = True, memory_mib: int | None = MEMORY_MIB) -> tuple[RunResult, Summary]:
    """Extract every input under `inputs` into the output folder `out`, adding to what it holds.

    The folder keeps every document processed into it (archive.py): this run updates and
    adds the files under `inputs`, removes those gone from a folder it scans, and with
    `prune` also those gone from folders of earlier runs. Results are cached per file in
    `out/.cache`: a re-run processes only new and changed files (`force` processes them
    all again). With `scheduler` (a Dask scheduler address) the files are processed on
    that cluster. `excel` gives the CSV files a byte-order mark; `xlsx` writes
    decrees.xlsx; `parquet` writes a Parquet file per table (and so do later runs into `out`).
    `progress`: True a bar, False nothing, None a bar on a terminal and otherwise a status
    line every PROGRESS_EVERY seconds (logged to the "decrees" logger, like a line per file).
    Each worker may use `memory_mib` MiB; a file that needs more gets an error row. An
    interrupted run (Ctrl-C, SIGTERM) writes the outputs of what it finished and says
    how many files it left (`Summary.unfinished`, in run.json's counts).
    run.json in `out` records the run. Raises NoDocuments, changing nothing, when no supported file is found.
    """
    started, started_at = time.monotonic(), datetime.now(timezone.utc)
    labels = Archive.load(out).labels(inputs)
    found = discover(inputs, labels)
    if not any(item.suffix in ocr.SUPPORTED for item in found.files):
        raise NoDocuments(_no_documents_message(inputs, out))
    with OutputFolder(out) as folder:
        archive = Archive.load(out)  # again, now that no other run can change it
        if archive.labels(inputs) != labels:
            labels = archive.labels(inputs)
            found = discover(inputs, labels)
        cache_folder = out / ".cache"
        for leftover in cache_folder.rglob(".*.tmp") if cache_folder.is_dir() else []:
            leftover.unlink(missing_ok=True)  # a cache entry being written when a run was killed
        cache = ResultCache(cache_folder, options)
        outcomes, processed, unfinished = _extract(found.files, cache, options, jobs, progress, force, scheduler,
                                                   memory_mib << 20 if memory_mib else None)
        from .output import RunOutputs, write_outputs  # (imported while the files were processed, if any)

        kept = archive.carried_over(inputs, labels, prune)
        if unfinished:  # an interrupted run keeps the last result of each file it did not redo
            done = {outcome.source_path for outcome in [*found.errors, *outcomes]}
            kept.update({item.source_path: archive.entries[item.source_path] for item in found.files
                         if item.source_path not in done and item.source_path in archive.entries})
        carried, lost = _carried_over(kept, cache)
        before = set(archive.entries)
        result = _combine(archive, [*found.errors, *outcomes, *carried], cache.fingerprint, kept)
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
            outdated=sum(entry.get("fingerprint", cache.fingerprint) != cache.fingerprint for entry in kept.values()),
            skipped=found.skipped,
            unfinished=unfinished,
        )
        folder.write(STATE_FILE, archive.to_json())
        parquet = parquet or "documents.parquet" in folder.owned
        settings = {**asdict(options), "jobs": jobs, "excel": excel, "xlsx": xlsx, "parquet": parquet,
                    "force": force, "prune": prune, "scheduler": scheduler, "review": review}
        folder.write("run.json", _run_record(started_at, summary, settings, archive, labels, cache.fingerprint))
        write_outputs(folder, RunOutputs(result.documents, result.errors, csv_bom=excel, xlsx=xlsx, parquet=parquet,
                                         review=review, producer=cache.fingerprint))
    summary.seconds = time.monotonic() - started  # with the writing; run.json has the time before it
    return result, summary
