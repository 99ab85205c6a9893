"""Cited documents: legal bases ("Căn cứ …"), proposals and other references.

Two kinds of cited document are read, each by its own small class (as eyecite
reads kinds of case citation): a document cited by its number
(`NumberedDocument`: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính
phủ") and a law cited by its name (`NamedLaw`: "Luật Đất đai số 31/2024/QH15",
"Hiến pháp nước …", "Pháp lệnh … ngày …").

Each citation gets a `Role` from where it stands. The legal basis is the
run of "Căn cứ …" paragraphs that opens a document (with the "Theo đề nghị /
Xét / Thực hiện / Triển khai" paragraphs among them, which are proposals) and the
"CĂN CỨ PHÁP LÝ" section of a plan. There, only the documents a paragraph
cites itself count: one named inside another's title ("… hướng dẫn thi hành
Nghị định số …") is not a basis, an amending act ("…, được sửa đổi, bổ sung
bởi Luật số … ngày …") is one when it has its own date. Elsewhere a
numbered document is replaced ("thay thế") or a plain reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from vietnamese.abbreviations import DOC_TYPE_ABBREVIATIONS

from .bodies import parse_body
from .dates import date_after, find_dates
from .folding import fold_key, looks_damaged, ocr_any, ocr_pattern, squash
from .lexicon import CAN_CU, DOC_TYPE_PATTERNS, law_names
from .model import Citation, Role
from .numbers import NUMBER, normalise_number, symbol_issuer, symbol_type


# ---------------------------------------------------------------- the two kinds of cited document

_SO = ocr_pattern("số", marks_may_vanish=True)
_TYPES = "(?:" + "|".join(f"(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(DOC_TYPE_PATTERNS)) + ")"
# A document type (or its abbreviation) right before a number, qualified by up to three
# words before "số" ("Báo cáo thẩm tra số", "Chương trình hành động số"), none of them a
# conjunction ("… pháp luật và số 150/2025/NĐ-CP": "luật" there types nothing). Tried only
# where a word starts: the alternation of types is long.
_QUALIFIER = rf"(?!(?:{ocr_any('và', 'của', 'hoặc')}))[^\W\d_]+"
_TYPE_BEFORE = re.compile(
    rf"(?<!\w)(?=\w)(?:{_TYPES}|(?P<abbr>{'|'.join(DOC_TYPE_ABBREVIATIONS)})(?!\w))"
    rf"(?:(?:\s+{_QUALIFIER}){{0,3}}?\s+{_SO}\.?)?\s*:?\s*$"
)
_SO_BEFORE = re.compile(rf"{_SO}\.?\s*:?\s*$")
_OF = re.compile(rf"[ \t]*\n?[ \t]*(?:{ocr_any('của')})\s+")


@dataclass
class Mention:
    """A cited document found in the text, before it is given a role."""

    citation: Citation
    anchor: int  # where its number (or a law's type word) stands
    type_written: bool
    issuer_written: bool


def _type_before(folded: str, pos: int) -> tuple[str | None, int] | None:
    """The document type written right before a number, and where it starts."""
    window_start = max(0, pos - 60)
    m = _TYPE_BEFORE.search(folded, window_start, pos)
    if m:
        if m.group("abbr"):
            return DOC_TYPE_ABBREVIATIONS[m.group("abbr")], m.start()
        return next(name for i, (name, _) in enumerate(DOC_TYPE_PATTERNS) if m.group(f"t{i}")), m.start()
    m = _SO_BEFORE.search(folded, window_start, pos)
    return (None, m.start()) if m else None


def _issuer_after(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """ "… của Chính phủ": the body after "của", and where its name ends."""
    of = _OF.match(folded, pos)
    return parse_body(text, folded, of.end()) if of else None


class NumberedDocument:
    """A document cited by its number: "Quyết định số 1309/QĐ-UBND ngày 29/6/2021 của UBND tỉnh"."""

    @staticmethod
    def find_all(text: str, folded: str) -> list[Mention]:
        found = []
        for m in NUMBER.finditer(text):
            if len(re.findall(r"[A-ZĐ]", m.group("sym"))) < 2:
                continue  # not a symbol: "Số 151/Ngày 17-03-2026" of a gazette's running head
            number, symbol = normalise_number(m.group("num"), m.group("year"), m.group("sym"))
            before = _type_before(folded, m.start())
            doc_type = before[0] if before else None
            end = m.end()
            date = date_after(folded, end)
            if date:
                end = date.end
            issuer = _issuer_after(text, folded, end)
            if issuer:
                end = issuer[1]
                if not date and (date := date_after(folded, end)):
                    end = date.end  # "Nghị định số 12/2025/NĐ-CP của Chính phủ ngày 01/7/2025"
            citation = Citation(
                role=Role.REFERENCE.value,
                doc_type=doc_type or symbol_type(symbol),
                number=number,
                date=date.iso if date else None,
                issuer=issuer[0] if issuer else symbol_issuer(symbol),
                name=None,
                raw="",
                start=before[1] if before else m.start(),
                end=end,
            )
            found.append(Mention(citation, m.start(), doc_type is not None, issuer is not None))
        return found


_LAW_TYPES = ("Hiến pháp", "Bộ luật", "Pháp lệnh", "Luật")
_LAW_HEAD = re.compile("|".join(f"(?P<l{i}>{ocr_pattern(t)})" for i, t in enumerate(_LAW_TYPES)))
_NGAY = ocr_pattern("ngày")
_YEAR = rf"{ocr_pattern('năm')}\s+(?P<year>(?:19|20)\d\d)(?!\d)"
# Where a law's name stops: its date, its number, its year, the end of the clause,
# an amendment, or a numbered document cited beside it ("Luật A và Nghị định số …").
_LAW_NAME_END = re.compile(
    rf"\s*,?\s+(?:{_NGAY})\s*\d|\s+{_SO}\s*:?\s*\d|\s+{_YEAR}|\s*[;:]"
    rf"|\s*,?\s+(?:{ocr_pattern('đã')}\s+)?{ocr_pattern('được sửa đổi')}"
    rf"|\s*(?:,|\s{ocr_pattern('và')})\s+(?:{_TYPES})\s+(?:{_SO}\s*)?\d"
)


_LAW_NUMBER_LEAD = re.compile(rf"\s+{_SO}\s*:?\s*")
_LAW_YEAR = re.compile(rf"\s+{_YEAR}")


def _law_name(raw_name: str) -> str:
    name = squash(raw_name).strip(" ,;.")
    if not looks_damaged(name):
        return name
    found = process.extractOne(fold_key(name), law_names().keys(), scorer=fuzz.ratio, score_cutoff=85)
    return law_names()[found[0]] if found else name


class NamedLaw:
    """A law, code, ordinance or the Constitution cited by its name, number or year:
    "Luật Đất đai ngày 18/01/2024", "Luật số 43/2024/QH15", "Luật Dược năm 2016", "Hiến pháp nước …"."""

    @staticmethod
    def at(text: str, folded: str, pos: int, end: int) -> Mention | None:
        head = _LAW_HEAD.match(folded, pos, end)
        if not head or not text[pos].isupper():
            return None  # "luật" in lower case is the common noun ("quy phạm pháp luật")
        doc_type = next(t for i, t in enumerate(_LAW_TYPES) if head.group(f"l{i}"))
        stop = _LAW_NAME_END.search(folded, head.end(), end)
        name_end = stop.start() if stop else end
        name = _law_name(text[pos:name_end])
        cursor, number = name_end, None
        so = _LAW_NUMBER_LEAD.match(folded, cursor, end)
        if so and (n := NUMBER.match(text, so.end())):
            number, _ = normalise_number(n.group("num"), n.group("year"), n.group("sym"))
            cursor = n.end()
        date = date_after(folded, cursor)
        year = None if date else _LAW_YEAR.match(folded, cursor, end)
        iso = date.iso if date else year.group("year") if year else None
        cursor = date.end if date else year.end() if year else cursor
        has_name = len(name.split()) > len(doc_type.split()) and not folded[head.end():name_end].startswith(",")
        amending = date and _AMENDED_BY.search(folded, max(0, pos - 80), pos)
        if not has_name and not number and not amending:
            return None  # "các Luật, Pháp lệnh về thuế": no document named; "… bởi Luật ngày …" names one
        named_properly = text[head.end():name_end].strip()[:1].isupper() or len(name.split()) > 2
        if not (iso or number or named_properly):
            return None  # "Luật này", "Luật khác"
        issuer = "Quốc hội" if doc_type != "Pháp lệnh" else None
        citation = Citation(Role.BASIS, doc_type, number, iso, issuer, name if has_name else None, "", pos, cursor)
        return Mention(citation, pos, True, False)

    @classmethod
    def find_all(cls, text: str, folded: str, start: int, end: int) -> list[Mention]:
        found: list[Mention] = []
        for m in _LAW_HEAD.finditer(folded, start, end):
            if found and m.start() < found[-1].citation.end:
                continue  # a law named inside another law's name
            if law := cls.at(text, folded, m.start(), end):
                found.append(law)
        return found


# ---------------------------------------------------------------- where the legal basis stands


@dataclass
class Paragraph:
    """A paragraph of the legal basis: its span and the role of what it cites."""

    start: int
    end: int
    role: Role


# Characters that may stand before a paragraph's first word: markup and bullets, not quotes or numbering.
_LEAD = r"[ \t*_•+\-–]*"
_LEADING = re.compile(_LEAD)
_PROPOSAL_OPENER = re.compile(ocr_any("Theo đề nghị", "Theo đề xuất", "Xét", "Thực hiện", "Triển khai", "Trên cơ sở"))
# A proposal in the body of a letter: "Theo đề nghị của Sở Y tế tại Tờ trình số …".
_REQUEST_OPENER = re.compile(rf"(?m)^{_LEAD}(?={ocr_any('Theo đề nghị', 'Xét đề nghị', 'Theo đề xuất')})")
_BASIS_OPENER = re.compile(CAN_CU)
_LIST_OPENER = re.compile(_TYPES)
_LETTER_BODY = re.compile(rf"(?m)^{_LEAD}{ocr_any('Kính gửi')}")
# Where the body of a document has begun: an article, a chapter or a part (in the folded text),
# a roman-numbered heading (in the text: "I." in capitals).
_BODY_START = re.compile(rf"(?m)^{_LEAD}(?:{ocr_any('Điều')}\s+\d|{ocr_any('Chương', 'Phần')}\s+[ivx\d]+\b)")
_ROMAN_HEADING = re.compile(r"(?m)^[ \t*_]*[IVX]+\.\s")
# "1. Mục đích": a numbered item that does not list a document ("1. Thông tư số …" may, before the bases).
_NUMBERED_ITEM = re.compile(r"(?m)^[ \t*_]*\d{1,2}\.[ \t*_]+(?=[A-ZĐ])")
# A heading "I. CĂN CỨ PHÁP LÝ" / "1. Căn cứ xây dựng Kế hoạch" / "CƠ SỞ PHÁP LÝ" on a line of its own.
_BASIS_HEADING = re.compile(
    rf"(?m)^[ \t*_]*(?:(?P<num>[ivx]+|\d+)[.)])?[ \t*_]*(?:{CAN_CU}|{ocr_pattern('Cơ sở')})\s+"
    rf"(?:{ocr_any('pháp lý', 'xây dựng', 'ban hành', 'lập')})[^\n;.]{{0,60}}$"
)
# A page number or a gazette's running head ("108 CÔNG BÁO/Số 151/Ngày 17-03-2026") between two pages.
_PAGE_FURNITURE = re.compile(rf"[ \t]*(?:\d{{1,4}}|\d*[ \t]*{ocr_pattern('Công báo')}\s*/?\s*(?:{_SO}\s*)?\d.*)[ \t]*$")
# "2. Căn cứ thực tiễn": what follows are facts, not legal bases.
_PRACTICE_HEADING = re.compile(
    rf"(?m)^[\W\d_]*(?:{CAN_CU}|{ocr_pattern('Cơ sở')})\s+{ocr_pattern('thực tiễn')}"
)
_PARAGRAPH_END = re.compile(r"[;.:][ \t*_]*$")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _is_heading(text: str, line: tuple[int, int]) -> bool:
    """A line in capitals ("QUYẾT ĐỊNH:", a title): it opens no basis paragraph."""
    letters = re.sub(r"[\W\d_]+", "", text[line[0]:line[1]])
    return len(letters) > 3 and letters.isupper()


def _role_opened_at(text: str, folded: str, pos: int) -> Role | None:
    """ "Căn cứ …" opens a basis, "Theo đề nghị / Xét / Thực hiện …" a proposal (capitalised)."""
    if pos >= len(text) or not text[pos].isupper():
        return None
    if _BASIS_OPENER.match(folded, pos):
        return Role.BASIS
    return Role.PROPOSAL if _PROPOSAL_OPENER.match(folded, pos) else None


def _opener(text: str, folded: str, line: tuple[int, int]) -> tuple[Role, int] | None:
    """The role a line opens a preamble paragraph with, and where its words start."""
    pos = _LEADING.match(text, *line).end()
    if pos >= line[1] or _is_heading(text, line):
        return None
    role = _role_opened_at(text, folded, pos)
    return (role, pos) if role else None


def _continues(text: str, line: tuple[int, int]) -> bool:
    """A line that starts in lower case goes on with the paragraph before it: no paragraph starts so."""
    lead = _LEADING.match(text, *line).end()
    return lead < line[1] and text[lead].islower()


def _paragraph_end(text: str, folded: str, lines: list[tuple[int, int]], i: int) -> int:
    """Index of the line that ends the paragraph opened on line i: it ends with punctuation,
    or the next line opens another paragraph, or a bracketed web note begins."""
    for j in range(i, len(lines)):
        start, end = lines[j]
        if "[" in text[start:end] or _PARAGRAPH_END.search(text, start, end):
            return j
        if j + 1 < len(lines) and (_opener(text, folded, lines[j + 1]) or _is_heading(text, lines[j + 1])):
            return j
    return len(lines) - 1


def _recipients_end(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """Index of the first line after a letter's "Kính gửi:" line and its list of recipients."""
    i += 1
    while i < len(lines):
        line = text[lines[i][0]:lines[i][1]].strip(" \t*_")
        if line and not line[0] in "-+•–" and not line[0].islower():
            break
        i += 1
    return i


# The enacting formula that closes a proposal: "…, Bộ trưởng Bộ Y tế ban hành Thông tư …".
_ENACTING = re.compile(rf",\s+(?=[^,;\d]{{0,80}}?\s{ocr_pattern('ban hành')}\s+{_TYPES})")


def _without_enacting_formula(text: str, folded: str, para: Paragraph) -> Paragraph:
    """A proposal cut where the enacting formula begins: the document it enacts is not proposed."""
    if para.role != Role.PROPOSAL:
        return para
    for m in _ENACTING.finditer(folded, para.start, para.end):
        if text[m.end()].isupper():
            return Paragraph(para.start, m.start(), para.role)
    return para


def _split_at_openers(text: str, folded: str, para: Paragraph) -> list[Paragraph]:
    """ "…của Chính phủ;Căn cứ Thông tư …": a paragraph glued to the previous one."""
    parts = [para]
    for m in re.finditer(r"[;.][ \t*_]*", folded[para.start:para.end]):
        pos = para.start + m.end()
        role = _role_opened_at(text, folded, pos) if pos < para.end else None
        if role:
            parts[-1] = Paragraph(parts[-1].start, pos, parts[-1].role)
            parts.append(Paragraph(pos, para.end, role))
    return parts


def _preamble(text: str, folded: str) -> list[Paragraph]:
    """The run of "Căn cứ / Theo đề nghị / Thực hiện" paragraphs before the body."""
    item = next((m for m in _NUMBERED_ITEM.finditer(text) if not _LIST_OPENER.match(folded, m.end())), None)
    body = [m.start() for m in (_BODY_START.search(folded), _ROMAN_HEADING.search(text), item) if m]
    lines = _lines(text, 0, min(body, default=len(text)))
    first = next((i for i, line in enumerate(lines) if _opener(text, folded, line)), None)
    if first is None:
        return []
    letter = next((i for i, (a, b) in enumerate(lines[:first]) if _LETTER_BODY.match(folded, a, b)), None)
    if letter is not None and _recipients_end(text, lines, letter) != first:
        return []  # the first "Căn cứ" of a letter stands in its body
    lines = [line for line in _lines(text, lines[first][0], len(text)) if not _PAGE_FURNITURE.match(folded, *line)]
    paragraphs: list[Paragraph] = []
    i = 0
    while i < len(lines):
        opened = _opener(text, folded, lines[i])
        if not opened:
            lead = _LEADING.match(text, *lines[i]).end()
            if lead < lines[i][1] and text[lead].isupper() and _LIST_OPENER.match(folded, lead):
                opened = paragraphs[-1].role, lead  # a list that goes on without repeating "Căn cứ"
        if not opened and paragraphs and _continues(text, lines[i]):
            last = _paragraph_end(text, folded, lines, i)  # "…;\nsố 118/2025/NĐ-CP …": the list goes on
            paragraphs[-1] = Paragraph(paragraphs[-1].start, lines[last][1], paragraphs[-1].role)
            i = last + 1
            continue
        if not opened:
            if text[lines[i][0]:lines[i][1]].strip(" \t*_\f"):  # a page break is no line of text
                break  # the first line that opens nothing ends the preamble
            i += 1
            continue
        last = _paragraph_end(text, folded, lines, i)
        start, end = opened[1], lines[last][1]
        bracket = text.find("[", start, end)
        end = bracket if bracket >= 0 else end
        if letter is not None and opened[0] == Role.BASIS and not text[start:end].rstrip(" \t*_").endswith(";"):
            break  # "Căn cứ …, đề nghị …" in a letter is a sentence of its body, not a basis
        parts = _split_at_openers(text, folded, Paragraph(start, end, opened[0]))
        paragraphs += [_without_enacting_formula(text, folded, part) for part in parts]
        i = last + 1
    return paragraphs


# The heading after a numbered section "1. Căn cứ pháp lý": the next number, or a roman one.
_NEXT_NUMBERED = re.compile(r"(?m)^[ \t*_]*(?:\d+\.(?!\d)|[IVX]+\.\s)")


def _basis_sections(text: str, folded: str) -> list[Paragraph]:
    """The items under a heading "I. CĂN CỨ PHÁP LÝ" (plans list their bases so)."""
    sections = []
    for heading in _BASIS_HEADING.finditer(folded):
        around = text[max(0, heading.start() - 3):heading.end() + 3]
        numbering = heading.group("num") or ""
        if "|" in around or not (numbering or text[heading.start():heading.end()].isupper()):
            continue  # a table cell, or a sentence that starts with "Căn cứ"
        nxt = (_NEXT_NUMBERED if numbering.isdigit() else _ROMAN_HEADING).search(text, heading.end())
        practice = _PRACTICE_HEADING.search(folded, heading.end())
        end = min(nxt.start() if nxt else len(text), practice.start() if practice else len(text), heading.end() + 4000)
        sections.append(Paragraph(heading.end(), end, Role.BASIS))
    return sections


# ---------------------------------------------------------------- which cited documents a paragraph cites itself

# Words that open the title of a cited document: a document named after them is
# named inside that title.
_TITLE_WORDS = re.compile(
    ocr_any("về", "hướng dẫn", "quy định", "ban hành", "phê duyệt", "sửa đổi", "bổ sung", "thi hành",
           "triển khai", "thực hiện", "giao", "điều chỉnh", "công bố", "kết luận", "tại")
)
_LISTED_BESIDE = re.compile(rf"[\s,;*_]*(?:(?:{ocr_any('và', 'cùng')})[\s,]*)?(?:{ocr_any('các')}\s*)?")
_AMENDED_BY = re.compile(
    rf"(?:{ocr_any('được')})\s+{ocr_pattern('sửa đổi')},?\s+{ocr_pattern('bổ sung')}"
    rf"(?:\s+{ocr_pattern('một số điều')})?\s+(?:{ocr_any('bởi', 'theo', 'tại')})[\s:]*$"
)
# A title ends before "và" or after a closing bracket: "A về …, và B", "A … (gọi tắt là A), B".
_TITLE_CLOSED = re.compile(rf"(?:{ocr_any('và')}|\)[ \t\n,]*)\s*$")
_LIST_HEAD = re.compile(rf"(?<!\w)(?:{ocr_any('các')})\s+(?:{_TYPES})(?P<rest>[^:;]{{0,80}}):")


class _Standing(StrEnum):
    CITED = "cited"  # cited by the paragraph itself
    AMENDING = "amending"  # the act that amended a cited document
    NAMED_INSIDE = "named inside"  # named inside the title of another one


# ", của Ban Bí thư tại văn bản số …": after a comma, another body's word in another document.
_NEW_SOURCE = re.compile(rf"[\s*_]*,\s*(?:{ocr_any('và')}\s+)?(?:{ocr_any('của')})\s")
_LIST_JOIN_BEFORE = re.compile(rf"(?:,|{ocr_any('và')})\s*$")


def _parallel_to_head(mentions: list[Mention], standings: list[_Standing], i: int, gap: str) -> bool:
    """ "Căn cứ Nghị định số A ngày … của Chính phủ về …, và Nghị định số B ngày … của Chính phủ về …":
    a dated document of the clause's own type and issuer, listed after the title of the one before, is
    cited beside the first — unless a document of that type was already named inside a title ("sửa đổi
    Nghị định số C và Nghị định số D": D is named inside too). A plan of the People's Committee "về thực
    hiện … và Kế hoạch số … của Ban Thường vụ Tỉnh ủy" names the party's plan inside its title."""
    m, head = mentions[i], mentions[0]
    if not (m.type_written and m.citation.date and m.citation.doc_type == head.citation.doc_type):
        return False
    if not (m.issuer_written and head.issuer_written and fold_key(m.citation.issuer) == fold_key(head.citation.issuer)):
        return False
    if not _LIST_JOIN_BEFORE.search(gap):
        return False
    return not any(
        mentions[j].citation.doc_type == m.citation.doc_type and standings[j] == _Standing.NAMED_INSIDE
        for j in range(1, i)
    )


def _standings(folded: str, mentions: list[Mention]) -> list[_Standing]:
    """How each mention of one clause stands: cited, amending a cited one, or named inside a title."""
    standings: list[_Standing] = []
    for i, m in enumerate(mentions):
        if i == 0:
            standings.append(_Standing.CITED)
            continue
        previous = mentions[i - 1]
        gap = folded[previous.citation.end:m.citation.start]
        if _parallel_to_head(mentions, standings, i, gap) or _NEW_SOURCE.match(gap):
            standings.append(_Standing.CITED)
        elif _LISTED_BESIDE.fullmatch(gap):
            standings.append(standings[-1])  # "A và B", "A, B": listed beside the previous one
        elif _AMENDED_BY.search(gap):
            same_type = [j for j in range(i) if mentions[j].citation.doc_type == m.citation.doc_type]
            amended = same_type[-1] if same_type else i - 1
            standings.append(
                _Standing.AMENDING if standings[amended] != _Standing.NAMED_INSIDE else _Standing.NAMED_INSIDE
            )
        elif not _TITLE_WORDS.search(gap) or (
            _TITLE_CLOSED.search(gap) and standings[-1] != _Standing.NAMED_INSIDE
        ):
            standings.append(_Standing.CITED)  # "A về …, và B": B cited beside A
        else:
            standings.append(_Standing.NAMED_INSIDE)
    return standings


def _without_repeats(mentions: list[Mention]) -> list[Mention]:
    """A document named again in the same clause ("(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)") is the same one."""
    seen: set[tuple] = set()
    kept = []
    for m in mentions:
        if _key(m.citation) not in seen:
            seen.add(_key(m.citation))
            kept.append(m)
    return kept


def _clauses(folded: str, para: Paragraph) -> list[tuple[int, int]]:
    """A paragraph cut at ";" and at line-start bullets: each clause cites anew."""
    cuts = [m.end() for m in re.finditer(r";|\n[ \t]*[-+•–]\s", folded[para.start:para.end])]
    bounds = [para.start] + [para.start + c for c in cuts] + [para.end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def _list_defaults(text: str, folded: str, para: Paragraph) -> tuple[str | None, str | None]:
    """Type and issuer of a listed paragraph ("các Thông tư của Văn phòng Chính phủ: số …")."""
    m = _LIST_HEAD.search(folded, para.start, para.end)
    if not m:
        return None, None
    doc_type = next(name for i, (name, _) in enumerate(DOC_TYPE_PATTERNS) if m.group(f"t{i}"))
    issuer = _issuer_after(text, folded, m.start("rest"))
    return doc_type, issuer[0] if issuer else None


_OF_BEFORE = re.compile(rf"(?:{ocr_any('của')})\s+")
_AT_END = re.compile(rf"\s+(?:{ocr_any('tại')})\s*$")


def _issuer_before(text: str, folded: str, start: int, end: int) -> str | None:
    """ "… của Ban Bí thư tại văn bản số …": the body whose word the document carries."""
    last = None
    for last in _OF_BEFORE.finditer(folded, max(start, end - 120), end):
        pass
    body = parse_body(text, folded, last.end()) if last else None
    return body[0] if body and _AT_END.fullmatch(folded, body[1], end) else None


_PROPOSER = re.compile(rf"(?:{ocr_any('đề nghị', 'đề xuất')})\s+(?:{ocr_any('của')})\s+")


def _proposer(text: str, folded: str, para: Paragraph) -> str | None:
    """The body that proposed: "Theo đề nghị của Giám đốc Sở X tại Tờ trình …"."""
    m = _PROPOSER.search(folded, para.start, para.end)
    body = parse_body(text, folded, m.end()) if m else None
    return body[0] if body else None


def _cited_in(text: str, folded: str, para: Paragraph, numbered: list[Mention]) -> tuple[list[Citation], set[int]]:
    """The documents a paragraph cites itself, and the anchors of every numbered mention it holds."""
    list_type, list_issuer = _list_defaults(text, folded, para)
    proposer = _proposer(text, folded, para) if para.role == Role.PROPOSAL else None
    cited: list[Citation] = []
    held: set[int] = set()
    for clause_start, clause_end in _clauses(folded, para):
        laws = NamedLaw.find_all(text, folded, clause_start, clause_end) if para.role == Role.BASIS else []
        inside = [m for m in numbered if clause_start <= m.anchor < clause_end]
        held.update(m.anchor for m in inside)
        # a law's own number is part of the law
        inside = [m for m in inside if not any(law.citation.start <= m.anchor < law.citation.end for law in laws)]
        mentions = _without_repeats(sorted(laws + inside, key=lambda m: m.citation.start))
        for m, standing in zip(mentions, _standings(folded, mentions)):
            c = m.citation
            if standing == _Standing.NAMED_INSIDE or standing == _Standing.AMENDING and not c.date:
                continue
            if not m.type_written and list_type:
                c.doc_type = list_type
            if not m.issuer_written and c.doc_type not in _LAW_TYPES:
                c.issuer = _issuer_before(text, folded, clause_start, c.start) or list_issuer or proposer or c.issuer
            c.role = para.role.value
            cited.append(c)
    return cited, held


# ---------------------------------------------------------------- outside the legal basis

_REPLACES_BEFORE = re.compile(rf"(?:{ocr_any('thay thế')})(?:\s+{ocr_pattern('cho')})?\s*(?:{ocr_any('các')}\s*)?$")


_SENTENCE_DATE = re.compile(rf"[.\s]*(?:{_NGAY})\s+")


def _date_before(folded: str, pos: int) -> tuple[str, int] | None:
    """The date that opens a sentence: "Ngày 04 tháng 11 năm 2021, UBND huyện đã có Công văn …"."""
    sentence_start = max(folded.rfind(". ", 0, pos), folded.rfind("\n\n", 0, pos), 0)
    m = _SENTENCE_DATE.match(folded, sentence_start)
    if not m:
        return None
    dates = find_dates(folded, m.end(), pos)
    if dates and dates[0].start == m.end():
        return dates[0].iso, m.end() - len(m.group().lstrip(". \n"))
    return None


def _key(c: Citation) -> tuple:
    return (c.number,) if c.number else (c.doc_type, c.date, c.name)


def extract_citations(text: str, folded: str) -> tuple[list[Citation], list[Citation]]:
    """(legal bases, other citations) of a document, each with its span."""
    numbered = NumberedDocument.find_all(text, folded)
    bases: list[Citation] = []
    others: list[Citation] = []
    held: set[int] = set()
    seen: set[tuple] = set()
    paragraphs = _preamble(text, folded)
    body_start = paragraphs[-1].end if paragraphs else 0
    covered = [(p.start, p.end) for p in paragraphs]
    paragraphs += [s for s in _basis_sections(text, folded) if not any(a <= s.start < b for a, b in covered)]
    for request in _REQUEST_OPENER.finditer(folded, body_start):
        if not any(a <= request.end() < b for a, b in covered):
            line_end = _lines(text, request.end(), len(text))
            last = _paragraph_end(text, folded, line_end, 0)
            paragraphs.append(Paragraph(request.end(), line_end[last][1], Role.PROPOSAL))
    for para in sorted(paragraphs, key=lambda p: p.start):
        cited, anchors = _cited_in(text, folded, para, numbered)
        held |= anchors
        for c in cited:
            if _key(c) not in seen:  # a document cited again inside a later basis
                seen.add(_key(c))
                (bases if c.role == Role.BASIS else others).append(c)
    for m in numbered:
        c = m.citation
        if m.anchor in held or _key(c) in seen:
            continue
        seen.add(_key(c))
        if _REPLACES_BEFORE.search(folded, max(0, c.start - 30), c.start):
            c.role = Role.REPLACES
        if c.date is None and (opening := _date_before(folded, c.start)):
            c.date, c.start = opening
        others.append(c)
    for c in bases + others:
        c.raw = text[c.start:c.end]
    others.sort(key=lambda c: c.start)
    return bases, others
