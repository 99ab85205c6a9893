"""The identifying fields of a document: type, number, place and date, issuer,
subject line (trích yếu) and signer.

Vietnamese administrative documents share one header (Nghị định 30/2020/NĐ-CP):
issuing body, national motto, number, place and date, type heading, subject
line, issuing authority, then the preamble. Real texts do not keep its lines:
web pages merge them ("Hà Nội, ngày 11 tháng 4 năm 2025 QUYẾT ĐỊNH VỀ VIỆC …"),
tables put `|` between cells, PDF columns interleave, lines wrap anywhere. So
the header is read as zones found by their keywords anywhere in the first part
of the text, on a view where table bars, emphasis marks and rule lines are
blanked out (same length, so every offset is an offset into the text):
motto, number ("Số:"), place-date (", ngày"), type heading, then the subject
line after the type and the issuing body before all of them.
"""

from __future__ import annotations

import re
from collections import Counter

from vietnamese.bodies import BODY_KINDS, DOC_TYPES, HEAD_TITLES, OFFICIAL_TITLES, SIGNING_MODES, deputy_title
from vietnamese.gazetteer import CENTRAL_CITIES, LEVEL_KEYS, PROVINCE_KEYS

from .bodies import (
    issuer_level, match_province, parse_body, read_place, starts_with_body_kind, unknown_body_name,
)
from .dates import DateMatch, date_after, find_dates, printed_month_year
from .folding import fold, fold_key, looks_damaged, ocr_pattern, squash
from .lexicon import ARTICLE_ONE, CAN_CU, SURNAMES, TITLE_KEYS, titles_pattern
from .model import Header
from .numbers import NUMBER, normalise_number, read_header_number, symbol_issuer, symbol_type

# The header lies in the first part of the text; past this it is the body.
_HEAD_CHARS = 5000
# Table bars, Markdown emphasis and headings, rule lines, a web site's bracketed
# editorial notes: never part of a field.
_NOISE = re.compile(r"[|*#_]+|[-–—]{3,}\.?|={3,}|\.{4,}|…{2,}|\[[^\]\n]{0,300}\]")
# The national motto, and the Party's in the same place on Party documents.
_MOTTOS = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "Đảng Cộng sản Việt Nam")
_MOTTO = re.compile("|".join(ocr_pattern(m) for m in _MOTTOS).replace(r"\-", "[-–—]"))  # "Độc lập – Tự do"
# The mottos' letters alone, for a motto whose words a PDF text layer split ("CỘ NG HÒA").
_MOTTO_LETTERS = [re.sub(r"[^a-z]", "", fold(m)) for m in _MOTTOS]
# Pieces of the mottos that end bodies' names too ("Ngân hàng Nhà nước Việt Nam", "Đoàn Thanh niên Cộng sản").
_NAME_ENDINGS = {"vietnam", "congsan", "congsanvietnam"}
# "Số:" before the number; the colon is sometimes left out ("Số 2744/QĐ-UBND").
_SO = re.compile(ocr_pattern("Số", marks_may_vanish=True) + r"(?P<colon>[ \t]*[:;])?\s*")
# The comma after the place; some date lines leave it out ("Hà Nội ngày 1 tháng 12 năm 2025"),
# and handwriting may cover "ngày" with the day ("Quảng Ngãi, ngàW/{ tháng 5 năm 2021").
# "ngày" counts only before a day or "tháng": OCR's "ngày" may read "ngài", and so does "Ngãi".
_PLACE_DATE = re.compile(
    rf"(?P<comma>,)?[ \t]*\n?[ \t]*(?={ocr_pattern('ngày', marks_may_vanish=True)}"
    rf"\s*[^\s,]{{0,4}}\s*(?:\d|{ocr_pattern('tháng', glued_after_debris=True)})"
    rf"|(?P<covered>[^\s,]{{1,8}}[ \t]*\d{{0,2}}[ \t]*{ocr_pattern('tháng')}))"
)
# The day may be damaged ("ngài 1Š tháng 01" on a low-resolution page).
_SPELLED_DATE = re.compile(rf"{ocr_pattern('ngày', marks_may_vanish=True)}[ \t]*[^\s,]{{0,4}}[ \t]*{ocr_pattern('tháng')}")
_BODY_START = re.compile(rf"(?m)^[ \t]*(?:{CAN_CU}|{ocr_pattern('Kính gửi')}|{ARTICLE_ONE})")
# Words that open the first sentence after a subject line written in mixed case.
_OPENERS = re.compile("|".join(ocr_pattern(w) for w in (
    "Căn cứ", "Thực hiện", "Triển khai", "Kính gửi", "Theo", "Xét", "Ngày", "Để", "Nhằm", "Hiện nay",
    "Trong", "Qua", "Thời gian qua",
)))
_TYPE = re.compile("|".join(f"(?P<t{i}>{ocr_pattern(name)})" for i, name in enumerate(DOC_TYPES)))
# The heading of an annex names the document it belongs to:
# "(Ban hành kèm theo Quyết định số 3500/QĐ-BYT ngày 19/11/2024 của Bộ Y tế)".
_ANNEX_OF = re.compile(
    rf"(?m)^[ \t]*\(\s*(?:{ocr_pattern('Ban hành')}\s+)?{ocr_pattern('kèm theo')}\s+(?:{_TYPE.pattern})\s+"
    rf"{ocr_pattern('số', marks_may_vanish=True)}\s*"
)
_OF_BODY = re.compile(r"\s*" + ocr_pattern("của") + r"\s+")
# Headings of the body that may follow a title on the same line.
_SECTION = re.compile("|".join(ocr_pattern(w) for w in ("Lời nói đầu", "Chương I", "Phần thứ nhất")))
_NOT_HEADING = re.compile(r"\s*(?:" + ocr_pattern("số", marks_may_vanish=True) + "|" + ocr_pattern("đến") + ")")
# A numbered heading of the body opening a line: "I. MỤC ĐÍCH, YÊU CẦU", "1. Phạm vi", "a) …".
_NUMBERED_HEADING = re.compile(r"(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)][ \t]")
# "V/v" (về việc) opening a letter's subject line; OCR may drop the second v, and restoring
# marks may read it as a word ("V/về chính sách thuế", "V/và triển khai": 5 of 80 stripped scans).
_SUBJECT_LINE = re.compile(r"(?<!\w)v\s*/\s*(?:v[a-z]?)?(?!\w)")
# "Quyết định 3467/QĐ-BYT ngày 15/11/2024 " before "về …": a web site's name of the document.
_NAMED_BEFORE_SUBJECT = re.compile(
    rf"(?:{_TYPE.pattern}) (?:{ocr_pattern('số')} )?\d+/\S+ {ocr_pattern('ngày')} [\d/.-]+ (?={ocr_pattern('về')})"
)
_LETTER = re.compile(ocr_pattern("Kính gửi"))
# The formula closing a preamble, at a line start or after the last proposal's comma.
_ENACTING = re.compile(
    rf"(?:^|\n|,)[ \t]*(?P<who>[^\W\d_][^\n,;]{{1,80}}?)\s(?P<enacts>{ocr_pattern('ban hành')})\s+(?:{_TYPE.pattern})"
)
_NEVER_ADDRESSED = {"Chỉ thị", "Quyết định", "Nghị định", "Nghị quyết", "Thông tư", "Luật"}
# Words before which a body name is part of the title, not the authority line.
_INSIDE_TITLE = {"cua", "va", "ve", "voi", "cho", "tai", "thuoc", "pho"}
# Titles of people who head a body, opening the issuing authority's line ("BỘ TRƯỞNG BỘ Y TẾ").
_HEAD_TITLES = re.compile(titles_pattern(HEAD_TITLES))
# A signer's title, after how the signer signs ("KT. CHỦ TỊCH"); last, the head of a body whose title
# the list lacks ("PHÓ TRƯỞNG THUẾ TỈNH"): it has no written form.
_SIGN_TITLE = re.compile(
    rf"(?:(?P<mode>{'|'.join(m.lower() for m in SIGNING_MODES)})\.?\s+)?"
    rf"(?P<title>{titles_pattern(OFFICIAL_TITLES)}|(?:pho\s+)?truong(?=\s+[a-z]))(?![a-z])"
)
# The longest word of each head's and deputy's title ("truong", "tich", "giam"), which every title holds
# ("Phó Chủ tịch Thường trực" that of "Chủ tịch"): found first, in capitals, to find the few lines worth reading.
_TITLE_WORD = re.compile("|".join(sorted(
    {max(fold_key(t).removeprefix("pho ").split(), key=len) for h in HEAD_TITLES for t in (h, deputy_title(h))},
    key=len, reverse=True)))
# "T/M BỘ CHÍNH TRỊ" over a name: signed on behalf of a body, with no title printed.
_ON_BEHALF = re.compile(r"(?m)^[ \t]*t\s*[/.]\s*m\.?[ \t]+(?=\S)")
# A line this long is running text: the signature block has ended, no name follows in it.
_PROSE_WORDS = 16
# "Nơi nhận:" heading the recipients' list in a letter's foot, beside the signature block.
_RECIPIENTS = re.compile(ocr_pattern("Nơi nhận") + r"\s*:")
_FOOT_LINES, _FOOT_CHARS = 40, 2000
# A line in capitals opening with a kind of body, its marks as written: "VỤ PHÁP CHẾ", never the surname "VŨ".
_DEPARTMENT = re.compile(rf"[ \t*]*(?:{'|'.join(re.escape(k.upper()) for k in BODY_KINDS)})\s")
_NAME_WORD = r"[^\W\d_]+"


class _Layout:
    """The first part of a document with its zones, found once."""

    def __init__(self, text: str) -> None:
        head = text[:_HEAD_CHARS]
        self.view = _NOISE.sub(lambda m: " " * len(m.group()), head)
        self.folded = fold(self.view)
        # The preamble starts at a "Căn cứ" line, not at a heading in capitals.
        body = next((m for m in _BODY_START.finditer(self.folded)
                     if not self.view[m.start():m.end()].strip().isupper()), None)
        self.end = body.start() if body else len(self.view)
        self.mottos = [m.span() for m in _MOTTO.finditer(self.folded, 0, self.end)]
        self.mottos += _motto_lines(self.folded, self.end, self.mottos)

    def words(self, start: int, end: int) -> list[re.Match[str]]:
        return list(re.finditer(r"\S+", self.view[start:end]))

    def ends_a_zone(self, pos: int, zone_ends: set[int]) -> bool:
        """Whether `pos` starts a line or follows a zone directly (merged web lines)."""
        before = self.view[:pos].rstrip(" \t-–•:")
        return not before or before.endswith("\n") or len(before) in zone_ends


def _motto_lines(folded: str, end: int, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of a motto that OCR read interleaved with the issuer's lines beside it
    ("CỘNG HÒA XÃ HỘI / TỈNH HÀ NAM / CHỦ NGHĨA VIỆT NAM"): lines whose letters, in order,
    spell a whole motto, whatever lines stand between them."""
    lines = [(m.span(), re.sub(r"[^a-z]", "", m.group())) for m in re.finditer(r"[^\n]+", folded[:end])
             if not any(start < m.end() and m.start() < stop for start, stop in found)]
    spans = []
    for motto in _MOTTO_LETTERS:
        pieces, spelt = [], ""
        for span, letters in lines:
            if letters and motto.startswith(spelt + letters):
                pieces, spelt = pieces + [span], spelt + letters
            elif letters and motto.startswith(letters):
                pieces, spelt = [span], letters
            if spelt == motto:
                spans += pieces if len(pieces) > 1 else []
                break
    return spans


def _number(layout: _Layout, h: Header) -> tuple[int, int] | None:
    for so in _SO.finditer(layout.folded, 0, layout.end):
        found = read_header_number(layout.view, so.end())
        # Without the colon only a line's "Số" before a plain number with a code in capitals
        # ("Số 12/QĐ-UBND"; not a gazette's "Số 271/Ngày", nor "… thay thế Quyết định số 12/QĐ-UBND").
        if found and (so.group("colon") or found[0] and re.match(r"[A-ZĐ]{2}", found[1])
                      and layout.view[so.start()] == "S" and layout.ends_a_zone(so.start(), set())):
            h.number, h.symbol, end = found
            h.spans["number"] = (so.start(), end)
            return so.start(), end
    return None


def _place(layout: _Layout, start: int, comma: int) -> tuple[str, int] | None:
    """The capitalised words right before the date's comma ("Thành phố Hồ Chí\\nMinh")."""
    words = layout.words(max(start, comma - 80), comma)
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        token = word.group()
        if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?", token) or len(kept) == 6:  # "TP.", "Rịa-Vũng" too
            break
        if not token[0].isupper() and fold(token) not in ("pho", "xa", "tran"):
            break
        kept.insert(0, word)
    # Capitals before a capitalised name belong to the column beside it ("VIỆT NAM Hà Nội").
    while len(kept) > 1 and kept[0].group().isupper() and not kept[-1].group().isupper() \
            and not kept[0].group().endswith("."):
        kept.pop(0)
    if not kept:
        return None
    offset = max(start, comma - 80)
    # Words of the line before belong to the place only when this line's part is not a place by
    # itself: "Thành phố Hồ Chí / Minh", but not "… đoạn qua Thái Bình / Hà Nội".
    same_line = [w for w in kept if "\n" not in layout.view[offset + w.start():comma]]
    carried = kept[len(kept) - len(same_line) - 1].group() if len(same_line) < len(kept) else ""
    # A word in lower case before the carried words makes them the end of a sentence, a subject
    # line's "… trên địa bàn Thành phố" over "Hà Nội, ngày …", however much they look like a place.
    before = words[len(words) - len(kept) - 1] if len(words) > len(kept) else None
    in_sentence = before and before.group()[0].islower() and "\n" not in layout.view[
        offset + before.end():offset + kept[0].start()]
    if same_line and carried and (in_sentence or fold(carried) not in ("pho", "xa", "tran", "tinh", "tp.")) \
            and match_province(" ".join(w.group() for w in same_line)):
        kept = same_line
    place_start = offset + kept[0].start()
    place = re.sub(r"^TP\.\s*", "Thành phố ", squash(layout.view[place_start:comma]))  # "TP. Hồ Chí Minh"
    if looks_damaged(re.sub(r"\S+\.\s*", "", place)):  # an abbreviation ("TP.") is not damage
        place = match_province(place) or place
    return place, place_start


def _place_and_date(layout: _Layout, after: int, h: Header) -> tuple[int, int] | None:
    for m in _PLACE_DATE.finditer(layout.folded, 0, layout.end):
        # The number bounds the place only from above it: OCR may read the date's column first.
        zone_floor = max([after if after <= m.start() else 0] + [e for _, e in layout.mottos if e <= m.start()])
        place = _place(layout, zone_floor, m.start())
        line_starts_with_place = place and layout.ends_a_zone(place[1], set())
        if not m.group("comma") and (m.group("covered") or not line_starts_with_place
                                     or not _SPELLED_DATE.match(layout.folded, m.end())):
            continue  # without the comma, only "ngày D tháng M" on a line that starts with the place
            # ("Từ ngày 01/10/2013, …" in a letter's body is no place and date)
        # A day or month filled in by hand reads as debris: keep the printed parts.
        date = date_after(layout.folded, m.start()) or _printed_date(layout.folded, m.end())
        if date:
            h.issue_date = date.iso
            h.spans["issue_date"] = (m.end(), date.end)
        zone_start = m.start()
        if place:
            h.place, zone_start = place
            h.spans["place"] = (zone_start, m.start())
        return zone_start, date.end if date else m.end()
    return None


def _printed_date(folded: str, pos: int) -> DateMatch | None:
    """The printed month and year of a date line whose day is handwritten ("ngày @3 tháng 5 năm 2025")."""
    line_end = folded.find("\n", pos)
    end = min(pos + 40, line_end if line_end > 0 else len(folded))
    found = find_dates(folded, pos, end)
    return found[0] if found else printed_month_year(folded, pos, end)


def _doc_type(layout: _Layout, zone_ends: set[int], h: Header) -> tuple[int, int] | None:
    """The type heading ("QUYẾT ĐỊNH", "QUYET PINH") where a line or a zone ends."""
    for m in _TYPE.finditer(layout.folded, 0, layout.end):
        written = layout.view[m.start():m.end()]
        line_start = layout.view.rfind("\n", 0, m.start()) + 1
        alone = layout.view[line_start:_line_end(layout.view, m.end())].strip() == written
        if not (written.isupper() or alone) or not layout.ends_a_zone(m.start(), zone_ends):
            continue
        if any(a <= m.start() < b for a, b in layout.mottos):
            continue
        if _NOT_HEADING.match(layout.folded, m.end()):
            continue  # "Luật số:" opens the number; "CÔNG VĂN ĐẾN" is an incoming-mail stamp
        h.doc_type = DOC_TYPES[int(m.lastgroup[1:])]
        h.spans["doc_type"] = m.span()
        return m.span()
    return None


_ABOUT = re.compile(r"[ \t]*(?=" + ocr_pattern("Về") + r"\s)")


def _subject_line(layout: _Layout, zone_ends: set[int], number: tuple[int, int] | None) -> int | None:
    """Where a letter's "V/v …" starts: at a line start or right after the number; else a line
    "Về …" right under the number ("Số: 515/SGDĐT-VP\nVề hướng dẫn …")."""
    subject = next((m.start() for m in _SUBJECT_LINE.finditer(layout.folded, 0, layout.end)
                    if layout.ends_a_zone(m.start(), zone_ends)), None)
    if subject is None and number:
        next_line = _line_end(layout.view, number[1]) + 1
        about = _ABOUT.match(layout.folded, next_line)
        if about and layout.view[about.end()].isupper():
            subject = about.end()
    return subject


def _number_from_annex(text: str, folded: str, h: Header) -> None:
    """Number, date and type of a text whose header is lost, from its annex heading."""
    annex = _ANNEX_OF.search(folded)
    number = annex and NUMBER.match(text, annex.end())
    if not number:
        return
    h.number, h.symbol = normalise_number(number.group("num"), number.group("year"), number.group("sym"))
    h.spans["number"] = number.span()
    h.doc_type = h.doc_type or DOC_TYPES[int(next(k for k, v in annex.groupdict().items() if v)[1:])]
    date = date_after(folded, number.end())
    if date and not h.issue_date:
        h.issue_date = date.iso
        h.spans["issue_date"] = (re.compile(r"\s*").match(text, number.end()).end(), date.end)
    # "(Kèm theo Công văn số 12/CT-CS ngày 3/4/2025 của Cục Thuế)": the body that issued it.
    of = _OF_BODY.match(folded, date.end if date else number.end())
    named = of and re.match(r"([^()]{3,60}?)\s*\)", text[of.end():])
    if not named:
        return
    body = parse_body(text, folded, of.end())
    head = _HEAD_TITLES.match(folded, of.end())  # "của Cục trưởng Cục Thuế": the body after the title
    name_start = re.compile(r"\s*").match(text, head.end()).end() if head else of.end()
    if body and body[1] == of.end() + named.end(1):
        h.issuer = body[0]
    elif starts_with_body_kind(text[name_start:of.end() + named.end(1)]):  # one the vocabulary lacks
        h.issuer = squash(text[name_start:of.end() + named.end(1)])
    else:
        return
    h.spans["issuer"] = (of.end(), of.end() + named.end(1))


# A consolidated text (văn bản hợp nhất) is numbered, dated and issued in the block that
# certifies it at its end ("BỘ QUỐC PHÒNG / XÁC THỰC VĂN BẢN HỢP NHẤT / Số: 46/VBHN-BQP /
# Hà Nội, ngày …"); its header repeats the heading of the text it consolidates.
_CONSOLIDATION_SEAL = re.compile(ocr_pattern("Xác thực văn bản hợp nhất"))
_SEAL_BLOCK_CHARS = 300


def _consolidation_seal(text: str, folded: str, h: Header) -> None:
    """Number, date, place and issuer of a consolidated text whose header has no number."""
    seal = None
    for seal in _CONSOLIDATION_SEAL.finditer(folded):
        pass  # the last one: the certifying block closes the text
    if seal is None:
        return
    start = text.rfind("\n", 0, text.rfind("\n", 0, seal.start()) - 1) + 1  # the body's line above it
    # Read like a header, the seal's words blanked: the body above them is the issuer.
    block = text[start:seal.start()] + " " * (seal.end() - seal.start()) + text[seal.end():seal.end() + _SEAL_BLOCK_CHARS]
    found = extract_header(block, fold(block), certified=True)
    h.doc_type = "Văn bản hợp nhất"
    h.spans["doc_type"] = seal.span()
    for name in ("number", "symbol", "issue_date", "place", "issuer"):
        value = getattr(found, name)
        if value is not None and (name == "issuer" or getattr(h, name) is None):
            setattr(h, name, value)
            if name in found.spans:
                h.spans[name] = (start + found.spans[name][0], start + found.spans[name][1])


def _authority_at(layout: _Layout, word: re.Match[str], start: int, previous: str | None, line_start: bool,
                  issuer: str | None) -> bool:
    """Whether the title's word at `start` opens the issuing authority line ("BỘ TRƯỞNG BỘ Y TẾ",
    "GIÁM ĐỐC" and the issuing body's own name, known or not)."""
    if not word.group().isupper() or previous and (
            previous.endswith(",") or fold(previous).strip(",.") in _INSIDE_TITLE):
        return False  # "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ": a list of bodies inside the title
    head = _HEAD_TITLES.match(layout.folded, start)
    if head and parse_body(layout.view, layout.folded, head.end()):
        return True
    if head and line_start and issuer and fold_key(layout.view[head.end():head.end() + 2 * len(issuer)]).startswith(
            fold_key(issuer)):
        return True
    body = parse_body(layout.view, layout.folded, start) if line_start else None
    if not body:
        return False
    # "… KẾT LUẬN CỦA ĐẠI BIỂU\nQUỐC HỘI TẠI TỔ …": a body whose line goes on in capitals is the title's
    rest = layout.view[body[1]:_line_end(layout.view, body[1])].split()
    return not (rest and sum(c.isupper() for c in rest[0]) > 1 and rest[0].isupper())


def _debris_line(view: str, start: int, words: list[re.Match[str]]) -> bool:
    """Whether the line of words[0] holds no word, only single letters and fragments glued to
    symbols: what OCR reads off a seal or a stamp between the type heading and the subject
    (".ÃA ⁄ Ả Á .^"), never a subject's line ("VỀ" alone on its line is a word)."""
    line_end = _line_end(view, start + words[0].start())
    line = [w.group() for w in words if start + w.start() < line_end]
    if len(line) == 1 and re.fullmatch(r"[^\W\d_]", line[0]):
        return False  # "Ý\nKIẾN CHỈ ĐẠO …": a one-letter word wrapped alone, not a seal's fragments
    return len(line) < len(words) and not any(re.fullmatch(r"[^\W\d_]{2,}[,.:;]?", w) for w in line)


def _stamp_across(view: str, pos: int) -> int | None:
    """Where the line at `pos` ends, when it is what OCR reads off a stamp crossing a
    subject line (a few letters among symbols: ".ˆ^ Lá") and the next line carries on
    the sentence in lower case; else None."""
    end = _line_end(view, pos)
    line = view[pos:end]
    if sum(c.isalpha() for c in line) > 3 or not re.search(r"[^\w\s]", line):
        return None
    after = re.compile(r"\s*(\S)").match(view, end)
    return end if after and after.group(1).islower() else None


def _title(layout: _Layout, start: int, zone_ends: set[int], h: Header, issuer: str | None) -> None:
    """The subject line from `start`: a run of capitals, or mixed case up to the next sentence."""
    words = layout.words(start, layout.end)
    while words and not re.search(r"\w", words[0].group()):
        words.pop(0)  # a colon or dash after the type word
    while words and _debris_line(layout.view, start, words):
        line_end = _line_end(layout.view, start + words[0].start())
        words = [w for w in words if start + w.start() >= line_end]  # a seal's or stamp's fragments
    if not words:
        return
    capitals = "".join(w.group() for w in words[:4]).isupper()
    kept: list[re.Match[str]] = []
    skip_to = 0
    for word in words:
        pos = start + word.start()
        if pos < skip_to:
            continue
        gap = layout.view[start + kept[-1].end():pos] if kept else ""
        token = word.group()
        if kept and not capitals and "\n" in gap and (debris_end := _stamp_across(layout.view, pos)):
            skip_to = debris_end  # a stamp over the subject line: its sentence goes on below
            continue
        # A blank line ends a subject in mixed case, not one in capitals: OCR's paragraphs break
        # a centred heading at its short lines ("KẾT\n\nLUẬN CỦA …", "VỀ\n\nVIỆC CÔNG BỐ …").
        if kept and (pos in zone_ends or len(kept) > 250 or "\n" in gap and _NUMBERED_HEADING.match(layout.view, pos)):
            break
        if capitals:
            if any(c.islower() for c in token):
                break
        elif kept and "\n" in gap:
            line = layout.view[pos:layout.view.find("\n", pos)]
            # "V/v thuế suất thuế\nGTGT", "V/v triển khai Nghị định\n136/2025/NĐ-CP": the sentence goes on.
            abbreviation = re.fullmatch(r"[A-ZĐ]{2,5}[.;,]?", line.strip()) or (
                (number := NUMBER.match(line.strip())) and number.end() >= len(line.strip().rstrip(".;,")))
            if (gap.count("\n") >= 2 and not token[0].islower() and not abbreviation
                    or token[0].isupper() and _OPENERS.match(layout.folded, pos) or token[0] in "“\"'([" or
                    not abbreviation and sum(c.isupper() for c in line) > 0.6 * sum(c.isalpha() for c in line)):
                break
        if kept and (_authority_at(layout, word, pos, kept[-1].group(), "\n" in gap, issuer)
                     or _SECTION.match(layout.folded, pos)):
            break
        kept.append(word)
    if not kept:
        return
    title_start, title_end = start + kept[0].start(), start + kept[-1].end()
    title = " ".join(w.group() for w in kept).rstrip(".;: ")  # without a stamp's debris skipped
    # A web site's name of the document standing where the subject belongs
    # ("Quyết định 3467/QĐ-BYT ngày 15/11/2024 về việc …"): the subject is what follows.
    named = _NAMED_BEFORE_SUBJECT.match(fold(title))
    if named:
        title, title_start = title[named.end():], title_start + named.end()
    h.title = title
    h.spans["title"] = (title_start, title_end)


def _issuer_from_block(layout: _Layout, block_end: int) -> tuple[str, int, int] | None:
    """The lowest body of the issuing block ("BỘ TÀI CHÍNH / TỔNG CỤC THUẾ", "UBND / TỈNH NGHỆ AN")."""
    block = layout.view[:block_end]
    for start, end in layout.mottos:  # the motto column beside the issuer's lines
        block = block[:start] + " " * (min(end, block_end) - start) + block[end:]
    # and its pieces that OCR read apart from it ("CỘNG", "NGHĨA VIỆT NAM")
    block = re.sub(r"[^\n]+", lambda line: " " * len(line.group()) if _only_motto(line.group()) else line.group(), block)
    # No running text is part of the block. Above a number, date or type heading the block starts
    # after the last sentence (a web page's caption); without them it ends at the first one, since
    # a letter whose header is lost names bodies in its sentences ("… của Bộ Tài chính").
    zoned = block_end < layout.end
    prose = [line for line in re.finditer(r"[^\n]+", block) if _prose_line(line.group())]
    if prose and zoned:
        block = " " * prose[-1].end() + block[prose[-1].end():]
    elif prose:
        block_end = prose[0].start()
    lined = block[:block_end]
    last_line = re.search(r"([^\W\d_][^\n]*[^\W\d_])[^\w\n]*\n?[^\w]*$", lined)
    block = lined.replace("\n", " ")  # one name, wrapped or split by the motto
    folded = fold(block)
    parent = lowest = None
    for word in re.finditer(r"\S+", block):
        if not word.group()[0].isupper():
            continue
        if ":" in lined[lined.rfind("\n", 0, word.start()) + 1:word.start()]:
            continue  # a label's value ("Kính gửi: Cục Thuế tỉnh …"): the addressee, not the issuer
        found = parse_body(block, folded, word.start())
        if not found:
            continue
        name, end = found
        rest = fold(block[end:]).strip(" \t\n,.:-")
        if not rest or _TYPE.fullmatch(rest) or _only_motto(rest):  # "QUỐC HỘI … Luật số:"
            if fold_key(name).startswith("so ") and parent and " " in parent:
                # A department under its province: "Sở Y tế tỉnh Nghệ An".
                local = re.search(r"(?:tỉnh|thành phố) .+$", parent)
                if local and not re.search(r"(?:tỉnh|thành phố) ", name):
                    name = f"{name} {local.group()}"
            return name, word.start(), end
        parent = parent or name
        lowest = (name, word.start(), end)
    # A body the vocabulary does not know ("TỔNG CỤC HẢI QUAN") on the last line, under its parent.
    # Without a number, date or type heading under it, only a line that starts as a body does
    # ("QUYẾT TOÁN THUẾ …" heading an article is none).
    if last_line and last_line.group(1).isupper() and len(last_line.group(1)) >= 4 and (
            zoned or starts_with_body_kind(last_line.group(1))) and (
            not lowest or lowest[2] <= last_line.start(1)) and not _only_motto(last_line.group(1)):
        return unknown_body_name(last_line.group(1)), last_line.start(1), last_line.end(1)
    return lowest  # the motto or a stamp left unread beside it


def _prose_line(line: str) -> bool:
    """Whether a line is running text: long, and most of its words in lower case."""
    words = line.split()
    return len(words) >= _PROSE_WORDS and sum(w[0].islower() for w in words) * 2 >= len(words)


def _only_motto(words: str) -> bool:
    """Whether `words` hold nothing but mottos, whatever spaces split them, or a piece of one
    that OCR read apart from the rest ("CỘNG", "NGHĨA VIỆT NAM"), but for the ending of many
    bodies' names ("NGÂN HÀNG NHÀ NƯỚC / VIỆT NAM")."""
    letters = re.sub(r"[^a-z]", "", fold(words))
    for motto in _MOTTO_LETTERS:
        letters = letters.replace(motto, "")
    return not letters or len(letters) >= 4 and letters not in _NAME_ENDINGS and any(
        letters in motto for motto in _MOTTO_LETTERS)


def _chair_heading(layout: _Layout, start: int) -> tuple[str, int, int] | None:
    """The authority heading: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "BỘ TRƯỞNG BỘ Y TẾ"."""
    for line in re.finditer(r"[^\n]+", layout.view[start:layout.end]):
        words = line.group().split()
        if not words or not all(not c.islower() for c in line.group()):
            continue
        offset = start + line.start() + len(line.group()) - len(line.group().lstrip())
        found = parse_body(layout.view, layout.folded, offset)
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
            h.issuer = f"Ủy ban nhân dân {LEVEL_KEYS[fold_key(level)]} {h.place}"
        return
    if h.issuer in ("Ủy ban nhân dân", "Hội đồng nhân dân") and province:
        level = "thành phố" if province in CENTRAL_CITIES else "tỉnh"
        h.issuer = f"{h.issuer} {level} {province}"
    elif re.search(r"(?:tỉnh|thành phố)$", h.issuer) and (province := province or _province_from_mentions(text, folded)):
        h.issuer = f"{h.issuer} {province}"  # the place named on the date line, else most often
    elif fold_key(h.issuer) in ("tinh", "thanh pho") or re.fullmatch(r"(?:tỉnh|thành phố) .+", h.issuer, re.I):
        # Only the place line of "UBND / TỈNH QUẢNG NGÃI" was read as the block.
        place = _province_in(h.issuer) or province
        if place:
            level = "thành phố" if place in CENTRAL_CITIES else "tỉnh"
            h.issuer = f"Ủy ban nhân dân {level} {place}"


def _enacting_body(text: str, folded: str, h: Header) -> None:
    """The issuer of a text whose issuing block is lost, from the formula that closes its
    preamble: "Bộ trưởng Bộ Tài chính ban hành Thông tư …", "Chính phủ ban hành Nghị định …"
    (of the document's own type, not "… ban hành Nghị định số 12/2025/NĐ-CP" cited in a sentence)."""
    for formula in _ENACTING.finditer(folded):
        written = DOC_TYPES[int(formula.lastgroup[1:])]
        if written != h.doc_type or _NOT_HEADING.match(folded, formula.end()):
            continue
        body = parse_body(text, folded, formula.start("who"))
        if body and not folded[body[1]:formula.start("enacts")].strip():
            h.issuer = body[0]
            h.spans["issuer"] = (formula.start("who"), body[1])
        return


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _signature(text: str, folded: str, h: Header) -> None:
    """Signer and title from the last signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Name"),
    also written on one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A")."""
    line_starts = sorted({
        text.rfind("\n", 0, m.start()) + 1 for m in _TITLE_WORD.finditer(folded) if text[m.start():m.end()].isupper()
    })
    titles = [
        m for start in line_starts for m in _SIGN_TITLE.finditer(folded, start, _line_end(text, start))
        if text[m.start():m.end()].isupper() and text[m.start("title"):m.end("title")] != "TRƯỜNG"
    ]  # "TRƯỜNG" alone (a school, "MÔI TRƯỜNG") folds as a head's "TRƯỞNG" does but is written otherwise
    on_behalf = [m for m in _ON_BEHALF.finditer(folded) if text[m.end():_line_end(text, m.end())].isupper()]
    # From the end; on a line with several titles the last one is the signer's own.
    for lowest in sorted(titles + on_behalf, key=lambda m: m.start(), reverse=True):
        # Blank lines left out: OCR's paragraphs split a block ("Phạm\n\nMạnh Cường").
        lines, end = [(lowest.end(), _line_end(text, lowest.end()))], _line_end(text, lowest.end())
        while len(lines) < 30 and end < len(text):
            start, end = end + 1, _line_end(text, end + 1)
            if text[start:end].strip():
                lines.append((start, end))
        name = _name_after(text, lines)
        if not name:
            continue
        title = TITLE_KEYS.get(fold_key(lowest.group("title"))) if "title" in lowest.re.groupindex else None
        # "KT." before the lowest title means a deputy signed for the head.
        if title in HEAD_TITLES and lowest.group("mode") == "kt":
            title = deputy_title(title)
        h.signer_title = title
        h.signer, name_start, name_end = name
        h.spans["signer"] = (name_start, name_end)
        return
    # The title lost under a seal (OCR reads "SHỦ TỊCH" or nothing): the name printed alone
    # in the foot of the letter, after the recipients' heading.
    for recipients in _RECIPIENTS.finditer(folded):
        name = _name_alone(text, recipients.end())
        if name:
            h.signer, name_start, name_end = name
            h.spans["signer"] = (name_start, name_end)
            return


def _name_alone(text: str, start: int) -> tuple[str, int, int] | None:
    """The first line after `start`, within the foot, that is nothing but a person's name
    with a known surname ("Trần Văn Bình"); the foot ends at a line of running text."""
    for line in list(re.finditer(r"[^\n]+", text[start:start + _FOOT_CHARS]))[:_FOOT_LINES]:
        words = line.group().strip(" *").split()
        if len(words) >= _PROSE_WORDS:
            return None
        if 2 <= len(words) <= 4 and fold_key(words[0]) in SURNAMES and all(
                re.fullmatch(_NAME_WORD, w) and w[0].isupper() and (w[1:].islower() or w.isupper()) for w in words):
            line_start = start + line.start()
            name_end = line_start + line.group().rindex(words[-1]) + len(words[-1])
            return " ".join(w.capitalize() for w in words), line_start + line.group().index(words[0]), name_end
    return None


def _last_name_word(line: str) -> bool:
    """Whether a line holds one capitalised word in lower case after its capital: a name's
    last word wrapped alone ("Hòa"), not a heading ("FILE") nor a sentence."""
    word = line.strip(" *")
    return bool(re.fullmatch(_NAME_WORD, word)) and word[0].isupper() and word[1:].islower() and len(word) > 1


def _name_after(text: str, lines: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """A person's name ending one of the lines after the signer's title."""
    mixed_case_seen = False
    for n, (start, stop) in enumerate(lines):
        line = text[start:stop]
        if len(line.split()) >= _PROSE_WORDS:
            return None
        if _DEPARTMENT.match(line):
            continue  # the signer's department under the title ("VỤ PHÁP CHẾ": "Vụ" is no "Vũ")
        # The first line in mixed case standing alone is the name even with a surname the list lacks.
        alone = not mixed_case_seen and any(c.islower() for c in line)
        mixed_case_seen = mixed_case_seen or alone
        if n + 1 < len(lines) and (fold_key(line) in SURNAMES or _last_name_word(text[slice(*lines[n + 1])])
                                   and len(line.split()) < 4 and any(c.islower() for c in line)):
            # The surname alone on its line, the given names on the next; or the given name
            # alone on the next line ("Lê Văn\nHòa").
            stop = lines[n + 1][1]
        m = re.search(rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})[ \t*]*$", text[start:stop])
        if not m:
            continue
        words = m.group("name").split()
        alone = alone and squash(text[start:stop]).strip(" *") == " ".join(words)
        # Keep the longest tail of the words that starts with a surname.
        for i, word in enumerate(words):
            rest = words[i:]
            if len(rest) >= 2 and all(w[0].isupper() and (w[1:].islower() or w.isupper()) for w in rest) and (
                    fold_key(word) in SURNAMES or alone and all(w[1:].islower() for w in rest)):
                name = " ".join(rest)
                if name.isupper() and (squash(text[start:stop]).strip(" *[]().:-") != name
                                       or fold_key(name) in PROVINCE_KEYS):
                    # A name in capitals stands alone on its line, not at the end of a heading; nor is it
                    # a province's, the end of a heading wrapped alone ("… SỞ Y TẾ TỈNH\nLAI CHÂU").
                    break
                name_start = start + m.start("name") + m.group("name").index(word)
                if name.isupper():
                    name = " ".join(w.capitalize() for w in rest)
                return name, name_start, start + m.end("name")
    return None


def extract_header(text: str, folded: str, certified: bool = False) -> Header:
    """Read the header and signature fields of a document (`certified`: of the block that
    certifies a consolidated text, which is read like a header)."""
    h = Header()
    layout = _Layout(text)
    number = _number(layout, h)
    place_date = _place_and_date(layout, number[1] if number else 0, h)
    zone_ends = {e for _, e in layout.mottos} | {p for z in (number, place_date) if z for p in z}
    doc_type = _doc_type(layout, zone_ends, h)
    subject = None if doc_type else _subject_line(layout, zone_ends, number)
    starts = [z[0] for z in (number, place_date, doc_type) if z] + [layout.end]
    found = _issuer_from_block(layout, min(starts))
    if doc_type:
        _title(layout, doc_type[1], zone_ends, h, found[0] if found else None)
    elif subject is not None:
        _title(layout, subject, zone_ends, h, found[0] if found else None)
    if h.symbol is None:
        _number_from_annex(text, folded, h)
    if not found:
        chair = _chair_heading(layout, doc_type[1] if doc_type else 0)
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
    if h.issuer is None and h.doc_type:
        _enacting_body(text, folded, h)
    by_symbol = symbol_type(h.symbol) if h.symbol else None
    if by_symbol == "Văn bản hợp nhất":
        h.doc_type = by_symbol  # a consolidated text repeats the heading of the text it consolidates
    elif h.doc_type is None:
        # A subject line "V/v" makes a letter whatever its symbol ("CT-CS" of the tax department);
        # so does "Kính gửi" under a symbol whose type is never addressed to anyone ("CT-TTHT" is
        # the tax department's, not a Chỉ thị).
        letter = _LETTER.search(layout.folded)
        h.doc_type = "Công văn" if subject is not None or letter and by_symbol in _NEVER_ADDRESSED else by_symbol or (
            "Công văn" if letter else None)
    if h.symbol is None and not certified:
        _consolidation_seal(text, folded, h)
    h.issuer_level = issuer_level(h.issuer)
    if h.issuer_level in ("province", "district", "commune"):
        h.province = (
            _province_in(h.issuer)
            or _province_from_mentions(text, folded)
            or (match_province(h.place) if h.place else None)
        )
    _signature(text, folded, h)
    return h
