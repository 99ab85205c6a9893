"""What the extractors return: plain records, each with its source span.

`start`/`end` are character offsets into the text given to `extract`, and
`raw` is exactly text[start:end], so every value can be checked by a reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """Why a document is cited."""

    BASIS = "basis"  # in the "Căn cứ …" preamble or the legal-basis section
    PROPOSAL = "proposal"  # "Theo đề nghị / Xét / Thực hiện …"
    REPLACES = "replaces"  # "… thay thế Quyết định số …"
    REFERENCE = "reference"  # anywhere else


@dataclass
class Citation:
    """A document cited by another one (legal basis, proposal, reference)."""

    role: str  # a Role's value, a plain string as it reads back from JSON: basis, proposal, replaces, reference
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    name: str | None
    raw: str
    start: int
    end: int


@dataclass
class Target:
    """A percentage that the document assigns as a target."""

    subject: str | None
    metric: str | None
    value: float
    # One of these codes, never document text: written as it is (a spreadsheet formula cannot start with it).
    comparator: str = field(metadata={"vocabulary": (">=", "=", "<=")})
    year: int | None
    annual_increase: float | None
    procedures_count: int | None
    raw: str
    start: int
    end: int


@dataclass
class Header:
    """The identifying fields of a document; `spans` holds (start, end) per field."""

    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issue_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_level: str | None = None
    province: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Extraction:
    header: Header
    legal_bases: list[Citation]
    references: list[Citation]
    targets: list[Target]
