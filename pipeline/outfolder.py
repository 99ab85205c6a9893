"""The output folder: which files are ours, one run at a time, every file switched as one.

- `.decrees/manifest.json` lists each file the tool wrote (relative path and SHA-256). Only
  those are ever replaced or removed, and discovery never reads them back as inputs, so an
  output folder may sit inside the input tree or be the input folder itself.
- `.decrees/lock` is held for the whole run: a second run into the same folder stops with a
  message instead of interleaving its rows with the first one's.
- A run writes its files under `.decrees/staging/`, records the switch in
  `.decrees/switch.json`, then moves them into place. A run killed during the moves leaves
  `INCOMPLETE.txt` beside the outputs, and the next run into the folder finishes the switch.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from .files import sha256_of, write_atomic

STATE = ".decrees"
MARKER = "INCOMPLETE.txt"
_MARKER_TEXT = (
    "decrees was stopped while replacing the files of this folder, so they may come from two runs.\n"
    "Run decrees extract into this folder again: it finishes the switch and removes this file.\n"
)


# The locks this process holds. A worker forked during the run closes its copies, so that
# a worker still alive after the run has gone cannot keep the folder locked.
_held_locks: set = set()


def _close_inherited_locks() -> None:
    for lock in _held_locks:
        lock.close()  # only this process's descriptor: the run keeps its lock
    _held_locks.clear()


os.register_at_fork(after_in_child=_close_inherited_locks)


class OutputError(Exception):
    """The output folder cannot be written (or another run holds it); the message says why."""


def owned_files(folder: Path) -> dict[str, str]:
    """The files decrees wrote in `folder` (relative path → SHA-256); empty if none."""
    try:
        manifest = json.loads((folder / STATE / "manifest.json").read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _describe(exc: OSError) -> str:
    return f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)


class OutputFolder:
    """Use as `with OutputFolder(out) as folder:`; stage files with write(), then switch()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = path / STATE
        self.staging = self.state / "staging"
        self._lock = None
        self._owned: dict[str, str] = {}
        self._next: dict[str, str] = {}  # this run's files: relative path → SHA-256
        self._staged: set[str] = set()

    def __enter__(self) -> OutputFolder:
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            lock = open(self.state / "lock", "a+", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write to the output folder {self.path}: {_describe(exc)}") from exc
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            lock.close()
            raise OutputError(f"another decrees run (process {holder}) is writing to {self.path}; "
                              "wait for it to finish or choose another --out") from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        self._lock = lock
        _held_locks.add(lock)
        try:
            self._finish_switch()
            shutil.rmtree(self.staging, ignore_errors=True)  # files staged by a run that was stopped
        except OSError as exc:
            self.__exit__(None, None, None)
            raise OutputError(f"cannot finish the interrupted update of {self.path}: {_describe(exc)}") from exc
        self._owned = owned_files(self.path) or _legacy_outputs(self.path)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._lock is not None:
            _held_locks.discard(self._lock)
            self._lock.close()  # closing releases the lock
            self._lock = None

    @property
    def owned(self) -> dict[str, str]:
        """The files of the last complete run (relative path → SHA-256)."""
        return dict(self._owned)

    def write(self, relative: str, data: bytes) -> None:
        """Make `relative` part of this run's outputs with this content."""
        digest = _sha256(data)
        self._next[relative] = digest
        if self._owned.get(relative) == digest and (self.path / relative).is_file():
            return  # unchanged: nothing to move
        self._write_staged(relative, lambda path: path.write_bytes(data))

    def keep(self, relative: str) -> bool:
        """Keep a file of the last run as it is, if it is there; False if it must be written."""
        if relative not in self._owned or not (self.path / relative).is_file():
            return False
        self._next[relative] = self._owned[relative]
        return True

    def owned_text(self, relative: str) -> str | None:
        """The content of a text file of the last run, or None."""
        try:
            return (self.path / relative).read_text(encoding="utf-8") if relative in self._owned else None
        except (OSError, ValueError):
            return None

    def write_with(self, relative: str, writer: Callable[[Path], None]) -> None:
        """Let `writer(path)` write the file (spreadsheets, Parquet), then make it an output."""
        self._write_staged(relative, writer)
        with open(self.staging / relative, "rb") as handle:
            self._next[relative] = sha256_of(handle)

    def _write_staged(self, relative: str, writer: Callable[[Path], None]) -> None:
        path = self.staging / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            writer(path)
        except OSError as exc:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"cannot write the outputs in {self.path}: {_describe(exc)}; "
                              "the previous outputs are unchanged") from exc
        self._staged.add(relative)

    def switch(self) -> None:
        """Replace the previous run's files with this run's, as one change."""
        plan = {
            "move": sorted(self._staged),
            "remove": sorted(set(self._owned) - set(self._next)),
            "files": dict(sorted(self._next.items())),
        }
        foreign = [relative for relative in plan["move"]
                   if relative not in self._owned and not relative.startswith(f"{STATE}/")
                   and os.path.lexists(self.path / relative)]
        if foreign:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"{self.path / foreign[0]} was not written by decrees and would be replaced; "
                              "move it away or choose another --out (the previous outputs are unchanged)")
        try:
            for relative in plan["move"]:  # fail before moving anything if a folder is not writable
                target = (self.path / relative).parent
                target.mkdir(parents=True, exist_ok=True)
                if not os.access(target, os.W_OK):
                    raise PermissionError(13, "Permission denied", str(target))
            write_atomic(self.state / "switch.json", json.dumps(plan, ensure_ascii=False))
        except OSError as exc:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"cannot write the outputs in {self.path}: {_describe(exc)}; "
                              "the previous outputs are unchanged") from exc
        try:
            self._finish_switch()
        except OSError as exc:
            raise OutputError(f"the outputs in {self.path} are incomplete ({_describe(exc)}); "
                              f"see {MARKER} there") from exc
        self._owned, self._next, self._staged = plan["files"], {}, set()

    def _finish_switch(self) -> None:
        """Carry out a recorded switch (again, after a run was stopped during it)."""
        journal = self.state / "switch.json"
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except ValueError:  # the journal itself was cut short: nothing was moved yet
            journal.unlink()
            return
        (self.path / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        for relative in plan["move"]:
            staged = self.staging / relative
            if staged.exists():  # else it was moved before the stop
                os.replace(staged, self.path / relative)
        for relative in plan["remove"]:
            (self.path / relative).unlink(missing_ok=True)
        write_atomic(self.state / "manifest.json", json.dumps({"files": plan["files"]}, ensure_ascii=False))
        journal.unlink()
        (self.path / MARKER).unlink()
        shutil.rmtree(self.staging, ignore_errors=True)


# What decrees wrote before output folders had a manifest; such a folder is known by its cache entries.
_LEGACY_NAMES = ("documents.csv", "legal_bases.csv", "references.csv", "targets.csv", "pages.csv",
                 "errors.csv", "documents.jsonl")
_LEGACY_TEXT = re.compile(r"[0-9a-f]{16}\.txt")
_LEGACY_CACHE = re.compile(r"[0-9a-f]{64}-[0-9a-f]+\.json")


def _legacy_outputs(folder: Path) -> dict[str, str]:
    """The outputs of an older decrees in `folder` (no content hash known), or none."""
    if not any(_LEGACY_CACHE.fullmatch(p.name) for p in folder.glob(".cache/[0-9a-f][0-9a-f]/*.json")):
        return {}  # no result cached by decrees: whatever is here is not ours
    found = [name for name in _LEGACY_NAMES if (folder / name).is_file()]
    texts = folder / "text"
    if texts.is_dir():
        found += [f"text/{p.name}" for p in texts.iterdir() if _LEGACY_TEXT.fullmatch(p.name) and p.is_file()]
    return dict.fromkeys(found, "")
