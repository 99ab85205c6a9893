"""Per-file results cached by content hash, so that re-runs only process what changed.

An entry is written (atomically) as soon as a file is done, so a run that is
killed keeps everything it finished. The key is the file's SHA-256 plus a
fingerprint of the pipeline version and the options that change results: a
new version or other options never reuse old results.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from extractors import Citation, Extraction, Header, Target

from .document import Document, FileError
from .output import write_atomic
from .process import Options, file_hash

# Bump when a change to any stage changes its results.
PIPELINE_VERSION = "3"


def _fingerprint(options: Options) -> str:
    # Only what changes results: not how many pages are OCRed at a time.
    affecting = (options.ocr, options.restore, options.max_pages, options.lang, options.timeout)
    return hashlib.sha256(repr((PIPELINE_VERSION, affecting)).encode()).hexdigest()[:12]


class ResultCache:
    def __init__(self, folder: Path, options: Options) -> None:
        self.folder = folder
        self.fingerprint = _fingerprint(options)

    def _path(self, sha256: str, fingerprint: str | None = None) -> Path:
        return self.folder / f"{sha256[:2]}" / f"{sha256}-{fingerprint or self.fingerprint}.json"

    def get(self, sha256: str, source_path: str, fingerprint: str | None = None) -> Document | FileError | None:
        """The result for this content; by default the one for this run's options."""
        path = self._path(sha256, fingerprint)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if "error" in record:
            return FileError(source_path, record["stage"], record["error"], record["message"])
        return _document(record, source_path)

    def put(self, sha256: str, result: Document | FileError) -> None:
        if isinstance(result, FileError):
            record = result.row()
        else:
            record = asdict(result)
        write_atomic(self._path(sha256), json.dumps(record, ensure_ascii=False))


def _document(record: dict, source_path: str) -> Document:
    extraction = record.pop("extraction")
    header = extraction["header"]
    header["spans"] = {k: tuple(v) for k, v in header["spans"].items()}
    record["source_path"] = source_path
    return Document(
        **record,
        extraction=Extraction(
            header=Header(**header),
            legal_bases=[Citation(**c) for c in extraction["legal_bases"]],
            references=[Citation(**c) for c in extraction["references"]],
            targets=[Target(**t) for t in extraction["targets"]],
        ),
    )
