"""The stage's entry point, `extract`: a document's header, citations and targets."""

from __future__ import annotations

import re

from vietnamese.bodies import NORMATIVE_TYPES

from .citations import extract_citations
from .dates import year_misread
from .folding import fold
from .header import extract_header
from .model import Citation, Extraction, Header
from .targets import extract_targets, stated_year


def _document_year(header: Header) -> int | None:
    """The year a document's targets apply to when neither a sentence nor a heading says:
    the horizon its title states ("GIAI ĐOẠN 2026 - 2030", "ĐẾN NĂM 2035"; not the date of
    a document the title names), else the year it was issued."""
    horizon = stated_year(fold(header.title)) if header.title else None
    if horizon:
        return horizon
    return int(header.issue_date[:4]) if header.issue_date else None


_PROVINCE_ISSUER = re.compile(r"(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)\s+(?P<province>(?:tỉnh|thành phố)\s+\S.*)")


def _province(header: Header) -> str | None:
    """The province or city whose council or people's committee issued the document
    ("Ủy ban nhân dân tỉnh Đồng Nai" -> "tỉnh Đồng Nai"): the subject of its province-wide goals."""
    m = _PROVINCE_ISSUER.fullmatch(header.issuer or "")
    return m.group("province") if m else None


def _check_issue_year(header: Header, cited: list[Citation]) -> None:
    """A document is never dated before a document it cites: an issue year earlier than a
    cited date is a misread digit ("2016" for "2018" on a scan), corrected when one
    look-alike digit makes it possible."""
    cited_years = [int(c.date[:4]) for c in cited if c.date]
    if not header.issue_date or not cited_years or int(header.issue_date[:4]) >= max(cited_years):
        return
    year = year_misread(int(header.issue_date[:4]), max(cited_years))
    if year:
        header.issue_date = f"{year:04d}{header.issue_date[4:]}"


def extract(text: str) -> Extraction:
    """Header fields, legal bases, other citations and targets of one document."""
    folded = fold(text)
    header = extract_header(text, folded)
    bases, others = extract_citations(text, folded)
    if header.number:
        others = [c for c in others if c.number != header.number]
    _check_issue_year(header, bases + others)
    issue_year = int(header.issue_date[:4]) if header.issue_date else None
    normative = header.doc_type in NORMATIVE_TYPES
    targets = extract_targets(text, folded, _document_year(header), issue_year, normative, _province(header))
    return Extraction(header, bases, others, targets)
