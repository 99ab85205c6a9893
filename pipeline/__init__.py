"""The pipeline: discovery, per-file processing through the stages, outputs.

Only this package wires the stages (`ocr`, `diacritics`, `extractors`)
together; they never import each other or the pipeline.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("decrees")
except PackageNotFoundError:  # run from a source tree that was not installed
    __version__ = "unknown"

from .document import Document, FileError
from .process import Options, process_file
from .run import Summary, run

__all__ = ["Document", "FileError", "Options", "Summary", "process_file", "run"]
