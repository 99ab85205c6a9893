"""Diacritic restoration stage: Vietnamese text that lost its marks, or went
through OCR without a Vietnamese model, turned back into correct Vietnamese.

Two entry points, plain data out:
- `assess(text) -> Assessment`: the text in Unicode (TCVN3, VNI and Windows-1258
  read back), the share of its words that are valid Vietnamese syllables, and
  whether it is garbled (OCR without a Vietnamese model throughout);
- `restore(text, source=, doubtful=, small_print=) -> Restoration`: lines of
  correct Vietnamese come out unchanged, the others restored or corrected; OCR
  output (`source="ocr"`, or the words OCR doubted) polished, and on print too
  small to show its marks (`small_print`) the marks of every line chosen again;
- `restore_document(passages) -> list[Restoration]`: the pages of one document
  (`Passage`: text, and how it was read) restored together, as `restore` does each.
"""

from .assessment import Assessment, assess
from .restoration import Passage, Restoration, restore, restore_document

__all__ = ["Assessment", "Passage", "Restoration", "assess", "restore", "restore_document"]
