"""The identifying fields of a document: type, number, place and date, issuer,
subject line (trích yếu) and signer.

Vietnamese administrative documents share one layout (Nghị định 30/2020/NĐ-CP):
issuing body | national motto, number | place and date, the type heading, the
subject line, the preamble, the body, and the signature block at the end.
Each field is read from its place in that layout on the folded text, so that
OCR-damaged headers ("QUYET PINH", "S6: 1042 /QD-UBND") still yield it.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from .bodies import issuer_level, match_province, parse_body, read_place
from .citations import SYMBOL, normalise_number, symbol_issuer, symbol_type
from .dates import date_after
from .folding import fold, fold_key, squash
from .lexicon import ARTICLE_ONE, CAN_CU, CENTRAL_CITIES, DOC_TYPE_PATTERNS, PROVINCE_KEYS, SURNAMES
from .model import Header

_HEADER_NUMBER = re.compile(
    rf"(?:(?P<num>\d{{1,5}})(?:[ \t]?/[ \t]?(?P<year>(?:19|20)\d{{2}}))?)?[ \t]*(?P<sym>{SYMBOL})"
)
_SO = re.compile(r"(?m)(?<![a-z0-9])s[o0-9e\S]?\s*:[ \t]*")
_PLACE_DATE = re.compile(r",[ \t]*ng\S{1,2}y[ \t]*\d{0,2}[ \t]*(?:th\S{1,3}ng|/)")
_MOTTO = re.compile(
    r"c\S{1,2}ng\s+h\S{1,2}a\s+x\S\s+h\S{1,2}i\s+ch\S\s+ngh\S{1,2}a\s+vi\S{1,2}t\s+nam"
    r"|[dp]\S{1,2}c\s+\S{2,4}\s*-\s*t\S{1,2}\s+do\s*-\s*h\S{1,2}nh\s+ph\S{1,2}c"
)
_BODY_START = re.compile(rf"(?m)^[\W_]*(?:{CAN_CU}|k\S{{1,2}}nh\s+g\S{{1,2}}i|{ARTICLE_ONE})")
_SEPARATOR = re.compile(r"^[\s\-_=*.]*$")
_TYPE_KEYS = {fold_key(name): name for name, _ in DOC_TYPE_PATTERNS} | {"quy dinh": "Quy định"}
_LETTER = re.compile(r"(?m)^[\W_]*(?:k\S{1,2}nh\s+g\S{1,2}i|v\s*/\s*v\b)")

# Titles of signers, folded, with their written form.
_SIGNER_TITLES = {
    fold_key(t): t for t in (
        "Chủ tịch", "Phó Chủ tịch", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng",
        "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban",
        "Phó Trưởng ban", "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng",
        "Tổng Giám đốc", "Phó Tổng Giám đốc", "Chủ nhiệm", "Phó Chủ nhiệm", "Tổng cục trưởng",
        "Phó Tổng cục trưởng", "Bí thư", "Phó Bí thư", "Hiệu trưởng", "Viện trưởng",
        "Chánh án", "Trưởng phòng", "Chủ tịch nước", "Tổng Thư ký",
    )
}
_TITLE_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _SIGNER_TITLES), key=len, reverse=True))
_SIGN_TITLE = re.compile(rf"(?:(?P<mode>kt|tm|tl|tuq|q)\.?\s+)?(?P<title>{_TITLE_ALT})(?![a-z])")
_DEPUTY = {"Bộ trưởng": "Thứ trưởng", "Chủ tịch nước": "Phó Chủ tịch nước"}
_NAME_WORD = r"[^\W\d_]+"
_DISTRICT_LEVELS = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố"}


def _header_end(folded: str) -> int:
    """Where the header ends: the preamble, the salutation of a letter, or Điều 1."""
    m = _BODY_START.search(folded)
    return m.start() if m else min(len(folded), 1500)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _number(text: str, folded: str, end: int, h: Header) -> tuple[int, int] | None:
    so = _SO.search(folded, 0, end)
    if not so:
        return None
    # OCR of a noisy scan may leave debris after the colon ("Số: : 12/2023/TT-BYT").
    start = so.end() + len(re.match(r"[ \t:;.,'`]*", text[so.end():]).group())
    m = _HEADER_NUMBER.match(text, start)
    if not m:
        return None
    h.number, h.symbol = normalise_number(m.group("num"), m.group("year"), m.group("sym"))
    h.spans["number"] = (so.start(), m.end())
    return so.start(), m.end()


def _place_and_date(text: str, folded: str, end: int, after: int, h: Header) -> int | None:
    m = _PLACE_DATE.search(folded, 0, end)
    if not m:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    place_start = max(line_start, after)
    place = text[place_start:m.start()].strip(" \t*")
    if place and len(place) <= 40:
        h.place = match_province(place) or place
        h.spans["place"] = (place_start, m.start())
    date = date_after(folded, m.start() + 1)
    if date:
        h.issue_date = date.iso
        h.spans["issue_date"] = (m.start() + 1, date.end)
    return line_start


def _doc_type(text: str, end: int, h: Header) -> tuple[int, int] | None:
    """The type heading ("QUYẾT ĐỊNH"), tolerant of OCR damage ("QUYET PINH")."""
    for start, stop in _lines(text, 0, end):
        line = text[start:stop]
        if not _is_upper_line(line):
            continue
        key = fold_key(line)
        for type_key, name in _TYPE_KEYS.items():
            if abs(len(key) - len(type_key)) <= 2 and fuzz.ratio(key, type_key) >= 80:
                h.doc_type = name
                h.spans["doc_type"] = (start, stop)
                return start, stop
    return None


def _title(text: str, folded: str, after: int, end: int, h: Header) -> None:
    parts: list[tuple[int, int]] = []
    for start, stop in _lines(text, after, end):
        line = text[start:stop].strip()
        if not line:
            continue
        if _is_upper_line(line) and parts or _SEPARATOR.match(line):
            break
        if _is_upper_line(line) and parse_body(text, folded, start):
            break  # the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
        parts.append((start, stop))
        if len(parts) == 5:
            break
    if parts:
        h.title = squash(" ".join(text[s:e] for s, e in parts))
        h.spans["title"] = (parts[0][0], parts[-1][1])


def _letter_title(text: str, folded: str, end: int, h: Header) -> None:
    """The subject line of a letter: "V/v …", with its wrapped lines."""
    m = re.compile(r"(?m)^[ \t]*v\s*/\s*v\b").search(folded, 0, end)
    if not m:
        return
    stop = m.start()
    for start, line_end in _lines(text, m.start(), end):
        line = folded[start:line_end]
        if not line.strip() or (start > m.start() and (_PLACE_DATE.search(line) or _SO.search(line) or _LETTER.match(line))):
            break
        stop = line_end
    h.title = squash(text[m.start():stop])
    h.spans["title"] = (m.start(), stop)


def _issuer_from_block(text: str, folded: str, block_end: int) -> tuple[str, int, int] | None:
    """The issuing body in the top-left block, with the motto cut out of flattened columns."""
    kept, spans = [], []
    for start, stop in _lines(text, 0, block_end):
        motto = _MOTTO.search(folded, start, stop)
        cut = motto.start() if motto else stop
        piece = text[start:cut].strip()
        if piece and not _SEPARATOR.match(piece):
            kept.append(piece)
            spans.append((start, cut))
    # The body is the lowest part of the block that reads as one body name:
    # "ỦY BAN NHÂN DÂN / TỈNH HƯNG YÊN", or "SỞ Y TẾ" under its parent.
    for i in range(len(kept)):
        sub = " ".join(kept[i:])
        found = parse_body(sub, fold(sub), 0)
        if found and found[1] >= len(sub) - 1:
            return found[0], spans[i][0], spans[-1][1]
    if kept and _is_upper_line(kept[-1]):
        return kept[-1].capitalize(), spans[-1][0], spans[-1][1]
    return None


def _chair_heading(text: str, folded: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The authority heading: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"."""
    for line_start, stop in _lines(text, start, end):
        line = text[line_start:stop].strip()
        if not _is_upper_line(line):
            continue
        offset = line_start + (len(text[line_start:stop]) - len(text[line_start:stop].lstrip()))
        found = parse_body(text, folded, offset)
        if found:
            return found[0], offset, found[1]
    return None


def _province_from_mentions(text: str, folded: str) -> str | None:
    """The province a local document names most often ("tỉnh Hải Dương")."""
    counts: Counter[str] = Counter()
    for m in re.finditer(r"(?<![a-z])(?:tinh|thanh\s+pho)\s+", folded):
        place = read_place(text, m.end())
        if place and (province := match_province(place[0])):
            counts[province] += 1
    return counts.most_common(1)[0][0] if counts else None


def _province_in(issuer: str) -> str | None:
    key = fold_key(issuer)
    return next((p for k, p in PROVINCE_KEYS.items() if key.endswith(" " + k)), None)


def _unnamed_local_body(folded: str) -> str | None:
    """The level of the body that writes a letter with no header ("UBND huyện yêu cầu")."""
    counts = Counter(
        m.group(1) for m in re.finditer(
            r"(?:u[yi]\s+ban\s+nhan\s+dan|ubnd)\s+(huyen|quan|thi\s+xa|thanh\s+pho)\b(?!\s*[a-z]*\s*[A-Z])", folded
        )
    )
    return counts.most_common(1)[0][0] if counts else None


def _complete_issuer(text: str, folded: str, h: Header) -> None:
    """Fill in the place of an issuer named without one ("ỦY BAN NHÂN DÂN TỈNH" + "Hà Tĩnh")."""
    province = match_province(h.place) if h.place else None
    if h.issuer is None:
        if not re.search(r"u[yi]\s+ban\s+nhan\s+dan|ubnd", folded):
            return
        if province:
            level = "thành phố" if province in CENTRAL_CITIES else "tỉnh"
            h.issuer = f"Ủy ban nhân dân {level} {province}"
        elif h.place and (level := _unnamed_local_body(folded)):
            h.issuer = f"Ủy ban nhân dân {_DISTRICT_LEVELS[fold_key(level)]} {h.place}"
        return
    if re.search(r"(?:tỉnh|thành phố)$", h.issuer) and province:
        h.issuer = f"{h.issuer} {province}"


def _signature(text: str, folded: str, h: Header) -> None:
    """Signer and title from the last signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Name")."""
    lines = _lines(text, 0, len(text))
    for index in range(len(lines) - 1, -1, -1):
        start, stop = lines[index]
        m = None
        for candidate in _SIGN_TITLE.finditer(folded, start, stop):
            if _is_upper_line(text[candidate.start():candidate.end()]):
                m = candidate
        if not m:
            continue
        name = _name_after(text, lines, index)
        if not name:
            continue
        title = _SIGNER_TITLES[fold_key(m.group("title"))]
        # The lowest title line is the signer's own ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
        # "KT." alone means a deputy signed for the head.
        if m.group("mode") == "kt" and not title.startswith("Phó"):
            title = _DEPUTY.get(title, f"Phó {title}")
        h.signer_title = title
        h.signer, name_start, name_end = name
        h.spans["signer"] = (name_start, name_end)
        return


def _name_after(text: str, lines: list[tuple[int, int]], index: int) -> tuple[str, int, int] | None:
    """A person's name ending one of the lines after the signer's title."""
    for start, stop in lines[index + 1:index + 30]:
        m = re.search(rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})[ \t*]*$", text[start:stop])
        if not m:
            continue
        words = m.group("name").split()
        # Keep the longest tail of the words that starts with a surname.
        for i, word in enumerate(words):
            rest = words[i:]
            if fold_key(word) in SURNAMES and len(rest) >= 2 and all(
                w[0].isupper() and (w[1:].islower() or w.isupper()) for w in rest
            ):
                name = " ".join(rest)
                name_start = start + m.start("name") + m.group("name").index(word)
                if name.isupper():
                    name = " ".join(w.capitalize() for w in rest)
                return name, name_start, name_start + len(" ".join(rest))
    return None


def extract_header(text: str, folded: str) -> Header:
    """Read the header and signature fields of a document."""
    h = Header()
    end = _header_end(folded)
    number_span = _number(text, folded, end, h)
    place_line = _place_and_date(text, folded, end, number_span[1] if number_span else 0, h)
    type_span = _doc_type(text, end, h)
    if type_span:
        _title(text, folded, type_span[1], end, h)
    else:
        _letter_title(text, folded, end, h)
    block_end = min(p for p in (number_span and number_span[0], place_line, type_span and type_span[0], end) if p is not None)
    found = _issuer_from_block(text, folded, block_end)
    if not found:
        chair = _chair_heading(text, folded, type_span[1] if type_span else 0, end)
        if chair:
            body = chair[0]
            is_chair_decision = bool(h.symbol and "CTUBND" in h.symbol)
            if body.startswith("Chủ tịch ") and not is_chair_decision:
                body = body.removeprefix("Chủ tịch ")
            found = (body, chair[1], chair[2])
    if found:
        h.issuer = found[0]
        h.spans["issuer"] = found[1:]
    _complete_issuer(text, folded, h)
    if h.issuer is None and h.symbol:
        h.issuer = symbol_issuer(h.symbol)  # the header is cut off or unreadable
    if h.doc_type is None:
        if _LETTER.search(folded, 0, end + 200):
            h.doc_type = "Công văn"
        elif h.symbol:
            h.doc_type = symbol_type(h.symbol)
    h.issuer_level = issuer_level(h.issuer)
    if h.issuer_level in ("province", "district", "commune"):
        h.province = (
            _province_in(h.issuer)
            or _province_from_mentions(text, folded)
            or (match_province(h.place) if h.place else None)
        )
    _signature(text, folded, h)
    return h
