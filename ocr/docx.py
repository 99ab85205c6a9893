"""Word (.docx) files: paragraphs in order, tables as tab-separated rows."""

from __future__ import annotations

import io
import unicodedata
import zipfile

from .model import AcquisitionError

# python-docx reads every part of the package into memory and parses its XML whole
# (about ten bytes a byte of XML): a 41 KB zip bomb took 5 GB before these limits.
MAX_XML_BYTES = 32 << 20
MAX_PACKAGE_BYTES = 256 << 20


def _check_package(data: bytes) -> None:
    """Refuse a package whose parts unpack to more than the limits say (zipfile never
    unpacks a part past the size it declares, so the declared sizes bound the reading)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise AcquisitionError("damaged", f"not a readable Word document ({exc})") from exc
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    total = sum(p.file_size for p in parts)
    if xml > MAX_XML_BYTES or total > MAX_PACKAGE_BYTES:
        raise AcquisitionError("too-large", f"unpacks to {total >> 20} MB ({xml >> 20} MB of XML), more than a "
                                            f"Word document may ({MAX_PACKAGE_BYTES >> 20} MB, "
                                            f"{MAX_XML_BYTES >> 20} MB of XML)")
    if any(p.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for p in parts):
        raise AcquisitionError("damaged", "not a Word document: parts compressed in a way Word never uses")


def read_docx(data: bytes) -> str:
    import docx  # python-docx; imported here so that other formats do not pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_package(data)
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
