"""Older Word (.doc, Word 97-2003) files, through antiword (Debian's `antiword`).

antiword reads the document's own text (Unicode in Word 97 and later) and writes
it as UTF-8; it starts in milliseconds, where LibreOffice takes seconds per file.
Text typed in TCVN3 or VNI fonts comes out as those codes and is repaired later,
like any text in a legacy encoding. Tables come out as rows of cells separated
by '|', which are turned into tab-separated rows as for .docx.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from .model import AcquisitionError

# A .doc is an OLE compound file; Word 2 to 6 and RTF renamed .doc are not read.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT = 120  # seconds
_CELLS = re.compile(r"^\|(.*)\|$")


def read_doc(path: Path) -> str:
    """The text of a Word 97-2003 document, tables as tab-separated rows."""
    with path.open("rb") as handle:
        if handle.read(8) != OLE_SIGNATURE:
            raise AcquisitionError("damaged", "not a Word 97-2003 document (no OLE header)")
    if shutil.which("antiword") is None:
        raise AcquisitionError("converter-unavailable", "reading .doc needs antiword (run `make setup`, "
                                                         "or apt-get install antiword)")
    try:
        done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise AcquisitionError("timeout", f"antiword took longer than {TIMEOUT} s") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AcquisitionError("damaged", f"antiword cannot read it ({reason[-1] if reason else done.returncode})")
    lines = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        cells = _CELLS.match(line.strip())
        lines.append("\t".join(" ".join(c.split()) for c in cells.group(1).split("|")) if cells else line)
    return unicodedata.normalize("NFC", "\n".join(lines))
