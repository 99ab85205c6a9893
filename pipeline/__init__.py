"""The pipeline: discovery, per-file processing through the stages, outputs.

Only this package wires the stages (`ocr`, `diacritics`, `extractors`)
together; they never import each other or the pipeline.
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("decrees")
except PackageNotFoundError:  # run from a source tree that was not installed
    __version__ = "unknown"

_EXPORTS = {"Document": "document", "FileError": "document", "Options": "process", "process_file": "process",
            "Summary": "batch", "run": "batch"}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    # Imported on first use: `decrees restore` needs none of them, and they bring
    # pandas and every stage (about a second of a fresh process).
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
