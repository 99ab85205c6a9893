"""Finding the input files under the paths given on the command line.

Only regular files are read: FIFOs, devices and sockets would block or never
end, and a symbolic link is followed only to a file inside its input folder.
Files that are not documents (sidecar .json, .xml, thumbnails) are skipped and
counted, unless named on the command line. A `.zip` is read as a folder.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ocr import SUPPORTED

from .document import FileError
from .outfolder import MARKER, STATE, owned_files
from .zipped import ZIP_SUFFIX, zip_members


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_path: str  # the input root's label, then the path under it: "batch-1/sub/x.pdf"
    sha256: str | None = None  # filled in by the run once the file is hashed
    member: str | None = None  # the name inside the zip at `path`, for a file in a zip

    @property
    def suffix(self) -> str:
        return Path(self.member or self.path.name).suffix.lower()


@dataclass
class Discovery:
    files: list[InputFile] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: int = 0  # files that are not documents


def display_name(path: Path | str) -> str:
    """A path as text that can be written to UTF-8 outputs: bytes of a name that
    are not UTF-8 (a Windows zip's cp1258 name) are shown as \\xNN, so two such
    names never collapse into one."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _regular_file_problem(path: Path, root: Path) -> FileError | None:
    """Why `path` cannot be read as an input file, or None when it can."""
    name = display_name(path)
    try:
        mode = path.stat().st_mode  # follows a symbolic link
    except OSError:
        return FileError(name, "discover", "broken-link", "symbolic link to a missing file or a link loop")
    if not stat.S_ISREG(mode):
        return FileError(name, "discover", "not-a-file",
                         "not a regular file (a FIFO, device or socket): not read")
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        return FileError(name, "discover", "link-outside",
                         "symbolic link to a file outside the input folder: not followed")
    return None


def _add(found: Discovery, path: Path, source_path: str, named: bool) -> None:
    suffix = path.suffix.lower()
    if suffix == ZIP_SUFFIX:
        files, errors, skipped = zip_members(path, source_path)
        found.files.extend(InputFile(path, name, member=member) for name, member in files)
        found.errors.extend(errors)
        found.skipped += skipped
    elif suffix in SUPPORTED or named:
        found.files.append(InputFile(path, source_path))  # an unsupported named file gets its row
    else:
        found.skipped += 1


def discover(inputs: list[Path], labels: dict[Path, str]) -> Discovery:
    """Every document under `inputs` (folders recursively, hidden files skipped), sorted.

    A file's source path starts with its input's label (archive.Archive.labels): the
    folder's name, or for a file the name of the folder it is in.

    Symlinked folders are not followed, so a symlink loop cannot trap the walk. The files
    of a decrees output folder met on the way (its own outputs) are not inputs.
    """
    found = Discovery()
    for root in inputs:
        prefix = f"{labels[root]}/"
        if root.is_dir():
            _walk(found, root, prefix)
            continue
        source_path = prefix + display_name(root.name)
        if not (root.exists() or root.is_symlink()):
            found.errors.append(FileError(source_path, "discover", "not-found", "no such file or folder"))
            continue
        problem = _regular_file_problem(root, root.parent)
        if problem is not None and problem.error != "link-outside":  # a file named is read wherever it is
            problem.source_path = source_path
            found.errors.append(problem)
        else:
            _add(found, root, source_path, named=True)
    # A file under two of the inputs (a folder and a folder inside it) is one file.
    found.files = sorted({f.source_path: f for f in found.files}.values(), key=lambda f: f.source_path)
    found.errors = list({e.source_path: e for e in found.errors}.values())
    return found


def _walk(found: Discovery, root: Path, prefix: str) -> None:
    def walk_error(exc: OSError) -> None:
        where = Path(exc.filename or root)
        relative = where.relative_to(root).as_posix() if where.is_relative_to(root) else where.as_posix()
        found.errors.append(FileError(prefix + display_name(relative), "discover", "unreadable",
                                      exc.strerror or str(exc)))

    outputs: set[Path] = set()
    for folder, subfolders, names in os.walk(root, onerror=walk_error):
        folder_path = Path(folder)
        if STATE in subfolders:
            outputs.update(folder_path / name for name in [*owned_files(folder_path), MARKER])
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or folder_path / name in outputs:
                continue
            path = folder_path / name
            source_path = prefix + display_name(path.relative_to(root).as_posix())
            problem = _regular_file_problem(path, root)
            if problem is not None:
                problem.source_path = source_path
                found.errors.append(problem)
            else:
                _add(found, path, source_path, named=False)
