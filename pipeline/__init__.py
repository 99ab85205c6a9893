"""The pipeline: discovery, per-file processing through the stages, outputs.

Only this package wires the stages (`ocr`, `diacritics`, `extractors`)
together; they never import each other or the pipeline.
"""

from .document import Document, FileError
from .process import Options, process_file
from .run import Summary, run

__all__ = ["Document", "FileError", "Options", "Summary", "process_file", "run"]
