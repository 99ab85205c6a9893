"""Word (.docx) files: paragraphs in order, tables as tab-separated rows."""

from __future__ import annotations

import io
import unicodedata
import zipfile

from .model import AcquisitionError


def read_docx(data: bytes) -> str:
    import docx  # python-docx; imported here so that other formats do not pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise AcquisitionError("damaged", f"not a readable Word document ({exc})") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append("\t".join(" ".join(cell.text.split()) for cell in row.cells))
    return unicodedata.normalize("NFC", "\n".join(lines))
