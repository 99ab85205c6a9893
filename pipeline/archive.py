"""The archive an output folder holds: every document processed into it, across runs.

Researchers add batches: a run updates and adds the files of the inputs it was given
and carries over everything else processed into the folder before. A document leaves
only when its file is gone from an input folder scanned in this run, or, with
`prune`, when its file is gone wherever it came from.

Each input folder gets a label, its name ("batch-2"; "batch-2-2" for another folder of
the same name), and a file's source path is the label, then its path under the folder.
`.decrees/archive.json` keeps the labels and, per source path, how to find its result
again: the content hash and result fingerprint of its cache entry, or its error row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, FileError

STATE_FILE = ".decrees/archive.json"


def _folder(root: Path) -> Path:
    """The folder an input stands for: itself, or the folder a file is in."""
    resolved = root.resolve()
    return resolved.parent if resolved.is_file() else resolved


@dataclass
class Archive:
    roots: dict[str, str] = field(default_factory=dict)  # label → absolute folder
    entries: dict[str, dict] = field(default_factory=dict)  # source path → {"sha256", "fingerprint"} or {"error": row}

    @classmethod
    def load(cls, out: Path) -> Archive:
        """The archive of `out`, empty if it has none (or an unreadable one)."""
        try:
            state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
            return cls(dict(state["roots"]), dict(state["entries"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def labels(self, inputs: list[Path]) -> dict[Path, str]:
        """What each input's source paths start with: its folder's label, or for a folder
        inside one of an earlier run, that label and the path under it ("archive/2024"),
        so that re-running a part of a batch updates the batch's documents."""
        labels = {}
        for root in inputs:
            folder = _folder(root)
            inside = [(label, folder.relative_to(known)) for label, known in self.roots.items()
                      if folder.is_relative_to(known)]
            if inside:
                label, below = min(inside, key=lambda found: len(found[1].parts))  # the nearest
                labels[root] = label if below == Path(".") else f"{label}/{below.as_posix()}"
                continue
            name = folder.name or "root"
            label = next(c for c in [name, *(f"{name}-{i}" for i in range(2, 10_000))] if c not in self.roots)
            self.roots[label] = str(folder)
            labels[root] = label
        return labels

    def carried_over(self, inputs: list[Path], labels: dict[Path, str], prune: bool) -> dict[str, dict]:
        """The entries of earlier runs that this run keeps: those outside what it scans (a file
        named on the command line covers itself only), and with `prune` only those whose file is there."""
        scanned_folders = tuple(f"{labels[root]}/" for root in inputs if not root.is_file())
        scanned_files = {f"{labels[root]}/{root.name}" for root in inputs if root.is_file()}
        kept = {}
        for source_path, entry in self.entries.items():
            label, _, relative = source_path.partition("/")
            if source_path.startswith(scanned_folders) or source_path in scanned_files:
                continue
            if prune and not (Path(self.roots.get(label, "/nonexistent")) / relative).is_file():
                continue
            kept[source_path] = entry
        return kept

    def record(self, outcome: Document | FileError, fingerprint: str) -> None:
        """Remember a result: a document by its cache entry, an error by its row."""
        if isinstance(outcome, Document):
            self.entries[outcome.source_path] = {"sha256": outcome.sha256, "fingerprint": fingerprint}
        else:
            self.entries[outcome.source_path] = {"error": outcome.row()}

    def to_json(self) -> bytes:
        return json.dumps({"roots": self.roots, "entries": dict(sorted(self.entries.items()))},
                          ensure_ascii=False).encode("utf-8")
