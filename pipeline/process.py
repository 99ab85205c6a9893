"""One input file through the stages: acquire text, assess it, extract."""

from __future__ import annotations

import re
import signal
import threading
import zipfile
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

import diacritics
import extractors
import ocr

from .zipped import MemberTooLarge, extracted, open_member
from .discover import InputFile
from .document import PAGE_BREAK, Document, FileError
from .files import sha256_of


@dataclass(frozen=True)
class Options:
    ocr: bool = True
    restore: bool = True
    max_pages: int | None = 2000
    lang: str = "vie"
    page_jobs: int = 1  # scanned pages of one file OCRed at a time
    timeout: float | None = 600  # seconds one file may take; None: no limit


# Seconds to wait for an OCR slot before going ahead without one: a worker that
# died holding a slot must not stall the others (the slots only pace the run).
SLOT_WAIT = 120
_ocr_slots = None  # a multiprocessing semaphore shared by the run's worker processes
_pages_ocred = None  # a multiprocessing.Value counting the run's OCRed pages, for its progress


def share_ocr_slots(semaphore, pages_ocred=None) -> None:
    """Bound the pages OCRed at once by all processes of a run (called in each worker):
    every file may OCR several pages in parallel, the run never more than cores.
    Each page OCRed is added to `pages_ocred`."""
    global _ocr_slots, _pages_ocred
    _ocr_slots, _pages_ocred = semaphore, pages_ocred


class _SharedOcrSlots:
    """The run's OCR slots as acquisition takes them (ocr.OcrSlots)."""

    def __init__(self, semaphore, pages_ocred=None) -> None:
        self.semaphore = semaphore
        self.pages_ocred = pages_ocred

    @contextmanager
    def slot(self):
        held = self.semaphore.acquire(timeout=SLOT_WAIT)
        try:
            yield
        finally:
            if held:
                self.semaphore.release()
            if self.pages_ocred is not None:
                with self.pages_ocred.get_lock():
                    self.pages_ocred.value += 1


def file_hash(item: InputFile) -> str:
    """SHA-256 of an input."""
    with open_member(item.path, item.member) if item.member else open(item.path, "rb") as handle:
        return sha256_of(handle)


class FileTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None):
    """Raise FileTimeout after `seconds`, where a signal can be used (a process's main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class GarbledLayerJudge:
    """A PDF page's text layer is used unless it is garbled: an old OCR layer made
    without a Vietnamese model, or a font whose characters map to nonsense. A layer
    in a legacy Vietnamese encoding is usable: its text is repaired exactly."""

    def usable(self, text: str) -> bool:
        return not diacritics.assess(text).garbled


def acquire_options(options: Options) -> ocr.AcquireOptions:
    """What the acquisition stage needs of a run's options, with the pipeline's
    garbled-layer judge and the run's OCR slots."""
    return ocr.AcquireOptions(ocr=options.ocr, max_pages=options.max_pages, lang=options.lang,
                              page_jobs=options.page_jobs, layer_judge=GarbledLayerJudge(),
                              ocr_slots=_SharedOcrSlots(_ocr_slots, _pages_ocred) if _ocr_slots is not None else None)


def _quality(text: str, pages: list[ocr.PageText]) -> float:
    """How far the text can be trusted, 0..1: the restorer's judgement of the text,
    times OCR's mean confidence where pages were OCRed, times the share of pages
    that were not lost to an OCR failure; 0 for a text without a letter."""
    if not any(c.isalpha() for c in text):
        return 0.0
    quality = diacritics.assess(text).quality
    confidences = [p.confidence for p in pages if p.confidence is not None]
    if confidences:
        quality *= sum(confidences) / len(confidences)
    return quality * sum(p.decision != ocr.FAILED for p in pages) / len(pages)


def restore_pages(pages: list[ocr.PageText], texts: list[str]) -> list[str]:
    """The pages' texts (`texts`: read in Unicode, `diacritics.assess`) restored
    together, as one document: a page OCR read is corrected as OCR output; a text
    layer is restored where it lost its marks and re-marked only where OCR doubted
    a word; where OCR read print too small to show its marks, the marks of every
    line are chosen again."""
    passages = []
    for page, text in zip(pages, texts):
        # OCR's doubtful words; their offsets hold unless the encoding was repaired
        doubtful = page.doubtful if text == page.text else None
        # A text layer, even one with pictures of text OCRed into it (MIXED), is no OCR output.
        source = "ocr" if page.decision in (ocr.OCR, ocr.RE_OCR) else "text"
        small_print = page.low_resolution and doubtful is not None  # what OCR read, not a repaired text layer
        passages.append(diacritics.Passage(text, doubtful, source, small_print))
    return [restoration.text for restoration in diacritics.restore_document(passages)]


def process_file(item: InputFile, options: Options) -> Document | FileError:
    """Run one file through the stages; a failure becomes a FileError, never an exception.
    Its message is the same on every run: memory addresses in library messages are dropped."""
    try:
        with _time_limit(options.timeout):
            result = _process(item, options)
    except FileTimeout:
        return FileError(item.source_path, "read", "timeout",
                         f"took longer than the limit of {options.timeout:g} s per file (--timeout)")
    if isinstance(result, FileError):
        result.message = _ADDRESS.sub("", result.message)
    return result


_ADDRESS = re.compile(r" (?:at|object at) 0x[0-9a-fA-F]+|0x[0-9a-fA-F]{6,}")


def _process(item: InputFile, options: Options) -> Document | FileError:
    stage = "read"
    try:
        sha256 = item.sha256 or file_hash(item)
        with extracted(item.path, item.member) if item.member else nullcontext(item.path) as path:
            acquired = ocr.acquire(path, acquire_options(options))
        stage = "restore"
        source_parts, unsure_words, source_offset = [], [], 0  # the text before restoration, for provenance
        for page in acquired.pages:
            page_text = diacritics.assess(page.text).text
            source_parts.append(page_text)
            if page_text == page.text:
                unsure_words += [(source_offset + s, source_offset + e) for s, e in page.doubtful]
            source_offset += len(page_text) + len(PAGE_BREAK)
        parts = restore_pages(acquired.pages, source_parts) if options.restore else source_parts
        restored = any(part != page.text for part, page in zip(parts, acquired.pages))
        page_starts, offset = [], 0
        for part in parts:
            page_starts.append(offset)
            offset += len(part) + len(PAGE_BREAK)
        text = PAGE_BREAK.join(parts)
        quality = _quality(text, acquired.pages)
        stage = "extract"
        extraction = extractors.extract(text)
    except ocr.AcquisitionError as exc:
        return FileError(item.source_path, stage, exc.kind, str(exc))
    except MemberTooLarge:
        return FileError(item.source_path, stage, "too-large", "larger unpacked than a file in a zip may be")
    except MemoryError:
        return FileError(item.source_path, stage, "out-of-memory", "needed more memory than a worker may use")
    except zipfile.BadZipFile as exc:
        return FileError(item.source_path, stage, "damaged", f"cannot be read from its zip ({exc})")
    except PermissionError as exc:
        return FileError(item.source_path, stage, "unreadable", f"permission denied ({exc.strerror})")
    except OSError as exc:
        return FileError(item.source_path, stage, "unreadable", exc.strerror or str(exc))
    except FileTimeout:
        raise
    except RecursionError:  # a PDF whose page tree or objects refer to themselves, nested without end
        return FileError(item.source_path, stage, "damaged", "its structure refers to itself or nests without end")
    except Exception as exc:  # a bug must not stop the batch; the row says where it happened
        return FileError(item.source_path, stage, "internal", f"{type(exc).__name__}: {exc}")
    return Document(
        doc_id=sha256[:16],
        source_path=item.source_path,
        sha256=sha256,
        text=text,
        page_starts=page_starts,
        page_sources=[p.source for p in acquired.pages],
        page_decisions=[{"decision": p.decision, "reason": p.reason} for p in acquired.pages],
        restored=restored,
        quality=quality,
        extraction=extraction,
        source_text=PAGE_BREAK.join(source_parts),
        doubtful=unsure_words,
    )
