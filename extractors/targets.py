"""Percentage targets that a document assigns ("phấn đấu đến năm 2030 đạt tối thiểu 70% …").

Each percentage is read in its place in the document's outline (upper-case headings such as
a plan's title or an appendix heading, then I. → 1. → 1.1. → a) → (1) → - → +):

- it is a target when one of its headings or lead-in lines names goals ("Mục tiêu cụ thể
  đến năm 2030", "các chỉ tiêu sau:"), when its sentence assigns it ("phấn đấu", "bảo đảm",
  "giao chỉ tiêu", "phải đạt"), or when it opens a clause of a goal list ("- 100% thủ tục
  hành chính …", "Trên 90% hồ sơ …");
- it is not one under headings of criteria, scores, awards or the current situation, nor
  when the words around it make it a fee, a support or contribution rate, an ownership
  share, a condition or a reported result;
- its year is the one its clause names ("đạt 50% vào năm 2025"), else its sentence's, else
  its headings' ("Mục tiêu đến hết năm 2026", the plan's "GIAI ĐOẠN 2026 - 2030"), else the
  first goal heading's, else the document's year given by the caller.

Rows of tab-separated or OCR-spaced tables under a heading about targets give one target
each, with the count beside the percentage (the appendix tables of provincial decisions).
Every keyword is written once, in plain Vietnamese; `folding.ocr_pattern` makes its pattern.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from vietnamese.bodies import HEAD_TITLES

from .dates import DateMatch, find_dates
from .folding import fold, ocr_any, ocr_pattern, squash
from .model import Target

_JOIN = r"[\s*_]+"  # words may be wrapped or carry markdown emphasis between them


def _words(phrase: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", phrase))


def _marks(phrase: str) -> tuple[tuple[str, ...], ...]:
    """The diacritics of each word of a phrase ("tiêu chí" → ((circumflex,), (acute,)))."""
    return tuple(
        tuple(sorted("đ" if c == "đ" else c for c in unicodedata.normalize("NFD", word.lower()) if c == "đ" or unicodedata.combining(c)))
        for word in re.findall(r"[^\W_]+", phrase)
    )


class _Keywords:
    """Phrases written once in plain Vietnamese, found in the folded text OCR-tolerantly
    (`ocr_pattern`) yet exactly where the text keeps its marks: "mục tiêu Chỉ thị" does not
    hold "tiêu chí", although both fold to "tieu chi"."""

    def __init__(self, *phrases: str, before: str = "", after: str = "") -> None:
        self.marks = {_words(fold(p)): _marks(p) for p in phrases}
        self.pattern = re.compile(f"{before}(?P<words>{ocr_any(*phrases)}){after}")

    def exact(self, text: str, m: re.Match[str]) -> bool:
        """No word carries a mark its keyword lacks: a mark lost ("BIỂU CHI TIÊU", OCR text
        without marks) is tolerated, a different mark is not."""
        marks = self.marks.get(_words(m.group("words")))
        if marks is None:
            return True  # OCR-damaged words ("to1 thi€u") are taken as they come
        found = _marks(text[m.start("words"):m.end("words")])
        return len(found) == len(marks) and all(not Counter(f) - Counter(k) for f, k in zip(found, marks))

    def search(self, text: str, folded: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return next((m for m in self.pattern.finditer(folded, start, len(folded) if end is None else end) if self.exact(text, m)), None)

    def match(self, text: str, folded: str, pos: int) -> re.Match[str] | None:
        m = self.pattern.match(folded, pos)
        return m if m and self.exact(text, m) else None


# Headings and lead-ins that announce goals, and those under which percentages are rules,
# scores or facts.
_GOAL_HEADING = _Keywords("mục tiêu", "chỉ tiêu")
_NOT_GOAL_HEADING = _Keywords(
    "tiêu chuẩn", "tiêu chí", "thang điểm", "chấm điểm", "điểm cộng", "điểm trừ", "khen thưởng",
    "hiện trạng", "thực trạng", "kết quả đạt được", "kết quả thực hiện", "đánh giá kết quả",
    "tình hình thực hiện", "đánh giá tình hình",
)
# Words of a sentence that assign what follows.
_ASSIGNS = _Keywords("phấn đấu", "bảo đảm", "đảm bảo", "mục tiêu", "chỉ tiêu", "phải đạt", "hoàn thành")
_AT_LEAST = ("tối thiểu", "ít nhất", "trên", "từ", "không dưới", "không thấp hơn", "không ít hơn")
_AT_MOST = ("tối đa", "dưới", "không quá", "không vượt quá")
# The comparator right before a number ("đạt tối thiểu 70%", "không quá 5%", "≥ 30%").
_BEFORE_NUMBER = re.compile(
    rf"(?:(?P<at_least>{ocr_any(*_AT_LEAST)}|≥|>=)|(?P<at_most>{ocr_any(*_AT_MOST)}|≤|<=))"
    rf"(?:{_JOIN}{ocr_pattern('là')})?[\s*_]*$"
)
_AT_LEAST_AFTER = re.compile(r"[\s*_]*" + ocr_pattern("trở lên"))
_AT_MOST_AFTER = re.compile(r"[\s*_]*" + ocr_pattern("trở xuống"))
# "thực hiện đạt tỷ lệ tối thiểu 50%", "cắt giảm trung bình 20 - 30% thời gian": reaching at
# least a share, or cutting by one, is assigning it ("đạt trên 90%" may report a result).
_REACH_OR_CUT = re.compile(
    rf"(?:(?:{ocr_pattern('đạt')}(?:{_JOIN}{ocr_pattern('tỷ lệ')})?|{ocr_pattern('giảm')}){_JOIN}{ocr_any('tối thiểu', 'ít nhất')}|"
    rf"{ocr_any('cắt giảm', 'rút ngắn', 'đơn giản hóa', 'đơn giản hoá', 'bãi bỏ')}"
    rf"(?:{_JOIN}{ocr_any('trung bình', 'thêm', *_AT_LEAST)})?)[\s*_]*$"
)
# Words right before a percentage that make it a rate or a share ("Hỗ trợ 100% chi phí",
# "mức đóng bằng 4,5%", "nắm giữ trên 50%") ...
_NOT_TARGET_RIGHT_BEFORE = _Keywords(
    "hỗ trợ", "mức đóng", "mức hưởng", "tỷ lệ hưởng", "thuế suất", "lãi suất", "nắm giữ", "sở hữu", "bằng",
    "đến dưới", "tới dưới", "trích", "trích lập",
    after=r"(?:[\s*_]+[^\W\d_]+){0,3}[\s*_]*$",
)
# ... and words earlier in its sentence that make it a condition or a fact ("Trường hợp …",
# "xã có tỷ lệ … dưới 30%", "đã đạt 45%").
_NOT_TARGET_IN_SENTENCE = _Keywords(
    "có tỷ lệ", "nếu", "trường hợp", "đã đạt", "đạt được", "mới đạt", "ước đạt", "hiện nay", "đến nay",
    "hoàn thành được",
    "trong bối cảnh",  # another's goal given as the background ("trong bối cảnh cả nước đặt mục tiêu tăng trưởng 8%")
)
# Rates anywhere in its sentence: a tax or an interest rate is never a goal ("Thuế suất đối với
# xăng như sau: Xăng: 10%; xăng E5: 8%", "lãi suất thấp hơn tối thiểu 1%").
_RATE_IN_SENTENCE = _Keywords("thuế suất", "lãi suất")
# Words right after a percentage that make it a fee, a wage, a tax, an ownership share, a
# score or a bracket whatever its sentence says.
_NOT_TARGET_AFTER = _Keywords(
    "phí", "lệ phí", "mức phí", "chi phí", "vốn điều lệ", "vốn góp", "vốn đối ứng", "cổ phần", "tiền lương", "mức lương",
    "mức tiền lương", "lương", "thuế", "số thuế", "số tiền", "giá trị hợp đồng", "kinh phí", "tổng số thành viên",
    "tổng số đại biểu", "số phiếu", "số điểm",
    "do",  # a funding share ("50% do ngân sách trung ương cấp")
    "đến dưới", "tới dưới",  # brackets of a classification ("tự bảo đảm từ 30% đến dưới 70%")
    before=r"[\s*_]*",
)
# ... except the compliance cost that reform plans cut ("cắt giảm 30% chi phí tuân thủ thủ tục hành chính").
_COST_CUT_AFTER = _Keywords("chi phí tuân thủ", before=r"[\s*_]*")
# Points a share earns ("đạt 100% cộng 05 điểm"), not "100% công chức" whose "công" has lost no mark.
_SCORE_AFTER = _Keywords("cộng", "trừ", before=r"[\s*_]*", after=r"[\s*_]+\d")
# Who or what a percentage counts is a goal ("100% thành viên Ban Chỉ đạo sử dụng chữ ký số",
# "giải ngân 100% vốn ngân sách") unless its sentence makes it a quorum ("trên 50% thành viên
# tán thành") or an award cap ("khen thưởng không quá 10% tập thể, 5% cá nhân"), or the words
# before it a share of the money someone gives ("Ngân sách tỉnh đối ứng 30% vốn").
_COUNTED_AFTER = (  # (what it counts, the cue, whether the cue stands before the percentage)
    (_Keywords("thành viên", "đại biểu", "cổ đông", before=r"[\s*_]*"),
     _Keywords("tán thành", "biểu quyết", "dự họp", "có mặt", "đồng ý", "nhất trí"), False),
    (_Keywords("tập thể", "cá nhân", before=r"[\s*_]*"),
     _Keywords("khen thưởng", "danh hiệu", "bằng khen", "giấy khen"), False),
    (_Keywords("vốn", "tiền", "giá trị", before=r"[\s*_]*"),
     _Keywords("ngân sách", "đóng góp", "đối ứng", "tạm ứng", "góp vốn", "trích"), True),
)


def _counts_no_goal(text: str, folded: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the percentage at text[start:end] counts members of a vote, awardees or money given."""
    return any(counted.match(text, folded, end) and cue.search(text, folded, sentence[0], start if before else sentence[1])
               for counted, cue, before in _COUNTED_AFTER)


# A condition after it in its clause ("Tăng thêm 30% trong trường hợp …").
_CONDITION_AFTER = _Keywords("trong trường hợp", "nếu")
# "chiếm 12,5%": a share, a target only under a goal heading ("Kinh tế số chiếm 45% GRDP").
_SHARE = _Keywords("chiếm", after=r"(?:[\s*_]+[^\W\d_]+){0,2}[\s*_]*$")
_FORMULA = re.compile(r"[=×±]|\s[x*]\s")

_PERCENT = re.compile(
    r"(?<![\d.,%/])(?:(?P<low>\d{1,3}(?:[.,]\d{1,2})?)[ \t]*(?:-|–|đến)[ \t]*)?"
    r"(?P<value>\d{1,3}(?:[.,]\d{1,2})?)[ \t]*%(?![0-9A-F]{2})"  # not a URL's "%E1"
)
_RANGE_AFTER = re.compile(r"[ \t]*(?:-|–|" + ocr_pattern("đến") + r")[ \t]*\d{1,3}(?:[.,]\d{1,2})?[ \t]*%")
_RANGE_BEFORE = re.compile(r"%[ \t]*(?:-|–|" + ocr_pattern("đến") + r")[ \t]*$")

# Years a clause or heading names: "năm 2025", "năm 2025 và 2026", "giai đoạn 2026 - 2030".
_YEAR = re.compile(
    rf"(?:{ocr_pattern('giai đoạn')}|{ocr_pattern('năm')})[\s*_]*(?P<first>(?:19|20)\d\d)(?!\d)"
    rf"(?:[\s*_]*(?:-|–|{ocr_pattern('và')}|{ocr_pattern('đến')})[\s*_]*(?:{ocr_pattern('năm')}[\s*_]*)?(?P<last>(?:19|20)\d\d)(?!\d))?"
)

# Outline marks at a line start, after table bars and markdown emphasis.
_MARK_SHAPES = (
    r"[ \t|*_>]*(?:(?P<article>Điều|ĐIỀU)[ \t]+\d{1,3}[.:]?|(?P<roman>[IVX]{1,5})\.|"
    r"(?P<multi>\d{1,2}(?:\.\d{1,2}){1,3})\.?|(?P<arabic>\d{1,2})\**[.)]|(?P<letter>[a-zđ])\)|"
    r"\((?P<paren>\d{1,2}|[a-zđ])\)|(?P<dash>[-–•])|(?P<plus>\+))(?=[\s*_])"
)
_MARK = re.compile("(?m)^" + _MARK_SHAPES)
_LINE_BEFORE_MARK = re.compile(r"\n(?=" + _MARK_SHAPES + ")")
_LEVEL = {"article": 1, "roman": 2, "arabic": 3, "letter": 7, "paren": 8, "dash": 9, "plus": 10}
_LINE = re.compile(r"[^\n]+")
_CLAUSE_MARK = re.compile(r"[:;|]|[.!?](?=[\s*_]|$)")
# A sentence ends at a full stop before a capital, a blank line or a table cell's bar.
_SENTENCE_END = re.compile(r"[.!?](?=[\s*_]*\n[\s*_]*\n|[\s*_]*$|[\s*_]+(?P<next>\w))|\n[ \t]*\n|\|")
_LEAD_IN = re.compile(r"(?m)^[^\n]*:[\s*_]*$")
_HEAD_STOP = re.compile(r":|[.;](?=\s)|\n[ \t]*\n")
HEAD_LENGTH = 300  # characters of an item read as its heading, at most


_TIME_WORDS = ("đến", "tới", "từ", "trong", "vào", "hết", "sau", "cuối")
# Words that make a year the time of a goal ("đến năm 2025", "Mục tiêu năm 2025").
_TIME_BEFORE = re.compile(rf"(?:{ocr_any(*_TIME_WORDS, 'mục tiêu', 'chỉ tiêu')}|[:;,.|(\n-])[\s*_]*$")
_BASELINE = re.compile(rf"{ocr_pattern('so với')}(?:[\s*_]+{ocr_pattern('cùng kỳ')})?[\s*_]*$")
_NEXT_TIME = re.compile(rf",[\s*_]*(?:{ocr_any(*_TIME_WORDS)}[\s*_]*)*{ocr_any('năm', 'giai đoạn')}")


def _dates(folded: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Dates with at least their month ("thông năm 2018" is no date)."""
    return [d for d in find_dates(folded, start, end) if len(d.iso) >= 7]


def stated_year(folded: str) -> int | None:
    """The first year a folded phrase names as a year rather than inside a date: "đến năm
    2030", "năm 2025 và 2026" (2026), "giai đoạn 2026 - 2030" (2030); not "ngày 15 tháng 8
    năm 2024"."""
    dates = [(d.start, d.end) for d in _dates(folded)]
    for m in _YEAR.finditer(folded):
        if not any(s <= m.start() < e for s, e in dates):
            return int(m.group("last") or m.group("first"))
    return None


@dataclass
class _Item:
    """A heading or list item of the outline."""

    start: int
    mark_end: int  # end of its mark ("1.", "a)", "-"); an upper-case heading has none
    level: int
    head_end: int  # the item's heading: its words up to the first ":" or sentence end
    parent: int | None  # index of the enclosing item


def _is_upper(line: str) -> bool:
    """An upper-case line of two words or more: a title, an appendix heading, a signature block."""
    return len(re.findall(r"[^\W\d_]{2,}", line)) >= 2


def _head_end(text: str, start: int) -> int:
    """Where an item's heading ends: at its first ":" or sentence end, a blank line, or
    the line before the next mark ("III. CHỈ TIÊU CHỦ YẾU\n- 100% …")."""
    limit = min(len(text), start + HEAD_LENGTH)
    stop = _HEAD_STOP.search(text, start, limit)
    next_mark = _LINE_BEFORE_MARK.search(text, start, limit)
    return min(stop.end() if stop else limit, next_mark.start() if next_mark else limit)


def _outline(text: str) -> list[_Item]:
    marks: list[tuple[int, int, int, int]] = []  # start, mark end, level, head end
    for m in _MARK.finditer(text):
        kind = m.lastgroup
        if kind == "dash" and re.match(r"[ \t]*(?:19|20)\d\d(?!\d)", text[m.end():m.end() + 6]) and re.search(r"(?:19|20)\d\d[ \t*]*\n[ \t]*$", text[max(0, m.start() - 12):m.end() - 1]):
            continue  # "giai đoạn 2026\n- 2030": a range wrapped at its dash, not a list item
        level = 3 + m.group("multi").count(".") if kind == "multi" else _LEVEL[kind]
        marks.append((m.start(), m.end(), level, _head_end(text, m.end())))
    previous_upper_end = -2
    mark_starts, heads_end = [start for start, *_ in marks], [head_end for *_, head_end in marks]
    for m in _LINE.finditer(text):
        if not m.group().isupper() or not _is_upper(m.group()) or _MARK.match(text, m.start()):
            continue
        index = bisect_right(mark_starts, m.start()) - 1
        if index >= 0 and heads_end[index] > m.start():
            continue  # "**II. MỤC TIÊU\nCHỦ YẾU**": the wrapped end of a marked heading
        if m.start() == previous_upper_end + 1:
            marks[-1] = (marks[-1][0], marks[-1][0], 0, m.end())  # a heading wrapped over several lines
        else:
            marks.append((m.start(), m.start(), 0, m.end()))
        previous_upper_end = m.end()
    marks.sort()
    items: list[_Item] = []
    stack: list[int] = []
    for start, mark_end, level, head_end in marks:
        while stack and items[stack[-1]].level >= level:
            stack.pop()
        items.append(_Item(start, mark_end, level, head_end, stack[-1] if stack else None))
        stack.append(len(items) - 1)
    return items


class _Document:
    """A text with its outline, read once for all its percentages."""

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded
        self.items = _outline(text)
        self.starts = [i.start for i in self.items]
        self._kinds: dict[tuple[int, int], str | None] = {}

    @cached_property
    def horizon(self) -> int | None:
        """The year of the first goal heading that names one ("Mục tiêu cụ thể đến năm 2030")."""
        goal_years = (stated_year(self.words((i.start, i.head_end))) for i in self.items if self.kind((i.start, i.head_end)) == "goal")
        return next((y for y in goal_years if y), None)

    def kind(self, head: tuple[int, int]) -> str | None:
        """"goal" for a heading that announces goals, "other" for one of criteria, scores or
        facts, else None."""
        if head not in self._kinds:
            if _GOAL_HEADING.search(self.text, self.folded, *head):
                self._kinds[head] = "goal"
            elif _NOT_GOAL_HEADING.search(self.text, self.folded, *head) and not self._first_sentence(head):
                self._kinds[head] = "other"
            else:
                self._kinds[head] = None
        return self._kinds[head]

    def _first_sentence(self, head: tuple[int, int]) -> bool:
        """A head that ends a sentence with the paragraph going on after it on its line ("+ Cắt
        giảm thủ tục, không ban hành tiêu chuẩn mới. Năm 2026, …") is no heading of criteria."""
        line_end = self.text.find("\n", head[1])
        rest = self.text[head[1]:len(self.text) if line_end < 0 else line_end]
        return self.text[head[0]:head[1]].rstrip().endswith((".", ";")) and bool(rest.strip(" \t*_"))

    def words(self, span: tuple[int, int]) -> str:
        return self.folded[span[0]:span[1]]

    def item_at(self, pos: int) -> int | None:
        index = bisect_right(self.starts, pos) - 1
        return index if index >= 0 else None

    def chain(self, index: int | None) -> list[_Item]:
        """The item and its ancestors, innermost first."""
        found = []
        while index is not None:
            found.append(self.items[index])
            index = self.items[index].parent
        return found

    def heads(self, index: int | None, pos: int) -> list[tuple[int, int]]:
        """Spans of the headings over a position, innermost first, with the lead-in line
        ending in ":" that introduces the list the position stands in."""
        chain = self.chain(index)
        heads = [(item.start, item.head_end) for item in chain]
        floor = max(chain[1].start if len(chain) > 1 else 0, pos - 1500)
        lead = None
        for lead in _LEAD_IN.finditer(self.folded, floor, pos):
            pass
        if lead:
            # Only the lead-in's last sentence introduces the list.
            colon = lead.start() + lead.group().rindex(":")
            sentence_start = max((m.end() for m in self._sentence_ends(lead.start(), colon)), default=lead.start())
            heads.insert(0, (sentence_start, colon + 1))
        return heads

    def sentence_year(self, sentence: tuple[int, int], clause: tuple[int, int], start: int, end: int) -> int | None:
        """The year the sentence of a percentage at folded[start:end] names for it: the one
        its clause names after it, else the last its sentence names before it (in an earlier
        clause only as a time, "Đến năm 2025 đạt 80% …; 50% …", not a name, "Chương trình …
        năm 2018; … 100%")."""
        folded = self.folded
        after = next((m for m in _YEAR.finditer(folded, end, clause[1]) if not self._baseline(m)), None)
        if after and not any(d.start <= after.start() < d.end for d in _dates(folded, end, clause[1])):
            return int(after.group("last") or after.group("first"))
        dates = _dates(folded, sentence[0], start)
        before = [
            m for m in _YEAR.finditer(folded, sentence[0], start)
            if not any(d.start <= m.start() < d.end for d in dates) and not self._baseline(m)
            and (m.start() >= clause[0] or _TIME_BEFORE.search(folded, max(sentence[0], m.start() - 12), m.start())
                 or not folded[sentence[0]:m.start()].strip(" \t*_"))  # "Năm 2026, …" opens the sentence
        ]
        return int(before[-1].group("last") or before[-1].group("first")) if before else None

    def _baseline(self, year: re.Match[str]) -> bool:
        """"… so với năm 2020": the year a change is measured from, not the target's."""
        return bool(_BASELINE.search(self.folded, max(0, year.start() - 20), year.start()))

    def year(self, sentence: tuple[int, int], start: int, heads: list[tuple[int, int]]) -> int | None:
        """When the sentence names no year: its headings', else a date in its sentence, else
        the plan's first goal year."""
        for head in heads:
            year = stated_year(self.words(head)) if head[1] <= sentence[0] else None  # not its own sentence
            if year:
                return year
        dates = _dates(self.folded, sentence[0], start)
        if dates:
            return int(dates[-1].iso[:4])  # "Theo Quyết định … ngày 26/10/2021, … được giao chỉ tiêu 10%"
        return self.horizon

    def _sentence_ends(self, start: int, end: int) -> Iterator[re.Match[str]]:
        for m in _SENTENCE_END.finditer(self.text, start, end):
            if m.group("next") is not None and m.group("next").islower():
                continue
            item = self.item_at(m.start())
            if item is not None and self.items[item].start <= m.start() < self.items[item].mark_end:
                continue  # the full stop of a list mark ("2. Các sở …")
            yield m

    def sentence(self, pos: int, floor: int) -> tuple[int, int]:
        """The sentence around a position, not reaching before `floor`."""
        start = floor
        for m in self._sentence_ends(max(floor, pos - 1500), pos):
            start = m.end()
        end = next(self._sentence_ends(pos, len(self.text)), None)
        return start, end.start() if end else len(self.text)


def _number(value: str) -> float:
    number = float(value.replace(",", "."))
    return int(number) if number.is_integer() else number


def _clean(text: str) -> str | None:
    cleaned = squash(text.replace("*", " ")).strip(" ,;:.-|")
    return cleaned or None


def _comparator(folded: str, clause_start: int, m: re.Match[str]) -> str:
    if m.group("low"):
        return ">="  # "20 - 30%": the lower bound, the range stays in the metric
    if _RANGE_AFTER.match(folded, m.end()):
        return ">="
    if _RANGE_BEFORE.search(folded, max(clause_start, m.start() - 12), m.start()):
        return "<="
    before = _BEFORE_NUMBER.search(folded, max(clause_start, m.start() - 40), m.start())
    if _AT_LEAST_AFTER.match(folded, m.end()) or (before and before.group("at_least")):
        return ">="
    if _AT_MOST_AFTER.match(folded, m.end()) or (before and before.group("at_most")):
        return "<="
    return "="


# A clause that opens with its percentage: "- 100% thủ tục …", "Trên 90% hồ sơ …",
# "Tại địa bàn đô thị: Phấn đấu ít nhất 55% …", "Có ≥ 30% DNNVV …".
_OPENS_WITH_PERCENT = re.compile(
    rf"[\W_]*(?:\(?(?:\d{{1,2}}|[a-zđ])\)[\s*_]*)?(?:(?:{ocr_any('phấn đấu', 'đảm bảo', 'bảo đảm', 'có', 'đạt', 'tỷ lệ', 'tăng', 'tăng thêm', 'giảm', 'lên')}|"
    rf"{ocr_any(*_AT_LEAST, *_AT_MOST)}|≥|≤)[\s*_]*)*$"
)
_GOAL_LIST_NOUN = re.compile(r"[\s*_]*[^\W\d_]{2,}[\s*_,]+[^\W\d_]")


_SUBJECT_AFTER = re.compile(
    rf"{ocr_any('đối với', 'giao cho', 'cho')}[\s*_]+(?P<who>[^:%()\n]{{3,150}}?)"
    rf"(?=[\s*_]*(?::|\(|{ocr_any('từ năm', 'năm', 'trong năm', 'như sau', 'cụ thể')}))"
)
# The agency a clause opens with, before the verb that gives it the work ("Sở Y tế chủ trì
# …", "Bộ trưởng Bộ Công Thương hoàn thành …"); its first word is checked with its marks,
# so that "Số hồ sơ …" is no "Sở".
_AGENCY = _Keywords(
    "ubnd", "ủy ban nhân dân", "sở", "các sở", "bộ", "các bộ", "thủ trưởng", "công an", "ban quản lý", "văn phòng",
    *(title.lower() for title in HEAD_TITLES),  # "Bộ trưởng Bộ Công Thương", "Giám đốc Sở Y tế"
)
# Verbs after which an agency has the work ("Sở Y tế chủ trì …").
_GIVEN_WORK = (
    "được giao", "thực hiện", "phải", "phấn đấu", "đạt", "bảo đảm", "đảm bảo", "chủ trì", "hoàn thành", "có trách nhiệm",
    "tập trung", "chỉ đạo", "tổ chức", "triển khai", "rà soát",
)
_ITEM_MARK = r"[\W_]*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[ivx]{1,5})[.)][\W_]*)?"  # "1.", "a)", "II."
_SUBJECT_BEFORE_VERB = re.compile(
    rf"{_ITEM_MARK}(?:{ocr_any('trong năm')}[\s*_]+\d{{4}}[\s*_]*,[\s*_]*)?"
    rf"(?P<who>{_AGENCY.pattern.pattern}[^:;%()\n]{{2,120}}?)"
    rf"[\s*_]+{ocr_any(*_GIVEN_WORK)}"
)


# A heading that is only an agency's name: the tasks under it are its own ("1. Sở Y tế").
_AGENCY_HEADING = re.compile(
    rf"{_ITEM_MARK}(?P<who>{_AGENCY.pattern.pattern}[^:;.%()\n]{{0,80}}?)[\W_]*"
)
# An item that opens with the area its goals are for ("- Tại địa bàn đô thị: 100% …").
_AREA = re.compile(rf"{_ITEM_MARK}{ocr_pattern('tại')}[\s*_]+(?P<area>[^:;%()\n]{{3,80}}?)[\s*_]*:")
_NAME_WORD = re.compile(r"[\s*_]+[A-ZĐ\u00C0-\u1EF8]")  # "Sở Y tế", not "Sở hữu", "Bộ tiêu chí"


def _province_wide(text: str, folded: str, province: str | None, start: int, end: int) -> str | None:
    """The province, with the area the item at folded[start:end] opens with ("tỉnh Hà Tĩnh
    (địa bàn đô thị)")."""
    area = _AREA.match(folded, start, end) if province else None
    return f"{province} ({_clean(text[area.start('area'):area.end('area')])})" if area else province


def _subject(text: str, folded: str, start: int, end: int) -> str | None:
    """Who must reach a target, when the words at folded[start:end] name them:
    "Đối với <X>:", "<X> được giao / chủ trì / phải đạt / phấn đấu …", "Giao chỉ tiêu … cho <X> năm …",
    a heading that is only <X>."""
    m = _SUBJECT_AFTER.search(folded, start, end)
    if not m:
        m = _SUBJECT_BEFORE_VERB.match(folded, start, end) or _AGENCY_HEADING.fullmatch(folded, start, end)
        agency = _AGENCY.match(text, folded, m.start("who")) if m else None
        if not agency or (agency.group("words") in ("so", "bo") and not _NAME_WORD.match(text, agency.end())):
            m = None
    return _clean(text[m.start("who"):m.end("who")]) if m else None


_RATE = re.compile(rf"{ocr_any('tỷ lệ', 'tỉ lệ', 'tỷ trọng')}[\s*_]+")
_RATE_END = re.compile(
    rf"[\s*_]*(?:{ocr_any('của', 'đối với', 'phải', 'đạt', 'là', 'bằng', 'xuống', 'lên', 'đến', 'vào', 'năm')}|"
    rf"{ocr_any(*_AT_LEAST, *_AT_MOST)}|≥|≤|"
    # the change right before the number ("tỷ lệ hộ nghèo giảm 1,5%"), not "tỷ lệ giảm nghèo"
    rf"{ocr_any('tăng', 'giảm')}(?=(?:[\s*_]+{ocr_any('thêm', *_AT_LEAST, *_AT_MOST)})*[\s*_]*$)|$)"
)
# Words after a percentage that name what it is measured against, not what is measured
# ("tăng 12% so với năm 2025", "đạt 105% dự toán"), or that are not about it at all.
# A comma right after it starts the next part of the sentence ("cắt giảm tối thiểu 30%, trình
# Thủ tướng phê duyệt").
_REFERENCE_AFTER = re.compile(rf"[\s*_]*(?:{ocr_any('so với', 'dự toán')}|,)")


# The time named after a metric ("… vào năm 2027"), and the change verb and comparator
# before a number ("… tăng trên 03%").
_TIME_AFTER = re.compile(rf"[\s*_,]*(?:{ocr_any(*_TIME_WORDS)}[\s*_]*)*{ocr_pattern('năm')}[\s*_]*(?:19|20)\d\d")
_CHANGE_BEFORE = re.compile(
    rf"(?:[\s*_]*(?:{ocr_any('đạt', 'tăng', 'tăng thêm', 'giảm', 'cắt giảm', 'là', 'bằng', 'có', 'xuống', 'lên', 'mục tiêu', 'bảo đảm', 'đảm bảo', *_AT_LEAST, *_AT_MOST)}|≥|≤))+[\s*_]*$"
)
# Words that open a clause before what it measures ("phấn đấu đến năm 2030 …").
_OPENING_WORDS = re.compile(
    rf"(?:(?:{ocr_any('phấn đấu', 'bảo đảm', 'đảm bảo')}|{ocr_any(*_TIME_WORDS)}|{ocr_pattern('năm')}[\s*_]*(?:19|20)\d\d)[\s*_,]*)*"
)
_LIST_MARK = re.compile(r"[\s\-+•*_(]*(?:\d{1,2}[.)]|[a-zđ]\))?[\s*_]*")


def _metric(text: str, folded: str, clause_start: int, pos: int, after: tuple[int, int]) -> str | None:
    """What is measured: the rate named before the percentage ("tỷ lệ hồ sơ … đạt 80%"), or
    the words after it ("100% thủ tục hành chính …"), "tỷ lệ" kept when it stands before
    ("Đạt tỷ lệ từ 55% hồ sơ …")."""
    rate = _RATE.search(folded, clause_start, pos)
    if rate:
        stop = _RATE_END.search(folded, rate.end(), pos)
        if stop and stop.start() > rate.end():
            return _clean(text[rate.start():stop.start()])
    skip = _AT_LEAST_AFTER.match(folded, after[0]) or _AT_MOST_AFTER.match(folded, after[0])
    time = _TIME_AFTER.search(folded, skip.end() if skip else after[0], after[1])
    if time and _BASELINE.search(folded, max(0, time.start() - 20), time.start()):
        time = None  # "… so với năm 2020" belongs to what is measured
    words_start = skip.end() if skip else after[0]
    reference = _REFERENCE_AFTER.match(folded, words_start)
    words = None if reference else _clean(text[words_start:time.start() if time else after[1]])
    if words:
        return f"{text[rate.start():rate.end()].strip().lower()} {words}" if rate else words
    # "Hằng năm, số doanh nghiệp thành lập mới tăng trên 03%": the words before the change.
    words_start = max(clause_start, folded.rfind(",", clause_start, pos) + 1)
    words_start = _OPENING_WORDS.match(folded, _LIST_MARK.match(text, words_start).end()).end()
    change = _CHANGE_BEFORE.search(folded, words_start, pos)
    return _clean(text[words_start:change.start() if change else pos])


# A table row that OCR wrote with spaces (and the rules as "|"): index, name,
# count, percentage ("9 |UBND huyện Đà Bắc |192 |55%").
_SPACED_ROW = re.compile(
    r"(?m)^[ \t|:\[\]]*(?P<index>\d{1,3})?[ \t|:\[\].]*(?P<name>[^\W\d_][^\n%|\d]{1,60}?)[ \t|_\]]+"
    r"(?P<count>\d{1,6})[ \t|\]]+(?P<percent>\d{1,3}(?:[.,]\d{1,2})?[ \t]*%)[ \t|\]]*$"
)
MIN_SPACED_ROWS = 3  # rows in a run before spaced lines are taken for a table
# Rows this many line breaks apart or fewer are in the same table: OCR leaves
# blank lines, lines it could not read and section headings ("II. UBND các
# huyện") between rows.
ROW_GAP = 6


def _apart(text: str, end: int, start: int) -> bool:
    return text.count("\n", end, start) > ROW_GAP


def _rows(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, cells) of each table row: tab-separated lines, and runs of
    lines shaped like rows that OCR wrote with spaces."""
    rows = [(m.start(), m.end(), m.group().split("\t")) for m in re.finditer(r"(?m)^[^\n]*\t[^\n]*$", text)] if "\t" in text else []
    run: list[tuple[int, int, list[str]]] = []
    # A row ends in its percentage: only lines that end so are tried.
    row_lines = (text.rfind("\n", 0, m.start()) + 1 for m in re.finditer(r"%[ \t|\]]*$", text, re.M))
    for m in filter(None, (_SPACED_ROW.match(text, start) for start in row_lines)):
        if "\t" in m.group():
            continue  # a tab-separated row, taken above
        if run and _apart(text, run[-1][1], m.start()):
            rows += run if len(run) >= MIN_SPACED_ROWS else []
            run = []
        run.append((m.start(), m.end(), [m.group("index") or "", m.group("name"), m.group("count"), m.group("percent")]))
    rows += run if len(run) >= MIN_SPACED_ROWS else []
    return sorted(rows)


def _table_targets(text: str, folded: str, default_year: int | None) -> list[Target]:
    targets = []
    header_cells: list[str] | None = None
    context_has_target = False
    previous_end = None
    for start, end, cells in _rows(text):
        if previous_end is None or _apart(text, previous_end, start):  # a new table
            header_cells = None
            context_has_target = bool(_GOAL_HEADING.search(text, folded, max(0, start - 600), start))
        previous_end = end
        percent_col = next((i for i, c in enumerate(cells) if _PERCENT.search(c)), None)
        if percent_col is None:
            if header_cells is None and any("%" in c or "t" in c.lower() for c in cells):
                header_cells = cells
            continue
        if not context_has_target:
            continue
        value = _number(_PERCENT.search(cells[percent_col]).group("value"))
        subject = next((c.strip() for c in cells[1:] if re.search(r"[^\W\d_]{2}", c)), None)
        counts = [c.strip() for i, c in enumerate(cells) if i not in (0, percent_col) and re.fullmatch(r"\s*\d+\s*", c)]
        metric = None
        if header_cells and percent_col < len(header_cells):
            heading = _clean(header_cells[percent_col])
            metric = heading[0].lower() + heading[1:] if heading else None
        targets.append(Target(
            subject=subject,
            metric=metric,
            value=value,
            comparator=">=",
            year=default_year,
            annual_increase=None,
            procedures_count=int(counts[0]) if counts else None,
            raw=text[start:end],
            start=start,
            end=end,
        ))
    return targets


_APPENDIX = _Keywords("phụ lục")


def _in_appendix_of_tasks(doc: _Document, heads: list[tuple[int, int]]) -> bool:
    """Under an appendix heading that does not announce goals ("PHỤ LỤC … CÁC NHIỆM VỤ")."""
    top = next((h for h in heads if (i := doc.item_at(h[0])) is not None and doc.items[i].level == 0), None)
    return bool(top) and doc.kind(top) != "goal" and bool(_APPENDIX.match(doc.text, doc.folded, top[0]))


def _restates(target: Target, found: list[Target]) -> bool:
    key = fold(target.metric or "")
    return bool(key) and any(t.value == target.value and fold(t.metric or "") == key for t in found)


_ANNUAL_BEFORE = re.compile(ocr_pattern("tăng") + r"[\s*_]*$")
_ANNUAL_AFTER = re.compile(r"[^.;%]{0,40}" + ocr_any("hằng năm", "hàng năm", "các năm tiếp theo", "mỗi năm"))


def extract_targets(text: str, folded: str, default_year: int | None, issue_year: int | None = None,
                    normative: bool = False, province: str | None = None) -> list[Target]:
    """Every percentage target in the document, in order. `default_year` is the year of a
    target nothing else dates (the plan's horizon, else its year); a percentage its sentence
    dates before `issue_year`, the year the document was issued, is a result, not a goal.
    In a `normative` text (a law, decree, circular) only goal headings assign targets.
    `province` ("tỉnh Đồng Nai") is the subject of a goal whose words name no agency."""
    targets = _table_targets(text, folded, default_year)
    table_spans = [(t.start, t.end) for t in targets]
    doc = _Document(text, folded)
    previous: Target | None = None
    for m in _PERCENT.finditer(text):
        start, end = m.start(), m.end()
        if any(s <= start < e for s, e in table_spans):
            continue
        index = doc.item_at(start)
        item_start = doc.items[index].start if index is not None else 0
        sentence = doc.sentence(start, item_start)
        mark_end = doc.items[index].mark_end if index is not None else 0
        clause_start = max([sentence[0]] + [c.end() for c in _CLAUSE_MARK.finditer(folded, sentence[0], start) if c.end() > mark_end])
        while text[clause_start].isspace():
            clause_start += 1
        next_mark = _CLAUSE_MARK.search(folded, end, sentence[1])
        clause_end = next_mark.start() if next_mark else sentence[1]
        # The words after the percentage that belong to it: past the upper bound of a range
        # ("từ 30% - 40% số vụ …"), up to the next percentage or the next time (", đến năm …").
        upper = _RANGE_AFTER.match(folded, end)
        words_start = upper.end() if upper else end
        next_percent = _PERCENT.search(folded, words_start, clause_end)
        next_time = _NEXT_TIME.search(folded, words_start, clause_end)
        words_end = min(m.start() if m else clause_end for m in (next_percent, next_time))
        before_clause = folded[clause_start:start]
        if previous and previous.start == sentence[0] and _ANNUAL_BEFORE.search(before_clause) and _ANNUAL_AFTER.match(folded, end):
            previous.annual_increase = _number(m.group("value"))  # "… từ 50% trở lên và tăng 10% hằng năm"
            continue
        # The headings over the percentage, not the item whose first sentence holds it.
        heads = [h for h in doc.heads(index, sentence[0]) if not h[0] <= start < h[1]]
        # The nearest heading that speaks of goals, or of criteria, scores or facts, decides.
        decisive = next((kind for h in heads if (kind := doc.kind(h))), None)
        if decisive == "other":
            continue
        if (_NOT_TARGET_RIGHT_BEFORE.search(text, folded, max(clause_start, start - 40), start)
                or _NOT_TARGET_IN_SENTENCE.search(text, folded, sentence[0], start)
                or _RATE_IN_SENTENCE.search(text, folded, *sentence)
                or _NOT_TARGET_AFTER.match(text, folded, end) and not _COST_CUT_AFTER.match(text, folded, end)
                or _SCORE_AFTER.match(text, folded, end)
                or _counts_no_goal(text, folded, sentence, start, end)
                or _CONDITION_AFTER.search(text, folded, end, clause_end)
                or _FORMULA.search(folded, max(sentence[0], start - 30), min(clause_end, end + 30))):
            continue
        assigned = (
            decisive == "goal"
            or _ASSIGNS.search(text, folded, sentence[0], start)
            or _REACH_OR_CUT.search(folded, max(clause_start, start - 60), m.start('low') if m.group('low') else start)
            or (_OPENS_WITH_PERCENT.match(before_clause) and _GOAL_LIST_NOUN.match(folded, end))
            or previous is not None and previous.start == clause_start  # "cắt giảm 50% thời gian, 50% chi phí …"
        )
        if not assigned or (decisive != "goal" and (normative or _SHARE.search(text, folded, max(clause_start, start - 40), start))):
            continue  # the rules of a law, a decree or a circular assign goals only under a goal heading
        stated = doc.sentence_year(sentence, (clause_start, words_end), start, words_start)
        if stated and issue_year and stated < issue_year and decisive != "goal":
            continue  # "Năm 2023, tỷ lệ … đạt trên 90%" in a plan of 2025: a result, not a goal
        value_start = m.start("low") if m.group("low") else m.start("value")
        target = Target(
            subject=_subject(text, folded, item_start, start) or next(
                (s for h in heads[:2] if (s := _subject(text, folded, *h))), None) or _province_wide(text, folded, province, item_start, start),
            metric=_metric(text, folded, clause_start, value_start, (words_start, words_end)),
            value=_number(m.group("low") or m.group("value")),
            comparator=_comparator(folded, clause_start, m),
            year=stated or doc.year(sentence, start, heads) or default_year,
            annual_increase=None,
            procedures_count=None,
            # The span is the whole clause, so that a reader sees the subject,
            # comparator and metric that the value was read with.
            raw=text[clause_start:clause_end],
            start=clause_start,
            end=clause_end,
        )
        if _in_appendix_of_tasks(doc, heads) and _restates(target, targets):
            continue  # a task table of an appendix repeating a goal of the body is one goal
        targets.append(target)
        previous = target
    targets.sort(key=lambda t: t.start)
    return targets
