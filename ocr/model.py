"""What text acquisition returns: the text of each page and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str  # "text" (text layer or plain text) or "ocr"
    confidence: float | None = None  # mean OCR word confidence, 0..1
    # (start, end) of the words OCR was unsure of (confidence below DOUBTFUL), in `text`
    doubtful: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class AcquiredText:
    pages: list[PageText]


class AcquisitionError(Exception):
    """The file cannot be read: `kind` is a short code, the message says why in plain words."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
