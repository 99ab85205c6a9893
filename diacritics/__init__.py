"""Diacritic restoration stage: Vietnamese text that lost its marks, or went
through OCR without a Vietnamese model, turned back into correct Vietnamese.

Three entry points, plain data out:
- `assess(text) -> Assessment`: the text in Unicode (TCVN3, VNI and Windows-1258
  read back), the share of its words that are valid Vietnamese syllables, and
  whether it is garbled (OCR without a Vietnamese model throughout);
- `restore(text) -> Restoration`: lines of correct Vietnamese come out unchanged,
  the others restored or corrected;
- `remark(text) -> str`: OCR text of print too small to show its marks, with the
  marks of its syllables chosen again in context (same letters, same length).
"""

from .assessment import Assessment, assess
from .remark import remark
from .restoration import Restoration, restore

__all__ = ["Assessment", "Restoration", "assess", "remark", "restore"]
