"""Following a run: a bar on a terminal, a status line every few seconds without one
(nohup, cron, a cluster job's log), and a line per file in the log.

Pages OCRed are counted as each page finishes, in whichever worker process, so a
500-page scan shows progress while it is read.
"""

from __future__ import annotations

import logging
import threading
import time

from tqdm import tqdm

from .discover import InputFile
from .document import Document, FileError

log = logging.getLogger("decrees")


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s"


class Progress:
    """Counts finished files; shows them as a bar (`bar`) or as a log line every `every` seconds."""

    def __init__(self, total: int, *, bar: bool, every: float | None, pages_ocred=None) -> None:
        self.total = total
        self.files = self.pages = self.errors = 0
        self.pages_ocred = pages_ocred  # a multiprocessing.Value the workers add to, or None
        self.started = time.monotonic()
        self.bar = tqdm(total=total, unit="file", disable=not bar, dynamic_ncols=True)
        self.every = every
        self._stop = threading.Event()
        self._thread = None
        if total and (bar or every):
            self._thread = threading.Thread(target=self._tick, daemon=True)
            self._thread.start()

    def counts(self) -> str:
        text = f"{self.pages} pages"
        if self.pages_ocred is not None and self.pages_ocred.value:
            text += f" ({self.pages_ocred.value} pages OCRed so far)"
        return f"{text}, {self.errors} errors"

    def status(self) -> str:
        elapsed = time.monotonic() - self.started
        text = f"{self.files}/{self.total} files, {self.counts()}, {_duration(elapsed)}"
        if 0 < self.files < self.total:
            text += f", about {_duration(elapsed / self.files * (self.total - self.files))} left"
        return text

    def done(self, item: InputFile, result: Document | FileError) -> None:
        self.files += 1
        if isinstance(result, Document):
            self.pages += result.pages
            log.debug("%s: %d pages, %s", item.source_path, result.pages, result.text_source)
        else:
            self.errors += 1
            log.debug("%s: %s (%s) %s", item.source_path, result.error, result.stage, result.message)
        self.bar.update()

    def _tick(self) -> None:
        last_line = time.monotonic()
        while not self._stop.wait(min(1.0, self.every or 1.0)):
            if not self.bar.disable:
                self.bar.set_postfix_str(self.counts(), refresh=True)
            elif self.every and time.monotonic() - last_line >= self.every:
                log.info("%s", self.status())
                last_line = time.monotonic()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.bar.close()
