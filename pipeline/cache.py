"""Per-file results cached by content hash, so that re-runs only process what changed.

An entry is written (atomically) as soon as a file is done, so a run that is
killed keeps everything it finished. The key is the file's SHA-256 plus a
fingerprint of everything that produced the result: the code and data files
(models, lexicons) of the stages and the pipeline, the options that change
results, and Tesseract's version and models. An upgrade, a retrained model or
other options never reuse old results; what is read back is checked, and an
entry of the wrong shape is a miss.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from functools import cache
from pathlib import Path

from extractors import Citation, Extraction, Header, Target

from .document import Document, FileError
from .files import write_atomic
from .process import Options

ROOT = Path(__file__).resolve().parent.parent
# The packages whose code and data make the results.
PRODUCERS = ("vietnamese", "ocr", "diacritics", "extractors", "pipeline")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BUILT = {".pyc", ".so", ".c", ".nbi", ".nbc"}  # made from the hashed sources at install


def _tree_digest(folders: tuple[str, ...]) -> str:
    """Hash of every file of the packages: their code and their data (model, lexicons)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in _BUILT:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def _tesseract_identity(lang: str) -> str:
    """Tesseract's version and the bytes of the models it reads; empty without Tesseract."""
    try:
        import tesserocr

        from ocr.tesseract import tessdata
    except ImportError:
        return ""
    digest = hashlib.sha256(tesserocr.tesseract_version().encode())
    folder = tessdata()
    for model in (lang, "osd"):
        path = Path(folder or "") / f"{model}.traineddata"
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"missing")
    return digest.hexdigest()


def fingerprint(options: Options) -> str:
    """What produced a result: code, data, Tesseract and the options that change results.
    Not the time limit (a file that timed out is not cached) nor how many pages run at a time."""
    affecting = (options.ocr, options.restore, options.max_pages, options.lang)
    identity = (_tree_digest(PRODUCERS), _tesseract_identity(options.lang) if options.ocr else "", affecting)
    return hashlib.sha256(repr(identity).encode()).hexdigest()[:16]


class ResultCache:
    def __init__(self, folder: Path, options: Options) -> None:
        self.folder = folder
        self.fingerprint = fingerprint(options)

    def _path(self, sha256: str, fingerprint: str | None = None) -> Path:
        return self.folder / f"{sha256[:2]}" / f"{sha256}-{fingerprint or self.fingerprint}.json"

    def holds(self, sha256: str) -> bool:
        """Whether a result for this content and this run's options is stored (get() checks it)."""
        return self._path(sha256).is_file()

    def get(self, sha256: str, source_path: str, fingerprint: str | None = None) -> Document | FileError | None:
        """The result for this content, by default the one for this run's options; None when
        there is none or it does not check out."""
        try:
            record = json.loads(self._path(sha256, fingerprint).read_text(encoding="utf-8"))
            return _error(record, source_path) if "error" in record else _document(record, sha256, source_path)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, sha256: str, result: Document | FileError) -> None:
        record = result.row() if isinstance(result, FileError) else asdict(result)
        write_atomic(self._path(sha256), json.dumps(record, ensure_ascii=False))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _error(record: dict, source_path: str) -> FileError:
    return FileError(source_path, _text(record["stage"]), _text(record["error"]), _text(record["message"]))


def _document(record: dict, sha256: str, source_path: str) -> Document:
    """A Document from its cached record. Its identity comes from the key, never
    from the entry: a doc_id names files in the output folder."""
    if not _SHA256.fullmatch(sha256) or record.get("sha256") != sha256 or record.get("doc_id") != sha256[:16]:
        raise ValueError("entry for another file")
    extraction = record.pop("extraction")
    header = dict(extraction["header"])
    header["spans"] = {_text(k): (int(s), int(e)) for k, (s, e) in header["spans"].items()}
    record["source_path"] = source_path
    record["doubtful"] = [(int(s), int(e)) for s, e in record.get("doubtful", [])]  # pairs, as processing gives them
    document = Document(
        **record,
        extraction=Extraction(
            header=Header(**header),
            legal_bases=[Citation(**c) for c in extraction["legal_bases"]],
            references=[Citation(**c) for c in extraction["references"]],
            targets=[Target(**t) for t in extraction["targets"]],
        ),
    )
    _text(document.text)
    if len(document.page_starts) != len(document.page_sources) or not all(
            isinstance(o, int) for o in document.page_starts):
        raise ValueError("pages do not match")
    return document
