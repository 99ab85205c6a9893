"""Cited documents: legal bases ("Căn cứ …"), proposals and other references.

One pass finds every document number ("61/2018/NĐ-CP", "05-NQ/TU") with its
type, date and issuer; laws cited by name are found at the head of each
legal-basis clause. Each citation is then given a role by where it stands:
the "Căn cứ" preamble (basis), a "Theo đề nghị / Thực hiện" paragraph
(proposal), after "thay thế" (replaces), or elsewhere (reference).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bodies import parse_body
from .dates import date_after, find_dates
from .folding import fold_key, looks_damaged, squash
from .lexicon import (
    ARTICLE_ONE, CAN_CU, DOC_TYPE_ABBREVIATIONS, DOC_TYPE_PATTERNS, law_names,
)
from .model import Citation
from .numbers import NUMBER, normalise_number, symbol_issuer, symbol_type
from rapidfuzz import process, fuzz

_TYPES = "|".join(f"(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(DOC_TYPE_PATTERNS))
_ABBR = "|".join(DOC_TYPE_ABBREVIATIONS)
# A document type (or its abbreviation) right before a number: "Nghị định số ".
_TYPE_BEFORE = re.compile(
    rf"(?<![a-z])(?:{_TYPES}|(?P<abbr>{_ABBR}))(?:\s+li\S{{1,2}}n\s+t\S{{1,2}}ch)?"
    r"(?:\s+s[o0-9e\S]?\b\.?)?\s*:?\s*$"
)
_SO_BEFORE = re.compile(r"(?<![a-z])s[o0-9e\S]?\b\.?\s*:?\s*$")
_LAW_HEAD = re.compile(
    r"\W*(?P<type>(?P<constitution>hi\S{1,2}n\s+ph\S{1,2}p)|(?P<code>b[o\S]\s+lu\S{1,2}t)|lu\S{1,2}t|"
    r"(?P<ordinance>ph\S{1,2}p\s+l\S{1,2}nh))(?![a-z])"
)
_CUA = re.compile(r"[ \t]*\n?[ \t]*c[uitl]{1,2}a\s+")
# Words that open the title of a cited document: citations after them are
# mentioned inside that title, not cited alongside it.
_TITLE_MARKERS = re.compile(
    r"(?<![a-z])(?:ve|huong\s+dan|quy\s+dinh|ban\s+hanh|phe\s+duyet|sua\s+doi|bo\s+sung|"
    r"thi\s+hanh|trien\s+khai|thuc\s+hien|giao|dieu\s+chinh|cong\s+bo|ket\s+luan|tai)(?![a-z])"
)
_AMENDED_BY = re.compile(r"duoc\s+sua\s+doi,?\s+bo\s+sung(?:\s+mot\s+so\s+dieu)?\s+(?:boi|theo|tai)\s*$")
_LIST_HEAD = re.compile(rf"(?<![a-z])c\S{{1,2}}c\s+(?:{_TYPES})(?P<rest>[^:;]{{0,80}}):")
_BASIS_START = re.compile(rf"(?m)^[\W_]*{CAN_CU}")
_BASIS_HEADING = re.compile(r"(?m)^[\W\d_]*c\S{1,2}n\s+c\S{1,2}\s+ph\S{1,2}p\s+l\S\s*:?\s*$")
_PREAMBLE_END = re.compile(
    r"(?m)^[\W_]*(?:(?:quy\S{1,2}t\s+[dp][i1l]nh|quy\S{1,2}t\s+ngh[i1l]|ngh[i1l]\s+[dp][i1l]nh|"
    rf"ch[i1l]\s+th[i1l]|ban\s+h\S{{1,2}}nh)\s*:|{ARTICLE_ONE}|ch\S{{1,2}}\S?ng\s+(?:i|1)\b)"
)
_PARAGRAPH_START = re.compile(
    rf"{CAN_CU}|(?m:^[\W_]*(?P<proposal>theo|x\S{{1,2}}t|th\S{{1,2}}c\s+hi\S{{1,2}}n)(?![a-z]))"
)
_REPLACES_BEFORE = re.compile(r"thay\s+th\S(?:\s+cho)?\s*(?:cac\s+)?$")


@dataclass
class _Found:
    """A numbered citation before it is given a role."""

    citation: Citation
    number_start: int
    type_given: bool  # the type was written, not inferred from the symbol
    issuer_written: bool  # the issuer was written after the citation


def _type_before(folded: str, pos: int) -> tuple[str | None, int] | None:
    """The document type written right before a number, and where it starts."""
    window_start = max(0, pos - 48)
    m = _TYPE_BEFORE.search(folded, window_start, pos)
    if m:
        if m.group("abbr"):
            return DOC_TYPE_ABBREVIATIONS[m.group("abbr")], m.start()
        for i, (name, _) in enumerate(DOC_TYPE_PATTERNS):
            if m.group(f"t{i}"):
                return name, m.start()
    m = _SO_BEFORE.search(folded, window_start, pos)
    if m:
        return None, m.start()
    return None


def _issuer_after(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    cua = _CUA.match(folded, pos)
    if not cua:
        return None
    return parse_body(text, folded, cua.end())


def find_numbered(text: str, folded: str) -> list[_Found]:
    """Every numbered document citation in the text, in order."""
    found = []
    for m in NUMBER.finditer(text):
        if not re.search(r"[A-Za-zĐđ]", m.group("sym")):
            continue
        number, symbol = normalise_number(m.group("num"), m.group("year"), m.group("sym"))
        before = _type_before(folded, m.start())
        doc_type = before[0] if before else None
        start = before[1] if before else m.start()
        end = m.end()
        date = date_after(folded, end)
        if date:
            end = date.end
        issuer = _issuer_after(text, folded, end)
        if issuer:
            end = issuer[1]
        citation = Citation(
            role="reference",
            doc_type=doc_type or symbol_type(symbol),
            number=number,
            date=date.iso if date else None,
            issuer=issuer[0] if issuer else symbol_issuer(symbol),
            name=None,
            raw="",
            start=start,
            end=end,
        )
        found.append(_Found(citation, m.start(), doc_type is not None, issuer is not None))
    return found


def _law_name(raw_name: str) -> str:
    name = squash(raw_name).strip(" ,;.")
    if not looks_damaged(name):
        return name
    found = process.extractOne(fold_key(name), law_names().keys(), scorer=fuzz.ratio, score_cutoff=85)
    return law_names()[found[0]] if found else name


_LAW_NAME_END = re.compile(
    r"\s+ng\S{1,2}y\s*\d|\s+s\S{0,2}\s*:?\s*\d|\s+n\S{1,2}m\s+(?:19|20)\d\d|[;(]|,\s*(?:duoc|da\s+duoc)\s|\n\s*\n|$"
)


def _law_at(text: str, folded: str, pos: int, end: int) -> Citation | None:
    """A law cited by name at the head of a legal-basis clause."""
    head = _LAW_HEAD.match(folded, pos, end)
    if not head:
        return None
    stop = _LAW_NAME_END.search(folded, head.end(), end)
    name_end = stop.start() if stop else end
    name = _law_name(text[head.start("type"):name_end])
    doc_type = next(
        (name for group, name in (("constitution", "Hiến pháp"), ("code", "Bộ luật"), ("ordinance", "Pháp lệnh"))
         if head.group(group)),
        "Luật",
    )
    cursor = name_end
    number = None
    num = re.match(r"\s+s\S{0,2}\s*:?\s*", folded[cursor:end])
    if num:
        n = NUMBER.match(text, cursor + num.end())
        if n:
            number, _ = normalise_number(n.group("num"), n.group("year"), n.group("sym"))
            cursor = n.end()
    date = date_after(folded, cursor)
    if date:
        iso, cursor = date.iso, date.end
    else:
        year = re.match(r"\s+n\S{1,2}m\s+((?:19|20)\d\d)", folded[cursor:end])
        iso = year.group(1) if year else None
        cursor += year.end() if year else 0
    if not iso and not number and len(name.split()) < 3:
        return None
    return Citation("basis", doc_type, number, iso, "Quốc hội", name, "", head.start("type"), cursor)


@dataclass
class _Paragraph:
    start: int
    end: int
    role: str  # basis or proposal


def _preamble(folded: str) -> tuple[int, int] | None:
    """Where the legal-basis preamble starts and ends, if the document has one."""
    heading = _BASIS_HEADING.search(folded)
    if heading:
        nxt = re.compile(r"(?m)^\s*(?:[IVX]+\.|[A-ZĐ]\.)").search(folded.upper(), heading.end())
        return heading.end(), nxt.start() if nxt else len(folded)
    start = _BASIS_START.search(folded)
    if not start:
        return None
    end = _PREAMBLE_END.search(folded, start.end())
    if not end:
        return None
    return start.start(), end.start()


def _paragraphs(text: str, folded: str, start: int, end: int) -> list[_Paragraph]:
    marks = []
    for m in _PARAGRAPH_START.finditer(folded, start, end):
        if m.group("proposal"):
            first = m.start("proposal")
            if not text[first].isupper():
                continue  # "theo quy định" inside a wrapped line
            marks.append((first, "proposal"))
        else:
            marks.append((m.start(), "basis"))
    if not marks or marks[0][0] > start:
        marks.insert(0, (start, "basis"))
    return [
        _Paragraph(pos, marks[i + 1][0] if i + 1 < len(marks) else end, role)
        for i, (pos, role) in enumerate(marks)
    ]


def _clauses(folded: str, para: _Paragraph) -> list[tuple[int, int]]:
    bounds = [para.start] + [m.end() for m in re.finditer(";", folded[para.start:para.end])]
    bounds = [para.start] + [para.start + b for b in bounds[1:]] + [para.end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _list_defaults(text: str, folded: str, para: _Paragraph) -> tuple[str | None, str | None]:
    """Type and issuer of a listed paragraph ("các Thông tư của Văn phòng Chính phủ: số …")."""
    m = _LIST_HEAD.search(folded, para.start, para.end)
    if not m:
        return None, None
    doc_type = next(
        name for i, (name, _) in enumerate(DOC_TYPE_PATTERNS) if m.group(f"t{i}")
    )
    issuer = _issuer_after(text, folded, m.start("rest"))
    return doc_type, issuer[0] if issuer else None


def _proposal_issuer(text: str, folded: str, para: _Paragraph) -> str | None:
    """The body that proposed: "Theo đề nghị của Giám đốc Sở X tại Tờ trình …"."""
    m = re.compile(r"[dp]\S\s+ngh\S{1,2}\s+c[uitl]{1,2}a\s+").search(folded, para.start, para.end)
    if not m:
        return None
    body = parse_body(text, folded, m.end())
    return body[0] if body else None


def _is_sibling(folded: str, previous_end: int, start: int) -> bool:
    """Whether a citation is listed beside the previous one, not inside its title."""
    gap = folded[previous_end:start]
    if _AMENDED_BY.search(gap):
        return True
    return not _TITLE_MARKERS.search(gap)


def _date_before(folded: str, pos: int) -> tuple[str, int] | None:
    """The date that opens a sentence: "Ngày 04 tháng 11 năm 2021, UBND huyện đã có Công văn …"."""
    sentence_start = max(folded.rfind(". ", 0, pos), folded.rfind("\n\n", 0, pos), 0)
    m = re.compile(r"[.\s]*ng\S{1,2}y\s+").match(folded, sentence_start)
    if not m:
        return None
    dates = find_dates(folded, m.end(), pos)
    if dates and dates[0].start == m.end():
        return dates[0].iso, m.end() - len(m.group().lstrip(". \n"))
    return None


def extract_citations(text: str, folded: str) -> tuple[list[Citation], list[Citation]]:
    """(legal bases, other citations) of a document, each with its span."""
    numbered = find_numbered(text, folded)
    bases: list[Citation] = []
    others: list[Citation] = []
    preamble = _preamble(folded)
    in_preamble: set[int] = set()
    if preamble:
        for para in _paragraphs(text, folded, *preamble):
            list_type, list_issuer = _list_defaults(text, folded, para)
            proposer = _proposal_issuer(text, folded, para) if para.role == "proposal" else None
            for clause_start, clause_end in _clauses(folded, para):
                head = re.match(rf"[\W_]*(?:{CAN_CU})?\s*", folded[clause_start:clause_end])
                head_pos = clause_start + (head.end() if head else 0)
                law = _law_at(text, folded, head_pos, clause_end) if para.role == "basis" else None
                previous_end = None
                if law:
                    bases.append(law)
                    previous_end = law.end
                for i, item in enumerate(numbered):
                    c = item.citation
                    if not clause_start <= item.number_start < clause_end:
                        continue
                    if law and c.start < law.end:
                        in_preamble.add(i)  # the law's own number
                        continue
                    in_preamble.add(i)
                    if previous_end is not None and not _is_sibling(folded, previous_end, c.start):
                        continue  # mentioned inside the title of the previous one
                    if not item.type_given and list_type:
                        c.doc_type = list_type
                    c.issuer = list_issuer or proposer or c.issuer if not item.issuer_written else c.issuer
                    c.role = para.role
                    (bases if para.role == "basis" else others).append(c)
                    previous_end = c.end
    seen = {c.number for c in bases + others if c.number}
    for i, item in enumerate(numbered):
        c = item.citation
        if i in in_preamble or c.number in seen:
            continue
        seen.add(c.number)
        if _REPLACES_BEFORE.search(folded, max(0, c.start - 30), c.start):
            c.role = "replaces"
        if c.date is None and (opening := _date_before(folded, c.start)):
            c.date, c.start = opening
        others.append(c)
    for c in bases + others:
        c.raw = text[c.start:c.end]
    others.sort(key=lambda c: c.start)
    return bases, others
