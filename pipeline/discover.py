"""Finding the input files under the paths given on the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .document import FileError
from .outfolder import MARKER, STATE, owned_files


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_path: str  # the input root's label, then the path under it: "batch-1/sub/x.pdf"
    sha256: str | None = None  # filled in by the run once the file is hashed


def discover(inputs: list[Path], labels: dict[Path, str]) -> tuple[list[InputFile], list[FileError]]:
    """Every file under `inputs` (folders recursively, hidden files skipped), sorted.

    A file's source path starts with its input's label (archive.Archive.labels): the
    folder's name, or for a file the name of the folder it is in.

    Symlinked folders are not followed, so a symlink loop cannot trap the walk. The files
    of a decrees output folder met on the way (its own outputs) are not inputs.
    """
    files: list[InputFile] = []
    errors: list[FileError] = []
    outputs: set[Path] = set()
    for root in inputs:
        label = labels[root]
        if root.is_file():
            files.append(InputFile(root, f"{label}/{root.name}"))
            continue
        if not root.is_dir():
            errors.append(FileError(f"{label}/{root.name}", "discover", "not-found", "no such file or folder"))
            continue

        def walk_error(exc: OSError, root: Path = root, label: str = label) -> None:
            where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
            errors.append(FileError(f"{label}/{where}", "discover", "unreadable", exc.strerror or str(exc)))

        for folder, subfolders, names in os.walk(root, onerror=walk_error):
            folder_path = Path(folder)
            if STATE in subfolders:
                outputs.update(folder_path / name for name in [*owned_files(folder_path), MARKER])
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or folder_path / name in outputs:
                    continue
                path = folder_path / name
                if path.is_symlink() and not path.exists():
                    errors.append(FileError(f"{label}/{path.relative_to(root).as_posix()}", "discover", "broken-link",
                                            "symbolic link to a missing file or a link loop"))
                    continue
                files.append(InputFile(path, f"{label}/{path.relative_to(root).as_posix()}"))
    files.sort(key=lambda f: f.source_path)
    return files, errors
