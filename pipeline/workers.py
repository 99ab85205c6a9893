"""Files processed in worker processes that the run watches and replaces.

Each worker holds one file at a time, so when a worker must go, the file it
held is the only one affected: a worker over its memory budget or past the
time limit is killed and that file gets its row; a worker that dies on its
own (a crash in a native library, the kernel's out-of-memory killer) gets its
file retried once in a fresh worker before the file is given up. Workers are
forked from the run, so a replacement starts with the run's loaded models.

Ctrl-C reaches the whole process group: workers ignore it and the run stops
them, so an interrupted run ends within a second and leaves no process behind.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from .discover import InputFile
from .document import Document, FileError
from .process import Options, process_file, share_ocr_slots

POLL_SECONDS = 0.1  # how often memory and time are checked
TIME_GRACE = 2.0  # seconds past --timeout before a worker that did not stop itself is killed
ATTEMPTS = 2  # a file whose worker dies on its own is tried this many times
_PR_SET_PDEATHSIG = 1

Finish = Callable[[InputFile, Document | FileError], None]


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the run's process dies, even by kill -9."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a worker still ends when its pipe to the run closes


def _worker(connection: Connection, ocr_slots, pages_ocred, memory_bytes: int | None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run decides what Ctrl-C stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_bytes:
        # A hard ceiling on memory the worker may commit beyond what it inherited, above
        # the budget the run enforces, so that one huge allocation fails at once (MemoryError).
        ceiling = _status_bytes("VmData") + 2 * memory_bytes
        resource.setrlimit(resource.RLIMIT_DATA, (ceiling, ceiling))
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one Tesseract thread per page: pages and processes are the parallelism
    share_ocr_slots(ocr_slots, pages_ocred)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        item, options = task
        connection.send(process_file(item, options))


def _status_bytes(field: str, pid: int | str = "self") -> int:
    """A memory figure of /proc/PID/status in bytes (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) << 10
    except (OSError, ValueError, IndexError):
        pass
    return 0


def resident_bytes(pid: int) -> int:
    """Memory a worker has in RAM or swap, its own or shared: never less than
    private_bytes, and read from counters where private_bytes walks the worker's
    page tables (10 checks a second of two OCRing workers took 0.3 s of CPU per
    page, a fifth of the OCR's own), so the exact count is needed only above it."""
    return _status_bytes("VmRSS", pid) + _status_bytes("VmSwap", pid)


def private_bytes(pid: int) -> int:
    """Memory a worker holds of its own (not the pages it shares with the run it was
    forked from), 0 once it is gone."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith(("Private_Clean:", "Private_Dirty:", "SwapPss:")):
                    total += int(line.split()[1]) << 10
    except (OSError, ValueError, IndexError):
        return _status_bytes("VmRSS", pid)
    return total


@dataclass
class _Slot:
    process: multiprocessing.Process
    connection: Connection
    item: InputFile | None = None
    started: float = 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    """`jobs` worker processes fed one file at a time; they share the run's OCR slots
    and count the pages they OCR in `pages_ocred` (see process.share_ocr_slots)."""

    def __init__(self, jobs: int, options: Options, memory_bytes: int | None, ocr_slots, pages_ocred) -> None:
        self.jobs = jobs
        self.options = options
        self.memory_bytes = memory_bytes
        self._context = multiprocessing.get_context("fork")
        self._shared = (ocr_slots, pages_ocred)
        self._slots: list[_Slot] = []

    def _start(self) -> _Slot:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(theirs, *self._shared, self.memory_bytes),
                                        daemon=True)
        process.start()
        theirs.close()
        slot = _Slot(process, ours)
        self._slots.append(slot)
        return slot

    def _retire(self, slot: _Slot) -> None:
        slot.stop()
        self._slots.remove(slot)

    def close(self) -> None:
        """Stop every worker now (the files they hold are left unfinished)."""
        for slot in list(self._slots):
            self._retire(slot)

    def _over_budget(self, slot: _Slot, now: float) -> FileError | None:
        item = slot.item
        timeout = self.options.timeout
        if timeout and now - slot.started > timeout + TIME_GRACE:
            return FileError(item.source_path, "read", "timeout",
                             f"took longer than the limit of {timeout:g} s per file (--timeout); stopped")
        if self.memory_bytes and resident_bytes(slot.process.pid) > self.memory_bytes \
                and private_bytes(slot.process.pid) > self.memory_bytes:
            return FileError(item.source_path, "read", "out-of-memory",
                             f"needed more than the memory budget of {self.memory_bytes >> 20} MiB "
                             "per worker (--max-memory); stopped")
        return None

    def run(self, files: list[InputFile], finish: Finish, meanwhile: Callable[[], None] | None = None) -> None:
        """Process `files`, calling finish(item, result) as each one is done, and meanwhile()
        once the first files are handed out (the run's own work, done while they are read)."""
        pending = deque(files)
        attempts: dict[str, int] = {}
        try:
            while pending or any(slot.item for slot in self._slots):
                self._assign(pending)
                if meanwhile:
                    meanwhile()
                    meanwhile = None
                busy = [slot for slot in self._slots if slot.item is not None]
                ready = set(wait([s.connection for s in busy] + [s.process.sentinel for s in busy], POLL_SECONDS))
                now = time.monotonic()
                for slot in busy:
                    item = slot.item
                    if slot.connection in ready:
                        try:
                            result = slot.connection.recv()
                        except (EOFError, OSError):
                            result = None
                        if result is not None:
                            slot.item = None
                            finish(item, result)
                            continue
                    if slot.process.sentinel in ready or not slot.process.is_alive():
                        self._retire(slot)
                        attempts[item.source_path] = attempts.get(item.source_path, 0) + 1
                        if attempts[item.source_path] < ATTEMPTS:
                            pending.appendleft(item)
                        else:
                            finish(item, _died(item, slot.process.exitcode))
                        continue
                    problem = self._over_budget(slot, now)
                    if problem is not None:
                        self._retire(slot)
                        finish(item, problem)
        finally:
            self.close()

    def _assign(self, pending: deque[InputFile]) -> None:
        idle = [slot for slot in self._slots if slot.item is None]
        while pending:
            if idle:
                slot = idle.pop()
            elif len(self._slots) < self.jobs:
                slot = self._start()
            else:
                return
            slot.item, slot.started = pending.popleft(), time.monotonic()
            slot.connection.send((slot.item, self.options))


def _died(item: InputFile, exitcode: int | None) -> FileError:
    if exitcode is not None and exitcode < 0:
        how = f"was killed by signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            how += " (the system may have run out of memory)"
    else:
        how = f"exited with code {exitcode}"
    return FileError(item.source_path, "read", "crashed",
                     f"the worker reading this file {how}, {ATTEMPTS} times; the other files were not affected")
